//! Stage 2 — report: [`SourceText`] → [`Report`], the structured document every rule works on.
//!
//! All positions are byte [`Span`]s into `Report::source.text` (the decoded original text); line and
//! column are derived only when rendering, through [`LineIndex`]. Every stage below works on the
//! normalised text ([`NormText`]) and maps what it finds back to the source.

mod chrome;
mod dates;
mod ending;
mod enumerations;
mod facts;
mod issuer;
mod kind;
mod listed;
mod meta;
mod model;
mod norm;
mod normalize;
mod numerals;
mod outline;
mod page_fields;
mod relations;
pub(crate) mod scan;
mod script;
mod sentences;
mod span;
mod subject;
mod title;

pub use model::*;
pub use norm::{fold_width, NormBuilder, NormText};
pub use span::{LineIndex, Position, Span};

use crate::ingest::SourceText;
use std::ops::Range;

/// The metadata of a text, for the parser's unit tests.
#[cfg(test)]
fn meta_of(text: &str) -> Meta {
    parse(SourceText::from_text("t", text)).meta
}

/// Parse decoded text into a [`Report`]. Never fails: what cannot be recognised is simply absent.
pub fn parse(source: SourceText) -> Report {
    let src = source.text.as_str();
    let lines = LineIndex::new(src);
    let norm = normalize::normalize(src);
    let nlines = chrome::lines(&norm.text);
    let layout = chrome::layout(&norm.text, &nlines);
    let body_norm = match (
        nlines.get(layout.body.start),
        layout.body.end.checked_sub(1).and_then(|i| nlines.get(i)),
    ) {
        (Some(first), Some(last)) if layout.body.start < layout.body.end => first.start..last.end,
        _ => norm.text.len()..norm.text.len(),
    };
    let body = src_span(&norm, src, body_norm.clone());
    let outline = outline::build(&norm, src, &nlines, &layout, body_norm.end);
    let meta = meta::extract(
        &norm,
        src,
        &nlines,
        &layout,
        &source.meta,
        &outline.sections,
    );
    let sentences = sentences::split(&norm, src, body_norm.clone(), &outline.sections);
    let enumerations = enumerations::find(&norm, src, body_norm.clone(), &outline.sections);
    let report_year = meta.report_year.as_ref().map(|y| y.value);
    let mut facts = facts::extract(&norm, src, &sentences, &outline.sections, report_year);
    let rel = relations::find(&norm, &sentences, &facts);
    // `其中12项已完成`: a part that names nothing counts what its total counts.
    for b in &rel.breakdowns {
        let total = facts[b.total].label.clone();
        for &p in &b.parts {
            if facts[p].label.is_empty() {
                facts[p].label.clone_from(&total);
            }
        }
    }
    Report {
        lines,
        body,
        meta,
        sections: outline.sections,
        numbering_issues: outline.issues,
        enumerations,
        sentences: sentences.into_iter().map(|s| s.sentence).collect(),
        facts,
        breakdowns: rel.breakdowns,
        ratios: rel.ratios,
        derived: Default::default(),
        norm,
        source,
    }
}

fn is_trim(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Source span of a normalised range, without the whitespace a repaired break left at its edges.
pub(crate) fn src_span(norm: &NormText, src: &str, range: Range<usize>) -> Span {
    let s = norm.to_source(range.clone());
    // Up to the end of the last character's own source, not the start of the next: what the
    // normaliser dropped after it (the `**` closing a bold line) is not part of the span.
    let last_end = norm
        .text
        .get(range.start.min(range.end)..range.end.min(norm.text.len()))
        .and_then(|r| r.chars().next_back())
        .and_then(|c| {
            let at = norm.source_at(range.end - c.len_utf8());
            Some(at + src.get(at..)?.chars().next()?.len_utf8())
        });
    let s = Span::new(s.start, last_end.map_or(s.end, |e| e.clamp(s.start, s.end)));
    let (mut start, mut end) = (s.start.min(src.len()), s.end.min(src.len()));
    let Some(slice) = src.get(start..end) else {
        return Span::new(start, start);
    };
    end = start + slice.trim_end_matches(is_trim).len();
    start = end - src[start..end].trim_start_matches(is_trim).len();
    Span::new(start, end)
}

/// Source text of a normalised range.
pub(crate) fn src_text(norm: &NormText, src: &str, range: Range<usize>) -> String {
    let s = src_span(norm, src, range);
    src.get(s.start..s.end).unwrap_or_default().to_string()
}
