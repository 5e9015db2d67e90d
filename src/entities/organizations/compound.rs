//! Names written over several words: a known name spaced or broken over
//! a line (`중소벤처 기업부`, `LG CNS`, `대한신경정신<br>의학회`), a local
//! government after its province (`전라남도 나주시`), a branch after its
//! institution (`한국도로공사 전남지부`, `LG전자 베스트샵 담양점`), a part of an
//! institution that is no name alone (`아주대학교 의과대학`, `오산시
//! 어린이정신건강센터`), a body of a foreign state (`미국 상무부`), a
//! diplomatic mission (`주벨기에·주유럽연합 대한민국 대사관`), and a name with
//! an interpunct inside (`가스·전력시장위원회`).

use super::{is_unit_shaped, org_span};
use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::words::{Word, is_hangul};
use crate::lexicon::OrgKind;
use crate::morph::Pos;

/// The span of a name that starts at `ws[i]` and runs over more than one
/// word, and how many words it takes.
pub(super) fn name_at(cx: &Analysis<'_>, ws: &[&Word], i: usize) -> Option<(Span, usize)> {
    known(cx, ws, i)
        .or_else(|| mission(cx, ws, i))
        .or_else(|| province_and_local(cx, ws, i))
        .or_else(|| branch(cx, ws, i))
        .or_else(|| dependent(cx, ws, i))
        .or_else(|| foreign_body(cx, ws, i))
        .or_else(|| interpunct(cx, ws, i))
        .or_else(|| broken(cx, ws, i))
}

/// Whether nothing but spaces or an HTML line break (`<br>`) stands
/// between two words, the first without a particle.
fn joined(cx: &Analysis<'_>, a: &Word, b: &Word) -> bool {
    !a.has_particle() && spaced(cx, a, b)
}

/// Whether nothing but spaces or an HTML line break stands between two
/// words.
fn spaced(cx: &Analysis<'_>, a: &Word, b: &Word) -> bool {
    if a.span.end >= b.span.start {
        return false;
    }
    let gap = cx.text(Span::new(a.span.end, b.span.start));
    gap.split("<br>").all(|part| part.trim().is_empty())
}

/// Whether a line break (`<br>` or a newline) stands between two words.
fn broken_between(cx: &Analysis<'_>, a: &Word, b: &Word) -> bool {
    let gap = cx.text(Span::new(a.span.end, b.span.start.max(a.span.end)));
    gap.contains("<br>") || gap.contains('\n')
}

/// The text of `ws[i..=j]` without the spaces and breaks between.
fn concat(cx: &Analysis<'_>, ws: &[&Word], i: usize, j: usize) -> Option<String> {
    let mut out = String::new();
    for k in i..=j {
        let w = ws.get(k)?;
        out.push_str(cx.text(if k == j { w.stem } else { w.span }));
    }
    Some(out)
}

// `중소벤처 기업부`, `LG CNS`, `JP Morgan`, `그랜드코리아<br>레저`: words whose
// text together is a name or form the gazetteers know.
fn known(cx: &Analysis<'_>, ws: &[&Word], i: usize) -> Option<(Span, usize)> {
    let first = ws.get(i)?;
    for n in [3usize, 2] {
        let j = i + n - 1;
        let last = ws.get(j)?;
        let linked = (i..j).all(|k| match (ws.get(k), ws.get(k + 1)) {
            (Some(a), Some(b)) => joined(cx, a, b),
            _ => false,
        });
        if linked && concat(cx, ws, i, j).is_some_and(|t| cx.lexicon.org.gazetteer.knows(&t)) {
            return Some((Span::new(first.span.start, last.stem.end), n));
        }
    }
    None
}

// `전라남도 나주시`, `대전광역시 서구`: a local government after its province.
fn province_and_local(cx: &Analysis<'_>, ws: &[&Word], i: usize) -> Option<(Span, usize)> {
    let (p, l) = (ws.get(i)?, ws.get(i + 1)?);
    let g = &cx.lexicon.org.gazetteer;
    // `강원특별자치도`: morphology may read the final `도` as a particle.
    (g.is_province(cx.text(p.span)) && spaced(cx, p, l) && g.is_local(cx.text(l.stem)))
        .then(|| (Span::new(p.span.start, l.stem.end), 2))
}

// `한국도로공사 전남지부`, `광주은행 담양지점`, `LG전자 베스트샵 담양점`: a
// branch named by its region after its institution, perhaps with a brand
// between.
fn branch(cx: &Analysis<'_>, ws: &[&Word], i: usize) -> Option<(Span, usize)> {
    let parent = ws.get(i)?;
    if !is_institution(cx, parent) {
        return None;
    }
    for gap in 0..=1 {
        let j = i + 1 + gap;
        let b = ws.get(j)?;
        let linked = (i..j).all(|k| match (ws.get(k), ws.get(k + 1)) {
            (Some(a), Some(b)) => joined(cx, a, b),
            _ => false,
        });
        if !linked {
            return None;
        }
        if cx.lexicon.org.is_regional_branch(cx.text(b.stem)) {
            return Some((Span::new(parent.span.start, b.stem.end), j - i + 1));
        }
        if org_span(cx, b).is_some() {
            return None;
        }
    }
    None
}

/// Endings of a part of an institution that the text names only with
/// its institution: a college, an attached school or hospital, a centre
/// or foundation of a city or an order.
const DEPENDENT: &[&str] = &[
    "대학",
    "대학원",
    "병원",
    "학교",
    "연구소",
    "센터",
    "재단",
    "복지관",
];

