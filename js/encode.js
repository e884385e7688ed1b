// Turns any JavaScript value into "host JSON": standard JSON, plus bare
// `@name` tokens for what JSON cannot hold (`@symbol`, `@NaN`, `@cycle`…),
// which the Rust reader (`Value::parse_host`) understands. It never throws:
// a getter that throws becomes `@unreadable`, a cycle `@cycle`, nesting past
// MAX_DEPTH `@too_deep`, and past MAX_NODES values `@too_large`.

// Deeper than the validator's own limit (32), so that Rust still sees, and
// reports, where a request becomes too deep.
const MAX_DEPTH = 40;
// A real request has a few hundred values; this only stops pathological
// shared-reference graphs from blowing up exponentially.
const MAX_NODES = 200000;

export function encode(value) {
  // Fast path: a plain tree of JSON values is what forms nearly always
  // give, and the engine's JSON.stringify writes it several times faster.
  try {
    if (value !== null && typeof value === 'object' && isPlain(value, 1)) return JSON.stringify(value);
  } catch {
    // A getter threw: the careful path below says where.
  }
  const state = { nodes: 0, ancestors: [] };
  try {
    return write(value, 1, state, true);
  } catch {
    // Only a stack overflow in a very exotic value can land here.
    return '@unreadable';
  }
}

function write(v, depth, state, top) {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? '@NaN' : '@Infinity';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return top ? '@undefined' : 'null';
    case 'symbol':
      return '@symbol';
    case 'function':
      return '@function';
    case 'bigint':
      return '@bigint';
    default:
      if (v === null) return 'null';
      return v === UNREADABLE ? '@unreadable' : container(v, depth, state);
  }
}

function container(v, depth, state) {
  if (depth > MAX_DEPTH) return '@too_deep';
  if (++state.nodes > MAX_NODES) return '@too_large';
  if (state.ancestors.includes(v)) return '@cycle';
  state.ancestors.push(v);
  let out;
  try {
    out = Array.isArray(v) ? array(v, depth, state) : object(v, depth, state);
  } catch {
    out = '@unreadable';
  }
  state.ancestors.pop();
  return out;
}

function array(v, depth, state) {
  let out = '[';
  const n = v.length;
  for (let i = 0; i < n; i++) {
    if (i > 0) out += ',';
    out += write(read(v, i), depth + 1, state, false);
  }
  return out + ']';
}

function object(v, depth, state) {
  if (v instanceof Date) return JSON.stringify(Number.isNaN(v.getTime()) ? null : v.toISOString());
  let out = '{';
  let first = true;
  for (const key of Object.keys(v)) {
    const item = read(v, key);
    // An undefined property is an absent one, as in JSON.stringify.
    if (item === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += JSON.stringify(key) + ':' + write(item, depth + 1, state, false);
  }
  return out + '}';
}

// What `read` returns when a getter throws.
const UNREADABLE = Object.freeze({});

function read(v, key) {
  try {
    return v[key];
  } catch {
    return UNREADABLE;
  }
}

/** Whether `v` is plain JSON all the way down (no cycle, no exotic value). */
function isPlain(v, depth) {
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!isPlainLeaf(v[i], depth)) return false;
    return true;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const key in v) if (!isPlainLeaf(v[key], depth)) return false;
  return true;
}

function isPlainLeaf(x, depth) {
  switch (typeof x) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(x);
    case 'object':
      return x === null || isPlain(x, depth + 1);
    default:
      return false;
  }
}
