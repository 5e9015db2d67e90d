//! The vocabulary of organisations' names: the gazetteers, the endings of
//! institutions, units, companies and branches, and the common words that
//! end like them.

use rustc_hash::FxHashMap as HashMap;

use super::gazetteer::{Gazetteer, OrgKind};
use super::{WordSet, rows, set, suffixes};

/// Everything the lexicon knows about how organisations are named.
#[derive(Debug)]
pub(crate) struct OrgLexicon {
    pub(crate) gazetteer: Gazetteer,
    /// Endings of institutions with the syllables each needs before it.
    suffixes: HashMap<String, usize>,
    suffix_set: WordSet,
    /// Endings of units, with the syllables each needs before it.
    units: HashMap<String, usize>,
    unit_set: WordSet,
    /// Endings of companies, and whether a proper name must stand before.
    companies: HashMap<String, bool>,
    company_set: WordSet,
    pub(crate) not_endings: WordSet,
    /// Kinds of institutions written alone (`저축은행`, `교육청`).
    pub(crate) generic_names: WordSet,
    pub(crate) unit_not_endings: WordSet,
    /// Common words that end like units, excluded only as whole words.
    unit_not_words: WordSet,
    pub(crate) generic_modifiers: WordSet,
    pub(crate) prefixes: Vec<String>,
    pub(crate) branches: WordSet,
}

/// Rows of `ending <TAB> number`.
fn endings(data: &'static str) -> (HashMap<String, usize>, WordSet) {
    let mut map = HashMap::default();
    let mut set = WordSet::default();
    for row in rows(data) {
        let (Some(ending), Some(min)) = (row.first(), row.get(1)) else {
            continue;
        };
        map.insert(ending.to_string(), min.parse().unwrap_or(1));
        set.insert(ending);
    }
    (map, set)
}

/// The rows of unit_not_endings.tsv marked `whole` (or the others).
fn unit_not(whole: bool) -> WordSet {
    let mut out = WordSet::default();
    for row in rows(include_str!("unit_not_endings.tsv")) {
        if let Some(word) = row.first()
            && (row.get(1) == Some(&"whole")) == whole
        {
            out.insert(word);
        }
    }
    out
}

impl OrgLexicon {
    pub(crate) fn embedded() -> OrgLexicon {
        let (suffixes, suffix_set) = endings(include_str!("org_suffixes.tsv"));
        let (units, unit_set) = endings(include_str!("unit_endings.tsv"));
        let mut companies = HashMap::default();
        let mut company_set = WordSet::default();
        for row in rows(include_str!("company_endings.tsv")) {
            let Some(ending) = row.first() else { continue };
            companies.insert(ending.to_string(), row.get(1) == Some(&"yes"));
            company_set.insert(ending);
        }
        OrgLexicon {
            gazetteer: Gazetteer::embedded(),
            suffixes,
            suffix_set,
            units,
            unit_set,
            companies,
            company_set,
            not_endings: set(include_str!("org_not_endings.tsv")),
            generic_names: set(include_str!("org_generic_names.tsv")),
            unit_not_endings: unit_not(false),
            unit_not_words: unit_not(true),
            generic_modifiers: set(include_str!("org_generic_modifiers.tsv")),
            prefixes: rows(include_str!("org_prefixes.tsv"))
                .filter_map(|r| r.first().map(|s| s.to_string()))
                .collect(),
            branches: set(include_str!("org_branches.tsv")),
        }
    }

