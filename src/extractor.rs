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
            morphology: Morphology::embedded()?,
            lexicon: Lexicon::new(&options.vocabulary),
            options,
        })
    }

    /// An extractor that loads a compiled ko-dic from `path` at run time
    /// instead of the embedded one.
    pub fn with_dictionary(path: impl AsRef<Path>, options: Options) -> Result<Extractor, Error> {
        Ok(Extractor {
            morphology: Morphology::from_dir(path.as_ref())?,
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
    /// assert_eq!(input.encoding, "utf-8");
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
        // The one merge point for reading warnings (decoding), once
        // `Input` carries them: they go first, as they concern the whole
        // input, e.g. `document.warnings.splice(0..0, input.warnings.clone())`.
        self.extract(&input.text)
    }

    /// Analyses one release. Never fails and never panics: text that no
    /// rule reads still ends up in a block, and contradictions become
    /// warnings, as does empty input (`empty input`, of kind `input`).
    pub fn extract(&self, text: &str) -> Document {
        let source = Source::new(text);
        let structure = structure::parse(&source);
        let title = find(&structure.blocks, crate::BlockKind::Title)
            .first()
            .map(|b| source.snippet(b.span));
        let subtitles = find(&structure.blocks, crate::BlockKind::Subtitle)
            .iter()
            .map(|b| source.snippet(b.span))
            .collect();
        let mut doc = Document {
            schema_version: SCHEMA_VERSION,
            title,
            subtitles,
            warnings: structure.warnings,
            ..Document::default()
        };
        if text.trim().is_empty() {
            doc.warnings.insert(0, empty(text));
        }
        let analysis = Analysis::new(
            &source,
            &structure.blocks,
            &self.options,
            &self.morphology,
            &self.lexicon,
        );
        let facts = Facts::recognise(&analysis);
        crate::link::assemble(&analysis, facts, &mut doc);
        drop(analysis);
        doc.blocks = structure.blocks;
        doc
    }
}

/// Says that there was nothing to analyse, so that an empty file is not
/// taken for a release in which bodo found nothing.
fn empty(text: &str) -> Warning {
    Warning::new(
        WarningKind::Input,
        "empty input".into(),
        Span::new(0, text.len()),
    )
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
