//! From glyphs on pages to the text layout of the HWPX reader: one
//! paragraph per line, tables as rows of cells joined by ` | `, page
//! numbers and running headers dropped.
//!
//! A PDF keeps no paragraphs, only lines of glyphs. Lines are rejoined
//! into paragraphs unless the layout shows a break: the next line starts
//! with a list marker (□ ㅇ ○ - ※ * …), the font size changes, the gap
//! between the lines is wider than the paragraph's line pitch, or the line
//! ends short of the right margin. Where the wrap fell between words the
//! word processor still drew the space glyph at the end of the line, so a
//! line ending in a space rejoins with one space and any other without.
//! Tables are found from the clipping rectangles that word processors
//! draw each cell's content in: cells that share edges form a table, and
//! cells with the same top edge a row; a lone rectangle is a box, read as
//! paragraphs.

use std::collections::HashMap;

use super::content::{Glyph, Page, Rect};
use crate::read::Lines;

/// A line of glyphs on one baseline, in one container.
#[derive(Debug)]
struct Line {
    text: String,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    page: usize,
    /// The cell (an index into the page's unique cell rectangles).
    cell: Option<usize>,
}

/// Joins the pages' lines into the text.
pub(crate) fn text(pages: &[Page]) -> String {
    let pages: Vec<Page> = pages.iter().flat_map(two_up).collect();
    let pages = pages.as_slice();
    let mut all: Vec<Vec<Line>> = Vec::new();
    let mut cells: Vec<Vec<Rect>> = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let (rects, index) = unique_cells(page);
        all.push(lines(page, n, &index));
        cells.push(rects);
    }
    drop_page_furniture(&mut all, pages);
    let mut out = Lines::default();
    let mut body: Vec<&Line> = Vec::new();
    for (n, lines) in all.iter().enumerate() {
        let tables = tables(&cells[n]);
        let edge = right_edge(lines.iter().filter(|l| l.cell.is_none()));
        for unit in units(lines, &tables, &cells[n]) {
            match unit {
                Unit::Line(line) => body.push(line),
                Unit::Table(t) => {
                    flush(&mut body, edge, &mut out);
                    table(&tables[t], &cells[n], lines, &mut out);
                }
            }
        }
        // A paragraph may go on over the page break, so the body's last
        // line is kept; but the right margin is this page's.
        if let Some(last) = body.pop() {
            flush(&mut body, edge, &mut out);
            body.push(last);
        }
    }
    let edge = right_edge(body.iter().copied());
    flush(&mut body, edge, &mut out);
    out.into_text()
}

/// A body line or a table, in reading order.
enum Unit<'a> {
    Line(&'a Line),
    Table(usize),
}

/// The page's body lines and tables (by index into `tables`) from top
/// to bottom: word processors draw tables after the text around them.
fn units<'a>(lines: &'a [Line], tables: &[Vec<usize>], cells: &[Rect]) -> Vec<Unit<'a>> {
    let mut units: Vec<(f64, Unit)> = Vec::new();
    let mut placed = vec![false; tables.len()];
    for line in lines {
        let Some(cell) = line.cell else {
            units.push((line.y + line.size, Unit::Line(line)));
            continue;
        };
        let Some(t) = tables.iter().position(|t| t.contains(&cell)) else {
            continue;
        };
        if !placed[t] {
            placed[t] = true;
            let top = tables[t]
                .iter()
                .map(|&c| cells[c].y1)
                .fold(f64::MIN, f64::max);
            units.push((top, Unit::Table(t)));
        }
    }
    // Stable: lines of one baseline keep their drawing order.
    units.sort_by(|a, b| b.0.total_cmp(&a.0));
    units.into_iter().map(|(_, u)| u).collect()
}

/// A landscape sheet with two pages side by side (a "2-up" print) as its
/// two pages: when no glyph crosses the middle and both halves have text.
fn two_up(page: &Page) -> Vec<Page> {
    let mid = page.width / 2.0;
    let crosses = |g: &Glyph| g.x0 < mid - 1.0 && g.x1 > mid + 1.0;
    let left = |g: &Glyph| g.x1 <= mid + 1.0;
    let split = page.width > 1.2 * page.height
        && !page.glyphs.iter().any(crosses)
        && page.glyphs.iter().any(left)
        && !page.glyphs.iter().all(left);
    if !split {
        return vec![page.clone()];
    }
    let half = |keep_left: bool| Page {
        width: mid,
        glyphs: page
            .glyphs
            .iter()
            .filter(|g| left(g) == keep_left)
            .cloned()
            .collect(),
        ..page.clone()
    };
    vec![half(true), half(false)]
}

