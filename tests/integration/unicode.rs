//! SPEC §5.1, the Unicode side of the intitulé, through `check_title`:
//! NFC normalisation, counting in characters as a person counts them
//! (extended grapheme clusters), the space separators (a lone no-break space
//! is kept, runs are folded), and the characters that are an error inside.

use ldm_reseau::{check_title, Code, Mention, Options, TitleCheck, MENTION};
use unicode_segmentation::UnicodeSegmentation;

fn check(title: &str) -> TitleCheck {
    check_title(title, &Options::default())
}

fn codes(c: &TitleCheck) -> Vec<Code> {
    c.findings.iter().map(|f| f.code).collect()
}

/// A person's count: extended grapheme clusters.
fn graphemes(s: &str) -> i64 {
    s.graphemes(true).count() as i64
}

const BOIS: &str = "Lycée(s) des métiers en réseau du bois";

// — NFC —

#[test]
fn an_nfd_title_has_the_length_and_normalized_form_of_its_nfc_form() {
    let nfc = "Lycée(s) des métiers en réseau de l'hôtellerie";
    let nfd = "Lyce\u{301}e(s) des me\u{301}tiers en re\u{301}seau de l'ho\u{302}tellerie";
    assert_ne!(nfc, nfd);
    let (a, b) = (check(nfc), check(nfd));
    assert_eq!(b.title.normalized, nfc, "the normalized title is NFC");
    assert_eq!(b.title.length, a.title.length);
    assert_eq!(b.title.length, 46);
    assert_eq!(b.title.remaining, a.title.remaining);
    assert_eq!(
        b.title.mention,
        Mention::Exact,
        "the NFD mention is the mention"
    );
    assert_eq!(
        codes(&b),
        codes(&a),
        "NFD is not a spacing change nor a misspelling"
    );
}

#[test]
fn a_combining_accent_counts_as_one_character_with_its_letter() {
    // A letter with two combining marks that has no precomposed form.
    let title = format!("{BOIS} q\u{307}\u{323}");
    assert_eq!(check(&title).title.length, graphemes(BOIS) + 2);
}

// — apostrophes —

#[test]
fn a_curly_apostrophe_counts_one_like_a_straight_one() {
    let straight = check("Lycée(s) des métiers en réseau de l'habitat");
    let curly = check("Lycée(s) des métiers en réseau de l’habitat");
    assert_eq!(curly.title.length, straight.title.length);
    assert_eq!(curly.title.length, 43);
    assert!(curly.valid, "{:?}", codes(&curly));
    assert_eq!(
        curly.title.normalized, "Lycée(s) des métiers en réseau de l’habitat",
        "the apostrophe is kept as typed"
    );
}

// — space separators inside the mention —

#[test]
fn a_no_break_space_inside_the_mention_still_gives_mention_exact() {
    for nbsp in ['\u{a0}', '\u{202f}'] {
        for at in [8, 12, 20, 23] {
            let mut title: Vec<char> = BOIS.chars().collect();
            assert_eq!(title[at], ' ');
            title[at] = nbsp;
            let title: String = title.into_iter().collect();
            let c = check(&title);
            assert_eq!(c.title.mention, Mention::Exact, "{title:?}");
            assert_eq!(c.title.suggestion, None, "{title:?}");
            assert_eq!(
                c.title.normalized, title,
                "a lone {nbsp:?} is kept as typed"
            );
            assert!(
                !codes(&c).contains(&Code::TitleWhitespace),
                "{title:?}: {:?}",
                codes(&c)
            );
            assert!(c.valid, "{title:?}: {:?}", codes(&c));
        }
    }
}

#[test]
fn other_space_separators_inside_the_mention_are_folded_and_still_exact() {
    // A thin space is no typographic no-break space: it becomes a plain one.
    let title = BOIS.replacen(' ', "\u{2009}", 1);
    let c = check(&title);
    assert_eq!(c.title.mention, Mention::Exact);
    assert_eq!(c.title.normalized, BOIS);
    assert!(codes(&c).contains(&Code::TitleWhitespace));
}

// — grapheme clusters —

