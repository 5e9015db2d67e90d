//! One pass of extraction, or of bare lindera tokenisation, over the
//! corpus, for counting instructions under valgrind (`scripts/speed`).
//! Instruction counts do not depend on what else the machine is doing, so
//! the ratio extract / tokenize is stable where timings are not.
//!
//! `ratio MODE` where MODE is `setup` (load the dictionary and read the
//! corpus, nothing else), `extract`, `tokenize` (lindera, no part of
//! speech read) or `tokenize+pos` (lindera, each token's part of speech
//! read, as bodo needs). Each mode includes `setup`, which the script
//! subtracts.

use std::borrow::Cow;
use std::hint::black_box;
use std::path::Path;

use lindera::dictionary::{DictionaryKind, load_embedded_dictionary};
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/releases");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// The segmenter set up as bodo sets it up (see src/morph.rs).
fn segmenter() -> Segmenter {
    let dictionary = load_embedded_dictionary(DictionaryKind::KoDic).expect("dictionary");
    Segmenter::new(Mode::Normal, dictionary, None).max_grouping_len(Some(24))
}

fn tokenize(segmenter: &Segmenter, text: &str, pos: bool) -> usize {
    text.lines()
        .map(|line| {
            segmenter.segment(Cow::Borrowed(line)).map_or(0, |tokens| {
                if pos {
                    tokens
                        .into_iter()
                        .map(|mut t| t.details().first().map_or(0, |p| p.len()))
                        .sum::<usize>()
                } else {
                    tokens.len()
                }
            })
        })
        .sum()
}

fn main() {
    let mode = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .unwrap_or_else(|| "setup".to_string());
    let corpus = corpus();
    match mode.as_str() {
        "setup" => {
            black_box(bodo::Extractor::new().expect("extractor"));
            black_box(segmenter());
        }
        "extract" => {
            let extractor = bodo::Extractor::new().expect("extractor");
            black_box(segmenter());
            for text in &corpus {
                black_box(extractor.extract(text));
            }
        }
        "tokenize" | "tokenize+pos" => {
            black_box(bodo::Extractor::new().expect("extractor"));
            let segmenter = segmenter();
            for text in &corpus {
                black_box(tokenize(&segmenter, text, mode == "tokenize+pos"));
            }
        }
        other => {
            eprintln!("ratio: unknown mode {other:?} (setup, extract, tokenize, tokenize+pos)");
            std::process::exit(2);
        }
    }
}
