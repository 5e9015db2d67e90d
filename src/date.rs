//! [`Date`]: a calendar day given to bodo, checked when it is made.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// A day of the (proleptic Gregorian) calendar, years 1 to 9999.
///
/// It is checked when it is made, so a `Date` always exists: `2026-02-30`
/// or `2026-13-45` is an [`Error::Date`] at setup rather than dates that
/// quietly resolve to nothing later. It reads and prints as ISO 8601
/// `YYYY-MM-DD`.
///
/// # Example
///
/// ```
/// use bodo::Date;
///
/// let date = Date::new(2021, 12, 22)?;
/// assert_eq!(date.to_string(), "2021-12-22");
/// assert_eq!("2021-12-22".parse::<Date>()?, date);
///
/// assert!(Date::new(2026, 13, 45).is_err());
/// assert!(Date::new(2026, 2, 29).is_err()); // not a leap year
/// assert!("2021-12-22T09:00".parse::<Date>().is_err());
/// # Ok::<(), bodo::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// The date, or [`Error::Date`] when the calendar has no such day.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, Error> {
        let invalid = |message: String| Error::Date {
            input: format!("{year:04}-{month:02}-{day:02}"),
            message,
        };
        if !(1..=9999).contains(&year) {
            return Err(invalid("the year is not between 1 and 9999".into()));
        }
        let Some(last) = days_in_month(year, month) else {
            return Err(invalid(format!("there is no month {month}")));
        };
        if !(1..=last).contains(&day) {
            return Err(invalid(format!(
                "{year:04}-{month:02} has days 1 to {last}"
            )));
        }
        Ok(Date { year, month, day })
    }

    /// The year, 1 to 9999.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u32 {
        self.day
    }
}

/// ISO 8601: `2021-12-22`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Reads exactly `YYYY-MM-DD`, as printed.
impl FromStr for Date {
    type Err = Error;

    fn from_str(s: &str) -> Result<Date, Error> {
        let malformed = || Error::Date {
            input: s.to_string(),
            message: "expected YYYY-MM-DD".into(),
        };
        let number = |part: &str, width: usize| {
            (part.len() == width && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        };
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(malformed());
        };
        match (number(y, 4), number(m, 2), number(d, 2)) {
            (Some(year), Some(month), Some(day)) => {
                let year = i32::try_from(year).map_err(|_| malformed())?;
                Date::new(year, month, day).map_err(|err| match err {
                    Error::Date { message, .. } => Error::Date {
                        input: s.to_string(),
                        message,
                    },
                    other => other,
                })
            }
            _ => Err(malformed()),
        }
    }
}

/// The length of a month, `None` for months that do not exist.
fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `input => Ok(iso)` or `input => Err(message)`.
    #[test]
    fn parsing_and_checking() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("2021-12-22", Ok("2021-12-22")),
            ("2024-02-29", Ok("2024-02-29")),
            ("2000-02-29", Ok("2000-02-29")),
            ("0001-01-01", Ok("0001-01-01")),
            ("9999-12-31", Ok("9999-12-31")),
            ("1900-02-29", Err("1900-02 has days 1 to 28")),
            ("2026-02-30", Err("2026-02 has days 1 to 28")),
            ("2026-13-45", Err("there is no month 13")),
            ("2026-00-10", Err("there is no month 0")),
            ("2026-04-00", Err("2026-04 has days 1 to 30")),
            ("0000-01-01", Err("the year is not between 1 and 9999")),
            ("2026-4-13", Err("expected YYYY-MM-DD")),
            ("26-04-13", Err("expected YYYY-MM-DD")),
            ("2026-04-13-", Err("expected YYYY-MM-DD")),
            ("2026/04/13", Err("expected YYYY-MM-DD")),
            ("+026-04-13", Err("expected YYYY-MM-DD")),
            ("２０２６-04-13", Err("expected YYYY-MM-DD")),
            ("", Err("expected YYYY-MM-DD")),
        ];
        for (input, expected) in cases {
            let got = input.parse::<Date>();
            match (expected, got) {
                (Ok(iso), Ok(date)) => assert_eq!(date.to_string(), *iso, "{input}"),
                (Err(message), Err(err)) => {
                    assert_eq!(
                        err.to_string(),
                        format!("invalid date {input:?}: {message}"),
                        "{input}"
                    );
                }
                (expected, got) => panic!("{input}: expected {expected:?}, got {got:?}"),
            }
        }
    }

    #[test]
    fn new_names_the_impossible_date() {
        let err = Date::new(2026, 13, 45).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid date \"2026-13-45\": there is no month 13"
        );
        let date = Date::new(2026, 4, 13).expect("a day of the calendar");
        assert_eq!((date.year(), date.month(), date.day()), (2026, 4, 13));
    }
}
