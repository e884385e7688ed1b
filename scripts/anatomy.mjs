// `npm run anatomy`: what each entry's wasm is made of, by part. Builds the
// wasm of each entry with its names kept (cargo release build, wasm-bindgen,
// then `wasm-opt -Oz -g`, so the code is the shipped code), asks twiggy for
// the size of every function and data segment, and sums them by part.
// Needs twiggy (`cargo install twiggy`). Writes only under target/anatomy/.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES } from './entries.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'target', 'anatomy');
const cargoBin = join(process.env.CARGO_HOME || join(process.env.HOME || '', '.cargo'), 'bin');
const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${cargoBin}:${process.env.PATH}` };
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 }).toString();

// First match wins: the order matters (serde's impls of our types are serde's).
const PARTS = [
  ['form binding (web-sys glue, DOM code, its words)', /bind::dom|web_sys|words::form/],
  ['serde + serde-wasm-bindgen (report out)', /serde/],
  ['rules (title, scope, members, cycle, actions)', /ldm_reseau::rules/],
  ['input reader, options, budget', /ldm_reseau::(input|options|budget|model|keys)|budget_findings|option_findings/],
  ['host JSON reader', /ldm_reseau::(value|platform)/],
  ['findings, report, messages', /ldm_reseau::(report|findings|words)|::sort::|sort_unstable/],
  ['text, UAI, territories (code)', /ldm_reseau::(text|uai|territory)/],
  ['wasm API and wasm-bindgen glue', /externref|ldm_reseau::bind|wasm_bindgen|js_sys|__wbindgen|^export /],
  ['allocator (talc)', /talc|__rdl|__rust_(alloc|dealloc|realloc)/],
  ['core::fmt and panics', /fmt|panic|unwrap_failed|slice_(error|end|start|index)|Debug|escape|printable|bounds_check|expect_failed/],
  ['validate (the rules inlined into it)', /ldm_reseau::/],
  ['data: messages fr/en, territories, criteria, tables', /^data segment/],
  ['names (not shipped)', /names" subsection|^custom section/],
];

function anatomy(entry) {
  const features = entry.features.length ? ['--features', entry.features.join(',')] : [];
  run('cargo', ['build', '--lib', '--release', '--target', 'wasm32-unknown-unknown', ...features]);
  const dir = join(out, entry.features.join('-') || 'core');
  mkdirSync(dir, { recursive: true });
  run('wasm-bindgen', ['--target', 'web', '--out-dir', dir, join(root, 'target', 'wasm32-unknown-unknown', 'release', 'ldm_reseau.wasm')]);
  const wasm = join(dir, 'named.wasm');
  run('wasm-opt', ['-Oz', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', join(dir, 'ldm_reseau_bg.wasm'), '-o', wasm]);
  const items = JSON.parse(run('twiggy', ['top', '-n', '100000', '--format', 'json', wasm]));
  const sums = new Map(PARTS.map(([name]) => [name, 0]));
  let other = 0;
  for (const { name, shallow_size: size } of items) {
    const part = PARTS.find(([, re]) => re.test(name));
    if (part) sums.set(part[0], sums.get(part[0]) + size);
    else other += size;
  }
  sums.set('other std and core (Vec, str, iterators)', other);
  return sums;
}

for (const entry of ENTRIES) {
  const sums = anatomy(entry);
  const shipped = [...sums].filter(([name]) => !name.startsWith('names')).reduce((a, [, n]) => a + n, 0);
  console.log(`\n${entry.name} — ${(shipped / 1024).toFixed(1)} KB raw without names`);
  for (const [name, n] of [...sums].sort((a, b) => b[1] - a[1])) {
    if (n === 0 || name.startsWith('names')) continue;
    console.log(`  ${name.padEnd(52)}${(n / 1024).toFixed(1).padStart(7)} KB ${((100 * n) / shipped).toFixed(1).padStart(5)} %`);
  }
}
