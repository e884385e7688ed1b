//! Showing a report in the form: each field's messages, native constraint
//! validation, ARIA, the error summary and the title counter. Every text is
//! set with `textContent`: user text is never HTML.

use super::fields::{all, resolve, Bound, Field};
use crate::report::{Finding, Report, Severity};
use crate::words::form::Ui;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
};

/// Marks every element the binding creates, so that its own changes are
/// told apart from the host's and everything is removed on detach.
pub(crate) const GENERATED: &str = "data-ldm-generated";

/// An attribute or class the binding changed on a host element, and what
/// to put back on detach.
pub(crate) struct Mark {
    pub el: Element,
    pub attr: &'static str,
    pub before: Option<String>,
}

/// What is shown for one field now.
pub(crate) struct Shown {
    pub control: Option<Element>,
    /// The element holding the messages (created, or the host's).
    pub messages: Element,
    pub created: bool,
    /// The host's `aria-describedby` before ours was added.
    pub described_before: Option<String>,
    pub errors: bool,
}

pub(crate) struct View {
    pub doc: Document,
    pub form: Element,
    pub dsfr: bool,
    pub ui: &'static Ui,
    pub shown: Vec<(String, Shown)>,
    pub marks: Vec<Mark>,
    pub created: Vec<Element>,
    pub summary: Option<Element>,
    pub summary_created: bool,
    /// What the summary shows now (errors and their paths).
    pub summary_key: String,
    pub counter: Option<Element>,
    pub counter_created: bool,
    pub next_id: u32,
    /// `[data-ldm-message-for]` elements of the host: `(path, element)`.
    pub hosts: Vec<(String, Element)>,
}

impl View {
    pub(crate) fn create(&mut self, tag: &str) -> Element {
        let el = self
            .doc
            .create_element(tag)
            .unwrap_or_else(|_| self.form.clone());
        let _ = el.set_attribute(GENERATED, "");
        el
    }

    /// An id for `el`, assigning one (and remembering it) if it has none.
    pub(crate) fn id_of(&mut self, el: &Element) -> String {
        let id = el.id();
        if !id.is_empty() {
            return id;
        }
        self.next_id += 1;
        let id = format!(
            "ldm-{}-{}",
            self.next_id,
            js_sys::Math::random().to_bits() % 100_000
        );
        self.mark(el, "id");
        el.set_id(&id);
        id
    }

    /// Remembers an attribute of a host element before the binding changes it.
    pub(crate) fn mark(&mut self, el: &Element, attr: &'static str) {
        if !self.marks.iter().any(|m| m.attr == attr && m.el == *el) {
            self.marks.push(Mark {
                el: el.clone(),
                attr,
                before: el.get_attribute(attr),
            });
        }
    }

    /// Shows the findings of `report` on the fields in `visible`.
    pub(crate) fn fields(
        &mut self,
        report: &Report,
        bound: &Bound,
        visible: &dyn Fn(Option<&Field>) -> bool,
    ) {
        let fields = &bound.fields[..];
        // The host's own message places, read once per check.
        self.hosts = all(&self.form, "[data-ldm-message-for]")
            .into_iter()
            .map(|el| {
                (
                    el.get_attribute("data-ldm-message-for").unwrap_or_default(),
                    el,
                )
            })
            .collect();
        let mut wanted: Vec<(String, Option<Field>, Vec<&Finding>)> = Vec::new();
        for f in report.findings.iter().filter(|f| !f.path.segs().is_empty()) {
            let dotted = f.path.dotted();
            let field = resolve(fields, &dotted).cloned();
            let host_el = self.host_message_el(&dotted, bound);
            let key = match (&field, &host_el) {
                (_, Some(_)) => dotted.clone(),
                (Some(field), None) => field.path.clone(),
                (None, None) => continue,
            };
            if !visible(field.as_ref()) {
                continue;
            }
            match wanted.iter_mut().find(|w| w.0 == key) {
                Some(w) => w.2.push(f),
                None => wanted.push((key, field, vec![f])),
            }
        }
        // A path may now name another control (a row above was removed):
        // what was shown for the old one goes, the new one gets its own.
        let moved: Vec<String> = self
            .shown
            .iter()
            .filter(|(k, shown)| {
                let now = wanted
                    .iter()
                    .find(|w| &w.0 == k)
                    .and_then(|w| w.1.as_ref())
                    .map(|f| &f.el);
                !shown.messages.is_connected() || (now.is_some() && now != shown.control.as_ref())
            })
            .map(|(k, _)| k.clone())
            .collect();
        for key in moved {
            self.clear(&key);
        }
        let stale: Vec<String> = self
            .shown
            .iter()
            .map(|(k, _)| k.clone())
            .filter(|k| !wanted.iter().any(|w| &w.0 == k))
            .collect();
        for key in stale {
            self.clear(&key);
        }
        for (key, field, findings) in wanted {
            self.show(&key, field.as_ref(), &findings, bound);
        }
    }

