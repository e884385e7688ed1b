//! Rules on the request as a whole (SPEC §5.3): its kind, the CMQ question,
//! and the network an establishment asks to join.

use crate::findings::Findings;
use crate::input::{Kind, Request};
use crate::report::{Code, Path};
use crate::text::normalize_title;

/// Checks kind, campus and join rules; returns the kind the other rules use
/// (a wrong kind is checked as a new network).
// One copy, however many callers: size matters more than a call here.
#[inline(never)]
pub(crate) fn check(req: &Request<'_>, c: i64, out: &mut Findings) -> Kind {
    let kind = match req.kind {
        Ok(kind) => kind,
        Err(value) => {
            out.add(
                Code::RequestKindInvalid,
                Path::root().key("kind"),
                vec![("value", value.into())],
            );
            Kind::New
        }
    };
    if req.campus_available == Some(true) {
        out.add(
            Code::RequestCampusAvailable,
            Path::root().key("campusAvailable"),
            Vec::new(),
        );
    }
    if kind == Kind::Join {
        check_join(req, c, out);
    }
    kind
}

/// The year the appellation was created (circular of 23 October 2023): no
/// network holds it from before.
pub(crate) const APPELLATION_CREATED: i64 = 2023;

/// The existing network's year of attribution, when it can be one for
/// campaign `c`: the cycle counts from it, else from `c` (SPEC §5.3).
pub(crate) fn network_year(req: &Request<'_>, c: i64) -> Option<i64> {
    let year = req.existing.as_ref()?.attributed_year?;
    usable_network_year(year, c)
}

fn usable_network_year(year: i64, c: i64) -> Option<i64> {
    (APPELLATION_CREATED..=c).contains(&year).then_some(year)
}

fn check_join(req: &Request<'_>, c: i64, out: &mut Findings) {
    let network = Path::root().key("existingNetwork");
    let Some(existing) = &req.existing else {
        return out.add(
            Code::JoinNetworkMissing,
            network,
            vec![("missing", "existingNetwork".into())],
        );
    };
    match existing.attributed_year {
        None => out.add(
            Code::JoinNetworkMissing,
            network,
            vec![("missing", "attributedYear".into())],
        ),
        Some(year) if usable_network_year(year, c).is_none() => {
            let mut params = vec![
                ("attributedYear", year.into()),
                ("campaignYear", c.into()),
                ("minYear", APPELLATION_CREATED.into()),
            ];
            let reason = if year < APPELLATION_CREATED {
                "before_creation"
            } else {
                "after_campaign"
            };
            params.push(("reason", reason.into()));
            out.add(
                Code::JoinNetworkYearInvalid,
                network.key("attributedYear"),
                params,
            );
        }
        Some(year) if year + 5 < c => {
            let params = vec![
                ("attributedYear", year.into()),
                ("endYear", (year + 5).into()),
                ("campaignYear", c.into()),
            ];
            out.add(
                Code::JoinNetworkExpired,
                network.key("attributedYear"),
                params,
            );
        }
        Some(_) => {}
    }
    let normalized = |t: Option<&str>| t.map(|t| normalize_title(t).0).filter(|t| !t.is_empty());
    if let (Some(title), Some(network_title)) = (normalized(req.title), normalized(existing.title))
    {
        if title != network_title {
            out.add(
                Code::JoinTitleDiffers,
                Path::root().key("title"),
                vec![("networkTitle", network_title.into())],
            );
        }
    }
}
