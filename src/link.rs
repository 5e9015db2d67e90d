//! Stage 4: the link step. Joins the facts of the recognisers and builds
//! the [`Document`]:
//!
//! - people's affiliations get the canonical names of their organisations,
//!   and the issuer gets its head;
//! - an attendee item is the person or organisation named inside it;
//! - an event gets its date, times, venue and attendees from the places
//!   its recogniser found for them;
//! - a commitment without an actor of its own gets the speaker of its
//!   quotation or the issuer.

use crate::Span;
use crate::analysis::Analysis;
use crate::document::{
    Attendee, Commitment, Document, Event, Organization, Person, Quote, Snippet,
};
use crate::entities::Facts;
use crate::entities::attendees::Found as AttendeeFound;
use crate::entities::commitments::{Actor, Found as CommitmentFound};
use crate::entities::events::{Found as EventFound, Scope};

/// Fills `doc` (which holds the structure already) with the facts, joined.
pub(crate) fn assemble(a: &Analysis<'_>, facts: Facts, doc: &mut Document) {
    let Facts {
        header,
        dates,
        times,
        venues,
        contacts,
        organizations,
        people,
        attendees,
        events,
        quotes,
        commitments,
        warnings,
    } = facts;
    let orgs = organizations.organizations;
    let people = with_canonical_affiliations(people, &orgs);
    let mut issuer = organizations.issuer;
    if let Some(issuer) = issuer.as_mut() {
        issuer.head = people
            .iter()
            .find(|p| {
                p.affiliation.as_deref() == Some(issuer.name.as_str())
                    && p.title
                        .as_deref()
                        .is_some_and(|t| a.lexicon.is_head_title(t))
            })
            .cloned();
    }
    let attendees = resolve_attendees(a, &attendees, &people, &orgs);
    doc.header = header;
    doc.dates = dates;
    doc.times = times;
    doc.venues = venues;
    doc.contacts = contacts;
    doc.events = situate_events(a, events, doc, &attendees);
    let quotes: Vec<Quote> = quotes.into_iter().map(|q| q.quote).collect();
    doc.commitments = with_actors(commitments, &quotes, issuer.as_ref().map(|i| &i.name));
    doc.quotes = quotes;
    doc.attendees = attendees;
    doc.people = people;
    doc.organizations = orgs;
    doc.issuer = issuer;
    doc.warnings.extend(warnings);
}

/// The people with each affiliation under its organisation's canonical
/// name (`산업부` → `산업통상자원부`).
fn with_canonical_affiliations(mut people: Vec<Person>, orgs: &[Organization]) -> Vec<Person> {
    for p in &mut people {
        if let Some(a) = p.affiliation.as_mut()
            && let Some(name) = canonical(orgs, a)
        {
            *a = name.to_string();
        }
    }
    people
}

/// The canonical name of the organisation written `text`.
fn canonical<'o>(orgs: &'o [Organization], text: &str) -> Option<&'o str> {
    orgs.iter()
        .find(|o| o.name == text || o.aliases.iter().any(|a| a == text))
        .map(|o| o.name.as_str())
}

/// The attendees of the items and clauses found: for each, the person or
/// organisation named inside.
fn resolve_attendees(
    a: &Analysis<'_>,
    found: &[AttendeeFound],
    people: &[Person],
    orgs: &[Organization],
) -> Vec<Attendee> {
    let mut out = Vec::new();
    for f in found {
        match f {
            AttendeeFound::Item { span, group, title } => {
                out.push(attendee(
                    a,
                    people,
                    orgs,
                    *span,
                    group.clone(),
                    title.clone(),
                ));
            }
            AttendeeFound::Present { clause } => {
                let named: Vec<Span> = people
                    .iter()
                    .map(|p| p.mention.span)
                    .filter(|s| clause.contains(*s))
                    .collect();
                let orgs_inside = orgs
                    .iter()
                    .flat_map(|o| o.mentions.iter().map(|m| m.span))
                    .filter(|s| clause.contains(*s) && !named.iter().any(|p| p.contains(*s)));
                let spans: Vec<Span> = named.iter().copied().chain(orgs_inside).collect();
                for span in spans {
                    out.push(attendee(a, people, orgs, span, None, None));
                }
            }
        }
    }
    out.sort_by_key(|a| a.mention.span);
    out.dedup_by_key(|a| a.mention.span);
    out
}