    /// The host's own message element for a path: `data-ldm-message-for`
    /// with the full path, or inside a member row with the row's path.
    fn host_message_el(&self, dotted: &str, bound: &Bound) -> Option<Element> {
        if let Some((_, el)) = self.hosts.iter().find(|(p, _)| p == dotted) {
            return Some(el.clone());
        }
        let rest = dotted.strip_prefix("members.")?;
        let (row, field) = rest.split_once('.')?;
        let row_el = bound.rows.get(row.parse::<usize>().ok()?)?;
        self.hosts
            .iter()
            .find(|(p, el)| {
                (p.strip_prefix("members.") == Some(field) || p == field)
                    && row_el.contains(Some(el))
            })
            .map(|(_, el)| el.clone())
    }

    fn show(&mut self, key: &str, field: Option<&Field>, findings: &[&Finding], bound: &Bound) {
        let errors: Vec<&str> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.message.as_str())
            .collect();
        if !self.shown.iter().any(|(k, _)| k == key) {
            let Some(shown) = self.place(key, field, bound) else {
                return;
            };
            self.shown.push((key.to_owned(), shown));
        }
        let dsfr = self.dsfr;
        let doc = self.doc.clone();
        let Some((_, shown)) = self.shown.iter_mut().find(|(k, _)| k == key) else {
            return;
        };
        let text: Vec<(Severity, &str)> = findings
            .iter()
            .map(|f| (f.severity, f.message.as_str()))
            .collect();
        fill_messages(&doc, &shown.messages, &text, dsfr);
        shown.errors = !errors.is_empty();
        let control = shown.control.clone();
        let has_errors = shown.errors;
        if let Some(c) = control {
            set_validity(&c, &errors.join(" "));
            if has_errors {
                let _ = c.set_attribute("aria-invalid", "true");
            } else {
                let _ = c.remove_attribute("aria-invalid");
            }
            if dsfr {
                toggle_dsfr_error(&c, has_errors);
            } else {
                toggle_class(&c, "ldm-invalid", has_errors);
            }
        }
    }

    /// Finds or creates the element that holds a field's messages and links
    /// it to the control with `aria-describedby`.
    fn place(&mut self, key: &str, field: Option<&Field>, bound: &Bound) -> Option<Shown> {
        let host = self.host_message_el(key, bound);
        let control = field.map(|f| f.el.clone());
        // A DSFR group usually carries its own messages element.
        let host = host.or_else(|| {
            let c = control.as_ref()?;
            let group = c
                .closest(".fr-input-group, .fr-select-group, .fr-fieldset")
                .ok()
                .flatten()?;
            group
                .query_selector(".fr-messages-group")
                .ok()
                .flatten()
                .filter(|_| self.dsfr)
        });
        let created = host.is_none();
        let messages = match host {
            Some(el) => {
                self.mark(&el, "aria-live");
                self.mark(&el, GENERATED);
                let _ = el.set_attribute(GENERATED, "");
                el
            }
            None => {
                let c = control.clone()?;
                let el = self.create("div");
                el.set_class_name(if self.dsfr {
                    "fr-messages-group"
                } else {
                    "ldm-messages"
                });
                insert_near(&c, &el, self.dsfr);
                self.created.push(el.clone());
                el
            }
        };
        let _ = messages.set_attribute("aria-live", "polite");
        let msg_id = self.id_of(&messages);
        let mut described_before = None;
        if let Some(c) = &control {
            for attr in ["aria-invalid", "aria-describedby", "class"] {
                self.mark(c, attr);
            }
            described_before = c.get_attribute("aria-describedby");
            let ids = match &described_before {
                Some(b) if !b.split_whitespace().any(|i| i == msg_id) => format!("{b} {msg_id}"),
                Some(b) => b.clone(),
                None => msg_id.clone(),
            };
            let _ = c.set_attribute("aria-describedby", &ids);
            if let Ok(Some(group)) = c.closest(".fr-input-group, .fr-select-group, .fr-fieldset") {
                self.mark(&group, "class");
            }
        }
        Some(Shown {
            control,
            messages,
            created,
            described_before,
            errors: false,
        })
    }

    /// Removes what is shown for a field.
    pub(crate) fn clear(&mut self, key: &str) {
        let Some(pos) = self.shown.iter().position(|(k, _)| k == key) else {
            return;
        };
        let (_, shown) = self.shown.remove(pos);
        if shown.created {
            shown.messages.remove();
            self.created.retain(|e| *e != shown.messages);
        } else {
            shown.messages.set_text_content(None);
        }
        if let Some(c) = shown.control {
            set_validity(&c, "");
            let _ = c.remove_attribute("aria-invalid");
            match shown.described_before {
                Some(b) => {
                    let _ = c.set_attribute("aria-describedby", &b);
                }
                None => {
                    let _ = c.remove_attribute("aria-describedby");
                }
            }
            if self.dsfr {
                toggle_dsfr_error(&c, false);
            } else {
                toggle_class(&c, "ldm-invalid", false);
            }
        }
    }

    /// The live title counter (« 87 / 100 »), placed after the title.
    pub(crate) fn counter(&mut self, report_len: i64, max: i64, title: Option<&Element>) {
        let Some(title) = title else { return };
        if self.counter.is_none() {
            let host = self
                .form
                .query_selector("[data-ldm-counter]")
                .ok()
                .flatten();
            let el = match host {
                Some(h) => h,
                None => {
                    let el = self.create("p");
                    el.set_class_name(if self.dsfr {
                        "fr-hint-text ldm-counter"
                    } else {
                        "ldm-counter"
                    });
                    insert_near(title, &el, self.dsfr);
                    self.counter_created = true;
                    self.created.push(el.clone());
                    el
                }
            };
            let id = self.id_of(&el);
            self.mark(title, "aria-describedby");
            let ids = match title.get_attribute("aria-describedby") {
                Some(b) if !b.split_whitespace().any(|i| i == id) => format!("{b} {id}"),
                Some(b) => b,
                None => id,
            };
            let _ = title.set_attribute("aria-describedby", &ids);
            self.counter = Some(el);
        }
        if let Some(el) = self.counter.clone() {
            let text = format!("{report_len} / {max}");
            if el.text_content().as_deref() != Some(text.as_str()) {
                el.set_text_content(Some(&text));
            }
            self.mark(&el, "class");
            toggle_class(&el, "ldm-counter--over", report_len > max);
        }
    }

    /// The error summary: a live region at the top of the form, one link
    /// per error to its field. `extra` holds the browser's own messages for
    /// host constraints the rules do not know.
    pub(crate) fn summary(
        &mut self,
        report: &Report,
        fields: &[Field],
        extra: &[(Element, String)],
    ) -> Option<Element> {
        let errors: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        // Rebuilding unchanged links would remove the one being clicked.
        let mut key = String::new();
        for f in &errors {
            key.push_str(&f.path.dotted());
            key.push_str(&f.message);
        }
        for (_, m) in extra {
            key.push_str(m);
        }
        let el = self.summary_el();
        if key == self.summary_key && el.is_connected() {
            return Some(el);
        }
        self.summary_key = key;
        el.set_text_content(None);
        let count = errors.len() + extra.len();
        if count == 0 {
            self.mark(&el, "hidden");
            let _ = el.set_attribute("hidden", "");
            return Some(el);
        }
        let _ = el.remove_attribute("hidden");
        let heading = self.create("h2");
        if self.dsfr {
            heading.set_class_name("fr-alert__title");
        }
        heading.set_text_content(Some(&(self.ui.summary_title)(count)));
        let _ = el.append_child(&heading);
        let list = self.create("ul");
        for f in errors {
            let target = resolve(fields, &f.path.dotted()).map(|fl| fl.el.clone());
            self.summary_item(&list, &f.message, target.as_ref());
        }
        for (control, message) in extra {
            self.summary_item(&list, message, Some(control));
        }
        let _ = el.append_child(&list);
        Some(el)
    }

    fn summary_item(&mut self, list: &Element, message: &str, target: Option<&Element>) {
        let li = self.create("li");
        match target {
            Some(t) => {
                let a = self.create("a");
                let id = self.id_of(t);
                let _ = a.set_attribute("href", &format!("#{id}"));
                let _ = a.set_attribute("data-ldm-target", &id);
                a.set_text_content(Some(message));
                let _ = li.append_child(&a);
            }
            None => li.set_text_content(Some(message)),
        }
        let _ = list.append_child(&li);
    }

    fn summary_el(&mut self) -> Element {
        if let Some(el) = &self.summary {
            return el.clone();
        }
        let el = match self
            .form
            .query_selector("[data-ldm-summary]")
            .ok()
            .flatten()
        {
            Some(host) => {
                for attr in ["tabindex", "aria-live", "role", "class", "hidden"] {
                    self.mark(&host, attr);
                }
                host
            }
            None => {
                let el = self.create("div");
                let _ = self.form.prepend_with_node_1(&el);
                self.summary_created = true;
                self.created.push(el.clone());
                el
            }
        };
        let _ = el.set_attribute("tabindex", "-1");
        let _ = el.set_attribute("role", "alert");
        let _ = el.set_attribute("aria-live", "assertive");
        let class = if self.dsfr {
            "fr-alert fr-alert--error ldm-summary"
        } else {
            "ldm-summary"
        };
        for c in class.split(' ') {
            let _ = el.class_list().add_1(c);
        }
        self.summary = Some(el.clone());
        el
    }

    /// Puts every host element back as it was and removes what was created.
    pub(crate) fn undo(&mut self) {
        let keys: Vec<String> = self.shown.iter().map(|(k, _)| k.clone()).collect();
        for k in keys {
            self.clear(&k);
        }
        for el in self.created.drain(..) {
            el.remove();
        }
        if !self.summary_created {
            if let Some(s) = &self.summary {
                s.set_text_content(None);
            }
        }
        if !self.counter_created {
            if let Some(c) = &self.counter {
                c.set_text_content(None);
            }
        }
        for m in self.marks.drain(..).rev() {
            let _ = match m.before {
                Some(v) => m.el.set_attribute(m.attr, &v),
                None => m.el.remove_attribute(m.attr),
            };
        }
        self.summary = None;
        self.summary_key.clear();
        self.counter = None;
    }
}

