//! Pass 1: the lines of a release become a tree of [`Block`]s.
//!
//! The top of a release is read as zones (header, title, subtitles); the
//! body is read line by line, each line's marker giving its rank, and a
//! stack of open blocks deciding where it hangs.

mod line;
mod lists;

use crate::Span;
use crate::document::{Block, BlockKind, Warning};
use crate::source::{Source, trim_span};
use line::{Line, Marked, Marker};

/// The structure of a release: its block tree plus what pass 1 noticed.
#[derive(Debug, Default)]
pub(crate) struct Structure {
    pub(crate) blocks: Vec<Block>,
    pub(crate) warnings: Vec<Warning>,
}

/// How many lines from the top may still be header lines.
const HEADER_WINDOW: usize = 8;

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
    let lines = line::lines(source.text);
    let mut builder = Builder::new(source);
    let mut rest = &lines[..];
    rest = builder.header(rest);
    rest = builder.title(rest);
    rest = builder.subtitles(rest);
    for line in rest {
        builder.body_line(*line);
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
    roots: Vec<Block>,
    stack: Vec<Open>,
    warnings: Vec<Warning>,
    /// The indent of the line being read.
    indent: usize,
}

impl<'s, 't> Builder<'s, 't> {
    fn new(source: &'s Source<'t>) -> Self {
        Builder {
            source,
            roots: Vec::new(),
            stack: Vec::new(),
            warnings: Vec::new(),
            indent: 0,
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

    /// `보도자료` banners, `보도시점 | …` and `배포 | …` rows, and whatever
    /// template text stands above them.
    fn header<'l>(&mut self, lines: &'l [Line]) -> &'l [Line] {
        let window = &lines[..lines.len().min(HEADER_WINDOW)];
        let Some(last) = window.iter().rposition(|l| line::is_header(self.text(l))) else {
            return lines;
        };
        let mut end = last + 1;
        while end < lines.len() && line::is_header_continuation(self.text(&lines[end])) {
            end += 1;
        }
        for l in &lines[..end] {
            let block = self.block(BlockKind::Header, None, l.content);
            self.roots.push(block);
        }
        &lines[end..]
    }

    /// The first line after the header; a line ending in `,` goes on in the
    /// next one (`김민석 국무총리,` / `… 긴급지시`).
    fn title<'l>(&mut self, lines: &'l [Line]) -> &'l [Line] {
        let Some(first) = lines.first() else {
            return lines;
        };
        let text = self.text(first);
        if line::marker(text, 0).is_some_and(|m| m.marker != Marker::List(None))
            || line::is_contact(text)
        {
            return lines;
        }
        let mut span = first.content;
        let mut used = 1;
        if text.ends_with(',')
            && let Some(next) = lines.get(1)
            && line::marker(self.text(next), 0).is_none()
        {
            span = span.cover(next.content);
            used = 2;
        }
        let block = self.block(BlockKind::Title, None, span);
        self.roots.push(block);
        &lines[used..]
    }

    /// Lines between the title and the body: `- … -`, `❶ …`, or short
    /// unmarked lines.
    fn subtitles<'l>(&mut self, lines: &'l [Line]) -> &'l [Line] {
        let mut used = 0;
        for l in lines {
            let text = self.text(l);
            let marked = line::marker(text, l.content.start);
            let is_subtitle = match marked.map(|m| m.marker) {
                Some(Marker::Dash) | Some(Marker::List(Some(_))) => true,
                None => l.indent == 0 && looks_like_heading(text),
                _ => false,
            };
            if !is_subtitle || line::is_box(text) || line::is_contact(text) {
                break;
            }
            for (marker, span) in split_subtitles(self.source.text, l.content, marked) {
                let block = self.block(BlockKind::Subtitle, marker, span);
                self.roots.push(block);
            }
            used += 1;
        }
        &lines[used..]
    }

    fn body_line(&mut self, l: Line) {
        self.indent = l.indent;
        let text = self.text(&l);
        let marked = line::marker(text, l.content.start);
        let content = |m: Option<Marked>| match m {
            Some(m) => trim_span(self.source.text, Span::new(m.span.end, l.content.end), &[]),
            None => l.content,
        };
        if line::is_separator(text) {
            let block = self.block(BlockKind::Separator, None, l.content);
            return self.attach(block);
        }
        if line::is_contact(text) && !(line::is_contact_row(text) && self.in_contact()) {
            return self.open(
                RANK_SECTION,
                self.block(BlockKind::Contact, None, l.content),
            );
        }
        if marked.is_none() && line::is_attachment(text) {
            let block = self.block(BlockKind::Attachment, None, l.content);
            return self.open(RANK_SECTION, block);
        }
        if line::is_box(text) {
            return self.open(RANK_SQUARE, self.block(BlockKind::Box, None, l.content));
        }
        match marked.map(|m| m.marker) {
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
        while !self.stack.is_empty() {
            self.close();
        }
        let mut warnings = self.warnings;
        for block in &mut self.roots {
            lists::expand(self.source, block);
        }
        lists::check_numbering(&self.roots, &mut warnings);
        set_levels(&mut self.roots, 1);
        Structure {
            blocks: self.roots,
            warnings,
        }
    }
}

