//! Stage 1, load + detect: bytes → `Document` (encoding detection and decoding), for UTF-8
//! and for the same text encoded as GB18030 (the chardetng path); and reading the seed
//! folder from disk with `Extractor::load`.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use interview_kg::Document;
use std::hint::black_box;

fn load(c: &mut Criterion) {
    let files = common::seed_files();
    let bytes: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    let gb18030: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(id, b)| {
            let text = std::str::from_utf8(b).expect("seeds are UTF-8");
            (id.clone(), encoding_rs::GB18030.encode(text).0.into_owned())
        })
        .collect();
    let gb_bytes: u64 = gb18030.iter().map(|(_, b)| b.len() as u64).sum();

    let mut g = c.benchmark_group("load");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("from_bytes/utf8/seeds", |b| {
        b.iter(|| {
            for (id, raw) in &files {
                black_box(Document::from_bytes(id.as_str(), black_box(raw)).unwrap());
            }
        })
    });
    g.throughput(Throughput::Bytes(gb_bytes));
    g.bench_function("from_bytes/gb18030/seeds", |b| {
        b.iter(|| {
            for (id, raw) in &gb18030 {
                black_box(Document::from_bytes(id.as_str(), black_box(raw)).unwrap());
            }
        })
    });
    let extractor = common::extractor();
    let paths: Vec<std::path::PathBuf> = interview_kg::load::collect_files(&[common::seeds_dir()])
        .into_iter()
        .map(Result::unwrap)
        .collect();
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("from_path/seeds", |b| {
        b.iter(|| {
            for p in &paths {
                black_box(extractor.load(p).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
