//! Recognises times of day: `14:00`, `오전 11시 30분`, `낮12시`, `정오`,
//! `3:20pm`, `3PM`, `오후 세 시 반`, each normalised to 24-hour `HH:MM`.
//!
//! Times are read one by one, then two are joined into a range when a
//! range mark stands between them (`14:00~16:30`, `9:30 부터 11:00`,
//! `오후 2시부터 4시`, `오전 10시부터 20일 오후 5시`, with the end's date in
//! between); `09~12시` is a range written with one `시`. A lone time keeps
//! the particle after it as its [`TimeBound`] (`14시까지`, `18시 이후`).
//!
//! Twelve o'clock after `오전`, `새벽` or `밤`, and `12am`, is 00:00; `자정`
//! is 00:00, or 24:00 when it closes a range or a `까지`. Ratios (`1:1`)
//! and phone numbers (`02-2079-6040`) are not times: a time has two-digit
//! minutes, an hour up to 24, and no digit glued to it; a clock glued to
//! letters other than `am` / `pm` (`10:30Z`) is left out rather than read
//! without them.

mod reading;

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;
use crate::analysis::Analysis;
use crate::document::{TimeBound, TimeMention};
use reading::{Reading, hour24, is_syllable, readings};

// What joins the two ends of a range: `~`, `∼`, `-`, `–`, `\~` (Markdown's
// escaped tilde) or `부터`
static JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s{0,2}(?:[~∼〜\-–]|\\~|부터)\s{0,2}").expect("the join pattern compiles")
});

/// Words after a time that say it is one, though no particle bounds it.
const ABOUT: [&str; 5] = ["경", "께", "쯤", "무렵", "정각"];

/// Every time mention of the document; `dates` are the spans of its
/// dates, which may stand between the ends of a range (`오전 10시부터 20일
/// 오후 5시`).
pub(crate) fn recognise(cx: &Analysis<'_>, dates: &[Span]) -> Vec<TimeMention> {
    let mut out = Vec::new();
    for block in cx.text_blocks() {
        out.extend(scan(cx, cx.text(block.span), block.span.start, dates));
    }
    out
}

/// Every time mention of `text` (which starts at `offset`), in order.
fn scan(cx: &Analysis<'_>, text: &str, offset: usize, dates: &[Span]) -> Vec<TimeMention> {
    let local: Vec<Span> = dates
        .iter()
        .filter(|d| d.start >= offset && d.end <= offset + text.len())
        .map(|d| Span::new(d.start - offset, d.end - offset))
        .collect();
    items(text, &local)
        .into_iter()
        .map(|(span, start, end, bound)| TimeMention {
            mention: cx.source.snippet(span.shift(offset)),
            start: hhmm(start),
            end: end.map(hhmm),
            bound,
        })
        .collect()
}

/// The mentions of `text`: each reading alone, or joined to the next.
fn items(text: &str, dates: &[Span]) -> Vec<Item> {
    let readings = readings(text);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(first) = readings.get(i) {
        let last = readings
            .get(i + 1)
            .filter(|next| joins(text, first, next, dates));
        let item = match last {
            Some(last) => Some(range(first, last)),
            None => single(text, first),
        };
        i += if last.is_some() { 2 } else { 1 };
        out.extend(item);
    }
    out
}

/// Whether a range mark, and at most the end's date, stand between two
/// readings (`10:00~12:00`, `오전 10시부터 20일 오후 5시`).
fn joins(text: &str, first: &Reading, next: &Reading, dates: &[Span]) -> bool {
    if first.from.is_some() || next.from.is_some() {
        return false;
    }
    let Some(gap) = text.get(first.span.end..next.span.start) else {
        return false;
    };
    let Some(mark) = JOIN.find(gap) else {
        return false;
    };
    let rest = first.span.end + mark.end();
    if rest == next.span.start {
        return true;
    }
    dates.iter().any(|d| {
        d.start == rest
            && text
                .get(d.end..next.span.start)
                .is_some_and(|t| t.len() <= 2 && t.chars().all(char::is_whitespace))
    })
}

/// A mention: its span, start, end and bound.
type Item = (Span, (u32, u32), Option<(u32, u32)>, Option<TimeBound>);

