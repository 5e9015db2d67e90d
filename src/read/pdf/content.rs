//! The content-stream interpreter: runs a page's operators far enough to
//! know where each glyph lands, in which font size and inside which
//! clipping rectangle (word processors clip each table cell to its box,
//! which is how the layout finds tables).

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::Font;
use super::objects::{self, Budget};

/// Form XObjects inside form XObjects: real files nest two or three.
const MAX_FORM_DEPTH: usize = 12;
/// `q` without `Q`: real pages stay below a few dozen.
const MAX_STATE_DEPTH: usize = 256;
/// Glyphs per document: far above any release (a 60-page release has
/// about 100,000), low enough to bound memory on hostile input.
pub(crate) const MAX_GLYPHS: usize = 4_000_000;

/// An affine matrix `[a b c d e f]`, PDF's row-vector convention.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `next`.
    fn then(self, next: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = next.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn apply(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    fn from_operands(ops: &[f64]) -> Option<Matrix> {
        let m: [f64; 6] = ops.get(..6)?.try_into().ok()?;
        m.iter().all(|v| v.is_finite()).then_some(Matrix(m))
    }
}

/// An axis-aligned rectangle in page space (y up).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub(crate) x0: f64,
    pub(crate) y0: f64,
    pub(crate) x1: f64,
    pub(crate) y1: f64,
}

impl Rect {
    fn around(points: &[(f64, f64)]) -> Option<Rect> {
        let first = points.first()?;
        let mut r = Rect {
            x0: first.0,
            y0: first.1,
            x1: first.0,
            y1: first.1,
        };
        for &(x, y) in points {
            r.x0 = r.x0.min(x);
            r.x1 = r.x1.max(x);
            r.y0 = r.y0.min(y);
            r.y1 = r.y1.max(y);
        }
        Some(r)
    }

    fn intersect(self, other: Rect) -> Rect {
        Rect {
            x0: self.x0.max(other.x0),
            y0: self.y0.max(other.y0),
            x1: self.x1.min(other.x1).max(self.x0.max(other.x0)),
            y1: self.y1.min(other.y1).max(self.y0.max(other.y0)),
        }
    }

    pub(crate) fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub(crate) fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// One drawn glyph, in page space.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    pub(crate) text: String,
    pub(crate) x0: f64,
    pub(crate) x1: f64,
    /// The baseline.
    pub(crate) y: f64,
    /// The font size on the page.
    pub(crate) size: f64,
    /// The clipping rectangle it was drawn in (an index into
    /// [`Page::clips`]), unless that is the whole page.
    pub(crate) clip: Option<usize>,
}

/// What a page draws.
#[derive(Debug, Default, Clone)]
pub(crate) struct Page {
    pub(crate) width: f64,
    pub(crate) height: f64,
    pub(crate) glyphs: Vec<Glyph>,
    pub(crate) clips: Vec<Rect>,
    pub(crate) images: usize,
    /// Glyphs drawn with no Unicode text (fonts without a usable map).
    pub(crate) unmapped: usize,
}

#[derive(Debug, Clone)]
struct State {
    ctm: Matrix,
    clip: Option<usize>,
    clip_rect: Option<Rect>,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    hscale: f64,
    leading: f64,
    rise: f64,
}

/// Runs the content of pages, sharing loaded fonts between them.
pub(crate) struct Interpreter<'d> {
    doc: &'d Document,
    fonts: HashMap<ObjectId, Rc<Font>>,
    pub(crate) budget: Budget,
    pub(crate) glyphs: usize,
}

/// The state of one content stream being run.
struct Run<'p> {
    page: &'p mut Page,
    state: State,
    stack: Vec<State>,
    tm: Matrix,
    tlm: Matrix,
    path: Vec<(f64, f64)>,
    clip_pending: bool,
}

