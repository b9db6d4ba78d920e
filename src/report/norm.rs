//! Text normalised for matching, with a map back to source offsets.
//!
//! Full-width ASCII forms (（一） ，：％ ０-９ Ａ-ｚ) become half-width and the ideographic space a
//! space, so that rules and extractors match one form. The parser may also drop characters (a page
//! break inside a sentence) through [`NormBuilder`]; every normalised byte still maps to the source.

use super::Span;
use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub struct NormText {
    pub text: String,
    /// The map back to the source, as runs: from `(norm, source)` on, each normalised character
    /// starts `source - norm` bytes later in the source, until the next run. A run ends only where
    /// a character was folded to a shorter one or dropped, so a report needs a few runs per
    /// hundred characters instead of an offset per byte (which was the largest thing kept for a
    /// long report). Offsets past 4 GiB saturate; no report is that long.
    runs: Vec<(u32, u32)>,
    /// Where to look in `runs`: entry `k` counts the runs starting at or before normalised
    /// offset `k * BLOCK`, and those starting before source offset `k * BLOCK`, so that a lookup
    /// searches only the runs of one block.
    by_norm: Vec<u32>,
    by_source: Vec<u32>,
}

/// Bytes of text per entry of the run index.
const BLOCK: usize = 64;

/// The half-width form of a full-width ASCII character, or the character itself.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

impl NormText {
    /// Width-folded copy of `source` (no characters dropped).
    pub fn new(source: &str) -> Self {
        let mut b = NormBuilder::with_capacity(source.len());
        for (i, c) in source.char_indices() {
            b.push(fold_width(c), i);
        }
        b.finish(source.len())
    }

    /// The source span of normalised byte range `range`.
    pub fn to_source(&self, range: Range<usize>) -> Span {
        let start = self.source_at(range.start.min(self.text.len()));
        let end = if range.end == 0 {
            start
        } else {
            // End of the last character in the range: the start of the next one in the source.
            self.source_at(range.end.min(self.text.len())).max(start)
        };
        Span::new(start, end)
    }

    /// The normalised byte range covering source span `span`.
    pub fn from_source(&self, span: Span) -> Range<usize> {
        let (start, end) = (self.first_from(span.start), self.first_from(span.end));
        start.min(self.text.len())..end.min(self.text.len())
    }

    /// Normalised text of source span `span`.
    pub fn slice_source(&self, span: Span) -> &str {
        &self.text[self.from_source(span)]
    }

    /// Source offset of the character holding normalised byte `i` (`i <= text.len()`).
    pub(crate) fn source_at(&self, i: usize) -> usize {
        let mut at = i;
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let r = within(&self.by_norm, at, &self.runs, |&(n, _)| n as usize <= at);
        let Some(&(n, s)) = r.checked_sub(1).and_then(|r| self.runs.get(r)) else {
            return 0;
        };
        s as usize + (at - n as usize)
    }

    /// The first normalised offset (up to `text.len() + 1`, for none) whose source offset is at
    /// least `x`.
    fn first_from(&self, x: usize) -> usize {
        let r = within(&self.by_source, x, &self.runs, |&(_, s)| (s as usize) < x);
        let end = self
            .runs
            .get(r)
            .map_or(self.text.len() + 1, |&(n, _)| n as usize);
        let Some(&(n, s)) = r.checked_sub(1).and_then(|r| self.runs.get(r)) else {
            return 0;
        };
        let mut at = n as usize + (x - s as usize);
        if at >= end {
            return end;
        }
        while at < self.text.len() && !self.text.is_char_boundary(at) {
            at += 1;
        }
        at
    }
}

/// Builds a [`NormText`] character by character.
#[derive(Debug, Default)]
pub struct NormBuilder {
    text: String,
    runs: Vec<(u32, u32)>,
}

impl NormBuilder {
    pub fn with_capacity(n: usize) -> Self {
        NormBuilder {
            text: String::with_capacity(n),
            runs: Vec::new(),
        }
    }

    /// Append `c`, produced by the source character at `source_offset`.
    pub fn push(&mut self, c: char, source_offset: usize) {
        self.mark(source_offset);
        self.text.push(c);
    }

