// Entry for Node.js, built twice (ESM and CommonJS): the module is read from
// disk and instantiated synchronously on import, so the API is ready at once.
import { readFileSync } from 'node:fs';
import { initSync } from './api.js';

export * from './api.js';

/* global __dirname */
const wasm =
  typeof __dirname === 'string'
    ? `${__dirname}/ldm_reseau_bg.wasm`
    : new URL('./ldm_reseau_bg.wasm', import.meta.url);
initSync(readFileSync(wasm));