/// Puts `el` (messages, counter) where the control's own texts go: inside
/// its DSFR group or fieldset (after the control, as DSFR lays them out),
/// after a label that wraps the control (not inside it, where it would join
/// the label's name), else right after the control.
fn insert_near(control: &Element, el: &Element, dsfr: bool) {
    let group = if dsfr {
        ".fr-input-group, .fr-select-group, .fr-fieldset"
    } else {
        "fieldset"
    };
    let choice = control
        .dyn_ref::<HtmlInputElement>()
        .is_some_and(|i| matches!(i.type_().as_str(), "radio" | "checkbox"));
    if dsfr || choice {
        if let Ok(Some(g)) = control.closest(group) {
            let _ = g.append_child(el);
            return;
        }
    }
    let _ = match control.closest("label") {
        Ok(Some(label)) => label.after_with_node_1(el),
        _ => control.after_with_node_1(el),
    };
}

fn fill_messages(doc: &Document, holder: &Element, lines: &[(Severity, &str)], dsfr: bool) {
    let same = holder.child_element_count() as usize == lines.len()
        && lines.iter().enumerate().all(|(i, (_, t))| {
            holder
                .children()
                .item(i as u32)
                .and_then(|c| c.text_content())
                .as_deref()
                == Some(*t)
        });
    if same {
        return;
    }
    holder.set_text_content(None);
    for (severity, text) in lines {
        let Ok(p) = doc.create_element("p") else {
            continue;
        };
        let _ = p.set_attribute(GENERATED, "");
        let class = match (dsfr, severity) {
            (true, Severity::Error) => "fr-message fr-message--error",
            (true, _) => "fr-message fr-message--info",
            (false, Severity::Error) => "ldm-message ldm-message--error",
            (false, Severity::Warning) => "ldm-message ldm-message--warning",
            (false, Severity::Info) => "ldm-message ldm-message--info",
        };
        p.set_class_name(class);
        p.set_text_content(Some(text));
        let _ = holder.append_child(&p);
    }
}

