// The Node.js entries, built four times (each of `ldm-reseau` and
// `ldm-reseau/form`, as ESM and as CommonJS): the module is read from disk
// and instantiated synchronously on import, so the API is ready at once.
import { readFileSync } from 'node:fs';
import { initSync } from 'ldm-reseau-entry';

export * from 'ldm-reseau-entry';

// Which build this is is fixed at build time: a `__dirname` seen at run time
// may be some host's global (as under `node -e`), not this file's folder.
/* global __dirname, __LDM_CJS__, __LDM_WASM__ */
const wasm = __LDM_CJS__ ? `${__dirname}/${__LDM_WASM__}` : new URL(`./${__LDM_WASM__}`, import.meta.url);
initSync(readFileSync(wasm));
