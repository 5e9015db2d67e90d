//! Throughput of `extract` against bare lindera tokenisation of the same
//! text, on the golden fixture and on the whole development corpus.
//!
//! `cargo bench --bench extract` (needs `../shared` beside the checkout).
//! The ratio that matters is extract / tokenize on the same input: what
//! the recognisers cost on top of morphology, independent of the machine.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
mod common;

use common::{corpus, segmenter, tokenize};

fn fixture() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/motie-2021-12-22-industry-dx-network.txt");
    std::fs::read_to_string(path).expect("fixture")
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
            b.iter(|| tokenize(&segmenter, text, false))
        });
        group.bench_with_input(BenchmarkId::new("tokenize+pos", name), text, |b, text| {
            b.iter(|| tokenize(&segmenter, text, true))
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
