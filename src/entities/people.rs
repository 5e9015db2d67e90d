//! Recognises people: a name next to a title, with the organisation the
//! release ties them to, in the orders the genre writes them.
//!
//! ```text
//! 박진규 산업통상자원부 1차관은      name, affiliation, title
//! 더불어민주당 고민정 의원           affiliation, name, title
//! 박현희(朴賢姬, 50세) 기획재정담당관   name, (aside), title
//! 산업통상자원부(장관: 문승욱, …)     affiliation(title name)
//! 한국산업지능화협회(김태환 회장)      affiliation(name title)
//! 박 차관                            a later mention, linked by surname
//! ```
//!
//! Names are judged by morphology (ko-dic's 인명 class, or a surname
//! followed by what ko-dic cannot read as a common word), titles by the
//! lexicon. People of the contact block are left to the contacts
//! recogniser.

use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::is_contact;
use crate::analysis::words::{Word, is_hangul};
use crate::document::Person;
use crate::morph::{Class, Pos};

/// The people named in the body, in order, each mention an item; their
/// affiliations as written (the link step gives them canonical names).
pub(crate) fn recognise(cx: &Analysis<'_>) -> Vec<Person> {
    let mut found: Vec<Found> = Vec::new();
    let mut later: Vec<(Span, Span)> = Vec::new();
    for seg in cx.segments() {
        if is_contact(seg.block) {
            continue;
        }
        let ws = cx.words(seg.span);
        for i in 0..ws.len() {
            if let Some(f) = name_first(cx, &ws, i).or_else(|| title_first(cx, &ws, i)) {
                found.push(f);
            } else if let Some(pair) = surname_title(cx, &ws, i) {
                later.push(pair);
            }
        }
    }
    found.sort_by_key(|f| f.span);
    found.dedup_by_key(|f| f.span);
    let mut people: Vec<Person> = found.iter().map(|f| person(cx, f)).collect();
    people.extend(link_later(cx, &people, &later));
    people.sort_by_key(|p| p.mention.span);
    fill_affiliations(&mut people);
    people
}

/// A person found in the text, before names are resolved.
#[derive(Debug, Clone, Copy)]
struct Found {
    span: Span,
    name: Span,
    title: Span,
    affiliation: Option<Span>,
}

/// The output item for a found person.
fn person(cx: &Analysis<'_>, f: &Found) -> Person {
    Person {
        mention: cx.source.snippet(f.span),
        name: cx.text(f.name).to_string(),
        title: Some(cx.text(f.title).to_string()),
        affiliation: f.affiliation.map(|a| cx.text(a).to_string()),
        affiliation_id: None,
        id: 0,
        mentions: Vec::new(),
    }
}

// `NAME [ORG]{0,2} TITLE` and `ORG NAME TITLE`, with asides in
// parentheses skipped: `박현희(朴賢姬, 50세) 기획재정담당관`.
fn name_first(cx: &Analysis<'_>, ws: &[Word], i: usize) -> Option<Found> {
    let name = ws.get(i)?;
    if name.has_particle() || !matches!(name.after, Some(' ' | '(')) || !is_name(cx, name) {
        return None;
    }
    let (mut j, aside) = skip_aside(cx, ws, i + 1);
    let mut affiliation = aside;
    for _ in 0..3 {
        let w = ws.get(j)?;
        if let Some(title) = title_stem(cx, w) {
            let before = org_before(cx, ws, i);
            let start = before
                .filter(|_| affiliation.is_none())
                .unwrap_or(name.span);
            return Some(Found {
                span: start.cover(title),
                name: name.stem,
                title,
                affiliation: affiliation.or(before).or_else(|| paren_org(cx, ws, i)),
            });
        }
        // `전기공학과`: morphology reads the final 과 as a particle.
        if is_department(cx, cx.text(w.span)) {
            j = skip_aside(cx, ws, j + 1).0;
            continue;
        }
        if w.has_particle() {
            return None;
        }
        if is_affiliation(cx, w) {
            affiliation = affiliation.or(Some(w.stem));
        } else if !is_department(cx, cx.text(w.stem)) {
            return None;
        }
        j = skip_aside(cx, ws, j + 1).0;
    }
    None
}

