//! Stage 3: the recognisers, one module per kind of fact.
//!
//! Each is a pure function of the [`Analysis`]: it reads the segments,
//! words, phrases, fields and quotations there and returns its own facts;
//! none imports another or writes into another's output. The only data
//! that passes from one to another is declared in [`Facts::recognise`]:
//! a time range may have a date between its ends, the header's embargo
//! time is read among the times found, and venues leave out the spans of
//! dates and times. Joining facts (a quote's speaker
//! to a person, an event to its date) is the link step's work
//! ([`crate::link`]).

pub(crate) mod attendees;
pub(crate) mod commitments;
pub(crate) mod contacts;
pub(crate) mod dates;
pub(crate) mod events;
pub(crate) mod organizations;
pub(crate) mod people;
pub(crate) mod quotes;
pub(crate) mod times;
pub(crate) mod venues;

use crate::Span;
use crate::analysis::Analysis;
use crate::document::{
    Contact, DateMention, DurationMention, Header, Person, Snippet, TimeMention, Warning,
};

/// What the recognisers found, each field filled by one recogniser.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    pub(crate) header: Option<Header>,
    pub(crate) dates: Vec<DateMention>,
    pub(crate) durations: Vec<DurationMention>,
    pub(crate) times: Vec<TimeMention>,
    pub(crate) venues: Vec<Snippet>,
    pub(crate) contacts: Vec<Contact>,
    pub(crate) organizations: organizations::Found,
    pub(crate) people: Vec<Person>,
    pub(crate) attendees: Vec<attendees::Found>,
    pub(crate) events: Vec<events::Found>,
    pub(crate) quotes: Vec<quotes::Found>,
    pub(crate) commitments: Vec<commitments::Found>,
    /// Warnings of the recognisers (weekdays, impossible dates, counts).
    pub(crate) warnings: Vec<Warning>,
}

impl Facts {
    /// Runs every recogniser over the analysis.
    pub(crate) fn recognise(a: &Analysis<'_>) -> Facts {
        let dates::Dates {
            dates,
            durations,
            mut warnings,
        } = dates::recognise(a);
        let date_spans: Vec<Span> = dates.iter().map(|d| d.mention.span).collect();
        let times = times::recognise(a, &date_spans);
        let header = dates::header::recognise(a, &times);
        let when: Vec<Span> = dates
            .iter()
            .map(|d| d.mention.span)
            .chain(times.iter().map(|t| t.mention.span))
            .collect();
        let venues = venues::recognise(a, &when);
        let mut organizations = organizations::recognise(a);
        warnings.append(&mut organizations.warnings);
        Facts {
            header,
            dates,
            durations,
            times,
            venues,
            contacts: contacts::recognise(a),
            organizations,
            people: people::recognise(a),
            attendees: attendees::recognise(a),
            events: events::recognise(a),
            quotes: quotes::recognise(a),
            commitments: commitments::recognise(a),
            warnings,
        }
    }
}
