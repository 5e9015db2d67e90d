//! Recognises venues: `장소` fields, combined `일시/장소` fields (the part
//! after the date and time), and places in sentences where something
//! takes place (`… 코트라 본사에서 … 협약식을 갖고`, `…에서 개최`,
//! `…에서 열린`).
//!
//! In sentences the place is the run of nouns before the particle `에서`
//! (JKB), accepted when ko-dic knows a place name in it (Class::Place) or
//! it ends in a word for a building or room, and when an event verb
//! follows. The venue text never includes the particle.

use std::sync::LazyLock;

use regex::Regex;

use super::{Context, walk};
use crate::Span;
use crate::document::{Block, BlockKind, Document, Snippet};
use crate::morph::{Class, Morpheme, Pos};
use crate::source::trim_span;

/// The label of a field in an event box or note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// 일시
    When,
    /// 장소
    Place,
    /// 일시/장소, 일시 및 장소
    WhenPlace,
    /// 주최
    Host,
    /// 주관
    Organiser,
    /// 참석, 참석자
    Attendees,
}

/// A `label : value` field, with the span of its value.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    pub(crate) label: Label,
    /// From the label to the end of the value.
    pub(crate) span: Span,
    pub(crate) value: Span,
}

/// `일시 / 장소 : …`, `(일시 및 장소) …`, `장소: …`, `‣ 주  최 : …`: a
/// label (spaces inside allowed) closed by `:` or a bracket, then the
/// value up to the next bullet or cell border.
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\s‣▸▪•*])[(\[<]?\s*(?P<label>일\s*시\s*(?:[/ㆍ·,]|및)\s*장\s*소|일\s*시|장\s*소|주\s*최|주\s*관|참\s*석\s*자?)\s*(?:[)\]>]|[:：])\s*(?P<value>[^‣▸▪•|\n]*)",
    )
    .expect("field pattern")
});

/// The date and time at the head of an `일시/장소` value, for when the
/// date and time recognisers found nothing there:
/// `’26. 4. 9(목) 10:30, `, `2026년 4월 13일(월), 14:00~15:00 `.
static WHEN_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[\s,~∼\-]*(?:\d{1,2}:\d{2}|\d{1,2}\s*시(?:\s*\d{1,2}\s*분)?(?:부터|까지)?|오전|오후|[’‘'`]?\d{2,4}\s*[.년]|\d{1,2}\s*[.월]|\d{1,2}\s*일|\([월화수목금토일]\)\.?|\d{1,2}\.?))+",
    )
    .expect("when pattern")
});

/// Words for buildings and rooms that make a noun run a place even when
/// ko-dic knows no place name in it (genre vocabulary).
const PLACE_HEADS: &[&str] = &[
    "본사",
    "청사",
    "본관",
    "회의실",
    "대회의실",
    "센터",
    "홀",
    "룸",
    "호텔",
    "컨벤션",
    "전시장",
    "박물관",
    "미술관",
    "도서관",
    "캠퍼스",
    "대학교",
    "공장",
    "사옥",
    "지사",
    "공항",
    "광장",
    "공원",
    "스퀘어",
    "전시관",
    "기념관",
    "강당",
    "체육관",
    "경기장",
    "회관",
    "빌딩",
    "타워",
    "코엑스",
    "벡스코",
    "킨텍스",
    "연수원",
    "별관",
    "접견실",
    "중명전",
    "로비",
    "국회",
    "관",
    "궁",
    "청",
];

/// Nouns that name an event (genre vocabulary): a run ending in one is
/// the event, not its place (`타운홀 미팅에서`).
pub(crate) const EVENT_NOUNS: &[&str] = &[
    "협약식",
    "출범식",
    "발대식",
    "기념식",
    "시상식",
    "포상식",
    "위촉식",
    "개막식",
    "폐막식",
    "착공식",
    "준공식",
    "개소식",
    "수여식",
    "간담회",
    "설명회",
    "박람회",
    "토론회",
    "공청회",
    "발표회",
    "전시회",
    "설명회",
    "협의회",
    "보고회",
    "포럼",
    "회의",
    "세미나",
    "워크숍",
    "워크샵",
    "페스티벌",
    "축제",
    "심포지엄",
    "컨퍼런스",
    "콘퍼런스",
    "총회",
    "회담",
    "미팅",
    "행사",
    "특별전",
    "강좌",
    "대회",
    "캠페인",
    "엑스포",
    "주간",
    "설명회",
    "교육",
];

/// Words before `에서` that are times, not places.
const NOT_PLACE: &[&str] = &[
    "오전", "오후", "이날", "당일", "같은", "날", "오는", "지난", "등",
];

