//! Dates as official documents and web pages write them.

use super::numerals::parse_cn;
use super::scan;
use chrono::NaiveDate;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static CN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
        .expect("valid regex")
});

/// The first date written in `text` (normalised), with its byte range.
pub fn find_date(text: &str) -> Option<(NaiveDate, Range<usize>)> {
    let digit = scan::digit_dates(text).find_map(|d| {
        let n = |r: Range<usize>| text[r].parse::<u32>().ok();
        let date = NaiveDate::from_ymd_opt(n(d.year)?.try_into().ok()?, n(d.month)?, n(d.day)?)?;
        Some((date, d.whole))
    });
    let cn = CN_DATE.captures_iter(text).find_map(|c| {
        let m = c.get(0)?;
        let y = i32::try_from(parse_cn(&c[1])?).ok()?;
        let date = NaiveDate::from_ymd_opt(
            y,
            u32::try_from(parse_cn(&c[2])?).ok()?,
            u32::try_from(parse_cn(&c[3])?).ok()?,
        )?;
        Some((date, m.range()))
    });
    match (digit, cn) {
        (Some(a), Some(b)) => Some(if a.1.start <= b.1.start { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// The line is only a date, possibly in brackets and with 印发/成文/发布 after it.
pub fn date_line(line: &str) -> Option<(NaiveDate, Range<usize>)> {
    let (date, range) = find_date(line)?;
    let before = line[..range.start].trim_matches(|c: char| matches!(c, '(' | '[' | '【' | ' '));
    let after = line[range.end..].trim_matches(|c: char| matches!(c, ')' | ']' | '】' | ' '));
    let after_ok =
        after.is_empty() || matches!(after, "印发" | "成文" | "发布" | "发" | "印" | "签发");
    (before.is_empty() && after_ok).then_some((date, range))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_written_forms() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(find_date("发布时间:2025-12-30").unwrap().0, d(2025, 12, 30));
        assert_eq!(find_date("2024年1月5日印发").unwrap().0, d(2024, 1, 5));
        assert_eq!(find_date("二〇二四年一月十五日").unwrap().0, d(2024, 1, 15));
        assert_eq!(date_line("(2024-03-01)").unwrap().0, d(2024, 3, 1));
        assert_eq!(date_line("2024年2月7日印发").unwrap().0, d(2024, 2, 7));
        assert!(date_line("截至2023年12月31日,共办理").is_none());
        assert!(find_date("2024年13月40日").is_none());
    }
}
