//! Stage 4 — engine: evaluate compiled rules against a [`Report`](crate::report::Report) into
//! [`Verdict`]s with evidence.

mod verdict;

pub use verdict::*;
