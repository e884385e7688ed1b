//! The input budget of SPEC §5.6: whatever a caller hands over, a call does
//! bounded work.
//!
//! One pass over the value, before any rule reads it, keeps at most
//! [`MAX_VALUES`] values (counted in reading order, a shared sub-object once
//! per place it appears), the first [`MAX_MEMBERS`] members, [`MAX_SECTORS`]
//! filières of a list, [`MAX_ACTIONS`] joint actions, [`MAX_CRITERIA`]
//! criteria, and the first [`MAX_STRING`] UTF-16 units of a string. Each
//! excess is noted, to become one `request.too_large`.
//!
//! The JavaScript encoder applies the same limits while it reads a JS value,
//! so that a huge input is never copied whole into the wasm; what it cut
//! arrives as [`Value::Cut`] with the size it had, which this pass reports
//! as if it had cut it itself. Natively the pass does the cutting.

use crate::model::At;
use crate::report::Path;
use crate::value::{Cut, Foreign, Value, MAX_PARSE_DEPTH};

/// Members of a request.
///
/// ```
/// use ldm_reseau::{validate, Code, Options, Param, Request, MAX_MEMBERS};
/// let members = vec!["{}"; MAX_MEMBERS + 1].join(",");
/// let report = validate(&Request::from_json(&format!(r#"{{"members": [{members}]}}"#)).unwrap(), &Options::default());
/// let [f] = &report.findings.iter().filter(|f| f.code == Code::RequestTooLarge).collect::<Vec<_>>()[..] else { panic!() };
/// assert_eq!((f.path.dotted(), f.param("found")), ("members".into(), Some(&Param::Int(501))));
/// ```
pub const MAX_MEMBERS: usize = 500;
/// Filières in one list (the scope's, or a member's label's).
///
/// ```
/// use ldm_reseau::{validate, Code, Options, Request, MAX_SECTORS};
/// let sectors = vec![r#""bois""#; MAX_SECTORS + 1].join(",");
/// let req = Request::from_json(&format!(r#"{{"scope": {{"type": "sector", "sectors": [{sectors}]}}}}"#)).unwrap();
/// let report = validate(&req, &Options::default());
/// assert!(report.findings.iter().any(|f| f.code == Code::RequestTooLarge && f.path.dotted() == "scope.sectors"));
/// ```
pub const MAX_SECTORS: usize = 100;
/// Entries of `jointActions`.
///
/// ```
/// use ldm_reseau::{validate, Code, Options, Request, Value, MAX_ACTIONS};
/// let actions = (0..=MAX_ACTIONS).map(|i| (format!("k{i}"), Value::String("Site commun".into()))).collect();
/// let req = Request::from_value(Value::Object(vec![("jointActions".into(), Value::Object(actions))]));
/// let report = validate(&req, &Options::default());
/// assert!(report.findings.iter().any(|f| f.code == Code::RequestTooLarge && f.path.dotted() == "jointActions"));
/// ```
pub const MAX_ACTIONS: usize = 200;
/// Criteria of `options.criteria`.
///
/// ```
/// use ldm_reseau::{check_uai, Options, Value, MAX_CRITERIA};
/// let list = (0..=MAX_CRITERIA).map(|i| format!(r#"{{"id": "k{i}"}}"#)).collect::<Vec<_>>().join(",");
/// let opts = Options::from_value(&Value::parse(&format!(r#"{{"criteria": [{list}]}}"#)).unwrap());
/// assert_eq!(opts.criteria.len(), MAX_CRITERIA);
/// assert_eq!(check_uai("0570099Y", &opts).findings[0].code.as_str(), "request.too_large");
/// ```
pub const MAX_CRITERIA: usize = 200;
/// UTF-16 units of one string, a field name included.
///
/// ```
/// use ldm_reseau::{check_title, Code, Options, Param, MAX_STRING};
/// let check = check_title(&"a".repeat(MAX_STRING + 5), &Options::default());
/// let f = check.findings.iter().find(|f| f.code == Code::RequestTooLarge).unwrap();
/// assert_eq!((f.param("found"), f.param("excess")), (Some(&Param::Int(20_005)), Some(&Param::Int(5))));
/// ```
pub const MAX_STRING: usize = 20_000;
/// Values in all: objects, arrays and scalars.
///
/// ```
/// use ldm_reseau::{validate, Code, Options, Param, Request, Value, MAX_VALUES};
/// // The request object and its list are two values: the last zero is one too many.
/// let zeros = Value::Array(vec![Value::Number(0.0); MAX_VALUES - 1]);
/// let report = validate(&Request::from_value(Value::Object(vec![("x".into(), zeros)])), &Options::default());
/// let f = report.findings.iter().find(|f| f.code == Code::RequestTooLarge).unwrap();
/// assert_eq!(f.param("what"), Some(&Param::Str("total".into())));
/// ```
pub const MAX_VALUES: usize = 20_000;
/// UTF-16 units of all the strings and field names together. SPEC §5.6 caps
/// each string and the count of values, which alone would still let
/// 20 000 strings of 20 000 units through (400 million units, far past the
/// 32 MB the wasm may use); a real request holds a few thousand.
///
/// ```
/// use ldm_reseau::{validate, Code, Options, Param, Request, Value, MAX_STRING, MAX_TEXT};
/// // 30 strings, each within MAX_STRING, 570 000 units together.
/// let texts = Value::Array(vec![Value::String("a".repeat(MAX_STRING - 1_000)); 30]);
/// let report = validate(&Request::from_value(Value::Object(vec![("x".into(), texts)])), &Options::default());
/// let f = report.findings.iter().find(|f| f.code == Code::RequestTooLarge).unwrap();
/// assert_eq!(f.param("limit"), Some(&Param::Int(MAX_TEXT as i64)));
/// ```
pub const MAX_TEXT: usize = 500_000;