    /// Every ending of an institution's name that `stem` ends with, longest
    /// first, with the syllables each needs before it.
    pub(crate) fn suffixes<'s>(
        &'s self,
        stem: &'s str,
    ) -> impl Iterator<Item = (&'s str, usize)> + 's {
        suffixes(stem, self.suffix_set.max_chars)
            .filter(move |s| s.len() < stem.len())
            .filter_map(|s| Some((s, *self.suffixes.get(s)?)))
    }

    /// Whether `head` may stand before an ending that needs `min`
    /// syllables: long enough, and not only a generic modifier (`관계`,
    /// `해당`).
    fn head_fits(&self, head: &str, min: usize) -> bool {
        head.chars().count() >= min && !self.generic_modifiers.contains(head)
    }

    /// Whether `stem` is shaped like a name: Hangul, letters, digits and
    /// the marks names use, with some Hangul.
    fn name_shaped(stem: &str) -> bool {
        // `OO군의회`, `○○센터`: a name masked in an example.
        // Syllables and ASCII first: `char::is_alphanumeric` is a table
        // lookup, and every candidate of every word is asked.
        let mut hangul = false;
        for c in stem.chars() {
            if ('가'..='힣').contains(&c) {
                hangul = true;
            } else if !(c.is_ascii_alphanumeric()
                || matches!(c, '.' | '&' | '·' | 'ㆍ' | '‧')
                || (c != '○' && !c.is_ascii() && c.is_alphanumeric()))
            {
                return false;
            }
        }
        hangul && !stem.contains("OO")
    }

    /// Whether `stem` names an institution by its ending.
    pub(crate) fn has_institution_ending(&self, stem: &str) -> bool {
        if !self.suffix_set.may_end(stem)
            || !Self::name_shaped(stem)
            || self.not_endings.ending(stem).is_some()
            || self.generic_names.contains(stem)
        {
            return false;
        }
        self.suffixes(stem).any(|(suffix, min)| {
            let head = &stem[..stem.len() - suffix.len()];
            self.head_fits(head, min)
        })
    }

    /// The unit ending of `stem` (`…과`, `…담당관실`), when it has one after a
    /// head long enough and is no common word that ends so.
    pub(crate) fn unit_ending<'s>(&self, stem: &'s str) -> Option<&'s str> {
        if !self.unit_set.may_end(stem)
            || !Self::name_shaped(stem)
            || stem.chars().any(|c| c.is_ascii_digit())
            || self.unit_not_endings.ending(stem).is_some()
            || self.unit_not_words.contains(stem)
            || self.not_endings.ending(stem).is_some()
            || self.generic_names.contains(stem)
            || self.gazetteer.countries.contains(stem)
        {
            return None;
        }
        suffixes(stem, self.unit_set.max_chars)
            .filter(|s| s.len() < stem.len())
            .find(|s| {
                self.units.get(*s).is_some_and(|&min| {
                    let head = &stem[..stem.len() - s.len()];
                    self.head_fits(head, min)
                })
            })
    }

    /// The company ending of `stem` after a head, and whether that ending
    /// needs a proper name before it.
    pub(crate) fn company_ending<'s>(&self, stem: &'s str) -> Option<(&'s str, bool)> {
        if !self.company_set.may_end(stem)
            || self.not_endings.ending(stem).is_some()
            || self.generic_names.contains(stem)
        {
            return None;
        }
        suffixes(stem, self.company_set.max_chars)
            .filter(|s| s.len() < stem.len())
            .find_map(|s| {
                let proper = *self.companies.get(s)?;
                let head = &stem[..stem.len() - s.len()];
                self.head_fits(head, 1).then_some((s, proper))
            })
    }

    /// The institution ending `stem` ends with, when it is one that kinds of
    /// institutions end with too (`시험센터`, `운영위원회`, `거래은행`): such a
    /// name needs more before its ending than one common noun.
    pub(crate) fn category_ending<'s>(&self, stem: &'s str) -> Option<&'s str> {
        const CATEGORIES: &[&str] = &[
            "센터",
            "위원회",
            "은행",
            "조합",
            "협의회",
            "협의체",
            "병원",
            "청",
            "단",
            "연구소",
            "재단",
            "본부",
        ];
        CATEGORIES
            .iter()
            .find(|e| stem.ends_with(*e) && stem.len() > e.len())
            .map(|e| &stem[stem.len() - e.len()..])
    }

    /// Whether `stem` is a branch of an institution named by its region
    /// (`전남지부`, `담양점`, `광주전남본부`).
    pub(crate) fn is_regional_branch(&self, stem: &str) -> bool {
        suffixes(stem, self.branches.max_chars)
            .filter(|s| s.len() < stem.len() && self.branches.contains(s))
            .any(|s| self.gazetteer.is_region(&stem[..stem.len() - s.len()]))
    }

    /// Whether `stem` names an organisation by the gazetteers or by its
    /// form: a known name or form, a company's legal-form mark, an ending
    /// of an institution, or an ending of a company that needs no proper
    /// name before it.
    pub(crate) fn is_org_name(&self, stem: &str) -> bool {
        if self.gazetteer.knows(stem) {
            return true;
        }
        if stem.starts_with('㈜') || stem.ends_with('㈜') || stem.ends_with("(주)") {
            return stem.chars().count() > 2;
        }
        // Most words end like no institution and no company: told by the
        // last character before anything is hashed.
        if !self.suffix_set.may_end(stem) && !self.company_set.may_end(stem) {
            return false;
        }
        self.has_institution_ending(stem)
            || (Self::name_shaped(stem)
                && self.company_ending(stem).is_some_and(|(_, proper)| !proper))
    }

    /// The kind of the known organisation `text` names, if any.
    pub(crate) fn kind(&self, text: &str) -> Option<OrgKind> {
        self.gazetteer.find(text).map(|o| o.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_need_a_head_and_no_common_word() {
        let lex = OrgLexicon::embedded();
        assert_eq!(lex.unit_ending("자치행정과"), Some("과"));
        assert_eq!(lex.unit_ending("혁신행정담당관"), Some("담당관"));
        assert_eq!(lex.unit_ending("보훈단체협력담당관실"), Some("담당관실"));
        assert_eq!(lex.unit_ending("예산팀"), Some("팀"));
        for word in [
            "분석결과",
            "정책효과",
            "대회의실",
            "중국",
            "개발도상국",
            "장관",
            "과장",
        ] {
            assert_eq!(lex.unit_ending(word), None, "{word}");
        }
    }

    #[test]
    fn companies_by_their_endings() {
        let lex = OrgLexicon::embedded();
        assert!(lex.is_org_name("대덕전자"));
        assert!(lex.is_org_name("SM엔터테인먼트"));
        assert_eq!(lex.company_ending("삼성생명"), Some(("생명", true)));
        assert!(!lex.is_org_name("국민생명"));
    }

    #[test]
    fn branches_are_named_by_region() {
        let lex = OrgLexicon::embedded();
        assert!(lex.is_regional_branch("전남지부"));
        assert!(lex.is_regional_branch("담양지점"));
        assert!(lex.is_regional_branch("광주전남본부"));
        assert!(!lex.is_regional_branch("재난안전관리본부"));
    }
}
