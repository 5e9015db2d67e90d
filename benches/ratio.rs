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

use std::hint::black_box;

mod common;

use common::{corpus, segmenter, tokenize};

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
