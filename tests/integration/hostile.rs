//! Inputs built to be expensive: many near misses, many members, filières
//! or unknown criteria. Each must give its report (the suite would hang on a
//! quadratic rule); the assertions say what the report must hold.

use ldm_reseau::{check_uai, validate, Code, Date, Options, Request, Value};

fn options() -> Options {
    Options {
        today: Date::parse("2026-10-01"),
        ..Options::default()
    }
}

fn count(report: &ldm_reseau::Report, code: Code) -> usize {
    report.findings.iter().filter(|f| f.code == code).count()
}

#[test]
fn a_title_full_of_near_misses_is_searched_once() {
    // Every « Lycée(s)… » is glued to an X: none stands as words of its own.
    let title = "XLycée(s) des métiers en réseau ".repeat(20_000);
    let req = Request::from_value(Value::Object(vec![("title".into(), Value::String(title))]));
    let report = validate(&req, &options());
    assert!(report.has(Code::TitleMentionMissing));
    assert!(report.has(Code::TitleTooLong));
}

#[test]
fn twenty_thousand_members_are_checked_once_each() {
    // Distinct, well-formed UAIs of Moselle, then the first one again.
    let uais: Vec<String> = (0..20_000u32)
        .map(|n| {
            let digits = format!("057{:04}", n);
            let uai = check_uai(&format!("{digits}A"), &Options::default());
            let expected = uai
                .findings
                .iter()
                .find_map(|f| f.param("expected").map(|p| p.text().into_owned()));
            format!("{digits}{}", expected.unwrap_or_else(|| "A".into()))
        })
        .collect();
    let mut members: Vec<Value> = uais
        .iter()
        .map(|u| {
            Value::parse(&format!(
                r#"{{"uai": "{u}", "label": {{"status": "labelled", "lastDecisionYear": 2024}}}}"#
            ))
            .unwrap()
        })
        .collect();
    members.push(members[0].clone());
    let req = Request::from_value(Value::Object(vec![(
        "members".into(),
        Value::Array(members),
    )]));
    let report = validate(&req, &options());
    assert_eq!(count(&report, Code::MemberDuplicate), 1);
    assert_eq!(count(&report, Code::MemberUaiChecksum), 0);
}

#[test]
fn a_thousand_filieres_against_a_hundred_members() {
    let sectors: Vec<Value> = (0..1000)
        .map(|i| Value::String(format!("filière {i}")))
        .collect();
    let mut partial = sectors.clone();
    partial.pop();
    let member = |s: &[Value]| {
        let label = Value::Object(vec![("sectors".into(), Value::Array(s.to_vec()))]);
        Value::Object(vec![
            ("uai".into(), Value::String("0570099Y".into())),
            ("label".into(), label),
        ])
    };
    let mut members: Vec<Value> = (0..99).map(|_| member(&sectors)).collect();
    members.push(member(&partial));
    let scope = Value::Object(vec![
        ("type".into(), Value::String("sector".into())),
        ("sectors".into(), Value::Array(sectors)),
    ]);
    let req = Request::from_value(Value::Object(vec![
        ("scope".into(), scope),
        ("members".into(), Value::Array(members)),
    ]));
    let report = validate(&req, &options());
    // Only the last member lacks one filière (the 1000th).
    assert_eq!(count(&report, Code::ScopeSectorNotCommon), 1);
}

#[test]
fn fifty_thousand_unknown_criteria_are_each_reported_once() {
    let actions: Vec<(String, Value)> = (0..50_000)
        .map(|i| (format!("x{i}"), Value::String("description".into())))
        .collect();
    let req = Request::from_value(Value::Object(vec![(
        "jointActions".into(),
        Value::Object(actions),
    )]));
    let report = validate(&req, &options());
    assert_eq!(count(&report, Code::ActionsUnknownCriterion), 50_000);
    assert_eq!(count(&report, Code::ActionsMissing), 8);
}
