#![no_main]
//! The UAI checker on arbitrary text.
use ldm_reseau::{check_uai, Options};
use libfuzzer_sys::fuzz_target;

const LETTERS: &[u8; 23] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

fuzz_target!(|uai: &str| {
    let check = check_uai(uai, &Options::default());
    if check.valid {
        let n = check.normalized.as_bytes();
        assert_eq!(n.len(), 8, "a valid UAI has 8 characters");
        let digits: u32 = check.normalized[..7].parse().expect("7 digits");
        assert_eq!(n[7], LETTERS[(digits % 23) as usize], "and the right check letter");
    }
    assert_eq!(check_uai(uai, &Options::default()), check);
});
