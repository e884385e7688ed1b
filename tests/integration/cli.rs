//! The command-line tool of SPEC §8.1, run as a real process:
//! `ldm-reseau check FILE.json [--lang fr|en] [--today YYYY-MM-DD] [--json]`.
//!
//! Exit code 0 when no request has an error, 1 when one has, 2 when the file
//! cannot be read or is not JSON (with a one-line reason on standard error).
//! It never panics.

use ldm_reseau::{validate, Date, Lang, Options, Request, Severity, Value};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_ldm-reseau");

/// The "sector" base of `tests/cases/bases.json`: valid, campaign 2026, case c.
fn valid_request() -> Value {
    let text = std::fs::read_to_string(format!(
        "{}/tests/cases/bases.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("tests/cases/bases.json is readable");
    let bases = Value::parse(&text).expect("bases.json is JSON");
    bases
        .get("bases")
        .and_then(|b| b.get("sector"))
        .expect("bases.json has the sector base")
        .clone()
}

/// The valid request with `key` replaced (or removed, with `None`).
fn with(mut request: Value, key: &str, value: Option<Value>) -> Value {
    let Value::Object(fields) = &mut request else {
        panic!("the base is an object")
    };
    fields.retain(|(k, _)| k != key);
    if let Some(v) = value {
        fields.push((key.to_owned(), v));
    }
    request
}

/// A request with errors: a UAI with a wrong check letter (0570099Y is right)
/// and a criterion with no description.
fn request_with_errors() -> Value {
    let mut r = valid_request();
    let Value::Object(fields) = &mut r else {
        unreachable!()
    };
    for (k, v) in fields.iter_mut() {
        if k == "members" {
            let Value::Array(members) = v else {
                unreachable!()
            };
            let Value::Object(m) = &mut members[0] else {
                unreachable!()
            };
            for (mk, mv) in m.iter_mut() {
                if mk == "uai" {
                    *mv = Value::String("0570099X".into());
                }
            }
        }
        if k == "jointActions" {
            let Value::Object(actions) = v else {
                unreachable!()
            };
            actions.retain(|(id, _)| id != "c5");
        }
    }
    r
}

/// A file in the temp dir with a name no other test (or test run) uses.
struct TempFile(PathBuf);

impl TempFile {
    fn new(contents: &[u8]) -> TempFile {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!(
            "ldm-reseau-cli-{}-{n}-{nanos}.json",
            std::process::id()
        ));
        std::fs::write(&path, contents).expect("the temp dir is writable");
        TempFile(path)
    }

    fn json(v: &Value) -> TempFile {
        TempFile::new(v.to_json().as_bytes())
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("temp paths are UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn finish(out: Output) -> Run {
    let run = Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "the tool panicked:\n{}",
        run.stderr
    );
    run
}

fn run(args: &[&str]) -> Run {
    finish(
        Command::new(BIN)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("the binary runs"),
    )
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_vec();
    // Written from another thread so that a large input cannot dead-lock
    // against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("the binary finishes");
    let _ = writer.join();
    finish(out)
}

fn assert_one_line_reason(r: &Run) {
    assert_eq!(
        r.code,
        Some(2),
        "exit 2 expected; stdout: {}\nstderr: {}",
        r.stdout,
        r.stderr
    );
    assert_eq!(
        r.stderr.lines().count(),
        1,
        "exactly one line on stderr, got {:?}",
        r.stderr
    );
    assert!(!r.stderr.trim().is_empty(), "the reason is not empty");
    assert!(
        r.stdout.is_empty(),
        "a refused input prints no report: {}",
        r.stdout
    );
}

fn parse_stdout(r: &Run) -> Value {
    Value::parse(&r.stdout).unwrap_or_else(|e| panic!("--json prints JSON ({e}): {}", r.stdout))
}

/// A report as `--json` prints it has the four blocks of SPEC §4.
fn assert_report_shape(report: &Value) {
    assert!(
        matches!(report.get("valid"), Some(Value::Bool(_))),
        "valid is a boolean: {}",
        report.to_json()
    );
    assert!(
        matches!(report.get("findings"), Some(Value::Array(_))),
        "findings is a list: {}",
        report.to_json()
    );
    let title = report.get("title").expect("a title block");
    for key in [
        "normalized",
        "length",
        "max",
        "remaining",
        "mention",
        "suggestion",
    ] {
        assert!(
            title.get(key).is_some(),
            "title.{key} is there: {}",
            title.to_json()
        );
    }
    let cycle = report.get("cycle").expect("a cycle block");
    for key in [
        "case",
        "jointLabelling",
        "campaignYear",
        "members",
        "appellationYears",
        "appellationEnds",
        "options",
        "reviews",
    ] {
        assert!(
            cycle.get(key).is_some(),
            "cycle.{key} is there: {}",
            cycle.to_json()
        );
    }
    if let Some(Value::Array(findings)) = report.get("findings") {
        for f in findings {
            for key in ["code", "severity", "path", "message", "params"] {
                assert!(
                    f.get(key).is_some(),
                    "finding.{key} is there: {}",
                    f.to_json()
                );
            }
        }
    }
}

fn codes(report: &Value) -> Vec<String> {
    match report.get("findings") {
        Some(Value::Array(fs)) => fs
            .iter()
            .filter_map(|f| f.get("code")?.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn a_valid_request_exits_0_and_says_it_can_be_sent() {
    let file = TempFile::json(&valid_request());
    let r = run(&["check", file.path()]);
    assert_eq!(
        r.code,
        Some(0),
        "stdout: {}\nstderr: {}",
        r.stdout,
        r.stderr
    );
    assert!(
        r.stdout.contains("cas c"),
        "the cycle case is printed: {}",
        r.stdout
    );
    assert!(r.stderr.is_empty(), "nothing on stderr: {}", r.stderr);
}

#[test]
fn warnings_alone_do_not_block_exit_0() {
    // A title with a double space is folded (title.whitespace, a warning).
    let title = Value::String("Lycée(s) des métiers en réseau du bois  et de l'ameublement".into());
    let file = TempFile::json(&with(valid_request(), "title", Some(title)));
    let r = run(&["check", file.path(), "--json"]);
    assert_eq!(r.code, Some(0), "{}", r.stdout);
    assert!(codes(&parse_stdout(&r)).contains(&"title.whitespace".to_owned()));
}

#[test]
fn a_request_with_errors_exits_1_and_prints_each_finding_with_path_severity_and_message() {
    let request = request_with_errors();
    let file = TempFile::json(&request);
    let r = run(&["check", file.path()]);
    assert_eq!(
        r.code,
        Some(1),
        "stdout: {}\nstderr: {}",
        r.stdout,
        r.stderr
    );

    let options = Options {
        today: Date::parse("2026-10-01"),
        ..Options::default()
    };
    let report = validate(&Request::from_value(request), &options);
    assert!(report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error));
    for f in &report.findings {
        let line = r
            .stdout
            .lines()
            .find(|l| l.contains(&f.message))
            .unwrap_or_else(|| panic!("the message of {} is printed:\n{}", f.code, r.stdout));
        let path = if f.path.segs().is_empty() {
            "(demande)".to_owned()
        } else {
            f.path.dotted()
        };
        assert!(
            line.contains(&path),
            "the line of {} names its path {path}: {line}",
            f.code
        );
        let severity = match f.severity {
            Severity::Error => "erreur",
            Severity::Warning => "attention",
            Severity::Info => "info",
        };
        assert!(
            line.contains(severity),
            "the line of {} says its severity ({severity}): {line}",
            f.code
        );
    }
    assert!(r.stdout.contains("members.0.uai"), "{}", r.stdout);
    assert!(r.stdout.contains("jointActions.c5"), "{}", r.stdout);
    assert!(
        r.stdout.contains("cas c"),
        "the cycle case is printed: {}",
        r.stdout
    );
}

#[test]
fn a_file_that_is_not_json_exits_2_with_one_line_on_stderr() {
    for text in [
        "{\"title\": ",
        "not json",
        "{'kind': 'new'}",
        "",
        "{} {}",
        "[1,]",
    ] {
        let file = TempFile::new(text.as_bytes());
        let r = run(&["check", file.path()]);
        assert_one_line_reason(&r);
    }
}

#[test]
fn a_missing_file_exits_2_with_one_line_on_stderr() {
    let path = std::env::temp_dir().join(format!(
        "ldm-reseau-cli-{}-does-not-exist.json",
        std::process::id()
    ));
    let r = run(&["check", path.to_str().expect("utf-8 path")]);
    assert_one_line_reason(&r);
}

#[test]
fn a_directory_instead_of_a_file_exits_2() {
    let r = run(&["check", std::env::temp_dir().to_str().expect("utf-8 path")]);
    assert_one_line_reason(&r);
}

#[test]
fn dash_reads_the_request_from_standard_input() {
    let ok = run_with_stdin(&["check", "-"], valid_request().to_json().as_bytes());
    assert_eq!(
        ok.code,
        Some(0),
        "stdout: {}\nstderr: {}",
        ok.stdout,
        ok.stderr
    );
    let bad = run_with_stdin(
        &["check", "-", "--json"],
        request_with_errors().to_json().as_bytes(),
    );
    assert_eq!(
        bad.code,
        Some(1),
        "stdout: {}\nstderr: {}",
        bad.stdout,
        bad.stderr
    );
    assert!(codes(&parse_stdout(&bad)).contains(&"member.uai_checksum".to_owned()));
    let garbage = run_with_stdin(&["check", "-"], b"{oops");
    assert_one_line_reason(&garbage);
}

#[test]
fn json_prints_one_report_for_one_request() {
    let file = TempFile::json(&valid_request());
    let r = run(&["check", file.path(), "--json"]);
    assert_eq!(r.code, Some(0));
    let report = parse_stdout(&r);
    assert_report_shape(&report);
    assert_eq!(report.get("valid"), Some(&Value::Bool(true)));
    assert_eq!(
        report.get("cycle").and_then(|c| c.get("case")),
        Some(&Value::String("c".into()))
    );
}

#[test]
fn an_array_of_requests_with_json_prints_an_array_of_reports_in_order() {
    let requests = Value::Array(vec![
        valid_request(),
        request_with_errors(),
        Value::String("pas une demande".into()),
    ]);
    let file = TempFile::json(&requests);
    let r = run(&["check", file.path(), "--json"]);
    assert_eq!(r.code, Some(1), "one request has errors: {}", r.stdout);
    let Value::Array(reports) = parse_stdout(&r) else {
        panic!("an array of reports: {}", r.stdout)
    };
    assert_eq!(reports.len(), 3);
    for report in &reports {
        assert_report_shape(report);
    }
    assert_eq!(reports[0].get("valid"), Some(&Value::Bool(true)));
    assert_eq!(
        reports[0].get("cycle").and_then(|c| c.get("case")),
        Some(&Value::String("c".into()))
    );
    assert_eq!(reports[1].get("valid"), Some(&Value::Bool(false)));
    assert!(codes(&reports[1]).contains(&"member.uai_checksum".to_owned()));
    assert_eq!(codes(&reports[2]), ["request.not_an_object"]);
    assert_eq!(
        reports[2].get("cycle").and_then(|c| c.get("case")),
        Some(&Value::Null)
    );
}

#[test]
fn an_array_of_valid_requests_exits_0() {
    let file = TempFile::json(&Value::Array(vec![valid_request(), valid_request()]));
    let r = run(&["check", file.path()]);
    assert_eq!(r.code, Some(0), "{}", r.stdout);
    let json = run(&["check", file.path(), "--json"]);
    let Value::Array(reports) = parse_stdout(&json) else {
        panic!("an array: {}", json.stdout)
    };
    assert_eq!(reports.len(), 2);
}

#[test]
fn lang_en_prints_english_messages() {
    let request = request_with_errors();
    let file = TempFile::json(&request);
    let en = run(&["check", file.path(), "--lang", "en"]);
    let fr = run(&["check", file.path(), "--lang", "fr"]);
    assert_eq!(en.code, Some(1));
    assert_eq!(fr.code, Some(1));
    let english = Options {
        lang: Lang::En,
        ..Options::default()
    };
    let french = Options::default();
    let report_en = validate(&Request::from_value(request.clone()), &english);
    let report_fr = validate(&Request::from_value(request), &french);
    for (e, f) in report_en.findings.iter().zip(&report_fr.findings) {
        assert!(
            en.stdout.contains(&e.message),
            "English message of {} printed:\n{}",
            e.code,
            en.stdout
        );
        assert!(
            !en.stdout.contains(&f.message),
            "no French message of {} with --lang en:\n{}",
            f.code,
            en.stdout
        );
        assert!(
            fr.stdout.contains(&f.message),
            "French message of {} printed:\n{}",
            f.code,
            fr.stdout
        );
    }
    let json = run(&["check", file.path(), "--lang", "en", "--json"]);
    let report = parse_stdout(&json);
    let Some(Value::Array(findings)) = report.get("findings") else {
        panic!("findings")
    };
    let checksum = findings
        .iter()
        .find(|f| f.get("code").and_then(Value::as_str) == Some("member.uai_checksum"))
        .and_then(|f| f.get("message").and_then(Value::as_str))
        .expect("a checksum finding");
    assert!(
        checksum.contains("check letter"),
        "English message in --json: {checksum}"
    );
}

#[test]
fn today_sets_the_campaign_year_when_the_request_has_none() {
    let request = with(valid_request(), "campaignYear", None);
    let file = TempFile::json(&request);
    let year_and_case = |today: &str| {
        let r = run(&["check", file.path(), "--json", "--today", today]);
        let report = parse_stdout(&r);
        let cycle = report.get("cycle").expect("cycle").clone();
        (
            cycle.get("campaignYear").cloned(),
            cycle.get("case").cloned(),
            r.code,
        )
    };
    // Members decided in 2024 and 2023: mid-cycle in 2026; in 2027 the 2023
    // label ends next year (b); in 2028 it ends this campaign (renewal due).
    assert_eq!(
        year_and_case("2026-10-01"),
        (
            Some(Value::Number(2026.0)),
            Some(Value::String("c".into())),
            Some(0)
        )
    );
    assert_eq!(
        year_and_case("2027-10-01"),
        (
            Some(Value::Number(2027.0)),
            Some(Value::String("b".into())),
            Some(0)
        )
    );
    let (year, _, _) = year_and_case("2028-01-15");
    assert_eq!(year, Some(Value::Number(2028.0)));
}

#[test]
fn today_does_not_override_the_requests_campaign_year() {
    let file = TempFile::json(&valid_request());
    let r = run(&["check", file.path(), "--json", "--today", "2030-01-01"]);
    let report = parse_stdout(&r);
    assert_eq!(
        report.get("cycle").and_then(|c| c.get("campaignYear")),
        Some(&Value::Number(2026.0))
    );
    assert_eq!(r.code, Some(0));
}

#[test]
fn a_bad_today_exits_2() {
    let file = TempFile::json(&valid_request());
    for bad in ["2026-13-01", "2026-1-1", "tomorrow", "01/10/2026", ""] {
        let r = run(&["check", file.path(), "--today", bad]);
        assert_one_line_reason(&r);
    }
    let r = run(&["check", file.path(), "--today"]);
    assert_one_line_reason(&r);
}

#[test]
fn an_unknown_option_or_a_bad_lang_exits_2() {
    let file = TempFile::json(&valid_request());
    for args in [
        vec!["check", file.path(), "--verbose"],
        vec!["check", file.path(), "--lang", "de"],
        vec!["check", file.path(), "--lang"],
        vec!["check"],
        vec!["verify", file.path()],
        vec![],
    ] {
        let r = run(&args);
        assert_one_line_reason(&r);
    }
}

#[test]
fn invalid_utf8_exits_2() {
    let file = TempFile::new(b"{\"title\": \"Lyc\xe9e(s) des m\xe9tiers en r\xe9seau\"}");
    let r = run(&["check", file.path()]);
    assert_one_line_reason(&r);
    let piped = run_with_stdin(&["check", "-"], b"{\"kind\": \"\xff\xfe\"}");
    assert_one_line_reason(&piped);
}

#[test]
fn a_100_000_deep_nesting_does_not_crash() {
    const DEPTH: usize = 100_000;
    let inside = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let mut request = valid_request().to_json();
    request.pop(); // the closing brace
    request.push_str(&format!(",\"deep\":{inside}}}"));
    let file = TempFile::new(request.as_bytes());
    let r = run(&["check", file.path(), "--json"]);
    // The reader skips what is past 40 levels without recursing: the request
    // is read, and the depth is a finding (SPEC §5.6), not a refusal.
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(
        codes(&parse_stdout(&r)).contains(&"request.too_deep".to_owned()),
        "{}",
        r.stdout
    );

    // A bare deep array is an array of requests (each not an object).
    let file = TempFile::new(inside.as_bytes());
    let r = run(&["check", file.path(), "--json"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stdout.contains("request.not_an_object"), "{}", r.stdout);

    // Deep objects, on standard input.
    let objects = format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH));
    let r = run_with_stdin(&["check", "-", "--json"], objects.as_bytes());
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(
        codes(&parse_stdout(&r)).contains(&"request.too_deep".to_owned()),
        "{}",
        r.stdout
    );
}

#[test]
fn help_and_version_exit_0() {
    let help = run(&["--help"]);
    assert_eq!(help.code, Some(0));
    assert!(help.stdout.contains("check"), "{}", help.stdout);
    let version = run(&["--version"]);
    assert_eq!(version.code, Some(0));
    assert!(
        version.stdout.contains(env!("CARGO_PKG_VERSION")),
        "{}",
        version.stdout
    );
}

#[test]
fn an_empty_array_of_requests_has_no_error_and_prints_an_empty_array() {
    let file = TempFile::new(b"[]");
    let r = run(&["check", file.path(), "--json"]);
    assert_eq!(r.code, Some(0), "no request has an error: {}", r.stderr);
    assert_eq!(parse_stdout(&r), Value::Array(Vec::new()));
}

#[test]
fn empty_standard_input_is_not_json_and_exits_2() {
    let r = run_with_stdin(&["check", "-"], b"");
    assert_one_line_reason(&r);
}

#[test]
fn a_json_value_that_is_not_a_request_exits_1_with_request_not_an_object() {
    let file = TempFile::new(b"\"Lyc\xc3\xa9e(s) des m\xc3\xa9tiers en r\xc3\xa9seau\"");
    let r = run(&["check", file.path(), "--json"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(codes(&parse_stdout(&r)), ["request.not_an_object"]);
}

#[test]
fn a_file_over_8_mib_exits_2_with_one_line_and_is_not_checked() {
    // Valid JSON, only too big: « {} » after spaces past the limit.
    let mut text = vec![b' '; 8 * 1024 * 1024];
    text.extend_from_slice(b"{}");
    let file = TempFile::new(&text);
    let r = run(&["check", file.path()]);
    assert_eq!(r.code, Some(2));
    assert_one_line_reason(&r);
    assert!(r.stderr.contains("8 MiB"), "{}", r.stderr);
    let r = run_with_stdin(&["check", "-"], &text);
    assert_eq!(r.code, Some(2));
    // Just under the limit, the same request is read and checked.
    let r = run_with_stdin(&["check", "-", "--json"], &text[2..]);
    assert_eq!(r.code, Some(1));
}

#[test]
fn options_from_a_file_are_the_host_pages_options() {
    let options = TempFile::new(
        br#"{"lang": "en", "today": "2026-10-01", "criteria": [{"id": "k1", "label": "Quality"}]}"#,
    );
    let req = TempFile::json(&valid_request());
    let r = run(&["check", req.path(), "--options", options.path(), "--json"]);
    let report = parse_stdout(&r);
    let found = codes(&report);
    assert!(found.contains(&"actions.missing".to_owned()), "{found:?}");
    assert!(
        found.contains(&"actions.unknown_criterion".to_owned()),
        "{found:?}"
    );
    assert!(
        r.stdout.contains("Describe the actions"),
        "English messages"
    );
    // An option that cannot be used is a warning in the report, not a refusal.
    let bad = TempFile::new(br#"{"today": "2026-02-31"}"#);
    let r = run(&["check", req.path(), "--options", bad.path(), "--json"]);
    assert_eq!(r.code, Some(0));
    assert!(codes(&parse_stdout(&r)).contains(&"options.invalid".to_owned()));
    // --lang wins over the file.
    let r = run(&[
        "check",
        req.path(),
        "--options",
        options.path(),
        "--lang",
        "fr",
    ]);
    assert!(r.stdout.contains("Décrivez"), "{}", r.stdout);
    let not_json = TempFile::new(b"{lang: en}");
    assert_one_line_reason(&run(&["check", req.path(), "--options", not_json.path()]));
}

#[test]
fn schema_prints_the_request_json_schema_of_the_data_file_and_exits_0() {
    let file = std::fs::read_to_string(format!(
        "{}/data/request.schema.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("data/request.schema.json is readable");
    let r = run(&["schema"]);
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert!(r.stderr.is_empty(), "nothing on stderr: {}", r.stderr);
    let printed = parse_stdout(&r);
    let expected = Value::parse(&file).expect("the data file is JSON");
    assert_eq!(printed, expected, "the schema printed is the data file's");
    assert_eq!(r.stdout, file, "printed as it is written");
    assert_eq!(
        printed.get("$schema").and_then(Value::as_str),
        Some("https://json-schema.org/draft/2020-12/schema")
    );
    // The command takes no argument.
    assert_one_line_reason(&run(&["schema", "--json"]));
    let help = run(&["--help"]);
    assert!(help.stdout.contains("ldm-reseau schema"), "{}", help.stdout);
}
