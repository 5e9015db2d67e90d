//! Recognises dates: every date mention of every block, each with its own
//! span, normalised to an ISO date with the source of its year.
//!
//! A range (`4. 13.~5. 4.`, `13~17일`) is one mention: `date` is its first
//! day and `end_date` its last. `지난` / `오는` belong to the mention they
//! point with. `이날` / `당일` are mentions too, dated by the last date before
//! them that can be the day of the news (not a range, a `지난` date or a
//! citation in parentheses), else `null`.
//! Month-only mentions (`’26.3월`) are not dates here: `date` is a day.

pub(crate) mod calendar;
mod durations;
mod forms;
mod guards;
pub(crate) mod header;
mod resolve;
pub(crate) mod scan;

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::text_blocks;
use crate::document::{
    Block, BlockKind, DateMention, DurationMention, Warning, WarningKind, YearSource,
};
use calendar::{Date, WEEKDAYS};
pub(crate) use resolve::Anchor;

pub(crate) use resolve::resolve;

/// Titles and subtitles, where dates stand bare in parentheses (`(7.27)`);
/// a "headline" of table cells (`식료품 | 330 | (8.6)`) is a table row that
/// opens the text, where such numbers are figures.
pub(crate) fn is_headline(block: &Block, text: &str) -> bool {
    matches!(block.kind, BlockKind::Title | BlockKind::Subtitle) && !text.contains(" | ")
}

/// The date a release is read against: the first dated header line, else
/// its first date with a written year, else its first weekday-marked date
/// in a year the release names (`2026년`), else the reference date.
pub(crate) fn anchor(cx: &Analysis<'_>, blocks: &[Block]) -> Option<Anchor> {
    let all = text_blocks(blocks);
    let ordered: Vec<&Block> = all
        .iter()
        .filter(|b| b.kind == BlockKind::Header)
        .chain(all.iter().filter(|b| b.kind != BlockKind::Header))
        .copied()
        .collect();
    let scan_block = |b: &&Block| {
        let text = cx.text(b.span);
        scan::scan(text, b.span.start, is_headline(b, text))
    };
    // Blocks are read lazily: a dated header usually ends the search.
    let explicit = ordered
        .iter()
        .flat_map(scan_block)
        .find_map(|f| Date::new(f.start.year?, f.start.month?, f.start.day));
    let document = explicit.or_else(|| {
        let found: Vec<scan::Found> = ordered.iter().flat_map(scan_block).collect();
        by_weekday(cx, &all, &found)
    });
    let document = document.map(|date| Anchor {
        date,
        source: YearSource::Document,
    });
    let reference = cx.options.reference_date.and_then(|r| {
        Some(Anchor {
            date: Date::new(r.year(), r.month(), r.day())?,
            source: YearSource::Reference,
        })
    });
    document.or(reference)
}

// `2026년`, `’26년`: a year the release names
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?P<y4>(?:19|20)\d{2})|[’‘'`‵′](?P<y2>\d{2}))\s?년")
        .expect("the year pattern compiles")
});

/// The first date with a weekday and no year, in the first year named in
/// the release on which that weekday falls (`4.13.(월)` with `2026년`).
fn by_weekday(cx: &Analysis<'_>, blocks: &[&Block], found: &[scan::Found]) -> Option<Date> {
    let years: Vec<i32> = blocks
        .iter()
        .flat_map(|b| YEAR.captures_iter(cx.text(b.span)).collect::<Vec<_>>())
        .filter_map(|c| {
            let four = c.name("y4").and_then(|m| m.as_str().parse::<i32>().ok());
            four.or_else(|| c.name("y2")?.as_str().parse::<i32>().ok().map(|y| 2000 + y))
        })
        .collect();
    let marked = found
        .iter()
        .find(|f| f.start.weekday.is_some() && f.start.month.is_some())?;
    let (month, weekday) = (marked.start.month?, marked.start.weekday?);
    years
        .iter()
        .filter_map(|&y| Date::new(y, month, marked.start.day))
        .find(|d| d.weekday() == weekday)
}

// `이날`, `당일`, `같은 날`: the day the text last named
static SAME_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"이날|당일|같은 날").expect("the same-day pattern compiles"));

/// A date already read, and whether `이날` may refer to it: not a range, not
/// a `지난` date (background, not the day of the news) and not a date in
/// parentheses (a citation such as `(국무회의, 2025년 12월 16일)`).
struct Read {
    mention: DateMention,
    referable: bool,
}

/// What the date recogniser finds.
#[derive(Debug, Default)]
pub(crate) struct Dates {
    pub(crate) dates: Vec<DateMention>,
    pub(crate) durations: Vec<DurationMention>,
    /// Weekdays that contradict their dates, and dates of no calendar.
    pub(crate) warnings: Vec<Warning>,
}

/// The document's dates and durations, and warnings of weekdays that
/// contradict the dates.
pub(crate) fn recognise(cx: &Analysis<'_>) -> Dates {
    let mut warnings = Vec::new();
    let anchor = anchor(cx, cx.blocks);
    let mut out: Vec<Read> = Vec::new();
    for block in text_blocks(cx.blocks) {
        let text = cx.text(block.span);
        warnings.extend(impossible_dates(cx, text, block.span.start));
        let mut context: Option<Date> = None;
        let mut depth = Depth::new(text);
        let mut found = scan::scan(text, block.span.start, is_headline(block, text));
        found.extend(same_day(text, block.span.start));
        found.sort_by_key(|f| f.span.start);
        for f in found {
            if f.start.day == 0 {
                let mention = same_day_mention(cx, f.span, &out);
                out.push(Read {
                    mention,
                    referable: false,
                });
                continue;
            }
            let r = resolve(&f, context, anchor);
            context = r.start.or(context);
            warnings.extend(check_weekday(cx, &f, r.start, r.end));
            let inside = depth.inside(f.span.start - block.span.start);
            out.push(Read {
                mention: mention(cx, &f, r.start, r.end, r.source),
                referable: f.end.is_none() && f.direction != scan::Direction::Back && !inside,
            });
        }
    }
    let durations = text_blocks(cx.blocks)
        .into_iter()
        .flat_map(|b| durations::scan(cx.text(b.span), b.span.start))
        .map(|(span, number, unit)| DurationMention {
            mention: cx.source.snippet(span),
            number,
            unit,
        })
        .collect();
    Dates {
        dates: out.into_iter().map(|r| r.mention).collect(),
        durations,
        warnings,
    }
}

