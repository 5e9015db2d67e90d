//! Prints the analysis of releases as JSON: one file as one pretty JSON
//! document, a batch as JSON Lines. Run with `--help` for the options.
//!
//! cargo run --release --example extract -- [OPTIONS] PATH...

use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bodo::{Document, Encoding, Extractor, Format, Input, Options};

const HELP: &str = "\
extract: analyse Korean government press releases (보도자료) as JSON

usage: cargo run --release --example extract -- [OPTIONS] PATH...

A PATH is a file, a directory (walked recursively in sorted order, taking
.txt, .hwpx, .hwp, .pdf, .html, .htm and .md files) or - for standard
input. The format is told by the content: text in UTF-8, UTF-16 (with a
byte-order mark) or CP949/EUC-KR (Markdown included), HWPX, HWP 5.0 (even
when named .hwpx), PDF or HTML.

One input prints one pretty JSON document. Several inputs, or --jsonl,
print JSON Lines: one document per line with three more fields, `source`
(the path), `encoding` (how the input was decoded) and `format` (text,
hwpx, hwp, pdf, html or markdown). Output keeps the
input order; nothing but data goes to standard output.

options:
  --jsonl                    JSON Lines even for one input
  --text                     print the plain text that would be analysed
                             (after decoding and HWPX/HWP reading) instead;
                             as JSON Lines {source, encoding, format, text} for
                             several inputs
  --output DIR               write DIR/NAME.json (or NAME.txt with --text)
                             per input instead of printing
  --html OUT                 also write an HTML view of each release (the
                             text with every item marked, and the facts as
                             tables): OUT is the page for one input; for
                             several, or when OUT is a directory, OUT/NAME.html
                             per input and OUT/index.html listing them
  --reference-date YYYY-MM-DD
                             date to infer missing years from when a
                             release has no dated header
  --jobs N, -j N             threads (default: all cores)
  -h, --help                 this help

Errors print one line on standard error (error: PATH: what is wrong) and
the batch goes on; the exit code is 1 when any input failed, 2 for wrong
usage. Batches end with a summary line on standard error, and show
progress there when it is a terminal.

example:
  cargo run --release --example extract -- --jobs 2 releases/ > releases.jsonl
";

/// What the command line asked for.
#[derive(Debug, Default)]
struct Args {
    paths: Vec<String>,
    jsonl: bool,
    text: bool,
    output: Option<PathBuf>,
    html: Option<HtmlOut>,
    options: Options,
    jobs: Option<usize>,
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\nusage: extract [OPTIONS] PATH... (see --help)");
            return ExitCode::from(2);
        }
    };
    let extractor = match Extractor::with_options(args.options.clone()) {
        Ok(extractor) => extractor,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(1);
        }
    };
    let items = expand(&args.paths);
    if let Some(html) = &args.html {
        html.plan(&items);
    }
    let ok = run(&args, &extractor, &items);
    if args.html.as_ref().is_none_or(HtmlOut::finish) && ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Hand-written: six options do not need a parser crate. `Ok(None)` asks
