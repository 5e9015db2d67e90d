//! Pass 1a: what each line of a release is, read from its first characters.

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;
use crate::source::trim_span;

/// Characters that frame a flattened table row or pad a cell.
const PIPE: char = '|';

/// One line of the input, after trimming; after [`super::layout`] has
/// rejoined a wrapped paragraph, the whole paragraph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line {
    /// The line's content without leading/trailing whitespace and without
    /// stray table borders at either end.
    pub(crate) content: Span,
    /// Leading spaces (a tab or full-width space counts as two).
    pub(crate) indent: usize,
    /// Page furniture, markup or web-page leftovers (see
    /// [`is_furniture`]): kept as a separator block, never read as text.
    pub(crate) furniture: bool,
}

/// Splits `text` into its non-blank lines.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let span = Span::new(start, start + piece.len());
        start += piece.len();
        let content = trim_span(text, span, &[PIPE, '\u{feff}']);
        if content.is_empty() {
            // A line of only borders still holds text: keep it.
            let bare = trim_span(text, span, &['\u{feff}']);
            if !bare.is_empty() {
                out.push(Line {
                    content: bare,
                    indent: 0,
                    furniture: false,
                });
            }
            continue;
        }
        let indent = text[span.start..content.start]
            .chars()
            .map(|c| match c {
                '\t' | '\u{3000}' => 2,
                c if c.is_whitespace() => 1,
                _ => 0,
            })
            .sum();
        out.push(Line {
            content,
            indent,
            furniture: false,
        });
    }
    out
}

/// How a line begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// `□ ☐ ㅁ ■`: a top-level item.
    Square,
    /// `ㅇ ○ ◦ o`: a second-level item.
    Circle,
    /// `- · ‧`: a third-level item.
    Dash,
    /// `* ** ※`: a note.
    Note,
    /// `① ❶ ➊ (1) 1. 가. ▲ ▸`: a list item with its number, if numbered.
    List(Option<u32>),
    /// `#`, `##` …: a Markdown heading.
    Heading,
}

/// A marker at the start of a line: what it is and where it stands.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Marked {
    pub(crate) marker: Marker,
    pub(crate) span: Span,
}

/// Markers whose glyphs are also ordinary letters need a space after them.
static LINE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            (?P<square>[□☐■◼▣◻❏]|ㅁ\s)
          | (?P<circle>[○◦◯●❍]|[ㅇo]\s)
          | (?P<dash>[-·‧∙–—―⁃•・](?:\s|$))
          | (?P<heading>\#{1,6})\s
          | (?P<note>\*+|※|＊+|☞)
          | (?P<circled>[①-⑳❶-❿➊-➓➀-➉⑴-⒇])
          | (?P<paren>\((?P<pnum>\d{1,2})\)\s*)
          | (?P<dotted>(?P<dnum>\d{1,2})[.)]\s+)
          | (?P<hangul>(?P<hnum>[가나다라마바사아자차카타파하])[.)]\s+)
          | (?P<arrow>[▲▸▶►▷△◆◇◈✓✔▪▴‣↳]|[\p{Co}])
        )",
    )
    .expect("line marker pattern")
});

/// Reads the marker at the start of `text` (a line's content), if any.
pub(crate) fn marker(text: &str, base: usize) -> Option<Marked> {
    let caps = LINE_MARKER.captures(text)?;
    let whole = caps.get(0)?;
    let marker = if caps.name("square").is_some() {
        Marker::Square
    } else if caps.name("circle").is_some() {
        Marker::Circle
    } else if caps.name("dash").is_some() {
        Marker::Dash
    } else if caps.name("heading").is_some() {
        Marker::Heading
    } else if caps.name("note").is_some() {
        // `**굵게**` is Markdown emphasis, not a note.
        if is_bold(text) {
            return None;
        }
        Marker::Note
    } else if let Some(m) = caps.name("circled") {
        Marker::List(circled_number(m.as_str()))
    } else if let Some(m) = caps.name("pnum").or(caps.name("dnum")) {
        // `1. 5.` is a date, not a list item.
        if caps.name("dnum").is_some()
            && text[whole.end()..].starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        Marker::List(m.as_str().parse().ok())
    } else if let Some(m) = caps.name("hnum") {
        Marker::List(hangul_number(m.as_str()))
    } else {
        Marker::List(None)
    };
    let glyph = whole.as_str().trim_end();
    Some(Marked {
        marker,
        span: Span::new(base, base + glyph.len()),
    })
}

