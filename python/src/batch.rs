//! `extract_many`: inputs taken from Python, then analysed on a pool of
//! threads with the GIL released.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// One input, copied out of Python so that threads can read it without
/// the GIL.
pub(crate) enum Job {
    /// The text of a release.
    Text(String),
    /// A file to read.
    Path(PathBuf),
    /// A file's contents, and the name that labels its errors.
    Bytes(Vec<u8>, String),
}

impl Job {
    /// `str` is text, `bytes` a file's contents, anything `os.fspath`
    /// takes a path.
    pub(crate) fn from_py(index: usize, item: &Bound<'_, PyAny>) -> PyResult<Job> {
        if let Ok(text) = item.cast::<PyString>() {
            return Ok(Job::Text(text.to_cow()?.into_owned()));
        }
        if let Ok(bytes) = item.cast::<PyBytes>() {
            return Ok(Job::Bytes(
                bytes.as_bytes().to_vec(),
                format!("<input {index}>"),
            ));
        }
        item.extract::<PathBuf>().map(Job::Path).map_err(|_| {
            let kind = item
                .get_type()
                .name()
                .map_or_else(|_| "?".into(), |n| n.to_string());
            PyTypeError::new_err(format!(
                "input {index}: expected str (a text), os.PathLike (a file) or bytes, not {kind}"
            ))
        })
    }

    /// Reads (when needed) and analyses the input.
    pub(crate) fn run(&self, extractor: &bodo::Extractor) -> Result<bodo::Document, bodo::Error> {
        match self {
            Job::Text(text) => Ok(extractor.extract(text)),
            Job::Path(path) => Ok(analyse(extractor, bodo::read_path(path)?)),
            Job::Bytes(bytes, name) => read_bytes(extractor, bytes, name),
        }
    }

    /// A guess of the work: the input's size in bytes.
    fn size(&self) -> u64 {
        match self {
            Job::Text(text) => text.len() as u64,
            Job::Path(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
            Job::Bytes(bytes, _) => bytes.len() as u64,
        }
    }
}

/// Reads a file's contents in memory, in any format bodo reads, and
/// analyses them.
pub(crate) fn read_bytes(
    extractor: &bodo::Extractor,
    bytes: &[u8],
    name: &str,
) -> Result<bodo::Document, bodo::Error> {
    Ok(analyse(extractor, bodo::read_bytes(bytes, name)?))
}

/// Analyses a file read: what the reader noticed (control characters
/// replaced …) comes first among the warnings, as in the example CLI.
fn analyse(extractor: &bodo::Extractor, input: bodo::Input) -> bodo::Document {
    let mut doc = extractor.extract(&input.text);
    doc.warnings.splice(0..0, input.warnings);
    doc
}

type Outcome = Result<bodo::Document, bodo::Error>;

/// Runs every job on up to `threads` threads sharing one queue, largest
/// input first (so that no thread is left with a long release at the
/// end), and returns the results in input order. The first input that
/// fails, in input order, is the error.
pub(crate) fn run(
    extractor: &bodo::Extractor,
    jobs: &[Job],
    threads: usize,
) -> PyResult<Vec<Outcome>> {
    let threads = threads.clamp(1, jobs.len().max(1));
    if threads == 1 {
        return Ok(jobs.iter().map(|job| job.run(extractor)).collect());
    }
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    let sizes: Vec<u64> = jobs.iter().map(Job::size).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, Outcome)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    while let Some(&at) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                        done.push((at, jobs[at].run(extractor)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut results: Vec<Option<Outcome>> = (0..jobs.len()).map(|_| None).collect();
    for (at, outcome) in done.into_iter().flatten() {
        results[at] = Some(outcome);
    }
    results
        .into_iter()
        .map(|r| r.ok_or_else(|| PyRuntimeError::new_err("bodo_ko: an input was not analysed")))
        .collect()
}
