//! Input factories shared by the benchmarks: the seeds, a generated corpus, and one
//! extractor built once per benchmark process (never inside a timed loop).
//!
//! The generated corpus has `IKG_BENCH_DOCS` documents (default 200, about 1.2 MB) from
//! seed 1 of [`corpus::Generator`], the generator behind `examples/generate_corpus.rs`.

#![allow(dead_code)] // each bench uses its own subset

pub mod corpus;

use interview_kg::{Document, Extraction, Extractor, KnowledgeGraph};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The seed interviews' folder.
pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// The seed files: (id, raw bytes), in path order.
pub fn seed_files() -> Vec<(String, Vec<u8>)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("seeds folder")
        .map(|e| e.expect("seeds entry").path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            (id, std::fs::read(&p).expect("seed file"))
        })
        .collect()
}

/// The seeds as documents.
pub fn seeds() -> Vec<Document> {
    seed_files()
        .into_iter()
        .map(|(id, bytes)| Document::from_bytes(id, &bytes).expect("seed decodes"))
        .collect()
}

/// How many generated documents the benchmarks use.
pub fn generated_len() -> usize {
    std::env::var("IKG_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

/// `n` generated documents (seed 1): the first `n` of any corpus `generate_corpus` writes.
pub fn generated(n: usize) -> Vec<Document> {
    let g = corpus::Generator::new(1);
    (0..n)
        .map(|i| {
            let d = g.document(i);
            Document::from_text(d.id, d.text)
        })
        .collect()
}

/// Total text bytes of documents: the unit of every throughput figure.
pub fn bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}

/// One extractor per process, built on first use outside any timed loop.
pub fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

/// The extractions of documents, in order.
pub fn extractions(docs: &[Document]) -> Vec<Extraction> {
    docs.iter().map(|d| extractor().extract(d)).collect()
}

/// The merged graph of documents.
pub fn graph(docs: &[Document]) -> KnowledgeGraph {
    extractor().extract_all(docs)
}

/// The two inputs every stage is measured on: (name, documents).
pub fn inputs() -> Vec<(String, Vec<Document>)> {
    let n = generated_len();
    vec![("seeds".to_owned(), seeds()), (format!("generated-{n}"), generated(n))]
}
