//! Checks a request for the French appellation « Lycée(s) des métiers en
//! réseau » before it is sent, with the rules of the national framework
//! (Éduscol, fiche II.2, section D).
//!
//! Several vocational lycées, each holding the « Lycée des métiers » label,
//! ask their rector to recognise them as a network. This crate tells the
//! applicants, field by field, what is wrong with their request and what it
//! will go through: title (intitulé) and its mention, common scope (filières
//! or territory), members (UAI, label status, label years), the label-cycle
//! case a–d, and the joint actions per criterion.
//!
//! It compiles natively (this library, a command-line tool, a server-side
//! re-check) and to WebAssembly for the browser, with the same rules.
//!
//! # Validating a request
//!
//! The input is any JSON value: a wrong type, a missing field or an unknown
//! one is a *finding*, never an error of the call.
//!
//! ```
//! use ldm_reseau::{validate, Options, Request, Date};
//!
//! let request = Request::from_json(r#"{
//!   "kind": "new",
//!   "title": "Lycée(s) des métiers en réseau du bois de Moselle",
//!   "scope": { "type": "geographic",
//!              "territory": { "level": "departement", "code": "57", "name": "Moselle" } },
//!   "campusAvailable": false,
//!   "members": [
//!     { "uai": "0570099Y", "name": "Lycée Henri Nominé",
//!       "label": { "status": "renewal_requested", "lastDecisionYear": 2021 } },
//!     { "uai": "0570031Z", "name": "Blaise Pascal",
//!       "label": { "status": "labelled", "lastDecisionYear": 2024 } }
//!   ],
//!   "jointActions": { "c1": "Offre commune de formations du bois",
//!     "c2": "Apprentis et élèves", "c3": "Parcours mixtes", "c4": "Partenaires de la filière",
//!     "c5": "Concours des métiers", "c6": "Mobilités Erasmus+", "c7": "Cellule de raccrochage",
//!     "c8": "Site commun" }
//! }"#).unwrap();
//! let options = Options { today: Date::parse("2026-10-01"), ..Options::default() };
//! let report = validate(&request, &options);
//!
//! assert!(report.valid);
//! assert_eq!(report.title.length, 49);
//! assert_eq!(report.cycle.case.map(|c| c.as_str()), Some("d"));
//! assert_eq!(report.codes(), ["cycle.case_d"]);
//! ```
//!
//! # Findings
//!
//! Each [`Finding`] has a stable [`Code`] (`"title.too_long"`), a
//! [`Severity`] (errors block sending), a [`Path`] to the field to fix, a
//! message in French (or English) and the figures it quotes:
//!
//! ```
//! use ldm_reseau::{check_title, Code, Options};
//!
//! let check = check_title("Lycées des metiers en réseau du bois", &Options::default());
//! let f = &check.findings[0];
//! assert_eq!(f.code, Code::TitleMentionMisspelled);
//! assert_eq!(check.title.suggestion.as_deref(), Some("Lycée(s) des métiers en réseau du bois"));
//! assert!(f.message.starts_with("La mention est mal écrite"));
//! ```
//!
//! # UAI
//!
//! ```
//! use ldm_reseau::{check_uai, Options};
//!
//! let check = check_uai("0570099X", &Options::default());
//! assert!(!check.valid);
//! assert_eq!(check.findings[0].code.as_str(), "member.uai_checksum");
//! assert_eq!(check.territory.map(|t| t.academie), Some("nancy-metz"));
//! ```

#![deny(missing_docs)]

// Infrastructure: the input and its budget, the request model, text and
// platform helpers, the territories table, the report and its words.
mod budget;
mod findings;
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod json;
mod keys;
mod model;
mod options;
mod platform;
mod report;
mod territory;
mod text;
mod uai;
mod value;
mod words;

// The rules of SPEC §5, one module per part of the form.
mod rules;

// The thin layers over the core: the wasm API and the form binding.
#[cfg(target_arch = "wasm32")]
mod bind;

pub use budget::{
    MAX_ACTIONS, MAX_CRITERIA, MAX_MEMBERS, MAX_SECTORS, MAX_STRING, MAX_TEXT, MAX_VALUES,
};
pub use model::MAX_DEPTH;
pub use options::{Criterion, Date, InvalidDate, Lang, OptionProblems, Options, UnknownLang};
pub use report::{
    Adjustment, Code, CycleCase, CycleMember, CycleOption, CycleSummary, Finding, Mention, Param,
    Params, Path, Position, Report, Review, Seg, Severity, TitleCheck, TitleSummary, UaiCheck,
    UnknownCode,
};
pub use rules::{MAX_LENGTH, MENTION};
pub use territory::Territory;
pub use value::{Cut, Foreign, JsonError, Value};