fn set_validity(el: &Element, message: &str) {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.set_custom_validity(message);
    } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        s.set_custom_validity(message);
    } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.set_custom_validity(message);
    }
}

fn toggle_class(el: &Element, class: &str, on: bool) {
    let list = el.class_list();
    let _ = if on {
        list.add_1(class)
    } else {
        list.remove_1(class)
    };
}

/// DSFR's error look: `fr-input--error` on the control, `…-group--error`
/// on its group.
fn toggle_dsfr_error(control: &Element, on: bool) {
    let own = if control.dyn_ref::<HtmlSelectElement>().is_some() {
        "fr-select--error"
    } else {
        "fr-input--error"
    };
    let is_text = control
        .dyn_ref::<HtmlInputElement>()
        .is_none_or(|i| !matches!(i.type_().as_str(), "radio" | "checkbox"));
    if is_text {
        toggle_class(control, own, on);
    }
    if let Ok(Some(group)) = control.closest(".fr-input-group, .fr-select-group, .fr-fieldset") {
        let class = if group.class_list().contains("fr-select-group") {
            "fr-select-group--error"
        } else if group.class_list().contains("fr-fieldset") {
            "fr-fieldset--error"
        } else {
            "fr-input-group--error"
        };
        toggle_class(&group, class, on);
    }
}

/// Moves focus to an element (the summary, a field).
pub(crate) fn focus(el: &Element) {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}
