//! Matching: one pass of a dictionary's automaton over the text, then each hit checked against
//! its entry's exceptions and, for formulations, against the text that follows and the year.

use super::compile::{Dictionary, Entry, PatKind};
use chrono::NaiveDate;
use serde::Serialize;
use std::ops::Range;

/// Why a hit is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    /// A listed wrong form.
    Wrong,
    /// A formulation's prefix followed by something other than its continuation.
    Truncated,
    /// A fixed series in another order.
    Reordered,
    /// A form the canonical one replaced before the report's year.
    Outdated,
    /// A meeting held after the report on that year had to be published.
    Late,
}

impl HitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Wrong => "wrong",
            HitKind::Truncated => "truncated",
            HitKind::Reordered => "reordered",
            HitKind::Outdated => "outdated",
            HitKind::Late => "late",
        }
    }
}

/// A dictionary entry found in a text: byte range in that text.
#[derive(Debug, Clone)]
pub struct Hit<'d> {
    pub range: Range<usize>,
    pub kind: HitKind,
    pub entry: &'d Entry,
    pub dict: &'d Dictionary,
}

/// Whitespace a line break or page break may leave inside a formulation.
fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// The last day a report on `year` may be published: the end of the next year's first quarter
/// (《法治政府建设与责任落实督察工作规定》: reports are made public in the first quarter).
fn due(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year + 1, 3, 31)
}

impl Dictionary {
    /// Every hit in `text`, in text order; `year` is the report's year (outdated forms and
    /// late meetings need it). Linear in the text: one automaton pass, then constant work per
    /// candidate bounded by the entry's forms.
    pub fn scan<'d>(&'d self, text: &str, year: Option<i32>) -> Vec<Hit<'d>> {
        let mut hits: Vec<Hit<'d>> = Vec::new();
        for m in self.automaton.for_text(text).find_overlapping_iter(text) {
            let (i, pat) = self.patterns[m.pattern().as_usize()];
            let entry = &self.entries[i];
            let range = m.start()..m.end();
            if excepted(text, &range, entry) {
                continue;
            }
            let hit = |range, kind| Hit {
                range,
                kind,
                entry,
                dict: self,
            };
            match pat {
                PatKind::Wrong => hits.push(hit(range, HitKind::Wrong)),
                PatKind::Reordered => hits.push(hit(range, HitKind::Reordered)),
                PatKind::Outdated => {
                    if year.is_some_and(|y| entry.since.is_some_and(|s| y >= s)) {
                        hits.push(hit(range, HitKind::Outdated));
                    }
                }
                PatKind::Held => {
                    let late = year
                        .and_then(due)
                        .zip(entry.held)
                        .is_some_and(|(d, h)| h > d);
                    if late {
                        hits.push(hit(range, HitKind::Late));
                    }
                }
                PatKind::Anchor => {
                    if let Some(end) = diverges(text, range.start, entry) {
                        hits.push(hit(range.start..end, HitKind::Truncated));
                    }
                }
            }
        }
        hits.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
        // A hit inside a longer one says nothing new (再接再励 and a shorter form inside it).
        let mut kept: Vec<Hit<'d>> = Vec::with_capacity(hits.len());
        for h in hits {
            if kept.last().is_some_and(|k| k.range.end >= h.range.end) {
                continue;
            }
            kept.push(h);
        }
        kept
    }
}

/// Whether the hit lies inside one of its entry's exceptions.
fn excepted(text: &str, range: &Range<usize>, entry: &Entry) -> bool {
    let found = &text[range.clone()];
    entry.except.iter().any(|x| {
        x.match_indices(found).any(|(k, _)| {
            range
                .start
                .checked_sub(k)
                .and_then(|s| text.get(s..s + x.len()))
                .is_some_and(|t| t == x)
        })
    })
}

/// Where the text at `start` stops following the entry's right form (and its other correct
/// forms): the end of the divergent character, or `None` when one of them is there in full.
/// Line breaks and spaces inside the formulation are skipped.
fn diverges(text: &str, start: usize, entry: &Entry) -> Option<usize> {
    let mut furthest = start;
    for form in std::iter::once(&entry.right).chain(&entry.also) {
        let mut chars = text[start..].char_indices().filter(|&(_, c)| !is_gap(c));
        let mut end = start;
        let mut whole = true;
        for want in form.chars() {
            match chars.next() {
                Some((i, c)) if c == want => end = start + i + c.len_utf8(),
                Some((i, c)) => {
                    end = start + i + c.len_utf8();
                    whole = false;
                    break;
                }
                None => {
                    whole = false;
                    break;
                }
            }
        }
        if whole {
            return None;
        }
        furthest = furthest.max(end);
    }
    Some(furthest)
}
