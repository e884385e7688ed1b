//! Inputs built to be expensive, and the input budget at its edges (SPEC
//! §5.6): exactly at a limit nothing is reported; one over, one
//! `request.too_large` at the path of the list, string or object (`[]` for
//! the total), and the rest is still checked. The suite would hang on a
//! quadratic rule; the assertions say what each report must hold.

use ldm_reseau::{
    check_title, check_uai, validate, Code, Date, Options, Report, Request, Value, MAX_ACTIONS,
    MAX_CRITERIA, MAX_MEMBERS, MAX_SECTORS, MAX_STRING, MAX_TEXT, MAX_VALUES,
};

fn options() -> Options {
    Options {
        today: Date::parse("2026-10-01"),
        ..Options::default()
    }
}

fn count(report: &Report, code: Code) -> usize {
    report.findings.iter().filter(|f| f.code == code).count()
}

fn obj(fields: Vec<(&str, Value)>) -> Value {
    Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn text(s: &str) -> Value {
    Value::String(s.to_owned())
}

/// The one `request.too_large` of a report, as `(dotted path, limit, found)`.
fn too_large(report: &Report) -> Vec<(String, i64, i64)> {
    report
        .findings
        .iter()
        .filter(|f| f.code == Code::RequestTooLarge)
        .map(|f| {
            let int = |n| match f.param(n) {
                Some(ldm_reseau::Param::Int(i)) => *i,
                _ => -1,
            };
            (f.path.dotted(), int("limit"), int("found"))
        })
        .collect()
}

fn check(request: Value) -> Report {
    validate(&Request::from_value(request), &options())
}

/// `n` distinct, well-formed UAIs of Moselle.
fn uais(n: u32) -> Vec<String> {
    (0..n)
        .map(|n| {
            let digits = format!("057{:04}", n);
            let letter = check_uai(&format!("{digits}A"), &Options::default())
                .findings
                .iter()
                .find_map(|f| f.param("expected").map(|p| p.text().into_owned()));
            format!("{digits}{}", letter.unwrap_or_else(|| "A".into()))
        })
        .collect()
}

fn member(uai: &str) -> Value {
    obj(vec![
        ("uai", text(uai)),
        (
            "label",
            obj(vec![
                ("status", text("labelled")),
                ("lastDecisionYear", Value::Number(2024.0)),
            ]),
        ),
    ])
}

#[test]
fn a_title_full_of_near_misses_is_searched_once() {
    // Every « Lycée(s)… » is glued to an X: none stands as words of its own.
    let title = "XLycée(s) des métiers en réseau ".repeat(600);
    let report = check(obj(vec![("title", Value::String(title))]));
    assert!(report.has(Code::TitleMentionMissing));
    assert!(report.has(Code::TitleTooLong));
    assert_eq!(too_large(&report), []);
}

#[test]
fn members_at_the_limit_are_all_checked_and_one_more_is_reported() {
    let all = uais(MAX_MEMBERS as u32 + 1);
    // The last member of the 500 repeats the first: found, as it is checked.
    let mut at_limit: Vec<Value> = all[..MAX_MEMBERS - 1].iter().map(|u| member(u)).collect();
    at_limit.push(member(&all[0]));
    let report = check(obj(vec![("members", Value::Array(at_limit.clone()))]));
    assert_eq!(too_large(&report), []);
    assert_eq!(count(&report, Code::MemberDuplicate), 1);
    assert_eq!(count(&report, Code::MemberUaiChecksum), 0);

    // One more, again a duplicate of the first: it is past the limit, not checked.
    at_limit.push(member(&all[0]));
    let report = check(obj(vec![("members", Value::Array(at_limit))]));
    assert_eq!(too_large(&report), [("members".into(), 500, 501)]);
    assert_eq!(count(&report, Code::MemberDuplicate), 1);
}

#[test]
fn a_million_members_cost_what_five_hundred_do() {
    let one = member("0570099Y");
    let report = check(obj(vec![("members", Value::Array(vec![one; 1_000_000]))]));
    assert_eq!(too_large(&report), [("members".into(), 500, 1_000_000)]);
    assert_eq!(count(&report, Code::MemberDuplicate), MAX_MEMBERS - 1);
}

#[test]
fn filieres_at_the_limit_against_a_hundred_members() {
    let sectors: Vec<Value> = (0..MAX_SECTORS)
        .map(|i| text(&format!("filière {i}")))
        .collect();
    let mut partial = sectors.clone();
    partial.pop();
    let with = |s: &[Value]| {
        obj(vec![
            ("uai", text("0570099Y")),
            ("label", obj(vec![("sectors", Value::Array(s.to_vec()))])),
        ])
    };
    let mut members: Vec<Value> = (0..99).map(|_| with(&sectors)).collect();
    members.push(with(&partial));
    let scope = |s: Vec<Value>| obj(vec![("type", text("sector")), ("sectors", Value::Array(s))]);
    let report = check(obj(vec![
        ("scope", scope(sectors.clone())),
        ("members", Value::Array(members.clone())),
    ]));
    assert_eq!(too_large(&report), []);
    // Only the last member lacks one filière (the 100th).
    assert_eq!(count(&report, Code::ScopeSectorNotCommon), 1);

    let mut over = sectors;
    over.push(text("filière en trop"));
    let report = check(obj(vec![
        ("scope", scope(over)),
        ("members", Value::Array(members)),
    ]));
    assert_eq!(too_large(&report), [("scope.sectors".into(), 100, 101)]);
    assert_eq!(count(&report, Code::ScopeSectorNotCommon), 1);
}

#[test]
fn a_member_label_list_has_the_same_limit() {
    let sectors: Vec<Value> = (0..=MAX_SECTORS).map(|i| text(&format!("f{i}"))).collect();
    let m = obj(vec![(
        "label",
        obj(vec![("sectors", Value::Array(sectors))]),
    )]);
    let report = check(obj(vec![("members", Value::Array(vec![m]))]));
    assert_eq!(
        too_large(&report),
        [("members.0.label.sectors".into(), 100, 101)]
    );
}

#[test]
fn joint_actions_at_the_limit_and_one_over() {
    let actions = |n: usize| {
        Value::Object(
            (0..n)
                .map(|i| (format!("x{i}"), text("description")))
                .collect(),
        )
    };
    let report = check(obj(vec![("jointActions", actions(MAX_ACTIONS))]));
    assert_eq!(too_large(&report), []);
    assert_eq!(count(&report, Code::ActionsUnknownCriterion), MAX_ACTIONS);
    assert_eq!(count(&report, Code::ActionsMissing), 8);

    let report = check(obj(vec![("jointActions", actions(50_000))]));
    assert_eq!(too_large(&report), [("jointActions".into(), 200, 50_000)]);
    assert_eq!(count(&report, Code::ActionsUnknownCriterion), MAX_ACTIONS);
}

#[test]
fn a_string_at_the_limit_and_one_unit_over() {
    // « é » is one UTF-16 unit, « 🌲 » two: the limit counts units, as JavaScript does.
    let at = "é".repeat(MAX_STRING - 2) + "🌲";
    let report = check(obj(vec![("title", Value::String(at.clone()))]));
    assert_eq!(too_large(&report), []);
    let report = check(obj(vec![("title", Value::String(at + "a"))]));
    assert_eq!(too_large(&report), [("title".into(), 20_000, 20_001)]);
    // What is checked is the first 20 000 units: the title is still too long.
    assert_eq!(report.title.length, 19_999);
}

#[test]
fn check_title_and_check_uai_keep_the_budget_too() {
    let long = "a".repeat(MAX_STRING + 1);
    let t = check_title(&long, &options());
    assert_eq!(t.title.length, MAX_STRING as i64);
    assert!(t.findings.iter().any(|f| f.code == Code::RequestTooLarge));
    let u = check_uai(&long, &options());
    assert!(u.findings.iter().any(|f| f.code == Code::RequestTooLarge));
}

#[test]
fn a_key_at_the_limit_and_one_over() {
    let at = "k".repeat(MAX_STRING);
    let report = check(Value::Object(vec![(at.clone(), text("x"))]));
    assert_eq!(too_large(&report), []);
    assert!(report.has(Code::RequestUnknownField));

    let over = at + "k";
    let report = check(Value::Object(vec![(over.clone(), text("x"))]));
    let found = too_large(&report);
    assert_eq!(found, [(over, 20_000, 20_001)]);
    // The field is left out: not reported as unknown on top.
    assert!(!report.has(Code::RequestUnknownField));
    // The message does not repeat a name that long.
    let f = report
        .findings
        .iter()
        .find(|f| f.code == Code::RequestTooLarge);
    assert!(f.is_some_and(|f| f.message.len() < 300));
}

#[test]
fn the_total_at_the_limit_and_one_value_over() {
    // The request object, the `extra` list, and its items: MAX_VALUES in all.
    let items = |n: usize| Value::Array(vec![Value::Null; n]);
    let report = check(obj(vec![("extra", items(MAX_VALUES - 2))]));
    assert_eq!(too_large(&report), []);
    let report = check(obj(vec![("extra", items(MAX_VALUES - 1))]));
    assert_eq!(too_large(&report), [(String::new(), 20_000, 20_001)]);
    // The rest is still checked: the title is missing.
    assert!(report.has(Code::TitleMissing));
}

#[test]
fn all_the_texts_at_their_limit_and_one_unit_over() {
    // The key « extra » is 5 units; then 25 strings fill the rest exactly.
    let strings = |last: usize| {
        let mut items = vec![Value::String("a".repeat(MAX_STRING)); 24];
        items.push(Value::String("a".repeat(last)));
        obj(vec![("extra", Value::Array(items))])
    };
    let at = MAX_TEXT - 5 - 24 * MAX_STRING;
    assert_eq!(too_large(&check(strings(at))), []);
    let report = check(strings(at + 1));
    assert_eq!(too_large(&report), [(String::new(), 500_000, 500_001)]);
    assert!(report.has(Code::TitleMissing));
}

#[test]
fn a_shared_sub_object_counts_once_per_place() {
    // 2^16 places for one small object: counted as the tree it unfolds to.
    let mut v = Value::Null;
    for _ in 0..16 {
        v = Value::Array(vec![v.clone(), v]);
    }
    let report = check(obj(vec![("extra", v)]));
    assert_eq!(too_large(&report), [(String::new(), 20_000, 20_001)]);
}

#[test]
fn criteria_at_the_limit_and_one_over() {
    let criteria = |n: usize| {
        let list = (0..n)
            .map(|i| {
                obj(vec![
                    ("id", text(&format!("k{i}"))),
                    ("label", text("critère")),
                ])
            })
            .collect();
        Options::from_value(&obj(vec![
            ("today", text("2026-10-01")),
            ("criteria", Value::Array(list)),
        ]))
    };
    let request = || Request::from_value(obj(vec![]));
    let report = validate(&request(), &criteria(MAX_CRITERIA));
    assert_eq!(too_large(&report), []);
    assert_eq!(count(&report, Code::ActionsMissing), MAX_CRITERIA);
    let report = validate(&request(), &criteria(MAX_CRITERIA + 1));
    assert_eq!(too_large(&report), [(String::new(), 200, 201)]);
    assert_eq!(count(&report, Code::ActionsMissing), MAX_CRITERIA);
    let f = report
        .findings
        .iter()
        .find(|f| f.code == Code::RequestTooLarge);
    assert!(f.is_some_and(|f| f
        .param("field")
        .is_some_and(|p| p.text() == "options.criteria")
        && f.message
            .contains("la liste des critères du cahier des charges")));
}

#[test]
fn a_deep_value_built_in_rust_is_not_walked_to_the_bottom() {
    let mut v = Value::Null;
    for _ in 0..1_000 {
        v = Value::Array(vec![v]);
    }
    let report = check(obj(vec![("extra", v)]));
    assert_eq!(count(&report, Code::RequestTooDeep), 1);
}
