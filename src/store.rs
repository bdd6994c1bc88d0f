//! SPARQL over the graph: an oxigraph store built from [`RdfExport`]s (feature `rdf`), in
//! memory or, with the feature `rocksdb`, on disk.
//!
//! A store holds the vocabulary (in the graph `<https://w3id.org/ikg/ns>`), one named graph
//! per document and the gazetteer's graph (see [`crate::export::rdf`]). Queries see the
//! union of all named graphs as their default graph, each triple once, and
//! `GRAPH ?doc { … }` tells which document states a fact. Queries may use the prefixes `ikg:`, `rdf:`, `rdfs:`, `xsd:`,
//! `schema:`, `prov:` and `dcterms:` without declaring them.
//!
//! ```
//! use interview_kg::{Document, Extractor, RdfExport, RdfStore};
//!
//! let doc = Document::from_text("demo", "漳州市委书记张国旺表示,推进总投资733亿元的古雷炼化一体化二期。");
//! let graph = Extractor::new().extract_all([&doc]);
//! let store = RdfStore::from_export(&RdfExport::new(&graph).documents([&doc]))?;
//! let rows = store.select(
//!     "SELECT ?value WHERE { ?p rdfs:label \"古雷炼化一体化二期\"@zh ; ikg:hasInvestment/ikg:value ?value }",
//! )?;
//! assert_eq!(rows.get(0, "value").unwrap().to_string(), "\"73300000000\"^^<http://www.w3.org/2001/XMLSchema#decimal>");
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```
//!
//! # The default graph is the union, each triple once
//! A triple stated by two documents is in two named graphs. oxigraph's own union default
//! graph would return it once per graph, and a join of three patterns over entities that
//! 80 interviews mention would multiply into 80³ rows before any `DISTINCT`. So the store
//! keeps the union itself: its default graph holds every triple of every named graph once,
//! and [`RdfStore::add`] maintains it (a triple leaves it when the last graph that states it
//! is replaced). Queries without `FROM` run on it; `GRAPH ?g` sees the named graphs only.
//! Write through [`RdfStore::add`]: updates made straight to the named graphs through
//! [`RdfStore::oxigraph`] do not reach the union.
//!
//! Two statements of the same figure are two amounts (ONTOLOGY.md): to total the
//! investment of projects that several interviews quote, take one figure per project
//! (`queries/investment-by-city.rq`).
//!
//! # Growing a corpus
//! [`RdfStore::add`] replaces the named graph of each document of the export (clear, then
//! insert, in one transaction) and merges the rest: entities, statements and spans have
//! IRIs derived from what they are, so the same thing is never stored twice. Loading
//! documents in batches gives the same dataset as loading them at once, as long as each
//! batch is extracted from the same documents (entity resolution across documents, which
//! decides an official's id when no post place is named, sees only its batch).
//!
//! # Performance
//! Measured on a busy 2-core machine with the `sparql` example (`-v`): the five seed
//! interviews give 5,600 quads in named graphs and 11,000 with the union, built in memory in
//! about 40 ms; 200 interviews (3 MB of text) give 352,000 quads in about 1.7 s and 350 MB,
//! and each query of `queries/` then runs in 120–220 ms. Opening an on-disk store costs
//! about 0.4 s. Building the [`Extractor`](crate::Extractor) (0.3 s) and extracting come on
//! top. oxigraph indexes terms, not words: match labels and IRIs exactly rather than with
//! `CONTAINS` or `REGEX` over every literal. [`RdfStore::add`] holds one export's quads in
//! memory inside a transaction: for very large corpora, add documents in batches.

use crate::export::rdf::{RdfError, RdfExport, ONTOLOGY, PREFIXES, VOCABULARY};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad, QuadRef, Term, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    PreparedSparqlQuery, QueryEvaluationError, QueryResults, QuerySolution, SparqlEvaluator, SparqlSyntaxError,
};
use oxigraph::store::Store;
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

/// A query that failed: a syntax error (the user's to fix) apart from an evaluation or
/// output failure.
///
/// ```
/// use interview_kg::{QueryError, RdfStore};
/// let store = RdfStore::new()?;
/// assert!(matches!(store.query("SELECT ?x WHERE {"), Err(QueryError::Syntax(_))));
/// assert!(matches!(store.select("ASK {}"), Err(QueryError::NotSelect)));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The query does not parse; the message says where and why.
    #[error("{0}")]
    Syntax(#[from] SparqlSyntaxError),
    /// A variable name given to [`SparqlQuery::bind`] is not a valid SPARQL variable.
    #[error("invalid variable name {0:?}")]
    Variable(String),
    /// The query parsed but its evaluation failed.
    #[error("{0}")]
    Evaluation(#[from] QueryEvaluationError),
    /// [`RdfStore::select`] was given an ASK, CONSTRUCT or DESCRIBE query.
    #[error("not a SELECT query")]
    NotSelect,
    /// Writing the results failed.
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl QueryError {
    /// Whether the query itself is at fault (it does not parse, or names a bad variable).
    ///
    /// ```
    /// use interview_kg::SparqlQuery;
    /// let e = SparqlQuery::parse("SELEC ?x WHERE {}").unwrap_err();
    /// assert!(e.is_syntax());
    /// ```
    pub fn is_syntax(&self) -> bool {
        matches!(self, QueryError::Syntax(_) | QueryError::Variable(_))
    }
}

/// A parsed SPARQL query, with values bound to some of its variables.
///
/// Binding goes through oxigraph's variable substitution, never through string
/// formatting, so a user's value cannot change the query.
///
/// ```
/// use interview_kg::{Document, Extractor, RdfExport, RdfStore, SparqlQuery};
/// use interview_kg::oxigraph::model::Literal;
///
/// let doc = Document::from_text("d", "英德市委书记张杨彬表示,英德将大力发展鞋业产业。");
/// let store = RdfStore::from_export(&RdfExport::new(&Extractor::new().extract_all([&doc])))?;
/// let name = "张杨彬\"} ; DROP ALL"; // hostile input stays a value
/// let query = SparqlQuery::parse("SELECT ?o ?name WHERE { ?o rdfs:label ?name }")?
///     .bind("name", Literal::new_language_tagged_literal(name, "zh")?)?;
/// assert_eq!(store.select_query(&query)?.len(), 0);
/// let query = SparqlQuery::parse("SELECT DISTINCT ?o ?name WHERE { ?o rdfs:label ?name }")?
///     .bind("name", Literal::new_language_tagged_literal("张杨彬", "zh")?)?;
/// assert_eq!(store.select_query(&query)?.len(), 1);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
#[must_use]
pub struct SparqlQuery {
    prepared: PreparedSparqlQuery,
}

impl std::fmt::Debug for SparqlQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SparqlQuery").finish_non_exhaustive()
    }
}

