//! The predicates that commit, and the clause each one closes.

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;

/// The predicates that make a clause a commitment:
///
/// - plans: `(?P<verb>\S+)\s(?:계획|예정|방침)\*{0,3}(?:이다|이며|이라고|…)`
///   (a doubled `계획이이다` typo included, and the bare noun closing a
///   sentence or a quote: `…시행해 나갈 계획”이라고`), where the verb is
///   future (`할`, `모아나갈`) and active (not `될`, `이뤄질`);
///   `계획하고 있다`;
/// - intentions: `(?P<will>\S+)\s것(?:이다|이라고|…)`, a future active verb
///   (`공급할 것이라고 밝혔다`), and `고자 한다`;
/// - decisions and agreements: `기로 했다/하였다/합의했다/결정했다`,
///   `기로 뜻을 모았다`, `기로 하고`;
/// - undertakings: `나갈 것이다`, `나간다`;
/// - pacts: `협약|MOU|양해각서|협정|약정`, a closing mark (`‘…협약’을`),
///   `(을|를) 체결했다/하였다/한다/하고`: not commitments themselves (a
///   report of what was done), but the parties' duties follow;
/// - pledges: `겠다`, `겠습니다` closing quoted words (`근절하겠다는 의지`
///   inside a quote is not one), and reported outside quotes: `겠다고`,
///   `겠다며`, `겠다는 의지를 …했다`, `겠다는 구상이다`.
static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<verb>[^\s()]+)\s(?:계획|예정|방침)\*{0,3}
            (?:이{1,2}다|이며|입니다|이고|임|이라고|이라며|으로\s|\s*[.。]?\s*$)
        | 계획하고\s?있(?:다|습니다|으며)
        | (?P<will>[^\s()]+)\s것(?:이다|입니다|이며|임|이라고|이라며)
        | 고자\s?(?:한다|합니다|하였다|했다|함)
        | 기로\s?(?:했|하였|합의했|합의하였|결정했|결정하였|약속했|약속하였|다짐했|다짐하였|결의했|결의하였)(?:다|으며|고)
        | 기로\s?(?:뜻|의견|힘)을\s?모(?:았다|았으며|으고|으며)
        | 기로\s?하고
        | 나갈\s것이다 | 나간다
        | (?P<pact>(?:협약|MOU|양해각서|협정|약정)[’”」』)]?(?:을|를)?\s?체결(?:했다|하였다|한다|하고|했으며|하였으며))
        | (?P<pledge>겠다|겠습니다)(?P<tail>고|며|면서|는\s[가-힣]+|[^가-힣]|$)
        ",
    )
    .expect("static regex")
});

/// What may follow `겠다는 의지` and the like for a reported pledge: an
/// object particle and a predicate that closes the sentence or goes on
/// (`의지를 표명하였다`), or a copula (`구상이다`), not an adnominal
/// (`의지를 표명한 것`).
static REPORTED_PLEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^는\s(?:의지|뜻|입장|각오|의사|구상|포부|약속|계획|방침|다짐)(?:[을를]\s?\S*(?:다|며|고|면서)(?:[\s.,]|$)|이(?:다|며))",
    )
    .expect("static regex")
});

/// What after `것이라고` makes it a forecast, not an intention:
/// `^고\s\S*(?:전망|예상|예측|내다|분석|추정|관측)`.
static FORECAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:고|며)?\s?\S*(?:전망|예상|예측|내다|분석|추정|관측|기대)")
        .expect("static regex")
});

/// A sentence end: `(?:다|음|함|임)\.(?:\s|$)`.
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:다|음|함|임)\.(?:\s|$)").expect("static regex"));

/// Connectives that open a clause but are not what is committed to:
/// `^(?:(?:또한|아울러|특히|…)\s*,?\s*)+`.
static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:이에\s따라|이와\s함께|이어서|이후|또한|아울러|특히|한편|이어|그리고|이에|더불어|먼저|우선|다만)\s*,?\s+)+",
    )
    .expect("static regex")
});

/// A predicate that commits, found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Trigger {
    /// The predicate as matched (the committed clause ends at its end).
    pub(crate) span: Span,
    /// A reported decision (`동참하기로 했다고 밝혔다`): the committer is
    /// the subject of the embedded clause, not the reporter.
    pub(crate) embedded: bool,
    /// An agreement (`협약을 체결하였다`): the parties' duties follow.
    pub(crate) pact: bool,
    /// `할 것이다`: an intention when an agent speaks of itself, a forecast
    /// when the clause's subject is not one (`신고건수가 감소할 것이라고`).
    pub(crate) predictive: bool,
}

