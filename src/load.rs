//! Stage 1, **load**: files and folders in, decoded [`Document`]s out.
//!
//! Encodings are detected per file: UTF-8 (with or without BOM), UTF-16 with a BOM or,
//! when the code units leave no doubt, without one, and GB18030/GBK or other legacy
//! encodings by `chardetng`. UTF-8 text is kept byte for byte (a BOM stays as U+FEFF) so
//! that offsets into the text are offsets into the file.
//!
//! Bad input is an error naming the file and what to do, never a panic, a hang or an
//! unbounded read:
//!
//! | input | result |
//! |---|---|
//! | no bytes, or only white space | [`Error::Empty`] |
//! | NUL bytes (and not UTF-16), or mostly control characters | [`Error::Binary`], with the byte or line |
//! | larger than the limit | [`Error::TooLarge`], before reading more than the limit |
//! | a folder given as a file | [`Error::IsFolder`] |
//! | a file used as a folder (`a.txt/b.txt`) | [`Error::NotAFolder`] |
//! | a named pipe, socket or device (`/dev/zero`) | [`Error::NotAFile`], never opened |
//! | a broken symbolic link | [`Error::BrokenLink`] |
//! | a symbolic-link loop, an unreadable file | [`Error::Io`] with a hint |
//! | UTF-8 with a few broken bytes | read, with [`Document::decode_errors`] and [`Document::decode_warning`] |
//!
//! Folders are walked without recursion on the call stack (any depth), each folder once
//! however many links lead to it, skipping hidden entries (`.git`).

