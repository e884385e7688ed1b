// What the two Zod references of the benchmark share: bench/zod-reference.mjs (Zod 4 classic) and
// bench/zod-mini-reference.mjs (zod/mini) declare the same schemas, each with its own API; the
// rules they call, the text and title analysis, the territories table, the UAI reading, and the
// turning of Zod's issues into findings are here, written once, in plain JavaScript.
//
// A rule raises a Zod "custom" issue whose params.code is our code, by pushing it onto the
// parse context's issues (ctx.issues, the same in both APIs, in a check or in a transform);
// every issue is continuable, so that — as SPEC §5 asks — one wrong field never hides the rules
// of the others.
import { readFileSync } from 'node:fs';

// ————— Codes —————

const WARNINGS = new Set([
  'title.mention_case', 'title.whitespace', 'title.all_caps', 'title.perimeter_mismatch', 'scope.sector_duplicate',
  'member.uai_normalized', 'member.uai_prefix_unknown', 'member.renewal_due', 'join.title_differs',
  'actions.placeholder', 'actions.unknown_criterion', 'request.unknown_field',
]);
const INFOS = new Set([
  'scope.territory_unchecked', 'member.applying',
  'cycle.case_a', 'cycle.case_b', 'cycle.case_c', 'cycle.case_d', 'cycle.joint_labelling',
]);
const severity = (code) => (INFOS.has(code) ? 'info' : WARNINGS.has(code) ? 'warning' : 'error');

const MESSAGES = {
  'title.missing': 'The title is missing.',
  'title.too_long': 'The title is longer than 100 characters, the mention included.',
  'title.mention_missing': 'The title lacks the mention « Lycée(s) des métiers en réseau ».',
  'title.mention_misspelled': 'The mention « Lycée(s) des métiers en réseau » is misspelled.',
  'title.mention_case': 'The mention is written with other capitals.',
  'title.whitespace': 'Spaces of the title were trimmed or folded.',
  'title.control_chars': 'The title holds a line break, a control or an invisible character.',
  'title.all_caps': 'The title is written in capitals.',
  'title.no_perimeter': 'The title must name the scope of the network, not only the mention.',
  'title.perimeter_mismatch': 'The title names neither the territory nor a filière of the scope.',
  'scope.type_missing': 'The scope type is missing.',
  'scope.type_invalid': 'The scope type must be sector or geographic.',
  'scope.sectors_missing': 'A sector scope needs at least one filière.',
  'scope.sector_duplicate': 'This filière is listed twice.',
  'scope.sector_not_common': 'This filière is not among the label filières of a member.',
  'scope.territory_missing': 'The territory, its level or its code is missing.',
  'scope.territory_level_invalid': 'Unknown territory level.',
  'scope.territory_unknown': 'No such département, académie or région académique.',
  'scope.member_outside_territory': 'This member lies outside the territory.',
  'scope.territory_unchecked': 'Membership of a bassin or other territory cannot be checked from UAIs.',
  'members.too_few': 'Too few members.',
  'member.uai_missing': 'The UAI is missing.',
  'member.uai_format': 'A UAI is 7 digits followed by a letter.',
  'member.uai_normalized': 'Spaces or lower case were fixed in the UAI.',
  'member.uai_checksum': 'Wrong check letter.',
  'member.uai_prefix_unknown': 'The first three digits of the UAI are no known département.',
  'member.duplicate': 'This UAI is listed twice.',
  'member.not_labelled': 'The establishment must hold the label first.',
  'member.status_missing': 'The label status is missing.',
  'member.status_invalid': 'Unknown label status.',
  'member.label_expired': 'The label ended before the campaign and no renewal is requested.',
  'member.renewal_due': 'The label ends this campaign: request its renewal now.',
  'member.decision_year_missing': 'The year of the last label decision is missing.',
  'member.decision_year_invalid': 'The year of the last label decision is after the campaign or before 2001.',
  'member.applying': 'This establishment enters labelling with this request.',
  'request.campus_available': 'A CMQ could carry the purpose of this network.',
  'request.kind_invalid': 'The kind must be new or join.',
  'join.network_missing': 'The network to join, or its year, is missing.',
  'join.network_expired': "The network's appellation has ended.",
  'join.network_year_invalid': "The network's year of attribution cannot be right.",
  'request.too_large': 'Too many entries: only the first ones are checked.',
  'request.invalid_text': 'This text holds an incomplete character.',
  'join.title_differs': "The title differs from the network's.",
  'cycle.case_a': 'Case a.', 'cycle.case_b': 'Case b.', 'cycle.case_c': 'Case c.', 'cycle.case_d': 'Case d.',
  'cycle.joint_labelling': 'Labelling and appellation are examined together.',
  'actions.missing': 'Describe the joint actions for this criterion.',
  'actions.placeholder': 'This description is only a placeholder.',
  'actions.unknown_criterion': 'Unknown criterion.',
  'request.invalid_type': 'This field has the wrong type.',
  'request.unknown_field': 'Unknown field.',
  'request.not_an_object': 'The request is not an object.',
  'request.too_deep': 'The request is nested deeper than 32 levels.',
};