/// Whether `text` holds anything a commitment could be triggered by: a
/// cheap test before reading a table cell's subjects, which costs the
/// cell's morphology.
pub(crate) fn may_commit(text: &str) -> bool {
    TRIGGER.is_match(text)
}

/// The triggers in `span` of `text` (which starts at byte `base`);
/// `pledges` admits `겠다`, for quoted words.
pub(crate) fn triggers(text: &str, base: usize, span: Span, pledges: bool) -> Vec<Trigger> {
    let Some(slice) = local(text, base, span) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for caps in TRIGGER.captures_iter(slice) {
        let Some(whole) = caps.get(0) else { continue };
        let mut end = whole.start()
            + slice[whole.range()]
                .trim_end_matches(['.', '。', ' ', '\t', '\n'])
                .len();
        if let Some(pledge) = caps.name("pledge") {
            let tail = caps.name("tail").map_or("", |t| t.as_str());
            if !pledge_closes(slice, pledge.end(), tail, pledges) {
                continue;
            }
            end = pledge.end();
        }
        if caps
            .name("verb")
            .is_some_and(|v| !future_active(v.as_str()))
        {
            continue;
        }
        if let Some(will) = caps.name("will") {
            let reported = whole.as_str().ends_with("라고") || whole.as_str().ends_with("라며");
            let rest = slice.get(whole.end()..).unwrap_or("");
            if !future_active(will.as_str())
                || !(pledges || reported || matches!(will.as_str(), "나갈" | "추진할"))
                || (reported && FORECAST.is_match(rest))
            {
                continue;
            }
        }
        let matched = Span::new(span.start + whole.start(), span.start + end);
        let embedded = slice.get(end..).is_some_and(|rest| rest.starts_with('고'));
        out.push(Trigger {
            span: matched,
            embedded,
            pact: caps.name("pact").is_some(),
            predictive: caps.name("will").is_some(),
        });
    }
    out
}

/// Whether `겠다` (ending at `at`, followed by `tail`) closes a pledge:
/// in quoted words, when the words end there; outside, also when it is
/// reported (`겠다고 밝혔다`, `겠다는 의지를 표명하였다`).
fn pledge_closes(slice: &str, at: usize, tail: &str, quoted: bool) -> bool {
    let closes = !tail.starts_with(|c: char| ('가'..='힣').contains(&c));
    if quoted {
        return closes;
    }
    let rest = slice.get(at..).unwrap_or("");
    closes || matches!(tail, "고" | "며" | "면서") || REPORTED_PLEDGE.is_match(rest)
}

/// The last word of a sentence: `(?P<verb>[가-힣]+다)\.?\s*$`.
static LAST_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?P<verb>[가-힣]+다)\.?\s*$").expect("static regex"));

/// A duty under an agreement: the sentence ends in a present declarative
/// (`…에 힘쓴다`, `…검증을 실시한다`), not a passive (`된다`) or a copula.
pub(crate) fn duty(text: &str, base: usize, sentence: Span) -> Option<Trigger> {
    let slice = local(text, base, sentence)?;
    let verb = LAST_WORD.captures(slice)?.name("verb")?;
    let stem = verb.as_str().strip_suffix('다')?;
    let last = stem.chars().next_back()?;
    let code = u32::from(last);
    let nieun = (0xAC00..=0xD7A3).contains(&code) && (code - 0xAC00) % 28 == 4;
    let present = (nieun || last == '는') && !matches!(last, '된' | '인');
    present.then(|| Trigger {
        span: Span::new(sentence.start + verb.start(), sentence.start + verb.end()),
        embedded: false,
        pact: false,
        predictive: false,
    })
}

/// `할`, `모아나갈`: the verb ends in the future ㄹ and is not passive.
fn future_active(verb: &str) -> bool {
    let Some(last) = verb.chars().next_back() else {
        return false;
    };
    let code = u32::from(last);
    let syllable = (0xAC00..=0xD7A3).contains(&code);
    let rieul = syllable && (code - 0xAC00) % 28 == 8;
    rieul && !matches!(last, '될' | '질')
}

