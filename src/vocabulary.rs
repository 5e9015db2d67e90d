//! Words of the user's own, added to bodo's lexicon at setup.

/// Entries a user adds to the lexicon: an agency or a company bodo does not
/// know, a title of their field, a place. They count like the embedded
/// entries (an organisation is found by name and by its other forms, a
/// title makes the name before it a person's) and the morphological
/// analyser keeps them whole.
///
/// # Example
///
/// ```
/// use bodo::{Extractor, Options, Vocabulary};
///
/// let mut options = Options::default();
/// options.vocabulary = Vocabulary::new()
///     .organization("한빛바이오", ["한빛"])
///     .title("수석연구위원", false)
///     .place("한빛홀");
/// let extractor = Extractor::with_options(options)?;
/// let doc = extractor.extract(
///     "제목\n□ 한빛(대표 홍길동)은 협약을 체결했다고 밝혔다.\n",
/// );
/// assert!(doc.organizations.iter().any(|o| o.name == "한빛바이오"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocabulary {
    entries: Vec<Entry>,
}

/// One entry of a [`Vocabulary`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Entry {
    /// An organisation: its full name and the other forms it is written
    /// in (short forms, acronyms).
    Organization {
        /// The full name, which becomes the canonical name.
        name: String,
        /// Short forms and acronyms.
        forms: Vec<String>,
    },
    /// A title (직함) written next to a person's name.
    Title {
        /// The title, e.g. `수석연구위원`.
        title: String,
        /// Whether it heads an institution, as `장관` or `원장` do.
        head: bool,
    },
    /// The name of a place where events take place.
    Place {
        /// The place's name.
        name: String,
    },
}

impl Vocabulary {
    /// An empty vocabulary.
    pub fn new() -> Vocabulary {
        Vocabulary::default()
    }

    /// Adds an organisation with its other forms.
    pub fn organization<I, S>(mut self, name: &str, forms: I) -> Vocabulary
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.entries.push(Entry::Organization {
            name: name.to_string(),
            forms: forms.into_iter().map(Into::into).collect(),
        });
        self
    }

    /// Adds a title; `head` says whether it heads an institution.
    pub fn title(mut self, title: &str, head: bool) -> Vocabulary {
        self.entries.push(Entry::Title {
            title: title.to_string(),
            head,
        });
        self
    }

    /// Adds a place name.
    pub fn place(mut self, name: &str) -> Vocabulary {
        self.entries.push(Entry::Place {
            name: name.to_string(),
        });
        self
    }

    /// The entries, in the order they were added.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
