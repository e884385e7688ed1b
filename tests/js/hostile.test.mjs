// Hostile JavaScript values (SPEC §5.6) through the built package, in Node
// as ESM and as CommonJS: each class gives a report, never an exception,
// whose findings say what the class calls for and whose paths read the
// values they are about. The browser entry runs the same classes in
// tests/e2e/hostile.test.mjs; `npm run bench:hostile` times them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as esm from '../../dist/node.mjs';
import { CLASSES, OPTIONS, runClasses } from '../support/hostile.mjs';

import * as formEsm from '../../dist/form.node.mjs';

const require = createRequire(import.meta.url);
const cjs = require('../../dist/node.cjs');
const formCjs = require('../../dist/form.node.cjs');

for (const [entry, ldm] of [['ESM', esm], ['CJS', cjs], ['form ESM', formEsm], ['form CJS', formCjs]]) {
  test(`${entry}: every hostile class gives a report with the findings it calls for`, () => {
    assert.deepEqual(runClasses(ldm.validateRequest), []);
  });
}

test('the other functions never throw either: checkTitle, checkUai, cycleCase, the schema', () => {
  const weird = [undefined, null, 42n, Symbol('s'), 'a'.repeat(100_000), 'x\ud800', new Proxy({}, { get() { throw new Error('no'); } })];
  for (const v of weird) {
    for (const options of [undefined, OPTIONS, new Proxy({}, { ownKeys() { throw new Error('no'); } }), 7]) {
      assert.doesNotThrow(() => {
        assert.ok(Array.isArray(esm.checkTitle(v, options).findings));
        assert.ok(Array.isArray(esm.checkUai(v, options).findings));
        assert.equal(typeof esm.cycleCase(v, options).campaignYear, 'number');
        assert.ok(esm.schema['~standard'].validate(v).issues.length > 0);
      });
    }
  }
  const long = esm.checkTitle('Lycée(s) des métiers en réseau '.repeat(5000));
  assert.ok(long.findings.some((f) => f.code === 'request.too_large' && f.params.found === 155_000));
  assert.ok(esm.checkTitle('x\ud800').findings.some((f) => f.code === 'request.invalid_text'));
});

/** A deep wrapper that counts every read of every property of every object. */
function counted(value, reads, at = '') {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value, {
    get(target, key, recv) {
      const name = `${at}.${String(key)}`;
      reads.set(name, (reads.get(name) ?? 0) + 1);
      return counted(Reflect.get(target, key, recv), reads, name);
    },
  });
}

test('every property of the request and the options is read once, length once, toJSON once', () => {
  const { request } = CLASSES[0].make();
  const req = { ...request, members: [{ uai: '0570099Y', label: { status: 'labelled', lastDecisionYear: 2024, sectors: ['bois'] } }] };
  const reads = new Map();
  const options = { today: '2026-10-01', lang: 'fr', criteria: [{ id: 'c1', label: 'Offre' }], messages: { 'cycle.case_c': 'c' } };
  esm.validateRequest(counted(req, reads, 'request'), counted(options, reads, 'options'));
  const twice = [...reads].filter(([, n]) => n > 1);
  assert.deepEqual(twice, []);
  assert.equal(reads.get('request.members.length'), 1);
  assert.equal(reads.get('request.members.0.uai'), 1);
  assert.equal(reads.get('options.criteria.0.id'), 1);
  assert.equal(reads.get('request.scope.toJSON'), 1);
});

test('numbers are read exactly: a value is a year only when it is an integer', () => {
  const year = (campaignYear) =>
    esm.validateRequest({ campaignYear }, OPTIONS).findings.find((f) => f.path.join('.') === 'campaignYear')?.params.found;
  assert.equal(year(2026.0000000000002), 'decimal');
  assert.equal(year(2025.9999999999998), 'decimal');
  assert.equal(year(5e-324), 'decimal');
  assert.equal(year(-5e-324), 'decimal');
  assert.equal(year(2026), undefined);
  assert.notEqual(year(1e21), 'decimal', 'a huge integer is whole, if no year');
  assert.equal(esm.validateRequest({ campaignYear: 2027 }, OPTIONS).cycle.campaignYear, 2027);
  // JSON.stringify sends NaN and Infinity as null: an absent year.
  assert.equal(year(NaN), undefined);
  assert.equal(esm.validateRequest({ campaignYear: Infinity }, OPTIONS).cycle.campaignYear, 2026);
});
