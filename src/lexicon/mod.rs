//! The genre's vocabulary as data: titles, surnames, the endings of
//! institutions' names, known organisations with their short forms, event
//! nouns, place words.
//!
//! Every list is a file beside this module (`*.tsv`, compiled in with
//! `include_str!` so that the crate stays self-contained), each with a
//! header saying what it holds and how it was compiled. Lines starting with
//! `#` are comments; columns are separated by tabs.
//!
//! A [`Lexicon`] is built once per extractor from these files and the
//! user's own entries ([`Vocabulary`](crate::Vocabulary)), and shared by
//! every recogniser through the analysis.

mod gazetteer;
mod orgs;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Arc, LazyLock};

use crate::vocabulary::{Entry, Vocabulary};
pub(crate) use gazetteer::OrgKind;
pub(crate) use orgs::OrgLexicon;

/// What a title is besides a title.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct TitleFlags {
    /// Heads an institution (`장관`, `원장`).
    head: bool,
    /// A title only in a contact block's cells (`담당`).
    contact_only: bool,
}

/// A set of words looked up as whole words or as endings of a word.
#[derive(Debug, Default, Clone)]
pub(crate) struct WordSet {
    words: HashSet<String>,
    /// The longest entry, in chars: endings longer than this need no
    /// lookup.
    max_chars: usize,
    /// The last character of every entry: a word that ends otherwise ends
    /// with no entry, found without hashing its suffixes (most words).
    finals: HashSet<char>,
}

impl WordSet {
    fn insert(&mut self, word: &str) {
        self.max_chars = self.max_chars.max(word.chars().count());
        if let Some(last) = word.chars().next_back() {
            self.finals.insert(last);
        }
        self.words.insert(word.to_string());
    }

    /// Whether `word` is an entry.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Whether `word` may end with an entry: its last character ends one.
    pub(crate) fn may_end(&self, word: &str) -> bool {
        word.chars()
            .next_back()
            .is_some_and(|last| self.finals.contains(&last))
    }

    /// The longest entry `word` ends with (the whole word included).
    pub(crate) fn ending<'w>(&self, word: &'w str) -> Option<&'w str> {
        if !self.may_end(word) {
            return None;
        }
        suffixes(word, self.max_chars).find(|s| self.words.contains(*s))
    }

    /// Whether `word` ends with an entry and is longer than it.
    pub(crate) fn ends_longer(&self, word: &str) -> bool {
        self.may_end(word)
            && suffixes(word, self.max_chars)
                .any(|s| s.len() < word.len() && self.words.contains(s))
    }

    /// The entries, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }
}

/// The suffixes of `word` of at most `max` chars, longest first.
fn suffixes(word: &str, max: usize) -> impl Iterator<Item = &str> {
    let count = word.chars().count();
    word.char_indices()
        .skip(count.saturating_sub(max))
        .map(move |(at, _)| &word[at..])
}

/// The vocabulary of one extractor.
#[derive(Debug)]
pub(crate) struct Lexicon {
    titles: HashMap<String, TitleFlags>,
    title_set: WordSet,
    /// Surnames of one and two syllables.
    surnames: WordSet,
    /// Organisations: the gazetteers and the forms of their names.
    pub(crate) org: OrgLexicon,
    pub(crate) counted_nouns: WordSet,
    pub(crate) attendee_groups: WordSet,
    pub(crate) department_endings: WordSet,
    pub(crate) not_names: WordSet,
    pub(crate) event_nouns: WordSet,
    pub(crate) place_heads: WordSet,
    pub(crate) places: WordSet,
    pub(crate) unit_suffixes: WordSet,
    pub(crate) agent_nouns: WordSet,
}

/// The data rows of a `.tsv` file: comments and blank lines skipped,
/// columns split at tabs.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The first column of every row, as a set.
fn set(data: &'static str) -> WordSet {
    let mut out = WordSet::default();
    for row in rows(data) {
        if let Some(word) = row.first() {
            out.insert(word);
        }
    }
    out
}

