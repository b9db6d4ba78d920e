//! What the engine concludes: one [`Verdict`] per rule and report, with the evidence that decided it.

use crate::pack::Severity;
use crate::report::{Meta, Position, Report, Span};
use serde::Serialize;
use std::sync::Arc;

/// The outcome of one rule on one report. Outputs render every status, passes included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Fail,
    /// `applies_to` or `when` excluded this report.
    NotApplicable,
    /// Switched off by configuration; `Verdict::reason` says by whom and why.
    Skipped,
    /// Evaluation failed; `Verdict::reason` says why.
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::NotApplicable => "not_applicable",
            Status::Skipped => "skipped",
            Status::Error => "error",
        }
    }

    /// 中文名，用于表格和 HTML。
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Pass => "通过",
            Status::Fail => "不通过",
            Status::NotApplicable => "不适用",
            Status::Skipped => "已跳过",
            Status::Error => "出错",
        }
    }
}

/// The rule as outputs need it: shared by every verdict of the rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleInfo {
    /// Stable id with a pack prefix, e.g. `content/shortcomings`.
    pub id: String,
    pub pack: String,
    /// The pack's title (`重点指标`), for outputs that group rules by pack.
    pub pack_title: String,
    pub title: String,
    /// After tailoring by the configuration.
    pub severity: Severity,
    /// Legal or normative basis, one citation per entry.
    pub basis: Vec<String>,
    pub hint: String,
    pub description: Option<String>,
    pub tags: Vec<String>,
}

/// A place in the report that decided the verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub span: Span,
    pub start: Position,
    pub end: Position,
    /// The text at `span`, shortened to a readable excerpt.
    pub text: String,
    /// The value found there, rendered (e.g. `99.7%`), when the evidence is a fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// PDF page or docx paragraph, when the input format records it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// The heading the evidence is under (`（一）带头学法述法`), so a reader can find it in Word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// For a short excerpt (a typo, `》、《`), the text around it on its line, so a reader sees
    /// what was found where: `…学习《行政处罚法》、《行政复议法》等…`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

/// Longest excerpt kept in evidence, in characters.
pub const EXCERPT_CHARS: usize = 60;

impl Evidence {
    /// Evidence for `span` of `report`, with the excerpt cut to [`EXCERPT_CHARS`].
    pub fn at(report: &Report, span: Span, value: Option<String>) -> Self {
        let raw = report.slice(span);
        let mut text: String = raw
            .chars()
            .filter(|c| *c != '\r')
            .map(|c| if c == '\n' { ' ' } else { c })
            .take(EXCERPT_CHARS)
            .collect();
        if raw.chars().nth(EXCERPT_CHARS).is_some() {
            text.push('…');
        }
        let origin = report.source.origin_at(span.start);
        Evidence {
            span,
            start: report.position(span.start),
            end: report.position(span.end),
            text,
            value,
            page: origin.and_then(|o| o.page),
            paragraph: origin.and_then(|o| o.paragraph),
            section: heading_over(report, span.start),
            context: context_around(report.text(), span),
        }
    }
}

/// Excerpts shorter than this get a [`Evidence::context`].
const SHORT_CHARS: usize = 12;
/// Characters of context kept on each side.
const CONTEXT_CHARS: usize = 16;

/// Up to [`CONTEXT_CHARS`] characters each side of a short `span`, within its line; `None` when
/// the span is long or the line holds nothing else.
fn context_around(text: &str, span: Span) -> Option<String> {
    let found = text.get(span.start..span.end)?;
    if found.chars().nth(SHORT_CHARS - 1).is_some() || found.contains('\n') {
        return None;
    }
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find(['\r', '\n'])
        .map_or(text.len(), |i| span.end + i);
    // Only the ends of the line next to the span are read: a paragraph is often one long line.
    let before = text[line_start..span.start].trim_start_matches(char::is_whitespace);
    let after = &text[span.end..line_end];
    if before.is_empty() && after.chars().all(char::is_whitespace) {
        return None;
    }
    let from = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let to = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(&before[from..]);
    out.push_str(found);
    out.push_str(&after[..to]);
    if to < after.len() {
        out.push('…');
    }
    Some(out)
}

/// Longest heading kept in evidence, in characters.
const HEADING_CHARS: usize = 20;

/// The innermost heading whose body holds `offset` (a heading line itself is under its parent),
/// numbering and title as written, shortened.
fn heading_over(report: &Report, offset: usize) -> Option<String> {
    // Sections are in document order and nest: the deepest whose body holds `offset` is the
    // last one opened before it, or one of that one's ancestors (a search, not a scan, so that
    // evidence costs the same in a yearbook of ten thousand sections).
    let sections = &report.sections;
    let mut i = sections
        .partition_point(|s| s.heading.start <= offset)
        .checked_sub(1)?;
    let section = loop {
        let s = &sections[i];
        if s.body.start <= offset && offset < s.body.end {
            break s;
        }
        i = s.parent?;
    };
    let heading = format!("{}{}", section.marker, section.title);
    let mut short: String = heading.chars().take(HEADING_CHARS).collect();
    if heading.chars().count() > HEADING_CHARS {
        short.push('…');
    }
    Some(short)
}

#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    pub rule: Arc<RuleInfo>,
    pub status: Status,
    /// The rule's message with the values found filled in (empty on pass unless the rule says more).
    pub message: String,
    pub evidence: Vec<Evidence>,
    /// Why the rule was not applicable, skipped, or errored, or why a check was unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The rule's hint with the values found filled in, on fail and error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Verdict {
    /// The fix to show: the rule's hint with the values found, on a failure.
    pub fn fix(&self) -> Option<&str> {
        (self.status == Status::Fail)
            .then_some(self.hint.as_deref())
            .flatten()
            .filter(|h| !h.is_empty())
    }
}

/// Everything checked for one input file.
#[derive(Debug, Clone, Serialize)]
pub struct ReportResult {
    /// The path as given.
    pub path: String,
    /// `None` when the file could not be read (then `error` says why).
    pub meta: Option<Meta>,
    pub verdicts: Vec<Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// A whole run: the rules in use and one result per input, in input order.
#[derive(Debug, Clone, Serialize)]
pub struct CheckRun {
    pub rules: Vec<Arc<RuleInfo>>,
    pub reports: Vec<ReportResult>,
}
