//! Reading release files into text.

use std::path::Path;

use crate::Error;

/// A release read from disk, as text ready for [`Extractor::extract`](crate::Extractor::extract).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Input {
    /// The text that spans refer to.
    pub text: String,
    /// How the bytes were decoded (`utf-8`).
    pub encoding: &'static str,
}

/// Reads a release from a file.
///
/// # Example
///
/// ```
/// let input = bodo::read_path("fixtures/motie-2021-12-22-industry-dx-network.txt")?;
/// assert!(input.text.starts_with("산업 디지털 전환"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_path(path: impl AsRef<Path>) -> Result<Input, Error> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|err| Error::Format {
        path: path.to_path_buf(),
        message: format!(
            "not UTF-8 text (invalid byte at offset {})",
            err.utf8_error().valid_up_to()
        ),
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Ok(Input {
        text,
        encoding: "utf-8",
    })
}
