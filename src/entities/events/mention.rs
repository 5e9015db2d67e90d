//! Events named in sentences:
//!
//! ```text
//! 한국산업지능화협회가 주최한 「산업 디지털 전환 페스티벌」에서
//! … 관계기관 간담회를 개최하였다      … 코트라 본사에서 협약식을 갖고
//! ‘제1회 특별성과 포상식’을 … 진행했다
//! ```
//!
//! A name counts as an event only when it takes place in the sentence: an
//! event verb follows it (개최, 열리다, 갖다, 진행, 출범 …) or a participle
//! before it says so (`주최한`, `열린`, `개최된`). A noun that merely ends
//! in 회의 is not an event.

use std::sync::LazyLock;

use regex::Regex;

use super::{Found, Scope, event};
use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::verbs::{event_follows, is_event_verb};
use crate::analysis::words::eojeol_start;
use crate::morph::{Morpheme, Pos};

/// A quoted name: `「…」`, `｢…｣`, `『…』`, `‘…’`, `“…”`, `'…'`.
static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:「(?P<a>[^」]{2,60})」|｢(?P<b>[^｣]{2,60})｣|『(?P<c>[^』]{2,60})』|‘(?P<d>[^’]{2,60})’|“(?P<e>[^”]{2,60})”|'(?P<f>[^']{2,60})')"#)
        .expect("quoted pattern")
});

/// A participle right before a name that says the event takes place:
/// `주최한 `, `주관하는 `, `열린 `, `개최된 `, `개최하는 `.
static TAKES_PLACE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:주최|주관|개최)(?:한|하는|된|되는|할)\s*$|(?:열린|열리는|열릴)\s*$")
        .expect("participle pattern")
});

/// Words that point at an event rather than name it (`이번 간담회`).
const POINTERS: &[&str] = &[
    "이번",
    "이날",
    "금번",
    "당일",
    "동",
    "본",
    "해당",
    "오늘",
    "같은",
    "가운데",
    "등",
];

/// The events named in `span`.
pub(super) fn mentions(cx: &Analysis<'_>, span: Span) -> Vec<Found> {
    let morphemes = cx.morphemes(span);
    let mut out = Vec::new();
    let text = cx.text(span);
    let mut quoted_spans = Vec::new();
    for caps in QUOTED.captures_iter(text) {
        let Some(name) = ["a", "b", "c", "d", "e", "f"]
            .iter()
            .find_map(|n| caps.name(n))
        else {
            continue;
        };
        let whole = caps.get(0).map_or(name.start()..name.end(), |m| m.range());
        let inner = Span::new(span.start + name.start(), span.start + name.end());
        quoted_spans.push(Span::new(span.start + whole.start, span.start + whole.end));
        let before = text.get(..whole.start).unwrap_or("");
        let noun = ends_in_event_noun(cx, name.as_str());
        let after = after(&morphemes, span.start + whole.end);
        // A quoted name is a name: an event verb anywhere in its clause
        // will do (`‘…포상식’을 지난 10일 …에서 진행했다`).
        let held = takes_place(cx, after) || event_follows(cx, after);
        if TAKES_PLACE_BEFORE.is_match(before) || (noun && held) {
            out.push(found(cx, span, inner, name.as_str().to_string()));
        }
    }
    for (i, m) in morphemes.iter().enumerate() {
        if quoted_spans.iter().any(|q| q.contains(m.span)) || !is_event_word_end(cx, &morphemes, i)
        {
            continue;
        }
        let rest = morphemes.get(i + 1..).unwrap_or_default();
        let before = cx.text(Span::new(span.start, name_start(cx, &morphemes, i)));
        if takes_place(cx, rest) || TAKES_PLACE_BEFORE.is_match(before) {
            let name = Span::new(name_start(cx, &morphemes, i), m.span.end);
            out.push(found(cx, span, name, cx.text(name).to_string()));
        }
    }
    out.sort_by_key(|f| f.event.mention.span);
    out
}

/// Whether `name` ends in a word for an event.
fn ends_in_event_noun(cx: &Analysis<'_>, name: &str) -> bool {
    cx.lexicon.event_nouns.ending(name.trim_end()).is_some()
}

/// The morphemes from byte `at` on.
fn after(morphemes: &[Morpheme], at: usize) -> &[Morpheme] {
    let i = morphemes.partition_point(|m| m.span.start < at);
    morphemes.get(i..).unwrap_or_default()
}

/// Whether the event takes place right after its name: at most a
/// particle or two, then an event verb (`간담회를 개최`, `포럼이 열렸다`,
/// `협약식을 갖고`, `간담회 개최`).
fn takes_place(cx: &Analysis<'_>, rest: &[Morpheme]) -> bool {
    let mut between = 0;
    for m in rest.iter().take(7) {
        if is_event_verb(cx, m) {
            return true;
        }
        // Particles, and a word or two of when (`매월`, `4월에`, `함께`).
        let when = matches!(m.pos, Pos::MAG | Pos::SN | Pos::NNBC)
            || (m.pos == Pos::NNG && WHEN_WORDS.contains(&cx.text(m.span)));
        // `포럼’이 개최된`: ko-dic reads the subject particle as the copula.
        let mark =
            matches!(m.pos, Pos::SSC | Pos::SY | Pos::SC) || (m.pos == Pos::VCP && !m.spaced);
        if !(m.pos.is_particle() || mark || when) {
            return false;
        }
        between += 1;
        if between > 5 {
            return false;
        }
    }
    false
}