impl<'d> Interpreter<'d> {
    pub(crate) fn new(doc: &'d Document) -> Interpreter<'d> {
        Interpreter {
            doc,
            fonts: HashMap::new(),
            budget: Budget::default(),
            glyphs: 0,
        }
    }

    /// Everything page `id` draws.
    pub(crate) fn page(&mut self, id: ObjectId) -> Page {
        let doc = self.doc;
        let Ok(dict) = doc.get_dictionary(id) else {
            return Page::default();
        };
        let media: Vec<f64> = inherited(doc, dict, b"MediaBox")
            .and_then(|o| objects::array(doc, Some(o)))
            .map(|a| a.iter().filter_map(|o| objects::number(doc, o)).collect())
            .unwrap_or_default();
        let (width, height) = match media.as_slice() {
            [x0, y0, x1, y1] => ((x1 - x0).abs(), (y1 - y0).abs()),
            _ => (595.0, 842.0),
        };
        let mut page = Page {
            width,
            height,
            ..Page::default()
        };
        let resources = inherited(doc, dict, b"Resources").and_then(|o| objects::dict(doc, o));
        let mut data = Vec::new();
        let contents = match objects::get(doc, dict.get(b"Contents").ok()) {
            Some(Object::Array(parts)) => parts.iter().collect(),
            Some(_) => dict.get(b"Contents").ok().into_iter().collect(),
            None => Vec::new(),
        };
        for part in contents {
            if let Some(bytes) = objects::stream_data(doc, part, &mut self.budget) {
                data.extend(bytes);
                data.push(b'\n');
            }
        }
        let state = State {
            ctm: Matrix::IDENTITY,
            clip: None,
            clip_rect: None,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            hscale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut run = Run {
            page: &mut page,
            state,
            stack: Vec::new(),
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            path: Vec::new(),
            clip_pending: false,
        };
        self.content(&data, resources, &mut run, &mut Vec::new());
        page
    }

    /// Runs one content stream; `forms` are the form XObjects being run,
    /// outermost first, so that a form that draws itself is skipped.
    fn content(
        &mut self,
        data: &[u8],
        resources: Option<&'d Dictionary>,
        run: &mut Run,
        forms: &mut Vec<ObjectId>,
    ) {
        let mut fonts: HashMap<Vec<u8>, Option<Rc<Font>>> = HashMap::new();
        for op in &super::lexer::operations(data) {
            if self.glyphs > MAX_GLYPHS {
                return;
            }
            let nums: Vec<f64> = op
                .operands
                .iter()
                .filter_map(|o| objects::number(self.doc, o))
                .collect();
            match op.operator {
                "Do" => {
                    if let Some(Object::Name(name)) = op.operands.first() {
                        self.xobject(name, resources, run, forms);
                    }
                }
                "Tf" => {
                    if let Some(Object::Name(name)) = op.operands.first() {
                        let font = fonts
                            .entry(name.clone())
                            .or_insert_with(|| self.font(resources, name))
                            .clone();
                        run.state.font = font;
                    }
                    if let Some(size) = nums.first() {
                        run.state.size = *size;
                    }
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator == "'" || op.operator == "\"" {
                        if let [tw, tc, ..] = nums.as_slice() {
                            run.state.word_spacing = *tw;
                            run.state.char_spacing = *tc;
                        }
                        run.next_line();
                    }
                    self.show(&op.operands, run);
                }
                other => run.operator(other, &nums),
            }
        }
    }

    fn show(&mut self, operands: &[Object], run: &mut Run) {
        let Some(font) = run.state.font.clone() else {
            return;
        };
        for operand in operands {
            match operand {
                Object::String(bytes, _) => {
                    for glyph in font.glyphs(bytes) {
                        self.glyphs += 1;
                        run.glyph(&font, glyph);
                    }
                }
                Object::Array(items) => self.show(items, run),
                Object::Integer(_) | Object::Real(_) => {
                    let n = objects::number(self.doc, operand).unwrap_or(0.0);
                    let tx = -n / 1000.0 * run.state.size * run.state.hscale;
                    run.advance(&font, tx);
                }
                _ => {}
            }
        }
    }

    fn font(&mut self, resources: Option<&'d Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let doc = self.doc;
        let fonts = objects::get(doc, resources?.get(b"Font").ok())?;
        let entry = objects::dict(doc, fonts)?.get(name).ok()?;
        let id = entry.as_reference().ok();
        if let Some(font) = id.and_then(|id| self.fonts.get(&id)) {
            return Some(font.clone());
        }
        let font = Rc::new(Font::load(
            doc,
            objects::dict(doc, entry)?,
            &mut self.budget,
        ));
        if let Some(id) = id {
            self.fonts.insert(id, font.clone());
        }
        Some(font)
    }

    fn xobject(
        &mut self,
        name: &[u8],
        resources: Option<&'d Dictionary>,
        run: &mut Run,
        forms: &mut Vec<ObjectId>,
    ) {
        let doc = self.doc;
        let Some(entry) = resources
            .and_then(|r| objects::get(doc, r.get(b"XObject").ok()))
            .and_then(|x| objects::dict(doc, x))
            .and_then(|x| x.get(name).ok())
        else {
            return;
        };
        let Some(Object::Stream(stream)) = objects::get(doc, Some(entry)) else {
            return;
        };
        match objects::name(doc, stream.dict.get(b"Subtype").ok()).as_deref() {
            Some(b"Image") => run.page.images += 1,
            Some(b"Form") => {
                let id = entry.as_reference().ok();
                if forms.len() >= MAX_FORM_DEPTH || id.is_some_and(|id| forms.contains(&id)) {
                    return;
                }
                let Some(data) = objects::stream_data(doc, entry, &mut self.budget) else {
                    return;
                };
                let matrix = objects::array(doc, stream.dict.get(b"Matrix").ok())
                    .map(|a| {
                        let n: Vec<f64> =
                            a.iter().filter_map(|o| objects::number(doc, o)).collect();
                        n
                    })
                    .and_then(|n| Matrix::from_operands(&n))
                    .unwrap_or(Matrix::IDENTITY);
                let inner = objects::get(doc, stream.dict.get(b"Resources").ok())
                    .and_then(|r| objects::dict(doc, r))
                    .or(resources);
                let saved = (run.state.clone(), run.tm, run.tlm, run.stack.len());
                run.state.ctm = matrix.then(run.state.ctm);
                forms.push(id.unwrap_or((0, 0)));
                self.content(&data, inner, run, forms);
                forms.pop();
                (run.state, run.tm, run.tlm) = (saved.0, saved.1, saved.2);
                run.stack.truncate(saved.3);
            }
            _ => {}
        }
    }
}

/// A page attribute, from the page or the nearest ancestor that has it.
fn inherited<'d>(doc: &'d Document, page: &'d Dictionary, key: &[u8]) -> Option<&'d Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(value) = node.get(key) {
            return Some(value);
        }
        node = objects::dict(doc, node.get(b"Parent").ok()?)?;
    }
    None
}

