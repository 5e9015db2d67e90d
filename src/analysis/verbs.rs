//! Verbs of taking place (개최, 열리다, 갖다, 진행, 체결, 출범 …), read from
//! morphemes: they tell that a named event is held, and that a place
//! before `에서` is where something is held. Shared by the event and the
//! venue recognisers.

use super::Analysis;
use crate::morph::{Morpheme, Pos};

/// Whether an event verb (개최, 열리다, 갖다, 진행, 체결, 출범, 참석 …)
/// comes in the rest of the sentence.
pub(crate) fn event_follows(cx: &Analysis<'_>, after: &[Morpheme]) -> bool {
    for m in after.iter().take_while(|m| m.pos != Pos::SF).take(30) {
        if is_event_verb(cx, m) {
            return true;
        }
        // A clause ends (`소장하고`, `밝혔다`): what follows is not about
        // this place.
        if matches!(m.last_pos, Pos::EC | Pos::EF) {
            return false;
        }
    }
    false
}

/// 개최, 진행, 체결, 출범, 개막, 참석 (nouns made verbs), and the verbs
/// 열다/열리다, 갖다/가지다.
pub(crate) fn is_event_verb(cx: &Analysis<'_>, m: &Morpheme) -> bool {
    let text = cx.text(m.span);
    match m.pos {
        Pos::NNG => matches!(
            text,
            "개최" | "진행" | "체결" | "출범" | "개막" | "참석" | "개소" | "공개"
        ),
        Pos::VV => ["열", "갖", "가지", "가졌", "가진"]
            .iter()
            .any(|v| text.starts_with(v)),
        _ => false,
    }
}
