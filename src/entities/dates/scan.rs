//! Finds date mentions in a piece of text, as written: the numbers, the
//! weekday and the span of each, with no year inference yet (see
//! [`super::resolve`]).
//!
//! Forms read: dotted (`2026. 4. 13.(월)`, `’21. 12. 22(수)`, `4.13(월)`,
//! `(5.12/목)`, `4.13일`), Korean (`2023년 2월 10일`, `12월 22일(수)`,
//! `13일(월)`, `2월 18일 월요일`), slashed (`2015/3/3`, `74/10/31`,
//! `4/25(금)`), hyphenated with a four-digit year (`2015-3-3`), hangul
//! numerals (`이천이십육년 삼월 삼일`), ranges joined from two of those
//! (`4. 13.~5. 4.`, `4월 6일(월)부터 10일(금)`, `4.12(일)~17(금)`,
//! `13~17일`), and the relative words `지난` / `오는` before a date.
//! Middle-dot numbers (`12·29`, `2·3조`) are never dates: the genre writes
//! event names and law articles that way, and dotted dates with a full
//! stop. Counts of days (`7일간`, `7일 안에`) are never dates either.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::forms;
use super::guards::{duration_follows, glued, numbered, supports_day};
use crate::Span;

/// Which way a relative word points from the document date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// `지난`: on or before.
    Back,
    /// `오는`: on or after.
    Forward,
    /// No relative word.
    Nearest,
    /// `올해` (0), `지난해` / `작년` (-1), `내년` (1): the year, counted from
    /// the document's.
    Year(i32),
}

/// One date as written: each part present only when the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Written {
    /// Where it stands.
    pub(crate) span: Span,
    /// The year, already widened to four digits (`’21` is 2021).
    pub(crate) year: Option<i32>,
    /// The month, when written.
    pub(crate) month: Option<u32>,
    /// The day.
    pub(crate) day: u32,
    /// The weekday index (`0` is 월) written beside it.
    pub(crate) weekday: Option<usize>,
    /// A day with no month and no weekday (`13일`): only kept when the
    /// context shows it is a date.
    pub(crate) weak: bool,
}

/// A date mention: one date or a range, with its relative word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// The whole mention, relative word included.
    pub(crate) span: Span,
    /// The (first) date.
    pub(crate) start: Written,
    /// The last date of a range.
    pub(crate) end: Option<Written>,
    /// `지난` / `오는`.
    pub(crate) direction: Direction,
}

// `2026. 4. 13.(월)`, `’21. 12. 22(수)`, `‘22.11.1(화)`, `4.13(월)`, `(5.12/목)`,
// `’26.4.13일`, `2026.4 .10.(금)`
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: (?P<y4>(?:19|20)\d{2}) \s?\.\s?
          | [’‘'`‵′] \s? (?P<y2>\d{2}) \s?\.\s? )?
        (?P<m>\d{1,2}) \s?\.\s? (?P<d>\d{1,2}) (?P<dot>\s?\.)? (?P<il>일)?
        (?: \s?\(\s?(?P<wd>[월화수목금토일月火水木金土日])(?:요일)?\s?\) | /(?P<wd2>[월화수목금토일月火水木金土日])
          | \s?(?P<wdw>[월화수목금토일])요일 )?",
    )
    .expect("the dotted-date pattern compiles")
});

// `2026-04-13`, `2015-3-3`: only with a four-digit year, so that phone
// numbers (`02-2079-6040`) and year ranges (`2024-2028`) stay out
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<y4>(?:19|20)\d{2})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)")
        .expect("the ISO-date pattern compiles")
});

// `2023년 2월 10일`, `’26년 4월 13일`, `12월 22일(수)`, `13일(월)`, `4월 12일 (일요일)`
static KOREAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: (?P<y4>(?:19|20)\d{2}) \s?년\s? | [’‘'`‵′](?P<y2>\d{2}) \s?년\s? )?
        (?: (?P<m>\d{1,2}) \s?월\s? )?
        (?P<d>\d{1,2}) \s?일
        (?: \s?\(\s?(?P<wd>[월화수목금토일月火水木金土日])(?:요일)?\s?\)
          | \s?(?P<wdw>[월화수목금토일])요일 )?",
    )
    .expect("the Korean-date pattern compiles")
});

