//! The top of a release: the header (the banner, the 보도시점 / 배포 rows,
//! and what a template or a web page puts around them), the title and the
//! subtitles.

use super::line::{self, Line, Marked, Marker};
use super::{Builder, RANK_SECTION, ends_sentence};
use crate::Span;
use crate::document::BlockKind;
use crate::source::trim_span;

/// How many text lines from the top may still be header lines.
const HEADER_WINDOW: usize = 8;
/// How far below the title a board page may repeat it.
const REPEAT_WINDOW: usize = 40;
/// In a wrapped (PDF) text a title line is narrower than this share
/// (percent) of the usual width: it is set in a larger font.
const TITLE_WIDTH: usize = 85;
/// A title runs over at most this many lines.
const MAX_TITLE_LINES: usize = 3;
/// A title is at least this wide (see [`line::width`]).
const MIN_TITLE_WIDTH: usize = 12;
/// A title above the 보도시점 row is at least this wide: shorter lines
/// there are a ministry's name or a logo's letters.
const MIN_ZONE_TITLE_WIDTH: usize = 20;
/// A line of subtitles is at most this many chars (a converter may put
/// two or three on one line).
const MAX_SUBTITLE_CHARS: usize = 400;
/// Bullets that mark sub-headlines as well as list items.
const SUBTITLE_BULLETS: &str = "▴▸▶►‣◆◇";
/// A contact row is short, or gives a phone or an e-mail address.
const MAX_CONTACT_ROW_WIDTH: usize = 40;

impl Builder<'_, '_> {
    /// Reads the header, title and subtitles; returns the body's lines.
    pub(super) fn top(&mut self, lines: &[Line]) -> Vec<Line> {
        let (rest, titled) = self.header(lines);
        let rest = if titled { rest } else { self.title(rest) };
        let rest = self.leftovers(rest);
        self.subtitles(rest)
    }

