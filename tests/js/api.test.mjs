// The JavaScript API of SPEC §8.2 as Node users get it (dist/node.mjs and
// dist/node.cjs): shapes, hostile inputs, Standard Schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as ldm from '../../dist/node.mjs';

const require = createRequire(import.meta.url);
const bases = JSON.parse(readFileSync(new URL('../cases/bases.json', import.meta.url), 'utf8')).bases;
const valid = () => structuredClone(bases.sector);
const opts = { today: '2026-10-01' };

function isPlain(v) {
  if (Array.isArray(v)) return v.every(isPlain);
  if (v !== null && typeof v === 'object') {
    return Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(isPlain);
  }
  return true;
}

function assertReport(r) {
  assert.equal(typeof r.valid, 'boolean');
  assert.ok(Array.isArray(r.findings));
  assert.equal(r.valid, !r.findings.some((f) => f.severity === 'error'));
  for (const f of r.findings) {
    assert.equal(typeof f.code, 'string');
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
    assert.ok(Array.isArray(f.path));
    assert.ok(f.message.length > 0);
  }
  assert.equal(typeof r.title.length, 'number');
  assert.ok('case' in r.cycle);
  assert.ok(isPlain(r), 'reports are plain objects and arrays, no Map');
}

test('Node ESM is ready on import, and version is the crate version', () => {
  assert.equal(ldm.isReady(), true);
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(ldm.version, pkg.version);
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.match(cargo, new RegExp(`^version = "${ldm.version}"`, 'm'));
});

test('the Node entries find their wasm wherever they are run from, even where a global __dirname exists', () => {
  const esm = new URL('../../dist/node.mjs', import.meta.url).href;
  const cjs = fileURLToPath(new URL('../../dist/node.cjs', import.meta.url));
  for (const script of [`import(${JSON.stringify(esm)}).then((m) => console.log(m.checkUai('0570099Y').valid))`, `console.log(require(${JSON.stringify(cjs)}).checkUai('0570099Y').valid)`]) {
    // `node -e` runs with a global __dirname of '.', in another folder here.
    const r = spawnSync(process.execPath, ['-e', script], { cwd: tmpdir(), encoding: 'utf8' });
    assert.equal(r.stdout.trim(), 'true', r.stderr);
  }
});

test('Node CommonJS gives the same report as ESM', () => {
  const cjs = require('../../dist/node.cjs');
  assert.equal(cjs.isReady(), true);
  assert.deepEqual(cjs.validateRequest(valid(), opts), ldm.validateRequest(valid(), opts));
});

test('validateRequest: a valid request gives a report shaped as SPEC §4', () => {
  const r = ldm.validateRequest(valid(), opts);
  assertReport(r);
  assert.equal(r.valid, true);
  assert.deepEqual(Object.keys(r), ['valid', 'findings', 'title', 'cycle']);
  assert.deepEqual(Object.keys(r.title), ['normalized', 'length', 'max', 'remaining', 'mention', 'suggestion']);
  assert.deepEqual(Object.keys(r.cycle), [
    'case', 'jointLabelling', 'campaignYear', 'members', 'appellationYears', 'appellationEnds', 'options', 'reviews',
  ]);
  assert.equal(r.cycle.case, 'c');
});

test('checkTitle, checkUai and cycleCase', () => {
  const t = ldm.checkTitle('Lycées des metiers en réseau du bois');
  assert.equal(t.title.mention, 'misspelled');
  assert.equal(t.title.suggestion, 'Lycée(s) des métiers en réseau du bois');
  const u = ldm.checkUai('0570099X');
  assert.equal(u.valid, false);
  assert.equal(u.findings[0].params.expected, 'Y');
  assert.equal(u.territory.academie, 'nancy-metz');
  const c = ldm.cycleCase(valid(), opts);
  assert.equal(c.case, 'c');
  assert.equal(c.members.length, 2);
  assert.equal(ldm.checkTitle(42).findings[0].code, 'title.missing');
});

