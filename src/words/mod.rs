//! Every word the component shows, keyed by language: the findings'
//! messages (SPEC §6), the form binding's own words, and the plain-text
//! report the command-line tool prints. Nothing else holds user-facing text.

pub(crate) mod findings;
pub(crate) mod form;
pub(crate) mod report;
