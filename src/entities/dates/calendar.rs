//! A small proleptic Gregorian calendar: enough to validate dates, name
//! their weekdays and measure the days between them, without the clock.

use std::fmt;

/// A calendar date. Only built through [`Date::new`], so it is always valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Date {
    pub(crate) year: i32,
    pub(crate) month: u32,
    pub(crate) day: u32,
}

/// The weekday names as Korean releases write them, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] = ["월", "화", "수", "목", "금", "토", "일"];

/// Building, counting and naming dates.
impl Date {
    /// The date, when it exists (`2.30` and `13. 1.` do not).
    pub(crate) fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)?).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub(crate) fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The weekday, `0` for Monday.
    pub(crate) fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday (index 3).
        usize::try_from((self.days() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// The weekday's Korean name (`월` … `일`).
    pub(crate) fn weekday_name(self) -> &'static str {
        WEEKDAYS.get(self.weekday()).copied().unwrap_or("월")
    }
}

/// ISO 8601: `2021-12-22`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether February has 29 days in `year`.
fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The length of a month, `None` for months that do not exist.
pub(crate) fn days_in_month(year: i32, month: u32) -> Option<u32> {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if is_leap(year) => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// The weekday index of a weekday name, in hangul or hanja.
pub(crate) fn weekday_index(name: &str) -> Option<usize> {
    WEEKDAYS
        .iter()
        .position(|w| *w == name)
        .or_else(|| HANJA_WEEKDAYS.iter().position(|w| *w == name))
}

/// The weekdays as some releases write them, in hanja (`(月)`).
const HANJA_WEEKDAYS: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_of_known_dates() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(d(2021, 12, 22).weekday_name(), "수");
        assert_eq!(d(2026, 4, 13).weekday_name(), "월");
        assert_eq!(d(1970, 1, 1).days(), 0);
        assert_eq!(d(2000, 3, 1).days() - d(2000, 2, 28).days(), 2);
    }

    #[test]
    fn invalid_dates_are_refused() {
        assert!(Date::new(2026, 2, 30).is_none());
        assert!(Date::new(2026, 13, 1).is_none());
        assert!(Date::new(2026, 4, 0).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2025, 2, 29).is_none());
    }
}
