//! End-to-end runs of `examples/extract.rs`. Each run is one `cargo run`
//! (the example is already built by `cargo test`), so every run checks
//! several things at once.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::repo_path;
use crate::readers::{originals_dir, tiny_hwp, tiny_hwpx, zip};

const FIXTURE: &str = "fixtures/motie-2021-12-22-industry-dx-network.txt";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the example in the profile the tests were built in, so that no
/// second build of the dictionary is needed.
fn extract(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut command = Command::new(env!("CARGO"));
    command.args(["run", "--quiet"]);
    // The variables cargo sets for this test would look like a change to
    // build scripts that track them (ring's tracks CARGO_MANIFEST_DIR) and
    // rebuild the dictionary crates: run cargo as from a shell.
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy();
        let per_package = [
            "CARGO_PKG_",
            "CARGO_MANIFEST_",
            "CARGO_BIN_",
            "CARGO_CRATE_",
        ]
        .iter()
        .any(|p| key.starts_with(p));
        if per_package || key == "CARGO_PRIMARY_PACKAGE" || key == "CARGO_TARGET_TMPDIR" {
            command.env_remove(&*key);
        }
    }
    if !cfg!(debug_assertions) {
        command.arg("--release");
    }
    let mut child = command
        .args(["--example", "extract", "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cargo runs");
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(bytes).expect("stdin");
    }
    let out = child.wait_with_output().expect("the command ends");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bodo-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn put(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("dir");
    std::fs::write(path, bytes).expect("write");
}

#[test]
fn one_file_prints_one_pretty_document() {
    let run = extract(&[FIXTURE], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("{\n"), "pretty JSON");
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(doc["title"]["text"], "산업 디지털 전환에 산업계 참여 확산");
    assert!(doc.get("source").is_none(), "the library's Document only");
    assert!(
        run.stderr.is_empty(),
        "no summary for one file: {}",
        run.stderr
    );
}

