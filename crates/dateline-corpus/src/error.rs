//! Errors that stop a run (bad records and inputs are counted instead).

use std::path::{Path, PathBuf};

/// Why a run could not do its job.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// Writing the output failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The output directory's manifest is unreadable or belongs to another run.
    #[error("manifest: {0}")]
    Manifest(String),
    /// The dedup state of a finished shard is unreadable or disagrees with its replay.
    #[error("dedup state: {0}")]
    DedupState(String),
}

impl CorpusError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        CorpusError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
