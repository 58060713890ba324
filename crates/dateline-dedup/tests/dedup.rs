//! Behaviour of fingerprinting and clustering on invented stories and their syndicated copies.
#![allow(clippy::unwrap_used)]

mod stories;

use dateline_dedup::{
    DedupConfig, Deduper, DuplicateKind, Fingerprint, Fingerprinter, Verdict, fingerprint,
};
use stories::*;

/// Inserts the texts in order with keys 0, 1, ... and returns the verdicts.
fn cluster(texts: &[&str]) -> Vec<Verdict> {
    let config = DedupConfig::default();
    let fingerprinter = Fingerprinter::new(&config);
    let mut deduper = Deduper::new(config);
    texts
        .iter()
        .enumerate()
        .map(|(key, text)| deduper.insert(key as u64, &fingerprinter.fingerprint(text)))
        .collect()
}

fn unique(key: u64) -> Verdict {
    Verdict {
        cluster_id: key,
        duplicate_of: None,
        kind: DuplicateKind::Unique,
    }
}

fn duplicate(of: u64, kind: DuplicateKind) -> Verdict {
    Verdict {
        cluster_id: of,
        duplicate_of: Some(of),
        kind,
    }
}

#[test]
fn identical_text_is_an_exact_duplicate() {
    assert_eq!(
        cluster(&[FERRY, GLACIER, FERRY]),
        [unique(0), unique(1), duplicate(0, DuplicateKind::Exact)]
    );
}

#[test]
fn respaced_and_repunctuated_text_is_an_exact_duplicate() {
    let respaced = FERRY
        .replace('\n', "\n\n   ")
        .replace(", ", " , ")
        .replace(". ", ".  ")
        .replace('\'', "\u{2019}")
        .to_uppercase();
    assert_eq!(
        cluster(&[FERRY, &respaced]),
        [unique(0), duplicate(0, DuplicateKind::Exact)]
    );
}

#[test]
fn copy_with_a_new_dateline_and_a_tail_line_is_a_near_duplicate() {
    let copy = format!(
        "NORTHPORT (Coastal Wire) \u{2014} {FERRY}\n(Reporting by Ada Voss; Editing by Liam Crane)"
    );
    assert_eq!(
        cluster(&[FERRY, &copy]),
        [unique(0), duplicate(0, DuplicateKind::Near)]
    );
}

#[test]
fn copy_cut_to_65_percent_is_a_near_duplicate_either_way_round() {
    let cut = cut_to_percent(FERRY, 65);
    assert_eq!(
        cluster(&[FERRY, &cut]),
        [unique(0), duplicate(0, DuplicateKind::Near)]
    );
    assert_eq!(
        cluster(&[&cut, FERRY]),
        [unique(0), duplicate(0, DuplicateKind::Near)]
    );
}

#[test]
fn copy_with_two_percent_of_words_changed_is_a_near_duplicate() {
    let edited = change_every_nth_word(GLACIER, 50);
    assert_ne!(edited, GLACIER);
    assert_eq!(
        cluster(&[GLACIER, &edited]),
        [unique(0), duplicate(0, DuplicateKind::Near)]
    );
}

#[test]
fn copy_with_every_edit_at_once_joins_the_cluster_of_its_source() {
    // Dateline added, last paragraph dropped, a correction note, 2% of words changed, then
    // cut to 70%: the worst copy a wire story gets in the benchmark corpus.
    let edited = change_every_nth_word(&drop_last_paragraph(FERRY), 50);
    let copy = format!(
        "Correction: an earlier version gave the wrong date of the vote.\nSALTMERE (AP) \u{2014} {}",
        cut_to_percent(&edited, 70)
    );
    let verdicts = cluster(&[GLACIER, FERRY, ROWING, &copy]);
    assert_eq!(verdicts[3], duplicate(1, DuplicateKind::Near));
}

#[test]
fn copies_join_the_first_seen_record_of_their_story() {
    let copy_a = format!("HARBOUR TOWN (Wire) \u{2014} {}", cut_to_percent(FERRY, 75));
    let copy_b = change_every_nth_word(FERRY, 40);
    assert_eq!(
        cluster(&[&copy_a, GLACIER, FERRY, &copy_b]),
        [
            unique(0),
            unique(1),
            duplicate(0, DuplicateKind::Near),
            duplicate(0, DuplicateKind::Near)
        ]
    );
}

