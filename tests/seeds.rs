//! The seeds, scored against their gold annotation with the crate's own scorer, and the
//! promises every run must keep: valid spans, determinism, parallel = serial.

use interview_kg::evaluate::{evaluate, Gold};
use interview_kg::{export, Document, Extractor};
use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fn seeds_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
}

fn seed_json() -> String {
    let results = EXTRACTOR.extract_paths(&[seeds_dir()]);
    assert_eq!(results.len(), 5, "five seed files");
    let (graph, errors) = EXTRACTOR.graph_of(results);
    assert!(errors.is_empty(), "{errors:?}");
    export::json::to_string(&graph)
}

fn seed_texts() -> HashMap<String, Vec<u8>> {
    std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn seeds_meet_the_accuracy_bar() {
    let gold = Gold::from_str(include_str!("data/seeds.gold.json")).unwrap();
    let pred: serde_json::Value = serde_json::from_str(&seed_json()).unwrap();
    let texts = seed_texts();
    let report = evaluate(&gold, &pred, Some(&texts));
    let shown = report.render(true, false);
    assert!(report.entities_all.f1 >= 0.99, "entity F1 below 0.99\n{shown}");
    assert!(report.relations_all.f1 >= 0.99, "relation F1 below 0.99\n{shown}");
    assert!(report.forbidden_hits.is_empty(), "forbidden hits\n{shown}");
    assert_eq!(report.spans_bad, 0, "invalid spans\n{shown}");
    assert_eq!(
        report.spans_name, report.spans,
        "spans that do not hold the name\n{shown}"
    );
    assert_eq!(report.title_accuracy, Some(1.0), "{shown}");
    assert_eq!(report.adcode_accuracy, Some(1.0), "{shown}");
}

#[test]
fn output_is_byte_identical_across_runs() {
    assert_eq!(seed_json(), seed_json());
}

#[test]
fn parallel_equals_serial() {
    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in &paths {
        docs.push(EXTRACTOR.load(p).unwrap());
    }
    let serial = export::json::to_string(&EXTRACTOR.extract_all(&docs));
    assert_eq!(serial, seed_json());
}

#[test]
fn every_span_holds_what_it_claims() {
    let json: serde_json::Value = serde_json::from_str(&seed_json()).unwrap();
    let texts = seed_texts();
    for e in json["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let text = std::str::from_utf8(&texts[m["doc"].as_str().unwrap()]).unwrap();
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            let piece = text.get(s..t).expect("span on char boundaries");
            if e["kind"] != "Amount" {
                let names: Vec<&str> = std::iter::once(e["name"].as_str().unwrap())
                    .chain(e["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()))
                    .collect();
                assert!(names.contains(&piece), "{piece:?} is not a name of {}", e["name"]);
            }
        }
    }
    for r in json["relations"].as_array().unwrap() {
        for ev in r["evidence"].as_array().unwrap() {
            let text = std::str::from_utf8(&texts[ev["doc"].as_str().unwrap()]).unwrap();
            let (s, t) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            assert!(text.get(s..t).is_some_and(|p| !p.is_empty()), "bad evidence {ev}");
        }
    }
}

#[test]
fn a_gb18030_copy_gives_the_same_graph() {
    let path = seeds_dir().join("002_75bb1cfe5a61d747.txt");
    let utf8 = EXTRACTOR.load(&path).unwrap();
    let (bytes, _, _) = encoding_rs::GB18030.encode(&utf8.text);
    let gbk = Document::from_bytes("002_75bb1cfe5a61d747", &bytes).unwrap();
    assert_eq!(gbk.text, utf8.text);
    let a = export::json::to_string(&EXTRACTOR.extract_all([&utf8]));
    let b = export::json::to_string(&EXTRACTOR.extract_all([&gbk]));
    assert_eq!(a, b);
}

#[test]
fn the_repeated_page_yields_nothing_from_its_news_lists() {
    let doc = EXTRACTOR.load(&seeds_dir().join("001_167fc7489765f1f4.txt")).unwrap();
    let graph = EXTRACTOR.extract_all([&doc]);
    let json = export::json::to_string(&graph);
    for furniture in ["广州", "蓬佩奥", "IBM", "字节跳动", "204亿美元"] {
        assert!(!json.contains(furniture), "{furniture} comes from page furniture");
    }
}

#[test]
fn redactions_produce_no_entity() {
    let doc = EXTRACTOR.load(&seeds_dir().join("003_3d17754bf2496d4d.txt")).unwrap();
    let json = export::json::to_string(&EXTRACTOR.extract_all([&doc]));
    assert!(!json.contains('×'), "a redacted placeholder became an entity");
}
