//! The date forms that need more than a pattern to tell them from
//! numbers: slashed dates, which share their shape with fractions
//! (`4/25`, `1/4분기`), and dates in hangul numerals, which share theirs
//! with words (`삼월 삼일`, `삼일절`).

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::calendar::Date;
use super::scan::{Written, after, before, num, weekday, year};
use crate::Span;
use crate::analysis::numerals;

/// Every slashed date of `text` (`2015/3/3`, `74/10/31`, `4/25(금)`).
pub(super) fn slashed(text: &str) -> impl Iterator<Item = Written> + '_ {
    SLASH.captures_iter(text).filter_map(|c| slash(text, &c))
}

/// Every date of `text` written in hangul numerals (`삼월 삼일`).
pub(super) fn hangul(text: &str) -> impl Iterator<Item = Written> + '_ {
    HANGUL_DATE
        .captures_iter(text)
        .filter_map(|c| hangul_date(text, &c))
}

// `4/25`, `4/25(금)`, `2015/3/3`, `74/10/31`, `’74/10/31`
static SLASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: (?P<y4>(?:19|20)\d{2}) / | (?P<q>[’‘'`‵′])? (?P<y2>\d{2}) / )?
        (?P<m>\d{1,2}) / (?P<d>\d{1,2})
        (?: \s?\(\s?(?P<wd>[월화수목금토일月火水木金土日])(?:요일)?\s?\)
          | \s?(?P<wdw>[월화수목금토일])요일 )?",
    )
    .expect("the slash-date pattern compiles")
});

// What makes a bare `4/25` a date rather than a fraction: a time after it
// (`4/25 오후4시`), or another slashed date after a range mark
static SLASH_SIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s?(?:오전|오후|낮|밤|새벽|아침|저녁|\d{1,2}\s?(?::\d{2}|시))|^\s{0,2}(?:[~∼〜\-–]|\\~)\s{0,2}\d{1,2}/\d",
    )
    .expect("the slash-sign pattern compiles")
});

// `이천이십육년 삼월 삼일`, `시월 십오일`: dates in hangul numerals
static HANGUL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: (?P<hy>[일이삼사오육칠팔구십백천]+) \s?년\s? )?
        (?P<hm>십[일이]?|[일이삼사오육유칠팔구시]) \s?월\s?
        (?P<hd>[이삼]?십[일이삼사오육칠팔구]?|[일이삼사오육칠팔구]) \s?일",
    )
    .expect("the hangul-date pattern compiles")
});

/// A slashed date. With a four-digit year it is one beyond doubt; a
/// two-digit year needs two-digit month and day (`74/10/31`) or an
/// apostrophe (`’74/3/5`). Without a year, `4/25` shares its shape with
/// fractions (`1/4분기`, `1/3 수준`): it is a date with a weekday, a time
/// after it, a slashed range end, or a day past 12 that no unit follows.
fn slash(text: &str, c: &Captures<'_>) -> Option<Written> {
    let whole = c.get(0)?;
    let prev = before(text, whole.start());
    let rest = text.get(whole.end()..)?;
    let mut next = rest.chars();
    let glued_next = match next.next() {
        Some(n) if n.is_ascii_alphanumeric() || matches!(n, '/' | '%') => true,
        Some('.' | ',') => next.next().is_some_and(|n| n.is_ascii_digit()),
        _ => false,
    };
    let glued_prev = prev.is_some_and(|p| p.is_ascii_alphanumeric() || "/.,:-".contains(p));
    if glued_prev || glued_next {
        return None;
    }
    let (month, day) = (num(c, "m")?, num(c, "d")?);
    let year = year(c);
    Date::new(year.unwrap_or(2024), month, day)?;
    let two_digits = |name: &str| c.name(name).is_some_and(|m| m.len() == 2);
    if c.name("y2").is_some() && c.name("q").is_none() && !(two_digits("m") && two_digits("d")) {
        return None;
    }
    let unit = ["%", "분기", "수준", "이상", "이하", "미만", "초과", "배"]
        .iter()
        .any(|u| rest.trim_start().starts_with(u));
    let sign = weekday(c).is_some() || SLASH_SIGN.is_match(rest) || (day > 12 && !unit);
    if year.is_none() && !sign {
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

/// A date in hangul numerals (`삼월 삼일`), a word of its own: not inside
/// a longer word (`삼일절`), and with a year that is one (`이천이십육년`).
fn hangul_date(text: &str, c: &Captures<'_>) -> Option<Written> {
    let whole = c.get(0)?;
    let syllable = |ch: Option<char>| ch.is_some_and(|ch| ('가'..='힣').contains(&ch));
    let rest = text.get(whole.end()..)?;
    let particle = ["에", "부터", "까지", "은", "는", "의", "로", "과", "와"]
        .iter()
        .any(|p| rest.starts_with(p));
    if syllable(before(text, whole.start())) || (syllable(after(text, whole.end())) && !particle) {
        return None;
    }
    let year = match c.name("hy") {
        Some(y) => Some(numerals::sino(y.as_str()).filter(|y| (1900..2100).contains(y))?),
        None => None,
    };
    let year = year.and_then(|y| i32::try_from(y).ok());
    let month = numerals::month(c.name("hm")?.as_str())?;
    let day = numerals::sino(c.name("hd")?.as_str())?;
    Date::new(year.unwrap_or(2024), month, day)?;
    Some(Written {
        span: Span::new(whole.start(), whole.end()),
        year,
        month: Some(month),
        day,
        weekday: None,
        weak: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<(&str, Option<i32>, Option<u32>, u32)> {
        slashed(text)
            .chain(hangul(text))
            .map(|w| (&text[w.span], w.year, w.month, w.day))
            .collect()
    }

    #[test]
    fn slashed_dates() {
        assert_eq!(dates("2015/3/3"), [("2015/3/3", Some(2015), Some(3), 3)]);
        assert_eq!(dates("74/10/31"), [("74/10/31", Some(1974), Some(10), 31)]);
        assert_eq!(dates("4/25"), [("4/25", None, Some(4), 25)]);
        assert_eq!(dates("4/2 오후4시"), [("4/2", None, Some(4), 2)]);
    }

    #[test]
    fn fractions_are_not_dates() {
        for text in [
            "1/4분기",
            "1/3 수준",
            "3/4",
            "1/25,000",
            "74/3/5",
            "a/4/25",
            "4/25/",
        ] {
            assert!(dates(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn hangul_dates() {
        let want = [("이천이십육년 삼월 삼일", Some(2026), Some(3), 3)];
        assert_eq!(dates("이천이십육년 삼월 삼일에"), want);
        assert_eq!(
            dates("시월 삼십일일"),
            [("시월 삼십일일", None, Some(10), 31)]
        );
        assert!(dates("삼일절, 유월 삼십일일, 오백년 삼월 삼일").is_empty());
    }
}
