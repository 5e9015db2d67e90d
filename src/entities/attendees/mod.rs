//! Recognises attendees: the people and organisations stated to attend or
//! take part in an event.
//!
//! - [`lists`]: labelled lists (`참석자 : (정부) … (국회) …`, `(참석) …`,
//!   `[참석] …`, `▸참석자: ▴(생명대사) …`) and their continuation lines;
//! - [`sentences`]: who is present (`… 등이 참석한 가운데`, `…이
//!   참석하여`), who chairs (`김광용 본부장 주재로`), the subject of a
//!   sentence where an event is held (`황종우 장관은 … 간담회를 가졌다`),
//!   and the parties met (`수산단체를 만나`, `…와 협약식을 하고`).
//!
//! Each item is one attendee; the link step says who it is, from the
//! people and organisations named inside. Count phrases (`관계기관 담당자
//! 등 50명`, `17개 시·도`) and general nouns (`유관기관`) name nobody.

mod lists;
mod sentences;

use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::words::{Word, is_hangul};
use crate::morph::Pos;

/// One attendee as found; the link step says who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The item as written, without asides in brackets at its end.
    pub(crate) span: Span,
    /// The group label in force (`정부`, `국회`).
    pub(crate) group: Option<String>,
    /// The title the item ends with (`전기위원회 위원장`).
    pub(crate) title: Option<String>,
    /// How the text says it attends.
    pub(crate) role: Role,
    /// Whether the item looks like a name by itself (a proper noun, Latin
    /// letters, an institution's ending), so that it is an attendee even
    /// when no person or organisation was found inside.
    pub(crate) named: bool,
    /// Whether the item states a count (`5대 시중은행`, `30여 명`): it
    /// names nobody, even with an organisation's word inside.
    pub(crate) count: bool,
    /// Whether the item is a person's name by where it stands (`따봉호(김봉백,
    /// 고희경)`: the names in brackets after what they crew).
    pub(crate) person: bool,
}

/// How the text says an item attends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// An item of a list of attendees, or of the clause of who is present.
    Listed,
    /// Who chairs (`… 주재로`): a person.
    Chair,
    /// The subject of a sentence where an event is held: a person, or an
    /// organisation when it takes part rather than hosts (`orgs`).
    Subject { orgs: bool },
}

/// The attendees of the document, in order.
pub(crate) fn recognise(cx: &Analysis<'_>) -> Vec<Found> {
    let mut out = lists::recognise(cx);
    out.extend(sentences::recognise(cx));
    out.sort_by_key(|f| f.span);
    out.dedup_by_key(|f| f.span);
    out
}

/// Nouns for the people of a body (`관계자`, `구성원들`): an item ending in
/// one names the body.
const MEMBERS: &[&str] = &[
    "관계자들",
    "관계자",
    "담당자들",
    "담당자",
    "임직원",
    "직원들",
    "직원",
    "구성원들",
    "구성원",
    "회원들",
    "회원",
    "대표들",
    "단원들",
    "관계관",
    "위원들",
    "임원진",
    "임원",
];

