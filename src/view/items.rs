//! The one place that reads the facts of a [`Document`] for the view.
//!
//! Every other part of the view sees only [`Section`]s and [`Fact`]s: the
//! marks in the text, the tables of the side panel and the counts of the
//! index all come from here. When an output type changes (one entry per
//! person with its `mentions`, ids that link facts, a warning kind as an
//! enum), the adapter of that kind below is all that needs to follow.

use crate::{
    Attendee, Commitment, Contact, DateMention, Document, Event, Organization, Person, Quote,
    Snippet, Span, TimeMention, Warning,
};

/// What a mark in the text stands for. The order is the nesting order of
/// marks with the same span: earlier kinds enclose later ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    Warning,
    Commitment,
    Quote,
    Event,
    Attendee,
    Contact,
    Person,
    Organization,
    Venue,
    Date,
    Time,
}

impl Kind {
    /// Every kind, in the order of the legend and the side panel.
    pub(crate) const ALL: [Kind; 11] = [
        Kind::Person,
        Kind::Organization,
        Kind::Date,
        Kind::Time,
        Kind::Venue,
        Kind::Event,
        Kind::Attendee,
        Kind::Commitment,
        Kind::Quote,
        Kind::Contact,
        Kind::Warning,
    ];

    /// The CSS class and the prefix of element ids.
    pub(crate) fn class(self) -> &'static str {
        match self {
            Kind::Warning => "warning",
            Kind::Commitment => "commitment",
            Kind::Quote => "quote",
            Kind::Event => "event",
            Kind::Attendee => "attendee",
            Kind::Contact => "contact",
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Venue => "venue",
            Kind::Date => "date",
            Kind::Time => "time",
        }
    }

    /// The name of the field of [`Document`] that holds the kind.
    pub(crate) fn field(self) -> &'static str {
        match self {
            Kind::Warning => "warnings",
            Kind::Commitment => "commitments",
            Kind::Quote => "quotes",
            Kind::Event => "events",
            Kind::Attendee => "attendees",
            Kind::Contact => "contacts",
            Kind::Person => "people",
            Kind::Organization => "organizations",
            Kind::Venue => "venues",
            Kind::Date => "dates",
            Kind::Time => "times",
        }
    }
}

/// One extracted item: where it is mentioned, what a mark shows on hover,
/// and its row in the side panel.
#[derive(Debug, Clone)]
pub(crate) struct Fact {
    /// Byte spans of its mentions, first mention first.
    pub(crate) mentions: Vec<Span>,
    /// The normalised value, shown on hover.
    pub(crate) tip: String,
    /// One value per column of its section.
    pub(crate) cells: Vec<String>,
}

/// All items of one kind.
#[derive(Debug, Clone)]
pub(crate) struct Section {
    pub(crate) kind: Kind,
    /// Column headers of the side panel's table.
    pub(crate) columns: &'static [&'static str],
    pub(crate) facts: Vec<Fact>,
}

/// The facts of `doc`, one section per kind in [`Kind::ALL`] order.
pub(crate) fn sections(doc: &Document) -> Vec<Section> {
    Kind::ALL
        .iter()
        .map(|&kind| {
            let (columns, facts) = match kind {
                Kind::Person => (PERSON, doc.people.iter().map(person).collect()),
                Kind::Organization => (ORG, doc.organizations.iter().map(org).collect()),
                Kind::Date => (DATE, doc.dates.iter().map(date).collect()),
                Kind::Time => (TIME, doc.times.iter().map(time).collect()),
                Kind::Venue => (VENUE, doc.venues.iter().map(venue).collect()),
                Kind::Event => (EVENT, doc.events.iter().map(event).collect()),
                Kind::Attendee => (ATTENDEE, doc.attendees.iter().map(attendee).collect()),
                Kind::Commitment => (COMMITMENT, doc.commitments.iter().map(commitment).collect()),
                Kind::Quote => (QUOTE, doc.quotes.iter().map(quote).collect()),
                Kind::Contact => (CONTACT, doc.contacts.iter().map(contact).collect()),
                Kind::Warning => (WARNING, doc.warnings.iter().map(warning).collect()),
            };
            Section {
                kind,
                columns,
                facts,
            }
        })
        .collect()
}

/// The release's title, issuer and header as label and value rows.
pub(crate) fn overview(doc: &Document) -> Vec<(&'static str, String)> {
    let mut rows = Vec::new();
    if let Some(title) = &doc.title {
        rows.push(("title", title.text.clone()));
    }
    if let Some(issuer) = &doc.issuer {
        rows.push(("issuer", with_alias(&issuer.name, issuer.alias.as_deref())));
        if let Some(head) = &issuer.head {
            rows.push(("head", join(&[Some(&head.name), head.title.as_ref()])));
        }
    }
    if let Some(header) = &doc.header {
        if let Some(embargo) = &header.embargo {
            let value = [&embargo.date, &embargo.time, &embargo.note];
            let value = join(&value.map(Option::as_ref));
            rows.push(("embargo", or_text(value, &embargo.mention)));
        }
        if let Some(distributed) = &header.distributed {
            let value = distributed.date.clone().unwrap_or_default();
            rows.push(("distributed", or_text(value, &distributed.mention)));
        }
    }
    rows
}

const PERSON: &[&str] = &["name", "title", "affiliation", "mentions"];

fn person(p: &Person) -> Fact {
    let mut mentions: Vec<Span> = p.mentions.iter().map(|m| m.span).collect();
    if mentions.is_empty() {
        mentions.push(p.mention.span);
    }
    Fact {
        tip: join(&[Some(&p.name), p.title.as_ref(), p.affiliation.as_ref()]),
        cells: vec![
            p.name.clone(),
            opt(&p.title),
            opt(&p.affiliation),
            mentions.len().to_string(),
        ],
        mentions,
    }
}

