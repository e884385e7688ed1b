//! Turns `data/territories.tsv` into a static table, so that looking up a
//! territory costs nothing at run time and the file is checked at build time.

use std::{env, fs, path::Path};

fn main() {
    let src = "data/territories.tsv";
    println!("cargo:rerun-if-changed={src}");
    let tsv = fs::read_to_string(src).expect("data/territories.tsv is part of the crate");
    let mut out = String::from("pub(crate) static TABLE: &[Territory] = &[\n");
    for (n, line) in tsv
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        assert!(
            cols.len() >= 5,
            "territories.tsv line {}: expected 7 columns",
            n + 1
        );
        let opt = |i: usize| match cols.get(i).filter(|s| !s.is_empty()) {
            Some(s) => format!("Some({s:?})"),
            None => "None".to_owned(),
        };
        out += &format!(
            "    Territory {{ uai_prefix: {:?}, departement: {:?}, departement_name: {:?}, academie: {:?}, academie_name: {:?}, region_academique: {}, region_academique_name: {} }},\n",
            cols[0], cols[1], cols[2], cols[3], cols[4], opt(5), opt(6)
        );
    }
    out += "];\n";
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("territories.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
