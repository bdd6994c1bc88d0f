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
//! - `relations`: sorted by kind, head, tail (an official's principal post at a place before
//!   a deputy's, a standing committee member's or a party group's post there). `head`/`tail`
//!   are entity ids, or a document id for `interviews` and `published_by`. `rule` names the
//!   pattern that produced it; a link to a place the document does not name carries
//!   `"source": "gazetteer"` and no evidence.
//!
//! Output is deterministic: the same input gives byte-identical JSON.

use crate::graph::{DocumentInfo, Edge, EvidenceSet, KnowledgeGraph, Node};
use crate::model::{is_secondary_title, EntityDetail, EntityKind, RelationAttrs, RelationKind, RelationSource};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::ser::{Serialize, Serializer};
use serde::Serialize as DeriveSerialize;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::io::Write;
use std::ops::Range;

// The export is made of borrowed views of the graph, one item at a time: no copy of the graph
// and no `Value` tree is built. Fields are declared (and printed by the `Pretty` impls) in
// alphabetical order, the order `serde_json::Map` (a BTreeMap) gives, so the output is byte
// for byte what a `Value` of the same content prints; `to_value` serialises the views.

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
struct Spans<'a>(&'a EvidenceSet);

impl Serialize for Spans<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|e| SpanView {
            doc: &e.doc,
            end: e.span.end,
            start: e.span.start,
        }))
    }
}

/// The items of the export in their order, as references into the graph: the views are
/// built from them one at a time as each is printed, so that no copy of the graph is made.
struct Order<'a> {
    documents: Vec<&'a DocumentInfo>,
    entities: Vec<&'a Node>,
    relations: Vec<EdgeIndex>,
}

impl<'a> Order<'a> {
    fn new(graph: &'a KnowledgeGraph) -> Order<'a> {
        // Sorting a large graph takes as long as printing it: in parallel (rayon's sorts are
        // stable, like the standard library's).
        use rayon::prelude::*;
        let mut documents: Vec<&DocumentInfo> = graph.documents().iter().collect();
        documents.sort_by(|a, b| a.id.cmp(&b.id));

        // Every node, documents included, in id order: entities are listed in that order,
        // and relations sort by the ranks of their ends, integers, instead of comparing ids.
        // Ids are unique (every node is found by its id), so an unstable sort gives the one
        // order; the ids sit beside their nodes so that a comparison reads only their bytes.
        let mut nodes: Vec<(&str, &Node, NodeIndex)> = graph
            .graph
            .node_indices()
            .map(|i| (graph.graph[i].id.as_str(), &graph.graph[i], i))
            .collect();
        nodes.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
        // Ranks fit in u32: petgraph's indices are u32.
        let mut rank = vec![0u32; graph.graph.node_bound()];
        for (r, (_, _, i)) in (0u32..).zip(&nodes) {
            rank[i.index()] = r;
        }
        let entities = nodes
            .into_iter()
            .filter(|(_, n, _)| n.kind != EntityKind::Document)
            .map(|(_, n, _)| n)
            .collect();

        // Sorted by kind, head id, tail id; ties between edges of the same ends by their
        // first evidence, then their attributes as compact JSON. The tie key is built only
        // for edges that share kind and ends (rare). Sorting on the edge index last gives,
        // unstably and with no buffer, what a stable sort of the edges in index order gives;
        // the sort of ties below is stable.
        let mut rels: Vec<(&'static str, u32, u32, EdgeIndex)> = graph
            .graph
            .edge_references()
            .map(|e| {
                (
                    e.weight().kind.as_str(),
                    rank[e.source().index()],
                    rank[e.target().index()],
                    e.id(),
                )
            })
            .collect();
        rels.par_sort_unstable();
        let mut i = 0;
        while i < rels.len() {
            let mut j = i + 1;
            while j < rels.len() && (rels[j].0, rels[j].1, rels[j].2) == (rels[i].0, rels[i].1, rels[i].2) {
                j += 1;
            }
            if j - i > 1 {
                rels[i..j].sort_by_cached_key(|r| tie(&graph.graph[r.3]));
            }
            i = j;
        }
        Order {
            documents,
            entities,
            relations: rels.into_iter().map(|r| r.3).collect(),
        }
    }
}

fn document(d: &DocumentInfo) -> DocumentView<'_> {
    DocumentView {
        date: d.date.as_deref(),
        id: &d.id,
        source: d.source.as_deref(),
        title: d.title.as_deref(),
    }
}

fn relation(graph: &KnowledgeGraph, e: EdgeIndex) -> RelationView<'_> {
    let w = &graph.graph[e];
    let (head, tail) = graph.graph.edge_endpoints(e).expect("the edge is in the graph");
    RelationView {
        attributes: RelationAttrsView::new(&w.attrs),
        evidence: Spans(&w.evidence),
        head: &graph.node(head).id,
        kind: w.kind.as_str(),
        rule: w.rule,
        source: (w.source == RelationSource::Gazetteer && w.evidence.is_empty()).then_some("gazetteer"),
        tail: &graph.node(tail).id,
    }
}

