//! Reading release files into text: plain text in UTF-8, UTF-16 or CP949,
//! HWPX (zipped OWPML) and HWP 5.0 (OLE compound file).
//!
//! The format is told by the content, never by the file name: korea.kr
//! publishes HWP 5.0 binaries under `.hwpx` names. HWPX and HWP are laid
//! out as text the way the corpus was made: one paragraph per line in
//! reading order, a table of several cells as one line per row with cells
//! joined by ` | `, one-cell tables (boxes) and text boxes as their own
//! paragraphs, footnotes after their paragraph, page headers, footers and
//! empty paragraphs dropped, and style bullets written as their character.

mod hwp;
mod hwpx;
mod pdf;
mod text;

use std::io::Read;
use std::path::Path;

use crate::Error;

/// A release read from disk, as text ready for [`Extractor::extract`](crate::Extractor::extract).
///
/// Spans in the [`Document`](crate::Document) refer to `text`, the decoded
/// text, not to the bytes of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Input {
    /// The text that spans refer to.
    pub text: String,
    /// How the bytes were decoded: `utf-8`, `utf-8-sig` (UTF-8 after a
    /// byte-order mark, which is not part of `text`), `utf-16le`,
    /// `utf-16be` or `euc-kr` (the WHATWG name of CP949 / windows-949) for
    /// text files;
    /// `hwpx` or `hwp5` for word-processor files.
    pub encoding: &'static str,
}

/// Decompressed data larger than this is refused, so that a zip or zlib
/// bomb cannot exhaust memory. Real releases stay under a few megabytes.
pub(crate) const MAX_DECOMPRESSED: u64 = 64 << 20;

/// Inputs larger than this are refused: releases are a few hundred
/// kilobytes, even with their images.
pub(crate) const MAX_INPUT: u64 = 64 << 20;

/// Tables in text boxes in tables: deeper nesting than this is refused
/// rather than recursed into.
pub(crate) const MAX_NESTING: usize = 32;

/// Reads a release from a file.
///
/// # Example
///
/// ```
/// let input = bodo::read_path("fixtures/motie-2021-12-22-industry-dx-network.txt")?;
/// assert!(input.text.starts_with("산업 디지털 전환"));
/// assert_eq!(input.encoding, "utf-8");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_path(path: impl AsRef<Path>) -> Result<Input, Error> {
    let path = path.as_ref();
    let file = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_from(file, path)
}

/// Reads a release from a reader, such as standard input; `name` labels
/// errors. At most 64 MiB are read, so that `/dev/zero` or an endless
/// pipe gives an error instead of exhausting memory.
///
/// # Example
///
/// ```
/// let input = bodo::read_from("보도자료\n".as_bytes(), "-")?;
/// assert_eq!(input.text, "보도자료\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_from(reader: impl Read, name: impl AsRef<Path>) -> Result<Input, Error> {
    let name = name.as_ref();
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: name.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(Error::Format {
            path: name.to_path_buf(),
            message: format!("larger than {} MiB, not a release", MAX_INPUT >> 20),
        });
    }
    read_bytes(&bytes, name)
}

/// Reads a release from bytes already in memory; `name` only labels
/// errors (use `-` for standard input).
///
/// # Example
///
/// ```
/// // CP949 (EUC-KR) bytes of "보도자료"
/// let input = bodo::read_bytes(&[0xba, 0xb8, 0xb5, 0xb5, 0xc0, 0xda, 0xb7, 0xe1], "-")?;
/// assert_eq!(input.text, "보도자료");
/// assert_eq!(input.encoding, "euc-kr");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_bytes(bytes: &[u8], name: impl AsRef<Path>) -> Result<Input, Error> {
    let name = name.as_ref();
    let format = |message: String| Error::Format {
        path: name.to_path_buf(),
        message,
    };
    let (text, encoding) = if bytes.starts_with(b"PK\x03\x04") {
        (hwpx::read(bytes).map_err(format)?, "hwpx")
    } else if bytes.starts_with(&hwp::OLE_MAGIC) {
        (hwp::read(bytes).map_err(format)?, "hwp5")
    } else if is_pdf(bytes) {
        (pdf::read(bytes).map_err(format)?, "pdf")
    } else {
        text::decode(bytes).map_err(format)?
    };
    Ok(Input { text, encoding })
}

/// `%PDF-` within the first kilobyte, where readers look for it.
fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// Lines of text being laid out from a word-processor document.
#[derive(Debug, Default)]
pub(crate) struct Lines {
    lines: Vec<String>,
}

impl Lines {
    /// Adds a paragraph. A line break inside it starts a new line;
    /// trailing whitespace goes, and blank lines are dropped, as in the
    /// corpus.
    pub(crate) fn push(&mut self, paragraph: String) {
        for line in paragraph.split('\n') {
            let line = line.trim_end();
            if !line.trim_start().is_empty() {
                self.lines.push(line.to_string());
            }
        }
    }

    /// Adds a table row, cells joined by ` | `; a row of blank cells is
    /// an empty paragraph and dropped, as in the corpus.
    pub(crate) fn push_row(&mut self, cells: &[String]) {
        if cells.iter().any(|c| !c.trim().is_empty()) {
            self.lines.push(cells.join(" | "));
        }
    }

    /// Adds every line of `other`.
    pub(crate) fn extend(&mut self, other: Lines) {
        self.lines.extend(other.lines);
    }

    /// The lines as the text of one table cell: each trimmed, and joined
    /// by spaces so that the row stays one line.
    pub(crate) fn cell(&self) -> String {
        let parts: Vec<&str> = self.lines.iter().map(|l| l.trim()).collect();
        parts.join(" ")
    }

    /// The text, one paragraph per line.
    pub(crate) fn into_text(self) -> String {
        let mut text = self.lines.join("\n");
        if !text.is_empty() {
            text.push('\n');
        }
        text
    }
}
