//! Names written without a title right after them, in the forms the genre
//! uses for people who are not officials:
//!
//! ```text
//! 김해에서 온 모준형 씨가             name, the honorific 씨
//! 강나라(배우), 오은영(의사·방송인)     name, (title)
//! 김유대, 박건웅, 소윤경 등 작가 5인     a list of names, 등, the title
//! 방위산업진흥국장  일반직고위공무원  이 형 석    a spaced name after its title
//! ```
//!
//! A word that stands in a list or before a title in parentheses needs
//! less of a name's look than one standing alone (see [`loose_name`]): the
//! form says it is a person, and ko-dic reads unknown names as common
//! words (`하/IC 수정/NNG`, `안/MAG 효림/NNP`).

use super::{Found, Pieces, derivation, is_name, name_shaped, title_stem};
use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::words::{Word, is_hangul};
use crate::morph::{Class, Pos};

/// `모준형 씨가`: a name before the honorific 씨, which is no title.
pub(super) fn honorific(cx: &Analysis<'_>, ws: &[Word], i: usize) -> Option<Found> {
    let name = ws.get(i)?;
    let next = ws.get(i + 1)?;
    if name.has_particle()
        || name.after != Some(' ')
        || cx.text(next.stem) != "씨"
        || !name_shaped(cx, name, Pieces::BEFORE_TITLE)
    {
        return None;
    }
    Some(Found {
        span: name.stem.cover(next.stem),
        name: name.stem,
        title: None,
        affiliation: None,
    })
}

/// `강나라(배우)`, `오은영(의사·방송인)`: a name with its title (the first,
/// when several are given) in the parenthesis right after it.
pub(super) fn titled_aside(cx: &Analysis<'_>, ws: &[Word], i: usize) -> Option<Found> {
    let name = ws.get(i)?;
    let t = ws.get(i + 1)?;
    if name.after != Some('(')
        || name.before == Some('(')
        || t.before != Some('(')
        || t.has_particle()
        || !matches!(t.after, Some(')' | '·' | 'ㆍ' | ','))
    {
        return None;
    }
    // `오은영(의사·방송인)`: the first title the parenthesis gives.
    let title = title_stem(cx, t).or_else(|| {
        let next = ws
            .get(i + 2)
            .filter(|_| matches!(t.after, Some('·' | 'ㆍ')))?;
        title_stem(cx, next).map(|title| t.span.cover(title))
    })?;
    // `고도화(국립과학수사연구원)` names an institution, not a researcher.
    if cx.lexicon.is_org_name(cx.text(t.span)) {
        return None;
    }
    // A particle cannot stand before `(`: `한로로(가수)` is not 한로 + 로.
    loose_name(cx, name, name.span).then(|| Found {
        span: name.span.cover(title),
        name: name.span,
        title: Some(title),
        affiliation: None,
    })
}

/// Lists of names separated by commas and closed by `등` (`김유대, 박건웅,
/// 소윤경 등 작가 5인`, `멜로망스, 김연우, 소향 등 인기 가수들의`) or by a
/// title (`김유대, 박건웅 작가`): each name is a person, with the title
/// written after the list. Two names at least must look like names on
/// their own, and half of the list. A name a PDF line cut after its
/// surname (`노 인경`) is one item.
pub(super) fn listed(cx: &Analysis<'_>, ws: &[Word]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut j = i;
        loop {
            let end = item_end(cx, ws, j);
            items.push((j, end));
            if ws.get(end).is_some_and(|w| w.after == Some(',')) && comma_next(cx, ws, end) {
                j = end + 1;
            } else {
                break;
            }
        }
        let last = items.last().map_or(i, |&(_, e)| e);
        if items.len() > 1
            && let Some(title) = list_end(cx, ws, last)
        {
            out.extend(list_names(cx, ws, &items, title));
        }
        i = last + 1;
    }
    out
}

/// The index of the last word of the item that starts at `ws[j]`: `j`,
/// or `j + 1` when a lone surname and a space stand before the rest of
/// the name (`노 인경`).
fn item_end(cx: &Analysis<'_>, ws: &[Word], j: usize) -> usize {
    let (Some(a), Some(b)) = (ws.get(j), ws.get(j + 1)) else {
        return j;
    };
    let first = cx.text(a.span);
    let rest = cx.text(b.span);
    let split = first.chars().count() == 1
        && cx.lexicon.is_surname(first)
        && cx.text(Span::new(a.span.end, b.span.start)) == " "
        && is_hangul(rest)
        && (1..=2).contains(&rest.chars().count());
    if split { j + 1 } else { j }
}