/// The whole export as views, for serde.
fn view(graph: &KnowledgeGraph) -> GraphView<'_> {
    let order = Order::new(graph);
    GraphView {
        documents: order.documents.into_iter().map(document).collect(),
        entities: order.entities.into_iter().map(|n| entity(graph, n)).collect(),
        relations: order.relations.into_iter().map(|e| relation(graph, e)).collect(),
    }
}

/// The tie-break key of an edge among edges of the same kind and ends: an official's
/// principal post at a place before the secondary ones (see [`is_secondary_title`]), then the
/// first evidence, then the attributes.
fn tie(e: &Edge) -> String {
    let secondary = e.kind == RelationKind::HoldsPost && e.attrs.title.as_deref().is_some_and(is_secondary_title);
    let first = e
        .evidence
        .iter()
        .next()
        .map(|ev| format!("{}:{:012}", ev.doc, ev.span.start))
        .unwrap_or_default();
    let attrs = serde_json::to_string(&RelationAttrsView::new(&e.attrs)).expect("attributes serialise");
    format!("{}{first}\u{0}{attrs}", u8::from(secondary))
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
    write_in_chunks(graph, out, CHUNK_WEIGHT)
}

/// How much a chunk of items printed together holds, counting one for each item and one for
/// each of its spans and aliases (a span prints as five lines, most of an item's bytes). On
/// the 10k generated corpus: about 300 entities or 800 relations, 270–330 KB printed.
const CHUNK_WEIGHT: usize = 2048;

fn write_in_chunks<W: Write>(graph: &KnowledgeGraph, mut out: W, chunk_weight: usize) -> std::io::Result<()> {
    let order = Order::new(graph);
    out.write_all(b"{\n")?;
    pretty_field(
        &mut out,
        "documents",
        &order.documents,
        chunk_weight,
        |_| 1,
        |d| document(d),
    )?;
    out.write_all(b",\n")?;
    let entity_weight = |n: &&Node| 1 + n.mentions.len() + n.aliases.len();
    pretty_field(
        &mut out,
        "entities",
        &order.entities,
        chunk_weight,
        entity_weight,
        |n| entity(graph, n),
    )?;
    out.write_all(b",\n")?;
    let relation_weight = |e: &EdgeIndex| 1 + graph.graph[*e].evidence.len();
    pretty_field(
        &mut out,
        "relations",
        &order.relations,
        chunk_weight,
        relation_weight,
        |e| relation(graph, *e),
    )?;
    out.write_all(b"\n}\n")
}