impl SparqlQuery {
    /// Parses a query. The crate's prefixes ([`PREFIXES`]) are predeclared. Without a
    /// `FROM` clause, the default graph is the store's, the union of all named graphs.
    ///
    /// ```
    /// use interview_kg::SparqlQuery;
    /// assert!(SparqlQuery::parse("SELECT * WHERE { ?s ikg:holdsPost ?o }").is_ok());
    /// let e = SparqlQuery::parse("SELECT * WHERE { ?s ikg:holdsPost ?o ").unwrap_err();
    /// assert!(e.to_string().contains("error at 1:"), "{e}");
    /// ```
    pub fn parse(sparql: &str) -> Result<SparqlQuery, QueryError> {
        let mut evaluator = SparqlEvaluator::new();
        for (name, iri) in PREFIXES {
            evaluator = evaluator
                .with_prefix(*name, *iri)
                .expect("the crate's prefix IRIs are valid");
        }
        Ok(SparqlQuery {
            prepared: evaluator.parse_query(sparql)?,
        })
    }

    /// Binds a variable (named without `?`) to a value, as if by `VALUES`.
    ///
    /// The variable must be visible in the results: in the `SELECT` clause (or `SELECT *`),
    /// or anywhere in an `ASK` or `CONSTRUCT` pattern. Binding a variable that a `SELECT`
    /// leaves out fails when the query runs ([`QueryError::Evaluation`]).
    ///
    /// ```
    /// use interview_kg::{RdfStore, SparqlQuery};
    /// use interview_kg::oxigraph::model::Literal;
    /// let store = RdfStore::new()?;
    /// let q = SparqlQuery::parse("SELECT ?class ?zh WHERE { ?class rdfs:label ?zh }")?
    ///     .bind("zh", Literal::new_language_tagged_literal("地点", "zh").unwrap())?;
    /// assert_eq!(store.select_query(&q)?.strings("class"), ["https://w3id.org/ikg/ns#Place"]);
    /// let hidden = SparqlQuery::parse("SELECT ?class WHERE { ?class rdfs:label ?zh }")?.bind("zh", Literal::from("x"))?;
    /// assert!(store.select_query(&hidden).is_err());
    /// assert!(SparqlQuery::parse("SELECT * WHERE {}")?.bind("not a name", Literal::from("x")).is_err());
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn bind(self, variable: &str, value: impl Into<Term>) -> Result<SparqlQuery, QueryError> {
        let v = Variable::new(variable).map_err(|_| QueryError::Variable(variable.to_owned()))?;
        Ok(SparqlQuery {
            prepared: self.prepared.substitute_variable(v, value),
        })
    }
}

