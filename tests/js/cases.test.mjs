// The shared table-driven cases (tests/cases/*.json), through the wasm build
// as a Node user gets it: the same expectations as the native run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateRequest } from '../../dist/node.mjs';
import { loadCases, check } from './cases.mjs';

const cases = loadCases();

test('the shared cases give the expected reports through wasm', () => {
  assert.ok(cases.length > 1);
  const failures = [];
  for (const c of cases) {
    const errs = check(c, validateRequest(c.request, c.options));
    if (errs.length) failures.push(`${c.file} — ${c.name}:\n    ${errs.join('\n    ')}`);
  }
  assert.equal(failures.length, 0, `${failures.length} of ${cases.length} cases fail:\n${failures.join('\n')}`);
});