/// The attendee items of a clause read word by word (`A, B 등 유관기관
/// 및 관계 전문가들`, `케이티(KT), 엘지유플러스(LGU+)`): cut at commas, 및,
/// 와/과, 등 and `·` between names; asides in brackets left out.
pub(crate) fn clause_items(cx: &Analysis<'_>, span: Span) -> Vec<Span> {
    // The words that overlap `span`: the last one may carry a particle
    // outside it (`장관은` for `… 장관`).
    let rest = cx.source.text.get(span.end..).unwrap_or("");
    let word_end = span.end
        + rest
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(rest.len(), |(at, _)| at);
    let around = cx.words(Span::new(span.start, word_end));
    let words: Vec<&Word> = around
        .iter()
        .filter(|w| w.span.start < span.end && span.start < w.span.end)
        .collect();
    let mut items = Vec::new();
    let mut current: Option<Span> = None;
    let mut depth = 0usize;
    let mut previous: Option<&Word> = None;
    for &w in &words {
        let gap_start = previous
            .map_or(span.start, |p| p.span.end)
            .min(w.span.start);
        let gap = cx.text(Span::new(gap_start, w.span.start));
        let opens = gap.matches(['(', '[']).count();
        let closes = gap.matches([')', ']']).count();
        // `혁신엔(N)돌핀스`: a bracket inside a word is part of the name.
        let inside_word = gap.ends_with(')')
            && depth == 1
            && closes == 1
            && !w.morphemes(cx).iter().all(|m| m.pos.is_particle());
        depth = (depth + opens).saturating_sub(closes);
        let text = cx.text(w.span);
        let cut = gap.contains([',', '/', '▴', '▲', '>'])
            || (gap.contains(['·', 'ㆍ', '․']) && depth == 0 && dotted_names(cx, previous, w));
        if depth > 0 {
            previous = Some(w);
            continue;
        }
        // `…(위원장 김종철)와 …`: the particle after an aside ends the item.
        if !inside_word
            && gap.trim_end().ends_with(')')
            && (is_particle_word(w) || matches!(text, "과" | "와"))
        {
            if matches!(text, "과" | "와" | "를" | "을") {
                items.extend(current.take());
            }
            previous = Some(w);
            continue;
        }
        if cut && !inside_word {
            items.extend(current.take());
        }
        if matches!(text, "및" | "등" | "비롯해" | "비롯한" | "비롯하여") {
            items.extend(current.take());
            previous = Some(w);
            continue;
        }
        let end = w.stem.end.min(span.end);
        current = Some(match current {
            Some(c) => Span::new(c.start, end),
            None => Span::new(w.span.start.max(span.start), end),
        });
        // `…과`, `…와` joining the next: the item ends here.
        let tail = cx.text(Span::new(w.stem.end, w.span.end));
        if matches!(tail, "과" | "와" | "를" | "을") {
            items.extend(current.take());
        }
        previous = Some(w);
    }
    items.extend(current);
    // `센터장이` read as one noun: the clause ends in a particle all the
    // same.
    if let Some(last) = items.last_mut() {
        let text = cx.text(*last);
        if let Some(rest) = ["께서", "이", "가", "은", "는"]
            .iter()
            .find_map(|p| text.strip_suffix(p))
            .filter(|r| last.end == span.end.min(last.end) && r.chars().count() >= 2)
        {
            if words
                .last()
                .is_some_and(|w| w.stem == w.span && w.span.end == last.end)
            {
                *last = Span::new(last.start, last.start + rest.len());
            }
        }
    }
    items
        .into_iter()
        .map(|s| without_members(cx, s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// A word that is only a particle (`)와`, `’에`).
pub(crate) fn is_particle_word(w: &Word) -> bool {
    w.particle_only
}

/// The names in brackets after the items of a clause (`따봉호(김봉백,
/// 고희경), 정남진호(백경동)`): brackets that hold only names of two to
/// four syllables that start with a surname. Returns the names and where
/// each bracket opens.
pub(crate) fn bracket_names(cx: &Analysis<'_>, clause: Span) -> Vec<(Span, usize)> {
    let text = cx.text(clause);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text.get(from..).and_then(|t| t.find('(')).map(|i| from + i) {
        let Some(close) = text.get(open..).and_then(|t| t.find(')')).map(|i| open + i) else {
            break;
        };
        from = close + 1;
        let inner = text.get(open + 1..close).unwrap_or("");
        let names: Vec<&str> = inner.split(',').map(str::trim).collect();
        let all_names = names.iter().all(|n| {
            (2..=4).contains(&n.chars().count())
                && is_hangul(n)
                && cx.lexicon.starts_with_surname(n)
                && !cx.lexicon.is_org_name(n)
                && cx.lexicon.title_ending(n).is_none()
        });
        if !all_names {
            continue;
        }
        let mut at = open + 1;
        for part in inner.split(',') {
            let lead = part.len() - part.trim_start().len();
            let start = clause.start + at + lead;
            out.push((
                Span::new(start, start + part.trim().len()),
                clause.start + open,
            ));
            at += part.len() + 1;
        }
    }
    out
}

/// Whether two words joined by a middle dot are names each
/// (`소방청·고용노동부`), not one name (`항공·철도사고조사위원회`).
fn dotted_names(cx: &Analysis<'_>, before: Option<&Word>, after: &Word) -> bool {
    before.is_some_and(|b| {
        cx.lexicon.is_org_name(cx.text(b.stem)) && cx.lexicon.is_org_name(cx.text(after.stem))
    })
}

/// The item without a trailing word for the body's people (`… 관계자`).
pub(crate) fn without_members(cx: &Analysis<'_>, item: Span) -> Span {
    let text = cx.text(item);
    for m in MEMBERS {
        if let Some(rest) = text.strip_suffix(m) {
            let rest = rest.trim_end();
            if !rest.is_empty() {
                return Span::new(item.start, item.start + rest.len());
            }
        }
    }
    item
}

/// Whether an item states a count (`20개 협단체`, `230여 명`, `17개
/// 시·도`): a count names nobody.
pub(crate) fn is_count(cx: &Analysis<'_>, item: Span) -> bool {
    let text = cx.text(item);
    let digits = text.find(|c: char| c.is_ascii_digit());
    digits.is_some_and(|at| {
        let rest = text.get(at..).unwrap_or("");
        let unit = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',');
        let unit = unit.trim_start_matches(['여', ' ']);
        ["명", "개", "곳", "인", "팀", "개사", "사", "대"]
            .iter()
            .any(|u| unit.starts_with(u))
    })
}

/// Whether an item looks like a name by itself: a proper noun, Latin
/// letters or a word the dictionary does not know, or an institution's
/// name by its form.
pub(crate) fn looks_named(cx: &Analysis<'_>, item: Span) -> bool {
    if is_count(cx, item) {
        return false;
    }
    let words = cx.words(item);
    let last = words.last();
    words.iter().any(|w| {
        w.morphemes(cx)
            .iter()
            .any(|m| matches!(m.pos, Pos::NNP | Pos::SL | Pos::Unknown))
    }) || last.is_some_and(|w| cx.lexicon.is_org_name(cx.text(w.stem)))
}

/// The title an item ends with, before any aside (`국무총리(주재)`,
/// `전기위원회 위원장`).
pub(crate) fn trailing_title(cx: &Analysis<'_>, item: Span) -> Option<String> {
    cx.words(item)
        .iter()
        .rev()
        .find(|w| w.before != Some('('))
        .map(|w| cx.text(w.stem))
        .filter(|s| is_hangul(s) && cx.lexicon.title_ending(s).is_some())
        .map(str::to_string)
}

/// An attendee at `span`.
fn item(cx: &Analysis<'_>, span: Span, group: Option<String>, role: Role) -> Found {
    Found {
        span,
        group,
        title: trailing_title(cx, span),
        role,
        named: looks_named(cx, span),
        count: is_count(cx, span),
        person: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::with_analysis;

    fn items(text: &str) -> Vec<String> {
        with_analysis(text, |cx| {
            clause_items(cx, Span::new(0, text.len()))
                .into_iter()
                .map(|s| cx.text(s).to_string())
                .collect()
        })
    }

    #[test]
    fn clauses_are_cut_into_items() {
        assert_eq!(
            items("한국전력공사, 한국전력거래소 등 유관기관 및 관계 전문가들"),
            [
                "한국전력공사",
                "한국전력거래소",
                "유관기관",
                "관계 전문가들"
            ]
        );
        assert_eq!(
            items("한국인터넷진흥원(이하 KISA) 등 전문기관, 케이티(KT)"),
            ["한국인터넷진흥원", "전문기관", "케이티"]
        );
        assert_eq!(
            items("전기위원회 사무국ㆍ한국전력공사 관계자"),
            ["전기위원회 사무국ㆍ한국전력공사"]
        );
    }

    #[test]
    fn counts_name_nobody() {
        with_analysis(
            "관계자 등 230여 명 17개 시·도 한국전력공사",
            |cx| {
                assert!(is_count(cx, Span::new(0, 30)));
            },
        );
    }
}
