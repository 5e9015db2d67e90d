//! Data-driven cases for pass 1: `tests/cases/structure.txt` holds inputs
//! and the block tree expected of each, drawn as an outline:
//!
//! ```text
//! === a note hangs under its item
//! □ 산업부는 밝혔다.
//! * 주석
//! ---
//! item □ 산업부는 밝혔다.
//!   note * 주석
//! ```
//!
//! Each outline line is `kind marker text` (`_` for no marker), indented
//! two spaces a level; `! kind text-at-span` lines are warnings.

use crate::common::*;
use bodo::Block;

fn outline(blocks: &[Block], depth: usize, out: &mut String) {
    for b in blocks {
        let kind = serde_json::to_value(b.kind).expect("kind");
        let kind = kind.as_str().expect("kind is a string");
        let marker = b.marker.as_deref().unwrap_or("_");
        out.push_str(&format!(
            "{}{kind} {marker} {}\n",
            "  ".repeat(depth),
            b.text.replace('\n', "⏎")
        ));
        outline(&b.children, depth + 1, out);
    }
}

fn render(input: &str) -> String {
    let doc = EXTRACTOR.extract(input);
    check_spans(input, &doc);
    check_coverage(input, &doc);
    let mut out = String::new();
    outline(&doc.blocks, 0, &mut out);
    for w in &doc.warnings {
        out.push_str(&format!("! {} {}\n", w.kind, &input[w.span]));
    }
    out
}

/// Splits a case file into (name, input, expected).
pub fn cases(file: &str) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(repo_path(file)).expect("case file");
    text.split("\n=== ")
        .filter_map(|case| {
            let case = case.strip_prefix("=== ").unwrap_or(case);
            let (name, rest) = case.split_once('\n')?;
            // a case that expects nothing ends in `---` right before the
            // next `===`
            let (input, expected) = rest
                .split_once("\n---\n")
                .or_else(|| Some((rest.strip_suffix("\n---")?, "")))?;
            Some((
                name.to_string(),
                input.to_string(),
                expected.trim_end().to_string() + "\n",
            ))
        })
        .collect()
}

#[test]
fn structure_cases() {
    let cases = cases("tests/cases/structure.txt");
    assert!(cases.len() >= 10, "only {} cases read", cases.len());
    let mut failures = Vec::new();
    for (name, input, expected) in cases {
        let actual = render(&input);
        if actual != expected {
            failures.push(format!("=== {name}\n--- want\n{expected}--- got\n{actual}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
