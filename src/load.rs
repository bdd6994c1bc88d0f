//! Stage 1, **load**: files and folders in, decoded [`Document`]s out.
//!
//! Encodings are detected per file: UTF-8 (with or without BOM), UTF-16 with a BOM, and
//! GB18030/GBK or other legacy encodings by `chardetng`. UTF-8 text is kept byte for byte
//! (a BOM stays as U+FEFF) so that offsets into the text are offsets into the file.

use crate::error::{Error, Result};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// One input text, decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The id: the file name without extension.
    pub id: String,
    /// The decoded text. Every span the library reports is a byte range into it.
    pub text: String,
    /// Whether the text is HTML, whose tags the cleaner skips.
    pub is_html: bool,
    /// The encoding the file was decoded from (`UTF-8`, `GB18030`, `UTF-16LE` …).
    pub encoding: &'static str,
    /// Byte offsets (into the file) where bytes could not be decoded and were replaced
    /// by U+FFFD. Empty for a clean file.
    pub decode_errors: Vec<usize>,
}

impl Document {
    /// A document from text already in memory.
    ///
    /// ```
    /// let doc = interview_kg::Document::from_text("demo", "英德市委书记张杨彬表示……");
    /// assert_eq!(doc.id, "demo");
    /// ```
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            is_html: false,
            encoding: "UTF-8",
            decode_errors: Vec::new(),
        }
    }

    /// Reads and decodes one file. The id is the file name without extension.
    ///
    /// `max_bytes` bounds the file size; larger files are an [`Error::TooLarge`].
    pub fn from_path(path: &Path, max_bytes: u64) -> Result<Document> {
        let io_err = |source| Error::Io { path: path.to_path_buf(), source };
        let meta = fs::metadata(path).map_err(io_err)?;
        if meta.is_dir() {
            return Err(Error::Io {
                path: path.to_path_buf(),
                source: std::io::Error::other("is a folder, not a file"),
            });
        }
        if meta.len() > max_bytes {
            return Err(Error::TooLarge { path: path.to_path_buf(), size: meta.len(), limit: max_bytes });
        }
        let bytes = fs::read(path).map_err(io_err)?;
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.to_string_lossy().into_owned());
        let is_html = matches!(
            path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
            Some("html" | "htm" | "xhtml")
        );
        let mut doc = Document::from_bytes(id, &bytes).map_err(|reason| match reason {
            DecodeProblem::Empty => Error::Empty { path: path.to_path_buf() },
            DecodeProblem::Binary(reason) => Error::Binary { path: path.to_path_buf(), reason },
        })?;
        doc.is_html = is_html;
        Ok(doc)
    }

    /// Decodes raw bytes, detecting the encoding.
    pub fn from_bytes(id: impl Into<String>, bytes: &[u8]) -> std::result::Result<Document, DecodeProblem> {
        let (text, encoding, decode_errors) = decode(bytes)?;
        Ok(Document { id: id.into(), text, is_html: false, encoding, decode_errors })
    }
}

/// Why bytes could not be taken as a text document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// No bytes, or only white space.
    Empty,
    /// Binary content; the text says why and where.
    Binary(String),
}

impl std::fmt::Display for DecodeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeProblem::Empty => f.write_str("empty"),
            DecodeProblem::Binary(r) => f.write_str(r),
        }
    }
}

impl std::error::Error for DecodeProblem {}

/// Decodes bytes to UTF-8: BOMs first, then UTF-8, then whatever chardetng guesses.
fn decode(bytes: &[u8]) -> std::result::Result<(String, &'static str, Vec<usize>), DecodeProblem> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeProblem::Empty);
    }
    // UTF-16 with a BOM: its NUL bytes are not a sign of binary content.
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc != encoding_rs::UTF_8 {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
            let errors = if had_errors { vec![2] } else { Vec::new() };
            check_text(&text)?;
            return Ok((text.into_owned(), enc.name(), errors));
        }
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeProblem::Binary(format!("NUL byte at offset {pos}")));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            check_text(text)?;
            Ok((text.to_owned(), "UTF-8", Vec::new()))
        }
        Err(_) => {
            // Mostly UTF-8 with a few broken bytes (a page cut mid-character): keep UTF-8
            // and report where it broke. Otherwise ask chardetng (GB18030, Big5 …).
            let invalid = invalid_utf8_positions(bytes);
            if invalid.len() * 200 < bytes.len() {
                let text = String::from_utf8_lossy(bytes).into_owned();
                check_text(&text)?;
                return Ok((text, "UTF-8", invalid));
            }
            let mut det = chardetng::EncodingDetector::new();
            det.feed(bytes, true);
            let enc = det.guess(None, false);
            let (text, _, had_errors) = enc.decode(bytes);
            check_text(&text)?;
            let errors = if had_errors { vec![0] } else { Vec::new() };
            Ok((text.into_owned(), enc.name(), errors))
        }
    }
}