/** The params of a refinement that raises one of our codes. */
export const issue = (code) => ({ error: MESSAGES[code], params: { code } });

/** Raises one of our codes from a superRefine or a transform (continuable: the rules after it still run). */
export const raise = (ctx, code, path = []) =>
  ctx.issues.push({ code: 'custom', message: MESSAGES[code], params: { code }, path, input: ctx.value, continue: true });

// ————— Text (SPEC §5.1: Rust's white space, Unicode classes, folding without accents) —————

const WS = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const TRIM = new RegExp(`^[${WS}]+|[${WS}]+$`, 'g');
const ALL_WS = new RegExp(`[${WS}]+`, 'g');
export const trim = (s) => s.replace(TRIM, '');
const BLANK_RUN = /[\p{Zs}\t]+/gu;
const SPACE_SEPARATOR = /^\p{Zs}$/u;
const ALNUM = /^[\p{Alphabetic}\p{N}]$/u;
const FORBIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const UPPER = /\p{Uppercase}/gu;
const LOWER = /\p{Lowercase}/u;
const isAlnum = (c) => c !== undefined && ALNUM.test(c);

/** Lower case for the Latin letters only (ASCII, Latin-1, Extended-A and Additional). */
function latinLower(n) {
  if (n <= 0x7f) return n >= 0x41 && n <= 0x5a ? n + 0x20 : n;
  if (n >= 0xc0 && n <= 0xde && n !== 0xd7) return n + 0x20;
  const even = (n >= 0x100 && n <= 0x137) || (n >= 0x14a && n <= 0x177) || (n >= 0x1e00 && n <= 0x1e95) || (n >= 0x1ea0 && n <= 0x1eff);
  if (even && n % 2 === 0) return n + 1;
  if (((n >= 0x139 && n <= 0x148) || (n >= 0x179 && n <= 0x17e)) && n % 2 === 1) return n + 1;
  return n === 0x178 ? 0xff : n;
}

const BASE_E0 = 'aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll....nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.';
const BASE_1E00 = 'aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......';
const isCombining = (n) => (n >= 0x300 && n <= 0x36f) || (n >= 0x1ab0 && n <= 0x1aff) || (n >= 0x1dc0 && n <= 0x1dff) || (n >= 0x20d0 && n <= 0x20ff) || (n >= 0xfe20 && n <= 0xfe2f);

/** One character without accent and in lower case; ligatures spelled out, combining accents dropped. */
function fold(c) {
  const n = latinLower(c.codePointAt(0));
  if (n === 0x153) return 'oe';
  if (n === 0xe6) return 'ae';
  if (n === 0xdf) return 'ss';
  const base = n <= 0x7f ? String.fromCharCode(n) : n >= 0xe0 && n <= 0x17f ? BASE_E0[n - 0xe0] : n >= 0x1e00 && n <= 0x1eff ? BASE_1E00[n - 0x1e00] : '.';
  if (base !== '.') return base;
  return isCombining(n) ? '' : String.fromCodePoint(n);
}

/** How two filières are compared: no accents, no capitals, spaces folded. */
const foldKey = (s) => s.split(ALL_WS).filter(Boolean).map((w) => Array.from(w, fold).join('')).join(' ');

