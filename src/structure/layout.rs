//! How the lines of a text relate to its paragraphs.
//!
//! Text made from HWPX, HWP, a web board or a converter has one paragraph
//! per line. Text taken from a PDF (`pdftotext`) has the PDF's wrapping:
//! every paragraph is broken over lines of about the same width, a title or
//! a header field over two lines (`(지` / `면) …`), and page numbers stand
//! between the lines of a paragraph that runs over a page. This module
//! tells the two apart and joins each wrapped paragraph back into one
//! logical [`Line`] whose span covers its physical lines.

use super::furniture;
use super::line::{self, Line};
use crate::Span;
use crate::source::Source;

/// How the text is laid out.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Layout {
    /// The width (see [`line::width`]) of a full line when the text is
    /// wrapped, `None` when each line is a paragraph.
    pub(crate) wrapped: Option<usize>,
}

/// A wrapped text has at least this many lines that run on.
const MIN_RUN_ON: usize = 4;
/// … and they are at least this share (percent) of its text lines …
const MIN_RUN_ON_SHARE: usize = 12;
/// … and their widths spread at most this share (percent) of the usual
/// width: a PDF's lines are all about as wide as its text block.
const MAX_SPREAD: usize = 80;
/// A line at least this share (percent) of the usual width is full: the
/// paragraph may go on in the next line.
pub(super) const FULL: usize = 80;
/// A line ending in a comma at least this share (percent) of the usual
/// width goes on in the next line.
const HALF: usize = 50;
/// Lines narrower than this are not measured (table cells, labels).
const MIN_MEASURED: usize = 10;

/// Marks furniture, reads the layout, and in a wrapped text joins the
/// lines of each paragraph. Returns the logical lines, the layout, and the
/// furniture lines that fell inside a joined paragraph (a page number
/// between its lines).
pub(crate) fn read(source: &Source<'_>, mut lines: Vec<Line>) -> (Vec<Line>, Layout, Vec<Span>) {
    furniture::mark(source, &mut lines);
    let layout = Layout {
        wrapped: usual_width(source, &lines),
    };
    match layout.wrapped {
        Some(width) => {
            let (logical, inside) = join(source, &lines, width);
            (logical, layout, inside)
        }
        None => (lines, layout, Vec::new()),
    }
}

/// The usual width of a full line, if the text is wrapped: enough full
/// lines run on into an unmarked next line, and they are all about as wide.
fn usual_width(source: &Source<'_>, lines: &[Line]) -> Option<usize> {
    let text: Vec<&Line> = lines.iter().filter(|l| !l.furniture).collect();
    let measured = |l: &Line| {
        let t = source.slice(l.content);
        (!tabular(t) && line::width(t) >= MIN_MEASURED).then(|| line::width(t))
    };
    let mut widths: Vec<usize> = text.iter().filter_map(|l| measured(l)).collect();
    if widths.len() < MIN_RUN_ON {
        return None;
    }
    widths.sort_unstable();
    let usual = widths[widths.len() * 9 / 10];
    let mut run_on: Vec<usize> = text
        .windows(2)
        .filter_map(|pair| {
            let w = measured(pair[0])?;
            let next = source.slice(pair[1].content);
            let goes_on = w * 100 >= usual * 75
                && !ends_paragraph(source.slice(pair[0].content))
                && line::marker(next, 0).is_none()
                && !tabular(next);
            goes_on.then_some(w)
        })
        .collect();
    if run_on.len() < MIN_RUN_ON || run_on.len() * 100 < widths.len() * MIN_RUN_ON_SHARE {
        return None;
    }
    run_on.sort_unstable();
    let low = run_on[run_on.len() / 10];
    let high = run_on[run_on.len() * 9 / 10];
    let median = run_on[run_on.len() / 2].max(1);
    ((high - low) * 100 <= median * MAX_SPREAD).then_some(usual)
}

/// A table row: cells between `|`, an HTML row, or (in `pdftotext
/// -layout` text) columns set apart by runs of spaces.
fn tabular(text: &str) -> bool {
    line::is_table_row(text) || text.contains("   ")
}

/// Whether a line ends a sentence (`…밝혔다.`, `…한다`, `…!”`), so that a
/// paragraph may end with it.
fn ends_paragraph(text: &str) -> bool {
    text.trim_end_matches(['”', '’', '"', '\'', '」', '』'])
        .ends_with(['.', '!', '?', '다'])
}

