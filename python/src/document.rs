//! Documents as read-only Python objects, built from their JSON form.
//!
//! A [`Document`] keeps the Rust [`bodo::Document`], so `to_json()` is the
//! library's own serde_json output, byte for byte. Attribute access goes
//! through the same JSON, one top-level field at a time (picked through
//! serde, loaded by `json.loads` on first use, never during extraction)
//! and viewed through [`Item`]s: objects become `Item`s, arrays tuples,
//! and ISO dates under a `date` or `*_date` key `datetime.date`s;
//! everything else is as in the JSON. Going through the serde form, not
//! through one Python class per Rust type, means that a field the library
//! adds appears here with no code change, under its JSON name.

use pyo3::exceptions::{PyAttributeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple, PyType};

use crate::fields;

/// One analysed release: read-only, with the JSON field names as attributes.
///
/// >>> doc = extractor.extract(text)
/// >>> doc.title.text, doc.dates[0].date, doc.people[0].name
///
/// `text[slice(*item.char_span)] == item.text` holds for every item with
/// `text` and `char_span` (`span` is in UTF-8 bytes). `to_json()` is the
/// JSON of the example extractor and `to_dict()` that JSON as plain dicts
/// and lists (dates as strings).
#[pyclass(frozen, module = "bodo_ko")]
pub struct Document {
    doc: bodo::Document,
    /// Fields already viewed. Each is built on first access from that
    /// field's JSON alone: reading `doc.people` does not convert `blocks`.
    views: Py<PyDict>,
}

impl Document {
    pub(crate) fn new(py: Python<'_>, doc: bodo::Document) -> Document {
        Document {
            doc,
            views: PyDict::new(py).unbind(),
        }
    }
}

#[pymethods]
impl Document {
    fn __getattr__(&self, py: Python<'_>, name: &Bound<'_, PyString>) -> PyResult<Py<PyAny>> {
        let views = self.views.bind(py);
        if let Some(value) = views.get_item(name)? {
            return Ok(value.unbind());
        }
        let json = fields::json(&self.doc, &name.to_cow()?).map_err(value_error)?;
        let Some(json) = json else {
            return Err(no_attribute("Document", name));
        };
        let value = view(py, name, json_loads(py, &json)?)?;
        views.set_item(name, &value)?;
        Ok(value.unbind())
    }

    fn __dir__(&self, py: Python<'_>) -> PyResult<Vec<Py<PyAny>>> {
        let names = fields::names(&self.doc).map_err(value_error)?;
        let methods = ["to_dict", "to_json", "from_json"];
        Ok(names
            .iter()
            .map(String::as_str)
            .chain(methods)
            .map(|n| PyString::new(py, n).into_any().unbind())
            .collect())
    }

    /// The JSON of the example extractor: pretty (indented by two spaces,
    /// as `extract FILE` prints one file, less the final newline) or
    /// compact (one line, as a JSON Lines record without `source` and
    /// `encoding`).
    #[pyo3(signature = (pretty = true))]
    fn to_json(&self, pretty: bool) -> PyResult<String> {
        if pretty {
            Ok(bodo::json::to_string_pretty(&self.doc))
        } else {
            compact(&self.doc)
        }
    }

    /// The JSON as new, plain Python dicts and lists, with dates as
    /// strings; yours to change.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &compact(&self.doc)?)
    }

    /// A Document from the JSON of `to_json()` or of the example extractor.
    /// Raises `ValueError` when the JSON is not a document.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &str) -> PyResult<Document> {
        serde_json::from_str(json)
            .map(|doc| Document::new(py, doc))
            .map_err(|e| PyValueError::new_err(format!("not a bodo document: {e}")))
    }

    /// Pickles as its JSON, so that documents travel between processes
    /// (Spark, Dask, multiprocessing).
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = py.get_type::<Document>().getattr("from_json")?;
        Ok((from_json, (compact(&self.doc)?,)))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Document>()
            .is_ok_and(|other| other.get().doc == self.doc)
    }

    fn __repr__(&self) -> String {
        let title = self.doc.title.as_ref().map_or("", |t| t.text.as_str());
        format!("<bodo_ko.Document {title:?}>")
    }
}

/// A read-only object of a Document's JSON (a title, a date, a person, a
/// block …): its fields are attributes, named as in the JSON.
///
/// Objects are `Item`s, lists are tuples, and dates (`date`, `end_date` …)
/// `datetime.date`; `to_dict()` gives the plain JSON form.
#[pyclass(frozen, module = "bodo_ko")]
pub struct Item {
    /// The JSON object as `json.loads` made it; never handed out, so
    /// never changed.
    raw: Py<PyDict>,
    /// Attribute values already viewed, so that `item.children is
    /// item.children` and repeated access costs a dict lookup.
    views: Py<PyDict>,
}

impl Item {
    fn wrap(py: Python<'_>, raw: Py<PyDict>) -> Item {
        Item {
            raw,
            views: PyDict::new(py).unbind(),
        }
    }

