// The JavaScript API of SPEC §8.2, over the wasm functions. Values cross
// the boundary as text: `encode` reads any JS value within the input budget
// and writes host JSON, the wasm returns the report as JSON. Browsers call `init()` (or `await ready`)
// once; the Node entries initialise synchronously on import.

// The wasm-bindgen glue; scripts/build.mjs points this name at target/pkg*.
import * as glue from 'ldm-reseau-glue';
import { encode } from './encode.js';

/* global __LDM_VERSION__ */
/** The package version (equal to the crate version). */
export const version = __LDM_VERSION__;

let initialised = false;
let initPromise;

/**
 * Loads the wasm module. `input` is where to find `ldm_reseau_bg.wasm`
 * (a URL, a Response, bytes or a compiled module); by default the file
 * next to this module. Calling it again returns the same promise.
 */
export function init(input) {
  if (initialised) return Promise.resolve();
  if (!initPromise) {
    const arg = input === undefined ? undefined : { module_or_path: input };
    initPromise = glue.default(arg).then(
      () => {
        initialised = true;
      },
      (err) => {
        initPromise = undefined;
        throw err;
      },
    );
  }
  return initPromise;
}

/** Loads the wasm module synchronously from its bytes or a compiled module. */
export function initSync(bytesOrModule) {
  if (initialised) return;
  glue.initSync({ module: bytesOrModule });
  initialised = true;
}

/** A thenable: `await ready` initialises the module with its defaults. */
export const ready = Object.freeze({
  then: (ok, fail) => init().then(ok, fail),
  catch: (fail) => init().catch(fail),
  finally: (done) => init().finally(done),
});

/** Whether the module is initialised (the API is synchronous from then on). */
export function isReady() {
  return initialised;
}

function mustBeReady() {
  if (!initialised) {
    throw new Error('ldm-reseau: the module is not initialised yet; call `await init()` (or `await ready`) first.');
  }
}

/**
 * Runs one wasm call. Should the wasm ever trap (a Rust panic), the caller
 * still gets a report (`internal.error`) and the module is re-instantiated,
 * so the next call works.
 */
function guarded(run, options, fallback, keys = null) {
  mustBeReady();
  try {
    return withKeys(JSON.parse(run()), keys);
  } catch (err) {
    recover();
    return fallback(internalFinding(options, err));
  }
}

function recover() {
  try {
    const module = glue.__ldmModule();
    glue.__ldmReset();
    glue.initSync({ module });
  } catch {
    initialised = false;
  }
}

// The finding that says a call failed. Its words come from the wasm, like
// every message, once the module is instantiated again; should that fail
// too, the reason alone is all there is to say.
function internalFinding(options, err) {
  let reason = 'unknown';
  try {
    reason = String((err && err.message) || err);
  } catch {
    // An error object that cannot be read.
  }
  try {
    if (initialised) return JSON.parse(glue.internalErrorJson(encodeOptions(options), reason));
  } catch {
    // The fresh module failed as well.
  }
  return { code: 'internal.error', severity: 'error', path: [], message: reason, params: { reason } };
}

function emptyTitle() {
  return { normalized: '', length: 0, max: 100, remaining: 100, mention: 'missing', suggestion: null };
}

// The campaign year when the wasm could not say: that of options.today, as
// the Rust side reads it, else the host's.
function fallbackYear(options) {
  try {
    const today = options && options.today;
    const text = today instanceof Date ? today.toISOString() : today;
    if (typeof text === 'string' && /^\d{4}-\d\d-\d\d/.test(text)) return Number(text.slice(0, 4));
  } catch {
    // An unreadable today: the host's year, as for an unusable one.
  }
  return new Date().getFullYear();
}

function emptyCycle(options) {
  const year = fallbackYear(options);
  return {
    case: null,
    jointLabelling: false,
    campaignYear: year,
    members: [],
    appellationYears: 5,
    appellationEnds: year + 5,
    options: [],
    reviews: [],
  };
}

// Options are read like a request (SPEC §5.6): whatever cannot be used is
// an `options.invalid` finding, never an exception. A `Date` as `today`
// becomes its JSON form, whose date part (UTC) is the day.
function encodeOptions(options) {
  return options === undefined || options === null ? '{}' : encode(options, 'options').text;
}

// Field names that crossed as placeholders are put back in every path, so
// that each path reads, with plain property access, the value it is about.
function withKeys(report, keys) {
  if (keys === null) return report;
  const back = (seg) => (typeof seg === 'string' && keys.has(seg) ? keys.get(seg) : seg);
  for (const f of report.findings ?? []) f.path = f.path.map(back);
  return report;
}

/** Checks a request (SPEC §5); returns the report of SPEC §4. Never throws on input. */
export function validateRequest(request, options) {
  const { text, keys } = encode(request);
  return guarded(
    () => glue.validateJson(text, encodeOptions(options)),
    options,
    (finding) => ({ valid: false, findings: [finding], title: emptyTitle(), cycle: emptyCycle(options) }),
    keys,
  );
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
 * and infos do not block a form.
 */
export function createSchema(options) {
  const result = (value) => {
    const report = validateRequest(value, options);
    const issues = report.findings
      .filter((f) => f.severity === 'error')
      .map((f) => ({ message: f.message, path: f.path, code: f.code, params: f.params }));
    return issues.length === 0 ? { value } : { issues };
  };
  return {
    '~standard': {
      version: 1,
      vendor: 'ldm-reseau',
      validate: (value) => (initialised ? result(value) : init().then(() => result(value))),
    },
  };
}

/** The Standard Schema of a request, with the default options. */
export const schema = createSchema();

/**
 * Binds the rules to an existing form (SPEC §8.3), through `data-ldm`
 * attributes or `options.selectors` ({ path: CSS selector }). Returns
 * `{ detach(), validate(), report }`.
 */
export function attachForm(form, options) {
  mustBeReady();
  let selectors;
  let rest = options;
  try {
    ({ selectors, ...rest } = options && typeof options === 'object' ? options : {});
  } catch {
    // Options that cannot be read: the encoder reports them (options.invalid).
  }
  let inner = glue.attachFormJson(form, encodeOptions(rest), encode(selectors ?? {}, 'options').text);
  const parse = (json) => (json ? JSON.parse(json) : null);
  return {
    /** Removes every listener, message and mark the binding added. */
    detach() {
      if (!inner) return;
      inner.detach();
      inner.free();
      inner = null;
    },
    /** Checks the whole form now, shows every message, returns the report. */
    validate() {
      if (!inner) return null;
      try {
        return parse(inner.validate());
      } catch (err) {
        // The page keeps working; the module is not re-instantiated here,
        // as that would cut the form's own listeners from it.
        return { valid: false, findings: [internalFinding(rest, err)], title: emptyTitle(), cycle: emptyCycle(options) };
      }
    },
    /** The last report, or null before the first check. */
    get report() {
      return inner ? parse(inner.report()) : null;
    },
  };
}
