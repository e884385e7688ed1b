//! SPEC §6 — messages: every code has a French and an English message,
//! produced here through real requests, with every `{param}` filled; the
//! host can override a code's text with `{param}` holes; French messages
//! quote the figures.

use ldm_reseau::{
    check_title, check_uai, validate, Code, Date, Finding, Lang, Options, Param, Request, Value,
};
use std::collections::BTreeSet;

const TODAY: &str = "2026-10-01";

fn options(lang: Lang) -> Options {
    Options {
        lang,
        today: Date::parse(TODAY),
        ..Options::default()
    }
}

fn bases() -> Value {
    let path = format!("{}/tests/cases/bases.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Value::parse(&text)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .get("bases")
        .expect("bases")
        .clone()
}

/// A base request of `bases.json` with top-level fields replaced (`patch`, a
/// JSON object) and removed (`unset`).
fn base(name: &str, patch: &str, unset: &[&str]) -> Value {
    let mut request = bases()
        .get(name)
        .unwrap_or_else(|| panic!("no base {name}"))
        .clone();
    let Value::Object(fields) = &mut request else {
        panic!("base {name} is an object")
    };
    let Value::Object(patch) = Value::parse_host(patch).unwrap_or_else(|e| panic!("{patch}: {e}"))
    else {
        panic!("a patch is an object: {patch}")
    };
    for (key, value) in patch {
        fields.retain(|(k, _)| *k != key);
        fields.push((key, value));
    }
    fields.retain(|(k, _)| !unset.contains(&k.as_str()));
    request
}

/// The UAI of these 7 digits, with the check letter of SPEC §5.3.
fn uai(digits: &str) -> String {
    let n: u64 = digits.parse().expect("7 digits");
    let letter = b"ABCDEFGHJKLMNPRSTUVWXYZ"[(n % 23) as usize] as char;
    format!("{digits}{letter}")
}

/// A member as JSON: a Moselle UAI, a status, a last decision year (0: none).
fn member(uai: &str, status: &str, year: i64) -> String {
    let year = if year == 0 {
        String::new()
    } else {
        format!(", \"lastDecisionYear\": {year}")
    };
    format!(r#"{{"uai": "{uai}", "name": "Lycée {uai}", "label": {{"status": "{status}"{year}}}}}"#)
}

fn members(list: &[String]) -> String {
    format!(r#"{{"members": [{}]}}"#, list.join(", "))
}

/// Hand-written requests, each meant to reach codes (or message variants)
/// a varied corpus may miss. Campaign 2026 unless said.
fn hand_written() -> Vec<(&'static str, Value)> {
    let a = "0570099Y";
    let b = "0570031Z";
    let c = "0570088L";
    let bois_actions = r#""jointActions": {"c1": "a", "c2": "b", "c3": "c", "c4": "d", "c5": "e", "c6": "f", "c7": "g", "c8": "h"}"#;
    vec![
        ("title missing", base("sector", r#"{"title": "   "}"#, &[])),
        ("title too long", base("sector", &format!(r#"{{"title": "Lycée(s) des métiers en réseau du bois{}"}}"#, " et du bois".repeat(7)), &[])),
        ("label mention", base("sector", r#"{"title": "Lycée des métiers du bois"}"#, &[])),
        ("no mention at all", base("sector", r#"{"title": "Réseau des lycées du bois"}"#, &[])),
        ("misspelled mention", base("sector", r#"{"title": "Lycees des metiers en reseau du bois"}"#, &[])),
        ("mention with other capitals", base("sector", r#"{"title": "lycée(s) des Métiers en Réseau du bois"}"#, &[])),
        ("spaces folded", base("sector", r#"{"title": "  Lycée(s) des métiers en réseau  du bois\t"}"#, &[])),
        ("line break inside", base("sector", r#"{"title": "Lycée(s) des métiers en réseau\ndu bois"}"#, &[])),
        ("all capitals", base("sector", r#"{"title": "LYCÉE(S) DES MÉTIERS EN RÉSEAU DU BOIS"}"#, &[])),
        ("mention alone", base("sector", r#"{"title": "Lycée(s) des métiers en réseau"}"#, &[])),
        ("title names no filière", base("sector", r#"{"title": "Lycée(s) des métiers en réseau de Lorraine"}"#, &[])),
        ("title names no territory", base("geographic", r#"{"title": "Lycée(s) des métiers en réseau de Lorraine"}"#, &[])),
        ("no scope", base("sector", "{}", &["scope"])),
        ("scope type invalid", base("sector", r#"{"scope": {"type": "thematic", "sectors": ["bois"]}}"#, &[])),
        ("no filière", base("sector", r#"{"scope": {"type": "sector", "sectors": []}}"#, &[])),
        ("filière twice", base("sector", r#"{"scope": {"type": "sector", "sectors": ["bois", "Bois ", "ameublement"]}}"#, &[])),
        ("filière not common", base("sector", r#"{"scope": {"type": "sector", "sectors": ["bois", "habitat"]}}"#, &[])),
        ("no territory", base("geographic", r#"{"scope": {"type": "geographic"}}"#, &[])),
        ("territory without level nor code", base("geographic", r#"{"scope": {"type": "geographic", "territory": {"name": "Moselle"}}}"#, &[])),
        ("territory level invalid", base("geographic", r#"{"scope": {"type": "geographic", "territory": {"level": "canton", "code": "57", "name": "Moselle"}}}"#, &[])),
        ("territory unknown", base("geographic", r#"{"scope": {"type": "geographic", "territory": {"level": "departement", "code": "99", "name": "Moselle"}}}"#, &[])),
        ("territory unknown académie", base("geographic", r#"{"scope": {"type": "geographic", "territory": {"level": "academie", "code": "atlantide", "name": "Moselle"}}}"#, &[])),
        ("bassin", base("geographic", r#"{"scope": {"type": "geographic", "territory": {"level": "bassin", "code": "thionville", "name": "Moselle"}}}"#, &[])),
        ("other territory", base("geographic", r#"{"scope": {"type": "geographic", "territory": {"level": "other", "code": "x", "name": "Moselle"}}}"#, &[])),
        ("member outside territory", base("geographic", &members(&[member(a, "labelled", 2024), member(&uai("0670086"), "labelled", 2023)]), &[])),
        ("member outside académie", base("geographic", &format!(
            r#"{{"scope": {{"type": "geographic", "territory": {{"level": "academie", "code": "nancy-metz"}}}}, "members": [{}, {}]}}"#,
            member(a, "labelled", 2024), member(&uai("0670086"), "labelled", 2023)), &[])),
        ("one member for a new network", base("sector", &members(&[member(a, "labelled", 2024)]), &[])),
        ("no member to join", base("join", r#"{"members": []}"#, &[])),
        ("uai problems", base("sector", &members(&[
            r#"{"name": "sans UAI", "label": {"status": "labelled", "lastDecisionYear": 2024}}"#.into(),
            member("057009", "labelled", 2024),
            member(" 0570 031z", "labelled", 2024),
            member("0570099X", "labelled", 2024),
            member(&uai("0000001"), "labelled", 2024),
            member(a, "labelled", 2024),
            member(a, "labelled", 2024),
        ]), &[])),
        ("statuses", base("sector", &members(&[
            member(a, "none", 0),
            r#"{"uai": "0570031Z", "label": {}}"#.into(),
            member(c, "certified", 2024),
            member("0570109J", "labelled", 2020),
            member("0570179K", "labelled", 0),
            member(&uai("0570234"), "labelled", 2030),
            member(&uai("0541283"), "labelled", 1999),
            member(&uai("0520008"), "applying", 0),
        ]), &[])),
        ("case a", base("sector", &members(&[member(a, "renewal_requested", 2021), member(b, "renewal_requested", 2021)]), &[])),
        ("case b", base("sector", &members(&[member(a, "labelled", 2025), member(b, "labelled", 2022)]), &[])),
        ("case c with joint labelling", base("sector", &members(&[member(a, "labelled", 2024), member(b, "applying", 0)]), &[])),
        ("case d with renewal due", base("sector", &members(&[member(a, "labelled", 2021), member(b, "labelled", 2024)]), &[])),
        ("everyone applying", base("sector", &members(&[member(a, "applying", 0), member(b, "applying", 0)]), &[])),
        ("campus available", base("sector", r#"{"campusAvailable": true}"#, &[])),
        ("kind invalid", base("sector", r#"{"kind": "merge"}"#, &[])),
        ("kind blank", base("sector", r#"{"kind": ""}"#, &[])),
        ("join without network", base("join", "{}", &["existingNetwork"])),
        ("join without attributed year", base("join", r#"{"existingNetwork": {"title": "Lycée(s) des métiers en réseau de Moselle"}}"#, &[])),
        ("join an expired network", base("join", r#"{"existingNetwork": {"title": "Lycée(s) des métiers en réseau de Moselle", "attributedYear": 2019}}"#, &[])),
        ("join with another title", base("join", r#"{"title": "Lycée(s) des métiers en réseau de la Moselle du nord"}"#, &[])),
        ("actions", base("sector", r#"{"jointActions": {"c1": "", "c2": "TODO", "c3": "à compléter", "c4": "xxx", "c5": "...", "c6": "Mobilités", "c7": "Raccrochage", "c9": "Hors liste"}}"#, &[])),
        ("no actions at all", base("sector", "{}", &["jointActions"])),
        ("wrong types", base("sector", r#"{"title": 42, "campusAvailable": "non", "campaignYear": 2026.5, "scope": [], "jointActions": {"c1": 1, "c2": "b", "c3": "c", "c4": "d", "c5": "e", "c6": "f", "c7": "g", "c8": "h"}, "members": [null, 3, {"uai": true, "label": {"status": 1, "lastDecisionYear": "2024", "sectors": "bois", "title": {}}}]}"#, &[])),
        ("host values", base("sector", r#"{"kind": @symbol, "title": @function, "campusAvailable": @NaN, "campaignYear": @Infinity, "existingNetwork": @cycle, "jointActions": @unreadable, "members": @too_large, "scope": @bigint}"#, &[])),
        ("undefined members", base("sector", r#"{"members": [@undefined, @cycle]}"#, &[])),
        ("unknown fields", base("sector", r#"{"titre": "x", "zzz": 1, "membres": [], "campaignYaer": 2026}"#, &[])),
        ("not an object", Value::parse("[1, 2]").expect("json")),
        ("a string", Value::String("Lycée(s) des métiers en réseau".into())),
        ("too deep", base("sector", &format!(r#"{{"deep": {}1{}}}"#, "[".repeat(40), "]".repeat(40)), &[])),
        ("too deep in the model", base("sector", &format!(r#"{{"scope": {{"type": "sector", "sectors": ["bois", {}1{}]}}}}"#, "[".repeat(35), "]".repeat(35)), &[])),
        ("a bare request", Value::Object(Vec::new())),
        ("join with bois actions", Value::parse_host(&format!(r#"{{"kind": "join", "title": "Lycée(s) des métiers en réseau du bois", "members": [{}], {bois_actions}}}"#, member(a, "labelled", 2024))).expect("json")),
    ]
}

/// Requests and options of the corpus: the cases of `tests/cases` (their
/// message overrides left out) and the hand-written ones.
fn corpus() -> Vec<(String, Value, Options)> {
    let mut out: Vec<(String, Value, Options)> = crate::cases::load()
        .into_iter()
        .map(|c| {
            let mut o = Options::from_value(&c.options);
            o.messages.clear();
            (format!("{} — {}", c.file, c.name), c.request, o)
        })
        .collect();
    out.extend(
        hand_written()
            .into_iter()
            .map(|(name, request)| (name.to_owned(), request, options(Lang::Fr))),
    );
    out
}

fn quotes_braces(f: &Finding) -> bool {
    f.params
        .iter()
        .any(|(_, p)| matches!(p, Param::Str(s) if s.contains(['{', '}'])))
}

fn run(request: &Value, options: &Options, lang: Lang) -> Vec<Finding> {
    let options = Options {
        lang,
        ..options.clone()
    };
    validate(&Request::from_value(request.clone()), &options).findings
}

#[test]
fn every_code_has_a_filled_french_and_english_message_from_real_requests() {
    let mut seen: BTreeSet<&'static str> = BTreeSet::new();
    let mut problems = Vec::new();
    for (name, request, options) in corpus() {
        let fr = run(&request, &options, Lang::Fr);
        let en = run(&request, &options, Lang::En);
        let codes = |fs: &[Finding]| fs.iter().map(|f| f.code).collect::<Vec<_>>();
        if codes(&fr) != codes(&en) {
            problems.push(format!(
                "{name}: the language changed the findings: {:?} / {:?}",
                codes(&fr),
                codes(&en)
            ));
            continue;
        }
        for (f, e) in fr.iter().zip(&en) {
            seen.insert(f.code.as_str());
            let at = format!("{name}: {} @ {}", f.code, f.path);
            if f.message.trim().is_empty() || e.message.trim().is_empty() {
                problems.push(format!(
                    "{at}: empty message (fr {:?}, en {:?})",
                    f.message, e.message
                ));
            }
            if f.message == e.message {
                problems.push(format!(
                    "{at}: the same text in French and English: {}",
                    f.message
                ));
            }
            if !quotes_braces(f) {
                for (lang, m) in [("fr", &f.message), ("en", &e.message)] {
                    if m.contains(['{', '}']) {
                        problems.push(format!("{at}: unfilled hole in the {lang} message: {m}"));
                    }
                }
            }
        }
    }
    let unseen: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| **c != Code::InternalError)
        .map(|c| c.as_str())
        .filter(|c| !seen.contains(c))
        .collect();
    assert!(
        unseen.is_empty(),
        "codes no request of the corpus produced: {unseen:?}"
    );
    assert_no_problems(&problems);
}

#[test]
fn check_title_and_check_uai_messages_are_filled_in_both_languages() {
    let titles = [
        "",
        "Lycée(s) des métiers en réseau",
        "LYCÉE(S) DES MÉTIERS EN RÉSEAU DU BOIS",
        "Lycée des métiers du bois\u{200b}",
    ];
    let uais = [
        "",
        "12",
        "0570099X",
        "0570 099y",
        &uai("0000001"),
        "0570099Y",
    ];
    let mut findings: Vec<(Finding, Finding)> = Vec::new();
    for t in titles {
        let (fr, en) = (
            check_title(t, &options(Lang::Fr)),
            check_title(t, &options(Lang::En)),
        );
        findings.extend(fr.findings.into_iter().zip(en.findings));
    }
    for u in uais {
        let (fr, en) = (
            check_uai(u, &options(Lang::Fr)),
            check_uai(u, &options(Lang::En)),
        );
        findings.extend(fr.findings.into_iter().zip(en.findings));
    }
    assert!(findings.len() >= 10);
    for (fr, en) in findings {
        assert_eq!(fr.code, en.code);
        assert!(
            !fr.message.is_empty() && !en.message.is_empty(),
            "{}",
            fr.code
        );
        assert_ne!(fr.message, en.message, "{}", fr.code);
        assert!(
            !fr.message.contains(['{', '}']) && !en.message.contains(['{', '}']),
            "{}: {} / {}",
            fr.code,
            fr.message,
            en.message
        );
    }
}

// — overrides —

const TOO_LONG: &str =
    "Lycée(s) des métiers en réseau du bois, de l'ameublement, de l'agencement et de la menuiserie d'art !!!!";

#[test]
fn options_messages_override_a_code_with_its_holes_filled() {
    let options = Options {
        messages: vec![(
            "title.too_long".to_owned(),
            "Trop long : {length}/{max}".to_owned(),
        )],
        ..Options::default()
    };
    let check = check_title(TOO_LONG, &options);
    assert_eq!(check.title.length, 104);
    let f = check
        .findings
        .iter()
        .find(|f| f.code == Code::TitleTooLong)
        .expect("title.too_long");
    assert_eq!(f.message, "Trop long : 104/100");
}

#[test]
fn options_messages_read_from_json_override_in_a_whole_request() {
    let options = Options::from_value(
        &Value::parse(r#"{"today": "2026-10-01", "messages": {"member.uai_checksum": "UAI {uai} : lettre {expected} attendue, {found} reçue."}}"#)
            .expect("json"),
    );
    let request = base(
        "sector",
        &members(&[
            member("0570099X", "labelled", 2024),
            member("0570031Z", "labelled", 2023),
        ]),
        &[],
    );
    let report = validate(&Request::from_value(request), &options);
    let f = report
        .findings
        .iter()
        .find(|f| f.code == Code::MemberUaiChecksum)
        .expect("member.uai_checksum");
    assert_eq!(f.message, "UAI 0570099X : lettre Y attendue, X reçue.");
    let case = report
        .findings
        .iter()
        .find(|f| f.code == Code::CycleCaseC)
        .expect("cycle.case_c");
    assert!(
        !case.message.contains("lettre"),
        "other codes keep their own text: {}",
        case.message
    );
}

#[test]
fn an_override_applies_whatever_the_language() {
    let options = Options {
        lang: Lang::En,
        messages: vec![("title.too_long".to_owned(), "{length} > {max}".to_owned())],
        ..Options::default()
    };
    let check = check_title(TOO_LONG, &options);
    let f = check
        .findings
        .iter()
        .find(|f| f.code == Code::TitleTooLong)
        .expect("title.too_long");
    assert_eq!(f.message, "104 > 100");
}

// — French messages quote the figures —

/// Fails with every problem found, one per line.
fn assert_no_problems(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn message_of(findings: &[Finding], code: Code) -> &str {
    &findings
        .iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("no {code}"))
        .message
}

#[test]
fn title_too_long_says_the_length_the_limit_and_how_many_to_remove() {
    let check = check_title(TOO_LONG, &Options::default());
    let m = message_of(&check.findings, Code::TitleTooLong);
    assert!(m.contains("104 caractères"), "the length: {m}");
    assert!(m.contains("100"), "the limit: {m}");
    assert!(
        m.contains("Retirez 4 caractères"),
        "how many to remove: {m}"
    );
    let f = check
        .findings
        .iter()
        .find(|f| f.code == Code::TitleTooLong)
        .expect("title.too_long");
    assert_eq!(f.param("length"), Some(&Param::Int(104)));
    assert_eq!(f.param("max"), Some(&Param::Int(100)));
}

#[test]
fn title_too_long_by_one_says_one_character_in_the_singular() {
    let title = format!("{}x", &TOO_LONG[..TOO_LONG.len() - 4]);
    let check = check_title(&title, &Options::default());
    assert_eq!(check.title.length, 101);
    let m = message_of(&check.findings, Code::TitleTooLong);
    assert!(m.contains("Retirez 1 caractère."), "{m}");
    let en = check_title(&title, &options(Lang::En));
    let m = message_of(&en.findings, Code::TitleTooLong);
    assert!(m.contains("Remove 1 character."), "{m}");
}

#[test]
fn member_uai_checksum_names_the_expected_letter() {
    let check = check_uai("0570099X", &Options::default());
    let m = message_of(&check.findings, Code::MemberUaiChecksum);
    let words: Vec<&str> = m.split(|c: char| !c.is_alphanumeric()).collect();
    assert!(words.contains(&"Y"), "the expected letter Y: {m}");
    assert!(m.contains("0570099X"), "the UAI as typed: {m}");

    let request = base(
        "sector",
        &members(&[
            member("0570031A", "labelled", 2024),
            member("0570099Y", "labelled", 2023),
        ]),
        &[],
    );
    let report = validate(&Request::from_value(request), &options(Lang::Fr));
    let m = message_of(&report.findings, Code::MemberUaiChecksum);
    let words: Vec<&str> = m.split(|c: char| !c.is_alphanumeric()).collect();
    assert!(words.contains(&"Z"), "the expected letter Z: {m}");
}

#[test]
fn members_too_few_and_label_expired_quote_their_figures() {
    let request = base(
        "sector",
        &members(&[member("0570099Y", "labelled", 2019)]),
        &[],
    );
    let report = validate(&Request::from_value(request), &options(Lang::Fr));
    let few = message_of(&report.findings, Code::MembersTooFew);
    assert!(
        few.contains('2') && few.contains('1'),
        "the minimum and the count: {few}"
    );
    let expired = message_of(&report.findings, Code::MemberLabelExpired);
    assert!(
        expired.contains("2019") && expired.contains("2024"),
        "the decision year and the end: {expired}"
    );
}

// — a field is named as the form names it, never by its JSON key —

/// One rule of naming: what is sent, the finding it gives, what its message
/// says, and the JSON keys it never shows.
struct Naming {
    what: &'static str,
    request: Value,
    options: String,
    lang: Lang,
    code: Code,
    says: &'static str,
    never: &'static [&'static str],
}

fn fr(
    what: &'static str,
    request: Value,
    code: Code,
    says: &'static str,
    never: &'static [&'static str],
) -> Naming {
    Naming {
        what,
        request,
        options: "{}".into(),
        lang: Lang::Fr,
        code,
        says,
        never,
    }
}

fn en(
    what: &'static str,
    request: Value,
    code: Code,
    says: &'static str,
    never: &'static [&'static str],
) -> Naming {
    Naming {
        lang: Lang::En,
        ..fr(what, request, code, says, never)
    }
}

impl Naming {
    /// The same, with these options (JSON) from the page.
    fn options(self, options: &str) -> Naming {
        Naming {
            options: options.into(),
            ..self
        }
    }
}

/// The sector base with one member changed: `(row from 1, the member as JSON)`.
fn with_member(row: usize, json: &str) -> Value {
    let mut list = vec![
        member("0570099Y", "labelled", 2024),
        member("0570031Z", "labelled", 2023),
    ];
    list[row - 1] = json.to_owned();
    base("sector", &members(&list), &[])
}

fn nested(depth: usize) -> String {
    format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
}

fn naming_rules() -> Vec<Naming> {
    use Code::*;
    let actions = |extra: &str| {
        format!(
            r#"{{"jointActions": {{"c1": "a", "c2": "b", "c4": "d", "c5": "e", "c6": "f", "c7": "g", "c8": "h", {extra}}}}}"#
        )
    };
    let many_actions = (0..=200)
        .map(|i| format!(r#""k{i}": "Site commun""#))
        .collect::<Vec<_>>()
        .join(", ");
    let many_criteria = (0..=200)
        .map(|i| format!(r#"{{"id": "k{i}"}}"#))
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        // request.invalid_type: « {FieldName} doit être {expected} ; la valeur reçue est {found}. »
        fr("an empty campaign year", base("sector", r#"{"campaignYear": ""}"#, &[]), RequestInvalidType,
            "L'année de la campagne doit être un nombre entier ; la valeur reçue est un texte.", &["campaignYear"]),
        fr("a campaign year that is no number (NaN)", base("sector", r#"{"campaignYear": @NaN}"#, &[]), RequestInvalidType,
            "L'année de la campagne doit être un nombre entier ; la valeur reçue est un nombre invalide (NaN).", &["campaignYear"]),
        en("a campaign year given as a text, in English", base("sector", r#"{"campaignYear": "2026"}"#, &[]), RequestInvalidType,
            "The campaign year must be a whole number; the value received is a text.", &["campaignYear"]),
        fr("a title given as a number", base("sector", r#"{"title": 42}"#, &[]), RequestInvalidType,
            "L'intitulé de l'appellation doit être un texte ; la valeur reçue est un nombre.", &["title"]),
        fr("a kind given as a number", base("sector", r#"{"kind": 1}"#, &[]), RequestInvalidType,
            "Le type de demande doit être un texte", &["kind"]),
        fr("the CMQ answer given as a text", base("sector", r#"{"campusAvailable": "non"}"#, &[]), RequestInvalidType,
            "La réponse à la question du Campus des métiers et des qualifications doit être oui ou non (booléen) ; la valeur reçue est un texte.", &["campusAvailable"]),
        fr("a common filière given as a number", base("sector", r#"{"scope": {"type": "sector", "sectors": ["bois", 7]}}"#, &[]), RequestInvalidType,
            "La filière commune n° 2 doit être un texte ; la valeur reçue est un nombre.", &["scope", "sectors"]),
        fr("a territory code given as a number", base("geographic", r#"{"scope": {"type": "geographic", "territory": {"level": "departement", "code": 57}}}"#, &[]), RequestInvalidType,
            "Le code du territoire doit être un texte", &["scope", "territory", "code »"]),
        fr("a member given as a number", base("sector", &members(&[member("0570099Y", "labelled", 2024), "3".into()]), &[]), RequestInvalidType,
            "L'établissement n° 2 doit être un objet ; la valeur reçue est un nombre.", &["members"]),
        fr("a UAI given as a number", with_member(1, r#"{"uai": 570099, "label": {"status": "labelled", "lastDecisionYear": 2024}}"#), RequestInvalidType,
            "L'UAI de l'établissement n° 1 doit être un texte ; la valeur reçue est un nombre.", &["members", "uai"]),
        fr("a last decision year given as a text", with_member(2, r#"{"uai": "0570031Z", "label": {"status": "labelled", "lastDecisionYear": "2023"}}"#), RequestInvalidType,
            "L'année d'attribution ou du dernier renouvellement du label de l'établissement n° 2 doit être un nombre entier ; la valeur reçue est un texte.", &["lastDecisionYear", "members", "label."]),
        en("a last decision year given as a text, in English", with_member(2, r#"{"uai": "0570031Z", "label": {"status": "labelled", "lastDecisionYear": "2023"}}"#), RequestInvalidType,
            "The year the label of establishment no. 2 was granted or last renewed must be a whole number; the value received is a text.", &["lastDecisionYear", "members"]),
        fr("a member's filières given as one text", with_member(1, r#"{"uai": "0570099Y", "label": {"status": "labelled", "lastDecisionYear": 2024, "sectors": "bois"}}"#), RequestInvalidType,
            "La liste des filières du label de l'établissement n° 1 doit être une liste ; la valeur reçue est un texte.", &["sectors", "members"]),
        fr("joint actions given as one text", base("sector", r#"{"jointActions": "à venir"}"#, &[]), RequestInvalidType,
            "L'ensemble des actions conjointes doit être un objet ; la valeur reçue est un texte.", &["jointActions"]),
        fr("a joint action given as a number", base("sector", &actions(r#""c3": 3"#), &[]), RequestInvalidType,
            "La description des actions conjointes pour le critère « des réponses pédagogiques et des parcours adaptés » doit être un texte ; la valeur reçue est un nombre.", &["jointActions", "c3"]),
        en("a joint action given as a number, in English", base("sector", &actions(r#""c3": 3"#), &[]), RequestInvalidType,
            "The description of the joint actions for the criterion « adapted teaching responses and pathways » must be a text; the value received is a number.", &["jointActions", "c3"]),
        fr("the existing network's year given as a text", base("join", r#"{"existingNetwork": {"title": "Lycée(s) des métiers en réseau de Moselle", "attributedYear": "2024"}}"#, &[]), RequestInvalidType,
            "L'année d'attribution de l'appellation du réseau existant doit être un nombre entier ; la valeur reçue est un texte.", &["attributedYear", "existingNetwork"]),
        fr("the existing network given as a text", base("join", r#"{"existingNetwork": "Moselle"}"#, &[]), RequestInvalidType,
            "Le réseau existant doit être un objet ; la valeur reçue est un texte.", &["existingNetwork"]),

        // request.unknown_field: named by what was sent and where it stands.
        fr("an unknown field at the top", base("sector", r#"{"commentaire": "Porté par le lycée Henri Nominé."}"#, &[]), RequestUnknownField,
            "Un champ inconnu, « commentaire », a été reçu dans la demande : il sera ignoré.", &[]),
        fr("an unknown field in a member", with_member(2, r#"{"uai": "0570031Z", "foo": 1, "label": {"status": "labelled", "lastDecisionYear": 2023}}"#), RequestUnknownField,
            "Un champ inconnu, « foo », a été reçu dans l'établissement n° 2 : il sera ignoré.", &["members"]),
        fr("a misspelt campaign year: the field it may be meant as, in words", base("sector", r#"{"campaignYaer": 2026}"#, &[]), RequestUnknownField,
            "Un champ inconnu, « campaignYaer », a été reçu dans la demande : il sera ignoré. Vouliez-vous indiquer l'année de la campagne ?", &["campaignYear"]),
        fr("a misspelt last decision year in a label", with_member(1, r#"{"uai": "0570099Y", "label": {"status": "labelled", "lastDecisionYaer": 2024}}"#), RequestUnknownField,
            "Un champ inconnu, « lastDecisionYaer », a été reçu dans le label de l'établissement n° 1 : il sera ignoré. Vouliez-vous indiquer l'année d'attribution ou du dernier renouvellement du label de l'établissement n° 1 ?", &["lastDecisionYear", "members"]),
        fr("a misspelt year in the existing network", base("join", r#"{"existingNetwork": {"title": "Lycée(s) des métiers en réseau de Moselle", "attributedYaer": 2024}}"#, &[]), RequestUnknownField,
            "a été reçu dans le réseau existant : il sera ignoré. Vouliez-vous indiquer l'année d'attribution de l'appellation du réseau existant ?", &["attributedYear", "existingNetwork"]),
        fr("a French field name in the territory", base("geographic", r#"{"scope": {"type": "geographic", "territory": {"level": "departement", "code": "57", "nom": "Moselle"}}}"#, &[]), RequestUnknownField,
            "Un champ inconnu, « nom », a été reçu dans le territoire du réseau : il sera ignoré. Vouliez-vous indiquer le nom du territoire ?", &["« name »", "territory"]),
        en("a French field name at the top, in English", base("sector", r#"{"titre": "Lycée(s) des métiers en réseau du bois"}"#, &["title"]), RequestUnknownField,
            "An unknown field, « titre », was received in the request: it will be ignored. Did you mean the title of the appellation?", &["« title »"]),

        // request.too_deep: where the too-deep data stands.
        fr("nesting too deep in a common filière", base("sector", &format!(r#"{{"scope": {{"type": "sector", "sectors": ["bois", {}]}}}}"#, nested(35)), &[]), RequestTooDeep,
            "La demande contient des données imbriquées sur plus de 32 niveaux, dans la filière commune n° 2 : cette partie est ignorée.", &["scope", "sectors"]),
        fr("nesting too deep in a joint action", base("sector", &actions(&format!(r#""c3": {}"#, nested(35))), &[]), RequestTooDeep,
            "sur plus de 32 niveaux, dans la description des actions conjointes pour le critère « des réponses pédagogiques et des parcours adaptés » : cette partie est ignorée.", &["jointActions"]),
        fr("nesting too deep in an unknown field", base("sector", &format!(r#"{{"deep": {}}}"#, nested(40)), &[]), RequestTooDeep,
            "sur plus de 32 niveaux, dans le champ inconnu « deep » : cette partie est ignorée.", &["deep.0"]),
        en("nesting too deep in a member's label, in English", with_member(1, &format!(r#"{{"uai": "0570099Y", "label": {{"status": "labelled", "lastDecisionYear": 2024, "sectors": ["bois", {}]}}}}"#, nested(35))), RequestTooDeep,
            "The request holds data nested more than 32 levels deep, in filière no. 2 of the label of establishment no. 1: that part is ignored.", &["members", "sectors"]),

        // request.too_large: the list, the text, the object holding a too-long name.
        fr("501 members", base("sector", &members(&vec![member("0570099Y", "labelled", 2024); 501]), &[]), RequestTooLarge,
            "La liste des établissements membres compte 501 éléments : la limite est de 500. Seuls les 500 premiers sont vérifiés ; retirez-en 1.", &["members"]),
        en("501 members, in English", base("sector", &members(&vec![member("0570099Y", "labelled", 2024); 501]), &[]), RequestTooLarge,
            "The list of member establishments has 501 entries: the limit is 500.", &["members"]),
        fr("201 joint actions", base("sector", &format!(r#"{{"jointActions": {{{many_actions}}}}}"#), &[]), RequestTooLarge,
            "L'ensemble des actions conjointes compte 201 éléments : la limite est de 200.", &["jointActions"]),
        fr("a member's name of 20 005 characters", with_member(1, &format!(r#"{{"uai": "0570099Y", "name": "{}", "label": {{"status": "labelled", "lastDecisionYear": 2024}}}}"#, "a".repeat(20_005))), RequestTooLarge,
            "Le nom de l'établissement n° 1 compte 20005 caractères : la limite est de 20000. Seuls les 20000 premiers sont vérifiés ; raccourcissez ce texte.", &["members", "name »"]),
        fr("a field name of 20 001 characters in a member", with_member(1, &format!(r#"{{"uai": "0570099Y", "{}": 1, "label": {{"status": "labelled", "lastDecisionYear": 2024}}}}"#, "k".repeat(20_001))), RequestTooLarge,
            "Un champ dans l'établissement n° 1 a un nom de 20001 caractères : la limite est de 20000. Ce champ est ignoré.", &["members"]),
        fr("201 criteria from the page", base("sector", "{}", &[]), RequestTooLarge,
            "Un réglage de la page dépasse la taille admise : la liste des critères du cahier des charges (201 pour 200 au plus).", &["criteria", "options"]).options(&format!(r#"{{"criteria": [{many_criteria}]}}"#)),

        // request.invalid_text: the text that holds half a character.
        fr("a title holding half an emoji", base("sector", r#"{"title": "Lycée(s) des métiers en réseau du bois \ud83d"}"#, &[]), RequestInvalidText,
            "L'intitulé de l'appellation contient un caractère incomplet", &["title"]),
        fr("the existing network's title holding half an emoji", base("join", r#"{"existingNetwork": {"title": "Lycée(s) des métiers en réseau de Moselle \ud83d", "attributedYear": 2024}}"#, &[]), RequestInvalidText,
            "L'intitulé du réseau existant contient un caractère incomplet (une moitié de caractère, souvent laissée par un copier-coller) : ce texte ne peut pas être envoyé tel quel. Retapez-le.", &["existingNetwork", "title"]),
        en("a joint action holding half an emoji, in English", base("sector", &actions(r#""c3": "Parcours \ud83d""#), &[]), RequestInvalidText,
            "The description of the joint actions for the criterion « adapted teaching responses and pathways » holds an incomplete character", &["jointActions"]),

        // options.invalid: the page's setting in words.
        fr("a language option that is a number", base("sector", "{}", &[]), OptionsInvalid,
            "Un réglage de la page ne peut pas être utilisé : la langue des messages (valeur reçue : un nombre). Sa valeur par défaut s'applique ; signalez-le à l'équipe qui gère le formulaire.", &["« lang »"]).options(r#"{"lang": 5}"#),
        fr("a reference date that does not exist", base("sector", "{}", &[]), OptionsInvalid,
            "Un réglage de la page ne peut pas être utilisé : la date de référence (valeur reçue : 2026-02-31).", &["today"]).options(r#"{"today": "2026-02-31"}"#),
        fr("criteria given as a text", base("sector", "{}", &[]), OptionsInvalid,
            "Un réglage de la page ne peut pas être utilisé : la liste des critères du cahier des charges (valeur reçue : un texte).", &["criteria"]).options(r#"{"criteria": "c1"}"#),
        en("a message text that is a number, in English", base("sector", "{}", &[]), OptionsInvalid,
            "A setting of the page cannot be used: the list of message texts (value received: a number).", &["« messages »"]).options(r#"{"messages": {"title.missing": 42}}"#),
        fr("options that are no object", base("sector", "{}", &[]), OptionsInvalid,
            "Les réglages de la page ne peuvent pas être lus (valeur reçue : une liste) : les valeurs par défaut s'appliquent.", &["« options »"]).options("[]"),
    ]
}

fn options_from(json: &str, lang: Lang) -> Options {
    let mut o = Options::from_value(&Value::parse(json).unwrap_or_else(|e| panic!("{json}: {e}")));
    o.lang = lang;
    if o.today.is_none() {
        o.today = Date::parse(TODAY);
    }
    o
}

#[test]
fn messages_name_a_field_as_the_form_does_never_by_its_json_key() {
    let mut problems = Vec::new();
    for rule in naming_rules() {
        let report = validate(
            &Request::from_value(rule.request.clone()),
            &options_from(&rule.options, rule.lang),
        );
        let fired: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.code == rule.code)
            .collect();
        let messages: Vec<&str> = fired.iter().map(|f| f.message.as_str()).collect();
        if !messages.iter().any(|m| m.contains(rule.says)) {
            problems.push(format!(
                "{}: no {} says « {} »: {messages:?}",
                rule.what, rule.code, rule.says
            ));
        }
        for f in &fired {
            let dotted = f.path.dotted();
            let shown = rule
                .never
                .iter()
                .copied()
                .chain(dotted.contains('.').then_some(dotted.as_str()))
                .find(|key| f.message.contains(key));
            if let Some(key) = shown {
                problems.push(format!(
                    "{}: the message shows « {key} »: {}",
                    rule.what, f.message
                ));
            }
        }
    }
    assert_no_problems(&problems);
}

#[test]
fn a_value_checked_alone_is_named_too() {
    let long = "a".repeat(20_005);
    let title = check_title(&long, &options(Lang::Fr));
    assert!(
        message_of(&title.findings, Code::RequestTooLarge)
            .starts_with("L'intitulé de l'appellation compte 20005 caractères"),
        "{:?}",
        title.findings
    );
    let uai = check_uai(&long, &options(Lang::En));
    assert!(
        message_of(&uai.findings, Code::RequestTooLarge)
            .starts_with("The UAI has 20005 characters"),
        "{:?}",
        uai.findings
    );
}

#[test]
fn the_field_parameter_still_holds_the_dotted_path_for_developers() {
    let request = with_member(
        2,
        r#"{"uai": "0570031Z", "label": {"status": "labelled", "lastDecisionYear": "2023"}}"#,
    );
    let report = validate(&Request::from_value(request), &options(Lang::Fr));
    let f = report
        .findings
        .iter()
        .find(|f| f.code == Code::RequestInvalidType)
        .expect("request.invalid_type");
    let names: Vec<&str> = f.params.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, ["field", "expected", "found"]);
    assert_eq!(
        f.param("field"),
        Some(&Param::Str("members.1.label.lastDecisionYear".into()))
    );
}

#[test]
fn a_host_template_has_the_field_in_words_and_still_its_dotted_path() {
    let options = Options {
        messages: vec![
            (
                "request.invalid_type".to_owned(),
                "{FieldName} ({field}) : {expected} attendu.".to_owned(),
            ),
            (
                "request.unknown_field".to_owned(),
                "« {field} » {place}, pour {fieldName} ? {suggestionName} ?".to_owned(),
            ),
        ],
        ..options(Lang::Fr)
    };
    let request = base(
        "sector",
        r#"{"campaignYear": "", "campaignYaer": 2026}"#,
        &[],
    );
    let report = validate(&Request::from_value(request), &options);
    assert_eq!(
        message_of(&report.findings, Code::RequestInvalidType),
        "L'année de la campagne (campaignYear) : un nombre entier attendu."
    );
    assert_eq!(
        message_of(&report.findings, Code::RequestUnknownField),
        "« campaignYaer » dans la demande, pour le champ inconnu « campaignYaer » ? l'année de la campagne ?"
    );
}

/// The camelCase JSON keys of SPEC §3, as the valid requests of
/// `bases.json` hold them.
fn camel_case_keys() -> BTreeSet<String> {
    fn walk(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(fields) => {
                for (k, v) in fields {
                    if k.chars().any(char::is_uppercase) {
                        out.insert(k.clone());
                    }
                    walk(v, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut keys = BTreeSet::new();
    walk(&bases(), &mut keys);
    keys
}

/// What the applicant's side sent as text: the strings of the request and
/// of the options, and the names of its unknown fields.
fn user_texts(request: &Value, options: &Options, findings: &[Finding]) -> Vec<String> {
    fn strings(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Object(fields) => fields.iter().for_each(|(_, v)| strings(v, out)),
            Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    strings(request, &mut out);
    out.extend(
        options
            .criteria
            .iter()
            .flat_map(|c| [c.id.clone(), c.label.clone()]),
    );
    out.extend(
        findings
            .iter()
            .filter(|f| f.code == Code::RequestUnknownField)
            .filter_map(|f| match f.param("field") {
                Some(Param::Str(s)) => Some(s.clone()),
                _ => None,
            }),
    );
    out
}

/// `message` without the « quotes » of what the applicant's side sent.
fn outside_user_quotes(message: &str, user: &[String]) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(open) = rest.find('«') {
        out.push_str(&rest[..open]);
        let after = &rest[open + '«'.len_utf8()..];
        let Some(close) = after.find('»') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let quoted = after[..close].trim();
        if !user.iter().any(|u| u.contains(quoted)) {
            out.push_str(&rest[open..open + '«'.len_utf8() + close + '»'.len_utf8()]);
        }
        rest = &after[close + '»'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

#[test]
fn no_message_of_any_case_shows_a_json_key_in_either_language() {
    let keys = camel_case_keys();
    assert!(
        keys.len() >= 6,
        "the bases hold the camelCase keys of SPEC §3: {keys:?}"
    );
    let mut problems = Vec::new();
    let mut seen = 0;
    for (name, request, options) in corpus() {
        for lang in [Lang::Fr, Lang::En] {
            let findings = run(&request, &options, lang);
            let user = user_texts(&request, &options, &findings);
            for f in &findings {
                seen += 1;
                let shown = outside_user_quotes(&f.message, &user);
                if let Some(key) = keys.iter().find(|k| shown.contains(k.as_str())) {
                    problems.push(format!(
                        "{name}: {} @ {} shows « {key} »: {}",
                        f.code, f.path, f.message
                    ));
                }
            }
        }
    }
    assert!(seen > 1000, "the corpus gives messages: {seen}");
    assert_no_problems(&problems);
}
