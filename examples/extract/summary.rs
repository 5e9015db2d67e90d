//! The counts of a batch and its summary line.

use std::time::Duration;

use bodo::Document;

/// Counts for the summary line.
#[derive(Debug, Default)]
pub struct Stats {
    pub done: usize,
    pub failures: usize,
    pub warnings: usize,
    pub text_bytes: u64,
    pub facts: [usize; FACTS.len()],
}

impl Stats {
    /// Adds the warnings and facts of a document.
    pub fn count(&mut self, doc: &Document) {
        self.warnings += doc.warnings.len();
        for (sum, n) in self.facts.iter_mut().zip(facts(doc)) {
            *sum += n;
        }
    }
}

/// The facts counted in the summary, in the order of [`facts`].
pub const FACTS: [&str; 10] = [
    "dates",
    "times",
    "venues",
    "people",
    "organizations",
    "attendees",
    "events",
    "commitments",
    "quotes",
    "contacts",
];

fn facts(doc: &Document) -> [usize; FACTS.len()] {
    [
        doc.dates.len(),
        doc.times.len(),
        doc.venues.len(),
        doc.people.len(),
        doc.organizations.len(),
        doc.attendees.len(),
        doc.events.len(),
        doc.commitments.len(),
        doc.quotes.len(),
        doc.contacts.len(),
    ]
}

/// `66 files, 0 failed, 36 warnings in 0.35 s (190.2 files/s, 1.69 MB/s
/// of text); 1501 dates, 160 times, …`: the rate counts decoded text,
/// not the compressed bytes of HWP/HWPX files.
pub fn summary(stats: &Stats, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64().max(1e-3);
    let facts: Vec<String> = FACTS
        .iter()
        .zip(stats.facts)
        .map(|(name, n)| format!("{n} {name}"))
        .collect();
    format!(
        "{} file{}, {} failed, {} warning{} in {seconds:.2} s ({:.1} files/s, {:.2} MB/s of text); {}",
        stats.done,
        plural(stats.done),
        stats.failures,
        stats.warnings,
        plural(stats.warnings),
        stats.done as f64 / seconds,
        stats.text_bytes as f64 / 1e6 / seconds,
        facts.join(", "),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
