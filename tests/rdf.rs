//! Issue 3: the RDF export and SPARQL over the seeds' store, the query folder, round trips,
//! incremental loads, hostile names, and the `sparql` example as a user runs it.
#![cfg(feature = "rdf")]

use interview_kg::export::rdf::{encode_segment, Iris, VOCABULARY};
use interview_kg::oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
use interview_kg::oxigraph::model::vocab::xsd;
use interview_kg::oxigraph::model::{Literal, NamedNode, Term};
use interview_kg::oxigraph::sparql::QueryResults;
use interview_kg::recognise::LocalId;
use interview_kg::relate::{End, LocalRelation};
use interview_kg::{
    Amount, Document, Entity, EntityDetail, EntityKind, Extraction, Extractor, KnowledgeGraph, RdfExport, RdfStore,
    RelationAttrs, RelationKind, RelationSource, Span, SparqlQuery, Unit,
};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fn seed_files() -> Vec<PathBuf> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert_eq!(files.len(), 5, "five seed files");
    files
}

/// The graph of some files (through `extract_paths` and `graph_of`, as users do) and their
/// documents (for the evidence text).
fn graph_of(files: &[PathBuf]) -> (KnowledgeGraph, Vec<Document>) {
    let (graph, errors) = EXTRACTOR.graph_of(EXTRACTOR.extract_paths(files));
    assert!(errors.is_empty(), "{errors:?}");
    let docs = files.iter().map(|f| EXTRACTOR.load(f).unwrap()).collect();
    (graph, docs)
}

struct Seeds {
    graph: KnowledgeGraph,
    docs: Vec<Document>,
    store: RdfStore,
}

static SEEDS: LazyLock<Seeds> = LazyLock::new(|| {
    let (graph, docs) = graph_of(&seed_files());
    let store = RdfStore::from_export(&RdfExport::new(&graph).documents(&docs)).unwrap();
    Seeds { graph, docs, store }
});

fn select(sparql: &str) -> interview_kg::Solutions {
    SEEDS.store.select(sparql).unwrap_or_else(|e| panic!("{e}\n{sparql}"))
}

fn ask(sparql: &str) -> bool {
    match SEEDS.store.query(sparql).unwrap_or_else(|e| panic!("{e}\n{sparql}")) {
        QueryResults::Boolean(b) => b,
        _ => panic!("not an ASK query: {sparql}"),
    }
}

fn literal(t: Option<&Term>) -> &Literal {
    match t {
        Some(Term::Literal(l)) => l,
        other => panic!("not a literal: {other:?}"),
    }
}

#[test]
fn the_investment_of_gulei_is_73300000000_yuan() {
    let rows = select(
        "SELECT DISTINCT ?value ?role ?unit WHERE {
           ?p a ikg:Project ; rdfs:label \"古雷炼化一体化二期\"@zh ; ikg:hasInvestment ?a ; ikg:investment ?i .
           ?i ikg:amount ?a ; ikg:role ?role .
           ?a ikg:value ?value ; ikg:unit ?unit .
         }",
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    let value = literal(rows.get(0, "value"));
    assert_eq!(value.value(), "73300000000");
    assert_eq!(value.datatype(), xsd::DECIMAL);
    assert_eq!(rows.strings("role"), ["total"]);
    assert_eq!(rows.strings("unit"), ["CNY"]);
    // Numerically, not only lexically.
    assert!(ask(
        "ASK { ?p rdfs:label \"古雷炼化一体化二期\"@zh ; ikg:hasInvestment/ikg:value ?v FILTER(?v = 73300000000) }"
    ));
}

#[test]
fn zhang_yangbin_holds_a_post_in_yingde() {
    assert!(ask(
        "ASK { ?o a ikg:Official ; rdfs:label \"张杨彬\"@zh ; ikg:holdsPost ?p .
               ?p rdfs:label \"英德市\"@zh ; ikg:adcode \"441881\" ; ikg:alias \"英德\"@zh }"
    ));
    let rows = select(
        "SELECT DISTINCT ?title ?asOf WHERE { ?o rdfs:label \"张杨彬\"@zh ; ikg:post ?post .
           ?post ikg:title ?title ; ikg:asOf ?asOf ; ikg:postIn/ikg:adcode \"441881\" }",
    );
    assert_eq!(rows.strings("title"), ["市委书记"]);
    assert_eq!(literal(rows.get(0, "asOf")).datatype(), xsd::DATE);
    // And nobody else holds one there.
    assert_eq!(
        select("SELECT DISTINCT ?o WHERE { ?o ikg:holdsPost/ikg:adcode \"441881\" }").len(),
        1
    );
}

