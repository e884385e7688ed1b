// `npm run bench:hostile`: for each hostile class of tests/support/hostile.mjs,
// the worst time of one validation and the peak wasm memory, in Node and in
// Chromium, against the targets of SPEC §5.6 (≤ 100 ms a call, ≤ 32 MB).
// Worst, not median: a hostile input is sent once, and its one slow call is
// the one that freezes the form. A benchmark, not a test: nothing asserts.
// `node bench/hostile.mjs [--quick]` (--quick: 1 timed call instead of 5)
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, serve } from '../tests/support/browser.mjs';
import { CLASSES } from '../tests/support/hostile.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CALLS = process.argv.includes('--quick') ? 1 : 5;
const TARGET_MS = 100;
const TARGET_MB = 32;

/**
 * One class on a fresh wasm instance: 1 warm-up call, then `calls` timed
 * ones. Runs as it is in Node and, serialised by playwright, in a page; hence
 * self-contained, with only URLs as arguments. It does what validateRequest
 * does (encode, validateJson, keys put back) on the glue itself,
 * because the package hides the wasm memory.
 */
async function measure({ glueUrl, encodeUrl, hostileUrl, wasmUrl, index, calls }) {
  const glue = await import(glueUrl);
  const { encode } = await import(encodeUrl);
  const { CLASSES, OPTIONS, invariants } = await import(hostileUrl);
  const bytes = wasmUrl.startsWith('file:')
    ? (await import('node:fs')).readFileSync(new URL(wasmUrl))
    : new Uint8Array(await (await fetch(wasmUrl)).arrayBuffer());
  const wasm = glue.initSync({ module: bytes });
  const initial = wasm.memory.buffer.byteLength;
  const c = CLASSES[index];
  const problems = new Set();
  let worst = 0;
  for (let k = 0; k <= calls; k++) {
    // Made afresh each call (some values change as they are read), untimed.
    const { request, options } = c.make();
    let report;
    const start = performance.now();
    try {
      const { text, keys } = encode(request);
      report = glue.validateJson(text, encode(options ?? OPTIONS, 'options').text);
      if (keys) for (const f of report.findings) f.path = f.path.map((s) => keys.get(s) ?? s);
    } catch (err) {
      problems.add(`threw ${err}`); // A trap: validateRequest would say internal.error.
    }
    const ms = performance.now() - start;
    if (k > 0) worst = Math.max(worst, ms);
    // Checked on every call, warm-up included: a fast wrong answer is no answer.
    if (report) for (const p of [...c.expect(report), ...(c.paths === false ? [] : invariants(report, request))]) problems.add(p);
  }
  // Wasm memory never shrinks: its size now is the peak.
  return { worst, initial, peak: wasm.memory.buffer.byteLength, problems: [...problems] };
}

async function node() {
  const url = (p) => pathToFileURL(`${root}/${p}`).href;
  const out = [];
  for (let i = 0; i < CLASSES.length; i++) {
    // A new URL is a new module instance, hence a new wasm instance and memory.
    const args = { glueUrl: `${url('target/pkg/ldm_reseau.js')}?class=${i}`, encodeUrl: url('js/encode.js'), hostileUrl: url('tests/support/hostile.mjs'), wasmUrl: url('target/pkg/ldm_reseau_bg.wasm'), index: i, calls: CALLS };
    out.push(await measure(args));
    if (process.stderr.isTTY) process.stderr.write(`node ${i + 1}/${CLASSES.length}\r`);
  }
  return out;
}

async function chromium() {
  const page = '<!doctype html><html lang="fr"><title>bench hostile</title><body></body></html>';
  const server = await serve(root, { routes: { '/bench-hostile.html': (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page) } });
  const browser = await launch();
  const out = [];
  try {
    for (let i = 0; i < CLASSES.length; i++) {
      // A new page per class: a new realm, a new wasm instance and memory.
      const p = await browser.newPage();
      await p.goto(`${server.url}/bench-hostile.html`);
      const args = { glueUrl: '/target/pkg/ldm_reseau.js', encodeUrl: '/js/encode.js', hostileUrl: '/tests/support/hostile.mjs', wasmUrl: '/target/pkg/ldm_reseau_bg.wasm', index: i, calls: CALLS };
      out.push(await p.evaluate(measure, args));
      await p.close();
      if (process.stderr.isTTY) process.stderr.write(`chromium ${i + 1}/${CLASSES.length}\r`);
    }
    out.version = browser.version();
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

const n = await node();
const c = await chromium();

const MB = (b) => b / 2 ** 20;
const ms = (x) => `${x.toFixed(1)}${x > TARGET_MS ? ' ⚠' : ''}`;
const mb = (b) => `${MB(b).toFixed(2)}${MB(b) > TARGET_MB ? ' ⚠' : ''}`;
const ok = (a, b) => (!a.problems.length && !b.problems.length ? '✓' : `✗ ${[a.problems.length && 'Node', b.problems.length && 'Chromium'].filter(Boolean).join(', ')}`);
const max = (xs, k) => Math.max(...xs.map((x) => x[k]));

console.log(`\nHostile classes: worst of ${CALLS} timed call${CALLS > 1 ? 's' : ''} after 1 warm-up, peak wasm memory of a fresh instance (MB = 2^20 bytes); ⚠ = over the target (${TARGET_MS} ms, ${TARGET_MB} MB)`);
console.log(`Node ${process.version}, Chromium ${c.version}\n`);
console.log('| class | report | Node worst ms | Node peak MB | Chromium worst ms | Chromium peak MB |');
console.log('|---|:-:|---:|---:|---:|---:|');
CLASSES.forEach((k, i) => console.log(`| ${k.name.replaceAll('|', '\\|')} | ${ok(n[i], c[i])} | ${ms(n[i].worst)} | ${mb(n[i].peak)} | ${ms(c[i].worst)} | ${mb(c[i].peak)} |`));
const wrong = CLASSES.filter((_, i) => n[i].problems.length || c[i].problems.length).length;
console.log(`| **worst** | ${wrong ? `✗ ${wrong}` : '✓'} | **${ms(max(n, 'worst'))}** | **${mb(max(n, 'peak'))}** | **${ms(max(c, 'worst'))}** | **${mb(max(c, 'peak'))}** |`);
console.log(`\nA fresh instance starts at ${mb(n[0].initial)} MB (Node), ${mb(c[0].initial)} MB (Chromium).`);
for (const [where, rs] of [['Node', n], ['Chromium', c]]) {
  rs.forEach((r, i) => r.problems.length && console.log(`${where}, ${CLASSES[i].name}:\n  ${r.problems.join('\n  ')}`));
}
