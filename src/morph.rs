//! The one place that talks to lindera: Korean morphological analysis with
//! the embedded mecab-ko-dic (ko-dic), turned into our own typed morphemes.

use std::borrow::Cow;

use lindera::dictionary::load_dictionary;
#[cfg(feature = "embedded-dictionary")]
use lindera::dictionary::{DictionaryKind, load_embedded_dictionary};
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;

use crate::{Error, Span};

/// mecab-ko groups unknown characters of one class into words of at most
/// this many characters beyond the first; lindera is unbounded by default.
const MAX_GROUPING_LEN: usize = 24;

/// lindera splits on newlines itself, but a single line can be arbitrarily
/// long; lattices over longer runs are cut at a space near this many bytes
/// so that time and memory stay linear in the input.
const MAX_CHUNK: usize = 4096;

/// A part-of-speech tag of the ko-dic (세종) tag set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(clippy::upper_case_acronyms)]
pub(crate) enum Pos {
    /// 일반 명사 (common noun)
    NNG,
    /// 고유 명사 (proper noun)
    NNP,
    /// 의존 명사 (bound noun)
    NNB,
    /// 단위를 나타내는 명사 (counter)
    NNBC,
    /// 수사 (numeral)
    NR,
    /// 대명사 (pronoun)
    NP,
    /// 동사 (verb)
    VV,
    /// 형용사 (adjective)
    VA,
    /// 보조 용언 (auxiliary predicate)
    VX,
    /// 긍정 지정사 (이다)
    VCP,
    /// 부정 지정사 (아니다)
    VCN,
    /// 관형사 (determiner)
    MM,
    /// 일반 부사 (adverb)
    MAG,
    /// 접속 부사 (conjunctive adverb)
    MAJ,
    /// 감탄사 (interjection)
    IC,
    /// 주격 조사 (subject particle)
    JKS,
    /// 보격 조사
    JKC,
    /// 관형격 조사 (의)
    JKG,
    /// 목적격 조사 (object particle)
    JKO,
    /// 부사격 조사 (에서, 에, 로 …)
    JKB,
    /// 호격 조사
    JKV,
    /// 인용격 조사 (quotative 고/라고)
    JKQ,
    /// 보조사 (은/는/도 …)
    JX,
    /// 접속 조사 (와/과 …)
    JC,
    /// 선어말 어미
    EP,
    /// 종결 어미
    EF,
    /// 연결 어미
    EC,
    /// 명사형 전성 어미
    ETN,
    /// 관형형 전성 어미
    ETM,
    /// 체언 접두사
    XPN,
    /// 명사 파생 접미사
    XSN,
    /// 동사 파생 접미사
    XSV,
    /// 형용사 파생 접미사
    XSA,
    /// 어근
    XR,
    /// 마침표, 물음표, 느낌표
    SF,
    /// 줄임표
    SE,
    /// 여는 괄호
    SSO,
    /// 닫는 괄호
    SSC,
    /// 구분자 (, · / :)
    SC,
    /// 기타 기호
    SY,
    /// 외국어
    SL,
    /// 한자
    SH,
    /// 숫자
    SN,
    /// Unknown to the dictionary.
    Unknown,
}

impl Pos {
    fn parse(tag: &str) -> Pos {
        use Pos::*;
        match tag {
            "NNG" => NNG,
            "NNP" => NNP,
            "NNB" => NNB,
            "NNBC" => NNBC,
            "NR" => NR,
            "NP" => NP,
            "VV" => VV,
            "VA" => VA,
            "VX" => VX,
            "VCP" => VCP,
            "VCN" => VCN,
            "MM" => MM,
            "MAG" => MAG,
            "MAJ" => MAJ,
            "IC" => IC,
            "JKS" => JKS,
            "JKC" => JKC,
            "JKG" => JKG,
            "JKO" => JKO,
            "JKB" => JKB,
            "JKV" => JKV,
            "JKQ" => JKQ,
            "JX" => JX,
            "JC" => JC,
            "EP" => EP,
            "EF" => EF,
            "EC" => EC,
            "ETN" => ETN,
            "ETM" => ETM,
            "XPN" => XPN,
            "XSN" => XSN,
            "XSV" => XSV,
            "XSA" => XSA,
            "XR" => XR,
            "SF" => SF,
            "SE" => SE,
            "SSO" => SSO,
            "SSC" => SSC,
            "SC" => SC,
            "SY" => SY,
            "SL" => SL,
            "SH" => SH,
            "SN" => SN,
            _ => Unknown,
        }
    }

