//! How extraction time grows on pathological text: runs of one phrase repeated to a size, then
//! to four times that size. A linear pipeline shows a ratio near 4; a quadratic one near 16.
//!
//! ```sh
//! cargo run --release --example pathological            # 1 MB and 4 MB
//! cargo run --release --example pathological -- --mb 0.25
//! ```
//!
//! Each line of output: the pattern, the two times (median of `--runs`), and their ratio.

use clap::Parser;
use interview_kg::{Document, Extractor};
use std::time::{Duration, Instant};

/// Time extraction of repeated phrases at one size and at four times that size.
#[derive(Parser)]
struct Args {
    /// The smaller size, in MB (10^6 bytes).
    #[arg(long, default_value_t = 1.0)]
    mb: f64,
    /// Runs per size; the median is reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
}

/// Phrases that once made some stage quadratic, or could: runs of digits, of 、, of titles,
/// of names, of sectors, of amounts, of whole investment clauses, of short lines.
const PATTERNS: &[(&str, &str)] = &[
    ("digits", "9"),
    ("enumeration-commas", "、"),
    ("titles", "市委书记"),
    ("title-chains", "漳州市委书记张国旺、"),
    ("names", "张国旺表示，"),
    ("organisations", "广东省人民政府、"),
    ("sectors", "新材料产业、"),
    ("amounts", "１２３万亿元、"),
    ("investments", "英德市投资120亿元建设新材料产业园项目，"),
    ("short-lines", "漳州\n"),
];

fn main() {
    let args = Args::parse();
    let extractor = Extractor::new();
    let small = (args.mb * 1e6) as usize;
    println!("pattern\t{:.2} MB s\t{:.2} MB s\tratio", args.mb, args.mb * 4.0);
    for (name, phrase) in PATTERNS {
        let a = median(&extractor, phrase, small, args.runs);
        let b = median(&extractor, phrase, small * 4, args.runs);
        println!(
            "{name}\t{:.3}\t{:.3}\t{:.1}",
            a.as_secs_f64(),
            b.as_secs_f64(),
            b.as_secs_f64() / a.as_secs_f64().max(1e-9)
        );
    }
}

fn median(extractor: &Extractor, phrase: &str, bytes: usize, runs: usize) -> Duration {
    let text = phrase.repeat((bytes / phrase.len()).max(1));
    let doc = Document::from_text("pathological", text);
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            let extraction = extractor.extract(&doc);
            let elapsed = t.elapsed();
            std::hint::black_box(extraction);
            elapsed
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}
