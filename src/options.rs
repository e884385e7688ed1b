//! What the host decides: language, reference date, the academy's criteria
//! list and its own wording of messages (SPEC §3 `Options`).

use crate::budget::{self, Excess, Shape};
use crate::value::Value;

/// What an unusable option was: the text itself (its first 40 characters),
/// or the name of its type, which messages put in words.
fn found(v: &Value) -> String {
    match v {
        Value::String(s) => match s.char_indices().nth(40) {
            Some((end, _)) => s.get(..end).unwrap_or_default().to_owned() + "…",
            None => s.clone(),
        },
        v => v.type_name().to_owned(),
    }
}

/// The language of messages.
///
/// ```
/// use ldm_reseau::{check_title, Lang, Options};
/// let en = Options { lang: Lang::En, ..Options::default() };
/// assert!(check_title("", &en).findings[0].message.starts_with("Enter the title"));
/// assert!(check_title("", &Options::default()).findings[0].message.starts_with("Indiquez l'intitulé"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// French (the default).
    #[default]
    Fr,
    /// English.
    En,
}

impl std::str::FromStr for Lang {
    type Err = UnknownLang;

    /// `"fr"` or `"en"`, as `options.lang` and the CLI's `--lang` take it.
    ///
    /// ```
    /// use ldm_reseau::Lang;
    /// assert_eq!("en".parse(), Ok(Lang::En));
    /// assert!("de".parse::<Lang>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        match s {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang),
        }
    }
}

/// A language the messages are not written in.
///
/// ```
/// use ldm_reseau::{Lang, UnknownLang};
/// assert_eq!("es".parse::<Lang>(), Err(UnknownLang));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownLang;

impl std::fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the messages are in French (fr) or English (en)")
    }
}

impl std::error::Error for UnknownLang {}

/// A calendar date, as `options.today` gives it (`"YYYY-MM-DD"`).
///
/// ```
/// use ldm_reseau::Date;
/// let d = Date::parse("2026-09-01").unwrap();
/// assert_eq!((d.year, d.month, d.day), (2026, 9, 1));
/// assert!(Date::parse("2026-13-01").is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    /// The year.
    pub year: i64,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
}

impl Date {
    /// Reads `YYYY-MM-DD`, a real day of the calendar; also the date part
    /// of an ISO date-time (`2026-09-01T08:00:00.000Z`, what a JavaScript
    /// `Date` becomes in JSON). `None` for anything else.
    ///
    /// ```
    /// use ldm_reseau::Date;
    /// assert!(Date::parse("2026-02-31").is_none());
    /// assert!(Date::parse("2028-02-29").is_some());
    /// assert_eq!(Date::parse("2026-09-01T08:00:00.000Z").map(|d| d.day), Some(1));
    /// ```
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        let time = b.len() > 10 && b[10] == b'T';
        if (b.len() != 10 && !time) || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let s = s.get(..10)?;
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl std::str::FromStr for Date {
    type Err = InvalidDate;

    /// As [`Date::parse`].
    ///
    /// ```
    /// use ldm_reseau::Date;
    /// let d: Date = "2026-10-01".parse().unwrap();
    /// assert_eq!(d.month, 10);
    /// assert!("01/10/2026".parse::<Date>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Date, InvalidDate> {
        Date::parse(s).ok_or(InvalidDate)
    }
}

/// Why a text is not a [`Date`]: it is not `YYYY-MM-DD`, or no such day exists.
///
/// ```
/// use ldm_reseau::Date;
/// assert_eq!("2026-02-30".parse::<Date>(), Err(ldm_reseau::InvalidDate));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidDate;

impl std::fmt::Display for InvalidDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a date is written YYYY-MM-DD and must exist in the calendar")
    }
}

impl std::error::Error for InvalidDate {}

/// One criterion of the academy's cahier des charges.
///
/// ```
/// use ldm_reseau::{Criterion, Options, Value};
/// let opts = Options::from_value(&Value::parse(r#"{"criteria": [{"id": "k1", "label": "Qualité"}]}"#).unwrap());
/// assert_eq!(opts.criteria, [Criterion { id: "k1".into(), label: "Qualité".into() }]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Criterion {
    /// The key used in `jointActions`, e.g. `"c1"`.
    pub id: String,
    /// How messages name it.
    pub label: String,
}