/// Fills the document's venues.
pub(crate) fn recognise(cx: &Context<'_>, doc: &mut Document) {
    let mut venues = Vec::new();
    let when: Vec<Span> = doc
        .dates
        .iter()
        .map(|d| d.mention.span)
        .chain(doc.times.iter().map(|t| t.mention.span))
        .collect();
    for block in walk(&doc.blocks) {
        if block.kind == BlockKind::Contact {
            continue;
        }
        if !block.cells.is_empty() {
            venues.extend(place_row(block).into_iter().map(|c| cx.source.snippet(c)));
            continue;
        }
        for span in own_text(block) {
            for field in fields(cx, span) {
                if let Some(v) = field_venue(cx, &field, &when) {
                    venues.push(cx.source.snippet(v));
                }
            }
            sentence_venues(cx, span, &when, &mut venues);
        }
    }
    venues.sort_by_key(|v: &Snippet| v.span);
    venues.dedup_by_key(|v| v.span);
    doc.venues = venues;
}

/// `장소 | 연구실 | 집무실 | …`: a schedule table's row of places, one
/// venue a cell.
fn place_row(block: &Block) -> Vec<Span> {
    let mut cells = block.cells.iter();
    let label = cells.next().map(|c| {
        c.text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
    });
    if label.as_deref() != Some("장소") {
        return Vec::new();
    }
    cells
        .filter(|c| !c.text.trim().is_empty() && c.text.trim() != "-")
        .map(|c| c.span)
        .collect()
}

/// A block's own text: its span minus the inline children cut out of it.
pub(crate) fn own_text(block: &Block) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut at = block.span.start;
    let mut inner: Vec<Span> = block
        .children
        .iter()
        .filter(|c| block.span.contains(c.span))
        .map(|c| c.span)
        .collect();
    inner.sort();
    for child in inner {
        if child.start > at {
            spans.push(Span::new(at, child.start));
        }
        at = at.max(child.end);
    }
    if block.span.end > at {
        spans.push(Span::new(at, block.span.end));
    }
    spans
}

/// The `label : value` fields in `span`.
pub(crate) fn fields(cx: &Context<'_>, span: Span) -> Vec<Field> {
    let text = cx.text(span);
    FIELD
        .captures_iter(text)
        .filter_map(|c| {
            let label = c.name("label")?;
            let value = c.name("value")?;
            let compact: String = label
                .as_str()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let label_kind = match compact.as_str() {
                "일시" => Label::When,
                "장소" => Label::Place,
                "주최" => Label::Host,
                "주관" => Label::Organiser,
                c if c.starts_with("참석") => Label::Attendees,
                _ => Label::WhenPlace,
            };
            let value =
                trim_span(text, Span::new(value.start(), value.end()), &[]).shift(span.start);
            Some(Field {
                label: label_kind,
                span: Span::new(span.start + label.start(), value.end),
                value,
            })
        })
        .collect()
}

/// The venue of a `장소` or `일시/장소` field: the whole value, or what
/// follows the date and time (after a `/` when there is one).
pub(crate) fn field_venue(cx: &Context<'_>, field: &Field, when: &[Span]) -> Option<Span> {
    let value = field.value;
    let start = match field.label {
        Label::Place => value.start,
        Label::WhenPlace => {
            let text = cx.text(value);
            let by_slash = text.rfind('/').map(|i| value.start + i + 1);
            let by_mentions = when
                .iter()
                .filter(|w| value.contains(**w))
                .map(|w| w.end)
                .max();
            let by_pattern = WHEN_HEAD.find(text).map(|m| value.start + m.end());
            by_slash.or(by_mentions.max(by_pattern))?
        }
        _ => return None,
    };
    let span = trim_span(
        cx.source.text,
        Span::new(start, value.end),
        &[',', '/', '.'],
    );
    let span = drop_spaced_note(cx, span);
    let text = cx.text(span);
    let first = text.chars().next()?;
    (!first.is_ascii_digit() && !first.is_ascii_punctuation()).then_some(span)
}

/// Leaves out a trailing bracket set off by a space: `생산공장 (각 15분)`.
fn drop_spaced_note(cx: &Context<'_>, span: Span) -> Span {
    let text = cx.text(span);
    match text.rfind(" (") {
        Some(i) if text.ends_with(')') && i > 0 => {
            trim_span(cx.source.text, Span::new(span.start, span.start + i), &[])
        }
        _ => span,
    }
}

