//! The integration tests: one binary, one module per concern.

mod cases;
mod cli;
mod hostile;
mod messages;
mod properties;
mod real_data;
mod unicode;

#[path = "../support/invariants.rs"]
mod invariants;
