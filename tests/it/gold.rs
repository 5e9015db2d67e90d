//! Accuracy against hand-made gold, scored the way the evaluation scores
//! it: a port of `../shared/tools/score.py` (same normalisation, same
//! matching, micro-averaged over the releases of a split).
//!
//! `tests/gold/SPLITS.tsv` lists the releases and their split;
//! `tests/gold/{dev,blind}/NAME.json` hold their gold (shape and
//! conventions: `tests/gold/GUIDE.md`). Each split has a floor per field,
//! and a test fails when a field drops below it.
//! `cargo test --test it gold -- --nocapture` prints both tables;
//! `scripts/score-gold` prints the same figures with score.py itself.
//!
//! The blind split's misses are never printed: its releases were not read
//! while the rules were written, and only its figures are looked at.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::common::*;

/// Precision and recall counts of one field: predicted items that match
/// some gold item, predicted items, gold items matched, gold items.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    tp_p: usize,
    n_p: usize,
    tp_g: usize,
    n_g: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.tp_p += other.tp_p;
        self.n_p += other.n_p;
        self.tp_g += other.tp_g;
        self.n_g += other.n_g;
    }

    /// Precision, recall and F1, as score.py's `prf` computes them.
    pub fn prf(self) -> (f64, f64, f64) {
        let p = if self.n_p > 0 {
            self.tp_p as f64 / self.n_p as f64
        } else if self.n_g == 0 {
            1.0
        } else {
            0.0
        };
        let r = if self.n_g > 0 {
            self.tp_g as f64 / self.n_g as f64
        } else {
            1.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

const MARKERS: &str = "❶❷❸❹❺❻❼❽❾❿➊➋➌➍➎➏➐➑➒➓①②③④⑤⑥⑦⑧⑨⑩□■ㅁㅇ○●◦◆◇▶▣※*-·|";
const QUOTES: &str = "\"'“”‘’<>〈〉《》()[]【】";

/// score.py's `norm`: NFC, markers and quote marks stripped from the
/// ends, spaces and `「」『』｢｣` removed.
fn norm(s: &str) -> String {
    let s: String = s.nfc().collect();
    let s = s
        .trim()
        .trim_matches(|c| MARKERS.contains(c))
        .trim()
        .to_string();
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !"「」『』｢｣".contains(*c))
        .collect();
    s.trim_matches(|c| QUOTES.contains(c)).to_string()
}

static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(㈜|㈔|㈐|\(주\)|\(사\)|\(재\)|주식회사)|(㈜|\(주\)|주식회사|\(주)$")
        .expect("legal pattern")
});

/// score.py's `norm_org`: `norm` without legal-form marks.
fn norm_org(s: &str) -> String {
    let n = norm(s);
    let stripped = LEGAL.replace_all(&n, "").to_string();
    if stripped.is_empty() { n } else { stripped }
}

fn text_of(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Object(o) => o.get("text").and_then(Value::as_str),
        _ => None,
    }
}

fn list<'v>(out: &'v Value, key: &str) -> &'v [Value] {
    out.get(key)
        .and_then(Value::as_array)
        .map_or(&[], |a| a.as_slice())
}

fn field<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

/// Exact matching of two sets.
fn set_tally(pred: HashSet<String>, gold: HashSet<String>) -> Tally {
    let tp = pred.intersection(&gold).count();
    Tally {
        tp_p: tp,
        n_p: pred.len(),
        tp_g: tp,
        n_g: gold.len(),
    }
}

/// Fuzzy matching of two lists.
fn fuzzy<P, G>(pred: &[P], gold: &[G], matches: impl Fn(&P, &G) -> bool) -> Tally {
    Tally {
        tp_p: pred
            .iter()
            .filter(|p| gold.iter().any(|g| matches(p, g)))
            .count(),
        n_p: pred.len(),
        tp_g: gold
            .iter()
            .filter(|g| pred.iter().any(|p| matches(p, g)))
            .count(),
        n_g: gold.len(),
    }
}

