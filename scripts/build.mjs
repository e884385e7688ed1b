// Builds the npm package into dist/, one set of files per entry:
//   ldm-reseau       index.js (browsers, bundlers), node.mjs, node.cjs,
//                    ldm_reseau_bg.wasm (the functions, no form binding)
//   ldm-reseau/form  form.js, form.node.mjs, form.node.cjs,
//                    ldm_reseau_form_bg.wasm (the same, plus the binding),
//                    form.css (the binding's optional look, from js/form.css)
// Each wasm by wasm-pack (release, wasm-opt), each JS entry by esbuild.
// Does nothing when dist/ is newer than every source it is made from.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES, entryFiles } from './entries.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--test-hooks` builds, apart from the real package, one whose wasm can be
// made to panic on purpose (tests of the panic guard).
const hooks = process.argv.includes('--test-hooks');
const dist = hooks ? join(root, 'target', 'dist-test-hooks') : join(root, 'dist');
const pkg = join(root, 'target', hooks ? 'pkg-test-hooks' : 'pkg');
const bin = join(root, 'node_modules', '.bin');
const cargoBin = join(process.env.CARGO_HOME || join(process.env.HOME || '', '.cargo'), 'bin');
const env = { ...process.env, PATH: `${bin}:${cargoBin}:${process.env.PATH}` };
if (hooks) env.CARGO_TARGET_DIR = join(root, 'target', 'test-hooks');

const sources = ['src', 'js', 'data', 'build.rs', 'Cargo.toml', 'Cargo.lock', 'scripts/build.mjs', 'scripts/entries.mjs'];

function newest(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((name) => newest(join(path, name))));
}

// The test-hooks build needs one wasm only: the panic guard is the same JS
// for both entries.
const builtEntries = hooks ? ENTRIES.slice(0, 1) : ENTRIES;
const outputs = builtEntries.flatMap(entryFiles).map((f) => join(dist, f));
const force = process.argv.includes('--force');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const built = outputs.every(existsSync) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
// package.json matters only through its version, which the entries embed.
const sameVersion = built > 0 && readFileSync(join(dist, 'index.js'), 'utf8').includes(`"${version}"`);
if (!force && sameVersion && built > Math.max(...sources.map(newest))) {
  console.log('build: dist/ is up to date');
  process.exit(0);
}

function run(cmd, args) {
  execFileSync(cmd, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
}

// 1. Each wasm and its wasm-bindgen glue (target "web": ES module, explicit
//    init). Cargo keeps one build per feature set, so both stay incremental.
function wasm(entry) {
  const features = [...entry.features, ...(hooks ? ['test-hooks'] : [])];
  const cargoArgs = features.length ? ['--', '--features', features.join(',')] : [];
  const name = entry.wasm.replace(/_bg\.wasm$/, '');
  run('wasm-pack', ['build', '--release', '--target', 'web', '--out-dir', pkg, '--out-name', name, '--no-pack', '--no-typescript', ...cargoArgs]);
  // Let the API re-instantiate the module after a trap (a Rust panic), so
  // that one bad call never leaves a dead module behind.
  const gluePath = join(pkg, `${name}.js`);
  let glue = readFileSync(gluePath, 'utf8');
  if (!glue.includes('__ldmReset')) {
    if (!glue.includes('let wasmModule, wasmInstance, wasm;')) {
      throw new Error('build: the wasm-bindgen glue changed shape; update scripts/build.mjs');
    }
    glue += '\nexport function __ldmReset() { wasm = undefined; }\nexport function __ldmModule() { return wasmModule; }\n';
    writeFileSync(gluePath, glue);
  }
  return gluePath;
}

// 2. The JS entries of one wasm: browsers and bundlers, then Node (ESM, CJS).
function entries(entry, gluePath) {
  const common = [
    '--bundle',
    '--minify',
    '--legal-comments=none',
    `--define:__LDM_VERSION__="${version}"`,
    `--alias:ldm-reseau-glue=./${relative(root, gluePath)}`,
    '--log-level=warning',
  ];
  const node = [
    ...common,
    '--platform=node',
    `--alias:ldm-reseau-entry=./${entry.source}`,
    `--define:__LDM_WASM__="${entry.wasm}"`,
  ];
  run('esbuild', [entry.source, ...common, '--format=esm', '--platform=neutral', `--outfile=${join(dist, entry.browser)}`]);
  run('esbuild', ['js/node.js', ...node, '--format=esm', '--define:__LDM_CJS__=false', `--outfile=${join(dist, `${entry.node}.mjs`)}`]);
  run('esbuild', ['js/node.js', ...node, '--format=cjs', '--define:__LDM_CJS__=true', '--log-override:empty-import-meta=silent', `--outfile=${join(dist, `${entry.node}.cjs`)}`]);
  copyFileSync(join(pkg, entry.wasm), join(dist, entry.wasm));
  // The entry's optional stylesheet (ldm-reseau/form.css), copied as it is.
  if (entry.css) copyFileSync(join(root, 'js', entry.css), join(dist, entry.css));
  // The CommonJS declarations point at their CommonJS neighbours.
  const types = readFileSync(join(root, 'js', `${entry.types}.d.ts`), 'utf8');
  writeFileSync(join(dist, `${entry.types}.d.ts`), types);
  writeFileSync(join(dist, `${entry.types}.d.cts`), types.replaceAll("'./index.js'", "'./index.cjs'"));
}

mkdirSync(dist, { recursive: true });
for (const entry of builtEntries) entries(entry, wasm(entry));
console.log(`build: ${relative(root, dist)}/ written`);
