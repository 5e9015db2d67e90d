//! Contact rows: flattened table rows whose cells end in a phone or an
//! e-mail, such as
//!
//! ```text
//! 담당 부서 | 기획조정실 | 책임자 | 과  장 | 허경민 | (044-201-3238)
//! <총괄> | 재정담당관 | 담당자 | 서기관 | 전  진 | (044-201-3240)
//!  |  | 서기관 | 배윤형 | (044-201-3239)
//! ```
//!
//! Cells are read by their place relative to the phone cell: the name
//! stands just before it, the title before the name, the role
//! (책임자/담당자) before the title and the department before the role.
//! A row without a department takes the one of the row above.

use std::sync::LazyLock;

use regex::Regex;

use super::{EMAIL, PHONE, compact, contact, email_value, inline, is_name, is_title, phones_in};
use crate::Span;
use crate::analysis::Analysis;
use crate::document::{Block, Contact, Snippet};

/// What the rows above left for the rows below.
#[derive(Debug, Default)]
pub(super) struct Carry {
    department: Option<String>,
}

/// Reads one row into `out`; returns whether the row held any contact.
pub(super) fn read(
    cx: &Analysis<'_>,
    block: &Block,
    carry: &mut Carry,
    out: &mut Vec<Contact>,
) -> bool {
    let cells = &block.cells;
    let Some((head, reach)) = split(cx, cells) else {
        // `기업금융과(044-204-7524)` inside a cell of some other table.
        let before = out.len();
        for cell in cells {
            inline::phones(cx, cell.span, out);
        }
        return out.len() > before;
    };
    let head = &head[..];
    let who = Who::read(cx, head);
    let department = who.department.clone().or_else(|| carry.department.clone());
    carry.department.clone_from(&department);
    let phones: Vec<String> = reach
        .iter()
        .flat_map(|c| phones_in(c).into_iter().map(|(_, phone)| phone))
        .collect();
    let emails: Vec<String> = reach
        .iter()
        .flat_map(|c| EMAIL.find_iter(c).map(|m| email_value(m.as_str())))
        .collect();
    let people = who.people(phones.len().max(emails.len()));
    for (i, (title, name)) in people.iter().enumerate() {
        let mut c = contact(cx, block.span);
        c.department.clone_from(&department);
        c.title.clone_from(title);
        c.name.clone_from(name);
        c.phone = phones.get(i).or(phones.first()).cloned();
        c.email = emails.get(i).or(emails.first()).cloned();
        out.push(c);
    }
    // More numbers than people (`7074, 7076, 7080`): the rest are the
    // row's too.
    for extra in phones.iter().skip(people.len().max(1)) {
        let mut c = contact(cx, block.span);
        c.department.clone_from(&department);
        c.phone = Some(extra.clone());
        out.push(c);
    }
    true
}

/// Splits a row into the cells before its phones and the texts holding
/// the phones: `… | 과장 | 허경민 | (044-…)`, or, with the name and the
/// phone in one cell after a title, `… | 과장 | 이형석 (044-…)`.
fn split<'c>(cx: &Analysis<'_>, cells: &'c [Snippet]) -> Option<(Vec<Snippet>, Vec<&'c str>)> {
    if let Some(first) = cells.iter().position(|c| is_reach(&c.text)) {
        let head = cells.get(..first).unwrap_or_default().to_vec();
        let reach = cells
            .iter()
            .skip(first)
            .take_while(|c| is_reach(&c.text))
            .map(|c| c.text.as_str())
            .collect();
        return Some((head, reach));
    }
    cells.iter().enumerate().find_map(|(i, cell)| {
        let at = PHONE
            .find(&cell.text)
            .or_else(|| EMAIL.find(&cell.text))?
            .start();
        let name = cell
            .text
            .get(..at)?
            .trim_end_matches(|c: char| c.is_whitespace() || "(☎".contains(c));
        let titled = i > 0
            && cells
                .get(i - 1)
                .is_some_and(|t| is_title(cx, &compact(&t.text)) || is_role(&t.text));
        let rest = cell.text.get(at..)?;
        if !(titled && is_name(&compact(name)) && is_reach(rest)) {
            return None;
        }
        let mut head = cells.get(..i).unwrap_or_default().to_vec();
        head.push(
            cx.source
                .snippet(Span::new(cell.span.start, cell.span.start + name.len())),
        );
        Some((head, vec![rest]))
    })
}