    /// Append `s`, copied unchanged from the source at `source_offset`.
    pub fn push_str(&mut self, s: &str, source_offset: usize) {
        self.mark(source_offset);
        self.text.push_str(s);
    }

    /// Finish; `source_len` is the length of the source text.
    pub fn finish(mut self, source_len: usize) -> NormText {
        self.mark(source_len);
        self.runs.shrink_to_fit();
        let by_norm = index(
            &self.runs,
            self.text.len(),
            |&(n, _)| n as usize,
            |n, at| n <= at,
        );
        let by_source = index(&self.runs, source_len, |&(_, s)| s as usize, |s, at| s < at);
        NormText {
            text: self.text,
            runs: self.runs,
            by_norm,
            by_source,
        }
    }

    /// Start a run at the end of the text unless `source_offset` continues the current one.
    fn mark(&mut self, source_offset: usize) {
        let (n, s) = (offset32(self.text.len()), offset32(source_offset));
        let continues = self
            .runs
            .last()
            .is_some_and(|&(rn, rs)| s.wrapping_sub(rs) == n.wrapping_sub(rn));
        if !continues {
            self.runs.push((n, s));
        }
    }
}

/// For every block start `k * BLOCK` up to `len` and one past it, how many runs satisfy
/// `before(key(run), k * BLOCK)`; the runs are in order of `key`.
fn index(
    runs: &[(u32, u32)],
    len: usize,
    key: impl Fn(&(u32, u32)) -> usize,
    before: impl Fn(usize, usize) -> bool,
) -> Vec<u32> {
    let mut out = Vec::with_capacity(len / BLOCK + 2);
    let mut r = 0;
    for k in 0..=len / BLOCK + 1 {
        while r < runs.len() && before(key(&runs[r]), k * BLOCK) {
            r += 1;
        }
        out.push(offset32(r));
    }
    out
}

/// `runs.partition_point(pred)` for a predicate true of the runs before offset `at` (as the
/// index was built), searching only between the index entries around `at`.
fn within(
    index: &[u32],
    at: usize,
    runs: &[(u32, u32)],
    pred: impl Fn(&(u32, u32)) -> bool,
) -> usize {
    let k = at / BLOCK;
    match (index.get(k), index.get(k + 1)) {
        (Some(&lo), Some(&hi)) => {
            let (lo, hi) = (lo as usize, hi as usize);
            lo + runs[lo..hi].partition_point(pred)
        }
        _ => runs.partition_point(pred),
    }
}

fn offset32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_maps_back() {
        let src = "（一）出庭应诉率为１００％。";
        let n = NormText::new(src);
        assert_eq!(n.text, "(一)出庭应诉率为100%。");
        let at = n.text.find("100%").unwrap();
        let span = n.to_source(at..at + 4);
        assert_eq!(&src[span.start..span.end], "１００％");
        assert_eq!(n.slice_source(span), "100%");
    }

    /// The runs give every offset the per-byte map they replace would have given.
    #[test]
    fn runs_map_like_a_map_per_byte() {
        let src = &"（一）１２件，\u{3000}丢弃的字x，ab。末尾".repeat(6); // over several index blocks
        let mut b = NormBuilder::with_capacity(src.len());
        let mut per_byte = Vec::new();
        for (i, c) in src.char_indices() {
            if c == '丢' || c == '弃' {
                continue; // dropped, as the parser drops a page break
            }
            let c = fold_width(c);
            per_byte.extend(std::iter::repeat_n(i, c.len_utf8()));
            b.push(c, i);
        }
        per_byte.push(src.len());
        let n = b.finish(src.len());
        assert_eq!(per_byte.len(), n.text.len() + 1);
        for (i, &want) in per_byte.iter().enumerate() {
            assert_eq!(n.source_at(i), want, "byte {i}");
        }
        for x in 0..=src.len() + 1 {
            let want = per_byte.partition_point(|&s| s < x);
            assert_eq!(n.first_from(x), want, "source {x}");
        }
    }
}
