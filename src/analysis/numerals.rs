//! Numbers written in hangul, as quoted speech writes dates and times:
//! Sino-Korean (`이천이십육`, `삼십`) for years, months, days and minutes,
//! native Korean (`세`, `열두`) for the hours of a clock.
//!
//! Only well-formed numerals are read: a string that is not one (`삼삼`,
//! `십십`) gives `None`, so that a miss, never a wrong value, follows.

/// Sino-Korean digits, `일` (1) to `구` (9), and the forms a digit takes
/// before `월` (`유월`, `시월` are read by [`month`]).
const SINO_DIGITS: [(char, u32); 9] = [
    ('일', 1),
    ('이', 2),
    ('삼', 3),
    ('사', 4),
    ('오', 5),
    ('육', 6),
    ('칠', 7),
    ('팔', 8),
    ('구', 9),
];

/// Sino-Korean powers of ten, largest first.
const SINO_UNITS: [(char, u32); 3] = [('천', 1000), ('백', 100), ('십', 10)];

/// A Sino-Korean number from 1 to 9999 (`이천이십육` is 2026, `십오` 15):
/// each power of ten at most once, largest first, each with an optional
/// digit before it, then an optional last digit.
pub(crate) fn sino(text: &str) -> Option<u32> {
    let digit = |c: char| SINO_DIGITS.iter().find(|(d, _)| *d == c).map(|(_, v)| *v);
    let unit = |c: char| SINO_UNITS.iter().find(|(u, _)| *u == c).map(|(_, v)| *v);
    let (mut total, mut pending, mut last_unit) = (0, None, u32::MAX);
    for c in text.chars() {
        if let Some(d) = digit(c) {
            if pending.is_some() {
                return None;
            }
            pending = Some(d);
        } else if let Some(u) = unit(c) {
            // powers of ten only fall: `십천` is no number
            if u >= last_unit {
                return None;
            }
            total += pending.take().unwrap_or(1) * u;
            last_unit = u;
        } else {
            return None;
        }
    }
    let total = total + pending.unwrap_or(0);
    (total > 0).then_some(total)
}

/// The month of a Sino-Korean month name without its `월` (`삼` is 3,
/// `유` and `육` 6, `시` and `십` 10, `십이` 12).
pub(crate) fn month(text: &str) -> Option<u32> {
    let month = match text {
        "유" => 6,
        "시" => 10,
        _ => sino(text)?,
    };
    (1..=12).contains(&month).then_some(month)
}

/// The native Korean numbers that count the hours of a clock, longest
/// first so that a pattern built from them prefers `열두` to `열`.
pub(crate) const NATIVE_HOURS: [(&str, u32); 12] = [
    ("열한", 11),
    ("열두", 12),
    ("다섯", 5),
    ("여섯", 6),
    ("일곱", 7),
    ("여덟", 8),
    ("아홉", 9),
    ("한", 1),
    ("두", 2),
    ("세", 3),
    ("네", 4),
    ("열", 10),
];

/// The hour a native Korean number names (`세` is 3, `열두` 12).
pub(crate) fn native_hour(text: &str) -> Option<u32> {
    NATIVE_HOURS
        .iter()
        .find(|(word, _)| *word == text)
        .map(|(_, hour)| *hour)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sino_numbers() {
        assert_eq!(sino("이천이십육"), Some(2026));
        assert_eq!(sino("천구백칠십사"), Some(1974));
        assert_eq!(sino("삼십"), Some(30));
        assert_eq!(sino("십오"), Some(15));
        assert_eq!(sino("삼십일"), Some(31));
        assert_eq!(sino("구"), Some(9));
    }

    #[test]
    fn malformed_sino_numbers_are_refused() {
        for text in ["", "삼삼", "십십", "십천", "사월", "x"] {
            assert_eq!(sino(text), None, "{text}");
        }
    }

    #[test]
    fn month_names() {
        assert_eq!(month("유"), Some(6));
        assert_eq!(month("시"), Some(10));
        assert_eq!(month("십이"), Some(12));
        assert_eq!(month("십삼"), None);
    }

    #[test]
    fn native_hours() {
        assert_eq!(native_hour("세"), Some(3));
        assert_eq!(native_hour("열두"), Some(12));
        assert_eq!(native_hour("스물"), None);
    }
}
