//! Recognises commitments: what a named actor agreed, decided, plans or
//! pledges.
//!
//! A commitment is a clause closed by a predicate that commits (see
//! [`clause`]): `하기로 했다`, `하기로 뜻을 모았다`, `할 계획이다`, `할
//! 예정이다`, `할 방침이다`, `하고자 한다`, `해 나갈 것이다`, `할 것이라고
//! 밝혔다`, and pledges: inside quoted words `지원을 아끼지 않겠다`, outside
//! them when reported (`노력하겠다고 화답하였다`, `관리하겠다는 의지를
//! 표명하였다`). After an agreement, a party's duty stated in the present
//! tense (`한국환경공단은 …을 제공한다`) is one too. Not commitments: a
//! report of what was done (`협약을 체결하였다`), plain present-tense
//! announcements and descriptions of the current programme (`설명회를
//! 개최한다`, `공모를 추진한다`), passive plans (`개최될 예정이다`) and
//! forecasts (`증가할 것이라고 전망했다`).
//!
//! **Its text** is what the actor commits to: from just after the actor's
//! subject phrase, or from the start of the clause when the clause does not
//! name the actor (leading connectives such as `또한,` left out), to the end
//! of the committing predicate (`…모아나갈 계획이다`, `…동참하기로 했다`;
//! the final period and a reporting `고 밝혔다` are not part of it). A
//! numbered duty list (`이들 기관들은 ①…하고 ②…하며 ③…하기로 했다`) gives
//! one commitment per item, its text the item as written (without the final
//! period) and its index the item's written number.
//!
//! **Its actor** is the subject phrase that commits: the topic (은/는) of
//! the sentence, or for a reported decision (`A는 B가 …하기로 했다고
//! 밝혔다`) and a clause without topic, the subject (이/가) of the last
//! clause; only phrases that name a person or an organisation count. An
//! anaphor (`이들 기관들`) stands for the last actor named before it, by its
//! group phrase (`대한상공회의소, … 등 20개 기관` gives `20개 기관`). A
//! clause with no actor of its own takes the last actor named before it,
//! then the issuer; in quotes, the speaker.
//!
//! Table rows are read cell by cell (`… 홍보 활동을 추진할 계획`); notes,
//! headlines and the contact block are not read: they describe, they do
//! not commit.

pub(crate) mod clause;

use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::is_inline_child;
use crate::analysis::phrases::{Subject, pick, strip_asides};
use crate::analysis::quotations::Quotation;
use crate::document::{Block, BlockKind, Commitment};
use clause::{Trigger, duty, sentences, skip_leading, triggers};

/// Anaphors that point back to an actor named before.
const ANAPHORS: &[&str] = &["이들", "이", "동", "해당", "그"];

/// Who commits, as far as the text says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Actor {
    /// The phrase that names the actor, asides dropped.
    Named(String),
    /// Nobody is named: the issuer of the release.
    Issuer,
    /// Inside quoted words without a subject: the speaker of the quotation
    /// with this index among the document's quotations.
    Speaker(usize),
}

/// A commitment as found; the link step names its actor.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The commitment with its text and index, its actor not yet set.
    pub(crate) commitment: Commitment,
    pub(crate) actor: Option<Actor>,
}

/// The actors named so far, for clauses that do not name theirs.
#[derive(Debug, Default)]
struct Actors {
    /// The last actor named in the body.
    last: Option<String>,
    /// An agreement was made: the parties' duties follow in the present
    /// tense (`한국환경공단은 …을 제공한다`).
    pact: bool,
}

