//! Reading one time as written: `14:00`, `3:20pm`, `3PM`, `오전 11시 30분`,
//! `09~12시`, `정오`, `자정`, `오후 세 시 반`, with the part of the day that
//! moves its hour. Joining two readings into a range is the parent's work.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::Span;
use crate::analysis::numerals;

/// A part of the day, which moves the hour written after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// `오전`, `새벽`, `아침`, `am`: twelve o'clock is 00:00.
    Morning,
    /// `오후`, `저녁`, `pm`: one to eleven are 13 to 23.
    Afternoon,
    /// `밤`: six to eleven are 18 to 23, twelve is 00:00, later hours stay.
    Night,
    /// `낮`: one to five are 13 to 17.
    Day,
}

/// The part of the day a word names.
fn part(word: &str) -> Option<Part> {
    let lower = word.to_ascii_lowercase();
    match lower.as_str() {
        "오전" | "새벽" | "아침" | "am" | "a.m." => Some(Part::Morning),
        "오후" | "저녁" | "pm" | "p.m." => Some(Part::Afternoon),
        "밤" => Some(Part::Night),
        "낮" => Some(Part::Day),
        _ => None,
    }
}

// `14:00`, `오후 2:30`, `16:00:00`, `3:20pm`, `10:30 a.m.`, `PM 3:00`
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: (?P<ap>오전|오후|낮|밤|새벽|아침|저녁|AM|PM|A\.M\.|P\.M\.) \s? )?
        (?P<h>\d{1,2}) : (?P<m>\d{2}) (?P<sec> :\d{2} )?
        (?: (?P<gap>\s?) (?P<sfx>[AaPp]\.[Mm]\.|[AaPp][Mm]) )?",
    )
    .expect("the clock pattern compiles")
});

// `3PM`, `11 am`, `4 p.m.`: an hour with an English part of the day
static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<h>\d{1,2})\s?(?P<sfx>[AaPp]\.[Mm]\.|[AaPp][Mm])")
        .expect("the English time pattern compiles")
});

// `오전 11시 30분`, `낮12시`, `09~12시`, `16시`, `오후 3시 반`, `정오`, `자정`
static HANGUL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: (?P<ap>오전|오후|낮|밤|새벽|아침|저녁) \s? )?
        (?: (?P<word>정오|자정)
          | (?: (?P<h0>\d{1,2}) \s?[~∼〜]\s? )?
            (?P<h>\d{1,2}) \s?시 (?: \s? (?P<m>\d{1,2}) \s?분 | \s?(?P<half>반) )? )",
    )
    .expect("the Korean time pattern compiles")
});

// `오후 세 시 반`, `열 시 삼십 분`: native hours, Sino-Korean minutes
static NATIVE: LazyLock<Regex> = LazyLock::new(|| {
    let hours: Vec<&str> = numerals::NATIVE_HOURS.iter().map(|(w, _)| *w).collect();
    Regex::new(&format!(
        r"(?x)
        (?: (?P<ap>오전|오후|낮|밤|새벽|아침|저녁) \s? )?
        (?P<h>{}) \s?시
        (?: \s? (?P<m>(?:[이삼사오]?십)?[일이삼사오육칠팔구]?) \s?분 | \s?(?P<half>반) )?",
        hours.join("|")
    ))
    .expect("the native time pattern compiles")
});

/// What may follow `시` in a time (`16시까지`, `10시 경주박물관`); any other
/// syllable makes a word (`시간`, `시행`, `시장`).
const AFTER_SI: [&str; 12] = [
    "까지", "부터", "에", "경", "께", "쯤", "이후", "이전", "전", "후", "로", "무렵",
];

/// One time as written, before ranges are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reading {
    pub(super) span: Span,
    /// The hour as written (`2` of `오후 2시`).
    pub(super) hour: u32,
    pub(super) minute: u32,
    pub(super) part: Option<Part>,
    /// The hour that opens a range written with one `시` (`09~12시`).
    pub(super) from: Option<u32>,
    /// `자정`.
    pub(super) midnight: bool,
    /// A reading that is a time only with a particle or a range around it:
    /// `자정` (more often 自淨, self-cleansing) and a native hour with no
    /// part of the day and no minutes (`세 시·군` counts cities).
    pub(super) weak: bool,
}

/// Reading a time's value.
impl Reading {
    /// Hours and minutes on a 24-hour clock.
    pub(super) fn clock(&self) -> (u32, u32) {
        (hour24(self.hour, self.part), self.minute)
    }

