//! The golden fixture: the 2021-12-22 산업통상자원부 release. Its whole
//! analysis is kept in `fixtures/*.golden.json`, in the layout the example
//! extractor prints ([`bodo::json::to_string_pretty`]); set `BODO_BLESS=1` to
//! rewrite the file after a reviewed change.

use crate::common::*;

const FIXTURE: &str = "fixtures/motie-2021-12-22-industry-dx-network.txt";
const GOLDEN: &str = "fixtures/motie-2021-12-22-industry-dx-network.golden.json";

#[test]
fn fixture_matches_golden_json() {
    let input = bodo::read_path(repo_path(FIXTURE)).expect("fixture").text;
    let doc = EXTRACTOR.extract(&input);
    check_spans(&input, &doc);
    check_coverage(&input, &doc);
    let actual = bodo::json::to_string_pretty(&doc) + "\n";
    let golden = repo_path(GOLDEN);
    if std::env::var_os("BODO_BLESS").is_some() {
        std::fs::write(&golden, &actual).expect("writes golden");
    }
    let expected = std::fs::read_to_string(&golden).expect("golden file");
    if actual != expected {
        let diff = actual
            .lines()
            .zip(expected.lines())
            .enumerate()
            .find(|(_, (a, e))| a != e)
            .map(|(i, (a, e))| format!("line {}: got {a:?}, want {e:?}", i + 1))
            .unwrap_or_else(|| "lengths differ".to_string());
        panic!("{GOLDEN} differs (BODO_BLESS=1 rewrites it after review): {diff}");
    }
}

#[test]
fn golden_json_reads_back_into_the_same_document() {
    let json = std::fs::read_to_string(repo_path(GOLDEN)).expect("golden file");
    let doc: bodo::Document = serde_json::from_str(&json).expect("deserialises");
    let again = bodo::json::to_string_pretty(&doc) + "\n";
    assert_eq!(again, json);
}