/// The rightmost line end, where justified lines stop.
fn right_edge<'a>(lines: impl Iterator<Item = &'a Line>) -> f64 {
    lines.map(|l| l.x1).fold(f64::MIN, f64::max)
}

fn flush(body: &mut Vec<&Line>, edge: f64, out: &mut Lines) {
    for paragraph in paragraphs(body, edge) {
        out.push(paragraph);
    }
    body.clear();
}

/// The page's clipping rectangles, each one once (a cell is clipped anew
/// for every run of text in it), and for each clip index its rectangle's
/// index.
fn unique_cells(page: &Page) -> (Vec<Rect>, Vec<usize>) {
    let mut rects: Vec<Rect> = Vec::new();
    let mut seen: HashMap<[i64; 4], usize> = HashMap::new();
    let mut index = Vec::with_capacity(page.clips.len());
    for rect in &page.clips {
        let key = [rect.x0, rect.y0, rect.x1, rect.y1].map(|v| (v * 2.0).round() as i64);
        let i = *seen.entry(key).or_insert_with(|| {
            rects.push(*rect);
            rects.len() - 1
        });
        index.push(i);
    }
    (rects, index)
}

/// Groups the page's glyphs, in drawing order, into lines.
fn lines(page: &Page, n: usize, cell_index: &[usize]) -> Vec<Line> {
    let mut groups: Vec<Vec<&Glyph>> = Vec::new();
    for glyph in &page.glyphs {
        let joins = groups.last().is_some_and(|g| same_line(g, glyph));
        if joins {
            if let Some(g) = groups.last_mut() {
                g.push(glyph);
            }
        } else {
            groups.push(vec![glyph]);
        }
    }
    groups
        .into_iter()
        .filter_map(|g| line(g, n, cell_index))
        .collect()
}

fn same_line(line: &[&Glyph], glyph: &Glyph) -> bool {
    let Some(last) = line.last() else {
        return false;
    };
    let size = line.iter().map(|g| g.size).fold(glyph.size, f64::max);
    // Wide enough for superscript marks (`가격*`), narrower than any
    // line pitch.
    let tolerance = 0.6 * size;
    last.clip == glyph.clip
        && (glyph.y - last.y).abs() < tolerance
        && glyph.x0 > last.x1 - size
        && glyph.x0 < last.x1 + 4.0 * size
}

fn line(mut glyphs: Vec<&Glyph>, page: usize, cell_index: &[usize]) -> Option<Line> {
    glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let first = glyphs.first()?;
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
    let mut text = String::new();
    let mut x1 = first.x0;
    let mut prev_space = true;
    for g in &glyphs {
        let space = g.text.chars().all(char::is_whitespace);
        if !prev_space && !space && g.x0 - x1 > 0.3 * size {
            text.push(' ');
        }
        text.push_str(&g.text);
        prev_space = space;
        if !space {
            x1 = x1.max(g.x1);
        }
    }
    // A line that is only spaces draws nothing.
    if text.trim().is_empty() {
        return None;
    }
    // The baseline of the line's largest text (a superscript is higher).
    let y = glyphs
        .iter()
        .filter(|g| g.size >= size * 0.9)
        .map(|g| g.y)
        .next()
        .unwrap_or(first.y);
    let ink = glyphs
        .iter()
        .find(|g| !g.text.trim().is_empty())
        .map_or(first.x0, |g| g.x0);
    Some(Line {
        text,
        x0: ink,
        x1,
        y,
        size,
        page,
        cell: first.clip.and_then(|c| cell_index.get(c).copied()),
    })
}

