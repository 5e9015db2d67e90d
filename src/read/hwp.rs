//! HWP 5.0: an OLE compound file whose `BodyText/Section*` streams hold
//! (usually deflated) records. A paragraph is a `PARA_HEADER` record with
//! its `PARA_TEXT` (UTF-16 with control characters) and one `CTRL_HEADER`
//! per extended control (table, drawing object, footnote, header…) as
//! children; the paragraphs of table cells, text boxes and footnotes follow
//! a `LIST_HEADER` one level below their control.

use std::io::{Cursor, Read};

use flate2::read::DeflateDecoder;

use super::{Lines, MAX_DECOMPRESSED, MAX_NESTING};

/// The first bytes of every OLE compound file.
pub(crate) const OLE_MAGIC: [u8; 8] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const PARA_HEADER: u16 = 0x10 + 50;
const PARA_TEXT: u16 = 0x10 + 51;
const CTRL_HEADER: u16 = 0x10 + 55;
const LIST_HEADER: u16 = 0x10 + 56;
const TABLE: u16 = 0x10 + 61;
const BULLET: u16 = 0x10 + 8;
const PARA_SHAPE: u16 = 0x10 + 9;

/// Reads the text of an HWP 5.0 file.
pub(crate) fn read(bytes: &[u8]) -> Result<String, String> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|err| format!("broken OLE compound file: {err}"))?;
    let header = stream(&mut file, "/FileHeader", MAX_DECOMPRESSED)
        .map_err(|_| "an OLE compound file but not HWP (no FileHeader stream)".to_string())?;
    let flags = file_flags(&header)?;
    let mut budget = MAX_DECOMPRESSED;
    let doc_info = stream(&mut file, "/DocInfo", budget)?;
    let doc_info = inflate("DocInfo", doc_info, flags.compressed, &mut budget)?;
    let bullets = bullets(&records(&doc_info, "DocInfo")?);
    let mut out = Lines::default();
    for n in 0.. {
        let name = format!("BodyText/Section{n}");
        if !file.is_stream(format!("/{name}")) {
            if n == 0 {
                return Err("no BodyText/Section0 stream (truncated HWP?)".into());
            }
            break;
        }
        let data = stream(&mut file, &format!("/{name}"), budget)?;
        let data = inflate(&name, data, flags.compressed, &mut budget)?;
        let records = records(&data, &name)?;
        let tree = Tree::new(&records);
        let layout = Layout {
            records: &records,
            tree: &tree,
            bullets: &bullets,
        };
        layout.list(&tree.roots, 0, &mut out)?;
    }
    Ok(out.into_text())
}

struct Flags {
    compressed: bool,
}

/// `FileHeader`: the signature, the version, then property bits: 0
/// compressed, 1 password, 2 distribution document (encrypted text).
fn file_flags(header: &[u8]) -> Result<Flags, String> {
    if !header.starts_with(b"HWP Document File") {
        return Err("an OLE compound file but not HWP 5.0 (bad FileHeader signature)".into());
    }
    let bits = u32_at(header, 36).ok_or("truncated FileHeader")?;
    if bits & 0b10 != 0 {
        return Err("encrypted HWP (password protected)".into());
    }
    if bits & 0b100 != 0 {
        return Err("HWP distribution document (its text is encrypted)".into());
    }
    Ok(Flags {
        compressed: bits & 1 != 0,
    })
}

fn stream(
    file: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    path: &str,
    budget: u64,
) -> Result<Vec<u8>, String> {
    let name = path.trim_start_matches('/');
    let stream = file
        .open_stream(path)
        .map_err(|err| format!("{name}: {err}"))?;
    let mut data = Vec::new();
    stream
        .take(budget + 1)
        .read_to_end(&mut data)
        .map_err(|err| format!("{name}: {err} (truncated file?)"))?;
    Ok(data)
}

/// Raw-deflate decompression, bounded by what is left of the budget.
fn inflate(
    name: &str,
    data: Vec<u8>,
    compressed: bool,
    budget: &mut u64,
) -> Result<Vec<u8>, String> {
    let data = if compressed {
        let mut out = Vec::new();
        DeflateDecoder::new(data.as_slice())
            .take(*budget + 1)
            .read_to_end(&mut out)
            .map_err(|err| format!("{name}: broken compressed data ({err})"))?;
        out
    } else {
        data
    };
    let len = data.len() as u64;
    if len > *budget {
        return Err(format!(
            "{name}: more than {} MiB decompressed (a zip bomb?)",
            MAX_DECOMPRESSED >> 20
        ));
    }
    *budget -= len;
    Ok(data)
}

