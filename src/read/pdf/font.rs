//! PDF fonts, as far as text extraction needs them: how a string splits
//! into character codes, the Unicode text of each code (a `ToUnicode`
//! CMap, a predefined Korean CMap, or a simple font's encoding), and each
//! code's advance width.

use std::collections::HashMap;

use encoding_rs::{EUC_KR, UTF_16BE, WINDOWS_1252};
use lopdf::{Dictionary, Document, Object};

use super::objects::{self, Budget};

/// `ToUnicode` ranges wider than this are refused: a real CMap maps a
/// few thousand codes, and a range is looked up, never expanded, but a
/// hostile one could still map every code to a long string.
const MAX_RANGE_TARGET: usize = 64;

/// How the codes of a string are split.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Codes {
    /// Simple fonts: one byte per code.
    One,
    /// Type 0 fonts with `Identity-H` / `Identity-V` or a UCS-2 CMap.
    Two,
    /// Type 0 fonts with a CP949 CMap (`KSCms-UHC-H`, `KSC-EUC-H`): one
    /// byte below 0x81, two from a lead byte on.
    Cp949,
}

/// What the codes mean when there is no `ToUnicode` CMap.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fallback {
    /// Windows-1252, close enough to WinAnsi, Standard and MacRoman for
    /// the ASCII letters, digits and punctuation Latin fonts carry.
    Latin,
    /// The code is UTF-16BE (`UniKS-UCS2-H`, `UniKS-UTF16-H`).
    Utf16,
    /// The code is CP949 bytes.
    Cp949,
    /// No way to tell (an `Identity-H` font without `ToUnicode`).
    None,
}

/// A font as the text interpreter uses it.
#[derive(Debug)]
pub(crate) struct Font {
    codes: Codes,
    to_unicode: Option<CMap>,
    fallback: Fallback,
    /// `Differences` of a simple font: code → glyph name's text.
    differences: HashMap<u32, String>,
    widths: Widths,
    /// Glyph space → text space for the horizontal advance (1/1000 for
    /// every font type but Type 3, whose `FontMatrix` says).
    pub(crate) scale: f64,
    /// Vertical writing (`-V` CMaps): the advance goes down, not right.
    pub(crate) vertical: bool,
}

#[derive(Debug, Default)]
struct Widths {
    first: u32,
    list: Vec<f64>,
    /// Type 0 `W` ranges: (first code, last code, width).
    ranges: Vec<(u32, u32, f64)>,
    default: f64,
}

impl Widths {
    fn get(&self, code: u32) -> f64 {
        if let Some(w) = code
            .checked_sub(self.first)
            .and_then(|i| self.list.get(i as usize))
        {
            return *w;
        }
        self.ranges
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
            .map_or(self.default, |r| r.2)
    }
}

/// One code of a string: its text and its width in glyph units.
#[derive(Debug)]
pub(crate) struct Glyph {
    pub(crate) text: String,
    pub(crate) width: f64,
    /// A single-byte code 32: word spacing (`Tw`) applies.
    pub(crate) is_space_code: bool,
}

impl Font {
    /// Reads the font dictionary; anything unreadable falls back to
    /// two-byte or one-byte codes without text rather than failing.
    pub(crate) fn load(doc: &Document, dict: &Dictionary, budget: &mut Budget) -> Font {
        let subtype = objects::name(doc, dict.get(b"Subtype").ok());
        let encoding = dict.get(b"Encoding").ok();
        let encoding_name = objects::name(doc, encoding);
        let to_unicode = objects::get(doc, dict.get(b"ToUnicode").ok())
            .and_then(|o| objects::stream_data(doc, o, budget))
            .map(|data| CMap::parse(&data));
        let mut font = Font {
            codes: Codes::One,
            to_unicode,
            fallback: Fallback::Latin,
            differences: HashMap::new(),
            widths: Widths {
                default: 500.0,
                ..Widths::default()
            },
            scale: 0.001,
            vertical: false,
        };
        if subtype.as_deref() == Some(b"Type0") {
            font.type0(doc, dict, encoding_name.as_deref(), encoding, budget);
        } else {
            font.simple(doc, dict, encoding);
            if subtype.as_deref() == Some(b"Type3") {
                font.scale = objects::array(doc, dict.get(b"FontMatrix").ok())
                    .and_then(|m| m.first().and_then(|o| objects::number(doc, o)))
                    .filter(|s| s.is_finite() && *s != 0.0)
                    .unwrap_or(0.001);
            }
        }
        font
    }

