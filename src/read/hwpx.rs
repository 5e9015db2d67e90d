//! HWPX: a zip of OWPML XML parts. The text lives in
//! `Contents/section*.xml`; bullet characters of paragraph styles in
//! `Contents/header.xml`.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{Lines, MAX_DECOMPRESSED, MAX_NESTING};

/// An XML element with the parts the layout needs, namespace prefixes
/// dropped (`hp:p` is `p`).
#[derive(Debug, Default)]
struct Elem {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    Elem(Elem),
    Text(String),
}

impl Elem {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn elems(&self) -> impl Iterator<Item = &Elem> {
        self.children.iter().filter_map(|n| match n {
            Node::Elem(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Elem> {
        self.elems().filter(move |e| e.name == name)
    }
}

/// Reads the text of an HWPX file.
pub(crate) fn read(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|err| format!("broken zip archive: {err}"))?;
    let sections = section_names(&zip);
    if sections.is_empty() {
        return Err("a zip archive but not HWPX (no Contents/section0.xml)".into());
    }
    let mut budget = MAX_DECOMPRESSED;
    let bullets = match zip.index_for_name("Contents/header.xml") {
        Some(_) => bullets(&parse(&part(&mut zip, "Contents/header.xml", &mut budget)?)),
        None => HashMap::new(),
    };
    let mut out = Lines::default();
    for name in &sections {
        let root =
            parse(&part(&mut zip, name, &mut budget)?).map_err(|e| format!("{name}: {e}"))?;
        let layout = Layout { bullets: &bullets };
        for p in root.elems().flat_map(|sec| sec.named("p")) {
            layout.paragraph(p, 0, &mut out)?;
        }
    }
    Ok(out.into_text())
}

/// `Contents/sectionN.xml` in the order of N.
fn section_names(zip: &zip::ZipArchive<Cursor<&[u8]>>) -> Vec<String> {
    let mut sections: Vec<(u32, String)> = zip
        .file_names()
        .filter_map(|name| {
            let n = name
                .strip_prefix("Contents/section")?
                .strip_suffix(".xml")?
                .parse()
                .ok()?;
            Some((n, name.to_string()))
        })
        .collect();
    sections.sort();
    sections.into_iter().map(|(_, name)| name).collect()
}

/// One part, decompressed within what is left of the budget.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
) -> Result<String, String> {
    let file = zip.by_name(name).map_err(|err| format!("{name}: {err}"))?;
    let mut data = Vec::new();
    file.take(*budget + 1)
        .read_to_end(&mut data)
        .map_err(|err| format!("{name}: broken compressed data ({err})"))?;
    let len = data.len() as u64;
    if len > *budget {
        return Err(format!(
            "{name}: more than {} MiB decompressed (a zip bomb?)",
            MAX_DECOMPRESSED >> 20
        ));
    }
    *budget -= len;
    String::from_utf8(data).map_err(|err| {
        format!(
            "{name}: not UTF-8 XML (invalid byte at offset {})",
            err.utf8_error().valid_up_to()
        )
    })
}

/// Real OWPML nests a few dozen elements deep; a deeper tree is hostile
/// and would overflow the stack when dropped.
const MAX_XML_DEPTH: usize = 1000;

/// Parses XML into a tree. Depth is bounded by the input length only, so
/// the tree is built with an explicit stack, never by recursion.
fn parse(xml: &str) -> Result<Elem, String> {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Elem::default()];
    loop {
        let at = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|err| format!("broken XML at byte {at}: {err}"))?;
        match event {
            Event::Start(_) if stack.len() > MAX_XML_DEPTH => {
                return Err(format!(
                    "XML nested more than {MAX_XML_DEPTH} deep at byte {at}"
                ));
            }
            Event::Start(start) => stack.push(element(&start)?),
            Event::Empty(start) => push(&mut stack, Node::Elem(element(&start)?)),
            Event::Text(text) => {
                let text = text
                    .unescape()
                    .map_err(|err| format!("bad XML text at byte {at}: {err}"))?;
                push(&mut stack, Node::Text(text.into_owned()));
            }
            Event::CData(text) => {
                let text = String::from_utf8_lossy(&text).into_owned();
                push(&mut stack, Node::Text(text));
            }
            Event::End(_) => match stack.pop() {
                Some(done) if !stack.is_empty() => push(&mut stack, Node::Elem(done)),
                _ => return Err(format!("unbalanced XML at byte {at}")),
            },
            Event::Eof => break,
            _ => {}
        }
    }
    match (stack.pop(), stack.is_empty()) {
        (Some(root), true) => Ok(root),
        _ => Err("truncated XML (unclosed elements at the end)".into()),
    }
}

fn element(start: &quick_xml::events::BytesStart) -> Result<Elem, String> {
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|err| format!("bad attribute in <{name}>: {err}"))?;
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
        let value = attr
            .unescape_value()
            .map_err(|err| format!("bad attribute in <{name}>: {err}"))?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Elem {
        name,
        attrs,
        children: Vec::new(),
    })
}

fn push(stack: &mut [Elem], node: Node) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

