//! The HTML view (`bodo::view`): pages of real releases parsed back with
//! an HTML5 parser, and the fixture's page in a real browser.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bodo::{Block, BlockKind, Document, Span};
use scraper::{Html, Selector};

use crate::common::{EXTRACTOR, all_blocks, repo_path};

const FIXTURE: &str = "fixtures/motie-2021-12-22-industry-dx-network.txt";

/// The fields of the document that the view marks, with the CSS class
/// of their marks.
const MARKED: [(&str, &str); 11] = [
    ("people", "person"),
    ("organizations", "organization"),
    ("dates", "date"),
    ("times", "time"),
    ("venues", "venue"),
    ("events", "event"),
    ("attendees", "attendee"),
    ("commitments", "commitment"),
    ("quotes", "quote"),
    ("contacts", "contact"),
    ("warnings", "warning"),
];

/// Every mention the view should mark, as (class, span), read from the
/// JSON: an item's own span and the spans of its `mentions`.
fn mentions(doc: &Document) -> BTreeSet<(String, Span)> {
    let json = serde_json::to_value(doc).expect("serialises");
    let span = |v: &serde_json::Value| -> Option<Span> {
        let pair = v.get("span")?.as_array()?;
        let at = |i: usize| pair.get(i)?.as_u64().map(|n| n as usize);
        Some(Span::new(at(0)?, at(1)?))
    };
    let mut out = BTreeSet::new();
    for (field, class) in MARKED {
        for item in json[field].as_array().into_iter().flatten() {
            let listed = item["mentions"].as_array().into_iter().flatten();
            for span in std::iter::once(item).chain(listed).filter_map(span) {
                out.insert((class.to_string(), span));
            }
        }
    }
    out
}

/// The ranges of the text the page shows: blocks' text (inline children
/// inside their parent's), markers and table cells; not table borders.
fn shown(doc: &Document) -> Vec<Span> {
    let blocks = all_blocks(doc);
    let visible = blocks.iter().filter(|b| b.kind != BlockKind::Separator);
    visible
        .flat_map(|b: &&Block| {
            let cells = b.cells.iter().map(|c| c.span);
            std::iter::once(b.span).chain(b.marker_span).chain(cells)
        })
        .collect()
}

/// One mark of the page, its pieces put together.
#[derive(Debug, Default)]
pub struct Mark {
    class: String,
    span: Option<Span>,
    text: String,
    pieces: usize,
}

/// Parses `page` (failing on any HTML5 parse error) and returns its marks
/// in the text, by `data-m`.
fn marks_of(page: &str) -> BTreeMap<String, Mark> {
    let html = Html::parse_document(page);
    assert!(html.errors.is_empty(), "parse errors: {:?}", html.errors);
    let selector = Selector::parse(".text mark.m").expect("a selector");
    let mut marks: BTreeMap<String, Mark> = BTreeMap::new();
    for element in html.select(&selector) {
        let key = element.attr("data-m").expect("a data-m").to_string();
        let mark = marks.entry(key).or_default();
        let classes: Vec<&str> = element.value().classes().collect();
        mark.class = classes
            .iter()
            .find(|c| !["m", "cont"].contains(c))
            .map_or_else(String::new, |c| c.to_string());
        mark.span = element.attr("data-span").and_then(|s| {
            let (start, end) = s.split_once('-')?;
            Some(Span::new(start.parse().ok()?, end.parse().ok()?))
        });
        mark.text.extend(element.text());
        mark.pieces += 1;
    }
    marks
}

/// Checks the page of `text` and returns its marks (`corpus.rs` runs it
/// on every corpus release, as it extracts them anyway). Every mention in the
/// shown text is a mark whose pieces put together are its text (less the
/// line breaks and markers between blocks, for a mention over two
/// blocks); with `strict`, every mention must be shown and lie in one
/// block.
pub fn check_page(text: &str, doc: &Document, strict: bool) -> BTreeMap<String, Mark> {
    let page = bodo::view::render(text, doc);
    let marks = marks_of(&page);
    let shown = shown(doc);
    let on_page: BTreeSet<(String, Span)> = marks
        .values()
        .map(|m| (m.class.clone(), m.span.expect("a data-span")))
        .collect();
    for (class, span) in mentions(doc) {
        let visible = shown.iter().any(|s| {
            if span.is_empty() {
                s.start <= span.start && span.start <= s.end
            } else {
                s.start < span.end && span.start < s.end
            }
        });
        assert!(visible || !strict, "{class} {span:?} is not in any block");
        assert!(
            !visible || on_page.contains(&(class.clone(), span)),
            "{class} {:?} at {span:?} is not marked",
            &text[span]
        );
    }
    for mark in marks.values() {
        let span = mark.span.expect("a data-span");
        let whole = &text[span];
        if mark.text != whole {
            assert!(
                !strict && is_subsequence(&mark.text, whole),
                "{} mark {:?} for {whole:?} at {span:?}",
                mark.class,
                mark.text
            );
        }
    }
    marks
}

fn is_subsequence(part: &str, whole: &str) -> bool {
    let mut rest = whole.chars();
    part.chars().all(|c| rest.any(|w| w == c))
}