/// The number of a circled or parenthesised numeral glyph.
pub(crate) fn circled_number(glyph: &str) -> Option<u32> {
    let c = glyph.chars().next()? as u32;
    let ranges: [(u32, u32); 5] = [
        ('①' as u32, '⑳' as u32),
        ('❶' as u32, '❿' as u32),
        ('➊' as u32, '➓' as u32),
        ('➀' as u32, '➉' as u32),
        ('⑴' as u32, '⒇' as u32),
    ];
    ranges
        .iter()
        .find(|(first, last)| (*first..=*last).contains(&c))
        .map(|(first, _)| c - first + 1)
}

fn hangul_number(glyph: &str) -> Option<u32> {
    "가나다라마바사아자차카타파하"
        .chars()
        .position(|c| glyph.starts_with(c))
        .map(|i| i as u32 + 1)
}

/// `【 … 】`, `< … >`, `〈 … 〉`, `‹ … ›`, `《 … 》`, `[행사 개요]`: a whole-line
/// boxed heading.
static BOX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:【[^】]*】|<[^<>]{1,80}>|〈[^〈〉]*〉|‹[^‹›]*›|《[^《》]*》|〔[^〔〕]*〕|\[[^\[\]]{1,80}\]|≪[^≪≫]*≫)$")
        .expect("box pattern")
});

pub(crate) fn is_box(text: &str) -> bool {
    BOX.is_match(text) || (is_bold(text) && text.chars().count() <= 80)
}

/// `**1. 지가변동률**`: a line in Markdown bold.
fn is_bold(text: &str) -> bool {
    text.len() > 4
        && text.starts_with("**")
        && text.ends_with("**")
        && !text[2..].starts_with(|c: char| c.is_whitespace() || c == '*')
}

/// A banner cell: `보도자료`, `보 도 자 료`, `[보도참고자료]`, `고용노동부
/// 보도자료`, `긴급지시`; the whole cell, so that `보도자료(사진).jpg` or
/// `보도자료 제공 : …` are not banners.
static BANNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[^\s|]{1,12}\s+)?[\[<(【〔]?\s*(?:공\s*동\s*)?(?:보\s*도\s*(?:참\s*고\s*|설\s*명\s*|해\s*명\s*)?자\s*료|(?:참고|설명|해명|동정|정책|홍보)\s*자료|긴급\s*지시)\s*[\]>)】〕]?$",
    )
    .expect("banner pattern")
});

/// A header field label at the start of a cell: `보도시점`, `보도 일시`,
/// `배포`, `엠바고` (not `배포된 …`).
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:보도\s*(?:가능\s*)?(?:시점|일시|시간|일자)|엠바고|배\s*포(?:\s*(?:일시|일자|즉시|시점|시간))?(?:[^가-힣]|$))")
        .expect("header field pattern")
});

/// A header row is short: a longer line with a banner word is text.
const MAX_HEADER_CHARS: usize = 200;

/// Whether a line near the top belongs to the header: a banner or a
/// 보도시점 / 배포 row.
pub(crate) fn is_header(text: &str) -> bool {
    let cells = cell_texts(text);
    cells.iter().map(|c| c.chars().count()).sum::<usize>() <= MAX_HEADER_CHARS
        && cells.iter().any(|cell| {
            // `/ 배포`: a PDF's text keeps the slash between two fields.
            let cell = cell.trim().trim_start_matches(['/', ':']).trim_start();
            BANNER.is_match(cell) || FIELD.is_match(cell)
        })
}

/// `(지  면) 2026. 4. 13.(월) 조간`, `4. 13.(월) 조간`, `< 2026. 4. 12.(일)
/// 12:00 >`, `조간`: a further line of the 보도시점 field.
static HEADER_CONTINUATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            [(<]\s*(?:지\s*면|온\s*라\s*인|인\s*터\s*넷|방\s*송|누리망|석\s*간|조\s*간)
          | [(<]?\s*(?:\d{4}\s*\.|\d{1,2}\s*\.\s*\d{1,2}\s*\.?\s*\(.\))
          | (?:조\s*간|석\s*간)$
          | (?:배포\s*)?즉시(?:\s*보도)?(?:\s*가능)?$ | 배포\s*(?:즉시|시|후)
          | (?:온라인|인터넷|누리망|방송|지면|신문)(?:\s*[·,/]\s*(?:온라인|인터넷|누리망|방송|지면|신문))*$
        )",
    )
    .expect("header continuation pattern")
});

