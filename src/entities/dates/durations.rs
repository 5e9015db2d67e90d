//! Lengths of time: `7일간`, `7일 안에`, `10일 동안`, `3개월`, `2시간`,
//! `1주일`. A day count is written like a day of the month (`7일`), so the
//! words after it tell the two apart; the date scanner asks
//! [`marker_follows`] before it reads `7일` as the 7th.

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;
use crate::document::DurationUnit;

// `7일`, `3개월`, `2시간`, `1주일`, `10년`, `30분`: a number and a unit
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<n>\d{1,4})\s?(?P<u>개월|시간|주일|년|주|일|분)")
        .expect("the duration pattern compiles")
});

/// Words after a count that make it a length (`7일간`, `7일 안에`,
/// `10일 동안`, `30일 이내`, `7일내`, `3일 만에`, `1년 이상`).
const SPACED: [&str; 9] = [
    "동안",
    "이내",
    "안에",
    "안으로",
    "만에",
    "이상",
    "이하",
    "미만",
    "초과",
];

/// Whether the words at the start of `rest` (just after `N일`, `N년` …)
/// make the count a length of time. `간` counts glued (`7일간`) or as a
/// word of its own (`10일 간의`), never as the first syllable of one
/// (`13일 간담회`); `내` likewise (`7일내`, `7일 내에`, not `13일 내놓은`).
pub(crate) fn marker_follows(rest: &str) -> bool {
    let spaced = rest.trim_start();
    let word = |w: &str| {
        spaced.strip_prefix(w).is_some_and(|r| {
            let glued = !rest.starts_with(char::is_whitespace);
            let next = r.chars().next();
            (glued && w == "간")
                || !next.is_some_and(|c| ('가'..='힣').contains(&c))
                || ["의", "에", "로"].iter().any(|p| r.starts_with(p))
        })
    };
    SPACED.iter().any(|w| spaced.starts_with(w)) || word("간") || word("내")
}

/// Every length of time in `text`, whose first byte is at `offset`: its
/// span, number and unit. `개월`, `시간` and `주일` always count; `년`,
/// `주`, `일` and `분` only with a word of length after them, and `분` not
/// after an hour (`10시 30분 이내` is a time).
pub(crate) fn scan(text: &str, offset: usize) -> Vec<(Span, u32, DurationUnit)> {
    DURATION
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let prev = text.get(..whole.start())?;
            let glued = prev.chars().next_back().is_some_and(|ch| {
                ch.is_ascii_alphanumeric() || matches!(ch, '.' | ',' | '~' | '∼' | '〜' | '-')
            });
            if glued {
                return None;
            }
            let number: u32 = c.name("n")?.as_str().parse().ok()?;
            let rest = text.get(whole.end()..)?;
            let unit = match c.name("u")?.as_str() {
                "개월" => DurationUnit::Month,
                "시간" => DurationUnit::Hour,
                "주일" => DurationUnit::Week,
                _ if !marker_follows(rest) => return None,
                "년" if number < 1000 => DurationUnit::Year,
                "주" => DurationUnit::Week,
                "일" => DurationUnit::Day,
                "분" if !prev.trim_end().ends_with('시') => DurationUnit::Minute,
                _ => return None,
            };
            let span = Span::new(whole.start() + offset, whole.end() + offset);
            Some((span, number, unit))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(&str, u32, DurationUnit)> {
        scan(text, 0)
            .into_iter()
            .map(|(span, n, u)| (&text[span], n, u))
            .collect()
    }

    #[test]
    fn counts_with_a_word_of_length_are_durations() {
        assert_eq!(read("7일 안에"), [("7일", 7, DurationUnit::Day)]);
        assert_eq!(read("7일내 제출"), [("7일", 7, DurationUnit::Day)]);
        assert_eq!(read("3개월"), [("3개월", 3, DurationUnit::Month)]);
        assert_eq!(read("2주간"), [("2주", 2, DurationUnit::Week)]);
        assert_eq!(read("10년 동안"), [("10년", 10, DurationUnit::Year)]);
    }

    #[test]
    fn days_years_and_minutes_of_the_calendar_are_not() {
        assert!(read("13일 간담회, 13일 내놓은, 2026년 동안, 10시 30분 이내").is_empty());
        assert!(read("2∼3일 이내, 1.5시간, 4,000일간").is_empty());
    }

    #[test]
    fn the_words_after_a_count() {
        assert!(marker_follows("간 운영"));
        assert!(marker_follows(" 간의 여정"));
        assert!(!marker_follows(" 간담회"));
        assert!(marker_follows(" 내에"));
        assert!(marker_follows("내 제출"));
        assert!(!marker_follows(" 내내"));
        assert!(!marker_follows(" 내놓은"));
        assert!(marker_follows(" 안에"));
        assert!(!marker_follows(" 안전"));
    }
}
