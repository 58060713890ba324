#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
use std::time::Instant;
#[test]
fn probe() {
    let Ok(path) = std::env::var("PROBE_FILE") else { return };
    let bytes = std::fs::read(&path).unwrap();
    let t = Instant::now();
    let r = dateline_extract::extract_bytes(&bytes, None, &dateline_extract::Options::default());
    let e = t.elapsed();
    match r {
        Ok(a) => println!("PROBE {} bytes: {:.3}s ok words={} blocks={} text_start={:?}", bytes.len(), e.as_secs_f64(), a.word_count, a.blocks.len(), a.text.chars().take(80).collect::<String>()),
        Err(err) => println!("PROBE {} bytes: {:.3}s err {err}", bytes.len(), e.as_secs_f64()),
    }
    let t = Instant::now();
    let doc = dateline_html::parse(&String::from_utf8_lossy(&bytes), &dateline_html::Limits::default());
    let mut maxd = 0usize;
    for id in doc.descendants(doc.root()) { let mut d=0; let mut c=id; while let Some(p)=doc.parent(c){d+=1;c=p;} if d>maxd{maxd=d;} }
    println!("PROBE parse {:.3}s nodes={} real_max_depth={}", t.elapsed().as_secs_f64(), doc.len(), maxd);
}
