//! Regression tests for the body: pages where the first reading finds too little, or too much.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use dateline_extract::{Options, extract_html};

/// A forum thread whose opening post is marked up like every reply (`class="comment"`): all
/// its text sits in furniture-named elements, and the page must not come back empty.
#[test]
fn forum_thread_marked_up_as_comments_is_not_empty() {
    let post = |who: &str, text: &str| {
        format!(
            "<div class=\"forum-comment\"><span class=comment-author>{who}</span>\
             <div class=comment-content><p>{text}</p></div></div>"
        )
    };
    let replies = [
        "Same here. Switching the store off and on again in the mobile data settings fixed it.",
        "Did you check whether the store is allowed to use mobile data at all in settings?",
        "It was allowed, and it still did not work until I restarted the phone twice today.",
        "Mine works again since this morning, so maybe it was a problem on their servers.",
    ];
    let thread: String = std::iter::once(post(
        "kiwi",
        "Since the update my phone and my tablet cannot reach the app store over mobile data \
         any more; over wireless everything works as before.",
    ))
    .chain(replies.iter().map(|text| post("reader", text)))
    .collect();
    let html = format!(
        "<html><head><title>No app store over mobile data</title></head><body>\
         <nav><a href=/>Forum</a> <a href=/phones>Phones</a></nav>\
         <h1>No app store over mobile data</h1><div class=thread>{thread}</div>\
         <footer>Imprint</footer></body></html>"
    );
    let article = extract_html(&html, &Options::default());
    assert!(
        article.text.contains("cannot reach the app store"),
        "{:?}",
        article.text
    );
    assert!(!article.text.contains("Imprint"), "{:?}", article.text);
}

/// The lenient reading is a last resort: a page with a story keeps its comments out.
#[test]
fn story_with_comments_still_drops_the_comments() {
    let html = "<html><head><title>Bridge reopens</title></head><body><article>\
        <h1>Bridge reopens</h1><p>The old bridge over the river reopened on Monday after two \
        years of repairs, and the first buses crossed it at six in the morning.</p><p>The \
        council said the work came in under budget, which few had expected.</p></article>\
        <div class=comments><div class=comment><p>About time, the detour added half an hour \
        to every trip I made to town.</p></div></div></body></html>";
    let article = extract_html(html, &Options::default());
    assert!(article.text.contains("first buses"), "{:?}", article.text);
    assert!(!article.text.contains("detour"), "{:?}", article.text);
}

/// A short post beside a sidebar whose "About" widget has more paragraph text than the post:
/// the widget outweighs the story but is still a sidebar, not a wrapper around the page.
#[test]
fn about_widget_beside_a_short_post_is_not_the_body() {
    let html = r#"<html><body><div id="container"><div id="content">
<div class="post_box" id="post-1"><div class="headline_area"><h1>The Daily Edit – Monday</h1></div>
<div class="format_text entry-content"><p>(click images to make bigger)</p>
<h3>Harbour Weekly Magazine</h3><h4>Design Director: Ana Perez, Director of Photography: Kim Lee</h4>
<p>Note: content for the daily edit is found on the newsstands.</p></div></div></div>
<div id="sidebars"><div id="sidebar_2" class="sidebar"><ul class="sidebar_list">
<li class="widget widget_text"><div class="textwidget"><h2>About:</h2>
<p>A Photo Desk is edited by a former director of photography of two outdoor magazines.
Contributors include fine art photographers and writers from all over the country.</p></div></li>
</ul></div></div></div></body></html>"#;
    let article = extract_html(html, &Options::default());
    assert!(
        article.text.contains("found on the newsstands"),
        "{}",
        article.text
    );
    assert!(
        !article.text.contains("Contributors include"),
        "{}",
        article.text
    );
}

/// A layout named after its sidebar that holds the article body (`l-sidebar-fixed
/// l-article-body-segment`) is the story, even with the headline above it.
#[test]
fn sidebar_layout_that_holds_the_article_body_stays() {
    let paragraph = "The defence held the line for four quarters and the coaches rotated the \
        linemen more than in any game this season, which kept everyone fresh at the end.";
    let html = format!(
        r#"<html><body><header class="c-entry-hero"><h1>Defensive snap counts: week 11</h1>
<p class="c-entry-summary">Who played, who rested, and what the numbers say about the rotation the coaches chose for the last two games.</p></header>
<div class="l-sidebar-fixed l-segment l-article-body-segment"><div class="c-entry-content">
<p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></div>
<div class="l-col__sidebar"><p>Sign up for the newsletter.</p></div></div></body></html>"#
    );
    let article = extract_html(&html, &Options::default());
    assert!(
        article.text.contains("kept everyone fresh"),
        "{}",
        article.text
    );
}

