//! Finding the form's controls and reading them into a request (SPEC §8.3
//! "Markup" and "Values").

use crate::value::Value;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// One control bound to a path of the request.
#[derive(Clone)]
pub(crate) struct Field {
    /// The full path, rows expanded: `title`, `members.1.uai`.
    pub path: String,
    /// The path as written in the markup: `members.uai`.
    pub key: String,
    /// The member row, for member fields.
    pub row: Option<usize>,
    pub el: Element,
}

/// The form as bound now: its member rows and every bound control.
pub(crate) struct Bound {
    pub rows: Vec<Element>,
    pub fields: Vec<Field>,
}

/// How controls are found: `data-ldm` attributes, or a selector map.
pub(crate) struct Binding {
    /// `(path, CSS selector)`; `members` selects the rows.
    pub selectors: Vec<(String, String)>,
}

pub(crate) fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into::<Element>().ok())
        .collect()
}

impl Binding {
    fn selector(&self, path: &str) -> Option<&str> {
        self.selectors
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, s)| s.as_str())
    }

    /// The member rows, in document order.
    pub(crate) fn rows(&self, form: &Element) -> Vec<Element> {
        all(
            form,
            self.selector("members").unwrap_or("[data-ldm-member]"),
        )
    }

    /// Every bound control of the form, top-level fields then each row's:
    /// the `data-ldm` markup, completed (or replaced) by the selector map.
    pub(crate) fn bind(&self, form: &Element) -> Bound {
        let rows = self.rows(form);
        let mut out: Vec<Field> = Vec::new();
        let add = |out: &mut Vec<Field>, key: &str, row: Option<usize>, el: Element| {
            if out.iter().any(|f| f.el == el) {
                return;
            }
            let path = match (row, key.strip_prefix("members.")) {
                (Some(i), Some(rest)) => format!("members.{i}.{rest}"),
                _ => key.to_owned(),
            };
            out.push(Field {
                path,
                key: key.to_owned(),
                row,
                el,
            });
        };
        for el in all(form, "[data-ldm]") {
            let key = el.get_attribute("data-ldm").unwrap_or_default();
            if !key.starts_with("members.") {
                add(&mut out, &key, None, el);
            }
        }
        for (key, sel) in self
            .selectors
            .iter()
            .filter(|(k, _)| k != "members" && !k.starts_with("members."))
        {
            for el in all(form, sel) {
                add(&mut out, key, None, el);
            }
        }
        for (i, row) in rows.iter().enumerate() {
            for el in all(row, "[data-ldm]") {
                let key = el.get_attribute("data-ldm").unwrap_or_default();
                if key.starts_with("members.") {
                    add(&mut out, &key, Some(i), el);
                }
            }
            for (key, sel) in self
                .selectors
                .iter()
                .filter(|(k, _)| k.starts_with("members."))
            {
                for el in all(row, sel) {
                    add(&mut out, key, Some(i), el);
                }
            }
        }
        Bound { rows, fields: out }
    }
}

fn is_list(key: &str) -> bool {
    key.ends_with("sectors")
}

fn is_year(key: &str) -> bool {
    matches!(
        key,
        "campaignYear" | "members.label.lastDecisionYear" | "existingNetwork.attributedYear"
    )
}

fn is_boolean(key: &str) -> bool {
    key == "campusAvailable"
}

/// The request the form holds now.
pub(crate) fn read(fields: &[Field], rows: usize) -> Value {
    let mut request = Value::Object(Vec::new());
    if rows > 0 || fields.iter().any(|f| f.row.is_some()) {
        set(
            &mut request,
            "members",
            Value::Array(vec![Value::Object(Vec::new()); rows]),
        );
    }
    let mut done: Vec<&str> = Vec::new();
    for f in fields {
        if done.contains(&f.path.as_str()) {
            continue;
        }
        done.push(&f.path);
        let same: Vec<&Field> = fields.iter().filter(|g| g.path == f.path).collect();
        if let Some(v) = value_of(&f.key, &same) {
            set(&mut request, &f.path, v);
        }
    }
    request
}

