//! What every fuzz target checks besides "no crash", and the generator of
//! request-shaped values from fuzz bytes.

use arbitrary::{Result, Unstructured};
use ldm_reseau::{validate, Date, Options, Report, Request, Severity, Value};

/// Field names and values the rules look at, so that the fuzzer reaches
/// deep rules instead of stopping at `request.not_an_object`.
const KEYS: &[&str] = &[
    "kind", "title", "scope", "type", "sectors", "territory", "level", "code", "name", "campusAvailable",
    "campaignYear", "members", "uai", "label", "status", "lastDecisionYear", "jointActions", "existingNetwork",
    "attributedYear", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "titre",
];
const STRINGS: &[&str] = &[
    "new", "join", "sector", "geographic", "departement", "academie", "region_academique", "bassin", "other",
    "labelled", "renewal_requested", "applying", "none", "57", "2A", "nancy-metz", "grand-est", "Moselle",
    "0570099Y", "0570031Z", "6200001G", "9711252J", "0570099X", " 0570 099y ", "bois", "Bois ", "hôtellerie",
    "Lycée(s) des métiers en réseau du bois", "Lycées des metiers en reseau", "LYCÉE(S) DES MÉTIERS EN RÉSEAU",
    "Lycée des métiers de Moselle", "TODO", "à compléter", "…", "\u{a0}", "\u{200b}", "e\u{301}", "\n", "",
];

/// A JSON value shaped by the fuzz bytes, biased toward the request model.
pub fn value(u: &mut Unstructured<'_>, depth: usize) -> Result<Value> {
    let pick = if depth > 12 { u.int_in_range(0..=4)? } else { u.int_in_range(0..=8)? };
    Ok(match pick {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::Number(match u.int_in_range(0..=3)? {
            0 => f64::from(u.int_in_range(1995..=2035)?),
            1 => u.arbitrary::<i32>()? as f64,
            2 => u.arbitrary::<f64>().map(|n| if n.is_finite() { n } else { 0.5 })?,
            _ => f64::from(u.int_in_range(0..=3)?),
        }),
        3 => Value::String((*u.choose(STRINGS)?).to_owned()),
        4 => Value::String(u.arbitrary()?),
        5 | 6 => {
            let n = u.int_in_range(0..=6)?;
            let mut fields = Vec::with_capacity(n);
            for _ in 0..n {
                let key = if u.ratio(4, 5)? { (*u.choose(KEYS)?).to_owned() } else { u.arbitrary()? };
                fields.push((key, value(u, depth + 1)?));
            }
            Value::Object(fields)
        }
        7 => {
            let n = u.int_in_range(0..=4)?;
            let mut items = Vec::with_capacity(n);
            for _ in 0..n {
                items.push(value(u, depth + 1)?);
            }
            Value::Array(items)
        }
        // Past the 32 levels a request may have, under a model key or not.
        _ => {
            let mut v = value(u, 13)?;
            for _ in 0..u.int_in_range(20..=45)? {
                v = if u.arbitrary()? { Value::Array(vec![v]) } else { Value::Object(vec![((*u.choose(KEYS)?).to_owned(), v)]) };
            }
            v
        }
    })
}

/// Options the fuzzer varies: language and campaign date.
pub fn options(u: &mut Unstructured<'_>) -> Result<Options> {
    Ok(Options {
        lang: if u.arbitrary()? { ldm_reseau::Lang::En } else { ldm_reseau::Lang::Fr },
        today: Date::parse(&format!("{}-06-01", u.int_in_range(2001..=2040)?)),
        ..Options::default()
    })
}

/// Validates and checks the invariants of the report.
pub fn check(input: &Value, options: &Options) -> Report {
    let request = Request::from_value(input.clone());
    let report = validate(&request, options);
    assert_eq!(report.valid, !report.findings.iter().any(|f| f.severity == Severity::Error), "valid iff no error");
    for f in &report.findings {
        assert_eq!(f.severity, f.code.severity());
        assert!(!f.message.is_empty(), "{} has a message", f.code);
        assert!(path_is_real(input, f.path.segs()), "{} at {} points nowhere in the input", f.code, f.path);
    }
    let chars = report.title.normalized.chars().count() as i64;
    assert!(report.title.length <= chars, "length {} > {} scalar values", report.title.length, chars);
    assert_eq!(report.title.remaining, 100 - report.title.length);
    assert_eq!(validate(&request, options), report, "same input, same report");
    let json = report.to_json();
    assert!(Value::parse(&json).is_ok(), "the report is JSON");
    report
}

#[path = "../../tests/support/invariants.rs"]
mod invariants;
pub use invariants::path_is_real;
