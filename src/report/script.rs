//! Traditional-character copies of a report (mirror sites, a portal's big5 gateway) read as the
//! simplified original: the parser and every rule see one script, while evidence still quotes the
//! source as written.
//!
//! The conversion is character by character (the `fast2s` table, with its few context rules), so
//! it is applied only to a text that is written in traditional characters as a whole: a simplified
//! report that quotes a traditional name, or uses 於/乾 in a proper name, stays untouched.

use super::span::floor_char_boundary;
use std::borrow::Cow;

/// How much of the text may decide its script: enough Han characters to be sure, few enough that
/// a long simplified report costs nothing.
const SAMPLE_BYTES: usize = 6_000;
/// The sample is read in pieces of this size, so that it stops as soon as it is sure.
const PIECE_BYTES: usize = 600;
/// Share of the sampled Han characters that are traditional-only forms. Traditional prose has a
/// quarter to a third of its characters in forms that simplification changed; simplified prose
/// has next to none.
const MIN_TRADITIONAL_SHARE: f64 = 0.08;
/// Fewer Han characters than this say nothing about the script.
const MIN_SAMPLE_HAN: usize = 20;
/// This many Han characters decide it: a quarter against next to none is clear long before.
const SURE_HAN: usize = 300;

/// `src` in simplified characters, with every byte offset unchanged (the table maps three-byte
/// characters to three-byte characters), or `src` itself when it is not traditional.
pub fn simplified(src: &str) -> Cow<'_, str> {
    if !is_traditional(src) {
        return Cow::Borrowed(src);
    }
    let mut out = src.to_owned();
    fast2s::replace(&mut out);
    debug_assert_eq!(out.len(), src.len(), "conversion keeps byte offsets");
    Cow::Owned(out)
}

fn is_traditional(src: &str) -> bool {
    let (mut han, mut changed) = (0usize, 0usize);
    let mut start = 0;
    while start < src.len().min(SAMPLE_BYTES) && han < SURE_HAN {
        let end = floor_char_boundary(src, (start + PIECE_BYTES).min(src.len()));
        let piece = &src[start..end];
        for (a, b) in piece.chars().zip(fast2s::convert(piece).chars()) {
            if is_han(a) {
                han += 1;
                changed += usize::from(a != b);
            }
        }
        start = end;
    }
    han >= MIN_SAMPLE_HAN && changed as f64 / han as f64 >= MIN_TRADITIONAL_SHARE
}

/// A Chinese character (Unicode's Han script).
pub fn is_han(c: char) -> bool {
    use unicode_script::{Script, UnicodeScript};
    // The common ideographs first: the script table's search is most of the cost otherwise.
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || (c > '\u{2E7F}' && c.script() == Script::Han)
}

#[cfg(test)]
mod tests {
    use super::simplified;

    #[test]
    fn a_traditional_copy_reads_as_simplified_with_the_same_offsets() {
        let t = "2024年，東城區堅持以習近平新時代中國特色社會主義思想為指導，深入貫徹落實黨的二十大精神。";
        let s = simplified(t);
        assert_eq!(
            s,
            "2024年，东城区坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神。"
        );
        assert_eq!(s.len(), t.len());
    }

    #[test]
    fn simplified_prose_is_left_alone_even_with_a_traditional_name_in_it() {
        for t in [
            "2024年，某县坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政，法治政府建设取得新成效。",
            // A quoted traditional shop sign and 乾/於 in proper names stay as written.
            "2023年，某区对“老字號”商铺开展普法，在乾元街道、於家村设立法律服务点，群众满意度持续提升，各项工作稳步推进。",
            "短",
        ] {
            assert_eq!(simplified(t), t);
        }
    }
}