#[test]
fn chinese_copy_with_a_changed_phrase_and_the_last_paragraph_dropped_is_a_near_duplicate() {
    let copy = drop_last_paragraph(LIBRARY_ZH).replace("最受欢迎", "最得人心");
    let other = "\
山谷研究所的科学家测得冰川前缘在上一个融化季节后退了将近九十米，是有记录以来最快的一次。\
研究团队用一圈延时相机和每两周一次的无人机测量跟踪冰体的变化，这条冰川为下游三个城镇供水。";
    assert_eq!(
        cluster(&[LIBRARY_ZH, other, &copy]),
        [unique(0), unique(1), duplicate(0, DuplicateKind::Near)]
    );
}

#[test]
fn different_stories_sharing_a_long_boilerplate_paragraph_do_not_merge() {
    let a = format!("{FERRY}\n{BOILERPLATE}");
    let b = format!("{GLACIER}\n{BOILERPLATE}");
    let c = format!("{BOILERPLATE}\n{ROWING}");
    assert_eq!(cluster(&[&a, &b, &c]), [unique(0), unique(1), unique(2)]);
}

#[test]
fn brief_quoted_inside_a_long_round_up_is_not_a_copy_of_it() {
    // All of the brief is in the round-up (containment 1), but it is a fifth of its size.
    let round_up = format!("{FERRY}\n{GLACIER}\n{ROWING}");
    let brief = cut_to_percent(GLACIER, 60);
    assert_eq!(cluster(&[&round_up, &brief]), [unique(0), unique(1)]);
}

#[test]
fn second_story_of_a_round_up_does_not_join_the_first_story_through_it() {
    // The two-story page matches the ferry story (which it contains); the glacier story
    // matches the page too, but shares nothing with the ferry cluster's canonical.
    let two_stories = format!("{FERRY}\n{GLACIER}");
    let verdicts = cluster(&[FERRY, &two_stories, GLACIER]);
    assert_eq!(verdicts[1], duplicate(0, DuplicateKind::Near));
    assert_eq!(verdicts[2], unique(2));
}

#[test]
fn different_stories_do_not_merge() {
    assert_eq!(
        cluster(&[FERRY, GLACIER, ROWING]),
        [unique(0), unique(1), unique(2)]
    );
}

#[test]
fn short_texts_match_exactly_only() {
    let short = "Saltmere council votes to turn the old ferry terminal into a library.";
    let short_edit = "Saltmere council votes to turn the empty ferry terminal into a library.";
    assert!(
        fingerprint(short, &DedupConfig::default())
            .signature()
            .is_empty()
    );
    assert_eq!(
        cluster(&[short, short_edit, short]),
        [unique(0), unique(1), duplicate(0, DuplicateKind::Exact)]
    );
}

#[test]
fn empty_texts_never_match_each_other() {
    assert_eq!(
        cluster(&["", "  ", FERRY, ""]),
        [unique(0), unique(1), unique(2), unique(3)]
    );
}

#[test]
fn identical_payloads_match_even_without_text() {
    let config = DedupConfig::default();
    let mut deduper = Deduper::new(config.clone());
    let page = b"<html><body><img src=gallery.jpg></body></html>";
    let empty = fingerprint("", &config);
    assert_eq!(
        deduper.insert(10, &empty.clone().with_payload(page)),
        unique(10)
    );
    assert_eq!(
        deduper.insert(11, &empty.clone().with_payload(b"<html></html>")),
        unique(11)
    );
    assert_eq!(
        deduper.insert(12, &empty.with_payload(page)),
        duplicate(10, DuplicateKind::Exact)
    );
    assert_eq!(deduper.len(), 3);
}

#[test]
fn same_order_gives_same_verdicts() {
    let copy = cut_to_percent(&change_every_nth_word(ROWING, 45), 80);
    let texts = [GLACIER, FERRY, &copy, ROWING, "", FERRY, BOILERPLATE];
    assert_eq!(cluster(&texts), cluster(&texts));
}