/// The comma-separated items of a column.
fn items(column: Option<&&'static str>) -> impl Iterator<Item = &'static str> {
    column
        .copied()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .into_iter()
}

/// The lexicon of the embedded data, built once.
static EMBEDDED: LazyLock<Arc<Lexicon>> = LazyLock::new(|| Arc::new(Lexicon::build(&[])));

impl Lexicon {
    /// The lexicon of the embedded data files and the user's entries.
    pub(crate) fn new(vocabulary: &Vocabulary) -> Arc<Lexicon> {
        if vocabulary.is_empty() {
            Arc::clone(&EMBEDDED)
        } else {
            Arc::new(Lexicon::build(vocabulary.entries()))
        }
    }

    /// The words given to the morphological analyser as a user dictionary
    /// (surface, part of speech): the misreadings of morphology.tsv and the
    /// user's own organisations, places and titles, so that they stay
    /// whole.
    pub(crate) fn morphology_words(vocabulary: &Vocabulary) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = rows(include_str!("morphology.tsv"))
            .filter_map(|r| {
                let pos = match *r.get(1)? {
                    "NNP" => "NNP",
                    _ => "NNG",
                };
                Some((r.first()?.to_string(), pos))
            })
            .collect();
        for entry in vocabulary.entries() {
            match entry {
                Entry::Organization { name, forms } => {
                    out.push((name.clone(), "NNP"));
                    out.extend(forms.iter().map(|f| (f.clone(), "NNP")));
                }
                Entry::Place { name } => out.push((name.clone(), "NNP")),
                Entry::Title { title, .. } => out.push((title.clone(), "NNG")),
            }
        }
        out
    }

    fn build(user: &[Entry]) -> Lexicon {
        let mut titles = HashMap::default();
        let mut title_set = WordSet::default();
        for row in rows(include_str!("titles.tsv")) {
            let Some(title) = row.first() else { continue };
            let flags: Vec<&str> = items(row.get(1)).collect();
            titles.insert(
                title.to_string(),
                TitleFlags {
                    head: flags.contains(&"head"),
                    contact_only: flags.contains(&"contact-only"),
                },
            );
            title_set.insert(title);
        }
        let mut lexicon = Lexicon {
            titles,
            title_set,
            surnames: set(include_str!("surnames.tsv")),
            org: OrgLexicon::embedded(),
            counted_nouns: set(include_str!("counted_nouns.tsv")),
            attendee_groups: set(include_str!("attendee_groups.tsv")),
            department_endings: set(include_str!("department_endings.tsv")),
            not_names: set(include_str!("not_names.tsv")),
            event_nouns: set(include_str!("event_nouns.tsv")),
            place_heads: set(include_str!("place_heads.tsv")),
            places: WordSet::default(),
            unit_suffixes: set(include_str!("unit_suffixes.tsv")),
            agent_nouns: set(include_str!("agent_nouns.tsv")),
        };
        for entry in user {
            lexicon.add_user(entry);
        }
        lexicon
    }

    fn add_user(&mut self, entry: &Entry) {
        match entry {
            Entry::Organization { name, forms } => {
                let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
                self.org.gazetteer.add(name, &forms, &[], OrgKind::Other);
            }
            Entry::Title { title, head } => {
                self.titles.insert(
                    title.clone(),
                    TitleFlags {
                        head: *head,
                        contact_only: false,
                    },
                );
                self.title_set.insert(title);
            }
            Entry::Place { name } => self.places.insert(name),
        }
    }

    /// The longest title that `stem` ends with (`기획조정실장` → `실장`),
    /// outside contact blocks.
    pub(crate) fn title_ending<'s>(&self, stem: &'s str) -> Option<&'s str> {
        suffixes(stem, self.title_set.max_chars)
            .find(|s| self.titles.get(*s).is_some_and(|flags| !flags.contact_only))
    }

    /// Whether `word` is a title as a contact block writes one: a title,
    /// or a title of two syllables or more with a qualifier before it
    /// (`운영부장`, `과장직무대리`).
    pub(crate) fn is_contact_title(&self, word: &str) -> bool {
        let chars = word.chars().count();
        (1..=8).contains(&chars)
            && (self.titles.contains_key(word)
                || suffixes(word, self.title_set.max_chars)
                    .any(|s| s.chars().count() >= 2 && self.titles.contains_key(s)))
    }

    /// Whether `title` heads an institution (`장관`, `원장`).
    pub(crate) fn is_head_title(&self, title: &str) -> bool {
        self.titles.get(title).is_some_and(|f| f.head)
    }

    /// Whether `name` starts with a surname.
    pub(crate) fn starts_with_surname(&self, name: &str) -> bool {
        let mut ends = name.char_indices().map(|(at, c)| at + c.len_utf8());
        ends.by_ref()
            .take(2)
            .any(|end| self.surnames.contains(&name[..end]))
    }

    /// Whether `syllable` alone is a surname (`박 차관`).
    pub(crate) fn is_surname(&self, syllable: &str) -> bool {
        self.surnames.contains(syllable)
    }

    /// Whether `stem` names an organisation by its form or by the
    /// gazetteers (see [`OrgLexicon::is_org_name`]), or is a unit of four
    /// syllables or more (`계통기획처`, `혁신행정담당관`): where another
    /// recogniser expects an organisation (`곽은섭 한국전력 계통기획처 처장`),
    /// a unit is one. Shorter units (`등록과`) read too much like names.
    pub(crate) fn is_org_name(&self, stem: &str) -> bool {
        self.org.is_org_name(stem)
            || (stem.chars().count() >= 4 && self.org.unit_ending(stem).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Arc<Lexicon> {
        Lexicon::new(&Vocabulary::default())
    }

    #[test]
    fn compound_titles_end_in_a_base_title() {
        let lex = lexicon();
        assert_eq!(lex.title_ending("1차관"), Some("차관"));
        assert_eq!(lex.title_ending("기획재정담당관"), Some("담당관"));
        assert_eq!(lex.title_ending("국무조정실장"), Some("실장"));
        assert_eq!(lex.title_ending("광양시장"), Some("시장"));
        assert_eq!(lex.title_ending("기자"), None);
        // `담당` is a title only in a contact block.
        assert_eq!(lex.title_ending("홍보담당"), None);
        assert!(lex.is_contact_title("담당"));
        assert!(lex.is_contact_title("과장직무대리"));
        assert!(!lex.is_contact_title("기획조정실"));
    }

    #[test]
    fn heads_and_surnames() {
        let lex = lexicon();
        assert!(lex.is_head_title("장관"));
        assert!(!lex.is_head_title("사무관"));
        assert!(lex.starts_with_surname("곽은섭"));
        assert!(lex.starts_with_surname("황보관"));
        assert!(!lex.starts_with_surname("쀍쀍"));
    }

    #[test]
    fn short_forms_list_full_names() {
        let lex = lexicon();
        assert_eq!(
            lex.org.gazetteer.short_form("대한상의"),
            Some(vec!["대한상공회의소"])
        );
        assert_eq!(
            lex.org.gazetteer.short_form("산업부"),
            Some(vec!["산업통상부", "산업통상자원부"])
        );
        assert!(lex.org.gazetteer.knows("산업통상자원부"));
        assert!(lex.org.gazetteer.short_form("산업통상자원부").is_none());
        assert!(lex.org.gazetteer.knows("국무조정실"));
    }

    #[test]
    fn endings_are_found_longest_first() {
        let lex = lexicon();
        assert_eq!(
            lex.org.suffixes("한국산업지능화협회").next(),
            Some(("협회", 1))
        );
        assert_eq!(lex.org.suffixes("서울지방보훈청").next(), Some(("청", 2)));
        assert!(lex.org.not_endings.ending("관계부처").is_some());
        assert!(lex.event_nouns.ending("공급기업 연합").is_none());
        assert!(lex.unit_suffixes.ends_longer("자치행정과"));
    }

    #[test]
    fn institutions_are_told_from_common_nouns() {
        let lex = lexicon();
        for name in [
            "산업통상자원부",
            "한국산업지능화협회",
            "조달청",
            "지식재산처",
            "더불어민주당",
            "산업부",
        ] {
            assert!(lex.is_org_name(name), "{name}");
        }
        for word in [
            "정부",
            "관계부처",
            "요청",
            "연락처",
            "협회",
            "유관기구",
            "1인당",
            "대표",
        ] {
            assert!(!lex.is_org_name(word), "{word}");
        }
    }

    #[test]
    fn user_entries_join_the_embedded_ones() {
        let vocabulary = Vocabulary::new()
            .organization("가나다바이오", ["가나바이오"])
            .title("수석연구위원", false)
            .place("가나다홀");
        let lex = Lexicon::new(&vocabulary);
        assert_eq!(
            lex.org.gazetteer.short_form("가나바이오"),
            Some(vec!["가나다바이오"])
        );
        assert!(lex.org.gazetteer.knows("가나다바이오"));
        assert_eq!(lex.title_ending("수석연구위원"), Some("수석연구위원"));
        assert!(lex.places.contains("가나다홀"));
        // The embedded lexicon is untouched.
        assert!(!lexicon().org.gazetteer.knows("가나다바이오"));
    }
}