use findings::{no_error, Findings};

/// A request as received: any JSON value (SPEC §3).
///
/// ```
/// use ldm_reseau::Request;
/// assert!(Request::from_json("{\"kind\": \"new\"}").is_ok());
/// assert!(Request::from_json("{kind: new}").is_err());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    value: Value,
    excess: Vec<budget::Excess>,
}

impl Request {
    /// Reads a request from JSON text. Only text that is not JSON is an
    /// error; anything JSON is a request to check.
    ///
    /// ```
    /// use ldm_reseau::{validate, Options, Request};
    /// let req = Request::from_json(r#"{"kind": "renew"}"#).unwrap();
    /// assert!(validate(&req, &Options::default()).codes().contains(&"request.kind_invalid"));
    /// let err = Request::from_json(r#"{"kind": "new",}"#).unwrap_err();
    /// assert_eq!((err.line, err.column), (1, 16));
    /// ```
    pub fn from_json(text: &str) -> Result<Request, JsonError> {
        Value::parse(text).map(Request::from_value)
    }

    /// Wraps a value built or read elsewhere, within the input budget of
    /// SPEC §5.6 (what goes past it is left out and reported).
    ///
    /// ```
    /// use ldm_reseau::{validate, Options, Request, Value};
    /// let long = Value::String("a".repeat(30_000));
    /// let req = Request::from_value(Value::Object(vec![("title".into(), long)]));
    /// assert!(validate(&req, &Options::default()).codes().contains(&"request.too_large"));
    /// ```
    pub fn from_value(value: Value) -> Request {
        let (value, excess) = budget::apply(value, budget::Shape::Request);
        Request { value, excess }
    }

    /// The value as checked: as received, within the input budget.
    ///
    /// ```
    /// use ldm_reseau::{Request, Value};
    /// let req = Request::from_json(r#"{"kind": "new"}"#).unwrap();
    /// assert_eq!(req.value().get("kind").and_then(Value::as_str), Some("new"));
    /// let long = Request::from_value(Value::String("a".repeat(30_000)));
    /// assert_eq!(long.value().as_str().map(str::len), Some(20_000));
    /// ```
    pub fn value(&self) -> &Value {
        &self.value
    }
}

/// Checks a request against every rule of SPEC §5 and returns the report of
/// SPEC §4. It never panics and always returns a report.
///
/// ```
/// use ldm_reseau::{validate, Options, Request};
/// let report = validate(&Request::from_json("[]").unwrap(), &Options::default());
/// assert_eq!(report.codes(), ["request.not_an_object"]);
/// ```
// One copy, however many callers: size matters more than a call here.
#[inline(never)]
pub fn validate(request: &Request, options: &Options) -> Report {
    let mut out = Findings::new();
    option_findings(options, &mut out);
    budget_findings(&request.excess, None, &mut out);
    let Value::Object(fields) = &request.value else {
        out.add(
            Code::RequestNotAnObject,
            Path::root(),
            vec![("found", request.value.type_name().into())],
        );
        return finish(
            out,
            options,
            rules::title_alone("", &mut Findings::new()),
            rules::empty_cycle(options.year()),
        );
    };
    if let Some(path) = input::too_deep(&request.value) {
        let field = path.dotted();
        out.add(
            Code::RequestTooDeep,
            path,
            vec![("field", field.into()), ("max", (MAX_DEPTH as i64).into())],
        );
    }
    let req = input::read(fields, &mut out);
    let c = req.campaign_year.unwrap_or_else(|| options.year());
    let (title, cycle) = rules::run(&req, c, options, &mut out);
    finish(out, options, title, cycle)
}

/// The text of a field checked alone, within the budget; the options' own
/// findings and the budget's go first.
fn lone_text(v: Value, name: &str, options: &Options, out: &mut Findings) -> String {
    option_findings(options, out);
    let (kept, excess) = budget::apply(v, budget::Shape::Request);
    budget_findings(&excess, Some(name), out);
    match kept {
        Value::String(s) => s,
        Value::Foreign(Foreign::InvalidText) => {
            out.add(
                Code::RequestInvalidText,
                Path::root(),
                vec![("field", name.into())],
            );
            String::new()
        }
        _ => String::new(),
    }
}

