//! People, organisations and attendees: data-driven cases with the found
//! mentions drawn inline as `⟦…⟧`, the golden fixture, and the gold set.
//!
//! A case in `tests/cases/{people,organizations,attendees}.txt`:
//!
//! ```text
//! === name, organisation, title
//! □ ⟦박진규 산업통상자원부 1차관⟧은 축사에서 말했다.
//! ---
//! 박진규 | 1차관 | 산업통상자원부
//! ```
//!
//! The input is the text above `---` with the marks removed; the marks
//! are where the mentions must be, and each line below is one item
//! (`-` for a missing value). Organisation lines read `name = aliases`,
//! attendee lines `group | name | title | organisation`; `! kind text`
//! lines are warnings of the kinds the family checks.

use std::collections::HashSet;

use crate::common::*;
use crate::structure::cases;
use bodo::{Document, Span};

/// `⟦…⟧`: Korean text already uses `[…]`.
const MARKS: Marks = Marks {
    open: '⟦',
    close: '⟧',
};

fn or_dash(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("-")
}

/// Runs a case family: `render` gives the mention spans and item lines.
fn run(file: &str, render: fn(&Document) -> (Vec<Span>, Vec<String>)) {
    let cases = cases(file);
    assert!(cases.len() >= 8, "{file}: only {} cases", cases.len());
    let mut failures = Vec::new();
    for (name, marked, expected) in cases {
        let marked = marked.trim_end_matches('\n');
        let (input, _) = MARKS.unmark(marked);
        let doc = EXTRACTOR.extract(&input);
        check_spans(&input, &doc);
        let (mut spans, lines) = render(&doc);
        spans.sort();
        spans.dedup();
        let actual = format!("{}\n---\n{}", MARKS.mark(&input, &spans), lines.join("\n"));
        let want = format!("{marked}\n---\n{}", expected.trim_end());
        if actual.trim_end() != want.trim_end() {
            failures.push(format!("=== {name}\n--- want\n{want}\n--- got\n{actual}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One line per person; every mention marked.
fn people(doc: &Document) -> (Vec<Span>, Vec<String>) {
    let spans = doc
        .people
        .iter()
        .flat_map(|p| p.mentions.iter().map(|m| m.span))
        .collect();
    let lines = doc
        .people
        .iter()
        .map(|p| {
            format!(
                "{} | {} | {}",
                p.name,
                or_dash(&p.title),
                or_dash(&p.affiliation)
            )
        })
        .collect();
    (spans, lines)
}

fn organizations(doc: &Document) -> (Vec<Span>, Vec<String>) {
    let spans = doc
        .organizations
        .iter()
        .flat_map(|o| o.mentions.iter().map(|m| m.span))
        .collect();
    let mut lines: Vec<String> = doc
        .organizations
        .iter()
        .map(|o| format!("{} = {}", o.name, o.aliases.join(", ")))
        .map(|l| l.trim_end().to_string())
        .collect();
    let issuer = doc.issuer.as_ref().map(|i| {
        let head = i.head.as_ref().map(|h| h.name.clone());
        format!(
            "issuer {} ({}) {}",
            i.name,
            or_dash(&i.alias),
            or_dash(&head)
        )
    });
    lines.extend(issuer);
    lines.extend(warnings(doc, "count"));
    (spans, lines)
}

fn attendees(doc: &Document) -> (Vec<Span>, Vec<String>) {
    let spans = doc.attendees.iter().map(|a| a.mention.span).collect();
    let lines = doc
        .attendees
        .iter()
        .map(|a| {
            format!(
                "{} | {} | {} | {}",
                or_dash(&a.group),
                or_dash(&a.name),
                or_dash(&a.title),
                or_dash(&a.organization)
            )
        })
        .collect();
    (spans, lines)
}

fn warnings(doc: &Document, kind: &str) -> Vec<String> {
    doc.warnings
        .iter()
        .filter(|w| w.kind == kind)
        .map(|w| format!("! {} {}", w.kind, w.message))
        .collect()
}

#[test]
fn people_cases() {
    run("tests/cases/people.txt", people);
}

#[test]
fn organization_cases() {
    run("tests/cases/organizations.txt", organizations);
}

#[test]
fn attendee_cases() {
    run("tests/cases/attendees.txt", attendees);
}

const FIXTURE: &str = "fixtures/motie-2021-12-22-industry-dx-network.txt";

#[test]
fn fixture_people_organizations_and_attendees() {
    let input = bodo::read_path(repo_path(FIXTURE)).expect("fixture").text;
    let doc = EXTRACTOR.extract(&input);
    let who: HashSet<(String, String, String)> = doc
        .people
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                or_dash(&p.title).into(),
                or_dash(&p.affiliation).into(),
            )
        })
        .collect();
    for (name, title, org) in [
        ("문승욱", "장관", "산업통상자원부"),
        ("박진규", "1차관", "산업통상자원부"),
        ("이학영", "위원장", "산업통상자원중소벤처기업위원회"),
        ("고민정", "의원", "더불어민주당"),
        ("김태환", "회장", "한국산업지능화협회"),
    ] {
        assert!(
            who.contains(&(name.into(), title.into(), org.into())),
            "{name}: {who:?}"
        );
    }
    assert_eq!(who.len(), 5, "{who:?}");
    let issuer = doc.issuer.as_ref().expect("issuer");
    assert_eq!(issuer.name, "산업통상자원부");
    assert_eq!(issuer.alias.as_deref(), Some("산업부"));
    assert_eq!(
        issuer.head.as_ref().map(|h| h.name.as_str()),
        Some("문승욱")
    );
    let aliases = |name: &str| {
        doc.organizations
            .iter()
            .find(|o| o.name == name)
            .map(|o| o.aliases.clone())
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    assert_eq!(aliases("대한상공회의소"), ["대한상의"]);
    assert_eq!(aliases("마이크로소프트"), ["MS"]);
    assert_eq!(aliases("한국산업지능화협회"), ["산업지능화협회"]);
    assert_eq!(aliases("산업통상자원부"), ["산업부"]);
    assert!(doc.organizations.len() >= 40, "{}", doc.organizations.len());
    assert!(warnings(&doc, "count").is_empty(), "{:?}", doc.warnings);
    let groups: Vec<&str> = doc
        .attendees
        .iter()
        .filter_map(|a| a.group.as_deref())
        .collect();
    for group in ["정부", "국회", "기관", "업계"] {
        assert!(groups.contains(&group), "{group}: {groups:?}");
    }
}

#[test]
fn fixture_counts_are_checked() {
    // The same release with one member of the ①…⑳ list dropped: the
    // full list no longer matches its `20개 기관`.
    let input = bodo::read_path(repo_path(FIXTURE)).expect("fixture").text;
    let cut = input.replace(" ⑳스마트의료기기진흥재단", "");
    let doc = EXTRACTOR.extract(&cut);
    let counts = warnings(&doc, "count");
    assert_eq!(counts.len(), 1, "{counts:?}");
    assert!(counts[0].contains("20"), "{counts:?}");
}
