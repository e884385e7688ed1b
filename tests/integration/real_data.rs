//! The real data of tests/data: real UAIs of real lycées, and real label
//! titles, as published.

use ldm_reseau::{check_uai, Options};

/// `tests/data/uai-real.tsv` (copied from the shared reference data) with
/// one column added: the académie each lycée's commune belongs to.
#[test]
fn real_uais_are_valid_and_placed_in_their_academie() {
    let tsv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/uai-real.tsv"
    ))
    .expect("test data");
    let mut checked = 0;
    for line in tsv.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (uai, name, academie) = (cols[0], cols[1], cols[3]);
        let check = check_uai(uai, &Options::default());
        assert!(
            check.valid,
            "{uai} ({name}) is a real UAI: {:?}",
            check.findings
        );
        let territory = check
            .territory
            .unwrap_or_else(|| panic!("{uai} ({name}) has a known département"));
        assert_eq!(territory.academie, academie, "{uai} ({name})");
        checked += 1;
    }
    assert_eq!(checked, 28);
}
