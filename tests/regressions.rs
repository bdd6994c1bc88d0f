//! Regressions of issue 5, each named after what it caught.
//!
//! Inputs that made a fuzz target fail are kept as files in `tests/fuzz_corpus/<target>/`,
//! in the fuzz target's own format (for `extract`: a first byte 0 for plain text or 1 for
//! HTML, then the file's bytes; any other first byte is part of a plain text), and replayed here through the same checks: each has a test of its own, and
//! [`every_kept_fuzz_input_passes`] replays every file there, so a new find only needs its
//! file. Pathological texts that were quadratic are replayed at 1 MB: the tests check that
//! they finish (the timings are in the fuzz crate's README, not asserted here).

use interview_kg::figures::{parse_amount, scan, FigureKind};
use interview_kg::{export, Document, EntityKind, Extractor, Span};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fn corpus(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_corpus")
        .join(target)
}

/// What the `extract` fuzz target checks, on its input format; returns the problems found.
fn check_extract_input(data: &[u8]) -> Vec<String> {
    let (is_html, bytes) = match data.split_first() {
        Some((0, rest)) => (false, rest),
        Some((1, rest)) => (true, rest),
        _ => (false, data),
    };
    let mut doc = Document::from_bytes("f", bytes)
        .unwrap_or_else(|_| Document::from_text("f", String::from_utf8_lossy(bytes).into_owned()));
    doc.is_html = is_html;
    check_document(&doc)
}

/// Every mention and evidence span of the document's extraction slices its text, mentions
/// hold a name, an alias or (amounts) the value, and the JSON is the same twice.
fn check_document(doc: &Document) -> Vec<String> {
    let text = doc.text.as_str();
    let graph = EXTRACTOR.extract_all([doc]);
    let mut problems = Vec::new();
    for node in graph.petgraph().node_weights() {
        if node.kind == EntityKind::Document {
            continue;
        }
        for m in &node.mentions {
            let Some(piece) = text.get(m.span.range()).filter(|p| !p.is_empty()) else {
                problems.push(format!("mention {} of {:?} is not a slice", m.span, node.name));
                continue;
            };
            let ok = match node.amount() {
                Some(a) => parse_amount(piece).is_some_and(|p| p.value == a.value && p.unit == a.unit),
                None => piece == node.name || node.aliases.contains(piece),
            };
            if !ok {
                problems.push(format!(
                    "{piece:?} at {} does not name {:?} {:?}",
                    m.span, node.kind, node.name
                ));
            }
        }
    }
    for (_, edge, _) in graph.edges() {
        for ev in &edge.evidence {
            if text.get(ev.span.range()).is_none_or(str::is_empty) {
                problems.push(format!("evidence {} of {:?} is not a slice", ev.span, edge.kind));
            }
        }
    }
    let json = export::json::to_string(&graph);
    if serde_json::from_str::<serde_json::Value>(&json).is_err() {
        problems.push("the JSON does not parse".into());
    }
    if json != export::json::to_string(&EXTRACTOR.extract_all([doc])) {
        problems.push("two runs differ".into());
    }
    problems
}

fn replay(target: &str, name: &str) {
    let path = corpus(target).join(name);
    let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let problems = match target {
        "extract" => check_extract_input(&data),
        other => panic!("no replay for the fuzz target {other}"),
    };
    assert!(problems.is_empty(), "{}:\n{}", path.display(), problems.join("\n"));
}

