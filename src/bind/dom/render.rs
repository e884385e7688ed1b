//! Showing a report in the form: each field's messages, native constraint
//! validation, ARIA, the error summary, the title counter and its
//! correction button, and the browser's verdict on host constraints. A group
//! of checkboxes or radios sharing a path is one field, marked on its
//! fieldset; a table row's messages go to a row added below it. Every text
//! is set with `textContent` (user text is never HTML), and no style is set:
//! the look comes from classes (DSFR's, or `ldm-` ones for form.css).

use super::fields::{all, at_fault, choices, control_for, resolve, Bound, Field};
use crate::report::{Finding, Report, Severity};
use crate::words::form::Ui;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
};

/// Marks every element the binding creates, so that its own changes are
/// told apart from the host's and everything is removed on detach.
pub(crate) const GENERATED: &str = "data-ldm-generated";

/// Marks the title's correction button (« Utiliser : … »).
pub(crate) const SUGGESTION: &str = "data-ldm-suggestion";

/// An attribute or class the binding changed on a host element, and what
/// to put back on detach.
pub(crate) struct Mark {
    pub el: Element,
    pub attr: &'static str,
    pub before: Option<String>,
}

/// What is shown for one field now.
pub(crate) struct Shown {
    /// The field's control (a group's first choice): which field this is.
    pub control: Option<Element>,
    /// A group's choices (checkboxes or radios sharing the path), else empty.
    pub choices: Vec<Element>,
    /// What carries `aria-describedby` and `aria-invalid`: the control, the
    /// group's own fieldset or `role=group` container, or else each choice.
    pub described: Vec<Element>,
    /// Whether `described` is the group's container.
    pub container: bool,
    /// The element holding the messages (created, or the host's).
    pub messages: Element,
    pub created: bool,
    pub errors: bool,
}

/// The row added below a host table row to hold the messages of its
/// fields, so that the row keeps its height and its columns their widths.
pub(crate) struct MessageRow {
    pub owner: Element,
    pub row: Element,
    pub cell: Element,
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
    /// The message rows added below host table rows.
    pub rows: Vec<MessageRow>,
    /// What is shown for host controls the browser finds invalid.
    pub host_shown: Vec<Shown>,
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
        // Message rows follow their table rows; a removed row takes its own.
        self.sync_rows();
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
            let suggestion = match &field {
                Some(f) if f.path == "title" => report.title.suggestion.as_deref(),
                _ => None,
            };
            self.show(&key, field.as_ref(), &findings, bound, suggestion);
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

    fn show(
        &mut self,
        key: &str,
        field: Option<&Field>,
        findings: &[&Finding],
        bound: &Bound,
        suggestion: Option<&str>,
    ) {
        let errors: Vec<&Finding> = findings
            .iter()
            .copied()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        if !self.shown.iter().any(|(k, _)| k == key) {
            let Some(shown) = self.place(key, field, bound) else {
                return;
            };
            self.shown.push((key.to_owned(), shown));
        }
        let dsfr = self.dsfr;
        let doc = self.doc.clone();
        let button = suggestion.map(self.ui.use_suggestion);
        let Some((_, shown)) = self.shown.iter_mut().find(|(k, _)| k == key) else {
            return;
        };
        let text: Vec<(Severity, &str)> = findings
            .iter()
            .map(|f| (f.severity, f.message.as_str()))
            .collect();
        fill_messages(&doc, &shown.messages, &text, dsfr, button.as_deref());
        shown.errors = !errors.is_empty();
        // What is at fault: the control; in a group, the choice holding a
        // wrong value, or every choice when the whole list is wrong.
        let mut fault: Vec<Element> = Vec::new();
        for f in &errors {
            let els = match (shown.choices.is_empty(), field) {
                (true, _) => shown.control.iter().cloned().collect(),
                (false, Some(fl)) => at_fault(&shown.choices, &fl.path, &f.path.dotted()),
                (false, None) => shown.choices.clone(),
            };
            for el in els {
                if !fault.contains(&el) {
                    fault.push(el);
                }
            }
        }
        let message = errors
            .iter()
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        mark_invalid(shown, &fault, &message, dsfr);
        // A group with no container of its own: only the choices the
        // messages are about are described by them (never a correct one).
        if !shown.container && !shown.choices.is_empty() {
            let about: Vec<Element> = match field {
                Some(fl) => findings
                    .iter()
                    .flat_map(|f| at_fault(&shown.choices, &fl.path, &f.path.dotted()))
                    .collect(),
                None => shown.choices.clone(),
            };
            let id = shown.messages.id();
            for c in &shown.choices {
                set_described(c, &id, about.contains(c));
            }
        }
    }