// `(TITLE[:] NAME` / `(TITLE 직무대행 NAME`: a head named inside the
// parenthesis after their organisation.
fn title_first(cx: &Analysis<'_>, ws: &[Word], i: usize) -> Option<Found> {
    let t = ws.get(i)?;
    if t.before != Some('(') || t.has_particle() {
        return None;
    }
    let title = title_stem(cx, t)?;
    let mut j = i + 1;
    if ws.get(j).is_some_and(|w| cx.text(w.span) == "직무대행") {
        j += 1;
    }
    let name = ws.get(j)?;
    if !is_name(cx, name) || !matches!(name.after, Some(',' | ')') | None) {
        return None;
    }
    Some(Found {
        span: t.span.cover(name.stem),
        name: name.stem,
        title,
        affiliation: paren_org(cx, ws, i),
    })
}

// `박 차관`, `황 장관은`: a surname and a title, for [`link_later`].
fn surname_title(cx: &Analysis<'_>, ws: &[Word], i: usize) -> Option<(Span, Span)> {
    let s = ws.get(i)?;
    let text = cx.text(s.span);
    if text.chars().count() != 1 || !cx.lexicon.is_surname(text) || s.after != Some(' ') {
        return None;
    }
    let title = title_stem(cx, ws.get(i + 1)?)?;
    Some((s.span, title))
}

/// Later mentions (`박 차관`) as the one person found in full whose name
/// starts with that surname; left out when none or several do.
fn link_later(cx: &Analysis<'_>, people: &[Person], later: &[(Span, Span)]) -> Vec<Person> {
    later
        .iter()
        .filter_map(|&(surname, title)| {
            let s = cx.text(surname);
            let mut names: Vec<&Person> = people.iter().filter(|p| p.name.starts_with(s)).collect();
            names.dedup_by(|a, b| a.name == b.name);
            let [full] = names.as_slice() else {
                return None;
            };
            Some(Person {
                mention: cx.source.snippet(surname.cover(title)),
                name: full.name.clone(),
                title: Some(cx.text(title).to_string()),
                affiliation: full.affiliation.clone(),
                affiliation_id: None,
                id: 0,
                mentions: Vec::new(),
            })
        })
        .collect()
}

/// Gives a person mentioned without an organisation the one they were
/// given elsewhere under the same name.
fn fill_affiliations(people: &mut [Person]) {
    let known: Vec<(String, String)> = people
        .iter()
        .filter_map(|p| Some((p.name.clone(), p.affiliation.clone()?)))
        .collect();
    for p in people.iter_mut().filter(|p| p.affiliation.is_none()) {
        p.affiliation = known
            .iter()
            .find(|(name, _)| *name == p.name)
            .map(|(_, a)| a.clone());
    }
}

/// The index after an aside in parentheses that opens at `j`
/// (`(朴賢姬, 50세)`, `(이하 ‘농식품부’)`), or `j`; and the aside itself
/// when it is one organisation (`서윤정(명지대학교) 교수`).
fn skip_aside(cx: &Analysis<'_>, ws: &[Word], j: usize) -> (usize, Option<Span>) {
    let Some(first) = ws.get(j).filter(|w| w.before == Some('(')) else {
        return (j, None);
    };
    let mut k = j;
    while let Some(w) = ws.get(k) {
        k += 1;
        // The parenthesis may close after a quote: `(이하 ‘농식품부’)`.
        let gap = ws
            .get(k)
            .map_or(Span::new(w.span.end, w.span.end + 4), |n| {
                Span::new(w.span.end, n.span.start)
            });
        if w.after == Some(')') || cx.text(gap).contains(')') {
            let org =
                (k == j + 1 && cx.lexicon.is_org_name(cx.text(first.stem))).then_some(first.stem);
            return (k, org);
        }
    }
    (j, None)
}

/// The organisation written right before `ws[i]` (`더불어민주당 고민정`),
/// without a particle.
fn org_before(cx: &Analysis<'_>, ws: &[Word], i: usize) -> Option<Span> {
    let w = ws.get(i.checked_sub(1)?)?;
    (w.after == Some(' ') && !w.has_particle() && cx.lexicon.is_org_name(cx.text(w.stem)))
        .then_some(w.stem)
}

