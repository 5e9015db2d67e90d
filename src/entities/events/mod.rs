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
use crate::document::{BlockKind, Event};

/// The document's events, each with the places in the text that say
/// when, where and with whom it takes place (the link step reads them).
pub(crate) fn recognise(cx: &Analysis<'_>) -> Vec<Found> {
    let mut events: Vec<Found> = Vec::new();
    let mut headlines: Vec<Found> = Vec::new();
    for block in walk(cx.blocks) {
        if matches!(block.kind, BlockKind::TableRow | BlockKind::Contact) {
            continue;
        }
        let headline = matches!(block.kind, BlockKind::Title | BlockKind::Subtitle);
        for span in crate::analysis::own_text(block) {
            for found in mention::mentions(cx, span) {
                if headline {
                    headlines.push(found);
                } else {
                    add(&mut events, found);
                }
            }
        }
    }
    // A headline restates the body: its events give a fuller name to the
    // body's event (`‘…’ 토론회` for the body's `토론회`), and count on
    // their own when the body names them otherwise or not at all
    // (`생명대사 위촉식·토크콘서트 진행` under a body that names the
    // 발대식 only).
    for found in headlines {
        let restated = events
            .iter()
            .any(|e| same_head(cx, &e.event.name, &found.event.name));
        match events
            .iter_mut()
            .find(|e| same_event(&e.event.name, &found.event.name))
        {
            None if restated => {}
            Some(e) => {
                if fuller(&found.event.name, &e.event.name) {
                    e.event.name = found.event.name;
                }
            }
            None => add(&mut events, found),
        }
    }
    for found in fields::groups(cx, &events) {
        add(&mut events, found);
    }
    events
}

/// An event as found: its name and hosts, and where the text says when,
/// where and with whom it takes place.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The event with its name and hosts; date, times, venue and
    /// attendees are left to the link step.
    pub(crate) event: Event,
    /// Read from `일시`/`장소` fields, which are more exact than a
    /// sentence: their values win over the sentence's.
    pub(crate) from_fields: bool,
    /// Where to read its date, time, venue and attendees, first first.
    pub(crate) scopes: Vec<Scope>,
}

/// Where the text says when, where and with whom an event takes place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Scope {
    /// Where its date and time are written.
    pub(crate) when: Vec<Span>,
    /// Of several dates or times, the one closest before this offset is
    /// its own (the first when none is before it).
    pub(crate) near: usize,
    /// Where its venue is written.
    pub(crate) place: Vec<Span>,
    /// Where its attendees are listed.
    pub(crate) attendees: Vec<Span>,
}

/// The name without spaces or brackets, to tell whether two mentions
/// name one event.
pub(super) fn key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Adds `found`, or fills the event already found under the same name
/// (see [`same_event`]); the fuller name of the two is kept.
fn add(events: &mut Vec<Found>, found: Found) {
    let same = events
        .iter_mut()
        .find(|e| same_event(&e.event.name, &found.event.name));
    match same {
        // Fields win over a sentence, never over the fields read first.
        Some(e) if found.from_fields && !e.from_fields => {
            let mention = e.event.mention.clone();
            let name = e.event.name.clone();
            let old = std::mem::replace(&mut e.event, found.event);
            if !fuller(&e.event.name, &name) {
                e.event.mention = mention;
                e.event.name = name;
            }
            e.from_fields = true;
            let scopes = std::mem::replace(&mut e.scopes, found.scopes);
            e.scopes.extend(scopes);
            fill(&mut e.event, old);
        }
        Some(e) => {
            if fuller(&found.event.name, &e.event.name) {
                e.event.name = found.event.name.clone();
                e.event.mention = found.event.mention.clone();
            }
            fill(&mut e.event, found.event);
            e.scopes.extend(found.scopes);
        }
        None => events.push(found),
    }
}