use crate::error::{Error, Result};
use encoding_rs::{DecoderResult, Encoding};
use std::collections::HashSet;
use std::fs;
use std::io::Read;
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
    /// The encoding the file was decoded from (`UTF-8`, `GBK`, `UTF-16LE` …).
    pub encoding: &'static str,
    /// Byte offsets (into the file) of the sequences that could not be decoded and were
    /// replaced by U+FFFD, in order. Empty for a clean file.
    pub decode_errors: Vec<usize>,
    /// The 1-based line of the first decode error.
    first_error_line: Option<usize>,
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
            first_error_line: None,
        }
    }

    /// Reads and decodes one file. The id is the file name without extension.
    ///
    /// `max_bytes` bounds the file size; larger files are an [`Error::TooLarge`], and no
    /// more than `max_bytes + 1` bytes are ever read. Only regular files (or links to them)
    /// are opened.
    ///
    /// ```
    /// use interview_kg::{Document, Error};
    /// let path = std::env::temp_dir().join(format!("ikg-doc-gbk-{}.txt", std::process::id()));
    /// let (gbk, _, _) = encoding_rs::GB18030.encode("漳州市委书记张国旺表示,漳州将大力发展石油化工产业。");
    /// std::fs::write(&path, &gbk)?;
    /// let doc = Document::from_path(&path, 1 << 20)?;
    /// assert!(doc.text.starts_with("漳州市委书记"));
    /// assert!(matches!(Document::from_path(&path, 10), Err(Error::TooLarge { .. })));
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path(path: &Path, max_bytes: u64) -> Result<Document> {
        let meta = fs::metadata(path).map_err(|e| io_error(path, e))?;
        if meta.is_dir() {
            return Err(Error::IsFolder {
                path: path.to_path_buf(),
            });
        }
        if !meta.is_file() {
            return Err(Error::NotAFile {
                path: path.to_path_buf(),
                kind: special_kind(&meta),
            });
        }
        let too_large = |size: u64| Error::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: max_bytes,
        };
        if meta.len() > max_bytes {
            return Err(too_large(meta.len()));
        }
        let file = fs::File::open(path).map_err(|e| io_error(path, e))?;
        // The length may be wrong (a file that grows, /proc): read at most one byte past the limit.
        let capacity = usize::try_from(meta.len().min(max_bytes))
            .unwrap_or(0)
            .saturating_add(1);
        let mut bytes = Vec::with_capacity(capacity);
        file.take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
        if bytes.len() as u64 > max_bytes {
            return Err(too_large(bytes.len() as u64));
        }
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.to_string_lossy().into_owned());
        let is_html = matches!(
            path.extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("html" | "htm" | "xhtml")
        );
        let mut doc = Document::from_bytes(id, &bytes).map_err(|reason| match reason {
            DecodeProblem::Empty => Error::Empty {
                path: path.to_path_buf(),
            },
            DecodeProblem::Binary(reason) => Error::Binary {
                path: path.to_path_buf(),
                reason,
            },
        })?;
        doc.is_html = is_html;
        Ok(doc)
    }

    /// Decodes raw bytes, detecting the encoding.
    ///
    /// Never panics, whatever the bytes: they are a document, [`DecodeProblem::Empty`] or
    /// [`DecodeProblem::Binary`].
    ///
    /// ```
    /// use interview_kg::{Document, load::DecodeProblem};
    /// let mut utf16 = Vec::new();
    /// for unit in "漳州市委书记张国旺".encode_utf16() {
    ///     utf16.extend_from_slice(&unit.to_le_bytes()); // no BOM
    /// }
    /// let doc = Document::from_bytes("u", &utf16).unwrap();
    /// assert_eq!((doc.text.as_str(), doc.encoding), ("漳州市委书记张国旺", "UTF-16LE"));
    /// assert!(matches!(Document::from_bytes("b", b"\x7fELF\x02\x01\x01\x00\x00"), Err(DecodeProblem::Binary(_))));
    /// ```
    pub fn from_bytes(id: impl Into<String>, bytes: &[u8]) -> std::result::Result<Document, DecodeProblem> {
        let d = decode(bytes)?;
        Ok(Document {
            id: id.into(),
            text: d.text,
            is_html: false,
            encoding: d.encoding,
            decode_errors: d.errors,
            first_error_line: d.first_error_line,
        })
    }

    /// The warning to give about this document, read from `path`, when some of its bytes
    /// could not be decoded: an [`Error::PartlyDecoded`] naming the first place and the
    /// count. `None` for a clean document.
    ///
    /// ```
    /// use interview_kg::Document;
    /// let mut bytes = "英德市委书记张杨彬表示,英德将大力发展鞋业。\n".repeat(3).into_bytes();
    /// bytes[98] = 0xFF; // the comma of the second line
    /// let doc = Document::from_bytes("x", &bytes).unwrap();
    /// let warning = doc.decode_warning("x.txt".as_ref()).unwrap();
    /// assert!(warning.to_string().starts_with("x.txt: 1 sequence could not be decoded as UTF-8, the first at byte 98 (line 2)"));
    /// assert!(warning.is_partial());
    /// ```
    pub fn decode_warning(&self, path: &Path) -> Option<Error> {
        self.decode_report().map(|r| r.warning(path))
    }

    /// What could not be decoded, as plain data an [`Extraction`](crate::Extraction) keeps:
    /// `None` for a clean document.
    pub fn decode_report(&self) -> Option<DecodeReport> {
        let &offset = self.decode_errors.first()?;
        Some(DecodeReport {
            encoding: self.encoding,
            count: self.decode_errors.len(),
            offset,
            line: self.first_error_line.unwrap_or(1),
        })
    }
}

/// Where a document's bytes could not all be decoded: the facts of an
/// [`Error::PartlyDecoded`] without the path, so that an extraction can carry them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeReport {
    /// The encoding the file was decoded as.
    pub encoding: &'static str,
    /// How many malformed sequences were replaced by U+FFFD.
    pub count: usize,
    /// Byte offset in the file of the first one.
    pub offset: usize,
    /// 1-based line of the first one.
    pub line: usize,
}

