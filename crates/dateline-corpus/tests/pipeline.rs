//! End-to-end runs over WARCs, page directories and JSONL files built here.
#![allow(clippy::unwrap_used, missing_docs)]

mod support;

use std::path::Path;

use dateline_corpus::{
    CorpusConfig, CorpusError, DedupMode, InputKind, OutputFormat, RunStats, Silent, expand_inputs,
    run,
};
use serde_json::Value;
use support::*;

fn run_on(out: &Path, inputs: &[String], edit: impl FnOnce(&mut CorpusConfig)) -> RunStats {
    let mut config = CorpusConfig::new(out);
    config.jobs = 2;
    edit(&mut config);
    run(&config, &expand_inputs(inputs), &Silent).unwrap()
}

fn arg(path: &Path) -> String {
    path.display().to_string()
}

fn by_id<'a>(records: &'a [Value], id: &str) -> &'a Value {
    let want = format!("<urn:uuid:{id}>");
    records
        .iter()
        .find(|r| r["warc_record_id"] == want.as_str())
        .unwrap_or_else(|| panic!("no record {id}"))
}

#[test]
fn warc_records_become_articles_with_provenance_and_clusters() {
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("crawl.warc.gz");
    write_warc_gz(&warc, &crawl("w"));
    let out = dir.path().join("out");
    let stats = run_on(&out, &[arg(&warc)], |_| {});

    let records = read_jsonl_zst(&out.join("articles-00000.jsonl.zst"));
    assert_eq!(records.len(), 5, "{records:#?}");
    let a = by_id(&records, "w-a");
    assert_eq!(a["url"], "https://saltmere.example/2024/ferry");
    assert_eq!(a["warc_file"], arg(&warc).as_str());
    assert!(a["warc_offset"].as_u64().unwrap() > 0);
    assert_eq!(a["warc_date"], "2024-08-05T10:00:00Z");
    assert_eq!(a["fetched_at"], "2024-08-05T09:59:58Z");
    assert_eq!(
        a["title"],
        "Harbour council turns ferry terminal into library"
    );
    assert_eq!(a["is_article"], true);
    assert!(a["text"].as_str().unwrap().contains("empty ferry terminal"));
    // The wire copy joins the original's cluster; the utm copy is an exact duplicate.
    assert_eq!(a["cluster_id"], "<urn:uuid:w-a>");
    assert_eq!(a["duplicate_of"], Value::Null);
    assert_eq!(by_id(&records, "w-c")["duplicate_of"], "<urn:uuid:w-a>");
    assert_eq!(by_id(&records, "w-d")["duplicate_of"], "<urn:uuid:w-b>");
    // Different stories on the same template stay apart.
    assert_eq!(by_id(&records, "w-e")["cluster_id"], "<urn:uuid:w-e>");
    assert_eq!(by_id(&records, "w-b")["duplicate_of"], Value::Null);

    let c = &stats.counts;
    assert_eq!(c.records_read, 10);
    assert_eq!(c.pages, 5);
    assert_eq!(c.skipped["warcinfo"], 1);
    assert_eq!(c.skipped["request"], 1);
    assert_eq!(c.skipped["revisit"], 1);
    assert_eq!(c.skipped["non_200"], 1);
    assert_eq!(c.skipped["non_html"], 1);
    assert_eq!((c.exact_duplicates, c.near_duplicates), (1, 1));
    assert_eq!((c.written, c.articles_written, c.errors), (5, 5, 0));

    // stats.json and clusters.jsonl (the dedup_score.py prediction format) are written.
    let on_disk: Value =
        serde_json::from_slice(&std::fs::read(out.join("stats.json")).unwrap()).unwrap();
    assert_eq!(on_disk["records_read"], 10);
    assert_eq!(on_disk["skipped"]["revisit"], 1);
    let clusters = std::fs::read_to_string(out.join("clusters.jsonl")).unwrap();
    assert_eq!(clusters.lines().count(), 5);
    let line: Value = serde_json::from_str(clusters.lines().next().unwrap()).unwrap();
    assert_eq!(line["record_id"], "<urn:uuid:w-a>");
    assert_eq!(line["cluster"], "<urn:uuid:w-a>");
}

