//! Plain text: the encoding is detected from the bytes, stray control
//! characters are replaced, and Markdown is told from its syntax.

use std::sync::LazyLock;

use encoding_rs::{EUC_KR, Encoding as Codec, UTF_16BE, UTF_16LE};
use regex::Regex;

use super::Encoding;
use crate::{Span, Warning, WarningKind};

/// Control characters other than tab, newline, form feed and carriage
/// return are rare in real text: a damaged or pasted release may hold a
/// few (2 % of its characters in a fuzzing run), but more than one in
/// ten means the bytes are some binary format that happened to decode.
const MAX_CONTROL_SHARE: usize = 10; // one in ten

/// Decoded text, its encoding, and what was replaced in it.
#[derive(Debug, PartialEq)]
pub(crate) struct Decoded {
    pub(crate) text: String,
    pub(crate) encoding: Encoding,
    pub(crate) warnings: Vec<Warning>,
}

/// Decodes text bytes and names the encoding used.
///
/// A byte-order mark decides (UTF-8, UTF-16 LE or BE, and is dropped; a
/// UTF-8 file with one is named `utf-8-sig`, Python's name for the codec
/// that drops it too, so that spans index the text a consumer reads back);
/// without one, strict UTF-8 is tried, then strict CP949 (`euc-kr` in
/// `encoding_rs`, a superset of EUC-KR), the encoding of older Korean
/// government files. No decoding is lossy: bytes that are invalid in
/// every candidate are an error, not replacement characters.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        (utf8(rest)?, Encoding::Utf8Sig)
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        (strict(UTF_16LE, rest, "UTF-16LE")?, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        (strict(UTF_16BE, rest, "UTF-16BE")?, Encoding::Utf16Be)
    } else {
        match utf8(bytes) {
            Ok(text) => (text, Encoding::Utf8),
            Err(utf8_err) => {
                match EUC_KR.decode_without_bom_handling_and_without_replacement(bytes) {
                    Some(text) => (text.into_owned(), Encoding::EucKr),
                    None => return Err(format!("{utf8_err}, nor CP949 (EUC-KR)")),
                }
            }
        }
    };
    let (text, warnings) = replace_controls(text)?;
    Ok(Decoded {
        text,
        encoding,
        warnings,
    })
}

fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')
}

/// Replaces each stray control character by spaces of its byte length
/// (so that byte offsets into UTF-8 input still hold), with a warning
/// that counts them and points at the first; refuses text that is
/// mostly control characters.
fn replace_controls(text: String) -> Result<(String, Vec<Warning>), String> {
    let Some(first) = text.find(is_stray_control) else {
        return Ok((text, Vec::new()));
    };
    let controls = text.chars().filter(|&c| is_stray_control(c)).count();
    let chars = text.chars().count();
    if controls * MAX_CONTROL_SHARE > chars {
        return Err(format!(
            "binary data, not text ({controls} control characters in {chars})"
        ));
    }
    let first_len = text[first..].chars().next().map_or(1, char::len_utf8);
    let line = text[..first].matches('\n').count() + 1;
    let replaced: String = text
        .chars()
        .map(|c| {
            if is_stray_control(c) {
                " ".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect();
    let mut warning = Warning::new(
        WarningKind::Input,
        format!(
            "{controls} control character{} replaced by spaces, the first at byte {first} (line {line})",
            if controls == 1 { "" } else { "s" }
        ),
        Span::new(first, first + first_len),
    );
    let at = text[..first].chars().count();
    warning.char_span = Span::new(at, at + 1);
    Ok((replaced, vec![warning]))
}

/// A `|---|---|` table rule, an image `![alt](src)`, or an ATX heading
/// (`# 제목`) as the first line: syntax that plain releases never write.
pub(crate) fn is_markdown(text: &str) -> bool {
    static TABLE_RULE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$")
            .expect("a valid regex")
    });
    static IMAGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"!\[[^\]\n]*\]\([^)\n]*\)").expect("a valid regex"));
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let heading = first.trim_start().strip_prefix('#').is_some_and(|rest| {
        let rest = rest.trim_start_matches('#');
        rest.starts_with(' ') && first.trim_start().len() - rest.len() <= 6
    });
    heading || TABLE_RULE.is_match(text) || IMAGE.is_match(text)
}

