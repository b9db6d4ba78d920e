//! Builds `Report` values by hand for tests and benches: text plus the sections, facts and
//! metadata a test declares, located by searching the text.
#![allow(dead_code)] // each test binary uses part of the builder

use chrono::NaiveDate;
use fzcheck::ingest::SourceText;
use fzcheck::report::{
    Approx, Breakdown, BreakdownRelation, DocKind, Fact, FactKind, LineIndex, Located, Meta,
    NormText, NumberingIssue, NumberingIssueKind, Ratio, Report, Section, Sentence, Span,
};
use rust_decimal::Decimal;
use std::str::FromStr;

pub struct ReportBuilder {
    text: String,
    meta: Meta,
    headings: Vec<(u8, String, String)>,
    facts: Vec<(String, String, FactKind, usize)>,
    breakdowns: Vec<(usize, Vec<usize>, BreakdownRelation)>,
    ratios: Vec<(usize, usize, usize)>,
    issues: Vec<(NumberingIssueKind, String, String)>,
}

/// A report of `text`, an annual report by default.
pub fn report(text: &str) -> ReportBuilder {
    ReportBuilder {
        text: text.to_string(),
        meta: Meta {
            kind: DocKind::AnnualReport,
            ..Meta::default()
        },
        headings: Vec::new(),
        facts: Vec::new(),
        breakdowns: Vec::new(),
        ratios: Vec::new(),
        issues: Vec::new(),
    }
}

fn find_from(text: &str, needle: &str, from: usize) -> Span {
    let at = text[from..]
        .find(needle)
        .map(|i| i + from)
        .unwrap_or_else(|| panic!("`{needle}` not in the report text"));
    Span::new(at, at + needle.len())
}

fn find(text: &str, needle: &str) -> Span {
    find_from(text, needle, 0)
}

impl ReportBuilder {
    pub fn kind(mut self, kind: DocKind) -> Self {
        self.meta.kind = kind;
        self
    }

    /// `meta.report_year`, located at `written` (e.g. "2023年").
    pub fn year(mut self, year: i32, written: &str) -> Self {
        self.meta.report_year = Some(Located {
            value: year,
            span: find(&self.text, written),
        });
        self
    }

    pub fn published(mut self, date: &str, written: &str) -> Self {
        self.meta.published = Some(Located {
            value: NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date"),
            span: find(&self.text, written),
        });
        self
    }

    pub fn draft(mut self, marker: &str) -> Self {
        self.meta.draft = Some(Located {
            value: marker.to_string(),
            span: find(&self.text, marker),
        });
        self
    }

    pub fn title(mut self, title: &str) -> Self {
        self.meta.title = Some(Located {
            value: title.to_string(),
            span: find(&self.text, title),
        });
        self
    }

    /// A heading line `marker` + `title` at `level`, found in the text.
    pub fn section(mut self, level: u8, marker: &str, title: &str) -> Self {
        self.headings
            .push((level, marker.to_string(), title.to_string()));
        self
    }

    /// A fact whose number is `written` (e.g. "100%", "353件"), the first after `label`.
    pub fn fact(mut self, label: &str, written: &str, kind: FactKind) -> Self {
        let from = find(&self.text, label).end;
        self.facts
            .push((label.to_string(), written.to_string(), kind, from));
        self
    }

    /// Like `fact`, searching after the `nth` (0-based) occurrence of `label`.
    pub fn fact_nth(mut self, label: &str, nth: usize, written: &str, kind: FactKind) -> Self {
        let from = self.text.match_indices(label).nth(nth).expect("label").0 + label.len();
        self.facts
            .push((label.to_string(), written.to_string(), kind, from));
        self
    }

    /// Fact indices, in declaration order.
    pub fn breakdown(mut self, total: usize, parts: &[usize], relation: BreakdownRelation) -> Self {
        self.breakdowns.push((total, parts.to_vec(), relation));
        self
    }

    pub fn ratio(mut self, rate: usize, numerator: usize, denominator: usize) -> Self {
        self.ratios.push((rate, numerator, denominator));
        self
    }

    pub fn issue(mut self, kind: NumberingIssueKind, at: &str, detail: &str) -> Self {
        self.issues.push((kind, at.to_string(), detail.to_string()));
        self
    }

    pub fn build(self) -> Report {
        let text = self.text;
        let sections = sections(&text, &self.headings);
        let sentences = sentences(&text, &sections);
        let facts: Vec<Fact> = self
            .facts
            .iter()
            .map(|(label, written, kind, from)| {
                let span = find_from(&text, written, *from);
                let digits: String = written
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
                    .collect();
                // Units are static in the parser; a test report's few are leaked to match.
                let unit: &'static str = written[digits.len()..].to_string().leak();
                let label_span = text[..*from]
                    .rfind(label.as_str())
                    .map(|s| Span::new(s, s + label.len()));
                Fact {
                    label: label.clone(),
                    value: Decimal::from_str(&digits).expect("number"),
                    unit,
                    approx: Approx::Exact,
                    kind: *kind,
                    span,
                    label_span,
                    year: None,
                    sentence: sentences
                        .iter()
                        .position(|s| s.span.contains(span))
                        .unwrap_or(0),
                    section: innermost(&sections, span),
                }
            })
            .collect();
        let breakdowns = self
            .breakdowns
            .iter()
            .map(|(total, parts, relation)| {
                let span = parts
                    .iter()
                    .fold(facts[*total].span, |s, p| s.cover(facts[*p].span));
                Breakdown {
                    total: *total,
                    parts: parts.clone(),
                    relation: *relation,
                    span,
                }
            })
            .collect();
        let ratios = self
            .ratios
            .iter()
            .map(|&(rate, numerator, denominator)| Ratio {
                rate,
                numerator,
                denominator,
            })
            .collect();
        let numbering_issues = self
            .issues
            .iter()
            .map(|(kind, at, detail)| NumberingIssue {
                kind: *kind,
                span: find(&text, at),
                detail: detail.clone(),
            })
            .collect();
        Report {
            lines: LineIndex::new(&text),
            norm: NormText::new(&text),
            body: Span::new(0, text.len()),
            meta: self.meta,
            sections,
            numbering_issues,
            enumerations: Vec::new(),
            sentences,
            facts,
            breakdowns,
            ratios,
            derived: Default::default(),
            source: SourceText::from_text("test.txt", text),
        }
    }
}

