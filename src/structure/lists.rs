//! Numbered lists written inside a sentence (`①…하고 ②…하며`), footnote
//! references (`연대*`), and the check that numbering runs 1, 2, 3.

use std::sync::LazyLock;

use regex::Regex;

use super::line::circled_number;
use crate::Span;
use crate::document::{Block, BlockKind, Warning, WarningKind};
use crate::source::{Source, trim_span};

/// A circled numeral, or a `▲` bullet, inside running text.
static INLINE_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[①-⑳❶-❿➊-➓➀-➉⑴-⒇]|▲").expect("inline marker pattern"));

/// `연대*에`, `감축설비* 컨설팅`: stars right after a word.
static FOOTNOTE_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Hangul}\p{Han}A-Za-z0-9)』」’”]\*+").expect("footnote pattern")
});

/// Splits inline lists into `list_item` children and records footnote
/// references, in `block` and everything under it.
pub(super) fn expand(source: &Source<'_>, block: &mut Block) {
    if block.kind != BlockKind::Separator {
        block.footnote_refs = footnote_refs(source, block.span);
        let items = inline_items(source, block);
        if !items.is_empty() {
            let mut children = items;
            children.append(&mut block.children);
            block.children = children;
        }
    }
    for child in &mut block.children {
        expand(source, child);
    }
    hoist_runs(source, &mut block.children);
}

/// A line `① A ② B ③ C` is read as item ① holding items ② and ③; they are
/// its siblings, so they move up beside it and ① ends before ②.
pub(super) fn hoist_runs(source: &Source<'_>, blocks: &mut Vec<Block>) {
    let mut i = 0;
    while i < blocks.len() {
        let block = &mut blocks[i];
        let same_family = |child: &Block| {
            child.kind == BlockKind::ListItem
                && child.marker.as_deref().map(family) == block.marker.as_deref().map(family)
        };
        if block.kind != BlockKind::ListItem
            || block.number.is_none()
            || !block.children.first().is_some_and(same_family)
        {
            i += 1;
            continue;
        }
        let run = block.children.iter().take_while(|c| same_family(c)).count();
        let moved: Vec<Block> = block.children.drain(..run).collect();
        if let Some(first) = moved.first().and_then(|b| b.marker_span) {
            let span = trim_span(
                source.text,
                Span::new(block.span.start, first.start),
                &[',', '·'],
            );
            block.span = span;
            block.text = source.slice(span).to_string();
            block.char_span = source.char_span(span);
            block.footnote_refs.retain(|r| span.contains(r.span));
            block.cells.retain(|c| span.contains(c.span));
        }
        let count = moved.len();
        blocks.splice(i + 1..i + 1, moved);
        i += count + 1;
    }
}

fn footnote_refs(source: &Source<'_>, span: Span) -> Vec<crate::document::Snippet> {
    FOOTNOTE_REF
        .find_iter(source.slice(span))
        .map(|m| {
            let stars = m.as_str().find('*').unwrap_or(0);
            source.snippet(Span::new(
                span.start + m.start() + stars,
                span.start + m.end(),
            ))
        })
        .collect()
}

/// The items of an inline list: two or more markers of one family in the
/// block's own text. Each item runs to the next marker.
fn inline_items(source: &Source<'_>, block: &Block) -> Vec<Block> {
    let text = source.slice(block.span);
    let markers: Vec<Span> = INLINE_MARKER
        .find_iter(text)
        .map(|m| Span::new(m.start(), m.end()).shift(block.span.start))
        .collect();
    if markers.len() < 2 {
        return Vec::new();
    }
    let first = family(source.slice(markers[0]));
    if markers.iter().any(|m| family(source.slice(*m)) != first) {
        return Vec::new();
    }
    markers
        .iter()
        .enumerate()
        .map(|(i, marker)| {
            let end = markers.get(i + 1).map_or(block.span.end, |next| next.start);
            let span = trim_span(source.text, Span::new(marker.end, end), &[',', '·', '|']);
            let glyph = source.slice(*marker);
            Block {
                kind: BlockKind::ListItem,
                marker: Some(glyph.to_string()),
                marker_span: Some(*marker),
                number: circled_number(glyph),
                level: 0,
                text: source.slice(span).to_string(),
                span,
                char_span: source.char_span(span),
                cells: Vec::new(),
                footnote_refs: Vec::new(),
                children: Vec::new(),
            }
        })
        .collect()
}

/// Which numbering a marker belongs to: lists of different glyphs are
/// counted apart.
fn family(marker: &str) -> u32 {
    let Some(c) = marker.chars().next() else {
        return 0;
    };
    match c {
        '①'..='⑳' => 1,
        '❶'..='❿' => 2,
        '➊'..='➓' => 3,
        '➀'..='➉' => 4,
        '⑴'..='⒇' => 5,
        '(' => 6,
        '0'..='9' => 7,
        '가'..='하' => 8,
        _ => 9,
    }
}

/// Warns where a run of numbered siblings repeats or skips a number. The
/// numbers stay as written.
pub(super) fn check_numbering(blocks: &[Block], warnings: &mut Vec<Warning>) {
    let mut previous: Option<(&Block, u32, u32)> = None;
    for block in blocks {
        let (Some(number), Some(marker)) = (block.number, block.marker.as_deref()) else {
            previous = None;
            check_numbering(&block.children, warnings);
            continue;
        };
        let fam = family(marker);
        if let Some((prev, prev_number, prev_fam)) = previous
            && prev_fam == fam
        {
            numbering_warning(prev, prev_number, block, number, warnings);
        }
        previous = Some((block, number, fam));
        check_numbering(&block.children, warnings);
    }
}

fn numbering_warning(
    prev: &Block,
    prev_number: u32,
    block: &Block,
    number: u32,
    warnings: &mut Vec<Warning>,
) {
    let marker = block.marker.as_deref().unwrap_or("");
    let previous = prev.marker.as_deref().unwrap_or("");
    let message = if number == prev_number {
        format!("list number {marker} repeats the item before it")
    } else if number > prev_number + 1 {
        format!("list numbering skips from {previous} to {marker}")
    } else if number < prev_number && number != 1 {
        format!("list numbering goes back from {previous} to {marker}")
    } else {
        return;
    };
    warnings.push(Warning::new(
        WarningKind::Numbering,
        message,
        block.marker_span.unwrap_or(block.span),
    ));
}