    fn type0(
        &mut self,
        doc: &Document,
        dict: &Dictionary,
        encoding_name: Option<&[u8]>,
        encoding: Option<&Object>,
        budget: &mut Budget,
    ) {
        let name = encoding_name.unwrap_or(b"");
        self.vertical = name.ends_with(b"-V");
        (self.codes, self.fallback) = if name.starts_with(b"Identity") {
            (Codes::Two, Fallback::None)
        } else if name.starts_with(b"UniKS-UCS2") || name.starts_with(b"UniKS-UTF16") {
            (Codes::Two, Fallback::Utf16)
        } else if name.starts_with(b"KSC") {
            (Codes::Cp949, Fallback::Cp949)
        } else {
            // An embedded CMap stream: its code space decides.
            let cmap = objects::get(doc, encoding)
                .and_then(|o| objects::stream_data(doc, o, budget))
                .map(|data| CMap::parse(&data));
            let one = cmap.is_some_and(|c| c.one_byte_only());
            (if one { Codes::One } else { Codes::Two }, Fallback::None)
        };
        let descendant = objects::array(doc, dict.get(b"DescendantFonts").ok())
            .and_then(|a| a.first())
            .and_then(|o| objects::dict(doc, o));
        self.widths.default = 1000.0;
        if let Some(cid) = descendant {
            if let Some(dw) =
                objects::get(doc, cid.get(b"DW").ok()).and_then(|o| objects::number(doc, o))
            {
                self.widths.default = dw;
            }
            if let Some(w) = objects::array(doc, cid.get(b"W").ok()) {
                self.widths.ranges = cid_widths(doc, w);
            }
        }
    }

    fn simple(&mut self, doc: &Document, dict: &Dictionary, encoding: Option<&Object>) {
        self.widths.first = objects::get(doc, dict.get(b"FirstChar").ok())
            .and_then(|o| objects::number(doc, o))
            .filter(|n| (0.0..=255.0).contains(n))
            .map_or(0, |n| n as u32);
        if let Some(widths) = objects::array(doc, dict.get(b"Widths").ok()) {
            self.widths.list = widths
                .iter()
                .take(256)
                .map(|o| objects::number(doc, o).unwrap_or(0.0))
                .collect();
        }
        let descriptor =
            objects::get(doc, dict.get(b"FontDescriptor").ok()).and_then(|o| objects::dict(doc, o));
        if let Some(missing) = descriptor
            .and_then(|d| objects::get(doc, d.get(b"MissingWidth").ok()))
            .and_then(|o| objects::number(doc, o))
        {
            self.widths.default = missing;
        }
        let differences = objects::get(doc, encoding)
            .and_then(|o| objects::dict(doc, o))
            .and_then(|d| objects::array(doc, d.get(b"Differences").ok()));
        let mut code = 0u32;
        for item in differences.into_iter().flatten().take(1024) {
            match objects::get(doc, Some(item)) {
                Some(Object::Integer(n)) => code = (*n).clamp(0, 255) as u32,
                Some(Object::Name(name)) => {
                    if let Some(text) = glyph_name_text(name) {
                        self.differences.insert(code, text);
                    }
                    code = code.saturating_add(1);
                }
                _ => {}
            }
        }
    }

    /// Splits `bytes` into codes and decodes each.
    pub(crate) fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let len = match self.codes {
                Codes::One => 1,
                Codes::Two => 2,
                Codes::Cp949 if bytes[i] >= 0x81 => 2,
                Codes::Cp949 => 1,
            };
            let raw = &bytes[i..(i + len).min(bytes.len())];
            i += len;
            let code = raw.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
            out.push(Glyph {
                text: self.text(code, raw),
                width: self.widths.get(code),
                is_space_code: raw == [32],
            });
        }
        out
    }

    fn text(&self, code: u32, raw: &[u8]) -> String {
        if let Some(text) = self
            .to_unicode
            .as_ref()
            .and_then(|m| m.get(code, raw.len()))
        {
            return text;
        }
        if let Some(text) = self.differences.get(&code) {
            return text.clone();
        }
        match self.fallback {
            Fallback::Latin => WINDOWS_1252.decode_without_bom_handling(raw).0.into_owned(),
            Fallback::Utf16 => UTF_16BE.decode_without_bom_handling(raw).0.into_owned(),
            Fallback::Cp949 => EUC_KR.decode_without_bom_handling(raw).0.into_owned(),
            Fallback::None => String::new(),
        }
    }
}

