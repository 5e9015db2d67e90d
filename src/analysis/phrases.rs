//! Subject phrases: the noun phrase before 은/는/이/가 that names who speaks
//! or acts (`박진규 산업통상자원부 1차관은` gives `박진규 산업통상자원부 1차관`).
//!
//! Shared by the quote and the commitment recognisers through
//! [`Analysis::subjects`]. The phrase is read from morphology, eojeol (어절)
//! by eojeol ([`super::words::eojeols`]): the eojeol that carries the particle
//! must be nominal before it, and the phrase grows leftwards over bare
//! nominal words and coordinated ones (`A, B와 C`), never over a word with
//! a case particle or a verb.

use super::Analysis;
use crate::Span;
use crate::morph::{Class, Morpheme, Pos};

/// A subject phrase found in a region of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Subject {
    /// The phrase without its particle.
    pub(crate) span: Span,
    /// Just past the particle.
    pub(crate) end: usize,
    /// Marked by the topic particle 은/는 rather than 이/가.
    pub(crate) topic: bool,
    /// Names a person or an organisation (not `이번 포상`, `올해`) and,
    /// for 이/가, is the subject of the sentence rather than of a relative
    /// or subordinate clause.
    pub(crate) agent: bool,
}

/// What a word does for the phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Nouns only: may stand inside a subject phrase.
    Noun,
    /// A noun joined to the next by `,`, 와/과 or the word 및.
    Coord,
    /// A noun with 은/는 (topic) or 이/가/께서.
    Subject { topic: bool },
    /// Anything else ends a phrase.
    Other,
}

/// An eojeol (어절), with parenthesised asides kept inside it, and what it
/// does for a phrase.
#[derive(Debug, Clone, Copy)]
struct Eojeol {
    span: Span,
    /// The word without its particle.
    head: Span,
    role: Role,
    /// Holds a predicate (`주최한`, `동참하기로`).
    predicate: bool,
    /// Ends in an adnominal ending (`주최한`, `겪는`): a relative clause.
    adnominal: bool,
    /// Ends in a connective that closes a subordinate clause (`하도록`).
    subordinate: bool,
    /// ko-dic classes a morpheme of it as a person or an organisation.
    classed: bool,
}

/// Leading words that are time or connectives, not part of the subject.
#[rustfmt::skip]
const LEADING_STOP: &[&str] = &[
    "이날", "당일", "오늘", "올해", "금년", "현재", "최근", "앞으로", "향후", "이번", "관련",
    "한편", "특히", "또한", "아울러", "이에", "이어", "다만", "결과", "먼저", "우선",
];

/// Every subject phrase in `region`, in order.
pub(crate) fn subjects(cx: &Analysis<'_>, region: Span) -> Vec<Subject> {
    let words = eojeols(cx, region);
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let Role::Subject { topic } = word.role else {
            continue;
        };
        if word.head.is_empty() {
            continue;
        }
        let mut first = i;
        while first > 0
            && matches!(
                words.get(first - 1).map(|w| w.role),
                Some(Role::Noun | Role::Coord)
            )
        {
            first -= 1;
        }
        while first < i && is_leading_stop(cx.text(words[first].span)) {
            first += 1;
        }
        let start = words.get(first).map_or(word.span.start, |w| w.span.start);
        // `“정부가`: the opening mark of a quote is not part of the name.
        let mark = cx.text(Span::new(start, word.head.end)).len()
            - cx.text(Span::new(start, word.head.end))
                .trim_start_matches(['“', '"', '‘'])
                .len();
        let span = Span::new(start + mark, word.head.end);
        let relative = !topic && in_relative_clause(cx, &words[i + 1..]);
        let classed = words
            .get(first..=i)
            .is_some_and(|ws| ws.iter().any(|w| w.classed));
        out.push(Subject {
            span,
            end: word.span.end,
            topic,
            agent: !relative && (classed || named_agent(cx, span)),
        });
    }
    out
}

/// Adnominal forms that work as postpositions (`전환을 위한 협력`), not as
/// the predicate of a subject.
const POSTPOSITIONS: &[&str] = &[
    "위한",
    "대한",
    "관한",
    "통한",
    "따른",
    "의한",
    "향한",
    "인한",
    "비롯한",
];

