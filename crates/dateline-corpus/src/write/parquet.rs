//! Parquet shards through arrow-rs: the same columns as the JSONL records, with `authors`,
//! `tags`, `dateline.agencies` and `blocks` as Arrow lists (`blocks` a list of structs).

use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, StringBuilder, UInt8Builder, UInt64Builder};
use arrow_array::{Array, ArrayRef, ListArray, RecordBatch, StringArray, StructArray};
use arrow_buffer::{NullBuffer, OffsetBuffer};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use dateline_model::Block;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use crate::record::OutputRecord;

/// Rows buffered before a record batch is written (bounds memory per shard).
const BATCH_ROWS: usize = 1024;

fn io_err(e: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(e)
}

fn item_field(data_type: DataType) -> Arc<Field> {
    Arc::new(Field::new("item", data_type, true))
}

fn string_list_type() -> DataType {
    DataType::List(item_field(DataType::Utf8))
}

fn dateline_fields() -> Fields {
    Fields::from(vec![
        Field::new("place", DataType::Utf8, true),
        Field::new("agencies", string_list_type(), false),
        Field::new("date", DataType::Utf8, true),
    ])
}

fn block_fields() -> Fields {
    Fields::from(vec![
        Field::new("type", DataType::Utf8, false),
        Field::new("text", DataType::Utf8, true),
        Field::new("level", DataType::UInt8, true),
        Field::new("ordered", DataType::Boolean, true),
        Field::new("items", string_list_type(), false),
        Field::new("src", DataType::Utf8, true),
        Field::new("alt", DataType::Utf8, true),
    ])
}

const STRING_COLUMNS: &[&str] = &[
    "source",
    "url",
    "canonical_url",
    "title",
    "description",
    "date_published",
    "date_modified",
    "site_name",
    "publisher",
    "section",
    "language",
    "image",
];

/// The Parquet schema of the output records.
pub fn schema() -> SchemaRef {
    let mut fields: Vec<Field> = STRING_COLUMNS
        .iter()
        .map(|name| Field::new(*name, DataType::Utf8, true))
        .collect();
    fields.push(Field::new("authors", string_list_type(), false));
    fields.push(Field::new("tags", string_list_type(), false));
    fields.push(Field::new(
        "dateline",
        DataType::Struct(dateline_fields()),
        true,
    ));
    fields.push(Field::new("text", DataType::Utf8, false));
    fields.push(Field::new(
        "blocks",
        DataType::List(item_field(DataType::Struct(block_fields()))),
        false,
    ));
    fields.push(Field::new("word_count", DataType::UInt64, false));
    for name in ["warc_file", "warc_record_id"] {
        fields.push(Field::new(name, DataType::Utf8, true));
    }
    fields.push(Field::new("warc_offset", DataType::UInt64, true));
    for name in ["warc_date", "fetched_at", "cluster_id", "duplicate_of"] {
        fields.push(Field::new(name, DataType::Utf8, true));
    }
    fields.push(Field::new("is_article", DataType::Boolean, false));
    fields.push(Field::new("not_article", DataType::Utf8, true));
    Arc::new(Schema::new(fields))
}

fn string_list<'a>(lists: impl Iterator<Item = &'a [String]>) -> ListArray {
    let mut lengths = Vec::new();
    let mut values = StringBuilder::new();
    for list in lists {
        lengths.push(list.len());
        for v in list {
            values.append_value(v);
        }
    }
    ListArray::new(
        item_field(DataType::Utf8),
        OffsetBuffer::from_lengths(lengths),
        Arc::new(values.finish()),
        None,
    )
}

fn strings<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(values.collect::<StringArray>())
}

/// Builds one record batch from output records.
fn record_batch(rows: &[OutputRecord]) -> Result<RecordBatch, arrow_schema::ArrowError> {
    let mut columns: Vec<ArrayRef> = Vec::new();
    for name in STRING_COLUMNS {
        columns.push(strings(rows.iter().map(|r| {
            let x = &r.article;
            match *name {
                "source" => x.source.as_deref(),
                "url" => x.url.as_deref(),
                "canonical_url" => x.canonical_url.as_deref(),
                "title" => x.title.as_deref(),
                "description" => x.description.as_deref(),
                "date_published" => x.date_published.as_deref(),
                "date_modified" => x.date_modified.as_deref(),
                "site_name" => x.site_name.as_deref(),
                "publisher" => x.publisher.as_deref(),
                "section" => x.section.as_deref(),
                "language" => x.language.as_deref(),
                _ => x.image.as_deref(),
            }
        })));
    }
    columns.push(Arc::new(string_list(
        rows.iter().map(|r| r.article.authors.as_slice()),
    )));
    columns.push(Arc::new(string_list(
        rows.iter().map(|r| r.article.tags.as_slice()),
    )));
    columns.push(Arc::new(datelines(rows)?));
    columns.push(strings(rows.iter().map(|r| Some(r.article.text.as_str()))));
    columns.push(Arc::new(blocks(rows)?));
    let mut words = UInt64Builder::with_capacity(rows.len());
    for r in rows {
        words.append_value(r.article.word_count as u64);
    }
    columns.push(Arc::new(words.finish()));
    columns.push(strings(rows.iter().map(|r| r.warc_file.as_deref())));
    columns.push(strings(rows.iter().map(|r| r.warc_record_id.as_deref())));
    let mut offsets = UInt64Builder::with_capacity(rows.len());
    for r in rows {
        offsets.append_option(r.warc_offset);
    }
    columns.push(Arc::new(offsets.finish()));
    columns.push(strings(rows.iter().map(|r| r.warc_date.as_deref())));
    columns.push(strings(rows.iter().map(|r| r.fetched_at.as_deref())));
    columns.push(strings(rows.iter().map(|r| r.cluster_id.as_deref())));
    columns.push(strings(rows.iter().map(|r| r.duplicate_of.as_deref())));
    let mut is_article = BooleanBuilder::with_capacity(rows.len());
    for r in rows {
        is_article.append_value(r.is_article);
    }
    columns.push(Arc::new(is_article.finish()));
    columns.push(strings(rows.iter().map(|r| r.not_article)));
    RecordBatch::try_new(schema(), columns)
}

