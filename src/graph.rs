//! Stage 7, **graph**: the merged knowledge graph, held in a `petgraph`
//! [`StableGraph`](petgraph::stable_graph::StableGraph).
//!
//! Nodes are entities and documents; edges are relations. Resolution merges entities
//! *before* insertion (each node is looked up by its resolution key first), so no node is
//! ever removed and node indices stay valid for the life of the graph.

pub use crate::evidence::{Evidence, EvidenceSet};
use crate::model::{Amount, EntityDetail, EntityKind, PlaceInfo, RelationAttrs, RelationKind, RelationSource};
use foldhash::HashMap;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use petgraph::Direction;
use std::collections::BTreeSet;

/// A node: an entity merged across documents, or a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Stable id: the same real-world thing has the same id in every run (`place:441881`).
    pub id: String,
    /// Kind.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Every other surface form seen.
    pub aliases: BTreeSet<String>,
    /// Kind-specific attributes.
    pub detail: EntityDetail,
    /// Mentions in all documents, sorted.
    pub mentions: EvidenceSet,
}

impl Node {
    /// The place attributes, for a place.
    pub fn place(&self) -> Option<&PlaceInfo> {
        match &self.detail {
            EntityDetail::Place(p) => Some(p),
            _ => None,
        }
    }

    /// The amount, for an amount.
    pub fn amount(&self) -> Option<&Amount> {
        match &self.detail {
            EntityDetail::Amount(a) => Some(a),
            _ => None,
        }
    }
}

/// An edge: one relation, with the evidence of every document that states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Kind.
    pub kind: RelationKind,
    /// Attributes.
    pub attrs: RelationAttrs,
    /// The rule that produced it first.
    pub rule: &'static str,
    /// Where the text states it, sorted.
    pub evidence: EvidenceSet,
    /// Text, or gazetteer for links to places the text does not name.
    pub source: RelationSource,
}

/// A document's metadata.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocumentInfo {
    /// Id: the file name without extension.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publishing medium.
    pub source: Option<String>,
    /// Date.
    pub date: Option<String>,
}

/// The edges that share ends and kind: nearly always one, so it takes no allocation.
#[derive(Debug, Clone)]
pub(crate) enum SameEnds {
    One(EdgeIndex),
    Many(Vec<EdgeIndex>),
}

impl SameEnds {
    pub(crate) fn as_slice(&self) -> &[EdgeIndex] {
        match self {
            SameEnds::One(e) => std::slice::from_ref(e),
            SameEnds::Many(v) => v,
        }
    }

    pub(crate) fn push(&mut self, e: EdgeIndex) {
        match self {
            SameEnds::One(first) => *self = SameEnds::Many(vec![*first, e]),
            SameEnds::Many(v) => v.push(e),
        }
    }
}

