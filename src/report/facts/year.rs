//! The year a fact is about, when its clause names one: `2023年出庭应诉率为90%，2024年提升至100%`
//! gives 2023 and 2024. Most facts name none and are about the report's year; a figure for another
//! year (a comparison, a trend) must not be checked as if it were this year's.

/// Punctuation that ends a clause in the normalised text.
const CLAUSE_END: [char; 7] = [',', ';', '。', '!', '?', ':', '\n'];
/// A year right after one of these is the base of a comparison (较2023年提高), not the fact's year.
const COMPARED: [&str; 6] = ["较", "比", "与", "同", "相比", "于"];

/// The last `19xx年`/`20xx年` in the clause of `text` that ends at `end`.
pub fn of_clause(text: &str, end: usize) -> Option<i32> {
    let start = text[..end].rfind(CLAUSE_END).map_or(0, |k| {
        k + text[k..].chars().next().map_or(1, char::len_utf8)
    });
    let clause = &text[start..end];
    clause.rmatch_indices('年').find_map(|(k, _)| {
        let at = k.checked_sub(4)?;
        let (before, year) = (clause.get(..at)?, clause.get(at..k)?);
        let is_year = crate::report::scan::year_len(year).is_some()
            && !before.ends_with(|c: char| c.is_ascii_digit())
            && !COMPARED.iter().any(|w| before.ends_with(w));
        is_year.then(|| year.parse().ok()).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::of_clause;

    fn year_before(text: &str, number: &str) -> Option<i32> {
        of_clause(text, text.find(number).unwrap())
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
