//! Invariants shared by the property tests (tests/integration) and the fuzz
//! targets (fuzz/), which include this file.

use ldm_reseau::{Seg, Value};

/// A finding's path either exists in the input, or goes as far as the input
/// does and then names missing fields: keys only, never a list position that
/// is not there. Of a repeated key, the last value is the one that counts.
pub fn path_is_real(input: &Value, path: &[Seg]) -> bool {
    let mut cur = Some(input);
    for seg in path {
        cur = match (cur, seg) {
            (Some(Value::Object(_)), Seg::Key(k)) => cur.and_then(|v| v.get(k)),
            (Some(Value::Array(items)), Seg::Index(i)) => match items.get(*i) {
                Some(v) => Some(v),
                None => return false,
            },
            (_, Seg::Index(_)) => return false,
            (_, Seg::Key(_)) => None,
        };
    }
    true
}
