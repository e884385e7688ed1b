//! Joint actions (SPEC §5.5): one description per criterion of the label.

use crate::findings::Findings;
use crate::input::Request;
use crate::keys::Keys;
use crate::report::{Code, Path};
use crate::text::push_folded;

// One copy, however many callers: size matters more than a call here.
#[inline(never)]
pub(crate) fn check(req: &Request<'_>, criteria: &[(&str, &str)], out: &mut Findings) {
    let path = |id: &str| Path::root().key("jointActions").key(id);
    // The last description given under an id counts, as for any field.
    let given = Keys::of(req.joint_actions.iter().map(|&(id, _)| id));
    for &(id, label) in criteria {
        let params = || vec![("criterion", id.into()), ("label", label.into())];
        let text = given.last(id).and_then(|at| req.joint_actions.get(at)?.1);
        match text.map(str::trim) {
            None | Some("") => out.add(Code::ActionsMissing, path(id), params()),
            Some(t) if is_placeholder(t) => {
                let mut p = params();
                p.push(("text", t.into()));
                out.add(Code::ActionsPlaceholder, path(id), p);
            }
            Some(_) => {}
        }
    }
    // Only a description counts: a null or blank entry is no description.
    // An unknown id is reported once, where it is first described.
    let known = Keys::of(criteria.iter().map(|&(id, _)| id));
    let described: Vec<&str> = (req.joint_actions.iter())
        .filter(|(_, text)| text.is_some_and(|t| !t.trim().is_empty()))
        .map(|&(id, _)| id)
        .collect();
    let firsts = Keys::of(described.iter().copied());
    for (at, &id) in described.iter().enumerate() {
        if !known.contains(id) && firsts.first(id) == Some(at) {
            out.add(
                Code::ActionsUnknownCriterion,
                path(id),
                vec![("criterion", id.into())],
            );
        }
    }
}

/// A text that stands in for a description: only punctuation or x's, or one
/// of the phrases people type to come back later.
pub(crate) fn is_placeholder(text: &str) -> bool {
    const PHRASES: &[&str] = &[
        "todo",
        "to do",
        "tbd",
        "a completer",
        "a remplir",
        "a rediger",
        "a venir",
        "a definir",
        "a faire",
        "a preciser",
        "en cours",
        "en cours de redaction",
        "texte",
        "description",
        "lorem ipsum",
        "test",
    ];
    // Most descriptions are real text: decide those without folding.
    let mut alnum = 0;
    let mut only_x = true;
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        alnum += 1;
        only_x &= c == 'x' || c == 'X';
    }
    if alnum == 0 || only_x {
        return true;
    }
    if text.len() > 40 {
        let start = text.trim_start().as_bytes();
        return start.len() >= 11 && start[..11].eq_ignore_ascii_case(b"lorem ipsum");
    }
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            push_folded(&mut folded, c);
        } else if !folded.ends_with(' ') {
            folded.push(' ');
        }
    }
    let words = folded.trim();
    words.is_empty()
        || words.chars().all(|c| c == 'x' || c == ' ')
        || PHRASES.contains(&words)
        || words.starts_with("lorem ipsum")
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn placeholders_and_real_descriptions() {
        for p in [
            "TODO",
            "todo:",
            "À compléter",
            "a completer...",
            "xxx",
            "XXXX",
            "...",
            "…",
            "-",
            "?",
            "Lorem ipsum dolor",
            "TBD.",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        for d in [
            "Plateau technique partagé",
            "Néant",
            "Stages croisés entre les trois lycées",
            "Accueil d'élèves de 3e (xxx inclus dans un texte réel)",
        ] {
            assert!(!is_placeholder(d), "{d}");
        }
    }
}
