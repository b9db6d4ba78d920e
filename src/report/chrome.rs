//! Web-page chrome around a published report: breadcrumbs, 来源/作者/发布时间 lines, share and print
//! widgets, slogans above the title and the page footer. Chrome is kept out of the body; what it says
//! about the document (来源 → issuer candidate, 发布时间 → publication date) is kept.

use super::dates::{date_line, find_date};
use chrono::NaiveDate;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A line of the normalised text (byte range, without the newline).
#[derive(Debug, Clone, Copy)]
pub struct NLine {
    pub start: usize,
    pub end: usize,
}

impl NLine {
    pub fn text(self, norm: &str) -> &str {
        &norm[self.start..self.end]
    }
}

pub fn lines(norm: &str) -> Vec<NLine> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in norm.split_inclusive('\n') {
        let end = start + piece.trim_end_matches('\n').len();
        out.push(NLine { start, end });
        start += piece.len();
    }
    out
}

/// Where the document proper is, and what the chrome said.
#[derive(Debug, Default)]
pub struct Layout {
    /// Line indices of the body (chrome excluded at both ends).
    pub body: Range<usize>,
    /// Index of the first line of running text (a paragraph or a numbered heading); lines before it
    /// form the header (title, 文号, addressee, draft marker…).
    pub header_end: usize,
    pub chrome: Vec<bool>,
    /// Norm range of the value of a `来源:` line.
    pub source: Option<Range<usize>>,
    pub published: Option<(NaiveDate, Range<usize>)>,
}

static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:当前位置|您的位置|你的位置|所在位置|首页\s*>)|首页\s*>|>\s*正文$",
        r"|^(?:来源|信息来源|文章来源|作者|编辑|责任编辑|发布机构|发布时间|发布日期|发文日期|日期|时间|浏览次数|阅读次数|点击数|点击量|访问量|索引号|主题分类|栏目)\s*:",
        r"|^(?:【|\[)?\s*字号|^(?:【|\[)?\s*(?:大|中|小)\s*(?:】|\])|^分享(?:到)?\s*:?|^(?:【|\[)?\s*(?:打印|关闭|收藏|打印本页|关闭窗口)",
        r"|^(?:•|·|●)"
    ))
    .expect("valid regex")
});

static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:•|·|●)?\s*(?:附件|视频|相关附件|相关链接|相关文件)\s*:?\s*$",
        r"|扫一扫|手机打开|^分享(?:到)?\s*:?|^(?:【|\[)?\s*(?:打印|关闭|收藏|打印本页|关闭窗口)",
        r"|版权所有|主办单位|承办单位|技术支持|ICP备|网站标识码|公网安备|联系我们|网站地图|^上一篇|^下一篇|返回顶部"
    ))
    .expect("valid regex")
});

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// A line of running text: long and ending a sentence, or a numbered heading.
fn is_running_text(line: &str) -> bool {
    let n = char_len(line);
    let numbered = super::outline::heading_marker(line).is_some_and(|m| m.number.is_some());
    !LEADING.is_match(line)
        && ((n >= 40 && super::normalize::ends_sentence(line)) || n >= 80 || numbered)
}

/// A short label standing alone above the title (栏目 names such as 工作信息).
fn is_category_label(line: &str) -> bool {
    let n = char_len(line);
    (2..=6).contains(&n)
        && !looks_like_org(line)
        && line
            .chars()
            .all(|c| !c.is_ascii_punctuation() && !"，。：、".contains(c))
}

/// Ends like the name of an issuing body (沈阳市司法局, 某区人民政府, 区委法治办).
pub fn looks_like_org(line: &str) -> bool {
    const SUFFIXES: [&str; 16] = [
        "局", "委", "府", "厅", "院", "办", "部", "会", "室", "所", "中心", "区", "县", "市", "镇",
        "街道",
    ];
    SUFFIXES.iter().any(|s| line.ends_with(s))
}

