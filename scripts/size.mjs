// Prints the size of what ships, raw, gzip -9 and brotli: for each entry its
// wasm and JS files, then what a browser downloads for it (wasm + browser JS).
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { ENTRIES } from './entries.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

function measure(file) {
  const bytes = readFileSync(dist + file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** `{ [entry name]: { files: { [file]: sizes }, browser: sizes } }`. */
export function sizes() {
  const out = {};
  for (const e of ENTRIES) {
    const files = {};
    for (const f of [e.wasm, e.browser, `${e.node}.mjs`, `${e.node}.cjs`]) files[f] = measure(f);
    const browser = {};
    for (const k of ['raw', 'gzip', 'brotli']) browser[k] = files[e.wasm][k] + files[e.browser][k];
    out[e.name] = { files, browser };
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
  const row = (name, s) => console.log(`  ${name.padEnd(32)}${kb(s.raw)}${kb(s.gzip)}${kb(s.brotli)}`);
  console.log(`  ${'file'.padEnd(32)}${'raw'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}`);
  for (const [name, { files, browser }] of Object.entries(sizes())) {
    console.log(name);
    for (const [f, s] of Object.entries(files)) row(f, s);
    row('browser total (wasm + JS)', browser);
  }
}
