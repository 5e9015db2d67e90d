//! Recognises quoted speech and who said it.
//!
//! A quote is the text between a pair of quote marks (`“…”`, `"…"`, and
//! `‘…’` only for whole quoted sentences) that the text treats as speech:
//!
//! - a quotative follows the closing mark: `”고`, `”라고`, `”라며`, `”며`,
//!   `”라면서`, `”면서` (`“…”고 강조했다`, `“…”라며, “…”라고 밝혔다`);
//! - or an object particle and a verb of speech: `“…”을 주문했다`;
//! - or it names the speech it modifies: `“…”는 대통령 지시` (the speaker
//!   is the noun before the head: `대통령`);
//! - or the block holds nothing but the quote and goes on with the speaker
//!   of the quote just before (`○ “특히, …하겠다.”` after `…”라며,`);
//! - in a headline, a bare agent noun stands before it (`보훈부 “…”`).
//!
//! Marks inside the words (a `「…」` title, a `‘…’` term) do not end it.
//! Defined names (`이하 “산업부”`, `“일반지주회사”라 한다`) and quoted
//! terms (`“회사사정” 사유`) have no quotative and are not quotes.
//!
//! The speaker is the subject phrase of the sentence before the quote, with
//! its particle stripped by morphology and parenthesised asides dropped
//! (`박진규 산업통상자원부 1차관은 축사에서 “…` gives `박진규
//! 산업통상자원부 1차관`); the full phrase is kept, title and affiliation
//! included, so that it reads on its own. A quote with no subject of its own
//! (`ㅇ 또한 “…”고 밝혔다`, `이어서 “…”`) goes on with the speaker of the
//! quote in the same block or the block just before it; failing that, the
//! subject of an earlier sentence of its block speaks.

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::is_inline_child;
use crate::analysis::phrases::{Subject, is_agent, pick, strip_asides};
use crate::document::{Block, BlockKind, Document, Quote};

/// The text right after a closing mark is a quotative ending:
/// `^\s*(?:이)?(?:라고|라며|라면서)|^\s*(?:고|며|면서|하고)(?:[\s,.]|$)`.
static QUOTATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:이)?(?:라고|라며|라면서)|(?:고|며|면서|하고)(?:[\s,.]|$))")
        .expect("static regex")
});

/// An object particle and a verb of speech within two words:
/// `^\s*[을를]\s+(?:\S+\s+){0,2}?(?:주문|지시|강조|…)`.
static SPEECH_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[을를]\s+(?:\S+\s+){0,2}?(?:주문|지시|강조|당부|요청|밝|말|언급|약속|다짐|촉구|건의|제안|설명|호소|전했|전하)",
    )
    .expect("static regex")
});

/// The quote modifies a noun of speech, whose speaker stands before it:
/// `^\s*(?:이)?(?:라)?는\s+(?P<who>…)\s(?:지시|당부|발언|…)`.
static SPEECH_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:이)?(?:라)?는\s+(?P<who>[^\s,.]+(?:\s[^\s,.]+)??)\s?(?:지시|당부|발언|말씀|주문|요청|메시지)",
    )
    .expect("static regex")
});

/// Before a quote that only goes on: nothing, or one connective:
/// `^\s*(?:(?:또한|아울러|특히|…)\s*,?\s*)?$`.
static CONTINUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:(?:또한|아울러|특히|이어|이어서|그러면서|한편|끝으로|마지막으로|그리고|더불어|또)\s*,?\s*)?$",
    )
    .expect("static regex")
});

/// Nothing after the closing mark but punctuation.
static ENDS_BLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s.,]*$").expect("static regex"));

/// A sentence end outside quotes: `(?:다|요|음|함|임)\.(?:\s|$)`.
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:다|요|음|함|임)\.(?:\s|$)").expect("static regex"));

/// A single-quoted text counts only as a whole sentence:
/// `(?:다|요|까|죠)[.!?]?$`.
static SENTENCE_LIKE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:다|요|까|죠)[.!?]?$").expect("static regex"));

/// A pair of quote marks in the input.
#[derive(Debug, Clone, Copy)]
struct Pair {
    /// The opening mark.
    open: Span,
    /// The closing mark.
    close: Span,
    /// `‘…’` rather than double marks.
    single: bool,
}

impl Pair {
    fn inner(self) -> Span {
        Span::new(self.open.end, self.close.start)
    }
}

