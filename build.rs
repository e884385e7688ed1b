//! Checks `data/territories.tsv` at build time: the crate ships the file as
//! it is (`src/territory.rs` reads its rows), so a malformed row must stop
//! the build rather than vanish from the table.

use std::fs;

fn main() {
    let src = "data/territories.tsv";
    println!("cargo:rerun-if-changed={src}");
    let tsv = fs::read_to_string(src).expect("data/territories.tsv is part of the crate");
    for (n, line) in tsv.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let filled = cols.iter().take_while(|c| !c.is_empty()).count();
        assert!(
            cols.len() == 7 && (filled == 5 || filled == 7) && cols[filled..].iter().all(|c| c.is_empty()),
            "territories.tsv line {}: expected 7 columns, the first 5 filled, the last two both filled or both empty",
            n + 1
        );
    }
}
