//! Pass 1: the lines of a release become a tree of [`Block`]s.
//!
//! The lines are read first for their layout ([`layout`]): furniture
//! (page numbers, markup, web-page leftovers) is set apart, and the lines
//! of a paragraph that a PDF wrapped are joined back. The top of a release
//! is then read as zones (header, title, subtitles; [`top`]); the body line
//! by line, each line's marker giving its rank, and a stack of open blocks
//! deciding where it hangs. Every line break left inside a block is
//! recorded as a [`Join`].

#[cfg(test)]
mod accuracy;
mod furniture;
mod join;
mod layout;
mod line;
mod lists;
mod sentences;
mod spelling;
mod top;

use crate::Span;
use crate::document::{Block, BlockKind, Warning};
use crate::source::{Source, trim_span};
pub(crate) use join::Join;
use layout::Layout;
use line::{Line, Marked, Marker};

/// The structure of a release: its block tree plus what pass 1 noticed.
#[derive(Debug, Default)]
pub(crate) struct Structure {
    pub(crate) blocks: Vec<Block>,
    pub(crate) warnings: Vec<Warning>,
    /// The line breaks inside blocks, sorted by position: a reader that
    /// puts a space (or nothing) in place of each reads a wrapped
    /// paragraph as one line.
    pub(crate) joins: Vec<Join>,
}

/// Ranks order the kinds of blocks: a block hangs under the nearest open
/// block of lower rank.
const RANK_SECTION: u32 = 0;
const RANK_SQUARE: u32 = 10;
const RANK_CIRCLE: u32 = 20;
const RANK_DASH: u32 = 30;
/// Added to the rank of the block a note, list item or continuation
/// attaches to.
const RANK_NESTED: u32 = 5;

/// Reads `source` into a block tree.
pub(crate) fn parse(source: &Source<'_>) -> Structure {
    let (physical, warnings) = sentences::split_long_lines(source, line::lines(source.text));
    let (lines, layout, inside) = layout::read(source, physical);
    let mut builder = Builder::new(source, layout, &inside);
    builder.warnings = warnings;
    for line in builder.top(&lines) {
        builder.body_line(line);
    }
    builder.finish()
}

/// A block under construction, with the rank it was opened at.
struct Open {
    rank: u32,
    /// Opened by `nest`: notes, list items, continuations and table rows
    /// hang under a block, and a marked item closes them whatever its rank.
    nested: bool,
    /// The indent of the line that opened it.
    indent: usize,
    block: Block,
}

struct Builder<'s, 't> {
    source: &'s Source<'t>,
    layout: Layout,
    /// Furniture lines that stand inside joined paragraphs.
    inside: &'s [Span],
    roots: Vec<Block>,
    stack: Vec<Open>,
    warnings: Vec<Warning>,
    /// The indent of the line being read.
    indent: usize,
    /// Whether a body block (item, paragraph, row) has been read: header
    /// rows after it are table rows.
    body_started: bool,
}

impl<'s, 't> Builder<'s, 't> {
    fn new(source: &'s Source<'t>, layout: Layout, inside: &'s [Span]) -> Self {
        Builder {
            source,
            layout,
            inside,
            roots: Vec::new(),
            stack: Vec::new(),
            warnings: Vec::new(),
            indent: 0,
            body_started: false,
        }
    }

