// The package's two entries (SPEC §8.2) and the files each is made of in
// dist/: read by the build, the size report and the tests.
export const ENTRIES = [
  {
    name: 'ldm-reseau',
    source: 'js/index.js',
    features: [],
    wasm: 'ldm_reseau_bg.wasm',
    browser: 'index.js',
    node: 'node',
    types: 'index',
  },
  {
    name: 'ldm-reseau/form',
    source: 'js/form.js',
    features: ['form'],
    wasm: 'ldm_reseau_form_bg.wasm',
    browser: 'form.js',
    node: 'form.node',
    types: 'form',
    // The binding's optional stylesheet (`ldm-reseau/form.css`), js/form.css.
    css: 'form.css',
  },
];

/** Every file of an entry in dist/. */
export function entryFiles(e) {
  return [e.browser, `${e.node}.mjs`, `${e.node}.cjs`, e.wasm, `${e.types}.d.ts`, `${e.types}.d.cts`, ...(e.css ? [e.css] : [])];
}
