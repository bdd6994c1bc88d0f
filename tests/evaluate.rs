//! Tests of the scorer (`interview_kg::evaluate`), the Rust port of `kgscore.py`.
//!
//! The fixtures under `tests/data/evaluate/` are predictions scored by the Python scorer:
//! `NAME.pred.json` is scored against `tests/data/seeds.gold.json` with the texts of
//! `tests/data/evaluate/docs/`, and `NAME.expected.txt` is what
//! `kgscore.py --gold tests/data/seeds.gold.json --pred NAME.pred.json --docs tests/data/evaluate/docs -v --json`
//! printed. The Rust report must render to exactly the same text.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use interview_kg::evaluate::{evaluate, EvaluateError, Gold, Report};
use serde_json::{json, Value};

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(path)
}

fn seeds_gold_json() -> Value {
    let text = std::fs::read_to_string(data("seeds.gold.json")).expect("read the gold file");
    serde_json::from_str(&text).expect("the gold file is JSON")
}

fn seeds_gold() -> Gold {
    Gold::from_json(&seeds_gold_json()).expect("the gold file is valid")
}

/// A string or a list of strings, as a list.
fn as_list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    }
}

/// Builds a prediction out of a gold file: one entity per gold entity (its first kind, its name,
/// aliases, value, unit and adcode), mentioned in a text made of the entity names, and one
/// relation per gold relation whose ends resolve to an entity name (or `@doc`). Returns the
/// prediction and the texts the mentions point into.
fn prediction_from_gold(gold: &Value, with_optional: bool) -> (Value, HashMap<String, Vec<u8>>) {
    let mut documents = Vec::new();
    let mut entities = Vec::new();
    let mut relations = Vec::new();
    let mut texts = HashMap::new();
    for d in gold["documents"].as_array().unwrap() {
        let doc = d["doc"].as_str().unwrap();
        documents.push(json!({"id": doc}));
        let mut text = String::new();
        let mut ids: HashMap<&str, String> = HashMap::new();
        for (i, e) in d["entities"].as_array().unwrap().iter().enumerate() {
            if e["optional"] == json!(true) && !with_optional {
                continue;
            }
            let id = format!("{doc}#{i:03}");
            let name = e["name"].as_str().unwrap();
            let start = text.len();
            text.push_str(name);
            let end = text.len();
            text.push('。');
            let mut attributes = serde_json::Map::new();
            for key in ["value", "unit", "adcode"] {
                if let Some(v) = e.get(key) {
                    attributes.insert(key.to_owned(), v.clone());
                }
            }
            entities.push(json!({
                "id": id, "kind": as_list(&e["kind"])[0], "name": name,
                "aliases": e.get("aliases").cloned().unwrap_or(json!([])),
                "attributes": attributes,
                "mentions": [{"doc": doc, "start": start, "end": end}],
            }));
            ids.entry(name).or_insert(id);
        }
        let resolve = |side: &Value| -> Option<String> {
            as_list(side).into_iter().find_map(|n| match n.as_str()? {
                "@doc" => Some(doc.to_owned()),
                n => ids.get(n).cloned(),
            })
        };
        let mut gold_rels: Vec<&Value> = d["relations"].as_array().unwrap().iter().collect();
        if with_optional {
            gold_rels.extend(d["optional_relations"].as_array().unwrap());
        }
        for r in gold_rels {
            let (Some(head), Some(tail)) = (resolve(&r[0]), resolve(&r[2])) else {
                continue;
            };
            let mut rel = json!({"kind": as_list(&r[1])[0], "head": head, "tail": tail,
                                 "evidence": [{"doc": doc, "start": 0, "end": 3}]});
            if let Some(attributes) = r.get(3) {
                rel["attributes"] = attributes.clone();
            }
            relations.push(rel);
        }
        texts.insert(doc.to_owned(), text.into_bytes());
    }
    (
        json!({"documents": documents, "entities": entities, "relations": relations}),
        texts,
    )
}

/// Every file of a folder, keyed by its name without extension.
fn read_docs(dir: &Path) -> HashMap<String, Vec<u8>> {
    let mut texts = HashMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        texts.insert(stem, std::fs::read(&path).unwrap());
    }
    texts
}

