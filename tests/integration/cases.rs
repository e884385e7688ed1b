//! The table-driven cases of `tests/cases/*.json`, run natively. The same
//! files are run through the wasm build by `tests/js/cases.test.mjs`.
//!
//! A case file is `{ "about", "defaults"?: { "options", "base" }, "cases": [...] }`.
//! A case is:
//!
//! - `name`: what it shows, in words;
//! - `request` (a whole request) or `base` (a request of `bases.json`) with
//!   `set` (`{ "dotted.path": value }`, a list index one past the end appends)
//!   and `unset` (`["dotted.path"]`);
//! - `options` (merged over the file's defaults);
//! - `expect`: any of
//!   - `findings`: the exact list, in report order, of `"code @ dotted.path"`
//!     (`"code"` alone for the whole request);
//!   - `has` / `hasNot`: findings that must / must not be there (`"code"` or
//!     `"code @ path"`);
//!   - `valid`;
//!   - `title`, `cycle`: a partial report block (objects compared on the keys
//!     given, lists element by element);
//!   - `params`: `{ "code": { name: value } }` on the first finding of that code;
//!   - `message`: `{ "code": "text the message contains" }`.

use ldm_reseau::{validate, Code, Options, Request, Value};
use std::collections::BTreeSet;
use std::fs;

pub struct Case {
    pub file: String,
    pub name: String,
    pub request: Value,
    pub options: Value,
    pub expect: Value,
}

fn cases_dir() -> String {
    format!("{}/tests/cases", env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Value::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fields(v: &Value) -> &[(String, Value)] {
    match v {
        Value::Object(f) => f,
        _ => &[],
    }
}

fn items(v: Option<&Value>) -> &[Value] {
    match v {
        Some(Value::Array(a)) => a,
        _ => &[],
    }
}

/// Every case of every file, requests built.
pub fn load() -> Vec<Case> {
    let bases = read(&format!("{}/bases.json", cases_dir()));
    let bases = bases.get("bases").expect("bases.json has bases").clone();
    let mut names: Vec<_> = fs::read_dir(cases_dir())
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".json") && n != "bases.json")
        .collect();
    names.sort();
    let mut out = Vec::new();
    for file in names {
        let doc = read(&format!("{}/{file}", cases_dir()));
        let defaults = doc
            .get("defaults")
            .cloned()
            .unwrap_or(Value::Object(Vec::new()));
        for case in items(doc.get("cases")) {
            let name = case
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("(unnamed)")
                .to_owned();
            let base_name = case
                .get("base")
                .or_else(|| defaults.get("base"))
                .and_then(Value::as_str);
            let mut request = match (case.get("request"), base_name) {
                (Some(r), _) => r.clone(),
                (None, Some(b)) => bases
                    .get(b)
                    .unwrap_or_else(|| panic!("{file}: {name}: no base {b}"))
                    .clone(),
                (None, None) => panic!("{file}: {name}: needs request or base"),
            };
            for (path, value) in fields(case.get("set").unwrap_or(&Value::Null)) {
                set(&mut request, path, Some(value.clone()));
            }
            for path in items(case.get("unset")) {
                set(
                    &mut request,
                    path.as_str().expect("unset holds paths"),
                    None,
                );
            }
            let mut options = defaults
                .get("options")
                .cloned()
                .unwrap_or(Value::Object(Vec::new()));
            for (k, v) in fields(case.get("options").unwrap_or(&Value::Null)) {
                set(&mut options, k, Some(v.clone()));
            }
            let expect = case
                .get("expect")
                .cloned()
                .unwrap_or_else(|| panic!("{file}: {name}: no expect"));
            out.push(Case {
                file: file.clone(),
                name,
                request,
                options,
                expect,
            });
        }
    }
    out
}