#[test]
fn a_project_reaches_its_province_through_located_in_plus() {
    let rows = select(
        "SELECT DISTINCT ?name WHERE { ?p rdfs:label \"古雷炼化一体化二期\"@zh ; ikg:locatedIn+ ?prov .
           ?prov ikg:level \"province\" ; rdfs:label ?name }",
    );
    assert_eq!(rows.strings("name"), ["福建省"]);
    // Transitively only: the project is not stated in the province directly.
    assert!(!ask(
        "ASK { ?p rdfs:label \"古雷炼化一体化二期\"@zh ; ikg:locatedIn ?prov . ?prov ikg:level \"province\" }"
    ));
    // The gazetteer's links are in their own graph, which the default graph (the union) sees.
    assert!(ask(
        "ASK { GRAPH <https://w3id.org/ikg/id/graph/gazetteer> { <https://w3id.org/ikg/id/place/350600> ikg:locatedIn <https://w3id.org/ikg/id/place/350000> } }"
    ));
    // 西安市's province is named by no document: stated by the gazetteer alone.
    let rows = select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?p ikg:adcode \"610000\" } }");
    assert_eq!(rows.strings("g"), ["https://w3id.org/ikg/id/graph/gazetteer"]);
}

#[test]
fn sums_and_counts_over_amounts_match_the_graph() {
    // Expected figures from the graph itself, exactly, with rust_decimal.
    let amounts: Vec<&Amount> = SEEDS
        .graph
        .nodes_of(EntityKind::Amount)
        .into_iter()
        .filter_map(|ix| SEEDS.graph.node(ix).amount())
        .filter(|a| a.unit == Unit::Cny)
        .collect();
    assert!(amounts.len() > 10);
    let total: rust_decimal::Decimal = amounts.iter().map(|a| a.value).sum();
    let rows = select(
        "SELECT (COUNT(?a) AS ?n) (SUM(?v) AS ?total) WHERE {
           { SELECT DISTINCT ?a ?v WHERE { ?a a ikg:Amount ; ikg:unit \"CNY\" ; ikg:value ?v } } }",
    );
    assert_eq!(literal(rows.get(0, "n")).value(), amounts.len().to_string());
    assert_eq!(literal(rows.get(0, "total")).value(), total.normalize().to_string());

    // The total investment of the projects of 福建省: 733 + 420 + 400 + 263 + 192 亿元.
    let rows = select(
        "SELECT (SUM(?v) AS ?total) (COUNT(?p) AS ?n) WHERE {
           { SELECT DISTINCT ?p ?v WHERE {
               ?p a ikg:Project ; ikg:locatedIn+/rdfs:label \"福建省\"@zh ; ikg:investment ?i .
               ?i ikg:role \"total\" ; ikg:amount/ikg:value ?v } } }",
    );
    assert_eq!(literal(rows.get(0, "total")).value(), "200800000000");
    assert_eq!(literal(rows.get(0, "n")).value(), "5");
}

#[test]
fn graph_names_tell_which_interview_says_so() {
    let rows = select(
        "SELECT DISTINCT ?g ?title WHERE {
           GRAPH ?g { ?p rdfs:label \"古雷炼化一体化二期\"@zh ; ikg:hasInvestment ?a }
           ?g a ikg:Document ; dcterms:title ?title }",
    );
    assert_eq!(rows.strings("g"), ["https://w3id.org/ikg/id/doc/002_75bb1cfe5a61d747"]);
    assert!(rows.strings("title")[0].contains("张国旺"));
    // An entity in two interviews is stated in both graphs.
    let rows =
        select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?o rdfs:label \"习近平\"@zh ; ikg:mention ?m } } ORDER BY ?g");
    assert!(rows.len() >= 2, "{rows:?}");
}

#[test]
fn evidence_is_reachable_with_its_exact_text() {
    let rows = select(
        "SELECT DISTINCT ?doc ?start ?end ?text WHERE {
           GRAPH ?g { ?s rdf:predicate ikg:hasInvestment ; rdf:subject/rdfs:label \"古雷炼化一体化二期\"@zh ; ikg:evidence ?e .
                      ?e ikg:inDocument ?doc ; ikg:start ?start ; ikg:end ?end ; ikg:text ?text } }",
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    let doc_id = rows.strings("doc")[0].rsplit('/').next().unwrap();
    let doc = SEEDS.docs.iter().find(|d| d.id == doc_id).unwrap();
    let start: usize = literal(rows.get(0, "start")).value().parse().unwrap();
    let end: usize = literal(rows.get(0, "end")).value().parse().unwrap();
    let text = literal(rows.get(0, "text")).value();
    assert_eq!(&doc.text[start..end], text);
    assert!(text.contains("733亿元"), "{text}");

    // Every span's text is exactly its slice of the document, everywhere.
    let rows = select(
        "SELECT DISTINCT ?doc ?start ?end ?text WHERE { ?e a ikg:Span ; ikg:inDocument ?doc ; ikg:start ?start ; ikg:end ?end ; ikg:text ?text }",
    );
    assert!(rows.len() > 300);
    for r in rows.rows() {
        let id = match r.get("doc") {
            Some(Term::NamedNode(n)) => n.as_str().rsplit('/').next().unwrap().to_owned(),
            other => panic!("{other:?}"),
        };
        let doc = SEEDS.docs.iter().find(|d| d.id == id).unwrap();
        let start: usize = literal(r.get("start")).value().parse().unwrap();
        let end: usize = literal(r.get("end")).value().parse().unwrap();
        assert_eq!(&doc.text[start..end], literal(r.get("text")).value());
    }
}

#[test]
fn every_relation_and_entity_is_in_the_store() {
    let g = &SEEDS.graph;
    let n = select(
        "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e dcterms:identifier ?id FILTER NOT EXISTS { ?e a ikg:Document } }",
    );
    let entities = g.node_count() - g.documents().len();
    assert_eq!(literal(n.get(0, "n")).value(), entities.to_string());
    for kind in [
        RelationKind::HoldsPost,
        RelationKind::LocatedIn,
        RelationKind::Develops,
        RelationKind::HasInvestment,
    ] {
        let expected: BTreeSet<(String, String)> = g
            .edges()
            .filter(|(_, e, _)| e.kind == kind)
            .map(|(h, _, t)| (g.node(h).id.clone(), g.node(t).id.clone()))
            .collect();
        let q = SparqlQuery::parse(
            "SELECT DISTINCT ?h ?t ?p WHERE { ?s ?p ?o . ?s dcterms:identifier ?h . ?o dcterms:identifier ?t }",
        )
        .unwrap()
        .bind("p", interview_kg::export::rdf::ikg::property(kind))
        .unwrap();
        let rows = SEEDS.store.select_query(&q).unwrap();
        let got: BTreeSet<(String, String)> = rows
            .strings("h")
            .into_iter()
            .zip(rows.strings("t"))
            .map(|(h, t)| (h.to_owned(), t.to_owned()))
            .collect();
        assert_eq!(got, expected, "{kind}");
    }
}

#[test]
fn exports_round_trip_through_oxigraph_parsers() {
    let export = RdfExport::new(&SEEDS.graph).documents(&SEEDS.docs);
    let quads = export.quads().unwrap();
    let triples = export.triples().unwrap();
    assert!(
        quads.len() > triples.len(),
        "documents share entities, so the union is smaller"
    );
    let formats = [
        (RdfFormat::NQuads, quads.len()),
        (RdfFormat::TriG, quads.len()),
        (
            RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
            quads.len(),
        ),
        (RdfFormat::Turtle, triples.len()),
        (RdfFormat::NTriples, triples.len()),
        (RdfFormat::RdfXml, triples.len()),
    ];
    for (format, expected) in formats {
        let bytes = export.write(format, Vec::new()).unwrap();
        let parsed: BTreeSet<String> = RdfParser::from_format(format)
            .for_slice(&bytes)
            .map(|q| q.unwrap_or_else(|e| panic!("{format}: {e}")).to_string())
            .collect();
        assert_eq!(parsed.len(), expected, "{format}");
        let original: BTreeSet<String> = if format.supports_datasets() {
            quads.iter().map(ToString::to_string).collect()
        } else {
            triples.iter().map(|t| format!("{t}")).collect()
        };
        assert_eq!(parsed, original, "{format}");
    }
    // Deterministic: the same input gives the same bytes.
    assert_eq!(
        export.to_string(RdfFormat::TriG).unwrap(),
        export.to_string(RdfFormat::TriG).unwrap()
    );
}

/// The store's default graph is exactly the set union of its named graphs.
fn assert_union_is_maintained(store: &RdfStore) {
    let mut union = BTreeSet::new();
    let mut default = BTreeSet::new();
    for q in store.oxigraph().iter() {
        let q = q.unwrap();
        let named = !q.graph_name.is_default_graph();
        let t = interview_kg::oxigraph::model::Triple::from(q).to_string();
        if named {
            union.insert(t);
        } else {
            default.insert(t);
        }
    }
    assert!(!union.is_empty());
    let missing: Vec<_> = union.difference(&default).collect();
    let stale: Vec<_> = default.difference(&union).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "missing from the union: {missing:#?}\nstale in it: {stale:#?}"
    );
}

fn sorted_nquads(store: &RdfStore) -> Vec<String> {
    let nq = String::from_utf8(store.dump(RdfFormat::NQuads, Vec::new()).unwrap()).unwrap();
    let mut lines: Vec<String> = nq.lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

#[test]
fn loading_two_halves_gives_the_store_of_one_load() {
    let files = seed_files();
    let (first, second) = files.split_at(2);
    let store = RdfStore::new().unwrap();
    for half in [first, second] {
        let (graph, docs) = graph_of(half);
        store.add(&RdfExport::new(&graph).documents(&docs)).unwrap();
    }
    let whole = sorted_nquads(&SEEDS.store);
    let halves = sorted_nquads(&store);
    let only_whole: Vec<&String> = whole.iter().filter(|l| halves.binary_search(l).is_err()).collect();
    let only_halves: Vec<&String> = halves.iter().filter(|l| whole.binary_search(l).is_err()).collect();
    assert!(
        only_whole.is_empty() && only_halves.is_empty(),
        "only in one load: {only_whole:#?}\nonly in halves: {only_halves:#?}"
    );

    // Adding a half again changes nothing: same IRIs, no duplicates.
    let (graph, docs) = graph_of(first);
    store.add(&RdfExport::new(&graph).documents(&docs)).unwrap();
    assert_eq!(sorted_nquads(&store), whole);
    assert_union_is_maintained(&store);
    assert_union_is_maintained(&SEEDS.store);
}

#[test]
fn re_adding_a_document_replaces_its_graph() {
    let store = RdfStore::new().unwrap();
    let old = Document::from_text("d", "英德市委书记张杨彬表示,英德将大力发展鞋业产业。");
    store
        .add(&RdfExport::new(&EXTRACTOR.extract_all([&old])).documents([&old]))
        .unwrap();
    let other = Document::from_text("e", "漳州市委书记张国旺表示,漳州将大力发展石油化工产业。");
    store
        .add(&RdfExport::new(&EXTRACTOR.extract_all([&other])).documents([&other]))
        .unwrap();
    let new = Document::from_text("d", "肇庆市委书记范中杰表示,肇庆将大力发展新能源汽车产业。");
    store
        .add(&RdfExport::new(&EXTRACTOR.extract_all([&new])).documents([&new]))
        .unwrap();

    let labels = |g: &str| {
        let q = SparqlQuery::parse("SELECT DISTINCT ?l ?g WHERE { GRAPH ?g { ?o a ikg:Official ; rdfs:label ?l } }")
            .unwrap()
            .bind("g", NamedNode::new(g).unwrap())
            .unwrap();
        store
            .select_query(&q)
            .unwrap()
            .strings("l")
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(labels("https://w3id.org/ikg/id/doc/d"), ["范中杰"]);
    assert_eq!(
        labels("https://w3id.org/ikg/id/doc/e"),
        ["张国旺"],
        "the other document is untouched"
    );
    // Equal to the store built from the final documents directly.
    let direct = RdfStore::new().unwrap();
    for doc in [&other, &new] {
        direct
            .add(&RdfExport::new(&EXTRACTOR.extract_all([doc])).documents([doc]))
            .unwrap();
    }
    let gazetteer = |s: &RdfStore| {
        sorted_nquads(s)
            .into_iter()
            .filter(|l| !l.contains("graph/gazetteer"))
            .collect::<Vec<_>>()
    };
    // The gazetteer's graph only grows (英德's chain stays); everything else is equal.
    assert_eq!(gazetteer(&store), gazetteer(&direct));
    // The replaced document's facts left the default graph too; the other's stayed.
    assert_union_is_maintained(&store);
    let ask = |q: &str| matches!(store.query(q).unwrap(), QueryResults::Boolean(true));
    assert!(!ask("ASK { ?o rdfs:label \"张杨彬\"@zh }"));
    assert!(ask("ASK { ?o rdfs:label \"张国旺\"@zh }"));
    assert!(
        ask("ASK { ?p ikg:adcode \"441881\" }"),
        "the gazetteer still knows 英德市"
    );
}

/// Names that break naive IRI and literal writers.
const HOSTILE: &[&str] = &[
    "引号\"项目'",
    "尖括号<项目>",
    "花括号}{项目",
    "换行\n项目\r",
    "井号#项目?问/斜",
    "方向\u{202E}标记\u{200F}项目\u{2066}",
    "空 格 项目\t",
    "反斜杠\\项目%20",
    "零宽\u{200B}\u{FEFF}项目",
];

#[test]
fn hostile_names_give_valid_iris_and_exact_literals() {
    // A document whose text holds the names, extracted by hand (the recognisers would not
    // produce such names), merged like any other.
    let mut text = String::from("标题\n");
    let mut entities = Vec::new();
    for name in HOSTILE {
        let start = text.len();
        text.push_str(name);
        entities.push(Entity {
            kind: EntityKind::Project,
            name: (*name).to_owned(),
            aliases: BTreeSet::new(),
            detail: EntityDetail::None,
            mentions: vec![Span::new(start, text.len())],
        });
        text.push('。');
    }
    let official: LocalId = entities.len();
    entities.push(Entity {
        kind: EntityKind::Official,
        name: "张\"<}>三\n".to_owned(),
        aliases: BTreeSet::new(),
        detail: EntityDetail::None,
        mentions: vec![],
    });
    let relations = (0..HOSTILE.len())
        .map(|i| LocalRelation {
            kind: RelationKind::HoldsPost,
            head: End::Entity(official),
            tail: End::Entity(i),
            attrs: RelationAttrs {
                title: Some(format!("书记\"}}<>{i}\n")),
                ..Default::default()
            },
            rule: "hand-made",
            evidence: entities[i].mentions.clone(),
            source: RelationSource::Text,
        })
        .collect();
    let doc_id = "a b#<c>\"{d}\u{202E}";
    let extraction = Extraction {
        doc_id: doc_id.to_owned(),
        title: Some("标题\"}<>\n".to_owned()),
        source: None,
        date: Some("2023-02-30".to_owned()),
        entities,
        relations,
        ..Extraction::default()
    };
    let mut graph = KnowledgeGraph::new();
    graph.merge(extraction);
    let export = RdfExport::new(&graph).text(doc_id, &text);
    let quads = export.quads().unwrap();
    for q in &quads {
        for iri in [q.subject.to_string(), q.predicate.to_string(), q.graph_name.to_string()] {
            let iri = iri.trim_start_matches('<').trim_end_matches('>');
            NamedNode::new(iri).unwrap_or_else(|e| panic!("{iri:?}: {e}"));
            assert!(
                !iri.contains(['\u{202E}', '\u{200F}', '\u{2066}', '\u{200B}', '\u{FEFF}', ' ', '"', '{', '}', '\n']),
                "{iri:?}"
            );
        }
    }
    for format in [
        RdfFormat::NQuads,
        RdfFormat::TriG,
        RdfFormat::Turtle,
        RdfFormat::NTriples,
        RdfFormat::RdfXml,
        RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    ] {
        let bytes = export.write(format, Vec::new()).unwrap();
        let parsed: Vec<_> = RdfParser::from_format(format)
            .for_slice(&bytes)
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{format}: {e}"));
        let n = parsed.len();
        assert_eq!(
            n,
            if format.supports_datasets() {
                quads.len()
            } else {
                export.triples().unwrap().len()
            },
            "{format}"
        );
    }
    // Each name comes back exactly, as a value bound to a query (never spliced into it).
    let store = RdfStore::from_export(&export).unwrap();
    for name in HOSTILE {
        let q = SparqlQuery::parse("SELECT DISTINCT ?p ?g ?title ?text ?name WHERE { GRAPH ?g { ?p rdfs:label ?name . ?o ikg:post ?s . ?s ikg:postIn ?p ; ikg:title ?title ; ikg:evidence/ikg:text ?text } }")
            .unwrap()
            .bind("name", Literal::new_language_tagged_literal(*name, "zh").unwrap())
            .unwrap();
        let rows = store.select_query(&q).unwrap();
        assert_eq!(rows.len(), 1, "{name:?}");
        assert_eq!(rows.strings("text"), [*name]);
        assert_eq!(rows.strings("g"), [Iris::default().document(doc_id).unwrap().as_str()]);
        let id = &graph.node(graph.find(EntityKind::Project, name).unwrap()).id;
        let rest = id.strip_prefix("project:").unwrap();
        assert_eq!(
            rows.strings("p")[0],
            format!("https://w3id.org/ikg/id/project/{}", encode_segment(rest))
        );
    }
    // An invalid date stays a plain string.
    let rows = store.select("SELECT ?d WHERE { ?doc dcterms:date ?d }").unwrap();
    assert_eq!(literal(rows.get(0, "d")).datatype(), xsd::STRING);
}

#[test]
fn every_query_in_the_folder_runs_and_returns_rows() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/queries"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|f| f.extension().is_some_and(|e| e == "rq"));
    files.sort();
    assert!(files.len() >= 5);
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        if !text.starts_with('#') {
            failures.push(format!("{}: no header comment", f.display()));
        }
        match SEEDS.store.select(&text) {
            Ok(rows) if rows.is_empty() => failures.push(format!("{}: no rows", f.display())),
            Ok(_) => {}
            Err(e) => failures.push(format!("{}: {e}", f.display())),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

fn run_query_file(name: &str) -> interview_kg::Solutions {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("queries").join(name)).unwrap();
    SEEDS.store.select(&text).unwrap()
}

#[test]
fn the_folder_queries_answer_what_they_say() {
    let posts = run_query_file("posts.rq");
    let rows: Vec<(&str, &str, &str)> = posts
        .strings("official")
        .into_iter()
        .zip(posts.strings("title"))
        .zip(posts.strings("place"))
        .map(|((o, t), p)| (o, t, p))
        .collect();
    assert!(rows.contains(&("张杨彬", "市委书记", "英德市")), "{rows:?}");
    assert!(rows.contains(&("张国旺", "市委书记", "漳州市")), "{rows:?}");

    let projects = run_query_file("projects-above.rq");
    assert_eq!(projects.strings("project")[0], "古雷炼化一体化二期");
    assert_eq!(projects.len(), 5, "{projects:?}");

    let industries = run_query_file("industries-of-city.rq");
    assert!(industries.strings("industry").contains(&"鞋业"));
    assert!(industries.strings("place").iter().all(|p| *p == "英德市"));

    let mentions = run_query_file("mentions.rq");
    assert_eq!(
        mentions.strings("doc"),
        ["https://w3id.org/ikg/id/doc/002_75bb1cfe5a61d747"]
    );

    let totals = run_query_file("investment-by-city.rq");
    assert_eq!(totals.strings("city")[0], "漳州市");
    assert_eq!(totals.strings("total")[0], "200800000000");

    let evidence = run_query_file("evidence.rq");
    assert!(evidence.strings("text").iter().any(|t| t.contains("733亿元")));
}

#[test]
fn the_vocabulary_is_loaded_in_its_own_graph() {
    let rows = select(
        "SELECT DISTINCT ?l WHERE { GRAPH <https://w3id.org/ikg/ns> { ikg:holdsPost rdfs:label ?l } } ORDER BY ?l",
    );
    assert_eq!(rows.len(), 2, "a Chinese and an English label");
    // Every ikg: term the export uses is declared, with both labels and a comment.
    let undeclared = select(
        "SELECT DISTINCT ?t WHERE {
           { GRAPH ?g { ?s ?t ?o } } UNION { GRAPH ?g { ?s a ?t } }
           FILTER(?g != <https://w3id.org/ikg/ns> && STRSTARTS(STR(?t), STR(ikg:)))
           FILTER NOT EXISTS { GRAPH <https://w3id.org/ikg/ns> {
             ?t rdfs:label ?zh , ?en ; rdfs:comment ?c FILTER(lang(?zh) = 'zh' && lang(?en) = 'en') } }
         }",
    );
    assert!(undeclared.is_empty(), "{:?}", undeclared.strings("t"));
    assert!(VOCABULARY.contains("rdfs:domain") && VOCABULARY.contains("rdfs:range"));
}

/// The example binary cargo built next to this test (target/<profile>/examples/<name>).
fn example(name: &str) -> PathBuf {
    let mut dir = std::env::current_exe().unwrap();
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    let path = dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} not built; run `cargo test --features rdf` (which builds examples)",
        path.display()
    );
    path
}

const SEEDS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");

#[test]
fn sparql_example_prints_w3c_tsv() {
    let out = Command::new(example("sparql"))
        .args([
            "--query",
            "SELECT DISTINCT ?name WHERE { ?o a ikg:Official ; rdfs:label ?name } ORDER BY ?name",
            SEEDS_DIR,
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "?name");
    assert!(lines.contains(&"\"张杨彬\"@zh"), "{stdout}");

    let out = Command::new(example("sparql"))
        .args([
            "--results",
            "json",
            "--query-file",
            concat!(env!("CARGO_MANIFEST_DIR"), "/queries/posts.rq"),
            SEEDS_DIR,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!json["results"]["bindings"].as_array().unwrap().is_empty());
}

#[test]
fn sparql_example_reports_a_malformed_query_on_stderr() {
    let out = Command::new(example("sparql"))
        .args(["--query", "SELECT ?x WHERE { ?x ikg:p ", SEEDS_DIR])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(stderr.contains("error at 1:"), "the parser's message: {stderr}");
}

#[test]
fn sparql_example_names_a_bad_file_and_still_answers() {
    let dir = std::env::temp_dir().join(format!("ikg-rdf-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("good.txt"),
        "漳州市委书记张国旺表示,漳州将大力发展石油化工产业。",
    )
    .unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x00\x01\x02garbage\x00").unwrap();
    let out = Command::new(example("sparql"))
        .args(["--query", "ASK { ?o rdfs:label \"张国旺\"@zh }"])
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("binary.txt"), "{stderr}");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "true", "TSV boolean result");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(feature = "rocksdb")]
#[test]
fn on_disk_store_merges_persists_and_replaces() {
    let dir = std::env::temp_dir().join(format!("ikg-rocksdb-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let files = seed_files();
    let (first, second) = files.split_at(2);
    {
        let store = RdfStore::open(&dir).unwrap();
        let (graph, docs) = graph_of(first);
        store.add(&RdfExport::new(&graph).documents(&docs)).unwrap();
    }
    {
        // Reopened: what was added is there, the vocabulary once.
        let store = RdfStore::open(&dir).unwrap();
        let rows = store
            .select("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ikg:Document }")
            .unwrap();
        assert_eq!(literal(rows.get(0, "n")).value(), "2");
        let (graph, docs) = graph_of(second);
        store.add(&RdfExport::new(&graph).documents(&docs)).unwrap();
    }
    let store = RdfStore::open(&dir).unwrap();
    assert_eq!(
        sorted_nquads(&store),
        sorted_nquads(&SEEDS.store),
        "incremental on disk = one load in memory"
    );
    assert_union_is_maintained(&store);
    let rows = store
        .select("SELECT DISTINCT ?v WHERE { ?p rdfs:label \"古雷炼化一体化二期\"@zh ; ikg:hasInvestment/ikg:value ?v }")
        .unwrap();
    assert_eq!(rows.strings("v"), ["73300000000"]);

    // Re-adding a document replaces its graph.
    let id = "002_75bb1cfe5a61d747";
    let doc = Document::from_text(id, "肇庆市委书记范中杰表示,肇庆将大力发展新能源汽车产业。");
    store
        .add(&RdfExport::new(&EXTRACTOR.extract_all([&doc])).documents([&doc]))
        .unwrap();
    let rows = store
        .select("SELECT DISTINCT ?l WHERE { GRAPH <https://w3id.org/ikg/id/doc/002_75bb1cfe5a61d747> { ?o a ikg:Official ; rdfs:label ?l } }")
        .unwrap();
    assert_eq!(rows.strings("l"), ["范中杰"]);
    assert!(store
        .select("SELECT ?v WHERE { ?p rdfs:label \"古雷炼化一体化二期\"@zh }")
        .unwrap()
        .is_empty());
    assert_union_is_maintained(&store);
    drop(store);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(feature = "rocksdb")]
#[test]
fn sparql_example_grows_an_on_disk_store() {
    let dir = std::env::temp_dir().join(format!("ikg-rocksdb-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let files = seed_files();
    let count = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ikg:Document }";
    for (files, expected) in [(&files[..2], "2"), (&files[2..], "5"), (&files[..1], "5")] {
        let out = Command::new(example("sparql"))
            .arg("--store")
            .arg(&dir)
            .args(["--query", count])
            .args(files)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("needs the `rocksdb` feature"),
            "the sparql example was built without rocksdb (`cargo test --test rdf` does not rebuild examples): \
             run `cargo build --release --features rocksdb --example sparql` first"
        );
        assert!(out.status.success(), "{stderr}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("?n\n{expected}\n"));
    }
    let out = Command::new(example("sparql"))
        .arg("--store")
        .arg(&dir)
        .args(["--query", count])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "?n\n5\n",
        "queries an existing store without documents"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(not(feature = "rocksdb"))]
#[test]
fn sparql_example_names_the_feature_an_on_disk_store_needs() {
    let dir = std::env::temp_dir().join(format!("ikg-no-rocksdb-{}", std::process::id()));
    let out = Command::new(example("sparql"))
        .arg("--store")
        .arg(&dir)
        .args(["--query", "ASK {}"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(stderr.contains("`rocksdb` feature"), "{stderr}");
    assert!(!dir.exists(), "nothing created");
}

/// Named graph → how many quads it holds.
#[cfg(feature = "rocksdb")]
fn quads_per_graph(store: &RdfStore) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for q in store.oxigraph().iter() {
        let q = q.unwrap();
        if !q.graph_name.is_default_graph() {
            *counts.entry(q.graph_name.to_string()).or_default() += 1;
        }
    }
    counts
}

#[cfg(feature = "rocksdb")]
#[test]
fn a_load_killed_midway_keeps_whole_documents_and_a_rerun_completes_it() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let root = std::env::temp_dir().join(format!("ikg-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let (corpus, dir) = (root.join("corpus"), root.join("store"));
    std::fs::create_dir_all(&corpus).unwrap();
    // 200 documents: the seeds under 40 names each, so loading takes long enough to interrupt.
    for i in 0..40 {
        for seed in seed_files() {
            let name = format!("c{i:02}_{}", seed.file_name().unwrap().to_str().unwrap());
            std::fs::copy(&seed, corpus.join(name)).unwrap();
        }
    }
    let load = || {
        let mut cmd = Command::new(example("sparql"));
        cmd.arg("--store")
            .arg(&dir)
            .args(["-v", "--query", "ASK {}"])
            .arg(&corpus);
        cmd
    };
    let mut child = load().stderr(Stdio::piped()).stdout(Stdio::null()).spawn().unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let stored = lines
        .by_ref()
        .map_while(Result::ok)
        .filter(|l| l.starts_with("stored "))
        .take(20)
        .count();
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(stored, 20, "the example printed no progress: built without rocksdb?");
    assert!(
        status.code().is_none(),
        "the load finished before it was killed: {status}"
    );

    // The reference: the same documents loaded at once, in memory.
    let files: Vec<PathBuf> = {
        let mut f: Vec<PathBuf> = std::fs::read_dir(&corpus).unwrap().map(|e| e.unwrap().path()).collect();
        f.sort();
        f
    };
    let (graph, docs) = graph_of(&files);
    let reference = RdfStore::from_export(&RdfExport::new(&graph).documents(&docs)).unwrap();
    let want = quads_per_graph(&reference);
    {
        let store = RdfStore::open(&dir).unwrap();
        let have = quads_per_graph(&store);
        let documents = have.keys().filter(|g| g.contains("/doc/")).count();
        assert!((20..200).contains(&documents), "{documents} documents after the kill");
        for (g, n) in &have {
            assert_eq!(Some(n), want.get(g), "{g} is there in part");
        }
        assert_union_is_maintained(&store);
    }
    // Running the load again completes it, with nothing twice.
    let out = load().output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = RdfStore::open(&dir).unwrap();
    assert_eq!(sorted_nquads(&store), sorted_nquads(&reference));
    drop(store);
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn streamed_nquads_give_the_dataset_of_the_merged_export() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let run = |stream: bool| {
        let mut cmd = Command::new(example("extract"));
        cmd.args(["--format", "nquads", seeds]);
        if stream {
            cmd.arg("--stream");
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let (streamed, merged) = (run(true), run(false));
    // Each document's graph is written on its own, so the gazetteer's quads repeat: as sets,
    // the two are one dataset.
    let set = |s: &str| s.lines().map(str::to_owned).collect::<BTreeSet<String>>();
    assert!(streamed.lines().count() > set(&streamed).len());
    assert_eq!(set(&streamed), set(&merged));
    let parsed = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(streamed.as_bytes())
        .count();
    assert_eq!(parsed, streamed.lines().count());
}
