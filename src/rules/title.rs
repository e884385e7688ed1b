//! The intitulé (SPEC §5.1): normalisation, counting, the mention
//! « Lycée(s) des métiers en réseau », and the perimeter it must name.

use super::Perimeter;
use crate::findings::Findings;
use crate::report::{Code, Mention, Path, TitleSummary};
use crate::text::{
    contains_words, folded_words, grapheme_count, is_forbidden_in_title, is_space_separator,
    latin_lower, normalize_title, push_folded,
};

/// The mention every appellation title must carry.
///
/// ```
/// use ldm_reseau::{check_title, Code, Options, MENTION};
/// let check = check_title(&format!("{MENTION} du bois"), &Options::default());
/// assert!(check.valid);
/// let check = check_title("Réseau du bois", &Options::default());
/// assert_eq!(check.findings[0].code, Code::TitleMentionMissing);
/// ```
pub const MENTION: &str = "Lycée(s) des métiers en réseau";

/// The limit, mention included.
///
/// ```
/// use ldm_reseau::{check_title, Code, Options, MAX_LENGTH, MENTION};
/// let at_limit = format!("{MENTION} {}", "b".repeat(MAX_LENGTH as usize - 31));
/// let check = check_title(&at_limit, &Options::default());
/// assert_eq!((check.title.length, check.title.remaining), (MAX_LENGTH, 0));
/// assert!(check_title(&(at_limit + "s"), &Options::default()).findings.iter().any(|f| f.code == Code::TitleTooLong));
/// ```
pub const MAX_LENGTH: i64 = 100;

/// Where and how the mention was found, in chars of the normalised title.
struct Found {
    mention: Mention,
    start: usize,
    /// Exclusive.
    end: usize,
}

/// Checks the title; `perimeter` is `None` when the scope does not say what
/// the title should name.
// One copy, however many callers: size matters more than a call here.
#[inline(never)]
pub(crate) fn check(
    raw: Option<&str>,
    perimeter: Option<Perimeter<'_>>,
    out: &mut Findings,
) -> TitleSummary {
    let path = || Path::root().key("title");
    let (normalized, changed) = raw.map(normalize_title).unwrap_or_default();
    let length = grapheme_count(&normalized);
    let mut summary = TitleSummary {
        length,
        max: MAX_LENGTH,
        remaining: MAX_LENGTH - length,
        mention: Mention::Missing,
        suggestion: None,
        normalized,
    };
    if summary.normalized.is_empty() {
        out.add(Code::TitleMissing, path(), vec![("max", MAX_LENGTH.into())]);
        return summary;
    }
    let title = summary.normalized.as_str();
    let chars: Vec<char> = title.chars().collect();
    if changed {
        out.add(
            Code::TitleWhitespace,
            path(),
            vec![("normalized", title.into())],
        );
    }
    if let Some((i, c)) = chars
        .iter()
        .enumerate()
        .find(|(_, c)| is_forbidden_in_title(**c))
    {
        let count = chars.iter().filter(|c| is_forbidden_in_title(**c)).count() as i64;
        out.add(
            Code::TitleControlChars,
            path(),
            vec![
                ("char", crate::text::codepoint(*c).into()),
                ("position", (i as i64 + 1).into()),
                ("count", count.into()),
            ],
        );
    }
    if length > MAX_LENGTH {
        out.add(
            Code::TitleTooLong,
            path(),
            vec![
                ("length", length.into()),
                ("max", MAX_LENGTH.into()),
                ("excess", (length - MAX_LENGTH).into()),
            ],
        );
    }
    let uppers = chars.iter().filter(|c| c.is_uppercase()).count();
    if uppers >= 2 && !chars.iter().any(|c| c.is_lowercase()) {
        out.add(Code::TitleAllCaps, path(), Vec::new());
    }
    let found = find_mention(&chars);
    let mut no_perimeter = false;
    match &found {
        Some(f) => {
            summary.mention = f.mention;
            let span: String = chars[f.start..f.end].iter().collect();
            if f.mention != Mention::Exact {
                summary.suggestion = Some(replace(&chars, f, MENTION));
                let code = if f.mention == Mention::Case {
                    Code::TitleMentionCase
                } else {
                    Code::TitleMentionMisspelled
                };
                out.add(
                    code,
                    path(),
                    vec![("mention", MENTION.into()), ("found", span.into())],
                );
            }
            let rest = chars[..f.start].iter().chain(&chars[f.end..]);
            no_perimeter = !rest.clone().any(|c| c.is_alphanumeric());
            if no_perimeter {
                out.add(
                    Code::TitleNoPerimeter,
                    path(),
                    vec![("mention", MENTION.into())],
                );
            }
        }
        None => {
            let mut params = vec![("mention", MENTION.into())];
            if let Some(label) = find_label_mention(&chars) {
                let span: String = chars[label.start..label.end].iter().collect();
                summary.suggestion = Some(replace(&chars, &label, MENTION));
                params.push(("found", span.into()));
            }
            out.add(Code::TitleMentionMissing, path(), params);
        }
    }
    if let (Some(p), false) = (perimeter, no_perimeter) {
        check_perimeter(title, p, out);
    }
    summary
}

