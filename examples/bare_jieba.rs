//! The baseline for throughput: a bare jieba-rs `cut` (HMM on), line by line, over a corpus.
//!
//! ```text
//! cargo run --release --example bare_jieba -- [--threads N] [--csv] PATH...
//! ```
//!
//! It reads the same files as `throughput` and `extract` (the same folder walk), cuts each
//! line of each file with jieba's default dictionary, counts the words, and prints MB/s the
//! same way (bytes of the input files, MB = 10^6 bytes, wall time of the whole process).
//! Files are spread over a rayon pool (`--threads`, default one per core), like extraction.
//! Segmentation is the floor of extraction's cost: the issue's target is that extraction,
//! whole process against whole process, runs at least a third as fast as this.

use clap::Parser;
use jieba_rs::Jieba;
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// The same allocator as the `extract` example, so that the two programs compare like for like.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(about = "Bare jieba-rs cut (HMM on), line by line, over a corpus: the throughput baseline")]
struct Args {
    /// Worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// Print one CSV line.
    #[arg(long)]
    csv: bool,
    /// Files or folders.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb * 1024.0 / 1e6)
}

fn main() -> ExitCode {
    let t0 = Instant::now();
    let args = Args::parse();
    if let Some(n) = args.threads {
        if let Err(e) = rayon::ThreadPoolBuilder::new().num_threads(n).build_global() {
            eprintln!("error: thread pool: {e}");
            return ExitCode::from(2);
        }
    }
    let t = Instant::now();
    let jieba = Jieba::new();
    let startup = t.elapsed().as_secs_f64();
    let files: Vec<PathBuf> = interview_kg::load::collect_files(&args.paths)
        .into_iter()
        .filter_map(|f| f.map_err(|e| eprintln!("skipped: {e}")).ok())
        .collect();
    let t = Instant::now();
    let (bytes, words, skipped) = files
        .par_iter()
        .map(|f| match std::fs::read_to_string(f) {
            Ok(text) => {
                let words: usize = text.lines().map(|line| jieba.cut(line, true).len()).sum();
                (text.len() as u64, words, 0)
            }
            Err(e) => {
                eprintln!("skipped: {}: {e}", f.display());
                (0, 0, 1)
            }
        })
        .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    let cut = t.elapsed().as_secs_f64();
    let wall = t0.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    let docs = files.len() - skipped;
    let threads = rayon::current_num_threads();
    if args.csv {
        println!(
            "bare_jieba,{threads},{docs},{skipped},{mb:.2},{startup:.3},{cut:.3},0,0,{wall:.3},{:.2},{:.0},{:.1},{words},0,0,0",
            mb / wall,
            docs as f64 / wall,
            peak_rss_mb()
        );
    } else {
        println!("mode          bare jieba-rs cut, HMM on, line by line ({threads} threads)");
        println!("documents     {docs} ({skipped} skipped), {mb:.2} MB, {words} words");
        println!("start-up      {:.0} ms (Jieba::new)", startup * 1e3);
        println!("cut           {cut:.3} s ({:.2} MB/s)", mb / cut);
        println!(
            "wall          {wall:.3} s: {:.2} MB/s, {:.0} documents/s",
            mb / wall,
            docs as f64 / wall
        );
        println!("peak memory   {:.1} MB (VmHWM)", peak_rss_mb());
    }
    if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
