//! Hostile input, one kind per test (issue 5): every broken file is a clear error that names
//! the file, where the problem is, and what to do; nothing panics, hangs or reads without
//! bound; one bad file never stops the others; names from the text stay data in the exports.
//!
//! Fixtures are generated at test time, each test in its own temporary folder. Unreadable
//! files (`chmod 000`) cannot be made for root, who reads them anyway: `tests/cli.rs` covers
//! them by running the `extract` binary as an unprivileged user when the tests run as root.

use interview_kg::lexicon::Category;
use interview_kg::load::{collect_files, DecodeProblem};
use interview_kg::{export, Document, EntityKind, Error, Extractor};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/002_75bb1cfe5a61d747.txt");
const SENTENCE: &str = "漳州市委书记张国旺表示,漳州将推进总投资733亿元的古雷炼化一体化二期,大力发展石油化工产业。\n";

/// A fresh folder under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("ikg-hostile-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn load(path: &Path) -> Result<Document, Error> {
    EXTRACTOR.load(path)
}

/// The message of an error, with the folder of the test replaced by `DIR`.
fn message(e: &Error, dir: &TempDir) -> String {
    e.to_string().replace(&dir.0.display().to_string(), "DIR")
}

fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for u in bom
        .then_some('\u{feff}')
        .into_iter()
        .collect::<String>()
        .encode_utf16()
        .chain(text.encode_utf16())
    {
        out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

#[test]
fn empty_and_white_space_files_are_named_as_empty() {
    let dir = TempDir::new("empty");
    for (name, bytes) in [("zero.txt", &b""[..]), ("blank.txt", b" \n\t\r\n ")] {
        let path = dir.write(name, bytes);
        let e = load(&path).unwrap_err();
        assert!(matches!(e, Error::Empty { .. }), "{e:?}");
        assert_eq!(
            message(&e, &dir),
            format!("DIR/{name}: the file is empty (no text, or only white space); check that it was saved or downloaded completely")
        );
    }
    // A UTF-16 BOM and nothing else is empty too.
    assert_eq!(Document::from_bytes("bom", &[0xFF, 0xFE]), Err(DecodeProblem::Empty));
}

#[test]
fn binary_files_name_the_first_nul_byte_and_its_line() {
    let dir = TempDir::new("binary");
    let png = dir.write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let e = load(&png).unwrap_err();
    assert_eq!(
        message(&e, &dir),
        "DIR/image.txt: not a text file: a NUL byte at byte 8 (line 3); if the file is text, remove its NUL bytes (tr -d '\\000'); give interviews as UTF-8, GB18030 or UTF-16 text"
    );
    // One NUL in the middle of an interview: the whole file is refused, and the place named.
    let mut bytes = SENTENCE.repeat(3).into_bytes();
    let at = SENTENCE.len() + 9;
    bytes[at] = 0;
    let e = load(&dir.write("nul.txt", &bytes)).unwrap_err();
    assert!(
        message(&e, &dir).contains(&format!("a NUL byte at byte {at} (line 2)")),
        "{e}"
    );
    // Control characters without NUL.
    let ctl: Vec<u8> = (1u8..9).cycle().take(200).chain(SENTENCE.bytes()).collect();
    let e = load(&dir.write("control.txt", ctl)).unwrap_err();
    assert!(
        matches!(&e, Error::Binary { reason, .. } if reason.contains("control characters, the first on line 1")),
        "{e}"
    );
}

#[test]
fn broken_utf8_in_the_middle_is_decoded_and_placed() {
    let dir = TempDir::new("broken-utf8");
    let text = std::fs::read_to_string(SEED).unwrap();
    let mut bytes = text.clone().into_bytes();
    // Cut a character in the middle of the file: its lead byte becomes 0xFF.
    let at = text.find("古雷炼化").unwrap();
    bytes[at] = 0xFF;
    let path = dir.write("cut.txt", &bytes);
    let doc = load(&path).unwrap();
    assert_eq!(doc.encoding, "UTF-8");
    assert_eq!(doc.decode_errors, [at, at + 1, at + 2]);
    assert!(doc
        .text
        .contains("总投资733亿元的\u{fffd}\u{fffd}\u{fffd}雷炼化一体化二期"));
    // Everything else is the original text.
    assert_eq!(doc.text.replace('\u{fffd}', ""), text.replacen('古', "", 1));
    let line = text[..at].matches('\n').count() + 1;
    let warning = doc.decode_warning(&path).unwrap();
    assert!(warning.is_partial());
    assert_eq!(
        message(&warning, &dir),
        format!("DIR/cut.txt: 3 sequences could not be decoded as UTF-8, the first at byte {at} (line {line}); they read as U+FFFD and the rest was kept; re-save the file in one encoding (UTF-8) to recover them")
    );
    // The rest is extracted as before.
    let graph = EXTRACTOR.extract_all([&doc]);
    assert!(graph.find(EntityKind::Official, "张国旺").is_some());
    assert!(graph.find(EntityKind::Project, "中沙乙烯").is_some());
    // A clean file has no warning.
    assert!(load(Path::new(SEED)).unwrap().decode_warning(Path::new(SEED)).is_none());
}

#[test]
fn legacy_encodings_decode_to_the_same_text() {
    let text = std::fs::read_to_string(SEED).unwrap() + "生僻字𠀀与欧元€。\n";
    // GB18030, including its four-byte sequences (𠀀), and GBK.
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let doc = Document::from_bytes("gb", &gb).unwrap();
    assert_eq!(doc.text, text);
    assert!(doc.decode_errors.is_empty());
    // A file that is mostly ASCII with a few GBK characters is GBK, not broken UTF-8.
    let mixed = "Xinhua, 2023-04-26. ".repeat(40) + "漳州。";
    let (gbk, _, _) = encoding_rs::GBK.encode(&mixed);
    let doc = Document::from_bytes("gbk", &gbk).unwrap();
    assert_eq!((doc.text.as_str(), doc.decode_errors.len()), (mixed.as_str(), 0));
}

#[test]
fn utf16_is_read_with_or_without_a_bom() {
    let text = std::fs::read_to_string(SEED).unwrap();
    for (le, bom, name) in [
        (true, true, "UTF-16LE"),
        (false, true, "UTF-16BE"),
        (true, false, "UTF-16LE"),
        (false, false, "UTF-16BE"),
    ] {
        let doc = Document::from_bytes("u", &utf16(&text, le, bom)).unwrap();
        assert_eq!((doc.encoding, doc.decode_errors.len()), (name, 0), "le {le} bom {bom}");
        // A BOM is consumed by UTF-16 decoding: offsets are into the decoded text.
        assert_eq!(doc.text, text, "le {le} bom {bom}");
    }
    // Plain ASCII in UTF-16 without a BOM (its NUL bytes are no sign of binary content).
    let doc = Document::from_bytes("a", &utf16("Interview with the mayor\n", true, false)).unwrap();
    assert_eq!(doc.text, "Interview with the mayor\n");
    // A truncated file: the dangling last byte is placed.
    let mut cut = utf16(SENTENCE, true, true);
    cut.push(0x41);
    let doc = Document::from_bytes("cut", &cut).unwrap();
    assert_eq!(doc.decode_errors, [cut.len() - 1]);
    assert_eq!(doc.text, format!("{SENTENCE}\u{fffd}"));
}

#[test]
fn a_50_mb_line_is_refused_before_it_is_read() {
    let dir = TempDir::new("huge");
    // Sparse: 50 MB that take no disk space, refused on the size alone.
    let path = dir.0.join("line.txt");
    std::fs::File::create(&path).unwrap().set_len(50 << 20).unwrap();
    let e = load(&path).unwrap_err();
    assert!(
        matches!(e, Error::TooLarge { size, limit, .. } if size == 50 << 20 && limit == 16 << 20),
        "{e:?}"
    );
    assert_eq!(
        message(&e, &dir),
        "DIR/line.txt: 52428800 bytes is over the limit of 16777216 bytes per document; split the file, or raise the limit with ExtractorBuilder::max_document_bytes"
    );
    // A long line within the limit is read and extracted: 2 MB of the seed with no newline.
    let one_line = std::fs::read_to_string(SEED).unwrap().replace('\n', " ");
    let mut long = String::new();
    while long.len() < 2 << 20 {
        long.push_str(&one_line);
    }
    let graph = EXTRACTOR.extract_all([&Document::from_text("long", long)]);
    assert!(graph.find(EntityKind::Official, "张国旺").is_some());
}

#[test]
fn the_size_limit_is_exact() {
    let dir = TempDir::new("limit");
    let small = Extractor::builder().max_document_bytes(100).build();
    let text = "漳".repeat(33); // 99 bytes
    assert!(small.load(&dir.write("99.txt", &text)).is_ok());
    assert!(small.load(&dir.write("100.txt", text.clone() + "\n")).is_ok());
    let e = small.load(&dir.write("101.txt", text + "\n\n")).unwrap_err();
    assert!(
        matches!(
            e,
            Error::TooLarge {
                size: 101,
                limit: 100,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn enormous_numbers_are_exact_or_skipped() {
    let text = "漳州将推进总投资９９９９９９９９９９万亿元的古雷炼化一体化二期。\n\
                另有99999999999999999999999999999999亿元和1.00000000000000000000000000001万亿元。\n"
        .to_owned()
        + &"9".repeat(10_000)
        + "亿元。\n";
    let graph = EXTRACTOR.extract_all([&Document::from_text("big", text)]);
    let json: serde_json::Value = serde_json::from_str(&export::json::to_string(&graph)).unwrap();
    let amounts: Vec<&serde_json::Value> = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "Amount")
        .collect();
    // Only the one that fits a Decimal: 9 999 999 999 × 10^12.
    assert_eq!(amounts.len(), 1, "{amounts:?}");
    assert_eq!(amounts[0]["name"], "９９９９９９９９９９万亿元");
    assert_eq!(amounts[0]["attributes"]["value"].as_f64(), Some(9.999999999e21));
}

#[test]
fn deeply_nested_folders_are_walked() {
    let dir = TempDir::new("deep");
    let mut deep = dir.0.clone();
    for _ in 0..1_000 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("bottom.txt"), SENTENCE).unwrap();
    dir.write("top.txt", SENTENCE);
    let files: Vec<PathBuf> = collect_files(&[&dir.0]).into_iter().map(Result::unwrap).collect();
    // Sorted: d/… before top.txt.
    assert_eq!(files, [deep.join("bottom.txt"), dir.0.join("top.txt")]);
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_end_and_broken_links_are_named() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("links");
    dir.write("a/one.txt", SENTENCE);
    symlink(dir.0.join("a"), dir.0.join("a/back")).unwrap(); // a loop through an ancestor
    symlink(dir.0.join("a"), dir.0.join("twin")).unwrap(); // the same folder twice
    symlink(dir.0.join("self.txt"), dir.0.join("self.txt")).unwrap(); // a link to itself
    symlink(dir.0.join("gone.txt"), dir.0.join("dangling.txt")).unwrap();
    let found = collect_files(&[&dir.0]);
    let ok: Vec<&PathBuf> = found.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(ok, [&dir.0.join("a/one.txt")], "{found:?}");
    let errors: Vec<String> = found
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|e| message(e, &dir))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(
        errors[0],
        "DIR/dangling.txt: broken symbolic link to DIR/gone.txt; fix or remove the link"
    );
    assert!(errors[1].starts_with("DIR/self.txt: cannot read: "), "{}", errors[1]);
    #[cfg(target_os = "linux")]
    assert!(
        errors[1].ends_with("symbolic links loop back on themselves: fix or remove the link"),
        "{}",
        errors[1]
    );
}

#[test]
fn a_folder_given_as_a_file_and_a_file_as_a_folder() {
    let dir = TempDir::new("kinds");
    let file = dir.write("good.txt", SENTENCE);
    let e = load(&dir.0).unwrap_err();
    assert_eq!(
        message(&e, &dir),
        "DIR: is a folder, not a file; give the folder to Extractor::extract_paths (or to the extract command), which reads the files in it"
    );
    for given in [dir.0.join("good.txt/"), dir.0.join("good.txt/inside.txt")] {
        let shown = given.display().to_string().replace(&dir.0.display().to_string(), "DIR");
        let want = format!("{shown}: DIR/good.txt is a file, not a folder; give the file itself");
        let listed = collect_files(&[&given]);
        assert_eq!(message(listed[0].as_ref().unwrap_err(), &dir), want);
        assert_eq!(message(&load(&given).unwrap_err(), &dir), want);
    }
    let missing = dir.0.join("missing.txt");
    assert_eq!(
        message(&load(&missing).unwrap_err(), &dir),
        "DIR/missing.txt: no such file or folder; check the path"
    );
    assert!(load(&file).is_ok());
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_without_being_opened() {
    let dir = TempDir::new("special");
    // /dev/zero never ends: reading it would exhaust memory.
    let e = load(Path::new("/dev/zero")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "/dev/zero: is a character device, not a regular file; copy its content into a file and give that"
    );
    // A named pipe with no writer: opening it would block forever.
    let fifo = dir.0.join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success());
    if made.is_err() {
        eprintln!("mkfifo is not installed: the named-pipe case is skipped");
        return;
    }
    assert!(made.unwrap(), "mkfifo failed");
    dir.write("good.txt", SENTENCE);
    let (tx, rx) = std::sync::mpsc::channel();
    let root = dir.0.clone();
    std::thread::spawn(move || {
        let results = EXTRACTOR.extract_paths(&[root]);
        let _ = tx.send(
            results
                .into_iter()
                .map(|(p, r)| (p, r.err().map(|e| e.to_string())))
                .collect::<Vec<_>>(),
        );
    });
    let results = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("extract_paths hung on a named pipe");
    assert_eq!(results.len(), 2);
    assert_eq!(results[0].1, None);
    assert_eq!(results[1].0, fifo);
    let e = results[1]
        .1
        .as_deref()
        .unwrap()
        .replace(&dir.0.display().to_string(), "DIR");
    assert_eq!(
        e,
        "DIR/pipe.txt: is a named pipe, not a regular file; copy its content into a file and give that"
    );
}

#[test]
fn hidden_entries_are_skipped() {
    let dir = TempDir::new("hidden");
    dir.write(".git/HEAD", "ref: refs/heads/main\n");
    dir.write(".draft.txt", SENTENCE);
    dir.write("README", SENTENCE);
    let files: Vec<PathBuf> = collect_files(&[&dir.0]).into_iter().map(Result::unwrap).collect();
    assert_eq!(files, [dir.0.join("README")]);
    // Given explicitly, a hidden file is taken.
    assert!(collect_files(&[dir.0.join(".draft.txt")])[0].is_ok());
}

#[test]
fn one_bad_file_never_stops_the_others() {
    let dir = TempDir::new("corpus");
    let seed = std::fs::read_to_string(SEED).unwrap();
    let (gb, _, _) = encoding_rs::GB18030.encode(&seed);
    let mut cut = seed.clone().into_bytes();
    cut[100] = 0xFF;
    let good = [
        dir.write("a_utf8.txt", &seed),
        dir.write("b_gb18030.txt", &gb),
        dir.write("c_utf16.txt", utf16(&seed, true, true)),
        dir.write("d_cut.txt", &cut),
        dir.write(
            "sub/e_html.html",
            format!("<html><script>var x = '<p>';</script><p>{SENTENCE}</p>"),
        ),
    ];
    let bad = [
        dir.write("f_empty.txt", ""),
        dir.write("g_binary.txt", b"\x00\x01\x02garbage"),
        dir.write("h_control.txt", [7u8; 64]),
    ];
    let big = dir.0.join("i_big.txt");
    std::fs::File::create(&big).unwrap().set_len(17 << 20).unwrap();
    let results = EXTRACTOR.extract_paths(&[&dir.0]);
    let paths: Vec<&PathBuf> = results.iter().map(|(p, _)| p).collect();
    let mut want: Vec<&PathBuf> = good.iter().chain(&bad).chain([&big]).collect();
    want.sort();
    assert_eq!(paths, want);
    for (path, r) in &results {
        let is_good = good.contains(path);
        assert_eq!(r.is_ok(), is_good, "{}: {:?}", path.display(), r.as_ref().err());
        if let Err(e) = r {
            assert_eq!(e.path(), Some(path.as_path()), "{e}");
        }
    }
    let (graph, errors) = EXTRACTOR.graph_of(results);
    // Four files skipped, and one warning: the cut file was merged, with the character whose
    // middle byte was overwritten (bytes 99..102) named.
    let (warnings, skipped): (Vec<&Error>, Vec<&Error>) = errors.iter().partition(|e| e.is_partial());
    assert_eq!(skipped.len(), 4, "{skipped:?}");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].path(), Some(dir.0.join("d_cut.txt").as_path()));
    assert!(
        warnings[0].to_string().contains("the first at byte 99 (line 1)"),
        "{}",
        warnings[0]
    );
    let ids: Vec<&str> = graph.documents().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a_utf8", "b_gb18030", "c_utf16", "d_cut", "e_html"]);
}

