//! Recognises times of day: `14:00`, `14:00~16:30`, `오전 11시 30분`,
//! `오후 2시부터 4시까지`, `낮12시`, `정오`, `16시까지`, each normalised to
//! 24-hour `HH:MM`; a range is one mention with `start` and `end`.
//!
//! Ratios (`1:1`) and phone numbers (`02-2079-6040`) are not times: a time
//! has two-digit minutes, an hour up to 24, and no digit glued to it.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::Span;
use crate::analysis::Analysis;
use crate::document::TimeMention;

// `14:00`, `오후 2:30`, `14:00~16:30`, `10:00-10:05`, `16:00:00`
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: (?P<ap>오전|오후|낮|밤|새벽|아침|저녁) \s? )?
        (?P<h>\d{1,2}) : (?P<m>\d{2}) (?: :\d{2} )?
        (?: \s? [~∼〜\-–] \s? (?: (?P<ap2>오전|오후|낮|밤|새벽|아침|저녁) \s? )?
            (?P<h2>\d{1,2}) : (?P<m2>\d{2}) (?: :\d{2} )? )?",
    )
    .expect("the clock pattern compiles")
});

// `오전 11시 30분`, `오후 2시부터 4시까지`, `낮12시`, `09~12시`, `16시`, `정오`
static HANGUL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: (?P<ap>오전|오후|낮|밤|새벽|아침|저녁) \s? )?
        (?: (?P<noon>정오)
          | (?: (?P<h0>\d{1,2}) \s?[~∼〜]\s? )?
            (?P<h>\d{1,2}) \s?시 (?: \s? (?P<m>\d{1,2}) \s?분 | \s?(?P<half>반) )? )
        (?: \s? (?:[~∼〜]|부터) \s? (?: (?P<ap2>오전|오후|낮|밤|새벽|아침|저녁) \s? )?
            (?P<h2>\d{1,2}) \s?시 (?: \s? (?P<m2>\d{1,2}) \s?분 | \s?(?P<half2>반) )? )?",
    )
    .expect("the Korean time pattern compiles")
});

/// What may follow `시` in a time (`16시까지`, `10시 경주박물관`); any other
/// syllable makes a word (`시간`, `시행`, `시장`).
const AFTER_SI: [&str; 9] = ["까지", "부터", "에", "경", "께", "쯤", "이후", "전", "로"];

/// Every time mention of the document.
pub(crate) fn recognise(cx: &Analysis<'_>) -> Vec<TimeMention> {
    let mut out = Vec::new();
    for block in cx.text_blocks() {
        out.extend(scan(cx, cx.text(block.span), block.span.start));
    }
    out
}