/// One `request.too_large` per excess. Within a request, at the path of what
/// went past its limit; for a value checked apart (`outside`: the options, a
/// lone title), at `[]`, naming that value.
fn budget_findings(excess: &[budget::Excess], outside: Option<&str>, out: &mut Findings) {
    for e in excess {
        // A name too long to be a field is not repeated in the message.
        let mut named = e.path.clone();
        if e.over == budget::Over::Key {
            named.0.pop();
        }
        let field = match outside {
            Some(name) if named.0.is_empty() => name.to_owned(),
            Some(name) => name.to_owned() + "." + &named.dotted(),
            None => named.dotted(),
        };
        let path = if outside.is_some() {
            Path::root()
        } else {
            e.path.clone()
        };
        out.add(
            Code::RequestTooLarge,
            path,
            vec![
                ("field", field.into()),
                ("what", e.over.name().into()),
                ("limit", (e.limit as i64).into()),
                ("found", (e.found as i64).into()),
                ("excess", (e.found.saturating_sub(e.limit) as i64).into()),
            ],
        );
    }
}

/// The findings about the options themselves: each option that could not
/// be used, and what went past the budget.
fn option_findings(options: &Options, out: &mut Findings) {
    let (unusable, excess) = options.problems();
    for (option, found) in unusable {
        out.add(
            Code::OptionsInvalid,
            Path::root(),
            vec![
                ("option", (*option).into()),
                ("found", found.as_str().into()),
            ],
        );
    }
    budget_findings(excess, Some("options"), out);
}

fn finish(out: Findings, options: &Options, title: TitleSummary, cycle: CycleSummary) -> Report {
    let findings = out.finish(options);
    Report {
        valid: no_error(&findings),
        findings,
        title,
        cycle,
    }
}

/// Checks a title alone (SPEC §5.1, without the perimeter rule, which needs
/// the scope): what a live counter calls on each keystroke.
///
/// ```
/// use ldm_reseau::{check_title, Options};
/// let check = check_title("  Lycée(s) des métiers en réseau de l’habitat ", &Options::default());
/// assert_eq!(check.title.normalized, "Lycée(s) des métiers en réseau de l’habitat");
/// assert_eq!(check.title.remaining, 100 - 43);
/// assert_eq!(check.findings[0].code.as_str(), "title.whitespace");
/// assert!(check.valid);
/// ```
pub fn check_title(title: &str, options: &Options) -> TitleCheck {
    check_title_value(Value::String(title.to_owned()), options)
}

/// [`check_title`] for a value as a host hands it over: within the budget,
/// a lone surrogate reported; anything but a string is an empty title.
pub(crate) fn check_title_value(title: Value, options: &Options) -> TitleCheck {
    let mut out = Findings::new();
    let title = lone_text(title, "title", options, &mut out);
    let summary = rules::title_alone(&title, &mut out);
    let findings = out.finish(options);
    TitleCheck {
        valid: no_error(&findings),
        findings,
        title: summary,
    }
}

/// Checks one UAI: form, check letter, known département (SPEC §5.3).
/// Findings have the path `[]`.
///
/// ```
/// use ldm_reseau::{check_uai, Options};
/// let check = check_uai("620 0001g", &Options::default());
/// assert!(check.valid);
/// assert_eq!(check.normalized, "6200001G");
/// assert_eq!(check.territory.map(|t| t.departement), Some("2A"));
/// ```
pub fn check_uai(uai: &str, options: &Options) -> UaiCheck {
    check_uai_value(Value::String(uai.to_owned()), options)
}

/// [`check_uai`] for a value as a host hands it over (see [`check_title_value`]).
pub(crate) fn check_uai_value(uai: Value, options: &Options) -> UaiCheck {
    let mut out = Findings::new();
    let uai = lone_text(uai, "uai", options, &mut out);
    let uai = uai.as_str();
    let (normalized, territory) = if uai.trim().is_empty() {
        out.add(Code::MemberUaiMissing, Path::root(), Vec::new());
        (String::new(), None)
    } else {
        let u = uai::examine(uai);
        for (code, params) in u.problems {
            out.add(code, Path::root(), params);
        }
        (u.normalized, u.territory)
    };
    let findings = out.finish(options);
    UaiCheck {
        valid: no_error(&findings),
        normalized,
        findings,
        territory,
    }
}

/// The cycle block alone (SPEC §5.4): where each member stands and the case.
///
/// ```
/// use ldm_reseau::{cycle, Options, Request, Date};
/// let req = Request::from_json(r#"{"campaignYear": 2027, "members": [
///   {"uai": "0570099Y", "label": {"status": "labelled", "lastDecisionYear": 2026}},
///   {"uai": "0570031Z", "label": {"status": "labelled", "lastDecisionYear": 2024}}]}"#).unwrap();
/// let c = cycle(&req, &Options::default());
/// assert_eq!(c.case.map(|c| c.as_str()), Some("b"));
/// assert_eq!(c.options[0].code, "four_year_appellation");
/// assert_eq!(c.options[0].members, ["0570099Y"]);
/// ```
pub fn cycle(request: &Request, options: &Options) -> CycleSummary {
    validate(request, options).cycle
}
