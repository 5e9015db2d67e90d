//! Words of a segment, with particles and endings cut off by morphology
//! (`산업부는` → `산업부`, `기업인` → `기업`): the one grouping of the text
//! into words that every recogniser reads.

use std::borrow::Cow;

use super::Analysis;
use crate::Span;
use crate::morph::{Morpheme, Pos};

/// One word (어절, cut further at brackets, commas and interpuncts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// The word as written, without surrounding punctuation.
    pub(crate) span: Span,
    /// The word without its trailing particles and endings.
    pub(crate) stem: Span,
    /// The character just before the word (`None` at the segment start).
    pub(crate) before: Option<char>,
    /// The character just after the word (`None` at the segment end).
    pub(crate) after: Option<char>,
    /// Grouped without morphology (a table cell, a header row): the stem
    /// is the word, and its morphemes are read only when asked for.
    pub(crate) light: bool,
    /// Every morpheme of the word is a particle (`)에서` after a bracket).
    pub(crate) particle_only: bool,
    /// The word ends in a topic or other auxiliary particle (JX: 은/는/도).
    pub(crate) ends_in_jx: bool,
}

impl Word {
    /// Whether morphology cut a particle or ending off the word.
    pub(crate) fn has_particle(&self) -> bool {
        self.stem != self.span
    }

    /// The morphemes of the stem, from the analysis' cache of its line (a
    /// word keeps no copy: words are many); a light word's are read now,
    /// the word alone.
    pub(crate) fn stem_morphemes<'a>(&self, cx: &'a Analysis<'_>) -> Cow<'a, [Morpheme]> {
        if self.light {
            return Cow::Owned(cx.analyse_alone(self.stem));
        }
        cx.morphemes(self.stem)
    }

    /// The morphemes of the whole word, particles and endings included,
    /// from the analysis' cache of its line; none for a light word (a
    /// table cell, a header row): rules that walk every word ask this,
    /// and analysing each cell alone would cost more than the line.
    pub(crate) fn morphemes<'a>(&self, cx: &'a Analysis<'_>) -> &'a [Morpheme] {
        if self.light {
            return &[];
        }
        cx.morphemes_in_line(self.span)
    }
}

/// Characters that end a word besides whitespace.
const DELIMITERS: &str =
    "()[]{}<>,·ㆍ‧・「」『』｢｣“”‘’\"':;/|【】〈〉《》〔〕▲△▶►□■ㅇ○●◦‣￭※*~∼☎→+=?!…";

/// Whether `c` separates words.
pub(crate) fn is_delimiter(c: char) -> bool {
    c.is_whitespace()
        || DELIMITERS.contains(c)
        || ('\u{2460}'..='\u{24FF}').contains(&c)
        || ('\u{2776}'..='\u{2793}').contains(&c)
}

/// The words of `span`, each with its stem. Recognisers ask
/// [`Analysis::words`], which groups each segment once.
pub(crate) fn group(cx: &Analysis<'_>, span: Span) -> Vec<Word> {
    group_with(cx, span, true)
}

