//! Finding the form's controls and reading them into a request (SPEC §8.3
//! "Markup" and "Values").

use crate::value::Value;
use crate::words::form::{Broken, Kind};
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

pub(crate) fn is_list(key: &str) -> bool {
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

/// Whether a control is a checkbox or a radio button.
pub(crate) fn is_choice(el: &Element) -> bool {
    el.dyn_ref::<HtmlInputElement>()
        .is_some_and(|i| matches!(i.type_().as_str(), "checkbox" | "radio"))
}

/// The choices of one field given as a group: the checkboxes or radio
/// buttons that share `path` (two or more, or checkboxes of a list path).
/// Empty when the path is one control (a text, a select, one checkbox).
pub(crate) fn choices(fields: &[Field], path: &str) -> Vec<Element> {
    let same: Vec<&Field> = fields.iter().filter(|f| f.path == path).collect();
    let group = !same.is_empty()
        && same.iter().all(|f| is_choice(&f.el))
        && (same.len() > 1 || is_list(&same[0].key));
    if !group {
        return Vec::new();
    }
    same.into_iter().map(|f| f.el.clone()).collect()
}

/// The choices of a group that hold a wrong value: for a finding about the
/// j-th value of a list, the j-th checked choice (the list is read in
/// document order); for one about the whole field, every choice.
pub(crate) fn at_fault(choices: &[Element], path: &str, dotted: &str) -> Vec<Element> {
    let index = dotted
        .strip_prefix(path)
        .and_then(|r| r.strip_prefix('.'))
        .and_then(|r| r.parse::<usize>().ok());
    let checked = choices
        .iter()
        .filter(|c| c.dyn_ref::<HtmlInputElement>().is_some_and(|i| i.checked()));
    match index.and_then(|j| checked.clone().nth(j)) {
        Some(c) => vec![c.clone()],
        None => choices.to_vec(),
    }
}

/// The control that a finding's link focuses: the field's control, or in a
/// group the choice holding the wrong value (else its first choice).
pub(crate) fn control_for(fields: &[Field], dotted: &str) -> Option<Element> {
    let f = resolve(fields, dotted)?;
    let group = choices(fields, &f.path);
    Some(
        at_fault(&group, &f.path, dotted)
            .into_iter()
            .next()
            .unwrap_or_else(|| f.el.clone()),
    )
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

/// Host controls the browser finds invalid on its own (`required`,
/// `pattern`…, or the host's own `setCustomValidity`), but for those in
/// `ours` (the binding shows the rules' errors on them): each with what is
/// broken, in document order, one per group of radio buttons.
pub(crate) fn host_invalid(
    form: &Element,
    ours: &[Element],
) -> Vec<(Element, Result<Broken, String>)> {
    let mut out: Vec<(Element, Result<Broken, String>)> = Vec::new();
    let mut radios: Vec<String> = Vec::new();
    for el in all(form, "input, select, textarea") {
        if el.has_attribute(super::render::GENERATED) || ours.contains(&el) {
            continue;
        }
        let Some(broken) = broken(&el) else { continue };
        if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            if i.type_() == "radio" {
                if radios.contains(&i.name()) {
                    continue;
                }
                radios.push(i.name());
            }
        }
        out.push((el, broken));
    }
    out
}

/// What the browser finds wrong with a control (its `validity` flags), or
/// the host's own message when it set one (`customError`).
fn broken(el: &Element) -> Option<Result<Broken, String>> {
    let get = |o: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
    if get(el, "willValidate")?.as_bool() != Some(true) {
        return None;
    }
    let validity = get(el, "validity")?;
    let flag = |k: &str| get(&validity, k).and_then(|v| v.as_bool()) == Some(true);
    if flag("valid") {
        return None;
    }
    let input = el.dyn_ref::<HtmlInputElement>();
    let kind = input.map(|i| i.type_()).unwrap_or_default();
    let attr = |a: &str| el.get_attribute(a).unwrap_or_default();
    let len = || {
        get(el, "value")
            .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
            .map_or(0, |s| i64::from(s.length()))
    };
    let num = |k: &str| get(el, k).and_then(|v| v.as_f64()).map_or(0, |n| n as i64);
    let of_kind = match kind.as_str() {
        "checkbox" => Kind::Checkbox,
        "radio" => Kind::Choice,
        "email" => Kind::Email,
        "url" => Kind::Url,
        _ if el.dyn_ref::<HtmlSelectElement>().is_some() => Kind::Choice,
        _ => Kind::Text,
    };
    Some(Ok(if flag("badInput") {
        Broken::BadInput {
            number: kind == "number",
        }
    } else if flag("valueMissing") {
        Broken::Missing(of_kind)
    } else if flag("typeMismatch") {
        Broken::Type(of_kind)
    } else if flag("patternMismatch") {
        Broken::Pattern
    } else if flag("tooLong") {
        Broken::TooLong(num("maxLength"), len())
    } else if flag("tooShort") {
        Broken::TooShort(num("minLength"), len())
    } else if flag("rangeUnderflow") {
        Broken::Under(attr("min"))
    } else if flag("rangeOverflow") {
        Broken::Over(attr("max"))
    } else if flag("stepMismatch") {
        Broken::Step(attr("step"))
    } else {
        // customError: the host's own message, in the host's words.
        let message = get(el, "validationMessage")?.as_string()?;
        return (!message.is_empty()).then_some(Err(message));
    }))
}

/// A control's label as a person reads it: `aria-labelledby`, `aria-label`,
/// for a radio button its fieldset's legend, its `<label>`s (`for` or
/// wrapping), else its `title` or placeholder. Empty when it has none.
pub(crate) fn label_of(el: &Element) -> String {
    let doc = el.owner_document();
    if let (Some(ids), Some(doc)) = (el.get_attribute("aria-labelledby"), &doc) {
        let text = ids
            .split_whitespace()
            .filter_map(|id| doc.get_element_by_id(id))
            .map(|l| text_of(&l))
            .collect::<Vec<_>>()
            .join(" ");
        if !text.trim().is_empty() {
            return tidy(&text);
        }
    }
    if let Some(l) = el
        .get_attribute("aria-label")
        .filter(|l| !l.trim().is_empty())
    {
        return tidy(&l);
    }
    let radio = el
        .dyn_ref::<HtmlInputElement>()
        .is_some_and(|i| i.type_() == "radio");
    if radio {
        if let Ok(Some(legend)) = el
            .closest("fieldset")
            .and_then(|f| f.map_or(Ok(None), |f| f.query_selector("legend")))
        {
            return tidy(&text_of(&legend));
        }
    }
    let labels = js_sys::Reflect::get(el, &"labels".into())
        .ok()
        .and_then(|l| l.dyn_into::<web_sys::NodeList>().ok());
    if let Some(list) = labels {
        let text = (0..list.length())
            .filter_map(|i| list.get(i)?.dyn_into::<Element>().ok())
            .map(|l| text_of(&l))
            .collect::<Vec<_>>()
            .join(" ");
        if !text.trim().is_empty() {
            return tidy(&text);
        }
    }
    for attr in ["title", "placeholder"] {
        if let Some(t) = el.get_attribute(attr).filter(|t| !t.trim().is_empty()) {
            return tidy(&t);
        }
    }
    String::new()
}

/// The text of an element, without that of the controls inside it (a
/// wrapping label holds the select whose options would join its name) nor
/// of what the binding added: read on a copy, whatever its depth.
fn text_of(el: &Element) -> String {
    let Some(copy) = el
        .clone_node_with_deep(true)
        .ok()
        .and_then(|n| n.dyn_into::<Element>().ok())
    else {
        return String::new();
    };
    for inner in all(
        &copy,
        "select, textarea, script, style, [data-ldm-generated]",
    ) {
        inner.remove();
    }
    copy.text_content().unwrap_or_default()
}

/// White space folded, and the trailing « : » or « * » of a label dropped.
fn tidy(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches([':', '*', ' ', '\u{a0}'])
        .to_owned()
}
