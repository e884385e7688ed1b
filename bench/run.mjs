// `npm run bench`: ldm-reseau side by side with a Zod 4 implementation of
// the same rules (bench/zod-reference.mjs), on the same inputs, interleaved,
// median of several rounds; in Node and in Chromium. Also in Chromium: wasm
// compile + instantiate, first validation, keystroke-to-message latency in
// the demo; and the bundled sizes (the Zod ones from bench/zod-sizes.mjs, a
// Vite production build). A benchmark, not a test: nothing asserts.
// `node bench/run.mjs [--quick]`
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputs } from './inputs.mjs';
import { inlineTerritories, zodSizes, printZodSizes } from './zod-sizes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 7;
const ROUND_MS = quick ? 100 : 250;

/** Calls per second of `fn` over about `ms` milliseconds. */
export function rate(fn, ms) {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 50; i++) fn();
    n += 50;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Interleaved rounds: each round measures both, in alternating order. */
export function compare(a, b, rounds, ms) {
  const ra = [];
  const rb = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      ra.push(rate(a, ms));
      rb.push(rate(b, ms));
    } else {
      rb.push(rate(b, ms));
      ra.push(rate(a, ms));
    }
  }
  return { a: median(ra), b: median(rb) };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(9);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function table(title, rows) {
  console.log(`\n${title}`);
  console.log(`  ${'input'.padEnd(22)}${'ldm-reseau /s'.padStart(15)}${'Zod /s'.padStart(12)}${'ratio'.padStart(9)}`);
  for (const [name, r] of rows) {
    console.log(`  ${name.padEnd(22)}${fmt(r.a).padStart(15)}${fmt(r.b).padStart(12)}${`${(r.a / r.b).toFixed(2)}×`.padStart(9)}`);
  }
}

async function node() {
  const { validateRequest } = await import('../dist/node.mjs');
  const { validateWithZod } = await import('./zod-reference.mjs');
  const opts = { today: '2026-10-01' };
  const rows = [];
  for (const [name, req] of Object.entries(inputs())) {
    // Warm both up before measuring.
    rate(() => validateRequest(req, opts), 50);
    rate(() => validateWithZod(req, opts), 50);
    rows.push([name, compare(() => validateRequest(req, opts), () => validateWithZod(req, opts), ROUNDS, ROUND_MS)]);
  }
  table(`Node ${process.version} — validations per second (median of ${ROUNDS} interleaved rounds)`, rows);
  return rows;
}

/** The Zod reference bundled for the page (esbuild, one ES module), its territories table inlined. */
async function bundleZod(dir) {
  const esbuild = await import('esbuild');
  const inline = {
    name: 'inline-territories',
    setup(build) {
      build.onLoad({ filter: /[\\/]bench[\\/]zod-common\.mjs$/ }, ({ path }) => ({ contents: inlineTerritories(readFileSync(path, 'utf8')), loader: 'js' }));
    },
  };
  await esbuild.build({
    entryPoints: [join(root, 'bench', 'zod-reference.mjs')],
    bundle: true, minify: true, format: 'esm', logLevel: 'warning', outfile: join(dir, 'zod.js'), plugins: [inline],
  });
}

const PAGE = `<!doctype html><html lang="en"><title>bench</title><body><script type="module">
import { init, validateRequest } from './index.js';
import { validateWithZod } from './zod.js';
import { inputs } from './inputs.mjs';
import { rate, compare } from './run.mjs';
// Load phases apart: download, compile, instantiate, first validation.
const t0 = performance.now();
const bytes = await (await fetch('./ldm_reseau_bg.wasm')).arrayBuffer();
const t1 = performance.now();
const module = await WebAssembly.compile(bytes);
const t2 = performance.now();
await init(module);
const t3 = performance.now();
const all = inputs();
const opts = { today: '2026-10-01' };
validateRequest(all['3 members, valid'], opts);
const t4 = performance.now();
const load = { fetch: t1 - t0, compile: t2 - t1, instantiate: t3 - t2, first: t4 - t3 };
if (location.hash === '#load') { window.result = { load }; } else {
const rows = [];
for (const [name, req] of Object.entries(all)) {
  rate(() => validateRequest(req, opts), 50);
  rate(() => validateWithZod(req, opts), 50);
  rows.push([name, compare(() => validateRequest(req, opts), () => validateWithZod(req, opts), ${ROUNDS}, ${ROUND_MS})]);
}
window.result = { load, rows };
}
</script></body></html>`;

