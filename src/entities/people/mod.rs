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
//! lexicon. Names without a title beside them come in the forms of
//! [`forms`]: `모준형 씨`, `강나라(배우)`, lists (`김유대, 박건웅 등 작가
//! 5인`) and spaced names in a table (`이 형 석`). People of the contact
//! block are left to the contacts recogniser.

mod forms;

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
            if let Some(f) = name_first(cx, &ws, i)
                .or_else(|| title_first(cx, &ws, i))
                .or_else(|| forms::titled_aside(cx, &ws, i))
                .or_else(|| forms::honorific(cx, &ws, i))
                .or_else(|| forms::glued(cx, &ws, i))
            {
                found.push(f);
            } else if let Some(pair) = surname_title(cx, &ws, i) {
                later.push(pair);
            }
        }
        found.extend(forms::listed(cx, &ws));
        found.extend(forms::bracketed(cx, &ws));
        found.extend(forms::spaced(cx, seg.span, &ws));
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
    title: Option<Span>,
    affiliation: Option<Span>,
}

/// The output item for a found person.
fn person(cx: &Analysis<'_>, f: &Found) -> Person {
    Person {
        mention: cx.source.snippet(f.span),
        // `이 형 석` is 이형석.
        name: cx.text(f.name).split_whitespace().collect(),
        title: f.title.map(|t| cx.text(t).to_string()),
        affiliation: f.affiliation.map(|a| cx.text(a).to_string()),
        affiliation_id: None,
        id: 0,
        mentions: Vec::new(),
    }
}