/// `2026`, `2026년`, `4월`: a word that dates a name; `제5차`, `5차`: a
/// round, which a headline may write elsewhere in the name (`… 협의체
/// 제5차 전체회의` for `제5차 … 협의체 전체회의`).
fn is_date_word(word: &str) -> bool {
    let digits = word.trim_end_matches(['년', '월']);
    let round = word
        .strip_prefix('제')
        .unwrap_or(word)
        .strip_suffix(['차', '회']);
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
        || round.is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
}

/// Whether `a` is a fuller name of the event named `b`: it holds `b` and
/// more (`‘…’ 토론회` for `토론회`), or names its year where `b` names a
/// month (`2026 동행축제` for `4월 동행축제`).
fn fuller(a: &str, b: &str) -> bool {
    let (ka, kb) = (key(a), key(b));
    (ka.len() > kb.len() && ka.contains(&kb))
        || (ka.len() != kb.len()
            && undated(a) == undated(b)
            && a.chars().count() > b.chars().count())
}

/// The name without its date words, in letters and digits.
fn undated(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !is_date_word(w))
        .flat_map(|w| w.chars().filter(|c| c.is_alphanumeric()))
        .collect()
}

/// Whether two names name one event: one contains the other
/// (`비상고용노동상황 점검회의` and `제3차 비상고용노동상황점검회의`), or the
/// shorter's head ends the longer's and its other words stand in the
/// longer (`상반기 강좌` and `2026년 「…」 상반기 시민강좌`).
fn same_event(a: &str, b: &str) -> bool {
    let (ka, kb) = (key(a), key(b));
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    if ka.contains(&kb) || kb.contains(&ka) {
        return true;
    }
    // `4월 동행축제` and `2026 동행축제`: the same event but for its date.
    if undated(a) == undated(b) {
        return true;
    }
    let (short, long) = if ka.len() <= kb.len() { (a, b) } else { (b, a) };
    let short: Vec<&str> = short.split_whitespace().collect();
    let long: Vec<&str> = long.split_whitespace().collect();
    match (short.split_last(), long.last()) {
        (Some((head, rest)), Some(last)) => {
            !rest.is_empty() && last.ends_with(head) && rest.iter().all(|w| long.contains(w))
        }
        _ => false,
    }
}

/// Whether a headline's event and the body's share their head: the same
/// event noun (`거점 인력 발대식` and `AI 리더 발대식`), or, for a noun
/// as general as `회의`, the same last two words (`연속(릴레이) 현안 점검
/// 회의` and `긴급 현안 점검 회의`).
fn same_head(cx: &Analysis<'_>, a: &str, b: &str) -> bool {
    let tail =
        |name: &str| -> Vec<String> { name.split_whitespace().rev().take(2).map(key).collect() };
    let (ta, tb) = (tail(a), tail(b));
    let (Some(la), Some(lb)) = (ta.first(), tb.first()) else {
        return false;
    };
    let noun = |w: &str| cx.lexicon.event_nouns.ending(w).map(str::to_string);
    match (noun(la), noun(lb)) {
        (Some(na), Some(nb)) if na == nb => {
            let general = [
                "회의", "행사", "점검", "교육", "공연", "대회", "단속", "공모", "주간",
            ]
            .contains(&na.as_str());
            !general || ta == tb
        }
        _ => false,
    }
}

/// Adds the hosts of `more` that `event` lacks.
fn fill(event: &mut Event, more: Event) {
    for host in more.hosts {
        if !event.hosts.contains(&host) {
            event.hosts.push(host);
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
        venue_id: None,
        host_refs: Vec::new(),
        attendee_refs: Vec::new(),
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

    #[test]
    fn one_event_named_two_ways() {
        assert!(same_event(
            "상반기 강좌",
            "2026년 「도란도란」 상반기 시민강좌"
        ));
        assert!(same_event("점검회의", "제3차 비상고용노동상황점검회의"));
        assert!(!same_event("4월 동행축제", "상생콘서트"));
        assert!(!same_event("개막식", "개막판매전"));
        assert!(same_event("4월 동행축제", "2026 동행축제"));
    }
}