/// How the text around a pair shows that it is speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A quotative or a verb of speech follows.
    Said,
    /// `“…”는 대통령 지시`: the speaker follows.
    SpeechOf(Span),
    /// Alone in its block, going on with the quote before.
    Continued,
    /// `보훈부 “…”` in a headline.
    Headline(Span),
}

/// The last quote seen, for quotes that go on with its speaker.
#[derive(Debug, Clone)]
struct Chain {
    /// Index of its block among the body blocks.
    block: usize,
    speaker: Option<String>,
}

/// Fills the document's quotes.
pub(crate) fn recognise(cx: &Analysis<'_>, doc: &mut Document) {
    let mut quotes = Vec::new();
    let mut chain: Option<Chain> = None;
    let blocks = body_blocks(cx.blocks);
    for (index, block) in blocks.iter().enumerate() {
        let adjacent = chain.as_ref().is_some_and(|c| index <= c.block + 1);
        let mut previous_end = block.span.start;
        let pairs = pairs(cx.text(block.span), block.span.start);
        let found = block_subjects(cx, block, &pairs);
        for pair in pairs {
            let Some(form) = form(cx, block, pair, previous_end, adjacent) else {
                continue;
            };
            let speaker = speaker(cx, &found, block, pair, previous_end, form)
                .or_else(|| {
                    chain
                        .as_ref()
                        .filter(|_| adjacent)
                        .and_then(|c| c.speaker.clone())
                })
                .or_else(|| earlier_subject(cx, &found, block, pair));
            chain = Some(Chain {
                block: index,
                speaker: speaker.clone(),
            });
            previous_end = pair.close.end;
            quotes.push(Quote {
                mention: cx.source.snippet(pair.inner()),
                speaker,
            });
        }
        // A note between two parts of a quote does not break the chain.
        if let Some(c) = chain.as_mut().filter(|_| block.kind == BlockKind::Note) {
            c.block = index;
        }
    }
    doc.quotes = quotes;
}

/// The subjects of the block outside quote marks, read once: asking per
/// quote would read a long line again for each of its quotes.
fn block_subjects(cx: &Analysis<'_>, block: &Block, pairs: &[Pair]) -> Vec<Subject> {
    if pairs.is_empty() {
        return Vec::new();
    }
    cx.subjects(block.span)
        .iter()
        .filter(|s| !pairs.iter().any(|p| p.inner().contains(s.span)))
        .copied()
        .collect()
}

/// The blocks that may hold quotes, in document order; inline list items
/// are read as part of their parent.
fn body_blocks(blocks: &[Block]) -> Vec<&Block> {
    fn go<'b>(blocks: &'b [Block], parent: Option<&'b Block>, out: &mut Vec<&'b Block>) {
        for block in blocks {
            if parent.is_some_and(|p| is_inline_child(p, block)) {
                continue;
            }
            if !matches!(
                block.kind,
                BlockKind::Header | BlockKind::Separator | BlockKind::Contact
            ) {
                out.push(block);
            }
            go(&block.children, Some(block), out);
        }
    }
    let mut out = Vec::new();
    go(blocks, None, &mut out);
    out
}