/// The rows of a SELECT query, collected: the variables in order and one
/// [`QuerySolution`] per row, with typed [`Term`]s.
///
/// ```
/// use interview_kg::{Document, Extractor, RdfExport, RdfStore};
/// let doc = Document::from_text("d", "英德市委书记张杨彬。");
/// let store = RdfStore::from_export(&RdfExport::new(&Extractor::new().extract_all([&doc])))?;
/// let rows = store.select("SELECT DISTINCT ?code WHERE { ?p rdfs:label \"英德市\"@zh ; ikg:adcode ?code }")?;
/// assert_eq!(rows.variables()[0].as_str(), "code");
/// assert_eq!(rows.strings("code"), ["441881"]);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, PartialEq)]
pub struct Solutions {
    variables: Vec<Variable>,
    rows: Vec<QuerySolution>,
}

impl Solutions {
    /// Collects the solutions of query results.
    ///
    /// ```
    /// use interview_kg::{RdfStore, Solutions};
    /// let store = RdfStore::new()?;
    /// let rows = Solutions::collect(store.query("SELECT ?c WHERE { ?c a <http://www.w3.org/2002/07/owl#Class> }")?)?;
    /// assert!(rows.len() >= 9);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn collect(results: QueryResults<'_>) -> Result<Solutions, QueryError> {
        match results {
            QueryResults::Solutions(iter) => {
                let variables = iter.variables().to_vec();
                let rows = iter.collect::<Result<Vec<_>, _>>()?;
                Ok(Solutions { variables, rows })
            }
            _ => Err(QueryError::NotSelect),
        }
    }

    /// The variables, in the order of the query's projection.
    ///
    /// ```
    /// # let store = interview_kg::RdfStore::new()?;
    /// let rows = store.select("SELECT ?a ?b WHERE {}")?;
    /// assert_eq!(rows.variables().len(), 2);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn variables(&self) -> &[Variable] {
        &self.variables
    }

    /// The rows.
    ///
    /// ```
    /// # let store = interview_kg::RdfStore::new()?;
    /// let rows = store.select("SELECT ?x WHERE { VALUES ?x { 1 2 } }")?;
    /// assert_eq!(rows.rows().len(), 2);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn rows(&self) -> &[QuerySolution] {
        &self.rows
    }

    /// The number of rows.
    ///
    /// ```
    /// # let store = interview_kg::RdfStore::new()?;
    /// assert_eq!(store.select("SELECT ?x WHERE { VALUES ?x { 1 2 } }")?.len(), 2);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there is no row.
    ///
    /// ```
    /// # let store = interview_kg::RdfStore::new()?;
    /// assert!(store.select("SELECT ?x WHERE { ?x ikg:holdsPost ?y }")?.is_empty());
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The value of a variable in a row, if bound.
    ///
    /// ```
    /// # let store = interview_kg::RdfStore::new()?;
    /// let rows = store.select("SELECT ?x WHERE { VALUES ?x { \"42\" } }")?;
    /// assert_eq!(rows.get(0, "x").unwrap().to_string(), "\"42\"");
    /// assert!(rows.get(0, "y").is_none());
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn get(&self, row: usize, variable: &str) -> Option<&Term> {
        self.rows.get(row)?.get(variable)
    }

    /// The lexical values of a variable down the rows (an IRI's string, a literal's value);
    /// unbound values are skipped.
    ///
    /// ```
    /// # let store = interview_kg::RdfStore::new()?;
    /// let rows = store.select("SELECT ?x WHERE { VALUES ?x { \"英德市\"@zh <http://example.org/a> } }")?;
    /// assert_eq!(rows.strings("x"), ["英德市", "http://example.org/a"]);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn strings(&self, variable: &str) -> Vec<&str> {
        self.rows
            .iter()
            .filter_map(|r| match r.get(variable)? {
                Term::NamedNode(n) => Some(n.as_str()),
                Term::BlankNode(b) => Some(b.as_str()),
                Term::Literal(l) => Some(l.value()),
                #[allow(unreachable_patterns)]
                _ => None,
            })
            .collect()
    }
}

