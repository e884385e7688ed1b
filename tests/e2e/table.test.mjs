// attachForm on a second academy-form shape (SPEC §8.3): www/table.html, no
// DSFR, members as table rows cloned from a <template>, the scope type as
// radios, the common filières as checkboxes sharing `scope.sectors` (or a
// <select multiple> with ?variant=select), a selectors-only variant
// (?variant=selectors), a host `required` field the rules do not know, the
// page's own submit handler, ldm-reseau's form.css and a CSP with
// `style-src 'self'`. Driven in Debian's Chromium through playwright-core.
//
// Run: flock /tmp/ldm-build.lock node scripts/build.mjs && node --test tests/e2e/table.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withDemo } from '../support/browser.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = join(repo, 'tests', 'output');
const AXE = join(repo, 'node_modules', 'axe-core', 'axe.min.js');

const MENTION = 'Lycée(s) des métiers en réseau';
const TODAY = '2026-10-01';
const XSS = '<img src=x onerror=alert(1)>';
// UAIs: check letter = "ABCDEFGHJKLMNPRSTUVWXYZ"[N mod 23] (SPEC §5.3).
const UAI_1 = '0570099Y';
const UAI_1_WRONG = '0570099X';
const UAI_2 = '0570100Z';
const UAI_2_WRONG = '0570100A';
const ACTION = 'Formations communes aux établissements et journées de découverte des métiers du bois.';

let server;
let browser;
/** Every request any page of this file made, as full URLs. */
const allRequests = [];

withDemo(['form.js', 'form.css'], (s, b) => {
  server = s;
  browser = b;
});

// Installed in every page before its own scripts.
function pageHelpers() {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample || ''}`.trim());
  });
  const describedBy = (el) =>
    (el.getAttribute('aria-describedby') || '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id));
  const texts = (holder) => [...holder.querySelectorAll('.ldm-message')].map((p) => p.textContent);
  window.__t = {
    /** ARIA, validity and the described messages of one element. */
    info(target) {
      const el = typeof target === 'string' ? document.querySelector(target) : target;
      if (!el) return null;
      const holders = describedBy(el);
      return {
        ariaInvalid: el.getAttribute('aria-invalid'),
        describedBy: el.getAttribute('aria-describedby'),
        missing: holders.filter((h) => !h).length,
        messages: holders.filter(Boolean).flatMap(texts),
        invalid: el.matches('input, select, textarea') ? el.matches(':invalid') : null,
        customError: el.validity ? el.validity.customError : null,
        holderIds: holders.filter(Boolean).map((h) => h.id),
      };
    },
    /** The checkbox group of `fieldset`: its own info, each checkbox's, where its messages are. */
    group(selector) {
      const set = document.querySelector(selector);
      const holders = describedBy(set).filter(Boolean);
      return {
        set: window.__t.info(set),
        boxes: [...set.querySelectorAll('input')].map((b) => ({ value: b.value, checked: b.checked, ...window.__t.info(b) })),
        // "After the group": the messages close the fieldset, after its last choice.
        holdersAtEnd: holders.every((h) => h.parentElement === set && h === set.lastElementChild),
        holdersAfterLastChoice: holders.every((h) => {
          const boxes = set.querySelectorAll('input');
          const last = boxes[boxes.length - 1];
          return !!(last.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
        }),
      };
    },
    /** Member row `i`: its box, each cell's width, the header widths, and its message row. */
    geometry(i) {
      const rows = document.querySelectorAll('tr.etablissement');
      const tr = rows[i];
      const r = tr.getBoundingClientRect();
      const next = tr.nextElementSibling;
      const messageRow = next && next.matches('tr.ldm-message-row') ? next : null;
      const table = document.getElementById('etablissements');
      return {
        height: r.height,
        width: r.width,
        cells: [...tr.cells].map((c) => c.getBoundingClientRect().width),
        heads: [...table.tHead.rows[0].cells].map((c) => c.getBoundingClientRect().width),
        tableWidth: table.getBoundingClientRect().width,
        columns: table.tHead.rows[0].cells.length,
        messageRow: messageRow && {
          cells: messageRow.cells.length,
          colspan: messageRow.cells[0]?.colSpan,
          width: messageRow.getBoundingClientRect().width,
          messages: texts(messageRow),
          generated: messageRow.hasAttribute('data-ldm-generated'),
        },
      };
    },
    active() {
      const a = document.activeElement;
      return { tag: a.tagName, id: a.id, className: typeof a.className === 'string' ? a.className : '' };
    },
    summaryLinks() {
      return [...document.querySelectorAll('.ldm-summary a[data-ldm-target]')].map((a) => ({ text: a.textContent, target: a.dataset.ldmTarget }));
    },
  };
}

/** Opens a page of the table demo in a fresh context and waits for attachForm. */
async function open(query = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(pageHelpers);
  const requests = [];
  const dialogs = [];
  const errors = [];
  await context.route('**/*', (r) => (r.request().url().startsWith(`${server.url}/`) ? r.continue() : r.abort()));
  const page = await context.newPage();
  page.on('request', (r) => {
    requests.push(`${r.method()} ${r.url()}`);
    allRequests.push(r.url());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const sep = query.includes('?') ? '&' : '?';
  await page.goto(`${server.url}/table.html${query}${sep}today=${TODAY}`);
  await page.waitForSelector('html[data-ldm-ready]');
  return { page, requests, dialogs, errors, close: () => context.close() };
}

const report = (page) => page.evaluate(() => window.ldmForm.report);
const info = (page, target) => page.evaluate((t) => window.__t.info(t), target);
const codesAt = (rep, path) => rep.findings.filter((f) => JSON.stringify(f.path) === JSON.stringify(path)).map((f) => f.code);
const findingAt = (rep, path, code) => rep.findings.find((f) => f.code === code && JSON.stringify(f.path) === JSON.stringify(path));
const row = (page, i) => page.locator('tr.etablissement').nth(i);

/** Types into a text control (fill, then one real keystroke: input events fire). */
async function type(locator, text) {
  await locator.fill(text.slice(0, -1));
  await locator.press('End');
  await locator.pressSequentially(text.slice(-1));
}

/** Fills a control and leaves it (change + focusout). */
async function set(locator, value) {
  const tag = await locator.evaluate((el) => el.tagName);
  if (tag === 'SELECT') await locator.selectOption(value);
  else await locator.fill(value);
  await locator.blur();
}

/** Fills one member row. */
async function fillRow(page, i, { uai, name, status, year, sectors = [] }) {
  const tr = row(page, i);
  await set(tr.locator('.uai'), uai);
  await set(tr.locator('.nom'), name);
  await set(tr.locator('.statut'), status);
  await set(tr.locator('.annee'), year);
  for (const s of sectors) await tr.locator(`.filieres-label input[value="${s}"]`).check();
}

/** A request with no error: sector scope « bois », two labelled members, every criterion. */
async function fillValid(page, { select = false } = {}) {
  await type(page.locator('#intitule'), `${MENTION} du bois`);
  await page.locator('[name=perimetre][value=sector]').check();
  if (select) await page.selectOption('#filieres-select', ['bois']);
  else await page.locator('#filieres input[value=bois]').check();
  await set(page.locator('#correspondant'), 'Claire Martin');
  await fillRow(page, 0, { uai: UAI_1, name: 'Lycée Henri Nominé', status: 'labelled', year: '2024', sectors: ['bois', 'ameublement'] });
  await fillRow(page, 1, { uai: UAI_2, name: 'Lycée Blaise Pascal', status: 'labelled', year: '2023', sectors: ['bois'] });
  for (let c = 1; c <= 8; c++) await set(page.locator(`#action-c${c}`), ACTION);
}