/// The words of `span`, with their morphemes and stems when `morphology`
/// is asked for; without, each word is its own stem (table cells and
/// header rows, where words take no particles and lindera's pass would
/// cost more than it tells).
pub(crate) fn group_with(cx: &Analysis<'_>, span: Span, morphology: bool) -> Vec<Word> {
    let text = cx.text(span);
    let all = if morphology {
        cx.morphemes(span)
    } else {
        std::borrow::Cow::Borrowed(&[][..])
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut before: Option<char> = None;
    let bytes = text.as_bytes();
    // `2,500`: a thousands separator does not end a word.
    let separator = |at: usize| {
        at > 0
            && bytes.get(at - 1).is_some_and(u8::is_ascii_digit)
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
    };
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if is_delimiter(c) && !(c == ',' && separator(at)) {
            if let Some(s) = start.take() {
                push_word(&all, span.start, text, (s, at), (before, c), &mut out);
                if let Some(w) = out.last_mut() {
                    w.light = !morphology;
                }
            }
            before = Some(c);
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(last) = out.last_mut() {
        if last.span.end == span.end {
            last.after = None;
        }
    }
    // Words of every segment stay cached for the whole extraction.
    out.shrink_to_fit();
    out
}

/// Adds the word `text[s..e]` (offsets in the segment) trimmed of dots
/// and dashes at its ends, with its morphemes taken from `all`.
fn push_word(
    all: &[Morpheme],
    base: usize,
    text: &str,
    (s, e): (usize, usize),
    (before, after): (Option<char>, char),
    out: &mut Vec<Word>,
) {
    let Some(raw) = text.get(s..e) else { return };
    let trimmed = raw.trim_start_matches(['.', '-', '–']);
    let s = s + (raw.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(['.', '-', '–']);
    let e = s + trimmed.len();
    if s >= e {
        return;
    }
    let span = Span::new(base + s, base + e);
    let from = all.partition_point(|m| m.span.start < span.start);
    let rest = all.get(from..).unwrap_or_default();
    // Morphemes are in order and do not overlap: those inside the word are
    // a run (one that straddles its start is skipped).
    let skip = rest
        .iter()
        .take_while(|m| m.span.start < span.end && !span.contains(m.span))
        .count();
    let rest = rest.get(skip..).unwrap_or_default();
    let inside = rest.iter().take_while(|m| span.contains(m.span)).count();
    let morphemes = rest.get(..inside).unwrap_or_default();
    out.push(Word {
        span,
        stem: stem_of(morphemes, span),
        before,
        after: Some(after),
        light: false,
        particle_only: !morphemes.is_empty() && morphemes.iter().all(|m| m.pos.is_particle()),
        ends_in_jx: morphemes.last().is_some_and(|m| m.pos == Pos::JX),
    });
}

/// The eojeols (어절) of `region`: the morphemes between spaces, with a
/// bracketed aside or a quoted name kept inside the eojeol it opens in
/// (`산업통상자원부(장관: 문승욱, 이하 “산업부”)는` is one). Phrases are read
/// from these.
pub(crate) fn eojeols(cx: &Analysis<'_>, region: Span) -> Vec<Vec<Morpheme>> {
    let morphemes = cx.morphemes(region);
    let mut groups: Vec<Vec<Morpheme>> = Vec::new();
    let mut depth = 0usize;
    for &m in morphemes.iter() {
        let surface = cx.text(m.span);
        if (m.spaced && depth == 0) || groups.is_empty() {
            groups.push(Vec::new());
        }
        if let Some(group) = groups.last_mut() {
            group.push(m);
        }
        // `‘길 위의 인문학’과 ‘지혜학교’ 운영기관`: a quoted name is one
        // word, when its closing mark follows (a lone ‘ marks a year: ‘26).
        let rest = cx.text(Span::new(m.span.end, region.end));
        let quoted = usize::from(surface.contains('‘') && rest.contains('’'));
        let opens = surface.matches(['(', '「', '『', '｢']).count() + quoted;
        let closes = surface.matches([')', '」', '』', '｣', '’']).count();
        depth = (depth + opens).saturating_sub(closes);
    }
    groups
}

/// The index of the first morpheme of the eojeol that holds morpheme `i`
/// of `morphemes`: the last at or before it that follows a space, if any.
/// Recognisers that walk morphemes find word boundaries with this.
pub(crate) fn eojeol_start(morphemes: &[Morpheme], i: usize) -> Option<usize> {
    morphemes.get(..=i)?.iter().rposition(|m| m.spaced)
}

/// Whether a morpheme is a particle or ending that a name never ends in.
fn is_inflection(pos: Pos) -> bool {
    pos.is_particle()
        || matches!(
            pos,
            Pos::VCP | Pos::EP | Pos::EF | Pos::EC | Pos::ETM | Pos::ETN
        )
}

/// `span` without its trailing particles, copula and endings, as
/// morphology segments them; the whole span when nothing would be left.
pub(crate) fn stem(cx: &Analysis<'_>, span: Span) -> Span {
    stem_of(&cx.morphemes(span), span)
}

/// [`stem`] over morphemes already at hand.
fn stem_of(morphemes: &[Morpheme], span: Span) -> Span {
    let mut end = span.end;
    for m in morphemes.iter().rev() {
        if m.span.end != end || !is_inflection(m.pos) || m.spaced {
            break;
        }
        end = m.span.start;
    }
    if end <= span.start {
        span
    } else {
        Span::new(span.start, end)
    }
}

/// Whether `s` is written in Hangul syllables only.
pub(crate) fn is_hangul(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| ('가'..='힣').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        crate::analysis::with_analysis(text, |cx| {
            group(cx, Span::new(0, text.len()))
                .iter()
                .map(|w| cx.text(w.stem).to_string())
                .collect()
        })
    }

    #[test]
    fn particles_are_cut_by_morphology() {
        assert_eq!(
            stems("산업통상자원부(장관: 문승욱)는 한국산업지능화협회가 주최한"),
            [
                "산업통상자원부",
                "장관",
                "문승욱",
                "는",
                "한국산업지능화협회",
                "주최한"
            ]
        );
        assert_eq!(stems("글로벌 기업인 지멘스,"), ["글로벌", "기업", "지멘스"]);
    }

    #[test]
    fn thousands_separators_stay_inside_numbers() {
        assert_eq!(stems("+2,500 | 해소, 복구"), ["2,500", "해소", "복구"]);
    }
}
