//! Lists of organisations: comma enumerations (`지멘스, MS, 네이버 등 12개
//! 기업`), numbered lists (`①대한상공회의소 ②한국산업기술진흥원 …`), and
//! the counts stated beside them (`20개 기관`), which are checked.

use std::sync::LazyLock;

use regex::Regex;

use super::is_org_name;
use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::Segment;
use crate::analysis::words::Word;
use crate::document::{Block, BlockKind, Warning, WarningKind};
use crate::morph::{Class, Pos};

/// A list of organisations found in one segment or block.
#[derive(Debug, Clone)]
pub(crate) struct OrgList {
    /// The items' stems.
    pub(crate) items: Vec<Span>,
    /// Whether the list ends with `등` (it gives examples only).
    pub(crate) open: bool,
    /// Where the list stands.
    pub(crate) span: Span,
}

/// The comma enumerations of organisations in a segment.
///
/// An enumeration is a run of comma-separated chunks whose inner chunks
/// are short; its items are the last word of each chunk but the final
/// one, whose first word is the item. It holds organisations when most
/// items are organisation names, when it is followed by `등 … N개 기업`,
/// or when a group label (`글로벌 기업인`) opens it.
pub(crate) fn enumerations(cx: &Analysis<'_>, seg: Segment<'_>) -> Vec<OrgList> {
    let ws = cx.words(seg.span);
    let mut chunks: Vec<&[Word]> = Vec::new();
    let mut start = 0;
    for (i, w) in ws.iter().enumerate() {
        if w.after == Some(',') || i + 1 == ws.len() {
            chunks.extend(ws.get(start..=i));
            start = i + 1;
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < chunks.len() {
        let mut j = i + 1;
        while j + 1 < chunks.len() && chunks.get(j).is_some_and(|c| c.len() <= 3) {
            j += 1;
        }
        if let Some(list) = chunks.get(i..=j).and_then(|run| org_list(cx, run)) {
            out.push(list);
        }
        i = j;
    }
    out
}

/// Turns a run of comma chunks into a list, when it is one of
/// organisations: the last word of each chunk is an item, but the first
/// word of the final chunk.
fn org_list(cx: &Analysis<'_>, run: &[&[Word]]) -> Option<OrgList> {
    let (last_chunk, inner) = run.split_last()?;
    let mut items: Vec<&Word> = inner.iter().filter_map(|c| c.last()).collect();
    let last = last_chunk.first()?;
    items.push(last);
    let tail: Vec<&Word> = last_chunk.iter().skip(1).take(6).collect();
    let open = tail.first().is_some_and(|w| cx.text(w.stem) == "등");
    let named = items
        .iter()
        .filter(|w| is_org_name(cx, cx.text(w.stem)))
        .count();
    // `… 등 (국내외) 12개 (디지털) 기업`, `… 등 기업들`, or a count right
    // after the last item.
    let counted = (open || tail.first().is_some_and(|w| cx.text(w.stem).contains('개')))
        && tail
            .iter()
            .take(5)
            .any(|w| counts_orgs(cx, cx.text(w.stem)));
    let first_chunk = run.first()?;
    let labelled = first_chunk.len() >= 2
        && first_chunk
            .get(first_chunk.len() - 2)
            .is_some_and(|w| is_group_label(cx, w));
    let strong = counted || labelled;
    // Even a counted list must read mostly as names: `자금, 창업프로그램`
    // before `기업` is a list of things.
    let names = items
        .iter()
        .filter(|w| is_org_name(cx, cx.text(w.stem)) || is_name_like(cx, w))
        .count();
    // `선박검사, 운항관리 등 … 공공기관`: a list with no name in it, only
    // common nouns, lists things.
    let proper = items.iter().any(|w| {
        w.stem_morphemes(cx)
            .iter()
            .any(|m| matches!(m.pos, Pos::NNP | Pos::SL | Pos::SN | Pos::Unknown))
    });
    let strong = strong && (named >= 1 || proper);
    if !(strong && names * 2 >= items.len() || (named >= 2 && named * 2 >= items.len())) {
        return None;
    }
    let kept: Vec<Span> = items
        .iter()
        .filter(|w| is_item(cx, w, strong))
        .map(|w| w.stem)
        .collect();
    let span = items.first()?.span.cover(last.span);
    (kept.len() >= 2).then_some(OrgList {
        items: kept,
        open,
        span,
    })
}

/// Whether a list item is an organisation: an institution by its form,
/// or (in a list known to hold organisations) a name that is neither a
/// place (`전라남도`) nor a number or unit.
fn is_item(cx: &Analysis<'_>, w: &Word, strong: bool) -> bool {
    let stem = cx.text(w.stem);
    if stem.chars().count() < 2
        || !stem.chars().any(char::is_alphabetic)
        || stem.starts_with(|c: char| c.is_ascii_digit())
        || cx.lexicon.org.not_endings.ending(stem).is_some()
        || cx.lexicon.org.generic_names.contains(stem)
        || is_category(cx, stem)
    {
        return false;
    }
    let morphemes = w.stem_morphemes(cx);
    if !morphemes.is_empty() && morphemes.iter().all(|m| m.class == Class::Place) {
        return false;
    }
    is_org_name(cx, stem) || (strong && is_name_shaped(stem)) || is_name_like(cx, w)
}

/// `전문기관`, `5대 시중은행`: a kind of organisation, not one (a stem that
/// ends with a noun counting organisations and is no name itself).
fn is_category(cx: &Analysis<'_>, stem: &str) -> bool {
    !is_org_name(cx, stem)
        && [
            "기관",
            "기업",
            "단체",
            "업체",
            "회사",
            "사업자",
            "제조사",
            "통신사",
            "은행",
        ]
        .iter()
        .any(|n| stem.ends_with(n))
}

/// Letters, digits and the marks company names use, not too long.
fn is_name_shaped(text: &str) -> bool {
    text.chars().count() <= 20
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '-'))
}

