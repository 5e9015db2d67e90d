//! bodo's errors as the Python exceptions a Python user already catches.

use std::io::ErrorKind;

use pyo3::exceptions::{
    PyFileNotFoundError, PyIsADirectoryError, PyOSError, PyPermissionError, PyRuntimeError,
    PyValueError,
};
use pyo3::prelude::*;

pyo3::create_exception!(
    bodo_ko,
    FormatError,
    PyValueError,
    "A file was read but is not a release bodo can read: bytes in no supported \
     encoding, binary data, a zip that is not HWPX, a broken, truncated or \
     encrypted HWP, or data past the 64 MiB limit."
);

pyo3::create_exception!(
    bodo_ko,
    DictionaryError,
    PyOSError,
    "The ko-dic dictionary given as `dictionary=` could not be loaded."
);

/// The Python exception for a bodo error, with bodo's message. I/O errors
/// become the `OSError` subclass Python itself would raise
/// (`FileNotFoundError` …) with `errno` set, so that `except
/// FileNotFoundError` works as with `open`.
pub(crate) fn to_py_err(py: Python<'_>, err: bodo::Error) -> PyErr {
    let message = err.to_string();
    match err {
        bodo::Error::Io { source, .. } => {
            let exception = match source.kind() {
                ErrorKind::NotFound => PyFileNotFoundError::new_err(message),
                ErrorKind::PermissionDenied => PyPermissionError::new_err(message),
                ErrorKind::IsADirectory => PyIsADirectoryError::new_err(message),
                _ => PyOSError::new_err(message),
            };
            // `errno` as `open` sets it; not `filename`, which would make
            // Python print its own message instead of bodo's.
            let _ = exception.value(py).setattr("errno", source.raw_os_error());
            exception
        }
        bodo::Error::Format { .. } => FormatError::new_err(message),
        bodo::Error::Dictionary { .. } => DictionaryError::new_err(message),
        _ => PyRuntimeError::new_err(message),
    }
}
