//! The document title among the header lines: a metadata-table 标题/名称 field, a header line, or text
//! glued to page fields. A title may take two lines: the issuing body above `关于…的报告` / `2023年…报告`,
//! or a long title wrapped before its last words (`…法治政府建设` / `工作情况的报告`).

use super::chrome::{looks_like_org, Layout, NLine};
use super::dates::date_line;
use super::scan;
use std::ops::Range;

/// Words a document title ends with (simplified and traditional).
const TITLE_ENDINGS: [&str; 16] = [
    "报告", "報告", "总结", "總結", "情况", "情況", "要点", "要點", "计划", "計劃", "方案", "通知",
    "通报", "通報", "工作", "案例",
];
/// The wrapped last line of a title is at most this long.
const MAX_WRAP_CHARS: usize = 25;
/// How many lines after a 印发 notice's title its issued document's title may start.
const MAX_ISSUED_LINES: usize = 12;
/// An issuing body's line above a title is at most this long.
const MAX_ISSUER_CHARS: usize = 30;

struct Candidate<'a> {
    range: Range<usize>,
    text: &'a str,
    /// The header line it is, when it is a whole line (only those may extend to a neighbour).
    line: Option<usize>,
}

/// Norm range of the title, if one is found.
pub fn find(text: &str, lines: &[NLine], layout: &Layout) -> Option<Range<usize>> {
    in_header(text, lines, layout).or_else(|| quoted_in_opening(text, lines, layout))
}

/// A page without a title line that starts by quoting it: `《某市人民政府2018年度法治政府建设工作
/// 报告》是…` (aggregator and encyclopedia-style copies).
fn quoted_in_opening(text: &str, lines: &[NLine], layout: &Layout) -> Option<Range<usize>> {
    let i = (layout.body.start..layout.body.end.min(lines.len()))
        .find(|&i| !layout.chrome[i] && !lines[i].text(text).is_empty())?;
    let l = lines[i];
    let inner = l.text(text).strip_prefix('《')?;
    let name = &inner[..inner.find('》')?];
    let start = l.start + '《'.len_utf8();
    (is_candidate(name) && has_title_word(name) && ends_like_title(name))
        .then(|| start..start + name.len())
}

fn in_header(text: &str, lines: &[NLine], layout: &Layout) -> Option<Range<usize>> {
    let mut cands: Vec<Candidate<'_>> = Vec::new();
    let field = layout.title_field.clone().map(|r| Candidate {
        text: &text[r.clone()],
        range: r,
        line: None,
    });
    for (i, l) in lines
        .iter()
        .enumerate()
        .take(layout.header_end.min(lines.len()))
    {
        let t = l.text(text);
        if layout.chrome[i] {
            for r in layout
                .residue
                .iter()
                .filter(|r| r.start >= l.start && r.end <= l.end)
            {
                cands.push(Candidate {
                    range: r.clone(),
                    text: &text[r.clone()],
                    line: None,
                });
            }
            continue;
        }
        let stripped = strip_list_number(t.trim_start_matches(['#', ' ', '•', '·', '●']));
        let start = l.end - stripped.len();
        cands.push(Candidate {
            range: start..l.end,
            text: stripped,
            line: Some(i),
        });
    }
    cands.retain(|c| is_candidate(c.text));
    let chosen = field.filter(|f| is_candidate(f.text)).or_else(|| {
        // A column name (`法治政府建设年度报告`) names the genre; the title also names a year or a body.
        let score = |c: &Candidate<'_>| {
            u8::from(has_title_word(c.text)) * 2
                + u8::from(scan::year_before_nian(c.text).is_some() || looks_like_org_start(c.text))
        };
        let best = cands.iter().map(score).max().unwrap_or(0);
        let pick = cands.iter().position(|c| score(c) == best).unwrap_or(0);
        // A page title with the site name after it (`…情况-某某网`) repeats a cleaner line.
        let k = cands
            .iter()
            .position(|c| {
                c.text.len() < cands.get(pick).map_or(0, |p| p.text.len())
                    && cands[pick].text.starts_with(c.text)
            })
            .unwrap_or(pick);
        (k < cands.len()).then(|| cands.swap_remove(k))
    })?;
    let mut range = chosen.range.clone();
    if let Some(i) = chosen.line {
        if let Some(prev) = issuer_above(text, lines, layout, i, chosen.text) {
            range.start = prev;
        }
        if let Some(next) = wrapped_end(text, lines, layout, i, chosen.text) {
            range.end = next;
        }
    }
    Some(issued_document(text, lines, range.clone()).unwrap_or(range))
}

