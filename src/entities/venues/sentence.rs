//! Places in sentences: the noun run before `에서` where an event takes
//! place, and the object of a visit (`…을 찾아`).

use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::verbs::event_follows;
use crate::analysis::words::eojeol_start;
use crate::document::Snippet;
use crate::morph::{Class, Morpheme, Pos};

/// Words before `에서` that are times, not places.
const NOT_PLACE: &[&str] = &[
    "오전", "오후", "이날", "당일", "같은", "날", "오는", "지난", "등",
];

/// Places before `에서` in a sentence where an event takes place.
pub(super) fn sentence_venues(
    cx: &Analysis<'_>,
    span: Span,
    when: &[Span],
    out: &mut Vec<Snippet>,
) {
    let morphemes = cx.morphemes(span);
    for (i, m) in morphemes.iter().enumerate() {
        let Some(after) = morphemes.get(i + 1..) else {
            continue;
        };
        let held = is_where(cx, m) && (event_follows(cx, after) || meeting_follows(cx, after));
        if m.spaced || !(held || is_visited(cx, m, after)) {
            continue;
        }
        // A place stands within a few words of its particle: a bounded
        // window keeps long lines with many places linear.
        let Some(before) = morphemes.get(i.saturating_sub(64)..i) else {
            continue;
        };
        if let Some(place) = place_before(cx, before, when) {
            let place = without_area(cx, place);
            // `전북대 알림의거리와 대학로 상점가 일원에서`: both are places.
            if let Some(other) = coordinated(cx, before, place, when) {
                push_parts(cx, other, out);
            }
            push_parts(cx, place, out);
        }
    }
}

/// `대학로 상점가 일원`: the word for the area around a place is not part
/// of it.
fn without_area(cx: &Analysis<'_>, place: Span) -> Span {
    let text = cx.text(place);
    match ["일원", "일대"]
        .iter()
        .find_map(|w| text.strip_suffix(w).filter(|rest| rest.ends_with(' ')))
    {
        Some(rest) => Span::new(place.start, place.start + rest.trim_end().len()),
        None => place,
    }
}

/// The place joined to `place` by 와/과 right before it (`A와 B에서`), when
/// it names a place too.
fn coordinated(cx: &Analysis<'_>, before: &[Morpheme], place: Span, when: &[Span]) -> Option<Span> {
    let i = before.partition_point(|m| m.span.start < place.start);
    let j = i.checked_sub(1)?;
    let joint = before.get(j)?;
    if joint.pos != Pos::JC || joint.spaced {
        return None;
    }
    let head = before.get(..j)?;
    place_before(cx, head, when).map(|p| without_area(cx, p))
}

/// Adds `place`, or its parts when it joins places with a middle dot
/// (`홍콩·싱가포르`): each part a place name by itself.
fn push_parts(cx: &Analysis<'_>, place: Span, out: &mut Vec<Snippet>) {
    let text = cx.text(place);
    let parts: Vec<(usize, &str)> = text
        .split(['·', 'ㆍ'])
        .scan(0usize, |at, part| {
            let start = *at;
            *at += part.len() + '·'.len_utf8();
            Some((start, part))
        })
        .collect();
    let named = |part: &str| {
        !part.is_empty()
            && !part.contains(' ')
            && (cx.lexicon.places.contains(part)
                || cx
                    .morphemes(place)
                    .iter()
                    .any(|m| cx.text(m.span) == part && m.class == Class::Place))
    };
    if parts.len() > 1 && parts.iter().all(|(_, p)| named(p)) {
        for (start, part) in parts {
            let span = Span::new(place.start + start, place.start + start + part.len());
            out.push(cx.source.snippet(span));
        }
    } else {
        out.push(cx.source.snippet(place));
    }
}

/// The particle of place: `에서` (`에서는`, `에서도`).
fn is_where(cx: &Analysis<'_>, m: &Morpheme) -> bool {
    m.pos == Pos::JKB && cx.text(m.span).starts_with("에서")
}

