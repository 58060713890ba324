//! `Options::images` adds image blocks and changes nothing else: users who turn images on
//! must get the same text and metadata.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use dateline_extract::{Options, extract_html};
use dateline_model::Block;

const PAGE: &str = r#"<html lang="en"><head><title>Harbour lights festival returns</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour lights festival returns</h1>
<figure><img src="/img/lead.jpg" alt="Lanterns over the quay"></figure>
<p>By Nora Pell</p>
<p>The harbour lights festival returns this weekend <img src="/img/icon.png" alt=""> after
a two-year pause, with lanterns along the whole quay and music on three boats.</p>
<h3>Saturday</h3>
<p><a href="/img/boats.jpg"><img src="/img/boats.jpg" alt="Boats"></a></p>
<h3>Sunday</h3>
<p>The parade leaves the fish market at seven and ends at the lighthouse, where the
fireworks start once the last boat is moored.</p>
</article>
<aside class="sidebar"><h3>Most read</h3><img src="/img/ad.gif"></aside>
</body></html>"#;

#[test]
fn images_change_no_text_and_no_metadata() {
    let plain = extract_html(PAGE, &Options::default());
    let with_images = extract_html(
        PAGE,
        &Options {
            images: true,
            ..Options::default()
        },
    );
    assert_eq!(plain.text, with_images.text);
    assert_eq!(plain.authors, with_images.authors);
    assert_eq!(plain.dateline, with_images.dateline);
    let without_images: Vec<&Block> = with_images
        .blocks
        .iter()
        .filter(|b| !matches!(b, Block::Image { .. }))
        .collect();
    assert_eq!(without_images, plain.blocks.iter().collect::<Vec<_>>());
    let sources: Vec<&str> = with_images
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Image { src, .. } => Some(src.as_str()),
            _ => None,
        })
        .collect();
    assert!(sources.contains(&"/img/lead.jpg"), "{sources:?}");
    assert!(sources.contains(&"/img/icon.png"), "{sources:?}");
    assert!(!sources.contains(&"/img/ad.gif"), "{sources:?}");
    assert!(
        plain.text.contains("after a two-year pause"),
        "an inline image must not break its paragraph: {:?}",
        plain.text
    );
}

#[test]
fn links_change_no_text() {
    let plain = extract_html(PAGE, &Options::default());
    let with_links = extract_html(
        PAGE,
        &Options {
            links: true,
            ..Options::default()
        },
    );
    assert_eq!(plain.text, with_links.text);
    assert_eq!(plain.blocks.len(), with_links.blocks.len());
}
