//! Text helpers shared by the rules: Unicode normalisation, the character
//! classes of SPEC §5.1, and the "folded" forms used to compare names and
//! filières without accents, capitals, apostrophes and hyphens.

use std::borrow::Cow;

/// The NFC form of `s`, borrowed when `s` already is NFC (the usual case).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn nfc(s: &str) -> Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfc().collect()),
    }
}

/// The NFC form of `s`. In the browser the host's own normaliser does it:
/// shipping Unicode's composition tables would multiply the module's size.
#[cfg(target_arch = "wasm32")]
pub(crate) fn nfc(s: &str) -> Cow<'_, str> {
    // Text before the first combining mark (U+0300) is always NFC.
    if s.chars().all(|c| (c as u32) < 0x300) {
        return Cow::Borrowed(s);
    }
    let js = js_sys::JsString::from(s).normalize("NFC");
    Cow::Owned(String::from(js))
}

/// A title as it will be sent (SPEC §5.1: NFC, ends trimmed, runs of
/// spaces folded), and whether its spaces were changed.
pub(crate) fn normalize_title(raw: &str) -> (String, bool) {
    let nfc = nfc(raw);
    let trimmed = nfc.trim();
    let mut out = String::with_capacity(trimmed.len());
    let mut chars = trimmed.chars().peekable();
    let is_blank = |c: char| is_space_separator(c) || c == '\t';
    while let Some(c) = chars.next() {
        if !is_blank(c) {
            out.push(c);
            continue;
        }
        let mut run = 1;
        while chars.next_if(|&n| is_blank(n)).is_some() {
            run += 1;
        }
        // A lone no-break space is typography (« : »), not a mistake.
        let keep = run == 1 && (c == '\u{a0}' || c == '\u{202f}');
        out.push(if keep { c } else { ' ' });
    }
    let changed = out != *nfc;
    (out, changed)
}

/// Characters as a person counts them: extended grapheme clusters.
///
/// The text is cut where Unicode always puts a cluster boundary: around a
/// control character (line breaks, Cc, and the format characters of
/// [`is_boundary_control`]; CR LF counts one), and between two characters
/// below U+0300 (Latin, accents already composed), which are clusters of
/// their own. Only what is left, runs of other scripts, emoji or combining
/// marks, goes to a segmenter: Unicode's tables natively, the host's
/// `Intl.Segmenter` in the browser. A run is handed over [`SEGMENT_RUN`]
/// characters at most, so the cost stays linear whatever the text (some
/// hosts' segmenters are slow on long hostile runs); only a run that long
/// with no boundary inside, which no title has, may be counted a little high.
pub(crate) fn grapheme_count(s: &str) -> i64 {
    let simple = |c: char| (c as u32) < 0x300 && !is_boundary_control(c);
    let mut n = 0i64;
    let mut run = 0..0;
    let mut run_chars = 0usize;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        let control = is_boundary_control(c);
        let cut = control || run_chars == SEGMENT_RUN || (simple(c) && prev.is_some_and(simple));
        if cut && run_chars > 0 {
            n += segmented_run(s.get(run.clone()).unwrap_or_default());
            run_chars = 0;
        }
        if control {
            // CR LF is one cluster.
            n += i64::from(!(c == '\n' && prev == Some('\r')));
        } else {
            if run_chars == 0 {
                run.start = i;
            }
            run.end = i + c.len_utf8();
            run_chars += 1;
        }
        prev = Some(c);
    }
    if run_chars > 0 {
        n += segmented_run(s.get(run).unwrap_or_default());
    }
    n
}

/// The most characters handed to the segmenter at once.
pub(crate) const SEGMENT_RUN: usize = 256;

fn segmented_run(run: &str) -> i64 {
    if run.chars().all(|c| (c as u32) < 0x300) {
        return run.chars().count() as i64;
    }
    segmented_count(run)
}

/// Characters that Unicode's grapheme rules treat as controls: a cluster
/// boundary stands before and after each (but inside CR LF).
fn is_boundary_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}' | '\u{200e}' | '\u{200f}'
            | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

#[cfg(not(target_arch = "wasm32"))]
fn segmented_count(s: &str) -> i64 {
    use unicode_segmentation::UnicodeSegmentation;
    s.graphemes(true).count() as i64
}