/// Names that try to break out of a JSON string, a DOT string, an IRI or a terminal line.
const HOSTILE: &[&str] = &[
    "\"},{\"id\":\"x",
    "</script><script>alert(1)</script>",
    "a}b{c",
    "line\nbreak\r\n",
    "#fragment",
    "\u{202e}evil\u{202c}\u{2066}x\u{2069}\u{200f}",
    "back\\slash\\\"",
    "nul\u{0}byte",
    "<http://example.org/> .",
];

#[test]
fn hostile_names_stay_data_in_json() {
    let extractor = Extractor::builder()
        .word(Category::Organization, "“}<b>#\u{202e}日报", &[])
        .build();
    for (i, name) in HOSTILE.iter().enumerate() {
        // As the document id (a file name), in the headline, and as an organisation.
        let headline = format!("专访{}", name.replace(['\n', '\r', '>'], ""));
        let text = format!("{headline}\n来源:“}}<b>#\u{202e}日报\n{SENTENCE}");
        let doc = Document::from_text(*name, text);
        let graph = extractor.extract_all([&doc]);
        let out = export::json::to_string(&graph);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("case {i}: {e}\n{out}"));
        assert_eq!(json["documents"][0]["id"], *name, "case {i}");
        assert_eq!(json["documents"][0]["title"], headline.as_str(), "case {i}");
        // Every mention still slices the text to the entity's name or an alias.
        for e in json["entities"].as_array().unwrap() {
            for m in e["mentions"].as_array().unwrap() {
                assert_eq!(m["doc"], *name);
                let (s, t) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                assert!(doc.text.get(s..t).is_some(), "case {i}: {m}");
            }
        }
        // Nothing but the escaped forms reaches the output.
        assert!(!out.contains('\u{0}') && !out.contains("\"},{\"id\":\"x\""), "case {i}");
    }
}

