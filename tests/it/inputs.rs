//! PDF, HTML and the wider corpus's originals: the text of each corpus PDF
//! against the text made from the same release's HWPX/HWP, the facts
//! extracted from both, every wider original read, and damaged copies
//! read without a panic.

use std::collections::HashMap;
use std::path::PathBuf;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use similar::TextDiff;

use crate::common::*;

fn pdf_files() -> Vec<PathBuf> {
    let dir = repo_path("../shared/corpus/pdf");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    files.sort();
    files
}

fn wider_originals() -> Vec<PathBuf> {
    let dir = repo_path("../shared/corpus/wider/originals");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files
}

/// Names of the held-out releases (`tests/gold/SPLITS.tsv`): their scores
/// count in the aggregate but are never printed by name.
fn blind() -> Vec<String> {
    let splits = std::fs::read_to_string(repo_path("tests/gold/SPLITS.tsv")).unwrap_or_default();
    splits
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            let name = f.next()?;
            (f.next()? == "blind").then(|| name.to_string())
        })
        .collect()
}

/// Whitespace squashed: runs of spaces become one, lines are trimmed and
/// blank lines dropped, so that only paragraph breaks and word spaces
/// count.
fn squash(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// `2 × matches / (len a + len b)` over chars, as Python's difflib.
fn similarity(a: &str, b: &str) -> f64 {
    TextDiff::configure()
        .timeout(std::time::Duration::from_secs(5))
        .diff_chars(a, b)
        .ratio() as f64
}

/// The facts a reader's text must keep: dates, times, people,
/// organisations and contacts, as multisets of their normalised values.
fn facts(text: &str) -> HashMap<String, usize> {
    let doc = EXTRACTOR.extract(text);
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    let mut out: HashMap<String, usize> = HashMap::new();
    let mut add = |key: String| *out.entry(key).or_default() += 1;
    for d in &doc.dates {
        add(format!(
            "date {}",
            d.date.clone().unwrap_or_else(|| squash(&d.mention.text))
        ));
    }
    for t in &doc.times {
        add(format!("time {} {:?}", t.start, t.end));
    }
    for p in &doc.people {
        add(format!("person {}", p.name));
    }
    for o in &doc.organizations {
        add(format!("organization {}", o.name));
    }
    for c in &doc.contacts {
        add(format!("contact {:?} {:?} {:?}", c.name, c.phone, c.email));
    }
    out
}

/// (true positives, found, expected) with `reference` as the truth.
fn overlap(found: &HashMap<String, usize>, reference: &HashMap<String, usize>) -> [usize; 3] {
    let tp = found
        .iter()
        .map(|(k, n)| (*n).min(reference.get(k).copied().unwrap_or(0)))
        .sum();
    [tp, found.values().sum(), reference.values().sum()]
}

/// Every corpus PDF reads to nearly the text made from its HWPX/HWP, and
/// the facts extracted from it match those from that text. Three of the
/// PDFs hold only the release's attachment pages (photos), which bounds
/// the worst figures. `cargo test --test it pdf_text -- --nocapture`
/// prints the figures.
#[test]
fn pdf_text_and_facts_match_the_hwpx_text() {
    let files = pdf_files();
    assert_eq!(files.len(), 66, "the corpus PDFs");
    let blind = blind();
    let mut scores = Vec::new();
    let mut counts = [0usize; 3];
    for path in &files {
        let id = path.file_stem().and_then(|s| s.to_str()).expect("a newsId");
        let input = bodo::read_path(path).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(input.format, bodo::Format::Pdf);
        let release = std::fs::read_to_string(corpus_dir().join(format!("{id}.txt")))
            .expect("the released text");
        scores.push((similarity(&squash(&input.text), &squash(&release)), id));
        let got = overlap(&facts(&input.text), &facts(&release));
        counts.iter_mut().zip(got).for_each(|(c, g)| *c += g);
    }
    scores.sort_by(|a, b| a.0.total_cmp(&b.0));
    let median = scores[scores.len() / 2].0;
    let worst: Vec<String> = scores[..5]
        .iter()
        .map(|(s, id)| {
            let shown = if blind.iter().any(|b| b == id) {
                "(held out)"
            } else {
                id
            };
            format!("{shown} {s:.3}")
        })
        .collect();
    let [tp, found, expected] = counts;
    let precision = tp as f64 / found.max(1) as f64;
    let recall = tp as f64 / expected.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    println!(
        "PDF vs HWPX text: median similarity {median:.4}, worst five {worst:?}; \
         facts precision {precision:.3} recall {recall:.3} F1 {f1:.3} ({expected} facts)"
    );
    assert!(median >= 0.99, "median similarity {median:.4}");
    assert!(f1 >= 0.95, "facts F1 {f1:.3}");
}

/// Every file of the wider corpus reads, or fails with a clear reason;
/// what reads extracts with valid spans.
#[test]
fn every_wider_original_reads() {
    let files = wider_originals();
    assert!(files.len() >= 50, "found {} originals", files.len());
    for path in files {
        match bodo::read_path(&path) {
            Ok(input) => {
                assert!(!input.text.trim().is_empty(), "{}: no text", path.display());
                check_spans(&input.text, &EXTRACTOR.extract(&input.text));
            }
            Err(err) => {
                let message = err.to_string();
                assert!(
                    message.contains("encrypted") || message.contains("no OCR"),
                    "{message}"
                );
            }
        }
    }
}

/// PDFs that cannot be read say why.
#[test]
fn unreadable_pdfs_say_why() {
    let err = |bytes: &[u8]| {
        bodo::read_bytes(bytes, "x.pdf")
            .expect_err("fails")
            .to_string()
    };
    assert!(
        err(b"%PDF-1.7\n").starts_with("x.pdf: broken PDF"),
        "{}",
        err(b"%PDF-1.7\n")
    );
    let encrypted = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF";
    assert!(
        err(encrypted).contains("encrypted PDF"),
        "{}",
        err(encrypted)
    );
    let blank = minimal_pdf("");
    assert!(
        err(&blank).contains("a PDF without text"),
        "{}",
        err(&blank)
    );
    let image_only = minimal_pdf("q 100 0 0 100 0 0 cm /Im1 Do Q");
    assert!(err(&image_only).contains("no OCR"), "{}", err(&image_only));
}

/// A one-page PDF drawing `content`, with an image XObject `Im1`.
fn minimal_pdf(content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /XObject << /Im1 5 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        ),
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray \
         /BitsPerComponent 8 /Length 1 >>\nstream\n\0\nendstream"
            .to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

/// Truncated and byte-mutated copies of corpus PDFs and of HTML give an
/// error or some text, never a panic or a stack overflow.
#[test]
fn damaged_pdfs_and_html_never_panic() {
    let mut samples: Vec<Vec<u8>> = pdf_files()
        .iter()
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() < 400_000))
        .take(6)
        .map(|p| std::fs::read(p).expect("reads"))
        .collect();
    samples.extend(
        wider_originals()
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .map(|p| std::fs::read(p).expect("reads")),
    );
    samples.push(
        "<html><body><div class=\"gnb\">메뉴</div><table><tr><td>보도</td><td>자료</td></tr>\
         </table><p>□ 본문<br>둘째 줄</p></body></html>"
            .as_bytes()
            .to_vec(),
    );
    let count = samples.len();
    let mut runner = TestRunner::new(Config {
        cases: 48,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        0..count,
        any::<prop::sample::Index>(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
    );
    runner
        .run(&strategy, |(which, cut, edits)| {
            let mut bytes = samples[which].clone();
            for (at, byte) in edits {
                let at = at.index(bytes.len());
                bytes[at] = byte;
            }
            let keep = cut.index(bytes.len() + 1).max(bytes.len() / 2);
            bytes.truncate(keep);
            if let Ok(input) = bodo::read_bytes(&bytes, "damaged") {
                prop_assert!(input.text.len() <= 64 << 20);
            }
            Ok(())
        })
        .expect("no panic");
}
