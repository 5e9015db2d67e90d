//! Events named in sentences:
//!
//! ```text
//! 한국산업지능화협회가 주최한 「산업 디지털 전환 페스티벌」에서
//! … 관계기관 간담회를 개최하였다      … 코트라 본사에서 협약식을 갖고
//! ‘제1회 특별성과 포상식’을 … 진행했다   제26차 재외동포정책위원회의 심의
//! ```
//!
//! A name counts as an event only when it takes place in the sentence: an
//! event verb follows it (개최, 열리다, 갖다, 진행, 실시, 출범 …), a
//! participle before it says so (`주최한`, `열린`, `개최된`), or its round
//! is written (`제5회`, `제3차`). A noun that merely ends in 회의 is not an
//! event. The name runs back from its event noun over the words that
//! modify it: nouns, rounds and years, joined words (`민-관`), an attached
//! bracket (`편지(불법 스팸)`) and quoted parts (`‘…’ 협약식`).

use std::sync::LazyLock;

use regex::Regex;

use super::{Found, Scope, event};
use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::verbs::{EventWord, event_follows, event_word, held_after, held_by};
use crate::analysis::words::Word;
use crate::morph::{Morpheme, Pos};

/// A quoted name: `「…」`, `｢…｣`, `『…』`, `‘…’`, `“…”`, `'…'`, `"…"`.
static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:「(?P<a>[^」]{2,60})」|｢(?P<b>[^｣]{2,60})｣|『(?P<c>[^』]{2,60})』|‘(?P<d>[^’]{2,60})’|“(?P<e>[^”]{2,60})”|'(?P<f>[^']{2,60})'|"(?P<g>[^"]{2,60})")"#)
        .expect("quoted pattern")
});

/// A participle right before a name that says the event takes place:
/// `주최한 `, `주관하는 `, `열린 `, `개최된 `, `이어진 `, `참석한 `.
static TAKES_PLACE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:주최|주관|개최|진행|참석|참가)(?:한|하는|된|되는|할)\s*$|(?:열린|열리는|열릴|이어진|마련된)\s*$",
    )
    .expect("participle pattern")
});

/// A round written before or inside a name: `제5회`, `제 63 회`, `6차`,
/// `제15기` (`연 2회` counts, it is no round).
static ROUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:제\s*\d+\s*(?:회|차|기)|\d+\s*차)(?:\s|$)").expect("round")
});

/// A year or a round standing before a quoted name: `2026년`, `’26년`,
/// `제3차`, `6차`, `제15기`.
static YEAR_OR_ROUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[‘’']?\d{2}(?:\d{2})?년?|제\s*\d+\s*(?:회|차|기)|\d+\s*(?:차|회))$")
        .expect("year or round")
});

/// Words that point at an event rather than name it (`이번 간담회`).
const POINTERS: &[&str] = &[
    "이번",
    "이날",
    "금번",
    "금일",
    "당일",
    "동",
    "본",
    "해당",
    "오늘",
    "같은",
    "가운데",
    "등",
    "올해",
    "금년",
    "내년",
    "지난해",
    "매년",
    "매월",
    "각",
    "및",
    "또",
    "또한",
    "한편",
    "특히",
    "이어",
    "아울러",
    "그리고",
    "아래",
    "하에",
];

/// Event nouns too general to be a name on their own: they name an event
/// only with a modifier (`의류 할인행사`, `‘긴급 점검’`).
const GENERIC_HEADS: &[&str] = &[
    "행사", "교육", "주간", "공연", "점검", "모임", "토크", "데이", "공모", "대회", "강연", "단속",
    "위크", "장터", "마켓", "캠프",
];

/// Words that make a general event noun no more a name (`문화행사`,
/// `부대행사`, `체험행사`).
const GENERIC_MODIFIERS: &[&str] = &[
    "문화", "부대", "기념", "체험", "홍보", "축하", "연계", "각종", "특별", "현장", "관련", "지역",
    "관내", "주요", "개별", "합동", "정기", "수시", "사전", "사후",
];

/// Whether a word is a general event noun, alone or with a general
/// modifier.
fn is_generic(word: &str) -> bool {
    GENERIC_HEADS.contains(&word)
        || GENERIC_HEADS.iter().any(|h| {
            word.strip_suffix(h)
                .is_some_and(|m| GENERIC_MODIFIERS.contains(&m))
        })
}

