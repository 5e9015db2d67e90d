//! Recognises organisations and the issuer.
//!
//! A word is an organisation when its stem (particles cut off by
//! morphology) ends like an institution (`…위원회`, `…협회`, `…진흥원`) or a
//! company (`…전자`, `…엔터테인먼트`), is a name or short form the
//! gazetteers know (`산업부`, `전남도`, `네이버`), a name the release defines
//! (`이하 “…”`), an item of a list of organisations (`지멘스, MS, 네이버 등
//! 12개 기업`), a unit where the text says it is one ([`units`]), or the
//! institution inside a title (`한국특허정보원장상`, `담양군수`). Names of
//! several words are read first ([`compound`]).
//!
//! Mentions are then grouped under one canonical name: defined aliases
//! first, then the gazetteers' short forms, then a prefix a second mention
//! may drop (`한국`, a province, `…대학교` written `…대`).

mod compound;
mod issuer;
mod lists;
mod tables;
mod units;

use std::collections::{HashMap, HashSet};

use crate::Span;
use crate::analysis::definitions::Definition;
use crate::analysis::fields::Label;
use crate::analysis::words::{Word, is_hangul};
use crate::analysis::{Analysis, Segment};
use crate::document::{Issuer, Organization, Warning};
use crate::morph::{Class, Pos};

/// What the organisation recogniser finds.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub(crate) organizations: Vec<Organization>,
    /// The issuer's name and alias; its head is joined in by the link step.
    pub(crate) issuer: Option<Issuer>,
    /// Stated counts that differ from the lists beside them.
    pub(crate) warnings: Vec<Warning>,
}

/// The document's organisations, its issuer and the count warnings of its
/// lists of organisations.
pub(crate) fn recognise(cx: &Analysis<'_>) -> Found {
    let segs = cx.segments();
    let defs = cx.definitions();
    let (listed, warnings) = lists_and_counts(cx, segs);
    let mentions = mentions(cx, segs, defs, &listed);
    let defs = widened(cx, defs, &mentions);
    let organizations = cluster(cx, &mentions, &defs);
    let issuer = issuer::find(cx, &organizations, &defs);
    Found {
        organizations,
        issuer,
        warnings,
    }
}

/// Whether `stem` names an institution by its form or by the tables.
pub(crate) fn is_org_name(cx: &Analysis<'_>, stem: &str) -> bool {
    cx.lexicon.org.is_org_name(stem)
}

/// The stems of every list item that is an organisation, and the warnings
/// of counts that differ from their lists.
fn lists_and_counts(cx: &Analysis<'_>, segs: &[Segment<'_>]) -> (HashSet<Span>, Vec<Warning>) {
    let mut listed = HashSet::new();
    let mut warnings = Vec::new();
    let mut by_block: HashMap<Span, Vec<lists::OrgList>> = HashMap::new();
    let mut numbered_done = HashSet::new();
    for seg in segs {
        let mut found = lists::enumerations(cx, *seg);
        // A block with inline items has one segment per item: read its
        // numbered list once, not once per segment.
        if numbered_done.insert(seg.block.span) {
            found.extend(lists::numbered(cx, seg.block));
        }
        for list in &found {
            listed.extend(list.items.iter().copied());
        }
        listed.extend(lists::bracketed(cx, *seg));
        by_block.entry(seg.block.span).or_default().extend(found);
    }
    let mut seen = HashSet::new();
    for seg in segs {
        if !seen.insert(seg.block.span) {
            continue;
        }
        let own = by_block.get(&seg.block.span).cloned().unwrap_or_default();
        let child = seg
            .block
            .children
            .iter()
            .filter(|c| !seg.block.span.contains(c.span))
            .find_map(|c| by_block.get(&c.span).and_then(|l| l.first()));
        warnings.extend(lists::check_counts(cx, seg.block, &own, child));
    }
    (listed, warnings)
}

