//! Shard writers: each shard's files are written under a `.partial` name and renamed when
//! the shard is complete, so a crash never leaves a file that looks finished.

mod jsonl;
mod parquet;

use std::io;
use std::path::{Path, PathBuf};

use crate::config::{Compression, OutputConfig};
use crate::record::OutputRecord;

pub use self::parquet::schema as parquet_schema;

/// The file names of shard `index` for `config`.
pub(crate) fn shard_files(index: usize, config: &OutputConfig) -> Vec<String> {
    let mut files = Vec::new();
    if config.format.jsonl() {
        let ext = match config.compression {
            Compression::Zstd => "jsonl.zst",
            Compression::Gzip => "jsonl.gz",
            Compression::None => "jsonl",
        };
        files.push(format!("articles-{index:05}.{ext}"));
    }
    if config.format.parquet() {
        files.push(format!("articles-{index:05}.parquet"));
    }
    files
}

pub(crate) fn partial(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

/// The open files of one shard.
pub(crate) struct ShardWriter {
    jsonl: Option<(jsonl::JsonlWriter, PathBuf)>,
    parquet: Option<(parquet::ParquetWriter, PathBuf)>,
}

impl ShardWriter {
    pub(crate) fn create(dir: &Path, index: usize, config: &OutputConfig) -> io::Result<Self> {
        let mut writer = ShardWriter {
            jsonl: None,
            parquet: None,
        };
        for name in shard_files(index, config) {
            let path = dir.join(&name);
            if name.ends_with(".parquet") {
                writer.parquet = Some((parquet::ParquetWriter::create(&partial(&path))?, path));
            } else {
                let w = jsonl::JsonlWriter::create(&partial(&path), config.compression)?;
                writer.jsonl = Some((w, path));
            }
        }
        Ok(writer)
    }

    pub(crate) fn write(&mut self, record: OutputRecord) -> io::Result<()> {
        if let Some((w, _)) = &mut self.jsonl {
            w.write(&record)?;
        }
        if let Some((w, _)) = &mut self.parquet {
            w.write(record)?;
        }
        Ok(())
    }

    /// Flushes and closes the files, then gives them their final names.
    pub(crate) fn finish(self) -> io::Result<()> {
        if let Some((w, path)) = self.jsonl {
            w.finish()?;
            std::fs::rename(partial(&path), &path)?;
        }
        if let Some((w, path)) = self.parquet {
            w.finish()?;
            std::fs::rename(partial(&path), &path)?;
        }
        Ok(())
    }
}