/// Whether a cell holds only phones or e-mails (with brackets, commas,
/// extension digits).
fn is_reach(text: &str) -> bool {
    if !PHONE.is_match(text) && !EMAIL.is_match(text) {
        return false;
    }
    let rest = EMAIL.replace_all(text, "");
    let rest = PHONE.replace_all(&rest, "");
    rest.chars()
        .all(|c| c.is_whitespace() || c.is_ascii_digit() || "()[],~/☎☏".contains(c))
}

/// The labels and group tags a department cell may open with:
/// `담당 부서 <총괄> `, `<협조> `, `문의처 `.
static LABEL_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:담당\s*(?:부\s*서|기\s*관|과)|문의\s*(?:내용|처)?|연락처|부\s*서)(?:\s|$))?\s*(?:[<〈＜][^>〉＞]*[>〉＞]\s*)*")
        .expect("label pattern")
});

/// The department a cell names, without a label or group tag before it
/// (`<총괄> 재정담당관` is `재정담당관`), or `None` for a bare label.
fn department_of(text: &str) -> Option<String> {
    let head = LABEL_HEAD.find(text).map_or(0, |m| m.end());
    let rest = text.get(head..)?.trim();
    (!rest.is_empty()).then(|| rest.to_string())
}

/// `책임자`, `담당자`: the role column.
fn is_role(text: &str) -> bool {
    matches!(compact(text).as_str(), "책임자" | "담당자")
}

/// The person side of a row: department, title and name cells.
struct Who {
    department: Option<String>,
    title: Option<String>,
    name: Option<String>,
}

impl Who {
    /// Reads the cells before the phone: `[dept] [role] title name`.
    fn read(cx: &Analysis<'_>, head: &[Snippet]) -> Who {
        let role = head.iter().rposition(|c| is_role(&c.text));
        let tail = role.map_or(head, |r| head.get(r + 1..).unwrap_or_default());
        let n = tail.len();
        let titled = n >= 2
            && tail
                .get(n - 2)
                .is_some_and(|t| role.is_some() || is_title(cx, &compact(&t.text)));
        let (title, name, rest) = if titled {
            (
                tail.get(n - 2),
                tail.get(n - 1),
                tail.get(..n - 2).unwrap_or_default(),
            )
        } else if role.is_some() && tail.last().is_some_and(|c| is_name(&compact(&c.text))) {
            (None, tail.last(), tail.get(..n - 1).unwrap_or_default())
        } else {
            (None, None, tail)
        };
        let before = match role {
            Some(r) => head.get(..r).unwrap_or_default(),
            None => rest,
        };
        let department = before
            .iter()
            .rev()
            .filter(|c| !is_role(&c.text))
            .find_map(|c| department_of(&c.text));
        Who {
            department,
            title: title.map(|t| t.text.trim().to_string()),
            name: name.map(|t| t.text.trim().to_string()),
        }
    }

    /// One (title, name) per person: a cell listing several names
    /// (`김주봉 이현민 박정영`) beside as many phones gives one each; a
    /// spaced name (`이 형 석`, `전  진`) is one name.
    fn people(&self, reaches: usize) -> Vec<(Option<String>, Option<String>)> {
        let names: Vec<&str> = self
            .name
            .as_deref()
            .map(|n| n.split_whitespace().collect())
            .unwrap_or_default();
        let titles: Vec<&str> = self
            .title
            .as_deref()
            .map(|t| t.split_whitespace().collect())
            .unwrap_or_default();
        let several = reaches > 1 && names.len() == reaches && names.iter().all(|n| is_name(n));
        if several {
            let titles_match = titles.len() == reaches;
            return names
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let title = if titles_match {
                        titles.get(i).map(|t| t.to_string())
                    } else {
                        self.title.as_deref().map(compact)
                    };
                    (title, Some(n.to_string()))
                })
                .collect();
        }
        vec![(
            self.title.as_deref().map(compact),
            self.name.as_deref().map(compact),
        )]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells() {
        assert!(is_reach("(044-203-4321)"));
        assert!(is_reach("02-3017-7074, 7076, 7080"));
        assert!(is_reach("(daae0517@korea.kr)"));
        assert!(!is_reach("기업금융과(044-204-7524)"));
        // A cell of only labels and group tags names no department.
        assert!(department_of("담당 부서 <총괄>").is_none());
        assert!(department_of("<총괄>").is_none());
        assert!(department_of("기획조정실").is_some());
        assert_eq!(
            department_of("<총괄> 재정담당관").as_deref(),
            Some("재정담당관")
        );
        assert_eq!(
            department_of("담당 부서 기획조정실").as_deref(),
            Some("기획조정실")
        );
        assert_eq!(department_of("담당기관 <협조>"), None);
        assert!(is_role("책 임 자"));
    }
}
