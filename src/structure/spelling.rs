//! What a release writes elsewhere around the words at its line breaks:
//! a word that a PDF's wrap cut in two (`중소벤처` / `기업부`) is usually
//! written whole somewhere else in the same release, and two words that
//! the wrap parted are written apart.

use std::collections::HashMap;

use super::join::{head_word, is_word_char, tail_word};
use crate::Span;

/// How many characters of the word before a break are compared.
const TAIL_CHARS: usize = 4;
/// How many characters of the word after it, at most.
const HEAD_CHARS: usize = 3;

/// What the release writes elsewhere around the words at its breaks: how
/// often a tail and a head stand joined inside one word, and how often
/// they stand as two words with a space between them.
pub(super) struct Lexicon<'t> {
    joined: HashMap<String, u32>,
    spaced: HashMap<(&'t str, &'t str), u32>,
}

impl<'t> Lexicon<'t> {
    /// Counts, in one pass over `text`, the forms the breaks ask about.
    pub(super) fn new(text: &'t str, breaks: &[(&'t str, &'t str)]) -> Lexicon<'t> {
        let mut joined: HashMap<String, u32> = HashMap::new();
        let mut spaced: HashMap<(&str, &str), u32> = HashMap::new();
        for (before, after) in breaks {
            let tail = last_chars(tail_word(before), TAIL_CHARS);
            let head = head_word(after);
            if tail.is_empty() || head.is_empty() {
                continue;
            }
            for k in 1..=HEAD_CHARS {
                let h = first_chars(head, k);
                joined.insert(format!("{tail}{h}"), 0);
                spaced.insert((tail, h), 0);
            }
        }
        if joined.is_empty() {
            return Lexicon { joined, spaced };
        }
        let runs = word_runs(text);
        let longest = TAIL_CHARS + HEAD_CHARS;
        for (i, run) in runs.iter().enumerate() {
            let word = &text[run.range()];
            let starts: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
            for (n, &s) in starts.iter().enumerate() {
                for len in 2..=longest {
                    let e = match starts.get(n + len) {
                        Some(&e) => e,
                        None if n + len == starts.len() => word.len(),
                        None => break,
                    };
                    if let Some(count) = joined.get_mut(&word[s..e]) {
                        *count += 1;
                    }
                }
            }
            let Some(next) = runs.get(i + 1) else {
                continue;
            };
            let gap = &text[run.end..next.start];
            if gap.is_empty() || !gap.chars().all(|c| c == ' ') {
                continue;
            }
            let next_word = &text[next.range()];
            for t in 1..=TAIL_CHARS {
                let tail = last_chars(word, t);
                for k in 1..=HEAD_CHARS {
                    if let Some(count) = spaced.get_mut(&(tail, first_chars(next_word, k))) {
                        *count += 1;
                    }
                }
            }
        }
        Lexicon { joined, spaced }
    }

    /// Whether the release writes the words around a break apart: the
    /// longest head that it writes either way decides. `None` when it
    /// writes neither.
    pub(super) fn reads_space(&self, before: &'t str, head: &'t str) -> Option<bool> {
        let tail = last_chars(before, TAIL_CHARS);
        let most = head.chars().count().min(HEAD_CHARS);
        (1..=most).rev().find_map(|k| {
            let h = first_chars(head, k);
            let joined = self.joined.get(&format!("{tail}{h}")).copied().unwrap_or(0);
            let spaced = self.spaced.get(&(tail, h)).copied().unwrap_or(0);
            (joined + spaced > 0).then_some(spaced > joined)
        })
    }
}

/// The runs of letters and digits of a text.
fn word_runs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}

fn last_chars(word: &str, n: usize) -> &str {
    let start = word.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &word[start..]
}

fn first_chars(word: &str, n: usize) -> &str {
    let end = word.char_indices().nth(n).map_or(word.len(), |(i, _)| i);
    &word[..end]
}
