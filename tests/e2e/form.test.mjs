// attachForm in a real browser (SPEC §8.3): the DSFR demo (www/index.html,
// data-ldm attributes) and the plain academy form (www/plain.html, selector
// map), served by scripts/serve.mjs and driven in Debian's Chromium through
// playwright-core. One browser for the file; a fresh context per page.
//
// Run: node scripts/build.mjs && node --test tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withDemo } from '../support/browser.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = join(repo, 'tests', 'output');
const AXE = join(repo, 'node_modules', 'axe-core', 'axe.min.js');

const MENTION = 'Lycée(s) des métiers en réseau';
const XSS = '<img src=x onerror=alert(1)>';

// UAIs: check letter = "ABCDEFGHJKLMNPRSTUVWXYZ"[N mod 23] (SPEC §5.3).
const UAI_MOSELLE_1 = '0570099Y';
const UAI_MOSELLE_1_WRONG = '0570099X'; // expected letter Y
const UAI_MOSELLE_2 = '0570100Z';
const UAI_MOSELLE_2_WRONG = '0570100A'; // expected letter Z
const UAI_BAS_RHIN = '0670086E';

let server;
let browser;
/** Every request any page of this file made, as full URLs. */
const allRequests = [];
/** Every dialog any page of this file opened (alert, confirm…). */
const allDialogs = [];

withDemo(['form.js', 'ldm_reseau_form_bg.wasm'], (s, b) => {
  server = s;
  browser = b;
});

