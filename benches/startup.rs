//! Start-up: `Extractor::new()` (jieba's dictionary, the gazetteer's and lexicons' words, the
//! place, industry and organisation automata, the title patterns), next to what it is made
//! of that can be timed alone: a bare `Jieba::new()`, and parsing the gazetteer. Target:
//! `Extractor::new()` under 300 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use interview_kg::{gazetteer::Gazetteer, Extractor};
use std::hint::black_box;

fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("Extractor::new", |b| b.iter(|| black_box(Extractor::new())));
    g.bench_function("jieba_rs::Jieba::new", |b| b.iter(|| black_box(jieba_rs::Jieba::new())));
    g.bench_function("Gazetteer::builtin", |b| b.iter(|| black_box(Gazetteer::builtin())));
    g.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