/// `W`: `c [w1 w2 …]` gives consecutive codes from `c`, `c1 c2 w` gives
/// every code in `c1..=c2` the width `w`.
fn cid_widths(doc: &Document, w: &[Object]) -> Vec<(u32, u32, f64)> {
    let mut out = Vec::new();
    let mut i = 0;
    let code = |o: &Object| {
        objects::number(doc, o)
            .filter(|n| (0.0..=f64::from(u32::MAX)).contains(n))
            .map(|n| n as u32)
    };
    while i < w.len() && out.len() < 1 << 16 {
        let Some(first) = code(&w[i]) else { break };
        match w.get(i + 1).and_then(|o| objects::get(doc, Some(o))) {
            Some(Object::Array(list)) => {
                for (k, width) in list.iter().take(1 << 16).enumerate() {
                    let c = first.saturating_add(k as u32);
                    out.push((c, c, objects::number(doc, width).unwrap_or(0.0)));
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(width)) = (
                    code(last),
                    w.get(i + 2).and_then(|o| objects::number(doc, o)),
                ) else {
                    break;
                };
                out.push((first, last, width));
                i += 3;
            }
            None => break,
        }
    }
    out
}

/// The text of a glyph name from a `Differences` array: `uniXXXX`,
/// `uXXXX`, single letters and digits, and the common punctuation names.
fn glyph_name_text(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    let base = name.split('.').next().unwrap_or(name);
    if let Some(hex) = base.strip_prefix("uni") {
        let units: Option<Vec<u16>> = hex
            .as_bytes()
            .chunks(4)
            .map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
            .collect();
        return String::from_utf16(&units?).ok();
    }
    if let Some(hex) = base
        .strip_prefix('u')
        .filter(|h| (4..=6).contains(&h.len()))
    {
        if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
            return Some(c.to_string());
        }
    }
    if base.len() == 1 && base.is_ascii() {
        return Some(base.to_string());
    }
    const DIGITS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    if let Some(d) = DIGITS.iter().position(|d| *d == base) {
        return Some(d.to_string());
    }
    let c = match base {
        "space" | "nbspace" => ' ',
        "period" => '.',
        "comma" => ',',
        "colon" => ':',
        "semicolon" => ';',
        "hyphen" | "minus" => '-',
        "endash" => '–',
        "emdash" => '—',
        "parenleft" => '(',
        "parenright" => ')',
        "bracketleft" => '[',
        "bracketright" => ']',
        "slash" => '/',
        "percent" => '%',
        "ampersand" => '&',
        "quotesingle" | "quoteright" => '\'',
        "quotedbl" => '"',
        "quoteleft" => '‘',
        "quotedblleft" => '“',
        "quotedblright" => '”',
        "bullet" => '•',
        "asterisk" => '*',
        "at" => '@',
        "numbersign" => '#',
        "plus" => '+',
        "equal" => '=',
        "question" => '?',
        "exclam" => '!',
        "underscore" => '_',
        "tilde" | "asciitilde" => '~',
        _ => return None,
    };
    Some(c.to_string())
}

/// A `ToUnicode` (or encoding) CMap: `bfchar` and `bfrange` mappings and
/// the code space, kept as ranges and looked up, never expanded.
#[derive(Debug, Default)]
pub(crate) struct CMap {
    chars: HashMap<(usize, u32), String>,
    /// (code length, first, last, target): the last UTF-16 unit of the
    /// target counts up through the range.
    ranges: Vec<(usize, u32, u32, Vec<u16>)>,
    /// (code length, first, last, one target per code).
    arrays: Vec<(usize, u32, u32, Vec<String>)>,
    code_lengths: Vec<usize>,
}

#[derive(Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Word(String),
    Open,
    Close,
}

impl CMap {
    pub(crate) fn parse(data: &[u8]) -> CMap {
        let tokens = tokens(data);
        let mut cmap = CMap::default();
        let mut i = 0;
        let mut section = "";
        while i < tokens.len() {
            match &tokens[i] {
                Token::Word(w) if w.starts_with("begin") => {
                    section = match w.as_str() {
                        "beginbfchar" => "char",
                        "beginbfrange" => "range",
                        "begincodespacerange" => "space",
                        _ => "",
                    };
                    i += 1;
                }
                Token::Word(_) => {
                    section = "";
                    i += 1;
                }
                _ => i += cmap.entry(section, &tokens[i..]),
            }
        }
        cmap
    }