    /// Finds or creates the element that holds a field's messages and links
    /// it with `aria-describedby`: to the control, or for a group of
    /// choices to its fieldset (else to each choice).
    fn place(&mut self, key: &str, field: Option<&Field>, bound: &Bound) -> Option<Shown> {
        let control = field.map(|f| f.el.clone());
        let group = field
            .map(|f| choices(&bound.fields, &f.path))
            .unwrap_or_default();
        let container = field.and_then(|f| group_container(&group, f, bound, &self.form));
        let host = self.host_message_el(key, bound);
        let anchor = container.clone().or_else(|| control.clone());
        let (messages, created) = self.holder(host, anchor.as_ref(), container.as_ref(), &group)?;
        let targets: Vec<Element> = match &container {
            Some(c) => vec![c.clone()],
            None if !group.is_empty() => group.clone(),
            None => control.iter().cloned().collect(),
        };
        // The choices of a group without container are described as their
        // messages concern them (`show`).
        let link = container.is_some() || group.is_empty();
        self.describe(&targets, &messages, link);
        Some(Shown {
            control,
            choices: group,
            described: targets,
            container: container.is_some(),
            messages,
            created,
            errors: false,
        })
    }

    /// The element that receives messages: the host's, a DSFR group's own
    /// messages element, or one created where the messages go (the message
    /// row of a table row, the end of a group's container, after a group's
    /// last choice, next to the control).
    fn holder(
        &mut self,
        host: Option<Element>,
        anchor: Option<&Element>,
        container: Option<&Element>,
        group: &[Element],
    ) -> Option<(Element, bool)> {
        // A DSFR group usually carries its own messages element (a
        // fieldset's is its own child, not one of its checkboxes').
        let host = host.or_else(|| {
            let group = anchor?
                .closest(".fr-input-group, .fr-select-group, .fr-fieldset")
                .ok()
                .flatten()?;
            let own = if container.is_some() {
                ":scope > .fr-messages-group"
            } else {
                ".fr-messages-group"
            };
            group
                .query_selector(own)
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
                let anchor = anchor?.clone();
                let el = self.create("div");
                el.set_class_name(if self.dsfr {
                    "fr-messages-group"
                } else {
                    "ldm-messages"
                });
                if let Some(cell) = self.row_cell(&anchor) {
                    self.insert_in_row(&cell, &el, &anchor);
                } else if let Some(c) = container {
                    let _ = c.append_child(&el);
                } else if let Some(last) = group.last() {
                    after_choice(last, &el);
                } else {
                    insert_near(&anchor, &el, self.dsfr);
                }
                self.created.push(el.clone());
                el
            }
        };
        let _ = messages.set_attribute("aria-live", "polite");
        Some((messages, created))
    }

    /// Remembers what the targets had, and (with `link`) adds the messages
    /// element's id to each one's `aria-describedby`.
    fn describe(&mut self, targets: &[Element], messages: &Element, link: bool) {
        let msg_id = self.id_of(messages);
        for t in targets {
            for attr in ["aria-invalid", "aria-describedby", "class"] {
                self.mark(t, attr);
            }
            if link {
                set_described(t, &msg_id, true);
            }
            if let Ok(Some(group)) = t.closest(".fr-input-group, .fr-select-group, .fr-fieldset") {
                self.mark(&group, "class");
            }
        }
    }

    /// The cell of the message row below the table row holding `anchor`
    /// (created when it has none), or `None` outside a table row.
    fn row_cell(&mut self, anchor: &Element) -> Option<Element> {
        let tr = anchor.closest("tr").ok()??;
        if tr.has_attribute(GENERATED) || !self.form.contains(Some(&tr)) {
            return None;
        }
        if let Some(r) = self.rows.iter().find(|r| r.owner == tr) {
            return Some(r.cell.clone());
        }
        let row = self.create("tr");
        row.set_class_name("ldm-message-row");
        let cell = self.create("td");
        cell.set_class_name("ldm-message-cell");
        let _ = cell.set_attribute("colspan", &columns(&tr));
        let _ = row.append_child(&cell);
        let _ = tr.after_with_node_1(&row);
        self.created.push(row.clone());
        self.rows.push(MessageRow {
            owner: tr,
            row,
            cell: cell.clone(),
        });
        Some(cell)
    }

    /// Puts a field's messages into a message row in the order of the
    /// row's controls.
    fn insert_in_row(&self, cell: &Element, el: &Element, anchor: &Element) {
        let children = cell.children();
        for i in 0..children.length() {
            let Some(child) = children.item(i) else {
                continue;
            };
            let owner = self
                .shown
                .iter()
                .map(|(_, s)| s)
                .chain(self.host_shown.iter())
                .find(|s| s.messages == child)
                .and_then(|s| s.described.first().cloned().or_else(|| s.control.clone()));
            // Node.DOCUMENT_POSITION_FOLLOWING: that field comes after this one.
            if owner.is_some_and(|o| anchor.compare_document_position(&o) & 4 != 0) {
                let _ = child.before_with_node_1(el);
                return;
            }
        }
        let _ = cell.append_child(el);
    }

