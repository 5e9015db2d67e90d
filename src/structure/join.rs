//! Line breaks inside blocks, and whether a paragraph reads a space there.
//!
//! A PDF wraps Korean text by the character: a line may end between two
//! words (`…정부포상의` / `영예성을 …`) or inside one (`…밝` / `혔다.`,
//! `…중소벤처` / `기업부`). Pass 1 decides which from what it can see:
//!
//! - the characters at either side: after `,` `.` `)` a space, after `·`
//!   or inside a number none;
//! - a next line that starts with an ending or a particle (`혔다.`,
//!   `으로`, `하겠다`) continues the word before it;
//! - the release itself: a word cut by the wrap is usually written whole
//!   elsewhere in the text (`중소벤처기업부`), and two words are written
//!   apart (`정부포상의 영예성`);
//! - else a space, the more common case between two Hangul syllables.

use std::collections::BTreeSet;

use super::spelling::Lexicon;

use crate::Span;
use crate::document::Block;

/// A line break inside a block (a PDF's wrap): the span of the break (the
/// newline and the spaces around it, and a page number or running header
/// that stands in it) and whether the paragraph reads a space there
/// (`true`: between words) or nothing (`false`: one word cut in two by the
/// wrap).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Join {
    pub(crate) span: Span,
    pub(crate) space: bool,
}

/// The joins of every block, sorted by position. `inside` lists the
/// furniture lines that stand inside joined paragraphs.
pub(crate) fn joins(text: &str, blocks: &[Block], inside: &[Span]) -> Vec<Join> {
    let mut newlines = BTreeSet::new();
    collect_newlines(text, blocks, &mut newlines);
    let mut spans: Vec<Span> = Vec::new();
    for at in newlines {
        // A newline inside the break before it (blank lines, a page
        // number between two lines) belongs to that break.
        if spans.last().is_some_and(|s| at < s.end) {
            continue;
        }
        spans.push(break_span(text, at, inside));
    }
    let sides: Vec<(&str, &str)> = spans.iter().map(|s| sides(text, *s)).collect();
    let lexicon = Lexicon::new(text, &sides);
    spans
        .iter()
        .zip(&sides)
        .map(|(span, (before, after))| Join {
            span: *span,
            space: space(before, after, &lexicon),
        })
        .collect()
}

fn collect_newlines(text: &str, blocks: &[Block], out: &mut BTreeSet<usize>) {
    for block in blocks {
        if let Some(slice) = text.get(block.span.range()) {
            out.extend(slice.match_indices('\n').map(|(i, _)| block.span.start + i));
        }
        collect_newlines(text, &block.children, out);
    }
}

/// The break around the newline at `at`: the spaces before it, and after
/// it every blank, line end and furniture line up to the next text.
fn break_span(text: &str, at: usize, inside: &[Span]) -> Span {
    let start = text[..at].trim_end_matches([' ', '\t', '\r']).len();
    let mut end = at;
    loop {
        end = text.len() - text[end..].trim_start().len();
        match inside.iter().find(|f| f.start == end && !f.is_empty()) {
            Some(furniture) => end = furniture.end,
            None => break,
        }
    }
    Span::new(start, end)
}

/// The text of the line before a break and of the line after it.
fn sides(text: &str, span: Span) -> (&str, &str) {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    (
        text[line_start..span.start].trim(),
        text[span.end..line_end].trim(),
    )
}

/// Whether the paragraph reads a space at a break between `before` and
/// `after`.
fn space<'t>(before: &'t str, after: &'t str, lexicon: &Lexicon<'t>) -> bool {
    let (Some(x), Some(y)) = (before.chars().next_back(), after.chars().next()) else {
        return true;
    };
    if is_hangul(y) && !matches!(x, '.' | ',' | '!' | '?' | ':' | ';') {
        let head = head_word(after);
        let tail = tail_word(before);
        // `…(월)` / `부터`, `T/F` / `를`, `밝` / `혔다`
        if is_ending(head) || (is_hangul(x) && is_verb_after_noun(tail, head)) {
            return false;
        }
        if is_hangul(x) {
            if is_cut_syllable(before, tail) {
                return false;
            }
            return lexicon.reads_space(tail, head).unwrap_or(true);
        }
    }
    if x.is_ascii_digit() && (y.is_ascii_digit() || is_hangul(y)) {
        // `2,0` / `00억`, `2,204` / `억원`: a number and its unit.
        return false;
    }
    if is_hangul(x) && matches!(y, '(' | '（') {
        // `전년` / `(9,873개)`: a bracket follows its word.
        return false;
    }
    // `K-` / `뷰티`, `보급·` / `조성`: joiners bind their neighbours.
    !matches!(x, '·' | 'ㆍ' | '‧' | '・' | '-' | '/' | '~' | '∼')
}

