// Loads tests/cases/*.json and checks a report against a case's `expect`:
// the same files and the same semantics as tests/integration/cases.rs.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'cases');
const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

export function loadCases() {
  const { bases } = read('bases.json');
  const out = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'bases.json').sort()) {
    const doc = read(file);
    const defaults = doc.defaults ?? {};
    for (const c of doc.cases ?? []) {
      const base = c.base ?? defaults.base;
      const request = structuredClone('request' in c ? c.request : bases[base]);
      if (request === undefined && !('request' in c)) throw new Error(`${file}: ${c.name}: needs request or base`);
      for (const [path, value] of Object.entries(c.set ?? {})) set(request, path, value);
      for (const path of c.unset ?? []) set(request, path, undefined, true);
      const options = { ...(defaults.options ?? {}), ...(c.options ?? {}) };
      out.push({ file, name: c.name, request, options, expect: c.expect });
    }
  }
  return out;
}

function set(root, path, value, remove = false) {
  const segs = path.split('.');
  let cur = root;
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (Array.isArray(cur)) {
      const idx = Number(seg);
      if (last) {
        if (remove) cur.splice(idx, 1);
        else cur[idx] = value;
        return;
      }
      if (idx === cur.length) cur.push({});
      cur = cur[idx];
      return;
    }
    if (last) {
      if (remove) delete cur[seg];
      else cur[seg] = value;
      return;
    }
    if (cur[seg] === null || typeof cur[seg] !== 'object') cur[seg] = {};
    cur = cur[seg];
  });
}

const label = (f) => (f.path.length ? `${f.code} @ ${f.path.join('.')}` : f.code);
const matches = (pattern, l) => pattern === l || (!pattern.includes(' @ ') && l.split(' @ ')[0] === pattern);

function partial(expected, actual, at, errs) {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    for (const [k, v] of Object.entries(expected)) {
      if (actual === null || typeof actual !== 'object' || !(k in actual)) errs.push(`${at}.${k}: missing`);
      else partial(v, actual[k], `${at}.${k}`, errs);
    }
  } else if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    expected.forEach((v, i) => partial(v, actual[i], `${at}[${i}]`, errs));
  } else if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    errs.push(`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** The differences between a report and a case's expectations. */
export function check(c, report) {
  const e = c.expect;
  const errs = [];
  const labels = report.findings.map(label);
  if (e.findings && JSON.stringify(e.findings) !== JSON.stringify(labels)) {
    errs.push(`findings: expected ${JSON.stringify(e.findings)}, got ${JSON.stringify(labels)}`);
  }
  for (const p of e.has ?? []) if (!labels.some((l) => matches(p, l))) errs.push(`has: ${p} missing`);
  for (const p of e.hasNot ?? []) if (labels.some((l) => matches(p, l))) errs.push(`hasNot: ${p} found`);
  if ('valid' in e) partial(e.valid, report.valid, 'valid', errs);
  for (const block of ['title', 'cycle']) if (e[block]) partial(e[block], report[block], block, errs);
  for (const [code, want] of Object.entries(e.params ?? {})) {
    const f = report.findings.find((x) => x.code === code);
    if (!f) errs.push(`params: no finding ${code}`);
    else partial(want, f.params, `params[${code}]`, errs);
  }
  for (const [code, text] of Object.entries(e.message ?? {})) {
    const f = report.findings.find((x) => x.code === code);
    if (!f || !f.message.includes(text)) errs.push(`message[${code}]: expected to contain ${JSON.stringify(text)}`);
  }
  return errs;
}
