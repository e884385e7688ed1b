// The schema of SPEC §8.2 as Node users get it, through both entries: the
// Standard Schema `value` is the request as it will be sent (normalised,
// a copy, never an exception), and the Standard JSON Schema interface gives
// data/request.schema.json, a draft 2020-12 schema that a real validator
// (Ajv) finds valid and that accepts every shared case ldm-reseau finds
// valid and refuses every wrongly typed one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import * as core from '../../dist/node.mjs';
import * as form from '../../dist/form.node.mjs';
import { loadCases } from './cases.mjs';
import { CLASSES, OPTIONS } from '../support/hostile.mjs';

const bases = JSON.parse(readFileSync(new URL('../cases/bases.json', import.meta.url), 'utf8')).bases;
const SCHEMA = JSON.parse(readFileSync(new URL('../../data/request.schema.json', import.meta.url), 'utf8'));
const opts = { today: '2026-10-01' };
const ENTRIES = [
  ['ldm-reseau', core],
  ['ldm-reseau/form', form],
];

/** Ajv for draft 2020-12, strict (a typo in a keyword is an error), union types being standard. */
function ajv() {
  return new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
}

function deepFreeze(v) {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** The sector base, written the way a form may hand it over. */
function untidy() {
  const r = structuredClone(bases.sector);
  r.title = "  Lycée(s) des métiers   en réseau du\tbois et de l'ameublement\u00a0 \n";
  r.scope.sectors = [' bois ', '\u00a0ameublement\t'];
  r.members[0].uai = ' 057 0099 y ';
  r.members[0].label.sectors = ['Bois  ', ' Ameublement', '\u3000Habitat\u0085'];
  r.members[1].uai = '0570031z';
  return r;
}

for (const [entry, ldm] of ENTRIES) {
  const std = ldm.createSchema(opts)['~standard'];

  test(`${entry}: value is the request as it will be sent: title, UAIs and filières normalised`, () => {
    const input = untidy();
    const before = structuredClone(input);
    const report = ldm.validateRequest(input, opts);
    assert.equal(report.valid, true, JSON.stringify(report.findings));
    const { value, issues } = std.validate(input);
    assert.equal(issues, undefined);
    assert.equal(value.title, "Lycée(s) des métiers en réseau du bois et de l'ameublement");
    assert.equal(value.title, report.title.normalized);
    assert.deepEqual(
      value.members.map((m) => m.uai),
      ['0570099Y', '0570031Z'],
    );
    assert.deepEqual(value.scope.sectors, ['bois', 'ameublement']);
    assert.deepEqual(value.members[0].label.sectors, ['Bois', 'Ameublement', 'Habitat']);
    // Everything else as given: the value is the base itself.
    assert.deepEqual(value, bases.sector);
    // The input is untouched, and the value is a copy of it.
    assert.deepEqual(input, before);
    assert.notEqual(value, input);
    assert.notEqual(value.members, input.members);
    value.members[1].name = 'changed';
    assert.equal(input.members[1].name, before.members[1].name);
  });

  test(`${entry}: a frozen input is checked and copied, not written to`, () => {
    const input = deepFreeze(untidy());
    const { value } = std.validate(input);
    assert.equal(value.members[0].uai, '0570099Y');
    assert.equal(input.members[0].uai, ' 057 0099 y ');
  });

  test(`${entry}: the value checks again to itself, with no normalisation warning left`, () => {
    const { value } = std.validate(untidy());
    const again = ldm.validateRequest(value, opts);
    assert.equal(again.valid, true);
    const codes = again.findings.map((f) => f.code);
    assert.ok(!codes.includes('title.whitespace') && !codes.includes('member.uai_normalized'), codes.join(' '));
    assert.deepEqual(std.validate(value).value, value);
  });

  test(`${entry}: only the title, the UAIs and the filières change; the rest is kept as given`, () => {
    const input = structuredClone(bases.sector);
    input.kind = ' new ';
    input.title = 'Lycée(s) des métiers en réseau\u00a0: bois et ameublement';
    input.scope.sectors = ['  bois ', null, '   ', 'ameublement'];
    input.members[0].label.sectors = ['Bois', 'Ameublement', '  Habitat  et  décor '];
    input.members[0].name = '  Lycée Henri Nominé ';
    input.jointActions.c1 = '  Carte commune.  ';
    input.note = { free: ['  text  ', 1, true, null] };
    const { value, issues } = std.validate(input);
    assert.ok(value, JSON.stringify(issues));
    assert.equal(value.kind, ' new ');
    // A lone no-break space before « : » is kept (SPEC §5.1).
    assert.equal(value.title, 'Lycée(s) des métiers en réseau\u00a0: bois et ameublement');
    // Trimmed only: inner spaces stay, null and blank entries stay in place.
    assert.deepEqual(value.scope.sectors, ['bois', null, '', 'ameublement']);
    assert.deepEqual(value.members[0].label.sectors, ['Bois', 'Ameublement', 'Habitat  et  décor']);
    assert.equal(value.members[0].name, '  Lycée Henri Nominé ');
    assert.equal(value.jointActions.c1, '  Carte commune.  ');
    assert.deepEqual(value.note, input.note);
  });

  test(`${entry}: the value is what was checked, its JSON form, read once`, () => {
    const input = structuredClone(bases.sector);
    let reads = 0;
    Object.defineProperty(input, 'title', {
      enumerable: true,
      get() {
        reads++;
        return reads === 1 ? ' Lycée(s) des métiers en réseau du bois ' : 'changed meanwhile';
      },
    });
    input.sentAt = new Date(0);
    input.callback = () => 1;
    input.nothing = undefined;
    input.members[1].label = { toJSON: () => ({ status: 'applying' }) };
    const { value } = std.validate(input);
    assert.ok(value, 'valid');
    assert.equal(reads, 1, 'the title was read once');
    assert.equal(value.title, 'Lycée(s) des métiers en réseau du bois');
    assert.equal(value.sentAt, '1970-01-01T00:00:00.000Z');
    assert.ok(!('callback' in value) && !('nothing' in value));
    assert.deepEqual(value.members[1].label, { status: 'applying' });
  });

  test(`${entry}: unknown fields holding what JSON cannot carry: a value, never an exception`, () => {
    const input = structuredClone(bases.sector);
    const cycle = { name: 'cycle' };
    cycle.self = cycle;
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    Object.assign(input, {
      big: 10n,
      cycle,
      revoked: proxy,
      traps: new Proxy({}, { ownKeys() { throw new Error('ownKeys'); } }),
      lone: 'x\ud800',
      ['titl\ud800e']: 'a key with a lone surrogate',
      '__proto__x': 1,
    });
    Object.defineProperty(input, 'boom', { enumerable: true, get() { throw new Error('boom'); } });
    Object.defineProperty(input, '__proto__', { enumerable: true, value: { own: true } });
    const report = ldm.validateRequest(input, opts);
    assert.equal(report.valid, true, JSON.stringify(report.findings.map((f) => f.code)));
    let result;
    assert.doesNotThrow(() => {
      result = std.validate(input);
    });
    const { value } = result;
    assert.ok(value, 'valid');
    for (const k of ['big', 'revoked', 'traps', 'lone', 'boom']) assert.equal(value[k], null, k);
    assert.deepEqual(value.cycle, { name: 'cycle', self: null });
    assert.equal(value['titl\ud800e'], 'a key with a lone surrogate', 'field names are put back');
    assert.equal(Object.getPrototypeOf(value), Object.prototype, 'an own __proto__ field stays a field');
    assert.deepEqual(Object.getOwnPropertyDescriptor(value, '__proto__').value, { own: true });
    assert.doesNotThrow(() => JSON.stringify(value), 'the value can be sent');
  });

  test(`${entry}: validate never throws on hostile values`, () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const weird = [undefined, null, 42n, Symbol('s'), 'a'.repeat(100_000), 'x\ud800', () => 1, NaN, [], new Date(0)];
    weird.push(new Proxy({}, { get() { throw new Error('no'); } }), revoked.proxy);
    for (const v of weird) {
      const r = std.validate(v);
      assert.ok(Array.isArray(r.issues) && r.issues.length > 0);
    }
    for (const c of CLASSES) {
      const { request, options } = c.make();
      const schema = ldm.createSchema(options ?? OPTIONS)['~standard'];
      let r;
      assert.doesNotThrow(() => {
        r = schema.validate(request);
      }, c.name);
      assert.ok(Array.isArray(r.issues) !== ('value' in r), `${c.name}: issues or a value`);
      if (r.value !== undefined) assert.doesNotThrow(() => JSON.stringify(r.value), c.name);
    }
  });

  test(`${entry}: ~standard.jsonSchema gives the data file, a fresh copy each call, draft 2020-12 only`, () => {
    const { jsonSchema } = ldm.schema['~standard'];
    const input = jsonSchema.input({ target: 'draft-2020-12' });
    assert.deepEqual(input, SCHEMA);
    assert.deepEqual(jsonSchema.output({ target: 'draft-2020-12' }), SCHEMA);
    assert.deepEqual(std.jsonSchema.input(), SCHEMA, 'no options: draft 2020-12');
    assert.equal(input.$schema, 'https://json-schema.org/draft/2020-12/schema');
    input.properties.title.type = 'number';
    assert.deepEqual(jsonSchema.input({ target: 'draft-2020-12' }), SCHEMA, 'a copy: changing one changes no other');
    for (const target of ['draft-07', 'openapi-3.0', 'draft-2019-09']) {
      assert.throws(() => jsonSchema.input({ target }), TypeError);
      assert.throws(() => jsonSchema.output({ target }), TypeError);
    }
  });
}

