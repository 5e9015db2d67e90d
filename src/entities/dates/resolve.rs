//! Turns dates as written into calendar dates: the year from the mention,
//! else from the document's own date (its header first), else from
//! `Options::reference_date`; the month of a lone day from the paragraph.

use super::calendar::Date;
use super::scan::{Direction, Found, Written};
use crate::document::YearSource;

/// The date a release is read against, and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub(crate) date: Date,
    pub(crate) source: YearSource,
}

/// A mention made into dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub(crate) start: Option<Date>,
    pub(crate) end: Option<Date>,
    pub(crate) source: YearSource,
}

/// A same-year date further than this from the document date is taken to
/// lie in the neighbouring year (a December release's `1. 5.`); nearer
/// ones stay in the document's year, since releases announce deadlines
/// and events months ahead (`11월 15일까지`).
const ROLLOVER_DAYS: i64 = 270;

/// How far `지난` / `오는` may point the "wrong" way: the document date is
/// the header's first date, and a release embargoed to the 13th may say
/// `지난 11일` of a day between its distribution and its embargo, or the
/// reverse.
const SLACK_DAYS: i64 = 7;

/// The years to try for a month and day with no year, best first.
fn candidate_years(anchor: Date, month: u32, day: u32, direction: Direction) -> Vec<i32> {
    let y = anchor.year;
    if let Direction::Year(offset) = direction {
        return vec![y + offset];
    }
    let ok = |year: i32| {
        Date::new(year, month, day).is_some_and(|d| match direction {
            Direction::Back => d.days() <= anchor.days() + SLACK_DAYS,
            Direction::Forward => d.days() >= anchor.days() - SLACK_DAYS,
            Direction::Nearest | Direction::Year(_) => true,
        })
    };
    let distance = |year: i32| {
        Date::new(year, month, day).map_or(i64::MAX, |d| (d.days() - anchor.days()).abs())
    };
    let mut years: Vec<i32> = [y, y - 1, y + 1].into_iter().filter(|&c| ok(c)).collect();
    if distance(y) > ROLLOVER_DAYS || direction != Direction::Nearest {
        years.sort_by_key(|&c| distance(c));
    }
    years
}

/// The first candidate whose weekday matches the written one, else the
/// best candidate (the caller warns about the mismatch).
fn pick(candidates: &[Date], weekday: Option<usize>) -> Option<Date> {
    let matching = weekday.and_then(|w| candidates.iter().find(|d| d.weekday() == w));
    matching.or(candidates.first()).copied()
}

/// A date with month and day: its year from the text or the anchor.
fn month_day(w: &Written, month: u32, anchor: Option<Anchor>, direction: Direction) -> Resolved {
    if let Some(year) = w.year {
        return Resolved {
            start: Date::new(year, month, w.day),
            end: None,
            source: YearSource::Explicit,
        };
    }
    let Some(anchor) = anchor else {
        return unknown();
    };
    let mut dates: Vec<Date> = candidate_years(anchor.date, month, w.day, direction)
        .into_iter()
        .filter_map(|y| Date::new(y, month, w.day))
        .collect();
    // The release's own year stands against a wrong weekday (`4월 14일(월)`
    // in a 2026 release is a typo, warned about, not a date of 2025): only
    // a year within the rollover window of the anchor may be chosen for
    // its weekday. A caller's reference date pins less, so any candidate
    // may win there.
    if anchor.source == YearSource::Document
        && let Some(&best) = dates.first()
    {
        dates.retain(|d| d == &best || (d.days() - anchor.date.days()).abs() <= ROLLOVER_DAYS);
    }
    Resolved {
        start: pick(&dates, w.weekday),
        end: None,
        source: anchor.source,
    }
}

/// No date: neither the text nor the options give a year.
fn unknown() -> Resolved {
    Resolved {
        start: None,
        end: None,
        source: YearSource::Unknown,
    }
}

