//! The territories table of SPEC §7: UAI prefix → département → académie →
//! région académique, built from `data/territories.tsv` at compile time. A
//! static table: shipping the TSV text and reading its rows on each lookup
//! measured 1.2 KB gzip smaller but made a validation two to three times
//! slower; reading them once and keeping them saved only 0.3 KB (DESIGN.md,
//! « Why a static territories table? »).

use crate::text::fold_words_into;

/// One row of the table: the département (or collectivity) a UAI prefix
/// designates, and the académie and région académique it belongs to.
///
/// ```
/// use ldm_reseau::Territory;
/// let moselle = Territory::by_uai_prefix("057").unwrap();
/// assert_eq!(moselle.departement_name, "Moselle");
/// assert_eq!(moselle.academie, "nancy-metz");
/// assert_eq!(moselle.region_academique, Some("grand-est"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Territory {
    /// First three digits of the UAIs of the territory (`"057"`, `"620"`).
    #[serde(skip)]
    pub uai_prefix: &'static str,
    /// The code people use (`"57"`, `"2A"`, `"988"`).
    pub departement: &'static str,
    /// Display name (`"Moselle"`).
    pub departement_name: &'static str,
    /// Académie slug (`"nancy-metz"`).
    pub academie: &'static str,
    /// Académie display name (`"Nancy-Metz"`).
    pub academie_name: &'static str,
    /// Région académique slug; `None` for the Pacific collectivities and
    /// Saint-Pierre-et-Miquelon.
    pub region_academique: Option<&'static str>,
    /// Région académique display name.
    pub region_academique_name: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/territories.rs"));

/// Every row, in the file's order.
fn rows() -> impl Iterator<Item = Territory> {
    TABLE.iter().copied()
}

impl Territory {
    /// The territory of a UAI's first three digits.
    ///
    /// ```
    /// use ldm_reseau::Territory;
    /// let corse = Territory::by_uai_prefix("620").unwrap();
    /// assert_eq!((corse.departement, corse.academie_name), ("2A", "Corse"));
    /// assert!(Territory::by_uai_prefix("999").is_none());
    /// ```
    pub fn by_uai_prefix(prefix: &str) -> Option<Territory> {
        rows().find(|t| t.uai_prefix == prefix)
    }

    /// Every row of the table.
    ///
    /// ```
    /// use ldm_reseau::Territory;
    /// let all = Territory::all();
    /// assert_eq!(all.len(), 105);
    /// assert!(all.iter().any(|t| t.departement == "57" && t.academie == "nancy-metz"));
    /// assert_eq!(all.iter().filter(|t| t.region_academique.is_none()).count(), 4);
    /// ```
    pub fn all() -> &'static [Territory] {
        TABLE
    }
}

/// The level of a geographic scope (SPEC §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Level {
    Departement,
    Academie,
    RegionAcademique,
    Bassin,
    Other,
}

impl Level {
    pub(crate) fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "departement" => Level::Departement,
            "academie" => Level::Academie,
            "region_academique" => Level::RegionAcademique,
            "bassin" => Level::Bassin,
            "other" => Level::Other,
            _ => return None,
        })
    }
}

/// A département, académie or région académique named by a scope.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Area {
    level: Level,
    /// Any row of the area: its slug or code is what members are compared on.
    row: Territory,
}

impl Area {
    /// The area a code names at `level`: a département by its code or name,
    /// an académie or région académique by its slug or display name.
    pub(crate) fn find(level: Level, code: &str) -> Option<Area> {
        let code = code.trim();
        // Codes and slugs as forms send them, without folding anything.
        let exact = |s: &str| s.eq_ignore_ascii_case(code);
        let number: Option<u32> = code.parse().ok();
        let row = rows().find(|t| match level {
            Level::Departement => {
                exact(t.departement) || number.is_some_and(|n| t.departement.parse() == Ok(n))
            }
            Level::Academie => exact(t.academie),
            Level::RegionAcademique => t.region_academique.is_some_and(exact),
            Level::Bassin | Level::Other => false,
        });
        let row = row.or_else(|| Self::find_by_name(level, code))?;
        Some(Area { level, row })
    }