/// The eight national criteria of SPEC §5.5: id, French label, English label.
const NATIONAL_CRITERIA: [(&str, &str, &str); 8] = [
    (
        "c1",
        "une offre de formations professionnelles construite autour d'un ensemble de métiers et de parcours de formation",
        "an offer of vocational courses built around a set of trades and training pathways",
    ),
    (
        "c2",
        "l'accueil de publics de statuts différents (élèves, apprentis, adultes, étudiants)",
        "learners of different statuses (pupils, apprentices, adults, students)",
    ),
    ("c3", "des réponses pédagogiques et des parcours adaptés", "adapted teaching responses and pathways"),
    (
        "c4",
        "des partenariats actifs avec le monde économique et les acteurs locaux",
        "active partnerships with the local economy and local bodies",
    ),
    ("c5", "des actions culturelles et éducatives", "cultural and educational actions"),
    ("c6", "l'ouverture à l'international", "international opening"),
    (
        "c7",
        "la prévention du décrochage et le retour en formation",
        "prevention of early leaving and return to training",
    ),
    ("c8", "une politique de communication active", "an active communication policy"),
];

/// The options of SPEC §3.
///
/// ```
/// use ldm_reseau::{Options, Lang, Value};
/// let opts = Options::from_value(&Value::parse(r#"{"lang": "en", "today": "2026-10-01"}"#).unwrap());
/// assert_eq!(opts.lang, Lang::En);
/// assert_eq!(opts.today.map(|d| d.year), Some(2026));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// Language of messages.
    pub lang: Lang,
    /// Reference date; `None` means the host's current date.
    pub today: Option<Date>,
    /// The academy's criteria; empty means the national ones (SPEC §5.5).
    pub criteria: Vec<Criterion>,
    /// Per-code message texts with `{param}` holes.
    pub messages: Vec<(String, String)>,
    /// What [`Options::from_value`] could not use; every report mentions it.
    pub problems: OptionProblems,
}

/// The options that could not be used, as [`Options::from_value`] found
/// them: each becomes an `options.invalid` (or `request.too_large`) finding.
///
/// ```
/// use ldm_reseau::{Options, Value};
/// let opts = Options::from_value(&Value::parse(r#"{"today": "2026-02-31"}"#).unwrap());
/// assert!(!opts.problems.is_empty());
/// assert!(Options::default().problems.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptionProblems {
    /// `(option, what was found)`.
    unusable: Vec<(&'static str, String)>,
    /// What went past the input budget.
    excess: Vec<Excess>,
}

impl OptionProblems {
    /// Whether every option could be used.
    ///
    /// ```
    /// use ldm_reseau::{Options, Value};
    /// let good = Options::from_value(&Value::parse(r#"{"lang": "en"}"#).unwrap());
    /// assert!(good.problems.is_empty());
    /// let bad = Options::from_value(&Value::parse(r#"{"lang": "de"}"#).unwrap());
    /// assert!(!bad.problems.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.unusable.is_empty() && self.excess.is_empty()
    }
}

impl Options {
    /// Reads options from a JSON-like value. Options come from the host's
    /// code, not from the applicant: an option that cannot be used is
    /// ignored (its default applies), and every report then carries one
    /// `options.invalid` warning for it (SPEC §5.6).
    ///
    /// ```
    /// use ldm_reseau::{check_uai, Options, Value};
    /// let opts = Options::from_value(&Value::parse(r#"{"lang": 5}"#).unwrap());
    /// assert_eq!(check_uai("0570099Y", &opts).findings[0].code.as_str(), "options.invalid");
    /// ```
    pub fn from_value(v: &Value) -> Options {
        Options::from_owned(v.clone())
    }

