//! The WebAssembly API: a thin layer of string-in, string-out functions over
//! the core. The JavaScript side (`js/`) turns any JS value into host JSON
//! (standard JSON plus `@symbol`-style tokens for what JSON cannot hold) and
//! parses the report JSON back, so no serializer ships in the wasm and a
//! hostile value never reaches Rust as anything but text.

use crate::{check_title, check_uai, validate, Options, Request, Value};
use wasm_bindgen::prelude::*;

fn options(json: &str) -> Options {
    Value::parse_host(json)
        .map(|v| Options::from_value(&v))
        .unwrap_or_default()
}

fn request(json: &str) -> Request {
    // The JS encoder only writes valid host JSON; should it ever not, the
    // request is reported as not an object rather than failing the call.
    Request::from_value(
        Value::parse_host(json).unwrap_or(Value::Foreign(crate::Foreign::Unreadable)),
    )
}

/// `validateRequest`: the report of SPEC §4, as JSON.
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(request_json: &str, options_json: &str) -> String {
    #[cfg(feature = "test-hooks")]
    if request_json == "\"__ldm_force_panic__\"" {
        panic!("panic forced by the test hook");
    }
    validate(&request(request_json), &options(options_json)).to_json()
}

/// `checkTitle`: `{ valid, findings, title }` as JSON.
#[wasm_bindgen(js_name = checkTitleJson)]
pub fn check_title_json(title: &str, options_json: &str) -> String {
    check_title(title, &options(options_json)).to_json()
}

/// `checkUai`: `{ valid, normalized, findings, territory }` as JSON.
#[wasm_bindgen(js_name = checkUaiJson)]
pub fn check_uai_json(uai: &str, options_json: &str) -> String {
    check_uai(uai, &options(options_json)).to_json()
}

/// `cycleCase`: the cycle block of SPEC §4, as JSON.
#[wasm_bindgen(js_name = cycleJson)]
pub fn cycle_json(request_json: &str, options_json: &str) -> String {
    crate::cycle(&request(request_json), &options(options_json)).to_json()
}

/// The crate version.
#[wasm_bindgen(js_name = crateVersion)]
pub fn crate_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
