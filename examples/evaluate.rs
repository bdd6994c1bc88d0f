//! Scores an extracted graph against a gold file, printing what `kgscore.py` prints.
//!
//! ```text
//! cargo run --release --example evaluate -- --gold GOLD.json --pred GRAPH.json [--docs DIR] [-v] [--json]
//! ```
//!
//! With `--docs`, every file of the folder is read and keyed by its name without extension, to
//! check the mention spans. A file that cannot be read or parsed is reported on stderr with its
//! name, and the exit code is 2.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use interview_kg::evaluate::{evaluate, Gold};

/// Scores an extracted graph (the JSON export) against a gold file.
#[derive(Parser, Debug)]
#[command(name = "evaluate")]
struct Args {
    /// The gold file.
    #[arg(long, value_name = "GOLD.json")]
    gold: PathBuf,
    /// The graph to score, as exported to JSON.
    #[arg(long, value_name = "GRAPH.json")]
    pred: PathBuf,
    /// Folder with the documents, to check mention spans.
    #[arg(long, value_name = "DIR")]
    docs: Option<PathBuf>,
    /// Print the figures as JSON too.
    #[arg(long)]
    json: bool,
    /// List misses and false hits.
    #[arg(short, long)]
    verbose: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(text) => {
            let mut out = io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("evaluate: stdout: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Err(message) => {
            eprintln!("evaluate: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<String, String> {
    let gold_text = read_text(&args.gold)?;
    let gold = Gold::from_str(&gold_text).map_err(|e| format!("{}: {e}", args.gold.display()))?;
    let pred_text = read_text(&args.pred)?;
    let pred: serde_json::Value =
        serde_json::from_str(&pred_text).map_err(|e| format!("{}: not valid JSON: {e}", args.pred.display()))?;
    let texts = match &args.docs {
        Some(dir) if !dir.as_os_str().is_empty() => Some(read_docs(dir)?),
        _ => None,
    };
    let report = evaluate(&gold, &pred, texts.as_ref());
    Ok(report.render(args.verbose, args.json))
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Every file of the folder, keyed by its name without extension (as Python's
/// `os.path.splitext` cuts it: leading dots are no extension).
fn read_docs(dir: &Path) -> Result<HashMap<String, Vec<u8>>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut texts = HashMap::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = entry.path();
        if path.is_dir() {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        texts.insert(stem(&name).to_owned(), bytes);
    }
    Ok(texts)
}

/// Python's `os.path.splitext(name)[0]` for a bare file name.
fn stem(name: &str) -> &str {
    match name.rfind('.') {
        Some(dot) if name[..dot].bytes().any(|b| b != b'.') => &name[..dot],
        _ => name,
    }
}