/// One batch over a directory with good and bad inputs: JSON Lines in
/// sorted order, one error line per bad input, the summary, exit code 1.
#[test]
fn a_directory_gives_json_lines_in_order_and_reports_each_error() {
    let dir = scratch("batch");
    let fixture = std::fs::read(repo_path(FIXTURE)).expect("fixture");
    put(&dir, "a/1-utf8.txt", &fixture);
    let (cp949, _, _) = encoding_rs::EUC_KR.encode(std::str::from_utf8(&fixture).expect("UTF-8"));
    put(&dir, "a/2-cp949.txt", &cp949);
    put(&dir, "b/3-tiny.hwpx", &tiny_hwpx());
    let hwp = std::fs::read(originals_dir().join("156754268.hwp")).expect("original");
    put(&dir, "b/4-really-hwp.hwpx", &hwp);
    put(&dir, "b/notes.csv", b"not a release, skipped");
    put(&dir, "c/5-bad-bytes.txt", b"\xbc\xad abc \x80\xff");
    put(&dir, "c/6-binary.txt", b"\x7fELF\x02\x01\x01\0\0\0");
    put(
        &dir,
        "c/7-zip.hwpx",
        &zip(&[("word/document.xml", b"<w:document/>")]),
    );
    put(&dir, "c/8-truncated.hwp", &hwp[..hwp.len() / 3]);
    put(&dir, "c/9-encrypted.hwp", &tiny_hwp(1 | 2));
    let missing = dir.join("missing.txt");
    let (dir_arg, missing_arg) = (
        dir.to_str().expect("UTF-8"),
        missing.to_str().expect("UTF-8"),
    );
    let run = extract(&["--jobs", "2", dir_arg, missing_arg], None);

    assert_eq!(run.code, 1, "{}", run.stderr);
    let docs: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON document per line"))
        .collect();
    let sources: Vec<&str> = docs
        .iter()
        .map(|d| d["source"].as_str().expect("source"))
        .collect();
    let names: Vec<&str> = sources
        .iter()
        .map(|s| s.rsplit('/').next().unwrap_or(s))
        .collect();
    assert_eq!(
        names,
        [
            "1-utf8.txt",
            "2-cp949.txt",
            "3-tiny.hwpx",
            "4-really-hwp.hwpx"
        ]
    );
    let encodings: Vec<&str> = docs
        .iter()
        .map(|d| d["encoding"].as_str().expect("encoding"))
        .collect();
    assert_eq!(encodings, ["utf-8", "euc-kr", "hwpx", "hwp5"]);
    assert_eq!(
        docs[0]["title"], docs[1]["title"],
        "CP949 decodes to the same text"
    );
    assert!(
        docs[3]["title"]["text"].is_string(),
        "the HWP release has a title"
    );

    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    let expect = [
        ("5-bad-bytes.txt", "not text in UTF-8"),
        ("6-binary.txt", "binary data"),
        ("7-zip.hwpx", "not HWPX"),
        ("8-truncated.hwp", "OLE"),
        ("9-encrypted.hwp", "encrypted HWP"),
        ("missing.txt", "No such file"),
    ];
    assert_eq!(errors.len(), expect.len(), "{}", run.stderr);
    for (line, (name, what)) in errors.iter().zip(expect) {
        assert!(
            line.contains(&format!("{name}: ")) && line.contains(what),
            "{line}"
        );
    }
    let summary = run.stderr.lines().last().unwrap_or("");
    assert!(summary.starts_with("10 files, 6 failed, "), "{summary}");
    assert!(summary.ends_with(" MB/s"), "{summary}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stdin_is_read_with_its_encoding() {
    let (cp949, _, _) =
        encoding_rs::EUC_KR.encode("2021년 산업부 보도자료\n□ 산업부는 12월 22일 밝혔다.\n");
    let run = extract(
        &["--jsonl", "--reference-date", "2021-12-22", "-"],
        Some(&cp949),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(run.stdout.trim_end()).expect("one line");
    assert_eq!(doc["source"], "-");
    assert_eq!(doc["encoding"], "euc-kr");
    assert_eq!(doc["title"]["text"], "2021년 산업부 보도자료");
}

/// `--text --output`: the text of every original, one file each, equals
/// the released text.
#[test]
fn text_of_the_originals_written_to_a_directory() {
    let out = scratch("text");
    let run = extract(
        &[
            "--text",
            "--output",
            out.to_str().expect("UTF-8"),
            originals_dir().to_str().expect("UTF-8"),
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "files, not stdout");
    let mut written = 0;
    for entry in std::fs::read_dir(&out).expect("output dir") {
        let path = entry.expect("entry").path();
        let id = path.file_stem().and_then(|s| s.to_str()).expect("name");
        let released = repo_path(&format!("../shared/corpus/releases/{id}.txt"));
        let expected = std::fs::read_to_string(released).expect("release");
        assert_eq!(
            std::fs::read_to_string(&path).expect("written"),
            expected,
            "{id}"
        );
        written += 1;
    }
    assert_eq!(written, 16);
    assert!(
        run.stderr.starts_with("16 files, 0 failed, "),
        "{}",
        run.stderr
    );
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn wrong_usage_exits_with_2() {
    let run = extract(&["--jobs", "zero", "--bogus"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: --jobs needs a positive number"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn an_unreadable_directory_is_one_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("locked");
    let locked = dir.join("locked");
    std::fs::create_dir_all(&locked).expect("dir");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read_dir(&locked).is_ok() {
        // root reads it anyway: nothing to test here
        let _ = std::fs::remove_dir_all(&dir);
        return;
    }
    let run = extract(&[dir.to_str().expect("UTF-8")], None);
    let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: ") && run.stderr.contains("locked: "),
        "{}",
        run.stderr
    );
}

/// `--html`: a page for one input; for a batch, a page per release (names
/// met twice numbered, `index` kept for the index) and `index.html`
/// linking to them in input order. The JSON goes out as usual.
#[test]
fn html_views_of_one_release_and_of_a_batch() {
    let dir = scratch("html");
    let page = dir.join("one/page.html");
    let run = extract(&["--html", page.to_str().expect("UTF-8"), FIXTURE], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("{\n"), "the JSON as without --html");
    let html = std::fs::read_to_string(&page).expect("the page");
    assert!(html.contains("<mark class=\"m person\""), "marks");

    let fixture = std::fs::read(repo_path(FIXTURE)).expect("fixture");
    put(&dir, "in/a/x.txt", &fixture);
    put(&dir, "in/b/x.txt", b"\xbc\xad abc \x80\xff");
    put(
        &dir,
        "in/c/x.txt",
        "제목\n□ <script>alert(1)</script>\n".as_bytes(),
    );
    put(&dir, "in/index.txt", &fixture);
    let (input, out) = (dir.join("in"), dir.join("out"));
    let args = [
        "--html",
        out.to_str().expect("UTF-8"),
        "--output",
        out.to_str().expect("UTF-8"),
        input.to_str().expect("UTF-8"),
    ];
    let run = extract(&args, None);
    assert_eq!(run.code, 1, "the undecodable input fails: {}", run.stderr);
    // Page names are planned before reading, so a failed input keeps its
    // name (x-2) and the third x is x-3; the index says which is which.
    let mut pages: Vec<String> = std::fs::read_dir(&out)
        .expect("the output directory")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".html"))
        .collect();
    pages.sort();
    assert_eq!(pages, ["index-2.html", "index.html", "x-3.html", "x.html"]);
    assert!(out.join("x.json").is_file(), "--output goes on as before");
    let index = std::fs::read_to_string(out.join("index.html")).expect("the index");
    let links: Vec<&str> = index
        .split("<a href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(links, ["x.html", "x-3.html", "index-2.html"]);
    assert!(
        index.contains("numbering: list number ② repeats"),
        "warnings"
    );
    let escaped = std::fs::read_to_string(out.join("x-3.html")).expect("a page");
    assert!(escaped.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let _ = std::fs::remove_dir_all(&dir);
}