/// Nouns of frequency that may stand between an event and its verb.
const WHEN_WORDS: &[&str] = &[
    "매월", "매년", "매주", "매일", "정기", "연례", "공동", "이날", "당일",
];

/// Whether morpheme `i` ends a word that ends in an event noun (the next
/// morpheme is spaced, a particle or punctuation).
fn is_event_word_end(cx: &Analysis<'_>, morphemes: &[Morpheme], i: usize) -> bool {
    let Some(m) = morphemes.get(i) else {
        return false;
    };
    if !matches!(m.pos, Pos::NNG | Pos::NNP) {
        return false;
    }
    let ends_word = morphemes
        .get(i + 1)
        .is_none_or(|n| n.spaced || !n.pos.is_noun());
    let word_start = eojeol_start(morphemes, i)
        .and_then(|j| morphemes.get(j))
        .map_or(m.span.start, |w| w.span.start);
    let word = cx.text(Span::new(word_start, m.span.end));
    ends_word
        && cx.lexicon.event_nouns.ending(word).is_some()
        && !matches!(word, "행사" | "교육" | "주간")
}

/// Where the name of the event ending at morpheme `i` starts: back over
/// whole words of nouns (`재정집행 점검회의`, `제3차 비상고용노동상황
/// 점검회의`), stopping at particles, endings, dates and pointer words.
fn name_start(cx: &Analysis<'_>, morphemes: &[Morpheme], i: usize) -> usize {
    let mut start = morphemes.get(i).map_or(0, |m| m.span.start);
    let mut words = 0;
    let run = morphemes.get(..=i).unwrap_or_default();
    for (j, m) in run.iter().enumerate().rev() {
        let text = cx.text(m.span);
        // `민-관` reads 관 as a particle: after a joining mark it is a word.
        let joined = !m.spaced
            && j > 0
            && run
                .get(j - 1)
                .is_some_and(|p| !p.spaced && is_joiner(cx.text(p.span)));
        let nounish = matches!(
            m.pos,
            Pos::NNG
                | Pos::NNP
                | Pos::SL
                | Pos::SN
                | Pos::SH
                | Pos::XSN
                | Pos::XPN
                | Pos::NNBC
                | Pos::Unknown
        );
        let dot = !m.spaced && is_joiner(text);
        if !(nounish || dot || joined)
            || POINTERS.contains(&text)
            || (m.pos == Pos::NNBC && matches!(text, "일" | "월" | "시"))
        {
            break;
        }
        start = m.span.start;
        if m.spaced {
            words += 1;
            if words >= 6 {
                break;
            }
        }
    }
    // Start at a word boundary: a run cut inside a word starts after it.
    start
}

/// `·`, `-`: marks joining two words of a name (`민-관`, `관세·물류`).
fn is_joiner(text: &str) -> bool {
    matches!(text, "·" | "‧" | "ㆍ" | "-")
}

/// The event named at `name` in the block text `span`, situated in its
/// sentence.
fn found(cx: &Analysis<'_>, span: Span, name: Span, text: String) -> Found {
    let sentence = sentence_of(cx, span, name);
    let mut e = event(cx, name, text.trim().to_string());
    e.hosts = hosts(cx, Span::new(sentence.start, name.end));
    // `… 전문가들이 참석한 가운데 …를 개최`: who attends, in the same sentence.
    Found {
        event: e,
        from_fields: false,
        scopes: vec![Scope {
            when: vec![sentence],
            near: name.start,
            place: vec![sentence],
            attendees: vec![sentence],
        }],
    }
}

/// The sentence of `span` around `at`: cut at `다.` and other full stops
/// followed by a space.
fn sentence_of(cx: &Analysis<'_>, span: Span, at: Span) -> Span {
    let text = cx.text(span);
    let rel = at.start.saturating_sub(span.start);
    let head = text.get(..rel).unwrap_or("");
    let start = head.rfind(". ").map_or(0, |i| i + 2);
    let rel_end = at.end.saturating_sub(span.start);
    let tail = text.get(rel_end..).unwrap_or("");
    let end = tail.find(". ").map_or(text.len(), |i| rel_end + i + 1);
    Span::new(span.start + start, span.start + end)
}

/// Hosts named by `…가 주최한`, `… 주관으로` in `span`: the word before
/// 주최/주관 without its particle (read from the morphology).
fn hosts(cx: &Analysis<'_>, span: Span) -> Vec<String> {
    let morphemes = cx.morphemes(span);
    let mut out = Vec::new();
    for (i, m) in morphemes.iter().enumerate() {
        if m.pos != Pos::NNG || !matches!(cx.text(m.span), "주최" | "주관") || !m.spaced {
            continue;
        }
        let before = morphemes.get(..i).unwrap_or_default();
        let mut word: Vec<&Morpheme> = Vec::new();
        for p in before.iter().rev() {
            if cx.text(p.span) == "공동" && word.is_empty() {
                continue;
            }
            word.push(p);
            if p.spaced {
                break;
            }
        }
        word.reverse();
        while word.last().is_some_and(|p| p.pos.is_particle()) {
            word.pop();
        }
        if let (Some(first), Some(last)) = (word.first(), word.last()) {
            if word.iter().all(|p| {
                p.pos.is_noun() || matches!(p.pos, Pos::SL | Pos::SN | Pos::XSN | Pos::Unknown)
            }) {
                out.push(
                    cx.text(Span::new(first.span.start, last.span.end))
                        .to_string(),
                );
            }
        }
    }
    out
}