/// Syllables that end a word: particles and verb endings (`…을`, `…하고`,
/// `…소중한`).
const WORD_FINAL: &str = "을를은는이가의에와과로도만고며서야여게면지한할된될던운인적해";

/// `선정` / `할 계획`, `추진` / `한다`: a one-syllable verb after a noun
/// belongs to it; after a word that has ended (`삼아야` / `할`), it is a
/// word of its own.
fn is_verb_after_noun(tail: &str, head: &str) -> bool {
    matches!(head, "할" | "한" | "해" | "함" | "될" | "된" | "됨" | "하")
        && tail
            .chars()
            .next_back()
            .is_some_and(|c| !WORD_FINAL.contains(c))
}

/// Syllables that stand as words of their own (`및`, `등`, `수`, `각`).
const ONE_SYLLABLE_WORDS: &str = "및등수것중각총약더큰새첫한이그저전후내외간시개명건곳년월일번차회데바뿐때위안말또즉단곧잘못꼭다참온옛딴뭇할될된줄볼갈쓸올알살둘";

/// `본격 시` / `행할`: one syllable left alone at the end of a line, not a
/// word by itself, is the start of a word the wrap cut.
fn is_cut_syllable(before: &str, tail: &str) -> bool {
    let mut chars = tail.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    let alone = before[..before.len() - tail.len()]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    alone && is_hangul(c) && !ONE_SYLLABLE_WORDS.contains(c)
}

/// Syllables that open no word: verb endings cut off by the wrap
/// (`밝` / `혔다`, `진행되` / `었다`).
const NON_INITIAL: &str = "혔였했됐졌습겠었았렸으되돼";

/// Endings and particles that stand as the first word of a line only when
/// the wrap cut them from their stem (`선제적` / `으로`, `집행` / `하겠다`).
const ENDINGS: &[&str] = &[
    "으로",
    "으로서",
    "으로써",
    "으며",
    "으나",
    "으면",
    "으므로",
    "에서",
    "에게",
    "에는",
    "에도",
    "에서는",
    "이다",
    "이며",
    "이고",
    "이나",
    "이라",
    "이라고",
    "이라며",
    "이었다",
    "였다",
    "했다",
    "하다",
    "한다",
    "하며",
    "하고",
    "하여",
    "하는",
    "하기",
    "해야",
    "해서",
    "된다",
    "되어",
    "되는",
    "되며",
    "되고",
    "됐다",
    "됨",
    "을",
    "를",
    "은",
    "는",
    "의",
    "에",
    "와",
    "과",
    "로",
    "께",
    "까지",
    "부터",
    "처럼",
    "라고",
    "라며",
    "며",
    "고",
    "여",
    "다",
    "적",
    "적인",
    "적으로",
    "화",
    "화를",
    "성",
    "성을",
    "성이",
    "상",
    "하게",
    "하면",
    "하지",
    "되지",
    "시키",
    "도록",
    "서도",
    "서는",
    "라는",
    "면서",
    "지만",
    "거나",
    "로부터",
    "로써",
    "로서",
    "히",
];

/// Whether the first word of a line is an ending or particle.
fn is_ending(head: &str) -> bool {
    let mut chars = head.chars();
    let first = chars.next();
    let second = chars.next();
    first.is_some_and(|c| NON_INITIAL.contains(c))
        || ENDINGS.contains(&head)
        || (first == Some('하') && second.is_some_and(|c| "겠였여고는기며면도게지시".contains(c)))
}

fn is_hangul(c: char) -> bool {
    ('가'..='힣').contains(&c)
}

pub(super) fn is_word_char(c: char) -> bool {
    is_hangul(c) || c.is_alphanumeric()
}

