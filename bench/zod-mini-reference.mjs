// The same Zod reference as bench/zod-reference.mjs, written with zod/mini: Zod 4's functional
// API, where wrappers are functions (z.optional, z.pipe, z.catchall) and refinements are checks
// (schema.check(z.refine(…), z.superRefine(…))), so that a bundler keeps only what is used.
// Same schemas, same rules (bench/zod-common.mjs), same findings: tests/js/zod-faithful.test.mjs
// checks both against ldm-reseau.
import * as z from 'zod/mini';
import {
  issue, raise, trim, readField, capList, blankIsAbsent, readTitle, readUai, scopeRules, STATUSES,
  memberRules, duplicateUais, isPlaceholder, requestRules, nestingRule, validator,
} from './zod-common.mjs';

// ————— Fields (SPEC §5 conventions: null is absent, a wrong type is reported then absent) —————

const field = (type, { nullIsAbsent = true } = {}) => z.pipe(z.optional(z.unknown()), z.transform(readField(type, nullIsAbsent)));
const then = (schema, fn) => z.pipe(schema, z.transform(fn));

const STRING = z.string();
const INTEGER = z.int().check(z.gt(-1e15), z.lt(1e15));
const ARRAY = z.array(z.unknown());
const OBJECT = z.looseObject({});

const str = field(STRING);
const text = then(str, blankIsAbsent);
const int = field(INTEGER);
const bool = field(z.boolean());
const list = (item) => z.pipe(field(ARRAY), z.optional(z.array(item)));
const capped = (item, max) => z.pipe(then(field(ARRAY), capList(max)), z.optional(z.array(item)));
const object = (schema) => z.pipe(field(OBJECT), z.optional(schema));
const oneOf = (values, code) => text.check(z.refine((v) => v === undefined || values.includes(v), issue(code)));

// ————— The request (SPEC §3) —————

const hasTitle = ({ value }) => value !== undefined && value.normalized !== '';
const Title = then(str, (raw) => (raw === undefined ? undefined : readTitle(raw))).check(
  z.refine((t) => !t.changed, { ...issue('title.whitespace'), when: hasTitle }),
  z.refine((t) => !t.forbidden, { ...issue('title.control_chars'), when: hasTitle }),
  z.refine((t) => t.length <= 100, { ...issue('title.too_long'), when: hasTitle }),
  z.refine((t) => !t.allCaps, { ...issue('title.all_caps'), when: hasTitle }),
  z.refine((t) => t.mention !== 'missing', { ...issue('title.mention_missing'), when: hasTitle }),
  z.refine((t) => t.mention !== 'misspelled', { ...issue('title.mention_misspelled'), when: hasTitle }),
  z.refine((t) => t.mention !== 'case', { ...issue('title.mention_case'), when: hasTitle }),
  z.refine((t) => !t.noPerimeter, { ...issue('title.no_perimeter'), when: hasTitle }),
);

const Territory = z.strictObject({ level: text, code: text, name: text });

const Scope = z
  .strictObject({
    type: oneOf(['sector', 'geographic'], 'scope.type_invalid'),
    sectors: capped(text, 100),
    territory: object(Territory),
  })
  .check(z.superRefine(scopeRules));

const wellFormed = ({ value }) => value?.wellFormed === true;
const Uai = then(str, (u) => (u === undefined || !trim(u) ? undefined : readUai(u))).check(
  z.refine((u) => u === undefined || u.wellFormed, issue('member.uai_format')),
  z.refine((u) => u.normalized === u.given, { ...issue('member.uai_normalized'), when: wellFormed }),
  z.refine((u) => u.letter === u.expected, { ...issue('member.uai_checksum'), when: wellFormed }),
  z.refine((u) => u.territory !== undefined, { ...issue('member.uai_prefix_unknown'), when: wellFormed }),
);

const Label = z.strictObject({
  status: oneOf(STATUSES, 'member.status_invalid').check(
    z.refine((s) => s !== 'none', issue('member.not_labelled')),
    z.refine((s) => s !== 'applying', issue('member.applying')),
  ),
  lastDecisionYear: int,
  sectors: list(text),
  title: str,
});

const Member = z.strictObject({ uai: Uai, name: text, label: object(Label) }).check(z.superRefine(memberRules));

const Members = z.pipe(
  field(ARRAY),
  z.optional(z.array(z.pipe(field(OBJECT, { nullIsAbsent: false }), z.optional(Member))).check(z.superRefine(duplicateUais))),
);

const Network = z.strictObject({ title: text, attributedYear: int });

/** The request schema for one criteria list (SPEC §5.5) and one default campaign year. */
function requestSchema(criteria, defaultYear) {
  const description = text.check(z.refine((d) => d === undefined || !isPlaceholder(d), issue('actions.placeholder')));
  const JointActions = z.catchall(
    z.object(Object.fromEntries(criteria.map((id) => [id, description]))),
    // Only a description counts: a null or blank entry is no description.
    text.check(z.superRefine((d, ctx) => d !== undefined && raise(ctx, 'actions.unknown_criterion'))),
  );
  return z
    .strictObject({
      kind: then(str, (k) => (k === undefined ? undefined : trim(k))).check(
        z.refine((k) => k === undefined || k === 'new' || k === 'join', issue('request.kind_invalid')),
      ),
      title: Title,
      scope: object(Scope),
      campusAvailable: bool.check(z.refine((b) => b !== true, issue('request.campus_available'))),
      campaignYear: int,
      members: Members,
      jointActions: object(JointActions),
      existingNetwork: object(Network),
    })
    .check(z.superRefine((req, ctx) => requestRules(req, ctx, criteria, defaultYear)));
}

/** SPEC §5.6: nothing deeper than 32 levels (the request is level 1); Zod has no depth limit. */
const Nesting = z.unknown().check(z.superRefine(nestingRule));

/** Checks a request with the zod/mini schema: `{ valid, findings, title, cycle }` (the fields of SPEC §4 the bench needs). */
export const validateWithZod = validator(requestSchema, Nesting);
