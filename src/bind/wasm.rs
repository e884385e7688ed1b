//! The WebAssembly API: a thin layer over the core, JSON text in, JS objects
//! out (the `…Json` names say what goes in).
//! The JavaScript side (`js/encode.js`) reads any JS value within the input
//! budget and writes it as host JSON (standard JSON plus `@token`s for what
//! JSON cannot hold), so a hostile value never reaches Rust as anything but
//! bounded text; the report comes back through serde-wasm-bindgen as a plain
//! object (DESIGN.md, « Why text in and objects out across the wasm boundary? »).

use super::to_js;
use crate::findings::Findings;
use crate::options::Options;
use crate::report::{Code, Path};
use crate::value::{Foreign, Value};
use crate::{validate, Request};
use wasm_bindgen::prelude::*;

/// The value of host JSON. The JS encoder only writes valid host JSON;
/// should it ever not, the value reads as unreadable rather than failing.
fn host(json: &str) -> Value {
    Value::parse_host(json).unwrap_or(Value::Foreign(Foreign::Unreadable))
}

fn options(json: &str) -> Options {
    Options::from_owned(host(json))
}

/// `validateRequest`: the report of SPEC §4.
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(request_json: &str, options_json: &str) -> JsValue {
    #[cfg(feature = "test-hooks")]
    if request_json == "\"__ldm_force_panic__\"" {
        panic!("panic forced by the test hook");
    }
    to_js(&validate(
        &Request::from_value(host(request_json)),
        &options(options_json),
    ))
}

/// `checkTitle`: `{ valid, findings, title }`.
#[wasm_bindgen(js_name = checkTitleJson)]
pub fn check_title_json(title_json: &str, options_json: &str) -> JsValue {
    to_js(&crate::check_title_value(
        host(title_json),
        &options(options_json),
    ))
}

/// `checkUai`: `{ valid, normalized, findings, territory }`.
#[wasm_bindgen(js_name = checkUaiJson)]
pub fn check_uai_json(uai_json: &str, options_json: &str) -> JsValue {
    to_js(&crate::check_uai_value(
        host(uai_json),
        &options(options_json),
    ))
}

/// `cycleCase`: the cycle block of SPEC §4.
#[wasm_bindgen(js_name = cycleJson)]
pub fn cycle_json(request_json: &str, options_json: &str) -> JsValue {
    #[cfg(feature = "test-hooks")]
    if request_json == "\"__ldm_force_panic__\"" {
        panic!("panic forced by the test hook");
    }
    to_js(&crate::cycle(
        &Request::from_value(host(request_json)),
        &options(options_json),
    ))
}

/// The `internal.error` finding, in the options' language and wording, for
/// the JS layer to report a trap once the module is instantiated again: its
/// text lives with every other message.
#[wasm_bindgen(js_name = internalErrorJson)]
pub fn internal_error_json(options_json: &str, reason: &str) -> JsValue {
    let options = options(options_json);
    let mut out = Findings::new();
    out.add(
        Code::InternalError,
        Path::root(),
        vec![("reason", reason.into())],
    );
    out.finish(&options).first().map_or(JsValue::NULL, to_js)
}

/// The crate version.
#[wasm_bindgen(js_name = crateVersion)]
pub fn crate_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