fn value_of(key: &str, controls: &[&Field]) -> Option<Value> {
    let first = &controls[0].el;
    if is_list(key) {
        let mut items = Vec::new();
        for f in controls {
            items.extend(list_values(&f.el));
        }
        return Some(Value::Array(items.into_iter().map(Value::String).collect()));
    }
    if let Some(input) = first.dyn_ref::<HtmlInputElement>() {
        match input.type_().as_str() {
            "checkbox" => return Some(Value::Bool(input.checked())),
            "radio" => {
                let checked = controls
                    .iter()
                    .filter_map(|f| f.el.dyn_ref::<HtmlInputElement>())
                    .find(|r| r.checked())?;
                return Some(scalar(key, checked.value(), false));
            }
            kind => return Some(scalar(key, input.value(), kind == "number")),
        }
    }
    if let Some(select) = first.dyn_ref::<HtmlSelectElement>() {
        return Some(scalar(key, select.value(), false));
    }
    first
        .dyn_ref::<HtmlTextAreaElement>()
        .map(|t| Value::String(t.value()))
}

/// A text control's value: a whole number on a year or number field, a
/// boolean on the CMQ question, otherwise the text. An empty year is absent.
fn scalar(key: &str, text: String, number: bool) -> Value {
    let t = text.trim();
    if (number || is_year(key)) && !t.is_empty() {
        if let Ok(n) = t.parse::<i64>() {
            return Value::Number(n as f64);
        }
    }
    if (number || is_year(key)) && t.is_empty() {
        return Value::Null;
    }
    if is_boolean(key) {
        match t {
            "true" | "oui" | "yes" | "1" | "on" => return Value::Bool(true),
            "false" | "non" | "no" | "0" => return Value::Bool(false),
            "" => return Value::Null,
            _ => {}
        }
    }
    Value::String(text)
}

/// The values a list control gives: the selected options of a multiple
/// select, a checked checkbox's value, a text split on commas and semicolons.
fn list_values(el: &Element) -> Vec<String> {
    if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
        let opts = select.selected_options();
        return (0..opts.length())
            .filter_map(|i| opts.item(i)?.dyn_into::<web_sys::HtmlOptionElement>().ok())
            .map(|o| o.value())
            .collect();
    }
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        if matches!(input.type_().as_str(), "checkbox" | "radio") {
            return if input.checked() {
                vec![input.value()]
            } else {
                Vec::new()
            };
        }
        return split(&input.value());
    }
    el.dyn_ref::<HtmlTextAreaElement>()
        .map(|t| split(&t.value()))
        .unwrap_or_default()
}

fn split(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Sets the value at a dotted path, creating objects (and list items) on the way.
fn set(root: &mut Value, path: &str, value: Value) {
    let mut cur = root;
    let mut segs = path.split('.').peekable();
    while let Some(seg) = segs.next() {
        let last = segs.peek().is_none();
        match cur {
            Value::Array(items) => {
                let Ok(i) = seg.parse::<usize>() else { return };
                while items.len() <= i {
                    items.push(Value::Object(Vec::new()));
                }
                if last {
                    items[i] = value;
                    return;
                }
                cur = &mut items[i];
            }
            Value::Object(fields) => {
                let pos = match fields.iter().position(|(k, _)| k == seg) {
                    Some(p) => p,
                    None => {
                        fields.push((seg.to_owned(), Value::Object(Vec::new())));
                        fields.len() - 1
                    }
                };
                if last {
                    fields[pos].1 = value;
                    return;
                }
                cur = &mut fields[pos].1;
            }
            _ => return,
        }
    }
}

/// The control a finding's path points at: the field itself, else (for a
/// path inside a field or an object) the nearest field above or below it.
pub(crate) fn resolve<'f>(fields: &'f [Field], path: &str) -> Option<&'f Field> {
    let mut p = path;
    loop {
        if let Some(f) = fields.iter().find(|f| f.path == p) {
            return Some(f);
        }
        // A whole list or object (`members`, `scope`) is no single field.
        if p.contains('.') {
            let prefix = format!("{p}.");
            if let Some(f) = fields.iter().find(|f| f.path.starts_with(&prefix)) {
                return Some(f);
            }
        }
        p = p.get(..p.rfind('.')?)?;
    }
}
