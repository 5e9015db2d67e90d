//! bodo (보도, "press report") turns Korean government press releases
//! (보도자료) into typed, serde-serialisable data, every item with its exact
//! byte span and char span in the input.
//!
//! ```
//! let extractor = bodo::Extractor::new()?; // loads ko-dic once; share it
//! let release = "\
//! 산업 디지털 전환에 산업계 참여 확산
//! ❶ 대한상의 등 20개 단체 「산업 디지털 전환 네트워크」 결성
//! □ 산업통상자원부(장관: 문승욱, 이하 “산업부”)는 12월 22일(수) 협력에 동참하기로 했다고 밝혔다.
//! * (참여기관) ①대한상공회의소 ②한국산업기술진흥원 ②한국생산성본부
//! ";
//! let doc = extractor.extract(release);
//!
//! let title = doc.title.as_ref().unwrap();
//! assert_eq!(title.text, "산업 디지털 전환에 산업계 참여 확산");
//! assert_eq!(&release[title.span], title.text);
//! assert_eq!(doc.subtitles[0].text, "대한상의 등 20개 단체 「산업 디지털 전환 네트워크」 결성");
//!
//! // The □ item, its * note, and the note's inline ①②② list, numbers as written:
//! let item = &doc.blocks[2];
//! assert_eq!(item.marker.as_deref(), Some("□"));
//! let note = &item.children[0];
//! let numbers: Vec<_> = note.children.iter().map(|b| b.number).collect();
//! assert_eq!(numbers, [Some(1), Some(2), Some(2)]);
//! assert_eq!(doc.warnings[0].kind, "numbering"); // ② repeats
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Why not just regexes
//!
//! Releases are written to a house style that every ministry bends: markers
//! vary (`□ ☐ ㅁ`, `ㅇ ○ ◦ o`, `❶ ➊ ①`, two-space indents with no marker),
//! dates come as `’21. 12. 22(수)`, `2026. 4. 13.(월)`, `4.13(월)` or
//! `13~17일` with the year left to the header, and names carry titles and
//! particles (`박진규 산업통상자원부 1차관은`). bodo reads the structure first
//! (pass 1, a block tree like a Markdown parser's) and then finds facts
//! inside blocks (pass 2), stripping particles with a real morphological
//! analyser (lindera with mecab-ko-dic) rather than by trimming characters.
//!
//! # How it works
//!
//! ```text
//! text ─► structure ─► analysis ─────────────► recognisers ─► link ─► Document
//!         block tree   segments, words,        one module a    joins facts:
//!         (pass 1)     eojeols, phrases,       kind of fact,   people, refs,
//!                      quotations, fields,     pure functions  events situated
//!                      morphemes on demand     of the analysis
//! ```
//!
//! Pass 1 reads the lines into a tree of blocks; the analysis computes once
//! what every recogniser reads (words with particles cut by lindera's
//! morphology, subject phrases, the quote marks that hold speech, `일시 /
//! 장소` fields); each recogniser is a pure function of the analysis; the
//! link step joins their facts (a quote's speaker to a person, an event to
//! its date and venue). Vocabulary is data (`src/lexicon/*.tsv`), and users
//! add their own with [`Vocabulary`].
//!
//! # Output
//!
//! [`Extractor::extract`] returns a [`Document`]: `title`, `subtitles`,
//! `header` (보도시점 / 배포), `blocks` (the tree of [`Block`]s), and the facts:
//! `dates`, `times`, `venues`, `people`, `organizations`, `attendees`,
//! `events`, `commitments`, `quotes`, `contacts`, plus `warnings` for
//! contradictions (a weekday that does not match its date, a list number
//! that repeats, a stated count that differs from the items listed). Every
//! item that quotes the input carries `text`, `span` ([`Span`], UTF-8
//! bytes) and `char_span` (Unicode scalar values), and `&input[span] ==
//! text` always holds. Normalised values (ISO dates, canonical names) sit
//! beside the original text.
//!
//! Extraction never fails: only setup ([`Extractor::new`]) and file reading
//! ([`read_path`]) return [`Error`]. [`view::render`] shows a document as
//! an HTML page: the text with every item marked in place.
//!
//! # Features
//!
//! - `embedded-dictionary` (default): mecab-ko-dic is compiled into the
//!   binary (~85 MB). Without it, [`Extractor::with_dictionary`] loads a
//!   compiled ko-dic directory at run time.

#![deny(missing_docs)]

mod analysis;
mod date;
mod document;
mod entities;
mod error;
mod extractor;
pub mod json;
mod lexicon;
mod link;
mod morph;
mod read;
mod rejoin;
mod source;
mod span;
mod structure;
pub mod view;
mod vocabulary;

pub use date::Date;
pub use document::*;
pub use error::Error;
pub use extractor::{Extractor, Options};
pub use read::{Encoding, Format, Input, read_bytes, read_from, read_path};
pub use span::Span;
pub use vocabulary::{Entry, Vocabulary};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
