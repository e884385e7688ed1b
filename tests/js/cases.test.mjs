// The shared table-driven cases (tests/cases/*.json) through each entry's
// wasm as a Node user gets it: for each case, the very report the native
// build gives (the Rust harness checks that report against the case's
// `expect`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as core from '../../dist/node.mjs';
import * as form from '../../dist/form.node.mjs';
import { loadCases } from './cases.mjs';

for (const [entry, { validateRequest }] of [['ldm-reseau', core], ['ldm-reseau/form', form]]) {
  test(`${entry}: every shared case gives through wasm the report it gives natively`, () => {
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
}