fn fixture() -> (String, Document) {
    let text = std::fs::read_to_string(repo_path(FIXTURE)).expect("the fixture");
    let doc = EXTRACTOR.extract(&text);
    (text, doc)
}

#[test]
fn fixture_page_marks_every_item() {
    let (text, doc) = fixture();
    let marks = check_page(&text, &doc, true);
    assert_eq!(marks.len(), mentions(&doc).len());
    // Nesting as the items nest: the quote of the last paragraph holds
    // the government's commitment.
    let page = bodo::view::render(&text, &doc);
    let html = Html::parse_document(&page);
    let nested = Selector::parse(".text mark.quote mark.commitment").expect("a selector");
    let inner: Vec<String> = html.select(&nested).map(|e| e.text().collect()).collect();
    assert_eq!(inner, ["지원을 아끼지 않겠다"]);
}

/// Chromium, as Debian and others name it; `BODO_CHROMIUM` overrides.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("BODO_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let names = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ];
    let dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    names
        .iter()
        .flat_map(|name| dirs.iter().map(move |dir| dir.join(name)))
        .find(|path| path.is_file())
}

/// Runs headless chromium on `page` with `args`, with its own profile,
/// nothing fetched, and a time limit; returns its standard output.
fn headless(browser: &Path, page: &Path, profile: &Path, args: &[&str]) -> Vec<u8> {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--force-color-profile=srgb",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|err| panic!("{}: {err}", browser.display()));
    let started = Instant::now();
    while child.try_wait().expect("chromium runs").is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("{} {args:?} took over 2 minutes", browser.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("chromium ends");
    assert!(
        out.status.success(),
        "{} {args:?}: {}",
        browser.display(),
        out.status
    );
    out.stdout
}

/// The marks' colours in `view/style.css`, which the screenshot must show.
const COLOURS: [(&str, [u8; 3]); 3] = [
    ("person", [0xff, 0xd8, 0xa8]),
    ("organization", [0xa5, 0xd8, 0xff]),
    ("date", [0xb2, 0xf2, 0xbb]),
];

#[test]
fn fixture_page_in_a_browser() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("BODO_REQUIRE_BROWSER").is_none(),
            "BODO_REQUIRE_BROWSER is set but no chromium was found"
        );
        eprintln!(
            "skipped fixture_page_in_a_browser: no chromium on PATH \
             (apt-get install chromium, or set BODO_CHROMIUM)"
        );
        return;
    };
    let (text, doc) = fixture();
    let dir = std::env::temp_dir().join(format!("bodo-view-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch dir");
    let page = dir.join("fixture.html");
    std::fs::write(&page, bodo::view::render(&text, &doc)).expect("the page");
    let png = dir.join("fixture.png");
    // One run takes the screenshot and prints the DOM.
    let screenshot = format!("--screenshot={}", png.display());
    let args = ["--window-size=1280,900", &screenshot, "--dump-dom"];
    let dom = headless(&browser, &page, &dir.join("profile"), &args);
    check_screenshot(&png);
    // How the README's screenshot is made (then shrunk with `pngquant`):
    // BODO_VIEW_SCREENSHOT=docs/view.png cargo test --test it in_a_browser
    if let Some(keep) = std::env::var_os("BODO_VIEW_SCREENSHOT") {
        std::fs::copy(&png, repo_path(&keep.to_string_lossy())).expect("the screenshot is kept");
    }
    // The DOM as the browser built it holds the same marks, same texts.
    let dom = String::from_utf8(dom).expect("UTF-8 DOM");
    let in_browser = marks_of(&dom);
    let ours = marks_of(&bodo::view::render(&text, &doc));
    assert_eq!(in_browser.len(), ours.len());
    for (key, mark) in &ours {
        let seen = in_browser.get(key).map(|m| m.text.as_str());
        assert_eq!(seen, Some(mark.text.as_str()), "{key} in the browser's DOM");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The screenshot has the window's size, is far from blank, and shows the
/// colours of the marks.
fn check_screenshot(png: &Path) {
    let file = std::fs::File::open(png).expect("chromium wrote the screenshot");
    let decoder = png::Decoder::new(std::io::BufReader::new(file));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a buffer size")];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    assert_eq!((info.width, info.height), (1280, 900));
    let channels = info.color_type.samples();
    assert!(
        channels >= 3,
        "a colour screenshot, not {:?}",
        info.color_type
    );
    let mut counts: BTreeMap<[u8; 3], usize> = BTreeMap::new();
    for pixel in pixels[..info.buffer_size()].chunks_exact(channels) {
        *counts.entry([pixel[0], pixel[1], pixel[2]]).or_default() += 1;
    }
    let total = (info.width * info.height) as usize;
    let background = counts.values().max().copied().unwrap_or(0);
    assert!(counts.len() > 200, "only {} colours", counts.len());
    assert!(
        background < total * 9 / 10,
        "one colour covers {background} of {total} pixels"
    );
    for (class, rgb) in COLOURS {
        let near = |c: &[u8; 3]| c.iter().zip(rgb).all(|(a, b)| a.abs_diff(b) <= 2);
        let n: usize = counts.iter().filter(|(c, _)| near(c)).map(|(_, n)| n).sum();
        assert!(n > 100, "{class} marks: {n} pixels of {rgb:02x?}");
    }
}
