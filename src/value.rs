//! The input as it arrives: any JSON value, plus the few things a JavaScript
//! caller can hand over that JSON cannot express.
//!
//! The validator never trusts its input, so it reads it as a [`Value`] tree
//! rather than deserializing into typed structs: a wrong type is a finding,
//! not a failure. The JSON reader is our own (no serde) to keep the wasm small,
//! and it never recurses deeper than [`MAX_PARSE_DEPTH`].

use std::fmt;

/// Containers nested deeper than this are skipped by the reader (without
/// recursion) and replaced by [`Foreign::TooDeep`]. It is far beyond the 32
/// levels the validator accepts, so the validator still sees where the limit
/// was crossed.
pub const MAX_PARSE_DEPTH: usize = 40;

/// A JSON value, as read by [`Value::parse`] or built by a host.
///
/// Objects keep their keys in input order; when a key is repeated, the last
/// occurrence wins (as with JavaScript's `JSON.parse`).
///
/// ```
/// use ldm_reseau::Value;
/// let v = Value::parse(r#"{"title": "Lycée(s) des métiers en réseau du bois"}"#).unwrap();
/// assert_eq!(v.get("title").and_then(Value::as_str), Some("Lycée(s) des métiers en réseau du bois"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`, and for a JavaScript caller `undefined` inside an array.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Any finite number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, keys in input order.
    Object(Vec<(String, Value)>),
    /// Something JSON cannot hold (a JavaScript function, `NaN`, a cycle…).
    Foreign(Foreign),
}

/// A value a JavaScript caller can pass that has no JSON form.
///
/// The validator reports each of them as a value of the wrong type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Foreign {
    /// `undefined` at the top level.
    Undefined,
    /// `NaN`.
    NaN,
    /// `Infinity` or `-Infinity`.
    Infinity,
    /// A `Symbol`.
    Symbol,
    /// A function.
    Function,
    /// A `BigInt`.
    BigInt,
    /// An object already being read higher up: a cyclic reference.
    Cycle,
    /// A property whose getter threw.
    Unreadable,
    /// Nesting beyond what any reader goes through.
    TooDeep,
    /// More values than a request can hold; the rest was not read.
    TooLarge,
}

impl Foreign {
    /// The name the `@name` token of [`Value::parse_host`] uses, and the
    /// `found` parameter of `request.invalid_type`.
    pub fn name(self) -> &'static str {
        match self {
            Foreign::Undefined => "undefined",
            Foreign::NaN => "NaN",
            Foreign::Infinity => "Infinity",
            Foreign::Symbol => "symbol",
            Foreign::Function => "function",
            Foreign::BigInt => "bigint",
            Foreign::Cycle => "cycle",
            Foreign::Unreadable => "unreadable",
            Foreign::TooDeep => "too_deep",
            Foreign::TooLarge => "too_large",
        }
    }

    fn from_name(name: &str) -> Option<Foreign> {
        Foreign::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// Every kind of foreign value.
    pub const ALL: [Foreign; 10] = [
        Foreign::Undefined,
        Foreign::NaN,
        Foreign::Infinity,
        Foreign::Symbol,
        Foreign::Function,
        Foreign::BigInt,
        Foreign::Cycle,
        Foreign::Unreadable,
        Foreign::TooDeep,
        Foreign::TooLarge,
    ];
}

impl Value {
    /// Reads standard JSON.
    ///
    /// Containers nested deeper than [`MAX_PARSE_DEPTH`] are skipped and
    /// become [`Foreign::TooDeep`]: depth is reported by the validator, not
    /// refused here.
    ///
    /// ```
    /// use ldm_reseau::Value;
    /// assert!(Value::parse("[1, 2").is_err());
    /// assert_eq!(Value::parse(" 42 "), Ok(Value::Number(42.0)));
    /// ```
    pub fn parse(text: &str) -> Result<Value, JsonError> {
        Parser::new(text, false).document()
    }

    /// Reads the JSON a JavaScript host produces for a value JSON cannot
    /// fully express: standard JSON plus bare `@name` tokens, one per
    /// [`Foreign`] kind (`@symbol`, `@NaN`, `@cycle`…).
    pub fn parse_host(text: &str) -> Result<Value, JsonError> {
        Parser::new(text, true).document()
    }

    /// The value under `key`, when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// What a message calls this value's type: `string`, `number`, `integer`
    /// is never returned (a whole number is a `number`), `object`, `array`…
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            Value::Foreign(f) => f.name(),
        }
    }

    /// Writes this value as JSON text. Foreign values become `null`.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        crate::json::write_value(&mut out, self);
        out
    }
}

/// Why a text is not JSON: a one-line reason with its position.
///
/// ```
/// use ldm_reseau::Value;
/// let err = Value::parse("{\"a\": }").unwrap_err();
/// assert_eq!(err.to_string(), "line 1, column 7: a value was expected");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// 1-based line of the fault.
    pub line: usize,
    /// 1-based column (in characters) of the fault.
    pub column: usize,
    /// What is wrong, in plain words.
    pub reason: &'static str,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.reason
        )
    }
}

