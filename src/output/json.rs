//! The JSON document, schema version 1 (docs/output.md, docs/check-output.schema.json).
//!
//! Its own serialisation types, not the engine's: the engine may change; this schema changes only with
//! `schema_version`. Every documented key is always present (`null` when absent).

use super::json_stream::JsonStream;
use super::labels::place;
use super::stats::{Counts, Tally};
use super::{Plan, RenderOptions, ReportWriter, Reporter};
use crate::engine::{Evidence, ReportResult, RuleInfo, Verdict};
use crate::report::{Located, Meta};
use serde::Serialize;
use std::io::{self, Write};
use std::sync::Arc;

pub const SCHEMA_VERSION: &str = "1";

pub struct JsonReporter;

/// The document goes out a report at a time: head, each report, then the summary.
impl Reporter for JsonReporter {
    fn start<'w>(
        &self,
        plan: &Plan,
        _: &RenderOptions,
        w: Box<dyn Write + 'w>,
    ) -> io::Result<Box<dyn ReportWriter + 'w>> {
        let mut out = JsonStream::new(w);
        out.begin_object()?;
        out.key("schema_version")?;
        out.value(&SCHEMA_VERSION)?;
        out.key("tool")?;
        out.value(&Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        })?;
        out.key("rules")?;
        let rules: Vec<RuleOut> = plan.rules.iter().map(|r| RuleOut::from(&**r)).collect();
        out.value(&rules)?;
        out.key("reports")?;
        out.begin_array()?;
        Ok(Box::new(JsonWriter {
            out,
            rules: plan.rules.clone(),
        }))
    }
}

struct JsonWriter<'w> {
    out: JsonStream<Box<dyn Write + 'w>>,
    rules: Vec<Arc<RuleInfo>>,
}

impl ReportWriter for JsonWriter<'_> {
    fn report(&mut self, _: usize, report: &ReportResult) -> io::Result<()> {
        self.out.value(&ReportOut::from(report))
    }

    fn finish(self: Box<Self>, tally: &Tally) -> io::Result<()> {
        let JsonWriter { mut out, rules } = *self;
        out.end()?;
        out.key("summary")?;
        out.value(&Summary::of(&rules, tally))?;
        out.end()?;
        out.into_inner()?.flush()
    }
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct RuleOut<'a> {
    id: &'a str,
    pack: &'a str,
    title: &'a str,
    severity: &'static str,
    basis: &'a [String],
    hint: &'a str,
    description: Option<&'a str>,
    tags: &'a [String],
}

impl<'a> From<&'a RuleInfo> for RuleOut<'a> {
    fn from(r: &'a RuleInfo) -> Self {
        RuleOut {
            id: &r.id,
            pack: &r.pack,
            title: &r.title,
            severity: r.severity.as_str(),
            basis: &r.basis,
            hint: &r.hint,
            description: r.description.as_deref(),
            tags: &r.tags,
        }
    }
}

#[derive(Serialize)]
struct ReportOut<'a> {
    path: &'a str,
    meta: Option<MetaOut<'a>>,
    error: Option<&'a str>,
    counts: CountsOut,
    pass_rate: Option<f64>,
    results: Vec<VerdictOut<'a>>,
}

impl<'a> From<&'a ReportResult> for ReportOut<'a> {
    fn from(r: &'a ReportResult) -> Self {
        let counts = Counts::of(&r.verdicts);
        ReportOut {
            path: &r.path,
            meta: r.meta.as_ref().map(MetaOut::from),
            error: r.error.as_deref(),
            counts: counts.into(),
            pass_rate: counts.rate().ratio(),
            results: r.verdicts.iter().map(VerdictOut::from).collect(),
        }
    }
}

#[derive(Serialize)]
struct MetaOut<'a> {
    title: Option<&'a str>,
    issuer: Option<&'a str>,
    doc_number: Option<&'a str>,
    addressee: Option<&'a str>,
    report_year: Option<i32>,
    /// ISO dates, `YYYY-MM-DD`.
    issued: Option<String>,
    published: Option<String>,
    draft: Option<&'a str>,
    broken_off: Option<&'a str>,
    kind: &'static str,
    kind_reason: &'a str,
}

fn text(field: &Option<Located<String>>) -> Option<&str> {
    field.as_ref().map(|l| l.value.as_str())
}

