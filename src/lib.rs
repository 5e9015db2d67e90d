//! bodo (보도, "press report") turns Korean government press releases
//! (보도자료) into typed, serde-serialisable data with exact spans.

mod document;
mod entities;
mod error;
mod extractor;
mod morph;
mod read;
mod source;
mod span;
mod structure;

pub use document::*;
pub use error::Error;
pub use extractor::{Extractor, Options};
pub use read::{Input, read_bytes, read_from, read_path};
pub use span::Span;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
