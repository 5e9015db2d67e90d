//! The one error type of the crate.

use std::path::PathBuf;

/// What went wrong while setting bodo up (loading the dictionary, giving
/// it a date) or reading an input file.
///
/// Extraction itself never fails: odd text gives fewer items and
/// `warnings` in the [`Document`](crate::Document). Errors come only from
/// setup (loading the dictionary, checking a [`Date`](crate::Date)) and from
/// reading files.
///
/// # Example
///
/// ```
/// let err = bodo::read_path("no/such/release.hwpx").unwrap_err();
/// assert!(err.to_string().starts_with("no/such/release.hwpx: "));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The morphological dictionary could not be loaded.
    #[error("cannot load the ko-dic dictionary{}: {message}", location(.path))]
    Dictionary {
        /// The dictionary directory, when it was loaded from disk.
        path: Option<PathBuf>,
        /// What lindera reported.
        message: String,
    },
    /// A date that is not a day of the calendar (`2026-13-45`), or text
    /// that is not `YYYY-MM-DD`, given as a [`Date`](crate::Date).
    ///
    /// ```
    /// let err = "2026-02-30".parse::<bodo::Date>().unwrap_err();
    /// assert!(matches!(err, bodo::Error::Date { .. }));
    /// assert_eq!(err.to_string(), r#"invalid date "2026-02-30": 2026-02 has days 1 to 28"#);
    /// ```
    #[error("invalid date {input:?}: {message}")]
    Date {
        /// The date as given.
        input: String,
        /// What is wrong with it.
        message: String,
    },
    /// An input file could not be read from disk.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// An input file was read but its contents are not a release bodo can
    /// read: bytes in no supported encoding, binary data, a zip that is
    /// not HWPX, a broken, truncated or encrypted HWP, data that would
    /// decompress past the size limit.
    ///
    /// ```
    /// let err = bodo::read_bytes(b"PK\x03\x04 not really a zip", "a.hwpx").unwrap_err();
    /// assert!(matches!(err, bodo::Error::Format { .. }));
    /// assert!(err.to_string().starts_with("a.hwpx: broken zip archive"));
    /// ```
    #[error("{}: {message}", .path.display())]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where (byte offset, part name) when known.
        message: String,
    },
}

fn location(path: &Option<PathBuf>) -> String {
    match path {
        Some(path) => format!(" from {}", path.display()),
        None => String::new(),
    }
}
