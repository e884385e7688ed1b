#![no_main]
//! The title rules on arbitrary Unicode.
use ldm_reseau::{check_title, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|title: &str| {
    let check = check_title(title, &Options::default());
    let t = &check.title;
    assert!(t.length <= t.normalized.chars().count() as i64);
    assert_eq!(t.remaining, 100 - t.length);
    assert_eq!(t.normalized, t.normalized.trim(), "normalised titles have no outer white space");
    assert_eq!(check.valid, !check.findings.iter().any(|f| f.severity == ldm_reseau::Severity::Error));
    if let Some(s) = &t.suggestion {
        assert!(s.contains(ldm_reseau::MENTION), "a suggestion carries the mention");
    }
    assert_eq!(check_title(title, &Options::default()), check);
    assert_eq!(check_title(&t.normalized, &Options::default()).title.normalized, t.normalized, "normalising is idempotent");
});
