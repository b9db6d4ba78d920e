//! Headings by the numbering levels of official documents: 一、 (1), （一） (2), 1. / 1、 (3), （1） (4),
//! and above them 第一部分 (0) in a report organised in parts.
//! Markdown `#` marks are ignored: the numbering decides the level, because converters often put the
//! wrong number of `#` on a heading. A bracketed line such as 【任务措施】 is an unnumbered level-1 heading.
//!
//! Official documents often write a numbered item as a lead sentence followed by its text on the same
//! line (`1.加强队伍建设。全年培训…`). Such a line is a section: its title is the lead sentence (cut at
//! the first comma when the sentence is long), its heading span ends after that sentence, and the rest of
//! the line is the start of its body.

use super::chrome::{Layout, NLine};
use super::numerals::{parse_cn, to_cn};
use super::{NormText, NumberingIssue, NumberingIssueKind, Section, Span};
use std::ops::Range;

/// A long lead sentence is cut at its first comma to make the title.
const MAX_TITLE_CHARS: usize = 40;
/// A first clause shorter than this (`2024年`) is not a title on its own.
const MIN_TITLE_CHARS: usize = 6;

/// The numbering at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub level: u8,
    pub number: Option<u32>,
    /// Byte range of the marker in the line (after any `#`).
    pub range: Range<usize>,
}

pub fn heading_marker(line: &str) -> Option<Marker> {
    let lead = line.len() - line.trim_start_matches(['#', ' ']).len();
    let s = &line[lead..];
    let mut chars = s.char_indices();
    let (_, c0) = chars.next()?;
    let numbered = |level: u8, number: u64, len: usize| -> Option<Marker> {
        // `1.5万` is a decimal, `1. 2024年…` a heading whose text starts with a year.
        let decimal = level == 3 && s[len..].starts_with(|c: char| c.is_ascii_digit());
        let rest_ok = !s[len..].trim().is_empty() && !decimal;
        (rest_ok && number > 0).then(|| Marker {
            level,
            number: u32::try_from(number).ok(),
            range: lead..lead + len,
        })
    };
    if c0 == '第' {
        return part_marker(s).map(|(n, len)| Marker {
            level: 0,
            number: Some(n),
            range: lead..lead + len,
        });
    }
    if c0 == '【' {
        let close = s.find('】')?;
        let inner = &s[c0.len_utf8()..close];
        let whole = s[close..].trim_end() == "】";
        let n = inner.chars().count();
        return (whole && (2..=12).contains(&n)).then(|| Marker {
            level: 1,
            number: None,
            range: lead..lead + close + '】'.len_utf8(),
        });
    }
    if c0 == '(' {
        let close = s.find(')')?;
        let inner = &s[1..close];
        let len = close + 1;
        if !inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit()) {
            return numbered(4, inner.parse().ok()?, len);
        }
        if !inner.is_empty()
            && inner.chars().count() <= 3
            && inner.chars().all(super::numerals::is_cn_numeral_char)
        {
            return numbered(2, parse_cn(inner)?, len);
        }
        return None;
    }
    if c0.is_ascii_digit() {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 3 {
            return None;
        }
        let sep = s[digits..].chars().next()?;
        if !matches!(sep, '.' | '、') {
            return None;
        }
        return numbered(3, s[..digits].parse().ok()?, digits + sep.len_utf8());
    }
    if super::numerals::is_cn_numeral_char(c0) {
        let end = s.find(|c: char| !super::numerals::is_cn_numeral_char(c))?;
        let sep = s[end..].chars().next()?;
        if end > 9 || !matches!(sep, '、' | '.') {
            return None;
        }
        return numbered(1, parse_cn(&s[..end])?, end + sep.len_utf8());
    }
    None
}

