// Reads any JavaScript value as `JSON.stringify` would send it, in one pass
// and within the input budget of SPEC §5.6, and writes it as "host JSON":
// standard JSON plus bare tokens for what JSON cannot say, which the Rust
// reader (`Value::parse_host`) understands:
//
//   @cut(N)        before a value (or a field name) cut to the budget; N is
//                  its size before the cut (entries, or UTF-16 units)
//   @too_large     where the total of values ran out: the rest is not read
//   @invalid_text  a string holding a lone UTF-16 surrogate
//   @bigint @cycle @unreadable @too_deep   what JSON.stringify would throw
//                  on (or a getter, a Proxy trap or a toJSON that threw)
//   @undefined @function @symbol           a top-level value that sends nothing
//
// Every property is read once, `length` once, `toJSON` once per object; no
// exception escapes. Field names that cannot cross as text (a lone
// surrogate, or over the length limit) cross as placeholders, and `keys`
// maps them back so that every finding's path reads the input.

// The limits of src/budget.rs; the differential test checks both agree at
// every edge.
export const LIMITS = Object.freeze({
  members: 500,
  sectors: 100,
  actions: 200,
  criteria: 200,
  string: 20000,
  values: 20000,
  text: 500000,
});

// The Rust reader's own depth (MAX_PARSE_DEPTH): deeper than the validator's
// limit (32), so that Rust still reports where a request becomes too deep.
const MAX_DEPTH = 40;

// Where a value stands in the model: what limits its children.
const OTHER = 0;
const ROOT = 1;
const MEMBERS = 2; // request.members
const MEMBER = 3; // request.members[i]
const LABEL = 4; // request.members[i].label
const SCOPE = 5; // request.scope
const OPTIONS = 6; // the options object

function childOf(where, key, inArray) {
  switch (where) {
    case ROOT:
      return key === 'members' ? MEMBERS : key === 'scope' ? SCOPE : key === 'jointActions' ? -1 : OTHER;
    case OPTIONS:
      return key === 'criteria' ? -2 : OTHER;
    case MEMBERS:
      return inArray ? MEMBER : OTHER;
    case MEMBER:
      return key === 'label' ? LABEL : OTHER;
    case LABEL:
    case SCOPE:
      return key === 'sectors' ? -3 : OTHER;
    default:
      return OTHER;
  }
}

// Negative places are the model's limited collections.
function listLimit(where) {
  if (where === MEMBERS) return LIMITS.members;
  if (where === -3) return LIMITS.sectors;
  if (where === -2) return LIMITS.criteria;
  return Infinity;
}

const entriesLimit = (where) => (where === -1 ? LIMITS.actions : Infinity);

/** Why a read failed: the value stands as `@unreadable`. */
const UNREADABLE = Symbol('unreadable');
/** JSON.stringify leaves it out (undefined, a function, a symbol). */
const NOTHING = Symbol('nothing');

const wellFormed =
  typeof String.prototype.isWellFormed === 'function'
    ? (s) => s.isWellFormed()
    : (s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

const lossy = (s) =>
  typeof s.toWellFormed === 'function' ? s.toWellFormed() : s.replace(/[\uD800-\uDFFF]/g, '\uFFFD');

/**
 * `{ text, keys }`: the host JSON of `value`, and the map from placeholder
 * field names back to the real ones (null when there is none).
 * `shape` is 'request' or 'options' (which limits apply).
 */
export function encode(value, shape = 'request') {
  const st = { count: 0, units: 0, spent: false, ancestors: [], keys: null };
  let text;
  try {
    text = top(value, shape === 'options' ? OPTIONS : ROOT, st);
  } catch {
    // Only a stack overflow in a very exotic toJSON can land here.
    text = '@unreadable';
  }
  return { text, keys: st.keys };
}

function top(value, where, st) {
  const v = prepare(value, '');
  if (v === NOTHING) {
    return typeof value === 'function' ? '@function' : typeof value === 'symbol' ? '@symbol' : '@undefined';
  }
  return write(v, where, 0, st);
}

/** The value JSON.stringify would serialise in place of `v` (toJSON, boxed primitives). */
function prepare(v, key) {
  if (v === UNREADABLE) return v;
  try {
    if ((typeof v === 'object' && v !== null) || typeof v === 'bigint') {
      const toJSON = v.toJSON;
      if (typeof toJSON === 'function') v = toJSON.call(v, key);
    }
    if (typeof v === 'object' && v !== null) v = unbox(v);
  } catch {
    return UNREADABLE;
  }
  return v === undefined || typeof v === 'function' || typeof v === 'symbol' ? NOTHING : v;
}

// Objects whose prototype is not the plain one may be boxed primitives,
// which JSON.stringify writes as their value; the checks read internal
// slots only (a Proxy has none), and run only for such objects.
function unbox(v) {
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === Array.prototype || proto === null) return v;
  if (hasSlot(Number.prototype.valueOf, v)) return Number(v);
  if (hasSlot(String.prototype.valueOf, v)) return String(v);
  if (hasSlot(Boolean.prototype.valueOf, v)) return Boolean.prototype.valueOf.call(v);
  if (hasSlot(BigInt.prototype.valueOf, v)) return BigInt.prototype.valueOf.call(v);
  return v;
}

