//! End to end, text in memory → one JSON string: extract every document, merge in order,
//! export. Serially, and in parallel on rayon's global pool (what `extract_paths` does), on
//! the seeds and on the generated corpus; plus `extract_paths` + `graph_of` on the seed
//! folder, which also reads the files.
//!
//! The extractor is built once, outside the timed loops; its start-up is `startup.rs`.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use interview_kg::{export::json, Document, Extraction, Extractor, KnowledgeGraph};
use rayon::prelude::*;
use std::hint::black_box;

fn serial(extractor: &Extractor, docs: &[Document]) -> String {
    json::to_string(&extractor.extract_all(docs))
}

fn parallel(extractor: &Extractor, docs: &[Document]) -> String {
    let extractions: Vec<Extraction> = docs.par_iter().map(|d| extractor.extract(d)).collect();
    let mut graph = KnowledgeGraph::new();
    for ex in extractions {
        extractor.merge_into(&mut graph, ex);
    }
    json::to_string(&graph)
}

fn end_to_end(c: &mut Criterion) {
    let extractor = common::extractor();
    let mut g = c.benchmark_group("end_to_end");
    g.sample_size(10);
    for (name, docs) in common::inputs() {
        g.throughput(Throughput::Bytes(common::bytes(&docs)));
        g.bench_function(format!("serial/{name}"), |b| {
            b.iter(|| black_box(serial(extractor, black_box(&docs))))
        });
        g.bench_function(format!("parallel-{}/{name}", rayon::current_num_threads()), |b| {
            b.iter(|| black_box(parallel(extractor, black_box(&docs))))
        });
    }
    let seeds = common::seed_files();
    g.throughput(Throughput::Bytes(seeds.iter().map(|(_, b)| b.len() as u64).sum()));
    let dir = [common::seeds_dir()];
    g.bench_function("extract_paths/seeds-folder", |b| {
        b.iter(|| {
            let (graph, errors) = extractor.graph_of(extractor.extract_paths(&dir));
            assert!(errors.is_empty());
            black_box(json::to_string(&graph))
        })
    });
    g.finish();
}

criterion_group!(benches, end_to_end);
criterion_main!(benches);
