// The npm package as its users get it (SPEC §8.2): `npm pack`, installed from
// the tarball into a fresh project outside the repo, then used from Node ESM
// and CommonJS, TypeScript, a Vite build and dev server, a webpack 5 build,
// and a plain <script type="module"> page, the pages in Debian's Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, serve } from '../support/browser.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromRepo = createRequire(join(repo, 'package.json'));
const tsc = join(repo, 'node_modules', '.bin', 'tsc');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));

// What the tarball must hold, and nothing else.
const PUBLISHED = [
  'package.json',
  'dist/index.js',
  'dist/node.mjs',
  'dist/node.cjs',
  'dist/ldm_reseau_bg.wasm',
  'dist/index.d.ts',
  'dist/index.d.cts',
];
if (existsSync(join(repo, 'README.md'))) PUBLISHED.push('README.md');

// A request with one finding every consumer checks for: a wrong UAI check letter.
const REQUEST = { members: [{ uai: '0570099X', name: 'Lycée Henri Nominé' }] };
const OPTIONS = { today: '2026-10-01' };

let tmp; // the scratch folder: the tarball, and the consumer project in tmp/app
let app;
let pack; // { status, stdout, stderr } of `npm pack --json`
let tarball;
let browser;

// npm run by `npm test` passes its own settings down (npm_config_local_prefix
// names this repo, npm_package_*…): the nested npm must see none of them, or
// it would work on the repo instead of the scratch project.
function cleanEnv() {
  const keep = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig', 'npm_config_cafile', 'npm_config_registry']);
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.toLowerCase().startsWith('npm_') || keep.has(k.toLowerCase())) env[k] = v;
  }
  return env;
}

function run(cmd, args, cwd, { check = true } = {}) {
  const r = spawnSync(cmd, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  if (check && r.status !== 0) {
    assert.fail(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

function write(rel, text) {
  const file = join(app, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

// The script every browser page runs: writes the codes of the findings, one a
// line, into #out, and marks the page done.
const PAGE_SCRIPT = (specifier) => `import { init, validateRequest } from '${specifier}';
await init();
const report = validateRequest(${JSON.stringify(REQUEST)}, ${JSON.stringify(OPTIONS)});
const out = document.getElementById('out');
out.textContent = report.findings.map((f) => f.code).join('\\n');
out.dataset.valid = String(report.valid);
out.dataset.done = 'yes';
`;
const PAGE_HTML = (script) => `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>ldm-reseau</title><link rel="icon" href="data:,"></head>
<body><pre id="out">pending</pre>
${script}
</body>
</html>
`;

/** Opens url, waits for the report in #out, and checks the page stayed local and clean. */
async function expectReportIn(url) {
  const { page, foreign, errors } = await openPage(browser, url);
  try {
    await page.waitForSelector('#out[data-done="yes"]', { timeout: 15_000 }).catch(async (err) => {
      assert.fail(`no report in the page: ${err.message}\n#out: ${await page.textContent('#out')}\n${errors.join('\n')}`);
    });
    const codes = (await page.textContent('#out')).split('\n');
    assert.ok(codes.includes('member.uai_checksum'), codes.join(' '));
    assert.equal(await page.getAttribute('#out', 'data-valid'), 'false');
    assert.deepEqual(foreign, [], 'no request leaves the local server');
    assert.deepEqual(errors, [], 'no console error, no uncaught exception');
    return codes;
  } finally {
    await page.close();
  }
}

/** A request for the wasm was served, as application/wasm (the server sets it by extension). */
function assertWasmServed(requests) {
  const wasm = requests.filter((r) => r.url.split('?')[0].endsWith('.wasm'));
  assert.equal(wasm.length, 1, requests.map((r) => r.url).join(' '));
  assert.equal(wasm[0].status, 200);
}

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'ldm-package-'));
  app = join(tmp, 'app');
  mkdirSync(app);

  // As `npm publish` does it: the prepack script runs (it rebuilds dist/ when
  // a source is newer; `npm test` has just built it), whatever an .npmrc says.
  pack = run('npm', ['pack', '--json', '--ignore-scripts=false', '--pack-destination', tmp], repo);

  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2));
  const [info] = parsePack(pack.stdout);
  tarball = join(tmp, info.filename);
  const args = ['install', tarball, '--no-audit', '--no-fund', '--no-package-lock'];
  const offline = run('npm', [...args, '--offline'], app, { check: false });
  if (offline.status !== 0) run('npm', args, app);
});