/// The document's commitments, in order.
pub(crate) fn recognise(cx: &Analysis<'_>) -> Vec<Found> {
    let mut actors = Actors::default();
    let mut out = Vec::new();
    for block in body_blocks(cx.blocks) {
        // A new top-level paragraph starts afresh: a topic named in the
        // paragraph before does not carry over; the issuer stands in.
        if block.level == 1 {
            actors.last = None;
        }
        if block.kind == BlockKind::TableRow {
            row(cx, block, &mut actors, &mut out);
            continue;
        }
        // Subjects are read once per block: a long line is not read again
        // for each of its sentences.
        let quoted: Vec<(usize, &Quotation<'_>)> = cx
            .quotations()
            .iter()
            .enumerate()
            .filter(|(_, q)| block.span.contains(q.pair.inner()))
            .collect();
        let quotes: Vec<Span> = quoted.iter().map(|(_, q)| q.pair.inner()).collect();
        let all = cx.subjects(block.span);
        let body: Vec<Subject> = all
            .iter()
            .filter(|s| !quotes.iter().any(|q| q.contains(s.span)))
            .copied()
            .collect();
        let listed = listed(cx, block, &body, &mut actors, &mut out);
        let skip: Vec<Span> = quotes.iter().chain(&listed).copied().collect();
        for sentence in sentences(cx.source.text, 0, block.span, &quotes) {
            let found = within(&body, sentence);
            clauses(cx, block, sentence, &found, &skip, &mut actors, &mut out);
        }
        for (index, quote) in quoted {
            pledges(cx, index, quote.pair.inner(), &all, &actors, &mut out);
        }
    }
    out.sort_by_key(|c| c.commitment.mention.span);
    out
}

/// The commitments of a table row's cells, each cell read as running text
/// (`… 사업을 확대하고 … 기여할 계획임`).
fn row(cx: &Analysis<'_>, block: &Block, actors: &mut Actors, out: &mut Vec<Found>) {
    for cell in &block.cells {
        // Most cells are figures and names: no trigger, no pact going on,
        // nothing to read (and no morphology to pay for).
        if !actors.pact && !clause::may_commit(&cell.text) {
            continue;
        }
        let found = cx.subjects(cell.span);
        for sentence in sentences(cx.source.text, 0, cell.span, &[]) {
            let found = within(&found, sentence);
            clauses(cx, block, sentence, &found, &[], actors, out);
        }
    }
}

/// The subjects of `found` that lie, particle included, in `region`.
fn within(found: &[Subject], region: Span) -> Vec<Subject> {
    found
        .iter()
        .filter(|s| region.contains(Span::new(s.span.start, s.end)))
        .copied()
        .collect()
}

/// The commitments of one sentence outside quotes and duty lists (`skip`),
/// and the actor it passes on.
fn clauses(
    cx: &Analysis<'_>,
    block: &Block,
    sentence: Span,
    found: &[Subject],
    skip: &[Span],
    actors: &mut Actors,
    out: &mut Vec<Found>,
) {
    let mut start = sentence.start;
    let mut named: Option<String> = None;
    // A later clause of the sentence goes on with the actor of the clause
    // before it (`A는 …할 계획이며, …할 예정이다`).
    let mut sentence_actor: Option<Actor> = None;
    let mut pact = false;
    for trigger in triggers(cx.source.text, 0, sentence, false) {
        let clause = Span::new(start, trigger.span.end);
        start = trigger.span.end;
        // `협약을 체결하였다` reports what was done; the duties follow.
        if trigger.pact {
            actors.pact = true;
            pact = true;
            continue;
        }
        if trigger.predictive && forecast(cx, trigger) {
            continue;
        }
        // `“…”고 강조할 예정이다` plans to speak; the pledge inside the
        // quote is read with the quote.
        if skip
            .iter()
            .any(|s| s.contains(trigger.span) || clause.contains(*s))
        {
            continue;
        }
        let fallback = sentence_actor
            .clone()
            .or_else(|| actors.last.clone().map(Actor::Named))
            .or(Some(Actor::Issuer));
        let (mut item, explicit) = commit(cx, clause, trigger, found, actors, fallback);
        if explicit && let Some(Actor::Named(name)) = &item.actor {
            named = Some(name.clone());
        }
        item.commitment.index = (block.kind == BlockKind::ListItem)
            .then_some(block.number)
            .flatten();
        sentence_actor.clone_from(&item.actor);
        out.push(item);
    }
    if sentence_actor.is_none() && actors.pact && !pact {
        duty_clause(cx, sentence, found, skip, actors, out);
    }
    // Only a topic (은/는) carries over: a subject (이/가) belongs to its
    // clause; a sentence without one passes on the actor its commitment
    // named.
    let topics: Vec<Subject> = found.iter().filter(|s| s.topic).copied().collect();
    match pick(&topics, false) {
        Some(s) => actors.last = Some(resolve(cx, s.span, actors)),
        None if named.is_some() => actors.last = named,
        None => {}
    }
}

/// Verbs of change that `할 것이다` forecasts rather than promises
/// (`신고건수가 감소할 것이라고`, `수출이 증가할 것이다`).
const FORECAST_VERBS: &[&str] = &[
    "감소할",
    "증가할",
    "상승할",
    "하락할",
    "늘어날",
    "줄어들",
    "높아질",
    "낮아질",
    "커질",
    "회복할",
    "성장할",
    "확산할",
    "개선될",
    "호전될",
];

/// Whether an intention (`할 것이다`) is a forecast of a change.
fn forecast(cx: &Analysis<'_>, trigger: Trigger) -> bool {
    let text = cx.text(trigger.span);
    FORECAST_VERBS.iter().any(|v| text.starts_with(v))
}

/// After an agreement, a sentence whose topic is an agent and whose
/// predicate is a present declarative states a party's duty.
fn duty_clause(
    cx: &Analysis<'_>,
    sentence: Span,
    found: &[Subject],
    skip: &[Span],
    actors: &Actors,
    out: &mut Vec<Found>,
) {
    let Some(trigger) = duty(cx.source.text, 0, sentence) else {
        return;
    };
    let before = Span::new(sentence.start, trigger.span.start);
    let topical = pick(&within(found, before), false).is_some_and(|s| s.topic);
    if topical
        && !skip
            .iter()
            .any(|s| before.contains(*s) || s.contains(trigger.span))
    {
        out.push(commit(cx, sentence, trigger, found, actors, None).0);
    }
}

/// The blocks whose sentences may commit, in document order; inline list
/// items are read through their parent.
fn body_blocks(blocks: &[Block]) -> Vec<&Block> {
    fn go<'b>(blocks: &'b [Block], parent: Option<&'b Block>, out: &mut Vec<&'b Block>) {
        for block in blocks {
            if parent.is_some_and(|p| is_inline_child(p, block)) {
                continue;
            }
            match block.kind {
                BlockKind::Paragraph
                | BlockKind::Item
                | BlockKind::ListItem
                | BlockKind::TableRow => out.push(block),
                BlockKind::Box | BlockKind::Attachment => {}
                _ => continue,
            }
            go(&block.children, Some(block), out);
        }
    }
    let mut out = Vec::new();
    go(blocks, None, &mut out);
    out
}

