//! The run: a reader thread, a pool of workers, and the ordered writer on the calling
//! thread, joined by bounded channels.
//!
//! Records travel in batches: one channel message, and so one hand-over between threads,
//! per [`BATCH_RECORDS`] records rather than per record. Pinned to one core, the three
//! threads otherwise took turns thousands of times a second, each turn a spin, a yield and a
//! cold cache; on several cores, the same waits were spent spinning.
//!
//! Memory stays constant: at most `window` batches are between the reader and the writer
//! (the reader takes a token per batch, the writer gives it back once the batch is
//! written), so a slow page cannot make the finished records behind it pile up.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use crossbeam_channel::{Receiver, Sender, bounded};

use crate::classify::NotArticle;
use crate::config::{CorpusConfig, DedupMode};
use crate::dedup_state::{self, DedupState, ShardLog};
use crate::error::CorpusError;
use crate::input::Input;
use crate::manifest::{Manifest, ShardEntry};
use crate::process::{Outcome, Processed, Worker};
use crate::record::OutputRecord;
use crate::source::{Item, read_input};
use crate::stats::{Counts, RunStats};
use crate::write::{ShardWriter, shard_files};

/// Error messages kept per shard and per run.
const ERROR_SAMPLES: usize = 100;

/// Records per batch: enough that hand-overs between threads cost little next to the pages,
/// few enough that a batch of slow pages keeps the other workers busy for not much longer.
const BATCH_RECORDS: usize = 8;

/// Bytes of pages beyond which a batch is sent before it is full, so that batches of large
/// records do not multiply the memory the window holds.
const BATCH_BYTES: usize = 4 << 20;

/// Batches in flight per worker: with [`BATCH_RECORDS`], the 64 records per worker the
/// window has always allowed.
const WINDOW_BATCHES_PER_JOB: usize = 8;

/// Live counts for a progress display.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// Records read by this invocation.
    pub records: u64,
    /// Pages extracted by this invocation.
    pub pages: u64,
    /// Records written by this invocation.
    pub written: u64,
    /// Duplicates found by this invocation.
    pub duplicates: u64,
    /// Errors met by this invocation.
    pub errors: u64,
    /// Shards finished, resumed ones included.
    pub shards_done: usize,
    /// Shards in the run.
    pub shards: usize,
    /// Seconds since the start of this invocation.
    pub seconds: f64,
}

/// Receives progress and problems while a run goes on (from the writer thread).
pub trait Reporter: Sync {
    /// Called every few hundred records and at the end of each shard.
    fn progress(&self, _progress: &Progress) {}
    /// A bad input or record (already counted).
    fn warn(&self, _message: &str) {}
}

/// A reporter that ignores everything.
pub struct Silent;

impl Reporter for Silent {}

enum Work {
    Start(usize),
    // Boxed: an item is large, and start and end markers pass through the same channel.
    Item(Box<Item>),
    End(usize),
}

enum Done {
    Start(usize),
    Item(Box<Processed>),
    End(usize),
}

