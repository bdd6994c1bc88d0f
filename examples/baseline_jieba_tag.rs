//! The off-the-shelf baseline for accuracy: jieba-rs's part-of-speech tagger (the same model
//! as Python jieba's `posseg`), its person, place and organisation tags taken as entities.
//!
//! ```text
//! cargo run --release --example baseline_jieba_tag -- seeds > baseline.json
//! cargo run --release --example evaluate -- --gold tests/data/seeds.gold.json --pred baseline.json --docs seeds
//! ```
//!
//! Words tagged `nr` become officials (the people of these interviews are officials), `ns`
//! places, `nt` organisations, each with its mentions; the tagger finds no industries,
//! projects, amounts or relations. The output is the JSON graph format of the `extract`
//! example, so the same scorer reads both. It runs on the cleaned body, as the library does,
//! to compare recognition and not cleaning.

use clap::Parser;
use interview_kg::{clean, load, Extractor};
use jieba_rs::Jieba;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(about = "Entities from jieba-rs's POS tags (nr, ns, nt), in the JSON graph format")]
struct Args {
    /// Files or folders of interviews.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let jieba = Jieba::new();
    // The extractor only loads the files, so both read exactly the same text.
    let extractor = Extractor::new();
    let mut documents = Vec::new();
    // (kind, name) → mentions
    let mut entities: BTreeMap<(&str, String), Vec<Value>> = BTreeMap::new();
    let mut failed = false;
    for file in load::collect_files(&args.paths) {
        let doc = match file.and_then(|f| extractor.load(&f)) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("skipped: {e}");
                failed = true;
                continue;
            }
        };
        documents.push(json!({ "id": doc.id }));
        let body = clean::find_body(&doc.text, doc.is_html);
        for span in &body.spans {
            let line = &doc.text[span.range()];
            let mut at = span.start;
            for tag in jieba.tag(line, true) {
                let (start, end) = (at, at + tag.word.len());
                at = end;
                let kind = match tag.tag {
                    "nr" => "Official",
                    "ns" => "Place",
                    "nt" => "Organization",
                    _ => continue,
                };
                entities
                    .entry((kind, tag.word.to_owned()))
                    .or_default()
                    .push(json!({ "doc": doc.id, "start": start, "end": end }));
            }
        }
    }
    let entities: Vec<Value> = entities
        .into_iter()
        .map(|((kind, name), mentions)| {
            json!({
                "id": format!("{}:{name}", kind.to_lowercase()),
                "kind": kind,
                "name": name,
                "aliases": [],
                "attributes": {},
                "mentions": mentions,
            })
        })
        .collect();
    let graph = json!({ "documents": documents, "entities": entities, "relations": [] });
    println!("{}", serde_json::to_string_pretty(&graph).expect("JSON serialises"));
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
