//! The JSON export, exactly as the ontology's contract describes it.
//!
//! ```json
//! {
//!   "documents": [{"id": "002_75bb1cfe5a61d747", "title": "…", "source": "福建日报", "date": "2023-04-26"}],
//!   "entities": [
//!     {"id": "place:350600", "kind": "Place", "name": "漳州市", "aliases": ["漳州"],
//!      "attributes": {"level": "prefecture", "adcode": "350600", "parent": "place:350000"},
//!      "mentions": [{"doc": "002_75bb1cfe5a61d747", "start": 312, "end": 318}]}
//!   ],
//!   "relations": [
//!     {"kind": "has_investment", "head": "project:古雷炼化一体化二期", "tail": "amount:002_75bb1cfe5a61d747:3550",
//!      "attributes": {"role": "total"}, "rule": "investment-of-project",
//!      "evidence": [{"doc": "002_75bb1cfe5a61d747", "start": 3550, "end": 3602}]}
//!   ]
//! }
//! ```
//!
//! Field by field:
//! - `documents`: every input document, sorted by id; `title`, `source` and `date` only where known.
//! - `entities`: every node but documents, sorted by `id`. `id` is stable across runs and
//!   corpora (`place:` + adcode, `official:` + name + `@` + province, `amount:` + document +
//!   offset …). `aliases` are sorted. `attributes` holds, where known: for places `level`,
//!   `adcode`, `parent` (the parent's node id); for amounts `value` (a number in base units:
//!   yuan for money, 6.5 for 6.5%), `unit` and `approx`.
//! - `mentions` and `evidence`: `start`/`end` are byte offsets into the document's text as
//!   decoded to UTF-8, before any cleaning; `text[start..end]` is the mention (for entities)
//!   or the stating clause (for relations). Sorted by document, then offset.
//! - `relations`: sorted by kind, head, tail. `head`/`tail` are entity ids, or a document id
//!   for `interviews` and `published_by`. `rule` names the pattern that produced it; a link
//!   to a place the document does not name carries `"source": "gazetteer"` and no evidence.
//!
//! Output is deterministic: the same input gives byte-identical JSON.

use crate::graph::{DocumentInfo, Edge, Evidence, KnowledgeGraph, Node};
use crate::model::{EntityDetail, EntityKind, RelationAttrs, RelationSource};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::ser::{Serialize, Serializer};
use serde::Serialize as DeriveSerialize;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::io::Write;

// The export serialises borrowed views of the graph straight to the writer: no `Value` tree
// is built. Fields are declared in alphabetical order, the order `serde_json::Map` (a
// BTreeMap) gives, so the output is byte for byte what a `Value` of the same content prints.

/// The whole export.
#[derive(DeriveSerialize)]
struct GraphView<'a> {
    documents: Vec<DocumentView<'a>>,
    entities: Vec<EntityView<'a>>,
    relations: Vec<RelationView<'a>>,
}

#[derive(DeriveSerialize)]
struct DocumentView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
}

#[derive(DeriveSerialize)]
struct EntityView<'a> {
    aliases: &'a BTreeSet<String>,
    attributes: EntityAttrs<'a>,
    id: &'a str,
    kind: &'static str,
    mentions: Spans<'a>,
    name: &'a str,
}

/// Place attributes (adcode, level, parent) and amount attributes (approx, unit, value) never
/// mix, so one struct in alphabetical order keeps each set in order.
#[derive(DeriveSerialize, Default)]
struct EntityAttrs<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    adcode: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    approx: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Value>,
}

#[derive(DeriveSerialize)]
struct RelationView<'a> {
    attributes: RelationAttrsView<'a>,
    evidence: Spans<'a>,
    head: &'a str,
    kind: &'static str,
    rule: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'static str>,
    tail: &'a str,
}

#[derive(DeriveSerialize)]
struct RelationAttrsView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    indicator: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scale: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
}

impl<'a> RelationAttrsView<'a> {
    fn new(a: &'a RelationAttrs) -> Self {
        RelationAttrsView {
            as_of: a.as_of.as_deref(),
            indicator: a.indicator.as_deref(),
            period: a.period.as_deref(),
            role: a.role.map(|r| r.as_str()),
            scale: a.scale.as_deref(),
            title: a.title.as_deref(),
        }
    }
}

