//! The terminal view, clerk first: per report a verdict line, then what failed, most severe first,
//! each with the rule's Chinese title, the evidence and the fix; passes and not-applicables are a
//! count (`--all` lists them). Lines wrap to the terminal width; the rule id sits at the end of the
//! fix line, where it helps to look the rule up without taking a column.

use super::labels::{position, run_line, shown, title_line, verdict_line};
use super::stats::{Counts, Tally};
use super::summary::SummaryReporter;
use super::{Plan, RenderOptions, ReportWriter, Reporter};
use crate::engine::{Evidence, ReportResult, Status, Verdict};
use crate::pack::Severity;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// Evidence items listed per verdict; the rest are counted.
const MAX_EVIDENCE: usize = 3;
/// Characters of an excerpt shown (the JSON keeps the full excerpt).
const EXCERPT_CHARS: usize = 48;
/// Continuation lines of a field start under its text, after `  证据：`.
const INDENT: &str = "  ";
const HANG: &str = "        ";

pub struct TableReporter;

impl Reporter for TableReporter {
    fn start<'w>(
        &self,
        plan: &Plan,
        opts: &RenderOptions,
        w: Box<dyn Write + 'w>,
    ) -> io::Result<Box<dyn ReportWriter + 'w>> {
        // `--summary` is the whole run at a glance: the matrix instead of every report.
        if opts.summary {
            return SummaryReporter.start(plan, opts, w);
        }
        Ok(Box::new(TableWriter {
            w,
            opts: opts.clone(),
            total: plan.reports,
        }))
    }
}

struct TableWriter<'w> {
    w: Box<dyn Write + 'w>,
    opts: RenderOptions,
    total: usize,
}

impl ReportWriter for TableWriter<'_> {
    fn report(&mut self, index: usize, report: &ReportResult) -> io::Result<()> {
        let mut out = Lines {
            w: &mut self.w,
            width: self.opts.width.map(usize::from),
            color: self.opts.color,
        };
        out.plain(&format!(
            "报告 {}/{}：{}",
            index + 1,
            self.total,
            report.path
        ))?;
        match (&report.meta, &report.error) {
            (_, Some(error)) => out.painted(MAGENTA, &format!("无法读取：{error}"))?,
            (Some(meta), None) => {
                let counts = Counts::of(&report.verdicts);
                out.painted(verdict_colour(&counts), &verdict_line(meta, &counts))?;
                out.plain(&title_line(meta))?;
                write_verdicts(&mut out, &report.verdicts, self.opts.all)?;
            }
            (None, None) => {}
        }
        writeln!(self.w)
    }

    fn finish(mut self: Box<Self>, tally: &Tally) -> io::Result<()> {
        let line = run_line(tally.reports, tally.unreadable, &tally.total);
        let mut out = Lines {
            w: &mut self.w,
            width: self.opts.width.map(usize::from),
            color: false,
        };
        out.plain(&line)?;
        self.w.flush()
    }
}

/// Failures by severity, then evaluation errors; with `all`, passes, not-applicables and skips,
/// else a line counting them.
fn write_verdicts(out: &mut Lines, verdicts: &[Verdict], all: bool) -> io::Result<()> {
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let group: Vec<&Verdict> = verdicts
            .iter()
            .filter(|v| v.status == Status::Fail && v.rule.severity == severity)
            .collect();
        if !group.is_empty() {
            let label = format!("\n{}（{} 项）", severity_heading(severity), group.len());
            out.painted(severity_colour(severity), &label)?;
            for v in group {
                write_verdict(out, v)?;
            }
        }
    }
    let mut folded = Vec::new();
    for status in [
        Status::Error,
        Status::Pass,
        Status::NotApplicable,
        Status::Skipped,
    ] {
        let group: Vec<&Verdict> = verdicts.iter().filter(|v| v.status == status).collect();
        if group.is_empty() {
            continue;
        }
        // Evaluation errors are always listed: they are the tool's or the pack's fault to report.
        if all || status == Status::Error {
            out.painted(
                status_colour(status),
                &format!("\n{}（{} 项）", status.label_zh(), group.len()),
            )?;
            for v in group {
                write_verdict(out, v)?;
            }
        } else {
            folded.push(format!("{} {} 项", status.label_zh(), group.len()));
        }
    }
    if !folded.is_empty() {
        out.plain(&format!(
            "\n另有{}未列出（加 --all 显示）",
            folded.join("、")
        ))?;
    }
    Ok(())
}

fn write_verdict(out: &mut Lines, v: &Verdict) -> io::Result<()> {
    let mark = super::labels::symbol(v.status);
    out.field(
        &format!("{mark} "),
        INDENT,
        &v.rule.title,
        status_colour(v.status),
    )?;
    if !v.message.is_empty() {
        out.field(INDENT, INDENT, &v.message, None)?;
    }
    if let Some(reason) = &v.reason {
        out.field(&format!("{INDENT}原因："), HANG, reason, None)?;
    }
    for e in v.evidence.iter().take(MAX_EVIDENCE) {
        out.field(&format!("{INDENT}证据："), HANG, &evidence_text(e), None)?;
    }
    if v.evidence.len() > MAX_EVIDENCE {
        out.field(
            HANG,
            HANG,
            &format!("……另有 {} 处", v.evidence.len() - MAX_EVIDENCE),
            None,
        )?;
    }
    match v.fix() {
        Some(fix) => out.tagged(&format!("{INDENT}修改："), fix, &v.rule.id),
        None => out.tagged(&format!("{INDENT}规则："), "", &v.rule.id),
    }
}