/// Places before `에서` in a sentence where an event takes place.
fn sentence_venues(cx: &Context<'_>, span: Span, when: &[Span], out: &mut Vec<Snippet>) {
    let morphemes = cx.morphemes(span);
    for (i, m) in morphemes.iter().enumerate() {
        let Some(after) = morphemes.get(i + 1..) else {
            continue;
        };
        let held =
            m.pos == Pos::JKB && cx.text(m.span).starts_with("에서") && event_follows(cx, after);
        if m.spaced || !(held || is_visited(cx, m, after)) {
            continue;
        }
        let Some(before) = morphemes.get(..i) else {
            continue;
        };
        if let Some(place) = place_before(cx, before, when) {
            out.push(cx.source.snippet(place));
        }
    }
}

/// `…을 찾아`, `…를 방문하여`: the object of a visit is where the
/// visit takes place.
fn is_visited(cx: &Context<'_>, m: &Morpheme, after: &[Morpheme]) -> bool {
    m.pos == Pos::JKO
        && after.first().is_some_and(|v| {
            let text = cx.text(v.span);
            (v.pos == Pos::VV && text.starts_with('찾')) || (v.pos == Pos::NNG && text == "방문")
        })
}

/// Whether an event verb (개최, 열리다, 갖다, 진행, 체결, 출범, 참석 …)
/// comes in the rest of the sentence.
pub(crate) fn event_follows(cx: &Context<'_>, after: &[Morpheme]) -> bool {
    for m in after.iter().take_while(|m| m.pos != Pos::SF).take(30) {
        if is_event_verb(cx, m) {
            return true;
        }
        // A clause ends (`소장하고`, `밝혔다`): what follows is not about
        // this place.
        if matches!(m.last_pos, Pos::EC | Pos::EF) {
            return false;
        }
    }
    false
}

/// 개최, 진행, 체결, 출범, 개막, 참석 (nouns made verbs), and the verbs
/// 열다/열리다, 갖다/가지다.
pub(crate) fn is_event_verb(cx: &Context<'_>, m: &Morpheme) -> bool {
    let text = cx.text(m.span);
    match m.pos {
        Pos::NNG => matches!(
            text,
            "개최" | "진행" | "체결" | "출범" | "개막" | "참석" | "개소" | "공개"
        ),
        Pos::VV => ["열", "갖", "가지", "가졌", "가진"]
            .iter()
            .any(|v| text.starts_with(v)),
        _ => false,
    }
}