after(async () => {
  if (browser) await browser.close();
  if (tmp && !process.env.LDM_KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
});

// The JSON report of `npm pack --json`: the array at the end of stdout. Lines
// a lifecycle script printed before it are skipped here; the test below
// checks that there are none.
function parsePack(stdout) {
  const start = stdout.search(/^\[/m);
  assert.ok(start >= 0, `npm pack printed no JSON:\n${stdout}`);
  return JSON.parse(stdout.slice(start));
}

async function getBrowser() {
  browser ??= await launch();
  return browser;
}

test('npm pack --json prints only JSON on stdout (prepack logs go to stderr)', () => {
  assert.doesNotThrow(
    () => JSON.parse(pack.stdout),
    `stdout of npm pack --json is not JSON; it starts with:\n${pack.stdout.slice(0, 200)}`,
  );
});

test('the tarball holds exactly the publishable package', () => {
  const [info] = parsePack(pack.stdout);
  assert.equal(info.name, 'ldm-reseau');
  assert.equal(info.version, pkg.version);
  const files = info.files.map((f) => f.path).sort();
  assert.deepEqual(files, [...PUBLISHED].sort());
  for (const f of files) {
    assert.doesNotMatch(f, /^(src|tests|js|scripts|target|node_modules|www|bench)\//, f);
  }
  // The tarball on disk says the same as the report.
  const listed = run('tar', ['tzf', tarball], tmp).stdout.trim().split('\n').map((l) => l.replace(/^package\//, ''));
  assert.deepEqual(listed.sort(), [...PUBLISHED].sort());
  // The installed copy is the tarball's, not a link to the repo.
  const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'ldm-reseau', 'package.json'), 'utf8'));
  assert.equal(installed.version, pkg.version);
  assert.equal(installed.dependencies, undefined, 'no runtime dependency');
});

const NODE_SCRIPT = (load) => `${load}
const report = validateRequest(${JSON.stringify(REQUEST)}, ${JSON.stringify(OPTIONS)});
const finding = report.findings.find((f) => f.code === 'member.uai_checksum');
console.log(JSON.stringify({ version, valid: report.valid, finding, vendor: schema['~standard'].vendor,
  schema: schema['~standard'].validate(${JSON.stringify(REQUEST)}) }));
`;

function checkNodeOutput(stdout) {
  const out = JSON.parse(stdout);
  assert.equal(out.version, pkg.version);
  assert.equal(out.valid, false);
  assert.deepEqual(out.finding.path, ['members', 0, 'uai']);
  assert.equal(out.finding.severity, 'error');
  assert.equal(out.finding.params.expected, 'Y');
  assert.equal(out.finding.params.found, 'X');
  assert.match(out.finding.message, /\bY\b/);
  assert.equal(out.vendor, 'ldm-reseau');
  assert.ok(out.schema.issues.some((i) => i.code === 'member.uai_checksum' && i.path.join('.') === 'members.0.uai'));
}

test('Node ESM: import from "ldm-reseau" is ready on import', () => {
  write('esm.mjs', NODE_SCRIPT(`import { validateRequest, schema, version } from 'ldm-reseau';`));
  checkNodeOutput(run(process.execPath, ['esm.mjs'], app).stdout);
  // The wasm is exported as a subpath for users who load it themselves.
  write('wasm-path.mjs', `console.log(import.meta.resolve('ldm-reseau/ldm_reseau_bg.wasm'));`);
  assert.match(run(process.execPath, ['wasm-path.mjs'], app).stdout, /\/ldm-reseau\/dist\/ldm_reseau_bg\.wasm$/m);
});

test('Node CommonJS: require("ldm-reseau") is ready on require', () => {
  write('cjs.cjs', NODE_SCRIPT(`const { validateRequest, schema, version } = require('ldm-reseau');`));
  checkNodeOutput(run(process.execPath, ['cjs.cjs'], app).stdout);
});

// TypeScript: consumers type-checked with the repo's tsc, one tsconfig each.
const TS_USE = `import { validateRequest, checkUai, schema, version } from 'ldm-reseau';
import type { Request, Options, Report, Finding, Code, RequestSchema } from 'ldm-reseau';

const request: Request = {
  kind: 'new',
  title: 'Lycée(s) des métiers en réseau du bois',
  scope: { type: 'sector', sectors: ['bois'] },
  members: [{ uai: '0570099X', label: { status: 'labelled', lastDecisionYear: 2024 } }],
  jointActions: { c1: 'Carte commune des formations.' },
};
const options: Options = { lang: 'en', today: '2026-10-01', messages: { 'title.too_long': '{length}/{max}' } };
const report: Report = validateRequest(request, options);
const first: Finding | undefined = report.findings[0];
const code: Code | undefined = first?.code;
const path: ReadonlyArray<string | number> | undefined = first?.path;
const remaining: number = report.title.remaining;
const cycleCase: 'a' | 'b' | 'c' | 'd' | null = report.cycle.case;
const expected: string | number | undefined = checkUai('0570099X').findings[0]?.params.expected;
const s: RequestSchema = schema;
const result = s['~standard'].validate(request);
const vendor: 'ldm-reseau' = s['~standard'].vendor;
const v: string = version;
export { code, path, remaining, cycleCase, expected, result, vendor, v };
`;
const TS_BAD = `import { validateRequest } from 'ldm-reseau';
import type { Options, Report } from 'ldm-reseau';
const report: Report = validateRequest({});
report.valid = 'yes';
const options: Options = { lang: 'de' };
export { options };
`;
const TS_CJS = `import ldm = require('ldm-reseau');
const report: ldm.Report = ldm.validateRequest({ members: [{ uai: '0570099X' }] });
export const count: number = report.findings.length;
`;

function tsconfig(name, compilerOptions, files) {
  return write(
    `ts/${name}.json`,
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [], ...compilerOptions }, files }, null, 2),
  );
}

