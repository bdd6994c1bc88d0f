//! The `extract` example's `--format`: RDF formats with the `rdf` feature (written by
//! oxigraph, parsed back here), a clear error naming the feature without it.

use std::path::PathBuf;
use std::process::Command;

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
        "{} not built; run `cargo test` (which builds examples)",
        path.display()
    );
    path
}

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");

#[cfg(not(feature = "rdf"))]
#[test]
fn rdf_formats_name_the_feature_they_need() {
    for format in ["turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld"] {
        let out = Command::new(example("extract"))
            .args(["--format", format, SEEDS])
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}: {stderr}");
        assert!(out.stdout.is_empty(), "{format}");
        assert!(
            stderr.contains("`rdf` feature") && stderr.contains("--features rdf"),
            "{format}: {stderr}"
        );
    }
}

#[cfg(feature = "rdf")]
#[test]
fn every_rdf_format_parses_back() {
    use interview_kg::oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
    let formats = [
        ("turtle", RdfFormat::Turtle),
        ("ntriples", RdfFormat::NTriples),
        ("nquads", RdfFormat::NQuads),
        ("trig", RdfFormat::TriG),
        ("rdfxml", RdfFormat::RdfXml),
        (
            "jsonld",
            RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        ),
    ];
    let mut counts = Vec::new();
    for (name, format) in formats {
        let out = Command::new(example("extract"))
            .args(["--format", name, SEEDS])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(
            out.stderr.is_empty(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let quads: Vec<_> = RdfParser::from_format(format)
            .for_slice(&out.stdout)
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        // Evidence text is there: the export was given the documents' texts.
        assert!(
            quads
                .iter()
                .any(|q| q.predicate.as_str() == "https://w3id.org/ikg/ns#text"),
            "{name}"
        );
        counts.push((name, format.supports_datasets(), quads.len()));
    }
    // Formats of one kind agree on the number of statements.
    for kind in [true, false] {
        let n: Vec<usize> = counts.iter().filter(|c| c.1 == kind).map(|c| c.2).collect();
        assert!(n.windows(2).all(|w| w[0] == w[1]), "{counts:?}");
    }
    // Graph names only where the format has them.
    let out = Command::new(example("extract"))
        .args(["--format", "nquads", SEEDS])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.ends_with("> .")));
    assert!(text.contains(" <https://w3id.org/ikg/id/doc/002_75bb1cfe5a61d747> .\n"));
}

#[cfg(feature = "rdf")]
#[test]
fn a_custom_base_is_used_and_a_bad_one_refused() {
    let out = Command::new(example("extract"))
        .args(["--format", "ntriples", "--base", "https://example.org/kg/", SEEDS])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("<https://example.org/kg/place/441881>"));
    assert!(!text.contains("https://w3id.org/ikg/id/"));

    let out = Command::new(example("extract"))
        .args(["--format", "turtle", "--base", "no base", SEEDS])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no base"));
}

#[cfg(feature = "rdf")]
#[test]
fn a_closed_pipe_is_no_error() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(example("extract"))
        .args(["--format", "ntriples", SEEDS])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
