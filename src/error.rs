//! Errors. Each names the file it concerns and says what the user can do.

use std::io;
use std::path::PathBuf;

/// Everything that can go wrong while reading or extracting a document.
///
/// I/O failures ([`Error::Io`]) are kept apart from content problems so a caller can retry
/// the first kind and report the second.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file or folder could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// The file is not text (NUL bytes or mostly control characters).
    #[error("{}: not a text file ({reason}); give interviews as UTF-8, GB18030 or UTF-16 text", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// Why it looks binary, with the byte offset where it shows.
        reason: String,
    },
    /// The file holds no text.
    #[error("{}: the file is empty", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The document is larger than the configured limit.
    #[error("{}: {size} bytes is over the limit of {limit} bytes per document; raise it with ExtractorBuilder::max_document_bytes", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// A path given on the command line or to the API is neither a file nor a folder.
    #[error("{}: not a file or folder", path.display())]
    NotFound {
        /// The path.
        path: PathBuf,
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

    /// The file the error concerns, where there is one.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Error::Io { path, .. }
            | Error::Binary { path, .. }
            | Error::Empty { path }
            | Error::TooLarge { path, .. }
            | Error::NotFound { path } => Some(path),
            _ => None,
        }
    }
}

/// A `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
