// Entry for Node.js, built twice (ESM and CommonJS): the module is read from
// disk and instantiated synchronously on import, so the API is ready at once.
import { readFileSync } from 'node:fs';
import { initSync } from './api.js';

export * from './api.js';

// Which build this is is fixed at build time: a `__dirname` seen at run time
// may be some host's global (as under `node -e`), not this file's folder.
/* global __dirname, __LDM_CJS__ */
const wasm = __LDM_CJS__ ? `${__dirname}/ldm_reseau_bg.wasm` : new URL('./ldm_reseau_bg.wasm', import.meta.url);
initSync(readFileSync(wasm));
