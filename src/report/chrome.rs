//! Web-page chrome around a published report: breadcrumbs, 来源/作者/发布时间 lines, share and print
//! widgets, slogans above the title and the page footer. Chrome is kept out of the body; what it says
//! about the document (来源 → issuer candidate, 发布时间 → publication date) is kept.

use super::dates::{date_line, find_date};
use super::page_fields::FieldKind;
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
    /// 成文日期/发文日期 of a metadata table.
    pub issued: Option<(NaiveDate, Range<usize>)>,
    /// Norm range of the value of a 标题/名称 field.
    pub title_field: Option<Range<usize>>,
    /// Norm ranges of text glued to chrome fields on a chrome line (title candidates).
    pub residue: Vec<Range<usize>>,
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
    // `1、某县2023年…报告` on a column page is a numbered title, not a heading.
    let listed_title = line.starts_with(|c: char| c.is_ascii_digit())
        && (line.ends_with("报告") || line.ends_with("報告"))
        && !line.contains(['。', ',']);
    let numbered =
        super::outline::heading_marker(line).is_some_and(|m| m.number.is_some()) && !listed_title;
    !LEADING.is_match(line)
        && ((n >= 40 && super::normalize::ends_sentence(line)) || n >= 80 || numbered)
}

/// `• 2021年度某省法治政府建设年度报告`: a page that renders its header as a list keeps the title in
/// a bulleted line.
fn is_bulleted_title(line: &str) -> bool {
    let rest = line.trim_start_matches(['•', '·', '●', ' ']);
    rest.len() < line.len()
        && super::title::is_candidate(rest)
        && ["报告", "報告", "总结", "總結", "情况", "情況"]
            .iter()
            .any(|w| rest.contains(w))
}

/// `首页>政务公开>法治政府建设`, `某区司法局>工作动态`: a path of short names.
fn is_breadcrumb(line: &str) -> bool {
    line.contains('>')
        && !line.contains('。')
        && line.split('>').all(|seg| char_len(seg.trim()) <= 20)
}

/// `(2025-02-01)`, `2024-03-28 09:18`, `某县人民政府 2024年01月08日`: a date under the title, alone or
/// after the publishing body, with an optional clock time.
fn dated_line(line: &str) -> Option<(NaiveDate, Range<usize>)> {
    if let Some(d) = date_line(line) {
        return Some(d);
    }
    let (d, r) = find_date(line)?;
    let before = line[..r.start].trim_matches(|c: char| c.is_whitespace() || "(•·".contains(c));
    let after = line[r.end..].trim_matches(|c: char| c.is_whitespace() || ")".contains(c));
    let clock = after.is_empty()
        || after
            .chars()
            .all(|c| c.is_ascii_digit() || ": 时分秒".contains(c));
    ((before.is_empty() || looks_like_org(before)) && clock).then_some((d, r))
}

