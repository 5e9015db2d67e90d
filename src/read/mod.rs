//! Reading release files into text: plain text in UTF-8, UTF-16 or CP949
//! (Markdown included), HWPX (zipped OWPML), HWP 5.0 (OLE compound file),
//! PDF and HTML.
//!
//! The format is told by the content, never by the file name: korea.kr
//! publishes HWP 5.0 binaries under `.hwpx` names. HWPX and HWP are laid
//! out as text the way the corpus was made: one paragraph per line in
//! reading order, a table of several cells as one line per row with cells
//! joined by ` | `, one-cell tables (boxes) and text boxes as their own
//! paragraphs, footnotes after their paragraph, page headers, footers and
//! empty paragraphs dropped, and style bullets written as their character.
//! PDF and HTML are laid out the same way as far as their layout tells.

mod html;
mod hwp;
mod hwpx;
mod pdf;
mod text;

use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{Error, Warning};

/// A release read from disk, as text ready for [`Extractor::extract`](crate::Extractor::extract).
///
/// Spans in the [`Document`](crate::Document) refer to `text`, the decoded
/// text, not to the bytes of the file.
///
/// # Example
///
/// ```
/// use bodo::{Encoding, Format};
///
/// let input = bodo::read_bytes("# 보도자료\n\n| 구분 | 내용 |\n|---|---|\n".as_bytes(), "-")?;
/// assert_eq!(input.format, Format::Markdown);
/// assert_eq!(input.encoding, Encoding::Utf8);
/// assert_eq!(input.encoding.as_str(), "utf-8");
/// assert!(input.warnings.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Input {
    /// The text that spans refer to.
    pub text: String,
    /// What the file was.
    pub format: Format,
    /// How its bytes were decoded.
    pub encoding: Encoding,
    /// What was odd about the input and read anyway (kind `input`), such
    /// as control characters in text, replaced by spaces; spans refer to
    /// `text`.
    pub warnings: Vec<Warning>,
}

/// What kind of file an [`Input`] was; serialised in lower case
/// (`"pdf"`).
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_string(&bodo::Format::Hwpx)?, "\"hwpx\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// Plain text.
    Text,
    /// HWPX (OWPML in a zip).
    Hwpx,
    /// HWP 5.0 (an OLE compound file).
    Hwp,
    /// PDF.
    Pdf,
    /// HTML, a whole page or a body fragment.
    Html,
    /// Markdown, as document converters write it; read as text, with its
    /// syntax left to the structure pass.
    Markdown,
}

impl Format {
    /// The name as serialised: `text`, `hwpx`, `hwp`, `pdf`, `html` or
    /// `markdown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Hwpx => "hwpx",
            Format::Hwp => "hwp",
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Markdown => "markdown",
        }
    }
}

/// How the bytes of an [`Input`] were decoded, serialised as the names
/// Python's codecs use for text (`"utf-8"`, `"euc-kr"` …) and as the
/// container format for word-processor and PDF files.
///
/// # Example
///
/// ```
/// let input = bodo::read_bytes(b"\xef\xbb\xbf\xeb\xb3\xb4\xeb\x8f\x84", "-")?;
/// assert_eq!(input.text, "보도");
/// assert_eq!(input.encoding, bodo::Encoding::Utf8Sig);
/// assert_eq!(serde_json::to_string(&input.encoding)?, "\"utf-8-sig\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-8 after a byte-order mark, which is not part of the text.
    #[serde(rename = "utf-8-sig")]
    Utf8Sig,
    /// UTF-16 little-endian, after its byte-order mark.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16 big-endian, after its byte-order mark.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// CP949 / windows-949 (`euc-kr` is its WHATWG name), a superset of
    /// EUC-KR.
    #[serde(rename = "euc-kr")]
    EucKr,
    /// The text of an HWPX file (UTF-8 XML).
    #[serde(rename = "hwpx")]
    Hwpx,
    /// The text of an HWP 5.0 file (UTF-16 records).
    #[serde(rename = "hwp5")]
    Hwp5,
    /// The text of a PDF file (its fonts' Unicode maps).
    #[serde(rename = "pdf")]
    Pdf,
}

impl Encoding {
    /// The name as serialised: `utf-8`, `utf-8-sig`, `utf-16le`,
    /// `utf-16be`, `euc-kr`, `hwpx`, `hwp5` or `pdf`.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Sig => "utf-8-sig",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::EucKr => "euc-kr",
            Encoding::Hwpx => "hwpx",
            Encoding::Hwp5 => "hwp5",
            Encoding::Pdf => "pdf",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
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
/// assert_eq!(input.encoding, bodo::Encoding::Utf8);
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

/// Reads a release from bytes already in memory; `name` labels errors
/// (use `-` for standard input), and a `.md` or `.markdown` name marks
/// text as Markdown, which is otherwise told by its content (a `|---|`
/// table rule, an image `![…](…)`, a `#` heading on the first line).
///
/// Text with a few control characters (a stray NUL, form feeds aside) is
/// read with each replaced by spaces of the same byte length and a
/// warning of kind `input`; text made mostly of them, or bytes that no
/// supported encoding decodes, is refused as binary.
///
/// # Example
///
/// ```
/// // CP949 (EUC-KR) bytes of "보도자료"
/// let input = bodo::read_bytes(&[0xba, 0xb8, 0xb5, 0xb5, 0xc0, 0xda, 0xb7, 0xe1], "-")?;
/// assert_eq!(input.text, "보도자료");
/// assert_eq!(input.encoding, bodo::Encoding::EucKr);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_bytes(bytes: &[u8], name: impl AsRef<Path>) -> Result<Input, Error> {
    let name = name.as_ref();
    let format_error = |message: String| Error::Format {
        path: name.to_path_buf(),
        message,
    };
    let container = |text: String, format: Format, encoding: Encoding| Input {
        text,
        format,
        encoding,
        warnings: Vec::new(),
    };
    if bytes.starts_with(b"PK\x03\x04") {
        let text = hwpx::read(bytes).map_err(format_error)?;
        return Ok(container(text, Format::Hwpx, Encoding::Hwpx));
    }
    if bytes.starts_with(&hwp::OLE_MAGIC) {
        let text = hwp::read(bytes).map_err(format_error)?;
        return Ok(container(text, Format::Hwp, Encoding::Hwp5));
    }
    if is_pdf(bytes) {
        let text = pdf::read(bytes).map_err(format_error)?;
        return Ok(container(text, Format::Pdf, Encoding::Pdf));
    }
    let decoded = text::decode(bytes).map_err(format_error)?;
    if html::is_html(&decoded.text) {
        let text = html::read(&decoded.text).map_err(format_error)?;
        return Ok(container(text, Format::Html, decoded.encoding));
    }
    let markdown_name = name
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    let format = if markdown_name || text::is_markdown(&decoded.text) {
        Format::Markdown
    } else {
        Format::Text
    };
    Ok(Input {
        text: decoded.text,
        format,
        encoding: decoded.encoding,
        warnings: decoded.warnings,
    })
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