/// A numbered duty list inline in `block` whose last item commits: one
/// commitment per item. Returns the items' spans.
fn listed(
    cx: &Analysis<'_>,
    block: &Block,
    found: &[Subject],
    actors: &mut Actors,
    out: &mut Vec<Found>,
) -> Vec<Span> {
    let items: Vec<&Block> = block
        .children
        .iter()
        .filter(|c| c.kind == BlockKind::ListItem && is_inline_child(block, c))
        .collect();
    let Some(first) = items.first() else {
        return Vec::new();
    };
    if !duty_list(cx, &items) {
        return Vec::new();
    }
    let lead = Span::new(block.span.start, first.span.start);
    let actor = pick(&within(found, lead), false)
        .map(|s| resolve(cx, s.span, actors))
        .or_else(|| actors.last.clone());
    for item in &items {
        let text = cx.text(item.span);
        let trimmed = text.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
        let span = Span::new(item.span.start, item.span.start + trimmed.len());
        out.push(Found {
            commitment: Commitment {
                mention: cx.source.snippet(span),
                actor: None,
                index: item.number,
                actor_ref: None,
            },
            actor: actor.clone().map(Actor::Named),
        });
    }
    items.iter().map(|i| i.span).collect()
}

/// Whether inline items are duties that one predicate commits: every item
/// but the last is a clause that goes on (`…앞장서고`, `…발굴하며`), and the
/// last closes with a committing predicate in the same sentence.
fn duty_list(cx: &Analysis<'_>, items: &[&Block]) -> bool {
    let Some((last, rest)) = items.split_last() else {
        return false;
    };
    let goes_on = |item: &&Block| {
        let text = cx.text(item.span).trim_end_matches([',', ' ', '\n', '*']);
        text.ends_with(['고', '며', '여', '해'])
    };
    let same_sentence = |t: &Trigger| {
        let sentence = sentences(cx.source.text, 0, last.span, &[]);
        sentence.first().is_some_and(|s| s.contains(t.span))
    };
    rest.iter().all(goes_on)
        && triggers(cx.source.text, 0, last.span, false)
            .iter()
            .any(same_sentence)
}