// `아주대학교 의과대학`, `전북대학교 사범대학부속고등학교`, `오산시
// 어린이정신건강센터`, `대한불교조계종<br>사회복지재단`: an institution and
// a part of it named by common nouns only.
fn dependent(cx: &Analysis<'_>, ws: &[&Word], i: usize) -> Option<(Span, usize)> {
    let (parent, part) = (ws.get(i)?, ws.get(i + 1)?);
    if !is_institution(cx, parent) || !joined(cx, parent, part) {
        return None;
    }
    let text = cx.text(part.stem);
    let common = part
        .morphemes(cx)
        .iter()
        .filter(|m| part.stem.contains(m.span))
        .all(|m| m.pos == Pos::NNG || m.pos == Pos::XSN);
    let ends = DEPENDENT
        .iter()
        .any(|e| text.ends_with(e) && text.len() > e.len());
    (ends && common && !cx.lexicon.org.gazetteer.knows(text) && !is_unit_shaped(cx, text))
        .then(|| (Span::new(parent.span.start, part.stem.end), 2))
}

/// Whether `w` is an institution (no unit), written without a particle.
fn is_institution(cx: &Analysis<'_>, w: &Word) -> bool {
    !w.has_particle()
        && org_span(cx, w).is_some_and(|s| s == w.span)
        && !is_unit_shaped(cx, cx.text(w.span))
}

// `미국 상무부`, `일본 경제산업성`: a ministry or agency of a foreign state.
fn foreign_body(cx: &Analysis<'_>, ws: &[&Word], i: usize) -> Option<(Span, usize)> {
    let (country, body) = (ws.get(i)?, ws.get(i + 1)?);
    if !cx
        .lexicon
        .org
        .gazetteer
        .countries
        .contains(cx.text(country.span))
        || !joined(cx, country, body)
    {
        return None;
    }
    let text = cx.text(body.stem);
    let state = ["부", "성", "청", "위원회", "국"]
        .iter()
        .any(|e| text.ends_with(e) && text.chars().count() >= e.chars().count() + 2);
    (state && is_hangul(text) && !cx.lexicon.org.gazetteer.countries.contains(text))
        .then(|| (Span::new(country.span.start, body.stem.end), 2))
}

/// Endings of a diplomatic mission.
const MISSIONS: &[&str] = &["대사관", "총영사관", "영사관", "대표부", "출장소", "분관"];

// `주벨기에·주유럽연합 대한민국 대사관`, `주미 대사관`: a mission from its
// `주…` to its ending, over countries and `대한민국`.
fn mission(cx: &Analysis<'_>, ws: &[&Word], i: usize) -> Option<(Span, usize)> {
    let first = ws.get(i)?;
    if !cx.text(first.span).starts_with('주') || first.has_particle() {
        return None;
    }
    for j in i + 1..(i + 5).min(ws.len()) {
        let (a, b) = (ws.get(j - 1)?, ws.get(j)?);
        let between = cx.text(Span::new(a.span.end, b.span.start.max(a.span.end)));
        if a.has_particle()
            || !between
                .chars()
                .all(|c| c.is_whitespace() || "·ㆍ‧".contains(c))
        {
            return None;
        }
        let text = cx.text(b.stem);
        if MISSIONS.iter().any(|m| text.ends_with(m)) {
            return Some((Span::new(first.span.start, b.stem.end), j - i + 1));
        }
        let inner = cx.text(b.span);
        let country = cx.lexicon.org.gazetteer.countries.contains(inner);
        if !(country || inner.starts_with('주')) {
            return None;
        }
    }
    None
}

// `가스·전력시장위원회`, `전력ㆍ가스시장감시위원회`: a short word that is no
// name, an interpunct, and a name.
fn interpunct(cx: &Analysis<'_>, ws: &[&Word], i: usize) -> Option<(Span, usize)> {
    let (a, b) = (ws.get(i)?, ws.get(i + 1)?);
    let mark = a.after.is_some_and(|c| "·ㆍ‧".contains(c));
    let head = cx.text(a.span);
    if !mark
        || a.has_particle()
        || !is_hangul(head)
        || is_unit_shaped(cx, head)
        || head.chars().count() > 4
        || a.span.end + a.after.map_or(0, char::len_utf8) != b.span.start
        || org_span(cx, a).is_some()
        || cx.lexicon.org.gazetteer.is_region(head)
    {
        return None;
    }
    // `사무국ㆍ한국전력거래소`: a known name after the mark is an item of a
    // list, not the end of a name.
    let name = org_span(cx, b).filter(|s| s.start == b.span.start)?;
    let whole = cx.text(Span::new(a.span.start, name.end));
    let known = cx.lexicon.org.gazetteer.knows(cx.text(name));
    (!known && !cx.lexicon.org.generic_names.contains(whole))
        .then(|| (Span::new(a.span.start, name.end), 2))
}

// `대한신경정신<br>의학회`: a name a table cell breaks over two lines, the
// first line no name alone.
fn broken(cx: &Analysis<'_>, ws: &[&Word], i: usize) -> Option<(Span, usize)> {
    let (a, b) = (ws.get(i)?, ws.get(i + 1)?);
    if !broken_between(cx, a, b) || !joined(cx, a, b) || org_span(cx, a).is_some() {
        return None;
    }
    let head = cx.text(a.span);
    let name = org_span(cx, b).filter(|s| s.start == b.span.start)?;
    (is_hangul(head) && cx.text(name).chars().count() <= 4)
        .then(|| (Span::new(a.span.start, name.end), 2))
}

/// Whether `kind` is a government of a region.
pub(super) fn is_region_kind(kind: Option<OrgKind>) -> bool {
    matches!(kind, Some(OrgKind::Metro | OrgKind::Local))
}
