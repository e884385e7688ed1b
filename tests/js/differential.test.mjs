// The browser and the server must agree (SPEC §5.6): the same inputs give
// the same report through the wasm package and through the native build
// (the `ldm-reseau` command-line tool, which a server would run). Inputs:
// number and text edge cases, and the input budget at each of its edges (at
// the limit, and one over); the shared cases are compared the same way by
// tests/js/cases.test.mjs.
//
// Not compared: field names holding a lone surrogate. JSON text cannot
// carry one to the native reader, which reads it as U+FFFD; the wasm
// package keeps the name as given (tests/js/hostile.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateRequest } from '../../dist/node.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TODAY = { today: '2026-10-01' };

function nativeTool() {
  const bin = join(root, 'target', 'debug', 'ldm-reseau');
  if (!existsSync(bin)) execFileSync('cargo', ['build', '--quiet', '--bin', 'ldm-reseau'], { cwd: root, stdio: 'inherit' });
  return bin;
}

const bases = JSON.parse(readFileSync(join(root, 'tests', 'cases', 'bases.json'), 'utf8')).bases;
const base = () => structuredClone(bases.geographic);

/** UTF-16 units of all the texts of a JSON tree, field names included. */
const units = (v) =>
  typeof v === 'string'
    ? v.length
    : v !== null && typeof v === 'object'
      ? Object.entries(v).reduce((n, [k, x]) => n + (Array.isArray(v) ? 0 : k.length) + units(x), 0)
      : 0;

/** Values in a JSON tree, as the budget counts them: each once per place. */
const values = (v) =>
  1 + (v !== null && typeof v === 'object' ? Object.values(v).reduce((n, x) => n + values(x), 0) : 0);
const member = (i) => ({ uai: `0570${String(i).padStart(3, '0')}X`, label: { status: 'labelled', lastDecisionYear: 2024 } });

/** Edge cases: [name, request, options]. */
function edges() {
  const out = [];
  const add = (name, change, options = TODAY) => {
    const r = base();
    change(r);
    out.push({ name, request: r, options });
  };
  for (const n of [2026.0000000000002, 2025.9999999999998, 5e-324, -5e-324, 1e21, -0, 0.1 + 0.2, 2 ** 53 + 2, 2026.5]) {
    add(`campaignYear ${n}`, (r) => (r.campaignYear = n));
    add(`lastDecisionYear ${n}`, (r) => (r.members[0].label.lastDecisionYear = n));
  }
  for (const t of ['\ud800', 'a\udc00b', '\ud83d\ude00', '\ufeff', 'e\u0301', 'a\u2028'.repeat(50), '\u{1F469}\u200d\u{1F527}'.repeat(30)]) {
    add(`title with ${JSON.stringify(t).slice(0, 30)}`, (r) => (r.title += ` ${t}`));
  }
  for (const [n, limit] of [[500, 'at'], [501, 'over']]) {
    add(`${n} members (${limit} the limit)`, (r) => (r.members = Array.from({ length: n }, (_, i) => member(i))));
  }
  for (const n of [100, 101]) add(`${n} filières`, (r) => (r.scope.sectors = Array.from({ length: n }, (_, i) => `f${i}`)));
  for (const n of [100, 101]) add(`${n} filières of a member's label`, (r) => (r.members[0].label.sectors = Array.from({ length: n }, (_, i) => `f${i}`)));
  for (const n of [200, 201]) add(`${n} joint actions`, (r) => (r.jointActions = Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, 'd']))));
  for (const n of [20000, 20001]) {
    add(`a title of ${n} units`, (r) => (r.title = 'é'.repeat(n - 2) + '🌲'));
    add(`a key of ${n} units`, (r) => (r['k'.repeat(n)] = 1));
  }
  // The base and the `extra` list itself, then items up to the limit, and one more.
  const room = 20000 - values(base()) - 1;
  for (const n of [room, room + 1]) add(`${n} items past the base: the total ${n === room ? 'at' : 'one over'} its limit`, (r) => (r.extra = new Array(n).fill(0)));
  // All the texts together: 24 full strings, then one that fills the rest, and one unit more.
  const left = 500000 - units(base()) - 'extra'.length - 24 * 20000;
  for (const n of [left, left + 1]) {
    add(`texts of ${n === left ? 'exactly' : 'one unit over'} the total`, (r) => (r.extra = [...new Array(24).fill('t'.repeat(20000)), '🌲'.repeat(n / 2) + 'x'.repeat(n % 2)]));
  }
  for (const n of [200, 201]) {
    add(`${n} criteria`, () => {}, { ...TODAY, criteria: Array.from({ length: n }, (_, i) => ({ id: `k${i}`, label: 'x' })) });
  }
  add('options that cannot be used', () => {}, { today: '2026-02-31', lang: 'de', criteria: 'c1', messages: { a: 1 } });
  return out;
}

test('the wasm package and the native tool give the same report for the same input', () => {
  const bin = nativeTool();
  const inputs = edges();
  // One run of the tool per set of options: it checks an array of requests.
  const groups = new Map();
  for (const c of inputs) {
    const key = JSON.stringify(c.options);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(c);
  }
  const dir = mkdtempSync(join(tmpdir(), 'ldm-diff-'));
  const differ = [];
  try {
    for (const [options, cases] of groups) {
      writeFileSync(join(dir, 'options.json'), options);
      writeFileSync(join(dir, 'requests.json'), JSON.stringify(cases.map((c) => c.request)));
      let out;
      try {
        out = execFileSync(bin, ['check', join(dir, 'requests.json'), '--options', join(dir, 'options.json'), '--json'], {
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        });
      } catch (err) {
        out = err.stdout; // exit 1: some request has an error
      }
      const native = JSON.parse(out);
      cases.forEach((c, i) => {
        const wasm = validateRequest(c.request, c.options);
        try {
          assert.deepStrictEqual(wasm, native[i]);
        } catch (err) {
          differ.push(`${c.name}: ${err.message.split('\n').slice(0, 12).join('\n')}`);
        }
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(inputs.length > 40, `${inputs.length} inputs`);
  assert.equal(differ.length, 0, `${differ.length} of ${inputs.length} inputs differ:\n${differ.join('\n')}`);
});