#[derive(DeriveSerialize)]
struct SpanView<'a> {
    doc: &'a str,
    end: usize,
    start: usize,
}

/// Mentions or evidence, as an array of spans.
struct Spans<'a>(&'a BTreeSet<Evidence>);

impl Serialize for Spans<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|e| SpanView {
            doc: &e.doc,
            end: e.span.end,
            start: e.span.start,
        }))
    }
}

fn view(graph: &KnowledgeGraph) -> GraphView<'_> {
    // Sorting and building the views of a large graph take as long as printing it: both in
    // parallel (rayon's sorts are stable, like the standard library's).
    use rayon::prelude::*;
    let mut docs: Vec<&DocumentInfo> = graph.documents().iter().collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    let documents = docs
        .into_iter()
        .map(|d| DocumentView {
            date: d.date.as_deref(),
            id: &d.id,
            source: d.source.as_deref(),
            title: d.title.as_deref(),
        })
        .collect();

    let mut nodes: Vec<&Node> = graph
        .graph
        .node_weights()
        .filter(|n| n.kind != EntityKind::Document)
        .collect();
    nodes.par_sort_by(|a, b| a.id.cmp(&b.id));
    let entities = nodes.into_par_iter().map(|n| entity(graph, n)).collect();

    // Sorted by kind, head id, tail id; ties between edges of the same ends by their first
    // evidence, then their attributes as compact JSON. The tie key is built only for edges
    // that share kind and ends (rare), and the sort is stable as before.
    let mut rels: Vec<(&'static str, &str, &str, &Edge)> = graph
        .graph
        .edge_references()
        .map(|e| {
            (
                e.weight().kind.as_str(),
                graph.node(e.source()).id.as_str(),
                graph.node(e.target()).id.as_str(),
                e.weight(),
            )
        })
        .collect();
    rels.par_sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    let mut i = 0;
    while i < rels.len() {
        let mut j = i + 1;
        while j < rels.len() && (rels[j].0, rels[j].1, rels[j].2) == (rels[i].0, rels[i].1, rels[i].2) {
            j += 1;
        }
        if j - i > 1 {
            rels[i..j].sort_by_cached_key(|r| tie(r.3));
        }
        i = j;
    }
    let relations = rels
        .into_par_iter()
        .map(|(kind, head, tail, e)| RelationView {
            attributes: RelationAttrsView::new(&e.attrs),
            evidence: Spans(&e.evidence),
            head,
            kind,
            rule: &e.rule,
            source: (e.source == RelationSource::Gazetteer && e.evidence.is_empty()).then_some("gazetteer"),
            tail,
        })
        .collect();
    GraphView {
        documents,
        entities,
        relations,
    }
}

/// The tie-break key of an edge among edges of the same kind and ends.
fn tie(e: &Edge) -> String {
    let first = e
        .evidence
        .iter()
        .next()
        .map(|ev| format!("{}:{:012}", ev.doc, ev.span.start))
        .unwrap_or_default();
    let attrs = serde_json::to_string(&RelationAttrsView::new(&e.attrs)).expect("attributes serialise");
    format!("{first}\u{0}{attrs}")
}

fn entity<'a>(graph: &'a KnowledgeGraph, n: &'a Node) -> EntityView<'a> {
    let mut attributes = EntityAttrs::default();
    match &n.detail {
        EntityDetail::Place(p) => {
            attributes.level = p.level.map(|l| l.as_str());
            attributes.adcode = p.adcode.as_deref();
            if let Some(parent) = &p.parent_adcode {
                let pid = format!("place:{parent}");
                if graph.by_id(&pid).is_some() {
                    attributes.parent = Some(pid);
                }
            }
        }
        EntityDetail::Amount(a) => {
            attributes.value = Some(decimal_value(a.value));
            attributes.unit = Some(a.unit.as_str());
            attributes.approx = a.approx.then_some(true);
        }
        EntityDetail::None => {}
    }
    EntityView {
        aliases: &n.aliases,
        attributes,
        id: &n.id,
        kind: n.kind.as_str(),
        mentions: Spans(&n.mentions),
        name: &n.name,
    }
}