    /// `보도자료` banners, `보도시점 | …` and `배포 | …` rows, and whatever
    /// template text stands above them; a title between the banner and
    /// the 보도시점 row; a contact table right below the header (old-style
    /// releases). Returns the rest and whether a title was read.
    fn header<'l>(&mut self, lines: &'l [Line]) -> (&'l [Line], bool) {
        let window: Vec<usize> = (0..lines.len())
            .filter(|&i| !lines[i].furniture)
            .take(HEADER_WINDOW)
            .collect();
        let Some(&last) = window
            .iter()
            .rev()
            .find(|&&i| line::is_header(self.text(&lines[i])))
        else {
            return (lines, false);
        };
        let mut end = last + 1;
        while let Some(next) = (end..lines.len()).find(|&i| !lines[i].furniture)
            && line::is_header_continuation(self.text(&lines[next]))
        {
            end = next + 1;
        }
        let mut titled = false;
        let mut i = 0;
        while i < end {
            let l = lines[i];
            if l.furniture {
                self.root_line(BlockKind::Separator, l.content);
                i += 1;
            } else if !titled && i < last && self.title_like(&l) {
                let (heading, mut span) = self.without_heading(&l);
                let mut j = i + 1;
                while j < last && j - i < MAX_TITLE_LINES && self.title_like(&lines[j]) {
                    span = span.cover(lines[j].content);
                    j += 1;
                }
                let block = self.block(BlockKind::Title, heading, span);
                self.roots.push(block);
                titled = true;
                i = j;
            } else {
                self.root_line(BlockKind::Header, l.content);
                i += 1;
            }
        }
        (self.top_contact(&lines[end..]), titled)
    }

    /// A line's Markdown heading marker (`#`) and its text after it.
    fn without_heading(&self, l: &Line) -> (Option<Marked>, Span) {
        let marked = line::marker(self.text(l), l.content.start);
        match marked.filter(|m| m.marker == Marker::Heading) {
            Some(m) => (
                Some(m),
                trim_span(self.source.text, Span::new(m.span.end, l.content.end), &[]),
            ),
            None => (None, l.content),
        }
    }

    /// Whether the line stands between table borders (`|  | 제목 |`).
    fn framed(&self, l: &Line) -> bool {
        let text = self.source.text;
        let start = text[..l.content.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[l.content.end..]
            .find('\n')
            .map_or(text.len(), |i| l.content.end + i);
        text[start..l.content.start].contains('|') || text[l.content.end..end].contains('|')
    }

    /// Whether a line above the 보도시점 row reads as a headline rather than
    /// template text.
    fn title_like(&self, l: &Line) -> bool {
        let text = self.text(l);
        let width = line::width(text);
        !l.furniture
            && !self.framed(l)
            && !line::is_table_row(text)
            && !line::is_header(text)
            && !line::is_header_continuation(text)
            && !line::is_contact(text)
            && width >= MIN_ZONE_TITLE_WIDTH
            && text.contains(' ')
            && text.chars().any(|c| ('가'..='힣').contains(&c))
            && line::marker(text, 0).is_none_or(|m| m.marker == Marker::Heading)
            && self
                .layout
                .wrapped
                .is_none_or(|usual| width * 100 < usual * TITLE_WIDTH)
    }

    /// A contact table right below the header (`담당 부서 | … | 책임자 | …`
    /// then its rows), before the title.
    fn top_contact<'l>(&mut self, lines: &'l [Line]) -> &'l [Line] {
        let Some(first) = lines.first() else {
            return lines;
        };
        let text = self.text(first);
        if !(line::is_contact(text) && line::is_table_row(text)) {
            return lines;
        }
        let mut end = 1;
        while let Some(l) = lines.get(end) {
            let t = self.text(l);
            let row = line::is_table_row(t) && (line::has_phone(t) || line::is_contact_row(t));
            if !(l.furniture || row) {
                break;
            }
            end += 1;
        }
        self.indent = first.indent;
        let block = self.block(BlockKind::Contact, None, first.content);
        self.open(RANK_SECTION, block);
        for l in &lines[1..end] {
            self.body_line(*l);
        }
        self.close_all();
        &lines[end..]
    }

    /// The first text line after the header. A line ending in `,` goes on
    /// in the next one (`김민석 국무총리,` / `… 긴급지시`); in a PDF's text a
    /// title set over two or three short lines is read whole. A Markdown
    /// heading (`# …`) is a title without its `#`.
    fn title<'l>(&mut self, lines: &'l [Line]) -> &'l [Line] {
        let skipped = lines.iter().take_while(|l| l.furniture).count();
        for l in &lines[..skipped] {
            self.root_line(BlockKind::Separator, l.content);
        }
        let mut lines = &lines[skipped..];
        // Body text that a PDF's text box threw above the title.
        if let Some(usual) = self.layout.wrapped {
            let mut prose = 0;
            while prose < MAX_TITLE_LINES
                && let Some(l) = lines.get(prose)
                && first_line_width(self.text(l)) * 100 >= usual * TITLE_WIDTH
                && line::marker(self.text(l), 0).is_none()
            {
                prose += 1;
            }
            if lines.get(prose).is_some_and(|l| self.title_like(l)) {
                for l in &lines[..prose] {
                    self.root_line(BlockKind::Paragraph, l.content);
                }
                lines = &lines[prose..];
            }
        }
        let Some(first) = lines.first() else {
            return lines;
        };
        let text = self.text(first);
        let marked = line::marker(text, first.content.start);
        if marked.is_some_and(|m| !matches!(m.marker, Marker::List(None) | Marker::Heading))
            || line::is_contact(text)
            || line::is_table_row(text)
        {
            return lines;
        }
        let (heading, mut span) = self.without_heading(first);
        let mut used = 1;
        if self.layout.wrapped.is_some() {
            while used < MAX_TITLE_LINES
                && let Some(next) = lines.get(used)
                && self.title_goes_on(&lines[used - 1], next)
            {
                span = span.cover(next.content);
                used += 1;
            }
        } else if text.ends_with(',')
            && let Some(next) = lines.get(1)
            && !next.furniture
            && line::marker(self.text(next), 0).is_none()
        {
            span = span.cover(next.content);
            used = 2;
        }
        let block = self.block(BlockKind::Title, heading, span);
        self.roots.push(block);
        &lines[used..]
    }

    /// Whether a wrapped text's title goes on from line `a` into `b`: `b`
    /// is short (a paragraph's first line is full), unmarked, and right
    /// below `a`.
    fn title_goes_on(&self, a: &Line, b: &Line) -> bool {
        let Some(usual) = self.layout.wrapped else {
            return false;
        };
        let text = self.text(b);
        let gap = &self.source.text[a.content.end..b.content.start];
        !b.furniture
            && !a.furniture
            && gap.matches('\n').count() == 1
            && line::width(text) * 100 < usual * TITLE_WIDTH
            && line::width(text) >= MIN_TITLE_WIDTH
            && line::marker(text, 0).is_none()
            && !line::is_table_row(text)
            && !line::is_header(text)
            && !line::is_header_continuation(text)
            && !line::is_contact(text)
    }

    /// A board page repeats the title below its navigation and file list:
    /// everything down to the last repeat is the page's, not the release's.
    fn leftovers<'l>(&mut self, lines: &'l [Line]) -> &'l [Line] {
        let Some(title) = self.roots.iter().rev().find(|b| b.kind == BlockKind::Title) else {
            return lines;
        };
        let key = compact(&title.text);
        if key.chars().count() < 6 {
            return lines;
        }
        let limit = lines.len().min(REPEAT_WINDOW);
        let Some(repeat) = (0..limit)
            .rev()
            .find(|&i| compact(self.text(&lines[i])) == key)
        else {
            return lines;
        };
        let prose = lines[..repeat].iter().any(|l| {
            let text = self.text(l);
            !l.furniture && text.ends_with("다.") && text.chars().count() > 30
        });
        if prose {
            return lines;
        }
        for l in &lines[..=repeat] {
            self.root_line(BlockKind::Separator, l.content);
        }
        &lines[repeat + 1..]
    }

    /// Lines between the title and the body: `- … -`, `❶ …`, or short
    /// unmarked lines. Furniture and a repeat of the title are kept apart,
    /// and so are a converter's metadata (`- 출처: …`) and a banner row.
    fn subtitles(&mut self, lines: &[Line]) -> Vec<Line> {
        let title = self
            .roots
            .iter()
            .rev()
            .find(|b| b.kind == BlockKind::Title)
            .map(|b| compact(&b.text));
        let mut used = 0;
        for l in lines {
            let text = self.text(l);
            if l.furniture || title.as_deref() == Some(compact(text).as_str()) {
                self.root_line(BlockKind::Separator, l.content);
                used += 1;
                continue;
            }
            let marked = line::marker(text, l.content.start);
            if line::is_header(text) || is_metadata(text, marked) || is_tag_line(text) {
                self.root_line(BlockKind::Header, l.content);
                used += 1;
                continue;
            }
            let is_subtitle = match marked.map(|m| m.marker) {
                Some(Marker::Dash) | Some(Marker::List(Some(_))) => true,
                Some(Marker::List(None)) => {
                    marked.is_some_and(|m| SUBTITLE_BULLETS.contains(self.source.slice(m.span)))
                }
                None => {
                    (l.indent == 0 || self.layout.wrapped.is_some())
                        && looks_like_heading(text)
                        && line::width(text) >= MIN_TITLE_WIDTH
                }
                _ => false,
            };
            let (l, body) = match marked {
                Some(_) => self.unwrap_subtitle(*l),
                None => (*l, None),
            };
            let text = self.text(&l);
            if !is_subtitle
                || line::is_box(text)
                || line::is_contact(text)
                || text.chars().count() > MAX_SUBTITLE_CHARS
            {
                break;
            }
            for (marker, span) in split_subtitles(self.source.text, l.content, marked) {
                let block = self.block(BlockKind::Subtitle, marker, span);
                self.roots.push(block);
            }
            used += 1;
            if let Some(body) = body {
                return std::iter::once(body)
                    .chain(lines[used..].iter().copied())
                    .collect();
            }
        }
        lines[used..].to_vec()
    }

    /// A PDF's text may run a subtitle on into the lead paragraph below it
    /// (`- 국립종자원, … 특허 출원` / `국립종자원(원장 양주필)은 …`): a
    /// subtitle runs over two lines at most, and over two only when its
    /// first line is full and its second not.
    fn unwrap_subtitle(&self, l: Line) -> (Line, Option<Line>) {
        let Some(usual) = self.layout.wrapped else {
            return (l, None);
        };
        let text = self.text(&l);
        let breaks: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        if breaks.len() < 2 {
            return (l, None);
        }
        let second = text[breaks[0]..breaks[1]].trim();
        let keep = if line::width(second) * 100 >= usual * super::layout::FULL {
            breaks[0]
        } else {
            breaks[1]
        };
        let subtitle = Line {
            content: trim_span(
                self.source.text,
                Span::new(l.content.start, l.content.start + keep),
                &[],
            ),
            ..l
        };
        let body = Line {
            content: trim_span(
                self.source.text,
                Span::new(l.content.start + keep, l.content.end),
                &[],
            ),
            indent: 0,
            furniture: false,
        };
        (subtitle, Some(body))
    }

    /// Adds a top-level block of `kind` for `span`.
    fn root_line(&mut self, kind: BlockKind, span: Span) {
        let block = self.block(kind, None, span);
        self.roots.push(block);
    }
}