// The same crawl as a `.warc.zst` with a dictionary frame, found in a directory: the same
// articles, each with its record's frame offset.
#[test]
fn warc_zst_in_a_directory_gives_articles_with_frame_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let crawls = dir.path().join("crawls");
    std::fs::create_dir(&crawls).unwrap();
    let warc = crawls.join("crawl.warc.zst");
    let records = crawl("z");
    let offsets = write_warc_zst(&warc, &records);
    let inputs = expand_inputs(&[arg(&crawls)]);
    assert_eq!(inputs.len(), 1);
    assert_eq!(inputs[0].kind, InputKind::Warc);
    let out = dir.path().join("out");
    let stats = run(&CorpusConfig::new(&out), &inputs, &Silent).unwrap();

    let written = read_jsonl_zst(&out.join("articles-00000.jsonl.zst"));
    assert_eq!(written.len(), 5, "{written:#?}");
    let mut checked = 0;
    for (r, offset) in records.iter().zip(&offsets) {
        let text = String::from_utf8_lossy(r);
        let id = text
            .lines()
            .find_map(|l| l.strip_prefix("WARC-Record-ID: "))
            .unwrap();
        if let Some(a) = written.iter().find(|a| a["warc_record_id"] == id) {
            assert_eq!(a["warc_offset"], *offset, "{id}");
            assert_eq!(a["warc_file"], arg(&warc).as_str());
            checked += 1;
        }
    }
    assert_eq!(checked, 5);
    let a = by_id(&written, "z-a");
    assert_eq!(
        a["title"],
        "Harbour council turns ferry terminal into library"
    );
    assert_eq!(by_id(&written, "z-c")["duplicate_of"], "<urn:uuid:z-a>");
    let c = &stats.counts;
    assert_eq!((c.records_read, c.pages, c.errors), (10, 5, 0));
}

#[test]
fn dedup_drop_writes_only_first_seen_records() {
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("crawl.warc.gz");
    write_warc_gz(&warc, &crawl("d"));
    let out = dir.path().join("out");
    let stats = run_on(&out, &[arg(&warc)], |c| c.output.dedup = DedupMode::Drop);
    let records = read_jsonl_zst(&out.join("articles-00000.jsonl.zst"));
    assert_eq!(records.len(), 3);
    assert!(records.iter().all(|r| r["duplicate_of"].is_null()));
    assert_eq!(stats.counts.duplicates_dropped, 2);
}

// Every kind of bad input is counted with file and offset, and the good inputs around it are
// still read.
#[test]
fn bad_inputs_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.warc.gz");
    write_warc_gz(&good, &crawl("g"));
    let missing = dir.path().join("missing.warc.gz");
    let not_warc = dir.path().join("notes.warc");
    std::fs::write(&not_warc, "these are shopping notes, not an archive\n").unwrap();
    // Truncated gzip: the last member cut in half.
    let truncated = dir.path().join("cut.warc.gz");
    let records = crawl("t");
    let mut bytes = Vec::new();
    for r in &records {
        bytes.extend_from_slice(&gzip(r));
    }
    let last = gzip(records.last().unwrap()).len();
    bytes.truncate(bytes.len() - last / 2);
    std::fs::write(&truncated, &bytes).unwrap();
    // Garbage record in the middle of a plain WARC, and a garbled HTTP header block.
    let garbage = dir.path().join("junk.warc");
    let mut plain = response(
        "x-a",
        "https://saltmere.example/a",
        &page("Saltmere Post", 3, None, None),
    );
    let junk_offset = plain.len();
    plain.extend_from_slice(b"\x00\x01 binary junk where a record should be\n");
    plain.extend_from_slice(&record(
        "response",
        "x-h",
        "https://x.example/h",
        b"\x01\x02 no status line\r\n\r\n",
    ));
    plain.extend_from_slice(&response(
        "x-b",
        "https://kestrel.example/b",
        &page("Kestrel Courier", 2, None, None),
    ));
    std::fs::write(&garbage, &plain).unwrap();

    let inputs = [
        arg(&good),
        arg(&missing),
        arg(&not_warc),
        arg(&truncated),
        arg(&garbage),
    ];
    let out = dir.path().join("out");
    let stats = run_on(&out, &inputs, |c| c.output.dedup = DedupMode::Off);

    let errors = stats.error_samples.join("\n");
    assert!(errors.contains("missing.warc.gz: no such file"), "{errors}");
    assert!(
        errors.contains("notes.warc: offset 0: not a WARC file"),
        "{errors}"
    );
    assert!(errors.contains("cut.warc.gz: offset"), "{errors}");
    assert!(
        errors.contains(&format!("junk.warc: offset {junk_offset}: garbage")),
        "{errors}"
    );
    assert!(errors.contains("malformed HTTP response head"), "{errors}");
    assert_eq!(stats.counts.errors, 5, "{errors}");
    // Good records of every readable file are written.
    assert_eq!(
        read_jsonl_zst(&out.join("articles-00000.jsonl.zst")).len(),
        5
    );
    assert_eq!(
        read_jsonl_zst(&out.join("articles-00003.jsonl.zst")).len(),
        4
    );
    assert_eq!(
        read_jsonl_zst(&out.join("articles-00004.jsonl.zst")).len(),
        2
    );
    assert_eq!(stats.shards, 5);
}