/// Consecutive ranges of `items`, each ending as soon as the weights of its items reach
/// `chunk_weight` (so a heavy item is a chunk by itself).
fn chunks<T>(items: &[T], chunk_weight: usize, weight: impl Fn(&T) -> usize) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let (mut start, mut sum) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        sum += weight(item);
        if sum >= chunk_weight {
            chunks.push(start..i + 1);
            (start, sum) = (i + 1, 0);
        }
    }
    if start < items.len() {
        chunks.push(start..items.len());
    }
    chunks
}

/// A field of the top-level object holding an array, as serde_json's pretty printer writes
/// it (`  "name": [` … `  ]`, or `[]`), each item turned into its view by `to_view` and
/// printed by [`Pretty`] two levels deep.
fn pretty_field<W: Write, T: Sync, V: Pretty>(
    out: &mut W,
    name: &str,
    items: &[T],
    chunk_weight: usize,
    weight: impl Fn(&T) -> usize,
    to_view: impl Fn(&T) -> V + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    write!(out, "  \"{name}\": ")?;
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[\n")?;
    // A window of chunks at a time is printed in parallel, and written in order while the
    // next window is printed (on a scoped thread, since `out` need not be `Send`). Two sets
    // of buffers take turns, so memory stays at two windows and its pages are reused.
    // Chunks are cut by weight, not by count, so that the items every document names (a
    // province, 党的二十大) do not make one window many times the size of the others.
    const WINDOW: usize = 16;
    let print = |window: &[Range<usize>], mut bufs: Vec<Vec<u8>>| -> Vec<Vec<u8>> {
        bufs.resize_with(window.len(), Vec::new);
        window.par_iter().zip(bufs.par_iter_mut()).for_each(|(range, buf)| {
            buf.clear();
            let mut scratch = Vec::new();
            for (i, item) in items[range.clone()].iter().enumerate() {
                if i > 0 {
                    buf.extend_from_slice(b",\n");
                }
                let mut w = PrettyWriter {
                    buf: &mut *buf,
                    scratch: &mut scratch,
                };
                w.indent(2);
                to_view(item).pretty(&mut w, 2);
            }
        });
        bufs
    };
    let chunks = chunks(items, chunk_weight, weight);
    let mut windows = chunks.chunks(WINDOW);
    let mut printed = windows.next().map(|w| print(w, Vec::new())).unwrap_or_default();
    let mut spare = Vec::new();
    let mut first = true;
    loop {
        let next = windows.next();
        let (written, next) = std::thread::scope(|s| {
            let next = next.map(|w| s.spawn(move || print(w, spare)));
            let written = printed.iter().try_for_each(|buf| {
                if !std::mem::take(&mut first) {
                    out.write_all(b",\n")?;
                }
                out.write_all(buf)
            });
            let next = next.map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
            (written, next)
        });
        written?;
        match next {
            Some(n) => spare = std::mem::replace(&mut printed, n),
            None => break,
        }
    }
    out.write_all(b"\n  ]")
}

/// Prints JSON into a buffer exactly as serde_json's pretty printer does (two spaces a
/// level, `"key": value`, `[]` and `{}` when empty), without going through a `Serializer`:
/// printing the export this way takes a fraction of serde_json's time.
struct PrettyWriter<'b> {
    buf: &'b mut Vec<u8>,
    /// Room for the fixed bytes of a span array's items (see [`PrettyWriter::spans`]),
    /// reused from item to item.
    scratch: &'b mut Vec<u8>,
}

