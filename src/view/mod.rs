//! An HTML view of a release, to judge an extraction at a glance.
//!
//! [`render`] turns a release's text and its [`Document`] into one
//! self-contained page (inline CSS, no scripts, nothing fetched): the text
//! in its block tree with every extracted item marked in place, one colour
//! per kind, the normalised value on hover, warnings where they point; a
//! legend that hides and shows each kind; and a side panel with the facts
//! as tables. [`render_index`] lists many such pages with their counts
//! and warnings.
//!
//! Marks nest as the items do (a person inside a quote inside a
//! commitment): where two items cross, one of them is split in two
//! elements that share a `data-m` attribute; a mark over two blocks is
//! cut at the end of the first. Every mark is a `<mark>` element with the
//! kind as its class (`person`, `organization`, `date` …), `data-item=
//! "KIND-N"` (the N-th item of the kind's list in the document),
//! `data-span="START-END"` (the mention's byte span, as in the JSON) and,
//! on its first piece, `id="KIND-N-M"` (its M-th mention), which the side
//! panel links to.

mod blocks;
mod html;
mod index;
mod items;
mod marks;
mod panel;
#[cfg(test)]
mod tests;

pub use index::{IndexEntry, render_index};

use crate::Document;
use html::escape_into;
use items::{Kind, Section};
use marks::Marker;

/// The stylesheet of every page, inlined.
const STYLE: &str = include_str!("style.css");

/// The HTML page of one release: `text` is the analysed text and `doc`
/// what [`Extractor::extract`](crate::Extractor::extract) made of it.
///
/// Rendering never fails: spans that do not fit `text` (a document made
/// from another text) are left unmarked. The [module docs](self) describe
/// the marks.
///
/// # Example
///
/// ```
/// let extractor = bodo::Extractor::new()?;
/// let text = "산업부 보도자료\n□ 박진규 1차관은 12월 22일(수) <행사>에서 “협력이 중요하다”고 밝혔다.";
/// let doc = extractor.extract(text);
/// let page = bodo::view::render(text, &doc);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains(r#"<mark class="m date""#));
/// assert!(page.contains("&lt;행사&gt;")); // the text is escaped
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render(text: &str, doc: &Document) -> String {
    let sections = items::sections(doc);
    let mut out = String::with_capacity(text.len() * 3 + 32 * 1024);
    let title = doc.title.as_ref().map_or("bodo", |t| t.text.as_str());
    head(&mut out, title);
    out.push_str("<body>\n<header class=\"top\"><span class=\"brand\">bodo</span>");
    legend(&mut out, &sections);
    out.push_str("</header>\n<main class=\"layout\">\n<article class=\"text\">\n");
    let mut marker = Marker::new(text, &sections);
    blocks::write_blocks(&mut out, &doc.blocks, &mut marker);
    out.push_str("</article>\n<aside class=\"panel\">\n");
    panel::write(&mut out, doc, &sections, &marker.anchors());
    out.push_str("</aside>\n</main>\n</body>\n</html>\n");
    out
}

/// `<!DOCTYPE html>` to `</head>`.
fn head(out: &mut String, title: &str) {
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    escape_into(out, title);
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n");
}

/// One switch per kind that has items: its colour, its name and count;
/// unticking it hides the kind's marks (CSS `:has`, no script).
fn legend(out: &mut String, sections: &[Section]) {
    out.push_str("<nav class=\"legend\">");
    for section in sections.iter().filter(|s| !s.facts.is_empty()) {
        let class = section.kind.class();
        let count = section.facts.len();
        out.push_str(&format!(
            "<label><input type=\"checkbox\" id=\"show-{class}\" checked>\
             <mark class=\"m {class}\">{}</mark> {count}</label>",
            section.kind.field()
        ));
    }
    out.push_str("</nav>");
}

/// The kinds with their counts, for the index.
fn counts(sections: &[Section]) -> Vec<(Kind, usize)> {
    sections.iter().map(|s| (s.kind, s.facts.len())).collect()
}