pub fn layout(norm: &str, lines: &[NLine]) -> Layout {
    let mut out = Layout {
        chrome: vec![false; lines.len()],
        ..Layout::default()
    };
    let texts: Vec<&str> = lines.iter().map(|l| l.text(norm)).collect();
    out.header_end = texts
        .iter()
        .position(|t| is_running_text(t))
        .unwrap_or(texts.len());
    let mut title_seen = false;
    for (i, t) in texts.iter().enumerate().take(out.header_end) {
        if t.is_empty() {
            continue;
        }
        let leading = LEADING.is_match(t);
        let is_chrome = leading
            || (!title_seen && is_category_label(t) && !t.contains('【'))
            || (title_seen && date_line(t).is_some_and(|_| t.starts_with('(')));
        title_seen |= char_len(t) >= 8 && !leading;
        if !is_chrome {
            continue;
        }
        out.chrome[i] = true;
        let base = lines[i].start;
        if let Some(rest) = t
            .strip_prefix("来源:")
            .or_else(|| t.strip_prefix("信息来源:"))
        {
            let value = rest.trim();
            if !value.is_empty() {
                let at = base + (t.len() - rest.len()) + (rest.len() - rest.trim_start().len());
                out.source = Some(at..at + value.len());
            }
        }
        let dated = t.starts_with("发布")
            || t.starts_with('(')
            || t.starts_with("日期")
            || t.starts_with("时间");
        // 发布时间 may also follow 来源/栏目 on the same chrome line: read the date after it.
        let from = if dated { Some(0) } else { t.find("发布") };
        if let (Some(k), None) = (from, &out.published) {
            if let Some((d, r)) = find_date(&t[k..]) {
                out.published = Some((d, base + k + r.start..base + k + r.end));
            }
        }
    }
    let mut end = texts.len();
    while end > out.header_end {
        let t = texts[end - 1];
        if t.is_empty() {
            end -= 1;
        } else if TRAILING.is_match(t) {
            out.chrome[end - 1] = true;
            end -= 1;
        } else {
            break;
        }
    }
    let last_leading_chrome = out.chrome[..out.header_end].iter().rposition(|&c| c);
    let mut start = last_leading_chrome.map_or(0, |i| i + 1);
    while start < end && (texts[start].is_empty() || out.chrome[start]) {
        start += 1;
    }
    out.body = start..end.max(start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str) -> (Layout, Vec<String>) {
        let norm = crate::report::normalize::normalize(src);
        let src = norm.text.as_str();
        let ls = lines(src);
        let l = layout(src, &ls);
        let texts = ls.iter().map(|x| x.text(src).to_string()).collect();
        (l, texts)
    }

    #[test]
    fn separates_web_chrome_from_the_body() {
        let src = "当前位置:首页 > 政务公开 > 通知公告\n\n某县2024年法治政府建设工作报告\n\n来源:县司法局\n\n作者:\n\n发布时间:2025-01-20\n\n【字号:\n\n分享:\n\n2024年,我县法治政府建设取得新进展,现将有关情况报告如下,请审阅和指正。\n\n一、主要工作\n\n全年办理各类案件一百件。\n\n附件:\n\n扫一扫在手机打开当前页\n";
        let (l, texts) = run(src);
        assert!(texts[l.body.start].starts_with("2024年,我县"));
        assert_eq!(texts[l.body.end - 1], "全年办理各类案件一百件。");
        assert!(l.source.is_some());
        assert_eq!(
            l.published.unwrap().0,
            NaiveDate::from_ymd_opt(2025, 1, 20).unwrap()
        );
    }

    #[test]
    fn slogan_and_category_label_before_the_title_are_chrome() {
        let src = "• 团结奋斗,开拓进取。\n\n工作动态\n\n某市司法局关于2024年法治政府建设情况的报告\n\n(2025-02-01)\n\n  2024年,市司法局深入推进法治政府建设,各项工作取得了明显的成效,现报告如下。\n";
        let (l, texts) = run(src);
        assert!(l.chrome[0] && l.chrome[2] && !l.chrome[4] && l.chrome[6]);
        assert!(texts[l.body.start].starts_with("2024年"));
        assert_eq!(
            l.published.unwrap().0,
            NaiveDate::from_ymd_opt(2025, 2, 1).unwrap()
        );
    }

    #[test]
    fn a_plain_document_is_all_body() {
        let src = "某区司法局\n\n关于2023年法治政府建设情况的报告\n\n区委、区政府:\n";
        let (l, _) = run(src);
        assert_eq!(l.body, 0..5);
        assert!(l.chrome.iter().all(|c| !c));
    }
}
