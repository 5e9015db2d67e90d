//! Organisations known by name: the gazetteers of the state, the local
//! governments, public institutions, universities, international bodies,
//! companies and the rest, each a data file of this directory.
//!
//! A gazetteer is a prior, not the recogniser: the organisation recogniser
//! finds most names by their form, and asks the gazetteer for names with
//! no telling ending (`한국수력원자력`, `네이버`), for the short forms a
//! release writes (`산업부`, `전남도`, `광운대`), and for the full name a
//! short form stands for.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use super::{WordSet, items, rows};

/// What kind of body a known organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrgKind {
    /// A ministry, agency or commission of the central government.
    State,
    /// A metropolitan government (`서울특별시`, `전라남도`).
    Metro,
    /// A basic local government (`나주시`, `강진군`, `서구`).
    Local,
    /// A public institution, association, university or anything else.
    Other,
    /// A company or business group.
    Company,
}

/// One organisation the lexicon knows by name.
#[derive(Debug, Clone)]
pub(crate) struct KnownOrg {
    /// Its name as the gazetteer writes it.
    pub(crate) name: String,
    pub(crate) kind: OrgKind,
}

/// The gazetteers, indexed by every form of every name.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    orgs: Vec<KnownOrg>,
    /// Organisations by their other forms, in gazetteer order.
    by_form: HashMap<String, Vec<usize>>,
    /// Organisations by their full names.
    by_name: HashMap<String, usize>,
    /// Bare region names (`전남`, `서울`) and the metropolitan government
    /// each names in a list of governments.
    bare_regions: HashMap<String, usize>,
    /// Metropolitan governments written before a local one (`전라남도
    /// 나주시`, `대전광역시 서구`).
    provinces: WordSet,
    /// Countries: places, never organisations by themselves.
    pub(crate) countries: WordSet,
}

/// The key a form is indexed under: spaces do not count (`LG CNS`).
/// `form` without its spaces, borrowed when it has none (every word of
/// every release is looked up).
fn key(form: &str) -> Cow<'_, str> {
    if form.contains(char::is_whitespace) {
        Cow::Owned(form.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(form)
    }
}

impl Gazetteer {
    /// The gazetteers compiled into the crate.
    pub(crate) fn embedded() -> Gazetteer {
        let mut g = Gazetteer::default();
        g.add_file(include_str!("gov_central.tsv"), OrgKind::State);
        g.add_metros(include_str!("gov_metro.tsv"));
        g.add_locals(include_str!("gov_local.tsv"));
        g.add_file(include_str!("public_institutions.tsv"), OrgKind::Other);
        g.add_file(include_str!("universities.tsv"), OrgKind::Other);
        g.add_file(include_str!("international.tsv"), OrgKind::Other);
        g.add_file(include_str!("companies.tsv"), OrgKind::Company);
        g.add_file(include_str!("organizations.tsv"), OrgKind::Other);
        for row in rows(include_str!("countries.tsv")) {
            if let Some(country) = row.first() {
                g.countries.insert(country);
            }
        }
        g
    }

    /// Rows of `name <TAB> forms <TAB> former names`.
    fn add_file(&mut self, data: &'static str, kind: OrgKind) {
        for row in rows(data) {
            let Some(name) = row.first() else { continue };
            let forms: Vec<&str> = items(row.get(1)).collect();
            let former: Vec<&str> = items(row.get(2)).collect();
            self.add(name, &forms, &former, kind);
        }
    }

    /// Adds a known organisation, its other forms and its former names
    /// (each former name an organisation of its own with the same forms).
    pub(crate) fn add(&mut self, name: &str, forms: &[&str], former: &[&str], kind: OrgKind) {
        for full in std::iter::once(name).chain(former.iter().copied()) {
            let index = self.push(full, kind);
            for form in forms.iter().filter(|f| key(f) != key(full)) {
                self.add_form(form, index);
            }
        }
    }

    /// Adds an organisation by its full name, or finds it when known.
    fn push(&mut self, name: &str, kind: OrgKind) -> usize {
        if let Some(&at) = self.by_name.get(key(name).as_ref()) {
            return at;
        }
        let index = self.orgs.len();
        self.orgs.push(KnownOrg {
            name: name.to_string(),
            kind,
        });
        self.by_name.insert(key(name).into_owned(), index);
        index
    }

    fn add_form(&mut self, form: &str, index: usize) {
        let rows = self.by_form.entry(key(form).into_owned()).or_default();
        if !rows.contains(&index) {
            rows.push(index);
        }
    }

    /// Metropolitan governments with their halls, councils and education
    /// offices: `서울특별시` (`서울시`, `서울시청`), `서울특별시의회`
    /// (`서울시의회`), `서울특별시교육청` (`서울시교육청`, `서울교육청`).
    fn add_metros(&mut self, data: &'static str) {
        for row in rows(data) {
            let Some(name) = row.first() else { continue };
            let short: Vec<&str> = items(row.get(1)).collect();
            let bare: Vec<&str> = items(row.get(2)).collect();
            let former: Vec<&str> = items(row.get(3)).collect();
            let names: Vec<&str> = std::iter::once(*name)
                .chain(former.iter().copied())
                .collect();
            let index = self.push(name, OrgKind::Metro);
            for full in &names {
                self.provinces.insert(full);
                let at = self.push(full, OrgKind::Metro);
                for form in short.iter().chain(std::iter::once(full)) {
                    if key(form) != key(full) {
                        self.add_form(form, at);
                    }
                    self.add_form(&format!("{form}청"), at);
                }
            }
            let council = self.push(&format!("{name}의회"), OrgKind::Metro);
            let office = self.push(&format!("{name}교육청"), OrgKind::Metro);
            for form in short.iter().chain(former.iter()) {
                self.add_form(&format!("{form}의회"), council);
                self.add_form(&format!("{form}교육청"), office);
            }
            for form in &bare {
                self.bare_regions.insert(form.to_string(), index);
                self.add_form(&format!("{form}교육청"), office);
            }
        }
    }

