//! Dates, times and the 보도시점 / 배포 header.
//!
//! `tests/cases/dates.txt`, `tests/cases/times.txt` and
//! `tests/cases/durations.txt` hold cases in the format of
//! `tests/cases/structure.txt`: the input with every expected mention in
//! brackets, then `---` and one line per mention:
//!
//! ```text
//! === a dotted date with its weekday
//! 행사는 [2026. 4. 13.(월)] 열린다.
//! ---
//! 2026-04-13 explicit 월
//! ```
//!
//! A date line is `DATE[~END] SOURCE [WEEKDAY]` (`-` for no date), a time
//! line `HH:MM[-HH:MM] [BOUND]`, a duration line `NUMBER UNIT`. `! kind`
//! lines are the warnings expected, and `header: …` the header, when the
//! input has one. A first input line `@reference YYYY-MM-DD` sets
//! `Options::reference_date`.

use std::sync::LazyLock;

use crate::common::*;
use crate::structure::cases;
use bodo::{Document, Extractor, Options, Span};

/// An extractor with a reference date, for the cases that set one.
static WITH_REFERENCE: LazyLock<Extractor> = LazyLock::new(|| {
    let mut options = Options::default();
    options.reference_date = Some((2026, 4, 13));
    Extractor::with_options(options).expect("the embedded dictionary loads")
});

fn date_line(d: &bodo::DateMention) -> String {
    let source = serde_json::to_value(d.year_source).expect("source");
    let mut line = d.date.clone().unwrap_or_else(|| "-".to_string());
    if let Some(end) = &d.end_date {
        line = format!("{line}~{end}");
    }
    line = format!("{line} {}", source.as_str().unwrap_or("?"));
    if let Some(w) = &d.weekday {
        line = format!("{line} {w}");
    }
    line
}

fn time_line(t: &bodo::TimeMention) -> String {
    match &t.end {
        Some(end) => format!("{}-{end}", t.start),
        None => t.start.clone(),
    }
}

/// A time with the side it leaves open (`16:00 until`).
fn time_case_line(t: &bodo::TimeMention) -> String {
    match t.bound {
        Some(bound) => {
            let bound = serde_json::to_value(bound).expect("bound");
            format!("{} {}", time_line(t), bound.as_str().unwrap_or("?"))
        }
        None => time_line(t),
    }
}

fn duration_line(d: &bodo::DurationMention) -> String {
    let unit = serde_json::to_value(d.unit).expect("unit");
    format!("{} {}", d.number, unit.as_str().unwrap_or("?"))
}

/// The field a case file checks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Dates,
    Times,
    Durations,
}

fn header_line(doc: &Document) -> Option<String> {
    let h = doc.header.as_ref()?;
    let opt = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".to_string());
    let embargo = h.embargo.as_ref().map_or("-".to_string(), |e| {
        format!("{} {} {}", opt(&e.date), opt(&e.time), opt(&e.note))
    });
    let distributed = h
        .distributed
        .as_ref()
        .map_or("-".to_string(), |d| opt(&d.date));
    Some(format!("header: {embargo} / {distributed}"))
}

/// Runs one case file: its dates (with the header and the weekday and
/// date warnings), its times or its durations.
fn run_cases(file: &str, field: Field) {
    let cases = cases(file);
    assert!(cases.len() >= 10, "only {} cases read", cases.len());
    let mut failures = Vec::new();
    for (name, marked, expected) in cases {
        let (reference, marked) = match marked.strip_prefix("@reference 2026-04-13\n") {
            Some(rest) => (true, rest.to_string()),
            None => (false, marked),
        };
        let (input, _) = BRACKETS.unmark(&marked);
        let doc = if reference {
            WITH_REFERENCE.extract(&input)
        } else {
            EXTRACTOR.extract(&input)
        };
        check_spans(&input, &doc);
        let (spans, mut lines): (Vec<Span>, Vec<String>) = match field {
            Field::Dates => doc
                .dates
                .iter()
                .map(|d| (d.mention.span, date_line(d)))
                .unzip(),
            Field::Times => doc
                .times
                .iter()
                .map(|t| (t.mention.span, time_case_line(t)))
                .unzip(),
            Field::Durations => doc
                .durations
                .iter()
                .map(|d| (d.mention.span, duration_line(d)))
                .unzip(),
        };
        if field == Field::Dates {
            lines.extend(
                doc.warnings
                    .iter()
                    .filter(|w| w.kind == "weekday" || w.kind == "date")
                    .map(|w| format!("! {}", w.kind)),
            );
            lines.extend(header_line(&doc));
        }
        let actual = format!(
            "{}\n---\n{}\n",
            BRACKETS.mark(&input, &spans),
            lines.join("\n")
        );
        let want = format!("{marked}\n---\n{expected}");
        if actual != want {
            failures.push(format!("=== {name}\n--- want\n{want}--- got\n{actual}"));
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
fn date_cases() {
    run_cases("tests/cases/dates.txt", Field::Dates);
}

#[test]
fn time_cases() {
    run_cases("tests/cases/times.txt", Field::Times);
}

#[test]
fn duration_cases() {
    run_cases("tests/cases/durations.txt", Field::Durations);
}

const FIXTURE: &str = "fixtures/motie-2021-12-22-industry-dx-network.txt";

#[test]
fn the_fixture_dates_come_from_its_own_explicit_date() {
    let input = bodo::read_path(repo_path(FIXTURE)).expect("fixture").text;
    let doc = EXTRACTOR.extract(&input);
    let find = |text: &str| {
        doc.dates
            .iter()
            .find(|d| d.mention.text == text)
            .unwrap_or_else(|| panic!("no date {text:?} in {:#?}", doc.dates))
    };
    let explicit = find("‘21. 12. 22(수)");
    assert_eq!(explicit.date.as_deref(), Some("2021-12-22"));
    assert_eq!(explicit.year_source, bodo::YearSource::Explicit);
    let document = find("12월 22일(수)");
    assert_eq!(document.date.as_deref(), Some("2021-12-22"));
    assert_eq!(document.year_source, bodo::YearSource::Document);
    assert_eq!(find("지난 12월 9일").date.as_deref(), Some("2021-12-09"));
    let times: Vec<_> = doc.times.iter().map(time_line).collect();
    assert_eq!(times, ["14:00-16:30"]);
    assert!(doc.header.is_none());
}

#[test]
fn every_release_gives_dates_with_valid_spans() {
    for path in corpus_files() {
        let input = bodo::read_path(&path).expect("reads").text;
        let doc = EXTRACTOR.extract(&input);
        check_spans(&input, &doc);
        for d in &doc.dates {
            assert_eq!(&input.as_str()[d.mention.span], d.mention.text);
        }
    }
}
