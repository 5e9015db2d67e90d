//! The analysed text and helpers to cut [`Snippet`]s out of it.

use crate::Span;
use crate::document::Snippet;
use crate::span::CharIndex;

/// The input of one extraction, with its byte-to-char index.
#[derive(Debug)]
pub(crate) struct Source<'t> {
    pub(crate) text: &'t str,
    chars: CharIndex<'t>,
}

impl<'t> Source<'t> {
    pub(crate) fn new(text: &'t str) -> Source<'t> {
        Source {
            text,
            chars: CharIndex::new(text),
        }
    }

    /// The text of `span`; empty when the span is not on char boundaries,
    /// which bodo's own spans always are.
    pub(crate) fn slice(&self, span: Span) -> &'t str {
        self.text.get(span.range()).unwrap_or("")
    }

    pub(crate) fn char_span(&self, span: Span) -> Span {
        self.chars.char_span(span)
    }

    pub(crate) fn snippet(&self, span: Span) -> Snippet {
        Snippet {
            text: self.slice(span).to_string(),
            span,
            char_span: self.char_span(span),
        }
    }
}

/// `span` with surrounding whitespace (and the characters `extra` lists)
/// removed, measured in `text`.
pub(crate) fn trim_span(text: &str, span: Span, extra: &[char]) -> Span {
    let Some(slice) = text.get(span.range()) else {
        return span;
    };
    let strip = |c: char| c.is_whitespace() || extra.contains(&c);
    let start_trimmed = slice.trim_start_matches(strip);
    let start = span.start + (slice.len() - start_trimmed.len());
    let trimmed = start_trimmed.trim_end_matches(strip);
    Span::new(start, start + trimmed.len())
}