    /// Basic local governments with their halls (`나주시청`).
    fn add_locals(&mut self, data: &'static str) {
        for row in rows(data) {
            let Some(name) = row.first() else { continue };
            let at = self.push(name, OrgKind::Local);
            self.add_form(&format!("{name}청"), at);
        }
    }

    /// The full names a form stands for, in gazetteer order (not the
    /// name itself).
    pub(crate) fn short_form(&self, form: &str) -> Option<Vec<&str>> {
        let rows = self.by_form.get(key(form).as_ref())?;
        Some(
            rows.iter()
                .filter_map(|&i| self.orgs.get(i).map(|o| o.name.as_str()))
                .collect(),
        )
    }

    /// The organisation whose full name is `name`.
    pub(crate) fn by_name(&self, name: &str) -> Option<&KnownOrg> {
        self.orgs.get(*self.by_name.get(key(name).as_ref())?)
    }

    /// The organisation `text` names, by its full name or another form
    /// (the first listed).
    pub(crate) fn find(&self, text: &str) -> Option<&KnownOrg> {
        self.by_name(text).or_else(|| {
            let at = *self.by_form.get(key(text).as_ref())?.first()?;
            self.orgs.get(at)
        })
    }

    /// Whether `text` is a name or a form of a known organisation.
    pub(crate) fn knows(&self, text: &str) -> bool {
        let k = key(text);
        self.by_name.contains_key(k.as_ref()) || self.by_form.contains_key(k.as_ref())
    }

    /// The metropolitan government a bare region name stands for in a list
    /// of governments (`전남` → `전라남도`).
    pub(crate) fn bare_region(&self, text: &str) -> Option<&str> {
        let at = *self.bare_regions.get(text)?;
        self.orgs.get(at).map(|o| o.name.as_str())
    }

    /// Whether `text` is a metropolitan government's full name (or a former
    /// one), as written before one of its local governments.
    pub(crate) fn is_province(&self, text: &str) -> bool {
        self.provinces.contains(text)
    }

    /// Whether `text` is a local government (`나주시`, `서구`).
    pub(crate) fn is_local(&self, text: &str) -> bool {
        self.by_name(text).is_some_and(|o| o.kind == OrgKind::Local)
    }

    /// Whether `text` is a region: a bare region name, a metropolitan or
    /// local government, or a local government's name without `시`/`군`/`구`
    /// (`담양`, `광주전남`).
    pub(crate) fn is_region(&self, text: &str) -> bool {
        if self.bare_regions.contains_key(text)
            || self
                .find(text)
                .is_some_and(|o| matches!(o.kind, OrgKind::Metro | OrgKind::Local))
        {
            return true;
        }
        let stem_of_local = ["시", "군", "구"]
            .iter()
            .any(|s| self.is_local(&format!("{text}{s}")));
        stem_of_local || self.is_region_pair(text)
    }

    /// `광주전남`, `대전충남`: two bare region names written together.
    fn is_region_pair(&self, text: &str) -> bool {
        let mut cut = text.char_indices().map(|(at, _)| at).skip(1);
        cut.any(|at| {
            let (a, b) = text.split_at(at);
            self.bare_regions.contains_key(a) && self.bare_regions.contains_key(b)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_governments_and_their_forms() {
        let g = Gazetteer::embedded();
        assert_eq!(g.short_form("전남도"), Some(vec!["전라남도"]));
        assert_eq!(g.short_form("전라남도청"), Some(vec!["전라남도"]));
        assert_eq!(g.short_form("광주시교육청"), Some(vec!["광주광역시교육청"]));
        assert_eq!(g.short_form("전남교육청"), Some(vec!["전라남도교육청"]));
        assert_eq!(g.short_form("강진군청"), Some(vec!["강진군"]));
        assert_eq!(
            g.short_form("전북도"),
            Some(vec!["전북특별자치도", "전라북도"])
        );
        assert!(g.is_local("보성군"));
        assert!(g.is_local("서구"));
        assert!(!g.is_local("전남"));
        assert_eq!(g.bare_region("전남"), Some("전라남도"));
        assert!(g.is_province("전라남도"));
        assert!(g.is_region("담양"));
        assert!(g.is_region("광주전남"));
        assert!(!g.is_region("한국"));
    }

    #[test]
    fn renamed_bodies_keep_their_forms() {
        let g = Gazetteer::embedded();
        assert_eq!(
            g.short_form("산업부"),
            Some(vec!["산업통상부", "산업통상자원부"])
        );
        assert!(g.by_name("특허청").is_some());
        assert_eq!(g.short_form("지재처"), Some(vec!["지식재산처", "특허청"]));
        assert_eq!(g.find("JP Morgan").map(|o| o.name.as_str()), Some("JP모건"));
        assert_eq!(g.find("JPMorgan").map(|o| o.name.as_str()), Some("JP모건"));
    }
}
