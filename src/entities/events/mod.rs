//! Recognises events: ceremonies, meetings, festivals and briefings that
//! take place, with their date, times, venue, hosts and attendees.
//!
//! Two sources feed one list. Sentences name an event where something
//! takes place (`간담회를 개최하였다`, `협약식을 갖고`, `…가 주최한
//! 「…페스티벌」에서`); event boxes and notes (`【 「…」 개요 】`,
//! `* 일시/장소 : …`, `▸ (일시 및 장소) …`) fill an event from their
//! fields. An event named twice is one event: the fields of a box fill
//! the event its sentence names.

mod fields;
mod mention;

use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::walk;
use crate::document::{BlockKind, Document, Event};

/// Fills the document's events.
pub(crate) fn recognise(cx: &Analysis<'_>, doc: &mut Document) {
    let mut events: Vec<Found> = Vec::new();
    let mut headlines: Vec<Found> = Vec::new();
    for block in walk(cx.blocks) {
        if matches!(block.kind, BlockKind::TableRow | BlockKind::Contact) {
            continue;
        }
        let headline = matches!(block.kind, BlockKind::Title | BlockKind::Subtitle);
        for span in crate::analysis::own_text(block) {
            for found in mention::mentions(cx, doc, span) {
                if headline {
                    headlines.push(found);
                } else {
                    add(&mut events, found);
                }
            }
        }
    }
    // A headline restates the body; its events count only when the body
    // names none.
    if events.is_empty() {
        for found in headlines {
            add(&mut events, found);
        }
    }
    for found in fields::groups(cx, doc, &events) {
        add(&mut events, found);
    }
    // A bare `회의` with neither date nor place says too little to be told
    // apart from any other meeting.
    events.retain(|f| {
        let e = &f.event;
        !(cx.lexicon.event_nouns.contains(&e.name) && e.date.is_none() && e.venue.is_none())
    });
    doc.events = events.into_iter().map(|f| f.event).collect();
}

/// An event as found, and whether it was read from fields.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) event: Event,
    /// Read from `일시`/`장소` fields, which are more exact than a
    /// sentence: their values win over the sentence's.
    pub(super) from_fields: bool,
}

/// The name without spaces or brackets, to tell whether two mentions
/// name one event.
pub(super) fn key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Adds `found`, or fills the event already found under the same name
/// (one name containing the other: `비상고용노동상황 점검회의` and
/// `제3차 비상고용노동상황점검회의`).
fn add(events: &mut Vec<Found>, found: Found) {
    let k = key(&found.event.name);
    let same = events.iter_mut().find(|e| {
        let other = key(&e.event.name);
        !k.is_empty() && (other.contains(&k) || k.contains(&other))
    });
    match same {
        // Fields win over a sentence, never over the fields read first.
        Some(e) if found.from_fields && !e.from_fields => {
            let mention = e.event.mention.clone();
            let name = e.event.name.clone();
            let old = std::mem::replace(&mut e.event, found.event);
            e.event.mention = mention;
            e.event.name = name;
            e.from_fields = true;
            fill(&mut e.event, old);
        }
        Some(e) => fill(&mut e.event, found.event),
        None => events.push(found),
    }
}

/// Fills the fields of `event` that are still empty from `more`.
fn fill(event: &mut Event, more: Event) {
    event.date = event.date.take().or(more.date);
    if event.start_time.is_none() {
        event.start_time = more.start_time;
        event.end_time = more.end_time;
    }
    event.venue = event.venue.take().or(more.venue);
    for host in more.hosts {
        if !event.hosts.contains(&host) {
            event.hosts.push(host);
        }
    }
    for attendee in more.attendees {
        if !event.attendees.contains(&attendee) {
            event.attendees.push(attendee);
        }
    }
}

/// An event named at `span`, with nothing else known yet.
pub(super) fn event(cx: &Analysis<'_>, span: Span, name: String) -> Event {
    Event {
        mention: cx.source.snippet(span),
        name,
        date: None,
        start_time: None,
        end_time: None,
        venue: None,
        hosts: Vec::new(),
        attendees: Vec::new(),
    }
}

/// Fills date, times and venue of `event` from the mentions found inside
/// `within` (the first of each, or the one closest before `near`).
pub(super) fn situate(doc: &Document, event: &mut Event, within: &[Span], near: usize) {
    let inside = |s: Span| within.iter().any(|w| w.contains(s));
    let pick = |spans: Vec<(Span, usize)>| -> Option<usize> {
        spans
            .iter()
            .filter(|(s, _)| s.start <= near)
            .max_by_key(|(s, _)| s.start)
            .or_else(|| spans.first())
            .map(|(_, i)| *i)
    };
    let dates: Vec<(Span, usize)> = doc
        .dates
        .iter()
        .enumerate()
        .filter(|(_, d)| d.date.is_some() && inside(d.mention.span))
        .map(|(i, d)| (d.mention.span, i))
        .collect();
    if event.date.is_none() {
        event.date = pick(dates)
            .and_then(|i| doc.dates.get(i))
            .and_then(|d| d.date.clone());
    }
    let times: Vec<(Span, usize)> = doc
        .times
        .iter()
        .enumerate()
        .filter(|(_, t)| inside(t.mention.span))
        .map(|(i, t)| (t.mention.span, i))
        .collect();
    if event.start_time.is_none() {
        if let Some(t) = pick(times).and_then(|i| doc.times.get(i)) {
            event.start_time = Some(t.start.clone());
            event.end_time = t.end.clone();
        }
    }
    if event.venue.is_none() {
        event.venue = doc
            .venues
            .iter()
            .find(|v| inside(v.span))
            .map(|v| v.text.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_spaces_and_brackets() {
        assert_eq!(
            key("「산업 디지털 전환 페스티벌」"),
            "산업디지털전환페스티벌"
        );
        assert_eq!(key("민-관 합동 전략회의"), "민관합동전략회의");
    }
}
