//! The issuer: the ministry or agency that publishes the release.
//!
//! Read, in order of trust, from the head definition of the lead
//! paragraph (`산업통상자원부(장관: 문승욱, 이하 “산업부”)는`), the banner
//! cell (`고용노동부 | 보도자료`), a title that opens with the issuer
//! (`조달청, …`), and the first department of the contact block.

use super::aliases::Definition;
use super::words::{segments, words};
use super::{canonical_in, is_org_name};
use crate::document::{BlockKind, Document, Issuer};
use crate::entities::Context;

/// The issuer, when the release names it.
pub(crate) fn find(cx: &Context<'_>, doc: &Document, defs: &[Definition]) -> Option<Issuer> {
    let name = defs
        .iter()
        .find(|d| d.names_head)
        .map(|d| d.full.clone())
        .or_else(|| first_org_of(cx, doc, BlockKind::Header))
        .or_else(|| first_org_of(cx, doc, BlockKind::Title))
        .or_else(|| first_org_of(cx, doc, BlockKind::Contact))?;
    let name = canonical_in(doc, &name).unwrap_or(name);
    let alias = defs
        .iter()
        .find(|d| d.full == name && d.alias.is_some())
        .and_then(|d| d.alias.clone());
    Some(Issuer {
        name,
        alias,
        head: None,
    })
}

/// The first word of a block of `kind` that names an organisation, when
/// it opens the block's first cell or clause (`고용노동부 |`, `조달청,`,
/// `담당 부서 | 국무조정실`).
fn first_org_of(cx: &Context<'_>, doc: &Document, kind: BlockKind) -> Option<String> {
    segments(&doc.blocks)
        .into_iter()
        .filter(|s| s.block.kind == kind)
        .take(3)
        .find_map(|s| {
            let ws = words(cx, s.span);
            let first = ws
                .iter()
                .position(|w| !matches!(cx.text(w.stem), "담당" | "부서" | "담당부서"))?;
            let w = ws.get(first)?;
            let stem = cx.text(w.stem);
            let opens = kind != BlockKind::Title || matches!(w.after, Some(',') | None);
            (opens && is_org_name(stem)).then(|| stem.to_string())
        })
}
