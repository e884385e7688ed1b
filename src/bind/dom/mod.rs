//! `attachForm` (SPEC §8.3): binds the rules to a form the academy already
//! has, through `data-ldm` attributes or a selector map, and checks it live.
//!
//! The binding only reads controls into a request, calls [`validate`], and
//! shows the report; the rules know nothing of the DOM. Event handlers never
//! hold the state while they hand control back to the page (events, focus),
//! so a host listener may call the handle again.

mod fields;
mod panel;
mod render;

use super::to_js;
use crate::options::Options;
use crate::report::{CycleSummary, Report};
use crate::value::Value;
use crate::words::form::ui;
use crate::{validate, Request};
use fields::{Binding, Bound, Field};
use render::{focus, View, GENERATED, SUGGESTION};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEvent, CustomEventInit, Element, Event, EventTarget, HtmlFormElement, MutationObserver,
    MutationObserverInit, MutationRecord,
};

type Listener = (EventTarget, &'static str, bool, Closure<dyn FnMut(Event)>);
type Observer = (MutationObserver, Closure<dyn FnMut(js_sys::Array)>);
/// What the cycle panel shows: it is redrawn only when this changes.
type PanelKey = (CycleSummary, Vec<String>, String);

struct State {
    form: HtmlFormElement,
    options: Options,
    binding: Binding,
    view: View,
    panel: Option<Element>,
    panel_created: bool,
    panel_key: Option<PanelKey>,
    touched: Vec<Element>,
    submitted: bool,
    report: Option<Report>,
    listeners: Vec<Listener>,
    observer: Option<Observer>,
}

/// What a handler does once it no longer holds the state.
struct After {
    report: JsValue,
    focus: Option<Element>,
}

impl State {
    fn el(&self) -> &Element {
        self.form.unchecked_ref()
    }

    /// Validates the form and shows the result; `everything` shows every
    /// field's messages (submit, `validate()`), else only checked fields.
    fn run(&mut self, everything: bool) -> After {
        let bound = self.binding.bind(self.el());
        self.run_bound(everything, bound)
    }

    /// As `run`, with the controls already found (an event handler did).
    fn run_bound(&mut self, everything: bool, bound: Bound) -> After {
        if everything {
            self.submitted = true;
        }
        let fields = &bound.fields[..];
        let request = Request::from_value(fields::read(fields, bound.rows.len()));
        let report = validate(&request, &self.options);
        let submitted = self.submitted;
        let touched = &self.touched;
        // A field is checked once one of its controls was (any choice of a group).
        let visible = |f: Option<&Field>| {
            submitted
                || f.is_some_and(|f| {
                    fields
                        .iter()
                        .any(|g| g.path == f.path && touched.contains(&g.el))
                })
        };
        self.view.fields(&report, &bound, &visible);
        let title = fields
            .iter()
            .find(|f| f.path == "title")
            .map(|f| f.el.clone());
        self.view
            .counter(report.title.length, report.title.max, title.as_ref());
        let mut focus_to = None;
        if self.submitted {
            let extra = self.host_constraints();
            let next_to: Vec<(Element, String)> = extra
                .iter()
                .map(|(el, m, _)| (el.clone(), m.clone()))
                .collect();
            self.view.host_messages(&next_to);
            let lines: Vec<(Element, String)> =
                extra.into_iter().map(|(el, _, line)| (el, line)).collect();
            let summary = self.view.summary(&report, fields, &lines);
            if everything && (!report.valid || !lines.is_empty()) {
                focus_to = summary;
            }
        } else {
            self.view.host_messages(&[]);
        }
        self.panel(&report, fields);
        let js = to_js(&report);
        self.report = Some(report);
        After {
            report: js,
            focus: focus_to,
        }
    }

    /// Host controls the browser finds invalid (`required`, `pattern`…)
    /// that show no error of the rules: each with its message, in the
    /// binding's language (never the browser's `validationMessage`), and
    /// its summary line, which names it by its label.
    fn host_constraints(&self) -> Vec<(Element, String, String)> {
        let ours: Vec<Element> = self
            .view
            .shown
            .iter()
            .filter(|(_, s)| s.errors)
            .flat_map(|(_, s)| s.control.iter().chain(s.choices.iter()).cloned())
            .collect();
        let ui = self.view.ui;
        fields::host_invalid(self.el(), &ours)
            .into_iter()
            .map(|(el, broken)| {
                let message = match broken {
                    Ok(b) => (ui.constraint)(&b),
                    Err(host) => host,
                };
                let line = (ui.labelled)(&fields::label_of(&el), &message);
                (el, message, line)
            })
            .collect()
    }

    fn panel(&mut self, report: &Report, fields: &[Field]) {
        let names: Vec<String> = (0..report.cycle.members.len())
            .map(|i| {
                let path = format!("members.{i}.name");
                fields
                    .iter()
                    .find(|f| f.path == path)
                    .and_then(|f| {
                        js_sys::Reflect::get(&f.el, &"value".into())
                            .ok()?
                            .as_string()
                    })
                    .unwrap_or_default()
            })
            .collect();
        let messages: String = report
            .findings
            .iter()
            .filter(|f| f.path.segs().is_empty())
            .map(|f| f.message.as_str())
            .collect();
        let key = (report.cycle.clone(), names, messages);
        if self.panel_key.as_ref() == Some(&key) {
            return;
        }
        let names = key.1.clone();
        self.panel_key = Some(key);
        let panel = match &self.panel {
            Some(p) => p.clone(),
            None => {
                let Some(p) = self.panel_el() else { return };
                p
            }
        };
        panel::render(
            &self.view.doc,
            &panel,
            report,
            &names,
            self.view.ui,
            self.view.dsfr,
        );
    }

    fn panel_el(&mut self) -> Option<Element> {
        let form = self.el().clone();
        let panel = match form.query_selector("[data-ldm-cycle]").ok().flatten() {
            Some(host) => {
                self.view.mark(&host, GENERATED);
                let _ = host.set_attribute(GENERATED, "");
                host
            }
            None => {
                let p = self.view.create("section");
                self.panel_created = true;
                self.view.created.push(p.clone());
                // Before the submit button's block (the form's child that holds it).
                let mut submit = form
                    .query_selector("[type=submit], button:not([type])")
                    .ok()
                    .flatten();
                while let Some(el) = submit.clone() {
                    match el.parent_element() {
                        Some(p) if p != form => submit = Some(p),
                        _ => break,
                    }
                }
                match submit {
                    Some(s) => {
                        let _ = s.before_with_node_1(&p);
                    }
                    None => {
                        let _ = form.append_child(&p);
                    }
                }
                p
            }
        };
        self.view.mark(&panel, "class");
        self.view.mark(&panel, "aria-live");
        let class = if self.view.dsfr {
            "fr-callout ldm-cycle"
        } else {
            "ldm-cycle"
        };
        for c in class.split(' ') {
            let _ = panel.class_list().add_1(c);
        }
        let _ = panel.set_attribute("aria-live", "polite");
        self.panel = Some(panel.clone());
        Some(panel)
    }

    fn touch(&mut self, el: &Element) {
        if !self.touched.contains(el) {
            self.touched.push(el.clone());
        }
    }

    fn detach(&mut self) {
        for (target, kind, capture, closure) in self.listeners.drain(..) {
            let _ = target.remove_event_listener_with_callback_and_bool(
                kind,
                closure.as_ref().unchecked_ref(),
                capture,
            );
        }
        if let Some((observer, _)) = self.observer.take() {
            observer.disconnect();
        }
        if !self.panel_created {
            if let Some(p) = &self.panel {
                p.set_text_content(None);
            }
        }
        self.view.undo();
        self.panel = None;
        self.touched.clear();
    }
}

/// Hands a report to the page: the `ldm:report` event, then focus.
fn after(form: &HtmlFormElement, after: After) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&after.report);
    if let Ok(event) = CustomEvent::new_with_event_init_dict("ldm:report", &init) {
        let _ = form.dispatch_event(&event);
    }
    if let Some(el) = after.focus {
        focus(&el);
    }
}

