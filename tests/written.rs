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

/// `forbidden`: how many forbidden items (furniture the gold names so that it is not
/// extracted) a held-out set's output may still hold; development sets hold none.
fn check(set: &str, entity_bar: f64, relation_bar: f64, forbidden: usize) {
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
    assert!(
        report.forbidden_hits.len() <= forbidden,
        "{set}: more than {forbidden} forbidden hits\n{shown}"
    );
    assert_eq!(report.spans_bad, 0, "{set}: invalid spans\n{shown}");
}

/// One test per set, so that each reports on its own: `bar!(test_name, "set", entity F1,
/// relation F1)`, and `forbidden = N` for a held-out set that still has N forbidden hits.
macro_rules! bar {
    ($(#[$doc:meta])* $name:ident, $set:literal, $entity:literal, $relation:literal) => {
        bar!($(#[$doc])* $name, $set, $entity, $relation, forbidden = 0);
    };
    ($(#[$doc:meta])* $name:ident, $set:literal, $entity:literal, $relation:literal, forbidden = $forbidden:literal) => {
        $(#[$doc])*
        #[test]
        fn $name() {
            check($set, $entity, $relation, $forbidden);
        }
    };
}

bar!(development_set_meets_its_bar, "dev", 0.94, 0.94);

bar!(
    /// Held out in stop 15, a development set since stop 16.
    held_out_set_meets_its_bar, "heldout", 0.94, 0.94
);

bar!(
    /// Held out in stop 16, a development set since stop 17 (its misses were read then).
    second_held_out_set_meets_its_bar, "heldout2", 0.95, 0.94
);

bar!(
    /// Written in stop 16 by a session that read neither the code nor `heldout2`. Its totals
    /// were seen during stops 16 to 20, its misses never read.
    third_held_out_set_meets_its_bar, "heldout3", 0.93, 0.91
);

bar!(
    /// Written in stop 17 by a session that read no code and no other written set; held out
    /// then, a development set since stop 18 (its misses were read then).
    fourth_held_out_set_meets_its_bar, "heldout4", 0.93, 0.93
);

bar!(
    /// Written in stop 18 by a session that read no code and no other written set; held out
    /// then, a development set since stop 19 (its misses were read then).
    fifth_held_out_set_meets_its_bar, "heldout5", 0.93, 0.93
);

bar!(
    /// Written at the end of stop 18 by a session that read no code and no other written set,
    /// after that stop's rules; held out then, a development set since late in stop 19 (its
    /// misses were read then).
    sixth_held_out_set_meets_its_bar, "heldout6", 0.93, 0.93
);

bar!(
    /// Written during stop 19 by a session that read no code and no other written set, while
    /// that stop's rules were being written from `heldout5`; held out then, a development set
    /// since stop 20 (its misses were read then).
    seventh_held_out_set_meets_its_bar, "heldout7", 0.92, 0.86
);

bar!(
    /// Written late in stop 19 by a session that read no code and no other written set, and
    /// that reported only its file names and totals; held out through stop 20, a development
    /// set since stop 21 (its misses were read then).
    eighth_held_out_set_meets_its_bar, "heldout8", 0.94, 0.93
);

bar!(
    /// Written early in stop 20 by a session that read no code and no other written set, and
    /// that reported only its file names and totals; held out through stop 20, a development
    /// set since stop 21 (its misses were read then, and its two forbidden hits are gone).
    ninth_held_out_set_meets_its_bar, "heldout9", 0.93, 0.89
);

bar!(
    /// Written early in stop 21 by a session that read no code and no other written set, and
    /// that reported only its file names and totals: scored by totals only, its misses never
    /// read.
    tenth_held_out_set_meets_its_bar, "heldout10", 0.91, 0.85
);
