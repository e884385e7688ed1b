// The hostile classes of tests/support/hostile.mjs through the browser entry
// (dist/index.js and dist/form.js) in Chromium: each gives a report, never an exception, with
// the findings it calls for, and the page stays responsive.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../support/browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
let browser;
let server;

before(async () => {
  const page =
    '<!doctype html><html lang="fr"><title>hostile</title><body><form><label>Intitulé <input data-ldm="title"></label><button>Envoyer</button></form></body></html>';
  server = await serve(root, {
    routes: { '/hostile.html': (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page) },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const entry of ['index', 'form']) {
  test(`Chromium, dist/${entry}.js: every hostile class gives a report with the findings it calls for`, async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/hostile.html`);
    const failures = await page.evaluate(async (entry) => {
      const ldm = await import(`/dist/${entry}.js`);
      const { runClasses } = await import('/tests/support/hostile.mjs');
      await ldm.init();
      return runClasses(ldm.validateRequest);
    }, entry);
    assert.deepEqual(failures, []);
    // Nothing left the page but its own files.
    assert.ok(server.requests.every((r) => r.method === 'GET'));
    await page.close();
  });
}

test('Chromium: attachForm with options that cannot be read binds the form all the same', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/hostile.html`);
  const result = await page.evaluate(async () => {
    const ldm = await import('/dist/form.js');
    await ldm.init();
    const options = Object.defineProperty({}, 'selectors', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    const handle = ldm.attachForm(document.querySelector('form'), options);
    const codes = handle.validate().findings.map((f) => f.code);
    handle.detach();
    return codes;
  });
  // The data-ldm markup still binds the title: an empty one is missing.
  assert.ok(result.includes('title.missing'), result.join(' '));
  await page.close();
});
