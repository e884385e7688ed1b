// attachForm's handle and DSFR look (SPEC §8.3): detach() leaves the form as
// it was, with no listener left; errors on a DSFR form use DSFR's classes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withDemo } from '../support/browser.mjs';

let browser;
let server;

withDemo(['form.js'], (s, b) => {
  server = s;
  browser = b;
});

async function demo(path = '/') {
  const page = await browser.newPage();
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('html[data-ldm-ready]');
  return page;
}

for (const path of ['/', '/plain.html']) {
  test(`detach() on ${path} removes every element, attribute and listener the binding added`, async () => {
    const page = await demo(path);
    // The markup as the host wrote it: detach right away, then bind again.
    const pristine = await page.evaluate(() => {
      window.ldmForm.detach();
      return document.querySelector('form').outerHTML;
    });
    assert.doesNotMatch(pristine, /id="ldm-|novalidate|aria-invalid|data-ldm-generated|ldm-counter|ldm-cycle|ldm-summary/, 'the first detach already cleaned up');
    await page.evaluate(async () => {
      const { attachForm } = await import('/pkg/form.js');
      const form = document.querySelector('form');
      const selectors = window.ldmSelectors;
      window.ldmForm = attachForm(form, selectors ? { selectors } : undefined);
      window.reports = 0;
      form.addEventListener('ldm:report', () => window.reports++);
    });
    const title = path === '/' ? '#title' : '#intitule';
    await page.fill(title, 'x'.repeat(120));
    await page.click('button[type=submit]');
    await page.waitForSelector('.ldm-summary:not([hidden])');
    assert.ok(await page.evaluate(() => document.querySelectorAll('[aria-invalid="true"]').length > 0), 'errors are shown');

    const after = await page.evaluate(() => {
      window.ldmForm.detach();
      const form = document.querySelector('form');
      return {
        html: form.outerHTML,
        generated: document.querySelectorAll('[data-ldm-generated]').length,
        invalid: [...form.elements].filter((el) => el.validationMessage && el.willValidate && !el.checkValidity()).length,
        noValidate: form.noValidate,
        report: window.ldmForm.report,
      };
    });
    assert.equal(after.generated, 0, 'no element of the binding is left');
    assert.equal(after.html, pristine, 'the markup is the host’s again, attribute for attribute');
    assert.equal(after.invalid, 0, 'no custom validity is left');
    assert.equal(after.noValidate, false, 'novalidate is put back');
    assert.equal(after.report, null, 'a detached handle has no report');

    const before = await page.evaluate(() => window.reports);
    await page.fill(title, 'y'.repeat(130));
    await page.locator(title).blur();
    assert.equal(await page.evaluate(() => window.reports), before, 'no listener is left: no more ldm:report');
    await page.close();
  });
}

test('on a DSFR form, errors use DSFR classes and message elements', async () => {
  const page = await demo('/');
  await page.fill('#title', 'x'.repeat(120));
  await page.locator('#title').blur();
  const look = await page.evaluate(() => {
    const input = document.getElementById('title');
    const group = input.closest('.fr-input-group');
    const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/);
    const messages = ids.map((id) => document.getElementById(id)).filter(Boolean);
    return {
      input: input.classList.contains('fr-input--error'),
      group: group.classList.contains('fr-input-group--error'),
      message: messages.some((m) => m.matches('.fr-messages-group') && m.querySelector('.fr-message.fr-message--error')),
    };
  });
  assert.deepEqual(look, { input: true, group: true, message: true });
  await page.fill('#title', 'Lycée(s) des métiers en réseau de Moselle');
  await page.locator('#title').blur();
  const cleared = await page.evaluate(() => {
    const input = document.getElementById('title');
    return input.classList.contains('fr-input--error') || input.closest('.fr-input-group').classList.contains('fr-input-group--error');
  });
  assert.equal(cleared, false, 'fixing the title removes the error look');
  await page.close();
});

test('a message for a control wrapped in its label goes after the label, not inside it', async () => {
  const page = await demo('/plain.html');
  await page.check('#cmq');
  const where = await page.evaluate(() => {
    const box = document.getElementById('cmq');
    const label = box.closest('label');
    const ids = (box.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    const messages = ids.map((id) => document.getElementById(id)).filter(Boolean);
    return {
      invalid: box.getAttribute('aria-invalid'),
      text: messages.map((m) => m.textContent).join(' '),
      insideLabel: messages.some((m) => label.contains(m)),
      afterLabel: messages.some((m) => label.nextElementSibling === m),
    };
  });
  assert.equal(where.invalid, 'true');
  assert.match(where.text, /Campus des métiers et des qualifications/);
  assert.deepEqual({ insideLabel: where.insideLabel, afterLabel: where.afterLabel }, { insideLabel: false, afterLabel: true });
  await page.close();
});