/// score.py's `score_doc`: the tallies of one release, by field.
fn score_doc(gold: &Value, out: &Value) -> BTreeMap<&'static str, Tally> {
    let mut res = BTreeMap::new();
    let strings = |v: &Value, key: &str| -> Vec<String> {
        list(v, key)
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect()
    };
    if let Some(g) = gold.get("title") {
        let pred: HashSet<String> = out
            .get("title")
            .and_then(text_of)
            .filter(|t| !t.is_empty())
            .map(norm)
            .into_iter()
            .collect();
        let want: HashSet<String> = g.as_str().map(norm).into_iter().collect();
        res.insert("title", set_tally(pred, want));
    }
    if gold.get("subtitles").is_some() {
        let pred = list(out, "subtitles")
            .iter()
            .filter_map(text_of)
            .filter(|s| !s.is_empty())
            .map(norm)
            .collect();
        let want = strings(gold, "subtitles").iter().map(|s| norm(s)).collect();
        res.insert("subtitles", set_tally(pred, want));
    }
    if gold.get("dates").is_some() {
        let pred = list(out, "dates")
            .iter()
            .flat_map(|d| [field(d, "date"), field(d, "end_date")])
            .flatten()
            .map(str::to_string)
            .collect();
        res.insert(
            "dates",
            set_tally(pred, strings(gold, "dates").into_iter().collect()),
        );
    }
    if gold.get("times").is_some() {
        let key = |a: Option<&str>, b: Option<&str>| format!("{a:?}-{b:?}");
        let pred = list(out, "times")
            .iter()
            .filter(|t| field(t, "start").is_some())
            .map(|t| key(field(t, "start"), field(t, "end")))
            .collect();
        let want = list(gold, "times")
            .iter()
            .map(|t| {
                let at = |i: usize| t.get(i).and_then(Value::as_str);
                key(at(0), at(1))
            })
            .collect();
        res.insert("times", set_tally(pred, want));
    }
    if gold.get("venues").is_some() {
        let pred: HashSet<String> = list(out, "venues")
            .iter()
            .map(|v| norm(field(v, "text").or(field(v, "name")).unwrap_or("")))
            .filter(|v| !v.is_empty())
            .collect();
        let pred: Vec<String> = pred.into_iter().collect();
        let want: Vec<String> = strings(gold, "venues").iter().map(|s| norm(s)).collect();
        res.insert(
            "venues",
            fuzzy(&pred, &want, |p, g| {
                let (lp, lg) = (p.chars().count(), g.chars().count());
                p == g
                    || ((g.contains(p.as_str()) || p.contains(g.as_str()))
                        && lp.min(lg) as f64 / lp.max(lg) as f64 >= 0.5)
            }),
        );
    }
    if gold.get("people").is_some() {
        let pred = list(out, "people")
            .iter()
            .filter_map(|p| field(p, "name"))
            .map(norm)
            .collect();
        let gold_people: Vec<(String, String)> = list(gold, "people")
            .iter()
            .map(|p| {
                let at = |i: usize| p.get(i).and_then(Value::as_str).unwrap_or("");
                (norm(at(0)), norm(at(1)))
            })
            .collect();
        let want = gold_people.iter().map(|(n, _)| n.clone()).collect();
        res.insert("people", set_tally(pred, want));
        let titles: BTreeMap<String, String> = list(out, "people")
            .iter()
            .filter_map(|p| {
                Some((
                    norm(field(p, "name")?),
                    norm(field(p, "title").unwrap_or("")),
                ))
            })
            .collect();
        let titled: Vec<&(String, String)> =
            gold_people.iter().filter(|(_, t)| !t.is_empty()).collect();
        let ok = titled
            .iter()
            .filter(|(n, t)| {
                titles.get(n).is_some_and(|x| {
                    !x.is_empty() && (x.contains(t.as_str()) || t.contains(x.as_str()))
                })
            })
            .count();
        res.insert(
            "people.title",
            Tally {
                tp_p: ok,
                n_p: titled.len(),
                tp_g: ok,
                n_g: titled.len(),
            },
        );
    }
    if gold.get("attendees").is_some() {
        let pred = list(out, "attendees")
            .iter()
            .filter_map(|a| {
                field(a, "name")
                    .or_else(|| field(a, "organization"))
                    .or_else(|| field(a, "text"))
            })
            .map(norm_org)
            .collect();
        let want = strings(gold, "attendees")
            .iter()
            .map(|s| norm_org(s))
            .collect();
        res.insert("attendees", set_tally(pred, want));
    }
    if gold.get("organizations").is_some() {
        let groups: Vec<Vec<String>> = list(gold, "organizations")
            .iter()
            .map(|g| {
                g.as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).map(norm_org).collect())
                    .unwrap_or_default()
            })
            .collect();
        let pred: Vec<Vec<String>> = list(out, "organizations")
            .iter()
            .map(|o| {
                let mut names = vec![norm_org(field(o, "name").unwrap_or(""))];
                names.extend(
                    list(o, "aliases")
                        .iter()
                        .filter_map(Value::as_str)
                        .map(norm_org),
                );
                names.retain(|n| !n.is_empty());
                names
            })
            .filter(|n| !n.is_empty())
            .collect();
        res.insert(
            "organizations",
            fuzzy(&pred, &groups, |p, g| p.iter().any(|n| g.contains(n))),
        );
    }
    if gold.get("events").is_some() {
        let pred: HashSet<String> = list(out, "events")
            .iter()
            .filter_map(|e| field(e, "name"))
            .map(norm)
            .collect();
        let pred: Vec<String> = pred.into_iter().collect();
        let want: Vec<String> = strings(gold, "events").iter().map(|s| norm(s)).collect();
        res.insert(
            "events",
            fuzzy(&pred, &want, |p, g| p == g || p.contains(g.as_str())),
        );
    }
    if gold.get("commitments").is_some() {
        let pred: Vec<String> = list(out, "commitments")
            .iter()
            .filter_map(|c| field(c, "text"))
            .map(norm)
            .collect();
        let want: Vec<String> = strings(gold, "commitments")
            .iter()
            .map(|s| norm(s))
            .collect();
        res.insert(
            "commitments",
            fuzzy(&pred, &want, |p, g| p.contains(g.as_str())),
        );
    }
    if gold.get("quotes").is_some() {
        let pred: Vec<(String, String)> = list(out, "quotes")
            .iter()
            .filter_map(|q| {
                Some((
                    norm(field(q, "speaker").unwrap_or("")),
                    norm(field(q, "text")?),
                ))
            })
            .collect();
        let want: Vec<(String, String)> = list(gold, "quotes")
            .iter()
            .map(|q| {
                let at = |i: usize| q.get(i).and_then(Value::as_str).unwrap_or("");
                (norm(at(0)), norm(at(1)))
            })
            .collect();
        res.insert(
            "quotes",
            fuzzy(&pred, &want, |p, g| {
                p.1.contains(g.1.as_str())
                    && (g.0.is_empty() || g.0 == p.0 || p.0.contains(g.0.as_str()))
            }),
        );
    }
    if gold.get("contacts").is_some() {
        let key = |s: &str| {
            if s.contains('@') {
                s.trim().to_lowercase()
            } else {
                s.chars().filter(char::is_ascii_digit).collect()
            }
        };
        let pred = list(out, "contacts")
            .iter()
            .flat_map(|c| [field(c, "phone"), field(c, "email")])
            .flatten()
            .map(key)
            .collect();
        let want = strings(gold, "contacts").iter().map(|s| key(s)).collect();
        res.insert("contacts", set_tally(pred, want));
    }
    res
}