impl Run<'_> {
    fn operator(&mut self, op: &str, n: &[f64]) {
        let s = &mut self.state;
        match (op, n) {
            ("q", _) if self.stack.len() < MAX_STATE_DEPTH => self.stack.push(s.clone()),
            ("Q", _) => {
                if let Some(saved) = self.stack.pop() {
                    *s = saved;
                }
            }
            ("cm", _) => {
                if let Some(m) = Matrix::from_operands(n) {
                    s.ctm = m.then(s.ctm);
                }
            }
            ("BT", _) => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            ("Tc", [v, ..]) => s.char_spacing = *v,
            ("Tw", [v, ..]) => s.word_spacing = *v,
            ("Tz", [v, ..]) => s.hscale = v / 100.0,
            ("TL", [v, ..]) => s.leading = *v,
            ("Ts", [v, ..]) => s.rise = *v,
            ("Td", [x, y, ..]) => self.move_line(*x, *y),
            ("TD", [x, y, ..]) => {
                s.leading = -y;
                self.move_line(*x, *y);
            }
            ("Tm", _) => {
                if let Some(m) = Matrix::from_operands(n) {
                    self.tm = m;
                    self.tlm = m;
                }
            }
            ("T*", _) => self.next_line(),
            ("m" | "l", [x, y, ..]) => self.point(*x, *y),
            ("c", [.., x, y]) | ("v" | "y", [_, _, x, y]) => self.point(*x, *y),
            ("re", [x, y, w, h, ..]) => {
                self.point(*x, *y);
                self.point(x + w, y + h);
            }
            ("W" | "W*", _) => self.clip_pending = true,
            ("n" | "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*", _) => {
                if self.clip_pending {
                    self.clip();
                }
                self.path.clear();
                self.clip_pending = false;
            }
            _ => {}
        }
    }

    fn point(&mut self, x: f64, y: f64) {
        if self.path.len() < 1 << 16 {
            self.path.push(self.state.ctm.apply(x, y));
        }
    }

    /// The path ends as a clip: a cell's box, unless it is about the
    /// whole page.
    fn clip(&mut self) {
        let Some(rect) = Rect::around(&self.path) else {
            return;
        };
        let rect = match self.state.clip_rect {
            Some(outer) => rect.intersect(outer),
            None => rect,
        };
        self.state.clip_rect = Some(rect);
        let page_sized =
            rect.width() > 0.8 * self.page.width && rect.height() > 0.5 * self.page.height;
        if page_sized {
            self.state.clip = None;
        } else if self.page.clips.len() < 1 << 16 {
            self.page.clips.push(rect);
            self.state.clip = Some(self.page.clips.len() - 1);
        }
    }

    fn move_line(&mut self, x: f64, y: f64) {
        self.tlm = Matrix::translate(x, y).then(self.tlm);
        self.tm = self.tlm;
    }

    fn next_line(&mut self) {
        let leading = self.state.leading;
        self.move_line(0.0, -leading);
    }

    fn glyph(&mut self, font: &Font, glyph: super::font::Glyph) {
        let s = &self.state;
        let render = Matrix([s.size * s.hscale, 0.0, 0.0, s.size, 0.0, s.rise])
            .then(self.tm)
            .then(s.ctm);
        let width = glyph.width * font.scale * s.size * s.hscale;
        let (x0, y) = render.apply(0.0, 0.0);
        let text_to_page = self.tm.then(s.ctm);
        let (x1, _) = text_to_page.apply(width, 0.0);
        let (_, top) = render.apply(0.0, 1.0);
        let size = (top - y).abs();
        if glyph.text.is_empty() {
            self.page.unmapped += 1;
        } else if size.is_finite() && x0.is_finite() && y.is_finite() {
            self.page.glyphs.push(Glyph {
                text: glyph.text,
                x0: x0.min(x1),
                x1: x0.max(x1),
                y,
                size,
                clip: s.clip,
            });
        }
        let mut advance = glyph.width * font.scale * s.size + s.char_spacing;
        if glyph.is_space_code {
            advance += s.word_spacing;
        }
        self.advance(font, advance * s.hscale);
    }

    fn advance(&mut self, font: &Font, amount: f64) {
        self.tm = if font.vertical {
            Matrix::translate(0.0, -amount).then(self.tm)
        } else {
            Matrix::translate(amount, 0.0).then(self.tm)
        };
    }
}