/// The object `attachForm` returns (wrapped by the JS API).
#[wasm_bindgen]
pub struct FormHandle {
    state: Rc<RefCell<State>>,
    form: HtmlFormElement,
}

#[wasm_bindgen]
impl FormHandle {
    /// Removes every listener, message, attribute and element the binding added.
    pub fn detach(&self) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.detach();
        }
    }

    /// Checks the whole form now, shows every message, and returns the report.
    pub fn validate(&self) -> JsValue {
        let Some(done) = self.state.try_borrow_mut().ok().map(|mut s| s.run(true)) else {
            return JsValue::NULL;
        };
        let report = done.report.clone();
        after(
            &self.form,
            After {
                focus: None,
                ..done
            },
        );
        report
    }

    /// The last report, or `null` before the first check.
    pub fn report(&self) -> JsValue {
        self.state
            .try_borrow()
            .ok()
            .and_then(|s| s.report.as_ref().map(to_js))
            .unwrap_or(JsValue::NULL)
    }
}

/// Binds the rules to `form`. `options_json` holds the validation options,
/// `selectors_json` an optional `{ path: CSS selector }` map.
#[wasm_bindgen(js_name = attachFormJson)]
pub fn attach_form(form: HtmlFormElement, options_json: &str, selectors_json: &str) -> FormHandle {
    let options = Value::parse_host(options_json)
        .map(Options::from_owned)
        .unwrap_or_default();
    let selectors = match Value::parse_host(selectors_json) {
        Ok(Value::Object(f)) => f
            .into_iter()
            .filter_map(|(k, v)| Some((k, v.as_str()?.to_owned())))
            .collect(),
        _ => Vec::new(),
    };
    let el: &Element = form.unchecked_ref();
    let doc = el.owner_document().unwrap_or_else(|| {
        web_sys::window()
            .and_then(|w| w.document())
            .unwrap_or_else(|| JsCast::unchecked_into(js_sys::Object::new()))
    });
    let dsfr = el
        .query_selector(".fr-input, .fr-input-group, .fr-select, .fr-fieldset, .fr-btn")
        .ok()
        .flatten()
        .is_some();
    let view = View {
        doc,
        form: el.clone(),
        dsfr,
        ui: ui(options.lang),
        shown: Vec::new(),
        marks: Vec::new(),
        created: Vec::new(),
        summary: None,
        summary_created: false,
        summary_key: String::new(),
        counter: None,
        counter_created: false,
        next_id: 0,
        hosts: Vec::new(),
        rows: Vec::new(),
        host_shown: Vec::new(),
    };
    let state = Rc::new(RefCell::new(State {
        form: form.clone(),
        options,
        binding: Binding { selectors },
        view,
        panel: None,
        panel_created: false,
        panel_key: None,
        touched: Vec::new(),
        submitted: false,
        report: None,
        listeners: Vec::new(),
        observer: None,
    }));
    {
        let mut s = state.borrow_mut();
        s.view.mark(el, "novalidate");
        // Our summary replaces the browser's bubbles; constraints still apply.
        form.set_no_validate(true);
    }
    listen(&state, &form);
    observe(&state, &form);
    // The counter and panel show from the start; messages wait for input.
    let first = state.borrow_mut().run(false);
    after(&form, first);
    FormHandle { state, form }
}