#[test]
fn the_gold_itself_scores_one() {
    let gold_json = seeds_gold_json();
    let gold = seeds_gold();
    for with_optional in [false, true] {
        let (prediction, texts) = prediction_from_gold(&gold_json, with_optional);
        let report = evaluate(&gold, &prediction, Some(&texts));
        assert_eq!(report.notes, Vec::<String>::new(), "with_optional={with_optional}");
        assert_eq!(report.entities_all.f1, 1.0);
        assert_eq!(report.relations_all.f1, 1.0);
        assert_eq!((report.entities_all.fp, report.entities_all.fn_), (0, 0));
        assert_eq!((report.relations_all.fp, report.relations_all.fn_), (0, 0));
        for (kind, s) in report.entities.iter().chain(&report.relations) {
            assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0), "{kind}");
        }
        assert_eq!(report.forbidden_hits, Vec::<String>::new());
        assert_eq!(report.title_accuracy, Some(1.0));
        assert_eq!(report.adcode_accuracy, Some(1.0));
        assert_eq!(report.spans_bad, 0);
        assert_eq!(report.spans, report.spans_name);
        assert!(report.spans > 0);
        assert!(report
            .to_string()
            .ends_with("entity_f1=1.000 relation_f1=1.000 (entity P=1.000 R=1.000; relation P=1.000 R=1.000)\n"));
    }
}

#[test]
fn an_empty_prediction_misses_everything() {
    let gold_json = seeds_gold_json();
    let gold = seeds_gold();
    let required = |v: &Value| v.get("optional") != Some(&json!(true));
    let mut required_entities = 0;
    let mut required_relations = 0;
    for d in gold_json["documents"].as_array().unwrap() {
        required_entities += d["entities"].as_array().unwrap().iter().filter(|e| required(e)).count();
        required_relations += d["relations"].as_array().unwrap().len();
    }
    for prediction in [json!({}), json!({"documents": [], "entities": [], "relations": []})] {
        let report = evaluate(&gold, &prediction, None);
        assert_eq!(report.entities_all.recall, 0.0);
        assert_eq!(report.relations_all.recall, 0.0);
        assert_eq!(report.entities_all.precision, 1.0);
        assert_eq!(report.entities_all.f1, 0.0);
        assert_eq!(report.entities_all.fn_, required_entities);
        assert_eq!(report.relations_all.fn_, required_relations);
        let missed = report.notes.iter().filter(|n| n.contains(": missed ")).count();
        assert_eq!(missed, required_entities + required_relations);
        assert_eq!(
            report
                .notes
                .iter()
                .filter(|n| n.ends_with("no such document in the prediction"))
                .count(),
            5
        );
        assert!(report
            .notes
            .contains(&"000_bf96360b9d2a6ab4: missed Official 张杨彬".to_owned()));
        assert!(report
            .notes
            .contains(&"000_bf96360b9d2a6ab4: missed Place/Project 广德产业园".to_owned()));
        assert!(report
            .notes
            .contains(&"000_bf96360b9d2a6ab4: missed holds_post: 张杨彬 -> 英德市".to_owned()));
        assert!(report
            .notes
            .contains(&"004_8b6b2ce253e76808: missed develops: ['江海区', '江门高新区'] -> 机电".to_owned()));
        assert_eq!((report.title_accuracy, report.adcode_accuracy), (None, None));
        // Without -v, the notes are not printed.
        assert!(!report.to_string().contains("missed"));
        assert!(format!("{report:#}").starts_with("000_bf96360b9d2a6ab4: no such document in the prediction\n"));
    }
}

fn one_doc_gold(entities: Value, extra: Value) -> Gold {
    let mut doc = json!({"doc": "d1", "entities": entities});
    for (k, v) in extra.as_object().unwrap() {
        doc[k] = v.clone();
    }
    Gold::from_json(&json!({"documents": [doc]})).unwrap()
}

fn entity(id: &str, kind: &str, name: &str) -> Value {
    json!({"id": id, "kind": kind, "name": name, "mentions": [{"doc": "d1", "start": 0, "end": 1}]})
}

