//! Figures in table rows, as the Word and web readers write tables (`出庭应诉率 | 92% | 100%`, or
//! Markdown `| … |`): a cell holding only the figure is named by its row's first cell, and a first
//! row naming a year per column (`指标 | 2023年 | 2024年`) dates the figures below it; with years
//! down the first column instead, the row's year dates it and the column's header names it.

use std::ops::Range;

/// What a table says about the figure in one of its cells.
pub struct Cell {
    /// The row's first cell: what the figure measures.
    pub row_label: Range<usize>,
    /// The year the table's first row names for the figure's column.
    pub year: Option<i32>,
}

/// The cell that is exactly `figure` (a normalised range), when it is not the row's first cell.
pub fn of(text: &str, figure: Range<usize>) -> Option<Cell> {
    let (start, end) = line_around(text, figure.start);
    let row = cells(text, start..end)?;
    let k = row.iter().position(|c| *c == figure).filter(|&k| k > 0)?;
    // The table's first row: up through the lines that are rows too.
    let mut first = start..end;
    while first.start > 0 {
        let (s, e) = line_around(text, first.start - 1);
        if cells(text, s..e).is_none() {
            break;
        }
        first = s..e;
    }
    let head = (first.start != start).then(|| cells(text, first)).flatten();
    let head_cell = head.and_then(|h| h.get(k).cloned());
    let names =
        |c: &Range<usize>| !c.is_empty() && !text[c.clone()].contains(|c: char| c.is_ascii_digit());
    let row_label = without_bracket(text, row[0].clone());
    // Years down the first column (`2023年 | 92%`): the column's header names the figure.
    if let Some(year) = year_in(&text[row_label.clone()]) {
        return head_cell.filter(names).map(|row_label| Cell {
            row_label,
            year: Some(year),
        });
    }
    if !names(&row_label) {
        return None;
    }
    let year = head_cell.and_then(|c| year_in(&text[c]));
    Some(Cell { row_label, year })
}

/// A row name without the bracket closing it (`行政处罚案件(件)` names 行政处罚案件, counted in 件)
/// and without the 其中 that marks a row as part of the one above (`其中:简易程序`).
fn without_bracket(text: &str, cell: Range<usize>) -> Range<usize> {
    let s = &text[cell.clone()];
    let end = match closing_bracket(s) {
        Some((k, _)) if k > 0 => s[..k].trim_end().len(),
        _ => s.len(),
    };
    let part = s[..end]
        .strip_prefix("其中")
        .map(|r| r.trim_start_matches([':', ',']))
        .filter(|r| !r.is_empty());
    let start = part.map_or(0, |r| end - r.len());
    cell.start + start..cell.start + end
}

/// `行政处罚案件(件)`: where the bracket closing a cell opens, and what it holds.
fn closing_bracket(s: &str) -> Option<(usize, &str)> {
    let inner = s.strip_suffix(')')?;
    let k = inner.rfind('(')?;
    Some((k, &inner[k + 1..]))
}

/// The unit a bare figure's row or column names in brackets (`行政处罚案件(件)`, `金额(万元)`),
/// when `figure` is a whole cell and not the row's first.
pub fn unit_of(text: &str, figure: Range<usize>) -> Option<&str> {
    let (start, end) = line_around(text, figure.start);
    let row = cells(text, start..end)?;
    let k = row.iter().position(|c| *c == figure).filter(|&k| k > 0)?;
    let bracketed = |c: &Range<usize>| {
        let (_, u) = closing_bracket(&text[c.clone()])?;
        (!u.is_empty()).then_some(u)
    };
    bracketed(&row[0]).or_else(|| {
        let first = start.checked_sub(1).map(|p| line_around(text, p))?;
        // The header is the row above, or above a Markdown separator row.
        let head = cells(text, first.0..first.1)?;
        let head = if head
            .iter()
            .all(|c| text[c.clone()].trim_matches(['-', ':']).is_empty())
        {
            let above = first.0.checked_sub(1).map(|p| line_around(text, p))?;
            cells(text, above.0..above.1)?
        } else {
            head
        };
        bracketed(head.get(k)?)
    })
}

/// The line holding offset `at`: start and end (without the newline).
fn line_around(text: &str, at: usize) -> (usize, usize) {
    let start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let end = text[at..].find('\n').map_or(text.len(), |k| at + k);
    (start, end)
}

