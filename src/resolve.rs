//! Stage 6, **resolve**: merge the entities of each document into the graph's nodes.
//!
//! # Rules
//! Every entity gets a *resolution key*, which is also its stable node id:
//!
//! | kind | key | so that |
//! |---|---|---|
//! | Place in the gazetteer | `place:` + adcode | 英德 and 英德市 are one node |
//! | other Place | `place:` + name | 江门高新区 and 江门国家高新区 (same canonical name) merge |
//! | Official | `official:` + name + `@` + province of the post | same-name officials of unrelated provinces stay apart |
//! | Amount | `amount:` + document + `:` + offset | two projects of 400亿元 never share a figure |
//! | others | kind + `:` + name (a trailing 项目 dropped for projects) | aliases resolved by the lexicon merge |
//!
//! An official whose document names no post place joins the one node of that name, when
//! there is exactly one; otherwise it stays on its own (`official:` + name).
//!
//! # Complexity
//! Merging a document costs O(e + r) hash look-ups for e entities and r relations: nodes
//! are found by key, never by comparing against all others, so a corpus of n documents
//! costs O(n) and never goes quadratic. The two look-ups that are not by key are indexed
//! too: an official without a post place finds the same-name officials in
//! `officials_by_name`, and a document finds its metadata slot in `document_pos`. (Adding
//! a mention or evidence costs O(1) when it comes after the last, as merging adds them, and
//! O(log m) for m so far otherwise: see [`EvidenceSet`].)
//!
//! # Example
//! ```text
//!  doc A: 英德 ──┐
//!                ├──▶ place:441881 英德市 (aliases: 英德)
//!  doc B: 英德市 ┘
//! ```

use crate::graph::{DocumentInfo, Edge, Evidence, EvidenceSet, KnowledgeGraph, Node, SameEnds};
use crate::model::{EntityKind, RelationKind};
use crate::relate::{End, Extraction};
use crate::Resources;
use petgraph::stable_graph::NodeIndex;
use std::collections::hash_map::Entry;
use std::collections::BTreeSet;

/// The stable id of an entity of one extraction.
fn key(ex: &Extraction, local: usize, province: Option<&str>) -> String {
    let e = &ex.entities[local];
    match e.kind {
        EntityKind::Place => match e.place().and_then(|p| p.adcode.as_deref()) {
            Some(code) => format!("place:{code}"),
            None => format!("place:{}", e.name),
        },
        EntityKind::Official => match province {
            Some(p) => format!("official:{}@{p}", e.name),
            None => format!("official:{}", e.name),
        },
        EntityKind::Amount => {
            let start = e.mentions.first().map_or(0, |s| s.start);
            format!("amount:{}:{start}", ex.doc_id)
        }
        EntityKind::Project => format!(
            "project:{}",
            e.name
                .strip_suffix("项目")
                .filter(|s| s.chars().count() >= 2)
                .unwrap_or(&e.name)
        ),
        EntityKind::Person => format!("person:{}", e.name),
        EntityKind::Organization => format!("org:{}", e.name),
        EntityKind::Industry => format!("industry:{}", e.name),
        EntityKind::Event => format!("event:{}", e.name),
        EntityKind::Document => e.name.clone(),
    }
}

impl KnowledgeGraph {
    /// Merges one document's extraction into the graph.
    pub fn merge(&mut self, ex: Extraction) {
        self.merge_with(ex, None)
    }

    pub(crate) fn merge_with(&mut self, ex: Extraction, res: Option<&Resources>) {
        let doc_ix = self.document_node(&ex);
        let doc: std::sync::Arc<str> = std::sync::Arc::from(ex.doc_id.as_str());
        // The province of each official's posts in this document.
        let mut province: Vec<Option<String>> = vec![None; ex.entities.len()];
        for r in &ex.relations {
            if let (RelationKind::HoldsPost, End::Entity(o), End::Entity(p)) = (r.kind, r.head, r.tail) {
                if let Some(code) = ex.entities[p].place().and_then(|i| i.adcode.as_deref()) {
                    let prov = match res.and_then(|res| {
                        let c = code.parse().ok()?;
                        res.gazetteer.province_of(c)
                    }) {
                        Some(pc) => pc.to_string(),
                        None => format!("{}0000", &code[..2.min(code.len())]),
                    };
                    if province[o].as_ref().is_none_or(|cur| prov < *cur) {
                        province[o] = Some(prov);
                    }
                }
            }
        }
        let mut ix: Vec<NodeIndex> = Vec::with_capacity(ex.entities.len());
        for (local, e) in ex.entities.iter().enumerate() {
            let mut id = key(&ex, local, province[local].as_deref());
            if e.kind == EntityKind::Official && province[local].is_none() {
                // Join the one same-name official, if there is exactly one: the ids that
                // start with `official:NAME@`, found by name in one look-up.
                if let Some([only]) = self.officials_by_name.get(&e.name).map(Vec::as_slice) {
                    id = self.graph[*only].id.clone();
                }
            }
            let node = match self.by_id.get(&id) {
                Some(&n) => n,
                None => {
                    let n = self.graph.add_node(Node {
                        id: id.clone(),
                        kind: e.kind,
                        name: e.name.clone(),
                        aliases: BTreeSet::new(),
                        detail: e.detail.clone(),
                        mentions: EvidenceSet::new(),
                    });
                    self.insert_id(id, n);
                    n
                }
            };
            let node_w = &mut self.graph[node];
            if node_w.name != e.name {
                node_w.aliases.insert(e.name.clone());
            }
            for a in &e.aliases {
                if *a != node_w.name {
                    node_w.aliases.insert(a.clone());
                }
            }
            for m in &e.mentions {
                node_w.mentions.insert(Evidence {
                    doc: doc.clone(),
                    span: *m,
                });
            }
            ix.push(node);
        }
        for r in &ex.relations {
            let end = |e: End| match e {
                End::Entity(l) => ix[l],
                End::Document => doc_ix,
            };
            let (h, t) = (end(r.head), end(r.tail));
            if h == t {
                continue;
            }
            let evidence = r.evidence.iter().map(|s| Evidence {
                doc: doc.clone(),
                span: *s,
            });
            // One look-up finds the edges with these ends and kind, and where a new one goes.
            let same_ends = self.edges.entry((h, t, r.kind));
            let graph = &mut self.graph;
            let existing = match &same_ends {
                Entry::Occupied(same) => same
                    .get()
                    .as_slice()
                    .iter()
                    .copied()
                    .find(|e| graph[*e].attrs == r.attrs),
                Entry::Vacant(_) => None,
            };
            if let Some(e) = existing {
                graph[e].evidence.extend(evidence);
                continue;
            }
            let e = graph.add_edge(
                h,
                t,
                Edge {
                    kind: r.kind,
                    attrs: r.attrs.clone(),
                    rule: r.rule,
                    evidence: evidence.collect(),
                    source: r.source,
                },
            );
            match same_ends {
                Entry::Occupied(mut same) => same.get_mut().push(e),
                Entry::Vacant(slot) => {
                    slot.insert(SameEnds::One(e));
                }
            }
        }
    }

