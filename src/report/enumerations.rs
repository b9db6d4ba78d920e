//! In-paragraph enumerations: 一是…二是…三是…, also when each item opens a paragraph of its own.

use super::{Enumeration, Span};
use super::{NormText, Section};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?:^|[。;:,!?])\s*([一二三四五六七八九十]{1,2})是").expect("valid regex")
});

/// The last item of an enumeration is cut here if its paragraph runs on.
const MAX_ITEM_BYTES: usize = 4096;

struct Item {
    ordinal: u64,
    start: usize,
    at_line_start: bool,
}

pub fn find(
    norm: &NormText,
    src: &str,
    body: Range<usize>,
    sections: &[Section],
) -> Vec<Enumeration> {
    let text = &norm.text[body.clone()];
    let items: Vec<Item> = ITEM
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1)?;
            let at_line_start =
                text[..m.start()].trim_end_matches(' ').ends_with('\n') || m.start() == 0;
            Some(Item {
                ordinal: super::numerals::parse_cn(m.as_str())?,
                start: body.start + m.start(),
                at_line_start,
            })
        })
        .collect();
    let heading_starts: Vec<usize> = sections.iter().map(|s| s.heading.start).collect();
    // An item ends with its paragraph; the search is bounded so that huge lines stay linear.
    let line_end = |from: usize| {
        let mut limit = (from + MAX_ITEM_BYTES).min(body.end);
        while !norm.text.is_char_boundary(limit) {
            limit -= 1;
        }
        norm.text[from..limit]
            .find('\n')
            .map_or(limit, |k| from + k)
    };
    let mut out = Vec::new();
    let mut run: Vec<&Item> = Vec::new();
    let mut flush = |run: &mut Vec<&Item>| {
        if run.len() >= 2 {
            let mut spans = Vec::new();
            for (k, it) in run.iter().enumerate() {
                let end = run
                    .get(k + 1)
                    .map_or_else(|| line_end(it.start), |n| n.start);
                spans.push(super::src_span(norm, src, it.start..end));
            }
            let first = spans[0];
            let last = spans[spans.len() - 1];
            out.push(Enumeration {
                span: Span::new(first.start, last.end),
                items: spans,
            });
        }
        run.clear();
    };
    for it in &items {
        let continues = run.last().is_some_and(|prev| {
            let same_paragraph = !norm.text[prev.start..it.start].contains('\n');
            let (a, b) = (
                norm.to_source(prev.start..prev.start).start,
                norm.to_source(it.start..it.start).start,
            );
            let next_heading = heading_starts.partition_point(|&h| h <= a);
            let heading_between = heading_starts.get(next_heading).is_some_and(|&h| h < b);
            it.ordinal == prev.ordinal + 1
                && !heading_between
                && (same_paragraph || it.at_line_start)
        });
        if !continues {
            flush(&mut run);
        }
        if continues || it.ordinal == 1 {
            run.push(it);
        }
    }
    flush(&mut run);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_items_in_one_paragraph_and_across_paragraphs() {
        let src = "主要做法:一是加强领导,统一部署;二是完善制度。三是强化考核。\n\n另段:\n一是学习。\n\n二是宣传。\n";
        let norm = NormText::new(src);
        let e = find(&norm, src, 0..norm.text.len(), &[]);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].items.len(), 3);
        assert_eq!(
            &src[e[0].items[1].start..e[0].items[1].end],
            "二是完善制度。"
        );
        assert_eq!(&src[e[1].items[1].start..e[1].items[1].end], "二是宣传。");
    }
}