/// The events named in `span`.
pub(super) fn mentions(cx: &Analysis<'_>, span: Span) -> Vec<Found> {
    let words = cx.words(span);
    let quotes = quoted(cx, span);
    let mut out = Vec::new();
    for q in &quotes {
        if let Some(found) = quoted_event(cx, span, &words, q) {
            out.push(found);
        }
    }
    for (i, w) in words.iter().enumerate() {
        if quotes.iter().any(|q| q.whole.contains(w.span)) {
            continue;
        }
        let Some((end, kind)) = event_word(cx, w) else {
            continue;
        };
        let start = name_start(cx, span, &words, &quotes, w.span.start);
        let name = Span::new(start, end.end);
        let text = cx.text(name);
        let round = ROUND.is_match(text);
        if kind == EventWord::Committee && !round {
            continue;
        }
        let compact: String = text.split_whitespace().collect();
        if is_generic(&compact) {
            continue;
        }
        let before = cx.text(Span::new(span.start, start));
        if round || held_after(cx, &words, i) || TAKES_PLACE_BEFORE.is_match(before) {
            for part in listed(cx, name) {
                out.push(found(cx, span, part));
            }
        }
    }
    out.sort_by_key(|f| f.event.mention.span);
    out
}

/// `생명대사 위촉식·토크콘서트·문화공연`: events listed with a middle
/// dot, each ending in an event noun, are one event each (the words
/// before the first belong to it); a general one (`문화공연`) is left out.
/// A name with no such list is itself.
fn listed(cx: &Analysis<'_>, name: Span) -> Vec<Span> {
    let text = cx.text(name);
    let mut parts = Vec::new();
    let mut from = 0;
    for (at, dot) in text.match_indices(['·', 'ㆍ', '∙']) {
        if text.get(from..at).is_some_and(|t| ends_in_event(cx, t)) {
            parts.push((from, at));
            from = at + dot.len();
        }
    }
    if parts.is_empty() || !ends_in_event(cx, text) {
        return vec![name];
    }
    parts.push((from, text.len()));
    parts
        .into_iter()
        .map(|(a, b)| Span::new(name.start + a, name.start + b))
        .filter(|part| {
            let compact: String = cx.text(*part).split_whitespace().collect();
            !is_generic(&compact)
        })
        .collect()
}

/// Whether `text` ends in an event noun: its last word, not a part of
/// one (`민·관` is no list).
fn ends_in_event(cx: &Analysis<'_>, text: &str) -> bool {
    let last = text.rsplit(char::is_whitespace).next().unwrap_or(text);
    let last = last.rsplit(['·', 'ㆍ', '∙']).next().unwrap_or(last);
    cx.lexicon.event_nouns.ending(last).is_some()
}

/// A pair of quote marks and the name inside.
struct Quote {
    /// With its marks.
    whole: Span,
    /// Without them.
    inner: Span,
}

/// The quoted names of `span`.
fn quoted(cx: &Analysis<'_>, span: Span) -> Vec<Quote> {
    let text = cx.text(span);
    QUOTED
        .captures_iter(text)
        .filter_map(|caps| {
            let inner = ["a", "b", "c", "d", "e", "f", "g"]
                .iter()
                .find_map(|n| caps.name(n))?;
            // `(‘13.12.) 및 … (’19.7.)`: marks of years, not a quote.
            let s = inner.as_str();
            if s.matches('(').count() != s.matches(')').count() {
                return None;
            }
            let whole = caps.get(0)?;
            Some(Quote {
                whole: Span::new(span.start + whole.start(), span.start + whole.end()),
                inner: Span::new(span.start + inner.start(), span.start + inner.end()),
            })
        })
        .collect()
}

