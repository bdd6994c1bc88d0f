//! The `extract` example driven as a user runs it: both streams and the exit status.

use std::path::PathBuf;
use std::process::Command;

/// The example binary cargo built next to this test (target/<profile>/examples/extract).
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

#[test]
fn a_bad_file_is_named_and_the_rest_is_processed() {
    let dir = std::env::temp_dir().join(format!("ikg-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("good.txt"),
        "漳州市委书记张国旺表示,漳州将大力发展石油化工产业。",
    )
    .unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x00\x01\x02\x03garbage\x00").unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    let out = Command::new(example("extract"))
        .arg(&dir)
        .arg(dir.join("missing.txt"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("stdout is one JSON graph");
    assert_eq!(json["documents"][0]["id"], "good");
    assert!(stdout.contains("张国旺"));
    for bad in ["binary.txt", "empty.txt", "missing.txt"] {
        assert!(stderr.contains(bad), "{bad} not named on stderr: {stderr}");
    }
    assert!(stderr.contains("NUL byte"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_partly_decoded_file_is_kept_and_the_broken_place_named() {
    let dir = std::env::temp_dir().join(format!("ikg-cli-partial-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut bytes = "英德市委书记张杨彬表示,英德将大力发展鞋业。\n".repeat(2).into_bytes();
    let line = bytes.len() / 2;
    bytes[line + 33] = 0xFF; // the comma of the second line
    std::fs::write(dir.join("cut.txt"), &bytes).unwrap();
    let out = Command::new(example("extract")).arg(&dir).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    // Nothing was skipped, so the run succeeds; the warning says where to look.
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "cut.txt: 1 sequence could not be decoded as UTF-8, the first at byte {} (line 2)",
            line + 33
        )),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["name"] == "张杨彬"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_seeds_run_clean() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let out = Command::new(example("extract"))
        .args(["--format", "json", seeds])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 5);
}

#[test]
fn an_output_that_cannot_be_created_is_told_before_any_work() {
    let dir = std::env::temp_dir().join(format!("ikg-cli-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A file extraction would name as skipped, had it started.
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    let output = dir.join("no-such-folder").join("graph.json");
    for stream in [false, true] {
        let mut cmd = Command::new(example("extract"));
        if stream {
            cmd.arg("--stream");
        }
        let out = cmd.arg("-o").arg(&output).arg(&dir).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("no-such-folder"), "the path is named: {stderr}");
        assert!(!stderr.contains("empty.txt"), "no file was read: {stderr}");
        assert!(out.stdout.is_empty());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_earlier_longer_output_is_replaced_whole() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let path = std::env::temp_dir().join(format!("ikg-cli-replace-{}.json", std::process::id()));
    std::fs::write(&path, vec![b'x'; 4 << 20]).unwrap();
    let to_file = Command::new(example("extract"))
        .arg("-o")
        .arg(&path)
        .arg(seeds)
        .output()
        .unwrap();
    assert!(to_file.status.success(), "{}", String::from_utf8_lossy(&to_file.stderr));
    assert!(to_file.stdout.is_empty());
    let to_stdout = Command::new(example("extract")).arg(seeds).output().unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), to_stdout.stdout);
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn bad_usage_prints_nothing_on_stdout() {
    let out = Command::new(example("extract"))
        .arg("--format")
        .arg("yaml")
        .arg("x")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn stream_writes_one_json_graph_per_document() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let out = Command::new(example("extract"))
        .args(["--stream", seeds])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<String> = stdout
        .lines()
        .map(|line| {
            let graph: serde_json::Value = serde_json::from_str(line).expect("each line is a JSON graph");
            let docs = graph["documents"].as_array().unwrap();
            assert_eq!(docs.len(), 1, "one document per line");
            docs[0]["id"].as_str().unwrap().to_owned()
        })
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids.len(), 5);
    assert_eq!(ids, sorted, "in path order");
    // DOT has no streaming form: bad usage, nothing on stdout.
    let out = Command::new(example("extract"))
        .args(["--stream", "--format", "dot", seeds])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}