/// Whether the first predicate after a subject closes a relative clause
/// (`한국산업지능화협회가 주최한 행사`, `국민이 체감할 수 있도록`) or a
/// subordinate one (`기업이 성장하도록`): the subject is not the
/// sentence's.
fn in_relative_clause(cx: &Analysis<'_>, after: &[Eojeol]) -> bool {
    after
        .iter()
        .find(|w| w.predicate && !POSTPOSITIONS.contains(&cx.text(w.span)))
        .is_some_and(|w| w.adnominal || w.subordinate)
}

/// Predicates and predicate-making suffixes.
fn is_predicate(pos: Pos) -> bool {
    matches!(
        pos,
        Pos::VV | Pos::VA | Pos::VX | Pos::VCP | Pos::VCN | Pos::XSV | Pos::XSA
    )
}

/// The subject that speaks or commits among `found`: the last agent topic
/// (은/는), else the last agent subject (이/가); for a reported decision
/// (`A는 B가 …하기로 했다고 밝혔다`), the last agent of either kind.
pub(crate) fn pick(found: &[Subject], embedded: bool) -> Option<Subject> {
    let mut agents = found.iter().filter(|s| s.agent);
    if embedded {
        return agents.next_back().copied();
    }
    agents
        .clone()
        .rfind(|s| s.topic)
        .or_else(|| agents.next_back())
        .copied()
}

/// Connective endings that close a subordinate clause with a subject of
/// its own (`기업이 성장하도록 지원하겠다`: 기업 does not pledge); after
/// `-고`, `-며`, `-여` the subject goes on (`범부처가 … 진행하여 …
/// 도출하겠다`).
const CLAUSE_ENDINGS: &[&str] = &[
    "도록", "면", "지만", "는데", "은데", "니", "니까", "어야", "아야",
];

/// Time words and dates (`12월`, `22일(수)`) at the left edge of a phrase.
fn is_leading_stop(word: &str) -> bool {
    let word = word.trim_end_matches(',');
    let digits = word.starts_with(|c: char| c.is_ascii_digit());
    LEADING_STOP.contains(&word)
        || (digits && (word.contains('월') || word.contains('일') || word.contains('년')))
}

/// Whether the phrase at `span` names a person or an organisation (for a
/// lone phrase: [`subjects`] reads the classes from the words it has).
pub(crate) fn is_agent(cx: &Analysis<'_>, span: Span) -> bool {
    named_agent(cx, span)
        || cx
            .morphemes(span)
            .iter()
            .any(|m| matches!(m.class, Class::Person | Class::Organization))
}

/// Whether the phrase ends in an agent word of the genre (an organisation,
/// a title), or holds the name of an organisation: one the lexicon knows
/// or one the release defines (`이하 ‘공제회’`).
fn named_agent(cx: &Analysis<'_>, span: Span) -> bool {
    let bare = strip_asides(cx.text(span));
    let bare = bare.trim_end_matches(['」', '｣', '』', '’', '”', '"', '\'', ' ']);
    let last = bare.rsplit(' ').next().unwrap_or(bare);
    // `기관들`, `전문가들`: a plural of an agent; `과제들` is not one.
    let last = last.strip_suffix('들').unwrap_or(last);
    let defined = |w: &str| {
        cx.definitions()
            .iter()
            .any(|d| d.alias.as_deref() == Some(w))
    };
    cx.lexicon.agent_nouns.ending(last).is_some()
        || cx.lexicon.title_ending(last).is_some()
        || cx.words(span).iter().any(|w| {
            let stem = cx.text(w.stem);
            cx.lexicon.is_org_name(stem) || defined(stem) || defined(cx.text(w.span))
        })
}

