//! Stage 8, export: the merged graph as pretty JSON (`export::json::to_string`) and as a
//! `serde_json::Value` (`export::json::to_value`). Throughput counts the bytes of the input
//! documents, so that every stage's MB/s compares directly.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use interview_kg::export::json;
use std::hint::black_box;

fn export(c: &mut Criterion) {
    let mut g = c.benchmark_group("export");
    for (name, docs) in common::inputs() {
        let graph = common::graph(&docs);
        g.throughput(Throughput::Bytes(common::bytes(&docs)));
        g.bench_function(format!("json_to_string/{name}"), |b| {
            b.iter(|| black_box(json::to_string(black_box(&graph))))
        });
        g.bench_function(format!("json_to_value/{name}"), |b| {
            b.iter(|| black_box(json::to_value(black_box(&graph))))
        });
    }
    g.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