fn amount(id: &str, name: &str, value: f64, unit: &str) -> Value {
    let mut e = entity(id, "Amount", name);
    e["attributes"] = json!({"value": value, "unit": unit});
    e
}

#[test]
fn forbidden_names_and_figures_are_counted() {
    let gold = one_doc_gold(
        json!([{"kind": "Place", "name": "英德市"}]),
        json!({"forbidden": ["×区", {"value": 20400000000u64, "unit": "USD"}]}),
    );
    let prediction = json!({"documents": [{"id": "d1"}], "entities": [
        entity("a", "Place", "英德市"),
        entity("b", "Place", "×区"),
        amount("c", "204.5亿美元", 20450000000.0, "USD"),
        amount("d", "204.5亿元", 20450000000.0, "CNY"),
    ]});
    let report = evaluate(&gold, &prediction, None);
    assert_eq!(report.forbidden_hits, ["d1: ×区", "d1: 204.5亿美元"]);
    assert_eq!(report.to_json()["forbidden"], 2);
    // A forbidden item is a false hit too.
    assert_eq!((report.entities_all.tp, report.entities_all.fp), (1, 3));
    assert!(format!("{report:#}").contains("forbidden: d1: ×区\nforbidden: d1: 204.5亿美元\n"));

    // The seeds' document 001 forbids 广州, a city named only in the page's news list.
    let prediction = json!({"entities": [{"id": "x", "kind": "Place", "name": " 广州 ",
        "mentions": [{"doc": "001_167fc7489765f1f4"}]}]});
    let report = evaluate(&seeds_gold(), &prediction, None);
    assert_eq!(report.forbidden_hits, ["001_167fc7489765f1f4:  广州 "]);
}

#[test]
fn amounts_match_within_half_a_percent() {
    let gold = one_doc_gold(
        json!([{"kind": "Amount", "name": "733亿元", "value": 73300000000u64, "unit": "CNY"}]),
        json!({}),
    );
    let score = |value: f64, unit: &str| {
        let prediction = json!({"entities": [amount("a", "x", value, unit)]});
        evaluate(&gold, &prediction, None).entities_all.tp
    };
    let v = 73300000000.0;
    assert_eq!(score(v, "CNY"), 1);
    assert_eq!(score(v * 1.0049, "CNY"), 1);
    assert_eq!(score(v * 0.996, "CNY"), 1);
    assert_eq!(score(v * 1.006, "CNY"), 0);
    assert_eq!(score(v * 0.994, "CNY"), 0);
    assert_eq!(score(v, "USD"), 0);

    // The note of a false amount shows its value and unit as Python prints them.
    let prediction = json!({"entities": [amount("a", "740亿元", 74000000000.0, "CNY")]});
    let report = evaluate(&gold, &prediction, None);
    assert_eq!(
        report.notes,
        [
            "d1: no such document in the prediction",
            "d1: false Amount 740亿元 = 74000000000.0 CNY",
            "d1: missed Amount 733亿元"
        ]
    );
    // Only an Amount can match a figure.
    let mut place = amount("a", "733亿元", v, "CNY");
    place["kind"] = json!("Place");
    let report = evaluate(&gold, &json!({"entities": [place]}), None);
    assert_eq!(report.entities["Place"].fp, 1);
}

#[test]
fn a_split_entity_is_a_false_hit() {
    let gold = one_doc_gold(
        json!([{"kind": "Place", "name": "英德市", "aliases": ["英德"]}]),
        json!({}),
    );
    let prediction = json!({"documents": [{"id": "d1"}], "entities": [
        entity("p2", "Place", "英德"),
        entity("p1", "Place", "英德市"),
    ]});
    let report = evaluate(&gold, &prediction, None);
    let place = report.entities["Place"];
    assert_eq!((place.tp, place.fp, place.fn_), (1, 1, 0));
    assert_eq!(place.precision, 0.5);
    // Predictions are taken in order of their id: p1 matches, p2 is the split.
    assert_eq!(report.notes, ["d1: split entity Place 英德"]);
}

