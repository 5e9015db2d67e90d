//! Marks in the text, nested properly however the spans overlap.
//!
//! Items overlap freely: a person inside a quote inside a commitment, an
//! attendee with the same span as its person, a warning that starts in the
//! middle of a date. HTML elements must nest, so the text of a range is
//! cut at every start and end of a mark inside it, and at each cut the
//! marks that end there are closed; a mark still open above them is closed
//! with them and opened again after (a continuation piece, with the same
//! `data-m`). The same happens at the ends of a block's text, so a mark
//! that runs over two blocks shows in both.

use std::collections::HashMap;
use std::fmt::Write;

use super::html::{escape, escape_into};
use super::items::{Kind, Section};
use crate::Span;

/// One mention to mark.
#[derive(Debug)]
struct Mark {
    span: Span,
    kind: Kind,
    /// Which fact of its kind, and which of its mentions.
    fact: usize,
    mention: usize,
    /// The `title` attribute, escaped.
    title: String,
}

/// Writes ranges of the text with every mention of every fact marked.
#[derive(Debug)]
pub(crate) struct Marker<'t> {
    text: &'t str,
    /// Sorted by start, longer first, then by [`Kind`] order.
    marks: Vec<Mark>,
    /// Whether a piece of the mark was written, so that only the first
    /// piece carries the element id (and an empty mark is written once).
    written: Vec<bool>,
    /// The furthest end among `marks[..=i]`: marks before the first
    /// `reach` that gets to a range end before it, so a range looks only
    /// at the marks near it, however long the release.
    reach: Vec<usize>,
}

impl<'t> Marker<'t> {
    /// Spans that do not fit `text` (out of range, or not on char
    /// boundaries) are left out: they cannot come from this text.
    pub(crate) fn new(text: &'t str, sections: &[Section]) -> Marker<'t> {
        let mut marks = Vec::new();
        for section in sections {
            let kind = section.kind;
            for (fact, item) in section.facts.iter().enumerate() {
                let title = if item.tip.is_empty() {
                    kind.class().to_string()
                } else {
                    format!("{}: {}", kind.class(), item.tip)
                };
                for (mention, &span) in item.mentions.iter().enumerate() {
                    if text.get(span.range()).is_some() {
                        marks.push(Mark {
                            span,
                            kind,
                            fact,
                            mention,
                            title: escape(&title),
                        });
                    }
                }
            }
        }
        marks.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end), m.kind));
        Marker {
            text,
            written: vec![false; marks.len()],
            reach: marks
                .iter()
                .scan(0, |furthest, m| {
                    *furthest = m.span.end.max(*furthest);
                    Some(*furthest)
                })
                .collect(),
            marks,
        }
    }

    /// Writes `text[range]`, escaped, with the marks that overlap it.
    /// Returns false, writing nothing, when `range` does not fit the text.
    pub(crate) fn write(&mut self, out: &mut String, range: Span) -> bool {
        if self.text.get(range.range()).is_none() {
            return false;
        }
        let pieces = self.pieces(range);
        let mut cuts: Vec<usize> = pieces.iter().flat_map(|p| [p.start, p.end]).collect();
        cuts.extend([range.start, range.end]);
        cuts.sort_unstable();
        cuts.dedup();
        let mut open: Vec<Piece> = Vec::new();
        let mut next = 0;
        for (n, &at) in cuts.iter().enumerate() {
            self.close_at(out, &mut open, at);
            while let Some(piece) = pieces.get(next).filter(|p| p.start == at) {
                self.open_tag(out, piece.mark);
                if piece.end > at {
                    open.push(*piece);
                } else {
                    out.push_str("</mark>");
                }
                next += 1;
            }
            if let Some(&to) = cuts.get(n + 1) {
                escape_into(out, &self.text[at..to]);
            }
        }
        true
    }

    /// The marks over `range`, cut to it, in the order they open.
    fn pieces(&self, range: Span) -> Vec<Piece> {
        let first = self.reach.partition_point(|&end| end < range.start);
        let candidates = self.marks.partition_point(|m| m.span.start <= range.end);
        let mut pieces: Vec<Piece> = (first..candidates.max(first))
            .filter(|&i| {
                let span = self.marks[i].span;
                if span.is_empty() {
                    range.start <= span.start && !self.written[i]
                } else {
                    span.start < range.end && span.end > range.start
                }
            })
            .map(|i| Piece {
                mark: i,
                start: self.marks[i].span.start.max(range.start),
                end: self.marks[i].span.end.min(range.end),
            })
            .collect();
        pieces.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end), self.marks[p.mark].kind));
        pieces
    }

    /// Closes the open pieces that end at `at`, and every piece opened
    /// after them; the latter open again at once.
    fn close_at(&mut self, out: &mut String, open: &mut Vec<Piece>, at: usize) {
        let Some(lowest) = open.iter().position(|p| p.end == at) else {
            return;
        };
        let closed = open.split_off(lowest);
        closed.iter().for_each(|_| out.push_str("</mark>"));
        for piece in closed.into_iter().filter(|p| p.end > at) {
            self.open_tag(out, piece.mark);
            open.push(piece);
        }
    }

    /// The element id of each fact's first mention that was written, by
    /// kind and fact: what the side panel links to.
    pub(crate) fn anchors(&self) -> HashMap<(Kind, usize), String> {
        let mut anchors = HashMap::new();
        let mut first: HashMap<(Kind, usize), usize> = HashMap::new();
        for (mark, _) in self.marks.iter().zip(&self.written).filter(|(_, w)| **w) {
            let mention = first.entry((mark.kind, mark.fact)).or_insert(mark.mention);
            *mention = (*mention).min(mark.mention);
        }
        for ((kind, fact), mention) in first {
            anchors.insert((kind, fact), format!("{}-{fact}-{mention}", kind.class()));
        }
        anchors
    }

    fn open_tag(&mut self, out: &mut String, index: usize) {
        let mark = &self.marks[index];
        let class = mark.kind.class();
        let first = !self.written[index];
        let key = format!("{class}-{}-{}", mark.fact, mark.mention);
        let _ = write!(
            out,
            "<mark class=\"m {class}{}\" data-item=\"{class}-{}\" data-m=\"{key}\" \
             data-span=\"{}-{}\" title=\"{}\"",
            if first { "" } else { " cont" },
            mark.fact,
            mark.span.start,
            mark.span.end,
            mark.title,
        );
        if first {
            let _ = write!(out, " id=\"{key}\"");
        }
        out.push('>');
        self.written[index] = true;
    }
}

