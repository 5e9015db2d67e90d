//! Attendees named in sentences:
//!
//! ```text
//! 한국전력공사, 한국전력거래소 등 유관기관 … 이 참석한 가운데   (present)
//! 고용노동부, …, 대덕구 등 관계기관이 참석하여
//! (행정안전부 재난안전관리본부장 김광용) 주재로                  (chair)
//! 황종우 해양수산부 장관은 … 간담회를 가졌다                    (subject)
//! 나주시는 … 광주전남본부(본부장 남상현)와 ‘…’ 협약식을 하고      (party)
//! … 수협 조합장 등 수산단체를 만나                               (party)
//! ```
//!
//! The subject of a sentence where an event is held attends when it is a
//! person; an organisation attends a meeting or an agreement it holds
//! (`외교부는 … 상황점검회의를 개최`), or an event it takes part in, but
//! hosts the rest (`국토교통부는 … 설명회를 개최한다`).

use std::sync::LazyLock;

use regex::Regex;

use super::{Found, Role, bracket_names, clause_items, item};
use crate::Span;
use crate::analysis::phrases::Subject;
use crate::analysis::verbs::{event_word, held_by};
use crate::analysis::words::Word;
use crate::analysis::{Analysis, is_contact};
use crate::document::BlockKind;
use crate::morph::Pos;

/// The attendees named in the sentences of the body, in order.
pub(super) fn recognise(cx: &Analysis<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    for seg in cx.segments() {
        if is_contact(seg.block)
            || matches!(
                seg.block.kind,
                BlockKind::Title | BlockKind::Subtitle | BlockKind::TableRow | BlockKind::Header
            )
        {
            continue;
        }
        let subjects = cx.subjects(seg.span);
        for sentence in sentences(cx, seg.span) {
            present(cx, sentence, &mut out);
            chair(cx, sentence, &mut out);
            let inside: Vec<Subject> = subjects
                .iter()
                .filter(|s| sentence.contains(s.span))
                .copied()
                .collect();
            held(cx, sentence, &inside, &mut out);
        }
    }
    out
}

/// The sentences of `span`: cut after a full stop that follows a syllable
/// (`…했다. 이어`), not after a number (`2026. 4.`).
fn sentences(cx: &Analysis<'_>, span: Span) -> Vec<Span> {
    let text = cx.text(span);
    let mut out = Vec::new();
    let mut start = 0;
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        if c == '.' && ('가'..='힣').contains(&previous) {
            out.push(Span::new(span.start + start, span.start + at + 1));
            start = at + 1;
        }
        previous = c;
    }
    if start < text.len() {
        out.push(Span::new(span.start + start, span.end));
    }
    out
}

// `참석한 가운데`, `참석하여`, `참석하였으며`, `참가해`: who is present.
static PRESENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"참 ?(?:석|가|여) ?(?:한\s*가운데|하여|해|했|하였|하며|하고|한다|하는|한)")
        .expect("present pattern")
});

/// The items of who is present: the clause before `참석한 가운데` (and the
/// like), or the list right after `참가하는` (`참가하는 김유대, 박건웅 등
/// 작가 5인`).
fn present(cx: &Analysis<'_>, sentence: Span, out: &mut Vec<Found>) {
    let text = cx.text(sentence);
    let words = cx.words(sentence);
    for m in PRESENT.find_iter(text) {
        let at = sentence.start + m.start();
        let Some(j) = words.iter().rposition(|w| w.span.end <= at) else {
            continue;
        };
        // `…이 참석한 가운데`: those present are its subject (`…’에
        // 참가해` is where, not who). Taking part (참여) in an event, not
        // in an agreement: only with the event named before
        // (`이번 대회에는 … 참여해`).
        let joins =
            m.as_str().replace(' ', "").starts_with("참여") && !m.as_str().contains("가운데");
        let at_event = words.get(..j).is_some_and(|ws| {
            ws.iter().any(|w| {
                let tail = cx.text(Span::new(w.stem.end, w.span.end));
                event_word(cx, w).is_some() && matches!(tail, "에" | "에는" | "에도")
            })
        });
        if is_subject_end(cx, &words[j]) && (!joins || at_event) {
            push_clause(cx, np_before(cx, &words, j), Role::Listed, out);
        }
        if m.as_str().ends_with('는') || m.as_str().ends_with('한') {
            participle_list(cx, sentence, sentence.start + m.end(), out);
        }
    }
}

