//! Pass 1 over the text layouts a release reaches users in
//! (`../shared/corpus/wider/releases`: board text, PDF text with its
//! wrapping, converter Markdown, old-style headers), the headlines of the
//! development gold, and a release that lost its newlines.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::common::*;
use bodo::BlockKind;

fn wider_files() -> Vec<PathBuf> {
    let dir = repo_path("../shared/corpus/wider/releases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (is ../shared beside the checkout?)", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// Markup a converter or a page leaves, never a headline.
fn is_markup(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('#')
        || t.starts_with("![")
        || t.starts_with('|')
        || t.starts_with('<')
        || t.trim_matches(|c: char| c == '|' || c == '-' || c == ':' || c.is_whitespace())
            .is_empty()
}

/// Every release of every layout reads with valid spans, loses no text,
/// has a title that is no markup, and no header row longer than a few
/// short fields. (Failure messages name the file only.)
#[test]
fn every_wider_release_reads_with_valid_spans_and_a_title() {
    let files = wider_files();
    assert!(files.len() >= 100, "expected wider/, found {}", files.len());
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let input = bodo::read_path(&path).expect("reads").text;
        let doc = EXTRACTOR.extract(&input);
        check_spans(&input, &doc);
        check_coverage(&input, &doc);
        let title = doc
            .title
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: no title"));
        assert!(!is_markup(&title.text), "{name}: the title is markup");
        for block in all_blocks(&doc) {
            if block.kind == BlockKind::Header {
                assert!(
                    block.text.chars().count() <= 300,
                    "{name}: a long header row"
                );
            }
        }
    }
}

/// What `../shared/tools/score.py` compares: no spaces, markers, quote
/// marks or brackets.
fn norm(text: &str) -> String {
    const MARKERS: &str = "❶❷❸❹❺❻❼❽❾❿➊➋➌➍➎➏➐➑➒➓①②③④⑤⑥⑦⑧⑨⑩□■ㅁㅇ○●◦◆◇▶▣※*-·|";
    let t = text.trim().trim_matches(|c| MARKERS.contains(c)).trim();
    let t: String = t
        .chars()
        .filter(|c| !c.is_whitespace() && !"「」『』｢｣".contains(*c))
        .collect();
    t.trim_matches(|c| "\"'“”‘’<>〈〉《》()[]【】".contains(c))
        .to_string()
}

/// The dev releases of `tests/gold/SPLITS.tsv`: (gold name, text path).
fn dev_releases() -> Vec<(String, PathBuf)> {
    let splits = std::fs::read_to_string(repo_path("tests/gold/SPLITS.tsv")).expect("SPLITS.tsv");
    splits
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let [name, "dev", path] = cols.as_slice() else {
                return None;
            };
            let base = if path.starts_with("fixtures/") {
                ""
            } else {
                "../shared/corpus/"
            };
            Some((name.to_string(), repo_path(&format!("{base}{path}"))))
        })
        .collect()
}

/// Titles and subtitles of the development gold (`tests/gold/dev/*.json`),
/// every layout included, compared as the evaluation's scorer does.
#[test]
fn dev_gold_titles_and_subtitles() {
    let (mut titles, mut title_right) = (0, 0);
    let (mut gold_subs, mut found_subs, mut right_subs) = (0, 0, 0);
    let mut misses = Vec::new();
    for (name, path) in dev_releases() {
        let gold_path = repo_path(&format!("tests/gold/dev/{name}.json"));
        let Ok(gold) = std::fs::read_to_string(&gold_path) else {
            continue;
        };
        let gold: serde_json::Value = serde_json::from_str(&gold).expect("gold json");
        let input = bodo::read_path(&path).expect("reads").text;
        let doc = EXTRACTOR.extract(&input);
        let title = doc
            .title
            .as_ref()
            .map(|t| norm(&t.text))
            .unwrap_or_default();
        let want = gold["title"].as_str().map(norm).unwrap_or_default();
        titles += 1;
        if title == want {
            title_right += 1;
        } else {
            misses.push(format!("{name}: title {title:?}, gold {want:?}"));
        }
        let want: HashSet<String> = gold["subtitles"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str())
            .map(norm)
            .collect();
        let found: HashSet<String> = doc.subtitles.iter().map(|s| norm(&s.text)).collect();
        gold_subs += want.len();
        found_subs += found.len();
        right_subs += want.intersection(&found).count();
        if want != found {
            misses.push(format!("{name}: subtitles {found:?}, gold {want:?}"));
        }
    }
    let title_score = title_right as f64 / titles.max(1) as f64;
    let precision = right_subs as f64 / found_subs.max(1) as f64;
    let recall = right_subs as f64 / gold_subs.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    println!(
        "titles {title_right}/{titles} ({title_score:.3}); subtitles P {precision:.3} R {recall:.3} F1 {f1:.3}"
    );
    for miss in &misses {
        println!("  {miss}");
    }
    assert!(titles >= 40, "only {titles} gold releases");
    assert!(title_score >= 0.95, "titles {title_score:.3} below 0.95");
    assert!(f1 >= 0.95, "subtitles F1 {f1:.3} below 0.95");
}

/// A release whose newlines were lost is read as sentences, with a
/// warning: its header is a few short rows, the embargo date comes from
/// the digits after 보도시점, and no contact spans the text.
#[test]
fn a_release_without_newlines_keeps_its_header_bounded() {
    let path = corpus_dir().join("156754252.txt");
    let input: String = bodo::read_path(&path)
        .expect("reads")
        .text
        .chars()
        .filter(|&c| c != '\n')
        .collect();
    let doc = EXTRACTOR.extract(&input);
    check_spans(&input, &doc);
    check_coverage(&input, &doc);
    assert!(
        doc.warnings.iter().any(|w| w.kind == "layout"),
        "no warning about the missing line breaks"
    );
    let header = doc.header.as_ref().expect("a header");
    let embargo = header.embargo.as_ref().expect("an embargo");
    assert_eq!(embargo.date.as_deref(), Some("2026-04-13"));
    assert!(
        embargo.mention.text.chars().count() < 200,
        "embargo {:?}",
        embargo.mention.span
    );
    for block in all_blocks(&doc) {
        assert!(
            block.text.chars().count() <= 1000,
            "a {:?} block of {} chars",
            block.kind,
            block.text.chars().count()
        );
    }
    for contact in &doc.contacts {
        assert!(
            contact.mention.text.chars().count() <= 300,
            "contact {:?}",
            contact.mention.span
        );
    }
}
