//! Label facts (SPEC §5.4): how long a label lasts, the first year a
//! decision can bear, where a member stands in its own cycle and when its
//! label ends. Members and the cycle both read them.

use crate::input::Status;
use crate::report::Position;

/// The first year a « Lycée des métiers » label decision can bear.
pub(crate) const FIRST_DECISION_YEAR: i64 = 2001;

/// A label, like the appellation, lasts five years.
pub(crate) const LABEL_YEARS: i64 = 5;

/// Where a member stands in campaign `c`, from its status and the year `y`
/// of its last label decision.
pub(crate) fn position(
    is_object: bool,
    status: Result<Status, Option<&str>>,
    year: Option<i64>,
    c: i64,
) -> Position {
    let status = match status {
        _ if !is_object => return Position::Unknown,
        Err(_) => return Position::Unknown,
        Ok(Status::Applying) => return Position::Applying,
        Ok(Status::None) => return Position::NotLabelled,
        Ok(s) => s,
    };
    let Some(y) = year.filter(|y| (FIRST_DECISION_YEAR..=c).contains(y)) else {
        return Position::Unknown;
    };
    match y + LABEL_YEARS {
        _ if status == Status::RenewalRequested => Position::Renewal,
        end if end == c => Position::Renewal,
        _ if y == c - 1 => Position::RenewedLastYear,
        end if end == c + 1 => Position::RenewalNextYear,
        end if end < c => Position::Expired,
        _ => Position::MidCycle,
    }
}

/// `Y + 5`; for a member in renewal, the campaign year: its current label
/// ends now and the renewed one will run with the appellation.
pub(crate) fn label_ends(position: Position, year: Option<i64>, c: i64) -> Option<i64> {
    match position {
        Position::Renewal => Some(c),
        Position::RenewedLastYear
        | Position::RenewalNextYear
        | Position::MidCycle
        | Position::Expired => year.map(|y| y + LABEL_YEARS),
        Position::Applying | Position::NotLabelled | Position::Unknown => None,
    }
}
