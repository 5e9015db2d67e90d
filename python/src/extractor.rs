//! `Extractor`: one loaded dictionary, shared by every call and thread;
//! `read_file` and its `Input`.

use std::borrow::Cow;
use std::path::PathBuf;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};

use crate::batch::{self, Job};
use crate::document::{Document, date_class};
use crate::errors::to_py_err;

/// Analyses releases. Build one (loading the dictionary takes about a
/// tenth of a second) and share it: it is thread-safe, and every method
/// releases the GIL while bodo works.
///
/// `reference_date` (a `datetime.date` or `"YYYY-MM-DD"`) is the day to
/// infer missing years from when a release has no dated header or
/// explicit dates; `dictionary` is the directory of a compiled ko-dic to
/// load instead of the embedded one.
///
/// An Extractor pickles as its options and is rebuilt on unpickling, so it
/// can be shipped to Spark, Dask or Ray workers.
#[pyclass(frozen, module = "bodo_ko")]
pub struct Extractor {
    inner: bodo::Extractor,
    reference_date: Option<(i32, u32, u32)>,
    dictionary: Option<PathBuf>,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (reference_date = None, dictionary = None))]
    fn new(
        py: Python<'_>,
        reference_date: Option<&Bound<'_, PyAny>>,
        dictionary: Option<PathBuf>,
    ) -> PyResult<Extractor> {
        let reference_date = reference_date.map(year_month_day).transpose()?;
        let mut options = bodo::Options::new();
        if let Some((y, m, d)) = reference_date {
            let date = bodo::Date::new(y, m, d).map_err(|err| to_py_err(py, err))?;
            options = options.reference_date(date);
        }
        let inner = py
            .detach(|| match &dictionary {
                Some(path) => bodo::Extractor::with_dictionary(path, options),
                None => bodo::Extractor::with_options(options),
            })
            .map_err(|err| to_py_err(py, err))?;
        Ok(Extractor {
            inner,
            reference_date,
            dictionary,
        })
    }

    /// The `reference_date` given, as a `datetime.date`, or `None`.
    #[getter]
    fn reference_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.reference_date
            .map(|(y, m, d)| date_class(py)?.call1((y, m, d)))
            .transpose()
    }

    /// The `dictionary` directory given, or `None` for the embedded one.
    #[getter]
    fn dictionary(&self) -> Option<String> {
        self.dictionary.as_ref().map(|p| p.display().to_string())
    }

    /// Analyses the text of one release. Never fails: odd text gives
    /// fewer items and `warnings`.
    fn extract(&self, py: Python<'_>, text: String) -> Document {
        Document::new(py, py.detach(|| self.inner.extract(&text)))
    }

    /// Reads a release file (UTF-8, UTF-16, CP949 text, HWPX, HWP 5.0,
    /// PDF, HTML or Markdown, told by the content) and analyses it; the
    /// reader's warnings come first among the document's. Raises `FileNotFoundError`
    /// (or another `OSError`) when it cannot be read, `FormatError` when
    /// it is no release bodo can read.
    fn extract_file(&self, py: Python<'_>, path: PathBuf) -> PyResult<Document> {
        let job = Job::Path(path);
        let doc = py.detach(|| job.run(&self.inner));
        doc.map(|doc| Document::new(py, doc))
            .map_err(|err| to_py_err(py, err))
    }

    /// Analyses a release file's contents already in memory (any format
    /// `extract_file` reads); `name` labels errors.
    #[pyo3(signature = (data, name = "-"))]
    fn extract_bytes(&self, py: Python<'_>, data: Cow<'_, [u8]>, name: &str) -> PyResult<Document> {
        let doc = py.detach(|| batch::read_bytes(&self.inner, &data, name));
        doc.map(|doc| Document::new(py, doc))
            .map_err(|err| to_py_err(py, err))
    }

    /// Analyses many releases in parallel on `threads` threads (default:
    /// all cores) with the GIL released, and returns their documents in
    /// input order. Each input is a `str` (the text itself), an
    /// `os.PathLike` such as `pathlib.Path` (a file, read as by
    /// `extract_file`) or `bytes` (a file's contents). The first input
    /// that cannot be read raises, as `extract_file` would.
    #[pyo3(signature = (texts_or_paths, threads = None))]
    fn extract_many(
        &self,
        py: Python<'_>,
        texts_or_paths: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Document>> {
        let jobs = texts_or_paths
            .try_iter()?
            .enumerate()
            .map(|(index, item)| Job::from_py(index, &item?))
            .collect::<PyResult<Vec<_>>>()?;
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let results = py.detach(|| batch::run(&self.inner, &jobs, threads))?;
        results
            .into_iter()
            .map(|result| {
                result
                    .map(|doc| Document::new(py, doc))
                    .map_err(|err| to_py_err(py, err))
            })
            .collect()
    }

    /// Rebuilt from its options on unpickling: the dictionary is embedded
    /// (or named by path), so nothing else needs to travel.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let args = (self.reference_date(py)?, self.dictionary()).into_pyobject(py)?;
        Ok((py.get_type::<Extractor>(), args))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let date = match self.reference_date(py)? {
            Some(date) => date.repr()?.to_string(),
            None => "None".into(),
        };
        let dictionary = match self.dictionary() {
            Some(path) => PyString::new(py, &path).repr()?.to_string(),
            None => "None".into(),
        };
        Ok(format!(
            "Extractor(reference_date={date}, dictionary={dictionary})"
        ))
    }
}