/** The words of a name, folded: apostrophes, hyphens and punctuation separate words. */
function foldedWords(s) {
  let out = '';
  for (const c of s) out += isAlnum(c) ? fold(c) : ' ';
  return out.split(' ').filter(Boolean);
}
/** The words of `needle` appear in `hay` in their order, other words allowed between them. */
function containsWords(hay, needle) {
  let k = 0;
  for (const word of hay) if (k < needle.length && word === needle[k]) k++;
  return needle.length > 0 && k === needle.length;
}

// ————— Title (SPEC §5.1) —————

const MENTION = Array.from('Lycée(s) des métiers en réseau');
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** NFC, ends trimmed, runs of spaces and tabs folded (a lone no-break space is typography). */
function normalizeTitle(raw) {
  const nfc = raw.normalize('NFC');
  const normalized = trim(nfc).replace(BLANK_RUN, (run) => (run === '\u00a0' || run === '\u202f' ? run : ' '));
  return { normalized, changed: normalized !== nfc };
}

const boundary = (chars, i) => !isAlnum(chars[i]);

/** The mention, exact or caseless, as words of its own; else a near form (fuzzy). */
function findMention(chars) {
  const n = MENTION.length;
  const plain = (c) => (SPACE_SEPARATOR.test(c) ? ' ' : c);
  const window = (eq) => {
    for (let i = 0; i + n <= chars.length; i++) {
      let k = 0;
      while (k < n && eq(plain(chars[i + k]), MENTION[k])) k++;
      if (k === n && boundary(chars, i - 1) && boundary(chars, i + n)) return i;
    }
    return -1;
  };
  let i = window((a, b) => a === b);
  if (i >= 0) return { mention: 'exact', start: i, end: i + n };
  i = window((a, b) => latinLower(a.codePointAt(0)) === latinLower(b.codePointAt(0)));
  if (i >= 0) return { mention: 'case', start: i, end: i + n };
  const span = fuzzy(chars, 'desmetiersenreseau');
  return span && { mention: 'misspelled', start: span[0], end: span[1] };
}

/** « lycée » + a form of « (s) » + `tail`, ignoring accents, capitals, spaces and hyphens. */
function fuzzy(chars, tail) {
  const skeleton = [];
  chars.forEach((c, i) => {
    if (SPACE_SEPARATOR.test(c) || c === '\t' || c === '-' || c === '\u2010' || c === '_') return;
    for (const f of fold(c)) skeleton.push([f, i]);
  });
  const expect = (at, word) => {
    if (at + word.length > skeleton.length) return -1;
    for (let k = 0; k < word.length; k++) if (skeleton[at + k][0] !== word[k]) return -1;
    return at + word.length;
  };
  for (let p = 0; p < skeleton.length; p++) {
    const start = skeleton[p][1];
    if (skeleton[p][0] !== 'l' || !boundary(chars, start - 1)) continue;
    const q = expect(p, 'lycee');
    if (q < 0) continue;
    for (const r of pluralForms(skeleton, q)) {
      const end = expect(r, tail);
      if (end < 0) continue;
      for (const e of skeleton[end]?.[0] === 'x' ? [end + 1, end] : [end]) {
        const last = skeleton[e - 1][1];
        if (boundary(chars, last + 1)) return [start, last + 1];
      }
    }
  }
  return null;
}

/** Where « lycée » can go on through a form of « (s) »: nothing, s, (s), (es), s(s), [s]… */
function pluralForms(skeleton, at) {
  const is = (i, set) => i < skeleton.length && set.includes(skeleton[i][0]);
  const forms = [at];
  if (is(at, 's')) forms.push(at + 1);
  for (const from of [...forms]) {
    if (!is(from, '([')) continue;
    let i = from + 1;
    for (const optional of 'es') if (is(i, optional)) i++;
    if (is(i, ')]')) forms.push(i + 1);
  }
  return forms.reverse();
}