/// The releases of a split: name and text path.
fn split(name: &str) -> Vec<(String, std::path::PathBuf)> {
    let path = repo_path("tests/gold/SPLITS.tsv");
    let text = std::fs::read_to_string(&path).expect("tests/gold/SPLITS.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let [release, s, text] = cols.as_slice() else {
                panic!("SPLITS.tsv: want name<TAB>split<TAB>path: {l:?}");
            };
            let base = if text.starts_with("fixtures/") {
                repo_path(text)
            } else {
                repo_path("../shared/corpus").join(text)
            };
            (*s == name).then(|| (release.to_string(), base))
        })
        .collect()
}

/// Scores a split: the tallies by field, and the misses and extras by
/// release (score.py's `--verbose`).
pub fn score_split(name: &str) -> (BTreeMap<&'static str, Tally>, usize) {
    let releases = split(name);
    let mut totals: BTreeMap<&'static str, Tally> = BTreeMap::new();
    for (release, path) in &releases {
        let gold_path = repo_path(&format!("tests/gold/{name}/{release}.json"));
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(&gold_path)
                .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
        let input = bodo::read_path(path).unwrap_or_else(|e| panic!("{e}")).text;
        let doc = EXTRACTOR.extract(&input);
        check_spans(&input, &doc);
        let out = serde_json::to_value(&doc).expect("serialises");
        for (field, tally) in score_doc(&gold, &out) {
            totals.entry(field).or_default().add(tally);
        }
    }
    (totals, releases.len())
}

