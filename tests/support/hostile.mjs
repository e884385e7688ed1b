// Hostile JavaScript values, by class (SPEC §5.6): what a page, a form
// library or an attacker can hand to the validator. Shared by the hostile
// suite (Node ESM, CJS, Chromium) and `npm run bench:hostile`; plain ESM
// with no Node import, so that a browser page loads it as it is.
//
// Each class makes `{ request, options }` afresh (some values change as
// they are read) and says what the report must hold: `expect(report)`
// returns the problems found, an empty list when the report is right.

const TODAY = '2026-10-01';

const codes = (r) => r.findings.map((f) => f.code);
const labels = (r) => r.findings.map((f) => (f.path.length ? `${f.code} @ ${f.path.join('.')}` : f.code));
const has = (r, label) => (labels(r).includes(label) || codes(r).includes(label) ? [] : [`${label} missing: ${labels(r).join(', ')}`]);
const hasNot = (r, code) => (codes(r).includes(code) ? [`${code} unexpected`] : []);
const tooLarge = (r, path, limit, found) => {
  const f = r.findings.find((x) => x.code === 'request.too_large' && x.path.join('.') === path);
  if (!f) return [`request.too_large @ ${path} missing: ${labels(r).join(', ')}`];
  const p = f.params;
  return p.limit === limit && (found === undefined || p.found === found) ? [] : [`too_large params ${JSON.stringify(p)}`];
};

function member(uai) {
  return { uai, name: 'Lycée', label: { status: 'labelled', lastDecisionYear: 2024 } };
}

