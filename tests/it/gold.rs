#![allow(dead_code)] // each test module uses part of the shared helpers
//! Precision and recall against hand-made gold over corpus releases.
//!
//! `tests/gold/FIELD.tsv` lists, for each annotated release, every item a
//! reader expects for FIELD: `release<TAB>text<TAB>key`, where `text` is
//! the mention exactly as in the release and `key` its normalised value
//! (an ISO date, `HH:MM-HH:MM`, a name …; `-` when the field has none).
//! A line `release<TAB>*` marks a release as annotated with no items.
//! Releases not in the file are not scored. Matching is on
//! (release, text, key) as a multiset.

use std::collections::{BTreeSet, HashMap};

use crate::common::*;

/// Scores for one field.
#[derive(Debug)]
pub struct Score {
    pub releases: usize,
    pub gold: usize,
    pub found: usize,
    pub correct: usize,
    pub misses: Vec<String>,
    pub spurious: Vec<String>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.correct as f64 / self.found as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }
}

type Item = (String, String);

/// Reads `tests/gold/FIELD.tsv` into release -> items.
pub fn read_gold(field: &str) -> HashMap<String, Vec<Item>> {
    let path = repo_path(&format!("tests/gold/{field}.tsv"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut gold: HashMap<String, Vec<Item>> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let entry = gold.entry(cols[0].to_string()).or_default();
        match cols.as_slice() {
            [_, "*"] => {}
            [_, text, key] => entry.push((text.to_string(), key.to_string())),
            _ => panic!(
                "{}:{}: want release<TAB>text<TAB>key",
                path.display(),
                n + 1
            ),
        }
    }
    gold
}

/// Scores `items` (what the extractor gives for a document) against the
/// gold of `field`.
pub fn score(field: &str, items: impl Fn(&bodo::Document) -> Vec<Item>) -> Score {
    let gold = read_gold(field);
    let mut s = Score {
        releases: gold.len(),
        gold: 0,
        found: 0,
        correct: 0,
        misses: vec![],
        spurious: vec![],
    };
    let releases: BTreeSet<&String> = gold.keys().collect();
    for release in releases {
        let path = corpus_dir().join(format!("{release}.txt"));
        let input = bodo::read_path(&path).expect("gold release").text;
        let doc = EXTRACTOR.extract(&input);
        let mut expected = gold[release].clone();
        let found = items(&doc);
        s.gold += expected.len();
        s.found += found.len();
        for item in found {
            if let Some(i) = expected.iter().position(|e| *e == item) {
                expected.swap_remove(i);
                s.correct += 1;
            } else {
                s.spurious
                    .push(format!("{release}\t{}\t{}", item.0, item.1));
            }
        }
        s.misses.extend(
            expected
                .into_iter()
                .map(|(t, k)| format!("{release}\t{t}\t{k}")),
        );
    }
    s
}

/// Asserts a field's scores stay at or above the floors, printing them
/// (`cargo test -- --nocapture gold` shows the table).
pub fn assert_scores(field: &str, s: &Score, min_precision: f64, min_recall: f64) {
    println!(
        "{field}: releases {} gold {} found {} correct {} precision {:.3} recall {:.3}",
        s.releases,
        s.gold,
        s.found,
        s.correct,
        s.precision(),
        s.recall()
    );
    assert!(
        s.releases >= 10,
        "{field}: only {} releases annotated",
        s.releases
    );
    assert!(
        s.precision() >= min_precision && s.recall() >= min_recall,
        "{field}: precision {:.3} (min {min_precision}) recall {:.3} (min {min_recall})\nmissed:\n{}\nspurious:\n{}",
        s.precision(),
        s.recall(),
        s.misses.join("\n"),
        s.spurious.join("\n")
    );
}