    fn text(&self, line: &Line) -> &'t str {
        self.source.slice(line.content)
    }

    fn block(&self, kind: BlockKind, marker: Option<Marked>, span: Span) -> Block {
        let text = self.source.slice(span);
        let mut block = Block {
            kind,
            marker: marker.map(|m| self.source.slice(m.span).to_string()),
            marker_span: marker.map(|m| m.span),
            number: match marker.map(|m| m.marker) {
                Some(Marker::List(number)) => number,
                _ => None,
            },
            level: 0,
            text: text.to_string(),
            span,
            char_span: self.source.char_span(span),
            cells: Vec::new(),
            footnote_refs: Vec::new(),
            children: Vec::new(),
        };
        if kind != BlockKind::Note || text.contains('|') {
            block.cells = self.cells(&block);
        }
        // A page number or running header inside a joined paragraph.
        if kind != BlockKind::Separator {
            let first = self.inside.partition_point(|f| f.start < span.start);
            for furniture in self.inside[first..]
                .iter()
                .take_while(|f| f.end <= span.end)
            {
                let child = self.block(BlockKind::Separator, None, *furniture);
                block.children.push(child);
            }
        }
        block
    }

    /// Table cells, only for lines that are tables.
    fn cells(&self, block: &Block) -> Vec<crate::document::Snippet> {
        if !line::is_table_row(&block.text) {
            return Vec::new();
        }
        line::cells(self.source.text, block.span)
            .into_iter()
            .map(|cell| self.source.snippet(cell))
            .collect()
    }

    fn body_line(&mut self, l: Line) {
        self.indent = l.indent;
        if self.section_line(l) {
            return;
        }
        let text = self.text(&l);
        let marked = line::marker(text, l.content.start);
        let content = |m: Option<Marked>| match m {
            Some(m) => trim_span(self.source.text, Span::new(m.span.end, l.content.end), &[]),
            None => l.content,
        };
        self.body_started = true;
        match marked.map(|m| m.marker) {
            Some(Marker::Heading) => {
                let block = self.block(BlockKind::Box, marked, content(marked));
                self.open(RANK_SQUARE, block)
            }
            Some(Marker::Square) => self.open(
                RANK_SQUARE,
                self.block(BlockKind::Item, marked, content(marked)),
            ),
            Some(Marker::Circle) => self.open(
                RANK_CIRCLE,
                self.block(BlockKind::Item, marked, content(marked)),
            ),
            Some(Marker::Dash) => self.open(
                RANK_DASH,
                self.block(BlockKind::Item, marked, content(marked)),
            ),
            Some(Marker::Note) => {
                let block = self.block(BlockKind::Note, marked, content(marked));
                self.nest(block, &[BlockKind::Note])
            }
            Some(Marker::List(_)) => {
                let block = self.block(BlockKind::ListItem, marked, content(marked));
                self.nest(block, &[BlockKind::ListItem])
            }
            None => self.unmarked(l),
        }
    }

    /// Lines that are no part of the paragraph tree: furniture, a late
    /// banner row, contact and attachment sections, boxed headings.
    /// Returns whether the line was read.
    fn section_line(&mut self, l: Line) -> bool {
        let text = self.text(&l);
        if l.furniture || line::is_separator(text) {
            let block = self.block(BlockKind::Separator, None, l.content);
            self.attach(block);
            return true;
        }
        if !self.body_started && line::is_header(text) {
            // A banner row that a converter put below the title.
            let block = self.block(BlockKind::Header, None, l.content);
            self.root(block);
            return true;
        }
        if self.in_contact() && !top::goes_on_contact(text) {
            self.close_all();
        }
        let section = if line::is_contact(text) {
            let row = self.in_contact() && (line::is_contact_row(text) || !text.contains('|'));
            (!row).then_some((BlockKind::Contact, RANK_SECTION))
        } else if line::marker(text, 0).is_none() && line::is_attachment(text) {
            Some((BlockKind::Attachment, RANK_SECTION))
        } else if line::is_box(text) {
            Some((BlockKind::Box, RANK_SQUARE))
        } else {
            None
        };
        let Some((kind, rank)) = section else {
            return false;
        };
        let block = self.block(kind, None, l.content);
        self.open(rank, block);
        true
    }

    /// A line with no marker: a table row, a paragraph, or the
    /// continuation of the block above. Indents differ from ministry to
    /// ministry, so they are read relative to the open blocks: a line
    /// indented deeper than the open block hangs under it, and a line that
    /// follows a finished sentence at the same depth starts a new
    /// paragraph beside it.
    fn unmarked(&mut self, l: Line) {
        let text = self.text(&l);
        if line::is_table_row(text) {
            let block = self.block(BlockKind::TableRow, None, l.content);
            return self.nest(block, &[BlockKind::TableRow]);
        }
        let block = self.block(BlockKind::Paragraph, None, l.content);
        // A note or list item goes on only in a deeper line that is not a
        // sentence of its own (`* 원청기업 40% …` / `    원청기업 50% …`).
        // A continuation line ends where a shallower line starts.
        while let Some(top) = self.stack.last().filter(|top| top.nested) {
            let goes_on = if top.block.kind == BlockKind::Paragraph {
                l.indent >= top.indent
            } else {
                l.indent > top.indent + 1 && !ends_sentence(text)
            };
            if goes_on {
                break;
            }
            self.close();
        }
        let Some(top) = self.stack.last() else {
            return self.open(RANK_SQUARE, block);
        };
        let beside = l.indent <= top.indent && ends_sentence(&top.block.text);
        if beside && top.block.kind == BlockKind::Paragraph {
            let rank = top.rank;
            return if top.nested {
                self.nest(block, &[BlockKind::Paragraph])
            } else {
                self.open(rank, block)
            };
        }
        if beside && top.rank <= RANK_SQUARE {
            return self.open(RANK_SQUARE, block);
        }
        self.nest(block, &[BlockKind::Paragraph])
    }

    /// Adds `block` at the top level, closing every open block.
    fn root(&mut self, block: Block) {
        self.close_all();
        self.roots.push(block);
    }

    fn close_all(&mut self) {
        while !self.stack.is_empty() {
            self.close();
        }
    }

    fn in_contact(&self) -> bool {
        self.stack
            .first()
            .is_some_and(|open| open.block.kind == BlockKind::Contact)
    }

    /// Opens `block` at `rank`, closing open blocks of the same or a higher
    /// rank first.
    fn open(&mut self, rank: u32, block: Block) {
        while self
            .stack
            .last()
            .is_some_and(|top| top.rank >= rank || top.nested)
        {
            self.close();
        }
        self.stack.push(Open {
            rank,
            nested: false,
            indent: self.indent,
            block,
        });
    }

    /// Opens `block` one step below the open block, as a sibling of the
    /// open block when that is of one of the `sibling` kinds.
    fn nest(&mut self, block: Block, sibling: &[BlockKind]) {
        while self.stack.last().is_some_and(|top| {
            top.nested
                && sibling.contains(&top.block.kind)
                && top.block.marker.is_none() == block.marker.is_none()
        }) {
            self.close();
        }
        let rank = self
            .stack
            .last()
            .map_or(RANK_SQUARE, |top| top.rank + RANK_NESTED);
        self.stack.push(Open {
            rank,
            nested: true,
            indent: self.indent,
            block,
        });
    }

    /// Adds `block` under the open block without opening it.
    fn attach(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(top) => top.block.children.push(block),
            None => self.roots.push(block),
        }
    }

    fn close(&mut self) {
        if let Some(open) = self.stack.pop() {
            self.attach(open.block);
        }
    }

    fn finish(mut self) -> Structure {
        self.close_all();
        let mut warnings = self.warnings;
        for block in &mut self.roots {
            lists::expand(self.source, block);
        }
        lists::check_numbering(&self.roots, &mut warnings);
        settle(&mut self.roots, 1);
        self.roots.shrink_to_fit();
        let joins = join::joins(self.source.text, &self.roots, self.inside);
        Structure {
            blocks: self.roots,
            warnings,
            joins,
        }
    }
}

/// Sets each block's level and gives back the slack its children's vector
/// grew with (a long release holds hundreds of thousands of blocks).
fn settle(blocks: &mut [Block], level: u32) {
    for block in blocks {
        block.level = level;
        block.children.shrink_to_fit();
        settle(&mut block.children, level + 1);
    }
}

/// Whether `text` ends a sentence (`…밝혔다.`, `…한다`, `…!`), or stands
/// whole in brackets (`(사진 4장 첨부)`).
fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || c == '|');
    if trimmed.starts_with('(') && trimmed.ends_with(')') {
        return true;
    }
    // `4. 13.` ends in a period but is a date, not a sentence.
    let before_period = trimmed.strip_suffix('.').map(|t| t.chars().next_back());
    match before_period {
        Some(Some(c)) => !c.is_ascii_digit(),
        Some(None) => false,
        None => trimmed.ends_with(['!', '?', '다']),
    }
}