/// One record: tag, nesting level and payload.
struct Record<'a> {
    tag: u16,
    level: u16,
    data: &'a [u8],
}

/// Splits a stream into records. The header is one little-endian u32:
/// tag (10 bits), level (10 bits), size (12 bits; 0xfff means the size
/// follows as a u32).
fn records<'a>(data: &'a [u8], name: &str) -> Result<Vec<Record<'a>>, String> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < data.len() {
        let truncated = || format!("{name}: truncated record at byte {at}");
        let header = u32_at(data, at).ok_or_else(truncated)?;
        let mut start = at + 4;
        let mut size = (header >> 20) as usize;
        if size == 0xfff {
            size = u32_at(data, start).ok_or_else(truncated)? as usize;
            start += 4;
        }
        let end = start.checked_add(size).ok_or_else(truncated)?;
        let payload = data.get(start..end).ok_or_else(truncated)?;
        out.push(Record {
            tag: (header & 0x3ff) as u16,
            level: ((header >> 10) & 0x3ff) as u16,
            data: payload,
        });
        at = end;
    }
    Ok(out)
}

/// The records as a tree: a record's children are the records after it
/// one level deeper, up to the next record at its level or above.
struct Tree {
    roots: Vec<usize>,
    children: Vec<Vec<usize>>,
}

impl Tree {
    fn new(records: &[Record]) -> Tree {
        let mut tree = Tree {
            roots: Vec::new(),
            children: vec![Vec::new(); records.len()],
        };
        let mut stack: Vec<(usize, u16)> = Vec::new();
        for (i, r) in records.iter().enumerate() {
            while stack.last().is_some_and(|&(_, level)| level >= r.level) {
                stack.pop();
            }
            match stack.last() {
                Some(&(parent, _)) => tree.children[parent].push(i),
                None => tree.roots.push(i),
            }
            stack.push((i, r.level));
        }
        tree
    }

    fn children(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }
}

/// Paragraph shape index → bullet character. A `PARA_SHAPE` has its
/// heading kind in bits 23–24 of its first u32 (3 = bullet) and the
/// 1-based bullet id at byte 30; a `BULLET` has its character at byte 12.
fn bullets(records: &[Record]) -> Vec<Option<char>> {
    let chars: Vec<Option<char>> = records
        .iter()
        .filter(|r| r.tag == BULLET)
        .map(|r| u16_at(r.data, 12).and_then(|c| char::from_u32(c.into())))
        .collect();
    records
        .iter()
        .filter(|r| r.tag == PARA_SHAPE)
        .map(|r| {
            let kind = (u32_at(r.data, 0)? >> 23) & 0b11;
            let id = usize::from(u16_at(r.data, 30)?);
            if kind == 3 {
                *chars.get(id.checked_sub(1)?)?
            } else {
                None
            }
        })
        .collect()
}

/// Lays paragraphs out as lines.
struct Layout<'a> {
    records: &'a [Record<'a>],
    tree: &'a Tree,
    bullets: &'a [Option<char>],
}

/// Control ids, as the little-endian u32 that starts a `CTRL_HEADER`.
const fn ctrl_id(name: &[u8; 4]) -> u32 {
    u32::from_be_bytes(*name)
}

