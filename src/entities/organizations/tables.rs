//! Tables of organisations: a column headed `기관명`, `참여기관`, `업체명`,
//! `소속` … holds one organisation a cell, whatever its name looks like
//! (`드림라인`, `젬텍`, `매니지먼트 낭만`), and the one-cell lines that follow
//! a row (the cells a merged first column leaves alone) continue it.
//!
//! ```text
//! 구분 | 참여기관명
//! 대량문자 사업자 | SKB
//! 인포뱅크
//! <tr><td>4</td><td>하이트진로</td><td>· 감사의 간식 차 …</td></tr>
//! ```

use crate::Span;
use crate::analysis::{Analysis, walk};
use crate::document::{Block, BlockKind};

/// Headers of a column of organisations (spaces removed; a header cell
/// `소속/직위` counts by any of its parts).
const HEADERS: &[&str] = &[
    "기관",
    "기관명",
    "참여기관",
    "참여기관명",
    "협약기관",
    "협약기관명",
    "업체",
    "업체명",
    "기업",
    "기업명",
    "회사",
    "회사명",
    "단체",
    "단체명",
    "소속",
    "소속기관",
    "사업자",
    "사업자명",
    "참여사",
    "참여기업",
    "수행기관",
    "운영기관",
    "주관기관",
    "선정기관",
    "수상기관",
    "법인명",
    "학교명",
    "대학명",
    "병원명",
    "기관·단체명",
];

/// The organisations the tables of the text list: the spans of their
/// names in the cells of a column of organisations.
pub(super) fn names(cx: &Analysis<'_>) -> Vec<Span> {
    let mut out = Vec::new();
    // The column, counted from the row's end (merged and empty cells
    // shift a row's first cells, not its last).
    let mut column: Option<usize> = None;
    for block in walk(cx.blocks) {
        match block.kind {
            BlockKind::TableRow if block.cells.len() >= 2 => {
                if let Some(k) = header(block) {
                    column = Some(k);
                    continue;
                }
                let Some(k) = column else { continue };
                let at = block.cells.len().checked_sub(k + 1);
                if let Some(cell) = at.and_then(|i| block.cells.get(i)) {
                    out.extend(pieces(cx, cell.span));
                }
            }
            BlockKind::Paragraph | BlockKind::TableRow
                if column == Some(0) && block.marker.is_none() && is_bare_name(&block.text) =>
            {
                out.extend(pieces(cx, block.span));
            }
            // A row of one cell a merged column leaves (`· ’20.11월 …`).
            BlockKind::TableRow | BlockKind::Separator => {}
            _ => column = None,
        }
    }
    out
}

/// The column of organisations a header row names, from the row's end.
fn header(block: &Block) -> Option<usize> {
    let n = block.cells.len();
    block.cells.iter().enumerate().find_map(|(i, cell)| {
        let text: String = cell.text.chars().filter(|c| !c.is_whitespace()).collect();
        text.split('/')
            .any(|part| HEADERS.contains(&part))
            .then(|| n - 1 - i)
    })
}

/// A line that is one short name, not a sentence or a note.
fn is_bare_name(text: &str) -> bool {
    let text = text.trim();
    let chars = text.chars().count();
    (2..=30).contains(&chars)
        && !text.ends_with(['다', '.', ':'])
        && !text.starts_with(['*', '※', '-', '·'])
        && text.split_whitespace().count() <= 3
}

/// The names a cell holds: its first line (notes after `<br>` left out),
/// cut at `&`, `,` and interpuncts between names, each without the
/// acronym in parentheses after it and without a legal-form mark.
fn pieces(cx: &Analysis<'_>, cell: Span) -> Vec<Span> {
    let text = cx.text(cell);
    let first = match text.find("<br>") {
        // `대한불교조계종<br>사회복지재단`: a name the cell breaks is one
        // name; a note after the break (`<br>* ‘18년 데뷔`) is not.
        Some(at)
            if text[at + 4..]
                .trim_start()
                .starts_with(['*', '※', '(', '·']) =>
        {
            at
        }
        Some(at) if text[at + 4..].contains("<br>") => at,
        _ => text.len(),
    };
    let mut out = Vec::new();
    let mut start = 0;
    let line = &text[..first];
    let bytes = line.as_bytes();
    for (at, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ',')))
    {
        // `GS칼텍스 &<br>(사)…` splits; `LIG D&A` does not.
        let spaced_amp = c == '&'
            && (at == 0
                || bytes.get(at - 1) == Some(&b' ')
                || line[at + 1..].starts_with([' ', '<']));
        if spaced_amp || matches!(c, ',' | 'ㆍ') {
            let piece = Span::new(cell.start + start, cell.start + at);
            out.extend(
                split_names(cx, piece)
                    .into_iter()
                    .filter_map(|p| name_in(cx, p)),
            );
            start = at + c.len_utf8();
        }
    }
    out
}

/// `청주교육지원청 충주교육지원청`: a piece of words that are each a name is
/// that many names.
fn split_names(cx: &Analysis<'_>, piece: Span) -> Vec<Span> {
    let text = cx.text(piece);
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let all_names = words.len() >= 2 && words.iter().all(|(_, w)| cx.lexicon.org.is_org_name(w));
    if !all_names {
        return vec![piece];
    }
    words
        .iter()
        .map(|(at, w)| Span::new(piece.start + at, piece.start + at + w.len()))
        .collect()
}

/// What a cell's name may be wrapped in: a line break, then the
/// legal-form marks.
fn marks() -> impl Iterator<Item = &'static str> {
    std::iter::once("<br>").chain(super::LEGAL_FORMS.iter().copied())
}

/// The name in a piece of a cell, trimmed of spaces, `<br>`, a legal-form
/// mark and a parenthesis after it; none when what is left is no name (a
/// number, a title, an occupation).
fn name_in(cx: &Analysis<'_>, piece: Span) -> Option<Span> {
    let text = cx.text(piece);
    let mut start = 0;
    let mut end = text.len();
    // `(사)대한민국교육봉사단`, `㈜창비`: the mark before the name.
    for mark in marks() {
        let rest = text[start..].trim_start();
        if let Some(after) = rest.strip_prefix(mark) {
            start = text.len() - after.len();
        }
    }
    if let Some(open) = text[start..].find('(') {
        end = start + open;
    }
    // `LG전자 주식회사`, `한국 오라클 유한회사`: the mark after the name.
    for mark in marks() {
        if let Some(before) = text[start..end].trim_end().strip_suffix(mark) {
            end = start + before.len();
        }
    }
    let inner = &text[start..end];
    let trimmed = inner.trim().trim_end_matches("<br>").trim();
    let lead = inner.len() - inner.trim_start().len();
    let span = Span::new(
        piece.start + start + lead,
        piece.start + start + lead + trimmed.len(),
    );
    let name = cx.text(span).replace("<br>", "");
    let name = name.as_str();
    let chars = name.chars().count();
    let shaped = name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '&' | '%' | '.' | '-' | '·' | '‧' | '+'))
        && name.chars().any(char::is_alphabetic);
    // `가수`, `방송인<br>기업인`: what someone is, not where.
    let occupation = cx.text(span).split("<br>").any(|part| {
        let part = part.trim();
        cx.lexicon.is_contact_title(part)
            || cx.lexicon.title_ending(part).is_some()
            || (part.chars().count() <= 3 && part.ends_with('인'))
    });
    (shaped && (2..=30).contains(&chars) && !occupation).then_some(span)
}
