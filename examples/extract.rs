//! The main job: interviews in, one graph out, as JSON or (feature `rdf`) as RDF.
//!
//! ```text
//! cargo run --release --example extract -- [--format json|dot] [-o FILE] PATH...
//! cargo run --release --example extract -- --stream [--format json|nquads] PATH...   # bounded memory
//! cargo run --release --features rdf --example extract -- --format turtle|ntriples|nquads|trig|rdfxml|jsonld [--base IRI] PATH...
//! ```
//!
//! Files and folders are read recursively. Only the graph goes to stdout. Files that cannot
//! be read are named on stderr with the reason (`skipped: …`), and so are files read in part
//! because some bytes could not be decoded (`warning: …`, the first place named); the rest
//! are still processed. The exit status is 1 when any file was skipped (2 for bad usage,
//! including an RDF format in a build without the `rdf` feature). The output file of `-o` is
//! created (emptied) when the run starts, as a shell's `>` does: a path that cannot be written
//! ends the run at once (status 1), before any file is read. A closed pipe (`| head`) ends the
//! run quietly. Corpora of 50 files or more show a progress bar on a terminal.

use clap::{Parser, ValueEnum};
use interview_kg::{export, load, Document, Error, Extraction, Extractor, KnowledgeGraph};
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc: extraction allocates many small strings and sets; with the system allocator,
/// malloc and free were 40% of merging's instructions.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(about = "Extract a knowledge graph from Chinese interviews with officials", version)]
struct Args {
    /// Output format: the JSON graph, DOT, or RDF (the RDF formats need the `rdf` feature).
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Base of the resources' IRIs in RDF output (an absolute IRI ending in /, # or :).
    #[arg(long, value_name = "IRI")]
    base: Option<String>,
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write each document as soon as it is extracted, as a graph of its own, instead of
    /// one merged graph: JSON Lines with `--format json`, N-Quads (one named graph per
    /// document) with `--format nquads`. Memory then stays bounded by the largest
    /// documents, whatever the corpus's size.
    #[arg(long)]
    stream: bool,
    /// Files or folders of interviews (.txt, .html, or no extension).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The JSON graph documented in src/export/json.rs.
    Json,
    /// RDF Turtle: the union of all graphs.
    Turtle,
    /// RDF N-Triples: the union of all graphs.
    Ntriples,
    /// RDF N-Quads: one named graph per document.
    Nquads,
    /// RDF TriG: one named graph per document.
    Trig,
    /// RDF/XML: the union of all graphs.
    Rdfxml,
    /// JSON-LD: one named graph per document.
    Jsonld,
    /// Graphviz DOT: colours by kind, one cluster per document (`dot -Tsvg`).
    Dot,
}

impl Format {
    fn name(self) -> String {
        self.to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    }

    #[cfg(feature = "rdf")]
    fn rdf(self) -> Option<interview_kg::oxigraph::io::RdfFormat> {
        use interview_kg::oxigraph::io::{JsonLdProfileSet, RdfFormat};
        Some(match self {
            Format::Json | Format::Dot => return None,
            Format::Turtle => RdfFormat::Turtle,
            Format::Ntriples => RdfFormat::NTriples,
            Format::Nquads => RdfFormat::NQuads,
            Format::Trig => RdfFormat::TriG,
            Format::Rdfxml => RdfFormat::RdfXml,
            Format::Jsonld => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        })
    }
}

/// Writes the graph in the chosen format.
fn write_graph(args: &Args, graph: &KnowledgeGraph, docs: &[Document], out: &mut dyn Write) -> io::Result<()> {
    match args.format {
        Format::Json => export::json::write(graph, out),
        Format::Dot => out.write_all(export::dot::to_string(graph).as_bytes()),
        #[cfg(feature = "rdf")]
        rdf => {
            let mut export = interview_kg::RdfExport::new(graph).documents(docs);
            if let Some(base) = &args.base {
                export = export.base(base).map_err(io::Error::other)?;
            }
            let format = rdf.rdf().expect("not json");
            export.write(format, out).map(drop).map_err(|e| match e {
                interview_kg::RdfError::Io(e) => e,
                e => io::Error::other(e),
            })
        }
        #[cfg(not(feature = "rdf"))]
        _ => {
            let _ = docs;
            unreachable!("checked in main")
        }
    }
}

/// One file read and extracted; its text is kept for RDF output only.
struct FileRead {
    path: PathBuf,
    doc: Option<Document>,
    extraction: Extraction,
}