#[cfg(target_arch = "wasm32")]
fn segmented_count(s: &str) -> i64 {
    host::grapheme_count(s) as i64
}

#[cfg(target_arch = "wasm32")]
mod host {
    use wasm_bindgen::prelude::*;

    // Without Intl.Segmenter (old browsers), count code points that are not
    // combining marks or joiners: right for every script that composes.
    #[wasm_bindgen(inline_js = "
        let seg;
        export function grapheme_count(s) {
            if (seg === undefined) seg = typeof Intl === 'object' && Intl.Segmenter ? new Intl.Segmenter() : null;
            let n = 0;
            if (seg) { for (const _ of seg.segment(s)) n++; return n; }
            for (const c of s) if (!/[\\p{M}\\u200d\\ufe0f]/u.test(c)) n++;
            return n;
        }")]
    extern "C" {
        pub fn grapheme_count(s: &str) -> u32;
    }
}

/// Unicode category Zs (space separators).
pub(crate) fn is_space_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Unicode category Cf (invisible format characters).
pub(crate) fn is_format(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}' | '\u{890}'..='\u{891}'
        | '\u{8e2}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}'
        | '\u{110bd}' | '\u{110cd}' | '\u{13430}'..='\u{1343f}' | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}' | '\u{e0001}' | '\u{e0020}'..='\u{e007f}')
}

/// A character SPEC §5.1 forbids inside a title: a line break, another
/// control character (Cc), or an invisible format character (Cf).
pub(crate) fn is_forbidden_in_title(c: char) -> bool {
    c.is_control() || is_format(c) || c == '\u{2028}' || c == '\u{2029}'
}

/// `c` in lower case, for the Latin letters (ASCII, Latin-1, Latin
/// Extended-A and Additional): what French and its neighbours write. Other
/// scripts are left as they are, which keeps core's case tables out of the
/// wasm.
pub(crate) fn latin_lower(c: char) -> char {
    let n = c as u32;
    let lower = match n {
        0..=0x7F => return c.to_ascii_lowercase(),
        0xC0..=0xDE if n != 0xD7 => n + 0x20,
        0x100..=0x137 | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if n % 2 == 0 => n + 1,
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        0x178 => 0xFF,
        _ => n,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The unaccented ASCII letter of each lower-case letter from U+00E0, and
/// from U+1E00 ('.' where there is none): the first character of its
/// canonical decomposition.
const BASE_E0: &[u8; 160] = b"aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll....nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.";
const BASE_1E00: &[u8; 256] = b"aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

/// Combining diacritical marks: what an accent typed separately is.
pub(crate) fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// `c` without accents and in lower case, pushed onto `out`. Ligatures are
/// spelled out so that « Cœur » and « Coeur » compare equal; a separate
/// combining accent is dropped.
pub(crate) fn push_folded(out: &mut String, c: char) {
    let c = latin_lower(c);
    let n = c as u32;
    let base = match n {
        0..=0x7F => Some(c as u8),
        0xE0..=0x17F => Some(BASE_E0[(n - 0xE0) as usize]),
        0x1E00..=0x1EFF => Some(BASE_1E00[(n - 0x1E00) as usize]),
        _ => None,
    };
    match (c, base) {
        ('œ', _) => out.push_str("oe"),
        ('æ', _) => out.push_str("ae"),
        ('ß', _) => out.push_str("ss"),
        (_, Some(b)) if b != b'.' => out.push(b as char),
        _ if is_combining(c) => {}
        _ => out.push(c),
    }
}

/// `s` without accents and capitals, with surrounding spaces removed and
/// inner runs of spaces folded: how two filières are compared.
pub(crate) fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            push_folded(&mut out, c);
        }
    }
    out
}

