//! Quotes and commitments: the data-driven cases of `tests/cases/quotes.txt`
//! and `tests/cases/commitments.txt`, the golden fixture, and the gold over
//! corpus releases.
//!
//! A case line is `INPUT => KEY | KEY …`: the expected items are drawn in
//! `[brackets]` in the input, and each key is the speaker (quotes) or the
//! actor with `#n` for a list index (commitments), `-` for none. `⏎` stands
//! for a line break.

use bodo::Document;

use crate::common::*;

/// Put in front of every case so that its first line is not the headline.
const TITLE: &str = "알림 제목\n";

/// One case: the input as analysed, and the items expected of it.
struct Case {
    line: usize,
    input: String,
    expected: Vec<(String, String)>,
}

fn read_cases(file: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(repo_path(file)).expect("case file");
    let mut cases = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (raw, keys) = line
            .rsplit_once(" =>")
            .unwrap_or_else(|| panic!("{file}:{}: want INPUT => KEYS", n + 1));
        let keys: Vec<String> = keys
            .split(" | ")
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect();
        let (input, drawn) = undraw(&raw.replace('⏎', "\n"));
        assert_eq!(drawn.len(), keys.len(), "{file}:{}: spans and keys", n + 1);
        cases.push(Case {
            line: n + 1,
            expected: drawn.into_iter().zip(keys).collect(),
            input,
        });
    }
    cases
}

/// The input without its brackets, and the texts they enclosed.
fn undraw(raw: &str) -> (String, Vec<String>) {
    let mut input = String::from(TITLE);
    let mut drawn = Vec::new();
    let mut open = None;
    for c in raw.chars() {
        match c {
            '[' => open = Some(input.len()),
            ']' => {
                let start = open.take().expect("] after [");
                drawn.push(input[start..].to_string());
            }
            _ => input.push(c),
        }
    }
    (input, drawn)
}

fn key(name: &Option<String>) -> String {
    name.clone().unwrap_or_else(|| "-".into())
}

fn quote_items(doc: &Document) -> Vec<(String, String)> {
    doc.quotes
        .iter()
        .map(|q| (q.mention.text.clone(), key(&q.speaker)))
        .collect()
}

fn commitment_items(doc: &Document) -> Vec<(String, String)> {
    doc.commitments
        .iter()
        .map(|c| {
            let actor = key(&c.actor);
            let key = match c.index {
                Some(n) => format!("{actor} #{n}"),
                None => actor,
            };
            (c.mention.text.clone(), key)
        })
        .collect()
}

fn run_cases(file: &str, items: fn(&Document) -> Vec<(String, String)>) {
    let cases = read_cases(file);
    assert!(cases.len() >= 10, "only {} cases read", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let doc = EXTRACTOR.extract(&case.input);
        check_spans(&case.input, &doc);
        let got = items(&doc);
        if got != case.expected {
            failures.push(format!(
                "{file}:{}\n  want {:?}\n  got  {:?}",
                case.line, case.expected, got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn quote_cases() {
    run_cases("tests/cases/quotes.txt", quote_items);
}

/// A subtitle quote is said by the name and title written before its
/// agent word (`김명수 원장 “…”`), not by the title alone.
#[test]
fn headline_quotes_take_the_name_before_the_agent() {
    let text = "어린이 글짓기 공모전 시상식 열려\n\
                - 김명수 원장 “어린이들에게 농업의 가치 지속해서 알려 나갈 것”\n\
                □ 국립원예특작과학원은 7일 시상식을 열었다.\n";
    let doc = EXTRACTOR.extract(text);
    check_spans(text, &doc);
    let speakers: Vec<String> = doc.quotes.iter().map(|q| key(&q.speaker)).collect();
    assert_eq!(speakers, ["김명수 원장"]);
}

#[test]
fn commitment_cases() {
    run_cases("tests/cases/commitments.txt", commitment_items);
}

fn fixture() -> Document {
    let input = std::fs::read_to_string(repo_path(
        "fixtures/motie-2021-12-22-industry-dx-network.txt",
    ))
    .expect("fixture");
    EXTRACTOR.extract(&input)
}

#[test]
fn fixture_quotes_are_the_vice_ministers() {
    let doc = fixture();
    let quotes = quote_items(&doc);
    assert_eq!(quotes.len(), 3, "{quotes:?}");
    for (_, speaker) in &quotes {
        assert_eq!(speaker, "박진규 산업통상자원부 1차관");
    }
    assert!(quotes[0].0.starts_with("산업 디지털 전환의 성공 가능성"));
    assert!(quotes[1].0.starts_with("「산업 디지털 전환 네트워크」와"));
    assert!(quotes[2].0.ends_with("정부가 지원을 아끼지 않겠다"));
}

#[test]
fn fixture_commitments() {
    let doc = fixture();
    let got = commitment_items(&doc);
    let has = |text: &str, key: &str| {
        assert!(
            got.iter().any(|(t, k)| t.contains(text) && k == key),
            "no {key:?} committing to {text:?} in {got:#?}"
        );
    };
    has(
        "협력에 적극 동참하기로 했다",
        "20개 단체와 12개 지능정보기술 공급기업",
    );
    has("기업인식 개선에 앞장서고", "20개 기관 #1");
    has("과제를 발굴하며", "20개 기관 #2");
    has("기반조성에 동참하고", "20개 기관 #3");
    has("활동을 펼쳐나가기로 했다", "20개 기관 #4");
    has(
        "민간의 역량을 한데 모아나갈 계획이다",
        "「산업 디지털 전환 네트워크」",
    );
    // The agreement itself was made: a report, not a commitment.
    assert!(
        !got.iter()
            .any(|(t, _)| t.contains("결성 협약을 체결하였다")),
        "{got:#?}"
    );
    has("정보를 공유하고", "협약참여기관들 #1");
    has("권리 보호를 위해 노력하며", "협약참여기관들 #2");
    has("성공모델을 발굴·확산하고", "협약참여기관들 #2");
    has("해외진출을 위해 협력하기로 하였다", "협약참여기관들 #3");
    has("지원을 아끼지 않겠다", "정부");
    assert_eq!(got.len(), 11, "{got:#?}");
}