/// A progress bar on stderr for corpora of more than a few documents; hidden when stderr is
/// not a terminal, so logs and pipes stay clean.
fn progress_bar(files: usize) -> indicatif::ProgressBar {
    if files < 50 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    let style = indicatif::ProgressStyle::with_template(
        "{elapsed_precise} {wide_bar} {pos}/{len} files, {per_sec}, {eta} left",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

fn main() -> ExitCode {
    let args = Args::parse();
    let plain = matches!(args.format, Format::Json | Format::Dot);
    if !plain && cfg!(not(feature = "rdf")) {
        eprintln!(
            "error: --format {} needs the `rdf` feature: cargo run --release --features rdf --example extract -- --format {} PATH...",
            args.format.name(),
            args.format.name()
        );
        return ExitCode::from(2);
    }
    if args.base.is_some() && plain {
        eprintln!("error: --base applies to RDF formats only");
        return ExitCode::from(2);
    }
    #[cfg(feature = "rdf")]
    if let Some(base) = &args.base {
        if let Err(e) = interview_kg::export::rdf::Iris::new(base) {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    }

    if args.stream && !matches!(args.format, Format::Json | Format::Nquads) {
        eprintln!("error: --stream writes JSON Lines (--format json) or N-Quads (--format nquads) only");
        return ExitCode::from(2);
    }
    if args.stream {
        return stream(&args);
    }

    // While the extractor starts, the folders are walked and the output file is created, so
    // that a path that cannot be written is told before any work (and emptying a large
    // earlier output costs no time of its own).
    let (extractor, (files, output)) = start_while(|| (load::collect_files(&args.paths), Output::open(&args)));
    let output = match output {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    // RDF spans carry their exact text, so RDF output keeps the documents' texts.
    let keep_texts = !plain;
    let n = files.len();
    let progress = progress_bar(n);
    // Files are extracted in chunks; while the workers extract one chunk, the graph merges
    // the one before (merging is serial), so merging hides behind extraction.
    let read = |f: Result<PathBuf, Error>| -> Result<FileRead, Error> {
        let path = f?;
        let doc = extractor.load(&path);
        progress.inc(1);
        let doc = doc?;
        // A panic is a bug in the library: it costs this file, never the run.
        let extraction = extractor.try_extract(&doc, &path)?;
        Ok(FileRead {
            path,
            doc: keep_texts.then_some(doc),
            extraction,
        })
    };
    let mut graph = KnowledgeGraph::new();
    let mut docs = Vec::new();
    let (mut skipped, mut partial) = (0, 0);
    let mut merge = |results: Vec<Result<FileRead, Error>>| {
        for r in results {
            match r {
                Ok(FileRead { path, doc, extraction }) => {
                    if let Some(report) = extraction.decode {
                        partial += 1;
                        eprintln!("warning: {}", report.warning(&path));
                    }
                    extractor.merge_into(&mut graph, extraction);
                    docs.extend(doc);
                }
                Err(e) => {
                    skipped += 1;
                    eprintln!("skipped: {e}");
                }
            }
        }
    };
    let chunk = 64 * rayon::current_num_threads();
    let mut files = files.into_iter();
    let mut ready: Vec<Result<FileRead, Error>> = Vec::new();
    loop {
        let next: Vec<Result<PathBuf, Error>> = files.by_ref().take(chunk).collect();
        if next.is_empty() {
            merge(std::mem::take(&mut ready));
            break;
        }
        let previous = std::mem::take(&mut ready);
        let ((), extracted) = rayon::join(|| merge(previous), || next.into_par_iter().map(read).collect());
        ready = extracted;
    }
    progress.finish_and_clear();
    summary(skipped, partial, n);
    let written = output.write(|w| write_graph(&args, &graph, &docs, w));
    // The process is about to end: freeing a large graph piece by piece would only delay it.
    std::mem::forget(graph);
    std::mem::forget(docs);
    exit_status(written, skipped)
}

/// The files skipped and read in part, on stderr, when there were any.
fn summary(skipped: usize, partial: usize, n: usize) {
    if skipped > 0 || partial > 0 {
        eprintln!("{skipped} of {n} files skipped, {partial} read in part");
    }
}

/// 1 when the output could not be written or any file was skipped, else success.
fn exit_status(written: Result<(), String>, skipped: usize) -> ExitCode {
    if let Err(e) = written {
        eprintln!("error: {e}");
        return ExitCode::from(1);
    }
    if skipped == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Starts the extractor, and runs `meanwhile` on another thread: start-up is mostly jieba's
/// dictionary, on one core.
fn start_while<T: Send>(meanwhile: impl FnOnce() -> T + Send) -> (Extractor, T) {
    std::thread::scope(|s| {
        let other = s.spawn(meanwhile);
        let extractor = Extractor::new();
        (
            extractor,
            other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        )
    })
}

/// Where the graph goes: the file of `-o`, created (emptied) when the run starts, or stdout.
enum Output {
    File(PathBuf, std::fs::File),
    Stdout,
}

impl Output {
    fn open(args: &Args) -> Result<Output, String> {
        match &args.output {
            Some(path) => std::fs::File::create(path)
                .map(|f| Output::File(path.clone(), f))
                .map_err(|e| format!("{}: {e}", path.display())),
            None => Ok(Output::Stdout),
        }
    }

    /// Runs `write` on the output, buffered; a closed pipe is no error.
    fn write(self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), String> {
        match self {
            Output::File(path, f) => {
                let mut w = BufWriter::new(f);
                write(&mut w)
                    .and_then(|_| w.flush())
                    .map_err(|e| format!("{}: {e}", path.display()))
            }
            Output::Stdout => {
                let stdout = io::stdout();
                let mut w = BufWriter::new(stdout.lock());
                match write(&mut w).and_then(|_| w.flush()) {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                    r => r.map_err(|e| format!("stdout: {e}")),
                }
            }
        }
    }
}

/// `--stream`: each document's own graph written as soon as it is extracted.
fn stream(args: &Args) -> ExitCode {
    // As in `main`: the output is created while the extractor starts.
    let (extractor, output) = start_while(|| Output::open(args));
    let output = match output {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let (mut skipped, mut partial, mut n) = (0, 0, 0);
    let written = output.write(|out| {
        extractor.stream_paths(&args.paths, |file| {
            n += 1;
            let file = match file {
                Ok(f) => f,
                Err(e) => {
                    skipped += 1;
                    eprintln!("skipped: {e}");
                    return Ok(());
                }
            };
            if let Some(w) = file.document.decode_warning(&file.path) {
                partial += 1;
                eprintln!("warning: {w}");
            }
            match args.format {
                Format::Nquads => write_graph(args, &file.graph, std::slice::from_ref(&file.document), out),
                _ => {
                    serde_json::to_writer(&mut *out, &export::json::to_value(&file.graph))?;
                    out.write_all(b"\n")
                }
            }
        })
    });
    summary(skipped, partial, n);
    exit_status(written, skipped)
}