const ORG: &[&str] = &["name", "aliases", "mentions"];

fn org(o: &Organization) -> Fact {
    Fact {
        mentions: o.mentions.iter().map(|m| m.span).collect(),
        tip: with_alias(&o.name, Some(&o.aliases.join(", "))),
        cells: vec![
            o.name.clone(),
            o.aliases.join(", "),
            o.mentions.len().to_string(),
        ],
    }
}

const DATE: &[&str] = &["as written", "date", "weekday", "year from"];

fn date(d: &DateMention) -> Fact {
    let value = match (&d.date, &d.end_date) {
        (Some(start), Some(end)) => format!("{start} – {end}"),
        (date, _) => opt(date),
    };
    let year = match d.year_source {
        crate::YearSource::Explicit => "explicit",
        crate::YearSource::Document => "document",
        crate::YearSource::Reference => "reference",
        crate::YearSource::Unknown => "unknown",
    };
    Fact {
        mentions: vec![d.mention.span],
        tip: match &d.weekday {
            Some(weekday) => format!("{value} ({weekday})"),
            None => value.clone(),
        },
        cells: vec![d.mention.text.clone(), value, opt(&d.weekday), year.into()],
    }
}

const TIME: &[&str] = &["as written", "start", "end"];

fn time(t: &TimeMention) -> Fact {
    Fact {
        mentions: vec![t.mention.span],
        tip: time_range(Some(&t.start), t.end.as_ref()),
        cells: vec![t.mention.text.clone(), t.start.clone(), opt(&t.end)],
    }
}

const VENUE: &[&str] = &["venue"];

fn venue(v: &Snippet) -> Fact {
    Fact {
        mentions: vec![v.span],
        tip: v.text.clone(),
        cells: vec![v.text.clone()],
    }
}

const EVENT: &[&str] = &["name", "date", "time", "venue", "hosts", "attendees"];

fn event(e: &Event) -> Fact {
    let time = time_range(e.start_time.as_ref(), e.end_time.as_ref());
    let when = join(&[e.date.as_ref(), Some(&time)]);
    Fact {
        mentions: vec![e.mention.span],
        tip: join(&[Some(&e.name), Some(&when), e.venue.as_ref()]),
        cells: vec![
            e.name.clone(),
            opt(&e.date),
            time,
            opt(&e.venue),
            e.hosts.join(", "),
            e.attendees.join(", "),
        ],
    }
}

const ATTENDEE: &[&str] = &["group", "name", "title", "organization"];

fn attendee(a: &Attendee) -> Fact {
    let group = a.group.as_ref().map(|g| format!("({g})"));
    Fact {
        mentions: vec![a.mention.span],
        tip: join(&[
            group.as_ref(),
            a.name.as_ref(),
            a.title.as_ref(),
            a.organization.as_ref(),
        ]),
        cells: vec![
            opt(&a.group),
            opt(&a.name),
            opt(&a.title),
            opt(&a.organization),
        ],
    }
}

const COMMITMENT: &[&str] = &["actor", "no.", "commitment"];

fn commitment(c: &Commitment) -> Fact {
    let index = c.index.map(|i| i.to_string());
    Fact {
        mentions: vec![c.mention.span],
        tip: join(&[
            c.actor.as_ref().map(|a| format!("by {a}")).as_ref(),
            index.as_ref().map(|i| format!("no. {i}")).as_ref(),
        ]),
        cells: vec![opt(&c.actor), opt(&index), c.mention.text.clone()],
    }
}

const QUOTE: &[&str] = &["speaker", "quote"];

fn quote(q: &Quote) -> Fact {
    Fact {
        mentions: vec![q.mention.span],
        tip: format!("said by {}", q.speaker.as_deref().unwrap_or("?")),
        cells: vec![opt(&q.speaker), q.mention.text.clone()],
    }
}

const CONTACT: &[&str] = &["department", "name", "title", "phone", "email"];

fn contact(c: &Contact) -> Fact {
    Fact {
        mentions: vec![c.mention.span],
        tip: join(&[
            c.department.as_ref(),
            c.name.as_ref(),
            c.title.as_ref(),
            c.phone.as_ref(),
            c.email.as_ref(),
        ]),
        cells: vec![
            opt(&c.department),
            opt(&c.name),
            opt(&c.title),
            opt(&c.phone),
            opt(&c.email),
        ],
    }
}

const WARNING: &[&str] = &["kind", "message"];

fn warning(w: &Warning) -> Fact {
    Fact {
        mentions: vec![w.span],
        tip: format!("{}: {}", w.kind, w.message),
        cells: vec![w.kind.to_string(), w.message.clone()],
    }
}

/// The present parts joined by ` · `.
fn join<S: AsRef<str>>(parts: &[Option<S>]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .flatten()
        .map(AsRef::as_ref)
        .filter(|s| !s.is_empty())
        .collect();
    parts.join(" · ")
}

fn opt<S: AsRef<str>>(value: &Option<S>) -> String {
    value.as_ref().map_or("", AsRef::as_ref).to_string()
}

fn with_alias(name: &str, alias: Option<&str>) -> String {
    match alias {
        Some(alias) if !alias.is_empty() => format!("{name} ({alias})"),
        _ => name.to_string(),
    }
}

fn time_range(start: Option<&String>, end: Option<&String>) -> String {
    match (start, end) {
        (Some(start), Some(end)) => format!("{start}–{end}"),
        (Some(start), None) => start.clone(),
        (None, Some(end)) => format!("–{end}"),
        (None, None) => String::new(),
    }
}

fn or_text(value: String, mention: &Snippet) -> String {
    if value.is_empty() {
        mention.text.clone()
    } else {
        value
    }
}
