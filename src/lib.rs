//! # interview-kg
//!
//! Turns Chinese interviews with local officials (专访, 访谈, speeches) into a knowledge graph:
//! who holds which post, which place develops which industry, which named project costs how
//! much, which target was set — every fact with the byte span of text that states it.
//!
//! Offline, deterministic, and with a byte span on every fact: the same input gives
//! byte-identical output, and `text[start..end]` of any mention or evidence is exactly what
//! it claims.
//!
//! ```
//! use interview_kg::{Document, EntityKind, Extractor, RelationKind};
//!
//! let extractor = Extractor::new();
//! let doc = Document::from_text(
//!     "demo",
//!     "日前,漳州市委书记张国旺接受福建日报专访。张国旺表示,漳州将重点培育食品加工、\
//!      石油化工等千亿级产业集群,推进总投资733亿元的古雷炼化一体化二期。",
//! );
//! let graph = extractor.extract_all([&doc]);
//!
//! let zhang = graph.find(EntityKind::Official, "张国旺").unwrap();
//! let (post, place) = &graph.posts_of(zhang)[0];
//! assert_eq!(post.attrs.title.as_deref(), Some("市委书记"));
//! assert_eq!(graph.node(*place).name, "漳州市");
//!
//! let zhangzhou = graph.find(EntityKind::Place, "漳州").unwrap();
//! let industries: Vec<&str> = graph.industries_of(zhangzhou).iter().map(|i| graph.node(*i).name.as_str()).collect();
//! assert!(industries.contains(&"石油化工"));
//!
//! let project = graph.find(EntityKind::Project, "古雷炼化一体化二期").unwrap();
//! let (_, amount) = &graph.outgoing(project, RelationKind::HasInvestment)[0];
//! assert_eq!(graph.node(*amount).amount().unwrap().value.to_string(), "73300000000");
//!
//! let json = interview_kg::export::json::to_string(&graph);
//! assert!(json.contains("\"has_investment\""));
//! ```
//!
//! # From an interview to a SPARQL answer
//! With the feature `rdf`, the graph becomes RDF in the `ikg:` vocabulary, one named graph
//! per interview, and an oxigraph store answers SPARQL over it:
//!
//! ```
//! # #[cfg(feature = "rdf")] {
//! use interview_kg::{Document, Extractor, RdfExport, RdfStore};
//!
//! let doc = Document::from_text(
//!     "zhangzhou-2023",
//!     "日前,漳州市委书记张国旺接受福建日报专访。张国旺表示,推进总投资733亿元的古雷炼化一体化二期。",
//! );
//! let graph = Extractor::new().extract_all([&doc]);
//! let store = RdfStore::from_export(&RdfExport::new(&graph).documents([&doc]))?;
//! // Who holds which post where, and which interview says so.
//! let rows = store.select(
//!     "SELECT ?name ?title ?place ?doc WHERE { GRAPH ?doc {
//!        ?o a ikg:Official ; rdfs:label ?name ; ikg:post ?p .
//!        ?p ikg:title ?title ; ikg:postIn/rdfs:label ?place } }",
//! )?;
//! assert_eq!(rows.strings("name"), ["张国旺"]);
//! assert_eq!(rows.strings("title"), ["市委书记"]);
//! assert_eq!(rows.strings("place"), ["漳州市"]);
//! assert_eq!(rows.strings("doc"), ["https://w3id.org/ikg/id/doc/zhangzhou-2023"]);
//! # }
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```
//!
//! # The pipeline
//! One module per stage, each turning one named type into the next:
//!
//! | stage | module | in → out |
//! |---|---|---|
//! | load | [`load`] | file → [`Document`] (encoding detected) |
//! | clean | [`clean`] | text → [`clean::Body`]: body byte ranges, redactions |
//! | segment | [`segment`] | body → [`segment::Tokens`] (jieba-rs with the project's words) |
//! | recognise | [`recognise`] | tokens → [`recognise::Recognition`]: entities and cues |
//! | relate | [`relate`] | cues → [`relate::Extraction`]: relations with evidence |
//! | resolve | [`resolve`] | extractions → merged nodes |
//! | graph | [`graph`] | [`KnowledgeGraph`] on petgraph |
//! | export | [`export`] | JSON |
//!
//! # Performance
//! Building an [`Extractor`] loads jieba's dictionary, the gazetteer and the lexicons and
//! builds their automata: build one and reuse it. It is `Sync`: documents can be extracted
//! from many threads at once ([`Extractor::extract_paths`] does so with rayon), and the
//! result is merged in document order, so parallel output is byte-identical to serial.
//! [`Extractor::graph_of_paths`] merges one chunk of documents while the next is being
//! extracted: use it for large corpora (it holds two chunks of extractions, not all).
//! [`Extractor::stream_paths`] hands each document's own graph to a callback and keeps
//! nothing: memory stays bounded by the largest documents, whatever the corpus.
//!
//! # Errors
//! One [`Error`] enum; every variant names the file and says what to do. Over a corpus, a
//! bad file is an `Err` in its place and never stops the others; a file read in part (some
//! bytes not decodable) is extracted and reported with [`Error::is_partial`]; a panic inside
//! the library costs one file ([`Extractor::try_extract`]).

#![warn(missing_docs)]

mod chars;
pub mod clean;
mod error;
pub mod evaluate;
mod evidence;
pub mod export;
pub mod figures;
pub mod gazetteer;
pub mod graph;
pub mod lexicon;
pub mod load;
mod model;
pub mod recognise;
pub mod relate;
pub mod resolve;
pub mod segment;
mod span;

pub use error::{Error, Result};
pub use graph::{DocumentInfo, Edge, Evidence, EvidenceSet, KnowledgeGraph, Node};
pub use load::{DecodeReport, Document};
pub use model::{
    Amount, Entity, EntityDetail, EntityKind, InvestmentRole, PlaceInfo, PlaceLevel, RelationAttrs, RelationKind,
    RelationSource, Unit,
};
pub use relate::Extraction;
pub use span::Span;

// RDF export and SPARQL (feature `rdf`): `export::rdf` maps the graph, `store` queries it.
#[cfg(feature = "rdf")]
pub mod store;
#[cfg(feature = "rdf")]
pub use {
    export::rdf::{RdfError, RdfExport},
    oxigraph,
    store::{QueryError, RdfStore, Solutions, SparqlQuery},
};

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use gazetteer::Gazetteer;
use lexicon::{Category, Lexicon};
use rayon::prelude::*;
use regex::Regex;
use segment::Segmenter;
use std::path::{Path, PathBuf};

/// Default limit of one document's size: 16 MiB.
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 16 << 20;

/// Bodies that stand between a place and a title (英德市 | 委 | 书记).
const ORG_WORDS: &[&str] = &[
    "自治区党委常委",
    "自治区党委",
    "自治区人民政府",
    "自治区政府",
    "自治区人大常委会",
    "自治区政协",
    "州委常委",
    "盟委常委",
    "旗委常委",
    "省委常委",
    "市委常委",
    "县委常委",
    "区委常委",
    "省委",
    "市委",
    "县委",
    "区委",
    "州委",
    "盟委",
    "旗委",
    "镇委",
    "乡委",
    "省人民政府",
    "市人民政府",
    "县人民政府",
    "区人民政府",
    "省政府",
    "市政府",
    "县政府",
    "区政府",
    "省人大常委会",
    "市人大常委会",
    "县人大常委会",
    "区人大常委会",
    "人大常委会",
    "省政协",
    "市政协",
    "县政协",
    "区政协",
    "政协",
    "党工委",
    "管委会",
    "纪委",
    "监委",
    "党组",
    "党委",
];

/// The dictionaries, automata and patterns of an [`Extractor`], built once.
pub(crate) struct Resources {
    pub(crate) gazetteer: &'static Gazetteer,
    pub(crate) segmenter: Segmenter,
    pub(crate) places: recognise::PlaceIndex,
    /// The automata and patterns built from the lexicon.
    pub(crate) lexical: LexicalPatterns,
    /// Every list of known words ([`recognise::Known`]: the place names of `places`, the
    /// organisations, titles and sectors of `lexical`, zone words, cue words of the
    /// recognisers) in one automaton, so that a document's lines are read once for all.
    pub(crate) known_words: recognise::WordScan,
    max_document_bytes: u64,
}

/// Builds an [`Extractor`] with options.
///
/// ```
/// use interview_kg::{Extractor, lexicon::Category};
/// let extractor = Extractor::builder()
///     .word(Category::Industry, "麻竹笋", &[])
///     .max_document_bytes(1 << 20)
///     .build();
/// # let _ = extractor;
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct ExtractorBuilder {
    lexicon: Lexicon,
    max_document_bytes: u64,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            lexicon: Lexicon::builtin(),
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
        }
    }
}

