//! Names a release defines for an organisation: `산업통상자원부(장관:
//! 문승욱, 이하 “산업부”)`, `세계보건기구(World Health Organization, 이하
//! WHO)`, `연방에너지규제위원회(FERC: Federal …)`.

use std::sync::LazyLock;

use regex::Regex;

use super::Analysis;
use crate::Span;

/// A name defined in parentheses right after an organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Definition {
    /// The organisation as written before the parenthesis.
    pub(crate) full: String,
    /// Where it stands.
    pub(crate) full_span: Span,
    /// The short name (`산업부`, `WHO`), if the parenthesis gives one.
    pub(crate) alias: Option<String>,
    /// Whether the parenthesis names the organisation's head
    /// (`장관: 문승욱`, `원장 임진택`).
    pub(crate) names_head: bool,
}

// `기관명(…)`: the word before a parenthesis (a closing quote may sit
// between) and what the parenthesis holds.
static PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<org>[가-힣A-Za-z0-9][가-힣A-Za-z0-9.&]*)[’”'\x22」]?\((?P<inner>[^()\n]{1,160})\)",
    )
    .expect("paren pattern")
});

// `…, 이하 ‘산업부’` / `이하 중기부`: the alias after 이하.
static HEREAFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"이하\s*[‘“'\x22「]?\s*(?P<alias>[^’”'\x22」,)\s]+)").expect("hereafter pattern")
});

// `WHO` / `FERC: Federal …` / `KELI; Korea …`: a Latin acronym opening
// the parenthesis.
static ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<acr>[A-Z][A-Za-z0-9&\-]{1,11})\s*(?:[:;,]|$)").expect("acronym pattern")
});

// `장관: 문승욱` / `장관 김정관` / `이사장 직무대행 권혁태`: a head's title
// and name opening the parenthesis.
static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<title>[가-힣]+)(?:\s+직무대행)?\s*:?\s*[가-힣]{2,4}\s*(?:,|$)")
        .expect("head pattern")
});

/// The definitions in `span`.
pub(crate) fn definitions(cx: &Analysis<'_>, span: Span) -> Vec<Definition> {
    let text = cx.text(span);
    PAREN
        .captures_iter(text)
        .filter_map(|caps| {
            let org = caps.name("org")?;
            let inner = caps.name("inner")?.as_str().trim();
            let alias = HEREAFTER
                .captures(inner)
                .or_else(|| ACRONYM.captures(inner))
                .and_then(|c| c.name("alias").or_else(|| c.name("acr")))
                .map(|m| m.as_str().to_string());
            let names_head = HEAD
                .captures(inner)
                .and_then(|c| c.name("title"))
                .is_some_and(|t| cx.lexicon.is_head_title(t.as_str()));
            let full = org.as_str();
            (cx.lexicon.is_org_name(full) && (alias.is_some() || names_head)).then(|| Definition {
                full: full.to_string(),
                full_span: Span::new(span.start + org.start(), span.start + org.end()),
                alias,
                names_head,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::with_analysis;

    fn defs(text: &str) -> Vec<(String, Option<String>, bool)> {
        with_analysis(text, |cx| {
            definitions(cx, Span::new(0, text.len()))
                .into_iter()
                .map(|d| (d.full, d.alias, d.names_head))
                .collect()
        })
    }

    #[test]
    fn aliases_heads_and_acronyms() {
        assert_eq!(
            defs("산업통상자원부(장관: 문승욱, 이하 “산업부”)는"),
            [("산업통상자원부".into(), Some("산업부".into()), true)]
        );
        assert_eq!(
            defs("건설근로자공제회(이사장 직무대행 권혁태, 이하 ‘공제회’)는"),
            [("건설근로자공제회".into(), Some("공제회".into()), true)]
        );
        assert_eq!(
            defs("세계보건기구(World Health Organization, 이하 WHO)가"),
            [("세계보건기구".into(), Some("WHO".into()), false)]
        );
        assert_eq!(
            defs("연방에너지규제위원회(FERC: Federal Energy Regulatory Commission)가"),
            [("연방에너지규제위원회".into(), Some("FERC".into()), false)]
        );
    }

    #[test]
    fn only_organisations_define_aliases() {
        assert!(defs("추가경정예산(이하 추경예산)이").is_empty());
        assert!(defs("지역사랑 휴가지원(이하 반값 여행)").is_empty());
    }
}
