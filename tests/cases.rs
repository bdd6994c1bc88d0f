//! Snippet cases read from `tests/data/cases/*.json`: each names a text and what the graph of
//! that text must hold (entities, relations) and must not hold. One runner reads them all and
//! reports every failure together; adding a case needs no Rust. See tests/data/cases/README.md.

use interview_kg::{Document, EntityKind, Extractor, KnowledgeGraph};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    entities: Vec<(String, String)>,
    #[serde(default)]
    absent: Vec<(String, String)>,
    #[serde(default)]
    same: Vec<(String, String, String)>,
    #[serde(default)]
    relations: Vec<(String, String, String, Option<serde_json::Value>)>,
    #[serde(default)]
    absent_relations: Vec<Vec<String>>,
    /// (kind, name): the text does not name it, though the graph may hold it (a province
    /// reached up the gazetteer).
    #[serde(default)]
    unmentioned: Vec<(String, String)>,
}

fn kind(s: &str) -> EntityKind {
    *EntityKind::ALL
        .iter()
        .find(|k| k.as_str() == s)
        .unwrap_or_else(|| panic!("unknown kind {s}"))
}

fn has_entity(g: &KnowledgeGraph, kind_name: &str, name: &str) -> bool {
    g.find(kind(kind_name), name).is_some()
}

/// A relation from a node named `head` to one named `tail`; the head may be `@doc`.
/// Whether an edge has the attributes wanted: a string is its title, an object its
/// attributes by name (`{"indicator": "GDP增长", "period": "今年"}`).
fn attrs_match(e: &interview_kg::Edge, want: &serde_json::Value) -> bool {
    let attr = |key: &str| match key {
        "title" => e.attrs.title.as_deref(),
        "indicator" => e.attrs.indicator.as_deref(),
        "period" => e.attrs.period.as_deref(),
        "scale" => e.attrs.scale.as_deref(),
        "role" => e.attrs.role.map(|r| r.as_str()),
        _ => panic!("unknown attribute {key}"),
    };
    match want {
        serde_json::Value::String(title) => attr("title") == Some(title.as_str()),
        serde_json::Value::Object(attrs) => attrs.iter().all(|(k, v)| attr(k) == v.as_str()),
        _ => panic!("attributes are a title or an object: {want}"),
    }
}

fn has_relation(g: &KnowledgeGraph, head: &str, kind: &str, tail: &str, title: Option<&serde_json::Value>) -> bool {
    g.edges().any(|(h, e, t)| {
        let (hn, tn) = (g.node(h), g.node(t));
        let name_is = |n: &interview_kg::Node, s: &str| {
            (s == "@doc" && n.kind == EntityKind::Document) || (n.name == s || n.aliases.contains(s))
        };
        e.kind.as_str() == kind
            && name_is(hn, head)
            && name_is(tn, tail)
            && title.is_none_or(|want| attrs_match(e, want))
    })
}

#[test]
fn cases() {
    let extractor = Extractor::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/cases");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for file in files {
        let cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(&file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for case in cases {
            count += 1;
            let doc = Document::from_text("case", case.text.clone());
            let g = extractor.extract_all([&doc]);
            let label = format!("{}: {}", file.file_name().unwrap().to_string_lossy(), case.name);
            for (k, n) in &case.entities {
                if !has_entity(&g, k, n) {
                    failures.push(format!("{label}: missing {k} {n}"));
                }
            }
            for (k, n) in &case.absent {
                if has_entity(&g, k, n) {
                    failures.push(format!("{label}: unexpected {k} {n}"));
                }
            }
            for (k, n) in &case.unmentioned {
                if g.find(kind(k), n).is_some_and(|id| !g.node(id).mentions.is_empty()) {
                    failures.push(format!("{label}: {k} {n} is named"));
                }
            }
            for (k, a, b) in &case.same {
                let (na, nb) = (g.find(kind(k), a), g.find(kind(k), b));
                if na.is_none() || na != nb {
                    failures.push(format!("{label}: {k} {a} and {b} are not one node"));
                }
            }
            for (h, k, t, title) in &case.relations {
                if !has_relation(&g, h, k, t, title.as_ref()) {
                    failures.push(format!(
                        "{label}: missing {h} -{k}-> {t} {}",
                        title.as_ref().map(|v| v.to_string()).unwrap_or_default()
                    ));
                }
            }
            for r in &case.absent_relations {
                let [h, k, t, rest @ ..] = r.as_slice() else {
                    panic!("{label}: absent relation needs head, kind, tail")
                };
                let title = rest.first().map(|t| serde_json::Value::String(t.clone()));
                if has_relation(&g, h, k, t, title.as_ref()) {
                    failures.push(format!("{label}: unexpected {h} -{k}-> {t}"));
                }
            }
        }
    }
    assert!(count > 10, "only {count} cases read");
    assert!(
        failures.is_empty(),
        "{} of the checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