#[test]
fn an_emoji_zwj_sequence_counts_as_one_character() {
    // 👩‍🔧: woman, zero-width joiner, wrench; 👨‍👩‍👧‍👦: a family of four.
    for emoji in [
        "\u{1f469}\u{200d}\u{1f527}",
        "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}",
    ] {
        let title = format!("{BOIS} {emoji}");
        assert_eq!(check(&title).title.length, graphemes(BOIS) + 2, "{title}");
    }
}

#[test]
fn a_flag_and_a_skin_tone_emoji_count_as_one_character_each() {
    let flag = "\u{1f1eb}\u{1f1f7}"; // 🇫🇷
    let thumb = "\u{1f44d}\u{1f3fd}"; // 👍🏽
    let keycap = "1\u{fe0f}\u{20e3}"; // 1️⃣
    let title = format!("{BOIS} {flag}{thumb}{keycap}");
    let c = check(&title);
    assert_eq!(c.title.length, graphemes(BOIS) + 4);
    assert!(c.valid, "{:?}", codes(&c));
    assert_eq!(c.title.remaining, 100 - c.title.length);
}

#[test]
fn the_limit_counts_clusters_not_code_points() {
    // 61 flags of 2 code points each: 161 code points in all, but 100 characters.
    let filler = "\u{1f1eb}\u{1f1f7}".repeat(100 - graphemes(BOIS) as usize - 1);
    let at_limit = format!("{BOIS} {filler}");
    let c = check(&at_limit);
    assert_eq!(c.title.length, 100);
    assert!(!codes(&c).contains(&Code::TitleTooLong), "{:?}", codes(&c));
    let over = format!("{at_limit}\u{1f1e9}\u{1f1ea}");
    assert!(codes(&check(&over)).contains(&Code::TitleTooLong));
}

// — no-break spaces before « : » —

#[test]
fn a_lone_no_break_space_before_a_colon_is_kept_without_title_whitespace() {
    for nbsp in ['\u{a0}', '\u{202f}'] {
        let title = format!("{BOIS}{nbsp}: bois et ameublement");
        let c = check(&title);
        assert_eq!(c.title.normalized, title, "the no-break space is kept");
        assert!(
            !codes(&c).contains(&Code::TitleWhitespace),
            "{:?}",
            codes(&c)
        );
        assert_eq!(c.title.length, graphemes(&title));
    }
}

#[test]
fn two_no_break_spaces_fold_to_one_plain_space_with_title_whitespace() {
    for run in [
        "\u{a0}\u{a0}",
        "\u{202f}\u{202f}",
        "\u{a0}\u{202f}",
        "\u{a0} ",
        " \u{a0}",
        "\u{a0}\t",
    ] {
        let c = check(&format!("{BOIS}{run}: bois et ameublement"));
        assert_eq!(
            c.title.normalized,
            format!("{BOIS} : bois et ameublement"),
            "{run:?}"
        );
        assert!(
            codes(&c).contains(&Code::TitleWhitespace),
            "{run:?}: {:?}",
            codes(&c)
        );
    }
}

#[test]
fn a_tab_inside_is_folded_as_a_space_not_reported_as_a_control_character() {
    let c = check(&BOIS.replace(" du ", "\tdu "));
    assert_eq!(c.title.normalized, BOIS);
    assert_eq!(codes(&c), [Code::TitleWhitespace]);
}

#[test]
fn line_breaks_at_both_ends_are_trimmed_as_white_space() {
    let c = check(&format!("\n\r\n {BOIS}\n"));
    assert_eq!(c.title.normalized, BOIS);
    assert_eq!(codes(&c), [Code::TitleWhitespace]);
}

// — invisible and control characters —

#[test]
fn a_zero_width_space_or_a_soft_hyphen_inside_is_title_control_chars() {
    for invisible in ['\u{200b}', '\u{ad}', '\u{2060}', '\u{feff}', '\u{200e}'] {
        let title = format!("{BOIS} et de l'ameu{invisible}blement");
        let c = check(&title);
        assert!(
            codes(&c).contains(&Code::TitleControlChars),
            "{invisible:?}: {:?}",
            codes(&c)
        );
        assert!(!c.valid, "{invisible:?} is an error");
    }
}