/// A release file read as text, before analysis: what spans refer to.
#[pyclass(frozen, module = "bodo_ko")]
pub struct Input {
    /// The decoded text; `Document` spans are offsets into it.
    #[pyo3(get)]
    text: String,
    /// How the bytes were decoded (`utf-8`, `utf-8-sig`, `utf-16le`,
    /// `utf-16be`, `euc-kr` …), as the CLI's `encoding` field says it.
    #[pyo3(get)]
    encoding: String,
    /// What the file was (`text`, `hwpx`, `hwp5`, `pdf` …), as the CLI's
    /// `format` field says it.
    #[pyo3(get)]
    format: String,
}

#[pymethods]
impl Input {
    fn __repr__(&self) -> String {
        format!(
            "Input(format={:?}, encoding={:?}, text=<{} chars>)",
            self.format,
            self.encoding,
            self.text.chars().count()
        )
    }
}

/// Reads a release file as `extract_file` does and returns its text and
/// how it was decoded, for slicing with an item's `char_span`.
#[pyfunction]
pub fn read_file(py: Python<'_>, path: PathBuf) -> PyResult<Input> {
    let input = py
        .detach(|| bodo::read_path(&path))
        .map_err(|err| to_py_err(py, err))?;
    Ok(Input {
        text: input.text,
        encoding: input.encoding.as_str().to_string(),
        format: input.format.as_str().to_string(),
    })
}

/// A `datetime.date` (or `datetime`) or an ISO `YYYY-MM-DD` string, as
/// year, month and day.
fn year_month_day(value: &Bound<'_, PyAny>) -> PyResult<(i32, u32, u32)> {
    let py = value.py();
    let date = if value.is_instance_of::<PyString>() {
        date_class(py)?
            .call_method1("fromisoformat", (value,))
            .map_err(|_| {
                PyValueError::new_err(format!(
                    "reference_date must be a day as YYYY-MM-DD, not {value}"
                ))
            })?
    } else if value.is_instance(date_class(py)?)? {
        value.clone()
    } else {
        return Err(PyTypeError::new_err(format!(
            "reference_date must be a datetime.date or a YYYY-MM-DD string, not {}",
            value.get_type().name()?
        )));
    };
    Ok((
        date.getattr("year")?.extract()?,
        date.getattr("month")?.extract()?,
        date.getattr("day")?.extract()?,
    ))
}
