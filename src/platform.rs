//! The few things the core asks of the platform it runs on, each with a
//! native and a browser answer. Text hooks (NFC, grapheme clusters) live in
//! `text`, the clock in `options`; this module holds the number reader.

/// The `f64` nearest to a JSON number's text, as `JSON.parse` gives it.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn parse_float(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

/// The `f64` nearest to a JSON number's text, as `JSON.parse` gives it. In
/// the browser the engine's own reader does it: core's exact float parsing
/// would weigh on the module, and the host's is exact too.
#[cfg(target_arch = "wasm32")]
pub(crate) fn parse_float(text: &str) -> f64 {
    js_sys::parse_float(text)
}