    /// Whether the time is the midnight a 12-hour reading names, which
    /// is 24:00 when it closes a range.
    pub(super) fn is_midnight(&self) -> bool {
        self.midnight || (self.clock() == (0, 0) && self.hour == 12)
    }
}

/// Every reading of `text`, in order, the longest where two overlap.
pub(super) fn readings(text: &str) -> Vec<Reading> {
    let mut found: Vec<Reading> = Vec::new();
    found.extend(CLOCK.captures_iter(text).filter_map(|c| clock(text, &c)));
    found.extend(
        ENGLISH
            .captures_iter(text)
            .filter_map(|c| english(text, &c)),
    );
    found.extend(HANGUL.captures_iter(text).filter_map(|c| hangul(text, &c)));
    found.extend(NATIVE.captures_iter(text).filter_map(|c| native(text, &c)));
    found.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
    let mut kept: Vec<Reading> = Vec::new();
    for r in found {
        if kept.last().is_none_or(|k| k.span.end <= r.span.start) {
            kept.push(r);
        }
    }
    kept
}

/// A captured number.
fn num(c: &Captures<'_>, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

/// The part of the day written before the time.
fn written_part(c: &Captures<'_>) -> Option<Part> {
    c.name("ap").and_then(|m| part(m.as_str()))
}

/// The hour on a 24-hour clock, given the part of day written with it.
pub(super) fn hour24(hour: u32, part: Option<Part>) -> u32 {
    match part {
        Some(Part::Morning | Part::Night) if hour == 12 => 0,
        Some(Part::Afternoon) if hour < 12 => hour + 12,
        Some(Part::Night) if (6..12).contains(&hour) => hour + 12,
        Some(Part::Day) if hour < 6 => hour + 12,
        _ => hour,
    }
}

/// Whether the hour and minute exist on a 24-hour clock (24:00 does).
pub(super) fn valid(hour: u32, minute: u32) -> bool {
    hour <= 24 && minute < 60 && (hour < 24 || minute == 0)
}

/// A hangul syllable.
pub(super) fn is_syllable(c: char) -> bool {
    ('가'..='힣').contains(&c)
}

/// A number glued to the match on either side (`1,234:56`, `12:345`).
fn glued(text: &str, start: usize, end: usize) -> bool {
    let prev = text.get(..start).and_then(|t| t.chars().next_back());
    let next = text.get(end..).and_then(|t| t.chars().next());
    prev.is_some_and(|c| c.is_ascii_alphanumeric() || c == ':' || c == '.' || c == ',')
        || next.is_some_and(|c| c.is_ascii_digit() || c == ':')
}

/// Whether a Latin letter follows byte `end` (`10:30Z`, `3pmx`).
fn letter_follows(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|t| t.chars().next())
        .is_some_and(|c| c.is_ascii_alphabetic())
}

/// A clock time (`14:00`, `3:20pm`). An English part of the day after it
/// rules over one before it; a suffix that is not one makes no time.
fn clock(text: &str, c: &Captures<'_>) -> Option<Reading> {
    let whole = c.get(0)?;
    let mut end = whole.end();
    let mut sfx = c.name("sfx");
    if sfx.is_some() && letter_follows(text, end) {
        // `10:00 America`: a word, not `am`, when a space stands before it
        c.name("gap").filter(|g| !g.is_empty())?;
        sfx = None;
        end = c.name("sec").or_else(|| c.name("m"))?.end();
    }
    if glued(text, whole.start(), end) || letter_follows(text, end) {
        return None;
    }
    let (hour, minute) = (num(c, "h")?, num(c, "m")?);
    let part = match sfx {
        Some(s) => Some(english_part(s.as_str(), hour)?),
        None => written_part(c),
    };
    let (h, m) = (hour24(hour, part), minute);
    valid(h, m).then_some(Reading {
        span: Span::new(whole.start(), end),
        hour,
        minute,
        part,
        from: None,
        midnight: false,
        weak: false,
    })
}

/// The part of the day of `am` / `pm` after an hour; `am` after an hour
/// past twelve contradicts itself and gives nothing.
fn english_part(suffix: &str, hour: u32) -> Option<Part> {
    let part = part(suffix)?;
    (hour <= 12 || part == Part::Afternoon).then_some(part)
}

