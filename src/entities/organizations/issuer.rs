//! The issuer: the ministry or agency that publishes the release.
//!
//! Read, in order of trust, from the head definition of the lead
//! paragraph (`산업통상자원부(장관: 문승욱, 이하 “산업부”)는`), the banner
//! cell (`고용노동부 | 보도자료`), a title that opens with the issuer
//! (`조달청, …`), and the first department of the contact block.

use super::{canonical_in, is_org_name, org_span};
use crate::analysis::Analysis;
use crate::analysis::Segment;
use crate::analysis::definitions::Definition;
use crate::document::{BlockKind, Issuer, Organization};
use crate::lexicon::OrgKind;

/// The issuer, when the release names it.
pub(crate) fn find(
    cx: &Analysis<'_>,
    organizations: &[Organization],
    defs: &[Definition],
) -> Option<Issuer> {
    let name = defs
        .iter()
        .find(|d| d.names_head)
        .map(|d| d.full.clone())
        .or_else(|| first_org_of(cx, BlockKind::Header))
        .or_else(|| first_org_of(cx, BlockKind::Title))
        .or_else(|| lead_subject(cx))
        .or_else(|| first_org_of(cx, BlockKind::Contact))
        .or_else(|| first_government_body(cx))?;
    let name = canonical_in(organizations, &name).unwrap_or(name);
    let alias = defs
        .iter()
        .find(|d| d.full == name && d.alias.is_some())
        .and_then(|d| d.alias.clone());
    Some(Issuer {
        name,
        alias,
        head: None,
        organization_id: None,
    })
}

/// The first word of a block of `kind` that names an organisation, when
/// it opens the block's first cell or clause (`고용노동부 |`, `조달청,`,
/// `담당 부서 | 국무조정실`).
fn first_org_of(cx: &Analysis<'_>, kind: BlockKind) -> Option<String> {
    let title_at = cx
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Title)
        .map_or(usize::MAX, |t| t.span.start);
    cx.segments()
        .iter()
        .filter(|s| s.block.kind == kind)
        .filter(|s| kind != BlockKind::Header || s.span.start < title_at)
        .take(3)
        .find_map(|s| {
            let ws = cx.words(s.span);
            // The contact block opens with labels (`담당 부서 <총괄> |`).
            let reach = if kind == BlockKind::Contact { 6 } else { 1 };
            let (w, span) = ws
                .iter()
                .take(reach)
                .find_map(|w| Some((w, org_span(cx, w)?)))?;
            let opens = kind != BlockKind::Title || matches!(w.after, Some(',') | None);
            opens.then(|| cx.text(span).to_string())
        })
}

/// The organisation that opens the lead paragraph as its topic (`은/는`;
/// a plain subject, `…가 주최한`, is often someone else):
/// `관세청은 13일, …`, `경찰청(국가수사본부)은 …`.
fn lead_subject(cx: &Analysis<'_>) -> Option<String> {
    let body = cx.segments().iter().find(|s| {
        matches!(s.block.kind, BlockKind::Paragraph | BlockKind::Item)
            && s.block.text.chars().any(|c| ('가'..='힣').contains(&c))
    })?;
    let ws = cx.words(body.span);
    let w = ws.first()?;
    let subject = w.after == Some('(') || w.ends_in_jx;
    let span = org_span(cx, w)?;
    subject.then(|| cx.text(span).to_string())
}

/// The first ministry, agency or commission named in the title or the
/// first body block (`2026년 행정안전부 추가경정예산`).
fn first_government_body(cx: &Analysis<'_>) -> Option<String> {
    let body = |s: &&Segment<'_>| !matches!(s.block.kind, BlockKind::Header | BlockKind::Subtitle);
    let mut previous = "";
    for seg in cx.segments().iter().filter(body).take(2) {
        for w in cx.words(seg.span).iter() {
            let stem = cx.text(w.stem);
            // `제157차 EDCF 기금운용위원회`: a numbered session is a meeting
            // the release reports on, not the body that issues it.
            let session = previous.starts_with('제') && previous.ends_with('차');
            // A body of the state the gazetteers know, or a local
            // government named by its hall (`강진군청`; a bare `평창군` is
            // often one of a list, `광주시교육청` another body, `나주시청에서`
            // a venue): not a branch (`전남지부`) nor a body abroad
            // (`가스·전력시장위원회`).
            let state = match cx.lexicon.org.kind(stem) {
                Some(OrgKind::State) => true,
                Some(OrgKind::Metro | OrgKind::Local) => {
                    let hall = ["시청", "군청", "구청", "도청"]
                        .iter()
                        .any(|e| stem.ends_with(e));
                    hall && !cx.text(w.span).ends_with("에서")
                }
                _ => false,
            };
            if !session && is_org_name(cx, stem) && state {
                return Some(stem.to_string());
            }
            if !stem.chars().all(|c| c.is_ascii_alphabetic()) {
                previous = cx.text(w.span);
            }
        }
    }
    None
}
