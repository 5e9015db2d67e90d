//! The entry point: [`Extractor`] and its [`Options`].

use std::path::Path;
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::document::{Document, SCHEMA_VERSION, Warning, WarningKind};
use crate::entities::Facts;
use crate::lexicon::Lexicon;
use crate::morph::Morphology;
use crate::source::Source;
use crate::{Date, Error, Input, Span, Vocabulary, structure};

/// Settings of an [`Extractor`], set with chained calls as
/// `regex::RegexBuilder` does; `Options::new()` is `Options::default()`.
///
/// # Example
///
/// ```
/// use bodo::{Date, Extractor, Options};
///
/// let date: Date = "2021-12-22".parse()?; // or Date::new(2021, 12, 22)?
/// let extractor = Extractor::with_options(Options::new().reference_date(date))?;
/// assert_eq!(extractor.options().reference_date, Some(date));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The day to infer missing years from when the release itself has no
    /// dated header or explicit dates. Never the clock. A [`Date`] is
    /// checked when it is made, so an impossible day fails at setup.
    pub reference_date: Option<Date>,
    /// Words of the user's own: organisations, titles and places bodo does
    /// not know (see [`Vocabulary`]).
    pub vocabulary: Vocabulary,
}

impl Options {
    /// The default options: no reference date, no words of the user's own.
    pub fn new() -> Options {
        Options::default()
    }

    /// Sets [`Options::reference_date`].
    pub fn reference_date(mut self, date: Date) -> Options {
        self.reference_date = Some(date);
        self
    }

    /// Sets [`Options::vocabulary`].
    pub fn vocabulary(mut self, vocabulary: Vocabulary) -> Options {
        self.vocabulary = vocabulary;
        self
    }
}

/// Turns release text into a [`Document`].
///
/// Build it once (loading the dictionary takes a few hundred
/// milliseconds) and share it: `extract` takes `&self`, and the extractor
/// is `Send + Sync`.
///
/// # Example
///
/// ```
/// let extractor = bodo::Extractor::new()?;
/// let doc = extractor.extract("산업 디지털 전환에 산업계 참여 확산\n□ 산업부는 협력을 밝혔다.");
/// assert_eq!(doc.title.unwrap().text, "산업 디지털 전환에 산업계 참여 확산");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Extractor {
    morphology: Morphology,
    lexicon: Arc<Lexicon>,
    options: Options,
}

impl Extractor {
    /// An extractor with the embedded ko-dic and default options.
    pub fn new() -> Result<Extractor, Error> {
        Extractor::with_options(Options::default())
    }

    /// An extractor with the embedded ko-dic and the given options.
    pub fn with_options(options: Options) -> Result<Extractor, Error> {
        Ok(Extractor {
            morphology: Morphology::embedded_with(&Lexicon::morphology_words(&options.vocabulary))?,
            lexicon: Lexicon::new(&options.vocabulary),
            options,
        })
    }

    /// An extractor that loads a compiled ko-dic from `path` at run time
    /// instead of the embedded one.
    pub fn with_dictionary(path: impl AsRef<Path>, options: Options) -> Result<Extractor, Error> {
        Ok(Extractor {
            morphology: Morphology::from_dir(
                path.as_ref(),
                &Lexicon::morphology_words(&options.vocabulary),
            )?,
            lexicon: Lexicon::new(&options.vocabulary),
            options,
        })
    }

