//! Recognises header (not written yet).

use super::Context;
use crate::document::Document;

/// Fills the document's header.
pub(crate) fn recognise(_cx: &Context<'_>, _doc: &mut Document) {}