    /// A display name or a slug typed another way: compared word by word
    /// without accents, capitals, apostrophes or hyphens.
    fn find_by_name(level: Level, code: &str) -> Option<Territory> {
        let mut want = String::new();
        fold_words_into(&mut want, code);
        let mut buf = String::new();
        let mut same = |s: &str| {
            buf.clear();
            fold_words_into(&mut buf, s);
            buf == want
        };
        rows().find(|t| match level {
            Level::Departement => same(t.departement_name),
            Level::Academie => same(t.academie) || same(t.academie_name),
            Level::RegionAcademique => [t.region_academique, t.region_academique_name]
                .into_iter()
                .flatten()
                .any(&mut same),
            Level::Bassin | Level::Other => false,
        })
    }

    /// The name the title should show.
    pub(crate) fn name(&self) -> &'static str {
        match self.level {
            Level::Departement => self.row.departement_name,
            Level::Academie => self.row.academie_name,
            _ => self
                .row
                .region_academique_name
                .unwrap_or(self.row.academie_name),
        }
    }

    /// Whether a member of territory `t` is inside this area.
    pub(crate) fn contains(&self, t: &Territory) -> bool {
        match self.level {
            Level::Departement => t.departement == self.row.departement,
            Level::Academie => t.academie == self.row.academie,
            _ => t.region_academique == self.row.region_academique,
        }
    }
}

/// The name of `t` at `level`, for messages ("Moselle", "Nancy-Metz").
pub(crate) fn name_at(t: &Territory, level: Level) -> &'static str {
    match level {
        Level::Departement => t.departement_name,
        Level::Academie => t.academie_name,
        _ => t.region_academique_name.unwrap_or(t.academie_name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_covers_france_as_spec_7_says() {
        let mut academies: Vec<_> = rows()
            .filter(|t| t.region_academique.is_some())
            .map(|t| t.academie)
            .collect();
        academies.sort();
        academies.dedup();
        let mut regions: Vec<_> = rows().filter_map(|t| t.region_academique).collect();
        regions.sort();
        regions.dedup();
        assert_eq!((academies.len(), regions.len()), (30, 18));
        for prefix in [
            "001", "095", "620", "720", "971", "976", "975", "983", "984", "987",
        ] {
            assert!(Territory::by_uai_prefix(prefix).is_some(), "{prefix}");
        }
        assert!(Territory::by_uai_prefix("020").is_none());
        assert_eq!(
            Territory::by_uai_prefix("984").map(|t| t.departement),
            Some("987")
        );
    }

    #[test]
    fn areas_are_found_by_code_slug_or_name() {
        let find = |l, c| Area::find(l, c).map(|a| a.name());
        assert_eq!(find(Level::Departement, "57"), Some("Moselle"));
        assert_eq!(find(Level::Departement, "057"), Some("Moselle"));
        assert_eq!(find(Level::Departement, "2a"), Some("Corse-du-Sud"));
        assert_eq!(find(Level::Departement, "cote d'or"), Some("Côte-d'Or"));
        assert_eq!(find(Level::Academie, "nancy-metz"), Some("Nancy-Metz"));
        assert_eq!(
            find(Level::Academie, "Orléans-Tours"),
            Some("Orléans-Tours")
        );
        assert_eq!(
            find(Level::RegionAcademique, "Provence-Alpes-Côte d’Azur"),
            Some("Provence-Alpes-Côte d'Azur")
        );
        assert_eq!(find(Level::Departement, "20"), None);
        assert_eq!(find(Level::Academie, "lorraine"), None);
        assert_eq!(find(Level::RegionAcademique, "polynesie-francaise"), None);
    }
}