fn add_listener(
    state: &Rc<RefCell<State>>,
    target: &EventTarget,
    kind: &'static str,
    capture: bool,
    handler: impl FnMut(Event) + 'static,
) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = target.add_event_listener_with_callback_and_bool(
        kind,
        closure.as_ref().unchecked_ref(),
        capture,
    );
    state
        .borrow_mut()
        .listeners
        .push((target.clone(), kind, capture, closure));
}

fn target_el(e: &Event) -> Option<Element> {
    e.target()?.dyn_into::<Element>().ok()
}

fn listen(state: &Rc<RefCell<State>>, form: &HtmlFormElement) {
    let target: &EventTarget = form.unchecked_ref();
    // As the user types: the title (live counter) and the UAIs.
    let (s, f) = (state.clone(), form.clone());
    add_listener(state, target, "input", false, move |e| {
        let Some(el) = target_el(&e) else { return };
        let done = s.try_borrow_mut().ok().and_then(|mut st| {
            let bound = st.binding.bind(st.el());
            match bound.fields.iter().find(|f| f.el == el).map(|f| &f.key) {
                Some(key) if key == "title" || key == "members.uai" => st.touch(&el),
                Some(_) => {}
                // A host control: its constraints show once the form was submitted.
                None if st.submitted && !el.has_attribute(GENERATED) => {}
                None => return None,
            }
            Some(st.run_bound(false, bound))
        });
        if let Some(d) = done {
            after(&f, d);
        }
    });
    // The rest on change and when leaving a field.
    for kind in ["change", "focusout"] {
        let (s, f) = (state.clone(), form.clone());
        add_listener(state, target, kind, false, move |e| {
            let Some(el) = target_el(&e) else { return };
            let done = s.try_borrow_mut().ok().and_then(|mut st| {
                let bound = st.binding.bind(st.el());
                if bound.fields.iter().any(|f| f.el == el) {
                    st.touch(&el);
                } else if !st.submitted || el.has_attribute(GENERATED) || !is_control(&el) {
                    return None;
                }
                Some(st.run_bound(false, bound))
            });
            if let Some(d) = done {
                after(&f, d);
            }
        });
    }
    // Submit: everything is checked; errors stop the submission (before
    // the host's own submit handlers) and focus goes to the summary.
    let (s, f) = (state.clone(), form.clone());
    add_listener(state, target, "submit", true, move |e| {
        let done = s.try_borrow_mut().ok().map(|mut st| st.run(true));
        if let Some(d) = done {
            if d.focus.is_some() {
                e.prevent_default();
                e.stop_immediate_propagation();
            }
            after(&f, d);
        }
    });
    // Summary links focus their field (a fragment link only scrolls); the
    // title's correction button puts the suggestion into the title.
    let (s, f) = (state.clone(), form.clone());
    add_listener(state, target, "click", false, move |e| {
        let Some(t) = target_el(&e) else { return };
        if t.closest(&format!("button[{SUGGESTION}]"))
            .ok()
            .flatten()
            .is_some()
        {
            use_suggestion(&s);
            return;
        }
        let Some(a) = t.closest("a[data-ldm-target]").ok().flatten() else {
            return;
        };
        let id = a.get_attribute("data-ldm-target").unwrap_or_default();
        let el: &Element = f.unchecked_ref();
        if let Some(field) = el.owner_document().and_then(|d| d.get_element_by_id(&id)) {
            e.prevent_default();
            focus(&field);
        }
    });
    // A reset form starts over: nothing checked; values change after the event.
    let (s, f) = (state.clone(), form.clone());
    add_listener(state, target, "reset", false, move |_| {
        if let Ok(mut st) = s.try_borrow_mut() {
            st.touched.clear();
            st.submitted = false;
        }
        let (s2, f2) = (s.clone(), f.clone());
        let later = Closure::once_into_js(move || {
            let done = s2.try_borrow_mut().ok().map(|mut st| st.run(false));
            if let Some(d) = done {
                after(&f2, d);
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(later.unchecked_ref());
        }
    });
}

/// A form control (the only elements whose change can break a host constraint).
fn is_control(el: &Element) -> bool {
    matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
}

/// Puts the report's suggested title into the title field as if typed
/// (`input` and `change` events, so that the page and the binding see it),
/// which checks it again, and leaves focus on the field.
fn use_suggestion(state: &Rc<RefCell<State>>) {
    let found = state.try_borrow().ok().and_then(|st| {
        let suggestion = st.report.as_ref()?.title.suggestion.clone()?;
        let bound = st.binding.bind(st.el());
        let el = bound.fields.into_iter().find(|f| f.path == "title")?.el;
        Some((el, suggestion))
    });
    let Some((el, suggestion)) = found else {
        return;
    };
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(&suggestion);
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(&suggestion);
    } else {
        return;
    }
    // The binding's own handlers run on these events; the state is free.
    for kind in ["input", "change"] {
        if let Some(doc) = el.owner_document() {
            if let Ok(event) = doc.create_event("Event") {
                event.init_event_with_bubbles(kind, true);
                let _ = el.dispatch_event(&event);
            }
        }
    }
    focus(&el);
}

/// Rows added or removed later are picked up: a change of the host's markup
/// (not of what the binding itself writes) checks the form again.
fn observe(state: &Rc<RefCell<State>>, form: &HtmlFormElement) {
    let (s, f) = (state.clone(), form.clone());
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        let relevant = records
            .iter()
            .filter_map(|r| r.dyn_into::<MutationRecord>().ok())
            .any(|r| {
                let inside_ours = r
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .is_some_and(|t| {
                        t.closest(&format!("[{GENERATED}]"))
                            .ok()
                            .flatten()
                            .is_some()
                    });
                let host_node = |list: web_sys::NodeList| {
                    (0..list.length())
                        .filter_map(|i| list.get(i)?.dyn_into::<Element>().ok())
                        .any(|el| !el.has_attribute(GENERATED))
                };
                !inside_ours && (host_node(r.added_nodes()) || host_node(r.removed_nodes()))
            });
        if !relevant {
            return;
        }
        let done = s.try_borrow_mut().ok().map(|mut st| {
            // Forget controls that left the page.
            st.touched.retain(|el| el.is_connected());
            st.run(false)
        });
        if let Some(d) = done {
            after(&f, d);
        }
    });
    let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    let _ = observer.observe_with_options(form, &init);
    state.borrow_mut().observer = Some((observer, callback));
}