// `13~17일`, `4월 13~17일`, `(1∼10일)`: a bare first day before a range
static BARE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: (?P<m>\d{1,2}) \s?월\s? )?
        (?P<d0>\d{1,2}) \s?[~∼〜]\s? (?P<d>\d{1,2}) \s?일
        (?: \s?\(\s?(?P<wd>[월화수목금토일月火水木金土日])(?:요일)?\s?\)
          | \s?(?P<wdw>[월화수목금토일])요일 )?",
    )
    .expect("the bare-range pattern compiles")
});

// What joins the two ends of a range: `~`, `∼`, `-`, `\~` (Markdown's
// escaped tilde), `부터` (`오는` may follow; a stray stop may precede, as in
// `13(월). ~ 4.22(수)`).
static JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\.?\s{0,2}(?:[~∼〜\-–]|\\~|부터)\s{0,2}(?:오는\s?)?")
        .expect("the join pattern compiles")
});

// The end of a range given as a day only: `17(금)`, `24.`, `10일`
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<d>\d{1,2})(?:\s?\.|\s?일)?(?:\s?\(\s?(?P<wd>[월화수목금토일月火水木金土日])(?:요일)?\s?\)|\s(?P<wdw>[월화수목금토일])요일)?",
    )
    .expect("the tail pattern compiles")
});

/// Every date mention in `text`, whose first byte is at `offset` in the
/// input, in order. `headline` is set for titles and subtitles, where a
/// bare `(7.27)` is a date; in body text and tables it is a number.
pub(crate) fn scan(text: &str, offset: usize, headline: bool) -> Vec<Found> {
    let mut written: Vec<Written> = Vec::new();
    written.extend(
        DOTTED
            .captures_iter(text)
            .filter_map(|c| dotted(text, &c, headline)),
    );
    written.extend(KOREAN.captures_iter(text).filter_map(|c| korean(text, &c)));
    written.extend(ISO.captures_iter(text).filter_map(|c| iso(text, &c)));
    written.extend(forms::slashed(text));
    written.extend(forms::hangul(text));
    let mut ranges: Vec<Found> = BARE_RANGE
        .captures_iter(text)
        .filter_map(|c| bare_range(text, &c))
        .collect();
    written.retain(|w| !ranges.iter().any(|r| overlaps(r.span, w.span)));
    let written = without_overlaps(written);
    ranges.extend(join(text, &written));
    ranges.sort_by_key(|f| f.span.start);
    ranges
        .into_iter()
        .map(|f| with_direction(text, f))
        .filter(|f| !f.start.weak || f.end.is_some() || supports_day(text, f.span))
        .map(|f| shifted(f, offset))
        .collect()
}

/// Whether two spans share a byte.
fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Keeps the longest of overlapping candidates (the earliest on ties).
fn without_overlaps(mut all: Vec<Written>) -> Vec<Written> {
    all.sort_by_key(|w| (w.span.start, std::cmp::Reverse(w.span.end)));
    let mut kept: Vec<Written> = Vec::new();
    for w in all {
        if kept.last().is_none_or(|k| k.span.end <= w.span.start) {
            kept.push(w);
        }
    }
    kept
}

