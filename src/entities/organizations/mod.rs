//! Recognises organizations (not written yet).

use super::Context;
use crate::document::Document;

/// Fills the document's organizations.
pub(crate) fn recognise(_cx: &Context<'_>, _doc: &mut Document) {}