// `NAME [ORG]{0,2} TITLE` and `ORG NAME TITLE`, with asides in
// parentheses skipped: `박현희(朴賢姬, 50세) 기획재정담당관`.
fn name_first(cx: &Analysis<'_>, ws: &[Word], i: usize) -> Option<Found> {
    let word = ws.get(i)?;
    if !matches!(word.after, Some(' ' | '(')) {
        return None;
    }
    let name = name_before_title(cx, word)?;
    let (mut j, aside) = skip_aside(cx, ws, i + 1);
    let mut affiliation = aside;
    for _ in 0..3 {
        let w = ws.get(j)?;
        let title = title_stem(cx, w)
            .or_else(|| joined_title(cx, ws, j))
            .or_else(|| {
                let named = word.morphemes(cx).iter().any(|m| m.class == Class::Person);
                (j == i + 1 && named).then(|| office_title(cx, w)).flatten()
            });
        if let Some(title) = title {
            let title = concurrent(cx, ws, j, title);
            let before = org_before(cx, ws, i);
            let start = before
                .filter(|_| affiliation.is_none())
                .unwrap_or(word.span);
            return Some(Found {
                span: start.cover(title),
                name,
                title: Some(title),
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

/// The name a word before a title is: its stem when shaped as a name;
/// or the whole word when ko-dic cut a syllable of the name off as a
/// particle (`주성관` as 주성/NNG 관/JKB+JX), which no real particle is.
fn name_before_title(cx: &Analysis<'_>, w: &Word) -> Option<Span> {
    if !w.has_particle() {
        return name_shaped(cx, w, Pieces::BEFORE_TITLE).then_some(w.stem);
    }
    let text = cx.text(w.span);
    let last = text.chars().next_back()?;
    let particle = "은는이가을를에의와과도로서만".contains(last);
    // What was cut off is a particle, the rest nouns (`위하여` is a verb).
    let pieces = w.morphemes(cx).iter().all(|m| {
        if w.stem.contains(m.span) {
            m.pos.is_noun()
        } else {
            m.pos.is_particle()
        }
    });
    (!particle
        && pieces
        && is_hangul(text)
        && text.chars().count() == 3
        && cx.lexicon.starts_with_surname(text)
        && !cx.lexicon.not_names.contains(text)
        && !cx.lexicon.is_org_name(text)
        && cx.lexicon.title_ending(text).is_none())
    .then_some(w.span)
}

/// `방송·통신이용자정책국장`: a title whose words a middle dot joins.
fn joined_title(cx: &Analysis<'_>, ws: &[Word], j: usize) -> Option<Span> {
    let first = ws.get(j)?;
    if first.has_particle() || !matches!(first.after, Some('·' | 'ㆍ' | '‧')) {
        return None;
    }
    let title = title_stem(cx, ws.get(j + 1)?)?;
    Some(first.span.cover(title))
}

/// `부총리 겸 장관`: a title held with another, `겸` between them.
/// `부총리 겸 과학기술정보통신부 장관`: with the organisation of the second.
fn concurrent(cx: &Analysis<'_>, ws: &[Word], j: usize, title: Span) -> Span {
    let joined = ws.get(j + 1).is_some_and(|w| cx.text(w.span) == "겸")
        && !ws.get(j).is_some_and(Word::has_particle);
    if !joined {
        return title;
    }
    let org = ws
        .get(j + 2)
        .is_some_and(|w| !w.has_particle() && cx.lexicon.is_org_name(cx.text(w.stem)));
    let at = if org { j + 3 } else { j + 2 };
    match ws.get(at).and_then(|w| title_stem(cx, w)) {
        Some(second) => title.cover(second),
        None => title,
    }
}

/// Buildings, rooms and institutions that end in 관 as offices' titles do.
const BUILDINGS: &[&str] = &[
    "기념관",
    "회관",
    "체육관",
    "문화관",
    "전시관",
    "홍보관",
    "생활관",
    "복지관",
    "도서관",
    "박물관",
    "미술관",
    "과학관",
    "영화관",
    "대사관",
    "공관",
    "본관",
    "별관",
    "신관",
    "분관",
    "학관",
    "수련관",
    "공연관",
    "주제관",
    "국가관",
    "한국관",
    "관광관",
    "기관",
    "유관",
];

/// `최성희 콘텐츠미디어산업관은`: right after a name, a word of four
/// syllables or more ending in 관 is an office's title (정책관, 관리관 and
/// the offices named for their field), unless it names a building.
fn office_title(cx: &Analysis<'_>, w: &Word) -> Option<Span> {
    let span = without_particle(cx, w);
    let text = cx.text(span);
    (is_hangul(text)
        && text.ends_with('관')
        && (4..=10).contains(&text.chars().count())
        && !cx.lexicon.is_org_name(text)
        && !BUILDINGS.iter().any(|b| text.ends_with(b)))
    .then_some(span)
}

/// The word without a particle that ko-dic read as part of it
/// (`센터장이` as 센터/NNG 장이/XSN, `산업관은` as 관은/NNG).
fn without_particle(cx: &Analysis<'_>, w: &Word) -> Span {
    let text = cx.text(w.stem);
    [
        "께서", "에게", "은", "는", "이", "가", "을", "를", "의", "과", "와", "도",
    ]
    .iter()
    .find_map(|p| text.strip_suffix(p))
    .filter(|bare| bare.chars().count() >= 2)
    .map_or(w.stem, |bare| {
        Span::new(w.stem.start, w.stem.start + bare.len())
    })
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
    let title = concurrent(cx, ws, i, title);
    if title != t.stem {
        j += 2;
    }
    if ws.get(j).is_some_and(|w| cx.text(w.span) == "직무대행") {
        j += 1;
    }
    let name = ws.get(j)?;
    if !name_shaped(cx, name, Pieces::TITLED) || !matches!(name.after, Some(',' | ')') | None) {
        return None;
    }
    Some(Found {
        span: t.span.cover(name.stem),
        name: name.stem,
        title: Some(title),
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

/// Later mentions (`박 차관`, `김 총리` after `김민석 국무총리`) as the one
/// person found in full whose name starts with that surname and whose
/// title is the same or ends with it; left out when none or several are
/// (`이 전력시장` is no 이경훈 사무국장).
fn link_later(cx: &Analysis<'_>, people: &[Person], later: &[(Span, Span)]) -> Vec<Person> {
    later
        .iter()
        .filter_map(|&(surname, title)| {
            let s = cx.text(surname);
            let t = cx.text(title);
            let mut names: Vec<&Person> = people
                .iter()
                .filter(|p| {
                    p.name.starts_with(s)
                        && p.title.as_deref().is_some_and(|full| full.ends_with(t))
                })
                .collect();
            names.sort_by(|a, b| a.name.cmp(&b.name));
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

/// The stem of `w` when it is a title (`1차관은` → `1차관`, `제2차관은` →
/// `제2차관`, `센터장이` read as 센터/NNG 장이/XSN → `센터장`).
fn title_stem(cx: &Analysis<'_>, w: &Word) -> Option<Span> {
    let is_title = |span: Span| {
        let stem = cx.text(span);
        let ordinal = stem
            .strip_prefix('제')
            .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
            .unwrap_or(stem);
        let letters = ordinal.trim_start_matches(|c: char| c.is_ascii_digit());
        is_hangul(letters)
            && letters.chars().count() <= 14
            && cx.lexicon.title_ending(stem).is_some()
    };
    if is_title(w.stem) {
        return Some(w.stem);
    }
    let bare = without_particle(cx, w);
    (bare != w.stem && is_title(bare)).then_some(bare)
}

/// Whether `w` can stand between a name and a title as its organisation:
/// an institution, or a proper noun (`광운대`).
fn is_affiliation(cx: &Analysis<'_>, w: &Word) -> bool {
    let stem = cx.text(w.stem);
    let morphemes = w.stem_morphemes(cx);
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
pub(crate) fn is_name(cx: &Analysis<'_>, w: &Word) -> bool {
    name_shaped(cx, w, Pieces::NOUNS)
}

/// How far an unknown name may come apart in ko-dic's reading, beyond
/// nouns (`곽/NNG 은/JX 섭/NNG`): where a title follows or precedes it,
/// a determiner or prefix for the surname (`양/MM 주필`, `최/XPN 대운`),
/// and where a title follows it, a suffix for the last syllable (`문지/NNG
/// 성/XSN`; before a title only, as `(생명대사 위촉식)` is no name).
#[derive(Debug, Clone, Copy)]
pub(super) struct Pieces {
    surname: bool,
    suffix: bool,
}

impl Pieces {
    pub(super) const NOUNS: Pieces = Pieces {
        surname: false,
        suffix: false,
    };
    pub(super) const TITLED: Pieces = Pieces {
        surname: true,
        suffix: false,
    };
    pub(super) const BEFORE_TITLE: Pieces = Pieces {
        surname: true,
        suffix: true,
    };
}

/// Suffixes that make common nouns (`고도화`, `마약류`, `위촉식`), which
/// the last syllable of an unknown name read as a suffix is not.
pub(super) fn derivation(cx: &Analysis<'_>, m: &crate::morph::Morpheme) -> bool {
    matches!(
        cx.text(m.span),
        "화" | "류"
            | "식"
            | "적"
            | "용"
            | "별"
            | "간"
            | "들"
            | "력"
            | "률"
            | "율"
            | "감"
            | "층"
            | "물"
            | "품"
            | "시"
            | "분"
            | "권"
            | "비"
            | "계"
            | "장"
            | "형태"
            | "제"
    )
}

/// [`is_name`], with ko-dic's pieces of an unknown name read as `pieces`
/// allows.
pub(super) fn name_shaped(cx: &Analysis<'_>, w: &Word, pieces: Pieces) -> bool {
    let stem = cx.text(w.stem);
    let n = stem.chars().count();
    if !is_hangul(stem) || !(2..=4).contains(&n) || cx.lexicon.not_names.contains(stem) {
        return false;
    }
    if cx.lexicon.is_org_name(stem) || cx.lexicon.title_ending(stem).is_some() {
        return false;
    }
    let morphemes = w.stem_morphemes(cx);
    if morphemes.iter().any(|m| m.class == Class::Person) {
        return true;
    }
    // Unknown names come out in pieces, but never with a verb or an
    // ending in them.
    let last = morphemes.len().saturating_sub(1);
    let nouns = morphemes.iter().enumerate().all(|(k, m)| {
        let surname = k == 0 && m.span.len() == 3 && cx.lexicon.is_surname(cx.text(m.span));
        m.pos.is_noun()
            || m.pos == Pos::Unknown
            || (m.pos.is_particle() && k < last)
            || (pieces.surname && surname && matches!(m.pos, Pos::MM | Pos::XPN))
            || (pieces.suffix && k == last && k > 0 && m.pos == Pos::XSN && !derivation(cx, m))
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