/// What went past its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Over {
    /// A list, by its entries.
    List,
    /// An object, by its fields (`jointActions`).
    Entries,
    /// A string, by its UTF-16 units.
    Text,
    /// A field name, by its UTF-16 units: the field is left out.
    Key,
    /// The whole input, by its values: what comes after is left out.
    Total,
    /// The whole input, by the length of all its texts: what comes after is left out.
    AllText,
}

impl Over {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Over::List => "list",
            Over::Entries => "entries",
            Over::Text => "text",
            Over::Key => "key",
            Over::Total => "total",
            Over::AllText => "all_text",
        }
    }
}

/// One value past its limit.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Excess {
    pub path: Path,
    pub over: Over,
    pub limit: usize,
    pub found: usize,
}

/// Which limits apply: those of a request or those of the options.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Request,
    Options,
}

/// The value within the budget, and what was cut from it.
pub(crate) fn apply(value: Value, shape: Shape) -> (Value, Vec<Excess>) {
    let mut pass = Pass {
        shape,
        count: 0,
        units: 0,
        spent: false,
        excess: Vec::new(),
    };
    let kept = pass.fit(value, At::Root, 0).unwrap_or(Value::Null);
    (kept, pass.excess)
}

struct Pass {
    shape: Shape,
    /// Values kept so far.
    count: usize,
    /// UTF-16 units of the texts kept so far.
    units: usize,
    /// A total ran out: nothing more is kept.
    spent: bool,
    excess: Vec<Excess>,
}

impl Pass {
    /// The value as kept, or `None` once the total is spent.
    fn fit(&mut self, value: Value, at: At<'_>, depth: usize) -> Option<Value> {
        let (value, found) = match value {
            Value::Cut(cut) => {
                let Cut { found, value, .. } = *cut;
                (value, Some(found))
            }
            v => (v, None),
        };
        if self.spent {
            return None;
        }
        if self.count == MAX_VALUES {
            self.note(At::Root, Over::Total, MAX_VALUES, MAX_VALUES + 1);
            self.spent = true;
            return None;
        }
        self.count += 1;
        // A value built by a Rust caller can be any depth: the rules stop
        // at 32 levels, and this pass does not recurse past the reader's.
        if depth > MAX_PARSE_DEPTH && matches!(value, Value::Array(_) | Value::Object(_)) {
            return Some(Value::Foreign(Foreign::TooDeep));
        }
        Some(match value {
            Value::String(s) => {
                let (s, units) = self.text(s, found, at);
                if !self.take_text(units) {
                    return None;
                }
                Value::String(s)
            }
            Value::Array(items) => Value::Array(self.array(items, found, at, depth)),
            Value::Object(fields) => Value::Object(self.object(fields, found, at, depth)),
            other => other,
        })
    }

    fn note(&mut self, at: At<'_>, over: Over, limit: usize, found: usize) {
        self.excess.push(Excess {
            path: at.path(),
            over,
            limit,
            found,
        });
    }

    /// Counts `units` of text against the total; false once it is spent.
    fn take_text(&mut self, units: usize) -> bool {
        if self.units + units > MAX_TEXT {
            self.note(At::Root, Over::AllText, MAX_TEXT, MAX_TEXT + 1);
            self.spent = true;
            return false;
        }
        self.units += units;
        true
    }

    /// The string as kept, and its length in UTF-16 units. `found` is the
    /// length before a host's cut, when there was one.
    fn text(&mut self, s: String, found: Option<usize>, at: At<'_>) -> (String, usize) {
        let units = utf16_len(&s);
        let found = found.unwrap_or(units);
        if found <= MAX_STRING {
            return (s, units);
        }
        self.note(at, Over::Text, MAX_STRING, found);
        truncate_utf16(s, MAX_STRING)
    }