/** Submits with errors: the binding stops it and focuses its summary. */
async function submitWithErrors(page) {
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.activeElement?.classList.contains('ldm-summary'));
}

/** axe-core's violations on the whole document. The page's CSP forbids
 * inline scripts, so axe's source is evaluated through the DevTools protocol. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  });
}

async function screenshot(target, name, options = {}) {
  const path = join(OUTPUT, name);
  await target.screenshot({ path, ...options });
  assert.ok(existsSync(path), `${path} written`);
  return path;
}

/** The geometry of the row must be what it was: same height and width, same column widths. */
function assertSameLayout(before, now, when) {
  const close = (a, b) => Math.abs(a - b) < 0.01;
  assert.ok(close(now.height, before.height), `${when}: the row's height went from ${before.height} to ${now.height}`);
  assert.ok(close(now.width, before.width), `${when}: the row's width went from ${before.width} to ${now.width}`);
  assert.ok(close(now.tableWidth, before.tableWidth), `${when}: the table's width changed`);
  assert.equal(now.cells.length, before.cells.length);
  now.cells.forEach((w, i) =>
    assert.ok(close(w, before.cells[i]), `${when}: column ${i + 1} went from ${before.cells[i]} to ${w} px`),
  );
  now.heads.forEach((w, i) => assert.ok(close(w, before.heads[i]), `${when}: header ${i + 1} width changed`));
}