/// An oxigraph store of knowledge graphs, with the vocabulary loaded.
///
/// ```
/// use interview_kg::{Document, Extractor, RdfExport, RdfStore};
/// let extractor = Extractor::new();
/// let store = RdfStore::new()?;
/// let a = Document::from_text("a", "英德市委书记张杨彬表示,英德将大力发展鞋业产业。");
/// store.add(&RdfExport::new(&extractor.extract_all([&a])).documents([&a]))?;
/// let b = Document::from_text("b", "漳州市委书记张国旺表示,漳州将大力发展石油化工产业。");
/// store.add(&RdfExport::new(&extractor.extract_all([&b])).documents([&b]))?;
/// let rows = store.select("SELECT DISTINCT ?doc WHERE { GRAPH ?doc { ?d a ikg:Document } } ORDER BY ?doc")?;
/// assert_eq!(rows.len(), 2);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct RdfStore {
    store: Store,
}

impl std::fmt::Debug for RdfStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RdfStore").finish_non_exhaustive()
    }
}

impl RdfStore {
    /// An empty in-memory store, with the vocabulary loaded.
    ///
    /// ```
    /// let store = interview_kg::RdfStore::new()?;
    /// assert!(!store.is_empty()?); // the vocabulary
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn new() -> Result<RdfStore, RdfError> {
        RdfStore::wrap(Store::new()?)
    }

    /// An in-memory store of one export.
    ///
    /// ```
    /// use interview_kg::{Document, Extractor, RdfExport, RdfStore};
    /// let doc = Document::from_text("d", "英德市委书记张杨彬。");
    /// let graph = Extractor::new().extract_all([&doc]);
    /// let store = RdfStore::from_export(&RdfExport::new(&graph).documents([&doc]))?;
    /// assert!(store.len()? > RdfStore::new()?.len()?);
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn from_export(export: &RdfExport<'_>) -> Result<RdfStore, RdfError> {
        let store = RdfStore::new()?;
        store.add(export)?;
        Ok(store)
    }