/// Whether `ws[j]` and `ws[j + 1]` stand apart by a comma and spaces only.
fn comma_next(cx: &Analysis<'_>, ws: &[Word], j: usize) -> bool {
    let (Some(a), Some(b)) = (ws.get(j), ws.get(j + 1)) else {
        return false;
    };
    let gap = cx.text(Span::new(a.span.end, b.span.start));
    gap.trim() == ","
}

/// How the list ending at `ws[j]` closes: `Some(title)` after `등 [..]
/// TITLE` or right after the last name, `Some(None)` after a bare `등`;
/// `None` when it does not close as a list of people does.
fn list_end(cx: &Analysis<'_>, ws: &[Word], j: usize) -> Option<Option<Span>> {
    let last = ws.get(j)?;
    let next = ws.get(j + 1)?;
    if last.has_particle() || last.after != Some(' ') {
        return None;
    }
    let next_text = cx.text(next.span);
    if next_text.starts_with('등') && cx.text(next.stem).chars().count() <= 2 {
        let title = ws
            .get(j + 2..(j + 4).min(ws.len()))
            .unwrap_or_default()
            .iter()
            .find_map(|w| plural_title(cx, w));
        return Some(title);
    }
    plural_title(cx, next).map(Some)
}

/// The title a word is, its plural 들 left out (`가수들의` → `가수`).
fn plural_title(cx: &Analysis<'_>, w: &Word) -> Option<Span> {
    let stem = cx.text(w.stem);
    let bare = stem.strip_suffix('들').unwrap_or(stem);
    let span = Span::new(w.stem.start, w.stem.start + bare.len());
    (is_hangul(bare) && bare.chars().count() <= 10 && cx.lexicon.title_ending(bare).is_some())
        .then_some(span)
}

/// The people of a list (items as first and last word), when it is a
/// list of people.
fn list_names(
    cx: &Analysis<'_>,
    ws: &[Word],
    items: &[(usize, usize)],
    title: Option<Span>,
) -> Vec<Found> {
    let solid = items
        .iter()
        .filter(|&&(a, b)| a == b && !ws[a].has_particle() && is_name(cx, &ws[a]))
        .count();
    if solid < 2 || solid * 2 < items.len() {
        return Vec::new();
    }
    items
        .iter()
        .filter_map(|&(a, b)| {
            let span = ws[a].span.cover(ws[b].span);
            let named = if a == b {
                loose_name(cx, &ws[a], span)
            } else {
                cx.text(span).chars().filter(|c| !c.is_whitespace()).count() <= 4
            };
            named.then_some(Found {
                span,
                name: span,
                title,
                affiliation: None,
            })
        })
        .collect()
}

/// `따봉호(김봉백, 고희경)`, `『오누이 이야기』 (이억배, ㈜사계절출판사)`: a
/// parenthesis that opens with names (each opening with a surname, and a
/// name to ko-dic or by its morphology), then at most one word more (a
/// publisher, an organisation) before it closes.
pub(super) fn bracketed(cx: &Analysis<'_>, ws: &[Word]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if ws[i].before != Some('(') {
            i += 1;
            continue;
        }
        let mut names = Vec::new();
        let mut j = i;
        let mut closed = false;
        while let Some(w) = ws.get(j) {
            let text = cx.text(w.stem);
            if !w.has_particle() && is_name(cx, w) && cx.lexicon.starts_with_surname(text) {
                names.push(w.stem);
            } else if !names.is_empty() {
                // `(이경국, 로이북스)`: what follows the names (a publisher,
                // an organisation) closes the parenthesis.
                closed = w.after == Some(')');
                break;
            } else {
                break;
            }
            if w.after == Some(')') {
                closed = true;
                break;
            }
            if w.after != Some(',') {
                break;
            }
            j += 1;
        }
        // `(이직사유)`, `(신평농장)`: a label; one name alone in a
        // parenthesis, or first before something else, must be ko-dic's
        // name whole, or a surname it names and one piece more (`송/NNP
        // 대환/NNG`), not a name it finds inside a word (`이직/NNP 사유`).
        let person = |span: Span| {
            ws.iter().find(|w| w.stem == span).is_some_and(|w| {
                let ms = w.stem_morphemes(cx);
                let named = |m: &crate::morph::Morpheme| m.class == Class::Person;
                ms.iter().all(named)
                    || (ms.len() == 2
                        && named(&ms[0])
                        && cx.lexicon.is_surname(cx.text(ms[0].span)))
            })
        };
        if closed && (names.len() > 1 || names.first().is_some_and(|&n| person(n))) {
            out.extend(names.into_iter().map(|span| Found {
                span,
                name: span,
                title: None,
                affiliation: None,
            }));
        }
        i = j + 1;
    }
    out
}

