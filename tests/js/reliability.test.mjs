// Reliability of the wasm build: a panic never leaves a dead module, and
// repeated validations leave the wasm memory flat (SPEC §5.6, issue 5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { memoryRun } from '../../scripts/memory.mjs';

const bases = JSON.parse(readFileSync(new URL('../cases/bases.json', import.meta.url), 'utf8')).bases;
const opts = { today: '2026-10-01' };

test('a panic in the wasm gives an internal.error report, and the next call works', async () => {
  // The test-hooks build is the real package plus one trigger: the request
  // "__ldm_force_panic__" makes the Rust side panic.
  const ldm = await import('../../target/dist-test-hooks/node.mjs');
  for (let round = 0; round < 3; round++) {
    const crashed = ldm.validateRequest('__ldm_force_panic__', opts);
    assert.equal(crashed.valid, false);
    assert.deepEqual(crashed.findings.map((f) => f.code), ['internal.error']);
    assert.match(crashed.findings[0].message, /erreur interne/);
    assert.deepEqual(Object.keys(crashed), ['valid', 'findings', 'title', 'cycle']);
    const next = ldm.validateRequest(structuredClone(bases.sector), opts);
    assert.equal(next.valid, true, 'the module was re-instantiated and works');
    assert.equal(next.cycle.case, 'c');
  }
  // The report after a trap still follows the options: their campaign year.
  assert.equal(ldm.validateRequest('__ldm_force_panic__', { today: '2031-03-01' }).cycle.campaignYear, 2031);
  const cycle = ldm.cycleCase('__ldm_force_panic__', { today: '2031-03-01' });
  assert.equal(cycle.campaignYear, 2031);
  assert.equal(cycle.error.code, 'internal.error', 'cycleCase says why its block is empty');
  const en = ldm.validateRequest('__ldm_force_panic__', { lang: 'en' });
  assert.match(en.findings[0].message, /internal error/);
  assert.equal(ldm.checkUai('0570099Y').valid, true);
});

test('the wasm memory stays flat over repeated validations after warm-up', () => {
  const wasm = fileURLToPath(new URL('../../dist/ldm_reseau_bg.wasm', import.meta.url));
  const { warm, after, runs } = memoryRun({ wasm, runs: 30000, bases });
  assert.equal(after, warm, `memory grew from ${warm} to ${after} bytes over ${runs} validations`);
});