/// Old pages set whole paragraphs in `<h4>` for bold type; each one followed by the next
/// looked like an orphan heading and the story vanished.
#[test]
fn paragraphs_set_in_heading_tags_are_prose() {
    let paragraph = |n: usize| {
        format!(
            "<h4>Part {n}: this new tree stand makes the setup of the annual tree so simple \
             that the usual family arguments are all but gone. The handle is held in the \
             trough of the bracket by two quick release bands, and the legs fold out with \
             one push of the foot, so one person can stand the tree up alone.</h4>"
        )
    };
    let html = format!(
        "<html><body><div id=\"page\"><h1>New ideas for tree stands</h1><p>Two inventors showed their stands at the fair this year, and both claim to end the yearly struggle with a crooked tree.</p><h3>The adjustable stand</h3>{}{}{}<p>Both stands are sold at garden centres from the first week of December.</p></div></body></html>",
        paragraph(1),
        paragraph(2),
        paragraph(3)
    );
    let article = extract_html(&html, &Options::default());
    for n in 1..=3 {
        assert!(
            article.text.contains(&format!("Part {n}:")),
            "{}",
            article.text
        );
    }
}

/// Movable Type marks only the heading of the thread (`<h2 id="comments">`); the comments
/// themselves are bare `<div id="c…">` boxes that read like the post. The heading, named as
/// furniture, used to be pruned, and with it the only sign that the story had ended.
#[test]
fn unnamed_comments_after_a_comments_heading_are_not_the_body() {
    let html = r#"<html><body><div id="blog"><h1>It's hot, but the knitting goes on</h1>
<p>The city used to cool down at night. However hot the day was, the evenings were crisp
and you could sit outside with a shawl and a cup of tea until late.</p>
<p>This summer the lows are a cruel lie, and the fan runs all night long.</p>
<p class="posted">Posted by laurie at September 10, 2012 9:01 AM</p>
<h2 id="comments">Comments</h2>
<div id="c169900"><p>Ha! Sixties for a low when your high is above a hundred is delusional,
we had nights in the eighties all summer long here on the coast.</p></div>
<p class="posted">Posted by: Ellen at September 10, 2012 11:40 AM</p>
</div></body></html>"#;
    let article = extract_html(html, &Options::default());
    assert!(article.text.contains("cruel lie"), "{}", article.text);
    assert!(!article.text.contains("delusional"), "{}", article.text);
}

/// A weekly round-up whose body is nothing but lists of linked headlines: every list is
/// link-dense, so the filter dropped all of them and the post came back almost empty. The
/// site's menu, a link list outside the post, stays out.
#[test]
fn post_made_only_of_link_lists_keeps_them() {
    let item = |slug: &str, text: &str| format!("<li><a href=\"/{slug}\">{text}</a></li>");
    let headlines = [
        "Harbour city opens a second ferry line to the islands",
        "Farmers report the earliest cherry harvest in forty years",
        "Library extends its opening hours for the exam season",
        "New cycle bridge links the two halves of the old town",
        "Museum returns a carved door to the village it came from",
        "Night trains come back on the northern coastal route",
    ];
    let list: String = headlines
        .iter()
        .enumerate()
        .map(|(i, text)| item(&format!("story-{i}"), text))
        .collect();
    let html = format!(
        "<html><head><title>The week in review</title></head><body>\
         <ul class=menu><li><a href=/>Home</a></li><li><a href=/news>News</a></li>\
         <li><a href=/sport>Sport</a></li></ul>\
         <div class=post><h3 class=entry-header>The week in review</h3>\
         <div class=entry-body><ul>{list}</ul><p>MORE:</p><ul>{list}</ul></div></div>\
         </body></html>"
    );
    let article = extract_html(&html, &Options::default());
    assert!(
        article.text.contains("earliest cherry harvest"),
        "{:?}",
        article.text
    );
    assert!(!article.text.contains("Sport"), "{:?}", article.text);
}

/// A video page whose description is two lines and whose thread of replies is long: the
/// thread holds nearly all the prose, so it looked like a "your views" page, but the counter
/// over it ("57 Responses to ...") says whose comments they are.
#[test]
fn counted_thread_under_a_short_video_post_is_not_the_body() {
    let reply = |who: &str, text: &str| format!("<div class=reply><b>{who}</b><p>{text}</p></div>");
    let replies: String = (0..12)
        .map(|i| {
            reply(
                &format!("viewer{i}"),
                "Thanks for this lesson, I followed every step with my own footage and the \
                 shadows finally sit right on the ground; could you show the same with a \
                 moving camera next time?",
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Depth Layers</title></head><body>\
         <div class=lesson><div class=lesson-title>41. Depth Layers</div>\
         <div class=lesson-text>Use a depth pass to place flat footage in a scene. \
         Works with most 3D programs.</div></div>\
         <div class=talk><div class=talk-header>57 Responses to \"Depth Layers\"</div>\
         <div id=comments_shown>{replies}</div></div></body></html>"
    );
    let article = extract_html(&html, &Options::default());
    assert!(article.text.contains("depth pass"), "{:?}", article.text);
    assert!(
        !article.text.contains("moving camera"),
        "{:?}",
        article.text
    );
}
