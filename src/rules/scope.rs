//! The périmètre (SPEC §5.2): filières common to every member, or a
//! territory every member's UAI lies in.

use super::{MemberFacts, Perimeter};
use crate::findings::Findings;
use crate::input::{Request, ScopeType, TerritoryInput};
use crate::keys::Keys;
use crate::model::member_path;
use crate::report::{Code, Path};
use crate::territory::{name_at, Area, Level};
use crate::text::fold_key;

fn scope_path(field: &str) -> Path {
    Path::root().key("scope").key(field)
}

/// Checks the scope and says what the title should name.
// One copy, however many callers: size matters more than a call here.
#[inline(never)]
pub(crate) fn check<'a>(
    req: &Request<'a>,
    facts: &[MemberFacts<'_>],
    out: &mut Findings,
) -> Option<Perimeter<'a>> {
    match req.scope_type {
        Ok(ScopeType::Sector) => sector(req, facts, out),
        Ok(ScopeType::Geographic) => geographic(req.territory.as_ref(), facts, out),
        Err(None) => {
            out.add(Code::ScopeTypeMissing, scope_path("type"), Vec::new());
            None
        }
        Err(Some(value)) => {
            out.add(
                Code::ScopeTypeInvalid,
                scope_path("type"),
                vec![("value", value.into())],
            );
            None
        }
    }
}

fn sector<'a>(
    req: &Request<'a>,
    facts: &[MemberFacts<'_>],
    out: &mut Findings,
) -> Option<Perimeter<'a>> {
    if req.sectors.is_empty() {
        out.add(Code::ScopeSectorsMissing, scope_path("sectors"), Vec::new());
        return None;
    }
    // Folded once: a member's filières are compared with every scope filière.
    let member_folded: Vec<Vec<String>> = facts
        .iter()
        .map(|m| m.sectors.iter().map(|s| fold_key(s)).collect())
        .collect();
    let member_sets: Vec<Option<Keys<'_>>> = member_folded
        .iter()
        .map(|f| (!f.is_empty()).then(|| Keys::of(f.iter().map(String::as_str))))
        .collect();
    let folded: Vec<String> = req.sectors.iter().map(|&(_, s)| fold_key(s)).collect();
    let seen = Keys::of(folded.iter().map(String::as_str));
    let mut unique = Vec::with_capacity(req.sectors.len());
    for (at, (&(j, sector), key)) in req.sectors.iter().zip(&folded).enumerate() {
        let path = || scope_path("sectors").index(j);
        if seen.first(key) != Some(at) {
            out.add(
                Code::ScopeSectorDuplicate,
                path(),
                vec![("sector", sector.into())],
            );
            continue;
        }
        for (i, (m, set)) in facts.iter().zip(&member_sets).enumerate() {
            if set.as_ref().is_some_and(|set| !set.contains(key)) {
                let params = vec![
                    ("sector", sector.into()),
                    ("member", m.display.as_str().into()),
                    ("row", (i as i64 + 1).into()),
                ];
                out.add(Code::ScopeSectorNotCommon, path(), params);
            }
        }
        unique.push(sector);
    }
    Some(Perimeter::Sectors(unique))
}

fn geographic<'a>(
    t: Option<&TerritoryInput<'a>>,
    facts: &[MemberFacts<'_>],
    out: &mut Findings,
) -> Option<Perimeter<'a>> {
    let territory_path = || scope_path("territory");
    let Some(t) = t else {
        out.add(Code::ScopeTerritoryMissing, territory_path(), Vec::new());
        return None;
    };
    let named = t.name.map(Perimeter::Territory);
    for (field, value) in [("level", t.level), ("code", t.code)] {
        if value.is_none() {
            out.add(
                Code::ScopeTerritoryMissing,
                territory_path().key(field),
                vec![("field", field.into())],
            );
        }
    }
    let Some(level_text) = t.level else {
        return named;
    };
    let Some(level) = Level::parse(level_text) else {
        out.add(
            Code::ScopeTerritoryLevelInvalid,
            territory_path().key("level"),
            vec![("value", level_text.into())],
        );
        return named;
    };
    if matches!(level, Level::Bassin | Level::Other) {
        out.add(
            Code::ScopeTerritoryUnchecked,
            territory_path().key("level"),
            vec![("level", level_text.into())],
        );
        return named;
    }
    let Some(code) = t.code else { return named };
    let Some(area) = Area::find(level, code) else {
        out.add(
            Code::ScopeTerritoryUnknown,
            territory_path().key("code"),
            vec![("code", code.into()), ("level", level_text.into())],
        );
        return named;
    };
    for (i, m) in facts.iter().enumerate() {
        let Some(member_territory) = m.territory.filter(|mt| !area.contains(mt)) else {
            continue;
        };
        let params = vec![
            ("uai", m.uai.as_deref().unwrap_or_default().into()),
            ("member", m.display.as_str().into()),
            ("row", (i as i64 + 1).into()),
            ("territory", area.name().into()),
            ("memberTerritory", name_at(&member_territory, level).into()),
        ];
        out.add(
            Code::ScopeMemberOutsideTerritory,
            member_path(i, "uai"),
            params,
        );
    }
    Some(named.unwrap_or(Perimeter::Territory(area.name())))
}