    fn lookup(&self, py: Python<'_>, name: &Bound<'_, PyString>) -> PyResult<Option<Py<PyAny>>> {
        let views = self.views.bind(py);
        if let Some(value) = views.get_item(name)? {
            return Ok(Some(value.unbind()));
        }
        let Some(raw) = self.raw.bind(py).get_item(name)? else {
            return Ok(None);
        };
        let value = view(py, name, raw)?;
        views.set_item(name, &value)?;
        Ok(Some(value.unbind()))
    }
}

#[pymethods]
impl Item {
    /// An Item over a copy of `fields` (a dict as `to_dict()` gives).
    #[new]
    fn new(py: Python<'_>, fields: &Bound<'_, PyDict>) -> PyResult<Item> {
        Ok(Item::wrap(
            py,
            deep_copy(py, fields.as_any())?
                .cast_into::<PyDict>()?
                .unbind(),
        ))
    }

    fn __getattr__(&self, py: Python<'_>, name: &Bound<'_, PyString>) -> PyResult<Py<PyAny>> {
        match self.lookup(py, name)? {
            Some(value) => Ok(value),
            None => Err(no_attribute("Item", name)),
        }
    }

    fn __dir__(&self, py: Python<'_>) -> Vec<Py<PyAny>> {
        let fields = self.raw.bind(py).keys().iter().map(Bound::unbind);
        let to_dict = PyString::new(py, "to_dict").into_any().unbind();
        fields.chain([to_dict]).collect()
    }

    /// The fields as a new, plain dict (lists, not tuples; dates as
    /// strings), as in the JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        deep_copy(py, self.raw.bind(py).as_any())
    }

    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyType>, (Bound<'py, PyAny>,))> {
        Ok((py.get_type::<Item>(), (self.to_dict(py)?,)))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match other.cast::<Item>() {
            Ok(other) => self.raw.bind(py).eq(other.get().raw.bind(py)),
            Err(_) => Ok(false),
        }
    }

    /// `Item(text='…', span=(0, 50), …)`, with the values attributes give.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut fields = Vec::new();
        for key in self.raw.bind(py).keys() {
            let key = key.cast_into::<PyString>()?;
            if let Some(value) = self.lookup(py, &key)? {
                fields.push(format!("{key}={}", value.bind(py).repr()?));
            }
        }
        Ok(format!("Item({})", fields.join(", ")))
    }
}

/// The Python view of one JSON value found under `key`.
fn view<'py>(
    py: Python<'py>,
    key: &Bound<'py, PyString>,
    value: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(dict) = value.cast::<PyDict>() {
        return Ok(Bound::new(py, Item::wrap(py, dict.clone().unbind()))?.into_any());
    }
    if let Ok(list) = value.cast::<PyList>() {
        let items = list
            .iter()
            .map(|v| view(py, key, v))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(PyTuple::new(py, items)?.into_any());
    }
    if let Ok(text) = value.cast::<PyString>() {
        if is_date_key(&key.to_cow()?) {
            if let Some(date) = to_date(py, &text.to_cow()?)? {
                return Ok(date);
            }
        }
    }
    Ok(value)
}

/// Keys whose values are ISO dates: `date`, `end_date`, `start_date` …
fn is_date_key(key: &str) -> bool {
    key == "date" || key.ends_with("_date")
}

/// `YYYY-MM-DD` as a `datetime.date`; `None` for anything else, which
/// then stays a string (bodo gives no other form, but a view must not
/// fail over one).
fn to_date<'py>(py: Python<'py>, text: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return Ok(None);
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        text[..4].parse::<i32>(),
        text[5..7].parse::<u8>(),
        text[8..].parse::<u8>(),
    ) else {
        return Ok(None);
    };
    Ok(date_class(py)?.call1((year, month, day)).ok())
}

/// `datetime.date`, imported once.
pub(crate) fn date_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    DATE.import(py, "datetime", "date")
}

fn compact(doc: &bodo::Document) -> PyResult<String> {
    serde_json::to_string(doc).map_err(value_error)
}

fn value_error(err: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(err.to_string())
}

fn json_loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import("json")?.getattr("loads")?.unbind())
        })?
        .bind(py)
        .call1((json,))
}

/// A copy of plain JSON data (dicts, lists, scalars), new at every level.
fn deep_copy<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(dict) = value.cast::<PyDict>() {
        let copy = PyDict::new(py);
        for (key, value) in dict.iter() {
            copy.set_item(key, deep_copy(py, &value)?)?;
        }
        return Ok(copy.into_any());
    }
    if let Ok(list) = value.cast::<PyList>() {
        let items = list
            .iter()
            .map(|v| deep_copy(py, &v))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(PyList::new(py, items)?.into_any());
    }
    Ok(value.clone())
}

fn no_attribute(class: &str, name: &Bound<'_, PyString>) -> PyErr {
    PyAttributeError::new_err(format!("'{class}' object has no attribute '{name}'"))
}
