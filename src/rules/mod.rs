//! The rules of SPEC §5, one module per part of the form, run in the order
//! the parts depend on each other: the kind decides how many members are
//! needed, the members what the scope can claim, the scope what the title
//! must name, the members' label facts the cycle case.
//!
//! Rules read the typed view of `input`, push findings, and hand each other
//! only the two facts defined here; none reaches into another for a helper.

mod actions;
mod cycle;
mod label;
mod members;
mod request;
mod scope;
mod title;

use crate::findings::Findings;
use crate::input::Request;
use crate::options::Options;
use crate::report::{CycleSummary, Position, TitleSummary};
use crate::territory::Territory;

pub(crate) use label::LABEL_YEARS;
pub use title::{MAX_LENGTH, MENTION};

/// What the other rules need to know about one member.
pub(crate) struct MemberFacts<'a> {
    /// Normalised when well-formed, else as given (trimmed).
    pub uai: Option<String>,
    /// Where a well-formed UAI places the member.
    pub territory: Option<Territory>,
    /// How messages name the member: its name, else its UAI, else its row.
    pub display: String,
    /// The member's own label filières.
    pub sectors: &'a [&'a str],
    pub position: Position,
    pub year: Option<i64>,
}

/// What the title should name, from the scope.
pub(crate) enum Perimeter<'a> {
    /// The territory's display name.
    Territory(&'a str),
    /// The filières of a sector scope.
    Sectors(Vec<&'a str>),
}

/// Every rule on a request read from an object; campaign year `c`.
// One copy, however many callers: size matters more than a call here.
#[inline(never)]
pub(crate) fn run(
    req: &Request<'_>,
    c: i64,
    options: &Options,
    out: &mut Findings,
) -> (TitleSummary, CycleSummary) {
    let kind = request::check(req, c, out);
    let facts = members::check(req, kind, c, out);
    let perimeter = scope::check(req, &facts, out);
    let title = title::check(req.title, perimeter, out);
    let network_year = request::network_year(req, c);
    let cycle = cycle::compute(kind, network_year, &facts, c, out);
    actions::check(req, &options.criteria_list(), out);
    (title, cycle)
}

/// The title rules alone, as a live counter calls them (no perimeter).
pub(crate) fn title_alone(title: &str, out: &mut Findings) -> TitleSummary {
    title::check(Some(title), None, out)
}

/// The cycle block of a request that could not be read: no case.
pub(crate) fn empty_cycle(c: i64) -> CycleSummary {
    CycleSummary {
        case: None,
        joint_labelling: false,
        campaign_year: c,
        members: Vec::new(),
        appellation_years: LABEL_YEARS,
        appellation_ends: c + LABEL_YEARS,
        options: Vec::new(),
        reviews: Vec::new(),
    }
}