impl DecodeReport {
    /// The warning to give for the file at `path`.
    pub fn warning(&self, path: &Path) -> Error {
        Error::PartlyDecoded {
            path: path.to_path_buf(),
            encoding: self.encoding,
            count: self.count,
            offset: self.offset,
            line: self.line,
        }
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

/// What [`decode`] makes of some bytes.
struct Decoded {
    text: String,
    encoding: &'static str,
    errors: Vec<usize>,
    first_error_line: Option<usize>,
}

/// Decodes bytes to UTF-8: BOMs first, then UTF-8, then BOM-less UTF-16, then whatever
/// chardetng guesses.
fn decode(bytes: &[u8]) -> std::result::Result<Decoded, DecodeProblem> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeProblem::Empty);
    }
    // UTF-16 with a BOM: its NUL bytes are not a sign of binary content.
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        if enc != encoding_rs::UTF_8 {
            return checked(decode_exact(enc, &bytes[bom..], bom));
        }
    }
    // Nearly every input is valid UTF-8: validated with SIMD, several times faster on Chinese
    // text than the standard library's byte-at-a-time check of multi-byte characters.
    let utf8 = simdutf8::basic::from_utf8(bytes);
    if let (Ok(text), false) = (utf8, bytes.contains(&0)) {
        check_text(text)?;
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
            errors: Vec::new(),
            first_error_line: None,
        });
    }
    if let Some(enc) = bomless_utf16(bytes) {
        return checked(decode_exact(enc, bytes, 0));
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeProblem::Binary(format!(
            "a NUL byte at byte {pos} (line {}); if the file is text, remove its NUL bytes (tr -d '\\000')",
            line_at(bytes, pos)
        )));
    }
    // Mostly UTF-8 with a few broken bytes (a page cut mid-character): keep UTF-8 and
    // report where it broke. Otherwise ask chardetng (GB18030, Big5 …).
    let (broken, multibyte) = utf8_stats(bytes);
    if broken * 4 <= multibyte {
        return checked(decode_exact(encoding_rs::UTF_8, bytes, 0));
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(None, false);
    checked(decode_exact(enc, bytes, 0))
}

fn checked(d: Decoded) -> std::result::Result<Decoded, DecodeProblem> {
    check_text(&d.text)?;
    Ok(d)
}

/// Decodes `bytes` as `enc` (no BOM handling), replacing each malformed sequence by U+FFFD
/// and recording its offset (plus `base`, the offset of `bytes` in the file) and the line
/// of the first one.
fn decode_exact(enc: &'static Encoding, bytes: &[u8], base: usize) -> Decoded {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let need = |d: &encoding_rs::Decoder, n: usize| {
        d.max_utf8_buffer_length_without_replacement(n)
            .unwrap_or(n.saturating_mul(3))
            .saturating_add(4)
    };
    let mut text = String::with_capacity(need(&decoder, bytes.len()));
    let mut errors = Vec::new();
    let mut first_error_line = None;
    let mut pos = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(&bytes[pos..], &mut text, true);
        pos += read;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => text.reserve(need(&decoder, bytes.len() - pos)),
            DecoderResult::Malformed(bad, after) => {
                let at = pos.saturating_sub(usize::from(bad) + usize::from(after));
                if first_error_line.is_none() {
                    first_error_line = Some(text.bytes().filter(|&b| b == b'\n').count() + 1);
                }
                errors.push(base + at);
                text.push('\u{FFFD}');
            }
        }
    }
    let encoding = if enc == encoding_rs::UTF_16LE {
        "UTF-16LE"
    } else if enc == encoding_rs::UTF_16BE {
        "UTF-16BE"
    } else {
        enc.name()
    };
    Decoded {
        text,
        encoding,
        errors,
        first_error_line,
    }
}

/// The number of invalid sequences and of valid non-ASCII characters in bytes read as UTF-8.
fn utf8_stats(bytes: &[u8]) -> (usize, usize) {
    let (mut broken, mut multibyte) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        broken += usize::from(!chunk.invalid().is_empty());
    }
    (broken, multibyte)
}

