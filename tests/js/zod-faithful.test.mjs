// The hand-written Zod 4 reference of the benchmark (bench/zod-reference.mjs) must find the same
// errors as ldm-reseau on every shared case (tests/cases/*.json): the same sorted multiset of
// `code @ path` among the findings of severity error. Otherwise the benchmark would compare the
// wasm validator with something that checks less (or more).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateRequest } from '../../dist/node.mjs';
import { validateWithZod } from '../../bench/zod-reference.mjs';
import { loadCases } from './cases.mjs';

// Cases where the two cannot reasonably agree, `file — name` with a one-line reason each.
// Keep it minimal and honest: a case listed here that agrees again fails the test.
const EXPECTED_DIFFERENCES = [];

const errors = (report) =>
  report.findings
    .filter((f) => f.severity === 'error')
    .map((f) => (f.path.length ? `${f.code} @ ${f.path.join('.')}` : f.code))
    .sort();

test('the Zod reference finds the same errors as ldm-reseau on every shared case', () => {
  const cases = loadCases();
  assert.ok(cases.length > 300, `only ${cases.length} cases loaded`);
  const expected = new Map(EXPECTED_DIFFERENCES.map((d) => [d.case, d.reason]));
  const differ = [];
  const agreeAgain = [];
  for (const c of cases) {
    const id = `${c.file} — ${c.name}`;
    const ours = errors(validateRequest(c.request, c.options));
    const zod = errors(validateWithZod(structuredClone(c.request), c.options));
    const same = JSON.stringify(ours) === JSON.stringify(zod);
    if (!same && !expected.has(id)) {
      differ.push(`${id}\n    ldm-reseau: ${JSON.stringify(ours)}\n    zod:        ${JSON.stringify(zod)}`);
    }
    if (same && expected.has(id)) agreeAgain.push(id);
    expected.delete(id);
  }
  const agree = cases.length - differ.length - EXPECTED_DIFFERENCES.length + agreeAgain.length;
  assert.equal(differ.length, 0, `${differ.length} of ${cases.length} cases differ (${agree} agree):\n${differ.join('\n')}`);
  assert.deepEqual(agreeAgain, [], 'listed as expected differences but agreeing now: remove them from EXPECTED_DIFFERENCES');
  assert.deepEqual([...expected.keys()], [], 'EXPECTED_DIFFERENCES names cases that no longer exist');
});
