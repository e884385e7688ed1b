// Entry `ldm-reseau/form` for browsers and bundlers: the same API as
// `ldm-reseau`, served by the wasm that also holds the form binding (one
// module per page), plus attachForm.
export * from './api.js';
export { attachForm } from './attach.js';
