//! Loading ko-dic from a directory at run time gives the same analysis as
//! the embedded copy.

use crate::common::*;

#[test]
fn dictionary_from_a_directory_matches_the_embedded_one() {
    let dir = repo_path("../shared/lindera-cache/6.2.0-fmt2/lindera-ko-dic");
    let from_dir = bodo::Extractor::with_dictionary(&dir, bodo::Options::default()).expect("loads");
    let input = std::fs::read_to_string(repo_path(
        "fixtures/motie-2021-12-22-industry-dx-network.txt",
    ))
    .expect("fixture");
    assert_eq!(from_dir.extract(&input), EXTRACTOR.extract(&input));
}

#[test]
fn a_missing_dictionary_directory_is_a_clear_error() {
    let err = bodo::Extractor::with_dictionary("no/such/dictionary", bodo::Options::default())
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("cannot load the ko-dic dictionary from no/such/dictionary"),
        "{message}"
    );
}