/// UTF-16 without a BOM, when nine code units in ten of one byte order are ordinary text
/// (ASCII, CJK ideographs and punctuation, fullwidth forms, surrogate pairs) and the other
/// order is worse. Only asked of bytes that are not clean UTF-8: ASCII text read as UTF-16
/// looks like CJK ideographs (`ab` is U+6261).
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 {
        return None;
    }
    let score = |unit: fn([u8; 2]) -> u16| {
        let mut plausible = 0usize;
        let mut total = 0usize;
        let mut units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]])).peekable();
        while let Some(u) = units.next() {
            total += 1;
            let ok = match u {
                0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0xA0..=0xFF => true,
                0x2000..=0x206F | 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF => true,
                0xD800..=0xDBFF => units.next_if(|n| (0xDC00..=0xDFFF).contains(n)).is_some(),
                _ => false,
            };
            plausible += usize::from(ok);
        }
        (plausible, total)
    };
    let (le, total) = score(u16::from_le_bytes);
    let (be, _) = score(u16::from_be_bytes);
    let (best, enc) = if le >= be {
        (le, encoding_rs::UTF_16LE)
    } else {
        (be, encoding_rs::UTF_16BE)
    };
    (best * 10 >= total * 9 && le != be).then_some(enc)
}

/// The 1-based line of byte `pos`.
fn line_at(bytes: &[u8], pos: usize) -> usize {
    bytes[..pos.min(bytes.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Rejects decoded text that is mostly control characters.
fn check_text(text: &str) -> std::result::Result<(), DecodeProblem> {
    // Counted on bytes: a character starts at every byte that is not a continuation byte,
    // and a control character (Unicode Cc) is a byte below 0x20 or 0x7F, or C2 80..C2 9F.
    let b = text.as_bytes();
    // One pass in chunks, branch-free, so that it vectorises: the rough control count
    // over-counts (newlines, other C2 sequences) and is made exact only when it matters.
    let (mut total, mut rough) = (0usize, 0usize);
    for chunk in b.chunks(255) {
        let (mut t, mut r) = (0u8, 0u8);
        for &x in chunk {
            t += u8::from((x as i8) >= -0x40);
            r += u8::from(x < 0x20 || x == 0x7F || x == 0xC2);
        }
        total += usize::from(t);
        rough += usize::from(r);
    }
    let is_control = |i: usize| match b[i] {
        b'\n' | b'\r' | b'\t' | 0x0C => false,
        x if x < 0x20 || x == 0x7F => true,
        0xC2 => b.get(i + 1).is_some_and(|y| (0x80..=0x9F).contains(y)),
        _ => false,
    };
    let control = if rough * 10 > total {
        (0..b.len()).filter(|&i| is_control(i)).count()
    } else {
        0
    };
    if total == 0 || text.trim().is_empty() {
        return Err(DecodeProblem::Empty);
    }
    if control * 10 > total {
        let first = (0..b.len()).find(|&i| is_control(i)).unwrap_or(0);
        return Err(DecodeProblem::Binary(format!(
            "{control} of {total} characters are control characters, the first on line {}",
            line_at(b, first)
        )));
    }
    Ok(())
}

/// Whether a file name looks like an interview: `.txt`, `.html`/`.htm`, or no extension.
pub fn is_input_file(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => !path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.')),
        Some(ext) => matches!(ext.to_ascii_lowercase().as_str(), "txt" | "html" | "htm" | "xhtml"),
    }
}

/// Expands files and folders into the list of input files, recursively and in a
/// deterministic (sorted) order.
///
/// A path that is given explicitly is taken whatever its extension; inside folders only
/// [`is_input_file`] names are taken, and hidden entries (`.git`, `.cache`) are skipped.
/// Problems (unreadable folders, missing paths, broken links) come back as errors in the
/// list, in order, so that nothing else is lost. Each folder is read once, however many
/// symbolic links lead to it, so link loops end; nesting depth is not limited by the stack.
///
/// ```
/// use interview_kg::load::collect_files;
/// let dir = std::env::temp_dir().join(format!("ikg-doc-collect-{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("b"))?;
/// std::fs::write(dir.join("b/2.txt"), "二")?;
/// std::fs::write(dir.join("1.txt"), "一")?;
/// std::fs::write(dir.join("photo.jpg"), "")?;
/// let files: Vec<_> = collect_files(&[&dir]).into_iter().map(|f| f.unwrap()).collect();
/// assert_eq!(files, [dir.join("1.txt"), dir.join("b/2.txt")]);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn collect_files<P: AsRef<Path>>(paths: &[P]) -> Vec<Result<PathBuf>> {
    let mut out = Vec::new();
    let mut seen_dirs = HashSet::new();
    for p in paths {
        let p = p.as_ref();
        match fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &m, &mut seen_dirs, &mut out),
            Ok(_) => out.push(Ok(p.to_path_buf())),
            Err(e) => out.push(Err(io_error(p, e))),
        }
    }
    out
}

