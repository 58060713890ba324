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
    ];
    for (paragraph, want) in cases {
        let got = read(paragraph, &ctx).map(|(d, _)| d);
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
        assert_eq!(
            read(paragraph, &ctx).map(|(_, r)| r),
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
    ] {
        assert_eq!(parse_dateline(paragraph, &ctx), None, "{paragraph}");
    }
}
