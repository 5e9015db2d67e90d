//! Recognises organisations and the issuer.
//!
//! A word is an organisation when its stem (particles cut off by
//! morphology) ends like an institution (`…위원회`, `…협회`, `…부`), is a
//! known short form (`산업부`), a name the release defines (`이하 “…”`), or
//! an item of a list of organisations (`지멘스, MS, 네이버 등 12개 기업`).
//! Mentions are then grouped under one canonical name: defined aliases
//! first, then the table of short forms, then the `한국`/`대한`/`국립`
//! prefix a second mention may drop.

mod issuer;
mod lists;

use std::collections::{HashMap, HashSet};

use crate::Span;
use crate::analysis::definitions::Definition;
use crate::analysis::words::Word;
use crate::analysis::{Analysis, Segment};
use crate::document::{Issuer, Organization, Warning};

/// What the organisation recogniser finds.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub(crate) organizations: Vec<Organization>,
    /// The issuer's name and alias; its head is joined in by the link step.
    pub(crate) issuer: Option<Issuer>,
    /// Stated counts that differ from the lists beside them.
    pub(crate) warnings: Vec<Warning>,
}

/// The document's organisations, its issuer and the count warnings of its
/// lists of organisations.
pub(crate) fn recognise(cx: &Analysis<'_>) -> Found {
    let segs = cx.segments();
    let defs = cx.definitions();
    let (listed, warnings) = lists_and_counts(cx, segs);
    let mentions = mentions(cx, segs, defs, &listed);
    let organizations = cluster(cx, &mentions, defs);
    let issuer = issuer::find(cx, &organizations, defs);
    Found {
        organizations,
        issuer,
        warnings,
    }
}

/// Whether `stem` names an institution by its form or by the tables.
pub(crate) fn is_org_name(cx: &Analysis<'_>, stem: &str) -> bool {
    cx.lexicon.is_org_name(stem)
}

/// The stems of every list item that is an organisation, and the warnings
/// of counts that differ from their lists.
fn lists_and_counts(cx: &Analysis<'_>, segs: &[Segment<'_>]) -> (HashSet<Span>, Vec<Warning>) {
    let mut listed = HashSet::new();
    let mut warnings = Vec::new();
    let mut by_block: HashMap<Span, Vec<lists::OrgList>> = HashMap::new();
    let mut numbered_done = HashSet::new();
    for seg in segs {
        let mut found = lists::enumerations(cx, *seg);
        // A block with inline items has one segment per item: read its
        // numbered list once, not once per segment.
        if numbered_done.insert(seg.block.span) {
            found.extend(lists::numbered(cx, seg.block));
        }
        for list in &found {
            listed.extend(list.items.iter().copied());
        }
        by_block.entry(seg.block.span).or_default().extend(found);
    }
    let mut seen = HashSet::new();
    for seg in segs {
        if !seen.insert(seg.block.span) {
            continue;
        }
        let own = by_block.get(&seg.block.span).cloned().unwrap_or_default();
        let child = seg
            .block
            .children
            .iter()
            .filter(|c| !seg.block.span.contains(c.span))
            .find_map(|c| by_block.get(&c.span).and_then(|l| l.first()));
        warnings.extend(lists::check_counts(cx, seg.block, &own, child));
    }
    (listed, warnings)
}

/// Every mention, in document order: stems of words that are
/// organisations, defined aliases, and list items.
fn mentions(
    cx: &Analysis<'_>,
    segs: &[Segment<'_>],
    defs: &[Definition],
    listed: &HashSet<Span>,
) -> Vec<Span> {
    let defined: HashSet<&str> = defs.iter().filter_map(|d| d.alias.as_deref()).collect();
    let mut out: Vec<Span> = Vec::new();
    for seg in segs {
        for w in cx.words(seg.span).iter() {
            if is_group_label(cx, w) {
                continue;
            }
            let stem = cx.text(w.stem);
            if let Some(span) = org_span(cx, w) {
                out.push(span);
            } else if defined.contains(cx.text(w.span)) {
                out.push(w.span);
            } else if defined.contains(stem) || listed.contains(&w.stem) {
                out.push(w.stem);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Where a word names an institution: its stem, or else the whole word
/// when that is a name as written (morphology may read the final `실` of
/// `국무조정실` as an ending).
pub(crate) fn org_span(cx: &Analysis<'_>, w: &Word) -> Option<Span> {
    if is_org_name(cx, cx.text(w.stem)) {
        Some(w.stem)
    } else {
        is_org_name(cx, cx.text(w.span)).then_some(w.span)
    }
}

/// `(정부)`, `(국회)`: the label of a group of attendees, not a mention.
pub(crate) fn is_group_label(cx: &Analysis<'_>, w: &Word) -> bool {
    w.before == Some('(')
        && w.after == Some(')')
        && cx.lexicon.attendee_groups.contains(cx.text(w.span))
}

/// The canonical name of a mention: the full name of a defined alias, of
/// a short form the table knows (the full name the release writes, if it
/// writes one), or of a name with its `한국` prefix dropped.
fn canonical(
    cx: &Analysis<'_>,
    text: &str,
    defs: &[Definition],
    written: &HashSet<&str>,
) -> String {
    if let Some(def) = defs.iter().find(|d| d.alias.as_deref() == Some(text)) {
        return def.full.clone();
    }
    if let Some(fulls) = cx.lexicon.short_form(text) {
        let full = fulls
            .iter()
            .find(|f| written.contains(**f))
            .or(fulls.first());
        return full.map_or(text, |f| f).to_string();
    }
    cx.lexicon
        .org_prefixes
        .iter()
        .map(|p| format!("{p}{text}"))
        .find(|full| written.contains(full.as_str()))
        .unwrap_or_else(|| text.to_string())
}

/// Groups mentions under their canonical names, in order of first
/// mention.
fn cluster(cx: &Analysis<'_>, mentions: &[Span], defs: &[Definition]) -> Vec<Organization> {
    let written: HashSet<&str> = mentions.iter().map(|m| cx.text(*m)).collect();
    let mut out: Vec<Organization> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for &m in mentions {
        let text = cx.text(m);
        let name = canonical(cx, text, defs, &written);
        let at = *index.entry(name.clone()).or_insert_with(|| {
            out.push(Organization {
                name: name.clone(),
                aliases: Vec::new(),
                mentions: Vec::new(),
                id: 0,
            });
            out.len() - 1
        });
        let Some(org) = out.get_mut(at) else { continue };
        if text != name && !org.aliases.iter().any(|a| a == text) {
            org.aliases.push(text.to_string());
        }
        org.mentions.push(cx.source.snippet(m));
    }
    out
}

/// The canonical name of an organisation written `text` in `doc`.
pub(crate) fn canonical_in(organizations: &[Organization], text: &str) -> Option<String> {
    organizations
        .iter()
        .find(|o| o.name == text || o.aliases.iter().any(|a| a == text))
        .map(|o| o.name.clone())
}