impl<'a> From<&'a Meta> for MetaOut<'a> {
    fn from(m: &'a Meta) -> Self {
        MetaOut {
            title: text(&m.title),
            issuer: text(&m.issuer),
            doc_number: text(&m.doc_number),
            addressee: text(&m.addressee),
            report_year: m.report_year.as_ref().map(|l| l.value),
            issued: m.issued.as_ref().map(|l| l.value.to_string()),
            published: m.published.as_ref().map(|l| l.value.to_string()),
            draft: text(&m.draft),
            broken_off: text(&m.broken_off),
            kind: m.kind.as_str(),
            kind_reason: &m.kind_reason,
        }
    }
}

#[derive(Serialize)]
struct VerdictOut<'a> {
    rule: &'a str,
    pack: &'a str,
    title: &'a str,
    severity: &'static str,
    status: &'static str,
    message: &'a str,
    /// The rule's fix hint, on failures only.
    hint: Option<&'a str>,
    reason: Option<&'a str>,
    evidence: Vec<EvidenceOut<'a>>,
}

impl<'a> From<&'a Verdict> for VerdictOut<'a> {
    fn from(v: &'a Verdict) -> Self {
        VerdictOut {
            rule: &v.rule.id,
            pack: &v.rule.pack,
            title: &v.rule.title,
            severity: v.rule.severity.as_str(),
            status: v.status.as_str(),
            message: &v.message,
            hint: v.fix(),
            reason: v.reason.as_deref(),
            evidence: v.evidence.iter().map(EvidenceOut::from).collect(),
        }
    }
}

#[derive(Serialize)]
struct EvidenceOut<'a> {
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    /// Byte offsets into the decoded text.
    start_offset: usize,
    end_offset: usize,
    text: &'a str,
    value: Option<&'a str>,
    page: Option<u32>,
    paragraph: Option<u32>,
    /// The heading the evidence is under.
    section: Option<&'a str>,
    /// Where a reader finds it: `第3页`, `第12段` or `第12行`.
    place: String,
    /// A short excerpt in the text around it on its line.
    context: Option<&'a str>,
}

impl<'a> From<&'a Evidence> for EvidenceOut<'a> {
    fn from(e: &'a Evidence) -> Self {
        EvidenceOut {
            line: e.start.line,
            column: e.start.column,
            end_line: e.end.line,
            end_column: e.end.column,
            start_offset: e.span.start,
            end_offset: e.span.end,
            text: &e.text,
            value: e.value.as_deref(),
            page: e.page,
            paragraph: e.paragraph,
            section: e.section.as_deref(),
            place: place(e),
            context: e.context.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct Summary<'a> {
    reports: usize,
    unreadable: usize,
    counts: CountsOut,
    pass_rate: Option<f64>,
    rules: Vec<RuleSummary<'a>>,
}

#[derive(Serialize)]
struct RuleSummary<'a> {
    rule: &'a str,
    counts: CountsOut,
    pass_rate: Option<f64>,
}

impl<'a> Summary<'a> {
    fn of(rules: &'a [Arc<RuleInfo>], tally: &Tally) -> Self {
        Summary {
            reports: tally.reports,
            unreadable: tally.unreadable,
            counts: tally.total.into(),
            pass_rate: tally.total.rate().ratio(),
            rules: rules
                .iter()
                .zip(&tally.per_rule)
                .map(|(rule, counts)| RuleSummary {
                    rule: &rule.id,
                    counts: (*counts).into(),
                    pass_rate: counts.rate().ratio(),
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct CountsOut {
    total: usize,
    by_status: ByStatus,
    failures_by_severity: BySeverity,
}

#[derive(Serialize)]
struct ByStatus {
    pass: usize,
    fail: usize,
    not_applicable: usize,
    skipped: usize,
    error: usize,
}

#[derive(Serialize)]
struct BySeverity {
    error: usize,
    warning: usize,
    info: usize,
}

impl From<Counts> for CountsOut {
    fn from(c: Counts) -> Self {
        CountsOut {
            total: c.total,
            by_status: ByStatus {
                pass: c.pass,
                fail: c.fail,
                not_applicable: c.not_applicable,
                skipped: c.skipped,
                error: c.error,
            },
            failures_by_severity: BySeverity {
                error: c.fail_error,
                warning: c.fail_warning,
                info: c.fail_info,
            },
        }
    }
}
