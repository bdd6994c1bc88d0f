//! Stages 2–5 of one document, `Extractor::extract`: clean, segment, recognise, relate.
//!
//! Recognition and relation are not public on their own (their inputs, `Resources`, are
//! crate-private), so this times the nearest public step: `extract` as a whole, next to
//! `clean + segment` on the same documents in the same group. The difference between the
//! two is the cost of recognise + relate.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use interview_kg::clean;
use std::hint::black_box;

fn extract(c: &mut Criterion) {
    let extractor = common::extractor();
    let segmenter = extractor.segmenter();
    let mut g = c.benchmark_group("extract");
    for (name, docs) in common::inputs() {
        g.throughput(Throughput::Bytes(common::bytes(&docs)));
        g.bench_function(format!("clean+segment/{name}"), |b| {
            b.iter(|| {
                for d in &docs {
                    let body = clean::find_body(black_box(&d.text), d.is_html);
                    black_box(segmenter.segment(&d.text, &body.spans));
                }
            })
        });
        g.bench_function(format!("clean+segment+recognise+relate/{name}"), |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(extractor.extract(black_box(d)));
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
