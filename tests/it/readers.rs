//! The input readers: the corpus originals against their released text,
//! and small HWPX / HWP files built here byte by byte.

use std::io::{Cursor, Write};
use std::path::PathBuf;

use crate::common::repo_path;

pub fn originals_dir() -> PathBuf {
    repo_path("../shared/corpus/originals")
}

fn originals() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(originals_dir())
        .expect("../shared/corpus/originals beside the checkout")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files
}

/// Every original reads to exactly the text the corpus was made from:
/// same paragraphs, same table rows, same whitespace. (The brief allowed
/// whitespace differences; there are none, so the test holds the reader
/// to the stronger claim and says which check failed.)
#[test]
fn originals_read_to_the_released_text() {
    let files = originals();
    assert!(
        files.len() >= 16,
        "expected 16 originals, found {}",
        files.len()
    );
    for path in files {
        let id = path.file_stem().and_then(|s| s.to_str()).expect("a newsId");
        let release = repo_path(&format!("../shared/corpus/releases/{id}.txt"));
        let expected = std::fs::read_to_string(&release).expect("the released text");
        let input = bodo::read_path(&path).unwrap_or_else(|err| panic!("{err}"));
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squash(&input.text), squash(&expected), "{id}: text differs");
        assert_eq!(input.text, expected, "{id}: whitespace differs");
        let (format, encoding) = if path.extension().is_some_and(|e| e == "hwp") {
            (bodo::Format::Hwp, bodo::Encoding::Hwp5)
        } else {
            (bodo::Format::Hwpx, bodo::Encoding::Hwpx)
        };
        assert_eq!((input.format, input.encoding), (format, encoding), "{id}");
    }
}

/// korea.kr names some HWP 5.0 files `.hwpx`: the content decides.
#[test]
fn hwp_named_hwpx_is_read_as_hwp() {
    let hwp = originals_dir().join("156754224.hwp");
    let bytes = std::fs::read(&hwp).expect("the original");
    let input = bodo::read_bytes(&bytes, "misnamed.hwpx").expect("reads");
    assert_eq!(input.encoding, bodo::Encoding::Hwp5);
    assert_eq!(input, bodo::read_path(&hwp).expect("reads"));
}

// ---- HWPX built in the test ----

pub fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        zip.start_file(*name, options).expect("zip entry");
        zip.write_all(data).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

const HEADER_XML: &str = r#"<hh:head xmlns:hh="h"><hh:refList>
<hh:paraProperties><hh:paraPr id="1"><hh:heading type="BULLET" idRef="1" level="0"/></hh:paraPr></hh:paraProperties>
<hh:bullets><hh:bullet id="1" char="•"/></hh:bullets></hh:refList></hh:head>"#;

fn p(attrs: &str, runs: &str) -> String {
    format!("<hp:p{attrs}><hp:run>{runs}</hp:run></hp:p>")
}

fn sub(paragraphs: &str) -> String {
    format!("<hp:subList>{paragraphs}</hp:subList>")
}

fn cell(paragraphs: &str) -> String {
    format!("<hp:tc>{}</hp:tc>", sub(paragraphs))
}

fn t(text: &str) -> String {
    format!("<hp:t>{text}</hp:t>")
}

