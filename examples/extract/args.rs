//! The command line: its help and its parser.

use std::path::PathBuf;

use bodo::Options;

use crate::html::HtmlOut;

pub const HELP: &str = "\
extract: analyse Korean government press releases (보도자료) as JSON

usage: cargo run --release --example extract -- [OPTIONS] PATH...

A PATH is a file, a directory (walked recursively in sorted order, taking
.txt, .hwpx, .hwp, .pdf, .html, .htm and .md files) or - for standard
input. The format is told by the content: text in UTF-8, UTF-16 (with a
byte-order mark) or CP949/EUC-KR (Markdown included), HWPX, HWP 5.0 (even
when named .hwpx), PDF or HTML.

One file (or -) prints one pretty JSON document. A directory, several
PATHs, or --jsonl print JSON Lines: one compact document per line with
three more fields in front, `source` (the path), `encoding` (how the input
was decoded) and `format` (text, hwpx, hwp, pdf, html or markdown),
and for an input that failed a line {\"source\", \"error\"}.
Output keeps the input order; nothing but data goes to standard output.

options:
  --jsonl                    JSON Lines even for one input
  --no-blocks                leave out the document tree: print \"blocks\": []
                             (the tree is most of the output; the facts stay)
  --text                     print the plain text that would be analysed
                             (after decoding and HWPX/HWP reading) instead;
                             as JSON Lines {source, encoding, format, text} for
                             several inputs
  -o DIR, --output DIR       write DIR/NAME.json (pretty, with source and
                             encoding), or NAME.txt with --text, per input
                             instead of printing
  --html OUT                 also write an HTML view of each release (the
                             text with every item marked, and the facts as
                             tables): OUT is the page for one input; for
                             several, or when OUT is a directory, OUT/NAME.html
                             per input and OUT/index.html listing them
  --reference-date YYYY-MM-DD
                             date to infer missing years from when a
                             release has no dated header
  -j N, --jobs N             threads (default: all cores)
  -h, --help                 this help
  -V, --version              the version of bodo

Errors print one line on standard error (error: PATH: what is wrong) and
the batch goes on; the exit code is 1 when any input failed, 2 for wrong
usage. Output stops quietly, as a success, when its reader goes away
(extract DIR | head). Batches end with a summary line on standard error
(inputs, failures, warnings, time, rates, facts found), and show progress
there when it is a terminal.

example:
  cargo run --release --example extract -- --jobs 2 releases/ > releases.jsonl
";

/// What the command line asked for.
#[derive(Debug, Default)]
pub struct Args {
    pub paths: Vec<String>,
    pub jsonl: bool,
    pub text: bool,
    pub no_blocks: bool,
    pub output: Option<PathBuf>,
    pub html: Option<HtmlOut>,
    pub options: Options,
    pub jobs: Option<usize>,
}

pub enum Command {
    Run(Box<Args>),
    Help,
    Version,
}

/// Hand-written: a few options do not need a parser crate.
pub fn parse_args(raw: impl Iterator<Item = String>) -> Result<Command, String> {
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
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--" => only_paths = true,
            "--jsonl" => args.jsonl = true,
            "--text" => args.text = true,
            "--no-blocks" => args.no_blocks = true,
            "--output" | "-o" => args.output = Some(PathBuf::from(value()?)),
            "--html" => args.html = Some(HtmlOut::new(value()?)),
            "--reference-date" => {
                let date = value()?
                    .parse()
                    .map_err(|err: bodo::Error| err.to_string())?;
                args.options.reference_date = Some(date);
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
    if args.text && args.html.is_some() {
        return Err("--html shows the analysis, not --text".into());
    }
    Ok(Command::Run(Box::new(args)))
}
