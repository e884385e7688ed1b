// The hostile classes of tests/support/hostile.mjs through the browser entry
// (dist/index.js) in Chromium: each gives a report, never an exception, with
// the findings it calls for, and the page stays responsive.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../support/browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
let browser;
let server;

before(async () => {
  const page = '<!doctype html><html lang="fr"><title>hostile</title><body></body></html>';
  server = await serve(root, {
    routes: { '/hostile.html': (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page) },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('Chromium: every hostile class gives a report with the findings it calls for', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/hostile.html`);
  const failures = await page.evaluate(async () => {
    const ldm = await import('/dist/index.js');
    const { runClasses } = await import('/tests/support/hostile.mjs');
    await ldm.init();
    return runClasses(ldm.validateRequest);
  });
  assert.deepEqual(failures, []);
  // Nothing left the page but its own files.
  assert.ok(server.requests.every((r) => r.method === 'GET'));
  await page.close();
});