    /// Nouns of any kind (체언).
    pub(crate) fn is_noun(self) -> bool {
        matches!(
            self,
            Pos::NNG | Pos::NNP | Pos::NNB | Pos::NNBC | Pos::NR | Pos::NP
        )
    }

    /// Parts of speech a name is built from (a place, a department, an
    /// organisation): nouns other than bound nouns, numerals, foreign
    /// words, hanja, numbers, affixes, and what the dictionary does not
    /// know.
    pub(crate) fn is_name_part(self) -> bool {
        matches!(
            self,
            Pos::NNG
                | Pos::NNP
                | Pos::NNBC
                | Pos::NR
                | Pos::SL
                | Pos::SN
                | Pos::SH
                | Pos::XSN
                | Pos::XPN
                | Pos::Unknown
        )
    }

    /// Particles (조사).
    pub(crate) fn is_particle(self) -> bool {
        matches!(
            self,
            Pos::JKS
                | Pos::JKC
                | Pos::JKG
                | Pos::JKO
                | Pos::JKB
                | Pos::JKV
                | Pos::JKQ
                | Pos::JX
                | Pos::JC
        )
    }
}

/// The meaning class ko-dic gives some nouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// 인명: a person's name.
    Person,
    /// 지명: a place name.
    Place,
    /// 기관 / 단체 and the like.
    Organization,
    /// Anything else, or no class.
    Other,
}

impl Class {
    fn parse(class: &str) -> Class {
        match class {
            "인명" => Class::Person,
            "지명" => Class::Place,
            "기관" | "단체" | "회사" => Class::Organization,
            _ => Class::Other,
        }
    }
}

/// One morpheme (or one analysed word, for inflected and compound
/// entries) with its place in the whole input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Morpheme {
    /// Where the surface form stands in the whole input.
    pub(crate) span: Span,
    /// The first tag of the entry (`VV` of `VV+EC`).
    pub(crate) pos: Pos,
    /// The last tag of the entry (`EC` of `VV+EC`); equal to `pos` for
    /// simple entries.
    pub(crate) last_pos: Pos,
    /// The dictionary's meaning class, for proper nouns especially.
    pub(crate) class: Class,
    /// Whether a space (or line start) comes right before this morpheme.
    pub(crate) spaced: bool,
}

/// The analyser: a lindera segmenter set up as mecab-ko runs.
///
/// Built once per extractor; `analyse` takes `&self`, so one instance
/// serves every thread.
pub(crate) struct Morphology {
    segmenter: Segmenter,
}

impl std::fmt::Debug for Morphology {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Morphology").finish_non_exhaustive()
    }
}

impl Morphology {
    /// Loads the embedded ko-dic.
    #[cfg(feature = "embedded-dictionary")]
    #[cfg(test)]
    pub(crate) fn embedded() -> Result<Morphology, Error> {
        Morphology::embedded_with(&[])
    }

    /// Loads the embedded ko-dic with `words` (surface, part of speech) as
    /// a user dictionary.
    #[cfg(feature = "embedded-dictionary")]
    pub(crate) fn embedded_with(words: &[(String, &str)]) -> Result<Morphology, Error> {
        let dictionary =
            load_embedded_dictionary(DictionaryKind::KoDic).map_err(|err| Error::Dictionary {
                path: None,
                message: err.to_string(),
            })?;
        Morphology::with(dictionary, None, words)
    }

