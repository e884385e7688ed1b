//! Host JSON out: a [`Value`] written back as text, natively (tests, fuzzing,
//! tools that feed the CLI). serde_json cannot write it alone: a text that
//! held a lone surrogate must come out as one, so that it reads back as the
//! same kind of value. Reports are serialised by serde (`report`).

use crate::value::{Foreign, Value};

impl Value {
    /// Writes this value as JSON text. Foreign values become `null`, but for
    /// [`Foreign::InvalidText`], written as a lone surrogate so that it reads
    /// back as one.
    ///
    /// ```
    /// use ldm_reseau::{Foreign, Value};
    /// let v = Value::parse(r#"{ "members": [ {"uai": "0570099Y"} ], "x": 2026.5 }"#).unwrap();
    /// assert_eq!(v.to_json(), r#"{"members":[{"uai":"0570099Y"}],"x":2026.5}"#);
    /// assert_eq!(Value::Foreign(Foreign::NaN).to_json(), "null");
    /// assert_eq!(Value::Foreign(Foreign::InvalidText).to_json(), r#""\udc00""#);
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self);
        out
    }
}

fn write_value(out: &mut String, v: &Value) {
    match v {
        Value::Foreign(Foreign::InvalidText) => out.push_str("\"\\udc00\""),
        Value::Null | Value::Foreign(_) => out.push_str("null"),
        Value::Cut(cut) => write_value(out, &cut.value),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        // Whole numbers as integers, as a person writes them (2026, not 2026.0).
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => push_json(out, &(*n as i64)),
        Value::Number(n) => push_json(out, n),
        Value::String(s) => push_json(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (k, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json(out, k);
                out.push(':');
                write_value(out, item);
            }
            out.push('}');
        }
    }
}

/// A string or a finite number, as serde_json writes it.
fn push_json<T: serde::Serialize + ?Sized>(out: &mut String, v: &T) {
    // Strings and finite numbers always serialise (`Value` holds no NaN).
    out.push_str(&serde_json::to_string(v).unwrap_or_else(|_| "null".into()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_and_round_trip() {
        let s = "a\"b\\c\nd\u{1}é’";
        let v = Value::String(s.into());
        assert_eq!(v.to_json(), "\"a\\\"b\\\\c\\nd\\u0001é’\"");
        assert_eq!(Value::parse(&v.to_json()), Ok(v));
    }

    #[test]
    fn numbers_round_trip() {
        for n in [
            0.0,
            7.0,
            -42.0,
            2026.0,
            2026.5,
            5e-324,
            1e300,
            9007199254740993.0,
        ] {
            let v = Value::Number(n);
            assert_eq!(Value::parse(&v.to_json()), Ok(v));
        }
    }
}
