//! Every word the component shows, keyed by language: the findings'
//! messages (SPEC §6), the names of the request's fields as the applicant
//! sees them, the form binding's own words, and the plain-text report the
//! command-line tool prints. Nothing else holds user-facing text.

pub(crate) mod fields;
pub(crate) mod findings;
pub(crate) mod form;
pub(crate) mod report;
