//! The link step's invariants, over every release of the corpus: facts
//! that name a person or an organisation point at an entry of `people` or
//! `organizations`, and those entries exist.

use bodo::{Document, Ref};

use crate::common::*;

fn check(name: &str, doc: &Document) -> Vec<String> {
    let mut bad = Vec::new();
    let mut fail = |what: String| bad.push(format!("{name}: {what}"));
    let valid = |r: &Ref| match r {
        Ref::Person(i) => *i < doc.people.len(),
        Ref::Organization(i) => *i < doc.organizations.len(),
        _ => false,
    };
    let person = |n: &str| doc.people.iter().any(|p| p.name == n);
    let org = |n: &str| {
        doc.organizations
            .iter()
            .any(|o| o.name == n || o.aliases.iter().any(|a| a == n))
    };
    for (i, p) in doc.people.iter().enumerate() {
        if p.id != i || p.mentions.first() != Some(&p.mention) {
            fail(format!(
                "person {} has id {} or a wrong first mention",
                p.name, p.id
            ));
        }
        if let Some(a) = &p.affiliation
            && (!org(a) || p.affiliation_id.is_none())
        {
            fail(format!("{}'s affiliation {a} is no organisation", p.name));
        }
    }
    for (i, o) in doc.organizations.iter().enumerate() {
        if o.id != i {
            fail(format!("organisation {} has id {}", o.name, o.id));
        }
    }
    for c in &doc.contacts {
        if let Some(n) = &c.name
            && (!person(n) || c.person_id.is_none())
        {
            fail(format!("contact person {n} is not among the people"));
        }
        if let Some(d) = &c.department
            && (!org(d) || c.department_id.is_none())
        {
            fail(format!("contact department {d} is not an organisation"));
        }
    }
    for a in &doc.attendees {
        if let Some(n) = &a.name
            && !person(n)
        {
            fail(format!("attendee {n} is not among the people"));
        }
        if a.entity.as_ref().is_some_and(|r| !valid(r)) {
            fail(format!("attendee {} points nowhere", a.mention.text));
        }
    }
    for q in &doc.quotes {
        if q.speaker_ref.as_ref().is_some_and(|r| !valid(r)) {
            fail(format!("quote {:?} points nowhere", q.mention.text));
        }
        // A speaker phrase that holds a person's name points at them.
        if let Some(s) = &q.speaker
            && doc.people.iter().any(|p| s.starts_with(&p.name))
            && !matches!(q.speaker_ref, Some(Ref::Person(_)))
        {
            fail(format!("speaker {s} names a person but points elsewhere"));
        }
    }
    for c in &doc.commitments {
        if c.actor_ref.as_ref().is_some_and(|r| !valid(r)) {
            fail(format!("commitment {:?} points nowhere", c.mention.text));
        }
    }
    for e in &doc.events {
        if e.venue.is_some() != e.venue_id.is_some() {
            fail(format!("event {}'s venue is not among the venues", e.name));
        }
        if e.host_refs
            .iter()
            .chain(&e.attendee_refs)
            .any(|r| !valid(r))
        {
            fail(format!("event {} points nowhere", e.name));
        }
    }
    if let Some(issuer) = &doc.issuer {
        if !org(&issuer.name) || issuer.organization_id.is_none() {
            fail(format!("issuer {} is not an organisation", issuer.name));
        }
        if let Some(head) = &issuer.head
            && !person(&head.name)
        {
            fail(format!("issuer head {} is not among the people", head.name));
        }
    }
    bad
}

#[test]
fn facts_point_at_people_and_organisations() {
    let mut bad = Vec::new();
    let mut files = corpus_files();
    files.push(repo_path(
        "fixtures/motie-2021-12-22-industry-dx-network.txt",
    ));
    for path in files {
        let input = bodo::read_path(&path).expect("corpus release").text;
        let doc = EXTRACTOR.extract(&input);
        let name = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into());
        bad.extend(check(&name, &doc));
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
