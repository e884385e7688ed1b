//! The integration tests: one binary, one module per concern.

mod cases;
mod cli;
mod unicode;
mod messages;
mod properties;

#[path = "../support/invariants.rs"]
mod invariants;