/// The commitment closed by `trigger` in `clause`, and whether the clause
/// names its actor (among `found`, the subjects around it).
fn commit(
    cx: &Analysis<'_>,
    clause: Span,
    trigger: Trigger,
    found: &[Subject],
    actors: &Actors,
    fallback: Option<Actor>,
) -> (Found, bool) {
    let before = Span::new(clause.start, trigger.span.start);
    let subject = pick(&within(found, before), trigger.embedded);
    let start = match subject {
        Some(s) => skip_leading(cx.source.text, 0, Span::new(s.end, trigger.span.end)),
        None => skip_leading(cx.source.text, 0, clause),
    };
    let found = Found {
        commitment: Commitment {
            mention: cx.source.snippet(Span::new(start.start, trigger.span.end)),
            actor: None,
            index: None,
            actor_ref: None,
        },
        actor: subject
            .map(|s| Actor::Named(resolve(cx, s.span, actors)))
            .or(fallback),
    };
    (found, subject.is_some())
}

/// The actor a subject phrase names; an anaphor stands for the last actor.
fn resolve(cx: &Analysis<'_>, span: Span, actors: &Actors) -> String {
    let name = strip_asides(cx.text(span));
    let first = name.split(' ').next().unwrap_or("");
    let anaphor = ANAPHORS.contains(&first) && name.contains(' ');
    match actors.last.as_ref().filter(|_| anaphor) {
        Some(antecedent) => group(antecedent).to_string(),
        None => name,
    }
}

/// The group phrase of a listing: `A, B, C 등 20개 기관` gives `20개 기관`.
fn group(name: &str) -> &str {
    name.rsplit_once(" 등 ").map_or(name, |(_, group)| group)
}

/// Pledges and plans inside quoted words; the actor is the subject of the
/// clause when it names one (`정부가 지원을 아끼지 않겠다`), else the
/// speaker.
fn pledges(
    cx: &Analysis<'_>,
    index: usize,
    quote: Span,
    found: &[Subject],
    actors: &Actors,
    out: &mut Vec<Found>,
) {
    for sentence in sentences(cx.source.text, 0, quote, &[]) {
        let mut start = sentence.start;
        for trigger in triggers(cx.source.text, 0, sentence, true) {
            let clause = Span::new(start, trigger.span.end);
            if trigger.predictive && forecast(cx, trigger) {
                start = trigger.span.end;
                continue;
            }
            let speaker = Some(Actor::Speaker(index));
            out.push(commit(cx, clause, trigger, found, actors, speaker).0);
            start = trigger.span.end;
        }
    }
}