/// `第一部分 …` / `第二部分：…`: the number and the marker's length. Without a separator the line
/// must read as a title (short, no full stop), so prose opening with 第二部分 is not a heading.
fn part_marker(s: &str) -> Option<(u32, usize)> {
    let after = &s['第'.len_utf8()..];
    let end =
        after.find(|c: char| !super::numerals::is_cn_numeral_char(c) && !c.is_ascii_digit())?;
    let numeral = &after[..end];
    let rest = after[end..].strip_prefix("部分")?;
    let n = match numeral.parse::<u32>() {
        Ok(n) => n,
        Err(_) => u32::try_from(parse_cn(numeral)?).ok()?,
    };
    let sep = rest
        .chars()
        .next()
        .filter(|c| matches!(c, ' ' | '\u{3000}' | '、' | ':' | '：' | '.'));
    let title = rest[sep.map_or(0, char::len_utf8)..].trim();
    let title_like = sep.is_some() || (title.chars().count() <= 30 && !title.contains('。'));
    let len = '第'.len_utf8() + end + "部分".len() + sep.map_or(0, char::len_utf8);
    (n > 0 && !title.is_empty() && title_like).then_some((n, len))
}

/// Render the marker a level would have for number `n` (for messages).
fn render(level: u8, n: u32) -> String {
    match level {
        0 => format!("第{}部分", to_cn(n)),
        1 => format!("{}、", to_cn(n)),
        2 => format!("（{}）", to_cn(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

fn level_name(level: u8) -> &'static str {
    match level {
        0 => "部分标题",
        1 => "一级标题",
        2 => "二级标题",
        3 => "三级标题",
        _ => "四级标题",
    }
}

/// The way a level is written, to spot 1. next to 1、 or （一） next to (一).
fn style(source_marker: &str) -> String {
    source_marker
        .chars()
        .filter(|c| {
            !c.is_ascii_digit()
                && !super::numerals::is_cn_numeral_char(*c)
                && *c != '#'
                && *c != ' '
        })
        .collect()
}

pub struct Outline {
    pub sections: Vec<Section>,
    pub issues: Vec<NumberingIssue>,
}

pub fn build(
    norm: &NormText,
    src: &str,
    lines: &[NLine],
    layout: &Layout,
    body_end: usize,
) -> Outline {
    let text = norm.text.as_str();
    let mut sections: Vec<Section> = Vec::new();
    // Norm ranges of each section's heading, for the spans computed once all headings are known.
    let mut heads: Vec<Range<usize>> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for idx in layout.body.clone() {
        let line = lines[idx];
        if layout.chrome[idx] {
            continue;
        }
        let t = line.text(text);
        let Some(m) = heading_marker(t) else { continue };
        let rest_start = line.start + m.range.end;
        let rest = &text[rest_start..line.end];
        let lead_ws = rest.len() - rest.trim_start().len();
        let rest = rest.trim_start();
        let title_start = rest_start + lead_ws;
        let (title, head_end) = if m.number.is_none() {
            (
                t[m.range.clone()].trim_matches(['【', '】']).to_string(),
                line.end,
            )
        } else {
            lead_sentence(rest, title_start, line.end)
        };
        let level = m.level;
        while stack.last().is_some_and(|&p| sections[p].level >= level) {
            stack.pop();
        }
        let parent = stack.last().copied();
        let id = sections.len();
        if let Some(p) = parent {
            sections[p].children.push(id);
        }
        let marker_range = line.start + m.range.start..line.start + m.range.end;
        let heading = super::src_span(norm, src, line.start + m.range.start..head_end);
        sections.push(Section {
            level,
            rank: level,
            number: m.number,
            marker: super::src_text(norm, src, marker_range),
            title,
            heading,
            span: heading,
            body: Span::new(heading.end, heading.end),
            parent,
            children: Vec::new(),
        });
        heads.push(line.start + m.range.start..head_end);
        stack.push(id);
    }
    for i in 0..sections.len() {
        let level = sections[i].level;
        let end = (i + 1..sections.len())
            .find(|&j| sections[j].level <= level)
            .map_or(body_end, |j| heads[j].start);
        let end = end.max(heads[i].end);
        sections[i].span = super::src_span(norm, src, heads[i].start..end);
        let body = super::src_span(norm, src, heads[i].end..end);
        sections[i].body = if body.is_empty() {
            Span::new(
                sections[i].heading.end,
                sections[i].heading.end.max(body.start),
            )
        } else {
            body
        };
    }
    // In a report organised in parts, the parts are its first level and 一、 its second.
    if sections.iter().any(|s| s.level == 0) {
        for s in &mut sections {
            s.rank = s.level + 1;
        }
    }
    let issues = numbering_issues(&sections);
    Outline { sections, issues }
}

/// Title of a numbered line and the end (norm offset) of its heading; see the module documentation.
fn lead_sentence(rest: &str, rest_start: usize, line_end: usize) -> (String, usize) {
    // A colon ends a run-in heading too (`二、存在的不足:法治审核力量薄弱…`), but not a clock time.
    let colon = rest
        .match_indices(':')
        .map(|(k, _)| k)
        .find(|&k| !rest[..k].ends_with(|c: char| c.is_ascii_digit()));
    let stop = rest.find(['。', '!', '?', ';']);
    let stop = match (stop, colon) {
        (Some(s), Some(c)) => Some(s.min(c)),
        (s, c) => s.or(c),
    };
    let (sentence, head_end) = match stop {
        Some(k) => {
            let term_len = rest[k..].chars().next().map_or(1, char::len_utf8);
            (&rest[..k], rest_start + k + term_len)
        }
        None => (rest, line_end),
    };
    let title = if sentence.chars().count() > MAX_TITLE_CHARS {
        // Clauses up to the first comma after a meaningful start (`2024年,辽中区将…` keeps its subject).
        let mut end = sentence.len();
        for (k, _) in sentence.match_indices(',') {
            if sentence[..k].chars().count() >= MIN_TITLE_CHARS {
                end = k;
                break;
            }
        }
        &sentence[..end]
    } else {
        sentence
    };
    (title.trim().to_string(), head_end)
}

fn numbering_issues(sections: &[Section]) -> Vec<NumberingIssue> {
    use std::collections::HashMap;
    let mut issues = Vec::new();
    let min_level = sections.iter().map(|s| s.level).min().unwrap_or(1);
    let levels_used: Vec<u8> = {
        let mut v: Vec<u8> = sections.iter().map(|s| s.level).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    // Last number seen under each (parent, level), and at each level anywhere (numbering may run on
    // across parents: 1–5 under （一）, 6–8 under （二）).
    let mut last_under: HashMap<(Option<usize>, u8), (u32, usize)> = HashMap::new();
    let mut last_at_level: HashMap<u8, u32> = HashMap::new();
    let mut first_style: HashMap<u8, String> = HashMap::new();
    for (i, s) in sections.iter().enumerate() {
        let Some(n) = s.number else { continue };
        let level_cn = level_name(s.level);
        let mut push = |kind, detail: String| {
            issues.push(NumberingIssue {
                kind,
                span: s.heading,
                detail,
            })
        };
        match last_under.get(&(s.parent, s.level)) {
            Some(&(prev, prev_i)) => {
                if n <= prev {
                    push(
                        NumberingIssueKind::Repeat,
                        format!(
                            "{level_cn}“{}”在“{}”之后重复或倒序出现",
                            s.marker.trim(),
                            sections[prev_i].marker.trim()
                        ),
                    );
                } else if n > prev + 1 {
                    let missing: Vec<String> = (prev + 1..n)
                        .take(5)
                        .map(|k| format!("“{}”", render(s.level, k)))
                        .collect();
                    push(
                        NumberingIssueKind::Gap,
                        format!(
                            "{level_cn}从“{}”跳到“{}”，缺少{}",
                            sections[prev_i].marker.trim(),
                            s.marker.trim(),
                            missing.join("")
                        ),
                    );
                }
            }
            None => {
                let continues = last_at_level.get(&s.level).is_some_and(|&p| n == p + 1);
                if n != 1 && !continues {
                    let under = s.parent.map_or_else(
                        || "全文".to_string(),
                        |p| format!("“{}”下", sections[p].title),
                    );
                    push(
                        NumberingIssueKind::Gap,
                        format!(
                            "{under}的{level_cn}从“{}”开始，缺少“{}”",
                            s.marker.trim(),
                            render(s.level, 1)
                        ),
                    );
                }
            }
        }
        let missing_level = |l: u8| levels_used.binary_search(&l).is_ok();
        match s.parent {
            Some(p) if sections[p].level + 1 < s.level && missing_level(s.level - 1) => push(
                NumberingIssueKind::LevelJump,
                format!(
                    "{level_cn}“{}”直接位于{}“{}”之下，跳过了{}",
                    s.marker.trim(),
                    level_name(sections[p].level),
                    sections[p].marker.trim(),
                    level_name(s.level - 1)
                ),
            ),
            None if s.level > min_level => push(
                NumberingIssueKind::LevelJump,
                format!("{level_cn}“{}”之前没有上级标题", s.marker.trim()),
            ),
            _ => {}
        }
        let st = style(&s.marker);
        match first_style.get(&s.level) {
            Some(first) if *first != st => push(
                NumberingIssueKind::MixedStyle,
                format!("{level_cn}写法不一致：“{}”与此前的“{}”", st, first),
            ),
            Some(_) => {}
            None => {
                first_style.insert(s.level, st);
            }
        }
        last_under.insert((s.parent, s.level), (n, i));
        last_at_level.insert(s.level, n);
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(line: &str) -> Option<(u8, Option<u32>)> {
        heading_marker(line).map(|m| (m.level, m.number))
    }

    #[test]
    fn recognises_the_four_levels() {
        assert_eq!(m("一、总体情况"), Some((1, Some(1))));
        assert_eq!(m("### 十二、其他"), Some((1, Some(12))));
        assert_eq!(m("(三)依法决策"), Some((2, Some(3))));
        assert_eq!(m("## (二)严格执法"), Some((2, Some(2))));
        assert_eq!(m("1.加强领导。全年开会。"), Some((3, Some(1))));
        assert_eq!(m("12、完善制度"), Some((3, Some(12))));
        assert_eq!(m("(4)细化标准"), Some((4, Some(4))));
        assert_eq!(m("【主要做法】"), Some((1, None)));
    }

    #[test]
    fn rejects_numbers_that_are_not_markers() {
        assert_eq!(m("2023年,全区"), None);
        assert_eq!(m("1.5万人次参加"), None);
        assert_eq!(m("一是加强领导"), None);
        assert_eq!(m("(2021-2025年)"), None);
        assert_eq!(m("【字号:大 中 小】 打印"), None);
        assert_eq!(m("一、"), None);
    }

    #[test]
    fn parts_sit_above_the_first_level() {
        assert_eq!(m("第一部分  2023年主要举措和成效"), Some((0, Some(1))));
        assert_eq!(m("第三部分：存在的不足和原因"), Some((0, Some(3))));
        assert_eq!(m("第五部分其他需要报告的事项"), Some((0, Some(5))));
        assert_eq!(m("第2部分 工作安排"), Some((0, Some(2))));
        // Prose that opens with the words, and a bare 第二部分, are not headings.
        assert_eq!(
            m("第二部分主要介绍了全年执法工作的开展情况和取得的成效，详见附表。"),
            None
        );
        assert_eq!(m("第二部分"), None);
        assert_eq!(m("第一批试点单位名单"), None);
    }

    #[test]
    fn lead_sentence_is_the_title() {
        let (t, end) = lead_sentence("加强队伍建设。全年培训三次。", 0, 99);
        assert_eq!(t, "加强队伍建设");
        assert_eq!(end, "加强队伍建设。".len());
        let long = "严格落实某某制度,突出抓好学习宣传工作,深刻领会核心要义和精神实质并贯彻到各项工作全过程。其余";
        assert_eq!(lead_sentence(long, 0, 99).0, "严格落实某某制度");
        let (t, end) = lead_sentence("存在的不足及原因:审核力量薄弱,原因是缺少人员。", 0, 99);
        assert_eq!(t, "存在的不足及原因");
        assert_eq!(end, "存在的不足及原因:".len());
    }
}

#[cfg(test)]
mod document_tests {
    use crate::ingest::SourceText;
    use crate::report::{parse, NumberingIssueKind, Report};

    fn report(text: &str) -> Report {
        parse(SourceText::from_text("t", text))
    }

    #[test]
    fn a_report_in_parts_counts_its_parts_as_the_first_level() {
        let r = report(
            "第一部分 主要举措和成效\n\n一、强化领导\n\n二、严格执法\n\n第二部分 存在的不足\n\n第三部分 2025年工作安排\n",
        );
        let ranks: Vec<(u8, u8)> = r.sections.iter().map(|s| (s.level, s.rank)).collect();
        assert_eq!(ranks, [(0, 1), (1, 2), (1, 2), (0, 1), (0, 1)]);
        assert!(r.numbering_issues.is_empty(), "{:?}", r.numbering_issues);
        // Without parts, 一、 is the first level.
        let r = report("一、主要举措\n\n（一）强化领导\n");
        let ranks: Vec<u8> = r.sections.iter().map(|s| s.rank).collect();
        assert_eq!(ranks, [1, 2]);
    }

    #[test]
    fn numbering_decides_the_level_not_markdown() {
        let r =
            report("# 一、主要工作\n\n### （一）甲\n\n1. 子项一\n\n# （二）乙\n\n## 二、问题\n");
        let levels: Vec<(u8, Option<usize>)> =
            r.sections.iter().map(|s| (s.level, s.parent)).collect();
        assert_eq!(
            levels,
            [
                (1, None),
                (2, Some(0)),
                (3, Some(1)),
                (2, Some(0)),
                (1, None)
            ]
        );
        assert_eq!(r.sections[0].children, [1, 3]);
        assert!(r.numbering_issues.is_empty(), "{:?}", r.numbering_issues);
    }

    #[test]
    fn numbered_paragraph_title_is_its_lead_sentence() {
        let r = report("一、工作\n\n1.加强队伍建设。全年培训干部3次，考核合格率100%。\n");
        let s = &r.sections[1];
        assert_eq!(s.title, "加强队伍建设");
        assert_eq!(r.slice(s.heading), "1.加强队伍建设。");
        assert_eq!(r.slice(s.body), "全年培训干部3次，考核合格率100%。");
        assert_eq!(r.facts[0].section, Some(1));
    }

    #[test]
    fn reports_gaps_repeats_jumps_and_mixed_styles() {
        let r = report(
            "一、甲\n\n（一）子\n\n（三）子\n\n三、乙\n\n三、丙\n\n1. 孙\n\n(二)子\n\n（1）细\n",
        );
        let kinds: Vec<NumberingIssueKind> = r.numbering_issues.iter().map(|i| i.kind).collect();
        assert_eq!(
            kinds,
            [
                NumberingIssueKind::Gap,
                NumberingIssueKind::Gap,
                NumberingIssueKind::Repeat,
                NumberingIssueKind::LevelJump, // 1. right under 三、 while （一） is used
                NumberingIssueKind::Gap,       // (二) opens the children of 三、丙
                NumberingIssueKind::MixedStyle, // (二) next to （一）
                NumberingIssueKind::LevelJump, // （1） right under (二) while 1. is used
            ]
        );
        assert_eq!(
            r.numbering_issues[1].detail,
            "一级标题从“一、”跳到“三、”，缺少“二、”"
        );
    }

    #[test]
    fn numbering_may_run_on_across_parents() {
        let r = report("一、甲\n\n（一）子\n\n1. 一\n\n2. 二\n\n（二）子\n\n3. 三\n");
        assert!(r.numbering_issues.is_empty(), "{:?}", r.numbering_issues);
    }
}
