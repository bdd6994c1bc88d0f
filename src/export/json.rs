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

use crate::graph::{Evidence, KnowledgeGraph, Node};
use crate::model::{EntityDetail, EntityKind, RelationSource};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};
use std::io::Write;

/// The graph as a JSON value.
pub fn to_value(graph: &KnowledgeGraph) -> Value {
    let mut docs: Vec<&crate::graph::DocumentInfo> = graph.documents().iter().collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    let documents: Vec<Value> = docs
        .into_iter()
        .map(|d| {
            let mut m = Map::new();
            m.insert("id".into(), json!(d.id));
            if let Some(t) = &d.title {
                m.insert("title".into(), json!(t));
            }
            if let Some(s) = &d.source {
                m.insert("source".into(), json!(s));
            }
            if let Some(s) = &d.date {
                m.insert("date".into(), json!(s));
            }
            Value::Object(m)
        })
        .collect();

    let mut nodes: Vec<&Node> = graph
        .graph
        .node_weights()
        .filter(|n| n.kind != EntityKind::Document)
        .collect();
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let entities: Vec<Value> = nodes.into_iter().map(|n| entity(graph, n)).collect();

    // Sorted by (kind, head, tail, tie-break), then written.
    type Keyed<'a> = ((&'a str, &'a str, &'a str, String), Value);
    let mut rels: Vec<Keyed<'_>> = graph
        .edges()
        .map(|(h, e, t)| {
            let (hid, tid) = (graph.node(h).id.as_str(), graph.node(t).id.as_str());
            let mut a = Map::new();
            if let Some(v) = &e.attrs.title {
                a.insert("title".into(), json!(v));
            }
            if let Some(v) = &e.attrs.as_of {
                a.insert("as_of".into(), json!(v));
            }
            if let Some(v) = e.attrs.role {
                a.insert("role".into(), json!(v.as_str()));
            }
            if let Some(v) = &e.attrs.indicator {
                a.insert("indicator".into(), json!(v));
            }
            if let Some(v) = &e.attrs.period {
                a.insert("period".into(), json!(v));
            }
            if let Some(v) = &e.attrs.scale {
                a.insert("scale".into(), json!(v));
            }
            // Ties between edges of the same ends: first evidence, then attributes.
            let first = e
                .evidence
                .iter()
                .next()
                .map(|ev| format!("{}:{:012}", ev.doc, ev.span.start))
                .unwrap_or_default();
            let tie = format!("{first}\u{0}{}", Value::Object(a.clone()));
            let mut m = Map::new();
            m.insert("kind".into(), json!(e.kind.as_str()));
            m.insert("head".into(), json!(hid));
            m.insert("tail".into(), json!(tid));
            m.insert("attributes".into(), Value::Object(a));
            m.insert("rule".into(), json!(e.rule));
            if e.source == RelationSource::Gazetteer && e.evidence.is_empty() {
                m.insert("source".into(), json!("gazetteer"));
            }
            m.insert("evidence".into(), spans(&e.evidence));
            ((e.kind.as_str(), hid, tid, tie), Value::Object(m))
        })
        .collect();
    rels.sort_by(|a, b| a.0.cmp(&b.0));
    let relations: Vec<Value> = rels.into_iter().map(|r| r.1).collect();
    json!({ "documents": documents, "entities": entities, "relations": relations })
}

fn spans<'a>(evidence: impl IntoIterator<Item = &'a Evidence>) -> Value {
    Value::Array(
        evidence
            .into_iter()
            .map(|e| json!({"doc": e.doc, "start": e.span.start, "end": e.span.end}))
            .collect(),
    )
}

fn entity(graph: &KnowledgeGraph, n: &Node) -> Value {
    let mut attrs = Map::new();
    match &n.detail {
        EntityDetail::Place(p) => {
            if let Some(l) = p.level {
                attrs.insert("level".into(), json!(l.as_str()));
            }
            if let Some(c) = &p.adcode {
                attrs.insert("adcode".into(), json!(c));
            }
            if let Some(parent) = &p.parent_adcode {
                let pid = format!("place:{parent}");
                if graph.by_id(&pid).is_some() {
                    attrs.insert("parent".into(), json!(pid));
                }
            }
        }
        EntityDetail::Amount(a) => {
            attrs.insert("value".into(), decimal_value(a.value));
            attrs.insert("unit".into(), json!(a.unit.as_str()));
            if a.approx {
                attrs.insert("approx".into(), json!(true));
            }
        }
        EntityDetail::None => {}
    }
    json!({
        "id": n.id,
        "kind": n.kind.as_str(),
        "name": n.name,
        "aliases": n.aliases.iter().collect::<Vec<_>>(),
        "attributes": Value::Object(attrs),
        "mentions": spans(&n.mentions),
    })
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
pub fn write<W: Write>(graph: &KnowledgeGraph, mut out: W) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, &to_value(graph))?;
    out.write_all(b"\n")
}

/// The graph as a pretty-printed JSON string.
pub fn to_string(graph: &KnowledgeGraph) -> String {
    let mut buf = Vec::new();
    write(graph, &mut buf).expect("writing to a Vec cannot fail");
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}
