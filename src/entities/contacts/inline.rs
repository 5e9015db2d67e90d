//! Phone numbers in running text and in table cells:
//!
//! ```text
//! 추가 참여 문의는 ☎1800-5233 (산업지능화협회 협업지원센터)
//! 산업부 산업기술융합정책과 이형석 과장(☎ 044-203-4321)에게 연락주시기 바랍니다
//! 긴급 자금 지원 * 기업금융과(044-204-7524)
//! ```
//!
//! Whose phone it is comes from a bracket right after the number, or from
//! the nouns right before it (`department… name title`), found with the
//! morphology so that particles and endings (`문의는`, `원하시면`) end the
//! run.

use std::sync::LazyLock;

use regex::Regex;

use super::{EMAIL, PHONE, compact, contact, email_value, is_name, is_title, phones_in};
use crate::Span;
use crate::analysis::Analysis;
use crate::document::Contact;
use crate::morph::{Class, Morpheme, Pos};

/// What may stand before the number: `(`, `☎`, `(☎ `, `Tel.`, `전화:`.
/// The pattern is matched at the end of the text before the phone.
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<open>\(\s*)?(?:☎|☏|(?i:tel)\.?|전화)?\s*[:：]?\s*$").expect("lead pattern")
});

/// `(산업지능화협회 협업지원센터)` right after the number, and `)` closing
/// a bracket opened before it.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<close>[\d,~\s]*\))?(?:\s*\((?P<who>[^()]{2,40})\))?").expect("after pattern")
});

/// A number without its area code, or a short hotline, after a phone
/// sign: `☎ 830-6715`, `(☎ 109)`, `전화 1388`.
static LOCAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:☎|☏|(?i:tel)\.|전화)\s*[:：]?\s*(?P<n>\d{3,4}-\d{4}|\d{3,4})(?:[^\d\-]|$)")
        .expect("local pattern")
});

/// Reads every phone number and e-mail address in `span` into `out`: the
/// numbers, their short extensions written out in full (`061-531-3671 /
/// 3681`), numbers without an area code after a phone sign, and e-mail
/// addresses.
pub(super) fn phones(cx: &Analysis<'_>, span: Span, out: &mut Vec<Contact>) {
    let text = cx.text(span);
    let mut first: Option<Contact> = None;
    let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
    for (range, value) in phones_in(text) {
        let phone = Span::new(span.start + range.start, span.start + range.end);
        let is_number = PHONE.is_match(cx.text(phone));
        taken.push(range);
        if is_number {
            first = read(cx, span, phone);
            if let Some(c) = first.clone() {
                out.push(c);
            }
        } else if let Some(mut c) = first.clone() {
            // An extension: whose the number before it is.
            c.mention = cx.source.snippet(phone);
            c.phone = Some(value);
            out.push(c);
        }
    }
    for caps in LOCAL.captures_iter(text) {
        let Some(n) = caps.name("n") else { continue };
        if taken.iter().any(|r| r.start < n.end() && n.start() < r.end) {
            continue;
        }
        let phone = Span::new(span.start + n.start(), span.start + n.end());
        if let Some(c) = read(cx, span, phone) {
            out.push(c);
        }
    }
    for m in EMAIL.find_iter(text) {
        let mut c = contact(cx, Span::new(span.start + m.start(), span.start + m.end()));
        c.email = Some(email_value(m.as_str()));
        out.push(c);
    }
}

/// One phone mention: the number, its lead and closing bracket, and the
/// department or person named before it or in a bracket after it.
fn read(cx: &Analysis<'_>, within: Span, phone: Span) -> Option<Contact> {
    let before = cx.text(Span::new(within.start, phone.start));
    let after = cx.text(Span::new(phone.end, within.end));
    let lead = LEAD.captures(before)?;
    let lead_at = within.start + lead.get(0)?.start();
    let tail = AFTER.captures(after)?;
    let opened = lead.name("open").is_some();
    let closed = tail.name("close").is_some();
    let mut end = if opened && closed {
        phone.end + tail.name("close").map_or(0, |m| m.end())
    } else {
        phone.end
    };
    let mut start = if opened && !closed {
        // `(` without `)`: leave the bracket out.
        lead_at + lead.name("open").map_or(0, |m| m.len())
    } else {
        lead_at
    };
    let mut c = contact(cx, phone);
    c.phone = Some(cx.text(phone).to_string());
    let who_after = tail
        .name("who")
        .filter(|w| !PHONE.is_match(w.as_str()) && (!opened || closed));
    if let Some(who) = who_after {
        end = phone.end + who.end() + 1;
        c.department = Some(who.as_str().trim().to_string());
    } else if let Some(run) = noun_run(cx, near_before(cx, within.start, lead_at)) {
        start = run.start;
        name_the(cx, run, &mut c);
    }
    // `상담 전화 ☏109`: the word for a phone is not whose it is.
    if c.department.as_deref().is_some_and(is_phone_word) {
        c.department = None;
    } else if let Some(d) = c.department.as_deref()
        && let Some((rest, last)) = d.rsplit_once(' ')
        && is_phone_word(last)
    {
        c.department = Some(rest.trim().to_string());
    }
    if c.department.is_none() {
        // `…연구소로 전화(☎054-…)`: the department is the word before the
        // phone word, without its particle.
        c.department = addressee(cx, Span::new(within.start, start));
    }
    let span = Span::new(start, end.min(within.end));
    c.mention = cx.source.snippet(span);
    Some(c)
}

