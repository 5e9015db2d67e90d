//! Small accessors over lopdf's object tree that never fail loudly: a
//! missing key, a dangling reference or a wrong type is `None`, and
//! stream data is decompressed by us, within a byte budget.

use std::io::Read;

use flate2::read::{DeflateDecoder, ZlibDecoder};
use lopdf::{Dictionary, Document, Object};

use super::super::MAX_DECOMPRESSED;

/// What is left of the decompression allowance of one file.
#[derive(Debug)]
pub(crate) struct Budget {
    pub(crate) left: u64,
    /// Set when a stream was cut at the budget, so that the reader can
    /// refuse the file instead of returning part of it silently.
    pub(crate) exhausted: bool,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            left: MAX_DECOMPRESSED,
            exhausted: false,
        }
    }
}

/// `object`, following references (lopdf bounds the chain).
pub(crate) fn get<'a>(doc: &'a Document, object: Option<&'a Object>) -> Option<&'a Object> {
    doc.dereference(object?).ok().map(|(_, o)| o)
}

pub(crate) fn dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match get(doc, Some(object))? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub(crate) fn array<'a>(doc: &'a Document, object: Option<&'a Object>) -> Option<&'a [Object]> {
    match get(doc, object)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

pub(crate) fn name(doc: &Document, object: Option<&Object>) -> Option<Vec<u8>> {
    match get(doc, object)? {
        Object::Name(n) => Some(n.clone()),
        _ => None,
    }
}

pub(crate) fn number(doc: &Document, object: &Object) -> Option<f64> {
    match get(doc, Some(object))? {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) if r.is_finite() => Some(f64::from(*r)),
        _ => None,
    }
}

/// The decoded data of a stream object, or `None` when it is not a
/// stream, uses a filter bodo does not decode, or is broken beyond its
/// first bytes.
pub(crate) fn stream_data(doc: &Document, object: &Object, budget: &mut Budget) -> Option<Vec<u8>> {
    let Object::Stream(stream) = get(doc, Some(object))? else {
        return None;
    };
    let filters: Vec<Vec<u8>> = match get(doc, stream.dict.get(b"Filter").ok()) {
        None => Vec::new(),
        Some(Object::Name(n)) => vec![n.clone()],
        Some(Object::Array(a)) => a.iter().filter_map(|o| name(doc, Some(o))).collect(),
        Some(_) => return None,
    };
    let mut data = stream.content.clone();
    for filter in filters {
        data = match filter.as_slice() {
            b"FlateDecode" | b"Fl" => inflate(&data, budget)?,
            b"ASCIIHexDecode" | b"AHx" => super::font::hex(data.split(|&b| b == b'>').next()?),
            b"ASCII85Decode" | b"A85" => ascii85(&data)?,
            _ => return None,
        };
    }
    Some(data)
}

/// zlib data, or raw deflate when the zlib header is broken; a stream
/// cut short keeps what was decoded, as PDF viewers do.
fn inflate(data: &[u8], budget: &mut Budget) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let limit = budget.left.saturating_add(1);
    let result = ZlibDecoder::new(data).take(limit).read_to_end(&mut out);
    if result.is_err() && out.is_empty() {
        out.clear();
        let _ = DeflateDecoder::new(data.get(2..)?)
            .take(limit)
            .read_to_end(&mut out);
    }
    let len = out.len() as u64;
    if len > budget.left {
        budget.exhausted = true;
        budget.left = 0;
        return None;
    }
    budget.left -= len;
    Some(out)
}

/// ASCII base-85 (`<~ … ~>` without the marks), `z` for four zeros.
fn ascii85(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() * 4 / 5);
    let mut group = [0u8; 5];
    let mut n = 0;
    for &b in data {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend([0; 4]),
            b'!'..=b'u' => {
                group[n] = b - b'!';
                n += 1;
                if n == 5 {
                    out.extend(value85(&group)?.to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for g in group.iter_mut().skip(n) {
            *g = 84;
        }
        out.extend(&value85(&group)?.to_be_bytes()[..n - 1]);
    }
    Some(out)
}

fn value85(group: &[u8; 5]) -> Option<u32> {
    group.iter().try_fold(0u32, |acc, &d| {
        acc.checked_mul(85)?.checked_add(u32::from(d))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii85_decodes() {
        assert_eq!(
            ascii85(b"87cURD]i,\"Ebo80~>").as_deref(),
            Some(&b"Hello World!"[..])
        );
        assert_eq!(ascii85(b"z~>").as_deref(), Some(&[0u8; 4][..]));
    }
}