/// Verbs of meeting and performing the shared event verbs leave out
/// (`…에서 간담회를 연다`, `…에서 대사를 만나`, `…에서 면담했다`,
/// `…에서 공연한다`), up to the end of the clause.
fn meeting_follows(cx: &Analysis<'_>, after: &[Morpheme]) -> bool {
    for m in after.iter().take_while(|m| m.pos != Pos::SF).take(40) {
        let text = cx.text(m.span);
        let verb = match m.pos {
            // 연다, 연 (열다), 만나, 만났다.
            Pos::VV => {
                text.starts_with('연') || text.starts_with("만나") || text.starts_with("만났")
            }
            Pos::NNG => matches!(text, "면담" | "회담" | "주재" | "공연" | "상영" | "시상"),
            _ => false,
        };
        if verb {
            return true;
        }
        if matches!(m.last_pos, Pos::EC | Pos::EF) {
            return false;
        }
    }
    false
}

/// `…을 찾아`, `…를 방문하여`: the object of a visit is where the
/// visit takes place.
fn is_visited(cx: &Analysis<'_>, m: &Morpheme, after: &[Morpheme]) -> bool {
    m.pos == Pos::JKO
        && after.first().is_some_and(|v| {
            let text = cx.text(v.span);
            (v.pos == Pos::VV && text.starts_with('찾')) || (v.pos == Pos::NNG && text == "방문")
        })
}