impl ExtractorBuilder {
    /// Adds a lexicon entry: an industry of a city, a title, a region, an organisation.
    pub fn word(mut self, category: Category, name: &str, aliases: &[&str]) -> Self {
        self.lexicon.add(category, name, aliases);
        self
    }

    /// Replaces the lexicon (start from [`Lexicon::builtin`] to extend it).
    pub fn lexicon(mut self, lexicon: Lexicon) -> Self {
        self.lexicon = lexicon;
        self
    }

    /// Files larger than this are refused with [`Error::TooLarge`].
    pub fn max_document_bytes(mut self, bytes: u64) -> Self {
        self.max_document_bytes = bytes;
        self
    }

    /// Loads the dictionaries and builds the automata.
    pub fn build(self) -> Extractor {
        Extractor {
            res: Resources::new(self.lexicon, self.max_document_bytes),
        }
    }
}

/// Idioms that hold a place's short name and that jieba's dictionary lacks: cut apart, they
/// name the place (拿出真金白银支持企业: 白银).
const IDIOMS: &[&str] = &["真金白银"];

impl Resources {
    fn new(lexicon: Lexicon, max_document_bytes: u64) -> Resources {
        // Start-up is mostly jieba's dictionary and the gazetteer's automaton: the segmenter
        // on one thread while the lexicon's automata and the recognisers' patterns build on
        // another (about 12 ms against its 90 ms here); then the place automaton and the scan
        // for all known words build while the words go into jieba.
        let ((gazetteer, mut segmenter, common, words), lexical) = rayon::join(
            || {
                let gazetteer = Gazetteer::shared();
                // Which short place names are ordinary words must be asked of jieba before the
                // place names are added to it.
                let segmenter = Segmenter::new(std::iter::empty());
                let common: HashSet<String> = gazetteer
                    .surfaces()
                    .filter(|(s, codes)| !codes.iter().any(|c| gazetteer.is_full_name(*c, s)))
                    .map(|(s, _)| s)
                    .filter(|s| segmenter.is_common_word(s))
                    .map(str::to_owned)
                    .collect();
                let mut words: Vec<(String, &'static str)> = Vec::new();
                for d in gazetteer.divisions() {
                    words.push((d.name.clone(), "ns"));
                    for s in &d.short_names {
                        if !common.contains(s) {
                            words.push((s.clone(), "ns"));
                        }
                    }
                }
                words.extend(IDIOMS.iter().map(|w| ((*w).to_owned(), "i")));
                for e in lexicon.entries() {
                    let tag = match e.category {
                        Category::Industry => "n",
                        Category::Title => "n",
                        Category::Region => "ns",
                        Category::Organization => "nt",
                    };
                    words.push((e.name.clone(), tag));
                    for a in &e.aliases {
                        words.push((a.clone(), tag));
                    }
                }
                (gazetteer, segmenter, common, words)
            },
            || {
                recognise::warm_up();
                LexicalPatterns::new(&lexicon)
            },
        );
        let ((places, known_words), ()) = rayon::join(
            || {
                let places = recognise::PlaceIndex::new(gazetteer, &lexicon, |s| common.contains(s));
                let known_words = recognise::known_words(&places, &lexical);
                (places, known_words)
            },
            || segmenter.add_words(words.iter().map(|(w, t)| (w.as_str(), *t))),
        );
        Resources {
            gazetteer,
            segmenter,
            places,
            lexical,
            known_words,
            max_document_bytes,
        }
    }
}

/// The automata and patterns built from the lexicon alone.
pub(crate) struct LexicalPatterns {
    pub(crate) industries: recognise::WordSearch,
    /// (canonical name, surface) of each industry pattern.
    pub(crate) industry_names: Vec<(String, String)>,
    /// Surface form → canonical industry name.
    pub(crate) industry_lookup: HashMap<String, String>,
    pub(crate) organizations: recognise::WordList,
    /// (canonical name, surface) of each organisation pattern.
    pub(crate) organization_names: Vec<(String, String)>,
    /// Titles, alone or after the body that holds them (书记, 市委书记, 省政协副主席 …).
    pub(crate) titles: recognise::WordSearch,
    /// A title at the start of a text.
    pub(crate) title_at_start: Regex,
    pub(crate) surnames: HashSet<char>,
    pub(crate) compound_surnames: Vec<String>,
}

impl LexicalPatterns {
    fn new(lexicon: &Lexicon) -> LexicalPatterns {
        let mut industry_names = Vec::new();
        let mut industry_lookup = HashMap::new();
        let mut org_names = Vec::new();
        let mut titles: Vec<&str> = Vec::new();
        for e in lexicon.entries() {
            match e.category {
                Category::Industry => {
                    for s in std::iter::once(&e.name).chain(&e.aliases) {
                        industry_lookup.entry(s.clone()).or_insert_with(|| e.name.clone());
                        // A sector's name never spans sentences; the industry recogniser
                        // scans from a sentence start and relies on it.
                        if !s.contains(recognise::is_sentence_end) {
                            industry_names.push((e.name.clone(), s.clone()));
                        }
                    }
                }
                Category::Organization => {
                    for s in std::iter::once(&e.name).chain(&e.aliases) {
                        org_names.push((e.name.clone(), s.clone()));
                    }
                }
                Category::Title => titles.push(&e.name),
                Category::Region => {}
            }
        }
        let list = |names: &[(String, String)]| recognise::WordList::new(names.iter().map(|(_, s)| s.as_str()));
        titles.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
        titles.dedup();
        let title_alt = titles.iter().map(|t| regex::escape(t)).collect::<Vec<_>>().join("|");
        let titles_search = recognise::WordSearch::of(recognise::WordList::with_optional_prefixes(ORG_WORDS, &titles));
        let title_at_start = Regex::new(&format!("^(?:{title_alt}|常委)")).expect("title pattern builds");

        let surname_text = include_str!("../data/lexicon/surnames.txt");
        let mut surnames = HashSet::new();
        let mut compound_surnames = Vec::new();
        for w in surname_text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
        {
            if w.chars().count() == 1 {
                surnames.extend(w.chars());
            } else {
                compound_surnames.push(w.to_owned());
            }
        }
        LexicalPatterns {
            industries: recognise::WordSearch::of(list(&industry_names)),
            industry_names,
            industry_lookup,
            // (Organisations are only scanned for, with the other known words.)
            organizations: list(&org_names),
            organization_names: org_names,
            titles: titles_search,
            title_at_start,
            surnames,
            compound_surnames,
        }
    }
}

/// The extractor: build once, then extract any number of documents, from any thread.
pub struct Extractor {
    res: Resources,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor").finish_non_exhaustive()
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// One file's document and the graph of it alone, as [`Extractor::stream_paths`] yields them.
#[derive(Debug)]
pub struct FileGraph {
    /// The file.
    pub path: PathBuf,
    /// Its text; [`Document::decode_warning`] tells whether all of it could be decoded.
    pub document: Document,
    /// The graph of this document alone.
    pub graph: KnowledgeGraph,
}

/// The outcome for one input file: its extraction, or why it could not be read.
pub type FileResult = std::result::Result<Extraction, Error>;

impl Extractor {
    /// An extractor with the built-in gazetteer and lexicons.
    pub fn new() -> Extractor {
        Extractor::builder().build()
    }