/// Whether a line inside a contact block belongs to it: a row of its table,
/// a line with a phone or an e-mail address, a short cell of a PDF's table.
pub(super) fn goes_on_contact(text: &str) -> bool {
    line::is_table_row(text) && line::has_phone(text)
        || line::is_contact(text)
        || line::is_contact_row(text)
        || line::has_phone(text)
        || text.contains('@')
        || line::width(text) <= MAX_CONTACT_ROW_WIDTH && !ends_sentence(text)
}

/// `- 출처: 대한민국 정책브리핑`, `- 기사 URL: https://…`: a converter's
/// metadata list under the title.
fn is_metadata(text: &str, marked: Option<Marked>) -> bool {
    let Some(m) = marked.filter(|m| m.marker == Marker::Dash) else {
        return false;
    };
    let rest = text[m.span.end - m.span.start..].trim_start();
    rest.split_once([':', '：'])
        .is_some_and(|(key, value)| key.chars().count() <= 12 && value.starts_with(' '))
}

/// The width of the first physical line of a (logical) line.
fn first_line_width(text: &str) -> usize {
    line::width(text.split('\n').next().unwrap_or(""))
}

/// `【관련 국정과제】 16. …`: a tag line under the title, template text.
fn is_tag_line(text: &str) -> bool {
    text.starts_with('【') && text.contains('】') && !text.ends_with('】')
}

