//! The fields of the request as the applicant sees them (SPEC §3), keyed by
//! language: what a form label says, a noun phrase with its article
//! (« l'année de la campagne », « l'UAI de l'établissement n° 2 »).
//! Messages name a field with these words, never by its JSON key; the
//! dotted path stays in the finding's `field` parameter, for developers
//! (SPEC §4).
//!
//! Which fields there are and how they nest comes from `crate::model`; only
//! the words live here. Every name is singular and starts with a lower-case
//! ASCII letter, so that a template's verb agrees with any of them and a
//! template can put one at the start of a sentence (`{FieldName}`).

use crate::model::{Object, Shape};
use crate::options::{Lang, Options};
use crate::report::Seg;
use crate::text::write_int;

/// A name in French and in English. `{n}` is an establishment's row, `{j}` a
/// row in a list of filières or of criteria (both counted from 1), `{c}` a
/// criterion as the options name it.
type Words = [&'static str; 2];

/// The name of each field of each object of the model.
#[rustfmt::skip]
const FIELDS: &[(Object, &str, Words)] = &[
    (Object::Request, "kind", ["le type de demande", "the kind of request"]),
    (Object::Request, "title", ["l'intitulé de l'appellation", "the title of the appellation"]),
    (Object::Request, "scope", ["le périmètre commun du réseau", "the common scope of the network"]),
    (
        Object::Request,
        "campusAvailable",
        [
            "la réponse à la question du Campus des métiers et des qualifications",
            "the answer to the question on a Campus des métiers et des qualifications",
        ],
    ),
    (Object::Request, "campaignYear", ["l'année de la campagne", "the campaign year"]),
    (Object::Request, "members", ["la liste des établissements membres", "the list of member establishments"]),
    (Object::Request, "jointActions", ["l'ensemble des actions conjointes", "the set of joint actions"]),
    (Object::Request, "existingNetwork", ["le réseau existant", "the existing network"]),
    (Object::Scope, "type", ["le type de périmètre", "the type of scope"]),
    (Object::Scope, "sectors", ["la liste des filières communes", "the list of common filières"]),
    (Object::Scope, "territory", ["le territoire du réseau", "the territory of the network"]),
    (Object::Territory, "level", ["le niveau du territoire", "the level of the territory"]),
    (Object::Territory, "code", ["le code du territoire", "the code of the territory"]),
    (Object::Territory, "name", ["le nom du territoire", "the name of the territory"]),
    (Object::Member, "uai", ["l'UAI de l'établissement n° {n}", "the UAI of establishment no. {n}"]),
    (Object::Member, "name", ["le nom de l'établissement n° {n}", "the name of establishment no. {n}"]),
    (Object::Member, "label", ["le label de l'établissement n° {n}", "the label of establishment no. {n}"]),
    (
        Object::Label,
        "status",
        [
            "la situation de l'établissement n° {n} au regard du label",
            "the label status of establishment no. {n}",
        ],
    ),
    (
        Object::Label,
        "lastDecisionYear",
        [
            "l'année d'attribution ou du dernier renouvellement du label de l'établissement n° {n}",
            "the year the label of establishment no. {n} was granted or last renewed",
        ],
    ),
    (
        Object::Label,
        "sectors",
        [
            "la liste des filières du label de l'établissement n° {n}",
            "the list of filières of the label of establishment no. {n}",
        ],
    ),
    (
        Object::Label,
        "title",
        ["l'intitulé du label de l'établissement n° {n}", "the title of the label of establishment no. {n}"],
    ),
    (Object::Network, "title", ["l'intitulé du réseau existant", "the title of the existing network"]),
    (
        Object::Network,
        "attributedYear",
        [
            "l'année d'attribution de l'appellation du réseau existant",
            "the year the existing network's appellation was granted",
        ],
    ),
];

/// The name of an item of a list, or of the map of joint actions, by the
/// field that holds it.
#[rustfmt::skip]
const ITEMS: &[(Object, &str, Words)] = &[
    (Object::Request, "members", ["l'établissement n° {n}", "establishment no. {n}"]),
    (
        Object::Request,
        "jointActions",
        [
            "la description des actions conjointes pour le critère « {c} »",
            "the description of the joint actions for the criterion « {c} »",
        ],
    ),
    (Object::Scope, "sectors", ["la filière commune n° {j}", "common filière no. {j}"]),
    (
        Object::Label,
        "sectors",
        [
            "la filière n° {j} du label de l'établissement n° {n}",
            "filière no. {j} of the label of establishment no. {n}",
        ],
    ),
];

/// The whole request: where a field at the top stands.
const REQUEST: Words = ["la demande", "the request"];

/// A field the model does not know, named by what was sent, then where it
/// stands (`IN`).
const UNKNOWN: Words = ["le champ inconnu « {k} »", "the unknown field « {k} »"];
const IN: Words = ["dans ", "in "];

/// A UAI checked alone (`check_uai`); a title checked alone is the
/// request's title.
const LONE_UAI: Words = ["l'UAI", "the UAI"];

/// The options (SPEC §3 `Options`): the host page's settings, as
/// `options.invalid` and `request.too_large` name them.
const OPTIONS: Words = [
    "l'ensemble des réglages de la page",
    "the page's settings as a whole",
];
#[rustfmt::skip]
const OPTION_FIELDS: &[(&str, Words)] = &[
    ("lang", ["la langue des messages", "the language of the messages"]),
    ("today", ["la date de référence", "the reference date"]),
    (
        "criteria",
        ["la liste des critères du cahier des charges", "the list of criteria of the cahier des charges"],
    ),
    ("messages", ["la liste des textes des messages", "the list of message texts"]),
];
const CRITERION: Words = [
    "le critère n° {j} du cahier des charges",
    "criterion no. {j} of the cahier des charges",
];
#[rustfmt::skip]
const CRITERION_FIELDS: &[(&str, Words)] = &[
    (
        "id",
        [
            "l'identifiant du critère n° {j} du cahier des charges",
            "the identifier of criterion no. {j} of the cahier des charges",
        ],
    ),
    (
        "label",
        [
            "le libellé du critère n° {j} du cahier des charges",
            "the wording of criterion no. {j} of the cahier des charges",
        ],
    ),
];
const MESSAGE_TEXT: Words = ["le texte d'un message", "the text of a message"];

fn in_object(
    table: &'static [(Object, &str, Words)],
    object: Object,
    key: &str,
) -> Option<&'static Words> {
    table
        .iter()
        .find(|(o, k, _)| *o == object && *k == key)
        .map(|(_, _, w)| w)
}