    /// A builder, to add lexicon entries or set limits.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Extracts one document: clean, segment, recognise, relate.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let body = clean::find_body(&doc.text, doc.is_html);
        let tokens = self.res.segmenter.segment(&doc.text, &body.spans);
        let rec = recognise::recognise(&doc.text, &body, &tokens, &self.res);
        let mut extraction = relate::relate(&doc.id, rec, &self.res);
        extraction.decode = doc.decode_report();
        extraction
    }

    /// Extracts one document read from `path`, turning a panic (a bug in this library) into
    /// [`Error::Internal`] naming the file, so a caller looping over a corpus loses only
    /// that file. [`extract_paths`](Self::extract_paths) does this for every file.
    ///
    /// ```
    /// let extractor = interview_kg::Extractor::new();
    /// let doc = interview_kg::Document::from_text("a", "英德市委书记张杨彬表示,英德将大力发展鞋业。");
    /// let extraction = extractor.try_extract(&doc, "a.txt".as_ref()).unwrap();
    /// assert!(extraction.entities.iter().any(|e| e.name == "张杨彬"));
    /// ```
    pub fn try_extract(&self, doc: &Document, path: &Path) -> Result<Extraction> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.extract(doc)))
            .map_err(|payload| Error::from_panic(path, payload.as_ref()))
    }

    /// Extracts documents and merges them into one graph, in the order given.
    pub fn extract_all<'a>(&self, docs: impl IntoIterator<Item = &'a Document>) -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        for doc in docs {
            self.merge_into(&mut graph, self.extract(doc));
        }
        graph
    }

    /// Merges an extraction into a graph (resolution uses this extractor's gazetteer).
    pub fn merge_into(&self, graph: &mut KnowledgeGraph, extraction: Extraction) {
        graph.merge_with(extraction, Some(&self.res));
    }

    /// The segmenter, with the gazetteer's and lexicons' words added.
    pub fn segmenter(&self) -> &Segmenter {
        &self.res.segmenter
    }

    /// Reads one file as a document, under this extractor's size limit.
    pub fn load(&self, path: &Path) -> Result<Document> {
        Document::from_path(path, self.res.max_document_bytes)
    }

    /// Reads and extracts every file under `paths` (files and folders, recursively), in
    /// parallel. Returns one result per file, in sorted path order: a bad file is an error
    /// in its place and never stops the others.
    pub fn extract_paths<P: AsRef<Path>>(&self, paths: &[P]) -> Vec<(PathBuf, FileResult)> {
        let files = load::collect_files(paths);
        files.into_par_iter().map(|f| self.load_and_extract(f)).collect()
    }

    fn load_and_extract(&self, file: Result<PathBuf>) -> (PathBuf, FileResult) {
        match file {
            Ok(path) => {
                let r = self.load(&path).and_then(|doc| self.try_extract(&doc, &path));
                (path, r)
            }
            Err(e) => (e.path().map(Path::to_path_buf).unwrap_or_default(), Err(e)),
        }
    }

    /// Reads, extracts and merges every file under `paths` into one graph: the same graph
    /// and errors as [`graph_of`](Self::graph_of)`(`[`extract_paths`](Self::extract_paths)`(paths))`,
    /// byte for byte, but faster and in less memory.
    ///
    /// Files are taken in chunks of 64 per thread. While one thread merges a chunk, in path
    /// order, the other threads extract the next one; so merging, which is serial, overlaps
    /// extraction instead of following it, and only two chunks of extractions are held at a
    /// time instead of one per file.
    ///
    /// ```
    /// let extractor = interview_kg::Extractor::new();
    /// let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    /// let (graph, errors) = extractor.graph_of_paths(&[seeds]);
    /// assert!(errors.is_empty());
    /// assert_eq!(graph.documents().len(), 5);
    /// ```
    pub fn graph_of_paths<P: AsRef<Path>>(&self, paths: &[P]) -> (KnowledgeGraph, Vec<Error>) {
        let chunk = 64 * rayon::current_num_threads();
        let mut files = load::collect_files(paths).into_iter();
        let mut graph = KnowledgeGraph::new();
        let mut errors = Vec::new();
        let mut extracted: Vec<(PathBuf, FileResult)> = Vec::new();
        loop {
            let next: Vec<Result<PathBuf>> = files.by_ref().take(chunk).collect();
            if next.is_empty() && extracted.is_empty() {
                break;
            }
            let ready = std::mem::take(&mut extracted);
            let ((), following) = rayon::join(
                || {
                    for (path, r) in ready {
                        self.merge_result(&mut graph, &mut errors, &path, r);
                    }
                },
                || next.into_par_iter().map(|f| self.load_and_extract(f)).collect(),
            );
            extracted = following;
        }
        (graph, errors)
    }

    /// Reads and extracts every file under `paths` and hands each to `sink` as a graph of its
    /// own, in sorted path order, never holding more than a chunk of 64 files per thread:
    /// memory is bounded by the largest documents, not by the corpus. A document's graph
    /// depends on that document alone (official ids aside: see [`resolve`]), so writing
    /// each as N-Quads gives a dataset that loads like the corpus's.
    ///
    /// The sink sees `Err` for a file that could not be read; an error the sink returns
    /// stops the stream and is returned.
    ///
    /// ```
    /// let extractor = interview_kg::Extractor::new();
    /// let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    /// let mut officials = 0;
    /// extractor.stream_paths(&[seeds], |file| {
    ///     let file = file?; // or count and go on
    ///     officials += file.graph.nodes_of(interview_kg::EntityKind::Official).len();
    ///     Ok::<(), interview_kg::Error>(())
    /// })?;
    /// assert!(officials >= 5);
    /// # Ok::<(), interview_kg::Error>(())
    /// ```
    pub fn stream_paths<P, E>(
        &self,
        paths: &[P],
        mut sink: impl FnMut(Result<FileGraph>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E>
    where
        P: AsRef<Path>,
    {
        let chunk = 64 * rayon::current_num_threads();
        let mut files = load::collect_files(paths).into_iter();
        loop {
            let next: Vec<Result<PathBuf>> = files.by_ref().take(chunk).collect();
            if next.is_empty() {
                return Ok(());
            }
            let graphs: Vec<Result<FileGraph>> = next
                .into_par_iter()
                .map(|f| {
                    let path = f?;
                    let document = self.load(&path)?;
                    let mut graph = KnowledgeGraph::new();
                    self.merge_into(&mut graph, self.try_extract(&document, &path)?);
                    Ok(FileGraph { path, document, graph })
                })
                .collect();
            for g in graphs {
                sink(g)?;
            }
        }
    }

    /// Builds one graph from the results of [`extract_paths`](Self::extract_paths), in order;
    /// returns the graph and the problems: the files skipped, and the warnings
    /// ([`Error::is_partial`]) of files merged although some of their bytes could not be decoded.
    pub fn graph_of(&self, results: Vec<(PathBuf, FileResult)>) -> (KnowledgeGraph, Vec<Error>) {
        let mut graph = KnowledgeGraph::new();
        let mut errors = Vec::new();
        for (path, r) in results {
            self.merge_result(&mut graph, &mut errors, &path, r);
        }
        (graph, errors)
    }

    fn merge_result(&self, graph: &mut KnowledgeGraph, errors: &mut Vec<Error>, path: &Path, r: FileResult) {
        match r {
            Ok(ex) => {
                errors.extend(ex.decode.map(|d| d.warning(path)));
                self.merge_into(graph, ex);
            }
            Err(e) => errors.push(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static LEXICAL: LazyLock<LexicalPatterns> = LazyLock::new(|| LexicalPatterns::new(&Lexicon::builtin()));

    fn titles() -> Vec<String> {
        Lexicon::builtin().of(Category::Title).map(|e| e.name.clone()).collect()
    }

    proptest! {
        /// Titles are found as the pattern `(?:BODY)?(?:TITLE)` (titles longest first) finds
        /// them, leftmost-first: at the first start, a body if one leads to a title.
        #[test]
        fn titles_are_found_as_body_then_title(
            pieces in proptest::collection::vec((0usize..200, 0usize..4), 0..8)
        ) {
            let titles = titles();
            let mut sorted: Vec<&str> = titles.iter().map(String::as_str).collect();
            sorted.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
            let alt = |words: &[&str]| words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
            let pattern = Regex::new(&format!("(?:{})?(?:{})", alt(ORG_WORDS), alt(&sorted))).unwrap();
            let fillers = ["", "张三", "、", "英德"];
            let text: String = pieces
                .iter()
                .map(|&(i, f)| {
                    let word = if i % 2 == 0 { ORG_WORDS[i / 2 % ORG_WORDS.len()] } else { titles[i / 2 % titles.len()].as_str() };
                    format!("{word}{}", fillers[f])
                })
                .collect();
            let expected: Vec<(usize, usize)> = pattern.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            let found: Vec<(usize, usize)> = LEXICAL.titles.find_iter(&text).map(|m| (m.start, m.end)).collect();
            prop_assert_eq!(found, expected, "{}", text);
        }
    }
}