impl std::error::Error for JsonError {}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    host: bool,
}

type Parsed<T> = Result<T, JsonError>;

impl<'a> Parser<'a> {
    fn new(text: &'a str, host: bool) -> Self {
        // A byte-order mark is not part of the document.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            host,
        }
    }

    fn document(mut self) -> Parsed<Value> {
        let value = self.value(0)?;
        self.skip_ws();
        if self.pos < self.bytes.len() {
            return Err(self.fail("unexpected text after the JSON value"));
        }
        Ok(value)
    }

    fn fail(&self, reason: &'static str) -> JsonError {
        let mut end = self.pos.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &self.text[..end];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError {
            line,
            column,
            reason,
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.bytes.get(self.pos).copied()
    }

    fn value(&mut self, depth: usize) -> Parsed<Value> {
        match self.peek() {
            None => Err(self.fail("a value was expected")),
            Some(b'{' | b'[') if depth >= MAX_PARSE_DEPTH => {
                self.skip_container()?;
                Ok(Value::Foreign(Foreign::TooDeep))
            }
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'@') if self.host => self.foreign(),
            Some(_) => Err(self.fail("a value was expected")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Parsed<Value> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.fail("a value was expected"))
        }
    }

    fn foreign(&mut self) -> Parsed<Value> {
        let start = self.pos + 1;
        let len = self.bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        self.pos = start + len;
        Foreign::from_name(&self.text[start..start + len])
            .map(Value::Foreign)
            .ok_or_else(|| self.fail("unknown @ token"))
    }

    fn object(&mut self, depth: usize) -> Parsed<Value> {
        self.pos += 1;
        let mut fields = Vec::new();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(fields));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.fail("a quoted field name was expected"));
            }
            let key = self.string()?;
            if self.peek() != Some(b':') {
                return Err(self.fail("':' was expected after the field name"));
            }
            self.pos += 1;
            let value = self.value(depth + 1)?;
            fields.push((key, value));
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(fields));
                }
                _ => return Err(self.fail("',' or '}' was expected")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Parsed<Value> {
        self.pos += 1;
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.fail("',' or ']' was expected")),
            }
        }
    }

    /// Skips a container without building it and without recursion, so that
    /// any depth is safe; the text must still be JSON.
    fn skip_container(&mut self) -> Parsed<()> {
        let mut closers: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                None => return Err(self.fail("the document ends inside an array or object")),
                Some(b'"') => {
                    self.string()?;
                }
                Some(open @ (b'{' | b'[')) => {
                    closers.push(if open == b'{' { b'}' } else { b']' });
                    self.pos += 1;
                }
                Some(close @ (b'}' | b']')) => {
                    if closers.pop() != Some(close) {
                        return Err(self.fail("mismatched bracket"));
                    }
                    self.pos += 1;
                    if closers.is_empty() {
                        return Ok(());
                    }
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn number(&mut self) -> Parsed<Value> {
        #[cfg(not(target_arch = "wasm32"))]
        let start = self.pos;
        let negative = self.bytes[self.pos] == b'-';
        if negative {
            self.pos += 1;
        }
        if self.host && self.text[self.pos..].starts_with("Infinity") {
            self.pos += "Infinity".len();
            return Ok(Value::Foreign(Foreign::Infinity));
        }
        // In the wasm, computed by hand rather than by `str::parse::<f64>`,
        // whose tables would weigh on the module: only whole numbers (years)
        // matter to the rules, and they come out exact; other numbers only
        // need to stay "not whole".
        let mut mantissa = 0f64;
        let mut scale = 0i32;
        let mut digits = |p: &mut Self, after_point: bool| {
            let from = p.pos;
            while let Some(d) = p.bytes.get(p.pos).filter(|b| b.is_ascii_digit()) {
                mantissa = mantissa * 10.0 + f64::from(d - b'0');
                scale -= i32::from(after_point);
                p.pos += 1;
            }
            p.pos > from
        };
        if !digits(self, false) {
            return Err(self.fail("a digit was expected"));
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !digits(self, true) {
                return Err(self.fail("a digit was expected after '.'"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            let sign = match self.bytes.get(self.pos) {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            self.pos += usize::from(sign != 0);
            let from = self.pos;
            let mut exp = 0i32;
            while let Some(d) = self.bytes.get(self.pos).filter(|b| b.is_ascii_digit()) {
                exp = exp.saturating_mul(10).saturating_add(i32::from(d - b'0'));
                self.pos += 1;
            }
            if self.pos == from {
                return Err(self.fail("a digit was expected in the exponent"));
            }
            scale = scale.saturating_add(if sign < 0 { -exp } else { exp });
        }
        let magnitude = if scale >= 0 {
            mantissa * 10f64.powi(scale)
        } else {
            mantissa / 10f64.powi(-scale)
        };
        let n = if negative { -magnitude } else { magnitude };
        // Natively, where size does not matter, the exact reading.
        #[cfg(not(target_arch = "wasm32"))]
        let n = self.text[start..self.pos].parse::<f64>().unwrap_or(n);
        Ok(if n.is_finite() {
            Value::Number(n)
        } else {
            Value::Foreign(Foreign::Infinity)
        })
    }

    fn string(&mut self) -> Parsed<String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run = self.bytes[self.pos..]
                .iter()
                .take_while(|&&b| b != b'"' && b != b'\\' && b >= 0x20)
                .count();
            out.push_str(&self.text[self.pos..self.pos + run]);
            self.pos += run;
            match self.bytes.get(self.pos) {
                None => return Err(self.fail("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.fail("raw control character in a string")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Parsed<()> {
        let Some(&b) = self.bytes.get(self.pos) else {
            return Err(self.fail("unterminated string"));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(self.fail("invalid escape in a string")),
        };
        out.push(c);
        Ok(())
    }

    fn unicode_escape(&mut self) -> Parsed<char> {
        let high = self.hex4()?;
        if !(0xD800..0xDC00).contains(&high) {
            // A lone low surrogate cannot be a char: keep the text readable.
            return Ok(char::from_u32(high).unwrap_or('\u{fffd}'));
        }
        if self.text[self.pos..].starts_with("\\u") {
            let save = self.pos;
            self.pos += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            self.pos = save;
        }
        Ok('\u{fffd}')
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.fail("\\u needs four hex digits"))?;
        let n =
            u32::from_str_radix(digits, 16).map_err(|_| self.fail("\\u needs four hex digits"))?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.fail("\\u needs four hex digits"));
        }
        self.pos += 4;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_documents_and_escapes() {
        let v = Value::parse(r#"{"a": [1, -2.5e1, true, null, "é\u00e9\ud83d\ude00\n"]}"#).unwrap();
        let a = v.get("a").unwrap();
        assert_eq!(
            a,
            &Value::Array(vec![
                Value::Number(1.0),
                Value::Number(-25.0),
                Value::Bool(true),
                Value::Null,
                Value::String("éé😀\n".into())
            ])
        );
    }

    #[test]
    fn numbers_whole_and_not() {
        for (text, n) in [
            ("2026", 2026.0),
            ("-3", -3.0),
            ("2026.0", 2026.0),
            ("1e3", 1000.0),
            ("25E-1", 2.5),
            ("0.5", 0.5),
        ] {
            assert_eq!(Value::parse(text), Ok(Value::Number(n)), "{text}");
        }
        assert_eq!(Value::parse("1e999"), Ok(Value::Foreign(Foreign::Infinity)));
        assert!(matches!(Value::parse("2026.4"), Ok(Value::Number(n)) if n.fract() != 0.0));
    }

    #[test]
    fn last_repeated_key_wins() {
        let v = Value::parse(r#"{"a": 1, "a": 2}"#).unwrap();
        assert_eq!(v.get("a"), Some(&Value::Number(2.0)));
    }

    #[test]
    fn refuses_what_is_not_json() {
        for text in [
            "", "{", "[1,]", "{'a':1}", "tru", "01x", "\"abc", "{} {}", "@symbol", "NaN", "[1 2]",
        ] {
            assert!(Value::parse(text).is_err(), "{text:?} should be refused");
        }
    }

    #[test]
    fn deep_nesting_is_skipped_not_recursed() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let v = Value::parse(&deep).unwrap();
        let mut depth = 0;
        let mut cur = &v;
        while let Value::Array(items) = cur {
            depth += 1;
            cur = &items[0];
        }
        assert_eq!(depth, MAX_PARSE_DEPTH);
        assert_eq!(cur, &Value::Foreign(Foreign::TooDeep));
    }

    #[test]
    fn unbalanced_deep_nesting_is_an_error() {
        let deep = "[".repeat(1000) + &"]".repeat(999);
        assert!(Value::parse(&deep).is_err());
        let crossed = "[".repeat(50) + "}";
        assert!(Value::parse(&crossed).is_err());
    }

    #[test]
    fn host_tokens_are_only_read_in_host_mode() {
        let v = Value::parse_host(r#"{"a": @symbol, "b": @NaN, "c": -Infinity}"#).unwrap();
        assert_eq!(v.get("a"), Some(&Value::Foreign(Foreign::Symbol)));
        assert_eq!(v.get("b"), Some(&Value::Foreign(Foreign::NaN)));
        assert_eq!(v.get("c"), Some(&Value::Foreign(Foreign::Infinity)));
        assert!(Value::parse_host("@nothing").is_err());
    }

    #[test]
    fn error_position_is_one_line() {
        let err = Value::parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!((err.line, err.column), (2, 8));
        assert!(!err.to_string().contains('\n'));
    }
}
