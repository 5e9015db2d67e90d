//! Units of an institution (실/국/과/팀/관/처/단): `자치행정과`, `예산팀`,
//! `혁신행정담당관`, `계통혁신처`. Their endings are common words' endings
//! too (`결과`, `드림팀`, `정책과 제도`), so a unit is found only where the
//! text says it is one:
//!
//! ```text
//! 담당 부서 | 자치혁신실 자치행정과        a contact block or line
//! 특허청 등록과 / 생활안정과 주택지원팀      after its institution or unit
//! 우수제품구매과 장성훈 주무관              before a person or a title
//! ```

use std::sync::LazyLock;

use regex::Regex;

use super::{is_unit_shaped, org_span, particle_after};
use crate::Span;
use crate::analysis::words::{Word, is_hangul};
use crate::analysis::{Analysis, Segment, is_contact};

// A phone number, `☎` or an e-mail address.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"☎|☏|\d{2,4}\s*[-)]\s*\d{3,4}\s*-\s*\d{4}|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\.[a-z]{2,}",
    )
    .expect("phone pattern")
});

// `작 성 과: 기획예산실`, `담당부서 : …`, `보도자료 제공 : 사회복지과`: a line
// that opens with a contact label.
static CONTACT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s(\[〔]*(?:작\s*성\s*(?:과|팀|부\s*서)|담\s*당\s*(?:부\s*서|과|팀)|관\s*련\s*부\s*서|부\s*서\s*명?|보\s*도\s*자\s*료\s*제\s*공|문\s*의\s*처?)\s*[:：|]")
        .expect("contact label pattern")
});

/// How far before a phone number a unit of its contact line may stand
/// (`(업무담당자 향촌복지과 신세연 ☎061-…)`), in bytes: about 30 syllables.
const CONTACT_REACH: usize = 90;

/// Where `seg` reads as contact text: the whole segment in the contact
/// block, else the stretches just before each phone number or e-mail
/// address of a line of the body (`강진군청 해양수산과(061-430-3543)로
/// 문의`).
pub(super) fn contact_zones(cx: &Analysis<'_>, seg: &Segment<'_>) -> Vec<Span> {
    if is_contact(seg.block) || CONTACT_LABEL.is_match(cx.text(seg.span)) {
        return vec![seg.span];
    }
    PHONE
        .find_iter(cx.text(seg.span))
        .map(|m| {
            let end = seg.span.start + m.end();
            let start = (seg.span.start + m.start()).saturating_sub(CONTACT_REACH);
            Span::new(start.max(seg.span.start), end)
        })
        .collect()
}

/// The unit `ws[i]` names, where the text around it says it is one.
pub(super) fn unit_at(cx: &Analysis<'_>, ws: &[&Word], i: usize, zones: &[Span]) -> Option<Span> {
    let w = ws.get(i)?;
    let span = written(cx, w)?;
    if is_title(cx, cx.text(w.stem)) {
        return None;
    }
    let contact = zones.iter().any(|z| z.contains(span));
    let next = ws.get(i + 1);
    let bare = span == w.span && w.after == Some(' ');
    let next_unit = bare && next.is_some_and(|n| is_unit(cx, n) && !names_institution(cx, n));
    let next_staff = bare && next.is_some_and(|n| is_staff(cx, n));
    let next_person = bare
        && next.is_some_and(|n| is_person_name(cx, n))
        && ws.get(i + 2).is_some_and(|n| is_staff(cx, n));
    // `사무관 강주실 (044-…)`: a contact's name that ends like a unit.
    let previous = i.checked_sub(1).and_then(|k| ws.get(k));
    let a_name = previous.is_some_and(|p| is_staff(cx, p))
        || (w.after == Some(' ')
            && cx.text(span).chars().count() == 3
            && is_person_name(cx, w)
            && next.is_none_or(|n| n.before == Some('(') && cx.text(n.span).starts_with('0')));
    if a_name && !names_institution(cx, w) {
        return None;
    }
    // `정책과 행정`: a `…과` before a noun may be `and`; after its
    // institution it is a unit only where nothing follows it
    // (`특허청 등록과`) or something a unit is followed by.
    let conjunction = cx.text(span).ends_with('과')
        && span == w.span
        && !matches!(w.after, None | Some(',' | '(' | ')' | '|' | '/'));
    let after_parent = !conjunction
        && i.checked_sub(1)
            .and_then(|k| ws.get(k))
            .is_some_and(|p| p.after == Some(' ') && is_named(cx, p));
    (contact || after_parent || next_unit || next_staff || next_person).then_some(span)
}