/// The run of words that ends where `span` ends and names a department
/// or a person: words of nouns only, or words ending like a department
/// (`추진단`, `행정안전부`, which ko-dic may cut into verbs and adverbs),
/// or single syllables of a spaced name (`이 형 석`).
fn noun_run(cx: &Analysis<'_>, span: Span) -> Option<Span> {
    let text = cx.text(span);
    let body = text.trim_end();
    if body.ends_with(|c: char| !is_word_char(c)) {
        return None;
    }
    let morphemes = cx.morphemes(span);
    let mut start = None;
    let mut end = None;
    let mut rest = body;
    for _ in 0..8 {
        let mut from = rest.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        // `〔상수도팀`: an opening bracket is not part of the name.
        let raw = rest.get(from..).unwrap_or("");
        let opened = raw.starts_with(is_opening);
        from += raw.len() - raw.trim_start_matches(is_opening).len();
        let word = rest.get(from..).unwrap_or("");
        let at = Span::new(span.start + from, span.start + rest.len());
        // `업무담당자 향촌복지과 신세연 ☎…`: a label before the name ends it.
        if word.is_empty() || is_label(word) || !is_name_word(cx, &morphemes, at, word) {
            break;
        }
        end.get_or_insert(at.end);
        start = Some(at.start);
        rest = rest.get(..from).unwrap_or("").trim_end();
        // `업무담당자 [향촌복지과 신세연 ☎…`: the bracket opens the name.
        if rest.is_empty() || opened {
            break;
        }
    }
    Some(Span::new(start?, end?))
}

/// Whether one word (at `at`) can be part of a department or person.
fn is_name_word(cx: &Analysis<'_>, morphemes: &[Morpheme], at: Span, word: &str) -> bool {
    let syllable = word.chars().count() == 1 && word.chars().all(super::is_hangul);
    let department = word.chars().count() >= 2
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "·‧ㆍ".contains(c))
        && cx.lexicon.unit_suffixes.ending(word).is_some();
    let inside: Vec<&Morpheme> = morphemes.iter().filter(|m| at.contains(m.span)).collect();
    let nouns = !inside.is_empty() && inside.iter().all(|m| is_nounish(m.pos, cx.text(m.span)));
    syllable || department || nouns || person_name(cx, at)
}

/// At most [`NEAR`] bytes before `at` (from `start` on), on a char
/// boundary: a name stands close to its phone, and a bounded window keeps
/// a line full of phones linear.
fn near_before(cx: &Analysis<'_>, start: usize, at: usize) -> Span {
    let mut from = at.saturating_sub(NEAR).max(start);
    while from < at && !cx.source.text.is_char_boundary(from) {
        from += 1;
    }
    Span::new(from, at)
}

/// How far before a phone its department and person may start.
const NEAR: usize = 240;

/// Words for "phone" that stand before a number, not whose it is.
const PHONE_WORDS: &[&str] = &["전화", "연락처", "대표번호", "전화번호", "문의처", "문의"];

/// Whether `word` (spaces and a closing colon aside: `연 락 처:`) is a word
/// for a phone.
fn is_phone_word(word: &str) -> bool {
    let compact: String = word
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ':' | '：'))
        .collect();
    PHONE_WORDS.contains(&compact.as_str())
}

/// A word that labels the contact rather than naming it (`담당자`,
/// `업무담당자`, `담당`; `기획담당` is a local government's unit).
fn is_label(word: &str) -> bool {
    word.ends_with("담당자") || word == "담당"
}

/// Opening brackets, which a name never starts with.
fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '〔' | '【' | '〈' | '《' | '<' | '「' | '『')
}

/// The word right before `span`'s end when, without its particle, it
/// names a department or agency (`국립경주문화유산연구소로` → `…연구소`).
fn addressee(cx: &Analysis<'_>, span: Span) -> Option<String> {
    let text = cx.text(span).trim_end();
    let word_start = span.start + text.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let word = Span::new(word_start, span.start + text.len());
    let morphemes = cx.morphemes(word);
    let stem_end = morphemes
        .iter()
        .rev()
        .find(|m| !m.pos.is_particle())
        .map(|m| m.span.end)?;
    let stem = cx.text(Span::new(word.start, stem_end));
    let named = stem.chars().count() >= 3 && cx.lexicon.unit_suffixes.ending(stem).is_some();
    (named && morphemes.last().is_some_and(|m| m.pos.is_particle())).then(|| stem.to_string())
}