// 1 ─────────────────────────────────────────────────────────────────────────
test('checkbox group scope.sectors: one field, checked live on change of any checkbox, ARIA on the fieldset, its message after the group', async () => {
  const { page, close } = await open();
  try {
    await page.locator('[name=perimetre][value=sector]').check();
    await fillRow(page, 0, { uai: UAI_1, name: 'Lycée Henri Nominé', status: 'labelled', year: '2024', sectors: ['bois'] });
    assert.equal((await info(page, '#filieres')).ariaInvalid, null, 'nothing on the group before it is touched');

    // The third checkbox (not the first): a filière member 1 does not have.
    await page.locator('#filieres input[value="hôtellerie-restauration"]').check();
    let rep = await report(page);
    const notCommon = findingAt(rep, ['scope', 'sectors', 0], 'scope.sector_not_common');
    assert.ok(notCommon, `sector_not_common at scope.sectors.0: ${JSON.stringify(rep.findings.map((f) => [f.code, f.path]))}`);
    let g = await page.evaluate(() => window.__t.group('#filieres'));
    assert.equal(g.set.ariaInvalid, 'true', 'aria-invalid on the fieldset, live, before any submit');
    assert.deepEqual(g.set.messages, [notCommon.message], 'the group describes its message');
    assert.ok(g.holdersAtEnd && g.holdersAfterLastChoice, 'the message closes the fieldset, after its last checkbox');
    for (const b of g.boxes) {
      assert.equal(b.ariaInvalid, null, `no aria-invalid on checkbox ${b.value}`);
      assert.equal(b.describedBy, null, `no aria-describedby on checkbox ${b.value}`);
    }
    // Constraint validation: only the checkbox holding the wrong value.
    assert.deepEqual(g.boxes.filter((b) => b.invalid).map((b) => b.value), ['hôtellerie-restauration']);

    // Bois as well: the wrong value is now the second one; Bois, correct, is never marked.
    await page.locator('#filieres input[value=bois]').check();
    rep = await report(page);
    assert.deepEqual(codesAt(rep, ['scope', 'sectors', 1]), ['scope.sector_not_common']);
    g = await page.evaluate(() => window.__t.group('#filieres'));
    assert.equal(g.set.ariaInvalid, 'true');
    assert.equal(g.set.messages.length, 1, 'one message for the group');
    assert.deepEqual(g.boxes.filter((b) => b.invalid).map((b) => b.value), ['hôtellerie-restauration'], 'Bois holds a correct value: not invalid');
    assert.ok(g.boxes.every((b) => b.ariaInvalid === null));

    // Unchecking the wrong one clears the group.
    await page.locator('#filieres input[value="hôtellerie-restauration"]').uncheck();
    g = await page.evaluate(() => window.__t.group('#filieres'));
    assert.equal(g.set.ariaInvalid, null, 'aria-invalid removed');
    assert.equal(g.set.describedBy, null, 'aria-describedby put back as the host had it');
    assert.deepEqual(g.set.messages, []);
    assert.equal(await page.locator('#filieres .ldm-messages').count(), 0, 'no message element left');
    assert.ok(g.boxes.every((b) => !b.invalid));

    // Nothing checked: the whole list is missing, shown live on the group.
    await page.locator('#filieres input[value=bois]').uncheck();
    rep = await report(page);
    const missing = findingAt(rep, ['scope', 'sectors'], 'scope.sectors_missing');
    assert.ok(missing, 'sectors_missing');
    g = await page.evaluate(() => window.__t.group('#filieres'));
    assert.equal(g.set.ariaInvalid, 'true');
    assert.deepEqual(g.set.messages, [missing.message]);
    assert.ok(g.boxes.every((b) => b.ariaInvalid === null && b.describedBy === null), 'still nothing on the checkboxes');

    // The summary link of a group error focuses a checkbox of the group.
    await submitWithErrors(page);
    const links = await page.evaluate(() => window.__t.summaryLinks());
    const link = links.find((l) => l.text === missing.message);
    assert.ok(link, 'the group error is in the summary');
    await page.locator('.ldm-summary a[data-ldm-target]', { hasText: missing.message }).click();
    const active = await page.evaluate(() => window.__t.active());
    assert.equal(active.id, link.target);
    assert.ok(await page.evaluate((id) => document.getElementById(id).closest('#filieres') !== null, active.id), 'focus on a checkbox of the group');
  } finally {
    await close();
  }
});

test('a checkbox group with no container of its own: its message after the last checkbox, ARIA only on the checkbox a message is about', async () => {
  const { page, close } = await open();
  try {
    // The same checkboxes, without their fieldset, bound again.
    await page.evaluate(async () => {
      window.ldmForm.detach();
      const set = document.getElementById('filieres');
      const div = document.createElement('div');
      div.id = 'filieres-nu';
      const p = document.createElement('p');
      p.textContent = 'Filières communes';
      div.append(p, ...set.querySelectorAll('label'));
      set.replaceWith(div);
      const { attachForm } = await import('/pkg/form.js');
      window.ldmForm = attachForm(document.getElementById('dossier'), { today: '2026-10-01' });
    });
    await page.locator('[name=perimetre][value=sector]').check();
    await fillRow(page, 0, { uai: UAI_1, name: 'Lycée Henri Nominé', status: 'labelled', year: '2024', sectors: ['bois'] });
    const boxes = () =>
      page.evaluate(() =>
        Object.fromEntries([...document.querySelectorAll('#filieres-nu input')].map((b) => [b.value, window.__t.info(b)])),
      );
    await page.locator('#filieres-nu input[value="hôtellerie-restauration"]').check();
    let rep = await report(page);
    const notCommon = findingAt(rep, ['scope', 'sectors', 0], 'scope.sector_not_common');
    assert.ok(notCommon);
    let b = await boxes();
    assert.equal(b['hôtellerie-restauration'].ariaInvalid, 'true', 'the checkbox holding the wrong value');
    assert.deepEqual(b['hôtellerie-restauration'].messages, [notCommon.message]);
    for (const v of ['bois', 'ameublement', 'mode']) {
      assert.equal(b[v].ariaInvalid, null, `${v}: no aria-invalid`);
      assert.equal(b[v].describedBy, null, `${v}: no aria-describedby`);
    }
    const after = await page.evaluate(() => {
      const labels = document.querySelectorAll('#filieres-nu label');
      const holder = labels[labels.length - 1].nextElementSibling;
      return holder && holder.classList.contains('ldm-messages') ? [...holder.querySelectorAll('.ldm-message')].map((p) => p.textContent) : null;
    });
    assert.deepEqual(after, [notCommon.message], 'the message right after the last checkbox’s label');

    // Bois checked too, a correct value: never marked nor described.
    await page.locator('#filieres-nu input[value=bois]').check();
    b = await boxes();
    assert.equal(b.bois.ariaInvalid, null);
    assert.equal(b.bois.describedBy, null);
    assert.equal(b.bois.invalid, false);
    assert.equal(b['hôtellerie-restauration'].ariaInvalid, 'true');

    // None checked: the whole list is wrong, every checkbox says so.
    await page.locator('#filieres-nu input[value=bois]').uncheck();
    await page.locator('#filieres-nu input[value="hôtellerie-restauration"]').uncheck();
    rep = await report(page);
    const missing = findingAt(rep, ['scope', 'sectors'], 'scope.sectors_missing');
    b = await boxes();
    for (const v of Object.keys(b)) {
      assert.equal(b[v].ariaInvalid, 'true', `${v}: aria-invalid`);
      assert.deepEqual(b[v].messages, [missing.message], `${v}: described by the message`);
    }
    assert.deepEqual(await axe(page), [], 'axe');
  } finally {
    await close();
  }
});

