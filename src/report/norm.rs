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
    /// `map[i]` is the source offset of the character that produced normalised byte `i`;
    /// `map[text.len()]` is the source end. Four bytes an entry, not eight: the map is the largest
    /// thing kept per report (offsets past 4 GiB saturate; no report is that long).
    map: Vec<u32>,
}

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
        let start = self.map[range.start.min(self.text.len())] as usize;
        let end = if range.end == 0 {
            start
        } else {
            // End of the last character in the range: the start of the next one in the source.
            (self.map[range.end.min(self.text.len())] as usize).max(start)
        };
        Span::new(start, end)
    }

    /// The normalised byte range covering source span `span`.
    pub fn from_source(&self, span: Span) -> Range<usize> {
        let start = self.map.partition_point(|&s| (s as usize) < span.start);
        let end = self.map.partition_point(|&s| (s as usize) < span.end);
        start.min(self.text.len())..end.min(self.text.len())
    }

    /// Normalised text of source span `span`.
    pub fn slice_source(&self, span: Span) -> &str {
        &self.text[self.from_source(span)]
    }
}

/// Builds a [`NormText`] character by character.
#[derive(Debug, Default)]
pub struct NormBuilder {
    text: String,
    map: Vec<u32>,
}

impl NormBuilder {
    pub fn with_capacity(n: usize) -> Self {
        NormBuilder {
            text: String::with_capacity(n),
            map: Vec::with_capacity(n + 1),
        }
    }

    /// Append `c`, produced by the source character at `source_offset`.
    pub fn push(&mut self, c: char, source_offset: usize) {
        self.text.push(c);
        self.map
            .extend(std::iter::repeat_n(offset32(source_offset), c.len_utf8()));
    }

    /// Finish; `source_len` is the length of the source text.
    pub fn finish(mut self, source_len: usize) -> NormText {
        self.map.push(offset32(source_len));
        NormText {
            text: self.text,
            map: self.map,
        }
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
}
