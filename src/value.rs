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
    /// A value the host already cut to the input budget (SPEC §5.6), as
    /// [`Value::parse_host`] reads it: the budget pass of [`Request`](crate::Request)
    /// reports it and unwraps it, so the rules never see one.
    Cut(Box<Cut>),
}

/// A value, or the key of a field, that a host cut before handing it over.
///
/// ```
/// use ldm_reseau::{Cut, Value};
/// let v = Value::parse_host(r#"@cut(3)["a"]"#).unwrap();
/// assert_eq!(v, Value::Cut(Box::new(Cut { found: 3, key: false, value: Value::Array(vec![Value::String("a".into())]) })));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Cut {
    /// The size before the cut: entries of a list or an object, UTF-16
    /// units of a string (of the key, when `key` is true).
    pub found: usize,
    /// Whether the cut was of the field's key rather than of its value.
    pub key: bool,
    /// What was kept.
    pub value: Value,
}

/// A value a JavaScript caller can pass that has no JSON form.
///
/// The validator reports each of them as a value of the wrong type.
///
/// ```
/// use ldm_reseau::{validate, Code, Foreign, Options, Request, Value};
/// let v = Value::parse_host(r#"{"title": @symbol}"#).unwrap();
/// assert_eq!(v.get("title"), Some(&Value::Foreign(Foreign::Symbol)));
/// let report = validate(&Request::from_value(v), &Options::default());
/// assert!(report.has(Code::RequestInvalidType));
/// ```
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
    /// A string holding a lone UTF-16 surrogate: it cannot be sent as text.
    InvalidText,
}

impl Foreign {
    /// The name the `@name` token of [`Value::parse_host`] uses, and the
    /// `found` parameter of `request.invalid_type`.
    ///
    /// ```
    /// use ldm_reseau::{Foreign, Value};
    /// assert_eq!(Foreign::BigInt.name(), "bigint");
    /// assert_eq!(Value::parse_host("@too_deep"), Ok(Value::Foreign(Foreign::TooDeep)));
    /// ```
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
            Foreign::InvalidText => "invalid_text",
        }
    }

    fn from_name(name: &str) -> Option<Foreign> {
        Foreign::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// Every kind of foreign value.
    ///
    /// ```
    /// use ldm_reseau::{Foreign, Value};
    /// assert_eq!(Foreign::ALL.len(), 11);
    /// for f in Foreign::ALL {
    ///     assert_eq!(Value::parse_host(&format!("@{}", f.name())), Ok(Value::Foreign(f)));
    /// }
    /// ```
    pub const ALL: [Foreign; 11] = [
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
        Foreign::InvalidText,
    ];
}

impl Value {
    /// Reads standard JSON.
    ///
    /// Containers nested deeper than 40 levels are skipped and
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
    /// [`Foreign`] kind (`@symbol`, `@NaN`, `@cycle`…), and `@cut(N)` before
    /// a value or a field name that the host cut to the input budget
    /// ([`Value::Cut`]; N is its size before the cut).
    ///
    /// ```
    /// use ldm_reseau::{Foreign, Value};
    /// let v = Value::parse_host(r#"{"a": @NaN, "b": -Infinity}"#).unwrap();
    /// assert_eq!(v.get("a"), Some(&Value::Foreign(Foreign::NaN)));
    /// assert_eq!(v.get("b"), Some(&Value::Foreign(Foreign::Infinity)));
    /// assert!(Value::parse(r#"{"a": @NaN}"#).is_err());
    /// ```
    pub fn parse_host(text: &str) -> Result<Value, JsonError> {
        Parser::new(text, true).document()
    }

