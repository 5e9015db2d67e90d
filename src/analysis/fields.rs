//! `label : value` fields of event boxes and notes (`일시 / 장소 : …`,
//! `(일시 및 장소) …`, `장소: …`, `‣ 주  최 : …`), and the venue of a
//! `장소` or `일시/장소` field.

use std::sync::LazyLock;

use regex::Regex;

use super::{Analysis, own_text, walk};
use crate::Span;
use crate::document::{Block, BlockKind};
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
    pub(crate) value: Span,
    /// The span of the block the field was read from.
    pub(crate) block: Span,
}

/// The fields of every block outside the contact block, in document
/// order: a table row's label and value cells, or the `label : value`
/// pairs of a block's own text.
pub(crate) fn all(a: &Analysis<'_>) -> Vec<Field> {
    let mut out = Vec::new();
    for block in walk(a.blocks) {
        if block.kind == BlockKind::Contact {
            continue;
        }
        if block.cells.is_empty() {
            for span in own_text(block) {
                out.extend(fields(a, span, block.span));
            }
        } else {
            out.extend(table_field(block));
        }
    }
    out
}

/// `일시 / 장소 : …`, `(일시 및 장소) …`, `장소: …`, `‣ 주  최 : …`: a
/// label (spaces inside allowed) closed by `:` or a bracket, then the
/// value up to the next bullet or cell border.
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\s‣▸▪•*￭▴▲▶◦●■□○])[(\[<]?\s*(?P<label>일\s*시\s*(?:[/ㆍ·,]|및)\s*장\s*소|일\s*시|장\s*소|주\s*최|주\s*관|참\s*석\s*(?:자|기관|대상)?)\s*(?:[)\]>]|[:：])\s*(?P<value>[^‣▸▪•￭▴▲▶◦●■□○|\n]*)",
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

/// The `label : value` fields in `span` of the block at `block`.
fn fields(cx: &Analysis<'_>, span: Span, block: Span) -> Vec<Field> {
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
            let label_kind = label_of(&compact)?;
            let value =
                trim_span(text, Span::new(value.start(), value.end()), &[]).shift(span.start);
            Some(Field {
                label: label_kind,
                value,
                block,
            })
        })
        .collect()
}

/// The kind of a label, compared without spaces.
fn label_of(compact: &str) -> Option<Label> {
    Some(match compact {
        "일시" => Label::When,
        "장소" => Label::Place,
        "주최" => Label::Host,
        "주관" => Label::Organiser,
        c if c.starts_with("참석") => Label::Attendees,
        c if c.starts_with("일시") && c.ends_with("장소") => Label::WhenPlace,
        _ => return None,
    })
}

/// A table row `일 시 | 2026. 4. 13.(월) 14:00` or `장 소 | 서울 코엑스`:
/// a label cell and one value cell make a field.
fn table_field(block: &Block) -> Option<Field> {
    let [label, value] = block.cells.as_slice() else {
        return None;
    };
    let compact: String = label.text.chars().filter(|c| !c.is_whitespace()).collect();
    Some(Field {
        label: label_of(&compact)?,
        value: value.span,
        block: block.span,
    })
}

/// The venue of a `장소` or `일시/장소` field: the whole value, or what
/// follows the date and time (after a `/` when there is one).
pub(crate) fn field_venue(cx: &Analysis<'_>, field: &Field, when: &[Span]) -> Option<Span> {
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
fn drop_spaced_note(cx: &Analysis<'_>, span: Span) -> Span {
    let text = cx.text(span);
    match text.rfind(" (") {
        Some(i) if text.ends_with(')') && i > 0 => {
            trim_span(cx.source.text, Span::new(span.start, span.start + i), &[])
        }
        _ => span,
    }
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
        assert_eq!(label_of("일시및장소"), Some(Label::WhenPlace));
        assert_eq!(label_of("일시ㆍ장소"), Some(Label::WhenPlace));
        assert_eq!(label_of("내용"), None);
        assert_eq!(&caps["value"][head.end()..], ", 국회 본관");
    }
}