impl PrettyWriter<'_> {
    fn indent(&mut self, depth: usize) {
        indent(self.buf, depth);
    }

    /// A string, escaped as serde_json escapes it.
    fn string(&mut self, s: &str) {
        push_string(self.buf, s);
    }

    /// Starts the next item of an array, indented.
    fn item(&mut self, o: &mut Open) {
        if o.empty {
            self.buf.extend_from_slice(&[o.bracket, b'\n']);
            o.empty = false;
        } else {
            self.buf.extend_from_slice(b",\n");
        }
        self.indent(o.depth + 1);
    }

    /// Starts the value of the field `key` of an object. Keys are the export's own field
    /// names, which need no escaping.
    fn key(&mut self, o: &mut Open, key: &str) {
        debug_assert!(!needs_escape(key.as_bytes()), "{key}");
        self.item(o);
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\": ");
    }

    /// A string field, left out when absent (as `skip_serializing_if` does).
    fn string_field(&mut self, o: &mut Open, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.key(o, key);
            self.string(v);
        }
    }

    /// Ends an object or array: `{}` or `[]` when it had no item.
    fn close(&mut self, o: Open) {
        let end = if o.bracket == b'{' { b'}' } else { b']' };
        if o.empty {
            self.buf.extend_from_slice(&[o.bracket, end]);
        } else {
            self.buf.push(b'\n');
            self.indent(o.depth);
            self.buf.push(end);
        }
    }

    /// An array of spans at `depth`, each item an object of `doc`, `end`, `start`.
    ///
    /// Spans are most of an export's bytes, and every item has the same shape: the bytes up
    /// to its first number are built once for each run of items from one document (items
    /// come sorted by document), the bytes between and after the numbers once for the array.
    fn spans(&mut self, spans: &Spans<'_>, depth: usize) {
        if spans.0.is_empty() {
            self.buf.extend_from_slice(b"[]");
            return;
        }
        // In `scratch`: `, "start": ` then `}` (with their line breaks and indents), then
        // `{ "doc": "ID", "end": ` for the current document.
        let fixed = &mut *self.scratch;
        fixed.clear();
        fixed.extend_from_slice(b",\n");
        indent(fixed, depth + 2);
        fixed.extend_from_slice(b"\"start\": ");
        let tail_at = fixed.len();
        fixed.push(b'\n');
        indent(fixed, depth + 1);
        fixed.push(b'}');
        let head_at = fixed.len();
        let mut doc: Option<&std::sync::Arc<str>> = None;
        for (i, e) in spans.0.iter().enumerate() {
            if !doc.is_some_and(|d| std::sync::Arc::ptr_eq(d, &e.doc)) {
                fixed.truncate(head_at);
                fixed.extend_from_slice(b"{\n");
                indent(fixed, depth + 2);
                fixed.extend_from_slice(b"\"doc\": ");
                push_string(fixed, &e.doc);
                fixed.extend_from_slice(b",\n");
                indent(fixed, depth + 2);
                fixed.extend_from_slice(b"\"end\": ");
                doc = Some(&e.doc);
            }
            self.buf.extend_from_slice(if i == 0 { b"[\n" } else { b",\n" });
            indent(self.buf, depth + 1);
            self.buf.extend_from_slice(&fixed[head_at..]);
            self.buf
                .extend_from_slice(itoa::Buffer::new().format(e.span.end).as_bytes());
            self.buf.extend_from_slice(&fixed[..tail_at]);
            self.buf
                .extend_from_slice(itoa::Buffer::new().format(e.span.start).as_bytes());
            self.buf.extend_from_slice(&fixed[tail_at..head_at]);
        }
        self.buf.push(b'\n');
        self.indent(depth);
        self.buf.push(b']');
    }
}

/// Appends two spaces a level of `depth`.
fn indent(buf: &mut Vec<u8>, depth: usize) {
    buf.resize(buf.len() + 2 * depth, b' ');
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it.
fn push_string(buf: &mut Vec<u8>, s: &str) {
    buf.push(b'"');
    let bytes = s.as_bytes();
    // Names and ids almost never hold a character to escape: test, then one copy.
    if !needs_escape(bytes) {
        buf.extend_from_slice(bytes);
        buf.push(b'"');
        return;
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let unicode;
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => {
                unicode = [b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 0xf) as usize]];
                &unicode
            }
            _ => continue,
        };
        buf.extend_from_slice(&bytes[from..i]);
        buf.extend_from_slice(escape);
        from = i + 1;
    }
    buf.extend_from_slice(&bytes[from..]);
    buf.push(b'"');
}