/// `기업인` / `기관인` / `중견기업` before a list: a group label (but not
/// `창업기업에게`, an object with its particle).
fn is_group_label(cx: &Analysis<'_>, w: &Word) -> bool {
    let stem = cx.text(w.stem);
    (stem.ends_with("기업") || stem.ends_with("기관"))
        && (!w.has_particle() || cx.text(w.span).ends_with('인'))
}

/// `12개 기업` / `13개사` / `기업들`: a noun that counts organisations.
fn counts_orgs(cx: &Analysis<'_>, stem: &str) -> bool {
    let noun = stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '개');
    let counted = &cx.lexicon.counted_nouns;
    counted.contains(noun) || noun.strip_suffix('들').is_some_and(|n| counted.contains(n))
}

/// Whether a list item reads as a name (`지멘스`, `SK플래닛`, `MS`) rather
/// than a common noun (`협회`, `조선`): a single common-noun morpheme is
/// not a name.
pub(crate) fn is_name_like(cx: &Analysis<'_>, w: &Word) -> bool {
    if !is_name_shaped(cx.text(w.stem)) {
        return false;
    }
    let morphemes = w.stem_morphemes(cx);
    !(morphemes.len() == 1 && morphemes.iter().all(|m| m.pos == Pos::NNG))
        && morphemes.iter().all(|m| {
            m.pos.is_noun()
                || m.pos == Pos::SL
                || m.pos == Pos::SN
                || m.pos == Pos::Unknown
                || m.pos == Pos::XSN
                || m.pos == Pos::XPN
        })
}

/// Kinds of organisations a release names before a list of them in
/// parentheses (`보훈단체(…)`, `5대 시중은행(…)`).
const KINDS: &[&str] = &[
    "단체",
    "기관",
    "기업",
    "은행",
    "업체",
    "회사",
    "사업자",
    "통신사",
    "제조사",
    "출판사",
    "플랫폼",
];