#[test]
fn page_directories_and_jsonl_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir_all(pages.join("sub")).unwrap();
    std::fs::write(pages.join("a.html"), page("Saltmere Post", 0, None, None)).unwrap();
    std::fs::write(
        pages.join("sub/b.html"),
        page("Brackwood Times", 1, None, None),
    )
    .unwrap();
    std::fs::write(pages.join("notes.md"), "ignored").unwrap();
    let jsonl = dir.path().join("feed.jsonl");
    let text = STORIES[3].1.join("\n\n");
    let lines = [
        serde_json::json!({"url": "https://fernhill.example/logs", "text": text}).to_string(),
        "{not json".to_string(),
        serde_json::json!({"html": page("Kestrel Courier", 2, None, None), "id": "k-1"})
            .to_string(),
    ];
    std::fs::write(&jsonl, lines.join("\n")).unwrap();
    let inputs = expand_inputs(&[arg(&pages), arg(&jsonl)]);
    assert_eq!(inputs[0].kind, InputKind::Pages);
    assert_eq!(inputs[1].kind, InputKind::Jsonl);

    let out = dir.path().join("out");
    let stats = run_on(&out, &[arg(&pages), arg(&jsonl)], |_| {});
    let from_pages = read_jsonl_zst(&out.join("articles-00000.jsonl.zst"));
    assert_eq!(from_pages.len(), 2);
    assert!(
        from_pages[0]["source"]
            .as_str()
            .unwrap()
            .ends_with("a.html")
    );
    let from_jsonl = read_jsonl_zst(&out.join("articles-00001.jsonl.zst"));
    assert_eq!(from_jsonl.len(), 2);
    assert_eq!(from_jsonl[0]["url"], "https://fernhill.example/logs");
    assert!(
        from_jsonl[0]["text"]
            .as_str()
            .unwrap()
            .contains("handwritten weather logs")
    );
    assert_eq!(from_jsonl[1]["source"], "k-1");
    assert_eq!(from_jsonl[1]["cluster_id"], "k-1");
    assert_eq!(stats.counts.errors, 1);
    assert!(stats.error_samples[0].contains("feed.jsonl: line 2"));
}

#[test]
fn filters_and_all_decide_what_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("crawl.warc.gz");
    let mut records = crawl("f");
    records.push(response(
        "f-tag",
        "https://saltmere.example/tag/harbour/",
        "<html><body><ul><li><a href=/a>Ferry terminal vote</a></li>\
         <li><a href=/b>Quay repairs</a></li></ul></body></html>",
    ));
    write_warc_gz(&warc, &records);

    let out = dir.path().join("hosts");
    let stats = run_on(&out, &[arg(&warc)], |c| {
        c.output.filters.exclude_hosts = vec!["brackwood.example".into()];
        c.output.filters.since = Some("2024-08-02".into());
    });
    let written = read_jsonl_zst(&out.join("articles-00000.jsonl.zst"));
    // Saltmere (Aug 1) and wire copy (Aug 1) fail --since; Brackwood is excluded.
    assert_eq!(written.len(), 1);
    assert_eq!(written[0]["url"], "https://kestrel.example/sport/rowing");
    assert_eq!(stats.counts.filtered["exclude_host"], 2);
    assert_eq!(stats.counts.filtered["since"], 2);
    assert_eq!(stats.counts.not_articles.values().sum::<u64>(), 1);

    let out = dir.path().join("all");
    let stats = run_on(&out, &[arg(&warc)], |c| c.output.keep_all = true);
    let written = read_jsonl_zst(&out.join("articles-00000.jsonl.zst"));
    assert_eq!(written.len(), 6);
    let tag = by_id(&written, "f-tag");
    assert_eq!(tag["is_article"], false);
    assert_eq!(stats.counts.articles_written, 5);
}