/// Whether `bytes` hold a byte JSON escapes: a control character, `"` or `\`. Eight bytes
/// at a time, by the bit tricks that find a zero byte in a word ("haszero", "hasless").
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let hit = |x: u64| {
        let below_space = x.wrapping_sub(ONES * 0x20) & !x;
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        let quote = quote.wrapping_sub(ONES) & !quote;
        let backslash = backslash.wrapping_sub(ONES) & !backslash;
        (below_space | quote | backslash) & HIGH != 0
    };
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        if hit(u64::from_ne_bytes(w.try_into().expect("eight bytes"))) {
            return true;
        }
    }
    words.remainder().iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// An object or array being printed, whose first line is already indented to `depth`;
/// nothing is printed until its first item or its end.
struct Open {
    bracket: u8,
    depth: usize,
    empty: bool,
}

impl Open {
    fn object(depth: usize) -> Open {
        Open {
            bracket: b'{',
            depth,
            empty: true,
        }
    }

    fn array(depth: usize) -> Open {
        Open {
            bracket: b'[',
            depth,
            empty: true,
        }
    }
}

/// An item of the export, printed at `depth` (its first line already indented).
trait Pretty {
    fn pretty(&self, w: &mut PrettyWriter<'_>, depth: usize);
}

impl Pretty for DocumentView<'_> {
    fn pretty(&self, w: &mut PrettyWriter<'_>, depth: usize) {
        let mut o = Open::object(depth);
        w.string_field(&mut o, "date", self.date);
        w.string_field(&mut o, "id", Some(self.id));
        w.string_field(&mut o, "source", self.source);
        w.string_field(&mut o, "title", self.title);
        w.close(o);
    }
}

impl Pretty for EntityView<'_> {
    fn pretty(&self, w: &mut PrettyWriter<'_>, depth: usize) {
        let mut o = Open::object(depth);
        w.key(&mut o, "aliases");
        let mut aliases = Open::array(depth + 1);
        for a in self.aliases {
            w.item(&mut aliases);
            w.string(a);
        }
        w.close(aliases);
        w.key(&mut o, "attributes");
        let a = &self.attributes;
        let mut attrs = Open::object(depth + 1);
        w.string_field(&mut attrs, "adcode", a.adcode);
        if let Some(approx) = a.approx {
            w.key(&mut attrs, "approx");
            w.buf.extend_from_slice(if approx { b"true" } else { b"false" });
        }
        w.string_field(&mut attrs, "level", a.level);
        w.string_field(&mut attrs, "parent", a.parent.as_deref());
        w.string_field(&mut attrs, "unit", a.unit);
        if let Some(value) = &a.value {
            w.key(&mut attrs, "value");
            // A number (or, for a decimal no float holds, a string): serde_json prints a
            // scalar the same way compact or pretty.
            serde_json::to_writer(&mut *w.buf, value).expect("writing to a Vec cannot fail");
        }
        w.close(attrs);
        w.string_field(&mut o, "id", Some(self.id));
        w.string_field(&mut o, "kind", Some(self.kind));
        w.key(&mut o, "mentions");
        w.spans(&self.mentions, depth + 1);
        w.string_field(&mut o, "name", Some(self.name));
        w.close(o);
    }
}

