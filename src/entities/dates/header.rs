//! Recognises the 보도시점 / 배포 header: when the release may be published
//! (its date, time and `조간` / `석간` / `배포 즉시` note) and when it was
//! handed out.
//!
//! The header comes as table rows (`보도시점 | 2026. 4. 12.(일) 12:00 < 4.
//! 13.(월) 조간 > | 배포 | 2026. 4. 10.(금)`), as a line (`보도시점 : 배포
//! 즉시 보도 가능 / 배포 : 2026. 4. 10.(금)`), or split over two lines
//! (`(온라인) … 12:00` then `(지  면) … 조간`). When the embargo names several
//! dates (online and print), `date` and `time` are the earliest, as an
//! editor planning the publication would read them.

use std::sync::LazyLock;

use regex::Regex;

use super::calendar::Date;
use super::{self as dates, scan};
use crate::Span;
use crate::analysis::Analysis;
use crate::document::{
    Block, BlockKind, DateMention, DateTimeMention, Header, TimeMention, YearSource,
};
use crate::source::trim_span;

// `보도시점 |`, `보도일시:`, `보도가능 일시`, `배포 :`, `배포 |` (not `배포 즉시`)
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<embargo> 보도\s?(?:가능\s?)?(?:시점|일시|일자|시간) | 엠바고 ) \s?[:|]? \s?
      | (?P<dist> 배포\s?(?:일시|일자)? ) \s? (?: [:|] | $ ) \s?",
    )
    .expect("the header label pattern compiles")
});

/// Field separators and table borders around a header value.
const FIELD_EDGES: [char; 4] = ['|', '/', ':', '<'];

/// A labelled field of the header.
#[derive(Debug, Clone, Copy)]
struct Field {
    embargo: bool,
    span: Span,
}

/// The header, read from the header blocks; its embargo time is the one of
/// `times` (the document's) written after its date.
pub(crate) fn recognise(cx: &Analysis<'_>, times: &[TimeMention]) -> Option<Header> {
    let headers: Vec<&Block> = cx
        .text_blocks()
        .into_iter()
        .filter(|b| b.kind == BlockKind::Header)
        .collect();
    let fields = fields(cx, &headers);
    if fields.is_empty() {
        return None;
    }
    let anchor = dates::anchor(cx, cx.blocks);
    let embargo = fields
        .iter()
        .find(|f| f.embargo)
        .map(|f| embargo(cx, f.span, anchor, times));
    let distributed = fields
        .iter()
        .filter(|f| !f.embargo)
        .find_map(|f| distributed(cx, f.span, anchor));
    Some(Header {
        embargo,
        distributed,
    })
}

/// The labelled fields of the header lines, each running to the next
/// label; an embargo that ends its line takes in the next header line when
/// that one has no label (the `(지  면) … 조간` line).
fn fields(cx: &Analysis<'_>, headers: &[&Block]) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    for (i, block) in headers.iter().enumerate() {
        let text = cx.text(block.span);
        let labels: Vec<_> = LABEL.captures_iter(text).collect();
        if labels.is_empty() {
            continue;
        }
        for (j, c) in labels.iter().enumerate() {
            let Some(label) = c.get(0) else { continue };
            let end = labels
                .get(j + 1)
                .and_then(|n| n.get(0))
                .map_or(text.len(), |n| n.start());
            let mut span = Span::new(label.end(), end).shift(block.span.start);
            let last = j + 1 == labels.len();
            if last && c.name("embargo").is_some() {
                if let Some(next) = headers.get(i + 1).filter(|n| continues(cx, n)) {
                    span = span.cover(next.span);
                }
            }
            let span = trim_span(cx.source.text, span, &FIELD_EDGES);
            if !span.is_empty() {
                out.push(Field {
                    embargo: c.name("embargo").is_some(),
                    span,
                });
            }
        }
    }
    out
}