pub(crate) fn is_header_continuation(text: &str) -> bool {
    let first = cell_texts(text)
        .into_iter()
        .map(str::trim)
        .find(|c| !c.is_empty());
    first.is_some_and(|cell| HEADER_CONTINUATION.is_match(cell) && cell.chars().count() < 60)
}

/// `담당 부서 | …`, `책임자 | …`, `문의 : …`, and the contact lines of
/// board releases: `관련부서 : …`, `작 성 과: …`, `연 락 처: …`, `보도자료
/// 제공 : …`, `업무담당 …`.
static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:<[^>]*>\s*)*(?:
            담당\s*(?:부\s*서|기\s*관|과)|담당부서|책임자|담당자
          | 문\s*의(?:처)?\s*[:：|]
          | 관련\s*부서
          | 작\s*성\s*(?:과|팀|자|부\s*서)\s*[:：]
          | 연\s*락\s*처\s*[:：]
          | (?:보도\s*)?자료\s*제공\s*[:：]
          | 업무\s*담당
        )",
    )
    .expect("contact pattern")
});

/// A phone number as contact lines write it: `044-205-3101`, `061)
/// 850-5031`, `270-4340`, `☎ 830-6715`.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[☎☏]|\b\d{2,4}\s*[-)]\s*\d{3,4}\s*-\s*\d{4}\b|\b\d{3,4}-\d{4}\b")
        .expect("phone pattern")
});

pub(crate) fn is_contact(text: &str) -> bool {
    CONTACT.is_match(text) || is_bracketed_contact(text)
}

/// `(가족행복과 담당자 061-470-2141)`, `【친환경수산과장 전창우 286-6910】`,
/// `〔상수도팀 ☎061-531-3671〕`: a whole line in brackets that gives a phone.
fn is_bracketed_contact(text: &str) -> bool {
    let pairs = [('(', ')'), ('〔', '〕'), ('【', '】'), ('[', ']')];
    text.chars().count() <= 200
        && pairs
            .iter()
            .any(|&(open, close)| text.starts_with(open) && text.ends_with(close))
        && PHONE.is_match(text)
}

/// Whether a line gives a phone number.
pub(crate) fn has_phone(text: &str) -> bool {
    PHONE.is_match(text)
}

/// `담당자 | …` and `책임자 | …` rows go on a contact block rather than
/// start one.
pub(crate) fn is_contact_row(text: &str) -> bool {
    text.starts_with("담당자") || text.starts_with("책임자")
}

/// `붙임 1. …`, `참고 | | …`, `[별첨]`: an attachment heading.
static ATTACHMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\[<]?\s*(?:붙\s*임|별\s*첨|첨\s*부|참\s*고)\s*\d*\s*[\]>]?\s*(?:$|[|:.\s])")
        .expect("attachment pattern")
});

pub(crate) fn is_attachment(text: &str) -> bool {
    ATTACHMENT.is_match(text) && text.chars().count() <= 80 && !text.trim_end().ends_with("다.")
}

/// Whether the line is a flattened table row: cells between ` | `, or an
/// HTML row (`<tr><td>…</td></tr>`) left in converted Markdown.
pub(crate) fn is_table_row(text: &str) -> bool {
    text.contains(PIPE) || is_html_row(text)
}

fn is_html_row(text: &str) -> bool {
    text.starts_with("<tr") && text.contains("</t")
}

/// Whether the line is nothing but table borders.
pub(crate) fn is_separator(text: &str) -> bool {
    text.chars().all(|c| c == PIPE || c.is_whitespace())
}

/// The contents of an HTML cell: what stands between `<td …>` and `</td>`.
static HTML_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<t[dh]\b[^>]*>(?P<cell>.*?)</t[dh]>").expect("html cell pattern")
});