/// The list right after `참가하는` (`참가하는 김유대, 박건웅 등 작가 5인`):
/// its items, names of people when what follows `등` is a word for people.
fn participle_list(cx: &Analysis<'_>, sentence: Span, from: usize, out: &mut Vec<Found>) {
    let rest = cx.text(Span::new(from, sentence.end));
    let Some(etc) = rest
        .find(" 등 ")
        .filter(|&e| rest.get(..e).is_some_and(|r| r.contains(',')))
    else {
        return;
    };
    let after = rest.get(etc + " 등 ".len()..).unwrap_or("");
    let noun: String = after
        .chars()
        .take_while(|c| ('가'..='힣').contains(c))
        .collect();
    let people = PEOPLE.contains(&noun.as_str()) || cx.lexicon.title_ending(&noun).is_some();
    let list = Span::new(from, from + etc);
    for span in clause_items(cx, list) {
        let mut found = item(cx, span, None, Role::Listed);
        let text = cx.text(span);
        found.person = people
            && (2..=4).contains(&text.chars().count())
            && text.chars().all(|c| ('가'..='힣').contains(&c))
            && cx.lexicon.starts_with_surname(text);
        out.push(found);
    }
}

/// Words for people after a list of names (`등 작가 5인`).
const PEOPLE: &[&str] = &[
    "작가",
    "선수",
    "위원",
    "회원",
    "학생",
    "강사",
    "가수",
    "배우",
    "인사",
    "전문가",
    "연사",
];

/// The items of a clause, the names in brackets after an item standing
/// for it (`따봉호(김봉백, 고희경)`: the crew take part, not the boat).
fn push_clause(cx: &Analysis<'_>, clause: Span, role: Role, out: &mut Vec<Found>) {
    let names = bracket_names(cx, clause);
    for span in clause_items(cx, clause) {
        if !names.iter().any(|(_, open)| *open == span.end) {
            out.push(item(cx, span, None, role));
        }
    }
    for (span, _) in names {
        let mut found = item(cx, span, None, role);
        found.person = true;
        out.push(found);
    }
}

/// Whether a word ends in a subject particle (이/가/은/는/도/께서), or is
/// one.
fn is_subject_end(cx: &Analysis<'_>, w: &Word) -> bool {
    let tail = cx.text(Span::new(w.stem.end, w.span.end));
    let tail = if tail.is_empty() && is_particle_only(w) {
        cx.text(w.span)
    } else {
        tail
    };
    matches!(
        tail,
        "이" | "가" | "은" | "는" | "도" | "께서" | "들이" | "들도"
    )
}

/// The noun phrase that ends with word `j` (its particle included), read
/// back over the words of a list: bare nouns, words before a comma, `및`,
/// `등`, `비롯해` and the word before it, and asides in brackets.
fn np_before(cx: &Analysis<'_>, words: &[Word], j: usize) -> Span {
    let Some(last) = words.get(j) else {
        return Span::new(0, 0);
    };
    let mut start = last.span.start;
    let mut depth = 0usize;
    let mut k = j;
    while k > 0 {
        let w = &words[k - 1];
        let next = &words[k];
        let gap = cx.text(Span::new(w.span.end, next.span.start));
        depth = (depth + gap.matches(')').count()).saturating_sub(gap.matches('(').count());
        let text = cx.text(w.span);
        let joiner = matches!(text, "및" | "등" | "비롯해" | "비롯한" | "비롯하여");
        let before_joiner = matches!(cx.text(next.span), "비롯해" | "비롯한" | "비롯하여");
        let listed = gap.contains([',', '·', 'ㆍ']);
        // `혁신엔(N)돌핀스`: a word glued to a bracket is part of the name.
        let glued = gap == "(";
        let bare = !w.has_particle() && !is_particle_only(w);
        let when = has_date(text) || matches!(text, "오전" | "오후" | "이날" | "당일");
        if depth == 0 && (when || !(bare || joiner || before_joiner || listed || glued)) {
            break;
        }
        if depth == 0 && is_verb(cx, w) && !joiner && !glued {
            break;
        }
        start = w.span.start;
        k -= 1;
        if j - k > 24 {
            break;
        }
    }
    Span::new(start, last.span.end)
}

/// Whether a word holds a date or a time (`13일`, `4.14`, `14:00`).
fn has_date(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && (text.contains(['일', '월', '시', ':', '.']) || text.chars().all(|c| c.is_ascii_digit()))
}

