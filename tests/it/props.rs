//! Properties that hold for any input: no panic, every span on char
//! boundaries with `input[span] == text` (bytes and chars), children inside
//! their parents, nothing dropped, and the same output for the same input.
//! Inputs are corpus releases mangled at random, plus hand-made extremes.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::common::*;

fn corpus_texts() -> Vec<String> {
    corpus_files()
        .iter()
        .filter_map(|p| bodo::read_path(p).ok().map(|i| i.text))
        .collect()
}

/// Everything a document must satisfy for `input`.
fn invariants(input: &str) {
    let doc = EXTRACTOR.extract(input);
    check_spans(input, &doc);
    check_coverage(input, &doc);
    for w in &doc.warnings {
        assert!(
            input.get(w.span.range()).is_some(),
            "warning span {:?}",
            w.span
        );
    }
    assert_eq!(doc, EXTRACTOR.extract(input), "not deterministic");
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Cuts `text` at the char boundary at or before `at`.
fn cut(text: &str, at: usize) -> &str {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    &text[..at]
}

const MARKERS: &[&str] = &[
    "□ ",
    "ㅇ ",
    "- ",
    "* ",
    "※ ",
    "①",
    "❷",
    "➌",
    "(1) ",
    "가. ",
    "▲",
    "【 ",
    " 】",
    "“",
    "”",
    "「",
    "|",
    " | ",
    "’21. 12. 22(수)",
    "14:00~",
    "99999. 99. 99.",
    "\u{0}",
    "\u{7}",
    "\r",
    "\t",
    "이하 “",
    "(장관: ",
];

#[test]
fn truncated_releases() {
    let texts = corpus_texts();
    runner(48)
        .run(&(0..texts.len(), 0.0f64..1.0), |(i, frac)| {
            let text = &texts[i];
            invariants(cut(text, (text.len() as f64 * frac) as usize));
            Ok(())
        })
        .unwrap();
}

#[test]
fn shuffled_lines_and_inserted_markers() {
    let texts = corpus_texts();
    let strategy = (
        0..texts.len(),
        prop::collection::vec(any::<prop::sample::Index>(), 0..40),
        prop::collection::vec((any::<prop::sample::Index>(), 0..MARKERS.len()), 0..30),
    );
    runner(48)
        .run(&strategy, |(i, swaps, inserts)| {
            let mut lines: Vec<&str> = texts[i].lines().collect();
            for pair in swaps.chunks(2) {
                if let [a, b] = pair {
                    let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                    lines.swap(a, b);
                }
            }
            let mut text = lines.join("\n");
            for (at, marker) in inserts {
                let at = cut(&text, at.index(text.len() + 1)).len();
                text.insert_str(at, MARKERS[marker]);
            }
            invariants(&text);
            Ok(())
        })
        .unwrap();
}

#[test]
fn arbitrary_strings() {
    runner(128)
        .run(
            &"(\\PC|[□ㅇ\\-*※①②【】“”「」|\\n ]|[0-9.~:]){0,300}",
            |s| {
                invariants(&s);
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn extremes() {
    let long_list: String = (0..10_000)
        .map(|i| format!("{} 기관{i} ", ['①', '②', '③'][i % 3]))
        .collect();
    let huge =
        "99999. 99. 99.(월) 99:99~99:99 ’99. 99. 99(수) 4294967296월 4294967296일\n".repeat(50);
    let controls = "제목\n□ 본문\u{0}\u{1}\u{1b}[0m 끝\r\n\u{feff}ㅇ \u{200b}둘째\n";
    let english = "Press release\n- Korea and partners sign MOU -\n□ The Ministry said on 22 December that it would cooperate.\n";
    let tables = " | 구분 | 값 | \n | 1 | 2 | \n|\n| | |\n";
    let unclosed =
        "제목\n□ 박진규 차관은 “끝나지 않는 인용 「이름 【상자 (괄호 ‘작은\nㅇ 다음 줄 ”\n";
    for input in [
        "",
        "\n\n\n",
        "|",
        long_list.as_str(),
        huge.as_str(),
        controls,
        english,
        tables,
        unclosed,
    ] {
        invariants(input);
    }
}

#[test]
fn one_megabyte_line_without_newline() {
    // Bounded work: the morphology cuts long runs into chunks.
    let line = "산업 디지털 전환을 위한 협력에 적극 동참하기로 했다 ".repeat(14_000);
    assert!(line.len() > 1_000_000);
    let doc = EXTRACTOR.extract(&line);
    check_spans(&line, &doc);
}

#[test]
fn ten_megabyte_release() {
    // Work linear in the input: the corpus's releases one after another
    // until 10 MB, read as one release (one header, a very long body).
    let texts = corpus_texts();
    let mut release = String::new();
    while release.len() < 10_000_000 {
        for text in &texts {
            release.push_str(text);
            release.push('\n');
        }
    }
    let doc = EXTRACTOR.extract(&release);
    check_spans(&release, &doc);
    assert!(doc.dates.len() > 1_000 && doc.organizations.len() > 100);
}
