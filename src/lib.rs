//! fzcheck — a compliance-checklist rules engine for 法治政府建设年度报告.
//!
//! The pipeline, one module per stage, data flowing one way:
//! [`ingest`] (bytes → text) → [`report`] (text → [`report::Report`]) → [`dsl`] and [`pack`]
//! (YAML + pest → checked rules) → [`engine`] (rules × report → verdicts) → [`output`] → `cli`.
//! [`batch`] runs the middle stages over many files; [`verify`] runs pack tests; [`eval`] measures
//! accuracy on labelled corpora.
#![warn(clippy::print_stdout)]

pub mod batch;
pub mod cli;
pub mod dsl;
pub mod engine;
pub mod eval;
pub mod ingest;
pub mod output;
pub mod pack;
pub mod report;
pub mod verify;
