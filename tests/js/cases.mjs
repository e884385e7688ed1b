// The shared cases of tests/cases/*.json as the one interpreter of the case
// tables, the Rust harness (tests/integration/cases.rs), expands them: each
// with its request, options and native report, in target/cases-expanded.json
// (written by `cargo test`, which `npm test` runs first).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../../target/cases-expanded.json', import.meta.url));

/** `[{ file, name, request, options, report }]`, `report` being the native one. */
export function loadCases() {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`cargo test\` first (npm test does)`);
  return JSON.parse(readFileSync(file, 'utf8'));
}
