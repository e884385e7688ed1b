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
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
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