/// Joins the lines of each wrapped paragraph; furniture between two lines
/// of one paragraph (a page break) is taken into it.
fn join(source: &Source<'_>, lines: &[Line], width: usize) -> (Vec<Line>, Vec<Span>) {
    let mut out = Vec::new();
    let mut inside = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut logical = lines[i];
        let mut next = i + 1;
        if !logical.furniture {
            loop {
                let mut k = next;
                while k < lines.len() && lines[k].furniture {
                    k += 1;
                }
                let Some(b) = lines.get(k) else { break };
                let last = last_line(source.text, logical.content);
                let gap = Span::new(logical.content.end, b.content.start);
                let page_break = k > next || source.slice(gap).contains('\u{c}');
                let (a_text, b_text) = (source.slice(last), source.slice(b.content));
                let bracket =
                    open_bracket(a_text, b_text) && source.slice(gap).matches('\n').count() <= 2;
                if (!page_break && !bracket && blank_line(source.slice(gap)))
                    || !runs_on(a_text, b_text, width)
                {
                    break;
                }
                inside.extend(lines[next..k].iter().map(|l| l.content));
                logical.content = logical.content.cover(b.content);
                next = k + 1;
            }
        }
        out.push(logical);
        i = next;
    }
    (out, inside)
}

/// The last physical line of a logical line's content.
fn last_line(text: &str, content: Span) -> Span {
    let slice = &text[content.range()];
    match slice.rfind('\n') {
        Some(at) => crate::source::trim_span(text, Span::new(content.start + at, content.end), &[]),
        None => content,
    }
}

/// Whether a gap between two lines holds an empty line.
fn blank_line(gap: &str) -> bool {
    gap.matches('\n').count() >= 2
}

/// Whether the paragraph of line `a` goes on in line `b`: `a` is full and
/// does not end a sentence, or leaves a bracket open (`(지` / `면) …`);
/// `b` starts nothing of its own (a marker, a table row, a header field, a
/// contact or attachment line, a boxed heading).
fn runs_on(a: &str, b: &str, width: usize) -> bool {
    if line::marker(b, 0).is_some()
        || tabular(b)
        || tabular(a)
        || line::is_header(b) && !line::is_header_continuation(b)
        || line::is_contact(b)
        || line::is_attachment(b)
        || line::is_box(b)
    {
        return false;
    }
    let full = line::width(a) * 100 >= width * FULL;
    // `… 자체 점검 후,` / `결과 분석을 통해 …`: a clause that goes on.
    let comma = a.ends_with(',') && line::width(a) * 100 >= width * HALF;
    open_bracket(a, b) || comma || full && !ends_paragraph(a)
}

/// `(지` / `면) 2026. …`: `a` leaves a bracket open that `b` closes.
fn open_bracket(a: &str, b: &str) -> bool {
    a.matches(['(', '（']).count() > a.matches([')', '）']).count() && b.contains([')', '）'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn logical(text: &str) -> Vec<String> {
        let source = Source::new(text);
        let (lines, layout, _) = read(&source, line::lines(text));
        assert!(layout.wrapped.is_some(), "not read as wrapped");
        lines
            .iter()
            .map(|l| source.slice(l.content).replace('\n', "⏎"))
            .collect()
    }

    #[test]
    fn wrapped_paragraphs_join() {
        let text = "\
□ 행정안전부(장관 윤호중)는 3월 23일(월) 정부서울청사에서 17개 시도 부단
체장과 함께 중앙지방정책협의회를 개최했다고 밝혔다.
○ 이날 회의에서는 중동정세 불안에 대한 비상경제대응과 노동 돌봄 등
민생과 직결된 현안이 폭넓게 논의되었으며, 다양한 정책이 국민이 체감할
수 있는 정책 성과로 이어질 수 있도록 중앙과 지방의 협력체계를 점검하
였다.
- 1 -
○ 또한 보건복지부는 국민이 체감하는 복지 돌봄 강화를 위한 추진계획과
아동수당 대상 및 금액 확대가 조속히 이뤄질 수 있도록 지방정부의 협조를
- 2 -
요청하였다.
";
        assert_eq!(
            logical(text),
            [
                "□ 행정안전부(장관 윤호중)는 3월 23일(월) 정부서울청사에서 17개 시도 부단⏎체장과 함께 중앙지방정책협의회를 개최했다고 밝혔다.",
                "○ 이날 회의에서는 중동정세 불안에 대한 비상경제대응과 노동 돌봄 등⏎민생과 직결된 현안이 폭넓게 논의되었으며, 다양한 정책이 국민이 체감할⏎수 있는 정책 성과로 이어질 수 있도록 중앙과 지방의 협력체계를 점검하⏎였다.",
                "- 1 -",
                "○ 또한 보건복지부는 국민이 체감하는 복지 돌봄 강화를 위한 추진계획과⏎아동수당 대상 및 금액 확대가 조속히 이뤄질 수 있도록 지방정부의 협조를⏎- 2 -⏎요청하였다.",
            ]
        );
    }

    #[test]
    fn one_paragraph_per_line_is_not_wrapped() {
        let text = "\
제목
□ 산업부는 12월 22일 산업 디지털 전환 네트워크를 결성했다고 밝혔다.
ㅇ 이날 행사에는 대한상의 등 20개 단체와 지멘스 등 12개 기업이 참여했으며
ㅇ 참석자 : (정부) 박진규 산업부 1차관
(국회) 이학영 위원장
";
        let source = Source::new(text);
        let (_, layout, _) = read(&source, line::lines(text));
        assert!(layout.wrapped.is_none());
    }
}