/// The knowledge graph of one or many documents.
///
/// ```
/// use interview_kg::{Document, EntityKind, Extractor};
/// let extractor = Extractor::new();
/// let doc = Document::from_text("demo", "日前,英德市委书记张杨彬接受清远日报专访。张杨彬表示,英德将大力发展鞋业产业。");
/// let graph = extractor.extract_all([&doc]);
/// let official = graph.find(EntityKind::Official, "张杨彬").unwrap();
/// let posts = graph.posts_of(official);
/// assert_eq!(graph.node(posts[0].1).name, "英德市");
/// assert_eq!(posts[0].0.attrs.title.as_deref(), Some("市委书记"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    pub(crate) graph: StableDiGraph<Node, Edge>,
    pub(crate) by_id: HashMap<String, NodeIndex>,
    /// Ids of `by_id` that start with `official:`, by each `NAME` such that the id starts with
    /// `official:NAME@`: resolution finds the same-name officials of other provinces with one
    /// look-up instead of a scan of every id.
    pub(crate) officials_by_name: HashMap<String, Vec<NodeIndex>>,
    /// Position in `documents` of each document id.
    pub(crate) document_pos: HashMap<String, usize>,
    /// The edges of each pair of ends and kind (one, unless their attributes differ), so that
    /// merging finds an edge by hashing, without cloning or keeping a copy of its attributes.
    pub(crate) edges: HashMap<(NodeIndex, NodeIndex, RelationKind), SameEnds>,
    pub(crate) documents: Vec<DocumentInfo>,
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> KnowledgeGraph {
        KnowledgeGraph::default()
    }

    /// The underlying petgraph graph, for algorithms.
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge> {
        &self.graph
    }

    /// The documents, in the order they were added.
    pub fn documents(&self) -> &[DocumentInfo] {
        &self.documents
    }

    /// Number of nodes (documents included).
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node at an index.
    pub fn node(&self, ix: NodeIndex) -> &Node {
        &self.graph[ix]
    }

    /// The node with a stable id.
    pub fn by_id(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// Every node of a kind, in id order.
    pub fn nodes_of(&self, kind: EntityKind) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|i| self.graph[*i].kind == kind)
            .collect();
        v.sort_by(|a, b| self.graph[*a].id.cmp(&self.graph[*b].id));
        v
    }

    /// The first node (in id order) of a kind whose name or alias is `name`.
    pub fn find(&self, kind: EntityKind, name: &str) -> Option<NodeIndex> {
        self.nodes_of(kind)
            .into_iter()
            .find(|i| self.graph[*i].name == name || self.graph[*i].aliases.contains(name))
    }

    /// Outgoing edges of a kind, with their targets.
    pub fn outgoing(&self, ix: NodeIndex, kind: RelationKind) -> Vec<(&Edge, NodeIndex)> {
        let mut v: Vec<(&Edge, NodeIndex)> = self
            .graph
            .edges_directed(ix, Direction::Outgoing)
            .filter(|e| e.weight().kind == kind)
            .map(|e| (e.weight(), e.target()))
            .collect();
        v.sort_by(|a, b| {
            self.graph[a.1]
                .id
                .cmp(&self.graph[b.1].id)
                .then(a.0.evidence.cmp(&b.0.evidence))
        });
        v
    }

    /// Incoming edges of a kind, with their sources.
    pub fn incoming(&self, ix: NodeIndex, kind: RelationKind) -> Vec<(&Edge, NodeIndex)> {
        let mut v: Vec<(&Edge, NodeIndex)> = self
            .graph
            .edges_directed(ix, Direction::Incoming)
            .filter(|e| e.weight().kind == kind)
            .map(|e| (e.weight(), e.source()))
            .collect();
        v.sort_by(|a, b| self.graph[a.1].id.cmp(&self.graph[b.1].id));
        v
    }

    /// The posts of an official: each `holds_post` edge (with its title) and the place or
    /// organisation where it is held.
    pub fn posts_of(&self, official: NodeIndex) -> Vec<(&Edge, NodeIndex)> {
        self.outgoing(official, RelationKind::HoldsPost)
    }

    /// The projects located in a place, each with its investment amounts.
    pub fn projects_in(&self, place: NodeIndex) -> Vec<(NodeIndex, Vec<&Amount>)> {
        self.incoming(place, RelationKind::LocatedIn)
            .into_iter()
            .filter(|(_, p)| self.graph[*p].kind == EntityKind::Project)
            .map(|(_, p)| {
                let amounts = self
                    .outgoing(p, RelationKind::HasInvestment)
                    .into_iter()
                    .filter_map(|(_, a)| self.graph[a].amount())
                    .collect();
                (p, amounts)
            })
            .collect()
    }

    /// Industries a place develops.
    pub fn industries_of(&self, place: NodeIndex) -> Vec<NodeIndex> {
        self.outgoing(place, RelationKind::Develops)
            .into_iter()
            .map(|(_, i)| i)
            .collect()
    }

    /// Every edge, as (source, edge, target).
    pub fn edges(&self) -> impl Iterator<Item = (NodeIndex, &Edge, NodeIndex)> {
        self.graph
            .edge_references()
            .map(|e| (e.source(), e.weight(), e.target()))
    }
}
