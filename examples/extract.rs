//! Prints the analysis of releases as JSON: one file as one pretty JSON
//! document, a batch as JSON Lines. Run with `--help` for the options.
//!
//! cargo run --release --example extract -- [OPTIONS] PATH...

#[path = "extract/args.rs"]
mod args;
#[path = "extract/html.rs"]
mod html;
#[path = "extract/summary.rs"]
mod summary;

use std::collections::BTreeMap;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bodo::{Document, Encoding, Extractor, Format, Input, json};

use args::{Args, Command, HELP, parse_args};
use summary::{Stats, summary};

/// Files the directory walk takes, by extension (any case).
const RELEASE_EXTENSIONS: &[&str] = &["txt", "hwpx", "hwp", "pdf", "html", "htm", "md"];

/// Where results go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// One input on standard output: the library's document, pretty, or
    /// the text as read.
    One,
    /// JSON Lines on standard output.
    Lines,
    /// One file per input in the `--output` directory.
    Files,
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("extract (bodo {})", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\nusage: extract [OPTIONS] PATH... (see --help)");
            return ExitCode::from(2);
        }
    };
    if let Some(dir) = &args.output {
        if dir.exists() && !dir.is_dir() {
            eprintln!("error: --output {}: not a directory", dir.display());
            return ExitCode::from(2);
        }
        if let Err(err) = std::fs::create_dir_all(dir) {
            eprintln!("error: --output {}: {err}", dir.display());
            return ExitCode::from(1);
        }
    }
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
    let ok = run(&args, mode(&args), &extractor, &items);
    if args.html.as_ref().is_none_or(html::HtmlOut::finish) && ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// One output format per command line, whatever the inputs turn out to
/// hold: a directory or several paths mean JSON Lines even when they
/// hold one release.
fn mode(args: &Args) -> Mode {
    let batch = args.paths.len() > 1 || args.paths.iter().any(|p| Path::new(p).is_dir());
    if args.output.is_some() {
        Mode::Files
    } else if args.jsonl || batch {
        Mode::Lines
    } else {
        Mode::One
    }
}

/// One input of the batch.
#[derive(Debug)]
enum Item {
    File(PathBuf),
    Stdin,
    /// A directory that could not be walked: reported in its place.
    Unreadable(PathBuf, io::Error),
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
    RELEASE_EXTENSIONS
        .iter()
        .any(|x| x.eq_ignore_ascii_case(ext))
}

/// What one input gave, sent from a worker to the printer: the input as
/// read (its text dropped once analysed, unless `--text` prints it) and
/// its document.
struct Outcome {
    input: Input,
    document: Option<Document>,
    /// Bytes of decoded text, for the rate.
    text_bytes: usize,
}

/// A document in JSON Lines and `--output` files: where the input came
/// from and how it was read, beside the library's fields, which stay as
/// they are.
#[derive(serde::Serialize)]
struct Sourced<'a> {
    source: &'a str,
    encoding: Encoding,
    format: Format,
    #[serde(flatten)]
    document: &'a Document,
}

impl<'a> Sourced<'a> {
    fn new(source: &'a str, input: &'a Input, document: &'a Document) -> Sourced<'a> {
        Sourced {
            source,
            encoding: input.encoding,
            format: input.format,
            document,
        }
    }
}

/// `--text` in JSON Lines.
#[derive(serde::Serialize)]
struct SourcedText<'a> {
    source: &'a str,
    encoding: Encoding,
    format: Format,
    text: &'a str,
}

impl<'a> SourcedText<'a> {
    fn new(source: &'a str, input: &'a Input) -> SourcedText<'a> {
        SourcedText {
            source,
            encoding: input.encoding,
            format: input.format,
            text: &input.text,
        }
    }
}

/// An input that failed, in JSON Lines, so that output can be joined on
/// `source` with the inputs.
#[derive(serde::Serialize)]
struct Failed<'a> {
    source: &'a str,
    error: &'a str,
}

/// Runs the batch on `jobs` threads sharing one extractor; this thread
/// prints in input order as results come in. Returns whether every input
/// succeeded.
fn run(args: &Args, mode: Mode, extractor: &Extractor, items: &[Item]) -> bool {
    let jobs = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (send, receive) = mpsc::channel();
    let mut printer = Printer::new(args, mode, items.len());
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let send = send.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(at) else { break };
                    // A bug in a recogniser must cost one file, not the batch.
                    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
                        process(args, extractor, item)
                    }))
                    .unwrap_or_else(|_| {
                        Err(format!(
                            "{}: bodo panicked (a bug: please report it)",
                            item.source()
                        ))
                    });
                    if send.send((at, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut waiting = BTreeMap::new();
        let mut printed = 0;
        for (at, result) in &receive {
            waiting.insert(at, result);
            while let (Some(item), Some(result)) = (items.get(printed), waiting.remove(&printed)) {
                printer.emit(item, result);
                printed += 1;
            }
            if printer.stopped {
                stop.store(true, Ordering::Relaxed);
                break;
            }
        }
    });
    printer.finish()
}

/// Reads and analyses one input.
fn process(args: &Args, extractor: &Extractor, item: &Item) -> Result<Outcome, String> {
    let mut input = match item {
        Item::File(path) => bodo::read_path(path),
        Item::Stdin => bodo::read_from(io::stdin().lock(), "-"),
        Item::Unreadable(path, err) => return Err(format!("{}: {err}", path.display())),
    }
    .map_err(|err| err.to_string())?;
    let text_bytes = input.text.len();
    if args.text {
        return Ok(Outcome {
            input,
            document: None,
            text_bytes,
        });
    }
    let mut document = extractor.extract_input(&input);
    if let Some(html) = &args.html {
        html.page(&item.source(), &input.text, &document);
    }
    if args.no_blocks {
        document.blocks = Vec::new();
    }
    input.text = String::new();
    Ok(Outcome {
        input,
        document: Some(document),
        text_bytes,
    })
}