/// Sets (or removes, with `None`) the value at a dotted path, creating
/// objects on the way.
fn set(root: &mut Value, path: &str, value: Option<Value>) {
    let mut cur = root;
    let segs: Vec<&str> = path.split('.').collect();
    for (i, seg) in segs.iter().enumerate() {
        let last = i + 1 == segs.len();
        if let Value::Array(list) = cur {
            let idx: usize = seg
                .parse()
                .unwrap_or_else(|_| panic!("{path}: {seg} is not an index"));
            if last {
                match value {
                    Some(v) if idx == list.len() => list.push(v),
                    Some(v) => list[idx] = v,
                    None => {
                        list.remove(idx);
                    }
                }
                return;
            }
            if idx == list.len() {
                list.push(Value::Object(Vec::new()));
            }
            cur = &mut list[idx];
            continue;
        }
        if !matches!(cur, Value::Object(_)) {
            *cur = Value::Object(Vec::new());
        }
        let Value::Object(fields) = cur else {
            unreachable!()
        };
        let pos = fields.iter().position(|(k, _)| k == seg);
        if last {
            match (pos, value) {
                (Some(p), Some(v)) => fields[p].1 = v,
                (None, Some(v)) => fields.push((seg.to_string(), v)),
                (Some(p), None) => {
                    fields.remove(p);
                }
                (None, None) => {}
            }
            return;
        }
        let p = pos.unwrap_or_else(|| {
            fields.push((seg.to_string(), Value::Object(Vec::new())));
            fields.len() - 1
        });
        cur = &mut fields[p].1;
    }
}

/// `"code @ path"` of a finding in a report (as JSON value).
fn label(f: &Value) -> String {
    let code = f.get("code").and_then(Value::as_str).unwrap_or_default();
    let path: Vec<String> = items(f.get("path"))
        .iter()
        .map(|s| match s {
            Value::String(k) => k.clone(),
            Value::Number(n) => (*n as i64).to_string(),
            _ => "?".into(),
        })
        .collect();
    if path.is_empty() {
        code.to_owned()
    } else {
        format!("{code} @ {}", path.join("."))
    }
}

fn matches(pattern: &str, label: &str) -> bool {
    pattern == label || (!pattern.contains(" @ ") && label.split(" @ ").next() == Some(pattern))
}

/// Compares `actual` to the partial `expected`; returns what differs.
fn partial(expected: &Value, actual: &Value, at: &str, errs: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), _) => {
            for (k, ev) in e {
                match actual.get(k) {
                    Some(av) => partial(ev, av, &format!("{at}.{k}"), errs),
                    None => errs.push(format!("{at}.{k}: missing, expected {}", ev.to_json())),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                partial(ev, av, &format!("{at}[{i}]"), errs);
            }
        }
        _ if expected == actual => {}
        _ => errs.push(format!(
            "{at}: expected {}, got {}",
            expected.to_json(),
            actual.to_json()
        )),
    }
}

/// Runs one case; returns the differences (empty when it passes).
pub fn check(case: &Case, report: &Value) -> Vec<String> {
    let mut errs = Vec::new();
    let e = &case.expect;
    // A misspelt expectation would pass silently: every key must be known.
    const KEYS: &[&str] = &[
        "findings", "has", "hasNot", "valid", "title", "cycle", "params", "message",
    ];
    for (k, _) in fields(e) {
        if !KEYS.contains(&k.as_str()) {
            errs.push(format!("unknown expect key {k:?} (known: {KEYS:?})"));
        }
    }
    let findings = items(report.get("findings"));
    let labels: Vec<String> = findings.iter().map(label).collect();
    if let Some(Value::Array(exact)) = e.get("findings") {
        let want: Vec<&str> = exact.iter().filter_map(Value::as_str).collect();
        if want != labels {
            errs.push(format!("findings: expected {want:?}, got {labels:?}"));
        }
    }
    for p in items(e.get("has")).iter().filter_map(Value::as_str) {
        if !labels.iter().any(|l| matches(p, l)) {
            errs.push(format!("has: {p} missing from {labels:?}"));
        }
    }
    for p in items(e.get("hasNot")).iter().filter_map(Value::as_str) {
        if labels.iter().any(|l| matches(p, l)) {
            errs.push(format!("hasNot: {p} found in {labels:?}"));
        }
    }
    if let Some(v) = e.get("valid") {
        partial(
            v,
            report.get("valid").unwrap_or(&Value::Null),
            "valid",
            &mut errs,
        );
    }
    for block in ["title", "cycle"] {
        if let Some(want) = e.get(block) {
            partial(
                want,
                report.get(block).unwrap_or(&Value::Null),
                block,
                &mut errs,
            );
        }
    }
    for (code, want) in fields(e.get("params").unwrap_or(&Value::Null)) {
        match findings
            .iter()
            .find(|f| f.get("code").and_then(Value::as_str) == Some(code))
        {
            Some(f) => partial(
                want,
                f.get("params").unwrap_or(&Value::Null),
                &format!("params[{code}]"),
                &mut errs,
            ),
            None => errs.push(format!("params: no finding {code}")),
        }
    }
    for (code, text) in fields(e.get("message").unwrap_or(&Value::Null)) {
        let text = text.as_str().unwrap_or_default();
        let msg = findings
            .iter()
            .find(|f| f.get("code").and_then(Value::as_str) == Some(code))
            .and_then(|f| f.get("message").and_then(Value::as_str));
        if !msg.is_some_and(|m| m.contains(text)) {
            errs.push(format!(
                "message[{code}]: expected to contain {text:?}, got {msg:?}"
            ));
        }
    }
    errs
}

