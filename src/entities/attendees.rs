//! Recognises attendees: the `참석자 : (정부) … (국회) …` lines of an
//! event summary (and their continuation lines, which pass 1 nests under
//! the item), `(참석) …` / `[참석] …` notes, and `… 등이 참석한 가운데`.
//!
//! Each comma-separated item becomes one attendee: a person the people
//! recogniser found inside it, or else a title with its organisation
//! (`전기위원회 위원장`), or else an organisation. The group label in
//! parentheses (`(정부)`) carries over to the items after it. A trailing
//! `등 20개 협단체` stays in the last item's text, so that the stated count
//! is kept.

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::Segment;
use crate::analysis::words::{Word, is_hangul};
use crate::document::{Block, BlockKind};
use crate::source::trim_span;

/// An attendee as found; the link step says who each is, from the people
/// and organisations named inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// One item of an attendee list: a person, a title with its
    /// organisation, or an organisation.
    Item {
        span: Span,
        /// The group label in force (`정부`, `국회`).
        group: Option<String>,
        /// The title the item ends with (`전기위원회 위원장`).
        title: Option<String>,
    },
    /// The clause before `참석한 가운데`: its people and organisations
    /// attend.
    Present { clause: Span },
}

/// The attendee lists and the clauses of who was present, in order.
pub(crate) fn recognise(cx: &Analysis<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    for seg in cx.segments() {
        if let Some(list) = labelled_list(cx, seg) {
            let mut group = None;
            for span in list {
                items(cx, span, &mut group, &mut out);
            }
        }
        out.extend(present_at(cx, seg.span));
    }
    out
}

// `참석자 :`, `참  석  자 :`, `(참석)`, `[참 석]`, `* 참석 :`: the label of
// an attendee list; the list runs to the next `‣`/`▲` field or the end.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[(\[]\s*참\s*석\s*자?\s*[)\]]\s*:?|(?:^|[\s‣▲ㅇ*])참\s*석\s*자?\s*[:：]")
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
        .find(['‣', '▲', '￭'])
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

/// Splits `span` at commas into attendees, tracking the group label.
fn items(cx: &Analysis<'_>, span: Span, group: &mut Option<String>, out: &mut Vec<Found>) {
    let text = cx.text(span);
    let mut start = 0;
    for piece in text.split(',') {
        let mut item = Span::new(span.start + start, span.start + start + piece.len());
        start += piece.len() + 1;
        if let Some(caps) = GROUP.captures(piece) {
            if let (Some(g), Some(all)) = (caps.name("g"), caps.get(0)) {
                *group = Some(g.as_str().trim().to_string());
                item = Span::new(item.start + all.end(), item.end);
            }
        }
        let item = trim_span(cx.source.text, item, &['.', '·', '*', '|']);
        let item = without_trailing_etc(cx, item);
        if item.is_empty() || cx.text(item).starts_with("참석") {
            continue;
        }
        for part in dotted_parts(cx, item) {
            out.push(Found::Item {
                span: part,
                group: group.clone(),
                title: trailing_title(cx, part),
            });
        }
    }
}

/// `HUG·주택금융공사`, `기업은행ㆍ신용보증기금`: organisations joined by a
/// middle dot are attendees each, when every part is an organisation's
/// name; anything else (`항공·철도사고조사위원회`) stays one item.
fn dotted_parts(cx: &Analysis<'_>, item: Span) -> Vec<Span> {
    let text = cx.text(item);
    let mut parts = Vec::new();
    let mut start = 0;
    let dots = text
        .match_indices(['·', 'ㆍ'])
        .map(|(at, dot)| (at, at + dot.len()));
    for (end, next) in dots.chain(std::iter::once((text.len(), text.len()))) {
        let piece = Span::new(item.start + start, item.start + end);
        parts.push(trim_span(cx.source.text, piece, &[]));
        start = next;
    }
    // An acronym such as `HUG` is a name as it stands.
    let named = |p: &Span| {
        let t = cx.text(*p);
        !t.is_empty() && (cx.lexicon.is_org_name(t) || t.chars().all(|c| c.is_ascii_uppercase()))
    };
    if parts.len() > 1 && parts.iter().all(named) {
        parts
    } else {
        vec![item]
    }
}

/// `…협회 등` at the end of a list: the `등` is not part of the item
/// (`등 20개 협단체`, which states a count, stays).
fn without_trailing_etc(cx: &Analysis<'_>, item: Span) -> Span {
    match cx.text(item).strip_suffix("등") {
        Some(rest) if rest.ends_with(' ') => trim_span(
            cx.source.text,
            Span::new(item.start, item.start + rest.len()),
            &[],
        ),
        _ => item,
    }
}

/// The title an item ends with, before any aside (`국무총리(주재)`,
/// `전기위원회 위원장`).
fn trailing_title(cx: &Analysis<'_>, item: Span) -> Option<String> {
    cx.words(item)
        .iter()
        .rev()
        .find(|w| w.before != Some('('))
        .map(|w| cx.text(w.stem))
        .filter(|s| is_hangul(s) && cx.lexicon.title_ending(s).is_some())
        .map(str::to_string)
}

/// A word that is only a particle, split off by a parenthesis
/// (`소재)에서`).
fn is_particle_only(w: &Word) -> bool {
    w.particle_only
}

// `… 등 유관기관 및 관계 전문가들이 참석한 가운데`: who was present.
static PRESENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"참석한\s*가운데").expect("present pattern"));

/// The clause before `참석한 가운데`: back from it over the words without a
/// case particle (the subject itself carries one).
fn present_at(cx: &Analysis<'_>, span: Span) -> Option<Found> {
    let text = cx.text(span);
    let m = PRESENT.find(text)?;
    let at = span.start + m.start();
    let all = cx.words(span);
    let ws: Vec<_> = all.iter().filter(|w| w.span.end <= at).collect();
    let mut start = at;
    for (k, w) in ws.iter().enumerate().rev() {
        let last = k + 1 == ws.len();
        let particle = w.has_particle() || is_particle_only(w);
        if !last && particle && !matches!(w.after, Some(',') | Some('ㆍ') | Some('·')) {
            break;
        }
        start = w.span.start;
    }
    Some(Found::Present {
        clause: Span::new(start, at),
    })
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
}