test('options: English, today as a Date, message overrides', () => {
  const req = valid();
  delete req.campaignYear;
  req.title = 'x'.repeat(120);
  const r = ldm.validateRequest(req, {
    lang: 'en',
    today: new Date(2031, 0, 15),
    messages: { 'title.too_long': 'Trop long : {length}/{max}' },
  });
  assert.equal(r.cycle.campaignYear, 2031);
  assert.equal(r.findings.find((f) => f.code === 'title.too_long').message, 'Trop long : 120/100');
  assert.match(r.findings.find((f) => f.code === 'title.mention_missing').message, /^The title/);
});

test('hostile inputs never throw and give findings', () => {
  const cyclic = { title: 'Lycée(s) des métiers en réseau du bois' };
  cyclic.self = cyclic;
  cyclic.members = [cyclic];
  const throwing = Object.defineProperty({}, 'title', { enumerable: true, get() { throw new Error('boom'); } });
  let deep = {};
  const root = deep;
  for (let i = 0; i < 10000; i++) deep = deep.scope = {};
  const inputs = {
    undefined: undefined,
    null: null,
    NaN: NaN,
    number: 42,
    symbol: Symbol('x'),
    function: () => 1,
    bigint: 10n,
    cyclic,
    'a 5 MB string': 'é'.repeat(2.5 * 1024 * 1024),
    'a 5 MB title': { title: 'a'.repeat(5 * 1024 * 1024) },
    'a throwing getter': throwing,
    'a 10 000-deep nesting': root,
    'a Proxy whose keys throw': new Proxy({}, { ownKeys() { throw new Error('no'); } }),
    'wrong types everywhere': { kind: 1, title: [], scope: 'x', members: { a: 1 }, campaignYear: NaN, jointActions: [1] },
  };
  for (const [name, input] of Object.entries(inputs)) {
    let r;
    assert.doesNotThrow(() => {
      r = ldm.validateRequest(input, opts);
    }, name);
    assertReport(r);
    assert.ok(r.findings.length > 0, `${name} gives findings`);
    assert.equal(r.valid, false, `${name} is not a valid request`);
  }
  assert.deepEqual(ldm.validateRequest(Symbol('x')).findings.map((f) => f.code), ['request.not_an_object']);
  const deepCodes = ldm.validateRequest(root, opts).findings.map((f) => f.code);
  assert.ok(deepCodes.includes('request.too_deep'));
  const throwingCodes = ldm.validateRequest(throwing, opts).findings;
  assert.equal(throwingCodes[0].code, 'request.invalid_type');
  assert.equal(throwingCodes[0].params.found, 'unreadable');
  const cyc = ldm.validateRequest(cyclic, opts).findings.map((f) => `${f.code}@${f.path.join('.')}`);
  assert.ok(cyc.includes('request.invalid_type@members.0'), cyc.join(' '));
  assert.ok(cyc.includes('request.unknown_field@self'), cyc.join(' '));
});

test('Standard Schema v1: sync after init, { value } or { issues } with array paths', () => {
  const std = ldm.schema['~standard'];
  assert.equal(std.version, 1);
  assert.equal(std.vendor, 'ldm-reseau');
  const schema = ldm.createSchema(opts)['~standard'];
  const ok = schema.validate(valid());
  assert.ok(!(ok instanceof Promise), 'synchronous after init');
  assert.equal(ok.issues, undefined);
  assert.deepEqual(ok.value, valid());
  const bad = valid();
  bad.members[1].uai = '0570031A';
  const res = schema.validate(bad);
  assert.ok(Array.isArray(res.issues) && res.issues.length === 1);
  assert.deepEqual(res.issues[0].path, ['members', 1, 'uai']);
  assert.equal(res.issues[0].code, 'member.uai_checksum');
  assert.match(res.issues[0].message, /Z/);
  const warnOnly = valid();
  warnOnly.title = `  ${warnOnly.title}`;
  assert.equal(schema.validate(warnOnly).issues, undefined, 'warnings are not issues');
});