    fn array(
        &mut self,
        mut items: Vec<Value>,
        found: Option<usize>,
        at: At<'_>,
        depth: usize,
    ) -> Vec<Value> {
        let found = found.unwrap_or(items.len());
        if let Some(limit) = self.list_limit(at).filter(|&l| found > l) {
            self.note(at, Over::List, limit, found);
            items.truncate(limit);
        }
        let mut kept = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            match self.fit(item, At::Index(&at, i), depth + 1) {
                Some(v) => kept.push(v),
                None => break,
            }
        }
        kept
    }

    fn object(
        &mut self,
        mut fields: Vec<(String, Value)>,
        found: Option<usize>,
        at: At<'_>,
        depth: usize,
    ) -> Vec<(String, Value)> {
        let found = found.unwrap_or(fields.len());
        if let Some(limit) = self.entries_limit(at).filter(|&l| found > l) {
            self.note(at, Over::Entries, limit, found);
            fields.truncate(limit);
        }
        let mut kept = Vec::with_capacity(fields.len());
        for (key, value) in fields {
            if self.spent {
                break;
            }
            let key_found = match &value {
                Value::Cut(cut) if cut.key => Some(cut.found),
                _ => None,
            };
            let key_len = key_found.unwrap_or_else(|| utf16_len(&key));
            if key_len > MAX_STRING {
                self.note(At::Key(&at, &key), Over::Key, MAX_STRING, key_len);
                continue;
            }
            if !self.take_text(key_len) {
                break;
            }
            match self.fit(value, At::Key(&at, &key), depth + 1) {
                Some(v) => kept.push((key, v)),
                None => break,
            }
        }
        kept
    }

    /// The limit of the list at `at`, when it is one of the model's lists.
    fn list_limit(&self, at: At<'_>) -> Option<usize> {
        match (self.shape, at) {
            (Shape::Request, At::Key(At::Root, "members")) => Some(MAX_MEMBERS),
            (Shape::Request, At::Key(At::Key(At::Root, "scope"), "sectors")) => Some(MAX_SECTORS),
            (
                Shape::Request,
                At::Key(At::Key(At::Index(At::Key(At::Root, "members"), _), "label"), "sectors"),
            ) => Some(MAX_SECTORS),
            (Shape::Options, At::Key(At::Root, "criteria")) => Some(MAX_CRITERIA),
            _ => None,
        }
    }

    fn entries_limit(&self, at: At<'_>) -> Option<usize> {
        match (self.shape, at) {
            (Shape::Request, At::Key(At::Root, "jointActions")) => Some(MAX_ACTIONS),
            _ => None,
        }
    }
}

/// The length of `s` in UTF-16 units, as JavaScript counts it.
pub(crate) fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// The first `units` UTF-16 units of `s`, never half a character, and how
/// many units that is.
fn truncate_utf16(mut s: String, units: usize) -> (String, usize) {
    let mut seen = 0;
    let mut end = s.len();
    for (i, c) in s.char_indices() {
        if seen + c.len_utf16() > units {
            end = i;
            break;
        }
        seen += c.len_utf16();
    }
    s.truncate(end);
    (s, seen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(n: usize) -> Value {
        Value::Array((0..n).map(|i| Value::String(format!("f{i}"))).collect())
    }

    #[test]
    fn a_string_keeps_its_first_units_and_no_half_character() {
        let s = "a".repeat(MAX_STRING - 1) + "😀";
        let (v, excess) = apply(Value::String(s), Shape::Request);
        assert_eq!(v.as_str().map(utf16_len), Some(MAX_STRING - 1));
        assert_eq!(excess[0].found, MAX_STRING + 1);
    }

    #[test]
    fn a_host_cut_reports_the_size_before_the_cut() {
        let sectors = Value::Cut(Box::new(Cut {
            found: 7_000,
            key: false,
            value: strings(MAX_SECTORS),
        }));
        let scope = Value::Object(vec![("sectors".into(), sectors)]);
        let (_, excess) = apply(Value::Object(vec![("scope".into(), scope)]), Shape::Request);
        assert_eq!(excess.len(), 1);
        assert_eq!((excess[0].over, excess[0].found), (Over::List, 7_000));
        assert_eq!(excess[0].path.dotted(), "scope.sectors");
    }

    #[test]
    fn texts_have_a_total_too() {
        let long = Value::String("a".repeat(MAX_STRING));
        let n = MAX_TEXT / MAX_STRING;
        let (v, excess) = apply(Value::Array(vec![long; n + 5]), Shape::Request);
        let Value::Array(items) = v else {
            panic!("an array")
        };
        assert_eq!(items.len(), n);
        assert_eq!(excess.len(), 1);
        assert_eq!((excess[0].over, excess[0].limit), (Over::AllText, MAX_TEXT));
    }

    #[test]
    fn the_total_is_noted_once_and_the_rest_left_out() {
        let (v, excess) = apply(strings(MAX_VALUES + 50), Shape::Request);
        let Value::Array(items) = v else {
            panic!("an array")
        };
        assert_eq!(items.len(), MAX_VALUES - 1);
        assert_eq!(excess.len(), 1);
        assert_eq!(excess[0].over, Over::Total);
    }
}
