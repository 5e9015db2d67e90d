//! Prints the analysis of releases as JSON: one file as one pretty JSON
//! document, a batch as JSON Lines. Run with `--help` for the options.
//!
//! cargo run --release --example extract -- [OPTIONS] PATH...

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bodo::{Document, Extractor, Input, Options};

const HELP: &str = "\
extract: analyse Korean government press releases (보도자료) as JSON

usage: cargo run --release --example extract -- [OPTIONS] PATH...

A PATH is a file, a directory (walked recursively in sorted order, taking
.txt, .hwpx and .hwp files) or - for standard input. The format is told by
the content: text in UTF-8, UTF-16 (with a byte-order mark) or CP949/EUC-KR,
HWPX, or HWP 5.0 (even when named .hwpx).

One input prints one pretty JSON document. Several inputs, or --jsonl,
print JSON Lines: one document per line with two more fields, `source`
(the path) and `encoding` (how the input was decoded). Output keeps the
input order; nothing but data goes to standard output.

options:
  --jsonl                    JSON Lines even for one input
  --text                     print the plain text that would be analysed
                             (after decoding and HWPX/HWP reading) instead;
                             as JSON Lines {source, encoding, text} for
                             several inputs
  --output DIR               write DIR/NAME.json (or NAME.txt with --text)
                             per input instead of printing
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
    if run(&args, &extractor, &items) {
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
            "--reference-date" => {
                let date = value()?
                    .parse()
                    .map_err(|err: bodo::Error| err.to_string())?;
                args.options = Options::new().reference_date(date);
            }
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
    Ok(Some(args))
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
    ["txt", "hwpx", "hwp"]
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
    encoding: &'a str,
    #[serde(flatten)]
    document: &'a Document,
}

/// `--text` in JSON Lines.
#[derive(serde::Serialize)]
struct SourcedText<'a> {
    source: &'a str,
    encoding: &'a str,
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
                text: &input.text,
            })
        } else {
            Ok(input.text.clone())
        };
        (text, 0)
    } else {
        let document = extractor.extract(&input.text);
        let json = if lines {
            serde_json::to_string(&Sourced {
                source: &source,
                encoding: input.encoding,
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