test('radios scope.type after a failed submit: aria-invalid and the message on their fieldset, none on a radio; choosing one clears it', async () => {
  const { page, close } = await open();
  try {
    await submitWithErrors(page);
    const rep = await report(page);
    const missing = findingAt(rep, ['scope', 'type'], 'scope.type_missing');
    assert.ok(missing);
    const g = await page.evaluate(() => window.__t.group('#perimetre'));
    assert.equal(g.set.ariaInvalid, 'true');
    assert.deepEqual(g.set.messages, [missing.message]);
    assert.ok(g.holdersAtEnd);
    assert.ok(g.boxes.every((b) => b.ariaInvalid === null && b.describedBy === null));
    // The second radio, not the first.
    await page.locator('[name=perimetre][value=geographic]').check();
    const after = await page.evaluate(() => window.__t.group('#perimetre'));
    assert.equal(after.set.ariaInvalid, null);
    assert.deepEqual(after.set.messages, []);
  } finally {
    await close();
  }
});

// 2 ─────────────────────────────────────────────────────────────────────────
test('table rows: messages go to a row added below, one cell spanning every column; the row keeps its height and the columns their widths', async (t) => {
  const { page, close } = await open();
  try {
    const before = await page.evaluate(() => window.__t.geometry(0));
    assert.equal(before.messageRow, null, 'no message row at first');
    assert.equal(before.columns, 6);

    await t.test('a wrong UAI: its message in the row below, spanning the 6 columns', async () => {
      await type(row(page, 0).locator('.uai'), UAI_1_WRONG);
      const rep = await report(page);
      const checksum = findingAt(rep, ['members', 0, 'uai'], 'member.uai_checksum');
      assert.ok(checksum);
      const now = await page.evaluate(() => window.__t.geometry(0));
      assert.ok(now.messageRow, 'a message row right below row 1');
      assert.equal(now.messageRow.generated, true);
      assert.equal(now.messageRow.cells, 1, 'one cell');
      assert.equal(now.messageRow.colspan, now.columns, 'spanning every column');
      assert.ok(Math.abs(now.messageRow.width - now.width) < 0.5, 'as wide as the row');
      assert.deepEqual(now.messageRow.messages, [checksum.message]);
      const uai = await info(page, await row(page, 0).locator('.uai').elementHandle());
      assert.equal(uai.ariaInvalid, 'true');
      assert.equal(uai.invalid, true);
      assert.deepEqual(uai.messages, [checksum.message], 'the UAI is described by its message in the row below');
      const inRow = await row(page, 0).locator('.ldm-messages, .ldm-message').count();
      assert.equal(inRow, 0, 'nothing inserted inside the host row');
      assertSameLayout(before, now, 'error shown');
      await screenshot(page.locator('#etablissements'), 'table-row-message.png');
    });

    await t.test('fixing it removes the message row; the layout is the same', async () => {
      await type(row(page, 0).locator('.uai'), UAI_1);
      const now = await page.evaluate(() => window.__t.geometry(0));
      assert.equal(now.messageRow, null, 'the message row went');
      assert.equal(await page.locator('tr.ldm-message-row').count(), 0);
      assertSameLayout(before, now, 'error fixed');
      assert.equal((await info(page, await row(page, 0).locator('.uai').elementHandle())).ariaInvalid, null);
    });

    await t.test('after a failed submit, every row has its message row and still its height and widths', async () => {
      await submitWithErrors(page);
      for (const i of [0, 1]) {
        const now = await page.evaluate((n) => window.__t.geometry(n), i);
        assert.ok(now.messageRow, `row ${i + 1} has a message row`);
        assert.equal(now.messageRow.colspan, 6);
        assertSameLayout(before, now, `after submit, row ${i + 1}`);
      }
      // Row 1's messages (status missing, year…) in the order of its columns, in one row.
      assert.equal(await page.locator('tr.ldm-message-row').count(), 2, 'one message row per member row');
      const rep = await report(page);
      const row1 = rep.findings.filter((f) => f.path[0] === 'members' && f.path[1] === 0 && f.path.length > 2).map((f) => f.message);
      const shown = (await page.evaluate(() => window.__t.geometry(0))).messageRow.messages;
      assert.deepEqual(shown, row1, 'row 1’s messages, in report (column) order');
      await screenshot(page, 'table-errors.png', { fullPage: true });
      await screenshot(page.locator('#etablissements'), 'table-errors-rows.png');
    });
  } finally {
    await close();
  }
});

test('table rows: a place the host marked (data-ldm-message-for) wins over the message row', async () => {
  const { page, close } = await open();
  try {
    await page.evaluate(() => {
      const p = document.createElement('div');
      p.id = 'place-uai-1';
      p.dataset.ldmMessageFor = 'members.0.uai';
      document.getElementById('etablissements').after(p);
    });
    await type(row(page, 0).locator('.uai'), UAI_1_WRONG);
    const rep = await report(page);
    const checksum = findingAt(rep, ['members', 0, 'uai'], 'member.uai_checksum');
    const place = await page.evaluate(() => [...document.querySelectorAll('#place-uai-1 .ldm-message')].map((p) => p.textContent));
    assert.deepEqual(place, [checksum.message]);
    assert.equal(await page.locator('tr.ldm-message-row').count(), 0, 'no message row');
    const uai = await info(page, await row(page, 0).locator('.uai').elementHandle());
    assert.deepEqual(uai.holderIds, [await page.evaluate(() => document.getElementById('place-uai-1').id)]);
  } finally {
    await close();
  }
});

