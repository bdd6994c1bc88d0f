//! Export to RDF (feature `rdf`): the merged graph as N-Quads, one named graph per document,
//! with the documents' text for evidence; and loading that export into oxigraph's in-memory
//! store (`RdfStore::from_export`). Throughput counts the bytes of the input documents.
//!
//! ```text
//! cargo bench --features rdf --bench export_rdf
//! ```

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use interview_kg::oxigraph::io::RdfFormat;
use interview_kg::{RdfExport, RdfStore};
use std::hint::black_box;

fn export_rdf(c: &mut Criterion) {
    let mut g = c.benchmark_group("export_rdf");
    g.sample_size(10);
    for (name, docs) in common::inputs() {
        let graph = common::graph(&docs);
        g.throughput(Throughput::Bytes(common::bytes(&docs)));
        g.bench_function(format!("nquads/{name}"), |b| {
            b.iter(|| {
                let export = RdfExport::new(black_box(&graph)).documents(&docs);
                black_box(export.write(RdfFormat::NQuads, std::io::sink()).unwrap())
            })
        });
        g.bench_function(format!("store_load/{name}"), |b| {
            b.iter(|| {
                let export = RdfExport::new(black_box(&graph)).documents(&docs);
                black_box(RdfStore::from_export(&export).unwrap())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, export_rdf);
criterion_main!(benches);