#[test]
fn parquet_shard_reads_back_with_arrow() {
    use arrow_array::{Array, BooleanArray, ListArray, StringArray, StructArray, UInt64Array};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("crawl.warc.gz");
    write_warc_gz(&warc, &crawl("p"));
    let out = dir.path().join("out");
    run_on(&out, &[arg(&warc)], |c| {
        c.output.format = OutputFormat::Both
    });
    let jsonl = read_jsonl_zst(&out.join("articles-00000.jsonl.zst"));

    let file = std::fs::File::open(out.join("articles-00000.parquet")).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<_> = reader.map(Result::unwrap).collect();
    let batch = arrow_select_concat(&batches);
    assert_eq!(batch.num_rows(), jsonl.len());
    assert_eq!(batch.schema(), dateline_corpus::parquet_schema());
    let col = |name: &str| batch.column_by_name(name).unwrap().clone();
    let ids = col("warc_record_id");
    let ids = ids.as_any().downcast_ref::<StringArray>().unwrap();
    let titles = col("title");
    let titles = titles.as_any().downcast_ref::<StringArray>().unwrap();
    let words = col("word_count");
    let words = words.as_any().downcast_ref::<UInt64Array>().unwrap();
    let dup = col("duplicate_of");
    let dup = dup.as_any().downcast_ref::<StringArray>().unwrap();
    let is_article = col("is_article");
    let is_article = is_article.as_any().downcast_ref::<BooleanArray>().unwrap();
    for (i, record) in jsonl.iter().enumerate() {
        assert_eq!(ids.value(i), record["warc_record_id"].as_str().unwrap());
        assert_eq!(titles.value(i), record["title"].as_str().unwrap());
        assert_eq!(words.value(i), record["word_count"].as_u64().unwrap());
        assert_eq!(dup.is_null(i), record["duplicate_of"].is_null());
        assert_eq!(is_article.value(i), record["is_article"].as_bool().unwrap());
    }
    // Blocks are a list of structs: the first article's paragraphs come back in order.
    let blocks = col("blocks");
    let blocks = blocks.as_any().downcast_ref::<ListArray>().unwrap();
    let first = blocks.value(0);
    let first = first.as_any().downcast_ref::<StructArray>().unwrap();
    let texts = first.column_by_name("text").unwrap();
    let texts = texts.as_any().downcast_ref::<StringArray>().unwrap();
    let expected: Vec<&str> = jsonl[0]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        (0..texts.len()).map(|i| texts.value(i)).collect::<Vec<_>>(),
        expected
    );
}

fn arrow_select_concat(batches: &[arrow_array::RecordBatch]) -> arrow_array::RecordBatch {
    assert_eq!(batches.len(), 1, "small shards are one batch");
    batches[0].clone()
}

