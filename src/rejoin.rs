//! Wrapped text read as one line a paragraph: a PDF's text breaks every
//! line, often inside a word (`부단` / `체장과`). Pass 1 finds these breaks
//! ([`Join`]); the release is then analysed as the text with each break
//! read as a space or as nothing, and every span of the result is mapped
//! back into the text as given, so that `input[span] == text` still holds
//! (a mention that crosses a break keeps the break in its `text`).

use crate::Span;
use crate::document::Document;
use crate::source::Source;
use crate::structure::Join;

/// The text with its breaks joined, and where each of its pieces stands in
/// the original.
pub(crate) struct Rejoined {
    pub(crate) text: String,
    /// Pieces of the joined text in order: `(joined start, original span)`.
    /// A piece kept as it is has the same length in both; a break read as a
    /// space is one byte for the original break.
    pieces: Vec<(usize, Span)>,
}

/// Reads `text` with each join replaced by a space or by nothing.
pub(crate) fn rejoin(text: &str, joins: &[Join]) -> Rejoined {
    let mut out = String::with_capacity(text.len());
    let mut pieces = Vec::new();
    let mut at = 0;
    for join in joins {
        let (start, end) = (join.span.start.max(at), join.span.end);
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        pieces.push((out.len(), Span::new(at, start)));
        out.push_str(&text[at..start]);
        if join.space {
            pieces.push((out.len(), Span::new(start, end)));
            out.push(' ');
        }
        at = end;
    }
    pieces.push((out.len(), Span::new(at, text.len())));
    out.push_str(&text[at..]);
    Rejoined { text: out, pieces }
}

impl Rejoined {
    /// The piece that holds joined offset `at`, preferring the piece that
    /// starts there (`right`) or the one that ends there.
    fn piece(&self, at: usize, right: bool) -> Option<(usize, Span)> {
        let i = self.pieces.partition_point(|(start, _)| *start <= at);
        let here = self.pieces.get(i.checked_sub(1)?).copied()?;
        if !right && here.0 == at && i >= 2 {
            return self.pieces.get(i - 2).copied();
        }
        Some(here)
    }

    /// The original offset of joined offset `at`, as the start of a span.
    fn start(&self, at: usize) -> usize {
        self.map(at, true)
    }

    /// The original offset of joined offset `at`, as the end of a span.
    fn end(&self, at: usize) -> usize {
        self.map(at, false)
    }

    fn map(&self, at: usize, right: bool) -> usize {
        let Some((start, original)) = self.piece(at, right) else {
            return at;
        };
        let offset = at - start;
        let kept = original.len();
        let joined_len = self.next_start(start).map_or(kept, |next| next - start);
        if joined_len == kept {
            original.start + offset.min(kept)
        } else if offset == 0 {
            original.start
        } else {
            // Inside or at the end of a break read as a space.
            original.end
        }
    }

    /// Where the piece after the one at joined offset `start` begins.
    fn next_start(&self, start: usize) -> Option<usize> {
        let i = self.pieces.partition_point(|(s, _)| *s <= start);
        self.pieces.get(i).map(|(s, _)| *s)
    }

    /// `span` of the joined text, in the original.
    pub(crate) fn span(&self, span: Span) -> Span {
        let start = self.start(span.start);
        let end = if span.is_empty() {
            start
        } else {
            self.end(span.end)
        };
        Span::new(start, end.max(start))
    }
}

/// Maps every span of `doc` (analysed on the joined text) back into
/// `original`, slicing each item's `text` anew and counting its chars.
pub(crate) fn remap(doc: Document, rejoined: &Rejoined, original: &str) -> Document {
    let source = Source::new(original);
    let mut value = match serde_json::to_value(&doc) {
        Ok(value) => value,
        Err(_) => return doc,
    };
    fix(&mut value, rejoined, &source);
    serde_json::from_value(value).unwrap_or(doc)
}

/// Maps the spans of every object in `value`.
fn fix(value: &mut serde_json::Value, rejoined: &Rejoined, source: &Source<'_>) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mapped = map
                .get("span")
                .and_then(read_span)
                .map(|s| rejoined.span(s));
            if let Some(span) = mapped {
                map.insert("span".into(), write_span(span));
                if map.contains_key("char_span") {
                    map.insert("char_span".into(), write_span(source.char_span(span)));
                }
                if map.get("text").is_some_and(Value::is_string) {
                    map.insert("text".into(), Value::String(source.slice(span).into()));
                }
            }
            if let Some(marker) = map.get("marker_span").and_then(read_span) {
                map.insert("marker_span".into(), write_span(rejoined.span(marker)));
            }
            for (key, v) in map.iter_mut() {
                if key != "span" && key != "char_span" && key != "marker_span" {
                    fix(v, rejoined, source);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| fix(v, rejoined, source)),
        _ => {}
    }
}

fn read_span(v: &serde_json::Value) -> Option<Span> {
    let a = v.as_array()?;
    let get = |i: usize| a.get(i)?.as_u64().and_then(|n| usize::try_from(n).ok());
    Some(Span::new(get(0)?, get(1)?))
}

fn write_span(span: Span) -> serde_json::Value {
    serde_json::json!([span.start, span.end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_back_around_breaks() {
        let text = "17개 시‧도 부단\n체장과 함께\n회의를 열었다.";
        let cut = text.find("\n체").unwrap();
        let space = text.find("\n회").unwrap();
        let joins = [
            Join {
                span: Span::new(cut, cut + 1),
                space: false,
            },
            Join {
                span: Span::new(space, space + 1),
                space: true,
            },
        ];
        let r = rejoin(text, &joins);
        assert_eq!(r.text, "17개 시‧도 부단체장과 함께 회의를 열었다.");
        let word = r.text.find("부단체장").unwrap();
        let mapped = r.span(Span::new(word, word + "부단체장".len()));
        assert_eq!(&text[mapped.range()], "부단\n체장");
        let before = r.span(Span::new(0, word + "부단".len()));
        assert_eq!(&text[before.range()], "17개 시‧도 부단");
        let after = r.text.find("체장").unwrap();
        let tail = r.span(Span::new(after, r.text.len()));
        assert_eq!(&text[tail.range()], "체장과 함께\n회의를 열었다.");
        let both = r.text.find("함께 회의").unwrap();
        let mapped = r.span(Span::new(both, both + "함께 회의".len()));
        assert_eq!(&text[mapped.range()], "함께\n회의");
    }
}
