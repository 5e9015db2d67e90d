//! Stage 2: one analysis of the text, computed once per document and shared
//! by every recogniser.
//!
//! ```text
//! blocks (pass 1) ──► segments ──► words ──► phrases (subjects)
//!                  └► fields (일시, 장소, 참석, 주최 …)  └► definitions (이하 …)
//! ```
//!
//! - **Segments** are the text a recogniser reads: every block's own text,
//!   with the inline list items cut out of a line as segments of their own,
//!   so that every character is read exactly once.
//! - **Words** ([`words::Word`]) are the pieces of a segment between spaces
//!   and punctuation, each with its stem (particles and endings cut off by
//!   morphology) and its morphemes. They are grouped once per segment.
//! - **Phrases** ([`phrases::Subject`]) are the noun phrases that carry a
//!   subject particle, read from the words (eojeols) of a block.
//! - **Fields** ([`fields::Field`]) are the `label : value` pairs pass 1's
//!   blocks hold (`일시 : …`, `장 소 | …`).
//! - **Definitions** ([`definitions::Definition`]) are the names a release
//!   defines in parentheses (`산업통상자원부(장관 …, 이하 “산업부”)`).
//!
//! Morphology is asked for lazily, one line at a time, and cached: a line
//! that no recogniser reads is never analysed.

pub(crate) mod definitions;
pub(crate) mod fields;
pub(crate) mod numerals;
pub(crate) mod phrases;
pub(crate) mod quotations;
pub(crate) mod verbs;
pub(crate) mod words;

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::document::{Block, BlockKind, Warning, WarningKind};
use crate::lexicon::Lexicon;
use crate::morph::{Morpheme, Morphology};
use crate::source::Source;
use crate::{Options, Span};
use definitions::Definition;
use fields::Field;
use phrases::Subject;
use quotations::Quotation;
use words::Word;

/// A piece of one block's own text, with the block it belongs to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Segment<'d> {
    /// The block.
    pub(crate) block: &'d Block,
    /// A part of the block's text that no inline child covers.
    pub(crate) span: Span,
}

/// What every recogniser sees: the input, the block tree, the extractor's
/// settings and lexicon, and the layers of the analysis, each computed at
/// most once.
pub(crate) struct Analysis<'a> {
    pub(crate) source: &'a Source<'a>,
    pub(crate) options: &'a Options,
    pub(crate) lexicon: &'a Lexicon,
    /// The block tree of pass 1.
    pub(crate) blocks: &'a [Block],
    morphology: &'a Morphology,
    /// Where each line starts, for finding a span's line in O(log n).
    line_starts: Vec<usize>,
    /// Morphemes of each line, by line number, in text order; a line is
    /// analysed the first time any recogniser asks for part of it.
    cache: Vec<OnceCell<Vec<Morpheme>>>,
    segments: Vec<Segment<'a>>,
    /// Segment indices ordered by start, for finding a span's segment.
    by_start: Vec<usize>,
    /// The words of each segment, grouped the first time they are asked
    /// for.
    words: Vec<OnceCell<Vec<Word>>>,
    /// Subject phrases by the region they were read from.
    subjects: RefCell<HashMap<Span, Rc<[Subject]>>>,
    definitions: OnceCell<Vec<Definition>>,
    fields: OnceCell<Vec<Field>>,
    quotations: OnceCell<Vec<Quotation<'a>>>,
}

impl<'a> Analysis<'a> {
    pub(crate) fn new(
        source: &'a Source<'a>,
        blocks: &'a [Block],
        options: &'a Options,
        morphology: &'a Morphology,
        lexicon: &'a Lexicon,
    ) -> Self {
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(source.text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        let cache = line_starts.iter().map(|_| OnceCell::new()).collect();
        let segments = segments(blocks);
        let mut by_start: Vec<usize> = (0..segments.len()).collect();
        by_start.sort_by_key(|&i| segments[i].span);
        let words = segments.iter().map(|_| OnceCell::new()).collect();
        Analysis {
            source,
            options,
            lexicon,
            blocks,
            morphology,
            line_starts,
            cache,
            segments,
            by_start,
            words,
            subjects: RefCell::new(HashMap::new()),
            definitions: OnceCell::new(),
            fields: OnceCell::new(),
            quotations: OnceCell::new(),
        }
    }

    /// The text of `span`.
    pub(crate) fn text(&self, span: Span) -> &'a str {
        self.source.slice(span)
    }

    /// Every block's own text, in document order (see [`Segment`]).
    pub(crate) fn segments(&self) -> &[Segment<'a>] {
        &self.segments
    }