    /// Without the embedded dictionary there is nothing to load.
    #[cfg(not(feature = "embedded-dictionary"))]
    pub(crate) fn embedded_with(_words: &[(String, &str)]) -> Result<Morphology, Error> {
        Err(Error::Dictionary {
            path: None,
            message: "bodo was built without the `embedded-dictionary` feature; \
                      use Extractor::with_dictionary"
                .to_string(),
        })
    }

    /// Loads a compiled ko-dic from a directory at run time.
    pub(crate) fn from_dir(
        path: &std::path::Path,
        words: &[(String, &str)],
    ) -> Result<Morphology, Error> {
        let fail = |message: String| Error::Dictionary {
            path: Some(path.to_path_buf()),
            message,
        };
        let uri = path
            .to_str()
            .ok_or_else(|| fail("path is not UTF-8".into()))?;
        let dictionary = load_dictionary(uri).map_err(|err| fail(err.to_string()))?;
        Morphology::with(dictionary, Some(path), words)
    }

    fn with(
        dictionary: lindera::dictionary::Dictionary,
        path: Option<&std::path::Path>,
        words: &[(String, &str)],
    ) -> Result<Morphology, Error> {
        let user = user_dictionary(&dictionary, words).map_err(|message| Error::Dictionary {
            path: path.map(|p| p.to_path_buf()),
            message,
        })?;
        // lindera 6.2's `Segmenter::new` already applies the left-space
        // penalty rules ko-dic ships (mecab-ko's); building the table again
        // through `space_penalty_from_dictionary` cost a third of setup.
        // A dictionary without the rules would run unpenalised and split
        // particles from spaced words, so that is a setup error here.
        let segmenter =
            Segmenter::new(Mode::Normal, dictionary, user).max_grouping_len(Some(MAX_GROUPING_LEN));
        if segmenter.space_penalty_config().is_none() {
            return Err(Error::Dictionary {
                path: path.map(|p| p.to_path_buf()),
                message: "the dictionary ships no left-space penalty rules".to_string(),
            });
        }
        Ok(Morphology { segmenter })
    }

    /// Analyses `text[span]` and returns morphemes with spans in `text`.
    ///
    /// Never fails: a span that lindera cannot analyse gives no morphemes.
    pub(crate) fn analyse(&self, text: &str, span: Span) -> Vec<Morpheme> {
        let Some(slice) = text.get(span.range()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (offset, chunk) in chunks(slice) {
            self.analyse_chunk(chunk, span.start + offset, &mut out);
        }
        out
    }

    fn analyse_chunk(&self, chunk: &str, base: usize, out: &mut Vec<Morpheme>) {
        let Ok(tokens) = self.segmenter.segment(Cow::Borrowed(chunk)) else {
            return;
        };
        for mut token in tokens {
            let (start, end) = (token.byte_start, token.byte_end);
            let spaced = start == 0
                || chunk[..start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_whitespace);
            let details = token.details();
            let tags = details.first().copied().unwrap_or("UNK");
            let pos = Pos::parse(tags.split('+').next().unwrap_or(tags));
            let last_pos = Pos::parse(tags.rsplit('+').next().unwrap_or(tags));
            let class = details.get(1).map_or(Class::Other, |c| Class::parse(c));
            out.push(Morpheme {
                span: Span::new(base + start, base + end),
                pos,
                last_pos,
                class,
                spaced,
            });
        }
    }
}

/// A lindera user dictionary of `words` (surface, part of speech), or none
/// when there are none. Words that a CSV field cannot hold are left out.
fn user_dictionary(
    dictionary: &lindera::dictionary::Dictionary,
    words: &[(String, &str)],
) -> Result<Option<lindera::dictionary::UserDictionary>, String> {
    let csv: String = words
        .iter()
        .filter(|(w, _)| !w.is_empty() && !w.contains([',', '"', '\n', '\r']))
        .map(|(w, pos)| format!("{w},{pos},{w}\n"))
        .collect();
    if csv.is_empty() {
        return Ok(None);
    }
    let builder = lindera::dictionary::DictionaryBuilder::new((*dictionary.metadata).clone());
    builder
        .build_user_dict_from_reader(csv.as_bytes())
        .map(Some)
        .map_err(|err| format!("user dictionary: {err}"))
}

/// Cuts `text` into pieces of at most about `MAX_CHUNK` bytes, at
/// whitespace where there is any, always on char boundaries.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let rest = &text[start..];
        let mut cut = rest.len();
        if rest.len() > MAX_CHUNK {
            let mut limit = MAX_CHUNK;
            while !rest.is_char_boundary(limit) {
                limit -= 1;
            }
            cut = rest[..limit]
                .rfind(char::is_whitespace)
                .filter(|&at| at > MAX_CHUNK / 2)
                .unwrap_or(limit);
        }
        let piece = (start, &rest[..cut]);
        start += cut;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(morphology: &Morphology, text: &str) -> Vec<(String, Pos)> {
        morphology
            .analyse(text, Span::new(0, text.len()))
            .into_iter()
            .map(|m| (text[m.span].to_string(), m.pos))
            .collect()
    }

