//! `Options::images` adds image blocks and changes nothing else: users who turn images on
//! must get the same text and metadata.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use dateline_extract::{Options, extract_html};
use dateline_model::{Article, Block};

const PAGE: &str = r#"<html lang="en"><head><title>Harbour lights festival returns</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour lights festival returns</h1>
<figure><img src="/img/lead.jpg" alt="Lanterns over the quay"></figure>
<p>By Nora Pell</p>
<p>The harbour lights festival returns this weekend <img src="/img/lantern.png" alt=""> after
a two-year pause, with lanterns along the whole quay and music on three boats.</p>
<h3>Saturday</h3>
<p><a href="/img/boats.jpg"><img src="/img/boats.jpg" alt="Boats"></a></p>
<h3>Sunday</h3>
<p>The parade leaves the fish market at seven and ends at the lighthouse, where the
fireworks start once the last boat is moored.</p>
</article>
<aside class="sidebar"><h3>Most read</h3><img src="/img/ad.gif"></aside>
</body></html>"#;

fn extract_with_images(html: &str) -> Article {
    extract_html(
        html,
        &Options {
            images: true,
            ..Options::default()
        },
    )
}

#[test]
fn images_change_no_text_and_no_metadata() {
    let plain = extract_html(PAGE, &Options::default());
    let with_images = extract_with_images(PAGE);
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
    assert!(sources.contains(&"/img/lantern.png"), "{sources:?}");
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

/// A post made of headings over pictures that load lazily (`data-src`, `srcset`): the
/// headings are its text, the pictures its images; icons, avatars and tracking pixels are
/// neither.
const PICTURE_POST: &str = r#"<html lang="en"><head><title>Six lanterns we made this winter</title></head>
<body><article class="post"><h1>Six lanterns we made this winter</h1>
<h2>The paper moon from the attic</h2>
<img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/moon.jpg" alt="">
<h2>A tin can with star holes</h2>
<img srcset="/img/tin-480.jpg 480w, /img/tin-960.jpg 960w" alt="Tin can lantern">
<h3>Share</h3>
<img src="/img/share-icon.png" alt="">
<img src="/px.gif" width="1" height="1">
</article></body></html>"#;

#[test]
fn headings_over_lazy_pictures_are_the_text_and_the_pictures_are_found() {
    let plain = extract_html(PICTURE_POST, &Options::default());
    assert_eq!(
        plain.text,
        "The paper moon from the attic\n\nA tin can with star holes"
    );
    let with_images = extract_with_images(PICTURE_POST);
    assert_eq!(plain.text, with_images.text);
    let sources: Vec<&str> = with_images
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Image { src, .. } => Some(src.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(sources, ["/img/moon.jpg", "/img/tin-480.jpg"]);
}
