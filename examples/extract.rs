//! The main job: interviews in, one JSON graph out.
//!
//! ```text
//! cargo run --release --example extract -- [--format json] [-o FILE] PATH...
//! ```
//!
//! Files and folders are read recursively. Files that cannot be read are named on stderr
//! with the reason; the rest are still processed, and the exit status is 1 when any file
//! was skipped (2 for bad usage).

use clap::Parser;
use interview_kg::{export, Extractor};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(about = "Extract a knowledge graph from Chinese interviews with officials", version)]
struct Args {
    /// Output format.
    #[arg(long, default_value = "json", value_parser = ["json"])]
    format: String,
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Files or folders of interviews (.txt, .html, or no extension).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let extractor = Extractor::new();
    let results = extractor.extract_paths(&args.paths);
    let n = results.len();
    let (graph, errors) = extractor.graph_of(results);
    for e in &errors {
        eprintln!("skipped: {e}");
    }
    if !errors.is_empty() {
        eprintln!("{} of {n} files skipped", errors.len());
    }
    let written = match &args.output {
        Some(path) => std::fs::File::create(path)
            .and_then(|f| {
                let mut w = BufWriter::new(f);
                export::json::write(&graph, &mut w)?;
                w.flush()
            })
            .map_err(|e| format!("{}: {e}", path.display())),
        None => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            match export::json::write(&graph, &mut w).and_then(|_| w.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.map_err(|e| format!("stdout: {e}")),
            }
        }
    };
    if let Err(e) = written {
        eprintln!("error: {e}");
        return ExitCode::from(1);
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
