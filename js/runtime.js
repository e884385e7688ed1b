// The wasm module behind the API: loading it, and guarded calls into it.
// Values go in as text (`encode` reads any JS value within the input budget
// and writes host JSON); reports come back as plain objects. Browsers call
// `init()` (or `await ready`) once; the Node entries initialise
// synchronously on import. Internal: the entries re-export only api.js.

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

export function mustBeReady() {
  if (!initialised) {
    throw new Error('ldm-reseau: the module is not initialised yet; call `await init()` (or `await ready`) first.');
  }
}

/**
 * Runs one wasm call. Should the wasm ever trap (a Rust panic), the caller
 * still gets a report (`internal.error`) and the module is re-instantiated,
 * so the next call works.
 */
export function guarded(run, options, fallback, keys = null) {
  mustBeReady();
  try {
    return withKeys(run(), keys);
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
export function internalFinding(options, err) {
  let reason = 'unknown';
  try {
    reason = String((err && err.message) || err);
  } catch {
    // An error object that cannot be read.
  }
  try {
    if (initialised) return glue.internalErrorJson(encodeOptions(options), reason);
  } catch {
    // The fresh module failed as well.
  }
  return { code: 'internal.error', severity: 'error', path: [], message: reason, params: { reason } };
}

export function emptyTitle() {
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

export function emptyCycle(options) {
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
export function encodeOptions(options) {
  return options === undefined || options === null ? '{}' : encode(options, 'options').text;
}

// Field names that crossed as placeholders are put back in every path, so
// that each path reads, with plain property access, the value it is about.
export function withKeys(report, keys) {
  if (keys === null) return report;
  const back = (seg) => (typeof seg === 'string' && keys.has(seg) ? keys.get(seg) : seg);
  for (const f of report.findings ?? []) f.path = f.path.map(back);
  return report;
}