    /// [`Options::from_value`] for a value the caller gives up: no copy of it.
    pub(crate) fn from_owned(v: Value) -> Options {
        let (v, excess) = budget::apply(v, Shape::Options);
        let mut o = Options::default();
        o.problems.excess = excess;
        let fields = match &v {
            Value::Object(fields) => fields.as_slice(),
            Value::Null => &[],
            other => {
                o.problems.unusable.push(("options", found(other)));
                &[]
            }
        };
        let get = |k: &str| {
            fields
                .iter()
                .rev()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v)
        };
        match get("lang") {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if s == "fr" => {}
            Some(Value::String(s)) if s == "en" => o.lang = Lang::En,
            Some(other) => o.problems.unusable.push(("lang", found(other))),
        }
        match get("today") {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if Date::parse(s).is_some() => o.today = Date::parse(s),
            Some(other) => o.problems.unusable.push(("today", found(other))),
        }
        o.read_criteria(get("criteria"));
        o.read_messages(get("messages"));
        o
    }

    fn read_criteria(&mut self, v: Option<&Value>) {
        let items = match v {
            None | Some(Value::Null) => return,
            Some(Value::Array(items)) => items,
            Some(other) => {
                return self
                    .problems
                    .unusable
                    .push(("criteria", other.type_name().into()))
            }
        };
        let mut bad = None;
        for c in items {
            let id = c.get("id").and_then(Value::as_str).map(str::trim);
            let label = match c.get("label") {
                None | Some(Value::Null) => id,
                Some(l) => l.as_str().map(str::trim),
            };
            match (id, label) {
                (Some(id), Some(label)) if !id.is_empty() => self.criteria.push(Criterion {
                    id: id.to_owned(),
                    label: if label.is_empty() { id } else { label }.to_owned(),
                }),
                _ => bad = bad.or(Some(c)),
            }
        }
        if let Some(c) = bad {
            self.problems
                .unusable
                .push(("criteria", c.type_name().into()));
        }
    }

    fn read_messages(&mut self, v: Option<&Value>) {
        let fields = match v {
            None | Some(Value::Null) => return,
            Some(Value::Object(fields)) => fields,
            Some(other) => {
                return self
                    .problems
                    .unusable
                    .push(("messages", other.type_name().into()))
            }
        };
        let mut bad = None;
        for (k, t) in fields {
            match t.as_str() {
                Some(t) => self.messages.push((k.clone(), t.to_owned())),
                None => bad = bad.or(Some(t)),
            }
        }
        if let Some(t) = bad {
            self.problems
                .unusable
                .push(("messages", t.type_name().into()));
        }
    }

    /// What could not be used: `(option, what was found)`, then what went
    /// past the input budget.
    pub(crate) fn problems(&self) -> (&[(&'static str, String)], &[Excess]) {
        (&self.problems.unusable, &self.problems.excess)
    }

    /// The criteria the request must cover: the academy's list, or the
    /// national one in the language of the options. `(id, label)` pairs.
    ///
    /// ```
    /// use ldm_reseau::{Criterion, Lang, Options};
    /// let en = Options { lang: Lang::En, ..Options::default() };
    /// assert_eq!(en.criteria_list().len(), 8);
    /// assert_eq!(en.criteria_list()[5], ("c6", "international opening"));
    /// let academy = Options { criteria: vec![Criterion { id: "k1".into(), label: "Qualité".into() }], ..Options::default() };
    /// assert_eq!(academy.criteria_list(), [("k1", "Qualité")]);
    /// ```
    pub fn criteria_list(&self) -> Vec<(&str, &str)> {
        if self.criteria.is_empty() {
            let en = self.lang == Lang::En;
            NATIONAL_CRITERIA
                .iter()
                .map(|(id, fr, e)| (*id, if en { *e } else { *fr }))
                .collect()
        } else {
            self.criteria
                .iter()
                .map(|c| (c.id.as_str(), c.label.as_str()))
                .collect()
        }
    }

    pub(crate) fn criteria_ids(&self) -> Vec<&str> {
        self.criteria_list().into_iter().map(|(id, _)| id).collect()
    }

    /// The year of `today`, or of the host's clock.
    pub(crate) fn year(&self) -> i64 {
        self.today.map_or_else(current_year, |d| d.year)
    }

    pub(crate) fn message_override(&self, code: &str) -> Option<&str> {
        self.messages
            .iter()
            .find(|(k, _)| k == code)
            .map(|(_, t)| t.as_str())
    }
}

#[cfg(target_arch = "wasm32")]
fn current_year() -> i64 {
    js_sys::Date::new_0().get_full_year() as i64
}

#[cfg(not(target_arch = "wasm32"))]
fn current_year() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_year((secs / 86_400) as i64)
}

/// The Gregorian year of a day counted from 1970-01-01 (H. Hinnant's
/// civil-from-days, year part only).
#[cfg(not(target_arch = "wasm32"))]
fn civil_year(days: i64) -> i64 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    yoe + era * 400 + i64::from(mp >= 10)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn civil_year_matches_known_days() {
        assert_eq!(civil_year(0), 1970);
        assert_eq!(civil_year(20_454), 2026); // 2026-01-01
        assert_eq!(civil_year(20_453), 2025); // 2025-12-31
        assert_eq!(civil_year(20_818), 2026); // 2026-12-31
        assert_eq!(civil_year(20_819), 2027);
    }

    #[test]
    fn an_academy_list_replaces_the_national_one() {
        let v = Value::parse(
            r#"{"criteria": [{"id": "k1", "label": "Qualité"}, {"id": " "}, {"label": "x"}]}"#,
        )
        .unwrap();
        let o = Options::from_value(&v);
        assert_eq!(o.criteria_list(), vec![("k1", "Qualité")]);
        assert_eq!(Options::default().criteria_list().len(), 8);
    }
}