fn check_perimeter(title: &str, perimeter: Perimeter<'_>, out: &mut Findings) {
    let hay = folded_words(title);
    let appears = |name: &str| contains_words(&hay, &folded_words(name));
    let params = match perimeter {
        Perimeter::Territory(name) if !appears(name) => vec![("territory", name.into())],
        Perimeter::Sectors(sectors)
            if !sectors.is_empty() && !sectors.iter().any(|s| appears(s)) =>
        {
            vec![("sectors", sectors.join(", ").into())]
        }
        _ => return,
    };
    out.add(
        Code::TitlePerimeterMismatch,
        Path::root().key("title"),
        params,
    );
}

fn replace(chars: &[char], f: &Found, with: &str) -> String {
    let mut s: String = chars[..f.start].iter().collect();
    s.push_str(with);
    s.extend(&chars[f.end..]);
    s
}

/// Not a letter or digit (or out of the text): the mention must stand as
/// words of its own.
fn boundary(chars: &[char], i: Option<usize>) -> bool {
    i.and_then(|i| chars.get(i))
        .is_none_or(|c| !c.is_alphanumeric())
}

fn find_mention(chars: &[char]) -> Option<Found> {
    let len = MENTION.chars().count();
    let at = |mention, start: usize| Found {
        mention,
        start,
        end: start + len,
    };
    // Any space separator counts as a plain space when looking for it.
    let plain: Vec<char> = chars
        .iter()
        .map(|&c| if is_space_separator(c) { ' ' } else { c })
        .collect();
    let mention: Vec<char> = MENTION.chars().collect();
    if let Some(i) = find_words(&plain, &mention, chars) {
        return Some(at(Mention::Exact, i));
    }
    // Capitals ignored: one lower-case char per char, so indices still match.
    let lower = |s: &[char]| -> Vec<char> { s.iter().map(|&c| latin_lower(c)).collect() };
    if let Some(i) = find_words(&lower(&plain), &lower(&mention), chars) {
        return Some(at(Mention::Case, i));
    }
    fuzzy(chars, "desmetiersenreseau", true).map(|(start, end)| Found {
        mention: Mention::Misspelled,
        start,
        end,
    })
}

/// The char index of the first `needle` in `hay` that stands as words of its
/// own (`chars` are the title's, as many as `hay`'s). On chars, not on
/// text: core's substring search would bring its panic-message tables into
/// the wasm, and a title is short (at most `MAX_STRING` units).
fn find_words(hay: &[char], needle: &[char], chars: &[char]) -> Option<usize> {
    let len = needle.len();
    (0..=hay.len().checked_sub(len)?).find(|&i| {
        hay.get(i..i + len) == Some(needle)
            && boundary(chars, i.checked_sub(1))
            && boundary(chars, Some(i + len))
    })
}

/// A label's mention « Lycée des métiers » without « en réseau ».
fn find_label_mention(chars: &[char]) -> Option<Found> {
    fuzzy(chars, "desmetiers", false).map(|(start, end)| Found {
        mention: Mention::Missing,
        start,
        end,
    })
}

