//! Stage 2 — report: [`SourceText`] → [`Report`], the structured document every rule works on.
//!
//! All positions are byte [`Span`]s into `Report::source.text` (the decoded original text); line and
//! column are derived only when rendering, through [`LineIndex`].

mod model;
mod norm;
mod span;

pub use model::*;
pub use norm::{fold_width, NormBuilder, NormText};
pub use span::{LineIndex, Position, Span};

use crate::ingest::SourceText;

/// Parse decoded text into a [`Report`]. Never fails: what cannot be recognised is simply absent.
pub fn parse(source: SourceText) -> Report {
    let lines = LineIndex::new(&source.text);
    let body = Span::new(0, source.text.len());
    let norm = NormText::new(&source.text);
    Report {
        lines,
        norm,
        body,
        meta: Meta::default(),
        sections: Vec::new(),
        numbering_issues: Vec::new(),
        enumerations: Vec::new(),
        sentences: Vec::new(),
        facts: Vec::new(),
        breakdowns: Vec::new(),
        ratios: Vec::new(),
        source,
    }
}
