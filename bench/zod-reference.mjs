// The rules of ldm-reseau (SPEC §5) written by hand with Zod 4, as a front-end team would: the
// reference the benchmark compares the Rust→wasm validator with, and that
// tests/js/zod-faithful.test.mjs keeps in agreement with it on the shared cases.
// bench/zod-mini-reference.mjs declares the same schemas with zod/mini; the rules both call are
// in bench/zod-common.mjs.
//
// Shape: one z.strictObject per object of the request (SPEC §3), field schemas carrying the
// per-field rules as refinements, the parent's .superRefine for the rules that read several
// fields (presence, campaign year, members × scope, title × scope, cycle, join). Every rule
// raises a Zod "custom" issue whose params.code is our code; Zod's own unrecognized_keys
// issues become request.unknown_field.
import { z } from 'zod';
import {
  issue, raise, trim, readField, capList, blankIsAbsent, readTitle, readUai, scopeRules, STATUSES,
  memberRules, duplicateUais, isPlaceholder, requestRules, nestingRule, validator,
} from './zod-common.mjs';

// ————— Fields (SPEC §5 conventions: null is absent, a wrong type is reported then absent) —————

const field = (type, { nullIsAbsent = true } = {}) => z.unknown().optional().transform(readField(type, nullIsAbsent));

const STRING = z.string();
const INTEGER = z.int().gt(-1e15).lt(1e15);
const ARRAY = z.array(z.unknown());
const OBJECT = z.looseObject({});

const str = field(STRING);
const text = str.transform(blankIsAbsent);
const int = field(INTEGER);
const bool = field(z.boolean());
const list = (item) => field(ARRAY).pipe(z.array(item).optional());
const capped = (item, max) => field(ARRAY).transform(capList(max)).pipe(z.array(item).optional());
const object = (schema) => field(OBJECT).pipe(schema.optional());
const oneOf = (values, code) => text.refine((v) => v === undefined || values.includes(v), issue(code));

// ————— The request (SPEC §3) —————

const hasTitle = ({ value }) => value !== undefined && value.normalized !== '';
const Title = str
  .transform((raw) => (raw === undefined ? undefined : readTitle(raw)))
  .refine((t) => !t.changed, { ...issue('title.whitespace'), when: hasTitle })
  .refine((t) => !t.forbidden, { ...issue('title.control_chars'), when: hasTitle })
  .refine((t) => t.length <= 100, { ...issue('title.too_long'), when: hasTitle })
  .refine((t) => !t.allCaps, { ...issue('title.all_caps'), when: hasTitle })
  .refine((t) => t.mention !== 'missing', { ...issue('title.mention_missing'), when: hasTitle })
  .refine((t) => t.mention !== 'misspelled', { ...issue('title.mention_misspelled'), when: hasTitle })
  .refine((t) => t.mention !== 'case', { ...issue('title.mention_case'), when: hasTitle })
  .refine((t) => !t.noPerimeter, { ...issue('title.no_perimeter'), when: hasTitle });

const Territory = z.strictObject({ level: text, code: text, name: text });

const Scope = z
  .strictObject({
    type: oneOf(['sector', 'geographic'], 'scope.type_invalid'),
    sectors: capped(text, 100),
    territory: object(Territory),
  })
  .superRefine(scopeRules);

const wellFormed = ({ value }) => value?.wellFormed === true;
const Uai = str
  .transform((u) => (u === undefined || !trim(u) ? undefined : readUai(u)))
  .refine((u) => u === undefined || u.wellFormed, issue('member.uai_format'))
  .refine((u) => u.normalized === u.given, { ...issue('member.uai_normalized'), when: wellFormed })
  .refine((u) => u.letter === u.expected, { ...issue('member.uai_checksum'), when: wellFormed })
  .refine((u) => u.territory !== undefined, { ...issue('member.uai_prefix_unknown'), when: wellFormed });

const Label = z.strictObject({
  status: oneOf(STATUSES, 'member.status_invalid')
    .refine((s) => s !== 'none', issue('member.not_labelled'))
    .refine((s) => s !== 'applying', issue('member.applying')),
  lastDecisionYear: int,
  sectors: list(text),
  title: str,
});

const Member = z.strictObject({ uai: Uai, name: text, label: object(Label) }).superRefine(memberRules);

const Members = field(ARRAY).pipe(
  z.array(field(OBJECT, { nullIsAbsent: false }).pipe(Member.optional())).superRefine(duplicateUais).optional(),
);

const Network = z.strictObject({ title: text, attributedYear: int });

/** The request schema for one criteria list (SPEC §5.5) and one default campaign year. */
function requestSchema(criteria, defaultYear) {
  const description = text.refine((d) => d === undefined || !isPlaceholder(d), issue('actions.placeholder'));
  const JointActions = z
    .object(Object.fromEntries(criteria.map((id) => [id, description])))
    // Only a description counts: a null or blank entry is no description.
    .catchall(text.superRefine((d, ctx) => d !== undefined && raise(ctx, 'actions.unknown_criterion')));
  return z
    .strictObject({
      kind: str
        .transform((k) => (k === undefined ? undefined : trim(k)))
        .refine((k) => k === undefined || k === 'new' || k === 'join', issue('request.kind_invalid')),
      title: Title,
      scope: object(Scope),
      campusAvailable: bool.refine((b) => b !== true, issue('request.campus_available')),
      campaignYear: int,
      members: Members,
      jointActions: object(JointActions),
      existingNetwork: object(Network),
    })
    .superRefine((req, ctx) => requestRules(req, ctx, criteria, defaultYear));
}

/** SPEC §5.6: nothing deeper than 32 levels (the request is level 1); Zod has no depth limit. */
const Nesting = z.unknown().superRefine(nestingRule);

/** Checks a request with the Zod schema: `{ valid, findings, title, cycle }` (the fields of SPEC §4 the bench needs). */
export const validateWithZod = validator(requestSchema, Nesting);