/// The ordinal a heading marker states: 一 → 1, （三）→ 3, 2. → 2.
fn ordinal(marker: &str) -> Option<u32> {
    let digits: String = marker.chars().filter(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    marker.chars().find_map(|c| {
        "一二三四五六七八九十"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1)
    })
}

fn innermost(sections: &[Section], span: Span) -> Option<usize> {
    sections.iter().rposition(|s| s.span.contains(span))
}

fn sections(text: &str, headings: &[(u8, String, String)]) -> Vec<Section> {
    let mut found: Vec<(u8, String, String, Span)> = headings
        .iter()
        .map(|(level, marker, title)| {
            let line = format!("{marker}{title}");
            (*level, marker.clone(), title.clone(), find(text, &line))
        })
        .collect();
    found.sort_by_key(|h| h.3.start);
    let mut out: Vec<Section> = Vec::new();
    for (i, (level, marker, title, heading)) in found.iter().enumerate() {
        let end = found[i + 1..]
            .iter()
            .find(|h| h.0 <= *level)
            .map_or(text.len(), |h| h.3.start);
        let body_start = text[heading.end..]
            .find('\n')
            .map_or(text.len(), |n| heading.end + n + 1)
            .min(end);
        let parent = (0..i).rev().find(|&j| found[j].0 < *level);
        out.push(Section {
            level: *level,
            rank: *level,
            number: ordinal(marker),
            marker: marker.clone(),
            title: title.clone(),
            heading: *heading,
            span: Span::new(heading.start, end),
            body: Span::new(body_start, end),
            parent,
            children: Vec::new(),
        });
        if let Some(p) = parent {
            out[p].children.push(i);
        }
    }
    out
}

/// Sentences end at 。！？； or a line break.
fn sentences(text: &str, sections: &[Section]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | '\n') {
            let end = i + c.len_utf8();
            if !text[start..end].trim().is_empty() {
                let span = Span::new(start, end);
                out.push(Sentence {
                    span,
                    section: innermost(sections, span),
                });
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        let span = Span::new(start, text.len());
        out.push(Sentence {
            span,
            section: innermost(sections, span),
        });
    }
    out
}

/// A small annual report with every kind of item: sections, facts, a breakdown, a ratio, an issue.
pub const SAMPLE: &str = "某区2023年法治政府建设年度报告
发布时间：2024-03-20
一、2023年法治政府建设主要举措
（一）严格规范执法
全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。共办理法律援助案件353件，其中民事援助案件214件，刑事援助案件139件。
行政机关负责人出庭应诉率为100%。受理调解案件1187件，调解成功1187件，调解成功率100%。
二、存在的不足和原因
一是依法行政意识有待加强，主要原因在于培训不够。
三、2024年工作安排
明年将继续推进法治政府建设，案件办理质量同比下降4.7个百分点的问题将得到解决。
";

pub fn sample() -> Report {
    report(SAMPLE)
        .title("某区2023年法治政府建设年度报告")
        .year(2023, "2023年")
        .published("2024-03-20", "2024-03-20")
        .section(1, "一、", "2023年法治政府建设主要举措")
        .section(2, "（一）", "严格规范执法")
        .section(1, "二、", "存在的不足和原因")
        .section(1, "三、", "2024年工作安排")
        .fact("法律援助案件", "353件", FactKind::Quantity)
        .fact("民事援助案件", "214件", FactKind::Quantity)
        .fact("刑事援助案件", "139件", FactKind::Quantity)
        .fact("出庭应诉率", "100%", FactKind::Rate)
        .fact("受理调解案件", "1187件", FactKind::Quantity)
        .fact("调解成功", "1187件", FactKind::Quantity)
        .fact("调解成功率", "100%", FactKind::Rate)
        .fact("同比下降", "4.7个百分点", FactKind::Change)
        .breakdown(0, &[1, 2], BreakdownRelation::Partition)
        .ratio(6, 5, 4)
        .issue(
            NumberingIssueKind::Gap,
            "三、",
            "一级标题从“二、”跳到“四、”",
        )
        .build()
}

/// A pack `t` (with a parameter `target: 100%`) of one rule whose body is `rule` (indented under `- `).
pub fn pack_with(rule: &str) -> String {
    let body: String = rule
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("  - {l}\n")
            } else {
                format!("    {l}\n")
            }
        })
        .collect();
    format!("pack: t\ntitle: 测试\nparams:\n  target: 100%\nrules:\n{body}")
}