function base() {
  return {
    kind: 'new',
    title: 'Lycée(s) des métiers en réseau du bois',
    scope: { type: 'sector', sectors: ['bois'] },
    campusAvailable: false,
    campaignYear: 2026,
    members: [member('0570099Y'), member('0570031Z')],
    jointActions: Object.fromEntries(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'].map((c) => [c, 'Actions communes.'])),
  };
}

/** An array whose every read of an item appends one more. */
function growing(seed) {
  const target = [seed];
  return new Proxy(target, {
    get(t, key, recv) {
      if (typeof key === 'string' && /^\d+$/.test(key)) t.push(seed);
      return Reflect.get(t, key, recv);
    },
  });
}

/** 23 objects, each holding the next twice: 2^23 places for a tree reader. */
function shared(levels = 23) {
  let v = { leaf: 'x' };
  for (let i = 0; i < levels; i++) v = { a: v, b: v };
  return v;
}

function throwingGetter(obj, key) {
  return Object.defineProperty(obj, key, {
    enumerable: true,
    get() {
      throw new Error(`boom: ${key}`);
    },
  });
}

const trapAll = (target = {}) =>
  new Proxy(target, {
    get() {
      throw new Error('get trap');
    },
    ownKeys() {
      throw new Error('ownKeys trap');
    },
    getPrototypeOf() {
      throw new Error('getPrototypeOf trap');
    },
    getOwnPropertyDescriptor() {
      throw new Error('descriptor trap');
    },
  });

function revoked() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function deep(n) {
  const root = {};
  let cur = root;
  for (let i = 0; i < n; i++) cur = cur.extra = {};
  return root;
}

export const CLASSES = [
  {
    name: 'array growing while read (Proxy appends on each item read)',
    make: () => ({ request: { ...base(), members: growing(member('0570099Y')), extra: growing(1) } }),
    // `length` is read once: the items appended meanwhile are not read.
    expect: (r) => [...has(r, 'members.too_few'), ...hasNot(r, 'request.too_large')],
  },
  {
    name: 'sparse arrays of length 2^32-1 (members, filières, an unknown field)',
    make: () => {
      const huge = () => {
        const a = [];
        a.length = 2 ** 32 - 1;
        return a;
      };
      const req = base();
      req.members = huge();
      req.scope.sectors = huge();
      req.extra = huge();
      return { request: req };
    },
    expect: (r) => [...tooLarge(r, 'members', 500, 2 ** 32 - 1), ...tooLarge(r, 'scope.sectors', 100, 2 ** 32 - 1)],
  },
  {
    name: 'shared sub-objects: 23 levels, each holding the next twice',
    make: () => ({ request: { ...base(), extra: shared(), members: [shared(), shared()] } }),
    expect: (r) => tooLarge(r, '', 20000, 20001),
  },
  {
    name: 'Proxies whose every trap throws, and a revoked Proxy (request, field, options)',
    make: () => ({ request: { ...base(), scope: trapAll(), members: [revoked(), member('0570031Z')] }, options: trapAll() }),
    expect: (r) => [...has(r, 'request.invalid_type @ scope'), ...has(r, 'request.invalid_type @ members.0'), ...has(r, 'options.invalid')],
  },
  {
    name: 'a Proxy as the whole request, its traps throwing',
    make: () => ({ request: trapAll() }),
    expect: (r) => has(r, 'request.not_an_object'),
  },
  {
    name: 'getters that throw, in the request and in the options (today)',
    make: () => ({
      request: throwingGetter(base(), 'title'),
      options: throwingGetter({ lang: 'fr' }, 'today'),
    }),
    expect: (r) => [...has(r, 'request.invalid_type @ title'), ...has(r, 'options.invalid'), ...hasNot(r, 'internal.error')],
  },
  {
    name: 'toJSON in every position: the request, a field, undefined, throwing, a Date',
    make: () => {
      const req = base();
      req.title = { toJSON: () => 'Lycée(s) des métiers en réseau du bois' };
      req.campusAvailable = { toJSON: () => undefined };
      req.scope.sectors = [{ toJSON: () => 'bois' }, { toJSON() { throw new Error('no'); } }];
      req.extra = new Date(0);
      return { request: { toJSON: (key) => (key === '' ? req : null) }, options: { today: new Date('2026-10-01T12:00:00Z') } };
    },
    // Paths name what JSON.stringify sends: the request's toJSON result.
    paths: false,
    expect: (r) => [
      ...has(r, 'request.invalid_type @ scope.sectors.1'),
      ...has(r, 'request.unknown_field @ extra'),
      ...hasNot(r, 'title.missing'),
      ...hasNot(r, 'options.invalid'),
      ...(r.cycle.campaignYear === 2026 ? [] : ['campaign year']),
    ],
  },
  {
    name: 'lone UTF-16 surrogates in values and in keys',
    make: () => {
      const req = base();
      req.title = 'Lycée(s) des métiers en réseau du bois \ud83c';
      req.members[0].uai = '\udc000570099Y';
      req['titl\ud800e'] = 1;
      req.jointActions['c\udfff9'] = 'Actions.';
      return { request: req };
    },
    expect: (r) => [
      ...has(r, 'request.invalid_text @ title'),
      ...has(r, 'request.invalid_text @ members.0.uai'),
      ...has(r, 'request.unknown_field @ titl\ud800e'),
      ...has(r, 'actions.unknown_criterion @ jointActions.c\udfff9'),
    ],
  },
  {
    name: 'near-integers and subnormals: not years',
    make: () => {
      const req = base();
      req.campaignYear = 2026.0000000000002;
      req.members[0].label.lastDecisionYear = 2025.9999999999998;
      req.members[1].label.lastDecisionYear = 5e-324;
      return { request: req };
    },
    expect: (r) => [
      ...has(r, 'request.invalid_type @ campaignYear'),
      ...has(r, 'request.invalid_type @ members.0.label.lastDecisionYear'),
      ...has(r, 'request.invalid_type @ members.1.label.lastDecisionYear'),
    ],
  },
  {
    name: 'BigInt: the request, a year, a boxed BigInt',
    make: () => ({ request: { ...base(), campaignYear: 2026n, title: Object(1n) } }),
    expect: (r) => [...has(r, 'request.invalid_type @ campaignYear'), ...has(r, 'request.invalid_type @ title')],
  },
  {
    name: 'every built-in object type, boxed values, a null prototype, a huge typed array',
    make: () => {
      const req = base();
      req.title = new String('Lycée(s) des métiers en réseau du bois');
      req.campusAvailable = new Boolean(false);
      req.campaignYear = new Number(2026);
      req.scope.sectors = Object.assign(Object.create(null), { 0: 'bois' });
      Object.assign(req, {
        map: new Map([[1, 2]]),
        set: new Set([1]),
        weak: new WeakMap(),
        re: /x/g,
        error: new Error('e'),
        promise: Promise.resolve(1),
        typed: new Float64Array(10_000_000),
        buffer: new ArrayBuffer(8),
        view: new DataView(new ArrayBuffer(8)),
        fn: Object.assign(() => 1, { a: 1 }),
        sym: Symbol('s'),
        [Symbol('k')]: 1,
        args: (function () {
          return arguments;
        })(1, 2),
        instance: new (class Thing {
          x = 1;
        })(),
      });
      return { request: req };
    },
    expect: (r) => [
      ...hasNot(r, 'title.missing'),
      ...has(r, 'request.invalid_type @ scope.sectors'),
      ...hasNot(r, 'request.unknown_field @ fn'),
      ...has(r, 'request.unknown_field @ typed'),
      ...tooLarge(r, '', 20000, 20001),
    ],
  },
  {
    name: 'a million members',
    make: () => ({ request: { ...base(), members: new Array(1_000_000).fill(member('0570099Y')) } }),
    expect: (r) => tooLarge(r, 'members', 500, 1_000_000),
  },
  {
    name: 'a million filières',
    make: () => {
      const req = base();
      req.scope.sectors = Array.from({ length: 1_000_000 }, (_, i) => `filière ${i}`);
      return { request: req };
    },
    expect: (r) => tooLarge(r, 'scope.sectors', 100, 1_000_000),
  },
  {
    name: '100 000 criteria in the options',
    make: () => ({ request: base(), options: { criteria: Array.from({ length: 100_000 }, (_, i) => ({ id: `k${i}`, label: 'x' })) } }),
    expect: (r) => tooLarge(r, '', 200, 100_000),
  },
  {
    name: 'a million joint actions and a million-key unknown object',
    make: () => {
      const many = () => Object.fromEntries(Array.from({ length: 1_000_000 }, (_, i) => [`x${i}`, 'd']));
      return { request: { ...base(), jointActions: many(), extra: many() } };
    },
    expect: (r) => tooLarge(r, 'jointActions', 200, 1_000_000),
  },
  {
    name: 'titles of 40 000 × « a\\u2028 » and « a\\u200b » (slow in some segmenters)',
    make: () => ({ request: { ...base(), title: 'a\u2028'.repeat(40_000), extra: 'a\u200b'.repeat(40_000) } }),
    expect: (r) => [...tooLarge(r, 'title', 20000, 80000), ...has(r, 'title.control_chars')],
  },
  {
    name: 'a 20 MB title and a 1 MB key',
    make: () => ({ request: { ...base(), title: 'a'.repeat(20_000_000), ['k'.repeat(1_000_000)]: 1 } }),
    expect: (r) => [...tooLarge(r, 'title', 20000, 20_000_000), ...hasNot(r, 'request.unknown_field')],
  },
  {
    name: '20 000 texts of 20 000 units (one string, shared): 400 million units in all',
    make: () => ({ request: { ...base(), extra: new Array(20_000).fill('a'.repeat(20_000)) } }),
    expect: (r) => tooLarge(r, '', 500_000, 500_001),
  },
  {
    name: 'nesting 100 000 levels deep, and a cycle',
    make: () => {
      const req = { ...base(), ...deep(100_000) };
      req.self = req;
      return { request: req };
    },
    expect: (r) => [...has(r, 'request.too_deep'), ...has(r, 'request.unknown_field @ self')],
  },
];

export const OPTIONS = { today: TODAY };

/**
 * Runs every class through `validate` (a package's `validateRequest`);
 * returns the failures, one line each: an exception, or a report that
 * misses what the class calls for or breaks the invariants.
 */
export function runClasses(validate) {
  const failures = [];
  for (const c of CLASSES) {
    const { request, options } = c.make();
    let report;
    try {
      report = validate(request, options ?? OPTIONS);
    } catch (err) {
      failures.push(`${c.name}: threw ${err}`);
      continue;
    }
    const problems = [...c.expect(report), ...(c.paths === false ? [] : invariants(report, request))];
    if (problems.length) failures.push(`${c.name}: ${problems.join('; ')}`);
  }
  return failures;
}

/**
 * Problems with a report whatever the input: it is a report, `valid` says
 * whether an error is there, and every path about a value that was given
 * reads that value with plain property access.
 */
export function invariants(report, request) {
  const out = [];
  if (!report || !Array.isArray(report.findings)) return ['not a report'];
  if (report.valid !== !report.findings.some((f) => f.severity === 'error')) out.push('valid disagrees with the findings');
  const about = ['request.invalid_type', 'request.invalid_text', 'request.unknown_field', 'actions.unknown_criterion'];
  for (const f of report.findings) {
    if (!Array.isArray(f.path) || typeof f.message !== 'string' || f.message === '') out.push(`malformed finding ${f.code}`);
    if (!about.includes(f.code) || f.path.length === 0) continue;
    let v = request;
    try {
      for (const seg of f.path) v = v[seg];
    } catch {
      continue; // A getter that throws still names a real place.
    }
    // A hole in an array is sent as null: that is what the finding is about.
    if (v === undefined && f.params.found !== 'null') out.push(`${f.code} @ ${f.path.join('.')} reads nothing`);
  }
  return out;
}