    /// The options this extractor was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Reads a release file ([`read_path`](crate::read_path): text, HWPX
    /// or HWP) and analyses it: the common case in one call. Only reading
    /// fails; the [`Input`] comes back beside the document, as the spans
    /// refer to its `text`.
    ///
    /// # Example
    ///
    /// ```
    /// let extractor = bodo::Extractor::new()?;
    /// let (input, doc) =
    ///     extractor.extract_path("fixtures/motie-2021-12-22-industry-dx-network.txt")?;
    /// assert_eq!(input.encoding, bodo::Encoding::Utf8);
    /// let title = doc.title.unwrap();
    /// assert_eq!(&input.text[title.span], title.text);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extract_path(&self, path: impl AsRef<Path>) -> Result<(Input, Document), Error> {
        let input = crate::read_path(path)?;
        let document = self.extract_input(&input);
        Ok((input, document))
    }

    /// Analyses an [`Input`] that was read with [`read_path`](crate::read_path),
    /// [`read_from`](crate::read_from) or [`read_bytes`](crate::read_bytes):
    /// [`extract`](Extractor::extract) on its text. Prefer it to
    /// `extract(&input.text)`: it is where what reading noticed about the
    /// input joins the document's warnings, ahead of the rest.
    ///
    /// # Example
    ///
    /// ```
    /// let extractor = bodo::Extractor::new()?;
    /// let input = bodo::read_bytes("산업 디지털 전환\n□ 산업부는 밝혔다.\n".as_bytes(), "-")?;
    /// assert_eq!(extractor.extract_input(&input), extractor.extract(&input.text));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extract_input(&self, input: &Input) -> Document {
        // What reading noticed (control characters replaced) goes first:
        // it concerns the whole input.
        let mut document = self.extract(&input.text);
        document
            .warnings
            .splice(0..0, input.warnings.iter().cloned());
        document
    }

    /// Analyses one release. Never fails and never panics: text that no
    /// rule reads still ends up in a block, and contradictions become
    /// warnings, as does empty input (`empty input`, of kind `input`).
    pub fn extract(&self, text: &str) -> Document {
        let mut doc = self.read(text);
        if text.trim().is_empty() {
            doc.warnings.insert(0, empty(text));
        }
        doc
    }

    /// Pass 1 and pass 2 over `text`.
    fn read(&self, text: &str) -> Document {
        let source = Source::new(text);
        let structure = structure::parse(&source);
        if structure.joins.is_empty() {
            let doc = self.facts(&source, &structure.blocks);
            return with_structure(doc, &source, structure);
        }
        // Wrapped text (a PDF's): the facts are read with each paragraph as
        // one line and their spans mapped back into the text as given; the
        // block tree is the text's own.
        let rejoined = crate::rejoin::rejoin(text, &structure.joins);
        let joined = Source::new(&rejoined.text);
        let facts = self.facts(&joined, &structure::parse(&joined).blocks);
        let doc = crate::rejoin::remap(facts, &rejoined, text);
        with_structure(doc, &source, structure)
    }

    /// Pass 2 over a block tree: the analysis, the recognisers and the
    /// link step, giving a document of facts without its structure.
    fn facts(&self, source: &Source<'_>, blocks: &[crate::Block]) -> Document {
        let mut doc = Document {
            schema_version: SCHEMA_VERSION,
            ..Document::default()
        };
        let analysis = Analysis::new(
            source,
            blocks,
            &self.options,
            &self.morphology,
            &self.lexicon,
        );
        let facts = Facts::recognise(&analysis);
        crate::link::assemble(&analysis, facts, &mut doc);
        doc
    }
}

/// Says that there was nothing to analyse, so that an empty file is not
/// taken for a release in which bodo found nothing.
fn empty(text: &str) -> Warning {
    let mut warning = Warning::new(
        WarningKind::Input,
        "empty input".into(),
        Span::new(0, text.len()),
    );
    warning.char_span = Span::new(0, text.chars().count());
    warning
}

/// `doc` with the structure of pass 1: title, subtitles, the block tree,
/// and pass 1's warnings before the others.
fn with_structure(
    mut doc: Document,
    source: &Source<'_>,
    structure: structure::Structure,
) -> Document {
    doc.title = find(&structure.blocks, crate::BlockKind::Title)
        .first()
        .map(|b| source.snippet(b.span));
    doc.subtitles = find(&structure.blocks, crate::BlockKind::Subtitle)
        .iter()
        .map(|b| source.snippet(b.span))
        .collect();
    let mut warnings = structure.warnings;
    for w in &mut warnings {
        w.char_span = source.char_span(w.span);
    }
    doc.warnings.splice(0..0, warnings);
    doc.blocks = structure.blocks;
    doc
}

fn find(blocks: &[crate::Block], kind: crate::BlockKind) -> Vec<&crate::Block> {
    blocks.iter().filter(|b| b.kind == kind).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_shareable_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Extractor>();
        assert_send_sync::<Document>();
    }
}
