//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use bodo::{Block, Document, Extractor};

/// One extractor for the whole test binary: the dictionary loads once.
pub static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new().expect("the embedded dictionary loads"));

pub fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// `../shared/corpus/releases`, beside the checkout.
pub fn corpus_dir() -> PathBuf {
    repo_path("../shared/corpus/releases")
}

pub fn corpus_files() -> Vec<PathBuf> {
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| {
            panic!(
                "{}: {err} (is ../shared beside the checkout?)",
                dir.display()
            )
        })
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// Every block of the tree, depth first.
pub fn all_blocks(doc: &Document) -> Vec<&Block> {
    fn walk<'d>(blocks: &'d [Block], out: &mut Vec<&'d Block>) {
        for b in blocks {
            out.push(b);
            walk(&b.children, out);
        }
    }
    let mut out = Vec::new();
    walk(&doc.blocks, &mut out);
    out
}

/// Checks every span of the document against the input: `text` equals
/// the slice at `span`, `char_span` counts the same chars, children lie
/// inside their parent.
pub fn check_spans(input: &str, doc: &Document) {
    let json = serde_json::to_value(doc).expect("serialises");
    // chars[i] = the char index of byte i, for checking char spans fast.
    let mut chars = vec![usize::MAX; input.len() + 1];
    for (n, (at, _)) in input.char_indices().enumerate() {
        chars[at] = n;
    }
    chars[input.len()] = input.chars().count();
    check_value(input, &chars, &json);
    for block in &doc.blocks {
        check_nesting(block);
    }
}

fn check_nesting(block: &Block) {
    for child in &block.children {
        if child.kind == bodo::BlockKind::ListItem
            && child.span.start >= block.span.start
            && child.span.end <= block.span.end
        {
            // an inline item inside its parent's text
        } else {
            assert!(
                child.span.start >= block.span.start,
                "child {:?} starts before its parent {:?}",
                child.text,
                block.text
            );
        }
        check_nesting(child);
    }
}

fn check_value(input: &str, chars: &[usize], value: &serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(text), Some(span)) = (map.get("text"), map.get("span")) {
                let text = text.as_str().expect("text is a string");
                let [s, e] = pair(span);
                assert_eq!(input.get(s..e), Some(text), "span {s}..{e}");
                if let Some(cs) = map.get("char_span") {
                    assert_eq!(pair(cs), [chars[s], chars[e]], "char_span of {s}..{e}");
                }
            }
            map.values().for_each(|v| check_value(input, chars, v));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| check_value(input, chars, v)),
        _ => {}
    }
}

fn pair(value: &serde_json::Value) -> [usize; 2] {
    let items = value.as_array().expect("a span is an array");
    let get = |i: usize| items[i].as_u64().expect("offsets are integers") as usize;
    [get(0), get(1)]
}

/// Closing dashes of subtitles (`- A -`) and table borders are not text.
const BORDERS: [char; 3] = ['|', '-', '\u{feff}'];

/// Every non-blank character outside table borders lies in some block's
/// text or marker: nothing is dropped.
pub fn check_coverage(input: &str, doc: &Document) {
    let mut covered = vec![false; input.len()];
    for block in all_blocks(doc) {
        covered[block.span.range()]
            .iter_mut()
            .for_each(|c| *c = true);
        if let Some(m) = block.marker_span {
            covered[m.range()].iter_mut().for_each(|c| *c = true);
        }
    }
    for (at, c) in input.char_indices() {
        if !c.is_whitespace() && !BORDERS.contains(&c) {
            assert!(
                covered[at],
                "byte {at} ({c:?}) is in no block: {:?}",
                line_at(input, at)
            );
        }
    }
}

fn line_at(input: &str, at: usize) -> &str {
    let start = input[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = input[at..].find('\n').map_or(input.len(), |i| at + i);
    &input[start..end]
}

/// Spans drawn inline in case files: `open` and `close` around each span;
/// a backslash makes the next mark (or backslash) a literal character.
pub struct Marks {
    pub open: char,
    pub close: char,
}

/// `[` and `]`.
pub const BRACKETS: Marks = Marks {
    open: '[',
    close: ']',
};

impl Marks {
    /// The input without its marks, and the marked spans in it.
    pub fn unmark(&self, marked: &str) -> (String, Vec<bodo::Span>) {
        let mut input = String::new();
        let mut spans = Vec::new();
        let mut open = Vec::new();
        let mut escaped = false;
        for c in marked.chars() {
            match c {
                '\\' if !escaped => {
                    escaped = true;
                    continue;
                }
                c if escaped && (c == self.open || c == self.close) => input.push(c),
                c if c == self.open => open.push(input.len()),
                c if c == self.close => {
                    spans.push(bodo::Span::new(open.pop().unwrap_or(0), input.len()))
                }
                _ => input.push(c),
            }
            escaped = false;
        }
        spans.sort();
        (input, spans)
    }

    /// `input` with `spans` drawn as marks (a span closes before the next
    /// one opens at the same place).
    pub fn mark(&self, input: &str, spans: &[bodo::Span]) -> String {
        let mut out = String::new();
        for (at, c) in input.char_indices() {
            out.extend(
                spans
                    .iter()
                    .filter(|s| s.end == at && !s.is_empty())
                    .map(|_| self.close),
            );
            out.extend(spans.iter().filter(|s| s.start == at).map(|_| self.open));
            if c == self.open || c == self.close || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
        out.extend(
            spans
                .iter()
                .filter(|s| s.end == input.len())
                .map(|_| self.close),
        );
        out
    }
}