/// The graph as a JSON value.
pub fn to_value(graph: &KnowledgeGraph) -> Value {
    serde_json::to_value(view(graph)).expect("the graph serialises")
}

/// A decimal as a JSON number: an integer where it is one, else the nearest float.
fn decimal_value(d: Decimal) -> Value {
    let d = d.normalize();
    if d.scale() == 0 {
        if let Some(i) = d.to_i64() {
            return json!(i);
        }
    }
    match d.to_f64() {
        Some(f) if f.is_finite() => json!(f),
        _ => json!(d.to_string()),
    }
}

/// Writes the graph as pretty-printed JSON, with a final newline.
///
/// The bytes are serde_json's pretty printing of the whole export; the entities and relations
/// are serialised in parallel chunks (rayon) and written in order.
pub fn write<W: Write>(graph: &KnowledgeGraph, out: W) -> std::io::Result<()> {
    write_in_chunks(graph, out, 512)
}

fn write_in_chunks<W: Write>(graph: &KnowledgeGraph, mut out: W, chunk: usize) -> std::io::Result<()> {
    let view = view(graph);
    out.write_all(b"{\n")?;
    pretty_field(&mut out, "documents", &view.documents, chunk)?;
    out.write_all(b",\n")?;
    pretty_field(&mut out, "entities", &view.entities, chunk)?;
    out.write_all(b",\n")?;
    pretty_field(&mut out, "relations", &view.relations, chunk)?;
    out.write_all(b"\n}\n")
}

/// A field of the top-level object holding an array, as serde_json's pretty printer writes
/// it (`  "name": [` … `  ]`, or `[]`), each item serialised on its own and indented two
/// levels deeper.
fn pretty_field<W: Write, T: Serialize + Sync>(
    out: &mut W,
    name: &str,
    items: &[T],
    chunk: usize,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    write!(out, "  \"{name}\": ")?;
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[\n")?;
    // Nested as the items of a field of an object, a chunk comes out indented as in the whole
    // export: `{\n  "k": [\n` ITEMS `\n  ]\n}`; the items are kept.
    const HEAD: &[u8] = b"{\n  \"k\": [\n";
    const TAIL: &[u8] = b"\n  ]\n}";
    #[derive(DeriveSerialize)]
    struct Nested<'a, T> {
        k: &'a [T],
    }
    // A window of chunks at a time: in parallel, then written in order, so that no more than
    // a window of serialised items is held at once.
    for (w, window) in items.chunks(chunk * 16).enumerate() {
        let chunks: Vec<Vec<u8>> = window
            .par_chunks(chunk)
            .map(|chunk| {
                let buf = serde_json::to_vec_pretty(&Nested { k: chunk })?;
                if !(buf.starts_with(HEAD) && buf.ends_with(TAIL)) {
                    return Err(std::io::Error::other("unexpected pretty-printed layout"));
                }
                Ok(buf)
            })
            .collect::<std::io::Result<_>>()?;
        for (i, buf) in chunks.iter().enumerate() {
            if w > 0 || i > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(&buf[HEAD.len()..buf.len() - TAIL.len()])?;
        }
    }
    out.write_all(b"\n  ]")
}

/// The graph as a pretty-printed JSON string.
pub fn to_string(graph: &KnowledgeGraph) -> String {
    let mut buf = Vec::new();
    write(graph, &mut buf).expect("writing to a Vec cannot fail");
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The export, written by serde_json's pretty printer in one piece.
    fn pretty_in_one_piece(graph: &KnowledgeGraph) -> String {
        let mut buf = serde_json::to_vec_pretty(&view(graph)).unwrap();
        buf.push(b'\n');
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn parallel_writing_gives_serde_jsons_bytes() {
        assert_eq!(
            to_string(&KnowledgeGraph::new()),
            pretty_in_one_piece(&KnowledgeGraph::new())
        );
        let extractor = crate::Extractor::new();
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let (graph, errors) = extractor.graph_of_paths(&[seeds]);
        assert!(errors.is_empty());
        let expected = pretty_in_one_piece(&graph);
        assert_eq!(to_string(&graph), expected);
        // Many chunks, one of them short.
        let mut buf = Vec::new();
        write_in_chunks(&graph, &mut buf, 7).unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), expected);
    }
}
