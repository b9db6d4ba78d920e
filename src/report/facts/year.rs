//! The year a fact is about, when its clause names one: `2023年出庭应诉率为90%，2024年提升至100%`
//! gives 2023 and 2024. Most facts name none and are about the report's year; a figure for another
//! year (a comparison, a trend) must not be checked as if it were this year's.

/// Punctuation that ends a clause in the normalised text.
const CLAUSE_END: [char; 7] = [',', ';', '。', '!', '?', ':', '\n'];
/// A year right after one of these is the base of a comparison (较2023年提高), not the fact's year.
const COMPARED: [&str; 6] = ["较", "比", "与", "同", "相比", "于"];

/// Verbs that move a figure to a new value: in `由上年的92.3%提高到100%` the figure after them is
/// the new one, and the year named before the old figure is the old one's.
pub(super) const CHANGE_TO: [&str; 22] = [
    "压缩到",
    "压缩至",
    "缩短到",
    "缩短至",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
    "增长到",
    "增长至",
    "上升到",
    "上升至",
    "增至",
    "降至",
    "降低到",
    "降低至",
    "下降到",
    "下降至",
    "减少到",
    "减少至",
];
/// The year before the report's, named relative to it.
const LAST_YEAR: [&str; 4] = ["上一年", "上年", "去年", "前一年"];

/// The year of the figure whose label ends at `end`: the last `19xx年`/`20xx年` in its clause, or
/// 上年/去年 (the year before `report_year`), unless it is the base of a comparison (较2023年, 比上年).
pub fn of_clause(text: &str, end: usize, report_year: Option<i32>) -> Option<i32> {
    let start = text[..end].rfind(CLAUSE_END).map_or(0, |k| {
        k + text[k..].chars().next().map_or(1, char::len_utf8)
    });
    let mut clause = &text[start..end];
    // `…的92.3%提高到`: the new figure's clause starts after the old one.
    if let Some(k) = clause.rfind(|c: char| c.is_ascii_digit() || c == '%') {
        if CHANGE_TO.contains(&&clause[k + 1..]) {
            clause = &clause[k + 1..];
        }
    }
    let compared = |before: &str| COMPARED.iter().any(|w| before.ends_with(w));
    // One pass over the clause's 年 from the right: the last one that dates the figure, after a
    // year (2024年) or ending a word for the year before (上年, 去年), and not a comparison's base.
    clause.rmatch_indices('年').find_map(|(k, _)| {
        let before = &clause[..k];
        let absolute = k.checked_sub(4).and_then(|at| {
            let (before, year) = (clause.get(..at)?, clause.get(at..k)?);
            let is_year = crate::report::scan::year_len(year).is_some()
                && !before.ends_with(|c: char| c.is_ascii_digit())
                && !compared(before);
            is_year.then(|| year.parse().ok()).flatten()
        });
        absolute.or_else(|| {
            let y = report_year?;
            let ahead = LAST_YEAR
                .iter()
                .find_map(|w| before.strip_suffix(w.strip_suffix('年')?))?;
            (!compared(ahead)).then_some(y - 1)
        })
    })
}

/// `分别为`-style words that hand a list of figures out, in order, to the items before them.
const RESPECTIVELY: [&str; 5] = ["分别为", "分别是", "分别达到", "分别达", "分别"];
/// A list of more years than this is a table, not a sentence.
const MAX_LISTED_YEARS: usize = 8;

/// `出庭应诉率2022年、2023年、2024年分别为`, ending at `end`: the years the figures that follow are
/// for, in order, and where the list of years starts (the figures' name ends there).
/// The years may also open the clause, before the name (`2023年、2024年出庭应诉率分别为`).
pub fn respective(text: &str, floor: usize, end: usize) -> Option<(usize, Vec<i32>)> {
    let head = &text[floor..end];
    let named = RESPECTIVELY.iter().find_map(|w| head.strip_suffix(w))?;
    years_ending(named)
        .map(|(at, years)| (floor + at, years))
        .or_else(|| {
            let start = named.rfind(CLAUSE_END).map_or(0, |k| {
                k + named[k..].chars().next().map_or(1, char::len_utf8)
            });
            let clause = &named[start..];
            // The shortest prefix of the clause that is a list of years, then the name.
            let k = clause.find(|c: char| !(c.is_ascii_digit() || "年度、和".contains(c)))?;
            let (list, name) = clause.split_at(k);
            let (at, years) = years_ending(list)?;
            (at == 0 && !name.is_empty()).then_some((floor + named.len(), years))
        })
}

