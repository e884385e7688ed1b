// Types of `ldm-reseau/form` (SPEC §8.3): everything `ldm-reseau` has, served
// by the wasm that also holds the form binding, plus attachForm.
import type { Options, Report } from './index.js';

export * from './index.js';

// Empty declarations that merge with the DOM's, so that a project without
// the DOM library still compiles.
declare global {
  interface HTMLFormElement {}
  interface Event {}
}

/** Options of attachForm: the validation options, plus a selector map. */
export interface AttachOptions extends Options {
  /**
   * Where the fields are, for a form without data-ldm attributes: the same
   * paths as data-ldm (`title`, `scope.type`, `members.uai`…), CSS selectors
   * as values; `members` selects the member rows.
   */
  selectors?: Record<string, string>;
}

/** What attachForm returns. */
export interface FormHandle {
  /** Removes every listener, message, attribute and element the binding added. */
  detach(): void;
  /** Checks the whole form now, shows every message, and returns the report. */
  validate(): Report | null;
  /** The last report (null before the first check). */
  readonly report: Report | null;
}

/**
 * Binds the rules to an existing form (SPEC §8.3): live messages, native
 * constraint validation, ARIA, error summary, title counter, cycle panel,
 * and an `ldm:report` CustomEvent after each check. Host constraints the
 * rules do not know (`required`, `pattern`…) are listed in the summary in
 * the words of `options.lang`. The binding sets no inline style: on a page
 * without DSFR, link the optional stylesheet `ldm-reseau/form.css`. The
 * module must be initialised.
 */
export function attachForm(form: HTMLFormElement, options?: AttachOptions): FormHandle;

/** The `ldm:report` event: a CustomEvent whose detail is the report. */
export interface ReportEvent extends Event {
  readonly detail: Report;
}

declare global {
  interface HTMLElementEventMap {
    'ldm:report': ReportEvent;
  }
}