/// A quoted name that is an event: one held right after it
/// (`‘네트워킹 데이’를 열어`), one ending in an event noun held later in its
/// clause (`‘…포상식’을 지난 10일 …에서 진행했다`), or one a participle
/// before it says takes place. A quoted name with an event noun after it
/// (`‘…사업’ 협약식`) is that noun's event, found with it.
fn quoted_event(cx: &Analysis<'_>, span: Span, words: &[Word], q: &Quote) -> Option<Found> {
    let inside: Vec<usize> = (0..words.len())
        .filter(|&k| words.get(k).is_some_and(|w| q.inner.contains(w.span)))
        .collect();
    let last = *inside.last()?;
    let next = words.get(last + 1);
    if next.is_some_and(|n| {
        cx.text(Span::new(q.whole.end, n.span.start))
            .trim()
            .is_empty()
            && event_word(cx, n).is_some()
    }) {
        return None;
    }
    let noun = words.get(last).and_then(|w| event_word(cx, w)).is_some();
    let morphemes = cx.morphemes(span);
    let rest = after(&morphemes, q.whole.end);
    // `‘…지원단’을 출범`: a body set up, not an event held.
    let verb = held_by(cx, words, last).map(|v| cx.text(v));
    let setup = verb.is_some_and(|v| {
        ["출범", "개소", "체결", "공개"]
            .iter()
            .any(|s| v.starts_with(s))
    });
    let held = (verb.is_some() && (noun || !setup)) || (noun && event_follows(cx, rest));
    let mut start = name_start(cx, span, words, &[], q.whole.start);
    if noun {
        // `…확산 대비 ‘마스크 착용 캠페인’`: a quoted event name is whole;
        // only its year and round stand outside (`제3차 ｢…회의｣`).
        start = words
            .iter()
            .filter(|w| w.span.start >= start && w.span.end <= q.whole.start)
            .rev()
            .take_while(|w| YEAR_OR_ROUND.is_match(cx.text(w.span)))
            .last()
            .map_or(q.whole.start, |w| w.span.start);
    }
    let before = cx.text(Span::new(span.start, start));
    let round = ROUND.is_match(cx.text(Span::new(start, q.whole.end)));
    if !(held || TAKES_PLACE_BEFORE.is_match(before) || (noun && round)) {
        return None;
    }
    let name = if start == q.whole.start {
        q.inner
    } else {
        Span::new(start, q.whole.end)
    };
    Some(found(cx, span, name))
}

/// The morphemes from byte `at` on.
fn after(morphemes: &[Morpheme], at: usize) -> &[Morpheme] {
    let i = morphemes.partition_point(|m| m.span.start < at);
    morphemes.get(i..).unwrap_or_default()
}

/// Where the name whose last word starts at byte `from` starts: back over
/// modifying words (nouns, rounds, years), joining marks, an attached
/// bracket and quoted parts, stopping at particles, verbs, dates and
/// pointer words, and after eight words.
fn name_start(
    cx: &Analysis<'_>,
    span: Span,
    words: &[Word],
    quotes: &[Quote],
    from: usize,
) -> usize {
    let mut start = from;
    let mut count = 0;
    while count < 10 && start > span.start {
        let before = cx.text(Span::new(span.start, start));
        let trimmed = before.trim_end();
        let spaced = trimmed.len() < before.len();
        let at = span.start + trimmed.len();
        let Some(c) = trimmed.chars().last() else {
            break;
        };
        if let Some(q) = quotes.iter().find(|q| q.whole.end == at) {
            start = q.whole.start;
            continue;
        } else if c == ')' {
            match attached_bracket(trimmed) {
                Some(open) => start = span.start + open,
                None => break,
            }
            continue;
        } else if matches!(c, '·' | 'ㆍ' | '‧' | '․' | '-' | '∙') && !spaced {
            start = at - c.len_utf8();
            continue;
        } else {
            match words.iter().rfind(|w| w.span.end == at) {
                Some(w) if is_name_word(cx, w) => start = w.span.start,
                _ => break,
            }
        }
        count += 1;
    }
    // `읍·면·동장`: a joining mark whose word stops the name does not
    // start it.
    let rest = cx.text(Span::new(start, from));
    let marks = rest.len()
        - rest
            .trim_start_matches(['·', 'ㆍ', '‧', '․', '-', '∙'])
            .len();
    start + marks
}

/// `편지(불법 스팸)`: where a bracket that closes at the end of `text`
/// opens, when it is attached to a word before it and short.
fn attached_bracket(text: &str) -> Option<usize> {
    let open = text.rfind('(')?;
    let inner = text.get(open + 1..text.len() - 1)?;
    let attached = text
        .get(..open)
        .and_then(|t| t.chars().last())
        .is_some_and(|c| c.is_alphanumeric());
    (attached && inner.chars().count() <= 20 && !inner.contains(['(', ',']) && !has_date(inner))
        .then_some(open)
}