/// Offsets of bytes that do not start a valid UTF-8 sequence.
fn invalid_utf8_positions(bytes: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        match std::str::from_utf8(&bytes[pos..]) {
            Ok(_) => break,
            Err(e) => {
                let bad = pos + e.valid_up_to();
                out.push(bad);
                pos = bad + e.error_len().unwrap_or(bytes.len() - bad).max(1);
            }
        }
    }
    out
}

/// Rejects decoded text that is mostly control characters.
fn check_text(text: &str) -> std::result::Result<(), DecodeProblem> {
    let mut control = 0usize;
    let mut total = 0usize;
    let mut first = None;
    for (i, c) in text.char_indices() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            control += 1;
            first.get_or_insert(i);
        }
    }
    if total == 0 || text.trim().is_empty() {
        return Err(DecodeProblem::Empty);
    }
    if control * 10 > total {
        return Err(DecodeProblem::Binary(format!(
            "{control} of {total} characters are control characters, the first at byte {}",
            first.unwrap_or(0)
        )));
    }
    Ok(())
}

/// Whether a file name looks like an interview: `.txt`, `.html`/`.htm`, or no extension.
pub fn is_input_file(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => !path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')),
        Some(ext) => matches!(ext.to_ascii_lowercase().as_str(), "txt" | "html" | "htm" | "xhtml"),
    }
}

/// Expands files and folders into the list of input files, recursively and in a
/// deterministic (sorted) order.
///
/// A path that is given explicitly is taken whatever its extension; inside folders only
/// [`is_input_file`] names are taken. Problems (unreadable folders, missing paths) come back
/// as errors in the list, in order, so that nothing else is lost. Symbolic-link loops are
/// followed once.
pub fn collect_files<P: AsRef<Path>>(paths: &[P]) -> Vec<Result<PathBuf>> {
    let mut out = Vec::new();
    let mut seen_dirs = HashSet::new();
    for p in paths {
        let p = p.as_ref();
        match fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut seen_dirs, &mut out),
            Ok(_) => out.push(Ok(p.to_path_buf())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.push(Err(Error::NotFound { path: p.to_path_buf() }))
            }
            Err(source) => out.push(Err(Error::Io { path: p.to_path_buf(), source })),
        }
    }
    out
}

fn walk(dir: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<Result<PathBuf>>) {
    // Canonical paths catch symlink loops.
    match fs::canonicalize(dir) {
        Ok(c) => {
            if !seen.insert(c) {
                return;
            }
        }
        Err(source) => {
            out.push(Err(Error::Io { path: dir.to_path_buf(), source }));
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(source) => {
            out.push(Err(Error::Io { path: dir.to_path_buf(), source }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => paths.push(e.path()),
            Err(source) => out.push(Err(Error::Io { path: dir.to_path_buf(), source })),
        }
    }
    paths.sort();
    for path in paths {
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, seen, out),
            Ok(_) if is_input_file(&path) => out.push(Ok(path)),
            Ok(_) => {}
            Err(source) => out.push(Err(Error::Io { path, source })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept_byte_for_byte() {
        let bytes = "\u{feff}英德市".as_bytes();
        let doc = Document::from_bytes("a", bytes).unwrap();
        assert_eq!(doc.text.as_bytes(), bytes);
        assert_eq!(doc.encoding, "UTF-8");
    }

    #[test]
    fn gb18030_is_detected() {
        let text = "英德市委书记张杨彬表示,英德将大力发展鞋业产业和红茶产业,推动高质量发展。";
        let (bytes, _, _) = encoding_rs::GB18030.encode(text);
        let doc = Document::from_bytes("g", &bytes).unwrap();
        assert_eq!(doc.text, text);
        assert_eq!(doc.encoding, "GBK");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "漳州市".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let doc = Document::from_bytes("u", &bytes).unwrap();
        assert_eq!(doc.text, "漳州市");
    }

    #[test]
    fn binary_and_empty_are_errors() {
        assert!(matches!(Document::from_bytes("b", b"ab\0cd"), Err(DecodeProblem::Binary(_))));
        assert!(matches!(Document::from_bytes("e", b"  \n"), Err(DecodeProblem::Empty)));
        let ctl: Vec<u8> = (1u8..30).cycle().take(300).collect();
        assert!(matches!(Document::from_bytes("c", &ctl), Err(DecodeProblem::Binary(_))));
    }

    #[test]
    fn broken_utf8_is_decoded_with_positions() {
        let mut bytes = "英德市委书记张杨彬表示".repeat(20).into_bytes();
        bytes[30] = 0xFF; // the lead byte of a character: its two continuation bytes dangle
        let doc = Document::from_bytes("x", &bytes).unwrap();
        assert_eq!(doc.encoding, "UTF-8");
        assert_eq!(doc.decode_errors, vec![30, 31, 32]);
        assert!(doc.text.starts_with("英德市委书记张杨彬表\u{fffd}"));
    }
}
