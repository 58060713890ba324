//! The tree built through dateline's tokenizer must equal the tree built through html5ever's
//! own tokenizer (same tree builder, same sink): on hand-written markup, on thousands of
//! mutations of it, and on every benchmark page when `../shared/bench/data` is present.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use dateline_html::{Document, Limits, NodeKind, Page, TokenizerKind, parse_with};

/// Element names with namespaces, attributes in order, text, comments and DOCTYPEs, nested.
fn canonical(doc: &Document) -> String {
    let mut out = String::new();
    let mut stack = vec![(doc.root(), false)];
    while let Some((id, closing)) = stack.pop() {
        if closing {
            out.push_str(")\n");
            continue;
        }
        match &doc.node(id).kind {
            NodeKind::Document => out.push_str("#document("),
            NodeKind::Doctype => out.push_str("#doctype("),
            NodeKind::Comment => out.push_str("#comment("),
            NodeKind::Text(text) => {
                out.push_str(&format!("{:?}(", &**text));
            }
            NodeKind::Element(element) => {
                out.push_str(&format!("<{}:{}", &*element.name.ns, &*element.name.local));
                for attr in &element.attrs {
                    out.push_str(&format!(
                        " {:?}:{}:{}={:?}",
                        attr.name.prefix.as_deref(),
                        &*attr.name.ns,
                        &*attr.name.local,
                        &*attr.value
                    ));
                }
                out.push_str(">(");
            }
        }
        stack.push((id, true));
        let children: Vec<_> = doc.children(id).collect();
        stack.extend(children.into_iter().rev().map(|c| (c, false)));
    }
    out
}