/// `第23行（23:65）「出庭应诉率为96%」`, with the value when the excerpt does not show it.
fn evidence_text(e: &Evidence) -> String {
    let text = shown(e);
    let mut excerpt: String = text.chars().take(EXCERPT_CHARS).collect();
    if text.chars().count() > EXCERPT_CHARS && !excerpt.ends_with('…') {
        excerpt.push('…');
    }
    let value = match &e.value {
        Some(value) if !value.is_empty() && !excerpt.contains(value.as_str()) => {
            format!("（{value}）")
        }
        _ => String::new(),
    };
    format!("{}「{excerpt}」{value}", position(e))
}

fn severity_heading(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "错误：必须修改",
        Severity::Warning => "警告：应当核实修改",
        Severity::Info => "提示：建议修改",
    }
}

/// ANSI colours (SGR), only when the caller asks.
type Colour = Option<&'static str>;
const RED: Colour = Some("31");
const YELLOW: Colour = Some("33");
const CYAN: Colour = Some("36");
const GREEN: Colour = Some("32");
const GREY: Colour = Some("90");
const MAGENTA: Colour = Some("35");

fn severity_colour(severity: Severity) -> Colour {
    match severity {
        Severity::Error => RED,
        Severity::Warning => YELLOW,
        Severity::Info => CYAN,
    }
}

fn status_colour(status: Status) -> Colour {
    match status {
        Status::Pass => GREEN,
        Status::Fail => RED,
        Status::NotApplicable | Status::Skipped => GREY,
        Status::Error => MAGENTA,
    }
}

fn verdict_colour(counts: &Counts) -> Colour {
    match super::labels::verdict_word(counts) {
        "通过" => GREEN,
        "有警告" => YELLOW,
        _ => RED,
    }
}

/// Writes lines wrapped to a width (Chinese breaks between characters, never before 。，), with a
/// hanging indent, optionally coloured.
struct Lines<'a, 'w> {
    w: &'a mut Box<dyn Write + 'w>,
    width: Option<usize>,
    color: bool,
}

impl Lines<'_, '_> {
    fn plain(&mut self, text: &str) -> io::Result<()> {
        self.field("", "", text, None)
    }

    fn painted(&mut self, colour: Colour, text: &str) -> io::Result<()> {
        self.field("", "", text, colour)
    }

    /// `text` after `first`, continuation lines after `rest`.
    fn field(&mut self, first: &str, rest: &str, text: &str, colour: Colour) -> io::Result<()> {
        for (i, line) in self.wrap(first, rest, text).iter().enumerate() {
            let indent = if i == 0 { "" } else { rest };
            let body = line.strip_prefix(indent).unwrap_or(line);
            self.write_line(indent, body, colour)?;
        }
        Ok(())
    }

    /// A field ending with a rule id, which is never broken: on the last line if it fits, else on
    /// a line of its own.
    fn tagged(&mut self, first: &str, text: &str, id: &str) -> io::Result<()> {
        let tag = format!("〔{id}〕");
        let mut lines = if text.is_empty() {
            vec![first.to_string()]
        } else {
            self.wrap(first, HANG, text)
        };
        let last = lines.len() - 1;
        let fits = self
            .width
            .is_none_or(|w| lines[last].width() + 1 + tag.width() <= w);
        if fits {
            let sep = if text.is_empty() { "" } else { " " };
            lines[last] = format!("{}{sep}{tag}", lines[last]);
        } else {
            lines.push(format!("{HANG}{tag}"));
        }
        for line in lines {
            self.write_line("", &line, None)?;
        }
        Ok(())
    }

    fn wrap(&self, first: &str, rest: &str, text: &str) -> Vec<String> {
        let mut lines = Vec::new();
        for (i, paragraph) in text.split('\n').enumerate() {
            let lead = if i == 0 { first } else { rest };
            match self.width {
                Some(width) => {
                    let options = textwrap::Options::new(width.max(20))
                        .initial_indent(lead)
                        .subsequent_indent(rest);
                    lines.extend(
                        textwrap::wrap(paragraph, options)
                            .into_iter()
                            .map(|l| l.into_owned()),
                    );
                }
                None => lines.push(format!("{lead}{paragraph}")),
            }
        }
        lines
    }

    fn write_line(&mut self, indent: &str, body: &str, colour: Colour) -> io::Result<()> {
        match colour.filter(|_| self.color) {
            Some(code) => writeln!(self.w, "{indent}\u{1b}[{code}m{body}\u{1b}[0m"),
            None => writeln!(self.w, "{indent}{body}"),
        }
    }
}
