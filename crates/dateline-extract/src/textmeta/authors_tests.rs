//! Bylines: prefixes, separators, roles, credits, agencies and what is not a name.

use super::*;

fn names(raw: &str) -> Vec<String> {
    clean_authors(raw)
}

#[test]
fn strips_byline_prefixes_in_many_languages() {
    let cases = [
        ("By Jane Doe", vec!["Jane Doe"]),
        ("BY JANE DOE", vec!["JANE DOE"]),
        ("By: Jane Doe", vec!["Jane Doe"]),
        ("Written by Jane Doe", vec!["Jane Doe"]),
        ("Von Anna Müller", vec!["Anna Müller"]),
        ("Par Éloïse Dubois", vec!["Éloïse Dubois"]),
        ("Por María José García", vec!["María José García"]),
        ("Di Mario Rossi", vec!["Mario Rossi"]),
        ("Door Jan de Vries", vec!["Jan de Vries"]),
        ("Av Sven Svensson", vec!["Sven Svensson"]),
        ("Autor: Jan Nowak", vec!["Jan Nowak"]),
        ("Kommentar von Nicole Beispiel", vec!["Nicole Beispiel"]),
        ("Eingestellt von Max Muster", vec!["Max Muster"]),
        ("Text und Interview: Hans Probe", vec!["Hans Probe"]),
        ("Ursula von der Leyen", vec!["Ursula von der Leyen"]),
        ("责任编辑：王小明", vec!["王小明"]),
        ("김민수 기자", vec!["김민수"]),
        // Author-archive links and glued labels.
        ("Zeige alle Beiträge von Ana Roth", vec!["Ana Roth"]),
        ("View all posts by Jane Doe", vec!["Jane Doe"]),
        ("Publiziert 02/02/2022 um 09:23", vec![]),
        (
            "David Straub Stand: 28. April 2023, 05:00 Uhr",
            vec!["David Straub"],
        ),
    ];
    for (raw, want) in cases {
        assert_eq!(names(raw), want, "{raw}");
    }
}

#[test]
fn splits_on_separators_and_conjunctions() {
    let cases = [
        ("By Jane Doe and John Roe", vec!["Jane Doe", "John Roe"]),
        (
            "Jane Doe, John Roe & Ann Poe",
            vec!["Jane Doe", "John Roe", "Ann Poe"],
        ),
        ("Jane Doe; John Roe", vec!["Jane Doe", "John Roe"]),
        ("Jane Doe | John Roe", vec!["Jane Doe", "John Roe"]),
        ("Jane Doe / John Roe", vec!["Jane Doe", "John Roe"]),
        (
            "Von Anna Müller und Max Weber",
            vec!["Anna Müller", "Max Weber"],
        ),
        (
            "Par Luc Martin et Zoé Petit",
            vec!["Luc Martin", "Zoé Petit"],
        ),
        ("Por Ana Ruiz y Luis Gómez", vec!["Ana Ruiz", "Luis Gómez"]),
        (
            "Di Luca Bianchi e Sara Neri",
            vec!["Luca Bianchi", "Sara Neri"],
        ),
        ("Jane E. Doe", vec!["Jane E. Doe"]),
    ];
    for (raw, want) in cases {
        assert_eq!(names(raw), want, "{raw}");
    }
}

#[test]
fn text_to_speech_buttons_and_placeholders_are_not_names() {
    assert_eq!(names("vorlesen"), Vec::<String>::new());
    assert_eq!(names("Artikel anhören"), Vec::<String>::new());
    assert_eq!(names("No Author"), Vec::<String>::new());
}

#[test]
fn drops_roles_and_titles() {
    let cases = [
        ("Jane Doe, Staff Writer", vec!["Jane Doe"]),
        ("By Jane Doe Staff Writer", vec!["Jane Doe"]),
        ("Senior Reporter Jane Doe", vec!["Jane Doe"]),
        ("Jane Doe, Correspondent", vec!["Jane Doe"]),
        ("John Roe, Associated Press Writer", vec!["John Roe"]),
        ("Jane Doe, Contributor", vec!["Jane Doe"]),
        ("Jane Doe - Political Editor", vec!["Jane Doe"]),
        ("Jane Doe, Reporter", vec!["Jane Doe"]),
        ("By Jane Doe For Example Daily", vec!["Jane Doe"]),
        ("Jane Roe, PhD, John Doe, PhD", vec!["Jane Roe", "John Doe"]),
        ("By : Joe S.", vec!["Joe S."]),
    ];
    for (raw, want) in cases {
        assert_eq!(names(raw), want, "{raw}");
    }
}

