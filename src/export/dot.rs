//! The graph as Graphviz DOT: petgraph's [`Dot`] writer with labels and colours by kind,
//! and one cluster per document (an entity sits in the cluster of the first document that
//! mentions it).
//!
//! ```sh
//! cargo run --release --example extract -- --format dot seeds > seeds.dot
//! dot -Tsvg seeds.dot > seeds.svg
//! ```

use crate::graph::KnowledgeGraph;
use crate::model::EntityKind;
use petgraph::dot::{Config, Dot};
use petgraph::visit::NodeIndexable;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Fill colour of a node kind.
fn colour(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Official => "#f4a582",
        EntityKind::Person => "#fddbc7",
        EntityKind::Place => "#92c5de",
        EntityKind::Organization => "#d1e5f0",
        EntityKind::Industry => "#a6dba0",
        EntityKind::Project => "#c2a5cf",
        EntityKind::Amount => "#fee08b",
        EntityKind::Event => "#e0e0e0",
        EntityKind::Document => "#ffffff",
    }
}

/// Escapes text for a double-quoted DOT string: names from the text stay data.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The graph as DOT text.
///
/// ```
/// use interview_kg::{Document, Extractor};
/// let graph = Extractor::new().extract_all([&Document::from_text("d", "漳州市委书记张国旺表示")]);
/// let dot = interview_kg::export::dot::to_string(&graph);
/// assert!(dot.starts_with("digraph {"));
/// assert!(dot.contains("张国旺") && dot.contains("subgraph \"cluster_0\""));
/// ```
pub fn to_string(graph: &KnowledgeGraph) -> String {
    let g = graph.petgraph();
    let node_attrs = |_, (_, n): (petgraph::stable_graph::NodeIndex, &crate::graph::Node)| {
        let label = match n.kind {
            EntityKind::Document => format!("📄 {}", n.name),
            _ => n.name.clone(),
        };
        let shape = match n.kind {
            EntityKind::Document => "note",
            EntityKind::Amount => "box",
            _ => "ellipse",
        };
        format!(
            "label = \"{}\" shape = {shape} style = filled fillcolor = \"{}\"",
            escape(&label),
            colour(n.kind)
        )
    };
    let edge_attrs = |_, e: petgraph::stable_graph::EdgeReference<'_, crate::graph::Edge>| {
        let w = e.weight();
        let label = match &w.attrs.title {
            Some(t) => format!("{} ({t})", w.kind.as_str()),
            None => w.kind.as_str().to_owned(),
        };
        let style = if w.evidence.is_empty() { "dashed" } else { "solid" };
        format!("label = \"{}\" style = {style}", escape(&label))
    };
    let dot = Dot::with_attr_getters(g, &[Config::NodeNoLabel, Config::EdgeNoLabel], &edge_attrs, &node_attrs);
    let mut out = format!("{dot:?}");

    // Clusters: documents in their id order, each with the entities it mentions first.
    let mut members: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for ix in g.node_indices() {
        let n = &g[ix];
        let doc = match n.kind {
            EntityKind::Document => Some(n.id.as_str()),
            _ => n.mentions.iter().next().map(|m| &*m.doc),
        };
        if let Some(doc) = doc {
            members.entry(doc).or_default().push(g.to_index(ix));
        }
    }
    let mut clusters = String::new();
    for (i, (doc, nodes)) in members.iter().enumerate() {
        let _ = write!(
            clusters,
            "    subgraph \"cluster_{i}\" {{\n        label = \"{}\"\n       ",
            escape(doc)
        );
        for n in nodes {
            let _ = write!(clusters, " {n};");
        }
        clusters.push_str("\n    }\n");
    }
    if let Some(end) = out.rfind('}') {
        out.insert_str(end, &clusters);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_stay_inside_their_strings() {
        assert_eq!(escape("a\"b\\c\nd\u{202e}"), "a\\\"b\\\\c\\nd\u{202e}");
        assert_eq!(escape("x\u{7}y"), "xy");
    }
}