/// Whether `w` is a unit as written.
fn is_unit(cx: &Analysis<'_>, w: &Word) -> bool {
    written(cx, w).is_some()
}

/// Whether `w` is an institution the gazetteers know (`산업부` ends like
/// a unit but is a ministry).
fn names_institution(cx: &Analysis<'_>, w: &Word) -> bool {
    cx.lexicon.org.gazetteer.knows(cx.text(w.stem))
        || cx.lexicon.org.gazetteer.knows(cx.text(w.span))
}

/// Titles of the staff of a unit, written after the unit (`보훈문화정책과
/// 사무관`): not the head of an institution (`장관`) nor a title that is
/// also a common word (`감독`).
const STAFF: &[&str] = &[
    "과장",
    "팀장",
    "실장",
    "국장",
    "계장",
    "부장",
    "차장",
    "처장",
    "단장",
    "센터장",
    "본부장",
    "담당관",
    "정책관",
    "기획관",
    "조정관",
    "심의관",
    "관리관",
    "사무관",
    "주무관",
    "서기관",
    "주사",
    "주사보",
    "연구관",
    "연구사",
    "행정관",
    "실무관",
    "전문관",
    "담당",
    "팀원",
    "주임",
    "대리",
    "매니저",
    "직원",
    "과장직무대리",
    "팀장직무대리",
];

/// Whether `w` is the title of a unit's staff.
fn is_staff(cx: &Analysis<'_>, w: &Word) -> bool {
    STAFF.contains(&cx.text(w.stem))
}

/// Whether `w` reads as a person's name: a surname first, and not one
/// common word (`시장`). Morphology often cuts unknown names (`강주` +
/// `실`), so the word is read as written.
fn is_person_name(cx: &Analysis<'_>, w: &Word) -> bool {
    let text = cx.text(w.span);
    let common = w.morphemes(cx).len() == 1
        && w.morphemes(cx)
            .iter()
            .all(|m| m.pos == crate::morph::Pos::NNG);
    is_hangul(text)
        && (2..=4).contains(&text.chars().count())
        && cx.lexicon.starts_with_surname(text)
        && !common
}

/// The unit as written in `w`: the whole word, or its stem when a particle
/// follows (`주택지원팀에게`).
fn written(cx: &Analysis<'_>, w: &Word) -> Option<Span> {
    // The stem before a particle (`유해발굴감식단` + `과`), else the whole
    // word: morphology may cut a unit's last syllable as an ending
    // (`보훈단체협력담당관` + `실`).
    let order = if particle_after(cx, w) {
        [w.stem, w.span]
    } else {
        [w.span, w.stem]
    };
    order
        .into_iter()
        .find(|s| is_unit_shaped(cx, cx.text(*s)) && is_hangul(cx.text(*s)))
}

/// Whether `w` names an institution or a unit in the whole of it, with
/// no particle after (`특허청`, `생활안정과`).
fn is_named(cx: &Analysis<'_>, w: &Word) -> bool {
    org_span(cx, w).is_some_and(|s| s == w.span && !w.has_particle())
        || written(cx, w).is_some_and(|s| s == w.span)
}

/// Whether `stem` is a person's title (`사무관`, `과장`), which the unit
/// endings would read as units (`…관`, `…장`).
fn is_title(cx: &Analysis<'_>, stem: &str) -> bool {
    cx.lexicon.is_contact_title(stem)
        && !stem.ends_with("담당관")
        && !stem.ends_with("정책관")
        && !stem.ends_with("조정관")
}