// The title schema and the report both need the analysis: it is kept for the length of one
// validateWithZod call (never across calls, which would flatter the benchmark).
let lastTitle = null;
/** Everything the title rules and the report need about one title. */
export function readTitle(raw) {
  if (lastTitle?.raw !== raw) lastTitle = { raw, info: analyseTitle(raw) };
  return lastTitle.info;
}
function analyseTitle(raw) {
  const { normalized, changed } = normalizeTitle(raw);
  let length = 0;
  for (const _ of graphemes.segment(normalized)) length++;
  const info = { raw, normalized, changed, length, mention: 'missing', noPerimeter: false, forbidden: false, allCaps: false };
  if (!normalized) return info;
  const chars = Array.from(normalized);
  info.forbidden = FORBIDDEN.test(normalized);
  info.allCaps = (normalized.match(UPPER)?.length ?? 0) >= 2 && !LOWER.test(normalized);
  const found = findMention(chars);
  if (found) {
    info.mention = found.mention;
    info.noPerimeter = !chars.some((c, i) => (i < found.start || i >= found.end) && isAlnum(c));
  }
  return info;
}

// ————— Territories (SPEC §7, data/territories.tsv) —————

const TERRITORIES = readFileSync(new URL('../data/territories.tsv', import.meta.url), 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line.trim())
  .map((line) => {
    const [uaiPrefix, departement, departementName, academie, academieName, region, regionName] = line.replace(/\r$/, '').split('\t');
    const words = (s) => (s ? foldedWords(s).join(' ') : null);
    return {
      uaiPrefix, departement, departementName, academie, academieName,
      region: region || null, regionName: regionName || null,
      number: /^[0-9]+$/.test(departement) ? Number(departement) : null,
      keys: {
        departement: [words(departement), words(departementName)],
        academie: [words(academie), words(academieName)],
        region_academique: [words(region), words(regionName)].filter(Boolean),
      },
    };
  });
const BY_PREFIX = new Map(TERRITORIES.map((t) => [t.uaiPrefix, t]));
const AREA_LEVELS = new Set(['departement', 'academie', 'region_academique']);

/** The département (code, « 057 », name), académie or région académique (slug or name) a code names. */
function findArea(level, code) {
  const words = foldedWords(code).join(' ');
  const number = /^\+?[0-9]+$/.test(code) && Number(code) <= 0xffffffff ? Number(code) : null;
  const row = TERRITORIES.find(
    (t) => (level === 'departement' && number !== null && t.number === number) || (words && t.keys[level].includes(words)),
  );
  if (!row) return null;
  const field = { departement: 'departement', academie: 'academie', region_academique: 'region' }[level];
  return {
    name: { departement: row.departementName, academie: row.academieName, region_academique: row.regionName }[level],
    contains: (t) => t[field] === row[field],
  };
}

// ————— UAI (SPEC §5.3) —————

const CHECK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const UAI_FORMAT = /^[0-9]{7}[A-Z]$/;

export function readUai(given) {
  const normalized = given.replace(ALL_WS, '').replace(/[a-z]+/g, (s) => s.toUpperCase());
  const wellFormed = UAI_FORMAT.test(normalized);
  return {
    given, normalized, wellFormed,
    letter: normalized[7],
    expected: wellFormed ? CHECK_LETTERS[Number(normalized.slice(0, 7)) % 23] : undefined,
    territory: wellFormed ? BY_PREFIX.get(normalized.slice(0, 3)) : undefined,
  };
}

// ————— Fields (SPEC §5 conventions) —————

/**
 * The transform of a field as SPEC §5 reads it: null is absent; a value of another type is
 * reported (request.invalid_type) and then treated as absent, so that the field's own "missing"
 * rule — in its parent's refinement — fires too. `type` is the Zod schema of the type.
 */
export const readField = (type, nullIsAbsent) => (value, ctx) => {
  if (value == null && nullIsAbsent) return undefined;
  // A lone UTF-16 surrogate cannot be sent as text (SPEC §5.6).
  if (typeof value === 'string' && !value.isWellFormed()) {
    raise(ctx, 'request.invalid_text');
    return undefined;
  }
  if (type.safeParse(value).success) return value;
  raise(ctx, 'request.invalid_type');
  return undefined;
};

/** The transform of a list of at most `max` entries: the ones past it are not checked (SPEC §5.6). */
export const capList = (max) => (items, ctx) => {
  if (items === undefined || items.length <= max) return items;
  raise(ctx, 'request.too_large');
  return items.slice(0, max);
};

