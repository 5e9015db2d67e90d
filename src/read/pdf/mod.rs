//! PDF: the text a release's pages draw, laid out as the HWPX reader lays
//! out the same release (see [`layout`]).
//!
//! lopdf parses the file (cross-reference tables and streams, object
//! streams, encryption with an empty user password, the page tree); the
//! rest is ours, so that every limit is in one place: the content-stream
//! lexer ([`lexer`]) and interpreter ([`content`]), fonts and their Unicode
//! maps ([`font`]), and stream decompression within a 64 MiB budget
//! ([`objects`]).

mod content;
mod font;
mod layout;
mod lexer;
mod objects;

use std::cell::Cell;
use std::collections::HashSet;
use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};

use flate2::read::ZlibDecoder;
use lopdf::{Document, LoadOptions, Object};

use super::MAX_DECOMPRESSED;

/// Reads the text of a PDF file.
pub(crate) fn read(bytes: &[u8]) -> Result<String, String> {
    check_xref_streams(bytes)?;
    // lopdf is written for well-formed files; a panic on a damaged one
    // is turned into an error here rather than reaching the caller. Stack
    // depth is bounded inside lopdf (nesting limit 100) and in our own
    // interpreter, which recurses only into form XObjects.
    match catch_unwind(AssertUnwindSafe(|| read_unguarded(bytes))) {
        Ok(result) => result,
        Err(_) => Err("broken PDF (its structure could not be parsed)".into()),
    }
}

fn read_unguarded(bytes: &[u8]) -> Result<String, String> {
    OBJECT_STREAM_BUDGET.with(|b| b.set(MAX_DECOMPRESSED));
    let options = LoadOptions {
        filter: Some(limit_object_streams),
        ..LoadOptions::default()
    };
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(_) if has_encrypt_key(bytes) => {
            return Err("encrypted PDF (it needs a password)".into());
        }
        Err(err) => return Err(format!("broken PDF ({err})")),
    };
    if OBJECT_STREAM_BUDGET.with(Cell::get) == 0 {
        return Err(too_large());
    }
    if doc.is_encrypted() {
        return Err("encrypted PDF (it needs a password)".into());
    }
    let mut interpreter = content::Interpreter::new(&doc);
    let mut pages = Vec::new();
    let mut seen = HashSet::new();
    for id in doc.page_iter() {
        if seen.insert(id) {
            pages.push(interpreter.page(id));
        }
    }
    if interpreter.budget.exhausted {
        return Err(too_large());
    }
    if pages.is_empty() {
        return Err("a PDF without pages".into());
    }
    let glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    if glyphs == 0 {
        let images: usize = pages.iter().map(|p| p.images).sum();
        let unmapped: usize = pages.iter().map(|p| p.unmapped).sum();
        return Err(if unmapped > 0 {
            "a PDF whose fonts give no Unicode text (bodo cannot read their glyphs)".into()
        } else if images > 0 {
            "a PDF of images without text (scanned?); bodo does no OCR".into()
        } else {
            "a PDF without text".into()
        });
    }
    Ok(layout::text(&pages))
}

fn too_large() -> String {
    format!(
        "more than {} MiB decompressed (a zip bomb?)",
        MAX_DECOMPRESSED >> 20
    )
}

fn has_encrypt_key(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"/Encrypt")
}

thread_local! {
    /// What object streams may still decompress to while lopdf loads a
    /// file on this thread; lopdf itself decompresses without a limit.
    static OBJECT_STREAM_BUDGET: Cell<u64> = const { Cell::new(MAX_DECOMPRESSED) };
}

/// lopdf's load filter: an object stream that would decompress past
/// what is left of the budget is emptied before lopdf expands it.
fn limit_object_streams(id: (u32, u16), object: &mut Object) -> Option<((u32, u16), Object)> {
    if let Object::Stream(stream) = object {
        let is_object_stream = stream
            .dict
            .get(b"Type")
            .is_ok_and(|t| t.as_name().is_ok_and(|n| n == b"ObjStm"));
        if is_object_stream {
            let left = OBJECT_STREAM_BUDGET.with(Cell::get);
            match inflated_size(&stream.content, left) {
                Some(size) => OBJECT_STREAM_BUDGET.with(|b| b.set(left - size)),
                None => {
                    OBJECT_STREAM_BUDGET.with(|b| b.set(0));
                    stream.content.clear();
                }
            }
        }
    }
    // lopdf keeps `object` (as changed here) for objects at the top
    // level, and the returned copy for those inside object streams.
    Some((id, object.clone()))
}

/// How many bytes zlib `data` inflates to, or `None` past `limit`.
fn inflated_size(data: &[u8], limit: u64) -> Option<u64> {
    let mut decoder = ZlibDecoder::new(data).take(limit.saturating_add(1));
    let size = std::io::copy(&mut decoder, &mut std::io::sink()).unwrap_or(0);
    (size <= limit).then_some(size)
}

/// lopdf inflates cross-reference streams as it finds them, without a
/// limit: check every `/XRef` stream first (they are a few kilobytes in
/// real files).
fn check_xref_streams(bytes: &[u8]) -> Result<(), String> {
    let mut left = MAX_DECOMPRESSED;
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"/XRef") {
        at += found + 5;
        if bytes[at..].starts_with(b"Stm") {
            continue;
        }
        let window = &bytes[at..bytes.len().min(at + 4096)];
        let Some(stream) = find(window, b"stream") else {
            continue;
        };
        let mut data = &bytes[at + stream + 6..];
        while let [b'\r' | b'\n', rest @ ..] = data {
            data = rest;
        }
        let size = inflated_size(data, left).ok_or_else(too_large)?;
        left -= size;
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
