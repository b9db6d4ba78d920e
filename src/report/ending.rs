//! Where a text breaks off: a page excerpt, a copy that lost its end, a PDF whose last pages did
//! not convert. A finished report ends on a full stop, a sign-off (body, date), a note
//! (`(此件公开发布)`), 特此报告 or an attachment list; one that stops inside a sentence or on a
//! heading with nothing under it has lost what followed, so parts missing from it may only be
//! missing from the copy.

use super::chrome::{looks_like_org, Layout, NLine};
use std::ops::Range;

/// A line this short without a comma is a sign-off, a label or a 特此报告, not a cut paragraph.
const MIN_PARAGRAPH_CHARS: usize = 12;
/// How much of the broken line the evidence quotes.
const QUOTED_CHARS: usize = 12;

/// Norm range of the end of the last body line when the text breaks off there.
pub fn broken_off(text: &str, lines: &[NLine], layout: &Layout) -> Option<Range<usize>> {
    let last = (layout.body.start..layout.body.end.min(lines.len()))
        .rev()
        .find(|&i| !layout.chrome[i] && !lines[i].text(text).trim().is_empty())?;
    let l = lines[last];
    let t = l.text(text).trim_end();
    let cut = t.ends_with('\u{FFFD}')
        || unclosed(t)
        || (!super::normalize::ends_sentence(t) && !is_closing_line(t) && {
            let heading = super::outline::heading_marker(t).is_some();
            let paragraph =
                t.chars().count() >= MIN_PARAGRAPH_CHARS && t.contains([',', '、', '。', ';']);
            heading || paragraph
        });
    let end = l.start + t.len();
    let from = t
        .char_indices()
        .rev()
        .nth(QUOTED_CHARS - 1)
        .map_or(l.start, |(k, _)| l.start + k);
    cut.then_some(from..end)
}

/// A quotation or title mark opened and never closed: `制定了《某某办`.
fn unclosed(t: &str) -> bool {
    let count = |c: char| t.matches(c).count();
    count('《') > count('》') || count('“') > count('”')
}

/// Lines a finished document may end on without a full stop.
fn is_closing_line(t: &str) -> bool {
    let bracketed = |open: char, close: char| t.starts_with(open) && t.ends_with(close);
    super::dates::date_line(t).is_some()
        || (looks_like_org(t) && !t.contains(','))
        || bracketed('(', ')')
        || bracketed('【', '】')
        || t.starts_with("附件")
        || t.starts_with("特此")
        || t.contains(['|', '\t'])
}

#[cfg(test)]
mod tests {
    fn broken(text: &str) -> Option<String> {
        crate::report::meta_of(text).broken_off.map(|b| b.value)
    }

    const OPENING: &str = "某县2023年法治政府建设情况报告\n2023年，我县坚持依法行政，法治政府建设取得新成效。现将有关情况报告如下：\n一、主要举措和成效\n（一）完善制度。全年制定规范性文件12件，全部按规定备案。\n";

    #[test]
    fn a_text_stopping_inside_a_sentence_or_on_a_heading_broke_off() {
        let cut = format!("{OPENING}（二）严格执法。全年办理行政处罚案件120件，其中简易程序");
        assert_eq!(broken(&cut).as_deref(), Some("件120件，其中简易程序"));
        let cut = format!("{OPENING}（二）严格执法。全年办理行政处罚案件120件，其中简易\u{FFFD}");
        assert!(broken(&cut).is_some());
        let heading = format!("{OPENING}二、存在的不足和原因\n");
        assert!(broken(&heading).is_some());
        let quoted = format!("{OPENING}（二）严格执法\n制定了《某某");
        assert_eq!(broken(&quoted).as_deref(), Some("制定了《某某"));
    }

    #[test]
    fn finished_texts_end_on_a_stop_a_sign_off_or_a_note() {
        for end in [
            "四、2024年工作安排\n继续推进依法行政。\n",
            "特此报告。\n\n某县人民政府\n2024年3月1日\n",
            "特此报告\n",
            "某县人民政府\n",
            "（此件公开发布）\n",
            "附件：1.某县2023年行政执法统计表\n",
            "序号\t单位\t案件数\n",
            "四、2024年工作安排\n全面推进严格规范公正文明执法……\n",
            "四、2024年工作安排\n一是健全制度；二是严格执法；三是加强监督；\n",
        ] {
            assert_eq!(broken(&format!("{OPENING}{end}")), None, "{end}");
        }
    }
}