#[test]
fn replayed_fingerprints_give_the_verdicts_of_an_uninterrupted_run() {
    let copy = cut_to_percent(ROWING, 70);
    let texts = [ROWING, GLACIER, &copy, FERRY, ROWING];
    let config = DedupConfig::default();
    let fingerprints: Vec<Fingerprint> = texts.iter().map(|t| fingerprint(t, &config)).collect();
    let uninterrupted = cluster(&texts);

    // A resumed run: the first three come back from storage, the rest are computed anew.
    let stored: Vec<String> = fingerprints[..3]
        .iter()
        .map(|f| serde_json::to_string(f).unwrap())
        .collect();
    let mut deduper = Deduper::new(config.clone());
    let mut resumed: Vec<Verdict> = stored
        .iter()
        .enumerate()
        .map(|(key, json)| deduper.insert(key as u64, &serde_json::from_str(json).unwrap()))
        .collect();
    for (key, text) in texts.iter().enumerate().skip(3) {
        resumed.push(deduper.insert(key as u64, &fingerprint(text, &config)));
    }
    assert_eq!(resumed, uninterrupted);
}

#[test]
fn fingerprint_round_trips_through_json_and_a_binary_format() {
    let config = DedupConfig::default();
    for text in [FERRY, "", "Short text.", GLACIER] {
        let plain = fingerprint(text, &config);
        for f in [plain.clone(), plain.with_payload(text.as_bytes())] {
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(serde_json::from_str::<Fingerprint>(&json).unwrap(), f);
            let bytes = postcard::to_stdvec(&f).unwrap();
            assert_eq!(postcard::from_bytes::<Fingerprint>(&bytes).unwrap(), f);
        }
    }
    // The compactness the corpus pipeline relies on: 128 permutations of 2 bytes plus a few
    // varints in a binary format.
    let bytes = postcard::to_stdvec(&fingerprint(FERRY, &config)).unwrap();
    assert!(bytes.len() < 280, "{} bytes", bytes.len());
    println!("postcard fingerprint: {} bytes", bytes.len());
}

#[test]
fn fingerprint_with_a_corrupt_signature_is_refused() {
    let f = fingerprint(FERRY, &DedupConfig::default());
    let mut json: serde_json::Value = serde_json::to_value(&f).unwrap();
    // One byte: not a whole number of 16-bit values.
    json["m"] = serde_json::Value::String("AA".into());
    assert!(serde_json::from_value::<Fingerprint>(json).is_err());
}

#[test]
fn fingerprint_from_another_config_matches_exactly_only() {
    let other = DedupConfig {
        permutations: 64,
        bands: 21,
        ..DedupConfig::default()
    };
    let mut deduper = Deduper::new(DedupConfig::default());
    let cut = cut_to_percent(FERRY, 70);
    assert_eq!(deduper.insert(0, &fingerprint(FERRY, &other)), unique(0));
    assert_eq!(deduper.insert(1, &fingerprint(&cut, &other)), unique(1));
    assert_eq!(
        deduper.insert(2, &fingerprint(FERRY, &DedupConfig::default())),
        duplicate(0, DuplicateKind::Exact)
    );
}

#[test]
fn config_round_trips_through_json_with_defaults_for_missing_fields() {
    let config: DedupConfig = serde_json::from_str(r#"{"shingle_words": 4}"#).unwrap();
    assert_eq!(config.shingle_words, 4);
    assert_eq!(config.permutations, DedupConfig::default().permutations);
    let json = serde_json::to_string(&config).unwrap();
    assert_eq!(serde_json::from_str::<DedupConfig>(&json).unwrap(), config);
    assert!(serde_json::from_str::<DedupConfig>(r#"{"shingles": 4}"#).is_err());
}

#[test]
fn fingerprinting_is_shareable_across_worker_threads() {
    fn shareable<T: Send + Sync + Clone>() {}
    shareable::<Fingerprinter>();
    shareable::<Fingerprint>();
    shareable::<DedupConfig>();
    fn sendable<T: Send>() {}
    sendable::<Deduper>();

    let config = DedupConfig::default();
    let fingerprinter = Fingerprinter::new(&config);
    let texts = [FERRY, GLACIER, ROWING];
    let parallel: Vec<Fingerprint> = std::thread::scope(|s| {
        let handles: Vec<_> = texts
            .iter()
            .map(|t| s.spawn(|| fingerprinter.fingerprint(t)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let serial: Vec<Fingerprint> = texts.iter().map(|t| fingerprint(t, &config)).collect();
    assert_eq!(parallel, serial);
}