/// A mark cut to the range being written.
#[derive(Debug, Clone, Copy)]
struct Piece {
    mark: usize,
    start: usize,
    end: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::items::Fact;

    /// `text` with the given (kind, span) marks, as the marker writes it,
    /// with marks drawn as `[kind:` … `]` for reading.
    fn marked(text: &str, marks: &[(Kind, Span)]) -> String {
        let sections: Vec<Section> = marks
            .iter()
            .map(|&(kind, span)| Section {
                kind,
                columns: &[],
                facts: vec![Fact {
                    mentions: vec![span],
                    tip: String::new(),
                    cells: Vec::new(),
                }],
            })
            .collect();
        let mut marker = Marker::new(text, &sections);
        let mut out = String::new();
        assert!(marker.write(&mut out, Span::new(0, text.len())));
        let open = regex::Regex::new(r#"<mark class="m (\w+)( cont)?"[^>]*>"#).unwrap();
        let out = open.replace_all(&out, |c: &regex::Captures| {
            format!("[{}{}:", &c[1], if c.get(2).is_some() { "+" } else { "" })
        });
        out.replace("</mark>", "]")
    }

    fn span(text: &str, part: &str) -> Span {
        let start = text.find(part).unwrap();
        Span::new(start, start + part.len())
    }

    #[test]
    fn nested_marks_open_outer_first() {
        let text = "그는 “박진규 차관이 왔다”고 밝혔다";
        let marks = [
            (Kind::Person, span(text, "박진규 차관")),
            (
                Kind::Commitment,
                span(text, "“박진규 차관이 왔다”고 밝혔다"),
            ),
            (Kind::Quote, span(text, "박진규 차관이 왔다")),
        ];
        assert_eq!(
            marked(text, &marks),
            "그는 [commitment:“[quote:[person:박진규 차관]이 왔다]”고 밝혔다]"
        );
    }

    #[test]
    fn crossing_marks_are_split() {
        let text = "12월 22일 14:00";
        let marks = [
            (Kind::Date, span(text, "12월 22일")),
            (Kind::Warning, span(text, "22일 14:00")),
        ];
        assert_eq!(
            marked(text, &marks),
            "[date:12월 [warning:22일]][warning+: 14:00]"
        );
    }

    #[test]
    fn equal_spans_nest_by_kind() {
        let text = "박진규 1차관";
        let whole = Span::new(0, text.len());
        let marks = [(Kind::Person, whole), (Kind::Attendee, whole)];
        assert_eq!(marked(text, &marks), "[attendee:[person:박진규 1차관]]");
    }

    #[test]
    fn empty_and_foreign_spans() {
        let text = "가나다";
        let marks = [
            (Kind::Warning, Span::new(3, 3)),
            // not on a char boundary, and past the end: left out
            (Kind::Date, Span::new(1, 3)),
            (Kind::Time, Span::new(6, 12)),
        ];
        assert_eq!(marked(text, &marks), "가[warning:]나다");
    }

    #[test]
    fn text_is_escaped_inside_marks() {
        let text = "<script>alert(1)</script>";
        let marks = [(Kind::Quote, span(text, "alert(1)"))];
        assert_eq!(
            marked(text, &marks),
            "&lt;script&gt;[quote:alert(1)]&lt;/script&gt;"
        );
    }
}