/// `보훈단체(재일학도의용군, 6‧25참전유공자회, 월남전참전유공자회)`, `5대
/// 시중은행(KB국민, 하나, 신한, 우리, 농협)`: the names in parentheses after
/// a kind of organisation, each item perhaps of words an interpunct joins.
pub(crate) fn bracketed(cx: &Analysis<'_>, seg: Segment<'_>) -> Vec<Span> {
    let ws = cx.words(seg.span);
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let stem = cx.text(w.stem);
        if w.after != Some('(') || !KINDS.iter().any(|k| stem.ends_with(k)) {
            continue;
        }
        let mut items: Vec<Span> = Vec::new();
        let mut start: Option<Span> = None;
        for n in ws.iter().skip(i + 1) {
            let first = *start.get_or_insert(n.span);
            match n.after {
                Some(',' | ')') => {
                    let item = Span::new(first.start, n.stem.end);
                    start = None;
                    if is_name_shaped(&cx.text(item).replace(['‧', '·', 'ㆍ'], "")) {
                        items.push(item);
                    } else {
                        items.clear();
                        break;
                    }
                    if n.after == Some(')') {
                        break;
                    }
                }
                Some('‧' | '·' | 'ㆍ') => {}
                _ => {
                    items.clear();
                    break;
                }
            }
        }
        if items.len() >= 2 {
            out.extend(items);
        }
    }
    out
}

/// A numbered list of organisations: three or more inline list items of
/// one word each, most of them organisation names.
pub(crate) fn numbered(cx: &Analysis<'_>, block: &Block) -> Option<OrgList> {
    let items: Vec<&Block> = block
        .children
        .iter()
        .filter(|c| c.kind == BlockKind::ListItem)
        .collect();
    if items.len() < 3 || items.iter().any(|c| c.text.trim().contains(' ')) {
        return None;
    }
    let stems: Vec<Span> = items
        .iter()
        .filter_map(|c| cx.words(c.span).first().map(|w| w.stem))
        .collect();
    let named = stems
        .iter()
        .filter(|s| is_org_name(cx, cx.text(**s)))
        .count();
    let span = items.first()?.span.cover(items.last()?.span);
    (named * 2 >= stems.len()).then_some(OrgList {
        items: stems,
        open: false,
        span,
    })
}

// `20개 기관`, `12개 기업`, `13개사`: a stated count of organisations.
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<n>\d{1,3})\s*개\s*(?P<noun>[가-힣·]+)").expect("count pattern")
});

/// Checks the counts stated in `block` against the lists beside them:
/// the enumeration right before the count (`A, B 등 20개`), and the first
/// list of the block's children (`* (참여기관) ①… ⑳…`). A list that ends
/// with `등` gives examples and is wrong only when it holds more items
/// than the count; a full list must hold exactly as many.
pub(crate) fn check_counts(
    cx: &Analysis<'_>,
    block: &Block,
    own: &[OrgList],
    child: Option<&OrgList>,
) -> Vec<Warning> {
    let text = cx.text(block.span);
    let mut out = Vec::new();
    for caps in COUNT.captures_iter(text) {
        let (Some(n), Some(noun), Some(all)) = (caps.name("n"), caps.name("noun"), caps.get(0))
        else {
            continue;
        };
        let noun_span = Span::new(
            block.span.start + noun.start(),
            block.span.start + noun.end(),
        );
        let noun_stem = crate::analysis::words::stem(cx, noun_span);
        if !counts_orgs(cx, cx.text(noun_stem)) {
            continue;
        }
        let Ok(n) = n.as_str().parse::<usize>() else {
            continue;
        };
        let at = Span::new(block.span.start + all.start(), noun_stem.end);
        let before = own
            .iter()
            .rev()
            .find(|l| l.span.end <= at.start && at.start - l.span.end < 40);
        for list in before.into_iter().chain(child) {
            let wrong = if list.open {
                list.items.len() > n
            } else {
                list.items.len() != n
            };
            if wrong {
                out.push(cx.warning(
                    WarningKind::Count,
                    format!(
                        "{} says {n} but {} are listed",
                        cx.text(at),
                        list.items.len()
                    ),
                    at,
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::with_analysis;

    #[test]
    fn counting_nouns() {
        with_analysis("", |cx| {
            for noun in ["기관", "기업들", "12개기업", "13개사", "협단체"] {
                assert!(counts_orgs(cx, noun), "{noun}");
            }
            for noun in ["업종", "기업인식", "명"] {
                assert!(!counts_orgs(cx, noun), "{noun}");
            }
        });
    }

    #[test]
    fn a_list_of_things_is_not_a_list_of_organisations() {
        let text = "창업기업에게 자금, 창업프로그램 지원";
        let lists = with_analysis(text, |cx| {
            cx.segments()
                .iter()
                .flat_map(|s| enumerations(cx, *s))
                .count()
        });
        assert_eq!(lists, 0);
    }
}
