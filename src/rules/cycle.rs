//! The cycle case (SPEC §5.4, the seed's items a–d): where each member stands
//! in its own 5-year label cycle, and what that means for the appellation.

use super::label::{label_ends, LABEL_YEARS};
use super::MemberFacts;
use crate::findings::Findings;
use crate::input::Kind;
use crate::report::{
    Adjustment, Code, CycleCase, CycleMember, CycleOption, CycleSummary, Path, Position, Review,
};

/// The cycle block, and its info findings.
// One copy, however many callers: size matters more than a call here.
#[inline(never)]
pub(crate) fn compute(
    kind: Kind,
    network_year: Option<i64>,
    facts: &[MemberFacts<'_>],
    c: i64,
    out: &mut Findings,
) -> CycleSummary {
    let members: Vec<CycleMember> = facts
        .iter()
        .enumerate()
        .map(|(index, f)| CycleMember {
            index,
            uai: f.uai.clone(),
            position: f.position,
            label_ends: label_ends(f.position, f.year, c),
        })
        .collect();
    let appellation_ends = match (kind, network_year) {
        (Kind::Join, Some(y)) => y + LABEL_YEARS,
        _ => c + LABEL_YEARS,
    };
    let positions: Vec<Position> = facts.iter().map(|f| f.position).collect();
    let joint_labelling = positions.contains(&Position::Applying);
    let case = case(&positions);
    if let Some(case) = case {
        let code = match case {
            CycleCase::A => Code::CycleCaseA,
            CycleCase::B => Code::CycleCaseB,
            CycleCase::C => Code::CycleCaseC,
            CycleCase::D => Code::CycleCaseD,
        };
        let renewals = count(&positions, Position::Renewal);
        out.add(
            code,
            Path::root(),
            vec![
                ("renewals", renewals.into()),
                ("campaignYear", c.into()),
                ("appellationEnds", appellation_ends.into()),
            ],
        );
    }
    if joint_labelling {
        out.add(
            Code::CycleJointLabelling,
            Path::root(),
            vec![("applying", count(&positions, Position::Applying).into())],
        );
    }
    let reviews = members
        .iter()
        .filter_map(|m| {
            let year = m
                .label_ends
                .filter(|y| (c + 1..appellation_ends).contains(y))?;
            Some(Review {
                uai: m.uai.clone().unwrap_or_default(),
                year,
            })
        })
        .collect();
    CycleSummary {
        case,
        joint_labelling,
        campaign_year: c,
        options: options(&members),
        members,
        appellation_years: appellation_ends - c,
        appellation_ends,
        reviews,
    }
}

fn count(positions: &[Position], p: Position) -> i64 {
    positions.iter().filter(|&&q| q == p).count() as i64
}

/// SPEC §5.4 steps 1 to 5.
fn case(positions: &[Position]) -> Option<CycleCase> {
    use Position::*;
    if positions.is_empty()
        || positions
            .iter()
            .any(|p| matches!(p, Expired | NotLabelled | Unknown))
    {
        return None;
    }
    let labelled: Vec<Position> = positions
        .iter()
        .copied()
        .filter(|p| p.is_labelled())
        .collect();
    if labelled.is_empty() {
        return None;
    }
    if labelled.contains(&Renewal) {
        let others_mid = labelled.iter().all(|p| matches!(p, Renewal | MidCycle));
        return Some(if others_mid && labelled.contains(&MidCycle) {
            CycleCase::D
        } else {
            CycleCase::A
        });
    }
    if labelled
        .iter()
        .any(|p| matches!(p, RenewedLastYear | RenewalNextYear))
    {
        return Some(CycleCase::B);
    }
    Some(CycleCase::C)
}

/// The adjustments of the seed's item b, listed whenever they name a member.
fn options(members: &[CycleMember]) -> Vec<CycleOption> {
    let uais = |p: Position| -> Vec<String> {
        members
            .iter()
            .filter(|m| m.position == p)
            .map(|m| m.uai.clone().unwrap_or_default())
            .collect()
    };
    let last_year = uais(Position::RenewedLastYear);
    let next_year = uais(Position::RenewalNextYear);
    let mut out = Vec::new();
    if !last_year.is_empty() {
        out.push(CycleOption {
            code: Adjustment::FourYearAppellation,
            members: last_year.clone(),
        });
        out.push(CycleOption {
            code: Adjustment::PostponedRenewal,
            members: last_year,
        });
    }
    if !next_year.is_empty() {
        out.push(CycleOption {
            code: Adjustment::AnticipatedRenewal,
            members: next_year,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Status;
    use crate::rules::label::position;
    use Position::*;

    #[test]
    fn positions_for_campaign_2027() {
        let labelled = |y| position(true, Ok(Status::Labelled), Some(y), 2027);
        assert_eq!(labelled(2022), Renewal);
        assert_eq!(labelled(2026), RenewedLastYear);
        assert_eq!(labelled(2023), RenewalNextYear);
        assert_eq!(
            [labelled(2024), labelled(2025), labelled(2027)],
            [MidCycle; 3]
        );
        assert_eq!(labelled(2021), Expired);
        assert_eq!(
            position(true, Ok(Status::RenewalRequested), Some(2019), 2027),
            Renewal
        );
        assert_eq!(
            position(true, Ok(Status::Labelled), Some(2028), 2027),
            Unknown
        );
        assert_eq!(position(true, Ok(Status::Labelled), None, 2027), Unknown);
        assert_eq!(position(true, Ok(Status::Applying), None, 2027), Applying);
        assert_eq!(position(true, Err(Some("x")), Some(2024), 2027), Unknown);
        assert_eq!(
            position(false, Ok(Status::Labelled), Some(2024), 2027),
            Unknown
        );
    }

    #[test]
    fn cases_in_spec_order() {
        assert_eq!(case(&[Renewal, MidCycle]), Some(CycleCase::D));
        assert_eq!(case(&[Renewal, Renewal]), Some(CycleCase::A));
        assert_eq!(
            case(&[Renewal, RenewedLastYear, MidCycle]),
            Some(CycleCase::A)
        );
        assert_eq!(case(&[RenewalNextYear, MidCycle]), Some(CycleCase::B));
        assert_eq!(case(&[MidCycle, MidCycle, Applying]), Some(CycleCase::C));
        assert_eq!(case(&[Applying, Applying]), None);
        assert_eq!(case(&[MidCycle, Expired]), None);
        assert_eq!(case(&[]), None);
    }
}
