//! Labelled lists of attendees: the `참석자 : (정부) … (국회) …` lines of
//! an event summary (and their continuation lines, which pass 1 nests
//! under the item), `(참석) …` / `[참석] …` notes, `▸참석자: ▴(생명대사) …`
//! in a table cell.
//!
//! Each comma-separated item becomes one attendee. The group label in
//! parentheses (`(정부)`) carries over to the items after it; a bracket
//! that lists names (`5대 시중은행(KB국민, 하나, 신한)`) gives an item
//! each; `A 등 20개 협단체` gives `A` (the count names nobody).

use std::sync::LazyLock;

use regex::Regex;

use super::{Found, Role, is_count, item, without_members};
use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::Segment;
use crate::document::{Block, BlockKind};
use crate::source::trim_span;

/// The attendees of the labelled lists, in order.
pub(super) fn recognise(cx: &Analysis<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    for seg in cx.segments() {
        if let Some(list) = labelled_list(cx, seg) {
            let mut group = None;
            for span in list {
                items(cx, span, &mut group, &mut out);
            }
        }
    }
    out
}

// `참석자 :`, `참  석  자 :`, `(참석)`, `[참 석]`, `* 참석 :`, `▸참석자:`,
// `(참석기관)`: the label of an attendee list; the list runs to the next
// `‣`/`▲`/`￭`/`※` field or the end.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[(\[]\s*참\s*석\s*(?:자|기관|대상)?\s*[)\]]\s*:?|(?:^|[\s‣▲ㅇ*▸▹►•∙◦○□■-])참\s*석\s*(?:자|기관|대상)?\s*[:：]",
    )
    .expect("attendee label pattern")
});

/// The spans that hold a labelled attendee list: the rest of the labelled
/// segment and the continuation lines pass 1 put under it.
fn labelled_list(cx: &Analysis<'_>, seg: &Segment<'_>) -> Option<Vec<Span>> {
    let text = cx.text(seg.span);
    let m = LABEL.find(text)?;
    let start = seg.span.start + m.end();
    let rest = text.get(m.end()..).unwrap_or("");
    let end = rest
        .find(['‣', '▲', '￭', '※'])
        .map_or(seg.span.end, |i| start + i);
    let mut spans = vec![Span::new(start, end)];
    spans.extend(continuation_lines(seg.block));
    Some(spans)
}

/// The child lines that continue an attendee list: the unmarked lines
/// pass 1 hangs under it (`(국회) …`, one attendee a line in a box).
fn continuation_lines(block: &Block) -> Vec<Span> {
    block
        .children
        .iter()
        .filter(|c| !block.span.contains(c.span) && c.kind == BlockKind::Paragraph)
        .map(|c| c.span)
        .collect()
}

// `(정부)`, `(국회)`: a group label opening an item.
static GROUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\((?P<g>[가-힣·ㆍ ]{1,8})\)\s*").expect("group pattern"));

/// Splits `span` into attendees, tracking the group label.
fn items(cx: &Analysis<'_>, span: Span, group: &mut Option<String>, out: &mut Vec<Found>) {
    for piece in pieces(cx.text(span)) {
        let mut piece = Span::new(span.start + piece.start, span.start + piece.end);
        if let Some(caps) = GROUP.captures(cx.text(piece)) {
            if let (Some(g), Some(all)) = (caps.name("g"), caps.get(0)) {
                *group = Some(g.as_str().trim().to_string());
                piece = Span::new(piece.start + all.end(), piece.end);
            }
        }
        let piece = trim_span(cx.source.text, piece, &['.', '·', '*', '|']);
        for part in bracket_list(cx, piece) {
            for part in before_etc(cx, part) {
                let part = without_members(cx, part);
                if part.is_empty() || cx.text(part).starts_with("참석") {
                    continue;
                }
                for part in dotted_parts(cx, part) {
                    // A list of attendees names them: any item but a
                    // count is one.
                    let mut found = item(cx, part, group.clone(), Role::Listed);
                    found.named = !is_count(cx, part);
                    out.push(found);
                }
            }
        }
    }
}

/// The pieces of a list, as byte ranges: cut at commas outside brackets,
/// at `<br>` and at `▴` bullets.
fn pieces(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let cut = match c {
            '(' => {
                depth += 1;
                None
            }
            ')' => {
                depth -= 1;
                None
            }
            ',' | '▴' | '▲' | '、' if depth <= 0 => Some(c.len_utf8()),
            '<' if text.get(at..).is_some_and(|t| t.starts_with("<br>")) => {
                depth = 0;
                Some("<br>".len())
            }
            _ => None,
        };
        if let Some(len) = cut {
            out.push(start..at);
            start = at + len;
            while chars.peek().is_some_and(|(i, _)| *i < start) {
                chars.next();
            }
        }
    }
    out.push(start..text.len());
    out
}

