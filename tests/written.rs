//! Sets of interviews written for the project away from the seeds, each with a gold
//! annotation in the seeds' format (`tests/data/written/README.md`): a development set the
//! rules were tuned on, and held-out sets they were not. The bars sit a little under what
//! the crate reaches, so that a rule that helps one page and hurts many fails here.

use interview_kg::evaluate::{evaluate, Gold, Report};
use interview_kg::{export, Extractor};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn dir(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/written")
        .join(set)
}

/// Extracts the set's folder and scores it against its gold.
fn score(set: &str) -> Report {
    let extractor = Extractor::new();
    let results = extractor.extract_paths(&[dir(set)]);
    let (graph, errors) = extractor.graph_of(results);
    assert!(errors.is_empty(), "{errors:?}");
    let pred: serde_json::Value = serde_json::from_str(&export::json::to_string(&graph)).unwrap();
    let gold_text = std::fs::read_to_string(dir(set).with_extension("gold.json")).unwrap();
    let gold = Gold::from_str(&gold_text).unwrap();
    let texts: HashMap<String, Vec<u8>> = std::fs::read_dir(dir(set))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    evaluate(&gold, &pred, Some(&texts))
}

fn check(set: &str, entity_bar: f64, relation_bar: f64) {
    let report = score(set);
    let shown = report.render(true, false);
    assert!(
        report.entities_all.f1 >= entity_bar,
        "{set}: entity F1 below {entity_bar}\n{shown}"
    );
    assert!(
        report.relations_all.f1 >= relation_bar,
        "{set}: relation F1 below {relation_bar}\n{shown}"
    );
    assert!(report.forbidden_hits.is_empty(), "{set}: forbidden hits\n{shown}");
    assert_eq!(report.spans_bad, 0, "{set}: invalid spans\n{shown}");
}

/// One test per set, so that each reports on its own: `bar!(test_name, "set", entity F1, relation F1)`.
macro_rules! bar {
    ($(#[$doc:meta])* $name:ident, $set:literal, $entity:literal, $relation:literal) => {
        $(#[$doc])*
        #[test]
        fn $name() {
            check($set, $entity, $relation);
        }
    };
}

bar!(development_set_meets_its_bar, "dev", 0.94, 0.94);

bar!(
    /// Held out in stop 15, a development set since stop 16.
    held_out_set_meets_its_bar, "heldout", 0.93, 0.89
);

bar!(
    /// Held out in stop 16, a development set since stop 17 (its misses were read then).
    second_held_out_set_meets_its_bar, "heldout2", 0.94, 0.91
);

bar!(
    /// Written in stop 16 by a session that read neither the code nor `heldout2`. Its totals
    /// were seen during stops 16 to 18, its misses never read.
    third_held_out_set_meets_its_bar, "heldout3", 0.92, 0.89
);

bar!(
    /// Written in stop 17 by a session that read no code and no other written set; held out
    /// then, a development set since stop 18 (its misses were read then).
    fourth_held_out_set_meets_its_bar, "heldout4", 0.93, 0.93
);

bar!(
    /// Written in stop 18 by a session that read no code and no other written set. Scored at
    /// 4cb38d3, once mid-stop and at the stop's end; its misses never read: no decision used it.
    fifth_held_out_set_meets_its_bar, "heldout5", 0.87, 0.68
);

bar!(
    /// Written at the end of stop 18 by a session that read no code and no other written set,
    /// after that stop's rules: scored at 4cb38d3 and at the stop's last commit, its misses
    /// never read.
    sixth_held_out_set_meets_its_bar, "heldout6", 0.89, 0.82
);