function hasSlot(valueOf, v) {
  try {
    valueOf.call(v);
    return true;
  } catch {
    return false;
  }
}

/** Writes a prepared value (never NOTHING), counting it against the total. */
function write(v, where, depth, st) {
  if (v === UNREADABLE) return count(st) ? '@unreadable' : '@too_large';
  if (!count(st)) return '@too_large';
  switch (typeof v) {
    case 'string':
      return string(v, st);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return '@bigint';
    default:
      if (v === null) return 'null';
      return container(v, where, depth, st);
  }
}

/** Counts one value; false once the total is spent (the value is not sent). */
function count(st) {
  if (st.count === LIMITS.values) {
    st.spent = true;
    return false;
  }
  st.count++;
  return true;
}

function string(s, st) {
  if (!wellFormed(s)) return '@invalid_text';
  const long = s.length > LIMITS.string;
  const kept = long ? cut(s, LIMITS.string) : s;
  return (long ? `@cut(${s.length})` : '') + JSON.stringify(text(kept, st));
}

/**
 * Counts a text against the total of all texts. Past it, only enough is
 * sent for the Rust side to see the total spent (it then keeps nothing
 * more), and nothing more is read.
 */
function text(s, st) {
  const room = LIMITS.text - st.units;
  if (s.length <= room) {
    st.units += s.length;
    return s;
  }
  st.spent = true;
  const code = s.charCodeAt(room);
  return s.slice(0, code >= 0xd800 && code < 0xdc00 ? room + 2 : room + 1);
}

/** The first `n` UTF-16 units of `s`, never half a character. */
function cut(s, n) {
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code < 0xdc00 ? n - 1 : n);
}

function container(v, where, depth, st) {
  if (depth >= MAX_DEPTH) return '@too_deep';
  if (st.ancestors.includes(v)) return '@cycle';
  st.ancestors.push(v);
  let out;
  try {
    out = Array.isArray(v) ? array(v, where, depth, st) : object(v, where, depth, st);
  } catch {
    out = '@unreadable';
  }
  st.ancestors.pop();
  return out;
}

function array(v, where, depth, st) {
  const length = toLength(v.length);
  const limit = listLimit(where);
  const n = Math.min(length, limit);
  let out = length > limit ? `@cut(${length})[` : '[';
  for (let i = 0; i < n && !st.spent; i++) {
    if (i > 0) out += ',';
    const item = prepare(read(v, i), String(i));
    out += item === NOTHING ? (count(st) ? 'null' : '@too_large') : write(item, childOf(where, '', true), depth + 1, st);
  }
  return out + ']';
}

function toLength(len) {
  const n = Math.trunc(Number(len));
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), Number.MAX_SAFE_INTEGER) : n > 0 ? Number.MAX_SAFE_INTEGER : 0;
}

function object(v, where, depth, st) {
  const { keys, total } = ownKeys(v);
  const limit = entriesLimit(where);
  const n = Math.min(keys.length, limit);
  let out = total > limit ? `@cut(${total}){` : '{';
  let first = true;
  for (let i = 0; i < n && !st.spent; i++) {
    const key = keys[i];
    let field;
    if (key.length > LIMITS.string) {
      // Too long to be a field: reported and left out, its value unread.
      field = `@cut(${key.length})${JSON.stringify(placeholder(key, st))}:null`;
    } else {
      const item = prepare(read(v, key), key);
      if (item === NOTHING) continue;
      const name = text(wellFormed(key) ? key : placeholder(key, st), st);
      field = JSON.stringify(name) + ':' + (st.spent ? 'null' : write(item, childOf(where, key, false), depth + 1, st));
    }
    out += (first ? '' : ',') + field;
    first = false;
  }
  return out + '}';
}

// A typed array's keys are its indices: a huge one is not listed whole (no
// more than the total of values can be read anyway).
function ownKeys(v) {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView) && v.length > LIMITS.values) {
    const keys = new Array(LIMITS.values);
    for (let i = 0; i < keys.length; i++) keys[i] = String(i);
    return { keys, total: v.length };
  }
  const keys = Object.keys(v);
  return { keys, total: keys.length };
}

function read(v, key) {
  try {
    return v[key];
  } catch {
    return UNREADABLE;
  }
}

/** A field name that cannot cross as it is: a stand-in Rust reports as unknown. */
function placeholder(key, st) {
  if (st.keys === null) st.keys = new Map();
  const stand = lossy(key.slice(0, 40)) + '\uFDD0' + st.keys.size;
  st.keys.set(stand, key);
  return stand;
}
