//! Text without line structure: a release whose newlines were lost (a
//! field of a database, a scraped page flattened to one line) is cut into
//! pieces at its sentences and markers, so that a header, a title or a
//! contact row stays a few short pieces instead of the whole text.

use std::sync::LazyLock;

use regex::Regex;

use super::line::Line;
use crate::Span;
use crate::document::{Warning, WarningKind};
use crate::source::{Source, trim_span};

/// A line this long (in chars) that holds most of the text is split.
const LONG_LINE: usize = 1000;
/// A line this long is split whatever the rest of the text.
const VERY_LONG_LINE: usize = 4000;
/// Pieces longer than this are cut again at a cell border or a space.
const MAX_PIECE: usize = 300;

/// Where a new piece starts: after a sentence end (`…했다.`, `…!`), and
/// before a marker, a header label or a contact label.
static BOUNDARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<after> 다\.[”’\x22]? | [\p{Hangul}A-Za-z)\]][.!?][”’\x22]?\s )
      | (?P<before> [□■◼▣❏○●◦❍※◇◆▶【] | \sㅇ\s | \s[-–]\s
          | 보도\s?시점 | 보도\s?일시 | 담당\s?부서 | 담당자\s?\| | 책임자\s?\| | 붙임\s?\d? )",
    )
    .expect("sentence boundary pattern")
});

/// Splits the lines that are too long to be one paragraph; warns for each.
pub(crate) fn split_long_lines(source: &Source<'_>, lines: Vec<Line>) -> (Vec<Line>, Vec<Warning>) {
    let total = source.text.chars().count();
    let long = |l: &Line| {
        let n = source.slice(l.content).chars().count();
        n > VERY_LONG_LINE || (n > LONG_LINE && n * 2 > total)
    };
    if !lines.iter().any(long) {
        return (lines, Vec::new());
    }
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for line in lines {
        if !long(&line) {
            out.push(line);
            continue;
        }
        let pieces = pieces(source.text, line.content);
        warnings.push(Warning::new(
            WarningKind::Layout,
            format!(
                "a line of {} characters has no line breaks: read as {} sentences",
                source.slice(line.content).chars().count(),
                pieces.len()
            ),
            line.content,
        ));
        out.extend(pieces.into_iter().map(|content| Line {
            content,
            indent: 0,
            furniture: false,
        }));
    }
    (out, warnings)
}

/// The pieces of one long line.
fn pieces(text: &str, content: Span) -> Vec<Span> {
    let slice = &text[content.range()];
    let mut cuts = vec![0];
    for caps in BOUNDARY.captures_iter(slice) {
        let at = match (caps.name("after"), caps.name("before")) {
            (Some(m), _) => m.end(),
            (_, Some(m)) => m.start(),
            _ => continue,
        };
        if at > *cuts.last().unwrap_or(&0) {
            cuts.push(at);
        }
    }
    cuts.push(slice.len());
    let mut out = Vec::new();
    for pair in cuts.windows(2) {
        let span = Span::new(content.start + pair[0], content.start + pair[1]);
        cut_long(text, span, &mut out);
    }
    out.retain(|s| !s.is_empty());
    out
}

/// Cuts `span` into pieces of at most [`MAX_PIECE`] chars, at the last
/// cell border or space before the limit.
fn cut_long(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut start = span.start;
    while start < span.end {
        let rest = &text[start..span.end];
        let limit = rest
            .char_indices()
            .nth(MAX_PIECE)
            .map_or(rest.len(), |(i, _)| i);
        if limit == rest.len() {
            out.push(trim_span(text, Span::new(start, span.end), &['|']));
            return;
        }
        let head = &rest[..limit];
        let cut = head
            .rfind(" | ")
            .or_else(|| head.rfind(char::is_whitespace))
            .filter(|&i| i > 0)
            .unwrap_or(limit);
        out.push(trim_span(text, Span::new(start, start + cut), &['|']));
        start += cut;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_without_newlines_is_cut_into_sentences() {
        let sentence = "산업부는 디지털 전환을 위해 협력하기로 했다고 밝혔다.";
        let text = format!(
            " | 보도자료 | 보도시점 | 2026. 4. 13.(월) 12:00제목입니다□ {}",
            sentence.repeat(60)
        );
        let source = Source::new(&text);
        let (lines, warnings) = split_long_lines(&source, super::super::line::lines(&text));
        assert_eq!(warnings.len(), 1);
        let first: Vec<&str> = lines
            .iter()
            .take(3)
            .map(|l| source.slice(l.content))
            .collect();
        assert_eq!(
            first,
            [
                "보도자료",
                "보도시점 | 2026. 4. 13.(월) 12:00제목입니다",
                "□ 산업부는 디지털 전환을 위해 협력하기로 했다고 밝혔다."
            ]
        );
        assert!(
            lines
                .iter()
                .all(|l| source.slice(l.content).chars().count() <= MAX_PIECE)
        );
    }
}