/// A text without spaces and quote marks, for comparing headlines.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !"‘’“”'\"「」『』".contains(*c))
        .collect()
}

/// A short line that does not end like a sentence (`…밝혔다.`, `…해주세요.`).
fn looks_like_heading(text: &str) -> bool {
    let trimmed = text.trim_end();
    let sentence = trimmed
        .strip_suffix('.')
        .and_then(|t| t.chars().next_back())
        .is_some_and(|c| ('가'..='힣').contains(&c));
    trimmed.chars().count() <= 80 && !sentence && !trimmed.ends_with('다')
}

/// `- A - - B -` and `- A - B` on one line are two subtitles; `❶ A` is one
/// with its marker.
fn split_subtitles(
    text: &str,
    content: Span,
    marked: Option<Marked>,
) -> Vec<(Option<Marked>, Span)> {
    let Some(m) = marked.filter(|m| m.marker == Marker::Dash) else {
        let body = match marked {
            Some(m) => trim_span(text, Span::new(m.span.end, content.end), &[]),
            // `-8일~17일 … 신청-`: dashes around it, without a space.
            None if text[content.range()].starts_with('-')
                && text[content.range()].ends_with('-') =>
            {
                trim_span(text, content, &['-'])
            }
            None => content,
        };
        return vec![(marked, body)];
    };
    let mut out = Vec::new();
    let mut marker = Some(m);
    let mut start = m.span.end;
    let slice = &text[content.range()];
    let mut search = m.span.end - content.start;
    while let Some(found) = slice[search..].find(" - ") {
        let at = content.start + search + found;
        push_subtitle(text, &mut out, marker, Span::new(start, at));
        // ` - - B`: the closing dash of one and the opening dash of the next.
        let mut next = at + " - ".len();
        while text[next..content.end].starts_with("- ") || text[next..content.end].starts_with(' ')
        {
            next += 1;
        }
        let dash = text[at..next].rfind('-').map(|i| at + i);
        marker = dash.map(|d| Marked {
            marker: Marker::Dash,
            span: Span::new(d, d + 1),
        });
        start = next;
        search = next - content.start;
    }
    push_subtitle(text, &mut out, marker, Span::new(start, content.end));
    out
}

fn push_subtitle(
    text: &str,
    out: &mut Vec<(Option<Marked>, Span)>,
    marker: Option<Marked>,
    span: Span,
) {
    let span = trim_span(text, span, &['-']);
    if !span.is_empty() {
        out.push((marker, span));
    }
}