#[test]
fn names_are_normalised() {
    let gold = one_doc_gold(
        json!([{"kind": "Industry", "name": "鞋业"}, {"kind": "Project", "name": "深茂铁路(江海段)"},
               {"kind": "Industry", "name": "新产业"}]),
        json!({}),
    );
    let prediction = json!({"entities": [
        entity("a", "Industry", "鞋业产业集群"),
        entity("b", "Project", "深茂铁路（江海段）项目"),
        entity("c", "Industry", " 新 产业\u{3000}"),
    ]});
    let report = evaluate(&gold, &prediction, None);
    assert_eq!(report.entities_all.tp, 3, "{:?}", report.notes);
}

#[test]
fn relations_are_deduplicated_and_event_ends_skipped() {
    let gold = one_doc_gold(
        json!([{"kind": "Official", "name": "张杨彬"}, {"kind": "Place", "name": "英德市"},
               {"kind": "Event", "name": "党的二十大", "optional": true}]),
        json!({"relations": [["张杨彬", "holds_post", "英德市", {"title": "市委书记"}], ["@doc", "interviews", "张杨彬"]]}),
    );
    let ev = json!([{"doc": "d1", "start": 0, "end": 3}]);
    let prediction = json!({"documents": [{"id": "d1"}], "entities": [
        entity("o", "Official", "张杨彬"), entity("p", "Place", "英德市"), entity("e", "Event", "党的二十大"),
    ], "relations": [
        {"kind": "holds_post", "head": "o", "tail": "p", "attributes": {"title": "英德市委书记"}, "evidence": ev},
        {"kind": "holds_post", "head": "o", "tail": "p", "evidence": ev},
        {"kind": "holds_post", "head": "o", "tail": "e", "evidence": ev},
        {"kind": "interviews", "head": "d1", "tail": "o", "evidence": ev},
        {"kind": "develops", "head": "d1", "tail": "o", "evidence": ev},
        {"kind": "develops", "head": "o", "tail": "nobody", "evidence": ev},
    ]});
    let report = evaluate(&gold, &prediction, None);
    assert_eq!(
        (
            report.relations_all.tp,
            report.relations_all.fp,
            report.relations_all.fn_
        ),
        (2, 1, 0)
    );
    assert_eq!(report.notes, ["d1: false develops: d1 -> 张杨彬"]);
    assert_eq!(report.title_accuracy, Some(1.0));
}

#[test]
fn fixtures_render_as_the_python_prints() {
    let gold = seeds_gold();
    let dir = data("evaluate");
    let texts = read_docs(&dir.join("docs"));
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let Some(stem) = name.strip_suffix(".pred.json") else {
            continue;
        };
        let prediction: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let expected = std::fs::read_to_string(dir.join(format!("{stem}.expected.txt"))).unwrap();
        let report = evaluate(&gold, &prediction, Some(&texts));
        assert_eq!(report.render(true, true), expected, "{name}");
        checked += 1;
    }
    assert!(checked > 0);
}

/// The figures `kgscore.py` gives for `tests/data/evaluate/mixed.pred.json`.
#[test]
fn mixed_fixture_figures() {
    let prediction: Value =
        serde_json::from_str(&std::fs::read_to_string(data("evaluate/mixed.pred.json")).unwrap()).unwrap();
    let texts = read_docs(&data("evaluate/docs"));
    let report: Report = evaluate(&seeds_gold(), &prediction, Some(&texts));
    let e = report.entities_all;
    assert_eq!((e.tp, e.fp, e.fn_), (12, 10, 89));
    let r = report.relations_all;
    assert_eq!((r.tp, r.fp, r.fn_), (7, 2, 73));
    let amount = report.entities["Amount"];
    assert_eq!((amount.tp, amount.fp, amount.fn_), (2, 6, 10));
    assert_eq!(report.forbidden_hits.len(), 4);
    assert_eq!(report.title_accuracy, Some(1.0));
    assert_eq!(report.adcode_accuracy, Some(1.0 / 3.0));
    assert_eq!((report.spans, report.spans_bad, report.spans_name), (15, 6, 9));
    assert_eq!(
        report.to_json(),
        json!({"entity_p": 0.5455, "entity_r": 0.1188, "entity_f1": 0.1951, "relation_p": 0.7778,
               "relation_r": 0.0875, "relation_f1": 0.1573, "forbidden": 4, "title_acc": 1.0,
               "adcode_acc": 0.3333, "spans": 15, "spans_bad": 6, "spans_name": 9})
    );
    assert_eq!(
        report.to_json_string(),
        r#"{"entity_p": 0.5455, "entity_r": 0.1188, "entity_f1": 0.1951, "relation_p": 0.7778, "relation_r": 0.0875, "relation_f1": 0.1573, "forbidden": 4, "title_acc": 1.0, "adcode_acc": 0.3333, "spans": 15, "spans_bad": 6, "spans_name": 9}"#
    );
    assert!(report
        .notes
        .contains(&"000_bf96360b9d2a6ab4: split entity Place 英德".to_owned()));
    assert!(report
        .notes
        .contains(&"002_75bb1cfe5a61d747: split entity Amount 733亿元".to_owned()));
    assert!(report
        .notes
        .contains(&"001_167fc7489765f1f4: false Amount 902亿元 = 90240000000 CNY".to_owned()));
}