function typecheck(config) {
  const r = run(tsc, ['-p', config], app, { check: false });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('TypeScript: the declarations type-check a consumer (nodenext ESM and CJS, bundler) and reject type errors', () => {
  write('ts/use.mts', TS_USE);
  write('ts/use.ts', TS_USE);
  write('ts/use-cjs.cts', TS_CJS);
  write('ts/bad.mts', TS_BAD);
  const node = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022' };
  const bundler = { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'] };

  for (const [name, opts, files] of [
    ['nodenext', node, ['use.mts', 'use-cjs.cts']],
    ['bundler', bundler, ['use.ts']],
  ]) {
    const r = typecheck(tsconfig(name, opts, files));
    assert.equal(r.status, 0, `${name}:\n${r.output}`);
  }

  const bad = typecheck(tsconfig('bad', node, ['bad.mts']));
  assert.notEqual(bad.status, 0, 'type errors are rejected');
  assert.match(bad.output, /bad\.mts\(4,1\): error TS2322/, bad.output);
  assert.match(bad.output, /bad\.mts\(5,28\): error TS2322/, bad.output);
  assert.doesNotMatch(bad.output, /node_modules/, 'no error inside the package');

  for (const file of ['index.d.ts', 'index.d.cts']) {
    const text = readFileSync(join(app, 'node_modules', 'ldm-reseau', 'dist', file), 'utf8');
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    assert.doesNotMatch(code, /\bany\b/, `${file} uses no any`);
  }
});

test('TypeScript: a Node-only project (lib es2022 + @types/node, no DOM library) type-checks the declarations', () => {
  // The usual Node setup: no "dom" in lib. The package's declarations must not
  // need browser-only global types there (skipLibCheck off, as strict projects have it).
  let types = [];
  try {
    const nodeTypes = dirname(requireFromRepo.resolve('@types/node/package.json'));
    mkdirSync(join(app, 'node_modules', '@types'), { recursive: true });
    if (!existsSync(join(app, 'node_modules', '@types', 'node'))) {
      symlinkSync(nodeTypes, join(app, 'node_modules', '@types', 'node'), 'dir');
    }
    types = ['node'];
  } catch {
    // No @types/node at hand: the same check without Node's types.
  }
  write('ts/node-only.mts', TS_USE);
  const r = typecheck(
    tsconfig('node-only', { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types }, ['node-only.mts']),
  );
  assert.equal(r.status, 0, r.output);
});

/** Serves a built app, opens it in Chromium, and checks the report shows and the wasm was served once. */
async function expectServedReport(dir) {
  await getBrowser();
  const server = await serve(dir);
  try {
    await expectReportIn(`${server.url}/`);
    assertWasmServed(server.requests);
  } finally {
    await server.close();
  }
}

test('Vite build: the page loads the wasm and shows the report', async () => {
  const { build } = await import('vite');
  const root = join(app, 'vite-app');
  write('vite-app/index.html', PAGE_HTML('<script type="module" src="./main.js"></script>'));
  write('vite-app/main.js', PAGE_SCRIPT('ldm-reseau'));
  await build({ root, configFile: false, logLevel: 'silent', build: { outDir: join(root, 'dist') } });
  assert.ok(existsSync(join(root, 'dist', 'index.html')));
  await expectServedReport(join(root, 'dist'));
});

test('Vite dev server: the page loads the wasm and shows the report', async () => {
  const { createServer } = await import('vite');
  const root = join(app, 'vite-dev');
  write('vite-dev/index.html', PAGE_HTML('<script type="module" src="./main.js"></script>'));
  write('vite-dev/main.js', PAGE_SCRIPT('ldm-reseau'));
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    clearScreen: false,
    cacheDir: join(root, '.vite'),
    server: { host: '127.0.0.1', port: 0, watch: null },
  });
  await server.listen();
  try {
    await getBrowser();
    const url = server.resolvedUrls.local[0];
    await expectReportIn(url);
  } finally {
    await server.close();
  }
});

