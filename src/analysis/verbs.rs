//! Verbs of taking place (개최, 열리다, 갖다, 진행, 실시, 체결, 출범 …) and
//! the words that name an event (`간담회`, `협약식`, `공모전`), read from
//! morphemes and words: they tell that a named event is held, and that a
//! place before `에서` is where something is held. Shared by the event,
//! attendee and venue recognisers.

use super::Analysis;
use super::words::Word;
use crate::Span;
use crate::morph::{Morpheme, Pos};

/// Whether an event verb (개최, 열리다, 갖다, 진행, 체결, 출범, 참석 …)
/// comes in the rest of the sentence.
pub(crate) fn event_follows(cx: &Analysis<'_>, after: &[Morpheme]) -> bool {
    let mut previous: Option<&Morpheme> = None;
    for m in after.iter().take_while(|m| m.pos != Pos::SF).take(30) {
        // `첫 모임을 함께했다`: taking part.
        let together = previous.is_some_and(|p| cx.text(p.span) == "함께")
            && m.pos == Pos::VV
            && !m.spaced
            && cx.text(m.span).starts_with(['하', '했']);
        if is_event_verb(cx, m) || together {
            return true;
        }
        previous = Some(m);
        // A clause ends (`소장하고`, `밝혔다`): what follows is not about
        // this place.
        if matches!(m.last_pos, Pos::EC | Pos::EF) {
            return false;
        }
    }
    false
}

/// 개최, 진행, 실시, 체결, 출범, 개막, 참석, 참가, 전개, 돌입 (nouns made
/// verbs), and the verbs 열다/열리다, 갖다/가지다, 펼치다, 벌이다, 치르다.
pub(crate) fn is_event_verb(cx: &Analysis<'_>, m: &Morpheme) -> bool {
    let text = cx.text(m.span);
    match m.pos {
        Pos::NNG => matches!(
            text,
            "개최"
                | "진행"
                | "실시"
                | "체결"
                | "출범"
                | "개막"
                | "폐막"
                | "개회"
                | "거행"
                | "성료"
                | "참석"
                | "참가"
                | "개소"
                | "공개"
                | "전개"
                | "돌입"
        ),
        Pos::VV => [
            "열", "갖", "가지", "가졌", "가진", "펼쳐", "펼치", "벌이", "벌여", "벌였", "치르",
            "치러", "치렀", "치른",
        ]
        .iter()
        .any(|v| text.starts_with(v)),
        _ => false,
    }
}

/// Particles a word may carry after an event noun when morphology misreads
/// the compound (`사업설명회도` as 설명+회도): cut off as text, longest
/// first.
const PARTICLES: &[&str] = &[
    "에서는",
    "에서도",
    "에서",
    "에는",
    "에도",
    "으로",
    "까지",
    "부터",
    "에게",
    "와",
    "과",
    "도",
    "는",
    "은",
    "를",
    "을",
    "이",
    "가",
    "에",
    "의",
    "로",
    "만",
];

/// What makes a word the end of an event's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EventWord {
    /// It ends in an event noun (`정책협의회`, `사업설명회도`).
    Noun,
    /// It ends in 위원회, a session of which is an event only with its
    /// round before it (`제26차 재외동포정책위원회`).
    Committee,
}

/// The word's text up to the end of its event noun, and what kind of end
/// it is: the stem morphology leaves, else the text with a particle cut
/// off.
pub(crate) fn event_word(cx: &Analysis<'_>, w: &Word) -> Option<(Span, EventWord)> {
    let stem = cx.text(w.stem);
    let whole = cx.text(w.span);
    let mut candidates = vec![w.stem];
    if stem == whole {
        for p in PARTICLES {
            if let Some(rest) = whole.strip_suffix(p) {
                candidates.push(Span::new(w.span.start, w.span.start + rest.len()));
            }
        }
    }
    // `감축제` is 감축+제, not an event noun 축제: the noun starts where a
    // morpheme does.
    let aligned = |at: usize, end: usize| {
        at == w.span.start
            || w.morphemes(cx).iter().any(|m| {
                m.span.start == at || (m.span.start < at && at < m.span.end && m.span.end >= end)
            })
    };
    candidates.into_iter().find_map(|span| {
        let text = cx.text(span);
        let noun = cx.lexicon.event_nouns.ending(text);
        if noun.is_some_and(|n| aligned(span.end - n.len(), span.end)) {
            Some((span, EventWord::Noun))
        } else if text.ends_with("위원회") && text.chars().count() > 3 {
            Some((span, EventWord::Committee))
        } else {
            None
        }
    })
}

/// Whether the event whose name ends with word `i` of `words` is held
/// right after it: at most a particle and a word or two of when, then an
/// event verb (`간담회를 개최`, `포럼이 열렸다`, `협약식을 갖고`,
/// `협약식을 하고`, `모임을 함께했다`), or another event joined to it that
/// is (`성장식과 사업운영보고회를 개최`).
pub(crate) fn held_after(cx: &Analysis<'_>, words: &[Word], i: usize) -> bool {
    held_by(cx, words, i).is_some()
}

