//! Recognises venues: `장소` fields, combined `일시/장소` fields (the part
//! after the date and time), and places in sentences where something
//! takes place (`… 코트라 본사에서 … 협약식을 갖고`, `…에서 개최`,
//! `…에서 열린`).
//!
//! In sentences the place is the run of nouns before the particle `에서`
//! (JKB), accepted when ko-dic knows a place name in it (Class::Place) or
//! it ends in a word for a building or room, and when an event verb
//! follows. The venue text never includes the particle.

mod sentence;

use crate::Span;
use crate::analysis::fields::field_venue;
use crate::analysis::{Analysis, own_text, walk};
use crate::document::{Block, BlockKind, Snippet};

/// The venues of the document; `when` holds the spans of its dates and
/// times, which a place name never includes.
pub(crate) fn recognise(cx: &Analysis<'_>, when: &[Span]) -> Vec<Snippet> {
    let mut venues = Vec::new();
    for field in cx.fields() {
        if let Some(v) = field_venue(cx, field, when) {
            venues.push(cx.source.snippet(v));
        }
    }
    for block in walk(cx.blocks) {
        if block.kind == BlockKind::Contact {
            continue;
        }
        if !block.cells.is_empty() {
            venues.extend(place_row(block).into_iter().map(|c| cx.source.snippet(c)));
            continue;
        }
        for span in own_text(block) {
            sentence::sentence_venues(cx, span, when, &mut venues);
        }
    }
    venues.sort_by_key(|v: &Snippet| v.span);
    venues.dedup_by_key(|v| v.span);
    venues
}

/// `장소 | 연구실 | 집무실 | …`: a schedule table's row of places, one
/// venue a cell.
fn place_row(block: &Block) -> Vec<Span> {
    let mut cells = block.cells.iter();
    let label = cells.next().map(|c| {
        c.text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
    });
    if label.as_deref() != Some("장소") {
        return Vec::new();
    }
    cells
        .filter(|c| !c.text.trim().is_empty() && c.text.trim() != "-")
        .map(|c| c.span)
        .collect()
}
