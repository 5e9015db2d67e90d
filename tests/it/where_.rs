//! Venues, events and contacts.
//!
//! `tests/cases/{venues,events,contacts}.txt` hold cases in the format of
//! `tests/cases/structure.txt`: the input with every expected mention in
//! brackets, then `---` and one line per mention, in the order of the
//! mentions:
//!
//! ```text
//! === a combined 일시/장소 field is split on the slash
//! ㅇ 일시 / 장소 : ‘21. 12. 22(수) 14:00~16:30 / [서울 코엑스 그랜드볼룸]
//! ---
//! 서울 코엑스 그랜드볼룸
//! ```
//!
//! A bracket of the input itself is written `\\[`. A venue line is its text; an event line `NAME | DATE | START-END |
//! VENUE | HOSTS` (`-` for none, hosts joined by `, `); a contact line
//! `DEPARTMENT;TITLE;NAME;PHONE;EMAIL`, the key of `tests/gold/contacts.tsv`.

use crate::common::*;
use crate::structure::cases;
use bodo::{Contact, Document, Event, Span};

fn or_dash(value: Option<&str>) -> &str {
    value.unwrap_or("-")
}

fn event_line(e: &Event) -> String {
    let times = match (&e.start_time, &e.end_time) {
        (Some(s), Some(t)) => format!("{s}-{t}"),
        (Some(s), None) => s.clone(),
        _ => "-".to_string(),
    };
    let hosts = if e.hosts.is_empty() {
        "-".to_string()
    } else {
        e.hosts.join(", ")
    };
    format!(
        "{} | {} | {times} | {} | {hosts}",
        e.name,
        or_dash(e.date.as_deref()),
        or_dash(e.venue.as_deref())
    )
}

pub fn contact_key(c: &Contact) -> String {
    [&c.department, &c.title, &c.name, &c.phone, &c.email]
        .iter()
        .map(|v| or_dash(v.as_deref()))
        .collect::<Vec<_>>()
        .join(";")
}

/// Runs the cases of `file`, rendering each document's items with
/// `items` (span and line), and reports every case that differs.
fn run(file: &str, items: impl Fn(&Document) -> Vec<(Span, String)>) {
    let cases = cases(file);
    assert!(
        cases.len() >= 8,
        "only {} cases read from {file}",
        cases.len()
    );
    let mut failures = Vec::new();
    for (name, marked, expected) in cases {
        let marked = marked.trim_end_matches('\n');
        let (input, _) = BRACKETS.unmark(marked);
        let doc = EXTRACTOR.extract(&input);
        check_spans(&input, &doc);
        let found = items(&doc);
        let mut spans: Vec<Span> = found.iter().map(|(s, _)| *s).collect();
        // Several contacts of one row quote the same row.
        spans.dedup();
        let lines: String = found.iter().map(|(_, l)| format!("{l}\n")).collect();
        let got = BRACKETS.mark(&input, &spans);
        if got != marked || lines.trim_end() != expected.trim_end() {
            failures.push(format!(
                "=== {name}\n--- want\n{marked}\n{expected}--- got\n{got}\n{lines}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn venue_cases() {
    run("tests/cases/venues.txt", |doc| {
        doc.venues
            .iter()
            .map(|v| (v.span, v.text.clone()))
            .collect()
    });
}

#[test]
fn event_cases() {
    run("tests/cases/events.txt", |doc| {
        doc.events
            .iter()
            .map(|e| (e.mention.span, event_line(e)))
            .collect()
    });
}

#[test]
fn contact_cases() {
    run("tests/cases/contacts.txt", |doc| {
        doc.contacts
            .iter()
            .map(|c| (c.mention.span, contact_key(c)))
            .collect()
    });
}

#[test]
fn fixture_venue_event_and_contact() {
    let input = std::fs::read_to_string(repo_path(
        "fixtures/motie-2021-12-22-industry-dx-network.txt",
    ))
    .expect("fixture");
    let doc = EXTRACTOR.extract(&input);
    let venues: Vec<&str> = doc.venues.iter().map(|v| v.text.as_str()).collect();
    assert!(venues.contains(&"서울 코엑스 그랜드볼룸"), "{venues:?}");
    let festival = doc
        .events
        .iter()
        .find(|e| e.name == "산업 디지털 전환 페스티벌")
        .unwrap_or_else(|| panic!("no festival in {:#?}", doc.events));
    assert_eq!(festival.date.as_deref(), Some("2021-12-22"));
    assert_eq!(festival.start_time.as_deref(), Some("14:00"));
    assert_eq!(festival.end_time.as_deref(), Some("16:30"));
    assert_eq!(festival.venue.as_deref(), Some("서울 코엑스 그랜드볼룸"));
    assert!(
        festival.hosts.iter().any(|h| h == "한국산업지능화협회"),
        "{:?}",
        festival.hosts
    );
    let phone = doc
        .contacts
        .iter()
        .find(|c| c.phone.as_deref() == Some("1800-5233"))
        .unwrap_or_else(|| panic!("no ☎1800-5233 in {:#?}", doc.contacts));
    assert_eq!(
        phone.department.as_deref(),
        Some("산업지능화협회 협업지원센터")
    );
    assert_eq!(&input.as_str()[phone.mention.span], phone.mention.text);
}

/// A long line full of places, phones and events stays valid (and, with
/// bounded windows, linear: this runs in well under a second).
#[test]
fn long_lines_stay_valid() {
    let sentence = "□ 산업부는 서울 코엑스에서 간담회를 개최하고 ☎1800-5233 (센터), \
                    산업부 반도체과(044-203-4270) 「반도체 포럼」을 개최. ";
    let input = format!("제목\n{}\n", sentence.repeat(2000));
    let doc = EXTRACTOR.extract(&input);
    check_spans(&input, &doc);
    assert_eq!(doc.venues.len(), 2000);
    assert_eq!(doc.contacts.len(), 4000);
    assert!(!doc.events.is_empty());
}