#[test]
fn hostile_names_stay_inside_dot_strings() {
    for (i, name) in HOSTILE.iter().enumerate() {
        let doc = Document::from_text(*name, SENTENCE);
        let dot = export::dot::to_string(&EXTRACTOR.extract_all([&doc]));
        // Tokenise the DOT: strings must close on the line they open, and the document's
        // name must come out of one of them whole (less the control characters DOT drops).
        let mut strings = Vec::new();
        let mut chars = dot.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut s = String::new();
            loop {
                match chars.next() {
                    Some('"') => break,
                    Some('\\') => match chars.next() {
                        Some('n') => s.push('\n'),
                        Some(e) => s.push(e),
                        None => panic!("case {i}: escape at the end\n{dot}"),
                    },
                    Some('\n') | None => panic!("case {i}: unterminated string\n{dot}"),
                    Some(c) => s.push(c),
                }
            }
            strings.push(s);
        }
        let visible: String = name.chars().filter(|c| *c == '\n' || !c.is_control()).collect();
        assert!(
            strings.iter().any(|s| s.contains(&visible)),
            "case {i}: {visible:?} not found in\n{dot}"
        );
    }
}

/// The example binary cargo built next to this test (target/<profile>/examples/NAME).
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

/// For each document, the officials, projects and amounts it mentions, with where.
fn facts_by_doc(json: &serde_json::Value) -> std::collections::BTreeMap<String, Vec<String>> {
    let mut out: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for e in json["entities"].as_array().unwrap() {
        if !["Official", "Project", "Amount"].contains(&e["kind"].as_str().unwrap()) {
            continue;
        }
        for m in e["mentions"].as_array().unwrap() {
            let fact = format!(
                "{} {} {} {}..{}",
                e["kind"], e["name"], e["attributes"]["value"], m["start"], m["end"]
            );
            out.entry(m["doc"].as_str().unwrap().to_owned()).or_default().push(fact);
        }
    }
    for facts in out.values_mut() {
        facts.sort();
    }
    out
}