/// Finds « lycée » + a form of « (s) » + `tail`, ignoring accents, capitals,
/// spaces and hyphens; returns the char span in the original title.
fn fuzzy(chars: &[char], tail: &str, plural_x: bool) -> Option<(usize, usize)> {
    // The skeleton: each folded letter with the index of the char it came from.
    let mut skeleton: Vec<(char, usize)> = Vec::with_capacity(chars.len());
    let mut buf = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if is_space_separator(c) || matches!(c, '\t' | '-' | '‐' | '_') {
            continue;
        }
        buf.clear();
        push_folded(&mut buf, c);
        skeleton.extend(buf.chars().map(|f| (f, i)));
    }
    let expect = |at: usize, word: &str| -> Option<usize> {
        let n = word.chars().count();
        let ok = skeleton
            .get(at..at + n)?
            .iter()
            .map(|(c, _)| *c)
            .eq(word.chars());
        ok.then_some(at + n)
    };
    for p in 0..skeleton.len() {
        let start = skeleton[p].1;
        if skeleton[p].0 != 'l' || !boundary(chars, start.checked_sub(1)) {
            continue;
        }
        let Some(q) = expect(p, "lycee") else {
            continue;
        };
        for r in plural_forms(&skeleton, q) {
            let Some(end) = expect(r, tail) else { continue };
            let ends = if plural_x && skeleton.get(end).is_some_and(|(c, _)| *c == 'x') {
                vec![end + 1, end]
            } else {
                vec![end]
            };
            for e in ends {
                let last = skeleton[e - 1].1;
                if boundary(chars, Some(last + 1)) {
                    return Some((start, last + 1));
                }
            }
        }
    }
    None
}

/// The skeleton positions reachable after « lycée » through a form of
/// « (s) »: nothing, « s », « (s) », « (es) », « s(s) », « [s] »…
fn plural_forms(skeleton: &[(char, usize)], at: usize) -> Vec<usize> {
    let is = |i: usize, set: &[char]| skeleton.get(i).is_some_and(|(c, _)| set.contains(c));
    let mut forms = vec![at];
    if is(at, &['s']) {
        forms.push(at + 1);
    }
    for from in forms.clone() {
        if !is(from, &['(', '[']) {
            continue;
        }
        let mut i = from + 1;
        for optional in ['e', 's'] {
            if is(i, &[optional]) {
                i += 1;
            }
        }
        if is(i, &[')', ']']) {
            forms.push(i + 1);
        }
    }
    forms.reverse();
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_folds_runs_and_keeps_a_lone_no_break_space() {
        assert_eq!(
            normalize_title("  a \t b\u{a0}: c\u{2009}d  "),
            ("a b\u{a0}: c d".to_owned(), true)
        );
        assert_eq!(normalize_title("a\u{a0}\u{a0}b"), ("a b".to_owned(), true));
        assert_eq!(normalize_title("a b"), ("a b".to_owned(), false));
        assert_eq!(normalize_title("a\nb"), ("a\nb".to_owned(), false));
    }

    #[test]
    fn nfd_counts_like_nfc() {
        assert_eq!(
            grapheme_count(&normalize_title("re\u{301}seau").0),
            grapheme_count("réseau")
        );
        assert_eq!(grapheme_count("l’habitat"), grapheme_count("l'habitat"));
    }

    fn mention_of(title: &str) -> (Mention, Option<String>) {
        let mut f = Findings::new();
        let s = check(Some(title), None, &mut f);
        (s.mention, s.suggestion)
    }

    #[test]
    fn mention_forms() {
        use Mention::*;
        let fixed = Some("Lycée(s) des métiers en réseau du bois".to_owned());
        assert_eq!(
            mention_of("Lycée(s) des métiers en réseau du bois"),
            (Exact, None)
        );
        assert_eq!(
            mention_of("Lycée(s)\u{a0}des métiers en réseau du bois"),
            (Exact, None)
        );
        assert_eq!(
            mention_of("lycée(s) des Métiers en Réseau du bois"),
            (Case, fixed.clone())
        );
        for near in [
            "Lycee(s) des metiers en reseau du bois",
            "Lycées des métiers en réseau du bois",
            "Lycée des métiers en réseau du bois",
            "Lycée (s) des métiers en réseau du bois",
            "Lycée( s ) des métiers en réseau du bois",
            "Lycée(s) des métiers en réseaux du bois",
            "Lycée(s) des métiers-en-réseau du bois",
        ] {
            assert_eq!(mention_of(near), (Misspelled, fixed.clone()), "{near}");
        }
        assert_eq!(mention_of("Lycée des métiers du bois"), (Missing, fixed));
        assert_eq!(mention_of("Réseau des lycées du bois"), (Missing, None));
        assert_eq!(
            mention_of("XLycée(s) des métiers en réseau du bois").0,
            Missing
        );
    }
}