/// The sentences of `span` in `text` (which starts at byte `base`): cut
/// after each `다.`, never inside `skip` (quoted words).
pub(crate) fn sentences(text: &str, base: usize, span: Span, skip: &[Span]) -> Vec<Span> {
    let Some(slice) = local(text, base, span) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = span.start;
    for m in SENTENCE_END.find_iter(slice) {
        let end = span.start + m.end();
        if skip.iter().any(|s| s.start < end && end <= s.end) {
            continue;
        }
        out.push(Span::new(start, end));
        start = end;
    }
    if start < span.end {
        out.push(Span::new(start, span.end));
    }
    out
}

/// The part of `text` (which starts at byte `base`) at `span`.
fn local(text: &str, base: usize, span: Span) -> Option<&str> {
    text.get(span.start.checked_sub(base)?..span.end.checked_sub(base)?)
}

/// `span` without leading spaces, commas and connectives (`또한, `).
pub(crate) fn skip_leading(text: &str, base: usize, span: Span) -> Span {
    let Some(slice) = local(text, base, span) else {
        return span;
    };
    let trimmed = slice.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    let mut start = span.start + (slice.len() - trimmed.len());
    if let Some(m) = LEADING.find(trimmed) {
        start += m.end();
    }
    Span::new(start.min(span.end), span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, pledges: bool) -> Vec<&str> {
        triggers(text, 0, Span::new(0, text.len()), pledges)
            .iter()
            .map(|t| &text[t.span.range()])
            .collect()
    }

    #[test]
    fn plans_need_an_active_future_verb() {
        assert_eq!(
            found("역량을 모아나갈 계획이다.", false),
            ["모아나갈 계획이다"]
        );
        assert!(found("포상도 이뤄질 예정이다.", false).is_empty());
        assert!(found("250명이 투입될 예정이다.", false).is_empty());
        assert_eq!(found("지원할 계획*이다.", false), ["지원할 계획*이다"]);
    }

    #[test]
    fn decisions_pacts_and_pledges() {
        assert_eq!(found("동참하기로 했다고 밝혔다.", false), ["기로 했다"]);
        assert!(triggers("동참하기로 했다고", 0, Span::new(0, 25), false)[0].embedded);
        assert_eq!(found("협약을 체결하였다.", false), ["협약을 체결하였다"]);
        assert_eq!(found("아끼지 않겠다", true), ["겠다"]);
        assert!(found("근절하겠다는 의지", true).is_empty());
        // Outside quotes, reported pledges; not a pledge named as a thing.
        assert_eq!(found("노력하겠다고 밝혔다.", false), ["겠다"]);
        assert_eq!(found("관리하겠다는 의지를 표명하였다.", false), ["겠다"]);
        assert!(found("근절하겠다는 의지를 표명한 것", false).is_empty());
        assert!(found("하겠다는 것이다", false).is_empty());
        assert_eq!(found("대응해 나가고자 한다.", false), ["고자 한다"]);
        assert_eq!(
            found("추진해 나가기로 뜻을 모았다.", false),
            ["기로 뜻을 모았다"]
        );
    }

    #[test]
    fn duties_are_present_declaratives() {
        fn found(text: &str) -> Option<&str> {
            duty(text, 0, Span::new(0, text.len())).map(|t| &text[t.span.range()])
        }
        assert_eq!(found("시설 개선 지원 등에 힘쓴다."), Some("힘쓴다"));
        assert_eq!(found("품질에 대한 검증을 실시한다."), Some("실시한다"));
        assert_eq!(found("생활 인프라가 확충된다."), None);
        assert_eq!(found("검증을 실시했다."), None);
        assert_eq!(found("동성이다."), None);
    }

    #[test]
    fn sentences_do_not_end_inside_quotes() {
        let text = "가는 “나다. 라다.”고 했다. 마다.";
        let quote = Span::new(text.find('나').unwrap(), text.find('”').unwrap());
        let got: Vec<&str> = sentences(text, 0, Span::new(0, text.len()), &[quote])
            .iter()
            .map(|s| &text[s.range()])
            .collect();
        assert_eq!(got, ["가는 “나다. 라다.”고 했다. ", "마다."]);
    }

    #[test]
    fn leading_connectives_are_skipped() {
        let text = "또한, 앞으로 지원할 계획이다";
        let span = skip_leading(text, 0, Span::new(0, text.len()));
        assert_eq!(&text[span.range()], "앞으로 지원할 계획이다");
        // The longer connective wins: not `따라 …`.
        let text = "이에 따라 지난 3월에는 취소할 방침이다";
        let span = skip_leading(text, 0, Span::new(0, text.len()));
        assert_eq!(&text[span.range()], "지난 3월에는 취소할 방침이다");
    }
}
