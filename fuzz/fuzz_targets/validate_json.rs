#![no_main]
//! `validate` on request-shaped JSON values built from the fuzz bytes.
use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let (Ok(options), Ok(value)) = (ldm_reseau_fuzz::options(&mut u), ldm_reseau_fuzz::value(&mut u, 0)) else { return };
    ldm_reseau_fuzz::check(&value, &options);
});