/// One attendee from its item: the person found inside it, or a title with
/// its organisation, or an organisation.
fn attendee(
    a: &Analysis<'_>,
    people: &[Person],
    orgs: &[Organization],
    item: Span,
    group: Option<String>,
    trailing_title: Option<String>,
) -> Attendee {
    let person = people.iter().find(|p| item.contains(p.mention.span));
    let org = orgs
        .iter()
        .flat_map(|o| o.mentions.iter().map(move |m| (m.span, &o.name)))
        .filter(|(span, _)| item.contains(*span))
        .min_by_key(|(span, _)| *span)
        .map(|(_, name)| name.clone());
    Attendee {
        mention: a.source.snippet(item),
        group,
        name: person.map(|p| p.name.clone()),
        title: person.and_then(|p| p.title.clone()).or(trailing_title),
        organization: person.and_then(|p| p.affiliation.clone()).or(org),
    }
}

/// The events with their date, times, venue and attendees read from their
/// scopes, the first scope first; a bare `회의` with neither date nor place
/// says too little to be told apart from any other meeting, and is left
/// out.
fn situate_events(
    a: &Analysis<'_>,
    found: Vec<EventFound>,
    doc: &Document,
    attendees: &[Attendee],
) -> Vec<Event> {
    let mut out = Vec::new();
    for f in found {
        let mut event = f.event;
        for scope in &f.scopes {
            situate(doc, attendees, &mut event, scope);
        }
        let bare = a.lexicon.event_nouns.contains(&event.name);
        if !(bare && event.date.is_none() && event.venue.is_none()) {
            out.push(event);
        }
    }
    out
}

/// Fills what `event` still lacks from the dates, times, venues and
/// attendees inside `scope`: of several dates or times, the one closest
/// before `scope.near`, else the first.
fn situate(doc: &Document, attendees: &[Attendee], event: &mut Event, scope: &Scope) {
    let inside = |within: &[Span], s: Span| within.iter().any(|w| w.contains(s));
    let pick = |spans: Vec<(Span, usize)>| -> Option<usize> {
        spans
            .iter()
            .filter(|(s, _)| s.start <= scope.near)
            .max_by_key(|(s, _)| s.start)
            .or_else(|| spans.first())
            .map(|(_, i)| *i)
    };
    if event.date.is_none() {
        let dates: Vec<(Span, usize)> = doc
            .dates
            .iter()
            .enumerate()
            .filter(|(_, d)| d.date.is_some() && inside(&scope.when, d.mention.span))
            .map(|(i, d)| (d.mention.span, i))
            .collect();
        event.date = pick(dates)
            .and_then(|i| doc.dates.get(i))
            .and_then(|d| d.date.clone());
    }
    if event.start_time.is_none() {
        let times: Vec<(Span, usize)> = doc
            .times
            .iter()
            .enumerate()
            .filter(|(_, t)| inside(&scope.when, t.mention.span))
            .map(|(i, t)| (t.mention.span, i))
            .collect();
        if let Some(t) = pick(times).and_then(|i| doc.times.get(i)) {
            event.start_time = Some(t.start.clone());
            event.end_time = t.end.clone();
        }
    }
    if event.venue.is_none() {
        event.venue = doc
            .venues
            .iter()
            .find(|v: &&Snippet| inside(&scope.place, v.span))
            .map(|v| v.text.clone());
    }
    for at in attendees {
        if inside(&scope.attendees, at.mention.span) && !event.attendees.contains(&at.mention.text)
        {
            event.attendees.push(at.mention.text.clone());
        }
    }
}

/// The commitments with their actors named: the phrase the text gives, or
/// the speaker of the quotation they stand in, or the issuer.
fn with_actors(
    found: Vec<CommitmentFound>,
    quotes: &[Quote],
    issuer: Option<&String>,
) -> Vec<Commitment> {
    found
        .into_iter()
        .map(|f| {
            let mut c = f.commitment;
            c.actor = match f.actor {
                Some(Actor::Named(name)) => Some(name),
                Some(Actor::Issuer) => issuer.cloned(),
                Some(Actor::Speaker(i)) => quotes.get(i).and_then(|q| q.speaker.clone()),
                None => None,
            };
            c
        })
        .collect()
}