/// The noun run (with an attached bracket) that ends right before
/// `에서`, when it names a place.
fn place_before(cx: &Analysis<'_>, before: &[Morpheme], when: &[Span]) -> Option<Span> {
    let end = before.last()?.span.end;
    let (rest, mut placey) = strip_bracket(before)?;
    let mut start = None;
    let mut words = 0;
    let mut j = rest.len();
    while j > 0 && words < 6 {
        let head = rest.get(..j).unwrap_or_default();
        let word_start = j
            .checked_sub(1)
            .and_then(|i| eojeol_start(head, i))
            .unwrap_or(0);
        let word = rest.get(word_start..j).unwrap_or_default();
        if !is_name_word(cx, word, when) {
            break;
        }
        placey |= word.iter().any(|m| m.class == Class::Place);
        start = word.first().map(|m| m.span.start);
        words += 1;
        j = word_start;
    }
    let span = trim_to_place(cx, before, Span::new(start?, end));
    let text = cx.text(span);
    let compact: String = text
        .split('(')
        .next()
        .unwrap_or(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let compact = compact
        .strip_suffix("일원")
        .or_else(|| compact.strip_suffix("일대"))
        .unwrap_or(&compact);
    // A short building word alone (`학교`, `매장`) is any such place, not a
    // venue: it must be named (`OO초등학교`).
    let head = cx
        .lexicon
        .place_heads
        .ending(compact)
        .is_some_and(|h| h.len() < compact.len() || h.chars().count() > 2)
        || cx.lexicon.places.ending(compact).is_some();
    let event = cx.lexicon.event_nouns.ending(compact).is_some();
    ((placey || head) && !event).then_some(span)
}

/// Splits off a bracket that ends right before `에서` (`중명전(서울 중구)`):
/// the morphemes before it, and whether a place name stands inside.
fn strip_bracket(before: &[Morpheme]) -> Option<(&[Morpheme], bool)> {
    if before.last()?.pos != Pos::SSC {
        return Some((before, false));
    }
    let mut depth = 0i32;
    let mut placey = false;
    for (i, m) in before.iter().enumerate().rev() {
        match m.pos {
            Pos::SSC => depth += 1,
            Pos::SSO => depth -= 1,
            _ => placey |= m.class == Class::Place,
        }
        if depth == 0 {
            // A bracket set off by a space is a note, not part of a name.
            return (!m.spaced).then(|| (before.get(..i).unwrap_or_default(), placey));
        }
    }
    None
}

/// Whether a word (morphemes between spaces) can be part of a place
/// name: nouns, with at most a genitive or copula misread inside
/// (`대회의실` as 대회+의+실, `코트라` as 코트+라), and no date or time.
fn is_name_word(cx: &Analysis<'_>, word: &[Morpheme], when: &[Span]) -> bool {
    let Some(first) = word.first() else {
        return false;
    };
    let last = word.len().saturating_sub(1);
    // `더플라자호텔` read as 더 (an adverb) and 플라자호텔.
    let adverb_head = first.pos == Pos::MAG
        && word
            .get(1)
            .is_some_and(|m| !m.spaced && matches!(m.pos, Pos::NNP | Pos::NNG));
    (first.pos.is_name_part() || adverb_head)
        && word.iter().enumerate().all(|(i, m)| {
            // Inside a word between nouns, ko-dic's misreadings of an
            // unknown compound (`부산공동어시장` with 어 as an
            // interjection) are still part of it.
            let inner = (i > 0 && i < last && !m.pos.is_particle() && !is_ending(m.pos))
                || (i == 0 && adverb_head);
            (m.pos.is_name_part()
                || m.pos == Pos::JKG
                || m.pos == Pos::VCP
                || is_dot(cx, m)
                || inner)
                && !NOT_PLACE.contains(&cx.text(m.span))
                && !is_when(cx, m, when)
        })
        && word
            .last()
            .is_some_and(|m| m.pos.is_name_part() || m.pos == Pos::VCP)
}

/// Verb endings, which close a word as a predicate.
fn is_ending(pos: Pos) -> bool {
    matches!(pos, Pos::EP | Pos::EF | Pos::EC | Pos::ETN | Pos::ETM)
}

/// `·` joining two names (`반월·시화산단`).
fn is_dot(cx: &Analysis<'_>, m: &Morpheme) -> bool {
    matches!(cx.text(m.span), "·" | "‧" | "ㆍ" | "-")
}

/// Whether `m` is part of a date or time: inside a found mention, or a
/// counter after digits such as `15시`, `13일` (not `천년보고`).
fn is_when(cx: &Analysis<'_>, m: &Morpheme, when: &[Span]) -> bool {
    let after_digit = m.span.start.checked_sub(1).is_some_and(|at| {
        cx.text(Span::new(at, m.span.start))
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    });
    when.iter().any(|w| w.contains(m.span))
        || (m.pos == Pos::NNBC
            && after_digit
            && matches!(cx.text(m.span), "시" | "분" | "일" | "월" | "년"))
}

/// Starts the run at its first word that names a place: a proper noun, a
/// word ko-dic does not know, or a building word (`전 일정 다산정보관
/// 로비` is `다산정보관 로비`).
fn trim_to_place(cx: &Analysis<'_>, morphemes: &[Morpheme], run: Span) -> Span {
    let inside: Vec<&Morpheme> = morphemes.iter().filter(|m| run.contains(m.span)).collect();
    let mut word_start = run.start;
    for m in &inside {
        if m.spaced {
            word_start = m.span.start;
        }
        let word_end = inside
            .iter()
            .find(|n| n.span.start > m.span.start && n.spaced)
            .map_or(run.end, |n| n.span.start);
        // A short common noun on its own (`일정`) does not start a name; a
        // word of several morphemes (`코트라`, `다산정보관`) may.
        let parts = inside
            .iter()
            .filter(|n| n.span.start >= word_start && n.span.end <= word_end)
            .count();
        let lone = parts == 1 && m.pos == Pos::NNG && cx.text(m.span).chars().count() <= 2;
        let named = (m.spaced && !lone)
            || matches!(m.pos, Pos::NNP | Pos::Unknown | Pos::SL)
            || m.class == Class::Place;
        let word: String = cx
            .text(Span::new(word_start, word_end))
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if named || cx.lexicon.place_heads.ending(&word).is_some() {
            return Span::new(word_start, run.end);
        }
    }
    run
}