fn by_key(table: &'static [(&str, Words)], key: &str) -> Option<&'static Words> {
    table.iter().find(|(k, _)| *k == key).map(|(_, w)| w)
}

/// What a path names: the nearest field along it that has a name (`None`:
/// the whole request), its numbers, and the unknown field met after it.
#[derive(Default)]
struct Walk<'a> {
    words: Option<&'static Words>,
    n: usize,
    j: usize,
    c: &'a str,
    unknown: Option<&'a str>,
}

/// Follows `segs` through the model. `outside`: the path is no path of a
/// request but the `field` parameter of a value checked apart (`title`,
/// `uai`) or of the options (`options…`).
fn walk<'a>(segs: &'a [Seg], outside: bool, criteria: &[(&'a str, &'a str)]) -> Walk<'a> {
    if outside {
        match segs.split_first() {
            Some((Seg::Key(k), rest)) if k == "options" => return walk_options(rest),
            Some((Seg::Key(k), [])) if k == "uai" => {
                return Walk {
                    words: Some(&LONE_UAI),
                    ..Walk::default()
                }
            }
            _ => {}
        }
    }
    let mut w = Walk::default();
    let mut shape = Shape::Fields(Object::Request);
    // The name of the items of the list or map just entered.
    let mut items: Option<&'static Words> = None;
    for seg in segs {
        match (shape, seg, items) {
            (Shape::Fields(object), Seg::Key(key), _) => {
                let Some(words) = in_object(FIELDS, object, key) else {
                    w.unknown = Some(key.as_str());
                    break;
                };
                w.words = Some(words);
                items = in_object(ITEMS, object, key);
                shape = object.child(key);
            }
            (Shape::Members, Seg::Index(i), Some(item)) => {
                (w.n, w.words, items, shape) = (i + 1, Some(item), None, shape.item());
            }
            (Shape::Leaf, Seg::Index(j), Some(item)) => {
                (w.j, w.words, items, shape) = (j + 1, Some(item), None, shape.item());
            }
            (Shape::Actions, Seg::Key(id), Some(item)) => {
                w.c = criteria
                    .iter()
                    .find(|(c, _)| *c == id.as_str())
                    .map_or(id.as_str(), |(_, label)| *label);
                (w.words, items, shape) = (Some(item), None, shape.item());
            }
            // Inside a field's value: the field is the nearest name.
            _ => break,
        }
    }
    w
}