    /// Opens the on-disk store at `path`, creating it if needed (feature `rocksdb`). The
    /// vocabulary graph is replaced by this version's.
    ///
    /// ```
    /// # #[cfg(feature = "rocksdb")] {
    /// let dir = std::env::temp_dir().join(format!("ikg-doc-open-{}", std::process::id()));
    /// {
    ///     let store = interview_kg::RdfStore::open(&dir)?;
    ///     assert!(!store.is_empty()?);
    /// }
    /// std::fs::remove_dir_all(&dir)?;
    /// # }
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "rocksdb")]
    pub fn open(path: impl AsRef<std::path::Path>) -> Result<RdfStore, RdfError> {
        RdfStore::wrap(Store::open(path)?)
    }

    /// Wraps an oxigraph store, loading (or replacing) the vocabulary in it.
    ///
    /// ```
    /// let store = interview_kg::RdfStore::wrap(interview_kg::oxigraph::store::Store::new()?)?;
    /// assert!(store.select("SELECT * WHERE { ikg:Place rdfs:label ?l }")?.len() == 2);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn wrap(store: Store) -> Result<RdfStore, RdfError> {
        let graph = NamedNode::new_unchecked(ONTOLOGY);
        let quads = RdfParser::from_format(RdfFormat::Turtle)
            .without_named_graphs()
            .with_default_graph(graph.clone())
            .for_slice(VOCABULARY)
            .collect::<Result<Vec<Quad>, _>>()
            .map_err(|e| RdfError::Vocabulary(oxigraph::io::RdfParseError::from(e).into()))?;
        let store = RdfStore { store };
        store.replace(&[graph], &quads)?;
        Ok(store)
    }

    /// Adds an export: each of its documents' named graphs is replaced (cleared, then
    /// filled), the gazetteer's graph is merged, all in one transaction.
    ///
    /// ```
    /// use interview_kg::{Document, Extractor, RdfExport, RdfStore};
    /// let extractor = Extractor::new();
    /// let store = RdfStore::new()?;
    /// let old = Document::from_text("d", "英德市委书记张杨彬表示,英德将大力发展鞋业产业。");
    /// store.add(&RdfExport::new(&extractor.extract_all([&old])))?;
    /// let new = Document::from_text("d", "漳州市委书记张国旺。");
    /// store.add(&RdfExport::new(&extractor.extract_all([&new])))?;
    /// let ask = |q| store.query(q).map(|r| matches!(r, interview_kg::oxigraph::sparql::QueryResults::Boolean(true)));
    /// assert!(ask("ASK { GRAPH ?g { ?o rdfs:label \"张国旺\"@zh } }")?);
    /// assert!(!ask("ASK { GRAPH ?g { ?o rdfs:label \"张杨彬\"@zh } }")?);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&self, export: &RdfExport<'_>) -> Result<(), RdfError> {
        self.replace(&export.document_graphs()?, &export.unsorted_quads()?)
    }

    /// Adds an export one document at a time: first what no document states (the gazetteer's
    /// graph), then each document's named graph in a transaction of its own, calling
    /// `committed` after each. An on-disk store whose loading is interrupted (killed, out
    /// of power) holds every document wholly or not at all; adding the same export again
    /// completes it without duplicates. The dataset is the same as [`add`](Self::add)'s.
    ///
    /// ```
    /// use interview_kg::{Document, Extractor, RdfExport, RdfStore};
    /// let docs = [
    ///     Document::from_text("a", "英德市委书记张杨彬表示,英德将大力发展鞋业产业。"),
    ///     Document::from_text("b", "漳州市委书记张国旺。"),
    /// ];
    /// let graph = Extractor::new().extract_all(&docs);
    /// let export = RdfExport::new(&graph).documents(&docs);
    /// let (one, each) = (RdfStore::new()?, RdfStore::new()?);
    /// one.add(&export)?;
    /// let mut names = Vec::new();
    /// each.add_by_document(&export, |graph| names.push(graph.as_str().to_owned()))?;
    /// assert_eq!(names, ["https://w3id.org/ikg/id/doc/a", "https://w3id.org/ikg/id/doc/b"]);
    /// assert_eq!(one.len()?, each.len()?);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_by_document(
        &self,
        export: &RdfExport<'_>,
        mut committed: impl FnMut(&NamedNode),
    ) -> Result<(), RdfError> {
        let documents = export.document_graphs()?;
        let mut by_graph: HashMap<GraphName, Vec<Quad>> = HashMap::new();
        for q in export.unsorted_quads()? {
            by_graph.entry(q.graph_name.clone()).or_default().push(q);
        }
        let mut shared = Vec::new();
        let document_names: HashSet<GraphName> = documents.iter().cloned().map(GraphName::from).collect();
        by_graph.retain(|g, quads| {
            let keep = document_names.contains(g);
            if !keep {
                shared.append(quads);
            }
            keep
        });
        self.replace(&[], &shared)?;
        for g in &documents {
            let quads = by_graph.remove(&GraphName::from(g.clone())).unwrap_or_default();
            self.replace(std::slice::from_ref(g), &quads)?;
            committed(g);
        }
        Ok(())
    }

    /// In one transaction: clears `graphs`, inserts `quads` (into their named graphs and,
    /// as triples, into the default graph), and removes from the default graph the old
    /// triples of `graphs` that no named graph states any more.
    fn replace(&self, graphs: &[NamedNode], quads: &[Quad]) -> Result<(), RdfError> {
        let mut tx = self.store.start_transaction()?;
        let mut old: Vec<Triple> = Vec::new();
        for g in graphs {
            for q in tx.quads_for_pattern(None, None, None, Some(g.into())) {
                old.push(q?.into());
            }
            tx.clear_graph(g)?;
        }
        for q in quads {
            tx.insert(q);
            tx.insert(QuadRef::new(
                &q.subject,
                &q.predicate,
                &q.object,
                GraphNameRef::DefaultGraph,
            ));
        }
        for t in old {
            let mut stated = false;
            for q in tx.quads_for_pattern(
                Some(t.subject.as_ref()),
                Some(t.predicate.as_ref()),
                Some(t.object.as_ref()),
                None,
            ) {
                stated |= !q?.graph_name.is_default_graph();
                if stated {
                    break;
                }
            }
            if !stated {
                tx.remove(t.as_ref().in_graph(GraphNameRef::DefaultGraph));
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Runs a query (parsed as by [`SparqlQuery::parse`]).
    ///
    /// ```
    /// use interview_kg::oxigraph::sparql::QueryResults;
    /// let store = interview_kg::RdfStore::new()?;
    /// assert!(matches!(store.query("ASK { ikg:holdsPost a ?type }")?, QueryResults::Boolean(true)));
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, QueryError> {
        self.execute(&SparqlQuery::parse(sparql)?)
    }

    /// Runs a parsed query.
    ///
    /// ```
    /// use interview_kg::{RdfStore, SparqlQuery};
    /// use interview_kg::oxigraph::sparql::QueryResults;
    /// let store = RdfStore::new()?;
    /// let q = SparqlQuery::parse("ASK { ?c a ?class }")?.bind("c", interview_kg::export::rdf::ikg::PLACE)?;
    /// assert!(matches!(store.execute(&q)?, QueryResults::Boolean(true)));
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn execute(&self, query: &SparqlQuery) -> Result<QueryResults<'static>, QueryError> {
        Ok(query.prepared.clone().on_store(&self.store).execute()?)
    }

    /// Runs a SELECT query and collects its rows.
    ///
    /// ```
    /// let store = interview_kg::RdfStore::new()?;
    /// let rows = store.select("SELECT ?en WHERE { ikg:locatedIn rdfs:label ?en FILTER(lang(?en) = 'en') }")?;
    /// assert_eq!(rows.strings("en"), ["located in"]);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn select(&self, sparql: &str) -> Result<Solutions, QueryError> {
        Solutions::collect(self.query(sparql)?)
    }

    /// Runs a parsed SELECT query and collects its rows.
    ///
    /// ```
    /// use interview_kg::{RdfStore, SparqlQuery};
    /// let store = RdfStore::new()?;
    /// let q = SparqlQuery::parse("SELECT ?c ?l WHERE { ?c rdfs:label ?l }")?.bind("c", interview_kg::export::rdf::ikg::SPAN)?;
    /// assert_eq!(store.select_query(&q)?.len(), 2);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn select_query(&self, query: &SparqlQuery) -> Result<Solutions, QueryError> {
        Solutions::collect(self.execute(query)?)
    }

    /// Writes the store's named graphs (vocabulary included) in a format with named graphs
    /// (N-Quads, TriG, JSON-LD), or their union, each triple once, in a format without them
    /// (Turtle, N-Triples, RDF/XML).
    ///
    /// ```
    /// use interview_kg::oxigraph::io::RdfFormat;
    /// let store = interview_kg::RdfStore::new()?;
    /// let nq = String::from_utf8(store.dump(RdfFormat::NQuads, Vec::new())?).unwrap();
    /// assert!(nq.lines().all(|l| l.ends_with(" <https://w3id.org/ikg/ns> .")));
    /// let nt = String::from_utf8(store.dump(RdfFormat::NTriples, Vec::new())?).unwrap();
    /// assert_eq!(nt.lines().count(), nq.lines().count());
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn dump<W: Write>(&self, format: RdfFormat, out: W) -> Result<W, RdfError> {
        let mut serializer = crate::export::rdf::serializer(format, &Default::default()).for_writer(out);
        if format.supports_datasets() {
            for q in self.store.iter() {
                let q = q?;
                if !q.graph_name.is_default_graph() {
                    serializer.serialize_quad(&q)?;
                }
            }
        } else {
            for q in self
                .store
                .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            {
                serializer.serialize_triple(q?.as_ref())?;
            }
        }
        Ok(serializer.finish()?)
    }

    /// The number of quads, those of the union default graph included.
    ///
    /// ```
    /// assert!(interview_kg::RdfStore::new()?.len()? > 200);
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn len(&self) -> Result<usize, RdfError> {
        Ok(self.store.len()?)
    }

    /// Whether the store holds no quad (never true after construction: the vocabulary is
    /// always there).
    ///
    /// ```
    /// assert!(!interview_kg::RdfStore::new()?.is_empty()?);
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn is_empty(&self) -> Result<bool, RdfError> {
        Ok(self.store.is_empty()?)
    }

    /// The oxigraph store, for everything else (updates, bulk loads, backups).
    ///
    /// ```
    /// let store = interview_kg::RdfStore::new()?;
    /// assert_eq!(store.oxigraph().named_graphs().count(), 1);
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn oxigraph(&self) -> &Store {
        &self.store
    }
}