/// for the help.
fn parse_args(raw: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args::default();
    let mut raw = raw.peekable();
    let mut only_paths = false;
    while let Some(arg) = raw.next() {
        if only_paths || arg == "-" || !arg.starts_with('-') {
            args.paths.push(arg);
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name.to_string(), Some(value.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| raw.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(None),
            "--" => only_paths = true,
            "--jsonl" => args.jsonl = true,
            "--text" => args.text = true,
            "--output" | "-o" => args.output = Some(PathBuf::from(value()?)),
            "--html" => args.html = Some(HtmlOut::new(value()?)),
            "--reference-date" => args.options.reference_date = Some(parse_date(&value()?)?),
            "--jobs" | "-j" => {
                let v = value()?;
                match v.parse::<usize>() {
                    Ok(n) if n > 0 => args.jobs = Some(n),
                    _ => return Err(format!("--jobs needs a positive number, not {v:?}")),
                }
            }
            _ => return Err(format!("unknown option {arg}")),
        }
    }
    if args.paths.is_empty() {
        return Err("no input given".into());
    }
    if args.text && args.html.is_some() {
        return Err("--html shows the analysis, not --text".into());
    }
    Ok(Some(args))
}

/// `YYYY-MM-DD`, checked to be a day of the calendar.
fn parse_date(s: &str) -> Result<(i32, u32, u32), String> {
    let bad = || format!("--reference-date needs YYYY-MM-DD, not {s:?}");
    let mut parts = s.splitn(3, '-');
    let mut next = || parts.next().ok_or_else(bad);
    let (y, m, d) = (next()?, next()?, next()?);
    let year: i32 = y.parse().map_err(|_| bad())?;
    let month: u32 = m.parse().map_err(|_| bad())?;
    let day: u32 = d.parse().map_err(|_| bad())?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    match days.get((month as usize).wrapping_sub(1)) {
        Some(&last) if y.len() == 4 && (1..=last).contains(&day) => Ok((year, month, day)),
        _ => Err(bad()),
    }
}

/// One input of the batch.
#[derive(Debug)]
enum Item {
    File(PathBuf),
    Stdin,
    /// A directory that could not be walked: reported in its place.
    Unreadable(PathBuf, std::io::Error),
}

impl Item {
    fn source(&self) -> String {
        match self {
            Item::File(path) | Item::Unreadable(path, _) => path.display().to_string(),
            Item::Stdin => "-".into(),
        }
    }
}

/// The inputs named on the command line, directories walked.
fn expand(paths: &[String]) -> Vec<Item> {
    let mut items = Vec::new();
    for path in paths {
        if path == "-" {
            items.push(Item::Stdin);
        } else if Path::new(path).is_dir() {
            walk(Path::new(path), &mut items);
        } else {
            items.push(Item::File(PathBuf::from(path)));
        }
    }
    items
}

/// Release files under `dir`, sorted by name at each level so that the
/// order is stable across runs and machines. Symbolic links to
/// directories are not followed (no cycles).
fn walk(dir: &Path, items: &mut Vec<Item>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => return items.push(Item::Unreadable(dir.to_path_buf(), err)),
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            walk(&path, items);
        } else if is_release(&path) && path.is_file() {
            items.push(Item::File(path));
        }
    }
}

fn is_release(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    ["txt", "hwpx", "hwp", "pdf", "html", "htm", "md"]
        .iter()
        .any(|x| x.eq_ignore_ascii_case(ext))
}

/// What one input gave: the rendered output, or the error line.
struct Outcome {
    result: Result<String, String>,
    bytes: u64,
    warnings: usize,
}

/// A document in JSON Lines: the input's path and decoding beside the
/// library's fields, which stay as they are.
#[derive(serde::Serialize)]
struct Sourced<'a> {
    source: &'a str,
    encoding: Encoding,
    format: Format,
    #[serde(flatten)]
    document: &'a Document,
}

/// `--text` in JSON Lines.
#[derive(serde::Serialize)]
struct SourcedText<'a> {
    source: &'a str,
    encoding: Encoding,
    format: Format,
    text: &'a str,
}

/// Runs the batch on `jobs` threads sharing one extractor, printing in
/// input order as results come in. Returns whether every input succeeded.
fn run(args: &Args, extractor: &Extractor, items: &[Item]) -> bool {
    let lines = args.jsonl || items.len() > 1;
    let stdin = read_stdin(items);
    let jobs = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::channel();
    let mut report = Report::new(items.len(), lines || args.output.is_some());
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let send = send.clone();
            let (next, stdin) = (&next, &stdin);
            scope.spawn(move || {
                loop {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(at) else { break };
                    // A bug in a recogniser must cost one file, not the batch.
                    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
                        process(args, extractor, item, stdin, lines)
                    }))
                    .unwrap_or_else(|_| Outcome {
                        result: Err(format!(
                            "{}: bodo panicked (a bug: please report it)",
                            item.source()
                        )),
                        bytes: 0,
                        warnings: 0,
                    });
                    if send.send((at, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut waiting = BTreeMap::new();
        let mut printed = 0;
        for (at, outcome) in receive {
            waiting.insert(at, outcome);
            while let (Some(item), Some(outcome)) = (items.get(printed), waiting.remove(&printed)) {
                report.emit(args, item, outcome);
                printed += 1;
            }
        }
    });
    report.finish()
}

/// Standard input, read once before the workers start.
fn read_stdin(items: &[Item]) -> Option<Result<Input, String>> {
    items
        .iter()
        .any(|i| matches!(i, Item::Stdin))
        .then(|| bodo::read_from(std::io::stdin().lock(), "-").map_err(|err| err.to_string()))
}

