//! HTML: korea.kr's copy of a release body, or a press-release board page,
//! parsed by html5ever (through scraper) and laid out as the HWPX reader
//! lays out the same release: block elements and `<br>` end lines, a table
//! of several cells is one line per row with cells joined by ` | `, a
//! one-cell table is a box of paragraphs, and scripts, styles, forms and
//! the site's navigation are dropped.
//!
//! html5ever builds the tree with explicit stacks and scraper keeps it in
//! an arena, so deep nesting costs neither parse nor drop any stack; the
//! walk below is an iteration over the tree's edges, with a stack of
//! open tables of its own.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::{Lines, MAX_NESTING};

/// Elements whose content is never release text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "nav", "aside", "form", "button",
    "select", "option", "textarea", "iframe", "svg", "canvas", "object", "embed", "map", "img",
    "video", "audio",
];

/// Class and id words of site navigation (`gnb`, `lnb_menu`,
/// `breadcrumb`, …): such elements are dropped.
const NAVIGATION: &[&str] = &[
    "gnb",
    "lnb",
    "snb",
    "tnb",
    "skip",
    "skipnav",
    "breadcrumb",
    "breadcrumbs",
    "location",
    "quick",
    "sitemap",
    "util",
    "sns",
    "share",
    "paging",
    "pagination",
    "banner",
    "menu",
    "nav",
    "navigation",
    "sidebar",
    "copyright",
];

/// Elements that end the line before and after them.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "pre",
    "address",
    "figure",
    "figcaption",
    "hr",
    "center",
    "caption",
    "body",
];

/// Whether decoded text is HTML: it starts with a tag or a doctype and
/// has a closing tag of the elements release bodies are made of.
pub(crate) fn is_html(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let starts_with_tag = start.strip_prefix('<').is_some_and(|rest| {
        rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '!' || c == '?')
    });
    if !starts_with_tag {
        return false;
    }
    let head: String = start
        .chars()
        .take(8192)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "</p>", "</div>", "</td>", "</table>", "</span>", "</html>", "</body>", "<br",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}

/// A table being laid out: its rows of cells, each cell's lines.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Lines>>,
    /// Caption paragraphs, laid out before the rows.
    before: Lines,
}

/// Where text goes while the walk is inside an element.
struct Flow {
    lines: Lines,
    paragraph: String,
}

impl Flow {
    fn new() -> Flow {
        Flow {
            lines: Lines::default(),
            paragraph: String::new(),
        }
    }

    fn end_paragraph(&mut self) {
        let paragraph = std::mem::take(&mut self.paragraph);
        self.lines.push(paragraph.replace('\u{a0}', " "));
    }

