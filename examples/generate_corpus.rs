//! Writes a deterministic corpus of generated interviews, for throughput and scale tests.
//!
//! ```text
//! cargo run --release --example generate_corpus -- --docs 10000 --out /tmp/corpus-10k [--seed 1]
//! ```
//!
//! Document `i` depends only on the seed and `i`: the first thousand documents of a 100k
//! corpus are the 1k corpus. Files are named `NNNNNN_hhhhhhhhhhhhhhhh.txt` like the seeds.
//! Templates, name banks and the gazetteer are in `benches/common/corpus.rs`, shared with the
//! benchmarks. Keep corpora out of the repository (use /tmp).

#[path = "../benches/common/corpus.rs"]
mod corpus;

use clap::Parser;
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(about = "Write N generated interviews in the style of the seeds")]
struct Args {
    /// How many documents.
    #[arg(long, default_value_t = 1000)]
    docs: usize,
    /// Output folder (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Seed: the same seed gives byte-identical files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("error: {}: {e}", args.out.display());
        return ExitCode::from(1);
    }
    let generator = corpus::Generator::new(args.seed);
    let result: Result<u64, String> = (0..args.docs)
        .into_par_iter()
        .map(|i| {
            let doc = generator.document(i);
            let path = args.out.join(format!("{}.txt", doc.id));
            std::fs::write(&path, &doc.text).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(doc.text.len() as u64)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b));
    match result {
        Ok(bytes) => {
            eprintln!(
                "{} documents, {:.1} MB, in {}",
                args.docs,
                bytes as f64 / 1e6,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