/// An hour with `am` / `pm` and no minutes (`3PM`).
fn english(text: &str, c: &Captures<'_>) -> Option<Reading> {
    let whole = c.get(0)?;
    if glued(text, whole.start(), whole.end()) || letter_follows(text, whole.end()) {
        return None;
    }
    let hour = num(c, "h")?;
    if !(1..=12).contains(&hour) {
        return None;
    }
    Some(Reading {
        span: Span::new(whole.start(), whole.end()),
        hour,
        minute: 0,
        part: Some(english_part(c.name("sfx")?.as_str(), hour)?),
        from: None,
        midnight: false,
        weak: false,
    })
}

/// Whether a time in words ends where a word goes on (`3시간`, `시행`).
fn runs_into_word(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    rest.chars().next().is_some_and(is_syllable) && !AFTER_SI.iter().any(|w| rest.starts_with(w))
}

/// Whether a hangul syllable stands just before byte `start`: a word
/// goes on into the match (`수정오류`, `이번세 시`).
fn inside_word(text: &str, start: usize) -> bool {
    text.get(..start)
        .and_then(|t| t.chars().next_back())
        .is_some_and(is_syllable)
}

/// A time in words with digits (`오후 2시 30분`, `09~12시`), or `정오` /
/// `자정`.
fn hangul(text: &str, c: &Captures<'_>) -> Option<Reading> {
    let whole = c.get(0)?;
    if glued(text, whole.start(), whole.end()) || runs_into_word(text, whole.end()) {
        return None;
    }
    let part = written_part(c);
    if let Some(word) = c.name("word") {
        if inside_word(text, whole.start()) {
            return None;
        }
        let midnight = word.as_str() == "자정";
        return Some(Reading {
            span: Span::new(whole.start(), whole.end()),
            hour: if midnight { 0 } else { 12 },
            minute: 0,
            part: None,
            from: None,
            midnight,
            weak: midnight,
        });
    }
    let hour = num(c, "h")?;
    let minute = num(c, "m").or(c.name("half").map(|_| 30)).unwrap_or(0);
    let from = num(c, "h0");
    let hours_ok = from.is_none_or(|h| valid(hour24(h, part), 0));
    (hours_ok && valid(hour24(hour, part), minute)).then_some(Reading {
        span: Span::new(whole.start(), whole.end()),
        hour,
        minute,
        part,
        from,
        midnight: false,
        weak: false,
    })
}

/// A time in hangul numerals (`오후 세 시 반`, `열 시 삼십 분`): weak
/// without a part of the day or minutes, since `세 시` may count cities.
fn native(text: &str, c: &Captures<'_>) -> Option<Reading> {
    let whole = c.get(0)?;
    if inside_word(text, whole.start()) || runs_into_word(text, whole.end()) {
        return None;
    }
    let hour = numerals::native_hour(c.name("h")?.as_str())?;
    let minute = match (c.name("m"), c.name("half")) {
        (Some(m), _) => Some(numerals::sino(m.as_str()).filter(|&m| m < 60)?),
        (None, Some(_)) => Some(30),
        (None, None) => None,
    };
    let part = written_part(c);
    Some(Reading {
        span: Span::new(whole.start(), whole.end()),
        hour,
        minute: minute.unwrap_or(0),
        part,
        from: None,
        midnight: false,
        weak: part.is_none() && minute.is_none(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_the_day_move_the_hour() {
        assert_eq!(hour24(2, Some(Part::Afternoon)), 14);
        assert_eq!(hour24(12, Some(Part::Day)), 12);
        assert_eq!(hour24(11, Some(Part::Morning)), 11);
        assert_eq!(hour24(12, Some(Part::Morning)), 0);
        assert_eq!(hour24(12, Some(Part::Afternoon)), 12);
        assert_eq!(hour24(11, Some(Part::Night)), 23);
        assert_eq!(hour24(1, Some(Part::Night)), 1);
    }

    #[test]
    fn words_after_si_are_not_times() {
        assert!(runs_into_word("간 동안", 0));
        assert!(!runs_into_word("까지 접수", 0));
        assert!(!runs_into_word(" 세종", 0));
    }

    #[test]
    fn suffixes_that_change_the_value_are_read_or_refused() {
        let clock = |text: &str| readings(text).first().map(|r| r.clock());
        assert_eq!(clock("3:20pm"), Some((15, 20)));
        assert_eq!(clock("12am"), Some((0, 0)));
        assert_eq!(clock("10:30Z"), None);
        assert_eq!(clock("14:00am"), None);
    }
}
