//! Stage 4 — engine: evaluate compiled rules against a [`Report`](crate::report::Report) into
//! [`Verdict`]s with evidence.

mod check;
mod verdict;

pub use check::{check, check_rule, MAX_EVIDENCE};
pub use verdict::*;
