// Builds the npm package into dist/: the wasm (wasm-pack, release, wasm-opt),
// then the JS entries (esbuild): dist/index.js for browsers and bundlers,
// dist/node.mjs and dist/node.cjs for Node. Does nothing when dist/ is newer
// than every source it is made from.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const sources = ['src', 'js', 'data', 'build.rs', 'Cargo.toml', 'Cargo.lock', 'scripts/build.mjs'];

function newest(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((name) => newest(join(path, name))));
}

const outputs = ['index.js', 'node.mjs', 'node.cjs', 'ldm_reseau_bg.wasm', 'index.d.ts', 'index.d.cts'].map((f) => join(dist, f));
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

// 1. The wasm and its wasm-bindgen glue (target "web": ES module, explicit init).
const features = hooks ? ['--', '--features', 'test-hooks'] : [];
run('wasm-pack', ['build', '--release', '--target', 'web', '--out-dir', pkg, '--no-pack', '--no-typescript', ...features]);

// 2. Let the API re-instantiate the module after a trap (a Rust panic), so
//    that one bad call never leaves a dead module behind.
const gluePath = join(pkg, 'ldm_reseau.js');
let glue = readFileSync(gluePath, 'utf8');
if (!glue.includes('__ldmReset')) {
  if (!glue.includes('let wasmModule, wasmInstance, wasm;')) {
    throw new Error('build: the wasm-bindgen glue changed shape; update scripts/build.mjs');
  }
  glue += '\nexport function __ldmReset() { wasm = undefined; }\nexport function __ldmModule() { return wasmModule; }\n';
  writeFileSync(gluePath, glue);
}

// 3. The JS entries.
mkdirSync(dist, { recursive: true });
const common = [
  '--bundle',
  '--minify',
  '--legal-comments=none',
  `--define:__LDM_VERSION__="${version}"`,
  `--alias:ldm-reseau-glue=./${relative(root, gluePath)}`,
  '--log-level=warning',
];
run('esbuild', ['js/index.js', ...common, '--format=esm', '--platform=neutral', `--outfile=${join(dist, 'index.js')}`]);
run('esbuild', ['js/node.js', ...common, '--format=esm', '--platform=node', '--define:__LDM_CJS__=false', `--outfile=${join(dist, 'node.mjs')}`]);
run('esbuild', ['js/node.js', ...common, '--format=cjs', '--platform=node', '--define:__LDM_CJS__=true', '--log-override:empty-import-meta=silent', `--outfile=${join(dist, 'node.cjs')}`]);
copyFileSync(join(pkg, 'ldm_reseau_bg.wasm'), join(dist, 'ldm_reseau_bg.wasm'));
copyFileSync(join(root, 'js', 'index.d.ts'), join(dist, 'index.d.ts'));
copyFileSync(join(root, 'js', 'index.d.ts'), join(dist, 'index.d.cts'));
console.log(`build: ${relative(root, dist)}/ written`);