#[test]
fn a_line_break_or_a_control_character_inside_is_title_control_chars() {
    for control in [
        '\n', '\r', '\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{2028}', '\u{2029}',
    ] {
        let title = format!("{BOIS} et de{control}l'ameublement");
        let c = check(&title);
        assert!(
            codes(&c).contains(&Code::TitleControlChars),
            "{control:?}: {:?}",
            codes(&c)
        );
        assert!(!codes(&c).contains(&Code::TitleMissing));
    }
}

#[test]
fn an_invisible_character_inside_the_mention_is_reported_not_hidden() {
    let title = BOIS.replacen("métiers", "mé\u{ad}tiers", 1);
    let c = check(&title);
    assert!(
        codes(&c).contains(&Code::TitleControlChars),
        "{:?}",
        codes(&c)
    );
    assert_ne!(
        c.title.mention,
        Mention::Exact,
        "« mé\\u{{ad}}tiers » is not the mention as written"
    );
}

// — real label titles —

struct LabelTitle {
    original: String,
    appellation: String,
}

/// The label titles of `tests/data/label-titles-real.tsv` (real « Lycée des
/// métiers » titles), each with its appellation form: the leading « lycée
/// des métiers » (any capitals) replaced by the mention.
fn real_label_titles() -> Vec<LabelTitle> {
    let path = format!(
        "{}/tests/data/label-titles-real.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let prefix = "lycée des métiers";
    let titles: Vec<LabelTitle> = text
        .lines()
        .skip(1) // the header
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let original = line.split('\t').next().unwrap_or_default().to_owned();
            let head: String = original.chars().take(prefix.chars().count()).collect();
            assert_eq!(
                head.to_lowercase(),
                prefix,
                "{original} opens with « {prefix} »"
            );
            let appellation = format!("{MENTION}{}", &original[head.len()..]);
            LabelTitle {
                original,
                appellation,
            }
        })
        .collect();
    assert!(titles.len() >= 10, "{path} holds {} titles", titles.len());
    titles
}

#[test]
fn real_label_titles_rewritten_as_appellation_titles_have_the_exact_mention() {
    for t in real_label_titles() {
        let c = check(&t.appellation);
        assert_eq!(c.title.mention, Mention::Exact, "{}", t.appellation);
        assert_eq!(c.title.suggestion, None, "{}", t.appellation);
        assert_eq!(c.title.normalized, t.appellation);
        assert!(c.valid, "{}: {:?}", t.appellation, codes(&c));
    }
}

#[test]
fn real_appellation_titles_are_counted_in_grapheme_clusters() {
    for t in real_label_titles() {
        let c = check(&t.appellation);
        assert_eq!(
            c.title.length,
            graphemes(&t.appellation),
            "{}",
            t.appellation
        );
        assert_eq!(c.title.remaining, 100 - c.title.length, "{}", t.appellation);
    }
}

#[test]
fn real_label_titles_as_they_are_miss_the_mention_and_get_the_appellation_form_as_suggestion() {
    for t in real_label_titles() {
        let c = check(&t.original);
        assert_eq!(c.title.mention, Mention::Missing, "{}", t.original);
        let f = c
            .findings
            .iter()
            .find(|f| f.code == Code::TitleMentionMissing)
            .unwrap_or_else(|| {
                panic!(
                    "{}: title.mention_missing expected, got {:?}",
                    t.original,
                    codes(&c)
                )
            });
        assert!(
            f.message.contains(MENTION),
            "the message gives the mention: {}",
            f.message
        );
        assert_eq!(
            c.title.suggestion.as_deref(),
            Some(t.appellation.as_str()),
            "{}",
            t.original
        );
        assert!(!c.valid);
    }
}

#[test]
fn real_label_titles_typed_in_nfd_count_like_their_nfc_form() {
    for t in real_label_titles() {
        let nfd = t
            .appellation
            .replace('é', "e\u{301}")
            .replace('è', "e\u{300}")
            .replace('ô', "o\u{302}")
            .replace('É', "E\u{301}");
        let c = check(&nfd);
        assert_eq!(c.title.normalized, t.appellation, "{nfd:?}");
        assert_eq!(c.title.length, graphemes(&t.appellation), "{nfd:?}");
        assert_eq!(c.title.mention, Mention::Exact, "{nfd:?}");
    }
}
