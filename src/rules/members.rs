//! The members (SPEC §5.3): how many, their UAIs, their label status and the
//! year of their last label decision.

use super::label::{position, FIRST_DECISION_YEAR, LABEL_YEARS};
use super::MemberFacts;
use crate::findings::Findings;
use crate::input::{Kind, Member, Request, Status};
use crate::model::member_path;
use crate::report::{Code, Path, Position};
use crate::uai;
use std::collections::HashMap;

fn label_path(i: usize, field: &str) -> Path {
    member_path(i, "label").key(field)
}

// One copy, however many callers: size matters more than a call here.
#[inline(never)]
pub(crate) fn check<'a>(
    req: &'a Request<'a>,
    kind: Kind,
    c: i64,
    out: &mut Findings,
) -> Vec<MemberFacts<'a>> {
    // A list item that is not an object is no member (it is reported as a wrong type).
    let count = req.members.iter().filter(|m| m.is_object).count() as i64;
    let min = if kind == Kind::New { 2 } else { 1 };
    if count < min {
        let kind = if kind == Kind::New { "new" } else { "join" };
        out.add(
            Code::MembersTooFew,
            Path::root().key("members"),
            vec![
                ("count", count.into()),
                ("min", min.into()),
                ("kind", kind.into()),
            ],
        );
    }
    // The row where each well-formed UAI first appears (member.duplicate).
    let mut first_rows = HashMap::new();
    req.members
        .iter()
        .enumerate()
        .map(|(i, m)| check_member(i, m, c, &mut first_rows, out))
        .collect()
}

fn check_member<'a>(
    i: usize,
    m: &'a Member<'a>,
    c: i64,
    first_rows: &mut HashMap<String, usize>,
    out: &mut Findings,
) -> MemberFacts<'a> {
    let row = i as i64 + 1;
    let mut facts = MemberFacts {
        uai: m.uai.map(|u| u.trim().to_owned()),
        territory: None,
        display: String::new(),
        sectors: &m.sectors,
        position: position(m.is_object, m.status, m.year, c),
        year: m.year,
    };
    if m.is_object {
        check_uai(i, m.uai, first_rows, &mut facts, out);
        check_label(i, m, c, facts.position, out);
    }
    facts.display = m
        .name
        .map(str::to_owned)
        .or_else(|| facts.uai.clone())
        .unwrap_or_else(|| {
            let mut s = String::from("n° ");
            crate::text::write_int(&mut s, row);
            s
        });
    facts
}

fn check_uai(
    i: usize,
    raw: Option<&str>,
    first_rows: &mut HashMap<String, usize>,
    facts: &mut MemberFacts<'_>,
    out: &mut Findings,
) {
    let row = (i as i64 + 1).into();
    let Some(raw) = raw else {
        out.add(
            Code::MemberUaiMissing,
            member_path(i, "uai"),
            vec![("row", row)],
        );
        return;
    };
    let u = uai::examine(raw);
    for (code, mut params) in u.problems {
        params.push(("row", row.clone()));
        out.add(code, member_path(i, "uai"), params);
    }
    if !u.well_formed {
        return;
    }
    if let Some(&first) = first_rows.get(&u.normalized) {
        let params = vec![
            ("uai", u.normalized.as_str().into()),
            ("row", row),
            ("firstRow", (first as i64 + 1).into()),
        ];
        out.add(Code::MemberDuplicate, member_path(i, "uai"), params);
    }
    first_rows.entry(u.normalized.clone()).or_insert(i);
    facts.territory = u.territory;
    facts.uai = Some(u.normalized);
}

fn check_label(i: usize, m: &Member<'_>, c: i64, pos: Position, out: &mut Findings) {
    let row = || ("row", (i as i64 + 1).into());
    let status = match m.status {
        Err(None) => {
            return out.add(
                Code::MemberStatusMissing,
                label_path(i, "status"),
                vec![row()],
            )
        }
        Err(Some(value)) => {
            return out.add(
                Code::MemberStatusInvalid,
                label_path(i, "status"),
                vec![("value", value.into()), row()],
            );
        }
        Ok(Status::None) => {
            return out.add(
                Code::MemberNotLabelled,
                label_path(i, "status"),
                vec![row()],
            )
        }
        Ok(Status::Applying) => {
            return out.add(Code::MemberApplying, label_path(i, "status"), vec![row()])
        }
        Ok(s) => s,
    };
    let Some(year) = m.year else {
        return out.add(
            Code::MemberDecisionYearMissing,
            label_path(i, "lastDecisionYear"),
            vec![row()],
        );
    };
    let year_params = vec![
        ("year", year.into()),
        ("endYear", (year + LABEL_YEARS).into()),
        ("campaignYear", c.into()),
        row(),
    ];
    if !(FIRST_DECISION_YEAR..=c).contains(&year) {
        let mut params = year_params;
        params.push(("min", FIRST_DECISION_YEAR.into()));
        return out.add(
            Code::MemberDecisionYearInvalid,
            label_path(i, "lastDecisionYear"),
            params,
        );
    }
    if pos == Position::Expired {
        out.add(
            Code::MemberLabelExpired,
            label_path(i, "lastDecisionYear"),
            year_params,
        );
    } else if status == Status::Labelled && year + LABEL_YEARS == c {
        out.add(Code::MemberRenewalDue, label_path(i, "status"), year_params);
    }
}