/// `5대 시중은행(KB국민, 하나, 신한)`: the names a bracket lists stand for
/// the item; any other item is itself.
fn bracket_list(cx: &Analysis<'_>, item: Span) -> Vec<Span> {
    let text = cx.text(item);
    let (Some(open), true) = (text.find('('), text.ends_with(')')) else {
        return vec![item];
    };
    let inner = Span::new(item.start + open + 1, item.end - 1);
    if !cx.text(inner).contains(',') {
        return vec![item];
    }
    let mut out = Vec::new();
    let mut at = inner.start;
    for part in cx.text(inner).split(',') {
        let span = Span::new(at, at + part.len());
        at += part.len() + 1;
        let span = trim_span(cx.source.text, span, &[]);
        if !span.is_empty() {
            out.push(span);
        }
    }
    out
}

/// `한국산업지능화협회 등 20개 협단체`: what stands before `등`, and what
/// after it (a count, which names nobody, is dropped by the caller).
fn before_etc(cx: &Analysis<'_>, item: Span) -> Vec<Span> {
    let text = cx.text(item);
    match text.find(" 등") {
        Some(at) => {
            let head = trim_span(cx.source.text, Span::new(item.start, item.start + at), &[]);
            let tail = trim_span(
                cx.source.text,
                Span::new(item.start + at + " 등".len(), item.end),
                &[],
            );
            [head, tail].into_iter().filter(|s| !s.is_empty()).collect()
        }
        None => vec![item],
    }
}

/// `HUG·주택금융공사`, `농협․수협․신협․새마을금고중앙회`: organisations
/// joined by a middle dot are attendees each, when the parts are names
/// (all of two, all but one of more); anything else
/// (`항공·철도사고조사위원회`) stays one item.
fn dotted_parts(cx: &Analysis<'_>, item: Span) -> Vec<Span> {
    let text = cx.text(item);
    let mut parts = Vec::new();
    let mut start = 0;
    let dots = text
        .match_indices(['·', 'ㆍ', '․'])
        .map(|(at, dot)| (at, at + dot.len()));
    for (end, next) in dots.chain(std::iter::once((text.len(), text.len()))) {
        let piece = Span::new(item.start + start, item.start + end);
        parts.push(trim_span(cx.source.text, piece, &[]));
        start = next;
    }
    // An acronym such as `HUG` is a name as it stands; of a part of
    // several words, its last word is the name's end.
    let named = |p: &Span| {
        let t = cx.text(*p);
        let last = t.rsplit(' ').next().unwrap_or(t);
        !t.is_empty()
            && (cx.lexicon.is_org_name(t)
                || cx.lexicon.is_org_name(last)
                || t.chars().all(|c| c.is_ascii_uppercase()))
    };
    let unnamed = parts.iter().filter(|p| !named(p)).count();
    let split = match parts.len() {
        0 | 1 => false,
        2 => unnamed == 0,
        _ => unnamed <= 1,
    };
    if split { parts } else { vec![item] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_need_a_colon_or_brackets() {
        for label in [
            "ㅇ 참석자 : (정부)",
            "(참 석) 김창섭",
            "[참석] 국무총리",
            "‣ 참  석  자 : 전기",
            "▸참석자: ▴(정부)",
            "￭ (참석기관) 중기부",
        ] {
            assert!(LABEL.is_match(label), "{label}");
        }
        for text in [
            "면담에 참석한 금융기관",
            "(패널 토의 추가 참석) | 참석자",
            "참석 요청 가능",
        ] {
            assert!(!LABEL.is_match(text), "{text}");
        }
    }

    #[test]
    fn group_labels_open_items() {
        let caps = GROUP.captures("(국회) 이학영 위원장").expect("group");
        assert_eq!(&caps["g"], "국회");
        assert!(GROUP.captures("이학영 위원장(법안 발의)").is_none());
    }

    #[test]
    fn lists_are_cut_outside_brackets_and_at_line_breaks() {
        let text =
            "국무총리(주재), 본부장<br>▴(생명대사) HYNN(박혜원)(가수), 시중은행(KB국민, 하나)";
        let got: Vec<&str> = pieces(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "국무총리(주재)",
                " 본부장",
                "",
                "(생명대사) HYNN(박혜원)(가수)",
                " 시중은행(KB국민, 하나)"
            ]
        );
    }
}
