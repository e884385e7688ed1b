// `npm run bench:zod-sizes`: what a front-end team would ship for the Zod references of the
// benchmark. Each is bundled by Vite for production, as the one script of an app (not a
// library build) whose entry imports validateWithZod and calls it on a request, so that nothing
// is tree-shaken away; the territories table is inlined, as a browser cannot read a file.
// Zod 4 classic alone and zod/mini alone are bundled the same way, from an entry that builds one
// trivial schema and parses. The figure is the gzip -9 size of the JS Vite produces (the
// module-preload polyfill, app code unrelated to validation, is left out).
// Works in a temp dir under target/; packages come from this project's node_modules, which Vite
// finds from there (the temp dir is inside the project). Nothing is downloaded.
// `node bench/zod-sizes.mjs` prints the table; `zodSizes()` returns the figures.
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bench = join(root, 'bench');
const TERRITORIES = /readFileSync\(new URL\('\.\.\/data\/territories\.tsv', import\.meta\.url\), 'utf8'\)/;

/** bench/zod-common.mjs with the territories table as a string literal instead of a file read. */
export function inlineTerritories(code) {
  const tsv = readFileSync(join(root, 'data', 'territories.tsv'), 'utf8');
  const inlined = code.replace(/^import \{ readFileSync \} from 'node:fs';\n/m, '').replace(TERRITORIES, () => JSON.stringify(tsv));
  if (inlined.includes('readFileSync')) throw new Error('bench: zod-common.mjs reads files in a way inlineTerritories does not know');
  return inlined;
}

const callReference = (file) => `import { validateWithZod } from ${JSON.stringify(join(bench, file))};
const report = validateWithZod({ kind: 'new', title: document.title, members: [] }, { today: '2026-10-01' });
document.body.textContent = report.valid ? 'valid' : report.findings.map((f) => f.code).join(' ');
`;
const parseTrivial = (module) => `import * as z from ${JSON.stringify(module)};
const Request = z.object({ title: z.string() });
document.body.textContent = String(Request.safeParse({ title: document.title }).success);
`;

/** What is measured: the two references, and each library alone. */
export const ENTRIES = [
  { name: 'Zod 4 classic reference', what: 'bench/zod-reference.mjs + Zod 4', entry: callReference('zod-reference.mjs') },
  { name: 'zod/mini reference', what: 'bench/zod-mini-reference.mjs + zod/mini', entry: callReference('zod-mini-reference.mjs') },
  { name: 'Zod 4 classic alone', what: "import * as z from 'zod', one z.object, safeParse", entry: parseTrivial('zod') },
  { name: 'zod/mini alone', what: "import * as z from 'zod/mini', one z.object, safeParse", entry: parseTrivial('zod/mini') },
];

const inlineTerritoriesPlugin = {
  name: 'ldm-inline-territories',
  transform(code, id) {
    return id.endsWith('/bench/zod-common.mjs') ? { code: inlineTerritories(code), map: null } : null;
  },
};

/** `{ [name]: { what, raw, gzip } }`: bytes of the minified JS Vite produces, raw and gzip -9. */
export async function zodSizes() {
  const require = createRequire(join(root, 'package.json'));
  const vite = await import(require.resolve('vite'));
  const { version } = require('zod/package.json');
  mkdirSync(join(root, 'target'), { recursive: true });
  const tmp = mkdtempSync(join(root, 'target', 'zod-sizes-'));
  const figures = {};
  try {
    for (const [i, { name, what, entry }] of ENTRIES.entries()) {
      const app = join(tmp, `app${i}`);
      mkdirSync(app);
      writeFileSync(join(app, 'main.js'), entry);
      writeFileSync(join(app, 'index.html'), '<!doctype html><title>Lycée des métiers</title><script type="module" src="./main.js"></script>');
      await vite.build({
        root: app,
        configFile: false,
        envDir: false,
        publicDir: false,
        cacheDir: join(tmp, '.vite'),
        mode: 'production',
        logLevel: 'warn',
        plugins: [inlineTerritoriesPlugin],
        build: { outDir: join(app, 'dist'), emptyOutDir: true, modulePreload: { polyfill: false }, reportCompressedSize: false },
      });
      const assets = join(app, 'dist', 'assets');
      const js = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f)));
      const bytes = Buffer.concat(js);
      if (bytes.includes('readFileSync')) throw new Error(`bench: the ${name} bundle still reads files`);
      figures[name] = { what, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { zod: version, vite: vite.version, figures };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The figures as a table, one line each. */
export function printZodSizes({ zod, vite, figures }, indent = '  ') {
  console.log(`${indent}${'bundled by Vite ' + vite + ', zod ' + zod}`.padEnd(50) + 'gzip -9'.padStart(10) + 'minified'.padStart(11));
  for (const [name, f] of Object.entries(figures)) {
    console.log(`${indent}${name.padEnd(48)}${kb(f.gzip).padStart(10)}${kb(f.raw).padStart(11)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log('What the Zod references ship to a browser (Vite production build, gzip -9)');
  printZodSizes(await zodSizes());
}
