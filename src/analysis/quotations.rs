//! Quotations: the pairs of quote marks that the text treats as speech
//! (see the quotes recogniser for the forms), found once and shared by the
//! quote and the commitment recognisers.

use std::sync::LazyLock;

use regex::Regex;

use super::phrases::is_agent;
use super::{Analysis, is_inline_child};
use crate::Span;
use crate::document::{Block, BlockKind};
use crate::morph::Class;

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

/// A single-quoted text counts only as a whole sentence:
/// `(?:다|요|까|죠)[.!?]?$`.
static SENTENCE_LIKE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:다|요|까|죠)[.!?]?$").expect("static regex"));

/// A pair of quote marks in the input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pair {
    /// The opening mark.
    pub(crate) open: Span,
    /// The closing mark.
    pub(crate) close: Span,
    /// `‘…’` rather than double marks.
    pub(crate) single: bool,
}

impl Pair {
    /// The quoted words, without the marks.
    pub(crate) fn inner(self) -> Span {
        Span::new(self.open.end, self.close.start)
    }
}

/// How the text around a pair shows that it is speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// A quotative or a verb of speech follows.
    Said,
    /// `“…”는 대통령 지시`: the speaker follows.
    SpeechOf(Span),
    /// Alone in its block, going on with the quote before.
    Continued,
    /// `보훈부 “…”` in a headline.
    Headline(Span),
}

/// A pair of quote marks that holds speech.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quotation<'a> {
    pub(crate) pair: Pair,
    /// How the text shows it is speech.
    pub(crate) form: Form,
    /// The block that holds it.
    pub(crate) block: &'a Block,
    /// The index of that block among the blocks that may hold quotes.
    pub(crate) block_index: usize,
    /// Where the text before it starts: its block's start, or the end of
    /// the quotation before it in the block.
    pub(crate) previous_end: usize,
    /// Whether the block before it (or its own) held a quotation already:
    /// a quotation that only goes on continues that one.
    pub(crate) adjacent: bool,
}

/// The quotations of the document, in order.
pub(crate) fn quotations<'a>(cx: &Analysis<'a>) -> Vec<Quotation<'a>> {
    let mut out = Vec::new();
    let mut last_block: Option<usize> = None;
    let blocks = body_blocks(cx.blocks);
    for (index, &block) in blocks.iter().enumerate() {
        let adjacent = last_block.is_some_and(|b| index <= b + 1);
        let mut previous_end = block.span.start;
        // A PDF's paragraph may break right after the closing mark
        // (`…힘이 된다”` / `라며 “…`): the quotative opens the next block.
        let next = blocks.get(index + 1).map_or("", |b| cx.text(b.span));
        for pair in pairs(cx.text(block.span), block.span.start) {
            let Some(form) = form(cx, block, pair, previous_end, adjacent, next) else {
                continue;
            };
            out.push(Quotation {
                pair,
                form,
                block,
                block_index: index,
                previous_end,
                adjacent,
            });
            last_block = Some(index);
            previous_end = pair.close.end;
        }
        // A note between two parts of a quote does not break the chain.
        if last_block.is_some() && block.kind == BlockKind::Note {
            last_block = Some(index);
        }
    }
    out
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
pub(crate) fn pairs(text: &str, base: usize) -> Vec<Pair> {
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
    next: &str,
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
    let said = if after.trim().is_empty() && block.kind == BlockKind::Paragraph {
        next
    } else {
        after
    };
    if QUOTATIVE.is_match(said) || SPEECH_OBJECT.is_match(said) {
        return Some(Form::Said);
    }
    if let Some(who) = SPEECH_NOUN.captures(after).and_then(|c| c.name("who")) {
        let at = pair.close.end;
        return Some(Form::SpeechOf(Span::new(at + who.start(), at + who.end())));
    }
    let alone = ENDS_BLOCK.is_match(after) && CONTINUES.is_match(before);
    (alone && adjacent && !pair.single).then_some(Form::Continued)
}

/// In a headline, the bare agent word right before the quote, with the
/// name and organisation written before it (`김명수 원장 “…`, `보훈부 “…`).
fn headline(cx: &Analysis<'_>, before: &str, open: usize) -> Option<Span> {
    let trimmed = before.trim_end();
    // `보훈부 “…`: bare words, a space, the mark; not `(이하 “…`.
    if trimmed.len() == before.len() {
        return None;
    }
    let end = open.saturating_sub(before.len() - trimmed.len());
    let bare = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || c == '·');
    let mut words = trimmed.rsplit(' ');
    let last = words.next().filter(|w| bare(w))?;
    let mut start = end.saturating_sub(last.len());
    if !is_agent(cx, Span::new(start, end)) {
        return None;
    }
    for word in words.take(2) {
        let span = Span::new(
            start.saturating_sub(word.len() + 1),
            start.saturating_sub(1),
        );
        let named = cx
            .morphemes(span)
            .iter()
            .any(|m| matches!(m.class, Class::Person | Class::Organization));
        if !bare(word) || !(named || cx.lexicon.is_org_name(word)) {
            break;
        }
        start = span.start;
    }
    Some(Span::new(start, end))
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