fn datelines(rows: &[OutputRecord]) -> Result<StructArray, arrow_schema::ArrowError> {
    let lines: Vec<_> = rows.iter().map(|r| r.article.dateline.as_ref()).collect();
    let empty: Vec<String> = Vec::new();
    let place = strings(lines.iter().map(|d| d.and_then(|d| d.place.as_deref())));
    let agencies = string_list(
        lines
            .iter()
            .map(|d| d.map_or(empty.as_slice(), |d| d.agencies.as_slice())),
    );
    let date = strings(lines.iter().map(|d| d.and_then(|d| d.date.as_deref())));
    let nulls = NullBuffer::from(lines.iter().map(Option::is_some).collect::<Vec<bool>>());
    StructArray::try_new(
        dateline_fields(),
        vec![place, Arc::new(agencies), date],
        Some(nulls),
    )
}

fn block_type(block: &Block) -> &'static str {
    match block {
        Block::Heading { .. } => "heading",
        Block::Paragraph { .. } => "paragraph",
        Block::List { .. } => "list",
        Block::Quote { .. } => "quote",
        Block::Table { .. } => "table",
        Block::Code { .. } => "code",
        Block::FigureCaption { .. } => "figure_caption",
        Block::Image { .. } => "image",
    }
}

fn blocks(rows: &[OutputRecord]) -> Result<ListArray, arrow_schema::ArrowError> {
    let mut lengths = Vec::with_capacity(rows.len());
    let mut kinds = StringBuilder::new();
    let mut texts = StringBuilder::new();
    let mut levels = UInt8Builder::new();
    let mut ordered = BooleanBuilder::new();
    let mut item_lists: Vec<Vec<String>> = Vec::new();
    let mut srcs = StringBuilder::new();
    let mut alts = StringBuilder::new();
    for r in rows {
        lengths.push(r.article.blocks.len());
        for block in &r.article.blocks {
            kinds.append_value(block_type(block));
            match block {
                Block::Image { .. } => texts.append_null(),
                _ => texts.append_option(block.plain_text()),
            }
            match block {
                Block::Heading { level, .. } => levels.append_value(*level),
                _ => levels.append_null(),
            }
            match block {
                Block::List { ordered: o, .. } => ordered.append_value(*o),
                _ => ordered.append_null(),
            }
            item_lists.push(match block {
                Block::List { items, .. } => items.iter().map(|i| i.text.clone()).collect(),
                Block::Table { rows, .. } => rows
                    .iter()
                    .map(|row| {
                        row.cells
                            .iter()
                            .map(|c| c.text.as_str())
                            .collect::<Vec<_>>()
                            .join("\t")
                    })
                    .collect(),
                _ => Vec::new(),
            });
            match block {
                Block::Image { src, alt } => {
                    srcs.append_value(src);
                    alts.append_option(alt.as_deref());
                }
                _ => {
                    srcs.append_null();
                    alts.append_null();
                }
            }
        }
    }
    let items = string_list(item_lists.iter().map(Vec::as_slice));
    let values = StructArray::try_new(
        block_fields(),
        vec![
            Arc::new(kinds.finish()),
            Arc::new(texts.finish()),
            Arc::new(levels.finish()),
            Arc::new(ordered.finish()),
            Arc::new(items),
            Arc::new(srcs.finish()),
            Arc::new(alts.finish()),
        ],
        None,
    )?;
    ListArray::try_new(
        item_field(values.data_type().clone()),
        OffsetBuffer::from_lengths(lengths),
        Arc::new(values),
        None,
    )
}

pub(crate) struct ParquetWriter {
    writer: ArrowWriter<File>,
    rows: Vec<OutputRecord>,
}

impl ParquetWriter {
    pub(crate) fn create(path: &Path) -> io::Result<Self> {
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::try_new(3).map_err(io_err)?))
            .build();
        let writer =
            ArrowWriter::try_new(File::create(path)?, schema(), Some(props)).map_err(io_err)?;
        Ok(ParquetWriter {
            writer,
            rows: Vec::with_capacity(BATCH_ROWS),
        })
    }

    pub(crate) fn write(&mut self, record: OutputRecord) -> io::Result<()> {
        self.rows.push(record);
        if self.rows.len() >= BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let batch = record_batch(&self.rows).map_err(io_err)?;
        self.writer.write(&batch).map_err(io_err)?;
        self.rows.clear();
        Ok(())
    }

    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.flush()?;
        let file = self.writer.into_inner().map_err(io_err)?;
        file.sync_all()
    }
}