/// Reads, analyses and renders one input.
fn process(
    args: &Args,
    extractor: &Extractor,
    item: &Item,
    stdin: &Option<Result<Input, String>>,
    lines: bool,
) -> Outcome {
    let failed = |message: String| Outcome {
        result: Err(message),
        bytes: 0,
        warnings: 0,
    };
    let (input, bytes) = match read(item, stdin) {
        Ok(read) => read,
        Err(message) => return failed(message),
    };
    let source = item.source();
    let lines = lines && args.output.is_none();
    let (rendered, warnings) = if args.text {
        let text = if lines {
            serde_json::to_string(&SourcedText {
                source: &source,
                encoding: input.encoding,
                format: input.format,
                text: &input.text,
            })
        } else {
            Ok(input.text.clone())
        };
        (text, 0)
    } else {
        let mut document = extractor.extract(&input.text);
        // What the reader noticed (control characters replaced) comes first.
        document
            .warnings
            .splice(0..0, input.warnings.iter().cloned());
        if let Some(html) = &args.html {
            html.page(&source, &input.text, &document);
        }
        let json = if lines {
            serde_json::to_string(&Sourced {
                source: &source,
                encoding: input.encoding,
                format: input.format,
                document: &document,
            })
        } else {
            serde_json::to_string_pretty(&document)
        };
        (json, document.warnings.len())
    };
    Outcome {
        result: rendered.map_err(|err| format!("{source}: cannot serialise: {err}")),
        bytes,
        warnings,
    }
}

fn read(item: &Item, stdin: &Option<Result<Input, String>>) -> Result<(Input, u64), String> {
    match item {
        Item::File(path) => {
            let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
            bodo::read_path(path)
                .map(|input| (input, bytes))
                .map_err(|err| err.to_string())
        }
        Item::Stdin => match stdin {
            Some(Ok(input)) => Ok((input.clone(), input.text.len() as u64)),
            Some(Err(message)) => Err(message.clone()),
            None => Err("-: standard input was not read".into()),
        },
        Item::Unreadable(path, err) => Err(format!("{}: {err}", path.display())),
    }
}

/// Output ends with exactly one newline: JSON gets one, text that
/// already has it (as read) is left alone.
fn with_newline(data: &str) -> String {
    if data.ends_with('\n') {
        data.to_string()
    } else {
        format!("{data}\n")
    }
}

/// Writes results in order and keeps the counts for the summary.
struct Report {
    total: usize,
    done: usize,
    failures: usize,
    warnings: usize,
    bytes: u64,
    started: Instant,
    last_progress: Option<Instant>,
    terminal: bool,
    summary: bool,
    names: BTreeMap<String, usize>,
    stdout_closed: bool,
}

impl Report {
    fn new(total: usize, batch: bool) -> Report {
        Report {
            total,
            done: 0,
            failures: 0,
            warnings: 0,
            bytes: 0,
            started: Instant::now(),
            last_progress: None,
            terminal: batch && std::io::stderr().is_terminal(),
            summary: batch,
            names: BTreeMap::new(),
            stdout_closed: false,
        }
    }

    fn emit(&mut self, args: &Args, item: &Item, outcome: Outcome) {
        self.done += 1;
        self.bytes += outcome.bytes;
        self.warnings += outcome.warnings;
        let written = outcome.result.and_then(|data| match &args.output {
            Some(dir) => self.write_file(dir, item, &data, args.text),
            None if self.stdout_closed => Ok(()),
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(with_newline(&data).as_bytes())
                    .map_err(|err| {
                        // a closed pipe (`| head`) is reported once, not per file
                        self.stdout_closed = true;
                        format!("standard output: {err}")
                    })
            }
        });
        if let Err(message) = written {
            self.failures += 1;
            self.clear_progress();
            eprintln!("error: {message}");
        }
        self.progress();
    }

    /// `DIR/NAME.json`; a name met twice in one batch gets `-2`, `-3`…
    fn write_file(
        &mut self,
        dir: &Path,
        item: &Item,
        data: &str,
        text: bool,
    ) -> Result<(), String> {
        let stem = match item {
            Item::File(path) => path
                .file_stem()
                .map_or("input".into(), |s| s.to_string_lossy().into_owned()),
            _ => "stdin".into(),
        };
        let seen = self.names.entry(stem.clone()).or_insert(0);
        *seen += 1;
        let name = if *seen == 1 {
            stem
        } else {
            format!("{stem}-{seen}")
        };
        let path = dir.join(format!("{name}.{}", if text { "txt" } else { "json" }));
        std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(&path, with_newline(data)))
            .map_err(|err| format!("{}: {err}", path.display()))
    }

    fn progress(&mut self) {
        let now = Instant::now();
        let due = self
            .last_progress
            .is_none_or(|last| now.duration_since(last) > Duration::from_millis(100));
        if self.terminal && due {
            let rate = self.done as f64 / now.duration_since(self.started).as_secs_f64().max(1e-3);
            eprint!("\r{}/{} files, {rate:.1} files/s ", self.done, self.total);
            self.last_progress = Some(now);
        }
    }

    fn clear_progress(&mut self) {
        if self.terminal && self.last_progress.is_some() {
            eprint!("\r\x1b[K");
        }
    }

    /// Prints the summary of a batch; true when nothing failed.
    fn finish(mut self) -> bool {
        self.clear_progress();
        if self.summary {
            let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
            eprintln!(
                "{} file{}, {} failed, {} warnings, {:.2} MB/s",
                self.total,
                if self.total == 1 { "" } else { "s" },
                self.failures,
                self.warnings,
                self.bytes as f64 / 1e6 / seconds
            );
        }
        self.failures == 0
    }
}

