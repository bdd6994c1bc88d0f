//! Measures extraction on a corpus folder: MB/s, documents/s, wall time, peak memory, and
//! the size of the graph.
//!
//! ```text
//! cargo run --release --example throughput -- [--threads N] [--pipelined | --stream] [--out FILE] [--csv] PATH...
//! ```
//!
//! Two modes:
//! - **batch** (default): what the `extract` example does. Every file is read and extracted in
//!   parallel, the extractions are merged in path order into one graph, and the graph is
//!   written as JSON (to `--out`, or serialised and discarded). Memory holds every extraction
//!   and the merged graph.
//! - **pipelined** (`--pipelined`): the same output through `Extractor::graph_of_paths`,
//!   which merges one chunk of documents while the next is extracted; memory holds two
//!   chunks of extractions and the graph.
//! - **stream** (`--stream`): files are taken in chunks of `64 × threads`; each document is
//!   extracted, made into a one-document graph and written as one line of compact JSON (JSON
//!   Lines, in path order), and dropped. Memory is bounded by the chunk, not the corpus.
//!   Nodes and edges are then summed over documents (an entity named in two documents counts
//!   twice), and an official whose document names no post place keeps the id
//!   `official:NAME` instead of joining a same-name official of another document.
//!
//! The report goes to stdout (a block, or one CSV line with `--csv`); file errors go to
//! stderr. Throughput counts the bytes of the input files; MB are 10^6 bytes. Peak memory
//! is the process's `VmHWM` from `/proc/self/status` (Linux).

