//! The entry point: [`Extractor`] and its [`Options`].

use std::path::Path;
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::document::{Document, SCHEMA_VERSION};
use crate::entities::Facts;
use crate::lexicon::Lexicon;
use crate::morph::Morphology;
use crate::source::Source;
use crate::{Error, Vocabulary, structure};

/// Settings of an [`Extractor`].
///
/// # Example
///
/// ```
/// let mut options = bodo::Options::default();
/// options.reference_date = Some((2021, 12, 22));
/// let extractor = bodo::Extractor::with_options(options)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Year, month and day to infer missing years from when the release
    /// itself has no dated header or explicit dates. Never the clock.
    pub reference_date: Option<(i32, u32, u32)>,
    /// Words of the user's own: organisations, titles and places bodo does
    /// not know (see [`Vocabulary`]).
    pub vocabulary: Vocabulary,
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

    /// Analyses one release. Never fails and never panics: text that no
    /// rule reads still ends up in a block, and contradictions become
    /// warnings.
    pub fn extract(&self, text: &str) -> Document {
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