/// `--html OUT`: the HTML view of each release (`bodo::view`), written
/// beside the usual output.
#[derive(Debug, Default)]
struct HtmlOut {
    out: PathBuf,
    /// Each source's place in the batch and page name, planned in input
    /// order so that a name met twice gets `-2`, `-3` … as with
    /// `--output`. Empty when OUT is the one page.
    pages: std::sync::OnceLock<HashMap<String, (usize, String)>>,
    entries: std::sync::Mutex<Vec<(usize, bodo::view::IndexEntry)>>,
    failed: AtomicUsize,
}

impl HtmlOut {
    fn new(out: String) -> HtmlOut {
        HtmlOut {
            out: PathBuf::from(out),
            ..HtmlOut::default()
        }
    }

    /// Names the pages: OUT is a directory of pages unless it names the
    /// page of a single input.
    fn plan(&self, items: &[Item]) {
        let mut pages = HashMap::new();
        if items.len() > 1
            || self.out.is_dir()
            || self.out.as_os_str().to_string_lossy().ends_with('/')
        {
            let mut seen = HashMap::from([("index".to_string(), 1)]);
            for (at, item) in items.iter().enumerate() {
                let stem = match item {
                    Item::Stdin => "stdin".into(),
                    Item::File(path) | Item::Unreadable(path, _) => path
                        .file_stem()
                        .map_or("input".into(), |s| s.to_string_lossy().into_owned()),
                };
                let count = seen.entry(stem.clone()).or_insert(0);
                *count += 1;
                let name = if *count == 1 {
                    stem
                } else {
                    format!("{stem}-{count}")
                };
                pages
                    .entry(item.source())
                    .or_insert((at, format!("{name}.html")));
            }
        }
        let _ = self.pages.set(pages);
    }

    /// Writes the page of one release; a failure is reported here and
    /// counted, and the release's JSON goes out as usual.
    fn page(&self, source: &str, text: &str, document: &Document) {
        let page = bodo::view::render(text, document);
        let planned = self.pages.get().and_then(|pages| pages.get(source));
        let path = planned.map_or(self.out.clone(), |(_, name)| self.out.join(name));
        let written = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir),
            _ => Ok(()),
        };
        match written.and_then(|()| std::fs::write(&path, page)) {
            Ok(()) => {
                if let (Some((at, name)), Ok(mut entries)) = (planned, self.entries.lock()) {
                    entries.push((*at, bodo::view::IndexEntry::new(name, source, document)));
                }
            }
            Err(err) => {
                self.failed.fetch_add(1, Ordering::Relaxed);
                eprintln!("error: {}: {err}", path.display());
            }
        }
    }

    /// Writes `index.html` for a batch; true when every page was written.
    fn finish(&self) -> bool {
        if self.pages.get().is_some_and(|pages| !pages.is_empty()) {
            let mut entries = self.entries.lock().map(|e| e.clone()).unwrap_or_default();
            entries.sort_by_key(|(at, _)| *at);
            let entries: Vec<_> = entries.into_iter().map(|(_, entry)| entry).collect();
            let path = self.out.join("index.html");
            if let Err(err) = std::fs::create_dir_all(&self.out)
                .and_then(|()| std::fs::write(&path, bodo::view::render_index(&entries)))
            {
                eprintln!("error: {}: {err}", path.display());
                return false;
            }
        }
        self.failed.load(Ordering::Relaxed) == 0
    }
}