    /// Records a new node id, and indexes it by name when it is an official's: an id
    /// `official:REST` is listed under every prefix of `REST` that a `@` follows, so that
    /// `officials_by_name[NAME]` holds exactly the ids that start with `official:NAME@`.
    fn insert_id(&mut self, id: String, n: NodeIndex) {
        if let Some(rest) = id.strip_prefix("official:") {
            for (at, _) in rest.match_indices('@') {
                self.officials_by_name.entry(rest[..at].to_owned()).or_default().push(n);
            }
        }
        self.by_id.insert(id, n);
    }

    fn document_node(&mut self, ex: &Extraction) -> NodeIndex {
        let info = DocumentInfo {
            id: ex.doc_id.clone(),
            title: ex.title.clone(),
            source: ex.source.clone(),
            date: ex.date.clone(),
        };
        match self.document_pos.get(&ex.doc_id) {
            Some(&i) => self.documents[i] = info,
            None => {
                self.document_pos.insert(ex.doc_id.clone(), self.documents.len());
                self.documents.push(info);
            }
        }
        match self.by_id.get(&ex.doc_id) {
            Some(&n) => n,
            None => {
                let n = self.graph.add_node(Node {
                    id: ex.doc_id.clone(),
                    kind: EntityKind::Document,
                    name: ex.doc_id.clone(),
                    aliases: BTreeSet::new(),
                    detail: Default::default(),
                    mentions: EvidenceSet::new(),
                });
                self.insert_id(ex.doc_id.clone(), n);
                n
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Entity, EntityDetail, EntityKind, RelationAttrs, RelationKind, RelationSource};
    use crate::relate::{End, Extraction, LocalRelation};
    use crate::{KnowledgeGraph, Span};

    /// A document where 张三 holds `title` in 英德, stated at `at`.
    fn post(doc: &str, title: &str, at: usize) -> Extraction {
        let entity = |kind, name: &str| Entity {
            kind,
            name: name.to_owned(),
            aliases: Default::default(),
            detail: EntityDetail::None,
            mentions: vec![Span::new(at, at + 3)],
        };
        Extraction {
            doc_id: doc.to_owned(),
            title: None,
            source: None,
            date: None,
            entities: vec![entity(EntityKind::Official, "张三"), entity(EntityKind::Place, "英德")],
            relations: vec![LocalRelation {
                kind: RelationKind::HoldsPost,
                head: End::Entity(0),
                tail: End::Entity(1),
                attrs: RelationAttrs {
                    title: Some(title.to_owned()),
                    ..RelationAttrs::default()
                },
                rule: "test",
                evidence: vec![Span::new(at, at + 9)],
                source: RelationSource::Text,
            }],
            decode: None,
        }
    }

    #[test]
    fn edges_merge_by_ends_kind_and_attributes() {
        let mut graph = KnowledgeGraph::new();
        graph.merge(post("a", "市委书记", 0));
        graph.merge(post("b", "市长", 10));
        graph.merge(post("c", "市委书记", 20));
        graph.merge(post("d", "市长", 30));
        graph.merge(post("e", "市委副书记", 40));
        graph.merge(post("f", "市委副书记", 50));
        let official = graph.by_id("official:张三").unwrap();
        let mut got: Vec<(&str, Vec<&str>)> = graph
            .posts_of(official)
            .iter()
            .map(|(e, _)| {
                let docs = e.evidence.iter().map(|ev| &*ev.doc).collect();
                (e.attrs.title.as_deref().unwrap(), docs)
            })
            .collect();
        let mut expected = vec![
            ("市委书记", vec!["a", "c"]),
            ("市长", vec!["b", "d"]),
            ("市委副书记", vec!["e", "f"]),
        ];
        got.sort();
        expected.sort();
        assert_eq!(got, expected);
        assert_eq!(graph.edge_count(), 3);
    }
}