/// The cells of a table row: spans of the non-empty pieces between `|`, or
/// of the HTML cells.
pub(crate) fn cells(text: &str, span: Span) -> Vec<Span> {
    if is_html_row(&text[span.range()]) {
        return HTML_CELL
            .captures_iter(&text[span.range()])
            .filter_map(|c| c.name("cell"))
            .map(|m| trim_span(text, Span::new(m.start(), m.end()).shift(span.start), &[]))
            .filter(|cell| !cell.is_empty())
            .collect();
    }
    let mut out = Vec::new();
    let mut start = span.start;
    for piece in text[span.range()].split(PIPE) {
        let cell = trim_span(text, Span::new(start, start + piece.len()), &[]);
        if !cell.is_empty() {
            out.push(cell);
        }
        start += piece.len() + PIPE.len_utf8();
    }
    out
}

/// The texts of a line's cells (the line itself when it is no table row).
fn cell_texts(text: &str) -> Vec<&str> {
    if is_html_row(text) {
        return HTML_CELL
            .captures_iter(text)
            .filter_map(|c| c.name("cell"))
            .map(|m| m.as_str())
            .collect();
    }
    text.split(PIPE).collect()
}

/// The display width of a text: Hangul, CJK and full-width forms count two
/// columns, everything else one. PDF lines are compared by it.
pub(crate) fn width(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker_of(text: &str) -> Option<(Marker, &str)> {
        marker(text, 0).map(|m| (m.marker, &text[m.span]))
    }

    #[test]
    fn markers() {
        assert_eq!(marker_of("□ 산업부는"), Some((Marker::Square, "□")));
        assert_eq!(marker_of("ㅇ 일시"), Some((Marker::Circle, "ㅇ")));
        assert_eq!(marker_of("ㅇㅇ기관"), None);
        assert_eq!(marker_of("o 일시"), Some((Marker::Circle, "o")));
        assert_eq!(marker_of("- 희생자"), Some((Marker::Dash, "-")));
        assert_eq!(marker_of("** 일정"), Some((Marker::Note, "**")));
        assert_eq!(marker_of("※ 참고"), Some((Marker::Note, "※")));
        assert_eq!(marker_of("③인력"), Some((Marker::List(Some(3)), "③")));
        assert_eq!(marker_of("➋ 둘"), Some((Marker::List(Some(2)), "➋")));
        assert_eq!(marker_of("(2) 둘"), Some((Marker::List(Some(2)), "(2)")));
        assert_eq!(marker_of("나. 둘"), Some((Marker::List(Some(2)), "나.")));
        assert_eq!(marker_of("1. 5.(월)"), None);
        assert_eq!(marker_of("2026. 4. 13."), None);
        assert_eq!(marker_of("12·29 여객기"), None);
        assert_eq!(marker_of("❍ (퇴직공제)"), Some((Marker::Circle, "❍")));
        assert_eq!(marker_of("☞보도자료에"), Some((Marker::Note, "☞")));
        assert_eq!(marker_of("◈ 접수"), Some((Marker::List(None), "◈")));
        assert_eq!(
            marker_of("\u{f02b1} 개요"),
            Some((Marker::List(None), "\u{f02b1}"))
        );
    }

    #[test]
    fn headers_and_sections() {
        assert!(is_header(" | 보도자료 | "));
        assert!(is_header("보도시점 | 2026. 4. 10.(금) 배포 즉시"));
        assert!(is_header(
            "보도시점: | 2026. 4. 13.(월) 08:30 | 배포: | 2026."
        ));
        assert!(!is_header("산업 디지털 전환에 산업계 참여 확산"));
        assert!(is_header_continuation("(지  면) 2026. 4. 13.(월) 조간"));
        assert!(is_contact("담당 부서 | 경찰청 | 책임자 | 과장"));
        assert!(is_contact("담당자 | 사무관 | 허준녕 | (044-200-2073)"));
        assert!(is_attachment("참고 |  | ’26년 사업 개요"));
        assert!(is_attachment("붙임 1. 행사 개요"));
        assert!(!is_attachment("참고로 정부는 지원을 확대한다."));
        assert!(is_box("【 「산업 디지털 전환 페스티벌」 개요 】"));
        assert!(is_box("[행사 개요]"));
        assert!(is_box("< 요 약 >"));
    }
}