/// The options, from the step after `options`.
fn walk_options(segs: &[Seg]) -> Walk<'_> {
    let mut w = Walk {
        words: Some(&OPTIONS),
        ..Walk::default()
    };
    let [Seg::Key(key), rest @ ..] = segs else {
        return w;
    };
    let Some(words) = by_key(OPTION_FIELDS, key) else {
        w.unknown = Some(key.as_str());
        return w;
    };
    w.words = Some(words);
    match (key.as_str(), rest) {
        ("criteria", [Seg::Index(j), more @ ..]) => {
            (w.j, w.words) = (j + 1, Some(&CRITERION));
            if let [Seg::Key(field), ..] = more {
                match by_key(CRITERION_FIELDS, field) {
                    Some(words) => w.words = Some(words),
                    None => w.unknown = Some(field.as_str()),
                }
            }
        }
        ("messages", [Seg::Key(_), ..]) => w.words = Some(&MESSAGE_TEXT),
        _ => {}
    }
    w
}

fn pick(words: &Words, lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => words[0],
        Lang::En => words[1],
    }
}

impl Walk<'_> {
    /// Writes `template` with its `{n}`, `{j}`, `{c}` and `{k}` filled.
    fn fill(&self, out: &mut String, template: &str) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(rest.get(..open).unwrap_or_default());
            let hole = rest.get(open..open + 3).unwrap_or_default();
            match hole {
                "{n}" => write_int(out, self.n as i64),
                "{j}" => write_int(out, self.j as i64),
                "{c}" => out.push_str(self.c),
                "{k}" => out.push_str(self.unknown.unwrap_or_default()),
                _ => {
                    out.push('{');
                    rest = rest.get(open + 1..).unwrap_or_default();
                    continue;
                }
            }
            rest = rest.get(open + 3..).unwrap_or_default();
        }
        out.push_str(rest);
    }

    fn name_of(&self, words: &Words, lang: Lang) -> String {
        let mut out = String::new();
        self.fill(&mut out, pick(words, lang));
        out
    }

    fn name(&self, lang: Lang) -> String {
        let mut out = String::new();
        match (self.unknown, self.words) {
            (None, None) => out.push_str(pick(&REQUEST, lang)),
            (None, Some(words)) => self.fill(&mut out, pick(words, lang)),
            (Some(_), None) => self.fill(&mut out, pick(&UNKNOWN, lang)),
            (Some(_), Some(words)) => {
                self.fill(&mut out, pick(&UNKNOWN, lang));
                out.push(' ');
                out.push_str(pick(&IN, lang));
                self.fill(&mut out, pick(words, lang));
            }
        }
        out
    }
}

/// The name of the field at `segs`, as a message says it: « l'UAI de
/// l'établissement n° 2 »; past the model's fields, the nearest one holding
/// the value; for an unknown field, what was sent and where (« le champ
/// inconnu « foo » dans l'établissement n° 2 », « le champ inconnu « foo » »
/// at the top); « la demande » for `[]`.
/// `outside`: `segs` come from the `field` parameter of a finding at `[]`
/// (a value checked apart, the options).
pub(crate) fn name(segs: &[Seg], outside: bool, options: &Options) -> String {
    let criteria = options.criteria_list();
    walk(segs, outside, &criteria).name(options.lang)
}

/// Where the field at `segs` stands: « dans l'établissement n° 2 », « dans
/// la demande ».
pub(crate) fn place(segs: &[Seg], outside: bool, options: &Options) -> String {
    let mut out = pick(&IN, options.lang).to_owned();
    out.push_str(&name(segs, outside, options));
    out
}

/// The name of an option, as `options.invalid` gives it (`lang`, `today`,
/// `criteria`, `messages`, or `options` for the whole).
pub(crate) fn option_name(option: &str, lang: Lang) -> String {
    let words = by_key(OPTION_FIELDS, option).unwrap_or(&OPTIONS);
    Walk::default().name_of(words, lang)
}

/// The steps of a dotted path as the `field` parameter writes it
/// (`options.criteria.3.label`): digits are list positions.
pub(crate) fn segs(dotted: &str) -> Vec<Seg> {
    if dotted.is_empty() {
        return Vec::new();
    }
    dotted
        .split('.')
        .map(|part| match index(part) {
            Some(i) => Seg::Index(i),
            None => Seg::from(part),
        })
        .collect()
}

fn index(part: &str) -> Option<usize> {
    if part.is_empty() || part.len() > 9 || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(part.bytes().fold(0, |n, b| n * 10 + usize::from(b - b'0')))
}