/// Parenthesis depth along a text, read once from left to right: the
/// mentions of a block come in order, so a long table line is never
/// rescanned for each of its dates.
struct Depth<'t> {
    text: &'t str,
    at: usize,
    open: usize,
}

/// Reading the depth forward.
impl<'t> Depth<'t> {
    fn new(text: &'t str) -> Self {
        Depth {
            text,
            at: 0,
            open: 0,
        }
    }

    /// Whether byte `to` stands inside an open parenthesis.
    fn inside(&mut self, to: usize) -> bool {
        let to = to.max(self.at);
        for c in self.text.get(self.at..to).unwrap_or("").chars() {
            match c {
                '(' | '（' => self.open += 1,
                ')' | '）' => self.open = self.open.saturating_sub(1),
                _ => {}
            }
        }
        self.at = to;
        self.open > 0
    }
}

/// `이날` and its kin, as mentions with day `0` for "the day named before".
fn same_day(text: &str, offset: usize) -> Vec<scan::Found> {
    SAME_DAY
        .find_iter(text)
        .filter(|m| {
            let prev = text.get(..m.start()).and_then(|t| t.chars().next_back());
            !prev.is_some_and(|c| ('가'..='힣').contains(&c))
        })
        .map(|m| {
            let span = Span::new(m.start() + offset, m.end() + offset);
            let day = scan::Written {
                span,
                year: None,
                month: None,
                day: 0,
                weekday: None,
                weak: false,
            };
            scan::Found {
                span,
                start: day,
                end: None,
                direction: scan::Direction::Nearest,
            }
        })
        .collect()
}

/// `이날` dated by the last date it may refer to; with none, undated.
fn same_day_mention(cx: &Analysis<'_>, span: Span, before: &[Read]) -> DateMention {
    let pinned = before
        .iter()
        .rev()
        .find(|r| r.referable && r.mention.date.is_some())
        .map(|r| &r.mention);
    DateMention {
        mention: cx.source.snippet(span),
        date: pinned.and_then(|m| m.date.clone()),
        weekday: None,
        // the year is never written in `이날`: at best the release gives it
        year_source: pinned.map_or(YearSource::Unknown, |m| match m.year_source {
            YearSource::Explicit => YearSource::Document,
            other => other,
        }),
        end_date: None,
    }
}

/// The output item of a resolved mention.
fn mention(
    cx: &Analysis<'_>,
    f: &scan::Found,
    start: Option<Date>,
    end: Option<Date>,
    source: YearSource,
) -> DateMention {
    let source = if start.is_none() {
        YearSource::Unknown
    } else {
        source
    };
    DateMention {
        mention: cx.source.snippet(f.span),
        date: start.map(|d| d.to_string()),
        weekday: f
            .start
            .weekday
            .and_then(|w| WEEKDAYS.get(w))
            .map(|w| w.to_string()),
        year_source: source,
        end_date: end.map(|d| d.to_string()),
    }
}

/// A `weekday` warning for each end of the mention whose written weekday
/// is not its date's.
// `2026년 2월 29일`, `2월 30일`, `13월 1일`: written as a date beyond doubt,
// but no such day.
static KOREAN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?P<y>\d{4})년\s*)?(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일")
        .expect("the Korean date pattern compiles")
});

/// Warnings for Korean-form dates that name no real day: they are not
/// emitted as dates, and say so rather than vanish. (Dotted forms such as
/// `2.30` are left alone: they are as often plain numbers.)
fn impossible_dates(cx: &Analysis<'_>, text: &str, base: usize) -> Vec<crate::document::Warning> {
    let number = |c: &regex::Captures<'_>, name: &str| {
        c.name(name).and_then(|m| m.as_str().parse::<u32>().ok())
    };
    KOREAN_DATE
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            // A leap year stands in when none is written, so 2월 29일 passes.
            let year = number(&c, "y")
                .and_then(|y| i32::try_from(y).ok())
                .unwrap_or(2024);
            let (month, day) = (number(&c, "m")?, number(&c, "d")?);
            if Date::new(year, month, day).is_some() {
                return None;
            }
            let span = Span::new(base + whole.start(), base + whole.end());
            let message = format!("{} names no day of the calendar", whole.as_str());
            Some(cx.warning(WarningKind::Date, message, span))
        })
        .collect()
}

fn check_weekday(
    cx: &Analysis<'_>,
    f: &scan::Found,
    start: Option<Date>,
    end: Option<Date>,
) -> Vec<crate::document::Warning> {
    let ends = [(Some(f.start), start), (f.end, end)];
    ends.into_iter()
        .filter_map(|(w, date)| resolve::weekday_mismatch(&w?, date).map(|m| (w, m)))
        .filter_map(|(w, (written, date))| {
            let w = w?;
            let said = WEEKDAYS.get(written)?;
            let message = format!(
                "{} is a {}요일, not a {said}요일 as written",
                date,
                date.weekday_name()
            );
            Some(cx.warning(WarningKind::Weekday, message, w.span))
        })
        .collect()
}