/// The trimmed cells of a row, or `None` for a line that is not one (no `|`). The empty cells
/// outside a Markdown row's edge bars are left out; a separator row (`|---|`) has no text cells.
fn cells(text: &str, line: Range<usize>) -> Option<Vec<Range<usize>>> {
    let s = &text[line.clone()];
    if !s.contains('|') {
        return None;
    }
    let mut out = Vec::new();
    let mut from = line.start;
    for part in s.split('|') {
        let lead = part.len() - part.trim_start().len();
        let cell = from + lead..from + lead + part.trim().len();
        out.push(cell);
        from += part.len() + 1;
    }
    if s.trim_start().starts_with('|') {
        out.remove(0);
    }
    if s.trim_end().ends_with('|') {
        out.pop();
    }
    Some(out)
}

/// `2024年`, `2024年度`, `2024`: the year a header cell names.
fn year_in(cell: &str) -> Option<i32> {
    let digits: String = cell.chars().filter(|c| c.is_ascii_digit()).collect();
    let rest = cell.trim_matches(|c: char| c.is_ascii_digit() || " 年度".contains(c));
    (digits.len() == 4 && rest.is_empty() && (digits.starts_with("19") || digits.starts_with("20")))
        .then(|| digits.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::of;

    fn cell(text: &str, figure: &str) -> Option<(String, Option<i32>)> {
        let at = text.rfind(figure)?;
        of(text, at..at + figure.len()).map(|c| (text[c.row_label].to_string(), c.year))
    }

    #[test]
    fn a_figure_is_named_by_its_row_and_dated_by_its_column() {
        let t = "指标 | 2023年 | 2024年\n出庭应诉率 | 92% | 100%\n纠错率 | 11.2% | 12.5%\n";
        assert_eq!(cell(t, "92%"), Some(("出庭应诉率".into(), Some(2023))));
        assert_eq!(cell(t, "12.5%"), Some(("纠错率".into(), Some(2024))));
        // The same figure twice in a row: each cell its own column.
        let t = "指标 | 2023年 | 2024年\n备案率 | 100% | 100%\n";
        let second = t.rfind("100%").unwrap();
        assert_eq!(of(t, second..second + 4).unwrap().year, Some(2024));
        let first = t.find("100%").unwrap();
        assert_eq!(of(t, first..first + 4).unwrap().year, Some(2023));
        let md = "| 项目 | 数量 |\n|---|---|\n| 行政处罚案件 | 2316件 |\n";
        assert_eq!(cell(md, "2316件"), Some(("行政处罚案件".into(), None)));
    }

    #[test]
    fn years_down_the_first_column() {
        let t = "年份 | 出庭应诉率\n2023年 | 92%\n2024年 | 100%\n";
        assert_eq!(cell(t, "92%"), Some(("出庭应诉率".into(), Some(2023))));
        assert_eq!(cell(t, "100%"), Some(("出庭应诉率".into(), Some(2024))));
    }

    #[test]
    fn the_unit_of_a_bare_figure_is_named_by_its_row_or_column() {
        fn unit<'a>(t: &'a str, figure: &str) -> Option<&'a str> {
            let at = t.rfind(figure).unwrap();
            super::unit_of(t, at..at + figure.len())
        }
        let t =
            "| 指标 | 2023年 | 2024年 |\n| --- | --- | --- |\n| 行政处罚案件(件) | 1562 | 1348 |\n";
        assert_eq!(unit(t, "1348"), Some("件"));
        assert_eq!(cell(t, "1348"), Some(("行政处罚案件".into(), Some(2024))));
        let t = "| 年份 | 复议案件(件) |\n| --- | --- |\n| 2024年 | 15 |\n";
        assert_eq!(unit(t, "15"), Some("件"));
        assert_eq!(unit("| 行政处罚案件 | 1348 |\n", "1348"), None);
        let t = "项目|2023年|2024年\n其中:简易程序(件)|31|40\n";
        assert_eq!(cell(t, "40"), Some(("简易程序".into(), Some(2024))));
    }

    #[test]
    fn prose_and_first_cells_are_not_table_figures() {
        assert_eq!(cell("出庭应诉率为92%。", "92%"), None);
        assert_eq!(cell("序号 | 名称\n1 | 出庭应诉率92%\n", "92%"), None);
    }
}