/// Drops page numbers (`- 3 -`, `3`, `3 / 10`) and running headers and
/// footers (the same text near the same edge on several pages).
fn drop_page_furniture(all: &mut [Vec<Line>], pages: &[Page]) {
    let margin = |line: &Line| {
        let height = pages.get(line.page).map_or(842.0, |p| p.height);
        line.y < 0.1 * height || line.y > 0.9 * height
    };
    let mut repeated: HashMap<String, usize> = HashMap::new();
    for lines in all.iter() {
        let mut on_page: Vec<String> = lines
            .iter()
            .filter(|l| margin(l) && l.cell.is_none())
            .map(|l| furniture_key(&l.text))
            .collect();
        on_page.sort();
        on_page.dedup();
        for key in on_page {
            *repeated.entry(key).or_default() += 1;
        }
    }
    for lines in all.iter_mut() {
        lines.retain(|l| {
            !(margin(l)
                && (is_page_number(&l.text)
                    || (l.cell.is_none()
                        && repeated
                            .get(&furniture_key(&l.text))
                            .is_some_and(|n| *n > 1))))
        });
    }
}

/// Running headers are the same text on every page (page numbers are
/// dropped on their own).
fn furniture_key(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c| matches!(c, '-' | '–' | '—' | '(' | ')'));
    let mut parts = t.split('/');
    let is_number = |s: Option<&str>| {
        s.is_some_and(|s| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
    };
    match (parts.next(), parts.next(), parts.next()) {
        (first, None, None) => is_number(first),
        (first, second, None) => is_number(first) && is_number(second),
        _ => false,
    }
}

/// Cells that share an edge, as tables: lists of cell indices.
fn tables(cells: &[Rect]) -> Vec<Vec<usize>> {
    let mut group: Vec<usize> = (0..cells.len()).collect();
    fn root(group: &mut [usize], mut i: usize) -> usize {
        while group[i] != i {
            group[i] = group[group[i]];
            i = group[i];
        }
        i
    }
    for a in 0..cells.len() {
        for b in a + 1..cells.len() {
            if adjacent(&cells[a], &cells[b]) {
                let (ra, rb) = (root(&mut group, a), root(&mut group, b));
                group[ra] = rb;
            }
        }
    }
    let mut tables: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..cells.len() {
        let r = root(&mut group, i);
        tables.entry(r).or_default().push(i);
    }
    let mut tables: Vec<Vec<usize>> = tables.into_values().collect();
    tables.sort();
    tables
}

/// Two cells of one table: one's right edge is the other's left (with
/// overlapping rows), or one's bottom the other's top (overlapping
/// columns). A tolerance of 2 pt covers border widths.
fn adjacent(a: &Rect, b: &Rect) -> bool {
    let close = |p: f64, q: f64| (p - q).abs() < 2.0;
    let overlap = |a0: f64, a1: f64, b0: f64, b1: f64| a0.max(b0) < a1.min(b1) - 1.0;
    ((close(a.x1, b.x0) || close(b.x1, a.x0)) && overlap(a.y0, a.y1, b.y0, b.y1))
        || ((close(a.y0, b.y1) || close(b.y0, a.y1)) && overlap(a.x0, a.x1, b.x0, b.x1))
}

/// Lays out one table (or box) of the page.
fn table(members: &[usize], cells: &[Rect], lines: &[Line], out: &mut Lines) {
    let cell_text = |cell: usize| -> Vec<String> {
        let cell_lines: Vec<&Line> = lines.iter().filter(|l| l.cell == Some(cell)).collect();
        paragraphs(&cell_lines, cell_edge(&cells[cell], &cell_lines))
    };
    if let [cell] = members {
        for paragraph in cell_text(*cell) {
            out.push(paragraph);
        }
        return;
    }
    // Rows: cells with the same top edge, top to bottom, left to right.
    let mut order: Vec<usize> = members.to_vec();
    order.sort_by(|&a, &b| {
        let (a, b) = (&cells[a], &cells[b]);
        ((b.y1 * 2.0).round())
            .total_cmp(&(a.y1 * 2.0).round())
            .then(a.x0.total_cmp(&b.x0))
    });
    let mut row: Vec<String> = Vec::new();
    let mut top = f64::NAN;
    for cell in order {
        let rect = &cells[cell];
        if !row.is_empty() && (rect.y1 - top).abs() >= 1.0 {
            out.push_row(&row);
            row.clear();
        }
        top = rect.y1;
        row.push(cell_text(cell).join(" "));
    }
    if !row.is_empty() {
        out.push_row(&row);
    }
}

/// Where full lines of a cell end: its right side less the padding its
/// text keeps on the left, so that a short centred line counts as a
/// paragraph's end.
fn cell_edge(rect: &Rect, lines: &[&Line]) -> f64 {
    let left = lines.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
    let padding = (left - rect.x0).clamp(0.0, 0.25 * rect.width());
    let widest = right_edge(lines.iter().copied());
    (rect.x1 - padding).max(widest)
}