/// Runs the pipeline over `inputs` (in shard order) into `config.out`, resuming from the
/// manifest there. Bad inputs and records are counted, not fatal; an error is returned only
/// when the output cannot be written or belongs to another run.
pub fn run(
    config: &CorpusConfig,
    inputs: &[Input],
    reporter: &dyn Reporter,
) -> Result<RunStats, CorpusError> {
    let started = Instant::now();
    let out = config.out.as_path();
    std::fs::create_dir_all(out.join(dedup_state::DEDUP_DIR))
        .map_err(|e| CorpusError::io(out, e))?;
    let mut manifest = match Manifest::load(out, &config.output, inputs)? {
        Some(m) => m,
        None => Manifest::new(&config.output, inputs),
    };
    let resumed = manifest.shards.len();
    let mut dedup = (config.output.dedup != DedupMode::Off)
        .then(|| DedupState::new(&config.output.dedup_config));
    if let Some(state) = &mut dedup {
        for shard in &manifest.shards {
            if let Some(file) = &shard.dedup_file {
                state.replay(out, file)?;
            }
        }
    }
    let mut writer = Writer {
        config,
        out,
        manifest: &mut manifest,
        dedup,
        reporter,
        started,
        progress: Progress {
            shards_done: resumed,
            shards: inputs.len(),
            ..Progress::default()
        },
        shard: None,
        samples: Vec::new(),
        halted: false,
    };
    let jobs = config.jobs.max(1);
    let window = WINDOW_BATCHES_PER_JOB * jobs;
    let worker = Worker::new(&config.output, config.limits.clone());
    let pending: Vec<(usize, &Input)> = inputs.iter().enumerate().skip(resumed).collect();
    let result = std::thread::scope(|scope| {
        let (work_tx, work_rx) = bounded::<(u64, Vec<Work>)>(2 * jobs);
        let (done_tx, done_rx) = bounded::<(u64, Vec<Done>)>(2 * jobs);
        let (token_tx, token_rx) = bounded::<()>(window);
        for _ in 0..window {
            let _ = token_tx.send(());
        }
        let max_bytes = config.limits.max_input_bytes;
        scope.spawn(move || reader(&pending, max_bytes, &work_tx, &token_rx));
        for _ in 0..jobs {
            let work_rx = work_rx.clone();
            let done_tx = done_tx.clone();
            let worker = &worker;
            // Extraction walks recurse down to the parser's depth cap; give them room.
            let spawned = std::thread::Builder::new()
                .name("extract".into())
                .stack_size(16 * 1024 * 1024)
                .spawn_scoped(scope, move || {
                    for (seq, batch) in work_rx.iter() {
                        let done = batch.into_iter().map(|work| work.process(worker)).collect();
                        if done_tx.send((seq, done)).is_err() {
                            return;
                        }
                    }
                });
            if let Err(e) = spawned {
                return Err(CorpusError::io(out, e));
            }
        }
        drop(work_rx);
        drop(done_tx);
        // Returning drops the receivers and the token sender, which stops the other threads.
        writer.drain(done_rx, token_tx)
    });
    result?;
    let totals = writer.finish_run()?;
    let seconds = started.elapsed().as_secs_f64();
    let progress = writer.progress.clone();
    let samples = std::mem::take(&mut writer.samples);
    drop(writer);
    let stats = RunStats {
        counts: totals,
        shards: inputs.len(),
        shards_resumed: resumed,
        seconds,
        records_per_sec: rate(progress.records, seconds),
        pages_per_sec: rate(progress.pages, seconds),
        error_samples: samples,
    };
    let path = out.join("stats.json");
    let bytes =
        serde_json::to_vec_pretty(&stats).map_err(|e| CorpusError::Manifest(e.to_string()))?;
    std::fs::write(&path, bytes).map_err(|e| CorpusError::io(&path, e))?;
    Ok(stats)
}

fn rate(n: u64, seconds: f64) -> f64 {
    if seconds > 0.0 {
        n as f64 / seconds
    } else {
        0.0
    }
}

impl Work {
    fn process(self, worker: &Worker) -> Done {
        match self {
            Work::Start(i) => Done::Start(i),
            Work::End(i) => Done::End(i),
            Work::Item(item) => Done::Item(Box::new(worker.process(*item))),
        }
    }
}

fn reader(
    pending: &[(usize, &Input)],
    max_bytes: usize,
    work_tx: &Sender<(u64, Vec<Work>)>,
    tokens: &Receiver<()>,
) {
    let mut batches = Batcher {
        work_tx,
        tokens,
        seq: 0,
        batch: Vec::with_capacity(BATCH_RECORDS),
        bytes: 0,
    };
    for &(index, input) in pending {
        if !batches.push(Work::Start(index)) {
            return;
        }
        let mut open = true;
        read_input(input, max_bytes, &mut |item| {
            open = batches.push(Work::Item(Box::new(item)));
            open
        });
        if !open || !batches.push(Work::End(index)) {
            return;
        }
    }
    batches.send();
}

