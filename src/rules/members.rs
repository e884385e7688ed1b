//! The members (SPEC §5.3): how many, their UAIs, their label status and the
//! year of their last label decision.

use super::label::{position, FIRST_DECISION_YEAR, LABEL_YEARS};
use super::MemberFacts;
use crate::findings::Findings;
use crate::input::{Kind, Member, Request, Status};
use crate::keys::Keys;
use crate::model::member_path;
use crate::report::{Code, Path, Position};
use crate::uai::{self, Uai};

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
    let uais: Vec<Option<Uai>> = (req.members.iter())
        .map(|m| m.uai.filter(|_| m.is_object).map(uai::examine))
        .collect();
    // Where each well-formed UAI first appears (member.duplicate).
    let firsts = Keys::new(uais.iter().zip(0..).filter_map(|(u, i)| {
        let u = u.as_ref().filter(|u| u.well_formed)?;
        Some((u.normalized.as_str(), i))
    }));
    (req.members.iter().zip(uais.iter()).enumerate())
        .map(|(i, (m, u))| check_member(i, m, u.as_ref(), c, &firsts, out))
        .collect()
}

fn check_member<'a>(
    i: usize,
    m: &'a Member<'a>,
    u: Option<&Uai>,
    c: i64,
    firsts: &Keys<'_>,
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
        check_uai(i, u, firsts, &mut facts, out);
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
    u: Option<&Uai>,
    firsts: &Keys<'_>,
    facts: &mut MemberFacts<'_>,
    out: &mut Findings,
) {
    let row = (i as i64 + 1).into();
    let Some(u) = u else {
        out.add(
            Code::MemberUaiMissing,
            member_path(i, "uai"),
            vec![("row", row)],
        );
        return;
    };
    for (code, params) in &u.problems {
        let mut params = params.clone();
        params.push(("row", row.clone()));
        out.add(*code, member_path(i, "uai"), params);
    }
    if !u.well_formed {
        return;
    }
    if let Some(first) = firsts.first(&u.normalized).filter(|&first| first < i) {
        let params = vec![
            ("uai", u.normalized.as_str().into()),
            ("row", row),
            ("firstRow", (first as i64 + 1).into()),
        ];
        out.add(Code::MemberDuplicate, member_path(i, "uai"), params);
    }
    facts.territory = u.territory;
    facts.uai = Some(u.normalized.clone());
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