/// Writes query results: solutions and booleans in a SPARQL results format (W3C TSV, CSV,
/// JSON, XML), the triples of CONSTRUCT and DESCRIBE in `graph_format`.
///
/// ```
/// use interview_kg::{store::write_results, RdfStore};
/// use interview_kg::oxigraph::{io::RdfFormat, sparql::results::QueryResultsFormat};
/// let store = RdfStore::new()?;
/// let results = store.query("SELECT ?en WHERE { ikg:Project rdfs:label ?en FILTER(lang(?en) = 'en') }")?;
/// let tsv = write_results(results, QueryResultsFormat::Tsv, RdfFormat::Turtle, Vec::new())?;
/// assert_eq!(String::from_utf8(tsv).unwrap(), "?en\n\"Project\"@en\n");
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn write_results<W: Write>(
    results: QueryResults<'_>,
    format: QueryResultsFormat,
    graph_format: RdfFormat,
    out: W,
) -> Result<W, QueryError> {
    match results {
        QueryResults::Solutions(solutions) => {
            let mut s = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(out, solutions.variables().to_vec())?;
            for row in solutions {
                s.serialize(&row?)?;
            }
            Ok(s.finish()?)
        }
        QueryResults::Boolean(b) => {
            Ok(QueryResultsSerializer::from_format(format).serialize_boolean_to_writer(out, b)?)
        }
        QueryResults::Graph(triples) => {
            let mut s = crate::export::rdf::serializer(graph_format, &Default::default()).for_writer(out);
            for t in triples {
                s.serialize_triple(&t?)?;
            }
            Ok(s.finish()?)
        }
    }
}
