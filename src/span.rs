//! Byte spans into the input, and their char (Unicode scalar) equivalents.

use std::fmt;
use std::ops::{Index, Range};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A half-open range of UTF-8 byte offsets into the analysed text.
///
/// Both ends lie on char boundaries of the text the span was made from, so
/// `&text[span]` never panics for spans that bodo returns. It serialises as
/// a two-element array `[start, end]`, and `Debug` prints `start..end`.
///
/// # Example
///
/// ```
/// use bodo::Span;
///
/// let text = "보도시점 12월 22일";
/// let span = Span::new(13, 18);
/// assert_eq!(&text[span], "12월");
/// assert_eq!(format!("{span:?}"), "13..18");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// The first byte of the span.
    pub start: usize,
    /// The byte just past the span.
    pub end: usize,
}

impl Span {
    /// Makes a span; `end` is clamped so that it is never before `start`.
    pub const fn new(start: usize, end: usize) -> Span {
        let end = if end < start { start } else { end };
        Span { start, end }
    }

    /// The number of bytes in the span.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span moved `by` bytes to the right, for turning a span found in
    /// a slice into one in the whole text.
    pub const fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// Whether `other` lies entirely within `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span that covers both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span as a `Range`, for slicing.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// So that `&input.text[span]` works on an owned [`Input`](crate::Input)'s text.
impl Index<Span> for String {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(deserializer)?;
        Ok(Span::new(start, end))
    }
}

/// Converts byte offsets to char offsets in O(1) amortised time per call,
/// even on a single very long line: it keeps the char count at every
/// 256-byte stride of the text.
#[derive(Debug)]
pub(crate) struct CharIndex<'t> {
    text: &'t str,
    strides: Vec<usize>,
}

const STRIDE: usize = 256;

fn is_char_start(byte: u8) -> bool {
    (byte & 0xC0) != 0x80
}

impl<'t> CharIndex<'t> {
    pub(crate) fn new(text: &'t str) -> CharIndex<'t> {
        let mut strides = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut count = 0;
        for chunk in text.as_bytes().chunks(STRIDE) {
            strides.push(count);
            count += chunk.iter().filter(|&&b| is_char_start(b)).count();
        }
        strides.push(count);
        CharIndex { text, strides }
    }

    /// The number of chars before byte `offset`.
    pub(crate) fn char_offset(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let stride = offset / STRIDE;
        let base = self.strides.get(stride).copied().unwrap_or(0);
        let rest = &self.text.as_bytes()[stride * STRIDE..offset];
        base + rest.iter().filter(|&&b| is_char_start(b)).count()
    }

    pub(crate) fn char_span(&self, span: Span) -> Span {
        Span::new(self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_counting() {
        let text = "가나 abc ’21. 12. 22(수)\n".repeat(40);
        let index = CharIndex::new(&text);
        for (byte, _) in text.char_indices() {
            assert_eq!(index.char_offset(byte), text[..byte].chars().count());
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn serde_round_trip() {
        let span = Span::new(3, 6);
        let json = serde_json::to_string(&span).unwrap();
        assert_eq!(json, "[3,6]");
        assert_eq!(serde_json::from_str::<Span>(&json).unwrap(), span);
    }
}