/// Every time mention of `text` (which starts at `offset`), in order.
pub(crate) fn scan(cx: &Analysis<'_>, text: &str, offset: usize) -> Vec<TimeMention> {
    let mut found: Vec<(Span, String, Option<String>)> = Vec::new();
    found.extend(CLOCK.captures_iter(text).filter_map(|c| clock(text, &c)));
    found.extend(HANGUL.captures_iter(text).filter_map(|c| hangul(text, &c)));
    found.sort_by_key(|(span, _, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut out: Vec<TimeMention> = Vec::new();
    for (span, start, end) in found {
        let span = span.shift(offset);
        if out.last().is_some_and(|t| t.mention.span.end > span.start) {
            continue;
        }
        out.push(TimeMention {
            mention: cx.source.snippet(span),
            start,
            end,
        });
    }
    out
}

/// A captured number.
fn num(c: &Captures<'_>, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

/// The hour on a 24-hour clock, given the part of day written before it.
fn hour24(hour: u32, part: Option<&str>) -> u32 {
    match part {
        Some("오후" | "저녁" | "밤") if hour < 12 => hour + 12,
        Some("낮") if hour < 6 => hour + 12,
        _ => hour,
    }
}

/// `HH:MM`, when the hour and minute exist.
fn hhmm(hour: u32, minute: u32) -> Option<String> {
    (hour <= 24 && minute < 60).then(|| format!("{hour:02}:{minute:02}"))
}

/// A number glued to the match on either side (`1,234:56`, `12:345`).
fn glued(text: &str, start: usize, end: usize) -> bool {
    let prev = text.get(..start).and_then(|t| t.chars().next_back());
    let next = text.get(end..).and_then(|t| t.chars().next());
    prev.is_some_and(|c| c.is_ascii_alphanumeric() || c == ':' || c == '.' || c == ',')
        || next.is_some_and(|c| c.is_ascii_digit() || c == ':')
}

/// A clock time or range (`14:00~16:30`): its span, start and end.
fn clock(text: &str, c: &Captures<'_>) -> Option<(Span, String, Option<String>)> {
    let whole = c.get(0)?;
    if glued(text, whole.start(), whole.end()) {
        return None;
    }
    let part = c.name("ap").map(|m| m.as_str());
    let start = hhmm(hour24(num(c, "h")?, part), num(c, "m")?)?;
    let part2 = c.name("ap2").map(|m| m.as_str()).or(part);
    let end = match (num(c, "h2"), num(c, "m2")) {
        (Some(h), Some(m)) => Some(hhmm(hour24(h, part2), m)?),
        _ => None,
    };
    Some((Span::new(whole.start(), whole.end()), start, end))
}

/// Whether a Korean time ends where a word goes on (`3시간`, `시행`).
fn runs_into_word(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let next = rest.chars().next();
    next.is_some_and(|c| ('가'..='힣').contains(&c))
        && !AFTER_SI.iter().any(|w| rest.starts_with(w))
}

/// A time in words (`오후 2시부터 4시`): its span, start and end.
fn hangul(text: &str, c: &Captures<'_>) -> Option<(Span, String, Option<String>)> {
    let whole = c.get(0)?;
    if glued(text, whole.start(), whole.end()) || runs_into_word(text, whole.end()) {
        return None;
    }
    let part = c.name("ap").map(|m| m.as_str());
    let minute = |m: &str, half: &str| num(c, m).or(c.name(half).map(|_| 30)).unwrap_or(0);
    // `자정` is left out: it is far more often 자정(自淨) "self-cleansing".
    let (first, start) = match c.name("noon") {
        Some(_) => (None, hhmm(12, 0)?),
        None => {
            let h = hour24(num(c, "h")?, part);
            (num(c, "h0"), hhmm(h, minute("m", "half"))?)
        }
    };
    let part2 = c.name("ap2").map(|m| m.as_str()).or(part);
    let end = match (first, num(c, "h2")) {
        // `09~12시`: the first hour opens the range, the second closes it
        (Some(h0), _) => {
            let end = start.clone();
            return Some((
                Span::new(whole.start(), whole.end()),
                hhmm(hour24(h0, part), 0)?,
                Some(end),
            ));
        }
        (None, Some(h2)) => Some(hhmm(hour24(h2, part2), minute("m2", "half2"))?),
        (None, None) => None,
    };
    Some((Span::new(whole.start(), whole.end()), start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn afternoon_hours_are_moved_to_24_hours() {
        assert_eq!(hour24(2, Some("오후")), 14);
        assert_eq!(hour24(12, Some("낮")), 12);
        assert_eq!(hour24(11, Some("오전")), 11);
    }

    #[test]
    fn spans_stay_on_char_boundaries() {
        let fragments = [
            "오후", "2", "시", ":", "30", "~", "부터", "반", "정오", " ", "가", "1:1",
        ];
        for a in fragments {
            for b in fragments {
                for c in fragments {
                    let text = format!("{a}{b}{c}{b}");
                    let found = HANGUL
                        .captures_iter(&text)
                        .filter_map(|m| hangul(&text, &m))
                        .chain(CLOCK.captures_iter(&text).filter_map(|m| clock(&text, &m)));
                    for (span, start, _) in found {
                        assert!(text.get(span.range()).is_some(), "{text:?}");
                        assert_eq!(start.len(), 5, "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn words_after_si_are_not_times() {
        assert!(runs_into_word("간 동안", 0));
        assert!(!runs_into_word("까지 접수", 0));
        assert!(!runs_into_word(" 세종", 0));
    }
}
