//! Plain text: the encoding is detected from the bytes.

use encoding_rs::{EUC_KR, Encoding, UTF_16BE, UTF_16LE};

/// Control characters other than tab, newline, form feed and carriage
/// return are rare in real text; more than this share of them means the
/// bytes are some binary format that happened to decode.
const MAX_CONTROL_SHARE: usize = 100; // one in a hundred

/// Decodes text bytes and names the encoding used.
///
/// A byte-order mark decides (UTF-8, UTF-16 LE or BE, and is dropped; a
/// UTF-8 file with one is named `utf-8-sig`, Python's name for the codec
/// that drops it too, so that spans index the text a consumer reads back);
/// without one, strict UTF-8 is tried, then strict CP949 (`euc-kr` in
/// `encoding_rs`, a superset of EUC-KR), the encoding of older Korean
/// government files. No decoding is lossy: bytes that are invalid in
/// every candidate are an error, not replacement characters.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        (utf8(rest)?, "utf-8-sig")
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        (strict(UTF_16LE, rest, "UTF-16LE")?, "utf-16le")
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        (strict(UTF_16BE, rest, "UTF-16BE")?, "utf-16be")
    } else {
        if let Some(at) = bytes.iter().position(|&b| b == 0) {
            return Err(format!("binary data, not text (NUL byte at offset {at})"));
        }
        match utf8(bytes) {
            Ok(text) => (text, "utf-8"),
            Err(utf8_err) => {
                match EUC_KR.decode_without_bom_handling_and_without_replacement(bytes) {
                    Some(text) => (text.into_owned(), "euc-kr"),
                    None => return Err(format!("{utf8_err}, nor CP949 (EUC-KR)")),
                }
            }
        }
    };
    check_not_binary(&text)?;
    Ok((text, encoding))
}

fn utf8(bytes: &[u8]) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|err| {
        format!(
            "not text in UTF-8 (invalid byte at offset {})",
            err.utf8_error().valid_up_to()
        )
    })
}

fn strict(encoding: &'static Encoding, bytes: &[u8], label: &str) -> Result<String, String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or_else(|| format!("not valid {label} text after its byte-order mark"))
}

fn check_not_binary(text: &str) -> Result<(), String> {
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
        .count();
    let chars = text.chars().count();
    if controls > 0 && controls * MAX_CONTROL_SHARE > chars {
        Err(format!(
            "binary data, not text ({controls} control characters in {chars})"
        ))
    } else {
        Ok(())
    }
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

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("보도자료".as_bytes()),
            Ok(("보도자료".into(), "utf-8"))
        );
        let with_bom = [b"\xef\xbb\xbf".as_slice(), "보도".as_bytes()].concat();
        assert_eq!(decode(&with_bom), Ok(("보도".into(), "utf-8-sig")));
    }

    #[test]
    fn utf16_both_orders() {
        let text = "산업부 보도자료\n□ 12월 22일(수)";
        assert_eq!(decode(&utf16(text, false)), Ok((text.into(), "utf-16le")));
        assert_eq!(decode(&utf16(text, true)), Ok((text.into(), "utf-16be")));
    }

    #[test]
    fn cp949_including_non_euc_kr_syllables() {
        // 똠 is outside KS X 1001 and only in CP949's extension.
        let (bytes, _, _) = EUC_KR.encode("보도자료 똠방각하 2021.");
        assert_eq!(
            decode(&bytes),
            Ok(("보도자료 똠방각하 2021.".into(), "euc-kr"))
        );
    }

    #[test]
    fn binary_and_undecodable_bytes_are_errors() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(decode(png).unwrap_err().contains("NUL byte at offset 8"));
        let err = decode(b"abc\xff\xfe\xfd").unwrap_err();
        assert!(err.contains("offset 3"), "{err}");
        let controls = "a\u{1}b\u{2}c\u{3}".as_bytes();
        assert!(decode(controls).unwrap_err().starts_with("binary data"));
    }
}