#[test]
fn every_kept_fuzz_input_passes() {
    let mut failures = Vec::new();
    let mut n = 0;
    for target in ["extract"] {
        let Ok(entries) = std::fs::read_dir(corpus(target)) else {
            continue;
        };
        for e in entries {
            let path = e.unwrap().path();
            n += 1;
            let problems = check_extract_input(&std::fs::read(&path).unwrap());
            if !problems.is_empty() {
                failures.push(format!("{}:\n  {}", path.display(), problems.join("\n  ")));
            }
        }
    }
    assert!(n > 0, "no kept fuzz inputs found");
    assert!(
        failures.is_empty(),
        "{} of {n} kept inputs fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// fuzz (extract): the project name was trimmed of U+2001 but its span was not, so the
/// mention sliced out "串��\u{2001}" for the project "串��" (src/recognise/project.rs).
#[test]
fn project_name_with_trailing_white_space() {
    replay("extract", "project-name-with-trailing-white-space");
    // The same, written plainly, with other white space.
    for space in ['\u{2001}', '\u{3000}', '\u{a0}'] {
        let doc = Document::from_text("w", format!("总投资733亿元的古雷炼化一体化二期{space}投资"));
        let problems = check_document(&doc);
        assert!(problems.is_empty(), "{space:?}: {problems:?}");
    }
}

/// A text of `n` bytes or a little more, made of `piece` repeated.
fn repeat_to(piece: &str, n: usize) -> String {
    piece.repeat(n / piece.len() + 1)
}

/// 1 MB in release builds (what CI runs); 64 KB in debug builds, which are some twenty times
/// slower, and where 64 KB was still enough for the quadratic cases to take seconds.
const BIG: usize = if cfg!(debug_assertions) { 64 << 10 } else { 1 << 20 };

fn extract_finishes(text: String, is_html: bool) {
    let mut doc = Document::from_text("big", text);
    doc.is_html = is_html;
    let graph = EXTRACTOR.extract_all([&doc]);
    // Every span still slices the text.
    for node in graph.petgraph().node_weights() {
        assert!(node.mentions.iter().all(|m| doc.text.get(m.span.range()).is_some()));
    }
}

/// Quadratic: every clause and sentence reached to the ends of a line without punctuation,
/// and the industry and project recognisers take the clause of every 产业 and 项目 (256 KB:
/// 16 s). Now bounded to 500 characters each side (src/recognise/text.rs).
#[test]
fn a_megabyte_of_heads_without_punctuation_finishes() {
    for piece in ["产业", "项目", "石油化工、", "GDP增长6.5%，"] {
        extract_finishes(repeat_to(piece, BIG), false);
    }
}

/// Quadratic: each unclosed `<script` or `<!--` made the HTML tag pattern read to the end
/// of the page, in the regex crate's slow engines (64 KB: 4-8 s; src/clean.rs).
#[test]
fn a_megabyte_of_unclosed_html_finishes() {
    for piece in ["<script>漳州 <p>", "<!-- 漳州 <a>", "<style>a</scrip", "<a"] {
        extract_finishes(repeat_to(piece, BIG), true);
    }
}

/// Quadratic: is_redacted scanned every redaction for every candidate (src/clean.rs).
#[test]
fn a_megabyte_of_redactions_finishes() {
    extract_finishes(repeat_to("×亿元，增长5%，", BIG), false);
    extract_finishes(repeat_to("×区", BIG), false);
}

/// Runs that were always linear, kept so that they stay so: digits, 、, titles.
#[test]
fn a_megabyte_of_digits_enumeration_marks_or_titles_finishes() {
    for piece in ["9", "、", "书记", "０", "一", "×"] {
        extract_finishes(repeat_to(piece, BIG), false);
    }
}

/// A figure may not outgrow a Decimal (28 digits), whatever its length or multipliers.
#[test]
fn figures_longer_than_a_decimal_are_skipped() {
    let text = "9".repeat(100_000) + "万亿元，" + &"１".repeat(29) + "亿元";
    assert!(scan(&text, Span::new(0, text.len())).is_empty());
    let text = "９９９９９９９９９９万亿元";
    let figures = scan(text, Span::new(0, text.len()));
    let FigureKind::Amount(a) = &figures[0].kind else {
        panic!("{figures:?}")
    };
    assert_eq!(a.value.to_string(), "9999999999000000000000");
}