test('the JSON Schema is a valid draft 2020-12 schema (Ajv, strict)', () => {
  const v = ajv();
  assert.equal(v.validateSchema(SCHEMA), true, JSON.stringify(v.errors));
  assert.doesNotThrow(() => v.compile(SCHEMA));
});

test('the JSON Schema accepts every shared case ldm-reseau finds valid, and refuses the wrongly typed ones', () => {
  const check = ajv().compile(SCHEMA);
  const cases = loadCases();
  const valid = cases.filter((c) => c.report.valid);
  const typed = cases.filter((c) => c.report.findings.some((f) => f.code === 'request.invalid_type'));
  assert.ok(valid.length > 100 && typed.length > 20, `${valid.length} valid, ${typed.length} wrongly typed`);
  const failures = [];
  for (const c of valid) {
    if (!check(c.request)) failures.push(`${c.file} — ${c.name}: refused: ${JSON.stringify(check.errors)}`);
  }
  for (const c of typed) {
    if (check(c.request)) failures.push(`${c.file} — ${c.name}: accepted, but ${c.report.findings.find((f) => f.code === 'request.invalid_type').path.join('.')} is of the wrong type`);
  }
  assert.deepEqual(failures, []);
});

test('the output schema accepts the value of every valid shared case, and that value stays valid', () => {
  const check = ajv().compile(core.schema['~standard'].jsonSchema.output({ target: 'draft-2020-12' }));
  const failures = [];
  for (const c of loadCases().filter((x) => x.report.valid)) {
    const { value } = core.createSchema(c.options)['~standard'].validate(c.request);
    if (!value) failures.push(`${c.file} — ${c.name}: no value`);
    else if (!check(value)) failures.push(`${c.file} — ${c.name}: value refused: ${JSON.stringify(check.errors)}`);
    else if (!core.validateRequest(value, c.options).valid) failures.push(`${c.file} — ${c.name}: value no longer valid`);
  }
  assert.deepEqual(failures, []);
});