fn run(case: &Case) -> Value {
    let report = validate(
        &Request::from_value(case.request.clone()),
        &Options::from_value(&case.options),
    );
    Value::parse(&report.to_json()).expect("the report is JSON")
}

/// Where the cases go once expanded, with their native reports: the JS
/// suite checks that the wasm build gives the same report for each.
const EXPANDED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/cases-expanded.json");

#[test]
fn every_case_passes() {
    let cases = load();
    assert!(cases.len() > 1, "the case files hold {} cases", cases.len());
    let mut expanded = Vec::new();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let report = run(c);
            expanded.push(Value::Object(vec![
                ("file".into(), Value::String(c.file.clone())),
                ("name".into(), Value::String(c.name.clone())),
                ("request".into(), c.request.clone()),
                ("options".into(), c.options.clone()),
                ("report".into(), report.clone()),
            ]));
            let errs = check(c, &report);
            (!errs.is_empty())
                .then(|| format!("{} — {}:\n    {}", c.file, c.name, errs.join("\n    ")))
        })
        .collect();
    fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/target"))
        .expect("target/ can be made");
    fs::write(EXPANDED, Value::Array(expanded).to_json()).expect("the expanded cases are written");
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_code_is_shown_firing_and_not_firing() {
    let cases = load();
    let mut fires = BTreeSet::new();
    let mut spared = BTreeSet::new();
    for c in &cases {
        let code_of = |v: &Value| {
            v.as_str()
                .map(|s| s.split(" @ ").next().unwrap_or(s).to_owned())
        };
        fires.extend(
            items(c.expect.get("findings"))
                .iter()
                .chain(items(c.expect.get("has")))
                .filter_map(code_of),
        );
        spared.extend(items(c.expect.get("hasNot")).iter().filter_map(code_of));
    }
    let missing: Vec<String> = Code::ALL
        .iter()
        .filter(|c| **c != Code::InternalError)
        .flat_map(|c| {
            let code = c.as_str();
            let mut m = Vec::new();
            if !fires.contains(code) {
                m.push(format!("{code} never fires"));
            }
            if !spared.contains(code) {
                m.push(format!("{code} is never shown not firing (hasNot)"));
            }
            m
        })
        .collect();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn an_unknown_expect_key_is_refused() {
    let mut case = load().swap_remove(0);
    case.expect = Value::parse(r#"{"hasnot": ["title.missing"]}"#).expect("JSON");
    let errs = check(&case, &run(&case));
    assert!(errs.iter().any(|e| e.contains("hasnot")), "{errs:?}");
}

#[test]
fn the_typescript_code_union_is_every_code() {
    // js/index.d.ts is written by hand: it must list exactly `Code::ALL`.
    let dts = fs::read_to_string(format!("{}/js/index.d.ts", env!("CARGO_MANIFEST_DIR")))
        .expect("js/index.d.ts is readable");
    let start = dts.find("export type Code =").expect("a Code union");
    let end = start + dts[start..].find(';').expect("the union ends");
    let listed: BTreeSet<&str> = dts[start..end].split('\'').skip(1).step_by(2).collect();
    let all: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(listed, all);
}
