//! Test support: invented news pages and a small WARC writer (plain, or gzip or zstd per
//! record).
#![allow(dead_code, clippy::unwrap_used)]

use std::io::Write;
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;

/// Invented stories, each long enough to be an article and unlike the others.
pub const STORIES: [(&str, &[&str]); 4] = [
    (
        "Harbour council turns ferry terminal into library",
        &[
            "The harbour council of Saltmere voted on Tuesday to turn the empty ferry terminal \
             into a public library, ending ten years of argument over the building on the quay.",
            "Councillors approved the plan by nine votes to four after a long evening session in \
             which residents queued to speak for and against the conversion of the old hall.",
            "Work on the roof and the glass front should begin in spring, and the library is \
             expected to open within two years, the council's planning office said afterwards.",
            "Opponents had wanted the terminal sold to a hotel group, arguing that the town \
             could not afford the upkeep of a second large public building near the water.",
        ],
    ),
    (
        "Bakery rebuilds wood-fired oven from chapel bricks",
        &[
            "A family bakery on Mill Street reopened this week with a wood-fired oven that its \
             owners rebuilt by hand from bricks of a demolished chapel on the edge of Brackwood.",
            "Customers formed a queue that reached the post office on the first morning, when \
             the rye loaves and seed rolls sold out before nine o'clock, the owners told us.",
            "The oven takes four hours to heat and burns offcuts from a sawmill up the valley, \
             which the baker says gives the crust its dark colour and slightly smoky taste.",
            "The chapel's trustees gave the bricks free of charge on the condition that a small \
             plaque inside the shop records where they came from and who laid them first.",
        ],
    ),
    (
        "Rowing club wins first regional title in forty years",
        &[
            "The Kestrel Lake rowing club won its first regional championship in forty years on \
             Sunday, taking the eights final by half a length in a strong crosswind.",
            "Coach Imelda Voss said the crew had trained at dawn through the winter, often \
             breaking thin ice at the jetty before they could put the boat in the water.",
            "The club, founded by railway workers in the eighteen nineties, had nearly closed \
             a decade ago when its boathouse flooded and most of the older boats were lost.",
            "Members plan to hang the trophy in the rebuilt boathouse, next to a photograph of \
             the last winning crew, two of whom watched the final from the riverbank.",
        ],
    ),
    (
        "Observatory volunteers catalogue a century of weather logs",
        &[
            "Volunteers at the Fernhill observatory have finished typing up one hundred and \
             twelve years of handwritten weather logs, a task that took them almost six years.",
            "The ledgers record temperature, pressure and cloud cover three times a day since \
             1911, with gaps only during two floods and a fire in the instrument shed.",
            "Climate researchers at the county university will use the series to check how \
             often late frosts have struck the orchards of the valley over the last century.",
            "The oldest volumes, bound in cracked leather, will be scanned next year and kept in \
             a cool archive room instead of the damp basement where they were found.",
        ],
    ),
];

/// A page in an invented site template with navigation, share buttons and a footer.
pub fn page(site: &str, story: usize, intro: Option<&str>, extra: Option<&str>) -> String {
    let (title, paragraphs) = STORIES[story];
    let mut body = String::new();
    if let Some(intro) = intro {
        body.push_str(&format!("<p>{intro}</p>"));
    }
    for p in paragraphs {
        body.push_str(&format!("<p>{p}</p>"));
    }
    if let Some(extra) = extra {
        body.push_str(&format!("<p>{extra}</p>"));
    }
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | {site}\
         </title><meta property=\"article:published_time\" content=\"2024-08-0{d}T08:00:00Z\">\
         </head><body><nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a></nav>\
         <article><h1>{title}</h1>{body}</article><div class=\"share\">Share this story</div>\
         <footer>Copyright {site}</footer></body></html>",
        d = story + 1
    )
}

