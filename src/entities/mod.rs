//! Pass 2: recognisers that find facts inside the blocks of pass 1.
//!
//! Each entity kind has its own module with one entry point,
//! `fn recognise(cx: &Context<'_>, doc: &mut Document)`, which reads the
//! block tree (and the fields filled by recognisers that ran before it) and
//! fills its own fields of the [`Document`]. They run in the order of
//! [`RECOGNISERS`]: later ones may use what earlier ones found.

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::document::{Block, Document, Warning};
use crate::lexicon::Lexicon;
use crate::morph::{Morpheme, Morphology};
use crate::source::Source;
use crate::{Options, Span};

pub(crate) mod attendees;
pub(crate) mod commitments;
pub(crate) mod contacts;
pub(crate) mod dates;
pub(crate) mod events;
pub(crate) mod header;
pub(crate) mod organizations;
pub(crate) mod people;
pub(crate) mod quotes;
pub(crate) mod times;
pub(crate) mod venues;

/// A recogniser: reads the context, fills its fields of the document.
pub(crate) type Recogniser = fn(&Context<'_>, &mut Document);

/// The recognisers, in the order they run.
pub(crate) const RECOGNISERS: &[Recogniser] = &[
    header::recognise,
    dates::recognise,
    times::recognise,
    venues::recognise,
    contacts::recognise,
    organizations::recognise,
    people::recognise,
    attendees::recognise,
    events::recognise,
    quotes::recognise,
    commitments::recognise,
];

/// What every recogniser sees: the input, the extractor's settings, and
/// morphology on demand, computed at most once per line.
pub(crate) struct Context<'a> {
    pub(crate) source: &'a Source<'a>,
    pub(crate) options: &'a Options,
    pub(crate) lexicon: &'a Lexicon,
    morphology: &'a Morphology,
    /// Where each line starts, for finding a span's line in O(log n).
    line_starts: Vec<usize>,
    /// Morphemes of each line, by line number, in text order; a line is
    /// analysed the first time any recogniser asks for part of it.
    cache: Vec<OnceCell<Vec<Morpheme>>>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(
        source: &'a Source<'a>,
        options: &'a Options,
        morphology: &'a Morphology,
        lexicon: &'a Lexicon,
    ) -> Self {
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(source.text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        let cache = line_starts.iter().map(|_| OnceCell::new()).collect();
        Context {
            source,
            options,
            lexicon,
            morphology,
            line_starts,
            cache,
        }
    }

    /// The text of `span`.
    pub(crate) fn text(&self, span: Span) -> &'a str {
        self.source.slice(span)
    }

    /// The morphemes that lie inside `span`. Each line is analysed once and
    /// cached, so that asking again (or for another part of the same line)
    /// never tokenises the same text twice; a lookup costs a binary search
    /// and, for a span within one line, no allocation.
    pub(crate) fn morphemes(&self, span: Span) -> Cow<'_, [Morpheme]> {
        let first = self.line_index(span.start);
        let last = self.line_index(span.end.saturating_sub(1).max(span.start));
        if first == last {
            return Cow::Borrowed(self.in_line(first, span));
        }
        Cow::Owned(
            (first..=last)
                .flat_map(|line| self.in_line(line, span).iter().copied())
                .collect(),
        )
    }

    /// The morphemes of line `line` that lie inside `span`.
    fn in_line(&self, line: usize, span: Span) -> &[Morpheme] {
        let Some(cell) = self.cache.get(line) else {
            return &[];
        };
        let all = cell.get_or_init(|| {
            self.morphology
                .analyse(self.source.text, self.line_span(line))
        });
        let from = all.partition_point(|m| m.span.start < span.start);
        let rest = &all[from..];
        let inside = rest
            .iter()
            .take_while(|m| m.span.start < span.end)
            .filter(|m| m.span.end <= span.end)
            .count();
        // Morphemes are in text order and do not overlap, so those inside
        // `span` are a run.
        &rest[..inside]
    }

    /// The number of the line that holds byte `at`.
    fn line_index(&self, at: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= at)
            .saturating_sub(1)
    }

    /// The span of line `index`, without its newline.
    fn line_span(&self, index: usize) -> Span {
        let text = self.source.text;
        let start = self.line_starts.get(index).copied().unwrap_or(text.len());
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(text.len(), |next| next.saturating_sub(1));
        Span::new(start, end.max(start))
    }

    /// A warning at `span`.
    pub(crate) fn warning(&self, kind: &str, message: String, span: Span) -> Warning {
        Warning {
            kind: kind.to_string(),
            message,
            span,
        }
    }
}

/// Every block of the tree, depth first, in document order.
pub(crate) fn walk(blocks: &[Block]) -> Vec<&Block> {
    fn go<'b>(blocks: &'b [Block], out: &mut Vec<&'b Block>) {
        for block in blocks {
            out.push(block);
            go(&block.children, out);
        }
    }
    let mut out = Vec::new();
    go(blocks, &mut out);
    out
}

/// The part of a block that is its own text: its span minus the spans of
/// its inline children (list items cut out of the same line stay part of
/// the parent's text; recognisers that walk every block should read the
/// parent and skip inline children, or the reverse, never both).
pub(crate) fn is_inline_child(parent: &Block, child: &Block) -> bool {
    parent.span.contains(child.span)
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
