//! Pass 2: recognisers that find facts inside the blocks of pass 1.
//!
//! Each entity kind has its own module with one entry point,
//! `fn recognise(cx: &Analysis<'_>, doc: &mut Document)`, which reads the
//! block tree (and the fields filled by recognisers that ran before it) and
//! fills its own fields of the [`Document`]. They run in the order of
//! [`RECOGNISERS`]: later ones may use what earlier ones found.

use crate::analysis::Analysis;
use crate::document::Document;

pub(crate) mod attendees;
pub(crate) mod commitments;
pub(crate) mod contacts;
pub(crate) mod dates;
pub(crate) mod events;
pub(crate) mod header;
pub(crate) mod organizations;
pub(crate) mod people;
pub(crate) mod quotes;
pub(crate) mod times;
pub(crate) mod venues;

/// A recogniser: reads the context, fills its fields of the document.
pub(crate) type Recogniser = fn(&Analysis<'_>, &mut Document);

/// The recognisers, in the order they run.
pub(crate) const RECOGNISERS: &[Recogniser] = &[
    header::recognise,
    dates::recognise,
    times::recognise,
    venues::recognise,
    contacts::recognise,
    organizations::recognise,
    people::recognise,
    attendees::recognise,
    events::recognise,
    quotes::recognise,
    commitments::recognise,
];
