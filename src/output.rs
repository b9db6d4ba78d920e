//! Stage 5 — output: render a [`CheckRun`](crate::engine::CheckRun) as a table, JSON, JUnit, SARIF, Markdown, HTML or CSV.

pub mod document;
