//! Sentences: split on 。！？；!? and at line ends (a heading line is a sentence of its own).

use super::{NormText, Section, Sentence};
use std::ops::Range;

/// A sentence with what later stages need to know about it.
#[derive(Debug, Clone)]
pub struct Piece {
    pub sentence: Sentence,
    /// Normalised byte range.
    pub norm: Range<usize>,
    /// Sentences separated only by ；share a group: a total and its 其中 parts may run across ；.
    pub group: usize,
}

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | ')' | '】' | '》' | '」' | '』')
}

pub fn split(norm: &NormText, src: &str, body: Range<usize>, sections: &[Section]) -> Vec<Piece> {
    let text = &norm.text[body.clone()];
    let mut out = Vec::new();
    let mut group = 0;
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let hard = matches!(c, '。' | '!' | '?' | '\n');
        if !hard && c != ';' {
            continue;
        }
        let mut end = if c == '\n' { i } else { i + c.len_utf8() };
        while let Some(&(j, d)) = chars.peek() {
            if c == '\n' || !is_closing(d) {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        push(
            &mut out,
            norm,
            src,
            body.start + start..body.start + end,
            group,
            sections,
        );
        if hard {
            group += 1;
        }
        start = if c == '\n' { i + 1 } else { end };
    }
    push(
        &mut out,
        norm,
        src,
        body.start + start..body.end,
        group,
        sections,
    );
    out
}

fn push(
    out: &mut Vec<Piece>,
    norm: &NormText,
    src: &str,
    r: Range<usize>,
    group: usize,
    sections: &[Section],
) {
    let t = &norm.text[r.clone()];
    let lead = t.len() - t.trim_start().len();
    let trimmed = t.trim();
    if trimmed.is_empty() {
        return;
    }
    let r = r.start + lead..r.start + lead + trimmed.len();
    let span = super::src_span(norm, src, r.clone());
    out.push(Piece {
        sentence: Sentence {
            span,
            section: innermost(sections, span.start),
        },
        norm: r,
        group,
    });
}

/// The deepest section whose span contains `offset`.
pub fn innermost(sections: &[Section], offset: usize) -> Option<usize> {
    let mut i = sections
        .partition_point(|s| s.heading.start <= offset)
        .checked_sub(1)?;
    loop {
        let s = &sections[i];
        if s.span.start <= offset && offset < s.span.end.max(s.span.start + 1) {
            return Some(i);
        }
        i = s.parent?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_terminators_and_line_ends() {
        let src = "一、标题\n甲乙。丙丁;戊己!“庚。”辛";
        let norm = NormText::new(src);
        let ps = split(&norm, src, 0..norm.text.len(), &[]);
        let texts: Vec<&str> = ps
            .iter()
            .map(|p| &src[p.sentence.span.start..p.sentence.span.end])
            .collect();
        assert_eq!(
            texts,
            ["一、标题", "甲乙。", "丙丁;", "戊己!", "“庚。”", "辛"]
        );
        assert_eq!(ps[2].group, ps[3].group);
        assert_eq!(ps[1].group + 1, ps[2].group);
    }
}
