//! Errors. Each names the file it concerns, says where in it the problem is when that
//! applies, and what the user can do.
//!
//! Paths are shown with control characters and Unicode direction marks escaped
//! (`a\nb.txt`, `\u{202e}txt.exe`), so that a hostile file name cannot forge a line of
//! the report or reorder what a terminal shows.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Everything that can go wrong while reading or extracting a document.
///
/// I/O failures ([`Error::Io`]) are kept apart from content problems so a caller can retry
/// the first kind and report the second; [`Error::PartlyDecoded`] is a warning about a
/// document that was read, with [`Error::is_partial`] to tell it apart.
///
/// ```
/// use interview_kg::{Error, Extractor};
/// let dir = std::env::temp_dir().join(format!("ikg-doc-error-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let err = Extractor::new().load(&dir).unwrap_err();
/// assert!(matches!(err, Error::IsFolder { .. }));
/// assert!(err.to_string().contains("is a folder"));
/// # std::fs::remove_dir(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file or folder could not be read.
    #[error("{}: cannot read: {source}{}", shown(path), io_hint(source))]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// The file is not text (NUL bytes or mostly control characters).
    #[error(
        "{}: not a text file: {reason}; give interviews as UTF-8, GB18030 or UTF-16 text",
        shown(path)
    )]
    Binary {
        /// The file.
        path: PathBuf,
        /// Why it looks binary, with the byte offset or line where it shows.
        reason: String,
    },
    /// The file holds no text.
    #[error(
        "{}: the file is empty (no text, or only white space); check that it was saved or downloaded completely",
        shown(path)
    )]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The document is larger than the configured limit.
    #[error("{}: {size} bytes is over the limit of {limit} bytes per document; split the file, or raise the limit with ExtractorBuilder::max_document_bytes", shown(path))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least this much, for a file that grew while it was read).
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// A path given on the command line or to the API is neither a file nor a folder.
    #[error("{}: no such file or folder; check the path", shown(path))]
    NotFound {
        /// The path.
        path: PathBuf,
    },
    /// A folder was given where a file was expected.
    #[error("{}: is a folder, not a file; give the folder to Extractor::extract_paths (or to the extract command), which reads the files in it", shown(path))]
    IsFolder {
        /// The folder.
        path: PathBuf,
    },
    /// A path goes through a file as if it were a folder (`a.txt/`, `a.txt/b.txt`).
    #[error("{}: {} is a file, not a folder; give the file itself", shown(path), shown(file))]
    NotAFolder {
        /// The path as given.
        path: PathBuf,
        /// The file that stands where a folder should be.
        file: PathBuf,
    },
    /// The path is a named pipe, socket or device, which may never end or never answer.
    #[error(
        "{}: is a {kind}, not a regular file; copy its content into a file and give that",
        shown(path)
    )]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is: `named pipe`, `socket`, `character device`, `block device`.
        kind: &'static str,
    },
    /// A symbolic link whose target does not exist.
    #[error("{}: broken symbolic link to {}; fix or remove the link", shown(path), shown(target))]
    BrokenLink {
        /// The link.
        path: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
    /// A warning, not a failure: the document was read, but some bytes could not be decoded
    /// and read as U+FFFD (�). The rest of the document was extracted.
    #[error("{}: {count} {} could not be decoded as {encoding}, the first at byte {offset} (line {line}); they read as U+FFFD and the rest was kept; re-save the file in one encoding (UTF-8) to recover them", shown(path), if *count == 1 { "sequence" } else { "sequences" })]
    PartlyDecoded {
        /// The file.
        path: PathBuf,
        /// The encoding the file was decoded as.
        encoding: &'static str,
        /// How many malformed sequences were replaced.
        count: usize,
        /// Byte offset in the file of the first one.
        offset: usize,
        /// 1-based line of the first one.
        line: usize,
    },
    /// Extracting the file hit a bug in this library (a panic, caught with
    /// [`Error::from_panic`]): the other files are not affected.
    #[error("{}: internal error while extracting it ({message}); the other files are not affected; please report the bug with this file", shown(path))]
    Internal {
        /// The file.
        path: PathBuf,
        /// The panic's message.
        message: String,
    },
    /// A user lexicon line could not be understood.
    #[error("lexicon line {line}: {problem}")]
    Lexicon {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        problem: String,
    },
    /// Writing an export failed.
    #[error("cannot write the export: {0}")]
    Export(#[from] io::Error),
}

impl Error {
    /// Whether the error is an I/O failure, which may succeed when retried.
    pub fn is_io(&self) -> bool {
        matches!(self, Error::Io { .. } | Error::Export(_))
    }

    /// Whether the document was read in part ([`Error::PartlyDecoded`]): a warning, with the
    /// document's extraction still valid.
    pub fn is_partial(&self) -> bool {
        matches!(self, Error::PartlyDecoded { .. })
    }

    /// The error for a panic caught while extracting `path`: the payload is what
    /// [`std::panic::catch_unwind`] returns. A caller that extracts many files wraps each
    /// extraction so that a bug on one file never loses the others.
    ///
    /// ```
    /// use interview_kg::{Document, Error, Extractor};
    /// use std::panic::{catch_unwind, AssertUnwindSafe};
    /// let extractor = Extractor::new();
    /// let doc = Document::from_text("a", "漳州市委书记张国旺表示");
    /// let result = catch_unwind(AssertUnwindSafe(|| extractor.extract(&doc)))
    ///     .map_err(|payload| Error::from_panic("a.txt".as_ref(), payload.as_ref()));
    /// assert!(result.is_ok());
    /// let e = Error::from_panic("b.txt".as_ref(), &"index out of bounds");
    /// assert!(e.to_string().starts_with("b.txt: internal error while extracting it (index out of bounds)"));
    /// ```
    pub fn from_panic(path: &Path, payload: &(dyn std::any::Any + Send)) -> Error {
        let message = match (payload.downcast_ref::<&str>(), payload.downcast_ref::<String>()) {
            (Some(s), _) => (*s).to_owned(),
            (_, Some(s)) => s.clone(),
            _ => "a panic without a message".to_owned(),
        };
        Error::Internal {
            path: path.to_path_buf(),
            message,
        }
    }

    /// The file the error concerns, where there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Error::Io { path, .. }
            | Error::Binary { path, .. }
            | Error::Empty { path }
            | Error::TooLarge { path, .. }
            | Error::NotFound { path }
            | Error::IsFolder { path }
            | Error::NotAFolder { path, .. }
            | Error::NotAFile { path, .. }
            | Error::BrokenLink { path, .. }
            | Error::PartlyDecoded { path, .. }
            | Error::Internal { path, .. } => Some(path),
            Error::Lexicon { .. } | Error::Export(_) => None,
        }
    }
}