/** A blank text is an absent one. */
export const blankIsAbsent = (s) => (s === undefined ? undefined : trim(s) || undefined);

// ————— Rules of one object (the refinements of the scope, a member, the members list) —————

const LEVELS = ['departement', 'academie', 'region_academique', 'bassin', 'other'];

/** The scope's own rules (SPEC §5.2), on the scope as its schema parsed it. */
export function scopeRules(scope, ctx) {
  if (scope.type === undefined) return raise(ctx, 'scope.type_missing', ['type']);
  if (scope.type === 'sector') {
    const seen = new Set();
    (scope.sectors ?? []).forEach((sector, j) => {
      if (sector === undefined) return;
      const key = foldKey(sector);
      if (seen.has(key)) raise(ctx, 'scope.sector_duplicate', ['sectors', j]);
      seen.add(key);
    });
    if (seen.size === 0) raise(ctx, 'scope.sectors_missing', ['sectors']);
    return;
  }
  if (scope.type !== 'geographic') return;
  const t = scope.territory;
  if (!t) return raise(ctx, 'scope.territory_missing', ['territory']);
  if (!t.level) raise(ctx, 'scope.territory_missing', ['territory', 'level']);
  if (!t.code) raise(ctx, 'scope.territory_missing', ['territory', 'code']);
  if (!t.level) return;
  if (!LEVELS.includes(t.level)) return raise(ctx, 'scope.territory_level_invalid', ['territory', 'level']);
  if (!AREA_LEVELS.has(t.level)) return raise(ctx, 'scope.territory_unchecked', ['territory', 'level']);
  if (t.code && !findArea(t.level, t.code)) raise(ctx, 'scope.territory_unknown', ['territory', 'code']);
}

export const STATUSES = ['labelled', 'renewal_requested', 'applying', 'none'];

/** A member's required fields. */
export function memberRules(m, ctx) {
  if (m.uai === undefined) raise(ctx, 'member.uai_missing', ['uai']);
  if (m.label?.status === undefined) raise(ctx, 'member.status_missing', ['label', 'status']);
}

/** No UAI twice in the members list. */
export function duplicateUais(members, ctx) {
  const seen = new Set();
  members.forEach((m, i) => {
    if (!m?.uai?.wellFormed) return;
    if (seen.has(m.uai.normalized)) raise(ctx, 'member.duplicate', [i, 'uai']);
    seen.add(m.uai.normalized);
  });
}

const PLACEHOLDERS = new Set([
  'todo', 'to do', 'tbd', 'a completer', 'a remplir', 'a rediger', 'a venir', 'a definir', 'a faire',
  'a preciser', 'en cours', 'en cours de redaction', 'texte', 'description', 'lorem ipsum', 'test',
]);
/** Only punctuation or x's, or a phrase typed to come back later (SPEC §5.5). */
export function isPlaceholder(description) {
  let folded = '';
  for (const c of description) {
    if (isAlnum(c)) folded += fold(c);
    else if (!folded.endsWith(' ')) folded += ' ';
  }
  const words = folded.trim();
  return !words || /^[x ]+$/.test(words) || PLACEHOLDERS.has(words) || words.startsWith('lorem ipsum');
}

// ————— Rules across fields —————

const LABELLED = new Set(['renewal', 'renewedLastYear', 'renewalNextYear', 'midCycle']);

/** Where a member stands in its own label cycle in campaign C (SPEC §5.4). */
function position(m, C) {
  const status = m?.label?.status;
  if (!STATUSES.includes(status)) return 'unknown';
  if (status === 'applying') return 'applying';
  if (status === 'none') return 'notLabelled';
  const y = m.label.lastDecisionYear;
  if (y === undefined || y < 2001 || y > C) return 'unknown';
  if (status === 'renewal_requested' || y + 5 === C) return 'renewal';
  if (y === C - 1) return 'renewedLastYear';
  if (y + 5 === C + 1) return 'renewalNextYear';
  return y + 5 < C ? 'expired' : 'midCycle';
}

