//! Tag categories.

use dateline_html::{LocalName, local_name};

/// Elements whose content is never article text.
pub(crate) fn is_never_content(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("script")
            | local_name!("style")
            | local_name!("noscript")
            | local_name!("template")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("canvas")
            | local_name!("button")
            | local_name!("select")
            | local_name!("option")
            | local_name!("input")
            | local_name!("textarea")
            | local_name!("label")
            | local_name!("head")
            | local_name!("title")
            | local_name!("meta")
            | local_name!("link")
            | local_name!("audio")
            | local_name!("video")
            | local_name!("map")
            | local_name!("dialog")
    )
}

/// Page-structure elements that hold navigation and site chrome, not the story.
pub(crate) fn is_chrome(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("nav") | local_name!("footer") | local_name!("aside") | local_name!("form")
    )
}

/// Elements that start a new block of text when rendered.
pub(crate) fn is_block(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("p")
            | local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("header")
            | local_name!("footer")
            | local_name!("aside")
            | local_name!("nav")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("li")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("table")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
            | local_name!("thead")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("caption")
            | local_name!("blockquote")
            | local_name!("pre")
            | local_name!("figure")
            | local_name!("figcaption")
            | local_name!("form")
            | local_name!("fieldset")
            | local_name!("address")
            | local_name!("hr")
            | local_name!("center")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("body")
            | local_name!("html")
            | local_name!("hgroup")
            | local_name!("menu")
            | local_name!("legend")
    )
}

/// Heading level of `h1`–`h6`.
pub(crate) fn heading_level(tag: &LocalName) -> Option<u8> {
    match *tag {
        local_name!("h1") => Some(1),
        local_name!("h2") => Some(2),
        local_name!("h3") => Some(3),
        local_name!("h4") => Some(4),
        local_name!("h5") => Some(5),
        local_name!("h6") => Some(6),
        _ => None,
    }
}