    /// Keeps each message row right below its table row, spanning its
    /// columns, and removes those whose row left the page or that hold
    /// nothing.
    fn sync_rows(&mut self) {
        let mut i = 0;
        while i < self.rows.len() {
            let r = &self.rows[i];
            if !r.owner.is_connected() || r.cell.child_element_count() == 0 {
                r.row.remove();
                let row = self.rows.remove(i).row;
                self.created.retain(|e| *e != row);
                continue;
            }
            if r.owner.next_element_sibling().as_ref() != Some(&r.row) {
                let _ = r.owner.after_with_node_1(&r.row);
            }
            let n = columns(&r.owner);
            if r.cell.get_attribute("colspan").as_deref() != Some(n.as_str()) {
                let _ = r.cell.set_attribute("colspan", &n);
            }
            i += 1;
        }
    }

    /// Removes what is shown for a field.
    pub(crate) fn clear(&mut self, key: &str) {
        let Some(pos) = self.shown.iter().position(|(k, _)| k == key) else {
            return;
        };
        let (_, shown) = self.shown.remove(pos);
        self.remove_shown(shown);
    }

    fn remove_shown(&mut self, shown: Shown) {
        let id = shown.messages.id();
        if shown.created {
            shown.messages.remove();
            self.created.retain(|e| *e != shown.messages);
            self.sync_rows();
        } else {
            shown.messages.set_text_content(None);
        }
        for c in shown.control.iter().chain(shown.choices.iter()) {
            set_validity(c, "");
        }
        for t in &shown.described {
            let _ = t.remove_attribute("aria-invalid");
            set_described(t, &id, false);
            if self.dsfr {
                toggle_dsfr_error(t, false);
            } else {
                toggle_class(t, "ldm-invalid", false);
            }
        }
    }