    /// Inline text with HTML's white-space collapsing.
    fn text(&mut self, text: &str, pre: bool) {
        if pre {
            self.paragraph.push_str(text);
            return;
        }
        for (i, word) in text.split(is_html_space).enumerate() {
            let at_break = self.paragraph.is_empty() || self.paragraph.ends_with([' ', '\n']);
            if i > 0 && !at_break {
                self.paragraph.push(' ');
            }
            self.paragraph.push_str(word);
        }
    }
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// Real pages nest a few dozen elements deep. html5ever looks up its
/// stack of open elements for many tags, so a hostile page of deeply
/// nested tags would cost time quadratic in its depth: it is refused.
const MAX_DEPTH: usize = 1000;

/// Elements that never have an end tag, or whose end tag may be left out:
/// they do not count towards the nesting depth.
const UNCOUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead",
    "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// The deepest nesting of start tags before their end tags, counted
/// without parsing; stops counting past `limit`.
fn depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() && deepest <= limit {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        if bytes[i..].starts_with(b"<!--") {
            i = html[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
            continue;
        }
        let end_tag = bytes.get(i + 1) == Some(&b'/');
        let start = i + 1 + usize::from(end_tag);
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        i = start + len;
        if len == 0 || !bytes[start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[start..start + len].to_ascii_lowercase();
        if UNCOUNTED.contains(&name.as_str()) {
            continue;
        }
        let close = html[i..].find('>').map_or(bytes.len(), |e| i + e);
        let self_closing = close > i && bytes[close - 1] == b'/';
        if end_tag {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Reads the text of an HTML page or fragment.
pub(crate) fn read(html: &str) -> Result<String, String> {
    if depth(html, MAX_DEPTH) > MAX_DEPTH {
        return Err(format!("HTML nested more than {MAX_DEPTH} elements deep"));
    }
    let doc = Html::parse_document(html);
    // `flows[0]` is the page; a cell or caption pushes a flow, a table a
    // table; `open[i]` says which the i-th open element pushed.
    let mut flows = vec![Flow::new()];
    let mut tables: Vec<Table> = Vec::new();
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut pre = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => {
                        if let Some(flow) = flows.last_mut() {
                            flow.text(text, pre > 0);
                        }
                    }
                    Node::Element(_) => {
                        let Some(element) = ElementRef::wrap(node) else {
                            continue;
                        };
                        if is_dropped(element) {
                            skip = Some(node.id());
                            continue;
                        }
                        open(element, &mut flows, &mut tables, &mut pre)?;
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                    continue;
                }
                if skip.is_some() {
                    continue;
                }
                if let Some(element) = ElementRef::wrap(node) {
                    close(element, &mut flows, &mut tables, &mut pre);
                }
            }
        }
    }
    let mut page = flows.into_iter().next().unwrap_or_else(Flow::new);
    page.end_paragraph();
    Ok(page.lines.into_text())
}

fn open(
    element: ElementRef,
    flows: &mut Vec<Flow>,
    tables: &mut Vec<Table>,
    pre: &mut usize,
) -> Result<(), String> {
    let name = element.value().name();
    match name {
        "table" => {
            if tables.len() > MAX_NESTING {
                return Err(format!("tables nested more than {MAX_NESTING} deep"));
            }
            end_paragraph(flows);
            tables.push(Table::default());
        }
        "tr" => {
            if let Some(table) = tables.last_mut() {
                table.rows.push(Vec::new());
            }
        }
        "td" | "th" | "caption" => flows.push(Flow::new()),
        "br" => {
            if let Some(flow) = flows.last_mut() {
                flow.paragraph.push('\n');
            }
        }
        "pre" => {
            *pre += 1;
            end_paragraph(flows);
        }
        _ if BLOCKS.contains(&name) => end_paragraph(flows),
        _ => {}
    }
    Ok(())
}

fn close(element: ElementRef, flows: &mut Vec<Flow>, tables: &mut Vec<Table>, pre: &mut usize) {
    let name = element.value().name();
    match name {
        "td" | "th" | "caption" if flows.len() > 1 => {
            let Some(mut flow) = flows.pop() else { return };
            flow.end_paragraph();
            let Some(table) = tables.last_mut() else {
                return;
            };
            if name == "caption" {
                table.before.extend(flow.lines);
            } else {
                if table.rows.is_empty() {
                    table.rows.push(Vec::new());
                }
                if let Some(row) = table.rows.last_mut() {
                    row.push(flow.lines);
                }
            }
        }
        "table" => {
            let Some(table) = tables.pop() else { return };
            let Some(flow) = flows.last_mut() else { return };
            flow.end_paragraph();
            lay_out(table, &mut flow.lines);
        }
        "pre" => {
            *pre = pre.saturating_sub(1);
            end_paragraph(flows);
        }
        _ if BLOCKS.contains(&name) => end_paragraph(flows),
        _ => {}
    }
}

fn end_paragraph(flows: &mut [Flow]) {
    if let Some(flow) = flows.last_mut() {
        flow.end_paragraph();
    }
}

/// A table's lines: a one-cell table is a box of paragraphs; otherwise
/// one line per row.
fn lay_out(table: Table, out: &mut Lines) {
    out.extend(table.before);
    let cells: usize = table.rows.iter().map(Vec::len).sum();
    if cells == 1 {
        for cell in table.rows.into_iter().flatten() {
            out.extend(cell);
        }
        return;
    }
    for row in table.rows {
        let cells: Vec<String> = row.iter().map(Lines::cell).collect();
        out.push_row(&cells);
    }
}

/// Scripts, styles, forms and navigation; a page-level header or footer
/// (outside any article or main element) is site furniture too.
fn is_dropped(element: ElementRef) -> bool {
    let el = element.value();
    let name = el.name();
    if DROPPED.contains(&name) {
        return true;
    }
    if matches!(name, "header" | "footer") {
        let in_content = element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| matches!(a.value().name(), "article" | "main"));
        return !in_content;
    }
    if matches!(el.id(), Some("header" | "footer")) {
        return true;
    }
    let words = el
        .id()
        .into_iter()
        .chain(el.classes())
        .flat_map(|v| v.split(['_', '-', ' ']))
        .map(str::to_ascii_lowercase);
    words.into_iter().any(|w| NAVIGATION.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_html() {
        assert!(is_html(
            "<!DOCTYPE html><html><body><p>보도</p></body></html>"
        ));
        assert!(is_html("\n<div class=\"view\"><p>본문</p></div>"));
        assert!(!is_html("<보도자료>\n□ 산업부는 밝혔다."));
        assert!(!is_html("□ 본문 <b>굵게</b>"));
    }

    #[test]
    fn body_html_is_laid_out_like_hwpx_text() {
        let html = r#"<div class="DataContents">
<p class="HStyle0">국토부, 도시 데이터로<br>문제 해결</p>
<table><tr><td><p>- 부제 하나</p><p>- 부제 둘</p></td></tr></table>
<p>□ 국토교통부(장관 김윤덕)는&nbsp;  공모를
   추진한다.</p>
<table>
<tr><th>담당 부서</th><td>도시경제과</td><td>책임자</td><td>과장 김연희<br>(044-201-4845)</td></tr>
<tr><td></td><td></td><td></td><td></td></tr>
</table>
<script>var x = "<p>no</p>";</script><style>p { color: red }</style>
</div>"#;
        assert_eq!(
            read(html).unwrap(),
            "국토부, 도시 데이터로\n문제 해결\n- 부제 하나\n- 부제 둘\n\
             □ 국토교통부(장관 김윤덕)는  공모를 추진한다.\n\
             담당 부서 | 도시경제과 | 책임자 | 과장 김연희 (044-201-4845)\n"
        );
    }

    #[test]
    fn board_page_navigation_is_dropped() {
        let html = r#"<html><head><title>보도자료 | 시청</title></head><body>
<header><ul class="gnb"><li>시정소식</li></ul></header>
<div id="lnb"><a href="/">보도자료</a></div>
<div class="location">홈 &gt; 보도자료</div>
<div class="board_view"><h3 class="view_title">시, 봄꽃 축제 개최</h3>
<div class="view_cont"><p>○○시는 4월 13일 축제를 연다고 밝혔다.</p>
<p>관련부서 ☎ 061-123-4567</p></div></div>
<div class="paging"><a>이전글</a></div>
<footer>Copyright 시청</footer></body></html>"#;
        assert_eq!(
            read(html).unwrap(),
            "시, 봄꽃 축제 개최\n○○시는 4월 13일 축제를 연다고 밝혔다.\n관련부서 ☎ 061-123-4567\n"
        );
    }

    #[test]
    fn deep_nesting_is_harmless() {
        let deep = "<div>".repeat(100_000) + "본문";
        let err = read(&deep).unwrap_err();
        assert_eq!(err, "HTML nested more than 1000 elements deep");
        let fine = "<div><p>".repeat(900) + "본문";
        assert_eq!(read(&fine).unwrap(), "본문\n");
        let tables = "<table><tr><td>".repeat(100);
        assert!(
            read(&tables)
                .unwrap_err()
                .contains("tables nested more than 32")
        );
    }
}