/// `（2023年3月28日）` or `二〇二三年三月二十八日` under a title: the date a document bears, as Word
/// copies print it (年月日 without zero padding, in brackets, or in Chinese numerals), not the stamp a
/// web page puts on it (2024-03-28, 2024年03月28日, with or without a clock).
fn is_document_date(line: &str, date: &Range<usize>) -> bool {
    let inner = line.trim();
    let written = &line[date.clone()];
    // 二〇二五年三月二十日: only a document is dated in Chinese numerals; page stamps are digits.
    if !written.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    // The normalised text has ASCII brackets.
    inner.starts_with('(')
        && inner.ends_with(')')
        && written.contains('年')
        && !written.contains("年0")
        && !written.contains("月0")
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

impl Layout {
    /// Keep what a line of page fields says; the first value of each kind wins.
    fn record(&mut self, base: usize, line: &str, f: &super::page_fields::FieldLine) {
        self.record_fields(base, line, f);
        let at = |r: &Range<usize>| base + r.start..base + r.end;
        for r in &f.residue {
            // `2023-03-27 17:05 来源:…`: a date before the fields is the publication date.
            match dated_line(&line[r.clone()]) {
                Some((d, dr)) => {
                    if self.published.is_none() {
                        self.published =
                            Some((d, base + r.start + dr.start..base + r.start + dr.end));
                    }
                }
                None => self.residue.push(at(r)),
            }
        }
    }

    /// The fields alone: a footer's fields (`发布日期:2025年03月25日 浏览次数:318` under the
    /// sign-off) say the same as a header's, but nothing glued to them is a title.
    fn record_fields(&mut self, base: usize, line: &str, f: &super::page_fields::FieldLine) {
        let at = |r: &Range<usize>| base + r.start..base + r.end;
        for field in f.fields.iter().filter(|x| !x.value.is_empty()) {
            let v = &line[field.value.clone()];
            let date = || {
                find_date(v).map(|(d, r)| {
                    (
                        d,
                        base + field.value.start + r.start..base + field.value.start + r.end,
                    )
                })
            };
            match field.kind {
                FieldKind::Published if self.published.is_none() => self.published = date(),
                FieldKind::Issued if self.issued.is_none() => self.issued = date(),
                FieldKind::Source if self.source.is_none() => self.source = Some(at(&field.value)),
                FieldKind::Title if self.title_field.is_none() => {
                    self.title_field = Some(at(&field.value))
                }
                _ => {}
            }
        }
    }
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
    // A metadata table flattened one cell per line (`发文日期` on its own line, the date on the next):
    // the date field whose value is still to come.
    let mut awaiting: Option<FieldKind> = None;
    for (i, t) in texts.iter().enumerate().take(out.header_end) {
        if t.is_empty() {
            continue;
        }
        let awaited = awaiting.take();
        let fields = super::page_fields::split(t);
        let leading = LEADING.is_match(t) && !is_bulleted_title(t) || is_breadcrumb(t);
        let dated = dated_line(t);
        let is_chrome = leading
            || fields.is_some()
            || (!title_seen && is_category_label(t) && !t.contains('【'))
            || dated.is_some();
        if let Some(f) = &fields {
            out.record(lines[i].start, t, f);
            awaiting = f
                .fields
                .last()
                .filter(|f| f.value.is_empty() && f.kind != FieldKind::Other)
                .map(|f| f.kind);
        }
        if let (Some((d, r)), true) = (dated.clone(), is_chrome) {
            let at = Some((d, lines[i].start + r.start..lines[i].start + r.end));
            if awaited == Some(FieldKind::Issued) || is_document_date(t, &r) {
                out.issued = out.issued.take().or(at);
            } else if out.published.is_none() {
                out.published = at;
            }
        }
        title_seen |= char_len(t) >= 8 && !leading && fields.is_none();
        if !is_chrome {
            continue;
        }
        out.chrome[i] = true;
    }
    let mut end = texts.len();
    while end > out.header_end {
        let t = texts[end - 1];
        if t.is_empty() {
            end -= 1;
        } else if TRAILING.is_match(t) {
            out.chrome[end - 1] = true;
            end -= 1;
        } else if let Some(f) = (!t.contains('。'))
            .then(|| super::page_fields::split(t))
            .flatten()
        {
            out.record_fields(lines[end - 1].start, t, &f);
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
    fn a_bracketed_date_in_words_under_the_title_is_the_document_date() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let src = "某省人民政府关于2022年法治政府建设情况的报告\n\n(2023年3月28日)\n\n2022年,省政府深入推进法治政府建设,各项工作取得新的成效,现将有关情况报告如下。\n";
        let (l, _) = run(src);
        assert!(l.published.is_none());
        assert_eq!(l.issued.unwrap().0, day(2023, 3, 28));
        // Zero-padded, it is a web page's stamp.
        let (l, _) = run(&src.replace("(2023年3月28日)", "(2023年03月28日)"));
        assert_eq!(l.published.unwrap().0, day(2023, 3, 28));
        // In Chinese numerals, with or without brackets, it is the document's own date.
        let (l, _) = run(&src.replace("(2023年3月28日)", "二〇二三年三月二十八日"));
        assert!(l.published.is_none());
        assert_eq!(l.issued.unwrap().0, day(2023, 3, 28));
    }

    #[test]
    fn a_date_on_the_line_after_its_field_name_belongs_to_that_field() {
        let src = "某区2020年法治政府建设工作报告\n\n2020-12-22 11:50\n\n发文单位\n\n区人民政府\n\n发文日期\n\n2020-12-03 10:00\n\n效力状态\n\n有效\n\n2020年,我区深入推进法治政府建设,各项工作取得了新的成效,现将有关情况报告如下。\n";
        let (l, _) = run(src);
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(l.published.unwrap().0, day(2020, 12, 22));
        assert_eq!(l.issued.unwrap().0, day(2020, 12, 3));
    }

    #[test]
    fn page_fields_under_the_sign_off_are_chrome_and_date_the_page() {
        let src = "某区司法局2024年度法治政府建设情况报告\n\n2024年,区司法局深入推进法治政府建设,各项工作取得了新的成效,现将有关情况报告如下。\n\n某区司法局\n\n2025年3月24日\n\n发布日期:2025年03月25日  浏览次数:318\n\n【打印本页】【关闭窗口】\n";
        let (l, texts) = run(src);
        assert_eq!(texts[l.body.end - 1], "2025年3月24日");
        assert_eq!(
            l.published.unwrap().0,
            NaiveDate::from_ymd_opt(2025, 3, 25).unwrap()
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