#[test]
fn malformed_predictions_do_not_panic() {
    let gold = seeds_gold();
    let texts = read_docs(&data("evaluate/docs"));
    let doc = "000_bf96360b9d2a6ab4";
    let cases = [
        json!(null),
        json!([1, 2]),
        json!("graph"),
        json!({"documents": 5, "entities": "x", "relations": {}}),
        json!({"documents": [null, 3, {"title": "no id"}, {"id": [1]}, {"id": doc}],
               "entities": [null, 7, {"name": "no id"}, {"id": {"a": 1}},
                            {"id": 3, "kind": null, "name": null, "aliases": 5, "attributes": "x",
                             "mentions": [null, 4, {"doc": doc, "start": "0", "end": 3.5}, {"doc": doc, "start": true, "end": 4}]},
                            {"id": "s", "kind": "Amount", "name": "733亿元",
                             "attributes": {"value": "abc", "unit": ["CNY"]}, "mentions": {"doc": doc}},
                            {"id": "t", "kind": ["Place"], "name": 12, "aliases": "英德",
                             "mentions": [{"doc": doc, "start": 0, "end": 99999999999999999999u128 as f64}]}],
               "relations": [null, {"kind": "holds_post"}, {"head": "s", "tail": "t", "evidence": [{"doc": doc}]},
                             {"kind": ["x"], "head": "s", "tail": "t", "evidence": [{"doc": doc}]},
                             {"kind": "develops", "head": 3, "tail": doc, "evidence": [null, {"doc": doc}],
                              "attributes": [1]},
                             {"kind": "develops", "head": "s", "tail": "t", "evidence": "x"}]}),
    ];
    for prediction in cases {
        let report = evaluate(&gold, &prediction, Some(&texts));
        let _ = format!("{report:#}{}", report.to_json());
    }
}

#[test]
fn gold_errors_say_where() {
    let err = |s: &str| Gold::from_str(s).unwrap_err().to_string();
    assert!(matches!(Gold::from_str("{"), Err(EvaluateError::Json(_))));
    assert_eq!(err("[]"), "invalid gold file: the top level is not an object");
    assert_eq!(
        err(r#"{"documents": [{"doc": "d", "entities": [{"name": "x"}]}]}"#),
        "invalid gold file: documents[0].entities[0]: no \"kind\""
    );
    assert_eq!(
        err(r#"{"documents": [{"doc": "d", "entities": [{"kind": "Place", "name": "x", "aliases": "y"}]}]}"#),
        "invalid gold file: documents[0].entities[0].aliases: not a list"
    );
    assert_eq!(err(r#"{"documents": [{"doc": "d", "entities": [], "relations": [["a", "b"]]}]}"#),
               "invalid gold file: documents[0].relations[0]: not a list [head, kind, tail] or [head, kind, tail, {attributes}]");
    assert_eq!(
        err(r#"{"documents": [{"doc": "d", "entities": [], "forbidden": [{"value": 1}]}]}"#),
        "invalid gold file: documents[0].forbidden[0]: a forbidden figure needs a \"unit\""
    );
    let e = Gold::from_str(r#"{"documents": [{"doc": 5, "entities": []}]}"#).unwrap_err();
    assert!(std::error::Error::source(&e).is_none());
}