// 2b ────────────────────────────────────────────────────────────────────────
test('rows cloned from the template are picked up; removing a row removes its message row', async () => {
  const { page, close } = await open();
  try {
    await page.click('#ajouter');
    assert.equal(await page.locator('tr.etablissement').count(), 3);
    await page.waitForFunction(() => window.ldmForm.report.cycle.members.length === 3);
    await type(row(page, 2).locator('.uai'), UAI_1_WRONG);
    let rep = await report(page);
    assert.deepEqual(codesAt(rep, ['members', 2, 'uai']), ['member.uai_checksum'], 'the new row is members.2');
    let g = await page.evaluate(() => window.__t.geometry(2));
    assert.ok(g.messageRow, 'message row below the new row');
    assert.equal(g.messageRow.colspan, 6);

    // Row 2 gets its own message, then goes: its message row goes with it.
    await type(row(page, 1).locator('.uai'), UAI_2_WRONG);
    assert.equal(await page.locator('tr.ldm-message-row').count(), 2);
    await row(page, 1).locator('.retirer').click();
    await page.waitForFunction(() => window.ldmForm.report.cycle.members.length === 2);
    assert.equal(await page.locator('tr.ldm-message-row').count(), 1, 'the removed row’s message row went');
    rep = await report(page);
    assert.deepEqual(codesAt(rep, ['members', 1, 'uai']), ['member.uai_checksum'], 'the former row 3 is members.1');
    g = await page.evaluate(() => window.__t.geometry(1));
    assert.ok(g.messageRow, 'its message row followed it');
    assert.match(g.messageRow.messages.join(' '), new RegExp(UAI_1_WRONG));
    assert.equal(await page.evaluate(() => document.querySelectorAll('tbody > tr.ldm-message-row + tr.ldm-message-row').length), 0);
    const dangling = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-describedby]')].flatMap((el) =>
        el.getAttribute('aria-describedby').split(/\s+/).filter((id) => !document.getElementById(id)),
      ),
    );
    assert.deepEqual(dangling, []);

    // Removing the last row with a message leaves no message row at all.
    await row(page, 1).locator('.retirer').click();
    await page.waitForFunction(() => window.ldmForm.report.cycle.members.length === 1);
    assert.equal(await page.locator('tr.ldm-message-row').count(), 0);
  } finally {
    await close();
  }
});