/// The first difference between the two trees for `html`, if any.
fn difference(html: &str, prefilter: bool) -> Option<String> {
    let limits = Limits::default();
    let ours = canonical(&parse_with(
        html,
        &limits,
        TokenizerKind::Dateline,
        prefilter,
    ));
    let reference = canonical(&parse_with(
        html,
        &limits,
        TokenizerKind::Html5ever,
        prefilter,
    ));
    if ours == reference {
        return None;
    }
    let line = ours
        .lines()
        .zip(reference.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(0);
    let around = |s: &str| {
        s.lines()
            .skip(line.saturating_sub(2))
            .take(5)
            .collect::<Vec<_>>()
            .join("\n")
    };
    Some(format!(
        "ours:\n{}\nhtml5ever:\n{}",
        around(&ours),
        around(&reference)
    ))
}

/// Markup written for these tests: every tokenizer state that changes what the tree builder
/// sees.
const CASES: &[&str] = &[
    "<!DOCTYPE html><html><head><title>A &amp; B</title></head><body><p class=x id='y' data-z=\"w\">Hello <b>bold</b> world</p></body></html>",
    "<p>a&ampb &notit; &notin; &#233; &#x2014; &#X41; &#0; &#x110000; &#99999999999; &#x80; &#x81; &#xD800; &#; &#x; &nosuch; &amp</p>",
    "<a href='?a=1&copy=2&copy;=3&amp=4&notit=5&lt'>link</a><img alt=&lt;x&gt; src=a&amp;b>",
    "<p>\r\n line\r another\n\r\n</p><pre>\nfirst newline dropped</pre><pre>\r\nalso dropped</pre><textarea>\r\nx</textarea>",
    "<p>nul\0here</p><p x='a\0b' \0y=1>t</p><ti\0tle>x</ti\0tle><title>a\0b</title>",
    "<script>if (a < b && c > d) { x = '</scr' + 'ipt>'; }</script><p>after</p>",
    "<script><!-- document.write('<script>x</script>'); --></script><p>after</p>",
    "<script><!--<script>nested</script>still script--></script>done",
    "<script><!-- a -- b --> c < d </script>",
    "<script><!--<SCRIPT >x</SCRIPT>-->y</script>z",
    "<style>p { content: '</p>'; } </style ><p>x</p>",
    "<textarea><b>not bold</b> &amp; </textareax> </textarea>t",
    "<title>x</title ><title>y</TITLE>",
    "<xmp><b>raw</b></xmp><iframe><p>raw</p></iframe><noembed>a</noembed><noframes>b</noframes>",
    "<plaintext><p>all text now</p>&amp;</plaintext>\0",
    "<svg><![CDATA[ a < b ]]></svg><math><![CDATA[x]]]></math><p><![CDATA[not cdata]]></p>",
    "<svg><![CDATA[unterminated",
    "<svg><foreignObject><![CDATA[x]]></foreignObject><![CDATA[y\0z]]></svg>",
    "<math><mi><b>x<![CDATA[y]]></b></mi></math>",
    "<!-- c --><!--><!---><!-- a -- b --><!-- x --!><!--<!-- y --><!-- z --!-->tail",
    "<!--<!-->a<!--<!--->b<!-- <! --c<!---->d",
    "<!-- unterminated",
    "<!doctype html public \"-//W3C//DTD HTML 4.01 Transitional//EN\"><table><p>quirks</table>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><p><table>",
    "<!DOCTYPE html SYSTEM 'about:legacy-compat'><p>x",
    "<!DOCTYPE><p>x",
    "<!DOCTYPE html bogus><p><table>",
    "<!DOCTYPEhtml><p>x",
    "<!doctype html public'x'system\"y\"><p>",
    "<!doctype html public \"x",
    "<! bogus comment ><?php echo 1 ?><p>x</p></ bogus></>",
    "<div a=1 a=2 A=3 b c= d='' e=\"\" f=g/>x</div><br/><p/>",
    "<div =x \"y 'z <w>t</div>",
    "< p>not a tag</ p> a < b > c <3 <> </>",
    "<table>text<tr><td>cell</table><table><caption>c</caption><colgroup> <col> x",
    "<select><option>a<option>b</select><frameset><frame></frameset>",
    "<p>one<b>two<p>three</b>four<i>five</p>six",
    "<ul><li>a<li>b</ul><dl><dt>x<dd>y</dl>",
    "<body><template><p>hidden</p></template><p>shown</p>",
    "<head><meta charset=utf-8>\u{feff}<title>t</title><script></script>\u{feff}<p>x</p>",
    "\u{feff}<p>bom</p>",
    "<p>é ü 日本語 😀 &eacute;&Eacute;&hearts;</p><p title='日本'>x</p><日本>y</日本>",
    "<a href=x>1<a href=y>2</a><b><i>3</b>4</i>",
    "<form><input type=hidden><input type=text></form><button>b<button>c",
    "<p>a<!-- in text -->b</p><p>c<![CDATA[d]]>e</p>",
    "<div><svg viewBox='0 0 1 1'><path d='M0'/><title>t</title></svg></div>",
    "<math><mtext><p>html in math</p></mtext><annotation-xml encoding='text/html'><p>x</p></annotation-xml></math>",
    "<svg><desc><p>x</p></desc><font color=red>breakout</font></svg>",
    "<noscript><p>no</p></noscript><p>after</p>",
    "<frameset><noframes>x</noframes></frameset>",
    "<a href='unterminated",
    "<a href=\"x\"",
    "<div class",
    "<div",
    "<",
    "</",
    "&",
    "&#",
    "&#x",
    "&amp",
    "<p>&",
];

#[test]
fn hand_written_cases_build_the_same_tree() {
    let mut failures = Vec::new();
    for case in CASES {
        for prefilter in [false, true] {
            if let Some(diff) = difference(case, prefilter) {
                failures.push(format!("{case:?} (prefilter {prefilter}):\n{diff}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn many_and_duplicate_attributes_build_the_same_tree() {
    let mut html = String::from("<div");
    for i in 0..300 {
        html.push_str(&format!(" a{}={i} A{}=x", i % 170, i % 40));
    }
    html.push_str(">text</div><body b=1 c=2><html lang=en data-a=1 data-a=2>");
    for prefilter in [false, true] {
        assert_eq!(difference(&html, prefilter), None);
    }
}

/// A small deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SNIPPETS: &[&str] = &[
    "<",
    ">",
    "&",
    "&amp;",
    "&amp",
    "&#",
    "&#x4",
    "&not",
    "&notin",
    "\0",
    "\r",
    "\r\n",
    "'",
    "\"",
    "=",
    "/",
    "<!--",
    "-->",
    "--!>",
    "<!",
    "<?",
    "</",
    "<script>",
    "</script>",
    "<!--<script>",
    "<textarea>",
    "</textarea>",
    "<title>",
    "</title>",
    "<plaintext>",
    "<svg>",
    "</svg>",
    "<math>",
    "<![CDATA[",
    "]]>",
    "<style>",
    "</style>",
    "<xmp>",
    "<pre>\n",
    "<table>",
    "<tr>",
    "<td>",
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<a href=",
    "<div class='",
    " x=1",
    "<!DOCTYPE html>",
    "<!doctype html public",
    "\u{feff}",
    "é",
    "😀",
    "<foreignObject>",
    "<mi>",
    "<select>",
    "<template>",
    "<frameset>",
    "<noscript>",
    "<iframe>",
    "</iframe>",
    "<br/>",
    "<img src=x/>",
];

fn mutate(rng: &mut Rng, base: &str) -> String {
    let mut s = base.to_string();
    for _ in 0..1 + rng.below(4) {
        let at = s.floor_char_boundary(rng.below(s.len() + 1));
        match rng.below(5) {
            0 => s.truncate(at),
            1 => s.insert_str(at, SNIPPETS[rng.below(SNIPPETS.len())]),
            2 => {
                let end = s.floor_char_boundary(at + rng.below(12));
                s.replace_range(at..end.max(at), "");
            }
            3 => {
                // Flip a byte to another ASCII byte (keeps the text valid UTF-8).
                if let Some(b) = s.as_bytes().get(at).copied()
                    && b.is_ascii()
                {
                    const BYTES: &[u8] = b"<>&\"'=/!-;#x \0\r\nAZaz";
                    let replacement = char::from(BYTES[rng.below(BYTES.len())]);
                    s.replace_range(at..at + 1, &replacement.to_string());
                }
            }
            _ => {
                let depth = rng.below(40);
                let tag = ["div", "b", "svg", "table", "a", "p"][rng.below(6)];
                s.insert_str(at, &format!("<{tag}>").repeat(depth));
            }
        }
    }
    s
}

#[test]
fn mutated_markup_builds_the_same_tree() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut failures = Vec::new();
    // DATELINE_DIFF_ROUNDS raises the count for a longer hunt.
    let rounds = std::env::var("DATELINE_DIFF_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4000);
    for round in 0..rounds {
        let base = CASES[round % CASES.len()];
        let html = mutate(&mut rng, base);
        let prefilter = round % 2 == 0;
        if let Some(diff) = difference(&html, prefilter) {
            failures.push(format!("{html:?} (prefilter {prefilter}):\n{diff}"));
        }
    }
    assert_no_mismatches(&failures);
}

/// Every benchmark page, decoded as dateline decodes it, both with and without the prefilter,
/// and a mutation of each.
/// Skips when the benchmark data is not next to the repository.
#[test]
fn benchmark_pages_build_the_same_tree() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/data");
    let Ok(datasets) = std::fs::read_dir(&root) else {
        eprintln!("skipped: no benchmark data at {}", root.display());
        return;
    };
    let limits = Limits::default();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut pages = 0;
    let mut failures = Vec::new();
    for dataset in datasets.flatten() {
        let Ok(files) = std::fs::read_dir(dataset.path().join("pages")) else {
            continue;
        };
        for file in files.flatten() {
            let path = file.path();
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let Ok(page) = Page::from_bytes(&bytes, None, &limits) else {
                continue;
            };
            pages += 1;
            for prefilter in [true, false] {
                if let Some(diff) = difference(&page.text, prefilter) {
                    failures.push(format!(
                        "{} (prefilter {prefilter}):\n{diff}",
                        path.display()
                    ));
                }
            }
            // And one mutation of the page (cut short, markup inserted, bytes flipped), which
            // lands the tokenizer in states real pages rarely reach.
            let mutated = mutate(&mut rng, &page.text);
            if let Some(diff) = difference(&mutated, pages % 2 == 0) {
                failures.push(format!("{} mutated:\n{diff}", path.display()));
            }
        }
    }
    eprintln!(
        "compared {pages} benchmark pages, {} mismatches",
        failures.len()
    );
    assert_no_mismatches(&failures);
}

/// Fails with the count and the first three mismatches.
fn assert_no_mismatches(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} mismatches; first:\n{}",
        failures.len(),
        failures
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}
