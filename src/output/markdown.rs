//! A pull-request comment: per report, what needs fixing first; passes collapsed in `<details>`.

use super::labels::{position, report_line, run_line, shown, symbol};
use super::spool::Spool;
use super::stats::{Counts, Tally};
use super::{Plan, RenderOptions, ReportWriter, Reporter};
use crate::engine::{ReportResult, Status, Verdict};
use std::io::{self, Write};

pub struct MarkdownReporter;

impl Reporter for MarkdownReporter {
    fn start<'w>(
        &self,
        _: &Plan,
        _: &RenderOptions,
        w: Box<dyn Write + 'w>,
    ) -> io::Result<Box<dyn ReportWriter + 'w>> {
        Ok(Box::new(MarkdownWriter {
            w,
            body: Spool::new()?,
        }))
    }
}

/// The run's totals come first, so the per-report parts wait in a spool.
struct MarkdownWriter<'w> {
    w: Box<dyn Write + 'w>,
    body: Spool,
}

impl ReportWriter for MarkdownWriter<'_> {
    fn report(&mut self, _: usize, report: &ReportResult) -> io::Result<()> {
        write_report(&mut self.body, report)
    }

    fn finish(self: Box<Self>, tally: &Tally) -> io::Result<()> {
        let MarkdownWriter { mut w, body } = *self;
        writeln!(w, "### fzcheck 检查结果\n")?;
        writeln!(
            w,
            "{}\n",
            run_line(tally.reports, tally.unreadable, &tally.total)
        )?;
        body.copy_to(&mut w)?;
        w.flush()
    }
}

fn write_report(w: &mut dyn Write, report: &ReportResult) -> io::Result<()> {
    writeln!(w, "#### `{}`\n", code(&report.path))?;
    if let Some(error) = &report.error {
        return writeln!(w, "{} 无法读取：{}\n", symbol(Status::Error), cell(error));
    }
    writeln!(w, "{}\n", cell(&report_line(report)))?;
    // Errors of the rule first, then warnings, then notes; evaluation errors after failures.
    let mut attention: Vec<&Verdict> = report
        .verdicts
        .iter()
        .filter(|v| matches!(v.status, Status::Fail | Status::Error))
        .collect();
    attention.sort_by_key(|v| (v.status != Status::Fail, std::cmp::Reverse(v.rule.severity)));
    if attention.is_empty() {
        writeln!(w, "全部检查均未发现问题。\n")?;
    } else {
        writeln!(w, "| | 规则 | 级别 | 问题 | 位置 | 修改建议 |")?;
        writeln!(w, "|---|---|---|---|---|---|")?;
        for v in attention {
            let problem = match v.status {
                Status::Fail => &v.message,
                _ => v.reason.as_ref().unwrap_or(&v.message),
            };
            let hint = if let Some(fix) = v.fix() {
                cell(fix)
            } else {
                String::new()
            };
            writeln!(
                w,
                "| {} | `{}` {} | {} | {} | {} | {} |",
                symbol(v.status),
                code(&v.rule.id),
                cell(&v.rule.title),
                v.rule.severity.label_zh(),
                cell(problem),
                evidence(v),
                hint
            )?;
        }
        writeln!(w)?;
    }
    let rest: Vec<&Verdict> = report
        .verdicts
        .iter()
        .filter(|v| !matches!(v.status, Status::Fail | Status::Error))
        .collect();
    if !rest.is_empty() {
        let c = Counts::of(&report.verdicts);
        writeln!(
            w,
            "<details><summary>通过 {}，不适用 {}，跳过 {}</summary>\n",
            c.pass, c.not_applicable, c.skipped
        )?;
        writeln!(w, "| | 规则 | 说明 |")?;
        writeln!(w, "|---|---|---|")?;
        for v in rest {
            let note = v.reason.as_ref().unwrap_or(&v.message);
            writeln!(
                w,
                "| {} | `{}` {} | {} |",
                symbol(v.status),
                code(&v.rule.id),
                cell(&v.rule.title),
                cell(note)
            )?;
        }
        writeln!(w, "\n</details>\n")?;
    }
    Ok(())
}

/// `L12:5「…」`, one per line inside the cell.
fn evidence(v: &Verdict) -> String {
    v.evidence
        .iter()
        .map(|e| format!("{}「{}」", position(e), cell(shown(e))))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Text inside a table cell: GitHub and GitLab render inline HTML, and `|` ends the cell.
fn cell(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

/// Text inside a code span, where escapes don't apply: backticks cannot appear, so drop them.
fn code(s: &str) -> String {
    s.replace('`', "'").replace('|', "\\|")
}