/// A range of two readings. An end with no part of the day of its own
/// takes the start's, moved by twelve hours when that is what puts it
/// after the start (`오전 11시~1시` ends at 13:00, `오후 6시부터 12시` at
/// 24:00); midnight closing a range is 24:00.
fn range(first: &Reading, last: &Reading) -> Item {
    let start = first.clock();
    let end = match (first.part, last.part) {
        (Some(part), None) if !last.midnight => {
            let candidates = [last.hour, last.hour + 12];
            let later = candidates
                .iter()
                .filter(|&&h| h <= 24 && (last.hour < 12 || h == last.hour))
                .find(|&&h| (h, last.minute) >= start);
            match later {
                Some(&h) => (h, last.minute),
                None if last.hour == 12 => (24, last.minute),
                None => (hour24(last.hour, Some(part)), last.minute),
            }
        }
        _ if last.is_midnight() => (24, 0),
        _ => last.clock(),
    };
    // half past midnight after an evening start is 00:30, not 24:30
    let end = if end.0 == 24 && end.1 > 0 {
        (0, end.1)
    } else {
        end
    };
    let span = Span::new(first.span.start, last.span.end);
    (span, start, Some(end), None)
}

/// A lone reading with the bound the words after it give; `09~12시` is
/// a range of its own.
fn single(text: &str, r: &Reading) -> Option<Item> {
    if let Some(from) = r.from {
        return Some((r.span, (hour24(from, r.part), 0), Some(r.clock()), None));
    }
    let bound = bound(text, r.span.end);
    let rest = text.get(r.span.end..).unwrap_or("").trim_start();
    if r.weak && bound.is_none() && !ABOUT.iter().any(|w| rest.starts_with(w)) {
        return None;
    }
    let closes = matches!(bound, Some(TimeBound::Until | TimeBound::Before));
    let start = if closes && r.is_midnight() {
        (24, 0)
    } else {
        r.clock()
    };
    Some((r.span, start, None, bound))
}

/// The particle after a lone time: `까지`, `부터`, `이후` / `후`, `이전` /
/// `전` / `전까지` (`전후`, "around", bounds nothing).
fn bound(text: &str, end: usize) -> Option<TimeBound> {
    let rest = text.get(end..).unwrap_or("");
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    // `후` and `전` as words: `9시 전에`, `9시 전까지`, not `9시 전후`
    let word = |w: &str| {
        rest.strip_prefix(w).is_some_and(|r| {
            !r.chars().next().is_some_and(is_syllable)
                || ["에", "까지", "부터", "으로", "로"]
                    .iter()
                    .any(|p| r.starts_with(p))
        })
    };
    if rest.starts_with("까지") {
        Some(TimeBound::Until)
    } else if rest.starts_with("부터") {
        Some(TimeBound::From)
    } else if rest.starts_with("이후") || word("후") {
        Some(TimeBound::After)
    } else if rest.starts_with("이전") || word("전") {
        Some(TimeBound::Before)
    } else {
        None
    }
}

/// `HH:MM`.
fn hhmm((hour, minute): (u32, u32)) -> String {
    format!("{hour:02}:{minute:02}")
}

#[cfg(test)]
mod tests {
    use super::reading::valid;
    use super::*;

    fn read(text: &str) -> Vec<(String, Option<String>)> {
        items(text, &[])
            .into_iter()
            .map(|(_, s, e, _)| (hhmm(s), e.map(hhmm)))
            .collect()
    }

    #[test]
    fn an_end_without_its_own_part_of_the_day_follows_the_start() {
        let one = |s: &str, e: &str| vec![(s.to_string(), Some(e.to_string()))];
        assert_eq!(read("오후 2시부터 4시"), one("14:00", "16:00"));
        assert_eq!(read("오전 11시~1시"), one("11:00", "13:00"));
        assert_eq!(read("오후 6시부터 12시"), one("18:00", "24:00"));
        assert_eq!(read("오전 9시~11시"), one("09:00", "11:00"));
        assert_eq!(read("밤 11시~1시"), one("23:00", "01:00"));
    }

    #[test]
    fn spans_stay_on_char_boundaries() {
        let fragments = [
            "오후", "2", "시", ":", "30", "~", "부터", "반", "정오", " ", "가", "1:1", "pm", "세",
            "자정", "까지", "A.", "\\~",
        ];
        for a in fragments {
            for b in fragments {
                for c in fragments {
                    let text = format!("{a}{b}{c}{b}");
                    for r in readings(&text) {
                        assert!(text.get(r.span.range()).is_some(), "{text:?}");
                        let (h, m) = r.clock();
                        assert!(valid(h, m), "{text:?}");
                    }
                    read(&text);
                }
            }
        }
    }
}