/// A word that is a predicate (`맡은`, `구성된`): it ends in a verb or an
/// ending (a misreading inside a compound, `한국인터넷진흥원` with 진 as
/// an ending, does not count).
fn is_verb(cx: &Analysis<'_>, w: &Word) -> bool {
    let ms = w.morphemes(cx);
    let n = ms.len();
    ms.last().is_some_and(|m| {
        // `지원단` read as 지원+단 (an adjective): a verb after a noun
        // inside one word is a misread compound.
        let misread = n > 1
            && matches!(m.pos, Pos::VV | Pos::VA)
            && ms.get(n - 2).is_some_and(|p| p.pos.is_noun());
        !misread
            && matches!(
                m.last_pos,
                Pos::VV | Pos::VA | Pos::XSV | Pos::XSA | Pos::EC | Pos::EF | Pos::ETM | Pos::EP
            )
    })
}

/// A word that is only a particle, split off by a bracket (`)와`).
fn is_particle_only(w: &Word) -> bool {
    w.particle_only
}

// `주재로`, `주재하에`, `주재한`, `주재하는`, `주재하고`: who chairs.
static CHAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\)?\s*주재(?:로|하에|한|하는|하고|하여|해|했|하였)").expect("chair pattern")
});

/// The person who chairs: the bracket right before `주재`
/// (`(… 재난안전관리본부장 김광용) 주재로`) or the words before it
/// (`윤주석 영사안전국장 주재로`).
fn chair(cx: &Analysis<'_>, sentence: Span, out: &mut Vec<Found>) {
    let text = cx.text(sentence);
    let words = cx.words(sentence);
    for m in CHAIR.find_iter(text) {
        let at = sentence.start + m.start();
        let span = if m.as_str().starts_with(')') {
            let Some(open) = text.get(..m.start()).and_then(|t| t.rfind('(')) else {
                continue;
            };
            Span::new(sentence.start + open + 1, at)
        } else {
            let before: Vec<&Word> = words.iter().filter(|w| w.span.end <= at).collect();
            let mut start = at;
            for w in before.iter().rev().take(4) {
                let gap = cx.text(Span::new(w.span.end, start));
                let text = cx.text(w.span);
                if w.has_particle()
                    || is_verb(cx, w)
                    || gap.contains(['(', ')', ','])
                    || has_date(text)
                    || matches!(text, "오전" | "오후")
                {
                    break;
                }
                start = w.span.start;
            }
            Span::new(start, at)
        };
        let span = crate::source::trim_span(cx.source.text, span, &[]);
        if !span.is_empty() {
            out.push(item(cx, span, None, Role::Chair));
        }
    }
}

/// Event nouns of gatherings where the body that holds them takes part
/// (a meeting, an agreement), as against events a body holds for others
/// (a briefing, a lecture, a festival).
const TAKING_PART: &[&str] = &[
    "회의",
    "회담",
    "협의회",
    "협약식",
    "체결식",
    "업무협약",
    "협상",
    "조인식",
    "모임",
];

/// Nouns of meeting someone, which the event recogniser does not take
/// for events: their parties attend all the same.
const MEETINGS: &[&str] = &["면담", "접견", "회동", "만남", "환담"];

/// The subject and the parties of a sentence where an event is held or a
/// place is visited, and the subjects of a sentence about what happened
/// at an event (`이번 회의에서 과기정통부는 …`).
fn held(cx: &Analysis<'_>, sentence: Span, subjects: &[Subject], out: &mut Vec<Found>) {
    let words = cx.words(sentence);
    if at_event(cx, &words) {
        for s in subjects.iter().filter(|s| s.agent) {
            // The subject with the list before it (`A, B 등 지역
            // 기관·단체가`).
            let clause = words
                .iter()
                .rposition(|w| w.span.start < s.span.end)
                .map_or(s.span, |j| np_before(cx, &words, j));
            push_clause(cx, clause, Role::Subject { orgs: true }, out);
        }
        return;
    }
    let Some((t, head, verb)) = trigger(cx, &words) else {
        return;
    };
    let Some(trigger_start) = words.get(t).map(|w| w.span.start) else {
        return;
    };
    let takes_part = TAKING_PART.iter().any(|n| head.ends_with(n))
        || MEETINGS.iter().any(|n| head.ends_with(n))
        || ["참석", "참가", "참여"].iter().any(|v| verb.starts_with(v));
    // The topic of the sentence (`외교부는`), else its subject; not the
    // subject of a clause before it (`태풍이 접근하는 상황에서`).
    let before: Vec<_> = subjects
        .iter()
        .filter(|s| s.agent && s.span.end <= trigger_start)
        .collect();
    let subject = before
        .iter()
        .rfind(|s| s.topic)
        .or_else(|| before.last())
        .copied();
    let mut from = sentence.start;
    if let Some(s) = subject {
        for span in clause_items(cx, s.span) {
            out.push(item(cx, span, None, Role::Subject { orgs: takes_part }));
        }
        from = s.end;
    }
    for (j, w) in words.iter().enumerate().take(t) {
        if w.span.start < from || !is_party(cx, &words, j, t) {
            continue;
        }
        let np = np_before(cx, &words, j);
        let np = Span::new(np.start.max(from), np.end);
        for span in clause_items(cx, np) {
            out.push(item(cx, span, None, Role::Listed));
        }
    }
}