/// The organisation before the parenthesis that `ws[i]` opens
/// (`한국산업지능화협회(김태환 회장)`).
fn paren_org(cx: &Analysis<'_>, ws: &[Word], i: usize) -> Option<Span> {
    let w = ws.get(i.checked_sub(1)?)?;
    (ws.get(i)?.before == Some('(')
        && w.after == Some('(')
        && cx.lexicon.is_org_name(cx.text(w.stem)))
    .then_some(w.stem)
}

/// The stem of `w` when it is a title (`1차관은` → `1차관`).
fn title_stem(cx: &Analysis<'_>, w: &Word) -> Option<Span> {
    let stem = cx.text(w.stem);
    let letters = stem.trim_start_matches(|c: char| c.is_ascii_digit());
    (is_hangul(letters) && letters.chars().count() <= 10 && cx.lexicon.title_ending(stem).is_some())
        .then_some(w.stem)
}

/// Whether `w` can stand between a name and a title as its organisation:
/// an institution, or a proper noun (`광운대`).
fn is_affiliation(cx: &Analysis<'_>, w: &Word) -> bool {
    let stem = cx.text(w.stem);
    let morphemes = w.stem_morphemes();
    cx.lexicon.is_org_name(stem)
        || (is_hangul(stem)
            && !morphemes.is_empty()
            && morphemes
                .iter()
                .all(|m| m.pos == Pos::NNP && m.class != Class::Person))
}

/// A university department between an affiliation and a title
/// (`광운대학교 전기공학과 교수`).
fn is_department(cx: &Analysis<'_>, stem: &str) -> bool {
    is_hangul(stem) && cx.lexicon.department_endings.ends_longer(stem)
}

/// Whether `w` is a person's name: 2–4 Hangul syllables that ko-dic
/// tags as a name, or that open with a surname and that ko-dic does not
/// read as one common word.
fn is_name(cx: &Analysis<'_>, w: &Word) -> bool {
    let stem = cx.text(w.stem);
    let n = stem.chars().count();
    if !is_hangul(stem) || !(2..=4).contains(&n) || cx.lexicon.not_names.contains(stem) {
        return false;
    }
    if cx.lexicon.is_org_name(stem) || cx.lexicon.title_ending(stem).is_some() {
        return false;
    }
    let morphemes = w.stem_morphemes();
    if morphemes.iter().any(|m| m.class == Class::Person) {
        return true;
    }
    // Unknown names come out in pieces (`곽/NNG 은/JX 섭/NNG`), but never
    // with a verb or an ending in them.
    let last = morphemes.len().saturating_sub(1);
    let nouns = morphemes.iter().enumerate().all(|(k, m)| {
        m.pos.is_noun() || m.pos == Pos::Unknown || (m.pos.is_particle() && k < last)
    });
    if n > 3
        || !nouns
        || morphemes
            .iter()
            .any(|m| matches!(m.class, Class::Place | Class::Organization))
    {
        return false;
    }
    let common = morphemes.len() == 1
        && morphemes
            .iter()
            .all(|m| !matches!(m.pos, Pos::NNP | Pos::Unknown));
    cx.lexicon.starts_with_surname(stem) && !common
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::with_analysis;

    fn names(text: &str) -> Vec<(String, bool)> {
        with_analysis(text, |cx| {
            cx.words(Span::new(0, text.len()))
                .iter()
                .map(|w| (cx.text(w.stem).to_string(), is_name(cx, w)))
                .collect()
        })
    }

    #[test]
    fn names_are_judged_by_morphology() {
        let got = names("박진규 윤창렬 곽은섭 이번 신임 정부 한국 마련한 허용오차");
        let is = |word: &str| got.iter().find(|(w, _)| w == word).map(|(_, n)| *n);
        for name in ["박진규", "윤창렬", "곽은섭"] {
            assert_eq!(is(name), Some(true), "{name}: {got:?}");
        }
        for word in ["이번", "신임", "정부", "한국", "마련한", "허용오차"] {
            assert_eq!(is(word), Some(false), "{word}: {got:?}");
        }
    }

    #[test]
    fn departments_sit_between_university_and_title() {
        with_analysis("", |cx| {
            assert!(is_department(cx, "전기공학과"));
            assert!(!is_department(cx, "학과"));
        });
    }
}
