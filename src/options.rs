//! What the host decides: language, reference date, the academy's criteria
//! list and its own wording of messages (SPEC §3 `Options`).

use crate::Value;

/// The language of messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// French (the default).
    #[default]
    Fr,
    /// English.
    En,
}

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
    /// Reads `YYYY-MM-DD`; `None` for anything else.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let valid = (1..=12).contains(&month) && (1..=31).contains(&day);
        valid.then_some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

/// One criterion of the academy's cahier des charges.
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Language of messages.
    pub lang: Lang,
    /// Reference date; `None` means the host's current date.
    pub today: Option<Date>,
    /// The academy's criteria; empty means the national ones (SPEC §5.5).
    pub criteria: Vec<Criterion>,
    /// Per-code message texts with `{param}` holes.
    pub messages: Vec<(String, String)>,
}

impl Options {
    /// Reads options from a JSON-like value. Options come from the host's
    /// code, not from the applicant: a field that cannot be used is ignored.
    pub fn from_value(v: &Value) -> Options {
        let mut o = Options::default();
        if v.get("lang").and_then(Value::as_str) == Some("en") {
            o.lang = Lang::En;
        }
        o.today = v.get("today").and_then(Value::as_str).and_then(Date::parse);
        if let Some(Value::Array(items)) = v.get("criteria") {
            o.criteria = items
                .iter()
                .filter_map(|c| {
                    let id = c.get("id")?.as_str()?.trim();
                    let label = c.get("label").and_then(Value::as_str).map_or(id, str::trim);
                    (!id.is_empty()).then(|| Criterion {
                        id: id.to_owned(),
                        label: label.to_owned(),
                    })
                })
                .collect();
        }
        if let Some(Value::Object(fields)) = v.get("messages") {
            o.messages = fields
                .iter()
                .filter_map(|(k, t)| Some((k.clone(), t.as_str()?.to_owned())))
                .collect();
        }
        o
    }

    /// The criteria the request must cover: the academy's list, or the
    /// national one in the language of the options. `(id, label)` pairs.
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
