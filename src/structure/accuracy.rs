//! How often pass 1 reads a PDF's line breaks right, measured on the
//! corpus: the text `pdftotext` makes of `../shared/corpus/pdf/<id>.pdf`
//! against `../shared/corpus/releases/<id>.txt`, the same release made
//! from its HWPX, where each paragraph is one line.
//!
//! `cargo test --release --lib join_accuracy -- --ignored --nocapture`
//! (needs `pdftotext` from poppler-utils; skips the blind split).

use std::path::{Path, PathBuf};
use std::process::Command;

use regex::Regex;

use super::parse;
use crate::source::Source;

/// Counts of one run.
#[derive(Debug, Default)]
struct Tally {
    /// Breaks the reference writes on one line: joined with the right
    /// space, joined with the wrong one, left as a block boundary.
    right: usize,
    wrong: usize,
    missed: usize,
    /// Breaks the reference writes as two lines but pass 1 joined.
    spurious: usize,
    /// Breaks the reference does not show either way (tables, furniture).
    unknown: usize,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

fn blind() -> Vec<String> {
    let splits = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/SPLITS.tsv");
    std::fs::read_to_string(splits)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.split('\t').nth(1) == Some("blind"))
        .filter_map(|l| l.split('\t').nth(2))
        .map(str::to_string)
        .collect()
}

/// The last (first) `n` non-blank chars before (after) a position.
fn edge(text: &str, n: usize, before: bool) -> String {
    let chars: Vec<char> = if before {
        text.chars()
            .rev()
            .take(n)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect()
    } else {
        text.chars().take(n).collect()
    };
    chars.into_iter().collect()
}

fn tally(pdf_text: &str, reference: &str, out: &mut Tally) {
    let structure = parse(&Source::new(pdf_text));
    let mut at = 0;
    for line in pdf_text.split_inclusive('\n') {
        let newline = at + line.len() - 1;
        at += line.len();
        let before = pdf_text[..newline].trim_end();
        let after = pdf_text[newline + 1..].trim_start();
        if !line.ends_with('\n') || before.is_empty() || after.is_empty() {
            continue;
        }
        // Only the break right after a line's text (not blank lines).
        if pdf_text[before.len()..newline].contains('\n') {
            continue;
        }
        let tail = edge(before.trim_end_matches('\u{c}'), 6, true);
        let head = edge(after.split('\n').next().unwrap_or(""), 6, false);
        let pattern = format!(
            r"{}(\s*){}",
            regex::escape(tail.trim()),
            regex::escape(head.trim())
        );
        let Ok(re) = Regex::new(&pattern) else {
            continue;
        };
        let join = structure
            .joins
            .iter()
            .find(|j| j.span.start <= newline && newline < j.span.end);
        let Some(found) = re.captures(reference) else {
            out.unknown += 1;
            continue;
        };
        let gap = found.get(1).map_or("", |m| m.as_str());
        match join {
            _ if gap.contains('\n') && join.is_some() => out.spurious += 1,
            _ if gap.contains('\n') => {}
            None => {
                out.missed += 1;
                if std::env::var_os("BODO_SHOW_MISSED").is_some() {
                    eprintln!(
                        "missed: {before:.40} ⏎ {head}",
                        before = edge(before, 30, true)
                    );
                }
            }
            Some(j) if j.space != gap.is_empty() => out.right += 1,
            Some(j) => {
                out.wrong += 1;
                if std::env::var_os("BODO_SHOW_WRONG").is_some() {
                    eprintln!(
                        "wrong (space {}): {} ⏎ {}",
                        j.space,
                        edge(before, 20, true),
                        edge(after, 20, false)
                    );
                }
            }
        }
    }
}

#[test]
#[ignore = "needs pdftotext; prints the figures"]
fn join_accuracy() {
    let blind = blind();
    let mut dir: Vec<PathBuf> = std::fs::read_dir(root().join("pdf"))
        .expect("../shared/corpus/pdf")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    dir.sort();
    for mode in [&[][..], &["-layout"][..]] {
        let mut t = Tally::default();
        for pdf in &dir {
            let id = pdf.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if blind.iter().any(|b| b == &format!("releases/{id}.txt")) {
                continue;
            }
            if std::env::var("BODO_ONLY").is_ok_and(|only| only != id) {
                continue;
            }
            let Ok(reference) = std::fs::read_to_string(root().join(format!("releases/{id}.txt")))
            else {
                continue;
            };
            let Ok(run) = Command::new("pdftotext")
                .args(mode)
                .arg(pdf)
                .arg("-")
                .output()
            else {
                eprintln!("pdftotext is not installed");
                return;
            };
            let text = String::from_utf8_lossy(&run.stdout);
            let (missed, joined) = (t.missed, t.right + t.wrong);
            tally(&text, &reference, &mut t);
            if std::env::var_os("BODO_SHOW_DOCS").is_some() {
                let source = Source::new(&text);
                let lines = super::line::lines(&text);
                let (_, layout, _) = super::layout::read(&source, lines);
                eprintln!(
                    "{id} {mode:?} wrapped {:?} joined {} missed {}",
                    layout.wrapped,
                    t.right + t.wrong - joined,
                    t.missed - missed
                );
            }
        }
        let joined = t.right + t.wrong;
        eprintln!(
            "pdftotext {mode:?}: {} breaks inside paragraphs; joined {} ({:.1}%), space right {} of {} ({:.1}%); missed {}; spurious joins {}; unknown {}",
            joined + t.missed,
            joined,
            100.0 * joined as f64 / (joined + t.missed).max(1) as f64,
            t.right,
            joined,
            100.0 * t.right as f64 / joined.max(1) as f64,
            t.missed,
            t.spurious,
            t.unknown,
        );
    }
}