/// A captured number.
pub(super) fn num(c: &Captures<'_>, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

/// The captured year, four digits or two after an apostrophe.
pub(super) fn year(c: &Captures<'_>) -> Option<i32> {
    let four = c.name("y4").and_then(|m| m.as_str().parse().ok());
    // `’99` is 1999, `’21` is 2021: releases quote the near past and future.
    let two = num(c, "y2").and_then(|y| i32::try_from(y).ok());
    four.or(two.map(|y| if y >= 70 { 1900 + y } else { 2000 + y }))
}

/// The captured weekday, `(월)`, `/월` or `월요일`.
pub(super) fn weekday(c: &Captures<'_>) -> Option<usize> {
    let name = c
        .name("wd")
        .or_else(|| c.name("wd2"))
        .or_else(|| c.name("wdw"))?;
    super::calendar::weekday_index(name.as_str())
}

/// The character before byte `at`.
pub(super) fn before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// The character at byte `at`.
pub(super) fn after(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// A dotted date; year-less ones need a sign that they are dates (a final
/// full stop, `일`, a weekday, a range, or parentheses in a headline), since
/// `62.8조원`, `1.5 L` and `4.0` share their shape.
fn dotted(text: &str, c: &Captures<'_>, headline: bool) -> Option<Written> {
    let whole = c.get(0)?;
    let year = year(c);
    let (month, day) = (num(c, "m")?, num(c, "d")?);
    super::calendar::Date::new(year.unwrap_or(2024), month, day)?;
    let prev = before(text, whole.start());
    let next = after(text, whole.end());
    let has_dot = c.name("dot").is_some();
    // `4.13.5` is a version or a section number; `13(월).` a stray stop
    let loose_stop = !has_dot && weekday(c).is_none() && next == Some('.');
    if glued(prev) || next.is_some_and(|n| n.is_ascii_digit()) || loose_stop {
        return None;
    }
    let marked = has_dot || c.name("il").is_some() || weekday(c).is_some();
    let head = text.get(..whole.start())?.trim_end_matches(' ');
    let ranged = JOIN.is_match(text.get(whole.end()..)?) || head.ends_with(['~', '∼', '〜']);
    let boxed = headline && prev == Some('(') && matches!(next, Some(')' | ','));
    if year.is_none()
        && (!(marked || ranged || boxed) || numbered(text, whole.start(), whole.end()))
    {
        return None;
    }
    Some(Written {
        span: Span::new(whole.start(), whole.end()),
        year,
        month: Some(month),
        day,
        weekday: weekday(c),
        weak: false,
    })
}

/// An ISO date, not glued to more digits or hyphens (`02-2026-04-13-1`)
/// and not a document number (`제2015-3-3호`).
fn iso(text: &str, c: &Captures<'_>) -> Option<Written> {
    let whole = c.get(0)?;
    let outside = |ch: Option<char>| ch.is_some_and(|ch| ch.is_ascii_alphanumeric() || ch == '-');
    let (prev, next) = (before(text, whole.start()), after(text, whole.end()));
    if outside(prev) || outside(next) || prev == Some('제') || next == Some('호') {
        return None;
    }
    let (year, month, day) = (year(c)?, num(c, "m")?, num(c, "d")?);
    super::calendar::Date::new(year, month, day)?;
    Some(Written {
        span: Span::new(whole.start(), whole.end()),
        year: Some(year),
        month: Some(month),
        day,
        weekday: None,
        weak: false,
    })
}

/// A Korean date (`12월 22일`); a lone day (`13일`) is weak unless a
/// weekday follows it.
fn korean(text: &str, c: &Captures<'_>) -> Option<Written> {
    let whole = c.get(0)?;
    let year = year(c);
    let month = num(c, "m");
    let day = num(c, "d")?;
    super::calendar::Date::new(year.unwrap_or(2024), month.unwrap_or(1), day)?;
    if glued(before(text, whole.start())) || duration_follows(text, whole.end()) {
        return None;
    }
    let weak = month.is_none() && weekday(c).is_none();
    Some(Written {
        span: Span::new(whole.start(), whole.end()),
        year,
        month,
        day,
        weekday: weekday(c),
        weak,
    })
}

/// `13~17일`: a range whose first day has no `일` of its own.
fn bare_range(text: &str, c: &Captures<'_>) -> Option<Found> {
    let whole = c.get(0)?;
    if glued(before(text, whole.start())) || duration_follows(text, whole.end()) {
        return None;
    }
    let (first, last) = (num(c, "d0")?, num(c, "d")?);
    let month = num(c, "m");
    if first >= last || super::calendar::Date::new(2024, month.unwrap_or(1), last).is_none() {
        return None;
    }
    let span = Span::new(whole.start(), whole.end());
    let start = Written {
        span,
        year: None,
        month,
        day: first,
        weekday: None,
        weak: false,
    };
    let end = Written {
        day: last,
        weekday: weekday(c),
        ..start
    };
    Some(Found {
        span,
        start,
        end: Some(end),
        direction: Direction::Nearest,
    })
}

/// Joins each date to the next when a range mark stands between them, or
/// to a day-only tail (`4.12(일)~17(금)`, `4.13.~24.`).
fn join(text: &str, written: &[Written]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(w) = written.get(i) {
        let rest = text.get(w.span.end..).unwrap_or("");
        let joint = JOIN.find(rest).map(|m| w.span.end + m.end());
        let next = written.get(i + 1).filter(|n| Some(n.span.start) == joint);
        let (end, used) = match (joint, next) {
            (_, Some(n)) => (Some(*n), 2),
            (Some(at), None) => (tail(text, at, w), 1),
            _ => (None, 1),
        };
        let end = end.filter(|e| is_after(w, e));
        let span = Span::new(w.span.start, end.map_or(w.span.end, |e| e.span.end));
        out.push(Found {
            span,
            start: *w,
            end,
            direction: Direction::Nearest,
        });
        i += if end.is_some() { used } else { 1 };
    }
    out
}

/// A range's end written as a day only, after a dotted or Korean start.
fn tail(text: &str, at: usize, start: &Written) -> Option<Written> {
    let c = TAIL.captures(text.get(at..)?)?;
    let whole = c.get(0)?;
    let end = at + whole.end();
    let next = after(text, end);
    if next.is_some_and(|n| n.is_ascii_digit() || n == '.' || n == '월') || start.month.is_none() {
        return None;
    }
    Some(Written {
        span: Span::new(at, end),
        year: None,
        month: None,
        day: num(&c, "d")?,
        weekday: weekday(&c),
        weak: false,
    })
}

/// Whether `end` can close a range that opens at `start`: later in the
/// same month, or any day of a later month.
fn is_after(start: &Written, end: &Written) -> bool {
    match (start.year, end.year, start.month, end.month) {
        (Some(a), Some(b), _, _) if a != b => a < b,
        (_, _, Some(a), Some(b)) if a != b => true,
        _ => end.day > start.day,
    }
}

/// Takes `지난` / `오는` just before the mention into it; a year word
/// (`올해`, `지난해`) before it sets the year but stays out of the span.
fn with_direction(text: &str, mut found: Found) -> Found {
    let head = text
        .get(..found.span.start)
        .unwrap_or("")
        .trim_end_matches(' ');
    for (word, offset) in YEAR_WORDS {
        if head.ends_with(word) {
            found.direction = Direction::Year(offset);
            return found;
        }
    }
    for (word, direction) in [("지난", Direction::Back), ("오는", Direction::Forward)] {
        if head.ends_with(word) {
            found.span = Span::new(head.len() - word.len(), found.span.end);
            found.direction = direction;
        }
    }
    found
}

/// Words that name the year of the date after them.
const YEAR_WORDS: [(&str, i32); 6] = [
    ("올해", 0),
    ("금년", 0),
    ("지난해", -1),
    ("작년", -1),
    ("전년", -1),
    ("내년", 1),
];

/// The mention with its spans moved from the slice into the input.
fn shifted(mut f: Found, by: usize) -> Found {
    f.span = f.span.shift(by);
    f.start.span = f.start.span.shift(by);
    if let Some(end) = f.end.as_mut() {
        end.span = end.span.shift(by);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        scan(text, 0, false).iter().map(|f| &text[f.span]).collect()
    }

    #[test]
    fn numbers_that_are_not_dates() {
        assert!(texts("62.8조원 대비 0.2조원, 48.3%, 4,614억, 1.5 L, 4.0").is_empty());
        assert!(texts("12·29 여객기 참사, 노조법 2·3조, 10일간, 1,997명").is_empty());
        assert!(texts("02-2079-6040, 버전 2.1.3").is_empty());
    }

    #[test]
    fn ranges_are_one_mention() {
        assert_eq!(texts("기간(4. 13.~5. 4.) 운영"), ["4. 13.~5. 4."]);
        assert_eq!(texts("13~17일 운영"), ["13~17일"]);
        assert_eq!(
            texts("4월 6일(월)부터 10일(금)까지"),
            ["4월 6일(월)부터 10일(금)"]
        );
        assert_eq!(texts("’22.3.7~3.11 실시"), ["’22.3.7~3.11"]);
        assert_eq!(texts("4.12(일)~17(금) 방문"), ["4.12(일)~17(금)"]);
    }

    #[test]
    fn odd_fragments_never_panic_and_spans_stay_on_char_boundaries() {
        let fragments = [
            "4.", "13", "(월)", "~", "∼", "’", "26.", "일", "월", " ", "지난", "오는", "부터", "(",
            ")", "/목)", "2026", "년", ".", "-", "가", "\u{feff}", "12·29", "0", "99",
        ];
        for a in fragments {
            for b in fragments {
                for c in fragments {
                    let text = format!("{a}{b}{c}{a}{c}");
                    for f in scan(&text, 0, true) {
                        assert!(text.get(f.span.range()).is_some(), "{text:?} {f:?}");
                        assert!(f.span.contains(f.start.span), "{text:?} {f:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn relative_words_join_the_mention() {
        let found = scan("지난 12월 9일 통과", 0, false);
        assert_eq!(found.first().map(|f| f.direction), Some(Direction::Back));
        assert_eq!(texts("지난 12월 9일 통과"), ["지난 12월 9일"]);
    }
}
