//! The bindings to the browser, each a thin layer over the core: `wasm`, the
//! functions of the npm package (host JSON in, report JSON out), and `dom`,
//! `attachForm` (the form's controls in, messages and ARIA out).

mod dom;
mod wasm;
