//! The whole extraction on any text: no panic; every mention and evidence span is a
//! non-empty slice of the text on character boundaries; a mention of an entity other than
//! an amount is its name or an alias, and an amount's mention parses back to its value;
//! the JSON parses back; the output is the same twice.
//!
//! A first byte 0 or 1 chooses plain text or HTML and is dropped; any other first byte is
//! part of the text, so that interview files (`seeds/`) serve as a corpus as they are. The
//! bytes are decoded as a file would be (encoding detection included) or, if they are not
//! a document, taken as lossy UTF-8.
#![no_main]

use interview_kg::figures::parse_amount;
use interview_kg::{export, Document, EntityKind, Extractor};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    let (is_html, bytes) = match data.split_first() {
        Some((0, rest)) => (false, rest),
        Some((1, rest)) => (true, rest),
        _ => (false, data),
    };
    let mut doc = Document::from_bytes("f", bytes)
        .unwrap_or_else(|_| Document::from_text("f", String::from_utf8_lossy(bytes).into_owned()));
    doc.is_html = is_html;
    let text = doc.text.as_str();
    let graph = EXTRACTOR.extract_all([&doc]);
    for node in graph.petgraph().node_weights() {
        if node.kind == EntityKind::Document {
            continue;
        }
        for m in &node.mentions {
            let piece = text
                .get(m.span.range())
                .unwrap_or_else(|| panic!("mention {} of {:?} is not a slice", m.span, node.name));
            assert!(!piece.is_empty(), "empty mention of {:?}", node.name);
            match node.amount() {
                Some(a) => {
                    let p = parse_amount(piece);
                    assert!(
                        p.as_ref().is_some_and(|p| p.value == a.value && p.unit == a.unit),
                        "amount {piece:?} parses to {p:?}, not {a:?}"
                    );
                }
                None => assert!(
                    piece == node.name || node.aliases.contains(piece),
                    "{piece:?} at {} is neither the name nor an alias of {:?} ({:?})",
                    m.span,
                    node.name,
                    node.aliases
                ),
            }
        }
    }
    for (_, edge, _) in graph.edges() {
        for ev in &edge.evidence {
            let piece = text
                .get(ev.span.range())
                .unwrap_or_else(|| panic!("evidence {} of {:?} is not a slice", ev.span, edge.kind));
            assert!(!piece.is_empty(), "empty evidence of {:?}", edge.kind);
        }
    }
    let json = export::json::to_string(&graph);
    let _: serde_json::Value = serde_json::from_str(&json).expect("the JSON parses back");
    assert_eq!(
        json,
        export::json::to_string(&EXTRACTOR.extract_all([&doc])),
        "not deterministic"
    );
});