impl Pretty for RelationView<'_> {
    fn pretty(&self, w: &mut PrettyWriter<'_>, depth: usize) {
        let mut o = Open::object(depth);
        w.key(&mut o, "attributes");
        let a = &self.attributes;
        let mut attrs = Open::object(depth + 1);
        w.string_field(&mut attrs, "as_of", a.as_of);
        w.string_field(&mut attrs, "indicator", a.indicator);
        w.string_field(&mut attrs, "period", a.period);
        w.string_field(&mut attrs, "role", a.role);
        w.string_field(&mut attrs, "scale", a.scale);
        w.string_field(&mut attrs, "title", a.title);
        w.close(attrs);
        w.key(&mut o, "evidence");
        w.spans(&self.evidence, depth + 1);
        w.string_field(&mut o, "head", Some(self.head));
        w.string_field(&mut o, "kind", Some(self.kind));
        w.string_field(&mut o, "rule", Some(self.rule));
        w.string_field(&mut o, "source", self.source);
        w.string_field(&mut o, "tail", Some(self.tail));
        w.close(o);
    }
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
    fn an_officials_principal_post_comes_first() {
        let extractor = crate::Extractor::new();
        let text = "本报讯\n\n记者专访了大庆市委副书记、市长王海龙。陕西省发展和改革委员会党组书记、主任任伯谦\
                    介绍情况。市委书记、市人大常委会主任范中杰出席。";
        let mut graph = KnowledgeGraph::new();
        extractor.merge_into(
            &mut graph,
            extractor.extract(&crate::Document::from_text("posts", text)),
        );
        let export = to_value(&graph);
        let names: std::collections::HashMap<&str, &str> = export["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["id"].as_str().unwrap(), e["name"].as_str().unwrap()))
            .collect();
        let titles = |official: &str| -> Vec<&str> {
            export["relations"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["kind"] == "holds_post" && names.get(r["head"].as_str().unwrap()) == Some(&official))
                .map(|r| r["attributes"]["title"].as_str().unwrap())
                .collect()
        };
        assert_eq!(titles("王海龙"), ["市长", "市委副书记"]);
        assert_eq!(titles("任伯谦"), ["主任", "党组书记"]);
        // No deputy among them: the chain's order.
        assert_eq!(titles("范中杰"), ["市委书记", "市人大常委会主任"]);
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

    #[test]
    fn evidence_of_many_documents_prints_as_serde_json_does() {
        let extractor = crate::Extractor::new();
        let text = "英德市委书记张杨彬表示,英德将大力发展红茶产业。英德市红茶产业园总投资10亿元。";
        let mut graph = KnowledgeGraph::new();
        // Ids that need escaping, and one document twice (a second `Arc` of the same id).
        for id in ["b\"q", "a", "c\\d", "e\u{1}", "a"] {
            extractor.merge_into(&mut graph, extractor.extract(&crate::Document::from_text(id, text)));
        }
        let place = graph.find(crate::EntityKind::Place, "英德市").expect("英德市 is found");
        let mentions = &graph.node(place).mentions;
        assert!(mentions.len() >= 8, "{mentions:?}");
        assert_eq!(to_string(&graph), pretty_in_one_piece(&graph));
    }

    proptest::proptest! {
        /// Chunks cover the items in order, and each ends at the first item that brings its
        /// weight to the budget (the last may stay under it).
        #[test]
        fn chunks_are_cut_where_their_weight_reaches_the_budget(
            weights in proptest::collection::vec(0usize..40, 0..60),
            budget in 1usize..50,
        ) {
            let chunks = chunks(&weights, budget, |w| *w);
            let mut next = 0;
            for (i, c) in chunks.iter().enumerate() {
                proptest::prop_assert!(c.start == next && c.start < c.end);
                next = c.end;
                let sum: usize = weights[c.clone()].iter().sum();
                let before_last: usize = weights[c.start..c.end - 1].iter().sum();
                proptest::prop_assert!(before_last < budget);
                proptest::prop_assert!(sum >= budget || i == chunks.len() - 1);
            }
            proptest::prop_assert_eq!(next, weights.len());
        }

        /// Strings come out escaped as serde_json escapes them: quotes, backslashes and
        /// control characters; everything else, Chinese included, as is.
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(s in "(?s)[\\x00-\\x20\"\\\\a-z英德\u{7f}\u{2028}]{0,24}") {
            let mut buf = Vec::new();
            PrettyWriter { buf: &mut buf, scratch: &mut Vec::new() }.string(&s);
            proptest::prop_assert_eq!(String::from_utf8(buf).unwrap(), serde_json::to_string(&s).unwrap());
        }
    }
}
