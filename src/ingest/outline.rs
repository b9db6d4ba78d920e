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

/// A Word paragraph as a line: a Markdown prefix marks a heading level (from the outline level or
/// the style) unless the text carries its own outline marker.
pub(crate) fn heading_line(level: Option<u8>, text: String) -> String {
    match level {
        Some(level) if !text.trim().is_empty() && !starts_with_outline_marker(&text) => {
            format!("{} {}", "#".repeat(level.into()), text.trim_start())
        }
        _ => text,
    }
}

/// Append `text` to a table cell or row, `sep` between non-empty pieces.
pub(crate) fn join_into(target: &mut String, text: &str, sep: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !target.is_empty() {
        target.push_str(sep);
    }
    target.push_str(text);
}
