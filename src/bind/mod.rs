//! The bindings to the browser, each a thin layer over the core: `wasm`, the
//! functions of the npm package (host JSON in, the report out as a plain JS
//! object), and `dom`, `attachForm` (the form's controls in, messages and
//! ARIA out), built only into the wasm of `ldm-reseau/form`.

#[cfg(feature = "form")]
mod dom;
mod wasm;

use serde::Serialize;
use wasm_bindgen::JsValue;

/// A report type as a plain JS object (objects, arrays, numbers, `null`),
/// as `JSON.parse` would have given it.
pub(crate) fn to_js<T: Serialize>(value: &T) -> JsValue {
    let plain = serde_wasm_bindgen::Serializer::json_compatible();
    // Report types hold strings, booleans, safe integers and string-keyed
    // maps only: serialising them cannot fail.
    value.serialize(&plain).unwrap_or(JsValue::NULL)
}

// The wasm's allocator: talc rather than std's dlmalloc, smaller in the
// module and faster (DESIGN.md, « Why talc? »).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
