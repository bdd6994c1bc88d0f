//! Stage 2, clean: `clean::find_body` (body ranges, furniture, redactions), per document.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use interview_kg::clean;
use std::hint::black_box;

fn clean(c: &mut Criterion) {
    let mut g = c.benchmark_group("clean");
    for (name, docs) in common::inputs() {
        g.throughput(Throughput::Bytes(common::bytes(&docs)));
        g.bench_function(format!("find_body/{name}"), |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(clean::find_body(black_box(&d.text), d.is_html));
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, clean);
criterion_main!(benches);
