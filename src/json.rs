//! A small JSON writer: reports leave the crate as JSON text (CLI, wasm
//! boundary), written by hand so that no serializer ships in the wasm.

use crate::value::Value;

impl Value {
    /// Writes this value as JSON text. Foreign values become `null`, but for
    /// [`Foreign::InvalidText`](crate::Foreign::InvalidText), written as a lone surrogate so that it reads
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

/// Appends `s` as a JSON string literal.
pub(crate) fn write_str(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    // Copy the runs that need no escape whole: most text has none at all.
    while let Some(offset) = bytes[start..]
        .iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
    {
        let i = start + offset;
        out.push_str(s.get(start..i).unwrap_or_default());
        match bytes[i] {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b => {
                out.push_str("\\u00");
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// Appends an integer.
pub(crate) fn write_int(out: &mut String, n: i64) {
    // itoa by hand: `format!` pulls the whole formatting machinery into wasm.
    if n < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(d as char);
    }
}

/// Appends any value; numbers that are not whole are written by Rust's
/// shortest round-trip formatting.
pub(crate) fn write_value(out: &mut String, v: &Value) {
    match v {
        // A text that held a lone surrogate is written as one, so that it
        // reads back as the same kind of value.
        Value::Foreign(crate::value::Foreign::InvalidText) => out.push_str("\"\\udc00\""),
        Value::Null | Value::Foreign(_) => out.push_str("null"),
        Value::Cut(cut) => write_value(out, &cut.value),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => write_int(out, *n as i64),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_str(out, s),
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
                write_str(out, k);
                out.push(':');
                write_value(out, item);
            }
            out.push('}');
        }
    }
}

/// Writes a JSON object field by field: `{"a":1,"b":"x"}`.
pub(crate) struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    pub(crate) fn new(out: &'a mut String) -> Self {
        out.push('{');
        Obj { out, first: true }
    }

    /// Starts a field and hands back the buffer for its value.
    pub(crate) fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, key);
        self.out.push(':');
        self.out
    }

    pub(crate) fn str(&mut self, key: &str, value: &str) {
        write_str(self.key(key), value);
    }

    pub(crate) fn opt_str(&mut self, key: &str, value: Option<&str>) {
        match value {
            Some(v) => self.str(key, v),
            None => self.key(key).push_str("null"),
        }
    }

    pub(crate) fn int(&mut self, key: &str, value: i64) {
        write_int(self.key(key), value);
    }

    pub(crate) fn opt_int(&mut self, key: &str, value: Option<i64>) {
        match value {
            Some(v) => self.int(key, v),
            None => self.key(key).push_str("null"),
        }
    }

    pub(crate) fn bool(&mut self, key: &str, value: bool) {
        self.key(key).push_str(if value { "true" } else { "false" });
    }

    pub(crate) fn end(self) {
        self.out.push('}');
    }
}

/// Writes `[item, item…]` with `each` writing one item.
pub(crate) fn write_list<T>(out: &mut String, items: &[T], mut each: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        each(out, item);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_and_round_trip() {
        let s = "a\"b\\c\nd\u{1}é’";
        let mut out = String::new();
        write_str(&mut out, s);
        assert_eq!(out, "\"a\\\"b\\\\c\\nd\\u0001é’\"");
        assert_eq!(Value::parse(&out), Ok(Value::String(s.into())));
    }

    #[test]
    fn integers_are_written_plainly() {
        for n in [0, 7, -42, 2026, i64::MIN, i64::MAX] {
            let mut out = String::new();
            write_int(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