/// Rejoins lines into paragraphs; `edge` is where full lines end.
fn paragraphs(lines: &[&Line], edge: f64) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut pitch: Option<f64> = None;
    for (i, line) in lines.iter().enumerate() {
        let Some(prev) = i.checked_sub(1).map(|p| lines[p]) else {
            current = line.text.clone();
            continue;
        };
        if breaks_before(prev, line, edge, pitch) {
            pitch = None;
            out.push(std::mem::replace(&mut current, line.text.clone()));
            continue;
        }
        if prev.page == line.page {
            pitch = Some(prev.y - line.y);
        }
        let gap = (edge - prev.x1) / prev.size.max(1.0);
        let space = wrap_is_space(&current, &line.text, gap);
        current.truncate(current.trim_end().len());
        if space {
            current.push(' ');
        }
        current.push_str(line.text.trim_start());
    }
    out.push(current);
    out.retain(|p| !p.trim().is_empty());
    for p in &mut out {
        p.truncate(p.trim_end().len());
    }
    out
}

/// Whether the wrap between `before` and `after` fell between words.
/// The space glyph at the end of a line says so; without one (some word
/// processors drop it), the characters on either side decide: space
/// after a comma or a closing bracket, none around a middle dot, between
/// two Hangul syllables only when the first ends a word with a particle
/// or ending (`를 는 및 …`) or the line stops short of the margin (`gap`,
/// in font sizes). Measured on the corpus PDFs against the HWPX text.
fn wrap_is_space(before: &str, after: &str, gap: f64) -> bool {
    if before.ends_with(char::is_whitespace) {
        return true;
    }
    let (Some(a), Some(b)) = (
        before.chars().next_back(),
        after.trim_start().chars().next(),
    ) else {
        return false;
    };
    let hangul = |c: char| ('가'..='힣').contains(&c);
    const JOINERS: &str = "·ㆍ‧･․…/~-";
    match (a, b) {
        (',' | '.' | ':' | ';' | '!' | '?', _) => !")]}".contains(b),
        (')' | ']' | '」' | '』' | '》' | '〉' | '”' | '’' | '%', _) => !hangul(b),
        _ if JOINERS.contains(a) || JOINERS.contains(b) || ")]},.".contains(b) => false,
        _ if hangul(a) && hangul(b) => gap > 0.35 || ends_word(before),
        _ if a.is_ascii_digit() && hangul(b) => false,
        _ => true,
    }
}

/// Particles and endings that end a Korean word.
fn ends_word(text: &str) -> bool {
    const LAST: &str = "를는및을은의와과며";
    const ENDINGS: [&str; 12] = [
        "에서", "으로", "부터", "까지", "에게", "하고", "하여", "하며", "되어", "에는", "과의",
        "와의",
    ];
    text.chars().next_back().is_some_and(|c| LAST.contains(c))
        || ENDINGS.iter().any(|e| text.ends_with(e))
}

/// Whether `line` starts a new paragraph after `prev`.
fn breaks_before(prev: &Line, line: &Line, edge: f64, pitch: Option<f64>) -> bool {
    let size = prev.size.max(line.size);
    if starts_with_marker(&line.text) {
        return true;
    }
    if (prev.size - line.size).abs() > 0.12 * size {
        return true;
    }
    if prev.page == line.page {
        let dy = prev.y - line.y;
        let limit = pitch.map_or(2.1 * size, |p| p + 0.35 * size);
        if dy > limit || dy < 0.5 * size {
            return true;
        }
    }
    prev.x1 < edge - 1.5 * size
}

/// List markers of Korean releases, and footnote and note marks.
fn starts_with_marker(text: &str) -> bool {
    let t = text.trim_start();
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let second = chars.next();
    match first {
        '□' | '■' | '☐' | '◆' | '◇' | '○' | '●' | '◦' | '▶' | '▷' | '►' | '※' | '*' | '•' | '▪'
        | '◎' | '❍' | '【' => true,
        '①'..='⑳' | '❶'..='❿' | '➊'..='➓' => true,
        'ㅇ' | '-' | 'o' | '·' => second.is_some_and(char::is_whitespace),
        _ => false,
    }
}