/// The phrase as a name: parenthesised asides dropped, spaces collapsed
/// (`송미령 농림축산식품부(이하 ‘농식품부’) 장관` → `송미령 농림축산식품부 장관`).
pub(crate) fn strip_asides(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The eojeols of `region`, with their roles.
fn eojeols(cx: &Analysis<'_>, region: Span) -> Vec<Eojeol> {
    let groups = super::words::eojeols(cx, region);
    let mut words: Vec<Eojeol> = groups
        .iter()
        .flat_map(|g| split_at_quote(cx, g))
        .filter_map(|g| eojeol(cx, g))
        .collect();
    // An institution ko-dic reads with a copula inside (`한국여성인권진흥원`
    // as …여성/인/권진/흥원): its name says it is a noun.
    for w in &mut words {
        if w.role == Role::Other && cx.lexicon.is_org_name(cx.text(w.span)) {
            w.role = Role::Noun;
        }
    }
    // A name before a title or an organisation: ko-dic often reads it as a
    // verb (`권오을` as 권/오/을); a bound noun after it (`이어질 수`) is
    // one syllable, a title or an organisation is longer.
    for i in 0..words.len().saturating_sub(1) {
        let next = words[i + 1].role;
        let text = cx.text(words[i].span);
        if words[i].role == Role::Other
            && matches!(next, Role::Noun | Role::Subject { .. })
            && (looks_like_name(cx, text)
                || surname_before_title(cx, text, cx.text(words[i + 1].head))
                || LOCAL.contains(&text))
            && cx.text(words[i + 1].span).chars().count() > 1
        {
            words[i].role = Role::Noun;
        }
    }
    words
}

/// `시 관계자는`, `군 관계자는`: a local government by its last syllable,
/// which ko-dic may read as an ending (`시/EP`).
const LOCAL: &[&str] = &["시", "군", "구", "도", "청"];

/// An eojeol cut before an opening quote mark written onto it
/// (`해남군수는“이번 …`): the subject ends where the quote opens.
fn split_at_quote<'m>(cx: &Analysis<'_>, group: &'m [Morpheme]) -> Vec<&'m [Morpheme]> {
    let cut = group.iter().enumerate().skip(1).find(|(k, m)| {
        let surface = cx.text(m.span);
        let after_particle = group.get(k - 1).is_some_and(|p| p.pos.is_particle());
        surface.starts_with('“') || (surface.starts_with('"') && after_particle)
    });
    match cut {
        Some((k, _)) => vec![&group[..k], &group[k..]],
        None => vec![group],
    }
}

/// `문 관리관`: a lone surname (which ko-dic may read as a verb, 묻다)
/// before a title.
fn surname_before_title(cx: &Analysis<'_>, word: &str, next: &str) -> bool {
    word.chars().count() == 1
        && cx.lexicon.is_surname(word)
        && cx.lexicon.title_ending(next).is_some()
}

/// Three Hangul syllables starting with a family name.
fn looks_like_name(cx: &Analysis<'_>, word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.len() == 3
        && chars.iter().all(|c| ('가'..='힣').contains(c))
        && cx.lexicon.starts_with_surname(word)
}

/// One word and its role. Morphemes inside parentheses do not count; a
/// bracketed title (`「산업 디지털 전환 네트워크」`) counts as one noun, its
/// closing bracket standing for it (ko-dic misreads words inside titles).
fn eojeol(cx: &Analysis<'_>, morphemes: &[Morpheme]) -> Option<Eojeol> {
    let first = morphemes.first()?;
    let last = morphemes.last()?;
    let span = Span::new(first.span.start, last.span.end);
    let (mut aside, mut title) = (0usize, 0usize);
    let mut core: Vec<Morpheme> = Vec::new();
    for m in morphemes {
        let surface = cx.text(m.span);
        let opens = surface.matches('(').count();
        let closes = surface.matches(')').count();
        let title_opens = surface.matches(['「', '『', '｢']).count();
        let title_closes = surface.matches(['」', '』', '｣']).count();
        let plain = opens == 0 && closes == 0 && title_opens == 0;
        if aside == 0 && plain && (title == 0 || title_closes > 0) {
            core.push(*m);
        }
        aside = (aside + opens).saturating_sub(closes);
        title = (title + title_opens).saturating_sub(title_closes);
    }
    let (role, head_end) = role(cx, &core, span);
    let predicate = core
        .iter()
        .any(|m| is_predicate(m.pos) || is_predicate(m.last_pos));
    let adnominal = core.last().is_some_and(|m| m.last_pos == Pos::ETM);
    let subordinate = core.last().is_some_and(|m| {
        let surface = cx.text(m.span);
        m.last_pos == Pos::EC && CLAUSE_ENDINGS.iter().any(|e| surface.ends_with(e))
    });
    Some(Eojeol {
        span,
        head: Span::new(span.start, head_end),
        role,
        predicate,
        adnominal,
        subordinate,
        classed: core
            .iter()
            .any(|m| matches!(m.class, Class::Person | Class::Organization)),
    })
}

/// The role of a word from its morphemes outside parentheses, and where
/// its head (the word without its particle) ends.
///
/// ko-dic splits unknown compounds oddly (`행정안전부` as 행정/안/전부,
/// `이시혜` as 이/시혜), so a word counts as nominal when it has no
/// predicate, ending or particle in it, adverbs and determiners included;
/// only a lone adverb (`특히`, `적극`) is not. A title that ko-dic reads
/// as a verb (`직무대리는` as 대리/VV+는/ETM) is caught by its ending.
fn role(cx: &Analysis<'_>, core: &[Morpheme], span: Span) -> (Role, usize) {
    let Some((last, rest)) = core.split_last() else {
        return (Role::Noun, span.end);
    };
    let surface = cx.text(last.span);
    let subject_particle = match last.pos {
        Pos::JX => matches!(surface, "은" | "는").then_some(true),
        Pos::JKS => matches!(surface, "이" | "가" | "께서").then_some(false),
        _ => None,
    };
    // `한편,`, `특히`: adverbs with no noun are not part of a name.
    let lone_adverb = !core.iter().any(|m| has_noun(m.pos));
    // `에이디켐테크에서는`, `강진군에서는`: an institution as the topic
    // (only an agent counts, so `현장에서는` names no one).
    if let Some((locative, head)) = rest.split_last()
        && subject_particle == Some(true)
        && locative.pos == Pos::JKB
        && cx.text(locative.span) == "에서"
        && !head.is_empty()
        && nominal(head)
    {
        return (Role::Subject { topic: true }, locative.span.start);
    }
    match subject_particle {
        Some(topic) if !rest.is_empty() && nominal(rest) => {
            (Role::Subject { topic }, last.span.start)
        }
        _ if last.pos == Pos::JC && nominal(rest) && !lone_adverb => (Role::Coord, span.end),
        _ if last.pos == Pos::SC && surface == "," && nominal(rest) && !lone_adverb => {
            (Role::Coord, span.end)
        }
        _ if surface == "및" => (Role::Coord, span.end),
        // `국토부가` read as 국토/부가: a noun that ends in an agent and a
        // particle.
        None if nominal(core) && !lone_adverb => {
            titled_subject(cx, cx.text(span), span).unwrap_or((Role::Noun, span.end))
        }
        _ => titled_subject(cx, cx.text(span), span).unwrap_or((Role::Other, span.end)),
    }
}

/// `직무대리는`: a word that ends in a title and a subject particle.
fn titled_subject(cx: &Analysis<'_>, text: &str, span: Span) -> Option<(Role, usize)> {
    let (stem, particle) = ["은", "는", "이", "가"]
        .iter()
        .find_map(|p| text.strip_suffix(p).map(|stem| (stem, *p)))?;
    let titled = stem.chars().count() > 1
        && cx
            .lexicon
            .agent_nouns
            .iter()
            .any(|s| (s.chars().count() > 1 || "부처청".contains(s)) && stem.ends_with(s));
    let topic = matches!(particle, "은" | "는");
    titled.then(|| (Role::Subject { topic }, span.start + stem.len()))
}

/// Nouns and what stands for them (numbers, foreign words, a title's
/// closing bracket).
fn has_noun(pos: Pos) -> bool {
    pos.is_noun()
        || matches!(
            pos,
            Pos::SN | Pos::SL | Pos::SH | Pos::XSN | Pos::SSC | Pos::Unknown
        )
}

/// No predicate, ending or particle among the morphemes.
fn nominal(morphemes: &[Morpheme]) -> bool {
    morphemes
        .iter()
        .all(|m| !is_functional(m.pos) && !is_functional(m.last_pos))
}

/// Predicates, endings and particles: what a noun phrase cannot hold.
fn is_functional(pos: Pos) -> bool {
    pos.is_particle()
        || matches!(
            pos,
            Pos::VV
                | Pos::VA
                | Pos::VX
                | Pos::VCP
                | Pos::VCN
                | Pos::EP
                | Pos::EF
                | Pos::EC
                | Pos::ETN
                | Pos::ETM
                | Pos::XSV
                | Pos::XSA
                | Pos::SF
        )
}