    /// The value under `key`, when this is an object that has it. When the
    /// key is repeated, the last occurrence.
    ///
    /// ```
    /// use ldm_reseau::Value;
    /// let v = Value::parse(r#"{"campaignYear": 2026, "campaignYear": 2027}"#).unwrap();
    /// assert_eq!(v.get("campaignYear"), Some(&Value::Number(2027.0)));
    /// assert_eq!(v.get("title"), None);
    /// assert_eq!(Value::parse("[1]").unwrap().get("0"), None);
    /// ```
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, when this is one.
    ///
    /// ```
    /// use ldm_reseau::Value;
    /// assert_eq!(Value::parse(r#""0570099Y""#).unwrap().as_str(), Some("0570099Y"));
    /// assert_eq!(Value::Number(57.0).as_str(), None);
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// What a message calls this value's type: `string`, `number`, `integer`
    /// is never returned (a whole number is a `number`), `object`, `array`…
    /// A foreign value gives its [`Foreign::name`].
    ///
    /// ```
    /// use ldm_reseau::{Foreign, Value};
    /// assert_eq!(Value::Number(2026.0).type_name(), "number");
    /// assert_eq!(Value::parse("{}").unwrap().type_name(), "object");
    /// assert_eq!(Value::Foreign(Foreign::Function).type_name(), "function");
    /// ```
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            Value::Foreign(f) => f.name(),
            Value::Cut(cut) => cut.value.type_name(),
        }
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

/// The prefix of a host's cut mark, `@cut(N)`.
const CUT: &str = "@cut(";