/// `…关于印发《X》的通知` followed by the document itself: the title is X's own title line.
fn issued_document(text: &str, lines: &[NLine], title: Range<usize>) -> Option<Range<usize>> {
    let t: String = text[title.clone()].split_whitespace().collect();
    let k = t.find("印发")?;
    let name = t[k + "印发".len()..]
        .strip_suffix("的通知")?
        .trim_matches(['《', '》']);
    if name.chars().count() < 4 {
        return None;
    }
    lines
        .iter()
        .filter(|l| l.start >= title.end)
        .take(MAX_ISSUED_LINES)
        .find(|l| l.text(text).trim() == name)
        .map(|l| {
            let own = l.text(text);
            let lead = own.len() - own.trim_start().len();
            l.start + lead..l.start + lead + own.trim().len()
        })
}

/// `1、某县2023年…报告` → `某县2023年…报告`: a list number before a title on a column page.
fn strip_list_number(t: &str) -> &str {
    let digits = scan::digit_run(t);
    let rest = &t[digits..];
    match rest.strip_prefix('、').or_else(|| rest.strip_prefix('.')) {
        Some(r) if digits > 0 && digits <= 2 && has_title_word(r) => r.trim_start(),
        _ => t,
    }
}

/// `某某市人民政府关于…`: the title starts by naming its body.
fn looks_like_org_start(t: &str) -> bool {
    t.find("关于").is_some_and(|k| k > 0)
}

fn has_title_word(t: &str) -> bool {
    ["报告", "報告", "总结", "總結", "情况", "情況"]
        .iter()
        .any(|w| t.contains(w))
}

pub fn ends_like_title(t: &str) -> bool {
    let t = t.trim_end_matches(|c: char| {
        ")）]】".contains(c) || c.is_ascii_digit() || "(（—-年".contains(c)
    });
    TITLE_ENDINGS.iter().any(|w| t.ends_with(w))
}

pub fn is_candidate(t: &str) -> bool {
    let n = t.chars().count();
    let after_bracket = t
        .strip_prefix('【')
        .and_then(|r| r.split_once('】'))
        .map(|(_, r)| r);
    (8..=80).contains(&n)
        && !t.ends_with(':')
        && !t.ends_with('。')
        && after_bracket.is_none_or(|r| r.chars().count() >= 8)
        && scan::doc_number(t).is_none()
        && date_line(t).is_none()
        && !super::meta::is_draft_marker(t)
        && !(looks_like_org(t)
            && !has_title_word(t)
            && !t.contains("总结")
            && !t.starts_with("关于"))
        && !is_issuer_mark(t)
}

/// The red header of an official document (`某市人民政府文件`) names its issuer, not the document.
fn is_issuer_mark(t: &str) -> bool {
    t.strip_suffix("文件").is_some_and(looks_like_org)
}

/// The start of the issuing body's line right above a title that does not name it.
fn issuer_above(
    text: &str,
    lines: &[NLine],
    layout: &Layout,
    i: usize,
    title: &str,
) -> Option<usize> {
    let names_none = title.starts_with("关于")
        || title.starts_with("關于")
        || title.starts_with("關於")
        || scan::year_len(title).is_some();
    let prev = i.checked_sub(1)?;
    let t = lines[prev].text(text);
    let n = t.chars().count();
    (names_none
        && !layout.chrome[prev]
        && (4..=MAX_ISSUER_CHARS).contains(&n)
        && looks_like_org(t)
        && !t.contains(':'))
    .then_some(lines[prev].start)
}

/// The end of the next line when the title wraps onto it.
fn wrapped_end(
    text: &str,
    lines: &[NLine],
    layout: &Layout,
    i: usize,
    title: &str,
) -> Option<usize> {
    let next = i + 1;
    let t = lines.get(next)?.text(text);
    let ok = !ends_like_title(title)
        && next < layout.chrome.len()
        && !layout.chrome[next]
        && (2..=MAX_WRAP_CHARS).contains(&t.chars().count())
        && ends_like_title(t)
        && !t.contains(['。', ',', ':']);
    ok.then_some(lines[next].end)
}