/// A header line with no label of its own that carries a date or an
/// edition: the second line of a split embargo.
fn continues(cx: &Analysis<'_>, block: &Block) -> bool {
    let text = cx.text(block.span);
    !LABEL.is_match(text)
        && (!scan::scan(text, 0, false).is_empty()
            || text.contains("조간")
            || text.contains("석간"))
}

/// The embargo: the whole field, its earliest date with the time written
/// after it, and its note.
fn embargo(
    cx: &Analysis<'_>,
    span: Span,
    anchor: Option<dates::Anchor>,
    times: &[TimeMention],
) -> DateTimeMention {
    let text = cx.text(span);
    let found = scan::scan(text, span.start, false);
    let times: Vec<&TimeMention> = times
        .iter()
        .filter(|t| span.contains(t.mention.span))
        .collect();
    let mut best: Option<(Date, Option<String>)> = None;
    for (i, f) in found.iter().enumerate() {
        let Some(date) = dates::resolve(f, None, anchor).start else {
            continue;
        };
        let until = found.get(i + 1).map_or(span.end, |n| n.span.start);
        let time = times
            .iter()
            .find(|t| t.mention.span.start >= f.span.end && t.mention.span.end <= until)
            .map(|t| t.start.clone());
        let better = best
            .as_ref()
            .is_none_or(|(d, t)| date < *d || (date == *d && t.is_none() && time.is_some()));
        if better {
            best = Some((date, time));
        }
    }
    let (date, time) = best.map_or((None, None), |(d, t)| (Some(d.to_string()), t));
    DateTimeMention {
        mention: cx.source.snippet(span),
        date,
        time: time.or_else(|| times.first().map(|t| t.start.clone())),
        note: note(text),
    }
}

/// `조간`, `석간`, or `배포 즉시` for the fields that free the release when
/// it is handed out (`배포 즉시`, `즉시 보도`, `배포 시`, `배포시점`).
fn note(text: &str) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let note = if compact.contains("조간") {
        "조간"
    } else if compact.contains("석간") {
        "석간"
    } else if ["즉시", "배포시", "배포후"]
        .iter()
        .any(|w| compact.contains(w))
    {
        "배포 즉시"
    } else {
        return None;
    };
    Some(note.to_string())
}

/// The distribution date: the first date of the 배포 field.
fn distributed(
    cx: &Analysis<'_>,
    span: Span,
    anchor: Option<dates::Anchor>,
) -> Option<DateMention> {
    let f = scan::scan(cx.text(span), span.start, false)
        .into_iter()
        .next()?;
    let r = dates::resolve(&f, None, anchor);
    let source = if r.start.is_some() {
        r.source
    } else {
        YearSource::Unknown
    };
    Some(DateMention {
        mention: cx.source.snippet(f.span),
        date: r.start.map(|d| d.to_string()),
        weekday: f
            .start
            .weekday
            .and_then(|w| dates::calendar::WEEKDAYS.get(w))
            .map(|w| w.to_string()),
        year_source: source,
        end_date: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_read_from_the_edition_or_the_release_words() {
        assert_eq!(
            note("2026. 4. 12.(일) 12:00 < 4. 13.(월) 조간 >").as_deref(),
            Some("조간")
        );
        assert_eq!(
            note("4.13.(월) 석간 < 4.13.(월) 06:00 >").as_deref(),
            Some("석간")
        );
        assert_eq!(note("배포 즉시 보도 가능").as_deref(), Some("배포 즉시"));
        assert_eq!(
            note("(전매체) 배포시점(국회 본회의 의결 시)").as_deref(),
            Some("배포 즉시")
        );
        assert_eq!(note("2026. 4. 13.(월) 12:00"), None);
    }

    #[test]
    fn a_distribution_label_is_not_the_words_배포_즉시() {
        let labels: Vec<_> = LABEL
            .captures_iter("보도시점 : 배포 즉시 보도 가능 / 배포 : 2026. 4. 10.(금)")
            .map(|c| c.name("dist").is_some())
            .collect();
        assert_eq!(labels, [false, true]);
    }
}