    /// The blocks whose text holds their inline children, in document
    /// order: the units read as running text (sentences, quotes).
    pub(crate) fn text_blocks(&self) -> Vec<&'a Block> {
        text_blocks(self.blocks)
    }

    /// The words of `span`: the cached words of the segments it covers,
    /// those that lie inside it. A span within no segment is grouped on
    /// the spot.
    pub(crate) fn words(&self, span: Span) -> Cow<'_, [Word]> {
        let first = self
            .by_start
            .partition_point(|&i| self.segments[i].span.end <= span.start);
        let covering: Vec<usize> = self.by_start[first..]
            .iter()
            .copied()
            .take_while(|&i| self.segments[i].span.start < span.end)
            .collect();
        let inside = |w: &Word| span.contains(w.span);
        match covering.as_slice() {
            [] => Cow::Owned(words::group(self, span)),
            [one] if self.segments[*one].span.contains(span) => {
                let all = self.segment_words(*one);
                let from = all.partition_point(|w| w.span.start < span.start);
                let to = from + all[from..].iter().take_while(|w| inside(w)).count();
                Cow::Borrowed(&all[from..to])
            }
            many => Cow::Owned(
                many.iter()
                    .flat_map(|&i| self.segment_words(i).iter().filter(|w| inside(w)))
                    .cloned()
                    .collect(),
            ),
        }
    }

    /// The words of segment `index`, grouped once.
    fn segment_words(&self, index: usize) -> &[Word] {
        let Some(cell) = self.words.get(index) else {
            return &[];
        };
        cell.get_or_init(|| {
            self.segments.get(index).map_or_else(Vec::new, |s| {
                let light = matches!(s.block.kind, BlockKind::TableRow | BlockKind::Header);
                words::group_with(self, s.span, !light)
            })
        })
    }

    /// The subject phrases of `region` (a text block), read once.
    pub(crate) fn subjects(&self, region: Span) -> Rc<[Subject]> {
        if let Some(found) = self.subjects.borrow().get(&region) {
            return Rc::clone(found);
        }
        let found: Rc<[Subject]> = phrases::subjects(self, region).into();
        self.subjects.borrow_mut().insert(region, Rc::clone(&found));
        found
    }

    /// The names the release defines in parentheses, in order.
    pub(crate) fn definitions(&self) -> &[Definition] {
        self.definitions.get_or_init(|| {
            self.segments
                .iter()
                .flat_map(|s| definitions::definitions(self, s.span))
                .collect()
        })
    }

    /// The `label : value` fields of the blocks, in order.
    pub(crate) fn fields(&self) -> &[Field] {
        self.fields.get_or_init(|| fields::all(self))
    }

    /// The pairs of quote marks that hold speech, in order.
    pub(crate) fn quotations(&self) -> &[Quotation<'a>] {
        self.quotations.get_or_init(|| quotations::quotations(self))
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

    /// The morphemes of `span` when it lies in one line (a word), borrowed
    /// from the line's cache; those of its first line otherwise.
    pub(crate) fn morphemes_in_line(&self, span: Span) -> &[Morpheme] {
        self.in_line(self.line_index(span.start), span)
    }

    /// The morphemes of `span` analysed on its own, not cached: for a word
    /// of a line that is otherwise read without morphology (a table cell),
    /// where analysing the whole line would cost more than the word.
    pub(crate) fn analyse_alone(&self, span: Span) -> Vec<Morpheme> {
        self.morphology.analyse(self.source.text, span)
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
    pub(crate) fn warning(&self, kind: WarningKind, message: String, span: Span) -> Warning {
        Warning::new(kind, message, span)
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

/// Whether `child` is an inline child of `parent`: a list item cut out of
/// the parent's own line, whose text is part of the parent's.
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

/// Every block's own text, in document order: a block's span minus the
/// inline list items cut out of it, which come as segments of their own.
fn segments(blocks: &[Block]) -> Vec<Segment<'_>> {
    walk(blocks)
        .into_iter()
        .flat_map(|block| {
            own_text(block)
                .into_iter()
                .map(move |span| Segment { block, span })
        })
        .collect()
}

/// The blocks to read as running text, inline children left to their
/// parent (whose text already holds them).
pub(crate) fn text_blocks(blocks: &[Block]) -> Vec<&Block> {
    fn go<'b>(blocks: &'b [Block], parent: Option<&'b Block>, out: &mut Vec<&'b Block>) {
        for block in blocks {
            if parent.is_none_or(|p| !is_inline_child(p, block)) {
                out.push(block);
            }
            go(&block.children, Some(block), out);
        }
    }
    let mut out = Vec::new();
    go(blocks, None, &mut out);
    out
}

/// Whether a block is part of the contact block.
pub(crate) fn is_contact(block: &Block) -> bool {
    block.kind == BlockKind::Contact
}

/// An analysis of `text` for unit tests of the recognisers.
#[cfg(test)]
pub(crate) fn with_analysis<T>(text: &str, f: impl FnOnce(&Analysis<'_>) -> T) -> T {
    use std::sync::LazyLock;
    static MORPHOLOGY: LazyLock<crate::morph::Morphology> =
        LazyLock::new(|| crate::morph::Morphology::embedded().expect("dictionary"));
    let source = Source::new(text);
    let structure = crate::structure::parse(&source);
    let options = Options::default();
    let lexicon = Lexicon::new(&options.vocabulary);
    let a = Analysis::new(&source, &structure.blocks, &options, &MORPHOLOGY, &lexicon);
    f(&a)
}