/// `범정스님`, `모준형씨`: a name with 스님 or 씨 written onto it.
pub(super) fn glued(cx: &Analysis<'_>, ws: &[Word], i: usize) -> Option<Found> {
    let w = ws.get(i)?;
    let text = cx.text(w.stem);
    let (name, title) = if let Some(name) = text.strip_suffix("스님") {
        (name, true)
    } else {
        let name = text.strip_suffix('씨')?;
        (name.strip_suffix(' ').unwrap_or(name), false)
    };
    let n = name.chars().count();
    let shaped = is_hangul(name)
        && (2..=3).contains(&n)
        // `마음씨` is no 마음 씨: a name before 씨 has three syllables.
        && (title || (n == 3 && cx.lexicon.starts_with_surname(name)))
        && !cx.lexicon.not_names.contains(name);
    if !shaped {
        return None;
    }
    let name_span = Span::new(w.stem.start, w.stem.start + name.len());
    Some(Found {
        span: w.stem,
        name: name_span,
        title: title.then(|| Span::new(name_span.end, w.stem.end)),
        affiliation: None,
    })
}

/// `이 형 석`: a name spaced one syllable a word, in a table or a list of
/// appointments, after its title (`방위산업진흥국장 일반직고위공무원 이 형
/// 석`): two to four single syllables, the first a surname, ending the
/// line (or a cell), with a title among the three words before them.
pub(super) fn spaced(cx: &Analysis<'_>, segment: Span, ws: &[Word]) -> Vec<Found> {
    let single = |w: &Word| {
        let t = cx.text(w.span);
        t.chars().count() == 1 && is_hangul(t)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let mut j = i;
        while ws.get(j).is_some_and(single)
            && (j == i || cx.text(Span::new(ws[j - 1].span.end, ws[j].span.start)) == " ")
        {
            j += 1;
        }
        let run = ws.get(i..j).unwrap_or_default();
        if (2..=4).contains(&run.len())
            && cx.lexicon.is_surname(cx.text(run[0].span))
            && ends_line(cx, segment, &ws[j - 1])
            && let Some(title) = ws[i.saturating_sub(3)..i]
                .iter()
                .rev()
                .find_map(|w| title_stem(cx, w))
        {
            out.push(Found {
                span: run[0].span.cover(run[run.len() - 1].span),
                name: run[0].span.cover(run[run.len() - 1].span),
                title: Some(title),
                affiliation: None,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// Whether a name ending with `last` ends its line or cell: nothing but a
/// closing `<끝>` after it, or a cell border.
fn ends_line(cx: &Analysis<'_>, segment: Span, last: &Word) -> bool {
    let rest = cx.text(Span::new(last.span.end, segment.end));
    let rest = rest.split('\n').next().unwrap_or("");
    let rest = rest.trim();
    rest.is_empty() || rest.starts_with('|') || matches!(rest, "<끝>" | "끝" | "<끝.>" | "끝.")
}

/// Whether the word at `span` can be a name where the form says a person
/// stands: two to four Hangul syllables opening with a surname that are no
/// title, organisation, place or word listed as no name (`정부`), and
/// that ko-dic reads as a name, or reads in pieces rather than as one
/// common word (`하/IC 수정/NNG`, not `이야기/NNG`).
fn loose_name(cx: &Analysis<'_>, w: &Word, span: Span) -> bool {
    let text = cx.text(span);
    let n = text.chars().count();
    if !is_hangul(text)
        || !(2..=4).contains(&n)
        || !cx.lexicon.starts_with_surname(text)
        || cx.lexicon.not_names.contains(text)
        || cx.lexicon.is_org_name(text)
        || cx.lexicon.title_ending(text).is_some()
    {
        return false;
    }
    let all = w.morphemes(cx);
    let inside: Vec<_> = all.iter().filter(|m| span.contains(m.span)).collect();
    if inside
        .iter()
        .any(|m| matches!(m.class, Class::Place | Class::Organization))
    {
        return false;
    }
    if inside
        .last()
        .is_some_and(|m| inside.len() > 1 && m.pos == Pos::XSN && derivation(cx, m))
    {
        return false;
    }
    let common = inside.len() == 1
        && inside
            .iter()
            .all(|m| !matches!(m.pos, Pos::NNP | Pos::Unknown) && m.class != Class::Person);
    inside.iter().any(|m| m.class == Class::Person) || (n <= 3 && !common)
}