/// Every mention, in document order: names of several words, stems of
/// words that are organisations, units, institutions inside titles,
/// defined aliases, and list items.
fn mentions(
    cx: &Analysis<'_>,
    segs: &[Segment<'_>],
    defs: &[Definition],
    listed: &HashSet<Span>,
) -> Vec<Span> {
    let defined: HashSet<&str> = defs.iter().filter_map(|d| d.alias.as_deref()).collect();
    let places: Vec<Span> = cx
        .fields()
        .iter()
        .filter(|f| matches!(f.label, Label::Place | Label::WhenPlace))
        .map(|f| f.value)
        .collect();
    // List items of several words (`6‧25참전유공자회`) by where they start.
    let listed_at: HashMap<usize, Span> = listed.iter().map(|s| (s.start, *s)).collect();
    let mut out: Vec<Span> = Vec::new();
    for seg in segs {
        let words = cx.words(seg.span);
        // `<br>` inside a table cell is a line break, not a word.
        let ws: Vec<&Word> = words.iter().filter(|w| !is_tag(cx, w)).collect();
        let zones = units::contact_zones(cx, seg);
        let mut i = 0;
        while let Some(w) = ws.get(i) {
            if is_group_label(cx, w) {
                i += 1;
                continue;
            }
            if let Some(&item) = listed_at.get(&w.span.start).filter(|s| s.end > w.span.end) {
                out.push(item);
                i += ws
                    .iter()
                    .skip(i)
                    .take_while(|x| x.span.start < item.end)
                    .count();
                continue;
            }
            if let Some((span, used)) = compound::name_at(cx, &ws, i) {
                if !is_place(cx, &ws, i, i + used, &places) {
                    out.push(span);
                }
                i += used;
                continue;
            }
            let stem = cx.text(w.stem);
            if let Some(span) = org_span(cx, w).or_else(|| company_span(cx, w)) {
                if !is_place(cx, &ws, i, i + 1, &places) && !is_quoted_coinage(w) {
                    out.push(span);
                }
            } else if let Some(span) = units::unit_at(cx, &ws, i, &zones)
                .filter(|s| !places.iter().any(|p| p.contains(*s)))
            {
                out.push(span);
            } else if let Some(span) = titled_institution(cx, w).or_else(|| known_prefix(cx, w)) {
                out.push(span);
            } else if let Some(span) = listed_region(cx, &ws, i) {
                out.push(span);
            } else if defined.contains(cx.text(w.span)) {
                out.push(w.span);
            } else if defined.contains(stem) || listed.contains(&w.stem) {
                out.push(w.stem);
            }
            i += 1;
        }
    }
    out.extend(tables::names(cx));
    out.sort();
    out.dedup();
    // A mention inside another is a fragment of it (`사회복지재단` of
    // `대한불교조계종<br>사회복지재단`).
    let all = out.clone();
    out.retain(|m| !all.iter().any(|o| o != m && o.contains(*m)));
    out
}

/// The `br` of an HTML line break (`<br>`) inside a table cell.
fn is_tag(cx: &Analysis<'_>, w: &Word) -> bool {
    w.before == Some('<') && w.after == Some('>') && cx.text(w.span).eq_ignore_ascii_case("br")
}

/// `‘국민소통위원회’를 지향하는`: a name in single quotes with nothing else
/// inside, which a release coins for what it wants to be.
fn is_quoted_coinage(w: &Word) -> bool {
    w.before == Some('‘') && w.after == Some('’')
}

/// Where a word names an institution: its stem, or else the whole word
/// when that is a name as written (morphology may read the final `실` of
/// `국무조정실` as an ending). A stem cut before a quotative or a verb
/// ending (`전북대사대부고`, read `…부` + `고`) is no name.
pub(crate) fn org_span(cx: &Analysis<'_>, w: &Word) -> Option<Span> {
    let span = if is_org_name(cx, cx.text(w.stem)) && particle_after(cx, w) {
        w.stem
    } else if is_org_name(cx, cx.text(w.span)) {
        w.span
    } else {
        // `전남도는`: morphology read the name's `도` as the particle `도`.
        w.morphemes(cx)
            .iter()
            .filter(|m| m.span.end > w.stem.end && m.span.end < w.span.end)
            .map(|m| Span::new(w.span.start, m.span.end))
            .find(|s| cx.lexicon.org.gazetteer.knows(cx.text(*s)))?
    };
    (!is_kind_of_institution(cx, w, span)).then_some(span)
}

/// `시험센터`, `운영위원회`, `거래은행`, `가능병원`: one common noun of two
/// syllables before an ending that kinds of institutions share names
/// a kind, not an institution the gazetteers know or a name.
fn is_kind_of_institution(cx: &Analysis<'_>, w: &Word, span: Span) -> bool {
    let text = cx.text(span);
    let org = &cx.lexicon.org;
    let Some(ending) = org.category_ending(text) else {
        return false;
    };
    if org.gazetteer.knows(text) {
        return false;
    }
    let head_end = span.end - ending.len();
    let all = w.morphemes(cx);
    let head: Vec<_> = all
        .iter()
        .filter(|m| m.span.start >= span.start && m.span.end <= head_end)
        .collect();
    let one_noun = head.len() == 1
        && head
            .iter()
            .all(|m| m.pos == Pos::NNG && m.class == Class::Other && m.span.end == head_end);
    one_noun && cx.text(Span::new(span.start, head_end)).chars().count() == 2
}

/// Whether what follows the stem of `w` is a particle or the copula, not
/// a piece of a longer word that morphology read as an ending.
pub(super) fn particle_after(cx: &Analysis<'_>, w: &Word) -> bool {
    w.morphemes(cx)
        .iter()
        .find(|m| m.span.start >= w.stem.end)
        .is_none_or(|m| (m.pos.is_particle() && m.pos != Pos::JKQ) || m.pos == Pos::VCP)
}

/// A company whose ending needs a name before it (`삼성생명`,
/// `하이트진로` is in the gazetteer): a proper noun, a Latin name or a word
/// ko-dic does not know, not a common noun (`국민생명`).
fn company_span(cx: &Analysis<'_>, w: &Word) -> Option<Span> {
    let stem = cx.text(w.stem);
    let (ending, _) = cx.lexicon.org.company_ending(stem)?;
    let head_end = w.stem.end - ending.len();
    let head = cx.text(Span::new(w.stem.start, head_end));
    if head.chars().count() < 2 || !head.chars().all(char::is_alphanumeric) {
        return None;
    }
    let proper = w.morphemes(cx).iter().any(|m| {
        m.span.end <= head_end
            && m.span.start >= w.stem.start
            && (matches!(m.pos, Pos::NNP | Pos::SL | Pos::Unknown)
                || m.class == Class::Organization)
    });
    (proper && particle_after(cx, w)).then_some(w.stem)
}

/// Whether `text` has the ending of a unit (`…과`, `…담당관`).
pub(crate) fn is_unit_shaped(cx: &Analysis<'_>, text: &str) -> bool {
    cx.lexicon.org.unit_ending(text).is_some()
}

/// Titles of heads written after their institution in one word, and
/// the ending of the institution's name each leaves (`담양군수` →
/// `담양군`, `전남도지사` → `전남도`).
const HEAD_TITLES: &[(&str, &str)] = &[
    ("장상", ""),
    ("총장", ""),
    ("장", ""),
    ("군수", "군"),
    ("지사", ""),
];

// `한국특허정보원장상`, `서울지방보훈청장`, `나주시장`, `담양군수`: the
// institution a head's title (or the prize named after it) is of. A
// unit's head (`기획조정실장`) names no organisation of its own.
fn titled_institution(cx: &Analysis<'_>, w: &Word) -> Option<Span> {
    let stem = cx.text(w.stem);
    HEAD_TITLES.iter().find_map(|(title, keep)| {
        let head = stem.strip_suffix(title)?;
        let name = format!("{head}{keep}");
        // `첨단기술사업단장`: the head of a unit-like 단.
        let ok = name.chars().count() >= 3
            && !name.ends_with('단')
            && is_org_name(cx, &name)
            && !is_unit_shaped(cx, &name)
            && !cx.lexicon.org.generic_names.contains(&name);
        ok.then(|| Span::new(w.stem.start, w.stem.start + name.len()))
    })
}

// `한국광해광업공단출자`: a known full name with a noun glued after it (a
// table cell's text run together).
fn known_prefix(cx: &Analysis<'_>, w: &Word) -> Option<Span> {
    let stem = cx.text(w.stem);
    let g = &cx.lexicon.org.gazetteer;
    stem.char_indices()
        .rev()
        .take(3)
        .skip(1)
        .find_map(|(at, _)| {
            let (name, rest) = stem.split_at(at);
            (name.chars().count() >= 5 && is_hangul(rest) && g.by_name(name).is_some())
                .then(|| Span::new(w.stem.start, w.stem.start + at))
        })
}

// `강원(평창군, 영월군)`: a bare region name that labels a list of its
// local governments names its government.
fn listed_region(cx: &Analysis<'_>, ws: &[&Word], i: usize) -> Option<Span> {
    let (w, next) = (ws.get(i)?, ws.get(i + 1)?);
    let g = &cx.lexicon.org.gazetteer;
    (w.after == Some('(')
        && g.bare_region(cx.text(w.span)).is_some()
        && g.is_local(cx.text(next.stem)))
    .then_some(w.span)
}

/// Whether a local government at `ws[from..to]` is a place rather than an
/// organisation: in a `장소` field, after a region (`서울 중구`, `인천
/// 남동구`), or before an address (`중구 태평로1가`, `중구 소재`).
fn is_place(cx: &Analysis<'_>, ws: &[&Word], from: usize, to: usize, places: &[Span]) -> bool {
    let (Some(first), Some(last)) = (ws.get(from), ws.get(to.saturating_sub(1))) else {
        return false;
    };
    let g = &cx.lexicon.org.gazetteer;
    let text = cx.text(last.stem);
    let kind = cx.lexicon.org.kind(text);
    if !compound::is_region_kind(kind) && !g.is_province(cx.text(first.span)) {
        return false;
    }
    if places.iter().any(|p| p.contains(first.span)) {
        return true;
    }
    let after_region = from
        .checked_sub(1)
        .and_then(|k| ws.get(k))
        .is_some_and(|p| {
            matches!(p.after, Some(' ' | '·' | 'ㆍ'))
                && !p.has_particle()
                && g.is_region(cx.text(p.span))
        });
    let address = !last.has_particle()
        && last.after == Some(' ')
        && ws.get(to).is_some_and(|n| {
            let t = cx.text(n.span);
            let named_place = n
                .morphemes(cx)
                .iter()
                .any(|m| m.class == Class::Place || m.pos == Pos::NNP);
            t == "소재"
                || t == "일원"
                || t == "일대"
                || t.chars().any(|c| c.is_ascii_digit())
                || (named_place
                    && ["로", "길", "동", "읍", "면", "리", "가"]
                        .iter()
                        .any(|e| t.ends_with(e) && t.chars().count() >= 2))
        });
    after_region || address
}

/// `(정부)`, `(국회)`: the label of a group of attendees, not a mention.
pub(crate) fn is_group_label(cx: &Analysis<'_>, w: &Word) -> bool {
    w.before == Some('(')
        && w.after == Some(')')
        && cx.lexicon.attendee_groups.contains(cx.text(w.span))
}

/// The canonical name of a mention: the full name of a defined alias, of
/// a short form the gazetteers know (the full name the release writes, if
/// it writes one), of a name written again without a prefix (`한국`,
/// `전라남도`) or with its `대학교` cut to `대`, and every name without its
/// legal-form mark and line breaks.
fn canonical(
    cx: &Analysis<'_>,
    text: &str,
    defs: &[Definition],
    written: &HashSet<String>,
) -> String {
    let clean = clean_name(text);
    if let Some(def) = defs.iter().find(|d| d.alias.as_deref() == Some(text)) {
        return def.full.clone();
    }
    let g = &cx.lexicon.org.gazetteer;
    if let Some(fulls) = g.short_form(&clean) {
        let full = fulls
            .iter()
            .find(|f| written.contains(**f))
            .or(fulls.first());
        return full.map_or(clean.clone(), |f| f.to_string());
    }
    if let Some(known) = g.by_name(&clean) {
        return known.name.clone();
    }
    if let Some(full) = g.bare_region(&clean).filter(|f| written.contains(*f)) {
        return full.to_string();
    }
    let prefixed = cx
        .lexicon
        .org
        .prefixes
        .iter()
        .map(|p| format!("{p}{clean}"));
    let university = clean
        .strip_suffix("여대")
        .map(|h| format!("{h}여자대학교"))
        .or_else(|| clean.strip_suffix('대').map(|h| format!("{h}대학교")));
    if let Some(full) = prefixed.chain(university).find(|f| written.contains(f)) {
        return full;
    }
    // `나주시` written also as `전라남도 나주시`.
    let spaced = format!(" {clean}");
    written
        .iter()
        .filter(|w| w.ends_with(&spaced) && g.is_province(w.trim_end_matches(&spaced)))
        .min()
        .cloned()
        .unwrap_or(clean)
}

/// The legal-form marks of companies and foundations, before or after a
/// name (`㈜농심`, `LG전자 주식회사`).
pub(super) const LEGAL_FORMS: &[&str] = &[
    "(사)",
    "(재)",
    "(주)",
    "(유)",
    "㈜",
    "㈔",
    "주식회사",
    "유한책임회사",
    "유한회사",
    "재단법인",
    "사단법인",
    "학교법인",
];

/// A name without the legal-form mark of a company or foundation (`㈜농심`
/// → `농심`, `재단법인 국악방송` → `국악방송`), HTML line breaks and the
/// spaces around them.
fn clean_name(text: &str) -> String {
    let name = text.replace("<br>", "");
    let mut trimmed = name.trim();
    for mark in LEGAL_FORMS {
        trimmed = trimmed.trim_start_matches(mark).trim_start();
        trimmed = trimmed.trim_end_matches(mark).trim_end();
    }
    if trimmed.is_empty() {
        name.trim().to_string()
    } else {
        trimmed.to_string()
    }
}

/// The definitions with their full names as long as the mentions they
/// end (`가스·전력시장위원회(GEMA: …)`: the definition reads only the last
/// word before the parenthesis).
fn widened(cx: &Analysis<'_>, defs: &[Definition], mentions: &[Span]) -> Vec<Definition> {
    defs.iter()
        .map(|d| {
            let mut d = d.clone();
            if let Some(m) = mentions
                .iter()
                .find(|m| m.end == d.full_span.end && m.start < d.full_span.start)
            {
                d.full = clean_name(cx.text(*m));
                d.full_span = *m;
            }
            d
        })
        .collect()
}

/// Groups mentions under their canonical names, in order of first
/// mention.
fn cluster(cx: &Analysis<'_>, mentions: &[Span], defs: &[Definition]) -> Vec<Organization> {
    let written: HashSet<String> = mentions.iter().map(|m| clean_name(cx.text(*m))).collect();
    let mut out: Vec<Organization> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for &m in mentions {
        let text = cx.text(m);
        let name = canonical(cx, text, defs, &written);
        let at = *index.entry(name.clone()).or_insert_with(|| {
            out.push(Organization {
                name: name.clone(),
                aliases: Vec::new(),
                mentions: Vec::new(),
                id: 0,
            });
            out.len() - 1
        });
        let Some(org) = out.get_mut(at) else { continue };
        if clean_name(text) != name && !org.aliases.iter().any(|a| a == text) {
            org.aliases.push(text.to_string());
        }
        org.mentions.push(cx.source.snippet(m));
    }
    out
}

/// The canonical name of an organisation written `text` in `doc`.
pub(crate) fn canonical_in(organizations: &[Organization], text: &str) -> Option<String> {
    organizations
        .iter()
        .find(|o| o.name == text || o.aliases.iter().any(|a| a == text))
        .map(|o| o.name.clone())
}

#[cfg(test)]
mod debug_tests {
    use crate::analysis::with_analysis;

    #[test]
    #[ignore]
    fn print_listed() {
        let text = std::env::var("BODO_DEBUG_TEXT").unwrap_or_default();
        with_analysis(&text, |cx| {
            let (listed, _) = super::lists_and_counts(cx, cx.segments());
            for s in listed {
                println!("listed: {}", cx.text(s));
            }
        });
    }

    #[test]
    #[ignore]
    fn print_morphemes() {
        let text = std::env::var("BODO_DEBUG_TEXT").unwrap_or_default();
        with_analysis(&text, |cx| {
            for seg in cx.segments() {
                for w in cx.words(seg.span).iter() {
                    let ms: Vec<String> = w
                        .morphemes(cx)
                        .iter()
                        .map(|m| format!("{}/{:?}/{:?}", cx.text(m.span), m.pos, m.class))
                        .collect();
                    println!("{} [{}] {:?}", cx.text(w.span), cx.text(w.stem), ms);
                }
            }
        });
    }
}