// 4 ─────────────────────────────────────────────────────────────────────────
test('host constraints (required, type=email) the rules do not know: listed in the summary by their label, in the binding’s language, with a message next to the control', async (t) => {
  await t.test('French (lang default)', async () => {
    const { page, close } = await open();
    try {
      await set(page.locator('#courriel'), 'pas-un-courriel');
      await submitWithErrors(page);
      const browserSays = await page.evaluate(() => document.getElementById('correspondant').validationMessage);
      const links = await page.evaluate(() => window.__t.summaryLinks());
      const name = links.find((l) => l.target === 'correspondant');
      assert.ok(name, `the required field is in the summary: ${JSON.stringify(links)}`);
      assert.equal(name.text, 'Nom du correspondant : ce champ est obligatoire.');
      assert.ok(!name.text.includes(browserSays), 'never the browser’s own validationMessage');
      const mail = links.find((l) => l.target === 'courriel');
      assert.ok(mail, 'the email field is in the summary');
      assert.match(mail.text, /^Courriel du correspondant : saisissez une adresse électronique valide/);
      const heading = await page.textContent('.ldm-summary h2');
      assert.match(heading, /erreurs à corriger/);

      const next = await info(page, '#correspondant');
      assert.equal(next.ariaInvalid, 'true');
      assert.deepEqual(next.messages, ['Ce champ est obligatoire.']);
      const adjacent = await page.evaluate(() => {
        const c = document.getElementById('correspondant');
        const holder = document.getElementById(c.getAttribute('aria-describedby'));
        return c.nextElementSibling === holder;
      });
      assert.ok(adjacent, 'the message right after the control');

      // The link focuses the field.
      await page.locator('.ldm-summary a[data-ldm-target=correspondant]').click();
      assert.equal((await page.evaluate(() => window.__t.active())).id, 'correspondant');

      // Filling it clears its message, its ARIA and its summary line.
      await set(page.locator('#correspondant'), 'Claire Martin');
      const fixed = await info(page, '#correspondant');
      assert.equal(fixed.ariaInvalid, null);
      assert.equal(fixed.describedBy, null);
      assert.deepEqual(fixed.messages, []);
      const still = await page.evaluate(() => window.__t.summaryLinks());
      assert.ok(!still.some((l) => l.target === 'correspondant'), 'its summary line went');
      assert.ok(still.some((l) => l.target === 'courriel'), 'the email one stays');
      await screenshot(page, 'table-host-constraints.png', { fullPage: true });
    } finally {
      await close();
    }
  });

  await t.test('English (lang: "en")', async () => {
    const { page, close } = await open('?lang=en');
    try {
      await submitWithErrors(page);
      const links = await page.evaluate(() => window.__t.summaryLinks());
      const name = links.find((l) => l.target === 'correspondant');
      assert.ok(name);
      assert.equal(name.text, 'Nom du correspondant: this field is required.');
      assert.deepEqual((await info(page, '#correspondant')).messages, ['This field is required.']);
      assert.match(await page.textContent('.ldm-summary h2'), /errors to fix/);
    } finally {
      await close();
    }
  });

  await t.test('each label source and validity flag, and the host’s own custom message', async () => {
    const { page, close } = await open();
    try {
      // Host controls added by the page later (the binding picks them up on submit).
      await page.evaluate(() => {
        const box = document.createElement('div');
        box.id = 'extra';
        box.innerHTML = `
          <label><input type="checkbox" id="atteste" required> J'atteste l'exactitude du dossier :</label>
          <input type="text" id="code-interne" aria-label="Code interne" pattern="[A-Z]{3}" value="abc">
          <span id="lbl-tel">Téléphone</span> <input type="tel" id="tel" aria-labelledby="lbl-tel" minlength="10">
          <label for="effectif">Effectif *</label> <input type="number" id="effectif" min="10" max="5000" value="3">
          <label for="pas">Heures par semaine</label> <input type="number" id="pas" min="0" step="10" value="15">
          <label>Académie <select id="academie" required><option value="">—</option><option>Lyon</option></select></label>
          <input type="text" id="reference" aria-label="Référence du dossier" value="R-1">
          <span role="radiogroup" aria-label="Modalité"><label><input type="radio" name="modalite" value="a" required> A</label>
            <label><input type="radio" name="modalite" value="b"> B</label></span>`;
        document.getElementById('courriel').closest('.champ').after(box);
        document.getElementById('reference').setCustomValidity('Référence inconnue du rectorat.');
      });
      await page.locator('#tel').fill('01'); // typed by the user: minlength applies
      await submitWithErrors(page);
      const links = Object.fromEntries((await page.evaluate(() => window.__t.summaryLinks())).map((l) => [l.target, l.text]));
      assert.deepEqual(
        {
          atteste: links.atteste,
          'code-interne': links['code-interne'],
          tel: links.tel,
          effectif: links.effectif,
          pas: links.pas,
          academie: links.academie,
          reference: links.reference,
        },
        {
          atteste: "J'atteste l'exactitude du dossier : cette case doit être cochée.",
          'code-interne': 'Code interne : le format de ce champ ne correspond pas à celui demandé.',
          tel: 'Téléphone : saisissez au moins 10 caractères (2 actuellement).',
          effectif: 'Effectif : saisissez une valeur supérieure ou égale à 10.',
          pas: 'Heures par semaine : saisissez une valeur qui respecte le pas de 10.',
          academie: 'Académie : choisissez une réponse.',
          reference: 'Référence du dossier : référence inconnue du rectorat.',
        },
      );
      // One line for the radio group, named by the radio's own label.
      const radios = Object.entries(links).filter(([, text]) => text.includes('choisissez une réponse') && !text.startsWith('Académie'));
      assert.equal(radios.length, 1, JSON.stringify(radios));
      // Each one has its message next to it, and aria-invalid.
      for (const id of ['atteste', 'code-interne', 'tel', 'effectif', 'pas', 'academie', 'reference']) {
        const f = await info(page, `#${id}`);
        assert.equal(f.ariaInvalid, 'true', `${id}: aria-invalid`);
        assert.equal(f.messages.length, 1, `${id}: one message next to it`);
      }
      assert.deepEqual(await axe(page), [], 'axe with host messages');
    } finally {
      await close();
    }
  });

  await t.test('a valid request with the required field empty is stopped; filled, the host’s own submit handler runs', async () => {
    const { page, requests, close } = await open();
    try {
      await fillValid(page);
      await set(page.locator('#correspondant'), '');
      const rep = await page.evaluate(() => window.ldmForm.validate());
      assert.equal(rep.valid, true, `the rules find nothing: ${JSON.stringify(rep.findings.filter((f) => f.severity === 'error'))}`);
      await submitWithErrors(page);
      assert.deepEqual(await page.evaluate(() => window.hostSubmits), [], 'the host handler did not run');
      const links = await page.evaluate(() => window.__t.summaryLinks());
      assert.deepEqual(links.map((l) => l.text), ['Nom du correspondant : ce champ est obligatoire.']);

      await set(page.locator('#correspondant'), 'Claire Martin');
      await page.click('button[type=submit]');
      await page.waitForFunction(() => window.hostSubmits.length === 1);
      const sent = await page.evaluate(() => window.hostSubmits[0]);
      assert.equal(sent.correspondant, 'Claire Martin');
      assert.deepEqual(sent.uai, [UAI_1, UAI_2]);
      assert.match(await page.textContent('#statut'), /Dossier prêt à être déposé : 2 établissements/);
      assert.equal(new URL(page.url()).pathname, '/table.html', 'the host handler kept the page');
      assert.ok(await page.locator('.ldm-summary').evaluate((el) => el.hidden), 'the summary is hidden');
      assert.ok(!requests.some((r) => r.startsWith('POST')), 'nothing was posted');
      await screenshot(page, 'table-valid.png', { fullPage: true });
    } finally {
      await close();
    }
  });
});

