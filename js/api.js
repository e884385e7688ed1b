// The JavaScript API of SPEC §8.2: the functions and the Standard Schema,
// over the wasm (runtime.js). Both entries export exactly this.
import * as glue from 'ldm-reseau-glue';
import { encode } from './encode.js';
import { emptyCycle, emptyTitle, encodeOptions, guarded, init, isReady } from './runtime.js';

export { init, initSync, isReady, ready, version } from './runtime.js';

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
      validate: (value) => (isReady() ? result(value) : init().then(() => result(value))),
    },
  };
}

/** The Standard Schema of a request, with the default options. */
export const schema = createSchema();
