//! What tells a date from a number of the same shape: amounts and
//! decimals glued to digits, enumerations (`1. 2. 3.`), counts of days
//! (`10일간`), and the words that make a lone `13일` a date.

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;

/// A number glued to a longer number (`1,997`, `1.5.3`, `v4.13`).
pub(super) fn glued(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == ',')
}

// A number with a stop just before or after (`1. 2. 3.`, `3.1. 2.`): a list
// or a section number, not a date
static NUMBER_STOP_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s?\d{1,2}\.(?:\s|$)").expect("the list pattern compiles"));
// `1. ` just before: the previous item of the enumeration
static NUMBER_STOP_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d.])\d{1,2}\.\s?$").expect("the list pattern compiles"));

/// Whether the dotted numbers at `start..end` are one run of a longer
/// enumeration such as `1. 2. 3.`.
pub(super) fn numbered(text: &str, start: usize, end: usize) -> bool {
    let head = text.get(..start).unwrap_or("");
    let head = head.get(head.len().saturating_sub(8)..).unwrap_or(head);
    NUMBER_STOP_AFTER.is_match(text.get(end..).unwrap_or(""))
        || (NUMBER_STOP_BEFORE.is_match(head) && !head.trim_end().ends_with(['~', '∼', '〜', '-']))
}

/// `10일간`, `30일 이내`, `7일 안에`, `1일 평균`, `2∼3일전`: a count of days,
/// not a date. Short words count glued or alone (`3일분`, `1일 당`), not as
/// the first syllable of a word (`13일 분양`, `13일 치러진`).
pub(super) fn duration_follows(text: &str, end: usize) -> bool {
    let glued = text.get(end..).unwrap_or("");
    if super::durations::marker_follows(glued) {
        return true;
    }
    let rest = glued.trim_start();
    // `전` as a word (`2∼3일전 접수`, `2∼3일 전에`), not the first syllable
    // of `전남`, `전체`
    let before = rest.strip_prefix('전').is_some_and(|r| {
        let word = r.chars().next().is_some_and(|c| ('가'..='힣').contains(&c));
        !word || r.starts_with('에') || r.starts_with("까지")
    });
    before
        || ["평균"].iter().any(|w| rest.starts_with(w))
        || ["째", "분", "치", "당", "마다"].iter().any(|w| {
            let word = rest
                .strip_prefix(w)
                .is_some_and(|r| !r.chars().next().is_some_and(|c| ('가'..='힣').contains(&c)));
            glued.starts_with(w) || word
        })
}

/// What follows a lone day that counts days rather than names one
/// (`처리기간은 10일이다`, `3일 만에`, `10일 후`).
const COUNT_WORDS: [&str; 12] = [
    "이다", "이며", "이고", "로", "을", "를", "만에", "씩", "정도", "가량", "후", "뒤",
];

/// A weak day-only date (`13일`) counts when the words around it show it
/// is one: `지난 10일`, `오늘(13일)`, `관세청은 13일`, `13일부터`, `30일까지`,
/// `13일 밝혔다`, or a sentence that opens with it (`13일 방미통위에 따르면`).
pub(super) fn supports_day(text: &str, span: Span) -> bool {
    let head = text.get(..span.start).unwrap_or("").trim_end();
    let rest = text.get(span.end..).unwrap_or("").trim_start();
    let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    if COUNT_WORDS.iter().any(|w| rest.starts_with(w)) {
        return false;
    }
    head.is_empty()
        || head.ends_with('.')
        || ["지난", "오는", "오늘(", "은", "는"]
            .iter()
            .any(|w| head.ends_with(w))
        || (head.ends_with('(') && rest.starts_with(')'))
        || [
            "부터", "까지", "밝혔", "발표", "개최", "열린", "열렸", "오전", "오후",
        ]
        .iter()
        .any(|w| rest.starts_with(w))
}