/// The noun run (with an attached bracket) that ends right before
/// `에서`, when it names a place.
fn place_before(cx: &Context<'_>, before: &[Morpheme], when: &[Span]) -> Option<Span> {
    let end = before.last()?.span.end;
    let (rest, mut placey) = strip_bracket(before)?;
    let mut start = None;
    let mut words = 0;
    let mut j = rest.len();
    while j > 0 && words < 6 {
        let head = rest.get(..j).unwrap_or_default();
        let word_start = head.iter().rposition(|m| m.spaced).unwrap_or(0);
        let word = rest.get(word_start..j).unwrap_or_default();
        if !is_name_word(cx, word, when) {
            break;
        }
        placey |= word.iter().any(|m| m.class == Class::Place);
        start = word.first().map(|m| m.span.start);
        words += 1;
        j = word_start;
    }
    let span = trim_to_place(cx, before, Span::new(start?, end));
    let text = cx.text(span);
    let compact: String = text
        .split('(')
        .next()
        .unwrap_or(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let head = PLACE_HEADS.iter().any(|h| compact.ends_with(h));
    let event = EVENT_NOUNS.iter().any(|e| compact.ends_with(e));
    ((placey || head) && !event).then_some(span)
}

/// Splits off a bracket that ends right before `에서` (`중명전(서울 중구)`):
/// the morphemes before it, and whether a place name stands inside.
fn strip_bracket(before: &[Morpheme]) -> Option<(&[Morpheme], bool)> {
    if before.last()?.pos != Pos::SSC {
        return Some((before, false));
    }
    let mut depth = 0i32;
    let mut placey = false;
    for (i, m) in before.iter().enumerate().rev() {
        match m.pos {
            Pos::SSC => depth += 1,
            Pos::SSO => depth -= 1,
            _ => placey |= m.class == Class::Place,
        }
        if depth == 0 {
            // A bracket set off by a space is a note, not part of a name.
            return (!m.spaced).then(|| (before.get(..i).unwrap_or_default(), placey));
        }
    }
    None
}

/// Whether a word (morphemes between spaces) can be part of a place
/// name: nouns, with at most a genitive or copula misread inside
/// (`대회의실` as 대회+의+실, `코트라` as 코트+라), and no date or time.
fn is_name_word(cx: &Context<'_>, word: &[Morpheme], when: &[Span]) -> bool {
    let Some(first) = word.first() else {
        return false;
    };
    let last = word.len().saturating_sub(1);
    is_noun_part(first.pos)
        && word.iter().enumerate().all(|(i, m)| {
            // Inside a word between nouns, ko-dic's misreadings of an
            // unknown compound (`부산공동어시장` with 어 as an
            // interjection) are still part of it.
            let inner = i > 0 && i < last && !m.pos.is_particle() && !is_ending(m.pos);
            (is_noun_part(m.pos)
                || m.pos == Pos::JKG
                || m.pos == Pos::VCP
                || is_dot(cx, m)
                || inner)
                && !NOT_PLACE.contains(&cx.text(m.span))
                && !is_when(cx, m, when)
        })
        && word
            .last()
            .is_some_and(|m| is_noun_part(m.pos) || m.pos == Pos::VCP)
}

/// Verb endings, which close a word as a predicate.
fn is_ending(pos: Pos) -> bool {
    matches!(pos, Pos::EP | Pos::EF | Pos::EC | Pos::ETN | Pos::ETM)
}

/// `·` joining two names (`반월·시화산단`).
fn is_dot(cx: &Context<'_>, m: &Morpheme) -> bool {
    matches!(cx.text(m.span), "·" | "‧" | "ㆍ" | "-")
}

/// Whether `m` is part of a date or time: inside a found mention, or a
/// counter after digits such as `15시`, `13일` (not `천년보고`).
fn is_when(cx: &Context<'_>, m: &Morpheme, when: &[Span]) -> bool {
    let after_digit = m.span.start.checked_sub(1).is_some_and(|at| {
        cx.text(Span::new(at, m.span.start))
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    });
    when.iter().any(|w| w.contains(m.span))
        || (m.pos == Pos::NNBC
            && after_digit
            && matches!(cx.text(m.span), "시" | "분" | "일" | "월" | "년"))
}

/// Starts the run at its first word that names a place: a proper noun, a
/// word ko-dic does not know, or a building word (`전 일정 다산정보관
/// 로비` is `다산정보관 로비`).
fn trim_to_place(cx: &Context<'_>, morphemes: &[Morpheme], run: Span) -> Span {
    let inside: Vec<&Morpheme> = morphemes.iter().filter(|m| run.contains(m.span)).collect();
    let mut word_start = run.start;
    for m in &inside {
        if m.spaced {
            word_start = m.span.start;
        }
        let word_end = inside
            .iter()
            .find(|n| n.span.start > m.span.start && n.spaced)
            .map_or(run.end, |n| n.span.start);
        // A short common noun on its own (`일정`) does not start a name; a
        // word of several morphemes (`코트라`, `다산정보관`) may.
        let parts = inside
            .iter()
            .filter(|n| n.span.start >= word_start && n.span.end <= word_end)
            .count();
        let lone = parts == 1 && m.pos == Pos::NNG && cx.text(m.span).chars().count() <= 2;
        let named = (m.spaced && !lone)
            || matches!(m.pos, Pos::NNP | Pos::Unknown | Pos::SL)
            || m.class == Class::Place;
        let word: String = cx
            .text(Span::new(word_start, word_end))
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if named || PLACE_HEADS.iter().any(|h| word.ends_with(h)) {
            return Span::new(word_start, run.end);
        }
    }
    run
}

/// Parts of speech that make up a place name.
fn is_noun_part(pos: Pos) -> bool {
    matches!(
        pos,
        Pos::NNG
            | Pos::NNP
            | Pos::NNBC
            | Pos::NR
            | Pos::SL
            | Pos::SN
            | Pos::SH
            | Pos::XSN
            | Pos::XPN
            | Pos::Unknown
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_labels() {
        let text = "ㅇ 일시 / 장소 : ‘21. 12. 22(수) 14:00~16:30 / 서울 코엑스 그랜드볼룸";
        let caps = FIELD.captures(text).expect("a field");
        assert_eq!(
            &caps["value"],
            "‘21. 12. 22(수) 14:00~16:30 / 서울 코엑스 그랜드볼룸"
        );
        let text = "(일시 및 장소) ’26. 4. 9(목) 10:30, 국회 본관";
        let caps = FIELD.captures(text).expect("a field");
        assert_eq!(&caps["value"], "’26. 4. 9(목) 10:30, 국회 본관");
        let head = WHEN_HEAD.find(&caps["value"]).expect("date head");
        assert_eq!(&caps["value"][head.end()..], ", 국회 본관");
    }
}

#[cfg(test)]
mod dump {
    #[test]
    #[ignore]
    fn dump_morphemes() {
        let m = crate::morph::Morphology::embedded().expect("dict");
        let text = std::env::var("DUMP").unwrap_or_default();
        for x in m.analyse(&text, crate::Span::new(0, text.len())) {
            println!(
                "{} {:?} {:?} {:?} {}",
                &text[x.span.range()],
                x.pos,
                x.last_pos,
                x.class,
                x.spaced
            );
        }
    }
}