/// A lone day (`13일(월)`): the month of the document date, as releases
/// write `13일` for days of their own month (`… 13일 밝혔다`); a weekday may
/// move it to the month of the paragraph's last date or next to it.
fn day_only(
    w: &Written,
    context: Option<Date>,
    anchor: Option<Anchor>,
    dir: Direction,
) -> Resolved {
    let Some(base) = anchor.map(|a| a.date).or(context) else {
        return unknown();
    };
    let shift = |months: i32| {
        let index = base.year * 12 + i32::try_from(base.month).unwrap_or(1) - 1 + months;
        let month = u32::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
        Date::new(index.div_euclid(12), month, w.day)
    };
    let (day, base_day) = (i64::from(w.day), i64::from(base.day));
    let order: [i32; 3] = match dir {
        Direction::Back if day > base_day + SLACK_DAYS => [-1, 0, 1],
        Direction::Forward if day + SLACK_DAYS < base_day => [1, 0, -1],
        _ => [0, 1, -1],
    };
    let mut dates: Vec<Date> = order.iter().filter_map(|&m| shift(m)).collect();
    let in_context = context.and_then(|c| Date::new(c.year, c.month, w.day));
    if let Some(d) = in_context.filter(|d| !dates.contains(d)) {
        dates.insert(1.min(dates.len()), d);
    }
    Resolved {
        start: pick(&dates, w.weekday),
        end: None,
        source: anchor.map_or(YearSource::Document, |a| a.source),
    }
}

/// One written date, alone.
fn single(w: &Written, context: Option<Date>, anchor: Option<Anchor>, dir: Direction) -> Resolved {
    match w.month {
        Some(month) => month_day(w, month, anchor, dir),
        None => day_only(w, context, anchor, dir),
    }
}

/// A range's end takes the year and month its start gives it.
fn range_end(end: &Written, start: Date) -> Option<Date> {
    let month = end.month.unwrap_or(start.month);
    let year = end.year.unwrap_or(start.year);
    let date = Date::new(year, month, end.day)?;
    if date < start && end.year.is_none() {
        return Date::new(year + 1, month, end.day);
    }
    Some(date)
}

/// Resolves a mention. `context` is the last date of the same paragraph.
pub(crate) fn resolve(found: &Found, context: Option<Date>, anchor: Option<Anchor>) -> Resolved {
    let mut first = single(&found.start, context, anchor, found.direction);
    if let (Some(end), Some(start)) = (found.end, first.start) {
        first.end = range_end(&end, start);
    }
    first
}

/// Whether a written weekday contradicts the date it stands beside.
pub(crate) fn weekday_mismatch(w: &Written, date: Option<Date>) -> Option<(usize, Date)> {
    let (written, date) = (w.weekday?, date?);
    (written != date.weekday()).then_some((written, date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn written(month: Option<u32>, day: u32, weekday: Option<usize>) -> Written {
        Written {
            span: Span::new(0, 0),
            year: None,
            month,
            day,
            weekday,
            weak: false,
        }
    }

    fn anchor(y: i32, m: u32, d: u32) -> Option<Anchor> {
        Some(Anchor {
            date: Date::new(y, m, d)?,
            source: YearSource::Document,
        })
    }

    #[test]
    fn a_december_release_rolls_january_forward() {
        let r = single(
            &written(Some(1), 5, None),
            None,
            anchor(2021, 12, 22),
            Direction::Nearest,
        );
        assert_eq!(
            r.start.map(|d| d.to_string()).as_deref(),
            Some("2022-01-05")
        );
    }

    #[test]
    fn months_ahead_stay_in_the_year() {
        let r = single(
            &written(Some(11), 15, None),
            None,
            anchor(2026, 4, 13),
            Direction::Nearest,
        );
        assert_eq!(
            r.start.map(|d| d.to_string()).as_deref(),
            Some("2026-11-15")
        );
    }

    #[test]
    fn back_and_forward_words_point_the_way() {
        let back = single(
            &written(Some(12), 9, None),
            None,
            anchor(2021, 12, 22),
            Direction::Back,
        );
        assert_eq!(
            back.start.map(|d| d.to_string()).as_deref(),
            Some("2021-12-09")
        );
        let fwd = single(
            &written(Some(12), 9, None),
            None,
            anchor(2021, 12, 22),
            Direction::Forward,
        );
        assert_eq!(
            fwd.start.map(|d| d.to_string()).as_deref(),
            Some("2022-12-09")
        );
    }

    #[test]
    fn a_weekday_picks_the_year() {
        // 2025-12-29 is a Monday, 2026-12-29 a Tuesday.
        let r = single(
            &written(Some(12), 29, Some(0)),
            None,
            anchor(2026, 4, 13),
            Direction::Nearest,
        );
        assert_eq!(
            r.start.map(|d| d.to_string()).as_deref(),
            Some("2025-12-29")
        );
    }

    #[test]
    fn a_lone_day_takes_the_context_month() {
        let r = single(
            &written(None, 10, Some(4)),
            None,
            anchor(2026, 4, 12),
            Direction::Back,
        );
        assert_eq!(
            r.start.map(|d| d.to_string()).as_deref(),
            Some("2026-04-10")
        );
    }
}