test('webpack 5 build: the page loads the wasm and shows the report', async () => {
  const { default: webpack } = await import('webpack');
  const root = join(app, 'webpack-app');
  write('webpack-app/main.js', PAGE_SCRIPT('ldm-reseau'));
  write('webpack-app/dist/index.html', PAGE_HTML('<script src="./main.js"></script>'));
  const compiler = webpack({
    mode: 'production',
    context: root,
    entry: './main.js',
    output: { path: join(root, 'dist'), filename: 'main.js', publicPath: 'auto' },
    infrastructureLogging: { level: 'error' },
    // webpack's size advice (244 KiB by default) is the application's
    // budget, not the package's: every other warning fails the test.
    performance: { hints: false },
  });
  const stats = await new Promise((ok, fail) => compiler.run((err, s) => (err ? fail(err) : ok(s))));
  await new Promise((ok) => compiler.close(ok));
  const info = stats.toJson({ all: false, errors: true, warnings: true, assets: true });
  assert.deepEqual(info.errors.map((e) => e.message), [], 'webpack errors');
  assert.deepEqual(info.warnings.map((e) => e.message), [], 'webpack warnings');
  assert.ok(info.assets.some((a) => a.name.endsWith('.wasm')), 'the wasm is emitted as an asset');
  await expectServedReport(join(root, 'dist'));
});

test('plain page: <script type="module"> from node_modules, no bundler', async () => {
  write('plain.html', PAGE_HTML(`<script type="module">\n${PAGE_SCRIPT('./node_modules/ldm-reseau/dist/index.js')}</script>`));
  await getBrowser();
  const server = await serve(app);
  try {
    await expectReportIn(`${server.url}/plain.html`);
    assertWasmServed(server.requests);
    const paths = server.requests.map((r) => r.url.split('?')[0]);
    assert.ok(paths.includes('/node_modules/ldm-reseau/dist/ldm_reseau_bg.wasm'), paths.join(' '));
  } finally {
    await server.close();
  }
});