    #[test]
    fn particles_after_spaced_words_are_particles() {
        let morphology = Morphology::embedded().expect("dictionary");
        let text =
            "산업계 참여 확산\n□ 산업 디지털 전환을 위한 협력에 적극 동참하기로 했다고 밝혔다.";
        let got = tags(&morphology, text);
        let at = |surface: &str| got.iter().find(|(s, _)| s == surface).map(|(_, p)| *p);
        assert_eq!(at("전환"), Some(Pos::NNG), "{got:?}");
        assert_eq!(at("을"), Some(Pos::JKO), "{got:?}");
        assert_eq!(at("에"), Some(Pos::JKB), "{got:?}");
        // Spans are absolute and exact.
        let offset = text.find("전환을").unwrap();
        let m = morphology.analyse(text, Span::new(offset, text.len()));
        assert_eq!(&text[m[0].span], "전환");
        assert!(m[0].spaced);
    }

    #[test]
    fn real_ko_dic_tags_names_and_places() {
        // A dummy dictionary would tag everything unknown.
        let morphology = Morphology::embedded().expect("dictionary");
        let m = morphology.analyse("서울 코엑스", Span::new(0, "서울 코엑스".len()));
        assert_eq!(m[0].pos, Pos::NNP);
        assert_eq!(m[0].class, Class::Place);
    }

    #[test]
    fn user_words_stay_whole() {
        let text = "행정안전부는 코트라와 협약했다";
        let plain = Morphology::embedded().expect("dictionary");
        let first = |m: &Morphology| {
            let ms = m.analyse(text, Span::new(0, text.len()));
            ms.first()
                .map(|x| (text[x.span.range()].to_string(), x.pos))
        };
        // ko-dic alone reads an adverb inside the name (행정/안/전부).
        assert_ne!(first(&plain), Some(("행정안전부".to_string(), Pos::NNP)));
        let words = crate::lexicon::Lexicon::morphology_words(&crate::Vocabulary::default());
        let fixed = Morphology::embedded_with(&words).expect("dictionary");
        assert_eq!(first(&fixed), Some(("행정안전부".to_string(), Pos::NNP)));
        let ms = fixed.analyse(text, Span::new(0, text.len()));
        assert!(
            ms.iter()
                .any(|m| &text[m.span.range()] == "는" && m.pos == Pos::JX)
        );
    }

    #[test]
    fn chunks_cover_text_on_char_boundaries() {
        let text = "산업 디지털 전환을 위한 협력".repeat(500);
        let mut next = 0;
        for (offset, piece) in chunks(&text) {
            assert_eq!(offset, next);
            assert!(piece.len() <= MAX_CHUNK);
            next += piece.len();
        }
        assert_eq!(next, text.len());
    }
}
