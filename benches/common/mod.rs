//! What both benches read: the corpus, and lindera set up as bodo sets it
//! up, for the bare tokenisation extraction is measured against.

use std::borrow::Cow;
use std::path::Path;

use lindera::dictionary::{DictionaryKind, load_embedded_dictionary};
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;

/// The corpus releases (`../shared/corpus/releases/*.txt`), in name order.
pub fn corpus() -> Vec<String> {
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
pub fn segmenter() -> Segmenter {
    let dictionary = load_embedded_dictionary(DictionaryKind::KoDic).expect("dictionary");
    Segmenter::new(Mode::Normal, dictionary, None).max_grouping_len(Some(24))
}

/// Tokenises `text` line by line; with `pos`, reads each token's part of
/// speech as bodo needs it, which is where lindera decodes the
/// dictionary's feature strings.
pub fn tokenize(segmenter: &Segmenter, text: &str, pos: bool) -> usize {
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
