#![no_main]
//! The command-line tool's input path: bytes → UTF-8 → JSON → one request
//! or an array of requests → reports.
use ldm_reseau::{Options, Value};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(value) = Value::parse(text) else { return };
    // What the reader accepts, the writer writes back to the same value.
    assert_eq!(Value::parse(&value.to_json()).ok().map(|v| v.to_json()), Some(value.to_json()));
    let options = Options { today: ldm_reseau::Date::parse("2026-10-01"), ..Options::default() };
    match &value {
        Value::Array(items) => items.iter().for_each(|v| {
            ldm_reseau_fuzz::check(v, &options);
        }),
        v => {
            ldm_reseau_fuzz::check(v, &options);
        }
    }
});