#[test]
fn drops_contacts_dates_and_credits() {
    let cases = [
        ("Jane Doe jane.doe@example.org", vec!["Jane Doe"]),
        ("Jane Doe @janedoe", vec!["Jane Doe"]),
        ("Jane Doe https://example.org/jane", vec!["Jane Doe"]),
        (
            "By Jane Doe Updated 4:20 PM ET, Jan 30, 2022",
            vec!["Jane Doe"],
        ),
        ("Jane Doe Published January 30, 2022", vec!["Jane Doe"]),
        ("Jane Doe 30.01.2022, 14:05", vec!["Jane Doe"]),
        ("Jane Doe Photos by John Roe", vec!["Jane Doe"]),
        ("Photo: John Roe", vec![]),
        ("Jane Doe (Berlin)", vec!["Jane Doe"]),
        ("  Jane \n\t Doe  ", vec!["Jane Doe"]),
        ("red, example.ORF.at/Agenturen", vec![]),
        ("Jane Doe Folgen", vec!["Jane Doe"]),
        ("Published by Jane Doe", vec!["Jane Doe"]),
        (
            "Veröffentlicht am 8. Februar 2022 von Jane Doe",
            vec!["Jane Doe"],
        ),
        (
            "Datum: 19.11.2021 Autor: Fritz Probe Quelle: Beispielnetz",
            vec!["Fritz Probe"],
        ),
        ("von lupa am 26/10/13, 03:48 pm", vec!["lupa"]),
        (
            "Jane Doe 30.01.2022, John Roe",
            vec!["Jane Doe", "John Roe"],
        ),
        ("Jane DoeUpdated 4:20 PM", vec!["Jane Doe"]),
        (
            "By Staff and news service reportsPUBLISHED: November 8, 2023",
            vec![],
        ),
        ("Jane Doe Alle Artikel", vec!["Jane Doe"]),
        ("Artikel von Alexa von Probe", vec!["Alexa von Probe"]),
        ("By The Example Press -", vec!["The Example Press"]),
    ];
    for (raw, want) in cases {
        assert_eq!(names(raw), want as Vec<&str>, "{raw}");
    }
}

#[test]
fn agencies_only_when_nobody_is_named() {
    assert_eq!(names("Jane Doe, Reuters"), ["Jane Doe"]);
    assert_eq!(names("By Jane Doe and The Associated Press"), ["Jane Doe"]);
    assert_eq!(names("Reuters, Jane Doe"), ["Jane Doe"]);
    assert_eq!(names("By Reuters"), ["Reuters"]);
    assert_eq!(names("AFP"), ["AFP"]);
    assert_eq!(names("By JANE DOE Associated Press"), ["JANE DOE"]);
    assert_eq!(names("Jane Doe Reuters"), ["Jane Doe"]);
    assert_eq!(names("Associated Press Writer"), Vec::<String>::new());
    assert_eq!(names("The Associated Press"), ["The Associated Press"]);
    assert_eq!(names("By BBC News"), ["BBC News"]);
    // A publisher's imprint: its town and country are not people.
    assert_eq!(
        names("Example-Verlag GmbH, Nürnberg, Germany"),
        ["Example-Verlag GmbH"]
    );
}

#[test]
fn keeps_diacritics_and_other_scripts() {
    let cases = [
        ("Søren Kierkegaard", vec!["Søren Kierkegaard"]),
        ("Иван Петров", vec!["Иван Петров"]),
        (
            "Иван Петров и Анна Смирнова",
            vec!["Иван Петров", "Анна Смирнова"],
        ),
        ("山田太郎", vec!["山田太郎"]),
        ("محمد علي", vec!["محمد علي"]),
        ("作者：山田太郎", vec!["山田太郎"]),
        ("Ludwig van Beethoven", vec!["Ludwig van Beethoven"]),
        ("Seán O'Connor", vec!["Seán O'Connor"]),
    ];
    for (raw, want) in cases {
        assert_eq!(names(raw), want, "{raw}");
    }
}

#[test]
fn deduplicates_case_insensitively() {
    assert_eq!(names("Jane Doe, JANE DOE, jane doe"), ["Jane Doe"]);
}

#[test]
fn rejects_what_is_not_a_name() {
    for raw in [
        "",
        "   ",
        "Admin",
        "Staff",
        "Anonymous",
        "Unknown",
        "12345",
        "The minister said the plan would cost more than expected this year",
        "Jane Doe is a reporter for the paper",
        "Click here to read the full story about the council",
        "Share this article",
        "a b c d e f g h i j",
        "By",
        "Staff Writer",
        "Name *",
        "Twitter Facebook",
        "Sign In",
        "Chris says",
        "Donnerstag",
    ] {
        assert_eq!(names(raw), Vec::<String>::new(), "{raw}");
    }
}

#[test]
fn recognises_organisations() {
    for org in [
        "Reuters",
        "AP",
        "The Associated Press",
        "BBC News",
        "Staff",
        "Fox News",
        "Daily Media",
        "The Washington Post",
        "New York Times",
        "Xinhua",
        "dpa",
        "Press Trust of India",
    ] {
        assert!(is_organisation(org), "{org}");
    }
    for person in ["Jane Doe", "Anna Müller", "Иван Петров", "Li Wei", ""] {
        assert!(!is_organisation(person), "{person}");
    }
}