/// Depth-first, in sorted order, with an explicit stack of the folders being listed.
fn walk(root: &Path, meta: &fs::Metadata, seen: &mut HashSet<DirKey>, out: &mut Vec<Result<PathBuf>>) {
    let mut stack: Vec<std::vec::IntoIter<PathBuf>> = Vec::new();
    if let Some(entries) = list_dir(root, meta, seen, out) {
        stack.push(entries);
    }
    while let Some(top) = stack.last_mut() {
        let Some(path) = top.next() else {
            stack.pop();
            continue;
        };
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                if let Some(entries) = list_dir(&path, &m, seen, out) {
                    stack.push(entries);
                }
            }
            Ok(_) if is_input_file(&path) => out.push(Ok(path)),
            Ok(_) => {}
            Err(e) if is_input_file(&path) => out.push(Err(io_error(&path, e))),
            Err(_) => {}
        }
    }
}

/// What identifies a folder however it is reached: device and inode on Unix (one `stat`,
/// where a canonical path costs a `stat` per component: cubic in the depth of a deep tree),
/// the canonical path elsewhere.
#[cfg(unix)]
type DirKey = (u64, u64);
#[cfg(not(unix))]
type DirKey = PathBuf;

#[cfg(unix)]
fn dir_key(_: &Path, meta: &fs::Metadata) -> std::io::Result<DirKey> {
    use std::os::unix::fs::MetadataExt;
    Ok((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn dir_key(dir: &Path, _: &fs::Metadata) -> std::io::Result<DirKey> {
    fs::canonicalize(dir)
}

/// The sorted entries of a folder not seen before, or `None`.
fn list_dir(
    dir: &Path,
    meta: &fs::Metadata,
    seen: &mut HashSet<DirKey>,
    out: &mut Vec<Result<PathBuf>>,
) -> Option<std::vec::IntoIter<PathBuf>> {
    match dir_key(dir, meta) {
        Ok(c) => {
            if !seen.insert(c) {
                return None;
            }
        }
        Err(e) => {
            out.push(Err(io_error(dir, e)));
            return None;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Err(io_error(dir, e)));
            return None;
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => paths.push(e.path()),
            Err(source) => out.push(Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            })),
        }
    }
    paths.sort();
    Some(paths.into_iter())
}

