// The npm package as its users get it (SPEC §8.2): `npm pack`, installed from
// the tarball into a fresh project outside the repo, then both of its entries
// (`ldm-reseau`, and `ldm-reseau/form` with attachForm) used from Node ESM
// and CommonJS, TypeScript, a Vite build and dev server, a webpack 5 build,
// and a plain <script type="module"> page, the pages in Debian's Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES } from '../../scripts/entries.mjs';
import { launch, openPage, serve } from '../support/browser.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromRepo = createRequire(join(repo, 'package.json'));
const tsc = join(repo, 'node_modules', '.bin', 'tsc');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));

// What the tarball must hold, and nothing else.
const PUBLISHED = [
  'package.json',
  // ldm-reseau
  'dist/index.js',
  'dist/node.mjs',
  'dist/node.cjs',
  'dist/ldm_reseau_bg.wasm',
  'dist/index.d.ts',
  'dist/index.d.cts',
  // ldm-reseau/form
  'dist/form.js',
  'dist/form.node.mjs',
  'dist/form.node.cjs',
  'dist/ldm_reseau_form_bg.wasm',
  'dist/form.d.ts',
  'dist/form.d.cts',
  'dist/form.css',
];
if (existsSync(join(repo, 'README.md'))) PUBLISHED.push('README.md');

// The two entries, each with the name of its page and script in the consumer
// projects below (index for ldm-reseau, form for ldm-reseau/form) and whether
// it has the form binding.
const PAGES = ENTRIES.map((e) => ({ ...e, page: basename(e.browser, '.js'), form: e.features.includes('form') }));

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

// The script the page of entry e runs: writes the codes of the findings, one
// a line, into #out, and marks the page done. The form entry's page also binds
// its form and adds the codes of the binding's report, as "form:CODE".
const PAGE_BINDING = `const handle = attachForm(document.getElementById('form'), ${JSON.stringify(OPTIONS)});
codes.push(...handle.validate().findings.map((f) => 'form:' + f.code));
`;
const PAGE_SCRIPT = (e, specifier = e.name) => `import { init, validateRequest${e.form ? ', attachForm' : ''} } from '${specifier}';
await init();
const report = validateRequest(${JSON.stringify(REQUEST)}, ${JSON.stringify(OPTIONS)});
const codes = report.findings.map((f) => f.code);
${e.form ? PAGE_BINDING : ''}const out = document.getElementById('out');
out.textContent = codes.join('\\n');
out.dataset.valid = String(report.valid);
out.dataset.done = 'yes';
`;
const PAGE_HTML = (script, e) => `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>ldm-reseau</title><link rel="icon" href="data:,"></head>
<body><pre id="out">pending</pre>
${e.form ? '<form id="form"><label>Intitulé <input name="intitule" data-ldm="title"></label></form>\n' : ''}${script}
</body>
</html>
`;

/** Writes the page of each entry, dir/PAGE.html, and its script, scriptDir/PAGE.js. */
function writePages(dir, { scriptDir = dir, tag = (e) => `<script type="module" src="./${e.page}.js"></script>` } = {}) {
  return Object.fromEntries(
    PAGES.map((e) => {
      write(`${scriptDir}/${e.page}.js`, PAGE_SCRIPT(e));
      return [e.page, write(`${dir}/${e.page}.html`, PAGE_HTML(tag(e), e))];
    }),
  );
}

/** Opens url, the page of entry e, waits for the report in #out, and checks the page stayed local and clean. */
async function expectReportIn(url, e) {
  const { page, foreign, errors } = await openPage(browser, url);
  try {
    await page.waitForSelector('#out[data-done="yes"]', { timeout: 15_000 }).catch(async (err) => {
      assert.fail(`no report in the page: ${err.message}\n#out: ${await page.textContent('#out')}\n${errors.join('\n')}`);
    });
    const codes = (await page.textContent('#out')).split('\n');
    assert.ok(codes.includes('member.uai_checksum'), codes.join(' '));
    if (e.form) assert.ok(codes.includes('form:title.missing'), `attachForm reports the empty title: ${codes.join(' ')}`);
    assert.equal(await page.getAttribute('#out', 'data-valid'), 'false');
    assert.deepEqual(foreign, [], 'no request leaves the local server');
    assert.deepEqual(errors, [], 'no console error, no uncaught exception');
    return codes;
  } finally {
    await page.close();
  }
}

/**
 * The page of entry e requested one wasm, the entry's own, and it was served
 * (as application/wasm: the servers set it by extension). Bundlers rename
 * the file (webpack to a bare hash): when the files served are those of dir,
 * the file is known by its content, else by its name.
 */
function assertWasmServed(requests, e, dir) {
  const wasm = requests.filter((r) => r.url.split('?')[0].endsWith('.wasm'));
  const names = wasm.map((r) => {
    const path = decodeURIComponent(new URL(r.url, 'http://localhost').pathname);
    if (!dir) return basename(path);
    const bytes = readFileSync(join(dir, path));
    return PAGES.find((p) => bytes.equals(readFileSync(join(app, 'node_modules', 'ldm-reseau', 'dist', p.wasm))))?.wasm ?? path;
  });
  assert.deepEqual(names, [e.wasm], `${e.name}: ${requests.map((r) => r.url).join(' ')}`);
  assert.equal(wasm[0].status, 200);
}

