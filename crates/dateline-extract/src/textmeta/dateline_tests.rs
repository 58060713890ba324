//! Wire datelines, and paragraphs that only look like them.

use dateline_model::Dateline;
use jiff::Timestamp;

use super::*;

fn reference() -> DateContext {
    DateContext {
        reference: "2022-02-01T12:00:00Z".parse::<Timestamp>().ok(),
        prefer_day_first: true,
    }
}

fn read(paragraph: &str, ctx: &DateContext) -> Option<(Dateline, &'static str)> {
    let (dateline, len) = parse_dateline(paragraph, ctx)?;
    let rest: &'static str = Box::leak(paragraph[len..].to_string().into_boxed_str());
    Some((dateline, rest))
}

/// The rest of a story's first sentence: datelines without an agency need a real paragraph
/// after them.
const TAIL: &str = " pushed on with the plan on Sunday, officials and residents said.";

fn dl(place: &str, agencies: &[&str], date: Option<&str>) -> Dateline {
    Dateline {
        place: Some(place.to_string()),
        agencies: agencies.iter().map(|a| a.to_string()).collect(),
        date: date.map(str::to_string),
    }
}

#[test]
fn reads_wire_datelines() {
    let ctx = reference();
    let cases = [
        (
            "LONDON (Reuters) - Britain said",
            dl("LONDON", &["Reuters"], None),
        ),
        (
            "WASHINGTON, Jan 30 (AP) — The Senate",
            dl("WASHINGTON", &["AP"], Some("2022-01-30")),
        ),
        (
            "LONDON (UrduPoint News / Sputnik - 30th January, 2022) British Prime Minister",
            dl("LONDON", &["UrduPoint News", "Sputnik"], Some("2022-01-30")),
        ),
        (
            "NEW YORK, N.Y. (AP) -- Stocks fell",
            dl("NEW YORK, N.Y.", &["AP"], None),
        ),
        ("PARIS (AFP) – France said", dl("PARIS", &["AFP"], None)),
        (
            "BERLIN, 30. Januar (dpa) - Die Regierung",
            dl("BERLIN", &["dpa"], Some("2022-01-30")),
        ),
        (
            "Kyiv, Ukraine — Russian forces",
            dl("Kyiv, Ukraine", &[], None),
        ),
        (
            "MOSCOW, January 30 (Sputnik) - Russia",
            dl("MOSCOW", &["Sputnik"], Some("2022-01-30")),
        ),
        (
            "WASHINGTON (AP) Officials said",
            dl("WASHINGTON", &["AP"], None),
        ),
        ("NEW DELHI: The government", dl("NEW DELHI", &[], None)),
        ("SAN FRANCISCO — Tech firms", dl("SAN FRANCISCO", &[], None)),
        (
            "GENEVA (Reuters, AFP and AP) - Talks",
            dl("GENEVA", &["Reuters", "AFP", "AP"], None),
        ),
        (
            "TOKYO, Dec. 30 (Kyodo) - Japan",
            dl("TOKYO", &["Kyodo"], Some("2021-12-30")),
        ),
        (
            "ISLAMABAD (UrduPoint News / Sputnik - 30th January, 2022) Pakistan",
            dl(
                "ISLAMABAD",
                &["UrduPoint News", "Sputnik"],
                Some("2022-01-30"),
            ),
        ),
        (
            "ANKARA (Sputnik - Jan 30) Turkey",
            dl("ANKARA", &["Sputnik"], Some("2022-01-30")),
        ),
        ("WASHINGTON —The Senate", dl("WASHINGTON", &[], None)),
        (
            "RIO DE JANEIRO (AP) — Brazil",
            dl("RIO DE JANEIRO", &["AP"], None),
        ),
        ("The Hague — Dutch", dl("The Hague", &[], None)),
        (
            "SAN JOSÉ, Costa Rica (EFE) – El",
            dl("SAN JOSÉ, Costa Rica", &["EFE"], None),
        ),
    ];
    for (paragraph, want) in cases {
        let paragraph = format!("{paragraph}{TAIL}");
        let got = read(&paragraph, &ctx).map(|(d, _)| d);
        assert_eq!(got, Some(want), "{paragraph}");
    }
}

#[test]
fn returns_the_prefix_length() {
    let ctx = reference();
    let cases = [
        ("LONDON (Reuters) - Britain said", "Britain said"),
        ("WASHINGTON, Jan 30 (AP) — The Senate", "The Senate"),
        ("  NEW YORK, N.Y. (AP) --  Stocks fell", "Stocks fell"),
        ("Kyiv, Ukraine — Russian forces", "Russian forces"),
        ("LONDON (Reuters) -", ""),
        (
            "LONDON (UrduPoint News / Sputnik - 30th January, 2022) British Prime Minister",
            "British Prime Minister",
        ),
    ];
    for (paragraph, rest) in cases {
        let tail = if rest.is_empty() { "" } else { TAIL };
        let paragraph = format!("{paragraph}{tail}");
        let rest = format!("{rest}{tail}");
        assert_eq!(
            read(&paragraph, &ctx).map(|(_, r)| r.to_string()),
            Some(rest),
            "{paragraph}"
        );
    }
}

