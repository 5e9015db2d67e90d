//! Recognises contacts: the rows of the contact block at the end of a
//! release (department, 책임자/담당자, title, name, phone, e-mail), and
//! phone numbers given anywhere else (`☎1800-5233 (…센터)`,
//! `…과 홍길동 과장(044-…)에게 연락주시기 바랍니다`, `…과(044-…)` in tables).
//!
//! One [`Contact`] per person or phone. A row's contact quotes the whole
//! row; an inline one quotes the phone mention with the words that name
//! whose phone it is.

mod inline;
mod row;

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;
use crate::analysis::Analysis;
use crate::document::{Block, Contact};

/// `044-203-4321`, `02-3150-2072`, `010-5***-6076` (masked), the area
/// code closed by a bracket as board pages write it (`061) 850-5031`,
/// `061)797-2857`), and the nationwide numbers `15xx`, `16xx`, `18xx`
/// (`1800-5233`; not `1994-2014`, a span of years).
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<phone>\b0\d{1,2}(?:-|\)\s?)[\d*]{3,4}-\d{4}\b|\b1[568]\d{2}-\d{4}\b)")
        .expect("phone pattern")
});

/// `daae0517@korea.kr`, and `kmccvision@ korea.kr` with a stray space.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<email>[A-Za-z0-9._%+-]+@ ?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})")
        .expect("email pattern")
});

/// Short extensions after a number: `061-531-3671 / 3681`,
/// `061-452-6033/6034`, `02-3017-7074, 7076, 7080`.
static EXTENSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[/,]\s*(?P<n>\d{3,4})(?:[^\d\-]|$)").expect("extension pattern")
});

/// A phone written out in full from its number and a short extension:
/// the extension takes the place of the number's last digits.
fn extended(phone: &str, extension: &str) -> String {
    let head = phone.rsplit_once('-').map_or(phone, |(head, _)| head);
    format!("{head}-{extension}")
}

/// The numbers of `text` with their spans: each phone, and the short
/// extensions after it written out in full.
fn phones_in(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    for m in PHONE.find_iter(text) {
        out.push((m.range(), m.as_str().to_string()));
        let mut at = m.end();
        while let Some(c) = text.get(at..).and_then(|rest| EXTENSION.captures(rest)) {
            let (Some(all), Some(n)) = (c.get(0), c.name("n")) else {
                break;
            };
            out.push((
                at + n.start()..at + n.end(),
                extended(m.as_str(), n.as_str()),
            ));
            at += n.end().min(all.end());
        }
    }
    out
}

/// An e-mail address as a value: without the stray spaces of the text.
fn email_value(written: &str) -> String {
    written.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `compact` (a cell or word with its spaces removed) reads as a
/// title: a known title, or a known title with a qualifier before it
/// (`운영부장`, `과장직무대리`).
fn is_title(cx: &Analysis<'_>, compact: &str) -> bool {
    cx.lexicon.is_contact_title(compact)
}

/// Whether `compact` looks like a Korean personal name: two to four
/// Hangul syllables.
fn is_name(compact: &str) -> bool {
    let n = compact.chars().count();
    (2..=4).contains(&n) && compact.chars().all(is_hangul)
}

/// A Hangul syllable.
fn is_hangul(c: char) -> bool {
    ('가'..='힣').contains(&c)
}

/// `text` without any whitespace: the normalised form of `과  장`,
/// `이 형 석`.
fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The contacts of the document.
pub(crate) fn recognise(cx: &Analysis<'_>) -> Vec<Contact> {
    let mut found = Vec::new();
    scan(cx, cx.blocks, &mut row::Carry::default(), &mut found);
    found.sort_by_key(|c: &Contact| c.mention.span);
    found.dedup_by(|a, b| a.mention.span == b.mention.span && a.name == b.name);
    found
}

/// Walks the tree in document order: table rows are read cell by cell,
/// other blocks are searched for phone numbers in their own text.
fn scan(cx: &Analysis<'_>, blocks: &[Block], carry: &mut row::Carry, out: &mut Vec<Contact>) {
    for block in blocks {
        if block.kind == crate::document::BlockKind::Contact {
            *carry = row::Carry::default();
        }
        if block.cells.is_empty() {
            let own = crate::analysis::own_text(block);
            for span in own {
                inline::phones(cx, span, out);
            }
        } else if !row::read(cx, block, carry, out) {
            *carry = row::Carry::default();
        }
        scan(cx, &block.children, carry, out);
    }
}

/// A contact quoting `span`.
fn contact(cx: &Analysis<'_>, span: Span) -> Contact {
    Contact {
        mention: cx.source.snippet(span),
        department: None,
        name: None,
        title: None,
        phone: None,
        email: None,
        person_id: None,
        department_id: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_names() {
        assert!(is_name("이형석"));
        assert!(!is_name("044"));
        assert_eq!(compact("과  장"), "과장");
    }

    #[test]
    fn phones() {
        let hits: Vec<&str> = PHONE
            .find_iter("(044-203-4321) ☎1800-5233 010-5***-6076 2026.4.13")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(hits, ["044-203-4321", "1800-5233", "010-5***-6076"]);
    }
}
