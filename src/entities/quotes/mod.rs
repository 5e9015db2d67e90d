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
use crate::analysis::phrases::{Subject, pick, strip_asides};
use crate::analysis::quotations::{Form, Pair, Quotation, pairs};
use crate::document::{Block, Quote};

/// A sentence end outside quotes: `(?:다|요|음|함|임)\.(?:\s|$)`.
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:다|요|음|함|임)\.(?:\s|$)").expect("static regex"));

/// A quote as found, with where its speaker is named.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub(crate) quote: Quote,
    /// The phrase that names the speaker, when one does.
    pub(crate) speaker_span: Option<Span>,
}

/// The quotes of the document with their speakers.
pub(crate) fn recognise(cx: &Analysis<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    // The speaker of the quote before, for quotes that go on with it.
    let mut chain: Option<Span> = None;
    let mut subjects: Option<(usize, Vec<Subject>)> = None;
    for q in cx.quotations() {
        if subjects.as_ref().is_none_or(|(b, _)| *b != q.block_index) {
            let pairs = pairs(cx.text(q.block.span), q.block.span.start);
            subjects = Some((q.block_index, block_subjects(cx, q.block, &pairs)));
        }
        let found = subjects.as_ref().map_or(&[][..], |(_, s)| s.as_slice());
        let speaker = speaker(cx, found, q)
            .or_else(|| later_subject(cx, found, q))
            .or(chain.filter(|_| q.adjacent || q.previous_end > q.block.span.start))
            .or_else(|| earlier_subject(found, q.block, q.pair))
            .or_else(|| parent_subject(cx, q));
        chain = speaker;
        out.push(Found {
            quote: Quote {
                mention: cx.source.snippet(q.pair.inner()),
                speaker: speaker.map(|s| name(cx, s)),
                speaker_ref: None,
            },
            speaker_span: speaker,
        });
    }
    out
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

/// The phrase that names the speaker in the sentence of the quotation.
fn speaker(cx: &Analysis<'_>, found: &[Subject], q: &Quotation<'_>) -> Option<Span> {
    let (block, pair) = (q.block, q.pair);
    match q.form {
        Form::SpeechOf(who) | Form::Headline(who) => return Some(who),
        Form::Continued => return None,
        Form::Said => {}
    }
    let before = Span::new(q.previous_end, pair.open.start);
    let sentence_start = SENTENCE_END
        .find_iter(cx.text(before))
        .last()
        .map_or(before.start, |m| before.start + m.end());
    let region = Span::new(sentence_start.max(block.span.start), pair.open.start);
    pick_in(found, region)
}

/// `“…”라고 홍길동 교수는 강조했다`: the speaker named after the quote, in
/// the rest of its sentence.
fn later_subject(cx: &Analysis<'_>, found: &[Subject], q: &Quotation<'_>) -> Option<Span> {
    if q.form != Form::Said {
        return None;
    }
    let rest = Span::new(q.pair.close.end, q.block.span.end);
    let end = SENTENCE_END
        .find(cx.text(rest))
        .map_or(rest.end, |m| rest.start + m.end());
    pick_in(found, Span::new(rest.start, end))
}

/// The subject of an earlier sentence of the block.
fn earlier_subject(found: &[Subject], block: &Block, pair: Pair) -> Option<Span> {
    pick_in(found, Span::new(block.span.start, pair.open.start))
}

/// `□ 김 총리는 … 당부하였다.` / `ㅇ “…”고 밝혔다.`: a quote that opens its
/// item, with no subject of its own, is said by the topic of the item it
/// stands under.
fn parent_subject(cx: &Analysis<'_>, q: &Quotation<'_>) -> Option<Span> {
    let lead = cx.text(Span::new(q.block.span.start, q.pair.open.start));
    if q.form != Form::Said || !lead.trim().is_empty() {
        return None;
    }
    let parent = parent_of(cx.blocks, q.block)?;
    let pairs = pairs(cx.text(parent.span), parent.span.start);
    let topics: Vec<Subject> = cx
        .subjects(parent.span)
        .iter()
        .filter(|s| s.topic && !pairs.iter().any(|p| p.inner().contains(s.span)))
        .copied()
        .collect();
    pick_in(&topics, parent.span)
}

/// The block that holds `child` among its children.
fn parent_of<'b>(blocks: &'b [Block], child: &Block) -> Option<&'b Block> {
    blocks.iter().find_map(|b| {
        if b.children.iter().any(|c| std::ptr::eq(c, child)) {
            Some(b)
        } else {
            parent_of(&b.children, child)
        }
    })
}

/// The agent subject among those of `found` in `region` (see
/// [`pick`]).
fn pick_in(found: &[Subject], region: Span) -> Option<Span> {
    let inside: Vec<Subject> = found
        .iter()
        .filter(|s| region.contains(Span::new(s.span.start, s.end)))
        .copied()
        .collect();
    pick(&inside, false).map(|s| s.span)
}

/// A phrase as a name: asides dropped, spaces collapsed.
fn name(cx: &Analysis<'_>, span: Span) -> String {
    strip_asides(cx.text(span))
}