// Helpers run inside the page (installed before any page script).
function pageHelpers() {
  window.__ldmReports = [];
  window.__ldmFirstReport = null;
  document.addEventListener(
    'ldm:report',
    (e) => {
      if (window.__ldmFirstReport === null) window.__ldmFirstReport = performance.now();
      window.__ldmReports.push(e.detail);
    },
    true,
  );
  const CONTROLS = 'input:not([type=hidden]), select, textarea';
  // The form control just before `el` in document order.
  const precedingControl = (el) => {
    let prev = null;
    for (const c of document.querySelectorAll(CONTROLS)) {
      if (c.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) prev = c;
      else break;
    }
    return prev;
  };
  // A group of choices (radios, checkboxes sharing a path) carries its
  // messages on its fieldset or role=group container.
  const GROUPS = 'fieldset, [role=group], [role=radiogroup]';
  // "Next to its field": the message element follows the control with no
  // other control in between (radios of one group count as one), inside the
  // control's DSFR group or table cell, or as one of its next siblings; in
  // a table, in the message row the binding adds right below the control's
  // row; for a group, inside its container.
  const nextTo = (control, el) => {
    const row = el.closest('tr[data-ldm-generated]');
    if (row) return row.previousElementSibling === control.closest('tr');
    if (control.matches(GROUPS)) return control.contains(el);
    const prev = precedingControl(el);
    const sameControl = prev === control || (prev && control.type === 'radio' && prev.name === control.name);
    if (!sameControl) return false;
    const group = control.closest('.fr-input-group, .fr-select-group, .fr-fieldset, td');
    if (group) return group.contains(el);
    return control.parentElement === el.parentElement;
  };
  const MSG = '.fr-message, .ldm-message';
  window.__t = {
    /** What is shown for one control: ARIA, validity, its described messages. */
    field(selector) {
      const c = typeof selector === 'string' ? document.querySelector(selector) : selector;
      if (!c) return null;
      const ids = (c.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      const described = ids.map((id) => {
        const el = document.getElementById(id);
        if (!el) return { id, missing: true };
        return {
          id,
          counter: el.classList.contains('ldm-counter'),
          text: el.textContent,
          messages: [...el.querySelectorAll(MSG)].map((p) => p.textContent),
          nextTo: nextTo(c, el),
          connected: el.isConnected,
        };
      });
      const messages = described.filter((d) => !d.counter && !d.missing).flatMap((d) => d.messages);
      return {
        id: c.id,
        ariaInvalid: c.getAttribute('aria-invalid'),
        invalid: c.matches(':invalid'),
        validationMessage: c.validationMessage,
        described,
        messages,
      };
    },
    /**
     * Every message shown in the form, and whether it is attached: its
     * container is referenced by a connected control's (or a group's)
     * aria-describedby and sits next to that control.
     */
    messages(formSelector) {
      const form = document.querySelector(formSelector);
      const controls = [...form.querySelectorAll(`${CONTROLS}, ${GROUPS}`)];
      return [...form.querySelectorAll(MSG)].map((p) => {
        const holder = p.parentElement;
        const owner = holder.id
          ? controls.find((c) => (c.getAttribute('aria-describedby') || '').split(/\s+/).includes(holder.id))
          : undefined;
        return { text: p.textContent, owner: owner ? owner.id || owner.tagName.toLowerCase() : null, nextTo: owner ? nextTo(owner, holder) : false };
      });
    },
    /** aria-describedby ids that point at nothing. */
    danglingDescribedBy(formSelector) {
      const out = [];
      for (const c of document.querySelector(formSelector).querySelectorAll(CONTROLS)) {
        for (const id of (c.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)) {
          if (!document.getElementById(id)) out.push(`${c.id || c.name}: ${id}`);
        }
      }
      return out;
    },
    active() {
      const a = document.activeElement;
      return { tag: a.tagName, id: a.id, className: typeof a.className === 'string' ? a.className : '' };
    },
  };
}

/**
 * Opens a demo page in a fresh context and waits for attachForm. Records
 * requests (foreign ones are aborted as well as recorded), dialogs and page
 * errors. `route: false` leaves requests alone (timing).
 */
async function open(path, { route = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(pageHelpers);
  const requests = [];
  const dialogs = [];
  const errors = [];
  if (route) {
    await context.route('**/*', (r) => (r.request().url().startsWith(`${server.url}/`) ? r.continue() : r.abort()));
  }
  const page = await context.newPage();
  page.on('request', (r) => {
    requests.push(r.url());
    allRequests.push(r.url());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    allDialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + path);
  await page.waitForSelector('html[data-ldm-ready]');
  return { page, context, requests, dialogs, errors, close: () => context.close() };
}

const report = (page) => page.evaluate(() => window.ldmForm.report);
const field = (page, selector) => page.evaluate((s) => window.__t.field(s), selector);
const findingsAt = (rep, path) => rep.findings.filter((f) => JSON.stringify(f.path) === JSON.stringify(path));
const codesAt = (rep, path) => findingsAt(rep, path).map((f) => f.code);

/** The messages shown next to a control (via aria-describedby), asserting they are next to it. */
async function shownMessages(page, selector) {
  const f = await field(page, selector);
  assert.ok(f, `no control ${selector}`);
  for (const d of f.described) {
    assert.ok(!d.missing, `${selector}: aria-describedby names a missing element ${d.id}`);
    if (!d.counter && d.messages.length) assert.ok(d.nextTo, `${selector}: its messages (${d.id}) are not next to it`);
  }
  return f;
}

/** Asserts that the finding `code` at `path` is shown on `selector`, and only there. */
async function assertShownOn(page, selector, path, code) {
  const rep = await report(page);
  const finding = findingsAt(rep, path).find((f) => f.code === code);
  assert.ok(finding, `report has no ${code} at ${JSON.stringify(path)}: ${JSON.stringify(rep.findings.map((f) => [f.code, f.path]))}`);
  const f = await shownMessages(page, selector);
  assert.ok(f.messages.includes(finding.message), `${code} not shown on ${selector}; shown: ${JSON.stringify(f.messages)}`);
  const everywhere = await page.evaluate(() => window.__t.messages('form'));
  const copies = everywhere.filter((m) => m.text === finding.message);
  assert.equal(copies.length, 1, `${code} shown ${copies.length} times: ${JSON.stringify(copies)}`);
  if (finding.severity === 'error') {
    assert.equal(f.ariaInvalid, 'true', `${selector}: aria-invalid`);
    assert.equal(f.invalid, true, `${selector}: :invalid`);
  }
  return { finding, field: f };
}

/** Types into a text control (fill, then a real keystroke, so input events fire). */
async function type(page, selector, text) {
  const loc = page.locator(selector);
  await loc.fill(text.slice(0, -1));
  await loc.press('End');
  await loc.pressSequentially(text.slice(-1));
}

/** Fills a control and leaves it (change + blur: "on change/blur for the rest"). */
async function set(page, selector, value) {
  const loc = page.locator(selector);
  const tag = await loc.evaluate((el) => el.tagName);
  if (tag === 'SELECT') await loc.selectOption(value);
  else await loc.fill(value);
  await loc.blur();
}

/** The selector of a field of DSFR member row `i` (0-based, in document order). */
async function rowField(page, i, id) {
  return page.locator('[data-ldm-member]').nth(i).locator(`[data-id="${id}"]`).evaluate((el) => `#${el.id}`);
}

const VALID_TITLE = `${MENTION} du bois et de l'ameublement`;
const ACTION = 'Formations communes aux trois établissements et journées de découverte des métiers du bois.';

/** Fills the DSFR demo with a request that has no error (sector scope « bois »). */
async function fillValidDsfr(page, { title = VALID_TITLE, members } = {}) {
  members ??= [
    { uai: UAI_MOSELLE_1, name: 'Lycée Henri Nominé', status: 'labelled', year: '2024', sectors: 'bois, ameublement' },
    { uai: UAI_MOSELLE_2, name: 'Lycée Blaise Pascal', status: 'labelled', year: '2023', sectors: 'bois' },
  ];
  await page.click('label[for=scope-sector]');
  await set(page, '#sectors', 'bois');
  await page.click('label[for=campus-no]');
  await set(page, '#campaign', '2026');
  await type(page, '#title', title);
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    if (i >= (await page.locator('[data-ldm-member]').count())) await page.click('#ajouter');
    await set(page, await rowField(page, i, 'uai'), m.uai);
    await set(page, await rowField(page, i, 'name'), m.name);
    await set(page, await rowField(page, i, 'status'), m.status);
    await set(page, await rowField(page, i, 'year'), m.year);
    await set(page, await rowField(page, i, 'sectors'), m.sectors);
  }
  for (let c = 1; c <= 8; c++) await set(page, `#action-c${c}`, ACTION);
}

/** axe-core's violations on the whole document, as readable lines. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  });
  return result;
}

async function screenshot(page, name) {
  const path = join(OUTPUT, name);
  await page.screenshot({ path, fullPage: true });
  assert.ok(existsSync(path), `${path} written`);
  return path;
}

// 1 ─────────────────────────────────────────────────────────────────────────
test('title: 101 characters show « 101 / 100 », too_long next to the field, aria-invalid and :invalid; one less clears it all', async () => {
  const { page, close } = await open('/');
  try {
    const base = `${MENTION} du bois, de l'ameublement et de l'agencement`;
    const title101 = base + ' ' + 'x'.repeat(101 - [...base].length - 1);
    assert.equal([...title101].length, 101);
    await type(page, '#title', title101);

    assert.equal((await page.textContent('.ldm-counter')).trim(), '101 / 100');
    const rep = await report(page);
    assert.equal(rep.title.length, 101);
    assert.deepEqual(codesAt(rep, ['title']), ['title.too_long'], 'only too_long on the title');
    const { field: f } = await assertShownOn(page, '#title', ['title'], 'title.too_long');
    assert.ok(f.described.some((d) => d.counter), 'the counter is described-by the title too');
    assert.match(f.messages.join(' '), /101 caractères/);

    await page.locator('#title').press('Backspace');
    assert.equal((await page.textContent('.ldm-counter')).trim(), '100 / 100');
    const after = await field(page, '#title');
    assert.equal(after.ariaInvalid, null, 'aria-invalid removed');
    assert.equal(after.invalid, false, 'not :invalid');
    assert.equal(after.validationMessage, '');
    assert.deepEqual(after.messages, [], 'no message left on the title');
    assert.ok(!(await page.evaluate(() => document.querySelector('form').textContent.includes('101 caractères'))));
    assert.deepEqual(codesAt(await report(page), ['title']), []);
  } finally {
    await close();
  }
});

// 2 ─────────────────────────────────────────────────────────────────────────
test('UAI: a wrong check letter shows the expected letter next to that UAI; fixing it clears it', async () => {
  const { page, close } = await open('/');
  try {
    const uai = await rowField(page, 0, 'uai');
    await type(page, uai, UAI_MOSELLE_1_WRONG);
    const { finding } = await assertShownOn(page, uai, ['members', 0, 'uai'], 'member.uai_checksum');
    assert.equal(finding.params.expected, 'Y');
    assert.match(finding.message, /devrait être Y/);
    // The other row's UAI shows nothing (not typed into yet).
    assert.deepEqual((await field(page, await rowField(page, 1, 'uai'))).messages, []);

    await type(page, uai, UAI_MOSELLE_1);
    const f = await field(page, uai);
    assert.deepEqual(f.messages, []);
    assert.equal(f.ariaInvalid, null);
    assert.equal(f.invalid, false);
    assert.deepEqual(codesAt(await report(page), ['members', 0, 'uai']), []);
  } finally {
    await close();
  }
});

// 3 ─────────────────────────────────────────────────────────────────────────
test('scope and members: each message on its own field', async (t) => {
  await t.test('geographic scope 57 with a Bas-Rhin member: member_outside_territory on that UAI', async () => {
    const { page, close } = await open('/');
    try {
      await page.click('label[for=scope-geo]');
      await set(page, '#territory-level', 'departement');
      await set(page, '#territory-code', '57');
      await set(page, '#territory-name', 'Moselle');
      const uai0 = await rowField(page, 0, 'uai');
      const uai1 = await rowField(page, 1, 'uai');
      await type(page, uai0, UAI_MOSELLE_1);
      await set(page, await rowField(page, 1, 'name'), 'Lycée Haute-Bienne');
      await type(page, uai1, UAI_BAS_RHIN);
      await page.locator(uai1).blur();
      const { finding } = await assertShownOn(page, uai1, ['members', 1, 'uai'], 'scope.member_outside_territory');
      assert.match(finding.message, /Bas-Rhin/);
      assert.deepEqual((await field(page, uai0)).messages, [], 'the Moselle member shows nothing');
      assert.deepEqual((await field(page, '#territory-code')).messages, [], 'nothing on the territory code');
    } finally {
      await close();
    }
  });

  await t.test('sector scope with a filière not in a member’s label: sector_not_common on the scope filières', async () => {
    const { page, close } = await open('/');
    try {
      await page.click('label[for=scope-sector]');
      await set(page, await rowField(page, 0, 'name'), 'Lycée Henri Nominé');
      await set(page, await rowField(page, 0, 'sectors'), 'bois');
      await set(page, '#sectors', 'bois, hôtellerie-restauration');
      const rep = await report(page);
      assert.deepEqual(codesAt(rep, ['scope', 'sectors', 1]), ['scope.sector_not_common']);
      const { finding } = await assertShownOn(page, '#sectors', ['scope', 'sectors', 1], 'scope.sector_not_common');
      assert.match(finding.message, /hôtellerie-restauration/);
      assert.deepEqual((await field(page, await rowField(page, 0, 'sectors'))).messages, [], 'not on the member’s filières');
    } finally {
      await close();
    }
  });

  await t.test('status « Non labellisé »: member.not_labelled on that member’s status', async () => {
    const { page, close } = await open('/');
    try {
      const status1 = await rowField(page, 1, 'status');
      await set(page, status1, 'none');
      await assertShownOn(page, status1, ['members', 1, 'label', 'status'], 'member.not_labelled');
      assert.deepEqual((await field(page, await rowField(page, 0, 'status'))).messages, []);
      assert.deepEqual((await field(page, await rowField(page, 1, 'uai'))).messages, []);
    } finally {
      await close();
    }
  });

  await t.test('one member left: members.too_few in the host’s data-ldm-message-for="members" element', async () => {
    const { page, close } = await open('/');
    try {
      await page.locator('[data-ldm-member]').nth(1).locator('.ldm-remove').click();
      await page.click('button[type=submit]');
      await page.waitForFunction(() => document.activeElement?.classList.contains('ldm-summary'));
      const rep = await report(page);
      const tooFew = findingsAt(rep, ['members']).find((f) => f.code === 'members.too_few');
      assert.ok(tooFew, 'members.too_few at ["members"]');
      const host = await page.evaluate(() => {
        const el = document.querySelector('[data-ldm-message-for="members"]');
        return { messages: [...el.querySelectorAll('.fr-message')].map((p) => p.textContent), id: el.id };
      });
      assert.deepEqual(host.messages, [tooFew.message]);
      const all = await page.evaluate(() => window.__t.messages('form'));
      assert.equal(all.filter((m) => m.text === tooFew.message).length, 1, 'shown once');
    } finally {
      await close();
    }
  });
});

// 4 ─────────────────────────────────────────────────────────────────────────
test('cycle: renewal 2021 + labelled 2024 in campaign 2026 is case d, with the SVG timeline', async () => {
  const { page, close } = await open('/');
  try {
    await set(page, '#campaign', '2026');
    await set(page, await rowField(page, 0, 'uai'), UAI_MOSELLE_1);
    await set(page, await rowField(page, 0, 'name'), 'Lycée Henri Nominé');
    await set(page, await rowField(page, 0, 'status'), 'renewal_requested');
    await set(page, await rowField(page, 0, 'year'), '2021');
    await set(page, await rowField(page, 1, 'uai'), UAI_MOSELLE_2);
    await set(page, await rowField(page, 1, 'name'), 'Lycée Blaise Pascal');
    await set(page, await rowField(page, 1, 'status'), 'labelled');
    await set(page, await rowField(page, 1, 'year'), '2024');

    const rep = await report(page);
    assert.equal(rep.cycle.case, 'd');
    assert.deepEqual(rep.cycle.members.map((m) => m.position), ['renewal', 'midCycle']);
    const panel = await page.evaluate(() => {
      const p = document.querySelector('.ldm-cycle');
      const svg = p?.querySelector('svg.ldm-timeline');
      const rects = svg ? [...svg.querySelectorAll('rect')] : [];
      return {
        text: p?.textContent ?? null,
        svg: !!svg,
        title: svg?.querySelector('title')?.textContent ?? null,
        rows: [...new Set(rects.map((r) => r.getAttribute('y')))].length,
        rects: rects.length,
        labels: svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent) : [],
        box: svg ? svg.getBoundingClientRect().height : 0,
      };
    });
    assert.ok(panel.text, 'a .ldm-cycle panel');
    assert.match(panel.text, /cas d/);
    assert.ok(panel.svg, 'svg.ldm-timeline drawn');
    assert.ok(panel.box > 0, 'the timeline has a height');
    assert.equal(panel.rows, 3, 'one bar row per member plus the appellation');
    assert.ok(panel.labels.includes(UAI_MOSELLE_1) && panel.labels.includes(UAI_MOSELLE_2), 'each member named');
    assert.ok(panel.labels.includes('Appellation'));
    assert.match(panel.text, /Appellation : de 2026 à 2031/);
    await screenshot(page, 'form-case-d.png');
    await page.locator('.ldm-cycle').screenshot({ path: join(OUTPUT, 'form-case-d-panel.png') });
  } finally {
    await close();
  }
});

// 5 ─────────────────────────────────────────────────────────────────────────
/** Clicks each summary link in turn; returns the links whose field did not get focus. */
async function clickSummaryLinks(page, { count = Infinity, fromSummary = false } = {}) {
  const links = await page.$$eval('.ldm-summary a[data-ldm-target]', (as) =>
    as.map((a) => ({ target: a.dataset.ldmTarget, text: a.textContent })),
  );
  const failed = [];
  for (let i = 0; i < Math.min(count, links.length); i++) {
    if (fromSummary) await page.focus('.ldm-summary');
    const before = await page.evaluate(() => window.__t.active());
    await page.locator('.ldm-summary a[data-ldm-target]').nth(i).click();
    const active = await page.evaluate(() => window.__t.active());
    if (active.id !== links[i].target) {
      failed.push(`link ${i + 1} « ${links[i].text.slice(0, 60)}… » → #${links[i].target}: focus on ${active.tag}#${active.id} (focus before the click: ${before.tag}#${before.id})`);
    }
  }
  return { links, failed };
}

test('submit (DSFR): errors stop it and focus the summary, whose links focus their fields; a valid request is sent', async (t) => {
  const { page, close } = await open('/');
  try {
    const posts = server.submissions.length;
    let errors;
    await t.test('submit with errors is stopped, focus on the summary', async () => {
      await screenshot(page, 'form-empty.png');
      await page.click('button[type=submit]');
      await page.waitForFunction(() => document.activeElement?.classList.contains('ldm-summary'));
      assert.equal(new URL(page.url()).pathname, '/', 'still on the form');
      assert.equal(server.submissions.length, posts, 'no POST reached the server');
      assert.ok(!server.requests.includes('POST /submit'));
      const rep = await report(page);
      assert.equal(rep.valid, false);
      errors = rep.findings.filter((f) => f.severity === 'error');
      const links = await page.$$eval('.ldm-summary a[data-ldm-target]', (as) => as.map((a) => a.textContent));
      assert.deepEqual(links, errors.map((f) => f.message), 'one summary link per error, in report order');
      await screenshot(page, 'form-errors.png');
    });

    await t.test('each summary link focuses its field (focus on the summary before each click)', async () => {
      const { links, failed } = await clickSummaryLinks(page, { fromSummary: true });
      assert.ok(links.length >= 3);
      assert.deepEqual(failed, []);
    });

    await t.test('each summary link focuses its field (clicked one after another, as a user does)', async () => {
      await page.focus('.ldm-summary');
      const { links, failed } = await clickSummaryLinks(page);
      assert.ok(links.length >= 3);
      assert.deepEqual(failed, [], 'summary links that did not focus their field');
      assert.equal(server.submissions.length, posts);
    });

    await t.test('a valid request submits as before', async () => {
      await fillValidDsfr(page);
      const ok = await page.evaluate(() => window.ldmForm.validate());
      assert.deepEqual(ok.findings.filter((f) => f.severity === 'error'), [], 'the filled form has no error');
      await Promise.all([page.waitForURL('**/submit'), page.click('button[type=submit]')]);
      assert.equal(server.submissions.length, posts + 1, 'the server received the POST');
      const body = new URLSearchParams(server.submissions.at(-1));
      assert.equal(body.get('title'), VALID_TITLE);
      assert.equal(body.get('scope.type'), 'sector');
      assert.equal(await page.textContent('h1'), 'Demande reçue');
    });
  } finally {
    await close();
  }
});

// 6 ─────────────────────────────────────────────────────────────────────────
test('rows: adding and removing members keeps paths and messages on the right fields', async (t) => {
  const orphans = (page) =>
    page.evaluate(() => window.__t.messages('form').filter((m) => !m.owner || !m.nextTo));

  await t.test('wrong UAI in row 3, then row 2 removed', async () => {
    const { page, close } = await open('/');
    try {
      await page.click('#ajouter');
      assert.equal(await page.locator('[data-ldm-member]').count(), 3);
      const uai3 = await rowField(page, 2, 'uai');
      await type(page, uai3, UAI_MOSELLE_1_WRONG);
      await assertShownOn(page, uai3, ['members', 2, 'uai'], 'member.uai_checksum');
      assert.deepEqual(await orphans(page), []);
      const before = await page.locator('form .fr-message').count();

      await page.locator('[data-ldm-member]').nth(1).locator('.ldm-remove').click();
      assert.equal(await page.locator('[data-ldm-member]').count(), 2);
      await page.waitForFunction(() => window.ldmForm.report.cycle.members.length === 2);
      const rep = await report(page);
      assert.deepEqual(codesAt(rep, ['members', 1, 'uai']), ['member.uai_checksum'], 'the path moved to row 2');
      assert.deepEqual(codesAt(rep, ['members', 2, 'uai']), []);
      assert.equal(await rowField(page, 1, 'uai'), uai3, 'row 2 is the former row 3');
      await assertShownOn(page, uai3, ['members', 1, 'uai'], 'member.uai_checksum');
      assert.deepEqual(await orphans(page), [], 'no orphaned message');
      assert.equal(await page.locator('form .fr-message').count(), before);
      assert.deepEqual(await page.evaluate(() => window.__t.danglingDescribedBy('form')), []);
    } finally {
      await close();
    }
  });

  await t.test('wrong UAIs in rows 2 and 3, then row 2 removed', async () => {
    const { page, close } = await open('/');
    try {
      await page.click('#ajouter');
      const uai2 = await rowField(page, 1, 'uai');
      const uai3 = await rowField(page, 2, 'uai');
      await type(page, uai2, UAI_MOSELLE_2_WRONG);
      await type(page, uai3, UAI_MOSELLE_1_WRONG);
      await assertShownOn(page, uai2, ['members', 1, 'uai'], 'member.uai_checksum');
      await assertShownOn(page, uai3, ['members', 2, 'uai'], 'member.uai_checksum');
      assert.equal(await page.locator('form .fr-message').count(), 2);

      await page.locator('[data-ldm-member]').nth(1).locator('.ldm-remove').click();
      await page.waitForFunction(() => window.ldmForm.report.cycle.members.length === 2);
      const { finding } = await assertShownOn(page, uai3, ['members', 1, 'uai'], 'member.uai_checksum');
      assert.match(finding.message, new RegExp(UAI_MOSELLE_1_WRONG));
      assert.deepEqual(await orphans(page), [], 'no orphaned message');
      assert.equal(await page.locator('form .fr-message').count(), 1, 'the removed row’s message went with it');
    } finally {
      await close();
    }
  });

  await t.test('after a failed submit, removing row 2 moves every row-3 message to row 2', async () => {
    const { page, close } = await open('/');
    try {
      await page.click('#ajouter');
      const status3 = await rowField(page, 2, 'status');
      await page.click('button[type=submit]');
      await assertShownOn(page, status3, ['members', 2, 'label', 'status'], 'member.status_missing');
      await page.locator('[data-ldm-member]').nth(1).locator('.ldm-remove').click();
      await page.waitForFunction(() => window.ldmForm.report.cycle.members.length === 2);
      await assertShownOn(page, status3, ['members', 1, 'label', 'status'], 'member.status_missing');
      assert.deepEqual(await orphans(page), [], 'no orphaned message');
      assert.deepEqual(await page.evaluate(() => window.__t.danglingDescribedBy('form')), []);
    } finally {
      await close();
    }
  });
});

// 7 ─────────────────────────────────────────────────────────────────────────
test('plain page (selector map, no DSFR): counter, UAI check letter, blocked submit, valid submit', async (t) => {
  const { page, close } = await open('/plain.html');
  try {
    assert.equal(await page.locator('link[href*=dsfr]').count(), 0, 'no DSFR on this page');
    const posts = server.submissions.length;

    await t.test('title counter and too_long', async () => {
      const base = `${MENTION} du bois et de l'ameublement`;
      const title101 = base + ' ' + 'y'.repeat(101 - [...base].length - 1);
      await type(page, '#intitule', title101);
      assert.equal((await page.textContent('.ldm-counter')).trim(), '101 / 100');
      await assertShownOn(page, '#intitule', ['title'], 'title.too_long');
      await page.locator('#intitule').press('Backspace');
      assert.equal((await page.textContent('.ldm-counter')).trim(), '100 / 100');
      const f = await field(page, '#intitule');
      assert.equal(f.ariaInvalid, null);
      assert.equal(f.invalid, false);
      assert.deepEqual(f.messages, []);
    });

    await t.test('UAI check letter on the first row', async () => {
      const rne = page.locator('tr.etab').nth(0).locator('[name="rne[]"]');
      await rne.fill(UAI_MOSELLE_1_WRONG.slice(0, -1));
      await rne.pressSequentially(UAI_MOSELLE_1_WRONG.slice(-1));
      const rneEl = await rne.elementHandle();
      const shown = await page.evaluate((el) => window.__t.field(el), rneEl);
      const rep = await report(page);
      const checksum = findingsAt(rep, ['members', 0, 'uai']).find((f) => f.code === 'member.uai_checksum');
      assert.ok(checksum, 'uai_checksum at members.0.uai');
      assert.equal(checksum.params.expected, 'Y');
      assert.deepEqual(shown.messages, [checksum.message]);
      assert.ok(shown.described.every((d) => d.nextTo || d.counter), 'the message is next to the UAI');
      assert.equal(shown.ariaInvalid, 'true');
      assert.equal(shown.invalid, true);
      await rne.fill(UAI_MOSELLE_1);
      const fixed = await page.evaluate((el) => window.__t.field(el), rneEl);
      assert.deepEqual(fixed.messages, []);
      assert.equal(fixed.ariaInvalid, null);
      assert.equal(fixed.invalid, false);
    });

    await t.test('submit with errors is stopped, focus on the summary', async () => {
      await page.click('button[type=submit]');
      await page.waitForFunction(() => document.activeElement?.classList.contains('ldm-summary'));
      assert.equal(new URL(page.url()).pathname, '/plain.html');
      assert.equal(server.submissions.length, posts, 'no POST');
      assert.equal(await page.locator('.ldm-summary').evaluate((el) => el.tagName === 'DIV' && !el.className.includes('fr-')), true);
    });

    await t.test('summary links focus their fields (focus on the summary before each click)', async () => {
      const { failed } = await clickSummaryLinks(page, { count: 3, fromSummary: true });
      assert.deepEqual(failed, []);
    });

    await t.test('summary links focus their fields (clicked one after another)', async () => {
      await page.focus('.ldm-summary');
      const { failed } = await clickSummaryLinks(page, { count: 3 });
      assert.deepEqual(failed, []);
    });

    await t.test('a valid request submits as before', async () => {
      const year = new Date().getFullYear();
      await type(page, '#intitule', `${MENTION} du bois`);
      await page.selectOption('#typeperimetre', 'sector');
      await page.fill('#filieres', 'bois');
      const rows = [
        [UAI_MOSELLE_1, 'Lycée Henri Nominé', 'labelled', String(year - 2)],
        [UAI_MOSELLE_2, 'Lycée Blaise Pascal', 'labelled', String(year - 3)],
      ];
      for (let i = 0; i < rows.length; i++) {
        const tr = page.locator('tr.etab').nth(i);
        await tr.locator('[name="rne[]"]').fill(rows[i][0]);
        await tr.locator('[name="nom[]"]').fill(rows[i][1]);
        await tr.locator('[name="statut[]"]').selectOption(rows[i][2]);
        await tr.locator('[name="annee[]"]').fill(rows[i][3]);
      }
      for (let i = 1; i <= 8; i++) await page.fill(`[name=axe${i}]`, ACTION);
      const ok = await page.evaluate(() => window.ldmForm.validate());
      assert.deepEqual(ok.findings.filter((f) => f.severity === 'error'), []);
      await Promise.all([page.waitForURL('**/submit'), page.click('button[type=submit]')]);
      assert.equal(server.submissions.length, posts + 1, 'the server received the POST');
      const body = new URLSearchParams(server.submissions.at(-1));
      assert.equal(body.get('intitule'), `${MENTION} du bois`);
      assert.deepEqual(body.getAll('rne[]'), [UAI_MOSELLE_1, UAI_MOSELLE_2]);
    });
  } finally {
    await close();
  }
});

// 8 ─────────────────────────────────────────────────────────────────────────
test('no request leaves the page; user text with HTML is shown as text', async () => {
  const { page, requests, dialogs, errors, close } = await open('/');
  try {
    await page.click('label[for=scope-sector]');
    await type(page, '#title', `${MENTION} ${XSS}`);
    await set(page, '#sectors', `bois; ${XSS}`);
    await set(page, await rowField(page, 0, 'uai'), UAI_MOSELLE_1);
    await set(page, await rowField(page, 0, 'name'), `Lycée ${XSS}`);
    await set(page, await rowField(page, 0, 'status'), 'labelled');
    await set(page, await rowField(page, 0, 'year'), '2024');
    await set(page, await rowField(page, 0, 'sectors'), 'bois');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => document.activeElement?.classList.contains('ldm-summary'));

    const rep = await report(page);
    assert.equal(rep.title.normalized, `${MENTION} ${XSS}`);
    // The filière is echoed by scope.sector_not_common, naming the member by its name.
    const notCommon = rep.findings.find((f) => f.code === 'scope.sector_not_common');
    assert.ok(notCommon, 'scope.sector_not_common for the HTML filière');
    assert.ok(notCommon.message.includes(XSS), 'the finding carries the literal text');
    const shown = await page.evaluate(
      ({ xss, message }) => {
        const form = document.querySelector('form');
        const panel = form.querySelector('.ldm-cycle');
        return {
          imgs: form.querySelectorAll('img').length,
          messageShown: [...form.querySelectorAll('.fr-message')].some((p) => p.textContent === message),
          summaryShown: [...form.querySelectorAll('.ldm-summary a')].some((a) => a.textContent === message),
          panelHasText: panel.textContent.includes(`Lycée ${xss}`),
          titleValue: document.getElementById('title').value,
        };
      },
      { xss: XSS, message: notCommon.message },
    );
    assert.equal(shown.imgs, 0, 'no img element created inside the form');
    assert.ok(shown.messageShown, 'message with the literal text next to the field');
    assert.ok(shown.summaryShown, 'summary link with the literal text');
    assert.ok(shown.panelHasText, 'the cycle panel names the member with the literal text');
    assert.equal(shown.titleValue, `${MENTION} ${XSS}`);
    await page.waitForTimeout(100);
    assert.deepEqual(dialogs, [], 'no dialog');
    assert.deepEqual(errors, [], 'no page error');

    const foreign = requests.filter((u) => !u.startsWith(`${server.url}/`));
    assert.deepEqual(foreign, [], 'requests that left the page');
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm came from the server');
    // …and none on any page of this file so far.
    assert.deepEqual(allRequests.filter((u) => !u.startsWith(`${server.url}/`)), []);
    assert.deepEqual(allDialogs, []);
  } finally {
    await close();
  }
});

// 9 ─────────────────────────────────────────────────────────────────────────
test('axe-core: no violation on the empty form, the form with errors, a valid form', async (t) => {
  for (const path of ['/', '/plain.html']) {
    await t.test(path === '/' ? 'DSFR demo' : 'plain page', async () => {
      const { page, close } = await open(path);
      try {
        const found = {};
        found.empty = await axe(page);
        await page.click('button[type=submit]');
        await page.waitForFunction(() => document.activeElement?.classList.contains('ldm-summary'));
        found.errors = await axe(page);
        if (path === '/') {
          await fillValidDsfr(page);
          const rep = await page.evaluate(() => window.ldmForm.validate());
          assert.equal(rep.valid, true, 'the filled form is valid');
          found.valid = await axe(page);
        }
        const bad = Object.fromEntries(Object.entries(found).filter(([, v]) => v.length));
        assert.deepEqual(bad, {}, `axe violations by state:\n${JSON.stringify(bad, null, 2)}`);
      } finally {
        await close();
      }
    });
  }
});

// Measurement, not an assertion on time: page load to first validation.
test('timing: navigation start to the first ldm:report event', async () => {
  const runs = 5;
  const lines = [];
  for (const path of ['/', '/plain.html']) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const { page, close } = await open(path, { route: false });
      try {
        samples.push(
          await page.evaluate(() => {
            const nav = performance.getEntriesByType('navigation')[0];
            return {
              first: window.__ldmFirstReport,
              dcl: nav.domContentLoadedEventEnd,
              wasm: performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.responseEnd ?? null,
            };
          }),
        );
      } finally {
        await close();
      }
    }
    assert.ok(samples.every((s) => typeof s.first === 'number'), 'every load dispatched ldm:report');
    const med = (k) => {
      const v = samples.map((s) => s[k]).sort((a, b) => a - b);
      return v[Math.floor(v.length / 2)];
    };
    const firsts = samples.map((s) => s.first);
    lines.push(
      `${path}: first ldm:report at ${med('first').toFixed(1)} ms after navigation start (median of ${runs}; ` +
        `min ${Math.min(...firsts).toFixed(1)}, max ${Math.max(...firsts).toFixed(1)}); ` +
        `DOMContentLoaded ${med('dcl').toFixed(1)} ms, wasm loaded ${med('wasm')?.toFixed(1)} ms`,
    );
  }
  for (const l of lines) console.log(`[timing] ${l}`);
});