// A run killed in the middle of a shard and run again gives the same shards, byte for byte,
// as one uninterrupted run: finished shards are kept, the cut one is redone, and dedup state
// is replayed so later duplicates still point at records of finished shards.
#[test]
fn resumed_run_gives_the_same_shards_as_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = Vec::new();
    for (i, prefix) in ["r0", "r1", "r2"].iter().enumerate() {
        let warc = dir.path().join(format!("part-{i}.warc.gz"));
        write_warc_gz(&warc, &crawl(prefix));
        inputs.push(arg(&warc));
    }
    let whole = dir.path().join("whole");
    let once = run_on(&whole, &inputs, |c| c.output.format = OutputFormat::Both);

    let resumed = dir.path().join("resumed");
    // 5 records per shard: the halt hits the middle of the second shard.
    let halted = run_on(&resumed, &inputs, |c| {
        c.output.format = OutputFormat::Both;
        c.halt_after_records = Some(7);
    });
    assert_eq!(halted.shards_resumed, 0);
    assert!(resumed.join("articles-00000.parquet").exists());
    assert!(!resumed.join("articles-00001.parquet").exists());
    let again = run_on(&resumed, &inputs, |c| c.output.format = OutputFormat::Both);
    assert_eq!(again.shards_resumed, 1);
    assert_eq!(again.counts, once.counts);

    for i in 0..3 {
        for ext in ["jsonl.zst", "parquet"] {
            let name = format!("articles-{i:05}.{ext}");
            assert_eq!(
                std::fs::read(whole.join(&name)).unwrap(),
                std::fs::read(resumed.join(&name)).unwrap(),
                "{name} differs"
            );
        }
    }
    assert_eq!(
        std::fs::read(whole.join("clusters.jsonl")).unwrap(),
        std::fs::read(resumed.join("clusters.jsonl")).unwrap()
    );
    // Later shards hold duplicates of the first shard's records.
    let last = read_jsonl_zst(&whole.join("articles-00002.jsonl.zst"));
    assert_eq!(by_id(&last, "r2-a")["duplicate_of"], "<urn:uuid:r0-a>");
}

#[test]
fn output_of_another_run_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("crawl.warc.gz");
    write_warc_gz(&warc, &crawl("m"));
    let out = dir.path().join("out");
    run_on(&out, &[arg(&warc)], |_| {});
    let mut config = CorpusConfig::new(&out);
    config.output.dedup = DedupMode::Drop;
    let err = run(&config, &expand_inputs(&[arg(&warc)]), &Silent).unwrap_err();
    assert!(matches!(err, CorpusError::Manifest(_)), "{err}");
}

#[test]
fn gzip_and_plain_jsonl_shards_hold_the_same_records() {
    use std::io::Read;

    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("crawl.warc.gz");
    write_warc_gz(&warc, &crawl("z"));
    let gz = dir.path().join("gz");
    run_on(&gz, &[arg(&warc)], |c| {
        c.output.compression = dateline_corpus::Compression::Gzip;
    });
    let plain = dir.path().join("plain");
    run_on(&plain, &[arg(&warc)], |c| {
        c.output.compression = dateline_corpus::Compression::None;
    });
    let mut from_gz = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(gz.join("articles-00000.jsonl.gz")).unwrap())
        .read_to_string(&mut from_gz)
        .unwrap();
    let from_plain = std::fs::read_to_string(plain.join("articles-00000.jsonl")).unwrap();
    assert_eq!(from_gz, from_plain);
    assert_eq!(from_plain.lines().count(), 5);
}

#[test]
fn text_input_is_read_as_a_flattened_page() {
    let dir = tempfile::tempdir().unwrap();
    let text = [
        "Home | World | Sport | Weather | Contact",
        "",
        "Ferry service to Gull Island resumes after the storm",
        "",
        "The morning ferry to Gull Island left the harbour on Tuesday for the first time in nine days, after storm damage to the landing stage was repaired by a crew working through the weekend.",
        "",
        "Islanders had relied on a fishing boat for groceries and post while the crossing was closed. The harbour master said the timetable would be back to normal by Thursday, with an extra evening sailing on Friday.",
        "",
        "The operator thanked passengers for their patience and said it would refund every season ticket holder for the days the service did not run, which the island council had asked for last week.",
        "",
        "Related Stories",
        "",
        "Council approves new harbour wall ..",
        "Lifeboat crew honoured at dinner ..",
        "",
        "© 2024 The Harbour Gazette. All rights reserved.",
    ]
    .join("\n");
    let jsonl = dir.path().join("dump.jsonl");
    std::fs::write(
        &jsonl,
        serde_json::json!({"url": "https://gazette.example/ferry", "text": text}).to_string(),
    )
    .unwrap();
    let out = dir.path().join("out");
    run_on(&out, &[arg(&jsonl)], |_| {});
    let records = read_jsonl_zst(&out.join("articles-00000.jsonl.zst"));
    assert_eq!(records.len(), 1);
    let body = records[0]["text"].as_str().unwrap();
    assert!(body.starts_with("The morning ferry"), "{body}");
    for boilerplate in [
        "Home | World",
        "Related Stories",
        "harbour wall",
        "All rights reserved",
    ] {
        assert!(!body.contains(boilerplate), "{boilerplate:?} in {body}");
    }
}
