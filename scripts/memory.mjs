// Runs many validations against the wasm glue directly and reports the wasm
// memory size after warm-up and at the end. `node scripts/memory.mjs [runs]`
// (default 1 000 000); tests/js/reliability.test.mjs runs a shorter version.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as glue from '../target/pkg/ldm_reseau.js';
import { encode } from '../js/encode.js';

/** The requests cycled through: valid and invalid, small and large. */
function corpus(bases) {
  const big = structuredClone(bases.geographic);
  for (let i = 0; i < 17; i++) big.members.push({ ...big.members[i % 3], uai: `05700${String(i).padStart(2, '0')}X` });
  const hostile = { title: 'Lycée(s) des métiers en réseau '.repeat(400), members: [[[[[]]]]], kind: 42 };
  const bad = structuredClone(bases.sector);
  bad.members[0].uai = '0570099 x';
  bad.title = 'LYCEES DES METIERS EN RESEAUX';
  return [bases.sector, bases.geographic, bases.join, big, hostile, bad, {}, 'x'].map((r) => encode(r).text);
}

export function memoryRun({ wasm, runs, bases, warmup = 2000 }) {
  const exports = glue.initSync({ module: readFileSync(wasm) });
  const requests = corpus(bases);
  const options = encode({ today: '2026-10-01' }, 'options').text;
  for (let i = 0; i < warmup; i++) glue.validateJson(requests[i % requests.length], options);
  const warm = exports.memory.buffer.byteLength;
  const start = performance.now();
  for (let i = 0; i < runs; i++) glue.validateJson(requests[i % requests.length], options);
  const ms = performance.now() - start;
  return { warm, after: exports.memory.buffer.byteLength, runs, ms };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[2] ?? 1_000_000);
  const bases = JSON.parse(readFileSync(new URL('../tests/cases/bases.json', import.meta.url), 'utf8')).bases;
  const wasm = fileURLToPath(new URL('../dist/ldm_reseau_bg.wasm', import.meta.url));
  const r = memoryRun({ wasm, runs, bases });
  console.log(`${r.runs} validations in ${(r.ms / 1000).toFixed(1)} s: wasm memory ${r.warm} bytes after warm-up, ${r.after} bytes at the end (${r.after === r.warm ? 'flat' : 'GREW'})`);
}
