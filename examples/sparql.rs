//! SPARQL over interviews: builds an oxigraph store from the documents and runs one query.
//!
//! ```text
//! cargo run --release --features rdf --example sparql -- --query 'SELECT …' PATH...
//! cargo run --release --features rdf --example sparql -- --query-file queries/posts.rq PATH...
//! cargo run --release --features rocksdb --example sparql -- --store DIR [PATH...] --query …
//! ```
//!
//! Results go to stdout in the W3C SPARQL 1.1 TSV results format (or `--results
//! csv|json|xml`); CONSTRUCT and DESCRIBE results in Turtle (or `--graph-format`). The
//! default graph is the union of all named graphs (one per document, the gazetteer's, the
//! vocabulary's); the prefixes ikg:, rdf:, rdfs:, xsd:, schema:, prov: and dcterms: need no
//! declaration. With `--store DIR`, the documents named are added to the on-disk store at
//! DIR (created if needed; a document already there is replaced), each in a transaction of
//! its own so that an interrupted load leaves whole documents only, then the query runs over
//! everything the store holds.
//!
//! Exit status: 0 on success; 1 when a file was skipped or the query failed while running;
//! 2 for bad usage, including a malformed query (the parser's message is on stderr).

use clap::{Parser, ValueEnum};
use interview_kg::oxigraph::io::{JsonLdProfileSet, RdfFormat};
use interview_kg::oxigraph::sparql::results::QueryResultsFormat;
use interview_kg::{
    load, store::write_results, Document, Error, Extraction, Extractor, KnowledgeGraph, RdfExport, RdfStore,
    SparqlQuery,
};
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(about = "Run a SPARQL query over the knowledge graph of Chinese interviews", version)]
#[command(group = clap::ArgGroup::new("q").required(true).args(["query", "query_file"]))]
struct Args {
    /// The query text.
    #[arg(short, long, value_name = "SPARQL")]
    query: Option<String>,
    /// A file holding the query (such as queries/posts.rq).
    #[arg(short = 'f', long, value_name = "FILE")]
    query_file: Option<PathBuf>,
    /// Results format for SELECT and ASK.
    #[arg(long, value_enum, default_value_t = Results::Tsv)]
    results: Results,
    /// RDF format for CONSTRUCT and DESCRIBE.
    #[arg(long, value_enum, default_value_t = GraphFormat::Turtle)]
    graph_format: GraphFormat,
    /// An on-disk store (feature `rocksdb`): created if needed, the documents added to it.
    #[arg(long, value_name = "DIR")]
    store: Option<PathBuf>,
    /// Base of the resources' IRIs (an absolute IRI ending in /, # or :).
    #[arg(long, value_name = "IRI")]
    base: Option<String>,
    /// Print timings on stderr, and each document as it is committed to an on-disk store.
    #[arg(short, long)]
    verbose: bool,
    /// Files or folders of interviews (optional with --store).
    #[arg(value_name = "PATH", required_unless_present = "store")]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Results {
    /// W3C SPARQL 1.1 TSV results.
    Tsv,
    /// W3C SPARQL 1.1 CSV results.
    Csv,
    /// W3C SPARQL 1.1 JSON results.
    Json,
    /// W3C SPARQL XML results.
    Xml,
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    /// Turtle.
    Turtle,
    /// N-Triples.
    Ntriples,
    /// RDF/XML.
    Rdfxml,
    /// JSON-LD.
    Jsonld,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let text = match (&args.query, &args.query_file) {
        (Some(q), _) => q.clone(),
        (None, Some(f)) => match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {}: {e}", f.display());
                return ExitCode::from(2);
            }
        },
        (None, None) => unreachable!("clap requires one"),
    };
    let query = match SparqlQuery::parse(&text) {
        Ok(q) => q,
        Err(e) => {
            eprintln!("error: malformed query: {e}");
            return ExitCode::from(2);
        }
    };
    if args.store.is_some() && cfg!(not(feature = "rocksdb")) {
        eprintln!("error: --store needs the `rocksdb` feature: cargo run --release --features rocksdb --example sparql -- --store DIR …");
        return ExitCode::from(2);
    }
    let iris = match args
        .base
        .as_deref()
        .map(interview_kg::export::rdf::Iris::new)
        .transpose()
    {
        Ok(i) => i.unwrap_or_default(),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };

    let t0 = Instant::now();
    let extractor = Extractor::new();
    let files = load::collect_files(&args.paths);
    let n = files.len();
    let results: Vec<Result<(Document, Extraction), Error>> = files
        .into_par_iter()
        .map(|f| {
            let path = f?;
            let doc = extractor.load(&path)?;
            let extraction = extractor.try_extract(&doc, &path)?;
            Ok((doc, extraction))
        })
        .collect();
    let mut graph = KnowledgeGraph::new();
    let mut docs = Vec::new();
    let mut skipped = 0;
    for r in results {
        match r {
            Ok((doc, extraction)) => {
                extractor.merge_into(&mut graph, extraction);
                docs.push(doc);
            }
            Err(e) => {
                skipped += 1;
                eprintln!("skipped: {e}");
            }
        }
    }
    if skipped > 0 {
        eprintln!("{skipped} of {n} files skipped");
    }
    let t1 = Instant::now();

    let store = match &args.store {
        #[cfg(feature = "rocksdb")]
        Some(dir) => RdfStore::open(dir),
        #[cfg(not(feature = "rocksdb"))]
        Some(_) => unreachable!("checked above"),
        None => RdfStore::new(),
    };
    let store = match store.and_then(|s| {
        if !docs.is_empty() {
            let export = RdfExport::new(&graph).iris(iris).documents(&docs);
            if args.store.is_some() {
                // On disk, one transaction per document: an interrupted load keeps whole
                // documents only, and running it again completes it.
                let total = docs.len();
                let mut done = 0;
                s.add_by_document(&export, |g| {
                    done += 1;
                    if args.verbose {
                        eprintln!("stored {done}/{total} {g}");
                    }
                })?;
            } else {
                s.add(&export)?;
            }
        }
        Ok(s)
    }) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let t2 = Instant::now();

    let format = match args.results {
        Results::Tsv => QueryResultsFormat::Tsv,
        Results::Csv => QueryResultsFormat::Csv,
        Results::Json => QueryResultsFormat::Json,
        Results::Xml => QueryResultsFormat::Xml,
    };
    let graph_format = match args.graph_format {
        GraphFormat::Turtle => RdfFormat::Turtle,
        GraphFormat::Ntriples => RdfFormat::NTriples,
        GraphFormat::Rdfxml => RdfFormat::RdfXml,
        GraphFormat::Jsonld => RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = store
        .execute(&query)
        .and_then(|r| write_results(r, format, graph_format, &mut out))
        .and_then(|w| w.flush().map_err(Into::into));
    let t3 = Instant::now();
    if args.verbose {
        let quads = store.len().unwrap_or(0);
        eprintln!(
            "extract {} documents: {:.2?}; store ({quads} quads): {:.2?}; query and output: {:.2?}",
            docs.len(),
            t1 - t0,
            t2 - t1,
            t3 - t2
        );
    }
    match written {
        Err(interview_kg::QueryError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
        Ok(()) if skipped > 0 => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
    }
}