fn set_levels(blocks: &mut [Block], level: u32) {
    for block in blocks {
        block.level = level;
        set_levels(&mut block.children, level + 1);
    }
}

/// Whether `text` ends a sentence (`…밝혔다.`, `…한다`, `…!`).
fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || c == '|');
    // `4. 13.` ends in a period but is a date, not a sentence.
    let before_period = trimmed.strip_suffix('.').map(|t| t.chars().next_back());
    match before_period {
        Some(Some(c)) => !c.is_ascii_digit(),
        Some(None) => false,
        None => trimmed.ends_with(['!', '?', '다']),
    }
}

/// A short line that does not end like a sentence.
fn looks_like_heading(text: &str) -> bool {
    let trimmed = text.trim_end();
    trimmed.chars().count() <= 80 && !trimmed.ends_with("다.") && !trimmed.ends_with('다')
}

/// `- A - - B -` and `- A - B` on one line are two subtitles; `❶ A` is one
/// with its marker.
fn split_subtitles(
    text: &str,
    content: Span,
    marked: Option<Marked>,
) -> Vec<(Option<Marked>, Span)> {
    let Some(m) = marked.filter(|m| m.marker == Marker::Dash) else {
        let body = match marked {
            Some(m) => trim_span(text, Span::new(m.span.end, content.end), &[]),
            None => content,
        };
        return vec![(marked, body)];
    };
    let mut out = Vec::new();
    let mut marker = Some(m);
    let mut start = m.span.end;
    let slice = &text[content.range()];
    let mut search = m.span.end - content.start;
    while let Some(found) = slice[search..].find(" - ") {
        let at = content.start + search + found;
        push_subtitle(text, &mut out, marker, Span::new(start, at));
        // ` - - B`: the closing dash of one and the opening dash of the next.
        let mut next = at + " - ".len();
        while text[next..content.end].starts_with("- ") || text[next..content.end].starts_with(' ')
        {
            next += 1;
        }
        let dash = text[at..next].rfind('-').map(|i| at + i);
        marker = dash.map(|d| Marked {
            marker: Marker::Dash,
            span: Span::new(d, d + 1),
        });
        start = next;
        search = next - content.start;
    }
    push_subtitle(text, &mut out, marker, Span::new(start, content.end));
    out
}

fn push_subtitle(
    text: &str,
    out: &mut Vec<(Option<Marked>, Span)>,
    marker: Option<Marked>,
    span: Span,
) {
    let span = trim_span(text, span, &['-']);
    if !span.is_empty() {
        out.push((marker, span));
    }
}
