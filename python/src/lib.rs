//! `bodo_ko`: the Python face of bodo, built with PyO3 and maturin.
//!
//! The Rust library does the work; this crate only moves data across:
//! text in (with the GIL released while bodo runs), and the serde form of
//! each [`bodo::Document`] out, as read-only Python objects whose
//! attributes are the JSON field names. Nothing here names a field of the
//! output (bar the rule that `date` fields become `datetime.date`), so
//! fields added to the library reach Python without a change here; the
//! type stubs in `bodo_ko.pyi` are checked against the JSON by a test.

mod batch;
mod document;
mod errors;
mod extractor;
mod fields;

use pyo3::prelude::*;

/// Analyses Korean government press releases (보도자료): the document
/// structure and the facts in it (dates, times, venues, people,
/// organisations, events, commitments, quotes, contacts), each with its
/// exact span in the text.
///
/// >>> import bodo_ko
/// >>> extractor = bodo_ko.Extractor()
/// >>> doc = extractor.extract("산업 디지털 전환에 산업계 참여 확산\n□ 산업부는 12월 22일(수) 협력을 밝혔다.")
/// >>> doc.title.text
/// '산업 디지털 전환에 산업계 참여 확산'
#[pymodule]
mod bodo_ko {
    #[pymodule_export]
    use crate::document::{Document, Item};
    #[pymodule_export]
    use crate::errors::{DictionaryError, FormatError};
    #[pymodule_export]
    use crate::extractor::{Extractor, Input, read_file};

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("SCHEMA_VERSION", bodo::SCHEMA_VERSION)?;
        Ok(())
    }
}
