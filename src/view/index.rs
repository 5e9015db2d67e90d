//! The index of a batch: one row per release, linking to its page, with
//! the number of items of each kind and the warnings.

use super::html::escape_into;
use super::items::{Kind, sections};
use super::{counts, head};
use crate::Document;

/// One release in the index of a batch: where its page is and what was
/// found in it. It keeps only the counts and the warnings, not the
/// document, so a large batch can collect entries as it goes.
///
/// # Example
///
/// ```
/// use bodo::view::{IndexEntry, render_index};
///
/// let extractor = bodo::Extractor::new()?;
/// let doc = extractor.extract("산업 디지털 전환에 산업계 참여 확산\n□ 산업부는 12월 22일 밝혔다.");
/// let entry = IndexEntry::new("release.html", "releases/release.txt", &doc);
/// let index = render_index(&[entry]);
/// assert!(index.contains(r#"<a href="release.html">releases/release.txt</a>"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    href: String,
    source: String,
    title: Option<String>,
    counts: Vec<(Kind, usize)>,
    warnings: Vec<String>,
}

impl IndexEntry {
    /// The entry of `doc`, whose page is at `href` (relative to the
    /// index) and which was read from `source` (a path, for people).
    pub fn new(href: &str, source: &str, doc: &Document) -> IndexEntry {
        let sections = sections(doc);
        let warnings = sections
            .iter()
            .filter(|s| s.kind == Kind::Warning)
            .flat_map(|s| s.facts.iter().map(|f| f.tip.clone()))
            .collect();
        IndexEntry {
            href: href.to_string(),
            source: source.to_string(),
            title: doc.title.as_ref().map(|t| t.text.clone()),
            counts: counts(&sections),
            warnings,
        }
    }
}

/// The index page of a batch: a table of `entries` in the order given,
/// with a total row. Self-contained like [`render`](super::render).
pub fn render_index(entries: &[IndexEntry]) -> String {
    let kinds: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|&k| k != Kind::Warning)
        .collect();
    let mut out = String::with_capacity(1024 * (entries.len() + 16));
    head(&mut out, "bodo: index");
    out.push_str("<body class=\"index\">\n<h1>");
    out.push_str(&format!(
        "{} release{}</h1>\n<table class=\"index\"><thead><tr><th>release</th><th>title</th>",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" }
    ));
    for kind in &kinds {
        out.push_str(&format!(
            "<th><mark class=\"m {}\">{}</mark></th>",
            kind.class(),
            kind.field()
        ));
    }
    out.push_str("<th>warnings</th></tr></thead>\n<tbody>\n");
    let mut totals = vec![0; kinds.len()];
    let mut warnings = 0;
    for entry in entries {
        out.push_str("<tr><td class=\"source\"><a href=\"");
        escape_into(&mut out, &entry.href);
        out.push_str("\">");
        escape_into(&mut out, &entry.source);
        out.push_str("</a></td><td class=\"title\">");
        escape_into(&mut out, entry.title.as_deref().unwrap_or(""));
        out.push_str("</td>");
        for (total, kind) in totals.iter_mut().zip(&kinds) {
            let count = entry
                .counts
                .iter()
                .find(|(k, _)| k == kind)
                .map_or(0, |&(_, n)| n);
            *total += count;
            let zero = if count == 0 { " zero" } else { "" };
            out.push_str(&format!("<td class=\"n{zero}\">{count}</td>"));
        }
        warnings += entry.warnings.len();
        write_warnings(&mut out, &entry.warnings);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n<tfoot><tr><th colspan=\"2\">total</th>");
    for total in totals {
        out.push_str(&format!("<td class=\"n\">{total}</td>"));
    }
    out.push_str(&format!(
        "<td class=\"n\">{warnings}</td></tr></tfoot></table>\n</body>\n</html>\n"
    ));
    out
}

fn write_warnings(out: &mut String, warnings: &[String]) {
    out.push_str("<td>");
    if !warnings.is_empty() {
        out.push_str(&format!("{}<ul class=\"warnings\">", warnings.len()));
        for warning in warnings {
            out.push_str("<li>");
            escape_into(out, warning);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</td>");
}