/// A section with every construct the layout handles.
pub fn tiny_hwpx() -> Vec<u8> {
    let page_header = format!(
        "<hp:ctrl><hp:header>{}</hp:header></hp:ctrl>",
        sub(&p("", &t("머리말")))
    );
    let footnote = format!(
        "<hp:ctrl><hp:footNote>{}</hp:footNote></hp:ctrl>",
        sub(&p("", &t("* 각주")))
    );
    let grid = format!(
        "<hp:tbl><hp:tr>{}{}</hp:tr><hp:tr>{}{}</hp:tr><hp:tr>{}{}</hp:tr></hp:tbl>",
        cell(&(p("", &t(" 가 ")) + &p("", &t("나")))),
        cell(&p("", &t("다"))),
        cell(""),
        cell(&p("", &t(" "))),
        cell(""),
        cell(&p("", &t("라"))),
    );
    let boxed = format!(
        "<hp:tbl><hp:tr>{}</hp:tr></hp:tbl>",
        cell(&p("", &t("상자 안")))
    );
    let text_box = format!(
        "<hp:rect><hp:drawText>{}</hp:drawText></hp:rect>",
        sub(&p("", &t("글상자")))
    );
    let body = [
        p(
            "",
            &format!("<hp:secPr/>{page_header}{}", t("제목 &amp; 부제")),
        ),
        p(
            "",
            &format!("{}{footnote}", t("본문<hp:lineBreak/>둘째 줄 ")),
        ),
        p("", &t("  ")),
        p(r#" paraPrIDRef="1""#, &t("글머리")),
        p("", &grid),
        p("", &(boxed + &text_box)),
    ]
    .concat();
    let section =
        format!(r#"<?xml version="1.0"?><hs:sec xmlns:hs="s" xmlns:hp="p">{body}</hs:sec>"#);
    zip(&[
        ("mimetype", b"application/hwp+zip"),
        ("Contents/header.xml", HEADER_XML.as_bytes()),
        ("Contents/section0.xml", section.as_bytes()),
    ])
}

const TINY_TEXT: &str =
    "제목 & 부제\n본문\n둘째 줄\n* 각주\n• 글머리\n가 나 | 다\n | 라\n상자 안\n글상자\n";

#[test]
fn hwpx_layout_matches_the_corpus_conventions() {
    let input = bodo::read_bytes(&tiny_hwpx(), "tiny.hwpx").expect("reads");
    assert_eq!(input.text, TINY_TEXT);
    assert_eq!(input.encoding, bodo::Encoding::Hwpx);
}

#[test]
fn broken_hwpx_gives_format_errors() {
    let message = |bytes: &[u8]| match bodo::read_bytes(bytes, "x.hwpx") {
        Err(bodo::Error::Format { path, message }) => {
            assert_eq!(path, PathBuf::from("x.hwpx"));
            message
        }
        other => panic!("expected a format error, got {other:?}"),
    };
    let not_hwpx = zip(&[("readme.txt", b"hello")]);
    assert!(message(&not_hwpx).contains("not HWPX"));
    let truncated = zip(&[("Contents/section0.xml", b"<hs:sec><hp:p><hp:run>")]);
    assert!(message(&truncated).contains("truncated XML"));
    let hwpx = tiny_hwpx();
    assert!(message(&hwpx[..hwpx.len() / 2]).contains("broken zip"));
    let deep = "<a>".repeat(100_000);
    let deep = zip(&[("Contents/section0.xml", deep.as_bytes())]);
    assert!(message(&deep).contains("XML nested more than 1000 deep"));
}

#[test]
fn zip_bombs_are_refused() {
    let huge = vec![b' '; (64 << 20) + 1];
    let bomb = zip(&[("Contents/section0.xml", &huge)]);
    assert!(bomb.len() < 1 << 20, "the bomb is small: {}", bomb.len());
    let err = bodo::read_bytes(&bomb, "bomb.hwpx").expect_err("refused");
    assert!(err.to_string().contains("more than 64 MiB"), "{err}");
}

// ---- HWP 5.0 built in the test ----

const PARA_HEADER: u32 = 0x42;
const PARA_TEXT: u32 = 0x43;
const CTRL_HEADER: u32 = 0x47;
const LIST_HEADER: u32 = 0x48;
const TABLE: u32 = 0x4d;

fn record(out: &mut Vec<u8>, tag: u32, level: u32, data: &[u8]) {
    let size = u32::try_from(data.len()).expect("small");
    out.extend((tag | level << 10 | size << 20).to_le_bytes());
    out.extend(data);
}

/// `PARA_HEADER` and `PARA_TEXT` of a paragraph; `\u{b}` stands for a
/// table control (eight code units in the file).
fn paragraph(out: &mut Vec<u8>, level: u32, text: &str) {
    record(out, PARA_HEADER, level, &[0; 22]);
    let mut units = Vec::new();
    for unit in text.encode_utf16() {
        units.push(unit);
        if unit == 11 {
            units.extend([0; 7]);
        }
    }
    units.push(13);
    let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
    record(out, PARA_TEXT, level + 1, &bytes);
}

/// A table cell: `LIST_HEADER` (row address at byte 10) and paragraphs.
fn hwp_cell(out: &mut Vec<u8>, row: u16, texts: &[&str]) {
    let mut header = vec![0; 8];
    header.extend(0u16.to_le_bytes());
    header.extend(row.to_le_bytes());
    record(out, LIST_HEADER, 2, &header);
    for text in texts {
        paragraph(out, 2, text);
    }
}

fn section() -> Vec<u8> {
    let mut s = Vec::new();
    paragraph(&mut s, 0, "제목");
    paragraph(&mut s, 0, "본문\n둘째 줄 ");
    paragraph(&mut s, 0, "\u{b}");
    record(&mut s, CTRL_HEADER, 1, b" lbt");
    record(&mut s, TABLE, 2, &[0; 8]);
    hwp_cell(&mut s, 0, &["가", "나"]);
    hwp_cell(&mut s, 0, &["다"]);
    hwp_cell(&mut s, 1, &[""]);
    hwp_cell(&mut s, 1, &["라"]);
    paragraph(&mut s, 0, "끝");
    s
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut encoder =
        flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(data).expect("deflate");
    encoder.finish().expect("deflate")
}

/// An HWP 5.0 file; `flags` are the FileHeader property bits (1:
/// compressed, 2: password, 4: distribution document).
pub fn tiny_hwp(flags: u32) -> Vec<u8> {
    let mut header = b"HWP Document File".to_vec();
    header.resize(256, 0);
    header[32..36].copy_from_slice(&0x0501_0000u32.to_le_bytes());
    header[36..40].copy_from_slice(&flags.to_le_bytes());
    let pack = |data: &[u8]| {
        if flags & 1 != 0 {
            deflate(data)
        } else {
            data.to_vec()
        }
    };
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("cfb");
    let mut write = |path: &str, data: &[u8]| {
        let mut stream = file.create_stream(path).expect("stream");
        stream.write_all(data).expect("write");
    };
    write("/FileHeader", &header);
    write("/DocInfo", &pack(&[]));
    file.create_storage("/BodyText").expect("storage");
    let mut stream = file.create_stream("/BodyText/Section0").expect("stream");
    stream.write_all(&pack(&section())).expect("write");
    drop(stream);
    file.flush().expect("flush");
    file.into_inner().into_inner()
}

#[test]
fn hwp_layout_matches_the_corpus_conventions() {
    let expected = "제목\n본문\n둘째 줄\n가 나 | 다\n | 라\n끝\n";
    for flags in [0, 1] {
        let input = bodo::read_bytes(&tiny_hwp(flags), "tiny.hwp").expect("reads");
        assert_eq!(input.text, expected, "flags {flags}");
        assert_eq!(input.encoding, bodo::Encoding::Hwp5);
    }
}

#[test]
fn broken_hwp_gives_format_errors() {
    let err = |bytes: &[u8]| {
        bodo::read_bytes(bytes, "x.hwp")
            .expect_err("fails")
            .to_string()
    };
    assert!(err(&tiny_hwp(1 | 2)).contains("encrypted HWP"));
    assert!(err(&tiny_hwp(1 | 4)).contains("distribution document"));
    let original = std::fs::read(originals_dir().join("156754224.hwp")).expect("original");
    assert!(err(&original[..original.len() / 3]).contains("broken OLE compound file"));
    let mut cut = section();
    cut.truncate(cut.len() - 3);
    let message = err(&with_section(tiny_hwp(0), &cut));
    assert!(
        message.contains("BodyText/Section0: truncated record at byte"),
        "{message}"
    );
    let mut cut = deflate(&section());
    cut.truncate(cut.len() / 2);
    let message = err(&with_section(tiny_hwp(1), &cut));
    assert!(message.contains("BodyText/Section0: "), "{message}");
}

/// `hwp` with its section stream replaced by `data`.
fn with_section(hwp: Vec<u8>, data: &[u8]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::open(Cursor::new(hwp)).expect("cfb");
    file.create_stream("/BodyText/Section0")
        .and_then(|mut s| s.write_all(data))
        .expect("rewrite");
    file.flush().expect("flush");
    file.into_inner().into_inner()
}

// ---- text ----

#[test]
fn text_encodings_are_detected_and_recorded() {
    let (cp949, _, _) = encoding_rs::EUC_KR.encode("□ 산업부는 12월 22일(수) 밝혔다.\n");
    let input = bodo::read_bytes(&cp949, "old.txt").expect("reads");
    assert_eq!(
        (input.text.as_str(), input.encoding),
        ("□ 산업부는 12월 22일(수) 밝혔다.\n", bodo::Encoding::EucKr)
    );
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend("보도자료\r\n".encode_utf16().flat_map(u16::to_le_bytes));
    let input = bodo::read_bytes(&utf16, "win.txt").expect("reads");
    assert_eq!(
        (input.text.as_str(), input.encoding),
        ("보도자료\r\n", bodo::Encoding::Utf16Le)
    );
}

#[test]
fn missing_files_give_io_errors() {
    match bodo::read_path("no/such/release.txt") {
        Err(bodo::Error::Io { path, .. }) => assert_eq!(path, PathBuf::from("no/such/release.txt")),
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

/// Damaged files (bytes overwritten at random places) give an `Ok` or an
/// error, never a panic or a hang.
#[test]
fn damaged_files_never_panic() {
    let original = std::fs::read(originals_dir().join("156754268.hwp")).expect("original");
    let samples = [tiny_hwp(0), tiny_hwp(1), tiny_hwpx(), original];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for sample in &samples {
        for _ in 0..200 {
            let mut bytes = sample.clone();
            for _ in 0..1 + next() % 4 {
                let at = (next() % bytes.len() as u64) as usize;
                bytes[at] = next() as u8;
            }
            let _ = bodo::read_bytes(&bytes, "damaged");
        }
    }
}

/// An endless input is cut off with an error, not read until memory runs
/// out.
#[test]
fn endless_input_is_refused() {
    let err = bodo::read_from(std::io::repeat(b'a'), "endless").expect_err("refused");
    assert_eq!(
        err.to_string(),
        "endless: larger than 64 MiB, not a release"
    );
}
