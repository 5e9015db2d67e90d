//! Throughput of `extract` against bare lindera tokenisation of the same
//! text, on the golden fixture and on the whole development corpus.
//!
//! `cargo bench --bench extract` (needs `../shared` beside the checkout).
//! The ratio that matters is extract / tokenize on the same input: what
//! the recognisers cost on top of morphology, independent of the machine.

use std::borrow::Cow;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lindera::dictionary::{DictionaryKind, load_embedded_dictionary};
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/releases");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn fixture() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/motie-2021-12-22-industry-dx-network.txt");
    std::fs::read_to_string(path).expect("fixture")
}

/// The segmenter set up as bodo sets it up (see src/morph.rs).
fn segmenter() -> Segmenter {
    let dictionary = load_embedded_dictionary(DictionaryKind::KoDic).expect("dictionary");
    Segmenter::new(Mode::Normal, dictionary, None).max_grouping_len(Some(24))
}

fn tokenize_lines(segmenter: &Segmenter, text: &str) -> usize {
    text.lines()
        .map(|line| {
            segmenter
                .segment(Cow::Borrowed(line))
                .map_or(0, |t| t.len())
        })
        .sum()
}

/// Tokenisation as bodo needs it: with each token's part of speech read,
/// which is where lindera decodes the dictionary's feature strings.
fn tokenize_lines_with_pos(segmenter: &Segmenter, text: &str) -> usize {
    text.lines()
        .map(|line| {
            segmenter.segment(Cow::Borrowed(line)).map_or(0, |tokens| {
                tokens
                    .into_iter()
                    .map(|mut t| t.details().first().map_or(0, |pos| pos.len()))
                    .sum::<usize>()
            })
        })
        .sum()
}

fn bench_inputs(c: &mut Criterion) {
    let extractor = bodo::Extractor::new().expect("extractor");
    let segmenter = segmenter();
    let corpus = corpus();
    let inputs = [("fixture", fixture()), ("corpus", corpus.concat())];
    let mut group = c.benchmark_group("throughput");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("extract", name), text, |b, text| {
            b.iter(|| extractor.extract(text))
        });
        group.bench_with_input(BenchmarkId::new("tokenize", name), text, |b, text| {
            b.iter(|| tokenize_lines(&segmenter, text))
        });
        group.bench_with_input(BenchmarkId::new("tokenize+pos", name), text, |b, text| {
            b.iter(|| tokenize_lines_with_pos(&segmenter, text))
        });
    }
    group.finish();
}

/// Extracts every text on `threads` threads sharing one extractor; each
/// thread takes the next text from a shared queue, largest first, so that
/// no thread is left with the one big release at the end.
fn batch(extractor: &bodo::Extractor, texts: &[&String], threads: usize) -> usize {
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut blocks = 0;
                    while let Some(text) = texts.get(next.fetch_add(1, Ordering::Relaxed)) {
                        blocks += extractor.extract(text).blocks.len();
                    }
                    blocks
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
    })
}

fn bench_threads(c: &mut Criterion) {
    let extractor = bodo::Extractor::new().expect("extractor");
    let corpus = corpus();
    let mut texts: Vec<&String> = corpus.iter().collect();
    texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let bytes: usize = corpus.iter().map(String::len).sum();
    let mut group = c.benchmark_group("batch");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(bytes as u64));
    for threads in [1usize, 2] {
        group.bench_with_input(
            BenchmarkId::new("threads", threads),
            &threads,
            |b, &threads| b.iter(|| batch(&extractor, &texts, threads)),
        );
    }
    group.finish();
}

fn bench_setup(c: &mut Criterion) {
    let mut group = c.benchmark_group("setup");
    group.sample_size(10);
    group.bench_function("Extractor::new", |b| b.iter(bodo::Extractor::new));
    group.finish();
}

criterion_group!(benches, bench_inputs, bench_threads, bench_setup);
criterion_main!(benches);