/// Whether `text` holds a date or a time (`13일`, `14:00`).
fn has_date(text: &str) -> bool {
    static DATE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d\s*(?:월|일|시|분|:)|\d\.\s*\d").expect("date"));
    DATE.is_match(text)
}

/// Whether a word can modify an event's name: nouns without a particle
/// (a particle after a joining mark is a misread, `민․관`), no verb, no
/// date or time of day, no pointer word.
fn is_name_word(cx: &Analysis<'_>, w: &Word) -> bool {
    let text = cx.text(w.span);
    let stem = cx.text(w.stem);
    let misread = stem.ends_with(['·', 'ㆍ', '‧', '․', '-']);
    if (w.stem != w.span && !misread) || POINTERS.contains(&text) || has_date(text) {
        return false;
    }
    if matches!(text, "오전" | "오후" | "오는" | "지난") {
        return false;
    }
    // `일주일간`, `사흘간`: how long, not which.
    if text.strip_suffix('간').is_some_and(|d| {
        d.starts_with(|c: char| c.is_ascii_digit())
            || [
                "일주일",
                "이틀",
                "사흘",
                "나흘",
                "닷새",
                "열흘",
                "보름",
                "한달",
            ]
            .contains(&d)
    }) {
        return false;
    }
    // `이틀간`, `9개월간`: how long, not which.
    if w.morphemes(cx)
        .last()
        .is_some_and(|m| matches!(m.pos, Pos::NNB | Pos::XSN) && cx.text(m.span) == "간")
    {
        return false;
    }
    let mut noun_before = false;
    w.morphemes(cx).iter().all(|m| {
        let ok = m.pos.is_name_part()
            || m.pos == Pos::SY
            || (misread && m.pos.is_particle())
            // `꿈드림`: ko-dic reads an unknown compound as a noun and a
            // participle.
            || (noun_before && m.pos == Pos::VV && m.last_pos == Pos::ETM)
            // `협의체`: a bound noun inside a compound; `제1기`: a counter
            // after a number.
            || (noun_before && m.pos == Pos::NNB);
        noun_before |= m.pos.is_noun() || m.pos == Pos::SN;
        ok
    })
}

/// The event named at `name` in the block text `span`, situated in its
/// sentence.
fn found(cx: &Analysis<'_>, span: Span, name: Span) -> Found {
    let sentence = sentence_of(cx, span, name);
    let mut e = event(cx, name, clean_name(cx.text(name)));
    e.hosts = hosts(cx, Span::new(sentence.start, name.end));
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

/// The name as the text writes it, without the quote marks around it or
/// around a part of it (`‘2026년 … 사업’ 협약식` is `2026년 … 사업
/// 협약식`); brackets of titles (`「…」`) inside it stay.
pub(super) fn clean_name(text: &str) -> String {
    let without: String = text
        .chars()
        .filter(|c| !matches!(c, '‘' | '’' | '“' | '”' | '"' | '\''))
        .collect();
    let trimmed = without.trim();
    let outer = [('「', '」'), ('｢', '｣'), ('『', '』')]
        .iter()
        .find_map(|(o, c)| trimmed.strip_prefix(*o)?.strip_suffix(*c))
        .filter(|inner| !inner.contains(['「', '｢', '『']));
    outer.unwrap_or(trimmed).trim().to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_quote_marks() {
        assert_eq!(
            clean_name("‘2026년 노인 일자리 선도모델 사업’ 협약식"),
            "2026년 노인 일자리 선도모델 사업 협약식"
        );
        assert_eq!(clean_name("「AI 반도체 포럼」"), "AI 반도체 포럼");
        assert_eq!(
            clean_name("2026년 「도란도란 궁궐 가회(嘉會)」 상반기 시민강좌"),
            "2026년 「도란도란 궁궐 가회(嘉會)」 상반기 시민강좌"
        );
    }

    #[test]
    fn rounds_are_read_inside_names() {
        for name in ["제5회 정책협의회", "2026년 제 63 회 도서전", "6차 회의"] {
            assert!(ROUND.is_match(name), "{name}");
        }
        assert!(!ROUND.is_match("2026년 정책협의회"));
        assert!(!ROUND.is_match("연 2회 연수회"));
    }
}