    /// Shows the browser's verdict on host controls the rules do not know
    /// (`required`, `pattern`…): a message next to each, `aria-invalid`.
    /// `list` holds each control and its message; the others are cleared.
    pub(crate) fn host_messages(&mut self, list: &[(Element, String)]) {
        let mut kept = Vec::new();
        for shown in std::mem::take(&mut self.host_shown) {
            let still = shown.messages.is_connected()
                && list
                    .iter()
                    .any(|(el, _)| shown.control.as_ref() == Some(el));
            if still {
                kept.push(shown);
            } else {
                self.remove_shown(shown);
            }
        }
        self.host_shown = kept;
        for (el, message) in list {
            if !self
                .host_shown
                .iter()
                .any(|s| s.control.as_ref() == Some(el))
            {
                let Some((messages, created)) = self.holder(None, Some(el), None, &[]) else {
                    continue;
                };
                self.describe(std::slice::from_ref(el), &messages, true);
                self.host_shown.push(Shown {
                    control: Some(el.clone()),
                    choices: Vec::new(),
                    described: vec![el.clone()],
                    container: false,
                    messages,
                    created,
                    errors: true,
                });
            }
            let dsfr = self.dsfr;
            if let Some(shown) = self
                .host_shown
                .iter()
                .find(|s| s.control.as_ref() == Some(el))
            {
                fill_messages(
                    &self.doc,
                    &shown.messages,
                    &[(Severity::Error, message)],
                    dsfr,
                    None,
                );
                let _ = el.set_attribute("aria-invalid", "true");
                if dsfr {
                    toggle_dsfr_error(el, true);
                } else {
                    toggle_class(el, "ldm-invalid", true);
                }
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
            let target = control_for(fields, &f.path.dotted());
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
        self.host_messages(&[]);
        self.rows.clear();
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

/// Writes a field's messages (and the title's correction button) into
/// their holder, unless it already shows exactly these.
fn fill_messages(
    doc: &Document,
    holder: &Element,
    lines: &[(Severity, &str)],
    dsfr: bool,
    button: Option<&str>,
) {
    let count = lines.len() + usize::from(button.is_some());
    let children = holder.children();
    let text_at = |i: usize| children.item(i as u32).and_then(|c| c.text_content());
    let same = children.length() as usize == count
        && lines
            .iter()
            .enumerate()
            .all(|(i, (_, t))| text_at(i).as_deref() == Some(*t))
        && button.is_none_or(|b| text_at(lines.len()).as_deref() == Some(b));
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
    if let Some(text) = button {
        let Ok(b) = doc.create_element("button") else {
            return;
        };
        let _ = b.set_attribute(GENERATED, "");
        let _ = b.set_attribute("type", "button");
        let _ = b.set_attribute(SUGGESTION, "");
        b.set_class_name(if dsfr {
            "fr-btn fr-btn--sm fr-btn--secondary ldm-suggestion"
        } else {
            "ldm-suggestion"
        });
        b.set_text_content(Some(text));
        let _ = holder.append_child(&b);
    }
}

/// Marks what is at fault: the custom validity of the control (or of the
/// choices at fault), `aria-invalid` and the error look on what carries the
/// messages (a group's container when one of its choices is at fault).
fn mark_invalid(shown: &Shown, fault: &[Element], message: &str, dsfr: bool) {
    let own = if shown.choices.is_empty() {
        shown.control.as_slice()
    } else {
        &shown.choices[..]
    };
    for c in own {
        set_validity(c, if fault.contains(c) { message } else { "" });
    }
    for t in &shown.described {
        let on = if shown.container {
            !fault.is_empty()
        } else {
            fault.contains(t)
        };
        let _ = if on {
            t.set_attribute("aria-invalid", "true")
        } else {
            t.remove_attribute("aria-invalid")
        };
        if dsfr {
            toggle_dsfr_error(t, on);
        } else {
            toggle_class(t, "ldm-invalid", on);
        }
    }
}

/// Adds `id` to the element's `aria-describedby`, or takes it out.
fn set_described(el: &Element, id: &str, on: bool) {
    let current = el.get_attribute("aria-describedby");
    let mut ids: Vec<&str> = current
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let has = ids.contains(&id);
    if on == has {
        return;
    }
    if on {
        ids.push(id);
    } else {
        ids.retain(|i| *i != id);
    }
    let _ = if ids.is_empty() {
        el.remove_attribute("aria-describedby")
    } else {
        el.set_attribute("aria-describedby", &ids.join(" "))
    };
}

/// A group's own container: the nearest fieldset, `role=group` or
/// `role=radiogroup` element that holds every choice of the group and no
/// other field (a member row's fieldset is not one group's).
fn group_container(
    group: &[Element],
    field: &Field,
    bound: &Bound,
    form: &Element,
) -> Option<Element> {
    let first = group.first()?;
    let mut el = first
        .closest("fieldset, [role=group], [role=radiogroup]")
        .ok()
        .flatten();
    while let Some(c) = el {
        if c == *form || !form.contains(Some(&c)) {
            return None;
        }
        let holds_all = group.iter().all(|g| c.contains(Some(g)));
        let holds_other = bound
            .fields
            .iter()
            .any(|f| f.path != field.path && c.contains(Some(&f.el)));
        if holds_other {
            return None;
        }
        if holds_all {
            return Some(c);
        }
        el = c.parent_element().and_then(|p| {
            p.closest("fieldset, [role=group], [role=radiogroup]")
                .ok()
                .flatten()
        });
    }
    None
}

/// The number of columns a table row spans (its cells' `colspan`).
fn columns(tr: &Element) -> String {
    let cells = tr.children();
    let n: i64 = (0..cells.length())
        .filter_map(|i| cells.item(i))
        .filter(|c| matches!(c.tag_name().as_str(), "TD" | "TH"))
        .map(|c| {
            c.get_attribute("colspan")
                .and_then(|v| v.trim().parse::<i64>().ok())
                .filter(|n| (1..=1000).contains(n))
                .unwrap_or(1)
        })
        .sum();
    let mut s = String::new();
    crate::text::write_int(&mut s, n.max(1));
    s
}

/// Puts a group's messages after its last choice: after the label that
/// wraps it, or the label that follows it, else right after it.
fn after_choice(last: &Element, el: &Element) {
    if let Ok(Some(label)) = last.closest("label") {
        let _ = label.after_with_node_1(el);
        return;
    }
    let id = last.id();
    if let Some(next) = last.next_element_sibling() {
        if !id.is_empty()
            && next.tag_name() == "LABEL"
            && next.get_attribute("for").as_deref() == Some(id.as_str())
        {
            let _ = next.after_with_node_1(el);
            return;
        }
    }
    let _ = last.after_with_node_1(el);
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
    // A text control or a select; not a choice, nor a group's container.
    let is_text = match control.dyn_ref::<HtmlInputElement>() {
        Some(i) => !matches!(i.type_().as_str(), "radio" | "checkbox"),
        None => {
            control.dyn_ref::<HtmlSelectElement>().is_some()
                || control.dyn_ref::<HtmlTextAreaElement>().is_some()
        }
    };
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
