//! Lines that carry no text of the release: page numbers and running
//! headers of PDF text, Markdown and HTML markup left by converters, and
//! the navigation, file lists and rating forms of a web board page.
//!
//! They are kept (as separator blocks) so that nothing is dropped, but no
//! title, paragraph or fact is read from them.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::line::Line;
use crate::source::Source;

/// `- 3 -`, `-3-`, `3 / 12`, `- 3 of 12 -`, `Page 3`: a page number.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            [-–—]\s*\d{1,3}\s*[-–—]
          | [-–—]?\s*\d{1,3}\s*(?:/|of)\s*\d{1,3}\s*[-–—]?
          | (?:page|페이지)\s*\d{1,3}
        )$",
    )
    .expect("page number pattern")
});

/// Markup with no text: a Markdown table rule (`| --- | :---: |`, seen
/// without its outer borders), a horizontal rule, an image placeholder
/// (`![image](image_001.jpg)`), a lone HTML tag (`<table>`, `</table>`).
static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            \|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?
          | (?:\*\s*){3,} | (?:_\s*){3,}
          | !\[[^\]]*\]\([^)]*\)
          | (?:</?(?:table|thead|tbody|tfoot|colgroup|col|div|p|span|br|hr)\b[^>]*>\s*)+
        )$",
    )
    .expect("markup pattern")
});

/// What a web board page puts around a release: navigation (`Home`,
/// `A > B > C` breadcrumbs, `목록`, `인쇄`, `이전글` / `다음글`), the files
/// attached to the post (`사진 1.jpg (419.27 Kb) Hit: 8`, `0 hit / 102 KB`,
/// `DOWNLOAD 미리보기`), the post's metadata (`작성자: … 작성일: …`), the
/// satisfaction form (`매우만족 만족 보통 …`, `의견 :`), the licence
/// notice (`공공누리 … 조건에 따라 이용할 수 있습니다`) and QR-code notes.
static WEB_LEFTOVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:home|홈|목록|인쇄|프린트|공유|공유하기|인쇄\s*목록|전체\s*다운로드|firstprev|nextlast|top|맨\s*위로)
          | (?:이전글|다음글)(?:\s.*|이\s*존재\s*하지\s*않습니다\.?)?
          | (?:home|홈)\s[^<>()]*>[^<>()]*
          | [^<>()]{1,30}\s>\s[^<>()]{1,30}\s>\s[^<>()]*
          | .*\.(?:jpe?g|png|gif|bmp|tiff?|hwpx?|pdf|zip|docx?|xlsx?|pptx?)\b.*(?:[kmg]b|hit|download|다운로드|미리보기|size).*
          | .*\.(?:jpe?g|png|gif|bmp|hwpx?|pdf|zip)
          | \d[\d,]*\s*hit\s*/\s*[\d.,]+\s*[kmg]b
          | (?:download|다운로드)(?:\s.*)?
          | 미리보기(?:\s.*)?
          | 첨부\s*파일(?:\s*\(\d+\))?.*
          | (?:기관명|작성자|작성일|등록일|조회수?|추천수|게시물\s*수|게시일|부서명)\s*(?:[:：]|\s\d).*
          | (?:매우\s*)?(?:만족|불만족)(?:\s+(?:매우\s*)?(?:만족|보통|불만족))*
          | 보통
          | .*만족하(?:셨|십)니까\??
          | 의견\s*[:：]?
          | .*(?:공공누리|공공저작물).*(?:이용|조건).*
          | .*QR\s*Code.*
          | 자동으로\s*이\s*페이지로\s*연결됩니다.*
          | .*정보를\s*담고\s*있습니다\.?
          | 보도자료\s*상세
        )$",
    )
    .expect("web leftover pattern")
});

/// Lines longer than this are text, whatever they look like.
const MAX_FURNITURE_CHARS: usize = 160;

/// Whether a line is furniture by its own text.
pub(crate) fn is_furniture(text: &str) -> bool {
    text.chars().count() <= MAX_FURNITURE_CHARS
        && (PAGE_NUMBER.is_match(text) || MARKUP.is_match(text) || WEB_LEFTOVER.is_match(text))
}