    /// Reads one entry of `section` at the start of `tokens` and returns
    /// how many tokens it used (at least one).
    fn entry(&mut self, section: &str, tokens: &[Token]) -> usize {
        match (section, tokens) {
            ("char", [Token::Hex(code), Token::Hex(dst), ..]) => {
                if let Some(c) = code_value(code) {
                    self.chars.insert((code.len(), c), utf16_text(dst));
                }
                2
            }
            ("space", [Token::Hex(lo), Token::Hex(_), ..]) => {
                self.code_lengths.push(lo.len());
                2
            }
            ("range", [Token::Hex(lo), Token::Hex(hi), Token::Hex(dst), ..]) => {
                if let (Some(a), Some(b)) = (code_value(lo), code_value(hi)) {
                    let units = utf16_units(dst);
                    if a <= b && !units.is_empty() && units.len() <= MAX_RANGE_TARGET {
                        self.ranges.push((lo.len(), a, b, units));
                    }
                }
                3
            }
            ("range", [Token::Hex(lo), Token::Hex(hi), Token::Open, rest @ ..]) => {
                let end = rest
                    .iter()
                    .position(|t| *t == Token::Close)
                    .unwrap_or(rest.len());
                let targets = rest[..end]
                    .iter()
                    .filter_map(|t| match t {
                        Token::Hex(h) => Some(utf16_text(h)),
                        _ => None,
                    })
                    .collect();
                if let (Some(a), Some(b)) = (code_value(lo), code_value(hi)) {
                    if a <= b {
                        self.arrays.push((lo.len(), a, b, targets));
                    }
                }
                3 + end + 1
            }
            _ => 1,
        }
    }

    fn get(&self, code: u32, len: usize) -> Option<String> {
        if let Some(text) = self.chars.get(&(len, code)) {
            return Some(text.clone());
        }
        for (l, lo, hi, target) in &self.ranges {
            if *l == len && (*lo..=*hi).contains(&code) {
                let mut units = target.clone();
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add((code - lo) as u16);
                }
                return Some(String::from_utf16_lossy(&units));
            }
        }
        self.arrays
            .iter()
            .find(|(l, lo, hi, _)| *l == len && (*lo..=*hi).contains(&code))
            .and_then(|(_, lo, _, targets)| targets.get((code - lo) as usize).cloned())
    }

    fn one_byte_only(&self) -> bool {
        !self.code_lengths.is_empty() && self.code_lengths.iter().all(|l| *l == 1)
    }
}

fn code_value(bytes: &[u8]) -> Option<u32> {
    (1..=4)
        .contains(&bytes.len())
        .then(|| bytes.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b)))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
        .collect()
}

fn utf16_text(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&utf16_units(bytes))
}

/// The tokens of a CMap that matter: hex strings, words, and array
/// brackets; literal strings, names' slashes, comments and dictionaries
/// are skipped over.
fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' => i += 1,
            b'<' => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + p);
                out.push(Token::Hex(hex(&data[i + 1..end])));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => i = skip_literal(data, i),
            b if b.is_ascii_whitespace() || b == b'/' => i += 1,
            _ => {
                let start = i;
                while i < data.len() && !b"<>[]()/% \t\r\n\x0c\0".contains(&data[i]) {
                    i += 1;
                }
                out.push(Token::Word(
                    String::from_utf8_lossy(&data[start..i]).into_owned(),
                ));
            }
        }
    }
    out
}

/// The end of a literal string `( … )` starting at `start`, with nested
/// parentheses and backslash escapes.
fn skip_literal(data: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < data.len() {
        match data[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    data.len()
}

/// Hex digits to bytes; other characters (whitespace) are skipped, and
/// an odd last digit counts as followed by 0.
pub(crate) fn hex(digits: &[u8]) -> Vec<u8> {
    let values: Vec<u8> = digits
        .iter()
        .filter_map(|&d| (d as char).to_digit(16).map(|v| v as u8))
        .collect();
    values
        .chunks(2)
        .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmap_chars_ranges_and_arrays() {
        let cmap = CMap::parse(
            b"/CIDInit /ProcSet findresource begin 1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0004> <BCF4> endbfchar
2 beginbfrange <0010> <0012> <AC00> <0020> <0021> [<0041> <00420043>] endbfrange end",
        );
        assert_eq!(cmap.get(3, 2).as_deref(), Some(" "));
        assert_eq!(cmap.get(4, 2).as_deref(), Some("보"));
        assert_eq!(cmap.get(0x12, 2).as_deref(), Some("갂"));
        assert_eq!(cmap.get(0x21, 2).as_deref(), Some("BC"));
        assert_eq!(cmap.get(0x13, 2), None);
        assert_eq!(cmap.get(3, 1), None);
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_text(b"uniAC00").as_deref(), Some("가"));
        assert_eq!(glyph_name_text(b"seven").as_deref(), Some("7"));
        assert_eq!(glyph_name_text(b"A.sc").as_deref(), Some("A"));
        assert_eq!(glyph_name_text(b"g123"), None);
    }
}
