//! The run-wide dedup state: the `Deduper`, the record ids of its keys, and one file per
//! shard holding each record's fingerprint and verdict (`dedup/shard-NNNNN.jsonl.zst`).
//!
//! Keys are `shard << 40 | record number in the shard`, so they are the same in every run
//! over the same inputs. A resumed run replays the finished shards' files into a fresh
//! `Deduper` in shard order; since insertion is deterministic, the verdicts are those of an
//! uninterrupted run (the replay checks this).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use dateline_dedup::{DedupConfig, Deduper, DuplicateKind, Fingerprint, Verdict};
use serde::{Deserialize, Serialize};

use crate::error::CorpusError;
use crate::write::partial;

pub(crate) const DEDUP_DIR: &str = "dedup";
pub(crate) const CLUSTERS: &str = "clusters.jsonl";

/// One line of a shard's dedup file; without `fingerprint` it is a `clusters.jsonl` line,
/// in the prediction format of `dedup_score.py`.
#[derive(Serialize, Deserialize)]
struct Line {
    record_id: String,
    cluster: String,
    duplicate_of: Option<String>,
    kind: DuplicateKind,
    key: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    fingerprint: Option<Fingerprint>,
}

pub(crate) fn shard_file(index: usize) -> String {
    format!("{DEDUP_DIR}/shard-{index:05}.jsonl.zst")
}

pub(crate) fn key(shard: usize, record: u64) -> u64 {
    ((shard as u64) << 40) | (record & ((1 << 40) - 1))
}

/// The decision for one record, with ids resolved.
pub(crate) struct Decision {
    pub cluster_id: String,
    pub duplicate_of: Option<String>,
    pub kind: DuplicateKind,
}

pub(crate) struct DedupState {
    deduper: Deduper,
    ids: HashMap<u64, Box<str>>,
}

pub(crate) struct ShardLog {
    path: PathBuf,
    encoder: zstd::Encoder<'static, BufWriter<File>>,
}

impl DedupState {
    pub(crate) fn new(config: &DedupConfig) -> Self {
        DedupState {
            deduper: Deduper::new(config.clone()),
            ids: HashMap::new(),
        }
    }

    fn id(&self, key: u64) -> String {
        self.ids
            .get(&key)
            .map_or_else(|| key.to_string(), |id| id.to_string())
    }

    fn insert(&mut self, key: u64, id: &str, fingerprint: &Fingerprint) -> (Verdict, Decision) {
        self.ids.insert(key, id.into());
        let verdict = self.deduper.insert(key, fingerprint);
        let decision = Decision {
            cluster_id: self.id(verdict.cluster_id),
            duplicate_of: verdict.duplicate_of.map(|k| self.id(k)),
            kind: verdict.kind,
        };
        (verdict, decision)
    }

    /// Inserts a record and logs it to the shard's file.
    pub(crate) fn decide(
        &mut self,
        log: &mut ShardLog,
        key: u64,
        id: &str,
        fingerprint: Fingerprint,
    ) -> Result<Decision, CorpusError> {
        let (_, decision) = self.insert(key, id, &fingerprint);
        let line = Line {
            record_id: id.to_string(),
            cluster: decision.cluster_id.clone(),
            duplicate_of: decision.duplicate_of.clone(),
            kind: decision.kind,
            key,
            fingerprint: Some(fingerprint),
        };
        log.write(&line)?;
        Ok(decision)
    }

    /// Replays a finished shard's file.
    pub(crate) fn replay(&mut self, dir: &Path, file: &str) -> Result<(), CorpusError> {
        for line in read_lines(&dir.join(file))? {
            let line = line?;
            let Some(fp) = &line.fingerprint else {
                return Err(CorpusError::DedupState(format!(
                    "{file}: line without fingerprint"
                )));
            };
            let (_, decision) = self.insert(line.key, &line.record_id, fp);
            if decision.cluster_id != line.cluster || decision.kind != line.kind {
                return Err(CorpusError::DedupState(format!(
                    "{file}: replay of {} disagrees with the recorded verdict",
                    line.record_id
                )));
            }
        }
        Ok(())
    }
}

impl ShardLog {
    pub(crate) fn create(dir: &Path, index: usize) -> Result<Self, CorpusError> {
        let path = dir.join(shard_file(index));
        let tmp = partial(&path);
        let file = File::create(&tmp).map_err(|e| CorpusError::io(&tmp, e))?;
        let encoder =
            zstd::Encoder::new(BufWriter::new(file), 3).map_err(|e| CorpusError::io(&tmp, e))?;
        Ok(ShardLog { path, encoder })
    }

    fn write(&mut self, line: &Line) -> Result<(), CorpusError> {
        let mut bytes =
            serde_json::to_vec(line).map_err(|e| CorpusError::DedupState(e.to_string()))?;
        bytes.push(b'\n');
        self.encoder
            .write_all(&bytes)
            .map_err(|e| CorpusError::io(&self.path, e))
    }

    pub(crate) fn finish(self) -> Result<(), CorpusError> {
        let path = self.path;
        let tmp = partial(&path);
        let file = self
            .encoder
            .finish()
            .map_err(|e| CorpusError::io(&tmp, e))?;
        let file = file
            .into_inner()
            .map_err(|e| CorpusError::io(&tmp, e.into_error()))?;
        file.sync_all().map_err(|e| CorpusError::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| CorpusError::io(&path, e))
    }
}

fn read_lines(path: &Path) -> Result<impl Iterator<Item = Result<Line, CorpusError>>, CorpusError> {
    let file = File::open(path).map_err(|e| CorpusError::io(path, e))?;
    let decoder = zstd::Decoder::new(file).map_err(|e| CorpusError::io(path, e))?;
    let display = path.display().to_string();
    Ok(BufReader::new(decoder).lines().map(move |line| {
        let line = line.map_err(|e| CorpusError::DedupState(format!("{display}: {e}")))?;
        serde_json::from_str(&line).map_err(|e| CorpusError::DedupState(format!("{display}: {e}")))
    }))
}

/// Writes `clusters.jsonl` (record id, cluster, duplicate_of per deduplicated record) from the
/// shards' files, for `dedup_score.py --pred`.
pub(crate) fn write_clusters(dir: &Path, files: &[String]) -> Result<(), CorpusError> {
    let path = dir.join(CLUSTERS);
    let tmp = partial(&path);
    let mut out = BufWriter::new(File::create(&tmp).map_err(|e| CorpusError::io(&tmp, e))?);
    for file in files {
        for line in read_lines(&dir.join(file))? {
            let mut line = line?;
            line.fingerprint = None;
            serde_json::to_writer(&mut out, &line)
                .map_err(|e| CorpusError::DedupState(e.to_string()))?;
            out.write_all(b"\n").map_err(|e| CorpusError::io(&tmp, e))?;
        }
    }
    out.flush().map_err(|e| CorpusError::io(&tmp, e))?;
    drop(out);
    std::fs::rename(&tmp, &path).map_err(|e| CorpusError::io(&path, e))
}