impl Layout<'_> {
    fn tag(&self, i: usize) -> u16 {
        self.records.get(i).map_or(0, |r| r.tag)
    }

    fn data(&self, i: usize) -> &[u8] {
        self.records.get(i).map_or(&[], |r| r.data)
    }

    /// The paragraphs among `nodes`, and the lists inside other records
    /// (drawing objects nest their text boxes a few levels down).
    fn list(&self, nodes: &[usize], depth: usize, out: &mut Lines) -> Result<(), String> {
        if depth > MAX_NESTING {
            return Err(format!(
                "tables or text boxes nested more than {MAX_NESTING} deep"
            ));
        }
        for &i in nodes {
            match self.tag(i) {
                PARA_HEADER => self.paragraph(i, depth, out)?,
                CTRL_HEADER | PARA_TEXT => {}
                _ => self.list(self.tree.children(i), depth + 1, out)?,
            }
        }
        Ok(())
    }

    /// A paragraph: its text is one line; a table or text box ends the
    /// line and is laid out after it; footnotes follow the paragraph.
    fn paragraph(&self, para: usize, depth: usize, out: &mut Lines) -> Result<(), String> {
        let children = self.tree.children(para);
        let mut ctrls = children
            .iter()
            .copied()
            .filter(|&c| self.tag(c) == CTRL_HEADER);
        let mut line = String::new();
        let shape = u16_at(self.data(para), 8).map_or(usize::MAX, usize::from);
        if let Some(Some(bullet)) = self.bullets.get(shape) {
            line.push(*bullet);
            line.push(' ');
        }
        let mut notes = Lines::default();
        let text = children.iter().copied().find(|&c| self.tag(c) == PARA_TEXT);
        let units = text.map_or(&[][..], |t| self.data(t));
        let mut pending: Vec<u16> = Vec::new();
        let mut at = 0;
        while let Some(unit) = u16_at(units, at) {
            at += 2;
            if unit >= 32 {
                pending.push(unit);
                continue;
            }
            line.push_str(&String::from_utf16_lossy(&pending));
            pending.clear();
            match unit {
                1..=3 | 11 | 12 | 14..=18 | 21..=23 => {
                    at += 14;
                    if let Some(ctrl) = ctrls.next() {
                        self.control(ctrl, &mut line, depth, out, &mut notes)?;
                    }
                }
                4..=9 | 19 | 20 => {
                    at += 14;
                    if unit == 9 {
                        line.push('\t');
                    }
                }
                10 => line.push('\n'),
                13 => break,
                24 => line.push('-'),
                30 | 31 => line.push(' '),
                _ => {}
            }
        }
        line.push_str(&String::from_utf16_lossy(&pending));
        for ctrl in ctrls {
            self.control(ctrl, &mut line, depth, out, &mut notes)?;
        }
        out.push(line);
        out.extend(notes);
        Ok(())
    }

    fn control(
        &self,
        ctrl: usize,
        line: &mut String,
        depth: usize,
        out: &mut Lines,
        notes: &mut Lines,
    ) -> Result<(), String> {
        let id = u32_at(self.data(ctrl), 0).unwrap_or(0);
        let children = self.tree.children(ctrl);
        if id == ctrl_id(b"tbl ") {
            out.push(std::mem::take(line));
            self.table(children, depth + 1, out)
        } else if id == ctrl_id(b"gso ") {
            out.push(std::mem::take(line));
            self.list(children, depth + 1, out)
        } else if id == ctrl_id(b"fn  ") || id == ctrl_id(b"en  ") {
            self.list(children, depth + 1, notes)
        } else {
            Ok(()) // headers, footers, page numbers, fields…
        }
    }

    /// A table control: an optional caption list, the `TABLE` record, then
    /// one `LIST_HEADER` per cell (its row address at byte 10) followed by
    /// the cell's paragraphs. One line per row, cells joined by ` | `; a
    /// one-cell table is a box of paragraphs.
    fn table(&self, children: &[usize], depth: usize, out: &mut Lines) -> Result<(), String> {
        let body = children
            .iter()
            .position(|&c| self.tag(c) == TABLE)
            .unwrap_or(0);
        let (caption, cells) = children.split_at(body);
        self.list(caption, depth, out)?;
        let mut grid: Vec<(u16, Vec<usize>)> = Vec::new();
        for &c in cells {
            match self.tag(c) {
                LIST_HEADER => grid.push((u16_at(self.data(c), 10).unwrap_or(0), Vec::new())),
                PARA_HEADER => {
                    if let Some((_, paras)) = grid.last_mut() {
                        paras.push(c);
                    }
                }
                _ => {}
            }
        }
        if let [(_, paras)] = grid.as_slice() {
            return self.list(paras, depth, out);
        }
        let mut row: Vec<String> = Vec::new();
        let mut row_addr = grid.first().map_or(0, |(r, _)| *r);
        for (addr, paras) in &grid {
            if *addr != row_addr {
                out.push_row(&std::mem::take(&mut row));
                row_addr = *addr;
            }
            let mut cell = Lines::default();
            self.list(paras, depth, &mut cell)?;
            row.push(cell.cell());
        }
        out.push_row(&row);
        Ok(())
    }
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let bytes = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([bytes[0], bytes[1]]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let bytes: [u8; 4] = data.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_le_bytes(bytes))
}
