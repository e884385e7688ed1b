// Prints the size of what ships: raw, gzip -9 and brotli, for the wasm and
// for each JS entry; the browser total is the wasm plus dist/index.js.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const files = ['ldm_reseau_bg.wasm', 'index.js', 'node.mjs', 'node.cjs', 'index.d.ts'];

export function sizes() {
  const out = {};
  for (const f of files) {
    const bytes = readFileSync(dist + f);
    out[f] = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  }
  const total = (k) => out['ldm_reseau_bg.wasm'][k] + out['index.js'][k];
  out['browser total (wasm + index.js)'] = { raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
  console.log(`${'file'.padEnd(34)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}`);
  for (const [f, s] of Object.entries(sizes())) console.log(`${f.padEnd(34)}${kb(s.raw)}${kb(s.gzip)}${kb(s.brotli)}`);
}