function cycleCase(positions) {
  if (!positions.length || positions.some((p) => p === 'expired' || p === 'notLabelled' || p === 'unknown')) return null;
  const labelled = positions.filter((p) => LABELLED.has(p));
  if (!labelled.length) return null;
  if (labelled.includes('renewal')) {
    return labelled.includes('midCycle') && labelled.every((p) => p === 'renewal' || p === 'midCycle') ? 'd' : 'a';
  }
  return labelled.some((p) => p === 'renewedLastYear' || p === 'renewalNextYear') ? 'b' : 'c';
}

/** The filières of a sector scope without duplicates, in order, with their index and folded form. */
function uniqueSectors(sectors = []) {
  const seen = new Map();
  sectors.forEach((name, j) => {
    const key = name === undefined ? undefined : foldKey(name);
    if (key !== undefined && !seen.has(key)) seen.set(key, { j, name, key });
  });
  return [...seen.values()];
}

export function requestRules(req, ctx, criteria, defaultYear) {
  const C = req.campaignYear ?? defaultYear;
  const kind = req.kind === 'join' ? 'join' : 'new';
  const members = req.members ?? [];

  if (!req.title?.normalized) raise(ctx, 'title.missing', ['title']);
  if (!req.scope) raise(ctx, 'scope.type_missing', ['scope', 'type']);
  // A list entry that is not an object (reported as a wrong type) is no member.
  if (members.filter((m) => m !== undefined).length < (kind === 'new' ? 2 : 1)) raise(ctx, 'members.too_few', ['members']);

  // Label years against the campaign.
  const positions = members.map((m, i) => {
    const p = position(m, C);
    const status = m?.label?.status;
    if (status !== 'labelled' && status !== 'renewal_requested') return p;
    const y = m.label.lastDecisionYear;
    const at = ['members', i, 'label', 'lastDecisionYear'];
    if (y === undefined) raise(ctx, 'member.decision_year_missing', at);
    else if (y < 2001 || y > C) raise(ctx, 'member.decision_year_invalid', at);
    else if (p === 'expired') raise(ctx, 'member.label_expired', at);
    else if (status === 'labelled' && y + 5 === C) raise(ctx, 'member.renewal_due', ['members', i, 'label', 'status']);
    return p;
  });

  // The scope must be common to every member; the title must name it.
  const scope = req.scope;
  let names = null;
  if (scope?.type === 'sector') {
    const sectors = uniqueSectors(scope.sectors);
    const own = members.map((m) => (m?.label?.sectors ?? []).filter((s) => s !== undefined).map(foldKey));
    for (const { j, key } of sectors) {
      for (const keys of own) if (keys.length && !keys.includes(key)) raise(ctx, 'scope.sector_not_common', ['scope', 'sectors', j]);
    }
    if (sectors.length) names = sectors.map((s) => s.name);
  } else if (scope?.type === 'geographic' && scope.territory) {
    const { level, code, name } = scope.territory;
    const area = AREA_LEVELS.has(level) && code ? findArea(level, code) : null;
    members.forEach((m, i) => {
      const territory = m?.uai?.territory;
      if (area && territory && !area.contains(territory)) raise(ctx, 'scope.member_outside_territory', ['members', i, 'uai']);
    });
    if (name ?? area?.name) names = [name ?? area.name];
  }
  if (req.title?.normalized && !req.title.noPerimeter && names) {
    const hay = foldedWords(req.title.normalized);
    if (!names.some((name) => containsWords(hay, foldedWords(name)))) raise(ctx, 'title.perimeter_mismatch', ['title']);
  }

  // Joining a network.
  if (kind === 'join') {
    const network = req.existingNetwork;
    if (network?.attributedYear === undefined) raise(ctx, 'join.network_missing', ['existingNetwork']);
    else if (network.attributedYear < 2023 || network.attributedYear > C) {
      raise(ctx, 'join.network_year_invalid', ['existingNetwork', 'attributedYear']);
    } else if (network.attributedYear + 5 < C) raise(ctx, 'join.network_expired', ['existingNetwork', 'attributedYear']);
    const networkTitle = network?.title === undefined ? '' : normalizeTitle(network.title).normalized;
    if (req.title?.normalized && networkTitle && req.title.normalized !== networkTitle) raise(ctx, 'join.title_differs', ['title']);
  }

  // The cycle case.
  const c = cycleCase(positions);
  if (c) raise(ctx, `cycle.case_${c}`, []);
  if (positions.includes('applying')) raise(ctx, 'cycle.joint_labelling', []);

  // One description per criterion.
  for (const id of criteria) {
    if (req.jointActions === undefined || !Object.hasOwn(req.jointActions, id) || req.jointActions[id] === undefined) {
      raise(ctx, 'actions.missing', ['jointActions', id]);
    }
  }
}