/// The error for a path the system could not open, made specific where the cause can be
/// told: missing, a broken link, a file used as a folder.
fn io_error(path: &Path, source: std::io::Error) -> Error {
    if source.kind() != std::io::ErrorKind::PermissionDenied {
        // a.txt/ and a.txt/b.txt: the first part of the path that is a file.
        let clean: PathBuf = path.components().collect();
        if let Some(file) = clean
            .ancestors()
            .find(|a| !a.as_os_str().is_empty() && fs::metadata(a).is_ok_and(|m| m.is_file()))
        {
            if file.as_os_str() != path.as_os_str() {
                return Error::NotAFolder {
                    path: path.to_path_buf(),
                    file: file.to_path_buf(),
                };
            }
        }
    }
    if source.kind() == std::io::ErrorKind::NotFound {
        if let Ok(target) = fs::read_link(path) {
            return Error::BrokenLink {
                path: path.to_path_buf(),
                target,
            };
        }
        return Error::NotFound {
            path: path.to_path_buf(),
        };
    }
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What a path that is neither a file nor a folder is.
fn special_kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "named pipe";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_char_device() {
            return "character device";
        }
        if t.is_block_device() {
            return "block device";
        }
    }
    let _ = meta;
    "special file"
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The check as first written, on characters: what the byte-level one must agree with.
    fn check_text_by_chars(text: &str) -> std::result::Result<(), DecodeProblem> {
        let total = text.chars().count();
        let controls: Vec<usize> = text
            .char_indices()
            .filter(|(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
            .map(|(i, _)| i)
            .collect();
        if total == 0 || text.trim().is_empty() {
            return Err(DecodeProblem::Empty);
        }
        if controls.len() * 10 > total {
            return Err(DecodeProblem::Binary(format!(
                "{} of {total} characters are control characters, the first on line {}",
                controls.len(),
                line_at(text.as_bytes(), controls[0])
            )));
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn control_characters_are_counted_on_bytes_as_on_chars(
            text in "[a英·\u{80}\u{85}\u{9f}\u{a0}\u{00}-\u{1f}\u{7f} \n]{0,30}"
        ) {
            prop_assert_eq!(check_text(&text), check_text_by_chars(&text));
        }
    }

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
        assert!(matches!(
            Document::from_bytes("b", b"ab\0cd"),
            Err(DecodeProblem::Binary(_))
        ));
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

    #[test]
    fn bomless_utf16_needs_clear_evidence() {
        let utf16 = |text: &str, le: bool| -> Vec<u8> {
            text.encode_utf16()
                .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect()
        };
        let text = "漳州市委书记张国旺表示,2023年漳州将推进总投资733亿元的古雷炼化一体化二期。\n";
        assert_eq!(bomless_utf16(&utf16(text, true)), Some(encoding_rs::UTF_16LE));
        assert_eq!(bomless_utf16(&utf16(text, false)), Some(encoding_rs::UTF_16BE));
        assert_eq!(
            bomless_utf16(&utf16("interview with the mayor\n", true)),
            Some(encoding_rs::UTF_16LE)
        );
        // GBK bytes read as UTF-16 are Hangul, surrogates and private use: not text.
        let (gbk, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(bomless_utf16(&gbk), None);
        // Binary-looking units.
        assert_eq!(bomless_utf16(&[0, 0, 0, 0, 1, 2, 3, 4]), None);
        assert_eq!(bomless_utf16(b"ab"), None);
    }

    #[test]
    fn decoder_errors_are_placed_exactly() {
        // UTF-16LE with a BOM, a lone surrogate in the middle and a dangling last byte.
        let mut bytes = vec![0xFF, 0xFE];
        for u in "漳州\n市".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        bytes.extend_from_slice(&0xD800u16.to_le_bytes());
        bytes.extend_from_slice(&u16::from(b'a').to_le_bytes());
        bytes.push(0x41);
        let doc = Document::from_bytes("u", &bytes).unwrap();
        assert_eq!(doc.text, "漳州\n市\u{fffd}a\u{fffd}");
        assert_eq!(doc.decode_errors, vec![10, 14]);
        assert_eq!(doc.first_error_line, Some(2));
        assert_eq!(doc.encoding, "UTF-16LE");
    }
}
