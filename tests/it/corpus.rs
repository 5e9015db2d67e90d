//! Pass 1 over every release of `../shared/corpus/releases`.

use crate::common::*;
use bodo::BlockKind;

#[test]
fn every_release_has_valid_spans_and_loses_no_text() {
    let files = corpus_files();
    assert!(
        files.len() >= 60,
        "expected the corpus, found {} files",
        files.len()
    );
    for path in files {
        let input = bodo::read_path(&path).expect("reads").text;
        let doc = EXTRACTOR.extract(&input);
        check_spans(&input, &doc);
        check_coverage(&input, &doc);
        assert!(doc.title.is_some(), "{}: no title", path.display());
        crate::view::check_page(&input, &doc, false);
    }
}

#[test]
fn header_lines_are_recognised_where_present() {
    for path in corpus_files() {
        let input = bodo::read_path(&path).expect("reads").text;
        let has_header = input
            .lines()
            .take(6)
            .any(|l| l.contains("보도시점") || l.contains("보도일시"));
        let doc = EXTRACTOR.extract(&input);
        let header_lines: Vec<_> = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Header)
            .collect();
        assert_eq!(
            has_header,
            header_lines
                .iter()
                .any(|b| b.text.contains("보도시점") || b.text.contains("보도일시")),
            "{}: header",
            path.display()
        );
        // The title is never a header row.
        let title = doc.title.expect("title");
        assert!(
            !title.text.contains("보도시점"),
            "{}: title {:?}",
            path.display(),
            title.text
        );
    }
}
