//! Stage 6, resolve: merging per-document extractions into one graph
//! (`Extractor::merge_into`, with the gazetteer; `KnowledgeGraph::merge`, without).
//!
//! Extractions are made outside the timed loop and cloned per batch (`iter_batched`, the
//! clone is not timed). The `scale` group merges 1× and 4× the generated corpus: the time per
//! document should stay flat if resolution is linear in the corpus.

mod common;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use interview_kg::KnowledgeGraph;
use std::hint::black_box;

fn resolve(c: &mut Criterion) {
    let extractor = common::extractor();
    let mut g = c.benchmark_group("resolve");
    for (name, docs) in common::inputs() {
        let extractions = common::extractions(&docs);
        g.throughput(Throughput::Bytes(common::bytes(&docs)));
        g.bench_function(format!("merge_into/{name}"), |b| {
            b.iter_batched(
                || extractions.clone(),
                |exs| {
                    let mut graph = KnowledgeGraph::new();
                    for ex in exs {
                        extractor.merge_into(&mut graph, ex);
                    }
                    black_box(graph)
                },
                BatchSize::LargeInput,
            )
        });
        g.bench_function(format!("merge/{name}"), |b| {
            b.iter_batched(
                || extractions.clone(),
                |exs| {
                    let mut graph = KnowledgeGraph::new();
                    for ex in exs {
                        graph.merge(ex);
                    }
                    black_box(graph)
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();

    let mut g = c.benchmark_group("resolve-scale");
    g.sample_size(10);
    let n = common::generated_len();
    for k in [1, 4] {
        let docs = common::generated(n * k);
        let extractions = common::extractions(&docs);
        g.throughput(Throughput::Elements(docs.len() as u64));
        g.bench_function(format!("merge_into/{}-docs", docs.len()), |b| {
            b.iter_batched(
                || extractions.clone(),
                |exs| {
                    let mut graph = KnowledgeGraph::new();
                    for ex in exs {
                        extractor.merge_into(&mut graph, ex);
                    }
                    black_box(graph)
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, resolve);
criterion_main!(benches);
