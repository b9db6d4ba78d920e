//! The numbering of official documents as it appears at the start of a line.

/// `一、` `（一）` `(一)` `1.` `1、` `（1）` at the start of `text`.
pub(crate) fn starts_with_outline_marker(text: &str) -> bool {
    let t = text.trim_start();
    let is_cn = |c: char| "一二三四五六七八九十百零〇".contains(c);
    let numeral_then = |s: &str, close: &[char]| -> bool {
        let n: String = s
            .chars()
            .take_while(|&c| is_cn(c) || c.is_ascii_digit())
            .collect();
        !n.is_empty() && s[n.len()..].starts_with(close)
    };
    if let Some(rest) = t.strip_prefix(['（', '(']) {
        return numeral_then(rest, &['）', ')']);
    }
    numeral_then(t, &['、', '.', '．'])
}
