//! `--html OUT`: the HTML view of each release, beside the JSON.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use bodo::Document;

use crate::Item;

/// `--html OUT`: the HTML view of each release (`bodo::view`), written
/// beside the usual output.
#[derive(Debug, Default)]
pub struct HtmlOut {
    out: PathBuf,
    /// Each source's place in the batch and page name, planned in input
    /// order so that a name met twice gets `-2`, `-3` … as with
    /// `--output`. Empty when OUT is the one page.
    pages: std::sync::OnceLock<HashMap<String, (usize, String)>>,
    entries: std::sync::Mutex<Vec<(usize, bodo::view::IndexEntry)>>,
    failed: AtomicUsize,
}

impl HtmlOut {
    pub fn new(out: String) -> HtmlOut {
        HtmlOut {
            out: PathBuf::from(out),
            ..HtmlOut::default()
        }
    }

    /// Names the pages: OUT is a directory of pages unless it names the
    /// page of a single input.
    pub fn plan(&self, items: &[Item]) {
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
    pub fn page(&self, source: &str, text: &str, document: &Document) {
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
    pub fn finish(&self) -> bool {
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