/// The word a line ends with (its last run of letters and digits).
pub(super) fn tail_word(line: &str) -> &str {
    let start = line
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map_or(line.len(), |(i, _)| i);
    &line[start..]
}

/// The word a line starts with.
pub(super) fn head_word(line: &str) -> &str {
    let end = line
        .char_indices()
        .find(|(_, c)| !is_word_char(*c))
        .map_or(line.len(), |(i, _)| i);
    &line[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(text: &str) -> Vec<bool> {
        let block = |span: Span| Block {
            kind: crate::BlockKind::Paragraph,
            marker: None,
            marker_span: None,
            number: None,
            level: 1,
            text: text[span.range()].to_string(),
            span,
            char_span: span,
            cells: Vec::new(),
            footnote_refs: Vec::new(),
            children: Vec::new(),
        };
        joins(text, &[block(Span::new(0, text.len()))], &[])
            .iter()
            .map(|j| j.space)
            .collect()
    }

    #[test]
    fn spaces_at_breaks() {
        // an ending, a word boundary after a particle, a number and its unit
        assert_eq!(decide("석유화학제품을 공급할 것이라고 밝\n혔다."), [false]);
        assert_eq!(decide("정부포상의\n영예성을 고려해"), [true]);
        assert_eq!(decide("총 2,204\n억원 규모"), [false]);
        assert_eq!(decide("확대하고,\n지원한다"), [true]);
        assert_eq!(decide("K-뷰티·패션·\n식품 등"), [false]);
    }

    #[test]
    fn the_release_says_how_a_word_is_written() {
        let text = "중소벤처기업부는 밝혔다. 매칭방식으로 유망 중소벤처\n기업부의 지원을 받는다.";
        assert_eq!(decide(text), [false]);
        let text = "정부포상 영예성을 높인다. 관계부처는 정부포상\n영예성을 지킨다.";
        assert_eq!(decide(text), [true]);
    }

    #[test]
    fn break_spans_take_page_numbers_in() {
        let text = "지방정부의 협조를 \n- 2 -\n요청하였다.";
        let page = text.find("- 2 -").unwrap_or(0);
        let inside = [Span::new(page, page + "- 2 -".len())];
        let newline = text.find('\n').unwrap_or(0);
        let next = text.find("요청").unwrap_or(0);
        assert_eq!(
            break_span(text, newline, &inside),
            Span::new(newline - 1, next)
        );
    }
}

/// Data-driven cases: `tests/cases/joins.txt` draws each join of a text
/// inline, `⟦…⟧` around a break read as a space and `⦃…⦄` around one read
/// as nothing.
#[cfg(test)]
mod cases {
    use crate::source::Source;

    const SPACE: (char, char) = ('⟦', '⟧');
    const NO_SPACE: (char, char) = ('⦃', '⦄');

    fn draw(text: &str) -> String {
        let joins = super::super::parse(&Source::new(text)).joins;
        let mut out = String::new();
        for (at, c) in text.char_indices() {
            for j in joins.iter().filter(|j| j.span.end == at) {
                out.push(if j.space { SPACE.1 } else { NO_SPACE.1 });
            }
            for j in joins.iter().filter(|j| j.span.start == at) {
                out.push(if j.space { SPACE.0 } else { NO_SPACE.0 });
            }
            out.push(c);
        }
        out
    }

    fn unmark(marked: &str) -> String {
        marked
            .chars()
            .filter(|c| ![SPACE.0, SPACE.1, NO_SPACE.0, NO_SPACE.1].contains(c))
            .collect()
    }

    #[test]
    fn join_cases() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/joins.txt");
        let file = std::fs::read_to_string(path).expect("tests/cases/joins.txt");
        let mut failures = Vec::new();
        let mut count = 0;
        for case in file.split("\n=== ").filter(|c| !c.trim().is_empty()) {
            let case = case.strip_prefix("=== ").unwrap_or(case);
            let Some((name, marked)) = case.split_once('\n') else {
                continue;
            };
            let marked = marked.trim_end_matches('\n').to_string() + "\n";
            let actual = draw(&unmark(&marked));
            count += 1;
            if actual != marked {
                failures.push(format!("=== {name}\n--- want\n{marked}--- got\n{actual}"));
            }
        }
        assert!(count >= 3, "only {count} cases read");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