/// `이전글` / `다음글` with the title and date of that post on the next
/// lines; a bare date under furniture (`2025-12-12`).
static POST_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:이전글|다음글)$").expect("post link pattern"));
static BARE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{4}[-./]\s?\d{1,2}[-./]\s?\d{1,2}\.?$").expect("bare date pattern")
});

/// Whether a line belongs to the furniture above it.
fn follows_furniture(source: &Source<'_>, before: &[Line], text: &str) -> bool {
    let Some(previous) = before.last() else {
        return false;
    };
    let above = source.slice(previous.content);
    (previous.furniture && BARE_DATE.is_match(text))
        || (POST_LINK.is_match(above) && text.chars().count() <= 80)
}

/// Whether a line is a page number.
pub(crate) fn is_page_number(text: &str) -> bool {
    PAGE_NUMBER.is_match(text)
}

/// How many pages must repeat a line before it is a running header.
const RUNNING_MIN_PAGES: usize = 3;

/// Marks furniture: lines that are furniture by their text, and running
/// headers and footers, the short lines that open or close three or more
/// pages with the same text (digits aside: `2026년 3월 고용동향 | 3`).
pub(crate) fn mark(source: &Source<'_>, lines: &mut [Line]) {
    for i in 0..lines.len() {
        let text = source.slice(lines[i].content);
        lines[i].furniture = is_furniture(text) || follows_furniture(source, &lines[..i], text);
    }
    let pages = pages(source, lines);
    if pages.len() < RUNNING_MIN_PAGES {
        return;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let edges: Vec<usize> = pages
        .iter()
        .flat_map(|page| page_edges(lines, page.clone()))
        .collect();
    for &i in &edges {
        *seen
            .entry(shape(source.slice(lines[i].content)))
            .or_default() += 1;
    }
    for &i in &edges {
        let text = source.slice(lines[i].content);
        if text.chars().count() <= 60 && seen[&shape(text)] >= RUNNING_MIN_PAGES {
            lines[i].furniture = true;
        }
    }
}

/// The pages of the text as ranges of line indices: a page ends at a form
/// feed or after a page number.
fn pages(source: &Source<'_>, lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        let form_feed =
            i > 0 && source.text[lines[i - 1].content.end..line.content.start].contains('\u{c}');
        if form_feed && start < i {
            out.push(start..i);
            start = i;
        }
        if is_page_number(source.slice(line.content)) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < lines.len() {
        out.push(start..lines.len());
    }
    out
}

/// The first and last line of a page that are not page numbers.
fn page_edges(lines: &[Line], page: std::ops::Range<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    if let Some(first) = page.clone().next() {
        out.push(first);
    }
    if let Some(last) = page.clone().next_back()
        && Some(last) != page.clone().next()
    {
        out.push(last);
    }
    let _ = lines;
    out
}

/// A line's text with digits folded, so `- 3 -` and `- 4 -` or a header
/// with the page number compare equal.
fn shape(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for text in [
            "- 3 -",
            "-12-",
            "1 / 1",
            "--- | --- | ---",
            "![image](image_001.jpg)",
            "</table>",
            "Home 소통해남 > 군정뉴스 > 보도자료프린트 페이지 공유하기",
            "2.[사진 1] 전남여상, 아이디어 2건 특허출원·기술이전 동시 달성.jpg (419.27 Kb) Hit: 8",
            "0 hit / 102 KB",
            "DOWNLOAD 미리보기",
            "작성자: 운영자 작성일: 2025-12-12 추천수 : 0",
            "매우만족 만족 보통 불만족 매우불만족",
            "다음글 함평읍 주민자치회, 새 보금자리에서 본격 활동 시작",
            "본 공공저작물은 공공누리 4유형 : 출처표시 + 상업적 이용금지 + 변경금지 조건에 따라 이용할 수 있습니다.",
        ] {
            assert!(is_furniture(text), "{text}");
        }
        for text in [
            "- 12월 22일부터 내년까지 연중 운영 -",
            "□ 산업부는 밝혔다.",
            "1. 개념 및 목적",
            "보도자료",
            "관람료는 어린이·학생 2000원, 성인 4000원이다.",
            "공공누리 유형 표시 제도를 정비한다.",
            "수출 증가율 3 / 4분기",
            "(출처: https://goods.g2b.go.kr > 일반검색 > 품명검색, ‘25.2월 신설)",
        ] {
            assert!(!is_furniture(text), "{text}");
        }
    }
}