async function chromium() {
  const { launch, serve } = await import('../tests/support/browser.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'ldm-bench-'));
  for (const f of ['index.js', 'ldm_reseau_bg.wasm']) copyFileSync(join(root, 'dist', f), join(dir, f));
  copyFileSync(join(root, 'bench', 'inputs.mjs'), join(dir, 'inputs.mjs'));
  // The browser page reuses rate/compare; strip the Node-only part of this file.
  const self = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  writeFileSync(join(dir, 'run.mjs'), self.slice(self.indexOf('/** Calls per second'), self.indexOf('const fmt =')));
  await bundleZod(dir);
  writeFileSync(join(dir, 'index.html'), PAGE);
  const server = await serve(dir);
  const { startServer } = await import('../scripts/serve.mjs');
  const demo = await startServer(0);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => window.result, null, { timeout: 600000 });
    const r = await page.evaluate(() => window.result);
    table(`Chromium ${browser.version()} — validations per second (median of ${ROUNDS} interleaved rounds)`, r.rows);
    // Load phases: median of fresh pages (a new context each: no code cache).
    const loads = [];
    for (let i = 0; i < (quick ? 3 : 7); i++) {
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.goto(`${server.url}/index.html#load`);
      await p.waitForFunction(() => window.result);
      loads.push(await p.evaluate(() => window.result.load));
      await context.close();
    }
    const m = (k) => median(loads.map((l) => l[k])).toFixed(2);
    console.log(`\n  load (median of ${loads.length} fresh pages): download ${m('fetch')} ms, compile ${m('compile')} ms, instantiate ${m('instantiate')} ms, first validation ${m('first')} ms`);
    const latency = await keystrokes(browser, demo.url);
    console.log(`  keystroke → message in the demo title field: median ${latency.median.toFixed(2)} ms, max ${latency.max.toFixed(2)} ms (${latency.n} keystrokes)`);
    return { chromium: r, latency };
  } finally {
    await browser.close();
    await server.close();
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Time from a keydown in the demo's title to the report after its message is written. */
async function keystrokes(browser, url) {
  const page = await browser.newPage();
  await page.goto(`${url}/`);
  await page.waitForSelector('html[data-ldm-ready]');
  await page.evaluate(() => {
    window.lat = [];
    const title = document.getElementById('title');
    title.addEventListener('keydown', () => { window.t0 = performance.now(); });
    title.form.addEventListener('ldm:report', () => { if (window.t0) { window.lat.push(performance.now() - window.t0); window.t0 = 0; } });
  });
  await page.fill('#title', `Lycée(s) des métiers en réseau de Moselle ${'x'.repeat(57)}`);
  await page.focus('#title');
  for (let i = 0; i < 20; i++) await page.keyboard.press(i % 2 ? 'Backspace' : 'y');
  const lat = await page.evaluate(() => window.lat);
  await page.close();
  return { median: median(lat), max: Math.max(...lat), n: lat.length };
}

const nodeRows = await node();
const { latency } = await chromium();
const { sizes } = await import('../scripts/size.mjs');
const ours = sizes()['ldm-reseau'].browser;
console.log('\nShipped to the browser (gzip -9)');
console.log(`  ldm-reseau: ${kb(ours.gzip)} (wasm + JS; ${kb(ours.raw)} raw) — includes messages fr/en, territories and the form binding`);
console.log('  The Zod references (Vite production build; the rules with their codes and one-line English messages, no French, no form binding):');
printZodSizes(await zodSizes(), '    ');
void nodeRows;
void latency;
