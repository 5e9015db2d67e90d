//! Events filled from their fields: event boxes (`【 「…」 개요 】`,
//! `[행사 개요]`) and notes or items under a sentence
//! (`* 일시/장소 : …`, `▸ (일시 및 장소) …`, `ㅇ 주최: …`).
//!
//! The fields of one parent block make one group. Its event is named by
//! the parent (a quoted name, or `X 개요` with X ending in an event noun),
//! or is the event the parent sentence names.

use super::{Found, Scope, event};
use crate::Span;
use crate::analysis::Analysis;
use crate::analysis::fields::{Field, Label};
use crate::document::{Block, BlockKind};

/// A parent block with the fields found under it.
struct Group<'d> {
    /// The block the fields hang under (or that holds them inline).
    parent: &'d Block,
    /// Blocks that may name the event when the parent does not: the
    /// block before inline fields, then the ancestors, nearest first.
    headings: Vec<&'d Block>,
    fields: Vec<Field>,
    /// Where the fields and their own sub-lines are.
    spans: Vec<Span>,
}

/// One event per group of fields that names or joins an event.
pub(super) fn groups(cx: &Analysis<'_>, found: &[Found]) -> Vec<Found> {
    let mut groups = Vec::new();
    collect(cx, cx.blocks, &mut Vec::new(), &mut groups);
    groups
        .into_iter()
        .filter(|g| g.fields.iter().any(|f| f.label != Label::Attendees))
        .filter_map(|g| read(cx, &g, found))
        .collect()
}

/// Walks the tree collecting, per parent, the fields of its children
/// (and of itself, for fields written inline one after another).
fn collect<'d>(
    cx: &Analysis<'_>,
    blocks: &'d [Block],
    ancestors: &mut Vec<&'d Block>,
    out: &mut Vec<Group<'d>>,
) {
    let mut previous: Option<&'d Block> = None;
    for block in blocks {
        if block.kind == BlockKind::Contact {
            previous = Some(block);
            continue;
        }
        let fields: Vec<Field> = cx
            .fields()
            .iter()
            .filter(|f| f.block == block.span)
            .copied()
            .collect();
        if !fields.is_empty() {
            let above = ancestors.iter().rev().copied();
            let (owner, headings): (&Block, Vec<&Block>) = match ancestors.last() {
                Some(p) if fields.len() < 2 || block.kind != BlockKind::Paragraph => {
                    (p, above.skip(1).collect())
                }
                _ => (block, previous.into_iter().chain(above).collect()),
            };
            let spans = vec![block.span.cover(last_descendant(block))];
            match out.iter_mut().find(|g| std::ptr::eq(g.parent, owner)) {
                Some(g) => {
                    g.fields.extend(fields);
                    g.spans.extend(spans);
                }
                None => out.push(Group {
                    parent: owner,
                    headings,
                    fields,
                    spans,
                }),
            }
        }
        ancestors.push(block);
        collect(cx, &block.children, ancestors, out);
        ancestors.pop();
        previous = Some(block);
    }
}

/// The end of a block's last descendant, so that `참석자 :` keeps the
/// lines under it.
fn last_descendant(block: &Block) -> Span {
    block.children.last().map_or(block.span, last_descendant)
}

/// The event of one group: named by the parent or its heading, or the
/// event the parent sentence names.
fn read(cx: &Analysis<'_>, g: &Group<'_>, found: &[Found]) -> Option<Found> {
    let named = name_in(cx, g.parent).or_else(|| g.headings.iter().find_map(|h| name_in(cx, h)));
    let (span, name) = match named {
        Some(n) => n,
        None => {
            // The sentence the fields hang under, or else the last event
            // named before a box of its own (`[행사 개요]`).
            let joined = found
                .iter()
                .find(|f| g.parent.span.contains(f.event.mention.span))
                .or_else(|| {
                    found
                        .iter()
                        .rev()
                        .find(|f| f.event.mention.span.end <= g.parent.span.start)
                })?;
            (joined.event.mention.span, joined.event.name.clone())
        }
    };
    let mut e = event(cx, span, name);
    e.hosts = hosts(cx, g);
    Some(Found {
        event: e,
        from_fields: true,
        scopes: vec![Scope {
            when: spans_of(g, &[Label::When, Label::WhenPlace]),
            near: usize::MAX,
            place: spans_of(g, &[Label::Place, Label::WhenPlace]),
            attendees: g.spans.clone(),
        }],
    })
}

/// The value spans of the fields with one of `labels`.
fn spans_of(g: &Group<'_>, labels: &[Label]) -> Vec<Span> {
    g.fields
        .iter()
        .filter(|f| labels.contains(&f.label))
        .map(|f| f.value)
        .collect()
}

/// `주최: 한국산업지능화협회(김태환 회장)`: each host of the 주최/주관
/// fields, without the bracket after it.
fn hosts(cx: &Analysis<'_>, g: &Group<'_>) -> Vec<String> {
    g.fields
        .iter()
        .filter(|f| matches!(f.label, Label::Host | Label::Organiser))
        .flat_map(|f| split_hosts(cx.text(f.value)))
        .collect()
}

/// Splits a host list at commas outside brackets, leaving the brackets
/// (`(김태환 회장)`) out.
fn split_hosts(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    for c in value.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' | '、' if depth == 0 => {
                out.push(std::mem::take(&mut current));
                continue;
            }
            _ if depth == 0 => current.push(c),
            _ => {}
        }
    }
    out.push(current);
    out.into_iter()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .collect()
}

/// The event a heading names: a quoted name (`【 「…」 개요 】`), or the
/// heading without `개요` and brackets when it ends in an event noun
/// (`전력 거버넌스 포럼 개요`).
fn name_in(cx: &Analysis<'_>, block: &Block) -> Option<(Span, String)> {
    let text = cx.text(block.span);
    let heading = block.kind == BlockKind::Box || text.contains("개요");
    for (open, close) in [
        ('「', '」'),
        ('｢', '｣'),
        ('『', '』'),
        ('‘', '’'),
        ('“', '”'),
    ] {
        if let (true, Some(a), Some(b)) = (heading, text.find(open), text.rfind(close)) {
            let inner = Span::new(block.span.start + a + open.len_utf8(), block.span.start + b);
            if b > a && !cx.text(inner).trim().is_empty() {
                return Some((inner, cx.text(inner).trim().to_string()));
            }
        }
    }
    let at = text.find("개요")?;
    // `붙임1 |  | 전력 거버넌스 포럼 개요`: the cell that holds it.
    let cell = text.get(..at)?.rfind('|').map_or(0, |i| i + 1);
    let head = text.get(cell..at)?;
    let trimmed = head
        .trim_start_matches(|c: char| c.is_whitespace() || "【[<〈(".contains(c))
        .trim_end();
    let generic = ["행사", "운영", "방문", "사업", "회의", "현장방문"].contains(&trimmed);
    if generic || cx.lexicon.event_nouns.ending(trimmed).is_none() {
        return None;
    }
    let start = block.span.start
        + cell
        + (head.len()
            - head
                .trim_start_matches(|c: char| c.is_whitespace() || "【[<〈(".contains(c))
                .len());
    let span = Span::new(start, start + trimmed.len());
    Some((span, trimmed.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_split_on_commas_outside_brackets() {
        assert_eq!(
            split_hosts("한국산업지능화협회(김태환 회장), 코트라"),
            ["한국산업지능화협회", "코트라"]
        );
        assert_eq!(split_hosts("A(가, 나)"), ["A"]);
    }
}
