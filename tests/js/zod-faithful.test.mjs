// The hand-written Zod 4 references of the benchmark, bench/zod-reference.mjs (Zod 4 classic) and
// bench/zod-mini-reference.mjs (zod/mini), must each find the same errors as ldm-reseau on every
// shared case (tests/cases/*.json): the same sorted multiset of `code @ path` among the findings
// of severity error. Otherwise the benchmark would compare the wasm validator with something that
// checks less (or more).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateRequest } from '../../dist/node.mjs';
import { validateWithZod as classic } from '../../bench/zod-reference.mjs';
import { validateWithZod as mini } from '../../bench/zod-mini-reference.mjs';
import { loadCases } from './cases.mjs';

// Cases where a reference and ldm-reseau cannot reasonably agree, `file — name` with a one-line
// reason each. Keep it minimal and honest: a case listed here that agrees again fails the test.
const EXPECTED_DIFFERENCES = { 'Zod 4 classic': [], 'zod/mini': [] };

const errors = (report) =>
  report.findings
    .filter((f) => f.severity === 'error')
    .map((f) => (f.path.length ? `${f.code} @ ${f.path.join('.')}` : f.code))
    .sort();

for (const [name, validateWithZod] of [['Zod 4 classic', classic], ['zod/mini', mini]]) {
  test(`the ${name} reference finds the same errors as ldm-reseau on every shared case`, () => {
    const cases = loadCases();
    assert.ok(cases.length > 300, `only ${cases.length} cases loaded`);
    const listed = EXPECTED_DIFFERENCES[name];
    const expected = new Map(listed.map((d) => [d.case, d.reason]));
    const differ = [];
    const agreeAgain = [];
    for (const c of cases) {
      const id = `${c.file} — ${c.name}`;
      const ours = errors(validateRequest(c.request, c.options));
      const zod = errors(validateWithZod(structuredClone(c.request), c.options));
      const same = JSON.stringify(ours) === JSON.stringify(zod);
      if (!same && !expected.has(id)) {
        differ.push(`${id}\n    ldm-reseau: ${JSON.stringify(ours)}\n    ${name.padEnd(11)} ${JSON.stringify(zod)}`);
      }
      if (same && expected.has(id)) agreeAgain.push(id);
      expected.delete(id);
    }
    const agree = cases.length - differ.length - listed.length + agreeAgain.length;
    assert.equal(differ.length, 0, `${differ.length} of ${cases.length} cases differ (${agree} agree):\n${differ.join('\n')}`);
    assert.deepEqual(agreeAgain, [], 'listed as expected differences but agreeing now: remove them from EXPECTED_DIFFERENCES');
    assert.deepEqual([...expected.keys()], [], 'EXPECTED_DIFFERENCES names cases that no longer exist');
  });
}