/// A list of years (`2022年、2023年和2024年`) ending `s`: where it starts and the years in order.
fn years_ending(s: &str) -> Option<(usize, Vec<i32>)> {
    let mut rest = s;
    let mut years = Vec::new();
    while years.len() < MAX_LISTED_YEARS {
        let r = rest
            .strip_suffix("年度")
            .or_else(|| rest.strip_suffix('年'))?;
        let at = r.len().checked_sub(4)?;
        let digits = r.get(at..)?;
        crate::report::scan::year_len(digits)?;
        if r[..at].ends_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        years.push(digits.parse().ok()?);
        rest = &r[..at];
        match rest.strip_suffix('、').or_else(|| rest.strip_suffix('和')) {
            Some(r) => rest = r,
            None => break,
        }
    }
    years.reverse();
    (years.len() >= 2).then_some((rest.len(), years))
}

#[cfg(test)]
mod tests {
    use super::{of_clause, respective};

    #[test]
    fn years_handed_out_in_order() {
        let t = "出庭应诉率2022年、2023年、2024年分别为";
        let (at, years) = respective(t, 0, t.len()).unwrap();
        assert_eq!(&t[..at], "出庭应诉率");
        assert_eq!(years, [2022, 2023, 2024]);
        let t = "败诉率2023年度和2024年度分别";
        assert_eq!(respective(t, 0, t.len()).unwrap().1, [2023, 2024]);
        let t = "全年,2023年、2024年出庭应诉率分别为";
        let (at, years) = respective(t, 0, t.len()).unwrap();
        assert_eq!((&t[at..], years), ("分别为", vec![2023, 2024]));
        for t in [
            "出庭应诉率2024年分别为",
            "报备率、及时率分别为",
            "12025年、2024年分别为",
        ] {
            assert_eq!(respective(t, 0, t.len()), None, "{t}");
        }
    }

    fn year_before(text: &str, number: &str) -> Option<i32> {
        of_clause(text, text.find(number).unwrap(), Some(2024))
    }

    #[test]
    fn the_clause_names_the_year() {
        let t = "2023年出庭应诉率为90%,2024年提升至100%。";
        assert_eq!(year_before(t, "90%"), Some(2023));
        assert_eq!(year_before(t, "100%"), Some(2024));
        assert_eq!(
            year_before("截至2024年底累计培训320人次", "320"),
            Some(2024)
        );
    }

    #[test]
    fn from_the_old_figure_to_the_new_one() {
        let t = "出庭应诉率由上年的92.3%提高到100%。";
        assert_eq!(year_before(t, "92.3%"), Some(2023));
        assert_eq!(year_before(t, "100%"), None);
        let t = "出庭应诉率从2022年的90%提升至100%。";
        assert_eq!(year_before(t, "90%"), Some(2022));
        assert_eq!(year_before(t, "100%"), None);
        assert_eq!(
            year_before("出庭应诉率100%(上年为92.3%)", "92.3%"),
            Some(2023)
        );
        assert_eq!(year_before("出庭应诉率比上年提高5个百分点", "5个"), None);
        assert_eq!(year_before("出庭应诉率较上一年提高5个百分点", "5个"), None);
    }

    #[test]
    fn no_year_or_a_comparison_base_is_none() {
        assert_eq!(year_before("全年出庭应诉率100%", "100%"), None);
        assert_eq!(year_before("出庭应诉率较2023年提高5个百分点", "5个"), None);
        assert_eq!(year_before("2023年,全区出庭应诉率100%", "100%"), None);
        assert_eq!(
            year_before("一、2024年主要举措\n\n全年诉讼12件", "12件"),
            None
        );
        assert_eq!(year_before("培训12025年度人员", "人员"), None);
        // A 年 after Han characters (上半年) does not stop the search for a year after it.
        assert_eq!(
            year_before("上半年及2024年全年培训320人次", "320"),
            Some(2024)
        );
    }
}