/// Gathers the reader's work into batches and sends each under a token.
struct Batcher<'a> {
    work_tx: &'a Sender<(u64, Vec<Work>)>,
    tokens: &'a Receiver<()>,
    seq: u64,
    batch: Vec<Work>,
    bytes: usize,
}

impl Batcher<'_> {
    /// Adds `work`, sending the batch once it is full; `false` when the run is shutting down.
    fn push(&mut self, work: Work) -> bool {
        if let Work::Item(item) = &work {
            self.bytes += item.payload_bytes();
        }
        self.batch.push(work);
        if self.batch.len() >= BATCH_RECORDS || self.bytes >= BATCH_BYTES {
            return self.send();
        }
        true
    }

    /// Sends what has been gathered; `false` when the run is shutting down.
    fn send(&mut self) -> bool {
        if self.batch.is_empty() {
            return true;
        }
        if self.tokens.recv().is_err() {
            return false;
        }
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH_RECORDS));
        self.bytes = 0;
        let ok = self.work_tx.send((self.seq, batch)).is_ok();
        self.seq += 1;
        ok
    }
}

struct OpenShard {
    index: usize,
    files: ShardWriter,
    log: Option<ShardLog>,
    counts: Counts,
    errors: Vec<String>,
    records: u64,
}

struct Writer<'a> {
    config: &'a CorpusConfig,
    out: &'a Path,
    manifest: &'a mut Manifest,
    dedup: Option<DedupState>,
    reporter: &'a dyn Reporter,
    started: Instant,
    progress: Progress,
    shard: Option<OpenShard>,
    samples: Vec<String>,
    halted: bool,
}