/** Opens the page of each entry, BASE/PAGE.html, in turn: its report, and the one wasm it requested of the server's log. */
async function expectPages(base, requests, dir) {
  await getBrowser();
  for (const e of PAGES) {
    const start = requests.length;
    await expectReportIn(`${base}/${e.page}.html`, e);
    assertWasmServed(requests.slice(start), e, dir);
  }
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

// `load` binds validateRequest, schema, version and attachForm (undefined
// but in ldm-reseau/form).
const NODE_SCRIPT = (load) => `${load}
const report = validateRequest(${JSON.stringify(REQUEST)}, ${JSON.stringify(OPTIONS)});
const finding = report.findings.find((f) => f.code === 'member.uai_checksum');
console.log(JSON.stringify({ version, valid: report.valid, finding, vendor: schema['~standard'].vendor,
  schema: schema['~standard'].validate(${JSON.stringify(REQUEST)}), attachForm: typeof attachForm }));
`;

function checkNodeOutput(stdout, e) {
  const out = JSON.parse(stdout);
  assert.equal(out.attachForm, e.form ? 'function' : 'undefined', `attachForm from ${e.name}`);
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

test('Node ESM: import from "ldm-reseau" and from "ldm-reseau/form" is ready on import', () => {
  for (const e of PAGES) {
    const load = `import * as ldm from '${e.name}';\nconst { validateRequest, schema, version, attachForm } = ldm;`;
    const file = write(`esm-${e.page}.mjs`, NODE_SCRIPT(load));
    checkNodeOutput(run(process.execPath, [file], app).stdout, e);
  }
  // Each wasm is exported as a subpath for users who load it themselves.
  write('wasm-path.mjs', PAGES.map((e) => `console.log(import.meta.resolve('ldm-reseau/${e.wasm}'));`).join('\n'));
  const paths = run(process.execPath, ['wasm-path.mjs'], app).stdout.trim().split('\n');
  assert.deepEqual(paths.map((p) => p.replace(/^.*\/node_modules\//, '')), PAGES.map((e) => `ldm-reseau/dist/${e.wasm}`));
});

test('Node CommonJS: require("ldm-reseau") and require("ldm-reseau/form") are ready on require', () => {
  for (const e of PAGES) {
    const file = write(`cjs-${e.page}.cjs`, NODE_SCRIPT(`const { validateRequest, schema, version, attachForm } = require('${e.name}');`));
    checkNodeOutput(run(process.execPath, [file], app).stdout, e);
  }
});

// TypeScript: consumers type-checked with the repo's tsc, one tsconfig each.
// TS_USE: the API both entries have; TS_FORM: attachForm, after TS_USE('ldm-reseau/form').
const TS_USE = (specifier) => `import { validateRequest, checkUai, schema, version } from '${specifier}';
import type { Request, Options, Report, Finding, Code, RequestSchema } from '${specifier}';

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
const TS_FORM = `import { attachForm } from 'ldm-reseau/form';
import type { AttachOptions, FormHandle } from 'ldm-reseau/form';
declare const form: HTMLFormElement;
const attachOptions: AttachOptions = { today: '2026-10-01', selectors: { title: '#intitule' } };
const handle: FormHandle = attachForm(form, attachOptions);
const last: Report | null = handle.validate();
handle.detach();
export { handle, last };
`;
const TS_BAD = `import { validateRequest } from 'ldm-reseau';
import type { Options, Report } from 'ldm-reseau';
import { attachForm } from 'ldm-reseau';
const report: Report = validateRequest({});
report.valid = 'yes';
const options: Options = { lang: 'de' };
export { options, attachForm };
`;
const TS_CJS = (specifier) => `import ldm = require('${specifier}');
const report: ldm.Report = ldm.validateRequest({ members: [{ uai: '0570099X' }] });
export const count: number = report.findings.length;
`;
const TS_CJS_FORM = `declare const form: HTMLFormElement;
export const handle: ldm.FormHandle = ldm.attachForm(form, { lang: 'en' });
`;
const TS_BAD_CJS = `import ldm = require('ldm-reseau');
export const attach = ldm.attachForm;
`;
// The consumer files, the same for each project that type-checks them.
const TS_FILES = {
  'use.mts': TS_USE('ldm-reseau'),
  'use-form.mts': TS_USE('ldm-reseau/form') + TS_FORM,
  'use-cjs.cts': TS_CJS('ldm-reseau'),
  'use-form-cjs.cts': TS_CJS('ldm-reseau/form') + TS_CJS_FORM,
  'use.ts': TS_USE('ldm-reseau'),
  'use-form.ts': TS_USE('ldm-reseau/form') + TS_FORM,
  'bad.mts': TS_BAD,
  'bad-cjs.cts': TS_BAD_CJS,
};
const TS_NODE = ['use.mts', 'use-form.mts', 'use-cjs.cts', 'use-form-cjs.cts'];

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

test('TypeScript: the declarations of both entries type-check a consumer (nodenext ESM and CJS, bundler) and reject type errors', () => {
  for (const [file, text] of Object.entries(TS_FILES)) write(`ts/${file}`, text);
  const node = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022' };
  const bundler = { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'] };

  for (const [name, opts, files] of [
    ['nodenext', node, TS_NODE],
    ['bundler', bundler, ['use.ts', 'use-form.ts']],
  ]) {
    const r = typecheck(tsconfig(name, opts, files));
    assert.equal(r.status, 0, `${name}:\n${r.output}`);
  }

  const bad = typecheck(tsconfig('bad', node, ['bad.mts', 'bad-cjs.cts']));
  assert.notEqual(bad.status, 0, 'type errors are rejected');
  assert.match(bad.output, /bad\.mts\(3,10\): error TS2305: .*has no exported member 'attachForm'/, 'no attachForm in ldm-reseau');
  assert.match(bad.output, /bad\.mts\(5,1\): error TS2322/, bad.output);
  assert.match(bad.output, /bad\.mts\(6,28\): error TS2322/, bad.output);
  assert.match(bad.output, /bad-cjs\.cts\(2,27\): error TS2339: .*'attachForm'/, bad.output);
  assert.doesNotMatch(bad.output, /^(?!ts\/).*: error TS/m, 'no error inside the package');

  for (const file of ['index.d.ts', 'index.d.cts', 'form.d.ts', 'form.d.cts']) {
    const text = readFileSync(join(app, 'node_modules', 'ldm-reseau', 'dist', file), 'utf8');
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    assert.doesNotMatch(code, /\bany\b/, `${file} uses no any`);
  }
});

test('TypeScript: a Node-only project (lib es2022 + @types/node, no DOM library) type-checks the declarations of both entries', () => {
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
  for (const file of TS_NODE) write(`ts/${file}`, TS_FILES[file]);
  const opts = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types };
  const r = typecheck(tsconfig('node-only', opts, TS_NODE));
  assert.equal(r.status, 0, r.output);
});

/** Serves a built app, opens the page of each entry in Chromium, and checks its report and its one wasm. */
async function expectServedReport(dir) {
  const server = await serve(dir);
  try {
    await expectPages(server.url, server.requests, dir);
  } finally {
    await server.close();
  }
}

test('Vite build: each entry\'s page loads its own wasm and shows the report', async () => {
  const { build } = await import('vite');
  const root = join(app, 'vite-app');
  const input = writePages('vite-app');
  await build({ root, configFile: false, logLevel: 'silent', build: { outDir: join(root, 'dist'), rolldownOptions: { input } } });
  for (const e of PAGES) assert.ok(existsSync(join(root, 'dist', `${e.page}.html`)), e.page);
  await expectServedReport(join(root, 'dist'));
});

test('Vite dev server: each entry\'s page loads its own wasm and shows the report', async () => {
  const { createServer } = await import('vite');
  const root = join(app, 'vite-dev');
  writePages('vite-dev');
  // The dev server's log of requests, as serve() keeps one.
  const requests = [];
  const record = (req, res, next) => {
    const entry = { url: req.url, status: 0 };
    requests.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    next();
  };
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    clearScreen: false,
    cacheDir: join(root, '.vite'),
    plugins: [{ name: 'record-requests', configureServer: (s) => void s.middlewares.use(record) }],
    server: { host: '127.0.0.1', port: 0, watch: null },
  });
  await server.listen();
  try {
    await expectPages(server.resolvedUrls.local[0].replace(/\/$/, ''), requests);
  } finally {
    await server.close();
  }
});

test('webpack 5 build: each entry\'s page loads its own wasm and shows the report', async () => {
  const { default: webpack } = await import('webpack');
  const root = join(app, 'webpack-app');
  writePages('webpack-app/dist', { scriptDir: 'webpack-app', tag: (e) => `<script src="./${e.page}.js"></script>` });
  const compiler = webpack({
    mode: 'production',
    context: root,
    entry: Object.fromEntries(PAGES.map((e) => [e.page, `./${e.page}.js`])),
    output: { path: join(root, 'dist'), filename: '[name].js', publicPath: 'auto' },
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
  assert.equal(info.assets.filter((a) => a.name.endsWith('.wasm')).length, 2, 'each wasm is emitted as an asset');
  await expectServedReport(join(root, 'dist'));
});

test('plain page: <script type="module"> from node_modules, no bundler', async () => {
  for (const e of PAGES) {
    const script = PAGE_SCRIPT(e, `../node_modules/ldm-reseau/dist/${e.browser}`);
    write(`plain/${e.page}.html`, PAGE_HTML(`<script type="module">\n${script}</script>`, e));
  }
  const server = await serve(app);
  try {
    await expectPages(`${server.url}/plain`, server.requests, app);
    const wasm = server.requests.map((r) => r.url.split('?')[0]).filter((u) => u.endsWith('.wasm'));
    assert.deepEqual(wasm, PAGES.map((e) => `/node_modules/ldm-reseau/dist/${e.wasm}`));
  } finally {
    await server.close();
  }
});