/** SPEC §5.6: nothing deeper than 32 levels (the request is level 1). Zod has no depth limit. */
export function nestingRule(input, ctx) {
  const path = [];
  const ancestors = new Set();
  const walk = (v, level) => {
    if (level > 32) return true;
    if (v === null || typeof v !== 'object' || ancestors.has(v)) return false;
    ancestors.add(v);
    // As JSON carries it: an array hole is a null, an undefined property is no property.
    const entries = Array.isArray(v) ? Array.from(v, (item, i) => [i, item]) : Object.entries(v).filter(([, item]) => item !== undefined);
    const found = entries.some(([k, item]) => (path.push(k), walk(item, level + 1)) || (path.pop(), false));
    ancestors.delete(v);
    return found;
  };
  if (walk(input, 1)) raise(ctx, 'request.too_deep', path);
}

// ————— Entry point —————

const NATIONAL_CRITERIA = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];

function optionsOf(options) {
  const o = options !== null && typeof options === 'object' ? options : {};
  const ids = Array.isArray(o.criteria)
    ? o.criteria.map((c) => (c !== null && typeof c === 'object' && typeof c.id === 'string' ? trim(c.id) : '')).filter(Boolean)
    : [];
  // Only the year of `today` counts; an unreadable one falls back to the host's clock.
  let year = new Date().getFullYear();
  if (o.today instanceof Date && !Number.isNaN(o.today.getTime())) year = o.today.getFullYear();
  else if (/^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/.test(o.today)) year = Number(o.today.slice(0, 4));
  return { criteria: ids.length ? ids : NATIONAL_CRITERIA, year };
}

/** Zod's issues as our findings. */
function findings(issues) {
  const out = [];
  const add = (code, path, message = MESSAGES[code]) => out.push({ code, severity: severity(code), path, message });
  for (const iss of issues) {
    if (iss.code === 'custom') add(iss.params.code, iss.path, iss.message);
    else if (iss.code === 'unrecognized_keys') for (const key of iss.keys) add('request.unknown_field', [...iss.path, key]);
    else if (iss.code === 'invalid_type' && iss.path.length === 0) add('request.not_an_object', []);
    else add('request.invalid_type', iss.path, iss.message);
  }
  return out;
}

/**
 * The `validateWithZod(request, options)` of a reference: `requestSchema(criteria, year)` builds
 * its request schema (once per criteria list and campaign year), `nesting` is its schema of the
 * depth rule. It returns `{ valid, findings, title, cycle }`, the fields of SPEC §4 the bench needs.
 */
export function validator(requestSchema, nesting) {
  const schemas = new Map();
  return function validateWithZod(request, options) {
    lastTitle = null;
    const { criteria, year } = optionsOf(options);
    const key = `${year}|${criteria.join('\u0000')}`;
    if (!schemas.has(key)) schemas.set(key, requestSchema(criteria, year));
    const issues = schemas.get(key).safeParse(request).error?.issues ?? [];
    const isObject = request !== null && typeof request === 'object' && !Array.isArray(request);
    if (isObject) issues.push(...(nesting.safeParse(request).error?.issues ?? []));
    const list = findings(issues);
    const title = readTitle(isObject && typeof request.title === 'string' ? request.title : '');
    const cycle = list.find((f) => f.code.startsWith('cycle.case_'));
    return {
      valid: !list.some((f) => f.severity === 'error'),
      findings: list,
      title: { normalized: title.normalized, length: title.length, mention: title.mention },
      cycle: { case: cycle ? cycle.code.slice(-1) : null, jointLabelling: list.some((f) => f.code === 'cycle.joint_labelling') },
    };
  };
}