#[test]
fn dates_without_a_year_need_a_reference() {
    let got = parse_dateline(
        "WASHINGTON, Jan 30 (AP) — The Senate",
        &DateContext::default(),
    );
    assert_eq!(got.map(|(d, _)| d), Some(dl("WASHINGTON", &["AP"], None)));
    let got = parse_dateline(
        "WASHINGTON, Jan 30, 2021 (AP) — The Senate",
        &DateContext::default(),
    );
    assert_eq!(
        got.map(|(d, _)| d.date),
        Some(Some("2021-01-30".to_string()))
    );
}

#[test]
fn leaves_ordinary_sentences_alone() {
    let ctx = reference();
    for paragraph in [
        "The Prime Minister (PM) said on Monday that",
        "NATO (the alliance) said it would",
        "The European Union (EU) and Britain agreed",
        "Boris Johnson said — in a statement — that",
        "UPDATE: The story has been corrected.",
        "WATCH — The full speech",
        "Britain said on Monday that prices rose.",
        "LONDON",
        "LONDON (Reuters)",
        "In 2022 (so far) - prices rose",
        "Mr. Smith (left) - pictured",
        "",
        "(Reuters) - Britain said",
        "Prices rose 3.5% (year on year) - the most since",
        "Kyiv, Ukraine — the city",
        "The August- heat wave",
        "Jed - see you soon",
        "M. J. C. - A letter to the editor about the state of the roads in the county.",
        "Standard.al - Lajmet e fundit nga Shqipëria dhe bota, çdo ditë për lexuesit tanë.",
        "By Tim Childers - The author wrote about the election results in the county.",
        "OUR PICKS: Ten gadgets",
        "FAQ: How do I reset my password?",
        "TODAY: The best deals of the week",
        "DEAR ABBY: My husband never listens",
        "Kaieteur News – The newspaper",
        "Die Austrian Boat Show – Das Event",
        "PFT: Reports say",
        "IN PICTURES: The best photos of the week from around the world and more",
        "BY JANE DOE - The council met on Monday to discuss the plans for the harbour area",
        "DOW Jones – The index rose again on Monday, with technology shares leading the way up",
        "Benedikt XVI. – Der frühere Papst ist tot, er starb am Samstag im Alter von 95 Jahren",
    ] {
        assert_eq!(parse_dateline(paragraph, &ctx), None, "{paragraph}");
        let long = format!("{paragraph}{TAIL}");
        if !paragraph.is_empty() && !paragraph.starts_with("LONDON") {
            assert_eq!(parse_dateline(&long, &ctx), None, "{long}");
        }
    }
}

#[test]
fn reads_slashed_trailing_and_undated_wire_styles() {
    let ctx = reference();
    let cases = [
        (
            "MOSCOW, January 30. /TASS/. Russia said",
            dl("MOSCOW", &["TASS"], Some("2022-01-30")),
            "Russia said",
        ),
        (
            "МОСКВА, 30 января. /ТАСС/. Россия заявила",
            dl("МОСКВА", &["ТАСС"], Some("2022-01-30")),
            "Россия заявила",
        ),
        (
            "МОСКВА, 30 янв – РИА Новости. Россия заявила",
            dl("МОСКВА", &["РИА Новости"], Some("2022-01-30")),
            "Россия заявила",
        ),
        (
            "ПЕТРОПАВЛОВСК. КАЗИНФОРМ – Птицефабрику построят",
            dl("ПЕТРОПАВЛОВСК", &["КАЗИНФОРМ"], None),
            "Птицефабрику построят",
        ),
        (
            "MADRID, 30 (EUROPA PRESS) - El Gobierno ha",
            dl("MADRID", &["EUROPA PRESS"], None),
            "El Gobierno ha",
        ),
        (
            "ROMA, 30 GEN - Il governo ha",
            dl("ROMA", &[], Some("2022-01-30")),
            "Il governo ha",
        ),
    ];
    for (paragraph, want, rest) in cases {
        let paragraph = format!("{paragraph}{TAIL}");
        let got = read(&paragraph, &ctx);
        assert_eq!(
            got.map(|(d, r)| (d, r.to_string())),
            Some((want, format!("{rest}{TAIL}"))),
            "{paragraph}"
        );
    }
    // Slashes and stops that are not an agency's.
    for paragraph in [
        "MOSCOW, January 30. /Then the council said/. It met",
        "LONDON – Prices rose. Then they fell again on Monday, traders said in the city.",
        "PARIS. The city – a long essay about the river and its bridges over the centuries.",
    ] {
        let got = parse_dateline(paragraph, &ctx).map(|(d, _)| d.agencies);
        assert!(got.is_none_or(|a| a.is_empty()), "{paragraph}");
    }
}