/// A `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What to do about an I/O error, where the error alone does not say it.
fn io_hint(e: &io::Error) -> &'static str {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    const LOOP_AND_LONG: (i32, i32) = (40, 36);
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    const LOOP_AND_LONG: (i32, i32) = (62, 63);
    match e.kind() {
        io::ErrorKind::PermissionDenied => "; check that you may read it (ls -l)",
        _ if cfg!(unix) && e.raw_os_error() == Some(LOOP_AND_LONG.0) => {
            "; symbolic links loop back on themselves: fix or remove the link"
        }
        _ if cfg!(unix) && e.raw_os_error() == Some(LOOP_AND_LONG.1) => {
            "; the path is too long: move the files to a shallower folder"
        }
        _ => "",
    }
}

/// A path for a message: lossy UTF-8, with control characters and direction marks escaped.
pub(crate) fn shown(path: &Path) -> Shown<'_> {
    Shown(path)
}

/// See [`shown`].
pub(crate) struct Shown<'a>(&'a Path);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write;
        for c in self.0.to_string_lossy().chars() {
            if is_unsafe_in_message(c) {
                write!(f, "{}", c.escape_unicode())?;
            } else if c == '\\' && cfg!(unix) {
                // Keep escapes unambiguous: a literal backslash is doubled.
                f.write_str("\\\\")?;
            } else {
                f.write_char(c)?;
            }
        }
        Ok(())
    }
}

/// Control characters and the invisible marks that reorder or hide text.
fn is_unsafe_in_message(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' // zero-width space, joiners, LRM, RLM
            | '\u{202A}'..='\u{202E}' // embeddings and overrides
            | '\u{2066}'..='\u{2069}' // isolates
            | '\u{061C}' // Arabic letter mark
            | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_paths_are_escaped() {
        let p = PathBuf::from("a\nskipped: fake.txt\u{202e}txt.exe\\x");
        let e = Error::Empty { path: p };
        let msg = e.to_string();
        assert!(!msg.contains('\n') && !msg.contains('\u{202e}'), "{msg}");
        assert!(
            msg.starts_with(r"a\u{a}skipped: fake.txt\u{202e}txt.exe\\x: the file is empty"),
            "{msg}"
        );
    }

    #[test]
    fn messages_name_the_file_and_what_to_do() {
        let path = PathBuf::from("corpus/a.txt");
        let cases = [
            Error::TooLarge {
                path: path.clone(),
                size: 20,
                limit: 10,
            },
            Error::PartlyDecoded {
                path: path.clone(),
                encoding: "UTF-8",
                count: 3,
                offset: 30,
                line: 2,
            },
            Error::NotAFolder {
                path: path.join("b.txt"),
                file: path.clone(),
            },
            Error::NotAFile {
                path: path.clone(),
                kind: "named pipe",
            },
        ];
        let want = [
            "corpus/a.txt: 20 bytes is over the limit of 10 bytes per document; split the file, or raise the limit with ExtractorBuilder::max_document_bytes",
            "corpus/a.txt: 3 sequences could not be decoded as UTF-8, the first at byte 30 (line 2); they read as U+FFFD and the rest was kept; re-save the file in one encoding (UTF-8) to recover them",
            "corpus/a.txt/b.txt: corpus/a.txt is a file, not a folder; give the file itself",
            "corpus/a.txt: is a named pipe, not a regular file; copy its content into a file and give that",
        ];
        for (e, w) in cases.iter().zip(want) {
            assert_eq!(e.to_string(), w);
            assert_eq!(
                e.path(),
                Some(
                    if w.starts_with("corpus/a.txt/b") {
                        path.join("b.txt")
                    } else {
                        path.clone()
                    }
                    .as_path()
                )
            );
        }
        assert!(cases[1].is_partial() && !cases[0].is_partial());
        let denied = Error::Io {
            path,
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        };
        assert!(
            denied.to_string().ends_with("check that you may read it (ls -l)"),
            "{denied}"
        );
        assert!(denied.is_io());
    }
}