/// Letters and digits, which may end a name.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Parts of speech that make up department and person names: those of
/// any name, bound nouns, and the middle dots of `항공·철도`.
fn is_nounish(pos: Pos, text: &str) -> bool {
    pos.is_name_part() || pos == Pos::NNB || matches!(text, "·" | "‧" | "ㆍ")
}

/// Splits `department… name title` (the words of `run`) into the fields
/// of `c`: a last word that is a title, a name before it (possibly spaced
/// one syllable a word), and the department before that.
fn name_the(cx: &Analysis<'_>, run: Span, c: &mut Contact) {
    let text = cx.text(run);
    // Each word with its offset in `text`, measured by walking the text.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for word in text.split(' ') {
        if !word.trim().is_empty() {
            let lead = word.len() - word.trim_start().len();
            words.push((at + lead, word.trim()));
        }
        at += word.len() + 1;
    }
    let mut rest = words.len();
    if let Some(&(at, last)) = words.last().filter(|(_, w)| !is_title(cx, &compact(w)))
        && person_name(cx, Span::new(run.start + at, run.start + at + last.len()))
    {
        // `신현주 (054-…)` under a `센터장` line, `향촌복지과 신세연 ☎061-…`:
        // a name with no title after it.
        c.name = Some(last.to_string());
        c.title = title_above(cx, run.start);
        rest -= 1;
    } else if let Some((_, last)) = words.last().filter(|(_, w)| is_title(cx, &compact(w))) {
        c.title = Some(compact(last));
        rest -= 1;
        let before = words.get(..rest).unwrap_or_default();
        let singles = before
            .iter()
            .rev()
            .take_while(|(_, w)| w.chars().count() == 1)
            .count();
        if (2..=4).contains(&singles) {
            let spaced = before.get(rest - singles..).unwrap_or_default();
            c.name = Some(spaced.iter().map(|(_, w)| *w).collect());
            rest -= singles;
        } else if let Some((_, name)) = before.last().filter(|(_, w)| is_name(w)) {
            c.name = Some(name.to_string());
            rest -= 1;
        }
    }
    if let (Some((from, _)), Some((at, last))) = (
        words.first(),
        rest.checked_sub(1).and_then(|i| words.get(i)),
    ) {
        let span = Span::new(run.start + from, run.start + at + last.len());
        c.department = Some(cx.text(span).to_string());
    }
}

/// Whether the word at `span` is a person's name where a phone follows
/// it: ko-dic's 인명, or 2–4 Hangul syllables opening with a surname that
/// are no title, organisation or department (`향촌복지과`; but `강주실` read
/// as 강주/NNG 실/EP+ETM ends in no department's 실), nor one common word.
fn person_name(cx: &Analysis<'_>, span: Span) -> bool {
    let text = cx.text(span);
    let n = text.chars().count();
    if !text.chars().all(super::is_hangul)
        || !(2..=4).contains(&n)
        || !cx.lexicon.starts_with_surname(text)
        || cx.lexicon.not_names.contains(text)
        || cx.lexicon.is_org_name(text)
        || is_title(cx, text)
    {
        return false;
    }
    let morphemes = cx.morphemes(span);
    if morphemes.iter().any(|m| m.class == Class::Person) {
        return true;
    }
    let unit = cx.lexicon.unit_suffixes.ending(text).is_some_and(|u| {
        let at = span.end - u.len();
        morphemes.iter().any(|m| {
            m.span.contains(Span::new(at, span.end)) && (m.pos.is_noun() || m.pos == Pos::XSN)
        })
    });
    let common = morphemes.len() == 1 && morphemes.iter().all(|m| m.pos == Pos::NNG);
    // `사항은 전화(☎ …)`: a name before a phone takes no particle.
    let particle = morphemes.iter().any(|m| m.pos.is_particle());
    // `원하시면` is a verb; a name's pieces start as a noun.
    let verb = morphemes
        .iter()
        .any(|m| matches!(m.pos, Pos::VV | Pos::VA | Pos::VX | Pos::XSV | Pos::XSA))
        || morphemes
            .first()
            .is_some_and(|m| !m.pos.is_noun() && m.pos != Pos::XPN);
    !unit
        && !common
        && !particle
        && !verb
        && !morphemes
            .iter()
            .any(|m| matches!(m.class, Class::Place | Class::Organization))
}

/// The title on the lines right above `at` when they hold nothing else
/// (a PDF's contact table read cell by cell: `센터장` / `신현주 (054-…)`,
/// or `과` / `장` / `박성민 (044-…)`).
fn title_above(cx: &Analysis<'_>, at: usize) -> Option<String> {
    let before = cx.source.text.get(..at)?;
    let line_start = before.rfind('\n')?;
    if !before[line_start..].trim().is_empty() {
        return None;
    }
    let mut title = String::new();
    for line in before[..line_start].rsplit('\n').take(3) {
        let cell = compact(line);
        if cell.is_empty() || cell.chars().count() > 12 {
            break;
        }
        title.insert_str(0, &cell);
        if is_title(cx, &title) {
            return Some(title);
        }
        if cell.chars().count() > 1 {
            break;
        }
    }
    None
}
