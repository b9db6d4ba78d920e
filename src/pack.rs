//! Stage 3b — pack: YAML rule packs → typed, checked [`Rule`]s, and local tailoring.

mod severity;

pub use severity::Severity;