impl Writer<'_> {
    /// Writes results in reader order until the reader is done (or the halt hook fires).
    fn drain(
        &mut self,
        done: Receiver<(u64, Vec<Done>)>,
        tokens: Sender<()>,
    ) -> Result<(), CorpusError> {
        let mut next = 0u64;
        let mut waiting: BTreeMap<u64, Vec<Done>> = BTreeMap::new();
        for (seq, batch) in done.iter() {
            waiting.insert(seq, batch);
            while let Some(batch) = waiting.remove(&next) {
                next += 1;
                for item in batch {
                    self.handle(item)?;
                    if self.halted {
                        return Ok(());
                    }
                }
                let _ = tokens.send(());
            }
        }
        Ok(())
    }

    fn handle(&mut self, done: Done) -> Result<(), CorpusError> {
        match done {
            Done::Start(index) => {
                let files = ShardWriter::create(self.out, index, &self.config.output)
                    .map_err(|e| CorpusError::io(self.out, e))?;
                let log = match self.dedup {
                    Some(_) => Some(ShardLog::create(self.out, index)?),
                    None => None,
                };
                self.shard = Some(OpenShard {
                    index,
                    files,
                    log,
                    counts: Counts::default(),
                    errors: Vec::new(),
                    records: 0,
                });
            }
            Done::Item(processed) => self.record(*processed)?,
            Done::End(index) => self.finish_shard(index)?,
        }
        Ok(())
    }

    fn record(&mut self, processed: Processed) -> Result<(), CorpusError> {
        let Some(shard) = self.shard.as_mut() else {
            return Ok(());
        };
        let Processed {
            source,
            prov,
            outcome,
        } = processed;
        shard.records += 1;
        shard.counts.records_read += 1;
        self.progress.records += 1;
        let counts = &mut shard.counts;
        match outcome {
            Outcome::Skipped(reason) => Counts::bump(&mut counts.skipped, reason),
            Outcome::Failed(message) => {
                counts.errors += 1;
                self.progress.errors += 1;
                self.reporter.warn(&message);
                if shard.errors.len() < ERROR_SAMPLES {
                    shard.errors.push(message.clone());
                }
                if self.samples.len() < ERROR_SAMPLES {
                    self.samples.push(message);
                }
            }
            Outcome::Filtered(key) => {
                if key != "host" && key != "exclude_host" {
                    counts.pages += 1;
                    self.progress.pages += 1;
                }
                Counts::bump(&mut counts.filtered, key);
            }
            Outcome::NotArticle(why) => {
                counts.pages += 1;
                self.progress.pages += 1;
                Counts::bump(&mut counts.not_articles, why.name());
            }
            Outcome::Kept(kept) => {
                counts.pages += 1;
                self.progress.pages += 1;
                if let Some(why) = kept.not_article {
                    Counts::bump(&mut counts.not_articles, why.name());
                }
                let id = prov.record_id(&source);
                let mut record =
                    OutputRecord::new(kept.article, prov, kept.not_article.map(NotArticle::name));
                if let (Some(state), Some(log), Some(fp)) =
                    (&mut self.dedup, shard.log.as_mut(), kept.fingerprint)
                {
                    let key = dedup_state::key(shard.index, shard.records);
                    let decision = state.decide(log, key, &id, fp)?;
                    match decision.kind {
                        dateline_dedup::DuplicateKind::Unique => {}
                        dateline_dedup::DuplicateKind::Exact => counts.exact_duplicates += 1,
                        dateline_dedup::DuplicateKind::Near => counts.near_duplicates += 1,
                    }
                    let duplicate = decision.duplicate_of.is_some();
                    if duplicate {
                        self.progress.duplicates += 1;
                    }
                    record.cluster_id = Some(decision.cluster_id);
                    record.duplicate_of = decision.duplicate_of;
                    if duplicate && self.config.output.dedup == DedupMode::Drop {
                        counts.duplicates_dropped += 1;
                        return Ok(());
                    }
                }
                counts.written += 1;
                if record.is_article {
                    counts.articles_written += 1;
                }
                shard
                    .files
                    .write(record)
                    .map_err(|e| CorpusError::io(self.out, e))?;
                self.progress.written += 1;
                if let Some(limit) = self.config.halt_after_records
                    && self.progress.written >= limit
                {
                    self.halted = true;
                    return Ok(());
                }
            }
        }
        if self.progress.records.is_multiple_of(256) {
            self.progress.seconds = self.started.elapsed().as_secs_f64();
            self.reporter.progress(&self.progress);
        }
        Ok(())
    }

    fn finish_shard(&mut self, index: usize) -> Result<(), CorpusError> {
        let Some(shard) = self.shard.take() else {
            return Ok(());
        };
        shard
            .files
            .finish()
            .map_err(|e| CorpusError::io(self.out, e))?;
        let dedup_file = match shard.log {
            Some(log) => {
                log.finish()?;
                Some(dedup_state::shard_file(index))
            }
            None => None,
        };
        let input = self
            .manifest
            .inputs
            .get(index)
            .map(|i| i.path.clone())
            .unwrap_or_default();
        self.manifest.shards.push(ShardEntry {
            index,
            input,
            files: shard_files(index, &self.config.output),
            dedup_file,
            counts: shard.counts,
            errors: shard.errors,
        });
        self.manifest.save(self.out)?;
        self.progress.shards_done += 1;
        self.progress.seconds = self.started.elapsed().as_secs_f64();
        self.reporter.progress(&self.progress);
        Ok(())
    }

    /// Totals over all finished shards, and `clusters.jsonl`.
    fn finish_run(&mut self) -> Result<Counts, CorpusError> {
        let mut totals = Counts::default();
        for shard in &self.manifest.shards {
            totals.add(&shard.counts);
        }
        if self.dedup.is_some() && !self.halted {
            let files: Vec<String> = self
                .manifest
                .shards
                .iter()
                .filter_map(|s| s.dedup_file.clone())
                .collect();
            dedup_state::write_clusters(self.out, &files)?;
        }
        Ok(totals)
    }
}
