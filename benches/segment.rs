//! Stage 3, segment: the extractor's jieba (with the gazetteer's and lexicons' words) over the
//! body ranges, against the baseline of the issue: a bare jieba-rs `cut` (default dictionary,
//! HMM on) line by line over the whole text. Both jiebas are built outside the timed loop; the
//! throughput of both is counted in bytes of the whole documents.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use interview_kg::clean;
use jieba_rs::Jieba;
use std::hint::black_box;

fn segment(c: &mut Criterion) {
    let segmenter = common::extractor().segmenter();
    let bare = Jieba::new();
    let mut g = c.benchmark_group("segment");
    for (name, docs) in common::inputs() {
        let bodies: Vec<_> = docs.iter().map(|d| clean::find_body(&d.text, d.is_html)).collect();
        g.throughput(Throughput::Bytes(common::bytes(&docs)));
        g.bench_function(format!("extractor/{name}"), |b| {
            b.iter(|| {
                for (d, body) in docs.iter().zip(&bodies) {
                    black_box(segmenter.segment(black_box(&d.text), &body.spans).words());
                }
            })
        });
        g.bench_function(format!("bare_jieba_cut/{name}"), |b| {
            b.iter(|| {
                for d in &docs {
                    for line in black_box(&d.text).lines() {
                        black_box(bare.cut(line, true));
                    }
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, segment);
criterion_main!(benches);