/// The title as shown: each line trimmed, spaces dropped unless between two ASCII characters, lines
/// joined with a line break.
pub fn display(src_text: &str) -> String {
    src_text
        .lines()
        .map(|l| {
            let mut out = String::new();
            let chars: Vec<char> = l.trim().chars().collect();
            for (k, &c) in chars.iter().enumerate() {
                let keep = !c.is_whitespace()
                    || (k > 0
                        && chars[k - 1].is_ascii()
                        && chars.get(k + 1).is_some_and(char::is_ascii));
                if keep {
                    out.push(c);
                }
            }
            out
        })
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    fn title(text: &str) -> Option<String> {
        crate::report::meta_of(text).title.map(|t| t.value)
    }

    #[test]
    fn a_notice_issuing_a_document_is_titled_by_the_document() {
        let src = "某县人民政府办公室\n关于印发某县2024年法治政府建设\n工作要点的通知\n各乡镇人民政府：\n《某县2024年法治政府建设工作要点》已经县政府同意，现印发给你们，请认真贯彻执行。\n2024年3月1日\n某县2024年法治政府建设工作要点\n为深入推进依法行政，制定本要点。\n";
        assert_eq!(
            title(src).as_deref(),
            Some("某县2024年法治政府建设工作要点")
        );
        // Without the document's own title line, the notice keeps its title.
        let alone = "关于印发某县2024年法治政府建设工作要点的通知\n各乡镇人民政府：现将要点印发给你们，请认真贯彻执行，抓好落实，确保各项任务按期完成。\n";
        assert_eq!(
            title(alone).as_deref(),
            Some("关于印发某县2024年法治政府建设工作要点的通知")
        );
    }

    #[test]
    fn a_title_quoted_at_the_start_of_a_page_without_one() {
        let text = "《某市人民政府2018年度法治政府建设工作报告》是某市人民政府发布的报告。\n2018年，我市坚持依法行政，各项工作取得新的进展，现将有关情况报告如下。\n";
        assert_eq!(
            title(text).as_deref(),
            Some("某市人民政府2018年度法治政府建设工作报告")
        );
        // A book or a law quoted in prose is not a title.
        let text =
            "《中华人民共和国行政复议法》修订施行后，我局认真组织学习，全面推进依法行政工作。\n";
        assert_eq!(title(text), None);
    }

    #[test]
    fn breadcrumb_is_never_the_title() {
        assert_eq!(
            title("当前位置：首页>政务公开>法治政府建设\n某县2023年法治政府建设年度报告\n2023年，我县持续推进依法行政，法治政府建设取得新进展，各项工作有序开展。\n").as_deref(),
            Some("某县2023年法治政府建设年度报告")
        );
        assert_eq!(
            title("某区司法局>工作动态\n\n2023年，我区持续推进依法行政，法治政府建设取得新进展，各项工作有序开展。\n"),
            None
        );
    }

    #[test]
    fn title_glued_to_page_fields() {
        assert_eq!(
            title("某市人民政府关于2024年度法治政府建设情况的报告来源：市司法局发布时间：2025-03-28 09:18\n\n2024年，我市持续推进依法行政，法治政府建设取得新进展，各项工作有序开展。\n").as_deref(),
            Some("某市人民政府关于2024年度法治政府建设情况的报告")
        );
        assert_eq!(
            title("栏目：工作动态信息来源：某街道办事处浏览次数：12字号：【大】【中】【小】某街道2024年度法治政府建设情况报告\n2024年，我街道持续推进依法行政，法治政府建设取得新进展，各项工作有序开展。\n").as_deref(),
            Some("某街道2024年度法治政府建设情况报告")
        );
        assert_eq!(
            title("标 题：某县人民政府关于2021年度法治政府建设情况的报告\n发文字号：某政文〔2022〕3号\n\n2021年，我县持续推进依法行政，法治政府建设取得新进展，各项工作有序开展。\n").as_deref(),
            Some("某县人民政府关于2021年度法治政府建设情况的报告")
        );
    }

    #[test]
    fn two_line_titles_and_list_numbers() {
        assert_eq!(
            title("某省农业农村厅\n2023年法治政府建设情况报告\n2023年，我厅持续推进依法行政，法治政府建设取得新进展，各项工作有序开展。\n").as_deref(),
            Some("某省农业农村厅\n2023年法治政府建设情况报告")
        );
        assert_eq!(
            title("某县人民政府关于2022年度法治政府建设\n工作情况的报告\n2022年，我县持续推进依法行政，法治政府建设取得新进展，各项工作有序开展。\n").as_deref(),
            Some("某县人民政府关于2022年度法治政府建设\n工作情况的报告")
        );
        assert_eq!(
            title("工作动态\n1、某市2023年法治政府建设年度报告\n2023年，我市持续推进依法行政，法治政府建设取得新进展，各项工作有序开展。\n").as_deref(),
            Some("某市2023年法治政府建设年度报告")
        );
        assert_eq!(
            title("某省2023年度法治政府建设情况-某某资讯网\n\n某省2023年度法治政府建设情况\n来源：某省人民政府网 时间：2024-04-03 11:45\n2023年，我省持续推进依法行政，法治政府建设取得新进展，各项工作有序开展。\n").as_deref(),
            Some("某省2023年度法治政府建设情况")
        );
    }
}
