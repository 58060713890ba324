//! `manifest.json`: the run's config, its inputs, and the shards finished so far.
//!
//! A shard is listed only after its files have their final names, and the manifest is
//! replaced atomically (written aside, then renamed), so after a crash it names exactly the
//! shards that are complete. A rerun with the same config and inputs skips them, replays
//! their dedup fingerprints, and redoes the rest.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::OutputConfig;
use crate::error::CorpusError;
use crate::input::Input;
use crate::stats::Counts;

pub(crate) const MANIFEST: &str = "manifest.json";
const VERSION: u32 = 1;

/// One finished shard.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShardEntry {
    /// Position in the run's input list; also the number in the file names.
    pub index: usize,
    /// The input read.
    pub input: PathBuf,
    /// Output files, relative to the output directory.
    pub files: Vec<String>,
    /// The dedup fingerprints and verdicts of the shard's records, when dedup is on.
    pub dedup_file: Option<String>,
    /// The shard's counts.
    pub counts: Counts,
    /// The first error messages of the shard.
    pub errors: Vec<String>,
}

/// The manifest file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    /// Format version.
    pub version: u32,
    /// What the run writes; a rerun must match.
    pub output: OutputConfig,
    /// The run's inputs in shard order; a rerun must match.
    pub inputs: Vec<Input>,
    /// Finished shards, in shard order (always the first `shards.len()` inputs).
    pub shards: Vec<ShardEntry>,
}

impl Manifest {
    pub(crate) fn new(output: &OutputConfig, inputs: &[Input]) -> Self {
        Manifest {
            version: VERSION,
            output: output.clone(),
            inputs: inputs.to_vec(),
            shards: Vec::new(),
        }
    }

    /// Loads the manifest of `dir` and checks it belongs to the same run; `None` when there
    /// is none.
    pub(crate) fn load(
        dir: &Path,
        output: &OutputConfig,
        inputs: &[Input],
    ) -> Result<Option<Self>, CorpusError> {
        let path = dir.join(MANIFEST);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(CorpusError::io(&path, e)),
        };
        let manifest: Manifest = serde_json::from_slice(&bytes)
            .map_err(|e| CorpusError::Manifest(format!("{}: {e}", path.display())))?;
        let same_output =
            serde_json::to_value(&manifest.output).ok() == serde_json::to_value(output).ok();
        let same_inputs = manifest.inputs.len() == inputs.len()
            && manifest
                .inputs
                .iter()
                .zip(inputs)
                .all(|(a, b)| a.path == b.path);
        if manifest.version != VERSION || !same_output || !same_inputs {
            return Err(CorpusError::Manifest(format!(
                "{} belongs to a run with other options or inputs; use another --out directory \
                 or remove it",
                path.display()
            )));
        }
        if manifest
            .shards
            .iter()
            .enumerate()
            .any(|(i, s)| s.index != i)
        {
            return Err(CorpusError::Manifest(format!(
                "{}: finished shards are not in order",
                path.display()
            )));
        }
        Ok(Some(manifest))
    }

    pub(crate) fn save(&self, dir: &Path) -> Result<(), CorpusError> {
        let path = dir.join(MANIFEST);
        let tmp = dir.join(format!("{MANIFEST}.partial"));
        let bytes =
            serde_json::to_vec_pretty(self).map_err(|e| CorpusError::Manifest(e.to_string()))?;
        std::fs::write(&tmp, bytes).map_err(|e| CorpusError::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| CorpusError::io(&path, e))
    }
}