/// Paragraph style id → bullet character, from `<hh:paraPr id>` with
/// `<hh:heading type="BULLET" idRef>` and `<hh:bullet id char>`.
fn bullets(header: &Result<Elem, String>) -> HashMap<String, String> {
    let Ok(header) = header else {
        return HashMap::new();
    };
    let mut chars = HashMap::new();
    let mut styles = Vec::new();
    let mut todo = vec![header];
    while let Some(e) = todo.pop() {
        match e.name.as_str() {
            "bullet" => {
                if let (Some(id), Some(c)) = (e.attr("id"), e.attr("char")) {
                    chars.insert(id.to_string(), c.to_string());
                }
            }
            "paraPr" => {
                let heading = e.named("heading").next();
                if let (Some(id), Some(h)) = (e.attr("id"), heading) {
                    if h.attr("type") == Some("BULLET") {
                        if let Some(bullet) = h.attr("idRef") {
                            styles.push((id.to_string(), bullet.to_string()));
                        }
                    }
                }
            }
            _ => {}
        }
        todo.extend(e.elems());
    }
    styles
        .into_iter()
        .filter_map(|(style, bullet)| Some((style, chars.get(&bullet)?.clone())))
        .collect()
}

/// Lays paragraphs out as lines.
struct Layout<'a> {
    bullets: &'a HashMap<String, String>,
}

impl Layout<'_> {
    /// `<hp:p><hp:run><hp:t>…</hp:t><hp:tbl>…</hp:tbl>…</hp:run></hp:p>`:
    /// the text of the runs is one line; a table or text box inside ends
    /// the line and is laid out after it; footnotes follow the paragraph.
    fn paragraph(&self, p: &Elem, depth: usize, out: &mut Lines) -> Result<(), String> {
        if depth > MAX_NESTING {
            return Err(format!(
                "tables or text boxes nested more than {MAX_NESTING} deep"
            ));
        }
        let mut line = match p.attr("paraPrIDRef").and_then(|id| self.bullets.get(id)) {
            Some(bullet) => format!("{bullet} "),
            None => String::new(),
        };
        let mut notes = Lines::default();
        for run in p.named("run") {
            for item in run.elems() {
                match item.name.as_str() {
                    "t" => text(item, &mut line),
                    "tbl" => {
                        out.push(std::mem::take(&mut line));
                        self.table(item, depth + 1, out)?;
                    }
                    "ctrl" => {
                        for note in item
                            .elems()
                            .filter(|e| matches!(e.name.as_str(), "footNote" | "endNote"))
                        {
                            self.sublists(note, depth + 1, &mut notes)?;
                        }
                    }
                    "pic" | "equation" | "ole" | "secPr" | "colPr" => {}
                    _ => {
                        // drawing objects: rect, ellipse, polygon, container…
                        out.push(std::mem::take(&mut line));
                        self.text_boxes(item, depth + 1, out)?;
                    }
                }
            }
        }
        out.push(line);
        out.extend(notes);
        Ok(())
    }

    /// `<hp:tbl><hp:tr><hp:tc><hp:subList><hp:p>…`: one line per row,
    /// cells joined by ` | `; a one-cell table is a box of paragraphs.
    fn table(&self, tbl: &Elem, depth: usize, out: &mut Lines) -> Result<(), String> {
        for caption in tbl.named("caption") {
            self.sublists(caption, depth, out)?;
        }
        let rows: Vec<&Elem> = tbl.named("tr").collect();
        let cells: Vec<&Elem> = rows.iter().flat_map(|tr| tr.named("tc")).collect();
        if let [cell] = cells.as_slice() {
            return self.sublists(cell, depth, out);
        }
        for tr in rows {
            let mut row = Vec::new();
            for tc in tr.named("tc") {
                let mut cell = Lines::default();
                self.sublists(tc, depth, &mut cell)?;
                row.push(cell.cell());
            }
            out.push_row(&row);
        }
        Ok(())
    }

    /// The paragraphs of every `<hp:subList>` directly inside `parent`.
    fn sublists(&self, parent: &Elem, depth: usize, out: &mut Lines) -> Result<(), String> {
        for list in parent.named("subList") {
            for p in list.named("p") {
                self.paragraph(p, depth, out)?;
            }
        }
        Ok(())
    }

    /// Text boxes (`<hp:drawText>`) anywhere inside a drawing object, so
    /// that grouped shapes (`<hp:container>`) are read too.
    fn text_boxes(&self, shape: &Elem, depth: usize, out: &mut Lines) -> Result<(), String> {
        for e in shape.elems() {
            if e.name == "drawText" {
                self.sublists(e, depth, out)?;
            } else if depth <= MAX_NESTING {
                self.text_boxes(e, depth + 1, out)?;
            }
        }
        Ok(())
    }
}

/// `<hp:t>` text with its inline marks: tabs, line breaks and special
/// spaces become plain whitespace.
fn text(t: &Elem, line: &mut String) {
    for node in &t.children {
        match node {
            Node::Text(s) => line.push_str(s),
            Node::Elem(e) => match e.name.as_str() {
                "tab" => line.push('\t'),
                "lineBreak" => line.push('\n'),
                "fwSpace" | "nbSpace" => line.push(' '),
                "hyphen" => line.push('-'),
                _ => {}
            },
        }
    }
}