/// Prints a split's table and checks it against its floors (F1 by field).
fn check(name: &str, floors: &[(&str, f64)]) {
    let (totals, releases) = score_split(name);
    println!("== {name}: {releases} releases");
    let mut macro_f = Vec::new();
    for (field, tally) in &totals {
        let (p, r, f) = tally.prf();
        if !field.ends_with(".title") {
            macro_f.push(f);
        }
        println!(
            "{field:15} P {p:.3}  R {r:.3}  F1 {f:.3}   (pred {}, gold {})",
            tally.n_p, tally.n_g
        );
    }
    let macro_f1 = macro_f.iter().sum::<f64>() / macro_f.len().max(1) as f64;
    println!("macro-F1 {macro_f1:.3}");
    let mut low = Vec::new();
    for (field, floor) in floors {
        let f = totals.get(field).map_or(0.0, |t| t.prf().2);
        if f < *floor {
            low.push(format!("{field}: F1 {f:.3} below its floor {floor}"));
        }
    }
    assert!(
        low.is_empty(),
        "{name} split:\n{}\n(dev misses: scripts/score-gold dev --verbose)",
        low.join("\n")
    );
}

#[test]
fn gold_dev() {
    check(
        "dev",
        &[
            ("title", 0.95),
            ("subtitles", 0.95),
            ("dates", 0.94),
            ("times", 0.97),
            ("contacts", 0.97),
            ("venues", 0.78),
            ("people", 0.94),
            ("organizations", 0.93),
            ("attendees", 0.82),
            ("events", 0.75),
            ("quotes", 0.95),
            ("commitments", 0.94),
        ],
    );
}

#[test]
fn gold_blind() {
    check(
        "blind",
        &[
            ("title", 0.93),
            ("subtitles", 0.89),
            ("dates", 0.94),
            ("times", 0.94),
            ("contacts", 0.95),
            ("venues", 0.27),
            ("people", 0.93),
            ("organizations", 0.76),
            ("attendees", 0.36),
            ("events", 0.3),
            ("quotes", 0.95),
            ("commitments", 0.92),
        ],
    );
}

#[test]
fn normalisation_follows_score_py() {
    assert_eq!(norm(" □ 「산업 디지털」 전환 "), "산업디지털전환");
    assert_eq!(norm("“서울 코엑스”"), "서울코엑스");
    assert_eq!(norm_org("㈜농심"), "농심");
    assert_eq!(norm_org("(주)"), "주");
    assert_eq!(norm_org("주식회사 농심"), "농심");
}