/// `name` with a capital, for the start of a sentence (every name starts
/// with an ASCII letter).
pub(crate) fn capitalized(mut name: String) -> String {
    if let Some(first) = name.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Path;

    fn all_words() -> Vec<&'static Words> {
        let mut all: Vec<&Words> = FIELDS.iter().chain(ITEMS).map(|(_, _, w)| w).collect();
        all.extend(OPTION_FIELDS.iter().chain(CRITERION_FIELDS).map(|(_, w)| w));
        all.extend([
            &REQUEST,
            &UNKNOWN,
            &LONE_UAI,
            &OPTIONS,
            &CRITERION,
            &MESSAGE_TEXT,
        ]);
        all
    }

    #[test]
    fn every_field_of_the_model_has_a_name_and_every_name_is_a_field() {
        for object in Object::ALL {
            for field in object.fields() {
                assert!(
                    in_object(FIELDS, object, field).is_some(),
                    "{object:?}.{field} has no name"
                );
            }
        }
        for (object, field, _) in FIELDS.iter().chain(ITEMS) {
            assert!(
                object.fields().contains(field),
                "{object:?}.{field} is no field of the model"
            );
        }
        for object in Object::ALL {
            for field in object.fields() {
                if matches!(object.child(field), Shape::Members | Shape::Actions) {
                    assert!(
                        in_object(ITEMS, object, field).is_some(),
                        "the items of {object:?}.{field} have no name"
                    );
                }
            }
        }
    }

    #[test]
    fn names_are_singular_lower_case_and_show_no_key() {
        for [fr, en] in all_words() {
            for name in [fr, en] {
                assert!(
                    name.starts_with(|c: char| c.is_ascii_lowercase()),
                    "starts with a lower-case ASCII letter: {name}"
                );
                assert!(
                    !name.split(|c: char| !c.is_alphanumeric()).any(|w| w
                        .chars()
                        .skip(1)
                        .any(char::is_uppercase)
                        && w.chars().next().is_some_and(char::is_lowercase)),
                    "no camelCase word: {name}"
                );
            }
            assert!(
                !fr.starts_with("les ") && !fr.starts_with("des "),
                "singular: {fr}"
            );
            assert!(fr != en, "two languages: {fr}");
        }
    }

    fn fr(path: Path) -> String {
        name(&path.0, false, &Options::default())
    }

    #[test]
    fn a_path_reads_as_its_form_label() {
        let m = || Path::root().key("members").index(1);
        assert_eq!(
            fr(Path::root().key("campaignYear")),
            "l'année de la campagne"
        );
        assert_eq!(fr(m().key("uai")), "l'UAI de l'établissement n° 2");
        assert_eq!(fr(m()), "l'établissement n° 2");
        assert_eq!(
            fr(m().key("label").key("sectors").index(0)),
            "la filière n° 1 du label de l'établissement n° 2"
        );
        assert_eq!(
            fr(Path::root().key("jointActions").key("c6")),
            "la description des actions conjointes pour le critère « l'ouverture à l'international »"
        );
        assert_eq!(
            fr(Path::root().key("jointActions").key("c9")),
            "la description des actions conjointes pour le critère « c9 »"
        );
        assert_eq!(
            fr(m().key("foo")),
            "le champ inconnu « foo » dans l'établissement n° 2"
        );
        assert_eq!(
            fr(Path::root().key("foo").index(3)),
            "le champ inconnu « foo »"
        );
        assert_eq!(
            fr(Path::root().key("title").index(0).index(0)),
            "l'intitulé de l'appellation"
        );
        assert_eq!(fr(Path::root()), "la demande");
    }

    #[test]
    fn values_checked_apart_and_options_read_from_the_field_parameter() {
        let o = Options::default();
        assert_eq!(name(&segs("uai"), true, &o), "l'UAI");
        assert_eq!(
            name(&segs("title"), true, &o),
            "l'intitulé de l'appellation"
        );
        assert_eq!(
            name(&segs("options.criteria.3.label"), true, &o),
            "le libellé du critère n° 4 du cahier des charges"
        );
        assert_eq!(
            name(&segs("options.messages.title.too_long"), true, &o),
            "le texte d'un message"
        );
        assert_eq!(
            name(&segs("options"), true, &o),
            "l'ensemble des réglages de la page"
        );
        assert_eq!(option_name("today", Lang::En), "the reference date");
        assert_eq!(capitalized("l'UAI".to_owned()), "L'UAI");
        assert_eq!(
            segs("members.12.uai"),
            Path::root().key("members").index(12).key("uai").0
        );
    }
}
