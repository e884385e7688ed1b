// Graceful failure (SPEC §8.3): when the wasm cannot be loaded — a 404, the
// network gone, or a CSP without 'wasm-unsafe-eval' — the README's loading
// snippet (www/fallback.js) leaves the form exactly as without the
// component: the browser's own validation still stops an empty required
// field, and a filled form is posted as before. The control run, with the
// wasm served, shows that the same page does bind when it can.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withDemo } from '../support/browser.mjs';

let server;
let browser;

withDemo(['form.js'], (s, b) => {
  server = s;
  browser = b;
});

// Each way the wasm can fail to load, as a playwright route on the page.
// Each with what the load error says, to be sure it is the wasm that failed.
const BLOCKED = {
  'a 404 for the wasm': (page) => page.route('**/*.wasm', (r) => r.fulfill({ status: 404, body: 'not found' })),
  'no network for the wasm': (page) => page.route('**/*.wasm', (r) => r.abort('internetdisconnected')),
  "a CSP without 'wasm-unsafe-eval'": (page) =>
    page.route('**/fallback.html', async (r) => {
      const response = await r.fetch();
      const headers = { ...response.headers(), 'content-security-policy': "default-src 'self'; script-src 'self'" };
      await r.fulfill({ response, headers });
    }),
};

const WHY = {
  'a 404 for the wasm': /404/,
  'no network for the wasm': /fetch/i,
  "a CSP without 'wasm-unsafe-eval'": /Content Security Policy/i,
};

/** Opens the page with `block` applied; resolves once the loading snippet has settled. */
async function open(block) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (block) await block(page);
  const wasm = page.waitForEvent('requestfinished', { predicate: (r) => r.url().endsWith('.wasm'), timeout: 5_000 }).catch(() => null);
  const failed = page.waitForEvent('requestfailed', { predicate: (r) => r.url().endsWith('.wasm'), timeout: 5_000 }).catch(() => null);
  await page.goto(`${server.url}/fallback.html`);
  await Promise.race([wasm, failed]);
  // Let init() settle (it rejects, or attachForm runs).
  await page.waitForFunction(() => document.readyState === 'complete');
  await page.waitForTimeout(300);
  return { context, page, errors };
}

/** What the binding would have changed, read from the page. */
function marks(page) {
  return page.evaluate(() => ({
    noValidate: document.getElementById('demande').noValidate,
    bound: typeof window.ldmForm === 'object' && window.ldmForm !== null,
    added: document.querySelectorAll('form [class^="ldm-"], form [class*=" ldm-"], [data-ldm-generated], [aria-invalid]').length,
  }));
}

for (const [how, block] of Object.entries(BLOCKED)) {
  test(`Chromium, ${how}: the form validates and submits as without the component`, async () => {
    const { context, page, errors } = await open(block);
    assert.deepEqual(await marks(page), { noValidate: false, bound: false, added: 0 });
    const reason = await page.evaluate(() => window.ldmLoadError);
    assert.match(String(reason), WHY[how]);

    // The browser's own validation still applies: an empty required field stops the submit.
    const before = server.submissions.length;
    await page.click('button[type=submit]');
    await page.waitForTimeout(200);
    assert.equal(server.submissions.length, before, 'an empty required field must not be posted');
    assert.equal(await page.evaluate(() => document.getElementById('intitule').matches(':invalid')), true);

    // Filled in, it is posted as before, with the host's own field names.
    await page.fill('#intitule', 'Lycée(s) des métiers en réseau du bois');
    await page.fill('#correspondant', 'Mme Martin');
    await Promise.all([page.waitForURL('**/submit'), page.click('button[type=submit]')]);
    const body = new URLSearchParams(server.submissions.at(-1));
    assert.equal(body.get('intitule'), 'Lycée(s) des métiers en réseau du bois');
    assert.equal(body.get('correspondant'), 'Mme Martin');
    assert.deepEqual(errors, [], 'the failed load must not surface as a page error');
    await context.close();
  });
}

test('Chromium, the wasm served: the same page binds the form (the control run)', async () => {
  const { context, page, errors } = await open(null);
  await page.waitForFunction(() => window.ldmForm);
  const m = await marks(page);
  assert.equal(m.bound, true);
  assert.equal(m.noValidate, true, 'the binding takes over the constraint bubbles');
  assert.deepEqual(errors, []);
  await context.close();
});
