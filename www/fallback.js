// The loading snippet of the README (« If the component cannot load »): the
// binding is attached only once the wasm is ready. Blocked, offline or
// refused by the page's CSP, init() rejects and the form is left exactly as
// it was, so it validates and submits as without the component.
import { init, attachForm } from '/pkg/form.js';

const form = document.getElementById('demande');
init().then(
  () => {
    window.ldmForm = attachForm(form);
  },
  (err) => {
    // Nothing to undo: attachForm never ran. Kept for the page's own logs.
    window.ldmLoadError = String(err);
  },
);