// 5 ─────────────────────────────────────────────────────────────────────────
test('title correction button « Utiliser : … » puts the suggestion into the field as if typed, and checks again', async (t) => {
  await t.test('French', async () => {
    const { page, dialogs, close } = await open();
    try {
      await page.evaluate(() => {
        window.hostEvents = [];
        const title = document.getElementById('intitule');
        for (const kind of ['input', 'change']) title.addEventListener(kind, (e) => window.hostEvents.push([e.type, e.target.value, e.bubbles]));
      });
      const typed = `Lycee(s) des metiers en reseau du bois ${XSS}`;
      await type(page.locator('#intitule'), typed);
      const rep = await report(page);
      assert.deepEqual(codesAt(rep, ['title']).filter((c) => c === 'title.mention_misspelled'), ['title.mention_misspelled']);
      const suggestion = rep.title.suggestion;
      assert.equal(suggestion, `${MENTION} du bois ${XSS}`);
      const button = page.locator('button[data-ldm-suggestion]');
      assert.equal(await button.count(), 1);
      assert.equal(await button.textContent(), `Utiliser : ${suggestion}`, 'its text is the suggestion, as text');
      assert.equal(await button.getAttribute('type'), 'button', 'it does not submit the form');
      const inHolder = await page.evaluate(() => {
        const b = document.querySelector('button[data-ldm-suggestion]');
        const ids = (document.getElementById('intitule').getAttribute('aria-describedby') || '').split(/\s+/);
        return ids.includes(b.parentElement.id);
      });
      assert.ok(inHolder, 'the button is in the title’s message');
      assert.equal(await page.evaluate(() => document.querySelectorAll('form img').length), 0, 'no HTML from the title');
      await screenshot(page.locator('#dossier > .champ').first(), 'table-suggestion.png');

      await page.evaluate(() => (window.hostEvents.length = 0));
      await button.click();
      assert.equal(await page.inputValue('#intitule'), suggestion, 'the field holds the suggestion');
      // (Clicking the button first blurs the title: the browser's own change
      // event for what was typed comes before.)
      const events = (await page.evaluate(() => window.hostEvents)).filter((e) => e[1] === suggestion);
      assert.deepEqual(events.map((e) => e[0]), ['input', 'change'], 'input then change, as typing and leaving');
      assert.ok(events.every((e) => e[2] === true), 'bubbling events');
      const again = await report(page);
      assert.equal(again.title.mention, 'exact', 'checked again');
      assert.equal(again.title.suggestion, null);
      assert.deepEqual(codesAt(again, ['title']).filter((c) => c.startsWith('title.mention')), []);
      assert.equal(await page.locator('button[data-ldm-suggestion]').count(), 0, 'the button went with the error');
      assert.equal((await page.evaluate(() => window.__t.active())).id, 'intitule', 'focus on the title');
      assert.equal((await info(page, '#intitule')).ariaInvalid, null);
      assert.equal((await page.textContent('.ldm-counter')).trim(), `${[...suggestion].length} / 100`);
      assert.deepEqual(dialogs, []);
    } finally {
      await close();
    }
  });

  await t.test('English: « Use: … »', async () => {
    const { page, close } = await open('?lang=en');
    try {
      await type(page.locator('#intitule'), 'Lycees des metiers en reseau du bois');
      const { suggestion } = (await report(page)).title;
      assert.equal(suggestion, `${MENTION} du bois`);
      assert.equal(await page.textContent('button[data-ldm-suggestion]'), `Use: ${suggestion}`);
      await page.click('button[data-ldm-suggestion]');
      assert.equal(await page.inputValue('#intitule'), suggestion);
      assert.equal((await report(page)).title.mention, 'exact');
    } finally {
      await close();
    }
  });
});

// 6 ─────────────────────────────────────────────────────────────────────────
test('variant select: scope.sectors as a <select multiple>, messages next to the select', async () => {
  const { page, close } = await open('?variant=select');
  try {
    assert.equal(await page.locator('#filieres').count(), 0, 'no checkboxes in this variant');
    await page.locator('[name=perimetre][value=sector]').check();
    await fillRow(page, 0, { uai: UAI_1, name: 'Lycée Henri Nominé', status: 'labelled', year: '2024', sectors: ['bois'] });
    await page.selectOption('#filieres-select', ['bois', 'hôtellerie-restauration']);
    const rep = await report(page);
    const notCommon = findingAt(rep, ['scope', 'sectors', 1], 'scope.sector_not_common');
    assert.ok(notCommon, 'the second selected option is not common');
    assert.deepEqual(codesAt(rep, ['scope', 'sectors', 0]), [], 'bois is');
    const sel = await info(page, '#filieres-select');
    assert.equal(sel.ariaInvalid, 'true');
    assert.equal(sel.invalid, true);
    assert.deepEqual(sel.messages, [notCommon.message]);
    assert.ok(await page.evaluate(() => {
      const s = document.getElementById('filieres-select');
      return s.nextElementSibling?.id === s.getAttribute('aria-describedby');
    }), 'the message right after the select');
    await page.selectOption('#filieres-select', ['bois']);
    const fixed = await info(page, '#filieres-select');
    assert.equal(fixed.ariaInvalid, null);
    assert.deepEqual(fixed.messages, []);
    await page.selectOption('#filieres-select', []);
    await submitWithErrors(page);
    const missing = findingAt(await report(page), ['scope', 'sectors'], 'scope.sectors_missing');
    assert.deepEqual((await info(page, '#filieres-select')).messages, [missing.message]);
    assert.deepEqual(await axe(page), [], 'axe: select variant, error state');
  } finally {
    await close();
  }
});