/// A WARC record with the given type, id, URI and block.
pub fn record(kind: &str, id: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    write!(
        out,
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Target-URI: {uri}\r\nWARC-Date: 2024-08-05T10:00:00Z\r\n\
         Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .unwrap();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// The HTTP block of a response.
pub fn http(status: u16, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status} X\r\nDate: Mon, 05 Aug 2024 09:59:58 GMT\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// A response record for an HTML page.
pub fn response(id: &str, uri: &str, html: &str) -> Vec<u8> {
    record(
        "response",
        id,
        uri,
        &http(200, "text/html; charset=utf-8", html.as_bytes()),
    )
}

/// gzip, one member.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// Writes records as a `.warc.gz` with one gzip member per record.
pub fn write_warc_gz(path: &Path, records: &[Vec<u8>]) {
    let mut file = Vec::new();
    for r in records {
        file.extend_from_slice(&gzip(r));
    }
    std::fs::write(path, file).unwrap();
}

/// Writes records as a `.warc.zst` the way Common Crawl does: a skippable frame holding a
/// zstd-compressed dictionary, then one frame per record compressed with it. Returns each
/// record's frame offset.
pub fn write_warc_zst(path: &Path, records: &[Vec<u8>]) -> Vec<u64> {
    // A raw-content dictionary: bytes the records share.
    let dictionary = records.concat();
    let dictionary = &dictionary[..dictionary.len().min(2048)];
    let payload = zstd::encode_all(dictionary, 3).unwrap();
    let mut file = 0x184D_2A5D_u32.to_le_bytes().to_vec();
    file.extend_from_slice(&u32::try_from(payload.len()).unwrap().to_le_bytes());
    file.extend_from_slice(&payload);
    let mut offsets = Vec::new();
    for r in records {
        offsets.push(file.len() as u64);
        let mut enc =
            zstd::stream::write::Encoder::with_dictionary(Vec::new(), 3, dictionary).unwrap();
        enc.write_all(r).unwrap();
        file.extend_from_slice(&enc.finish().unwrap());
    }
    std::fs::write(path, file).unwrap();
    offsets
}

/// The records of a small crawl: three stories, a syndicated copy of the first, an exact
/// duplicate of the second at another URL, and the usual non-article records.
pub fn crawl(prefix: &str) -> Vec<Vec<u8>> {
    let p = prefix;
    vec![
        record("warcinfo", &format!("{p}-info"), "", b"software: test\r\n"),
        record(
            "request",
            &format!("{p}-req1"),
            "https://saltmere.example/2024/ferry",
            b"GET /2024/ferry HTTP/1.1\r\n\r\n",
        ),
        response(
            &format!("{p}-a"),
            "https://saltmere.example/2024/ferry",
            &page("Saltmere Post", 0, None, None),
        ),
        response(
            &format!("{p}-b"),
            "https://brackwood.example/news/bakery",
            &page("Brackwood Times", 1, None, None),
        ),
        record(
            "response",
            &format!("{p}-404"),
            "https://brackwood.example/gone",
            &http(
                404,
                "text/html",
                b"<html><body><h1>Not found</h1></body></html>",
            ),
        ),
        record(
            "response",
            &format!("{p}-img"),
            "https://brackwood.example/logo.png",
            &http(200, "image/png", b"\x89PNG\r\n\x1a\nnot really"),
        ),
        record(
            "revisit",
            &format!("{p}-rev"),
            "https://saltmere.example/2024/ferry",
            b"HTTP/1.1 304 Not Modified\r\n\r\n",
        ),
        response(
            &format!("{p}-c"),
            "https://wire.example/world/ferry-library",
            &page(
                "Wire Daily",
                0,
                Some("SALTMERE (Wire Service) -"),
                Some("Reporting by Tobias Renn; editing by Ada Quist."),
            ),
        ),
        response(
            &format!("{p}-d"),
            "https://brackwood.example/news/bakery?utm_source=feed",
            &page("Brackwood Times", 1, None, None),
        ),
        response(
            &format!("{p}-e"),
            "https://kestrel.example/sport/rowing",
            &page("Kestrel Courier", 2, None, None),
        ),
    ]
}

/// Reads a zstd JSONL shard into JSON values.
pub fn read_jsonl_zst(path: &Path) -> Vec<serde_json::Value> {
    let bytes = zstd::decode_all(std::fs::File::open(path).unwrap()).unwrap();
    String::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}
