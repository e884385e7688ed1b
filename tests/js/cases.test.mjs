// The shared table-driven cases (tests/cases/*.json) through the wasm build
// as a Node user gets it: for each case, the very report the native build
// gives (the Rust harness checks that report against the case's `expect`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateRequest } from '../../dist/node.mjs';
import { loadCases } from './cases.mjs';

test('every shared case gives through wasm the report it gives natively', () => {
  const cases = loadCases();
  assert.ok(cases.length > 300, `${cases.length} cases`);
  const failures = [];
  for (const c of cases) {
    try {
      assert.deepStrictEqual(validateRequest(c.request, c.options), c.report);
    } catch (err) {
      failures.push(`${c.file} — ${c.name}:\n    ${err.message.split('\n').slice(0, 10).join('\n    ')}`);
    }
  }
  assert.equal(failures.length, 0, `${failures.length} of ${cases.length} cases differ:\n${failures.join('\n')}`);
});