/// The verb that holds the event whose name ends with word `i` (see
/// [`held_after`]): where it is written.
pub(crate) fn held_by(cx: &Analysis<'_>, words: &[Word], i: usize) -> Option<Span> {
    let name = words.get(i)?;
    if joins_next(cx, words, i) && event_word(cx, name).is_some() {
        return conjunct_end(cx, words, i).and_then(|k| held_by(cx, words, k));
    }
    let object = name
        .morphemes(cx)
        .iter()
        .any(|m| m.pos == Pos::JKO && name.stem.end <= m.span.start);
    let mut previous = name.span;
    let mut depth = 0usize;
    for (k, w) in words.iter().enumerate().skip(i + 1).take(12) {
        let gap = cx.text(Span::new(previous.end, w.span.start));
        // `…했다. 이후`: a sentence ends (a dot after a date does not).
        let full_stop =
            gap.starts_with('.') && cx.text(previous).ends_with(|c: char| is_syllable(c));
        previous = w.span;
        // `위촉식(17:00 …, 서울청사)은 별도 진행`: an aside in brackets.
        depth = (depth + gap.matches('(').count()).saturating_sub(gap.matches(')').count());
        if depth > 0 {
            continue;
        }
        if full_stop || gap.contains(['|', ':', ';']) || (gap.contains(',') && k > i + 1) {
            return None;
        }
        let ms = w.morphemes(cx);
        let Some(first) = ms.first() else {
            continue;
        };
        // `개최계획`: a compound noun, not the verb.
        let compound = w.morphemes(cx).get(1).is_some_and(|m| m.pos.is_noun());
        let running = is_running(cx, first)
            && event_word(cx, name).is_some_and(|(_, kind)| kind == EventWord::Noun);
        if !compound && (is_event_verb(cx, first) || running) || is_together(cx, w) {
            // `참석하지 못했다`, `개최하지 않는다`: not held.
            let negated = cx.text(w.span).ends_with('지')
                && words.get(k + 1).is_some_and(|n| {
                    let t = cx.text(n.span);
                    t.starts_with('못') || t.starts_with('않')
                });
            return (!negated).then_some(w.span);
        }
        // `협약식을 하고`: 하다 right after its object.
        if first.pos == Pos::VV && cx.text(first.span).starts_with(['하', '했']) && object {
            return (k == i + 1).then_some(w.span);
        }
        if !is_between(cx, w) {
            return None;
        }
    }
    None
}

/// 추진, 시행, 마련, 운영: verbs that hold an event named right before
/// them (`공모를 추진한다`, `‘북토크’를 마련해`, `캠프를 운영한다`), though
/// not a place before `에서` (운영 runs an office as well as an event).
fn is_running(cx: &Analysis<'_>, m: &Morpheme) -> bool {
    m.pos == Pos::NNG && matches!(cx.text(m.span), "추진" | "시행" | "마련" | "운영")
}

/// Whether `c` is a Hangul syllable.
fn is_syllable(c: char) -> bool {
    ('가'..='힣').contains(&c)
}

/// `함께했다`, `함께하고`: taking part.
fn is_together(cx: &Analysis<'_>, w: &Word) -> bool {
    let text = cx.text(w.span);
    text.starts_with("함께") && w.morphemes(cx).iter().any(|m| m.pos == Pos::VV)
}

/// Words that may stand between an event and its verb: particles alone
/// (`’이`), adverbs, dates and times, words of frequency.
fn is_between(cx: &Analysis<'_>, w: &Word) -> bool {
    w.morphemes(cx).iter().all(|m| {
        m.pos.is_particle()
            || matches!(
                m.pos,
                Pos::MAG | Pos::SN | Pos::NNBC | Pos::SSO | Pos::SSC | Pos::SY | Pos::SC
            )
            || (m.pos == Pos::VCP && !m.spaced)
            || (m.pos == Pos::NNG && WHEN_WORDS.contains(&cx.text(m.span)))
    })
}

/// Nouns of time and frequency that may stand between an event and its
/// verb.
const WHEN_WORDS: &[&str] = &[
    "매월",
    "매년",
    "매주",
    "매일",
    "정기",
    "연례",
    "공동",
    "이날",
    "당일",
    "오전",
    "오후",
    "월",
    "화",
    "수",
    "목",
    "금",
    "토",
    "일",
    "성황리",
    "성대",
    "별도",
    "함께",
];

/// Whether word `i` is joined to the next by 와/과 or 및.
fn joins_next(cx: &Analysis<'_>, words: &[Word], i: usize) -> bool {
    let Some(w) = words.get(i) else {
        return false;
    };
    let tail = cx.text(Span::new(w.stem.end, w.span.end));
    matches!(tail, "과" | "와")
        || words
            .get(i + 1)
            .is_some_and(|n| matches!(cx.text(n.span), "및" | "와" | "과"))
}

/// The last word of the phrase joined after word `i` (`성장식과
/// 사업운영보고회를`, `‘북토크’와 특별 전시를`): the first within a few
/// words that carries a particle.
fn conjunct_end(cx: &Analysis<'_>, words: &[Word], i: usize) -> Option<usize> {
    (i + 1..words.len().min(i + 6)).find(|&k| {
        words.get(k).is_some_and(|w| {
            w.stem != w.span && cx.text(w.span) != "및" && w.stem.end > w.span.start
        })
    })
}
