//! Prints a page's element tree (tag, depth, text length) for debugging.
use std::io::Read;
fn main() {
    let mut bytes = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut bytes);
    let limits = dateline_html::Limits::default();
    let Ok(page) = dateline_html::Page::from_bytes(&bytes, None, &limits) else {
        return;
    };
    let doc = dateline_html::parse(&page.text, &limits);
    for id in doc.descendants(doc.root()) {
        if let Some(e) = doc.element(id) {
            println!(
                "{}{} {:?} {:?}",
                "  ".repeat(doc.depth(id)),
                e.tag(),
                e.attr("class").unwrap_or(""),
                e.attr("id").unwrap_or("")
            );
        }
    }
}