test('the JSON Schema accepts what the validator accepts: spaces around enumerated values and in UAIs, null fields', () => {
  const check = ajv().compile(SCHEMA);
  const geo = () => structuredClone(bases.geographic);
  const sector = () => structuredClone(bases.sector);
  const variants = {
    'kind padded (U+0085 too)': () => ({ ...structuredClone(bases.join), kind: ' join\u0085' }),
    'scope type padded': () => ({ ...sector(), scope: { ...sector().scope, type: '\tsector ' } }),
    'status padded': () => {
      const r = sector();
      r.members[0].label.status = ' labelled\u3000';
      return r;
    },
    'territory level padded': () => {
      const r = geo();
      r.scope.territory.level = ` ${r.scope.territory.level} `;
      return r;
    },
    'a sector scope keeps a stale territory of any level': () => ({ ...sector(), scope: { ...sector().scope, territory: { level: 'nowhere' } } }),
    'UAIs with spaces and lower case': () => {
      const r = sector();
      r.members[0].uai = '\u00a0057 0099\u2009y ';
      r.members[1].uai = '0570031z';
      return r;
    },
    'null fields': () => {
      const r = sector();
      Object.assign(r, { kind: null, campusAvailable: null, campaignYear: null, existingNetwork: null });
      r.scope.sectors.push(null);
      r.members[0].name = null;
      r.members[0].label.sectors = null;
      r.members[0].label.title = null;
      r.jointActions.extra = null;
      return r;
    },
    'applying without a year': () => {
      const r = sector();
      r.members[1].label = { status: 'applying' };
      return r;
    },
  };
  for (const [name, make] of Object.entries(variants)) {
    const request = make();
    const report = core.validateRequest(request, opts);
    assert.equal(report.valid, true, `${name}: ${report.findings.filter((f) => f.severity === 'error').map((f) => f.code)}`);
    assert.ok(check(request), `${name}: ${JSON.stringify(check.errors)}`);
  }
});
