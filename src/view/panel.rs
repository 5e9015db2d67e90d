//! The side panel: the release's overview and one table per kind, each
//! row linking to the item's first mention in the text.

use std::collections::HashMap;

use super::html::escape_into;
use super::items::{self, Kind, Section};
use crate::Document;

/// The order of the tables: what a reader checks first on top, the long
/// lists of names and the folded tables last.
const ORDER: [Kind; 11] = [
    Kind::Warning,
    Kind::Person,
    Kind::Event,
    Kind::Commitment,
    Kind::Quote,
    Kind::Contact,
    Kind::Organization,
    Kind::Attendee,
    Kind::Date,
    Kind::Time,
    Kind::Venue,
];

/// Kinds whose tables start folded: many short items, all visible in the
/// text already.
const FOLDED: [Kind; 4] = [Kind::Date, Kind::Time, Kind::Venue, Kind::Attendee];

pub(crate) fn write(
    out: &mut String,
    doc: &Document,
    sections: &[Section],
    anchors: &HashMap<(Kind, usize), String>,
) {
    let overview = items::overview(doc);
    if !overview.is_empty() {
        out.push_str("<table class=\"overview\">");
        for (label, value) in overview {
            out.push_str("<tr><th>");
            out.push_str(label);
            out.push_str("</th><td>");
            escape_into(out, &value);
            out.push_str("</td></tr>");
        }
        out.push_str("</table>\n");
    }
    for kind in ORDER {
        let section = sections.iter().find(|s| s.kind == kind);
        if let Some(section) = section.filter(|s| !s.facts.is_empty()) {
            write_section(out, section, anchors);
        }
    }
}

/// More columns than this do not fit the panel side by side: each fact
/// is then a small table of its own, one row per field.
const WIDE: usize = 4;

fn write_section(out: &mut String, section: &Section, anchors: &HashMap<(Kind, usize), String>) {
    let kind = section.kind;
    let class = kind.class();
    out.push_str(if FOLDED.contains(&kind) {
        "<details"
    } else {
        "<details open"
    });
    out.push_str(&format!(
        " class=\"facts {class}\" id=\"facts-{class}\"><summary><mark class=\"m {class}\">{}</mark> {}</summary>\n",
        kind.field(),
        section.facts.len()
    ));
    if section.columns.len() > WIDE {
        for (n, fact) in section.facts.iter().enumerate() {
            out.push_str("<table class=\"card\">");
            for (c, (column, cell)) in section.columns.iter().zip(&fact.cells).enumerate() {
                if c == 0 || !cell.is_empty() {
                    out.push_str(&format!("<tr><th>{column}</th><td>"));
                    write_cell(out, cell, anchors.get(&(kind, n)).filter(|_| c == 0));
                    out.push_str("</td></tr>");
                }
            }
            out.push_str("</table>\n");
        }
    } else {
        out.push_str("<table><thead><tr>");
        for column in section.columns {
            out.push_str(&format!("<th>{column}</th>"));
        }
        out.push_str("</tr></thead><tbody>\n");
        for (n, fact) in section.facts.iter().enumerate() {
            out.push_str("<tr>");
            for (c, cell) in fact.cells.iter().enumerate() {
                out.push_str("<td>");
                write_cell(out, cell, anchors.get(&(kind, n)).filter(|_| c == 0));
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</details>\n");
}

/// A value, linked to the fact's first mention in the text when `anchor`.
fn write_cell(out: &mut String, cell: &str, anchor: Option<&String>) {
    match anchor {
        Some(id) => {
            out.push_str(&format!("<a href=\"#{id}\">"));
            escape_into(out, if cell.is_empty() { "?" } else { cell });
            out.push_str("</a>");
        }
        None => escape_into(out, cell),
    }
}