fn utf8(bytes: &[u8]) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|err| {
        format!(
            "not text in UTF-8 (invalid byte at offset {})",
            err.utf8_error().valid_up_to()
        )
    })
}

fn strict(encoding: &'static Codec, bytes: &[u8], label: &str) -> Result<String, String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or_else(|| format!("not valid {label} text after its byte-order mark"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend(pair);
        }
        bytes
    }

    fn decoded(text: &str, encoding: Encoding) -> Result<Decoded, String> {
        Ok(Decoded {
            text: text.into(),
            encoding,
            warnings: Vec::new(),
        })
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("보도자료".as_bytes()),
            decoded("보도자료", Encoding::Utf8)
        );
        let with_bom = [b"\xef\xbb\xbf".as_slice(), "보도".as_bytes()].concat();
        assert_eq!(decode(&with_bom), decoded("보도", Encoding::Utf8Sig));
    }

    #[test]
    fn utf16_both_orders() {
        let text = "산업부 보도자료\n□ 12월 22일(수)";
        assert_eq!(
            decode(&utf16(text, false)),
            decoded(text, Encoding::Utf16Le)
        );
        assert_eq!(decode(&utf16(text, true)), decoded(text, Encoding::Utf16Be));
    }

    #[test]
    fn cp949_including_non_euc_kr_syllables() {
        // 똠 is outside KS X 1001 and only in CP949's extension.
        let (bytes, _, _) = EUC_KR.encode("보도자료 똠방각하 2021.");
        assert_eq!(
            decode(&bytes),
            decoded("보도자료 똠방각하 2021.", Encoding::EucKr)
        );
    }

    #[test]
    fn binary_and_undecodable_bytes_are_errors() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let err = decode(png).unwrap_err();
        assert!(err.starts_with("binary data"), "{err}");
        let err = decode(b"abc\xff\xfe\xfd").unwrap_err();
        assert!(err.contains("offset 3"), "{err}");
        let controls = "a\u{1}b\u{2}c\u{3}".as_bytes();
        assert!(decode(controls).unwrap_err().starts_with("binary data"));
        assert!(decode(&[0; 100]).unwrap_err().starts_with("binary data"));
    }

    #[test]
    fn a_few_control_characters_are_replaced_with_a_warning() {
        let text = "보도자료\n□ 산업부\0는 12월 22일(수) 산업 디지털 전환 네트워크를 결성했다고\u{7}\u{85} 밝혔다.\n".repeat(3);
        let read = decode(text.as_bytes()).expect("read");
        assert_eq!(read.text.len(), text.len(), "byte offsets hold");
        assert!(read.text.starts_with("보도자료\n□ 산업부 는 12월 22일(수) 산업 디지털 전환 네트워크를 결성했다고    밝혔다.\n"));
        let [warning] = read.warnings.as_slice() else {
            panic!("one warning: {:?}", read.warnings);
        };
        assert_eq!(warning.kind, "input");
        assert_eq!(
            warning.message,
            "9 control characters replaced by spaces, the first at byte 26 (line 2)"
        );
        assert_eq!(&read.text[warning.span.range()], " ");
        assert_eq!(&text[warning.span.range()], "\0");
    }

    #[test]
    fn markdown_by_its_syntax() {
        assert!(is_markdown("# 보도자료\n본문"));
        assert!(is_markdown(
            "제목\n| 구분 | 내용 |\n| --- | :---: |\n| a | b |"
        ));
        assert!(is_markdown("제목\n![image](img/1.png)\n"));
        assert!(!is_markdown("□ 산업부는 밝혔다.\n - 세부 내용\n※ 참고"));
        assert!(!is_markdown("제목\n#해시태그 이벤트"));
        assert!(!is_markdown("제목\n########## 구분선"));
        assert!(!is_markdown("구분 | 내용\n가 | 나"));
    }
}