/// The quote-mark pairs of `text` (which starts at byte `base`): double
/// marks pair in turn, whichever way they curl (`“…“` is a typo for
/// `“…”`); single marks pair outside double ones.
fn pairs(text: &str, base: usize) -> Vec<Pair> {
    let mut out = Vec::new();
    let mut open: Option<Span> = None;
    let mut single: Option<Span> = None;
    for (at, c) in text.char_indices() {
        let mark = Span::new(base + at, base + at + c.len_utf8());
        match c {
            '“' | '”' | '"' => match open.take() {
                Some(o) => out.push(Pair {
                    open: o,
                    close: mark,
                    single: false,
                }),
                None => {
                    open = Some(mark);
                    single = None;
                }
            },
            '‘' if open.is_none() => single = Some(mark),
            '’' if open.is_none() => {
                if let Some(o) = single.take() {
                    out.push(Pair {
                        open: o,
                        close: mark,
                        single: true,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether the pair is speech, and how it shows.
fn form(
    cx: &Analysis<'_>,
    block: &Block,
    pair: Pair,
    previous_end: usize,
    adjacent: bool,
) -> Option<Form> {
    let inner = cx.text(pair.inner());
    if inner.trim().is_empty() {
        return None;
    }
    let after = cx.text(Span::new(pair.close.end, block.span.end));
    let before = cx.text(Span::new(previous_end, pair.open.start));
    if pair.single && !SENTENCE_LIKE.is_match(inner.trim_end()) {
        return None;
    }
    if matches!(block.kind, BlockKind::Title | BlockKind::Subtitle) {
        return headline(cx, before, pair.open.start).map(Form::Headline);
    }
    if QUOTATIVE.is_match(after) || SPEECH_OBJECT.is_match(after) {
        return Some(Form::Said);
    }
    if let Some(who) = SPEECH_NOUN.captures(after).and_then(|c| c.name("who")) {
        let at = pair.close.end;
        return Some(Form::SpeechOf(Span::new(at + who.start(), at + who.end())));
    }
    let alone = ENDS_BLOCK.is_match(after) && CONTINUES.is_match(before);
    (alone && adjacent && !pair.single).then_some(Form::Continued)
}

/// In a headline, the bare agent word right before the quote.
fn headline(cx: &Analysis<'_>, before: &str, open: usize) -> Option<Span> {
    let trimmed = before.trim_end();
    let word = trimmed.rsplit(char::is_whitespace).next()?;
    // `보훈부 “…`: a bare word, a space, the mark; not `(이하 “…`.
    let bare = word.chars().all(|c| c.is_alphanumeric() || c == '·');
    if !bare || trimmed.len() == before.len() {
        return None;
    }
    let end = open.saturating_sub(before.len() - trimmed.len());
    let span = Span::new(end.saturating_sub(word.len()), end);
    is_agent(cx, span).then_some(span)
}

/// The speaker the sentence of the quote names.
fn speaker(
    cx: &Analysis<'_>,
    found: &[Subject],
    block: &Block,
    pair: Pair,
    previous_end: usize,
    form: Form,
) -> Option<String> {
    match form {
        Form::SpeechOf(who) | Form::Headline(who) => return Some(name(cx, who)),
        Form::Continued => return None,
        Form::Said => {}
    }
    let before = Span::new(previous_end, pair.open.start);
    let sentence_start = SENTENCE_END
        .find_iter(cx.text(before))
        .last()
        .map_or(before.start, |m| before.start + m.end());
    let region = Span::new(sentence_start.max(block.span.start), pair.open.start);
    pick_in(cx, found, region)
}

/// The subject of an earlier sentence of the block.
fn earlier_subject(
    cx: &Analysis<'_>,
    found: &[Subject],
    block: &Block,
    pair: Pair,
) -> Option<String> {
    pick_in(cx, found, Span::new(block.span.start, pair.open.start))
}

/// The agent subject among those of `found` in `region` (see
/// [`pick`]).
fn pick_in(cx: &Analysis<'_>, found: &[Subject], region: Span) -> Option<String> {
    let inside: Vec<Subject> = found
        .iter()
        .filter(|s| region.contains(Span::new(s.span.start, s.end)))
        .copied()
        .collect();
    pick(&inside, false).map(|s| name(cx, s.span))
}

/// A phrase as a name: asides dropped, spaces collapsed.
fn name(cx: &Analysis<'_>, span: Span) -> String {
    strip_asides(cx.text(span))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_marks_pair_in_turn_whichever_way_they_curl() {
        let text = "“가” 나 “다“ 라";
        let got: Vec<&str> = pairs(text, 0)
            .iter()
            .map(|p| &text[p.inner().range()])
            .collect();
        assert_eq!(got, ["가", "다"]);
    }

    #[test]
    fn single_marks_inside_double_ones_do_not_pair() {
        let text = "“‘반값 여행’ 신청”고";
        let got = pairs(text, 0);
        assert_eq!(got.len(), 1);
        assert!(!got[0].single);
    }

    #[test]
    fn quotatives_and_definitions() {
        assert!(QUOTATIVE.is_match("고 강조했다"));
        assert!(QUOTATIVE.is_match("라며, “"));
        assert!(QUOTATIVE.is_match("이라고 하면서"));
        assert!(!QUOTATIVE.is_match("라 한다)"));
        assert!(!QUOTATIVE.is_match("고객"));
        assert!(SPEECH_OBJECT.is_match("을 주문했다."));
        assert!(!SPEECH_OBJECT.is_match("을 추진하겠습니다."));
        let who = SPEECH_NOUN
            .captures("는 대통령 지시(제54회)")
            .and_then(|c| c.name("who"));
        assert_eq!(who.map(|m| m.as_str()), Some("대통령"));
    }
}
