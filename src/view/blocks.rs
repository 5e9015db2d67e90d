//! The release text in its block tree: one `div` per block, children
//! inside their parent (so levels indent), boxes framed, runs of table
//! rows as one table, the contact block shaded.

use super::html::escape_into;
use super::marks::Marker;
use crate::{Block, BlockKind, Span};

/// Writes `blocks` and their children.
pub(crate) fn write_blocks(out: &mut String, blocks: &[Block], marker: &mut Marker) {
    let blocks: Vec<&Block> = blocks.iter().collect();
    write_run(out, &blocks, marker);
}

/// Writes sibling blocks, a run of table rows as one table.
fn write_run(out: &mut String, blocks: &[&Block], marker: &mut Marker) {
    let mut rest = blocks;
    while let Some(first) = rest.first() {
        if first.kind == BlockKind::TableRow {
            let rows = rest
                .iter()
                .take_while(|b| b.kind == BlockKind::TableRow)
                .count();
            write_table(out, &rest[..rows], marker);
            rest = &rest[rows..];
        } else {
            write_block(out, first, marker);
            rest = &rest[1..];
        }
    }
}

fn write_block(out: &mut String, block: &Block, marker: &mut Marker) {
    // A line of table borders carries no text.
    if block.kind == BlockKind::Separator {
        return write_children(out, block, marker);
    }
    let class = kind_class(block.kind);
    out.push_str("<div class=\"b ");
    out.push_str(class);
    out.push_str("\">");
    let tag = if block.kind == BlockKind::Title {
        "h1"
    } else {
        "p"
    };
    out.push('<');
    out.push_str(tag);
    out.push_str(" class=\"line\">");
    if let Some(marker_text) = &block.marker {
        out.push_str("<span class=\"marker\">");
        write_text(out, block.marker_span, marker_text, marker);
        out.push_str("</span> ");
    }
    write_text(out, Some(block.span), &block.text, marker);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
    write_children(out, block, marker);
    out.push_str("</div>\n");
}

/// Children whose text lies inside the parent's (a list written inline,
/// `①… ②…`) were shown with it; only their own children may be left.
fn write_children(out: &mut String, block: &Block, marker: &mut Marker) {
    let mut shown = Vec::new();
    outside(block.span, &block.children, &mut shown);
    write_run(out, &shown, marker);
}

fn outside<'b>(parent: Span, children: &'b [Block], shown: &mut Vec<&'b Block>) {
    for child in children {
        if block_is_inline(parent, child) {
            outside(parent, &child.children, shown);
        } else {
            shown.push(child);
        }
    }
}

fn block_is_inline(parent: Span, child: &Block) -> bool {
    !child.span.is_empty() && parent.contains(child.span)
}

/// A run of table rows: one `tr` per row, one `td` per cell.
fn write_table(out: &mut String, rows: &[&Block], marker: &mut Marker) {
    out.push_str("<table class=\"rows\">");
    for row in rows {
        out.push_str("<tr>");
        if row.cells.is_empty() {
            out.push_str("<td>");
            write_text(out, Some(row.span), &row.text, marker);
            out.push_str("</td>");
        }
        for cell in &row.cells {
            out.push_str("<td>");
            write_text(out, Some(cell.span), &cell.text, marker);
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>\n");
    for row in rows {
        write_children(out, row, marker);
    }
}

/// The text at `span` with its marks, or `fallback` unmarked when the span
/// does not fit the text (a document that was not made from it).
fn write_text(out: &mut String, span: Option<Span>, fallback: &str, marker: &mut Marker) {
    if !span.is_some_and(|span| marker.write(out, span)) {
        escape_into(out, fallback);
    }
}

fn kind_class(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Header => "k-header",
        BlockKind::Title => "k-title",
        BlockKind::Subtitle => "k-subtitle",
        BlockKind::Paragraph => "k-paragraph",
        BlockKind::Item => "k-item",
        BlockKind::Note => "k-note",
        BlockKind::Box => "k-box",
        BlockKind::TableRow => "k-table-row",
        BlockKind::ListItem => "k-list-item",
        BlockKind::Contact => "k-contact",
        BlockKind::Attachment => "k-attachment",
        BlockKind::Separator => "k-separator",
    }
}