#[cfg(unix)]
#[test]
fn the_extract_command_reads_every_good_file_and_names_every_bad_one() {
    use std::os::unix::fs::{symlink, MetadataExt, PermissionsExt};
    use std::os::unix::process::CommandExt;
    let dir = TempDir::new("cli");
    let seed = std::fs::read_to_string(SEED).unwrap();
    let other =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_bf96360b9d2a6ab4.txt")).unwrap();
    let (gb, _, _) = encoding_rs::GB18030.encode(&seed);
    let mut cut = other.clone().into_bytes();
    cut[200] = 0xFF;
    let mut deep = String::new();
    for _ in 0..300 {
        deep.push_str("d/");
    }
    let good = [
        ("utf8_seed", dir.write("utf8_seed.txt", &seed)),
        ("gb_seed", dir.write("gb_seed.txt", &gb)),
        ("utf16_seed", dir.write("utf16_seed.txt", utf16(&seed, false, false))),
        ("cut", dir.write("cut", &cut)),
        (
            "page",
            dir.write(
                "page.html",
                format!("<script>if (a<b) {{}}</script><!-- x --><p>{SENTENCE}</p>"),
            ),
        ),
        ("bottom", dir.write(&format!("{deep}bottom.txt"), SENTENCE)),
    ];
    let mut bad = vec![
        dir.write("empty.txt", ""),
        dir.write("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00"),
        dir.write("nul.txt", SENTENCE.replacen('州', "\0", 1)),
        dir.write("bell.txt", [7u8; 100]),
        dir.0.join("dangling.txt"),
        dir.0.join("loop.txt"),
        dir.0.join("big.txt"),
        dir.0.join("unreadable.txt"),
    ];
    symlink(dir.0.join("nowhere.txt"), &bad[4]).unwrap();
    symlink(&bad[5], &bad[5]).unwrap();
    symlink(&dir.0, dir.0.join("d/back")).unwrap();
    std::fs::File::create(&bad[6]).unwrap().set_len(50 << 20).unwrap();
    std::fs::write(&bad[7], SENTENCE).unwrap();
    std::fs::set_permissions(&bad[7], std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::process::Command::new("mkfifo")
        .arg(dir.0.join("pipe.txt"))
        .status()
        .is_ok_and(|s| s.success())
    {
        bad.push(dir.0.join("pipe.txt"));
    }
    // Given on the command line: a missing file and a file used as a folder.
    let missing = dir.0.join("missing.txt");
    let through_file = dir.0.join("utf8_seed.txt/inside.txt");

    let mut cmd = std::process::Command::new(example("extract"));
    cmd.arg(&dir.0).arg(&missing).arg(&through_file);
    // Root reads a file whatever its mode: run as nobody to make `unreadable.txt` so, where
    // nobody may run the binary and read the folder (not if they lie under /root, say).
    let root = std::fs::metadata(&bad[0]).unwrap().uid() == 0;
    if root {
        for d in std::iter::once(dir.0.clone()).chain(walk_dirs(&dir.0)) {
            std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let nobody_can = std::process::Command::new(example("extract"))
            .arg(&good[0].1)
            .uid(65534)
            .gid(65534)
            .output()
            .is_ok_and(|o| o.status.success());
        if nobody_can {
            cmd.uid(65534).gid(65534);
        } else {
            eprintln!(
                "nobody cannot run {} on {}: the unreadable-file case is skipped",
                example("extract").display(),
                dir.0.display()
            );
            std::fs::remove_file(&bad[7]).unwrap();
            bad.remove(7);
        }
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("stdout is one JSON graph");

    // Every good file is in the output.
    let ids: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    for (id, path) in &good {
        assert!(
            ids.contains(id),
            "{} is missing from the output: {ids:?}\n{stderr}",
            path.display()
        );
    }
    assert_eq!(ids.len(), good.len(), "{ids:?}");
    // Every bad file is named on stderr, once, with its reason.
    for path in bad.iter().chain([&missing, &through_file]) {
        let shown = path.display().to_string();
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(&format!("{shown}:"))).collect();
        assert_eq!(lines.len(), 1, "{shown} not named once on stderr:\n{stderr}");
    }
    for reason in [
        "the file is empty",
        "a NUL byte at byte 7 (line 1)",
        "a NUL byte at byte 3 (line 1)",
        "control characters",
        "broken symbolic link",
        "symbolic links loop back",
        "52428800 bytes is over the limit",
        "no such file or folder",
        "utf8_seed.txt is a file, not a folder",
    ] {
        assert!(stderr.contains(reason), "{reason:?} not on stderr:\n{stderr}");
    }
    if bad.iter().any(|p| p.ends_with("unreadable.txt")) {
        assert!(
            stderr.contains("Permission denied") && stderr.contains("check that you may read it"),
            "{stderr}"
        );
    }
    // The GB18030 and BOM-less UTF-16BE copies give the same officials, projects and
    // amounts, at the same offsets, as the UTF-8 original.
    let facts = facts_by_doc(&json);
    let original = &facts["utf8_seed"];
    assert!(original.iter().any(|f| f.contains("张国旺")) && original.iter().any(|f| f.contains("古雷炼化一体化二期")));
    assert!(original.iter().any(|f| f.contains("73300000000")), "{original:#?}");
    assert_eq!(&facts["gb_seed"], original);
    assert_eq!(&facts["utf16_seed"], original);
}

/// Every folder under `root` (not following links).
fn walk_dirs(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                out.push(e.path());
                stack.push(e.path());
            }
        }
    }
    out
}