// 7 ─────────────────────────────────────────────────────────────────────────
test('variant selectors: no data-ldm attribute, a selector map binds the same form the same way', async () => {
  const { page, close } = await open('?variant=selectors');
  try {
    const marks = await page.evaluate(() => ({
      page: document.querySelectorAll('[data-ldm], [data-ldm-member]').length,
      template: document.getElementById('modele-ligne').content.querySelectorAll('[data-ldm], [data-ldm-member]').length,
      selectors: window.ldmSelectors && Object.keys(window.ldmSelectors).length,
    }));
    assert.deepEqual({ page: marks.page, template: marks.template }, { page: 0, template: 0 }, 'no data-ldm markup');
    assert.ok(marks.selectors > 10, 'a selector map was given');

    // The checkbox group, as one field on its fieldset.
    await page.locator('[name=perimetre][value=sector]').check();
    await fillRow(page, 0, { uai: UAI_1, name: 'Lycée Henri Nominé', status: 'labelled', year: '2024', sectors: ['bois'] });
    await page.locator('#filieres input[value=ameublement]').check();
    const rep = await report(page);
    assert.ok(findingAt(rep, ['scope', 'sectors', 0], 'scope.sector_not_common'));
    const g = await page.evaluate(() => window.__t.group('#filieres'));
    assert.equal(g.set.ariaInvalid, 'true');
    assert.ok(g.boxes.every((b) => b.ariaInvalid === null));

    // Rows from the template, and their message rows.
    await page.click('#ajouter');
    await page.waitForFunction(() => window.ldmForm.report.cycle.members.length === 3);
    await type(row(page, 2).locator('.uai'), UAI_1_WRONG);
    assert.deepEqual(codesAt(await report(page), ['members', 2, 'uai']), ['member.uai_checksum']);
    const geo = await page.evaluate(() => window.__t.geometry(2));
    assert.equal(geo.messageRow?.colspan, 6);

    // The host's required field.
    await submitWithErrors(page);
    const links = await page.evaluate(() => window.__t.summaryLinks());
    assert.ok(links.some((l) => l.text === 'Nom du correspondant : ce champ est obligatoire.'));
    assert.deepEqual(await axe(page), [], 'axe: selectors variant, error state');
  } finally {
    await close();
  }
});

// 3 and the rules for every binding ─────────────────────────────────────────
test('CSP style-src \'self\': no inline style, no violation; nothing leaves the page; no page error', async () => {
  const { page, requests, dialogs, errors, close } = await open();
  try {
    const sheet = await page.evaluate(() => [...document.styleSheets].map((s) => s.href && new URL(s.href).pathname));
    assert.ok(sheet.includes('/pkg/form.css'), 'the page links ldm-reseau’s form.css');
    const css = await page.evaluate(async () => (await fetch('/pkg/form.css')).text());
    assert.match(css, /\[aria-invalid="true"\]/, 'form.css marks wrong fields');
    await type(page.locator('#intitule'), `Lycee(s) des metiers en reseau ${XSS}`);
    await page.locator('[name=perimetre][value=sector]').check();
    await page.locator('#filieres input[value=bois]').check();
    await type(row(page, 0).locator('.uai'), UAI_1_WRONG);
    await page.click('#ajouter');
    await submitWithErrors(page);
    const look = await page.evaluate(() => {
      const bad = document.querySelector('#intitule');
      const s = getComputedStyle(bad);
      return {
        styled: document.querySelectorAll('[style]').length,
        outline: s.outlineStyle,
        messageColor: getComputedStyle(document.querySelector('.ldm-message--error')).color,
        csp: window.__csp,
      };
    });
    assert.equal(look.styled, 0, 'no element carries a style attribute');
    assert.deepEqual(look.csp, [], 'no CSP violation');
    assert.equal(look.outline, 'solid', 'form.css outlines a wrong field');
    assert.equal(look.messageColor, 'rgb(176, 0, 32)', 'form.css colours error messages');
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
    await page.waitForTimeout(100);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((r) => !r.startsWith(`GET ${server.url}/`)), [], 'only GETs of the page’s own files');
    assert.deepEqual(allRequests.filter((u) => !u.startsWith(`${server.url}/`)), []);
  } finally {
    await close();
  }
});

test('detach() on the table page removes every message row, message and mark', async () => {
  const { page, close } = await open();
  try {
    const pristine = await page.evaluate(() => {
      window.ldmForm.detach();
      return document.getElementById('dossier').outerHTML;
    });
    await page.evaluate(async () => {
      const { attachForm } = await import('/pkg/form.js');
      window.ldmForm = attachForm(document.getElementById('dossier'), { today: '2026-10-01' });
    });
    await page.locator('#filieres input[value=bois]').check();
    await type(row(page, 0).locator('.uai'), UAI_1_WRONG);
    await submitWithErrors(page);
    assert.ok((await page.locator('tr.ldm-message-row').count()) > 0);
    const after = await page.evaluate(() => {
      window.ldmForm.detach();
      return { html: document.getElementById('dossier').outerHTML, generated: document.querySelectorAll('[data-ldm-generated]').length };
    });
    assert.equal(after.generated, 0);
    // The host's own values stay (a checked box, a typed UAI are properties, not markup).
    assert.equal(after.html, pristine, 'the markup is the host’s again');
  } finally {
    await close();
  }
});

// axe ───────────────────────────────────────────────────────────────────────
test('axe-core: no violation on the table page empty, with errors, and valid', async () => {
  const { page, close } = await open();
  try {
    const found = {};
    found.empty = await axe(page);
    await screenshot(page, 'table-empty.png', { fullPage: true });
    await page.locator('[name=perimetre][value=sector]').check();
    await page.locator('#filieres input[value=ameublement]').check();
    await type(page.locator('#intitule'), 'Lycee(s) des metiers en reseau du bois');
    await submitWithErrors(page);
    found.errors = await axe(page);
    await fillValid(page);
    await page.locator('#filieres input[value=ameublement]').uncheck();
    const rep = await page.evaluate(() => window.ldmForm.validate());
    assert.equal(rep.valid, true, JSON.stringify(rep.findings.filter((f) => f.severity === 'error')));
    found.valid = await axe(page);
    const bad = Object.fromEntries(Object.entries(found).filter(([, v]) => v.length));
    assert.deepEqual(bad, {}, `axe violations by state:\n${JSON.stringify(bad, null, 2)}`);
  } finally {
    await close();
  }
});