/// Whether the sentence opens at an event (`이번 회의에서`, `성장식에서는`,
/// `이날 개막식에는`): what its subjects do, they do there.
fn at_event(cx: &Analysis<'_>, words: &[Word]) -> bool {
    let mut ws = words.iter().skip_while(|w| {
        matches!(
            cx.text(w.span),
            "이번" | "이날" | "금일" | "또한" | "한편" | "특히"
        )
    });
    ws.next().is_some_and(|w| {
        let tail = cx.text(Span::new(w.stem.end, w.span.end));
        event_word(cx, w).is_some() && matches!(tail, "에서" | "에서는" | "에는")
    })
}

/// The word where an event is held or a place visited, with the event's
/// noun and the verb: `간담회를 가졌다`, `‘…’ 협약식을 하고`, `면담을
/// 실시하였다`, `방문하여`, `찾아`.
fn trigger<'a>(cx: &Analysis<'a>, words: &[Word]) -> Option<(usize, &'a str, &'a str)> {
    let mut found = None;
    for (i, w) in words.iter().enumerate() {
        let stem = cx.text(w.stem);
        let meeting = MEETINGS.iter().any(|n| stem.ends_with(n));
        if event_word(cx, w).is_some() || meeting {
            if let Some(verb) = held_by(cx, words, i) {
                found = Some((i, stem, cx.text(verb)));
                continue;
            }
        }
        let ms = w.morphemes(cx);
        let Some(first) = ms.first() else {
            continue;
        };
        let text = cx.text(first.span);
        let visit = (first.pos == Pos::NNG && text == "방문" && w.morphemes(cx).len() > 1)
            || (first.pos == Pos::VV
                && (text.starts_with('찾')
                    || text.starts_with("만나")
                    || text.starts_with("만났")));
        if visit && found.is_none() {
            found = Some((i, "", text));
        }
    }
    found
}

/// Whether word `j` ends a party of the event held at word `t`: `…와`
/// or `…과` (or a bare `와` after a bracket) with only the event's name,
/// `함께` or words of when between, or `…를 만나`.
fn is_party(cx: &Analysis<'_>, words: &[Word], j: usize, t: usize) -> bool {
    let Some(w) = words.get(j) else {
        return false;
    };
    let tail = cx.text(Span::new(w.stem.end, w.span.end));
    let whole = cx.text(w.span);
    // A lone `과` after a bracket may be read as a noun (`과` a section).
    let with = matches!(tail, "과" | "와") || matches!(whole, "과" | "와");
    if with {
        // Between the party and the event: its name, `함께`, when and
        // where, but no other subject, object or clause.
        return words.get(j + 1..t).is_some_and(|between| {
            between.iter().all(|b| {
                let case = b.morphemes(cx).iter().any(|m| {
                    matches!(m.pos, Pos::JKS | Pos::JKO)
                        || (m.pos == Pos::JX && matches!(cx.text(m.span), "은" | "는"))
                });
                is_quoted(cx, b)
                    || !(case
                        || b.morphemes(cx)
                            .iter()
                            .any(|m| matches!(m.last_pos, Pos::EC | Pos::EF)))
            })
        });
    }
    let object = matches!(tail, "을" | "를") || matches!(whole, "을" | "를");
    object
        && words.get(j + 1).is_some_and(|n| {
            n.morphemes(cx)
                .first()
                .is_some_and(|m| m.pos == Pos::VV && cx.text(m.span).starts_with("만"))
        })
}

/// A word inside quote marks (part of an event's name).
fn is_quoted(cx: &Analysis<'_>, w: &Word) -> bool {
    matches!(w.before, Some('‘' | '“' | '「' | '｢' | '『'))
        || matches!(w.after, Some('’' | '”' | '」' | '｣' | '』'))
        || cx.text(w.span).is_empty()
}