/// `s` folded into its words joined by single spaces, appended to `out`
/// (« Provence-Alpes-Côte d’Azur » → « provence alpes cote d azur »).
pub(crate) fn fold_words_into(out: &mut String, s: &str) {
    let start = out.len();
    for c in s.chars() {
        if c.is_alphanumeric() {
            push_folded(out, c);
        } else if out.len() > start && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
}

/// The words of `s`, folded: accents, capitals, apostrophes, hyphens and
/// punctuation dropped (they separate words).
pub(crate) fn folded_words(s: &str) -> Vec<String> {
    let mut folded = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() {
            push_folded(&mut folded, c);
        } else {
            folded.push(' ');
        }
    }
    folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether the words of `needle` appear in `hay` in their order (SPEC §5.1:
/// « the words of the name, in order, inside the title »), other words
/// allowed between them: « hôtellerie-restauration » is named by « de
/// l'hôtellerie et de la restauration ». Both come from [`folded_words`].
pub(crate) fn contains_words(hay: &[String], needle: &[String]) -> bool {
    let mut wanted = needle.iter().peekable();
    for word in hay {
        if wanted.next_if(|w| *w == word).is_some() && wanted.peek().is_none() {
            return true;
        }
    }
    false
}

/// `U+00AD` style name of a character, for messages.
pub(crate) fn codepoint(c: char) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let n = c as u32;
    let mut s = String::from("U+");
    let width = if n > 0xFFFF { 5 } else { 4 };
    for shift in (0..width).rev() {
        s.push(HEX[((n >> (4 * shift)) & 15) as usize] as char);
    }
    s
}

/// Appends an integer in decimal.
///
/// By hand: `format!` would pull the formatting machinery into the wasm.
pub(crate) fn write_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(d as char);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_accents_capitals_and_ligatures() {
        assert_eq!(
            fold_key("  Hôtellerie   Restauration "),
            "hotellerie restauration"
        );
        assert_eq!(fold_key("CŒUR"), "coeur");
        assert_eq!(fold_key("e\u{301}nergie"), "energie");
    }

    #[test]
    fn words_split_on_apostrophes_and_hyphens() {
        assert_eq!(
            folded_words("Provence-Alpes-Côte d’Azur"),
            ["provence", "alpes", "cote", "d", "azur"]
        );
        let hay = folded_words("Lycée(s) des métiers en réseau de la Côte-d'Or");
        assert!(contains_words(&hay, &folded_words("Côte d’Or")));
        assert!(!contains_words(&hay, &folded_words("Or Côte")));
        assert!(!contains_words(
            &folded_words("Saint-Étienne"),
            &folded_words("Ain")
        ));
    }

    #[test]
    fn cutting_at_sure_boundaries_counts_as_the_segmenter_does() {
        use unicode_segmentation::UnicodeSegmentation;
        let pieces = [
            "a",
            "é",
            "e\u{301}",
            "🌲",
            "👩\u{200d}🔧",
            "🇫🇷",
            "\r\n",
            "\n",
            "\u{2028}",
            "\u{200b}",
            "ก\u{e33}",
            "한",
            "\u{1100}\u{1161}",
            " ",
            "’",
            "\u{a0}",
            "\u{308}",
            "\u{200d}",
        ];
        // Every sequence of three pieces, and each piece repeated up to a run.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = [a, b, c].concat();
                    assert_eq!(
                        grapheme_count(&s),
                        s.graphemes(true).count() as i64,
                        "{s:?}"
                    );
                }
            }
            let long = a.repeat(SEGMENT_RUN / a.chars().count());
            assert_eq!(
                grapheme_count(&long),
                long.graphemes(true).count() as i64,
                "{a:?} repeated"
            );
        }
        // Past a run with no sure boundary inside, at most one more per run.
        let hostile = "👩\u{200d}🔧".repeat(2_000);
        let (n, exact) = (grapheme_count(&hostile), 2_000);
        assert!(
            (exact..=exact + 6_000 / SEGMENT_RUN as i64 + 1).contains(&n),
            "{n}"
        );
    }

    #[test]
    fn codepoints_are_written_in_hex() {
        assert_eq!(codepoint('\n'), "U+000A");
        assert_eq!(codepoint('\u{200b}'), "U+200B");
        assert_eq!(codepoint('\u{e0041}'), "U+E0041");
    }

    #[test]
    fn integers_are_written_plainly() {
        for n in [0, 7, -42, 2026, i64::MIN, i64::MAX] {
            let mut out = String::new();
            write_int(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
