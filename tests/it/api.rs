//! The library as a user meets it: options, dates, reading and extracting
//! in one call, and what an empty input says.

use bodo::{Date, Extractor, Options, YearSource};

use crate::common::*;

/// A release whose dates have no year and no header to take one from.
const YEARLESS: &str = "산업부 보도자료\n□ 행사는 4월 13일(월) 열린다.\n";

#[test]
fn the_builder_sets_the_reference_date() {
    assert_eq!(Options::new(), Options::default());
    assert_eq!(Options::new().reference_date, None);

    let date: Date = "2026-04-13".parse().expect("a day of the calendar");
    let options = Options::new().reference_date(date);
    assert_eq!(options.reference_date, Some(date));
    let extractor = Extractor::with_options(options).expect("the dictionary loads");
    assert_eq!(extractor.options().reference_date, Some(date));

    let dated = extractor.extract(YEARLESS);
    assert_eq!(dated.dates[0].date.as_deref(), Some("2026-04-13"));
    assert_eq!(dated.dates[0].year_source, YearSource::Reference);
    let undated = EXTRACTOR.extract(YEARLESS);
    assert_eq!(undated.dates[0].date, None);
}

/// An impossible reference date fails at setup, where the `Date` is made,
/// and never reaches an extractor.
#[test]
fn an_impossible_reference_date_is_an_error_at_setup() {
    let err = Date::new(2026, 13, 45).unwrap_err();
    assert!(matches!(err, bodo::Error::Date { .. }));
    assert_eq!(
        err.to_string(),
        r#"invalid date "2026-13-45": there is no month 13"#
    );
    let err = "2026-02-29".parse::<Date>().unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"invalid date "2026-02-29": 2026-02 has days 1 to 28"#
    );
}

#[test]
fn extract_path_reads_and_extracts_in_one_call() {
    let path = repo_path("fixtures/motie-2021-12-22-industry-dx-network.txt");
    let (input, doc) = EXTRACTOR.extract_path(&path).expect("the fixture reads");
    assert_eq!(input, bodo::read_path(&path).expect("reads"));
    assert_eq!(doc, EXTRACTOR.extract(&input.text));
    check_spans(&input.text, &doc);

    let hwp = repo_path("../shared/corpus/originals/156754268.hwp");
    let (input, doc) = EXTRACTOR.extract_path(&hwp).expect("the original reads");
    assert_eq!(input.encoding, bodo::Encoding::Hwp5);
    check_spans(&input.text, &doc);

    let err = EXTRACTOR.extract_path("no/such/release.txt").unwrap_err();
    assert!(matches!(err, bodo::Error::Io { .. }), "{err}");
}

/// Empty and whitespace-only input gives one `empty input` warning over
/// all of it; a release with text gives none.
#[test]
fn empty_input_is_warned_about() {
    for text in ["", "\n", "  \r\n\t\n", "\u{3000}\u{a0}\n"] {
        let doc = EXTRACTOR.extract(text);
        let kinds: Vec<&str> = doc.warnings.iter().map(|w| w.kind.as_str()).collect();
        assert_eq!(kinds, ["input"], "{text:?}");
        assert_eq!(doc.warnings[0].message, "empty input");
        assert_eq!(doc.warnings[0].span, bodo::Span::new(0, text.len()));
        assert_eq!(
            doc.warnings[0].char_span,
            bodo::Span::new(0, text.chars().count())
        );
        assert!(doc.blocks.is_empty() && doc.title.is_none(), "{text:?}");
    }
    let doc = EXTRACTOR.extract(YEARLESS);
    assert!(doc.warnings.iter().all(|w| w.message != "empty input"));
}