use clap::Parser;
use interview_kg::{export, load, Extractor, KnowledgeGraph};
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// mimalloc: extraction allocates many small strings and sets; with the system allocator,
/// malloc and free were 40% of merging's instructions.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(about = "Throughput, memory and graph size of extraction over a corpus")]
struct Args {
    /// Worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// Extract and write document by document without keeping the merged graph.
    #[arg(long, conflicts_with = "pipelined")]
    stream: bool,
    /// Batch mode with `Extractor::graph_of_paths`: merging overlaps extraction.
    #[arg(long)]
    pipelined: bool,
    /// Write the JSON here (batch: one graph; stream: JSON Lines); default: serialise and discard.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Print one CSV line (with `--csv-header`, the header first).
    #[arg(long)]
    csv: bool,
    /// Print the CSV header line before the figures.
    #[arg(long)]
    csv_header: bool,
    /// Files or folders.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

/// Peak resident set size in bytes, from /proc/self/status (0 where unavailable).
fn peak_rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

struct Report {
    mode: &'static str,
    threads: usize,
    docs: usize,
    skipped: usize,
    bytes: u64,
    startup: f64,
    extract: f64,
    merge: f64,
    export: f64,
    wall: f64,
    nodes: usize,
    edges: usize,
    rss_extract: u64,
    rss_merge: u64,
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
    let threads = rayon::current_num_threads();
    let mut out: Box<dyn Write> = match &args.out {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(BufWriter::with_capacity(1 << 20, f)),
            Err(e) => {
                eprintln!("error: {}: {e}", p.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(std::io::sink()),
    };

    let t = Instant::now();
    let extractor = Extractor::new();
    let startup = t.elapsed().as_secs_f64();

    let files: Vec<PathBuf> = load::collect_files(&args.paths)
        .into_iter()
        .filter_map(|f| f.map_err(|e| eprintln!("skipped: {e}")).ok())
        .collect();
    let bytes: u64 = files.iter().map(|f| std::fs::metadata(f).map_or(0, |m| m.len())).sum();

    let result = if args.stream {
        stream(&extractor, &files, &mut out)
    } else if args.pipelined {
        pipelined(&extractor, &files, &mut out)
    } else {
        batch(&extractor, &files, &mut out)
    };
    let (docs, skipped, extract, merge, export, nodes, edges, rss_extract, rss_merge) = match result {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: writing: {e}");
            return ExitCode::from(1);
        }
    };
    let r = Report {
        mode: if args.stream {
            "stream"
        } else if args.pipelined {
            "pipelined"
        } else {
            "batch"
        },
        threads,
        docs,
        skipped,
        bytes,
        startup,
        extract,
        merge,
        export,
        wall: t0.elapsed().as_secs_f64(),
        nodes,
        edges,
        rss_extract,
        rss_merge,
    };
    print(&r, &args);
    if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Documents, skipped, extract s, merge s, export s, nodes, edges, peak bytes after
/// extraction, peak bytes after merging.
type Figures = (usize, usize, f64, f64, f64, usize, usize, u64, u64);

/// Extract all, merge all, export once: what the `extract` example does.
fn batch(extractor: &Extractor, files: &[PathBuf], out: &mut dyn Write) -> std::io::Result<Figures> {
    let t = Instant::now();
    let results = extractor.extract_paths(files);
    let extract = t.elapsed().as_secs_f64();
    let rss_extract = peak_rss();
    let t = Instant::now();
    let docs = results.len();
    let (graph, errors) = extractor.graph_of(results);
    for e in &errors {
        eprintln!("skipped: {e}");
    }
    let merge = t.elapsed().as_secs_f64();
    let rss_merge = peak_rss();
    let t = Instant::now();
    export::json::write(&graph, &mut *out)?;
    out.flush()?;
    let export = t.elapsed().as_secs_f64();
    let figures = (
        docs - errors.len(),
        errors.len(),
        extract,
        merge,
        export,
        graph.node_count(),
        graph.edge_count(),
        rss_extract,
        rss_merge,
    );
    // Freeing a large graph takes a while and the process is about to end: skip it.
    std::mem::forget(graph);
    Ok(figures)
}

/// Extract and merge overlapped (`graph_of_paths`), export once. Extraction and merging are
/// reported together, as `extract`.
fn pipelined(extractor: &Extractor, files: &[PathBuf], out: &mut dyn Write) -> std::io::Result<Figures> {
    let t = Instant::now();
    let (graph, errors) = extractor.graph_of_paths(files);
    for e in &errors {
        eprintln!("skipped: {e}");
    }
    let extract = t.elapsed().as_secs_f64();
    let rss = peak_rss();
    let t = Instant::now();
    export::json::write(&graph, &mut *out)?;
    out.flush()?;
    let export = t.elapsed().as_secs_f64();
    let docs = graph.documents().len();
    let figures = (
        docs,
        errors.len(),
        extract,
        0.0,
        export,
        graph.node_count(),
        graph.edge_count(),
        rss,
        rss,
    );
    std::mem::forget(graph);
    Ok(figures)
}

/// Document by document: extract, make a one-document graph, write it as a JSON line, drop it.
fn stream(extractor: &Extractor, files: &[PathBuf], out: &mut dyn Write) -> std::io::Result<Figures> {
    let chunk = 64 * rayon::current_num_threads();
    let (mut docs, mut skipped, mut nodes, mut edges) = (0, 0, 0, 0);
    let mut writing = 0.0;
    let t = Instant::now();
    for files in files.chunks(chunk) {
        let lines: Vec<Option<(Vec<u8>, usize, usize)>> = files.par_iter().map(|f| one(extractor, f)).collect();
        let w = Instant::now();
        for line in lines {
            match line {
                Some((json, n, e)) => {
                    out.write_all(&json)?;
                    docs += 1;
                    nodes += n;
                    edges += e;
                }
                None => skipped += 1,
            }
        }
        writing += w.elapsed().as_secs_f64();
    }
    out.flush()?;
    let total = t.elapsed().as_secs_f64();
    Ok((docs, skipped, total - writing, 0.0, writing, nodes, edges, 0, 0))
}

fn one(extractor: &Extractor, path: &Path) -> Option<(Vec<u8>, usize, usize)> {
    let doc = extractor.load(path).map_err(|e| eprintln!("skipped: {e}")).ok()?;
    let mut graph = KnowledgeGraph::new();
    extractor.merge_into(&mut graph, extractor.extract(&doc));
    let mut json = serde_json::to_vec(&export::json::to_value(&graph)).expect("a JSON value serialises");
    json.push(b'\n');
    Some((json, graph.node_count(), graph.edge_count()))
}

fn print(r: &Report, args: &Args) {
    let mb = r.bytes as f64 / 1e6;
    let rss = peak_rss() as f64 / 1e6;
    if args.csv {
        if args.csv_header {
            println!("mode,threads,docs,skipped,mb,startup_s,extract_s,merge_s,export_s,wall_s,mb_per_s,docs_per_s,peak_rss_mb,nodes,edges,rss_after_extract_mb,rss_after_merge_mb");
        }
        println!(
            "{},{},{},{},{:.2},{:.3},{:.3},{:.3},{:.3},{:.3},{:.2},{:.0},{:.1},{},{},{:.1},{:.1}",
            r.mode,
            r.threads,
            r.docs,
            r.skipped,
            mb,
            r.startup,
            r.extract,
            r.merge,
            r.export,
            r.wall,
            mb / r.wall,
            r.docs as f64 / r.wall,
            rss,
            r.nodes,
            r.edges,
            r.rss_extract as f64 / 1e6,
            r.rss_merge as f64 / 1e6
        );
        return;
    }
    println!("mode          {} ({} threads)", r.mode, r.threads);
    println!("documents     {} ({} skipped), {:.2} MB", r.docs, r.skipped, mb);
    println!("start-up      {:.0} ms (Extractor::new)", r.startup * 1e3);
    if r.mode == "pipelined" {
        println!("extract+merge {:.3} s ({:.2} MB/s)", r.extract, mb / r.extract);
        println!("export JSON   {:.3} s", r.export);
    } else if r.mode == "batch" {
        println!("extract       {:.3} s ({:.2} MB/s)", r.extract, mb / r.extract);
        println!("merge         {:.3} s", r.merge);
        println!("export JSON   {:.3} s", r.export);
    } else {
        println!("extract+JSON  {:.3} s ({:.2} MB/s)", r.extract, mb / r.extract);
        println!("write         {:.3} s", r.export);
    }
    println!(
        "wall          {:.3} s: {:.2} MB/s, {:.0} documents/s",
        r.wall,
        mb / r.wall,
        r.docs as f64 / r.wall
    );
    if r.mode != "stream" {
        println!(
            "peak memory   {:.1} MB (VmHWM; {:.1} MB after extraction, {:.1} MB after merging)",
            rss,
            r.rss_extract as f64 / 1e6,
            r.rss_merge as f64 / 1e6
        );
    } else {
        println!("peak memory   {:.1} MB (VmHWM)", rss);
    }
    let sum = if r.mode == "stream" {
        " (summed over documents)"
    } else {
        ""
    };
    println!("graph         {} nodes, {} edges{sum}", r.nodes, r.edges);
}