/// A run of at most 15 digits (with its sign): exact in an `f64`.
fn small_integer(text: &str) -> f64 {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let n = digits
        .bytes()
        .fold(0i64, |n, d| n * 10 + i64::from(d - b'0')) as f64;
    if negative {
        -n
    } else {
        n
    }
}

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
        let before = self.text.get(..end).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError {
            line,
            column,
            reason,
        }
    }

    /// The text from the reading position on. Checked slicing: a panic path
    /// here would bring core's `char` Debug tables into the wasm.
    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or_default()
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
            Some(b'"') => self.string().map(|(s, lone)| {
                if lone {
                    Value::Foreign(Foreign::InvalidText)
                } else {
                    Value::String(s)
                }
            }),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'@') if self.host && self.rest().starts_with(CUT) => {
                let found = self.cut()?;
                let value = self.value(depth)?;
                Ok(Value::Cut(Box::new(Cut {
                    found,
                    key: false,
                    value,
                })))
            }
            Some(b'@') if self.host => self.foreign(),
            Some(_) => Err(self.fail("a value was expected")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Parsed<Value> {
        if self.rest().starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.fail("a value was expected"))
        }
    }

    /// Reads `@cut(N)` and returns N.
    fn cut(&mut self) -> Parsed<usize> {
        if !self.rest().starts_with(CUT) {
            return Err(self.fail("unknown @ token"));
        }
        self.pos += CUT.len();
        let from = self.pos;
        let mut n = 0usize;
        while let Some(d) = self.bytes.get(self.pos).filter(|b| b.is_ascii_digit()) {
            n = n.saturating_mul(10).saturating_add(usize::from(d - b'0'));
            self.pos += 1;
        }
        if self.pos == from || self.bytes.get(self.pos) != Some(&b')') {
            return Err(self.fail("@cut needs a size: @cut(N)"));
        }
        self.pos += 1;
        Ok(n)
    }

    fn foreign(&mut self) -> Parsed<Value> {
        let start = self.pos + 1;
        let len = self.bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        self.pos = start + len;
        Foreign::from_name(self.text.get(start..start + len).unwrap_or_default())
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
            let key_cut = if self.host && self.peek() == Some(b'@') {
                Some(self.cut()?)
            } else {
                None
            };
            if self.peek() != Some(b'"') {
                return Err(self.fail("a quoted field name was expected"));
            }
            // A key with a lone surrogate keeps U+FFFD in its place: no key
            // of the model has one, so it is reported as unknown.
            let (key, _) = self.string()?;
            if self.peek() != Some(b':') {
                return Err(self.fail("':' was expected after the field name"));
            }
            self.pos += 1;
            let mut value = self.value(depth + 1)?;
            if let Some(found) = key_cut {
                value = Value::Cut(Box::new(Cut {
                    found,
                    key: true,
                    value,
                }));
            }
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
        let start = self.pos;
        if self.bytes[self.pos] == b'-' {
            self.pos += 1;
        }
        if self.host && self.rest().starts_with("Infinity") {
            self.pos += "Infinity".len();
            return Ok(Value::Foreign(Foreign::Infinity));
        }
        let digits = |p: &mut Self| {
            let from = p.pos;
            while p.bytes.get(p.pos).is_some_and(u8::is_ascii_digit) {
                p.pos += 1;
            }
            p.pos > from
        };
        if !digits(self) {
            return Err(self.fail("a digit was expected"));
        }
        let whole = self.pos;
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.fail("a digit was expected after '.'"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'-' | b'+') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.fail("a digit was expected in the exponent"));
            }
        }
        let text = self.text.get(start..self.pos).unwrap_or_default();
        // Years are what the rules read: a short run of digits is exact by
        // hand. Anything else is read exactly by the platform, so that
        // 2026.0000000000002 is no integer and 5e-324 no zero, in the
        // browser as natively (SPEC §5.6).
        let n = if self.pos == whole && whole - start <= 15 {
            small_integer(text)
        } else {
            crate::platform::parse_float(text)
        };
        Ok(if n.is_finite() {
            Value::Number(n)
        } else {
            Value::Foreign(Foreign::Infinity)
        })
    }

    /// A string, and whether it held a lone surrogate (written as U+FFFD).
    fn string(&mut self) -> Parsed<(String, bool)> {
        self.pos += 1;
        let mut out = String::new();
        let mut lone = false;
        loop {
            let run = self.bytes[self.pos..]
                .iter()
                .take_while(|&&b| b != b'"' && b != b'\\' && b >= 0x20)
                .count();
            out.push_str(self.text.get(self.pos..self.pos + run).unwrap_or_default());
            self.pos += run;
            match self.bytes.get(self.pos) {
                None => return Err(self.fail("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok((out, lone));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    lone |= !self.escape(&mut out)?;
                }
                Some(_) => return Err(self.fail("raw control character in a string")),
            }
        }
    }

    /// Appends one escape; `false` when it was a lone surrogate.
    fn escape(&mut self, out: &mut String) -> Parsed<bool> {
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
            b'u' => match self.unicode_escape()? {
                Some(c) => c,
                None => {
                    out.push('\u{fffd}');
                    return Ok(false);
                }
            },
            _ => return Err(self.fail("invalid escape in a string")),
        };
        out.push(c);
        Ok(true)
    }

    /// `None` for a lone surrogate, which no `char` can hold.
    fn unicode_escape(&mut self) -> Parsed<Option<char>> {
        let high = self.hex4()?;
        if !(0xD800..0xDC00).contains(&high) {
            return Ok(char::from_u32(high));
        }
        if self.rest().starts_with("\\u") {
            let save = self.pos;
            self.pos += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                return Ok(char::from_u32(
                    0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00),
                ));
            }
            self.pos = save;
        }
        Ok(None)
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
    fn numbers_are_read_exactly() {
        // The nearest f64, as JSON.parse gives it: only a whole number is one.
        for text in [
            "2026.0000000000002",
            "2025.9999999999998",
            "5e-324",
            "-5e-324",
            "0.1",
        ] {
            assert!(
                matches!(Value::parse(text), Ok(Value::Number(n)) if n.fract() != 0.0),
                "{text} is no integer"
            );
        }
        for (text, n) in [
            ("2026.00000000000000001", 2026.0),
            ("20.26e2", 2026.0),
            ("-0", 0.0),
        ] {
            assert_eq!(Value::parse(text), Ok(Value::Number(n)), "{text}");
        }
        assert_eq!(
            Value::parse("9007199254740993"),
            Ok(Value::Number(9007199254740992.0))
        );
    }

    #[test]
    fn lone_surrogates_are_invalid_text_in_values_and_kept_out_of_keys() {
        let v = Value::parse(r#"{"a": "x\ud800", "\udc00": "\ud83d\ude00"}"#).unwrap();
        assert_eq!(v.get("a"), Some(&Value::Foreign(Foreign::InvalidText)));
        assert_eq!(v.get("\u{fffd}"), Some(&Value::String("😀".into())));
    }

    #[test]
    fn host_cuts_wrap_what_follows() {
        let v = Value::parse_host(r#"{@cut(30000)"k": 1, "s": @cut(25000)"abc"}"#).unwrap();
        let cut = |k| match v.get(k) {
            Some(Value::Cut(c)) => Some((c.found, c.key)),
            _ => None,
        };
        assert_eq!(cut("k"), Some((30_000, true)));
        assert_eq!(cut("s"), Some((25_000, false)));
        assert!(Value::parse(r#"@cut(3)[1]"#).is_err());
        assert!(Value::parse_host(r#"@cut()[1]"#).is_err());
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
