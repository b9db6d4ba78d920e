//! How a found value is compared with a label (LABELS.md): kind, title, issuer, and finding a
//! labelled text span in the report.

use super::labels::LabelKind;
use crate::report::Span;

/// `other` stands for every document that is neither an annual report nor a case study (the
/// shared corpus labels news and plans `other`); every other kind must match exactly.
pub fn kind_matches(label: LabelKind, found: &str) -> bool {
    match label {
        LabelKind::Other => !matches!(found, "annual_report" | "case_study"),
        _ => label.as_str() == found,
    }
}

/// Equal once whitespace is removed and widths folded: a title broken over two lines, or a
/// full-width copy (`２０２４年`) of a label written half-width, matches either way.
pub fn title_matches(expected: &str, found: &str) -> bool {
    squeeze(expected) == squeeze(found)
}

/// Equal without whitespace, or one contains the other when the shorter still names a place and
/// a body (铜梁区人民政府 within 重庆市铜梁区人民政府; not 区政府). A label naming a place alone
/// (`某市某区`) stands for its government, as the genre's titles do.
pub fn issuer_matches(expected: &str, found: &str) -> bool {
    let (mut a, b) = (squeeze(expected), squeeze(found));
    if a.ends_with("街道") {
        a.push_str("办事处");
    } else if PLACE_ENDINGS.iter().any(|e| a.ends_with(e)) {
        a.push_str("人民政府");
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    long.contains(&short) && names_place_and_body(&short)
}

/// Administrative-division endings that close a place name.
const PLACE_ENDINGS: [&str; 10] = ["街道", "省", "市", "区", "县", "州", "旗", "盟", "镇", "乡"];
/// Words that point at a place instead of naming it (本区, 我县, 该市, 全省).
const DEICTIC: [char; 6] = ['本', '我', '该', '全', '各', '此'];

/// A place name (at least one naming character before a division ending, not 本/我/该…) followed by
/// a body of at least two characters: 贤庠镇人民政府, 铜梁区司法局.
fn names_place_and_body(s: &str) -> bool {
    for (i, _) in s.char_indices().skip(1) {
        let Some(ending) = PLACE_ENDINGS.iter().find(|e| s[i..].starts_with(**e)) else {
            continue;
        };
        let name = &s[..i];
        let names = name
            .chars()
            .any(|c| !DEICTIC.contains(&c) && !PLACE_ENDINGS.iter().any(|e| e.starts_with(c)));
        return names && s[i + ending.len()..].chars().count() >= 2;
    }
    false
}

/// A rate's name as found agrees with the label's when one ends with the other
/// (`政务服务事项网上可办率` for 网上可办率): a label may keep more or less of the noun phrase before
/// the rate's own name.
pub fn rate_label_matches(expected: &str, found: &str) -> bool {
    let (want, got) = (bare_label(expected), bare_label(found));
    !got.is_empty() && (got.ends_with(&want) || want.ends_with(&got))
}

/// A label as compared: [`squeeze`]d, without quotation marks and a bracketed note
/// (`平均得分率(2014年)`), which labels and texts write differently.
pub fn bare_label(s: &str) -> String {
    let mut depth = 0usize;
    squeeze(s)
        .chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => return depth == 0 && !"“”\"'‘’".contains(c),
            }
            false
        })
        .collect()
}

/// Without whitespace and the 、 between co-issuers (`中共某省委、某省人民政府` is written with a
/// space in a title), full-width ASCII forms (U+FF01–U+FF5E) folded to their half-width letters.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '、')
        .map(fold_width)
        .collect()
}

fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Every place `needle` occurs in `hay`, whitespace ignored on both sides (labels copy text that
/// a page or a converter may break differently), as byte spans of `hay`.
pub fn find_all(hay: &str, needle: &str) -> Vec<Span> {
    let needle: Vec<char> = needle.chars().filter(|c| !c.is_whitespace()).collect();
    let chars: Vec<(usize, char)> = hay
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    if needle.is_empty() || needle.len() > chars.len() {
        return Vec::new();
    }
    (0..=chars.len() - needle.len())
        .filter(|&i| {
            chars[i..i + needle.len()]
                .iter()
                .zip(&needle)
                .all(|((_, h), n)| h == n)
        })
        .map(|i| {
            let (last, c) = chars[i + needle.len() - 1];
            Span::new(chars[i].0, last + c.len_utf8())
        })
        .collect()
}

/// Whether two spans share at least one byte.
pub fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_across_widths_and_line_breaks() {
        assert!(title_matches("某县２０２４年度报告", "某县2024年度报告"));
        assert!(title_matches(
            "某县2024年度\n  工作报告",
            "某县2024年度工作报告"
        ));
        assert!(!title_matches("某县2024年度报告", "某县2023年度报告"));
    }

    #[test]
    fn find_all_ignores_whitespace() {
        let hay = "甲乙\n丙丁，甲 乙丙";
        let spans = find_all(hay, "甲乙丙");
        assert_eq!(spans.len(), 2);
        assert_eq!(&hay[spans[0].start..spans[0].end], "甲乙\n丙");
        assert_eq!(&hay[spans[1].start..spans[1].end], "甲 乙丙");
        assert!(find_all(hay, " ").is_empty());
    }
}
