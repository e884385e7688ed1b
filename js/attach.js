// attachForm (SPEC §8.3), over the form binding of the wasm of
// `ldm-reseau/form`.
import * as glue from 'ldm-reseau-glue';
import { encode } from './encode.js';
import { emptyCycle, emptyTitle, encodeOptions, internalFinding, mustBeReady } from './runtime.js';

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
        return inner.validate();
      } catch (err) {
        // The page keeps working; the module is not re-instantiated here,
        // as that would cut the form's own listeners from it.
        return { valid: false, findings: [internalFinding(rest, err)], title: emptyTitle(), cycle: emptyCycle(options) };
      }
    },
    /** The last report, or null before the first check. */
    get report() {
      return inner ? inner.report() : null;
    },
  };
}