/// Writes one input's result in the layout `mode` asks for.
fn write_record(
    out: &mut impl Write,
    mode: Mode,
    source: &str,
    outcome: &Outcome,
) -> io::Result<()> {
    let input = &outcome.input;
    match (&outcome.document, mode) {
        (Some(document), Mode::One) => json::write_pretty(out, document),
        (Some(document), Mode::Lines) => {
            json::write_line(out, &Sourced::new(source, input, document))
        }
        (Some(document), Mode::Files) => {
            json::write_pretty(out, &Sourced::new(source, input, document))
        }
        (None, Mode::Lines) => json::write_line(out, &SourcedText::new(source, input)),
        // the text as read, ending in exactly one newline
        (None, _) => {
            out.write_all(input.text.as_bytes())?;
            if input.text.ends_with('\n') {
                Ok(())
            } else {
                out.write_all(b"\n")
            }
        }
    }
}

/// Writes results in order, straight to standard output or to files, and
/// keeps the counts for the summary.
struct Printer<'a> {
    args: &'a Args,
    mode: Mode,
    stdout: BufWriter<io::StdoutLock<'static>>,
    stats: Stats,
    total: usize,
    started: Instant,
    last_progress: Option<Instant>,
    terminal: bool,
    /// `--output` names given so far, so that a name met twice gets `-2`.
    names: BTreeMap<String, usize>,
    /// Standard output is gone: the batch stops.
    stopped: bool,
    /// It went because its reader stopped reading (`| head`): no error.
    closed_pipe: bool,
}

impl<'a> Printer<'a> {
    fn new(args: &'a Args, mode: Mode, total: usize) -> Printer<'a> {
        Printer {
            args,
            mode,
            stdout: BufWriter::new(io::stdout().lock()),
            stats: Stats::default(),
            total,
            started: Instant::now(),
            last_progress: None,
            terminal: mode != Mode::One && io::stderr().is_terminal(),
            names: BTreeMap::new(),
            stopped: false,
            closed_pipe: false,
        }
    }

    fn emit(&mut self, item: &Item, result: Result<Outcome, String>) {
        if self.stopped {
            return;
        }
        self.stats.done += 1;
        let source = item.source();
        let written = result.and_then(|outcome| {
            self.stats.text_bytes += outcome.text_bytes as u64;
            if let Some(doc) = &outcome.document {
                self.stats.count(doc);
            }
            match &self.args.output {
                Some(dir) => self.write_file(dir, item, &source, &outcome),
                None => {
                    let written = write_record(&mut self.stdout, self.mode, &source, &outcome);
                    self.flushed(written);
                    Ok(())
                }
            }
        });
        if let Err(message) = written {
            self.fail(&source, &message);
        }
        self.progress();
    }

    /// Reports a failed input on standard error and, in JSON Lines, as a
    /// line of its own.
    fn fail(&mut self, source: &str, message: &str) {
        self.stats.failures += 1;
        self.clear_progress();
        eprintln!("error: {message}");
        if self.mode == Mode::Lines {
            let error = message
                .strip_prefix(source)
                .and_then(|m| m.strip_prefix(": "))
                .unwrap_or(message);
            let written = json::write_line(&mut self.stdout, &Failed { source, error });
            self.flushed(written);
        }
    }

    /// Flushes what was written to standard output, and stops the batch
    /// when standard output is gone: quietly when its reader closed the
    /// pipe, as `ripgrep` does, with one error line otherwise.
    fn flushed(&mut self, written: io::Result<()>) {
        let Err(err) = written.and_then(|()| self.stdout.flush()) else {
            return;
        };
        self.stopped = true;
        if err.kind() == io::ErrorKind::BrokenPipe {
            self.closed_pipe = true;
        } else {
            self.stats.failures += 1;
            self.clear_progress();
            eprintln!("error: standard output: {err}");
        }
    }

    /// `DIR/NAME.json` (or `.txt`); a name met twice in one batch gets
    /// `-2`, `-3`…
    fn write_file(
        &mut self,
        dir: &Path,
        item: &Item,
        source: &str,
        outcome: &Outcome,
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
        let extension = if outcome.document.is_some() {
            "json"
        } else {
            "txt"
        };
        let path = dir.join(format!("{name}.{extension}"));
        std::fs::File::create(&path)
            .and_then(|file| {
                let mut out = BufWriter::new(file);
                write_record(&mut out, self.mode, source, outcome)?;
                out.flush()
            })
            .map_err(|err| format!("{}: {err}", path.display()))
    }

    fn progress(&mut self) {
        let now = Instant::now();
        let due = self
            .last_progress
            .is_none_or(|last| now.duration_since(last) > Duration::from_millis(100));
        if self.terminal && due {
            let rate =
                self.stats.done as f64 / now.duration_since(self.started).as_secs_f64().max(1e-3);
            eprint!(
                "\r{}/{} files, {rate:.1} files/s ",
                self.stats.done, self.total
            );
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
        if self.mode != Mode::One && !self.closed_pipe {
            eprintln!("{}", summary(&self.stats, self.started.elapsed()));
        }
        self.stats.failures == 0
    }
}