#[test]
fn survives_case_mappings_that_change_byte_lengths() {
    // "ẞ" gets shorter and "İ" longer when lower-cased: together the length stays the same
    // while every position after them moves.
    for raw in [
        "ẞİ Jane Doe Updated 4:20",
        "Jane ẞİ DoePublished",
        "İẞ Photo: ẞ",
    ] {
        let _ = clean_authors(raw);
    }
    assert_eq!(clean_authors("Jane Doe İẞ Updated"), ["Jane Doe İẞ"]);
}

#[test]
fn weekday_before_a_glued_date_is_not_part_of_the_name() {
    assert_eq!(
        names("By Lena Ortiz Thursday, November 9, 2023 12:15AM"),
        vec!["Lena Ortiz"]
    );
    assert_eq!(
        names("Von Jonas Weber Montag, 3. April 2023"),
        vec!["Jonas Weber"]
    );
    // A surname that is also a weekday abbreviation stays.
    assert_eq!(names("Li Sun, Jan 5, 2023"), vec!["Li Sun"]);
}

#[test]
fn a_bare_label_is_recognised() {
    for label in ["By", "| By ", "Von:", "Autor", "Written by"] {
        assert!(is_bare_byline_label(label), "{label}");
    }
    for text in ["By Jane Doe", "From", "Text", "Byline", ""] {
        assert!(!is_bare_byline_label(text), "{text}");
    }
}

#[test]
fn an_editorial_team_alone_is_kept_as_an_organisation() {
    assert_eq!(names("Redaktion"), vec!["Redaktion"]);
    assert_eq!(names("Von: Redaktion"), vec!["Redaktion"]);
    assert_eq!(
        names("Nordkamm.example Redaktion"),
        vec!["Nordkamm.example Redaktion"]
    );
    assert_eq!(names("Redaktion, Jana Kurz"), vec!["Jana Kurz"]);
    assert!(names("Updated 12:30").is_empty());
    assert!(names("https://example.org/team").is_empty());
}

#[test]
fn field_labels_that_announce_the_author() {
    for label in [
        "Written by",
        "Verfasst von",
        "Geschrieben von",
        "Écrit par",
        "Autor:",
    ] {
        assert!(is_byline_label(label), "{label}");
    }
    for label in ["Est. reading time", "Geschätzte Lesezeit", "Posted"] {
        assert!(!is_byline_label(label), "{label}");
    }
}

#[test]
fn drupal_submitted_line_gives_the_name() {
    assert_eq!(
        names("Submitted by Peter Lindqvist on Sun, 01/30/2022 - 14:05"),
        vec!["Peter Lindqvist"]
    );
}

#[test]
fn posted_before_a_date_is_no_name() {
    assert_eq!(
        names("Posted October 27, 2012 @  3:28 PM by Jane Walker"),
        ["Jane Walker"]
    );
    assert_eq!(names("Posted"), Vec::<String>::new());
    assert_eq!(names("Posted by Jane Walker"), ["Jane Walker"]);
}

#[test]
fn text_opens_a_byline_only_as_a_label() {
    use crate::textmeta::authors::starts_like_byline;
    assert!(starts_like_byline("Text: Jane Doe"));
    assert!(starts_like_byline("Text : Jane Doe"));
    assert!(!starts_like_byline("Text Size"));
    assert!(starts_like_byline("By Jane Doe"));
}

#[test]
fn surname_first_is_one_person() {
    assert_eq!(names("Harm, Robert"), ["Robert Harm"]);
    assert_eq!(names("Doe, Jane"), ["Jane Doe"]);
    assert_eq!(names("Jane Doe, John Roe"), ["Jane Doe", "John Roe"]);
    assert_eq!(names("Reuters, AFP"), ["Reuters", "AFP"]);
    assert_eq!(names("Page, Jeffrey C"), ["Jeffrey C Page"]);
    assert_eq!(names("Kooman, F."), ["F. Kooman"]);
    assert_eq!(names("Jong, Michiel de"), ["Michiel de Jong"]);
    assert_eq!(
        names("Page, Jeffrey C; Hansen, Myron"),
        ["Jeffrey C Page", "Myron Hansen"]
    );
    assert_eq!(names("Doe, John Roe"), ["Doe", "John Roe"]);
}

#[test]
fn a_job_title_after_the_name_ends_the_names() {
    assert_eq!(
        names("Posted by Karla Schmidt, Software Engineer, Example Maps"),
        ["Karla Schmidt"]
    );
    assert_eq!(
        names("Jana Novak, Product Manager and Tom Reyes, Engineering Lead"),
        ["Jana Novak"]
    );
    assert_eq!(
        names("Jane Roe, PhD, John Doe, PhD"),
        ["Jane Roe", "John Doe"]
    );
}

#[test]
fn a_wire_after_the_last_name_is_no_job_title() {
    assert_eq!(
        names("By ANA LOPEZ, MARY CLARE DOE and ERIC ROE Associated Press"),
        ["ANA LOPEZ", "MARY CLARE DOE", "ERIC ROE"]
    );
}
