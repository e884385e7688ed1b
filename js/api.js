// The JavaScript API of SPEC §8.2: the functions and the Standard Schema,
// over the wasm (runtime.js). Both entries export exactly this.
import * as glue from 'ldm-reseau-glue';
import { encode } from './encode.js';
import { emptyCycle, emptyTitle, encodeOptions, guarded, init, isReady } from './runtime.js';
import requestSchema from '../data/request.schema.json' with { type: 'json' };

export { init, initSync, isReady, ready, version } from './runtime.js';

/** Checks a request (SPEC §5); returns the report of SPEC §4. Never throws on input. */
export function validateRequest(request, options) {
  return check(request, options)[0];
}

// The report, and the request's host JSON as it was read (with the map of
// the field names that crossed as placeholders).
function check(request, options) {
  const { text, keys } = encode(request);
  const report = guarded(
    () => glue.validateJson(text, encodeOptions(options)),
    options,
    (finding) => ({ valid: false, findings: [finding], title: emptyTitle(), cycle: emptyCycle(options) }),
    keys,
  );
  return [report, text, keys];
}

/** Checks a title alone; returns `{ valid, findings, title }`. */
export function checkTitle(title, options) {
  const text = typeof title === 'string' ? encode(title).text : '""';
  return guarded(() => glue.checkTitleJson(text, encodeOptions(options)), options, (finding) => ({
    valid: false,
    findings: [finding],
    title: emptyTitle(),
  }));
}

/** Checks one UAI; returns `{ valid, normalized, findings, territory }`. */
export function checkUai(uai, options) {
  const text = typeof uai === 'string' ? encode(uai).text : '""';
  return guarded(() => glue.checkUaiJson(text, encodeOptions(options)), options, (finding) => ({
    valid: false,
    normalized: '',
    findings: [finding],
    territory: null,
  }));
}

/** The cycle block of a request (SPEC §5.4). */
export function cycleCase(request, options) {
  return guarded(() => glue.cycleJson(encode(request).text, encodeOptions(options)), options, (finding) => ({
    ...emptyCycle(options),
    error: finding,
  }));
}

/**
 * A Standard Schema v1 validator for the request, with these options.
 * `validate` is synchronous once the module is initialised (before that it
 * returns a promise that initialises it). Only errors are issues: warnings
 * and infos do not block a form. On success `value` is the request as it
 * will be sent (see `sent`). The Standard JSON Schema interface gives the
 * JSON Schema of a request (data/request.schema.json).
 */
export function createSchema(options) {
  const result = (input) => {
    const [report, text, keys] = check(input, options);
    const issues = report.findings
      .filter((f) => f.severity === 'error')
      .map((f) => ({ message: f.message, path: f.path, code: f.code, params: f.params }));
    return issues.length === 0 ? { value: sent(report, text, keys, input) } : { issues };
  };
  return {
    '~standard': {
      version: 1,
      vendor: 'ldm-reseau',
      validate: (value) => (isReady() ? result(value) : init().then(() => result(value))),
      jsonSchema: { input: jsonSchema, output: jsonSchema },
    },
  };
}

// A valid request as it will be sent (SPEC §8.2): a copy made from what was
// checked, its JSON form, never from the input again (a getter or a Proxy
// could give something else, or throw). What JSON cannot carry in an
// unknown field (a BigInt, a cycle, an unreadable value, a lone surrogate)
// is null there. The title is the report's normalised one, each UAI the
// normalised one of the cycle block, and the filières are trimmed.
function sent(report, text, keys, input) {
  try {
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      // The host JSON's bare tokens (outside strings) become null.
      value = JSON.parse(text.replace(/("[^"\\]*(?:\\.[^"\\]*)*")|@\w+/g, (token, string) => string || 'null'));
    }
    if (keys) value = restore(value, keys);
    value.title = report.title.normalized;
    for (const m of report.cycle.members) value.members[m.index].uai = m.uai;
    for (const o of [value.scope, ...value.members.map((m) => m.label)]) {
      if (o && Array.isArray(o.sectors)) o.sectors = o.sectors.map((s) => (typeof s === 'string' ? trim(s) : s));
    }
    return value;
  } catch {
    // Not reached for a request the report finds valid.
    return input;
  }
}

// The white space the rules trim: Rust's, that is JavaScript's but U+FEFF,
// and U+0085.
const SPACE = /(?!\uFEFF)[\s\x85]/;

// Trims it in linear time (a regex /\s+$/ is quadratic on a long run).
function trim(s) {
  let a = 0;
  let b = s.length;
  while (a < b && SPACE.test(s[a])) a++;
  while (b > a && SPACE.test(s[b - 1])) b--;
  return s.slice(a, b);
}

// The field names that crossed as placeholders, put back.
function restore(v, keys) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((item) => restore(item, keys));
  return Object.fromEntries(Object.entries(v).map(([k, item]) => [keys.get(k) ?? k, restore(item, keys)]));
}

// Standard JSON Schema: the request's JSON Schema, draft 2020-12 only. The
// normalised request is a request: `output` is the same schema.
function jsonSchema(options) {
  const target = options && options.target;
  if (target !== undefined && target !== 'draft-2020-12') {
    throw new TypeError(`ldm-reseau: unsupported JSON Schema target ${String(target)} (draft-2020-12 only)`);
  }
  return JSON.parse(JSON.stringify(requestSchema));
}

/** The Standard Schema of a request, with the default options. */
export const schema = createSchema();
