//! One self-contained, printable page: inline CSS, no scripts, no network. A batch gets a
//! reports × rules matrix on top.

use super::labels::{counts_line, position, report_line, run_line, symbol};
use super::spool::Spool;
use super::stats::{verdict_for, Counts, Tally};
use super::{Plan, RenderOptions, ReportWriter, Reporter};
use crate::engine::{Evidence, ReportResult, RuleInfo, Status, Verdict};
use std::io::{self, Write};
use std::sync::Arc;

const STYLE: &str = include_str!("html.css");

pub struct HtmlReporter;

impl Reporter for HtmlReporter {
    fn start<'w>(
        &self,
        plan: &Plan,
        _: &RenderOptions,
        mut w: Box<dyn Write + 'w>,
    ) -> io::Result<Box<dyn ReportWriter + 'w>> {
        writeln!(w, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>")?;
        writeln!(w, "<meta charset=\"utf-8\">")?;
        writeln!(
            w,
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        )?;
        writeln!(
            w,
            "<title>fzcheck 检查结果</title>\n<style>\n{STYLE}</style>"
        )?;
        writeln!(w, "</head>\n<body>\n<h1>fzcheck 检查结果</h1>")?;
        Ok(Box::new(HtmlWriter {
            w,
            rules: plan.rules.clone(),
            matrix: if plan.reports > 1 {
                Some(Spool::new()?)
            } else {
                None
            },
            sections: Spool::new()?,
        }))
    }
}

/// The run's totals and the matrix come before the per-report sections, so matrix rows and
/// sections wait in spools until the last report is in.
struct HtmlWriter<'w> {
    w: Box<dyn Write + 'w>,
    rules: Vec<Arc<RuleInfo>>,
    /// Only a batch gets a matrix.
    matrix: Option<Spool>,
    sections: Spool,
}

impl ReportWriter for HtmlWriter<'_> {
    fn report(&mut self, index: usize, report: &ReportResult) -> io::Result<()> {
        if let Some(matrix) = &mut self.matrix {
            write_matrix_row(matrix, &self.rules, index, report)?;
        }
        write_report(&mut self.sections, index, report)
    }

    fn finish(self: Box<Self>, tally: &Tally) -> io::Result<()> {
        let HtmlWriter {
            mut w,
            rules,
            matrix,
            sections,
        } = *self;
        let line = run_line(tally.reports, tally.unreadable, &tally.total);
        writeln!(w, "<p class=\"overall\">{}</p>", esc(&line))?;
        if let Some(rows) = matrix {
            write_matrix(&mut w, &rules, rows, tally)?;
        }
        sections.copy_to(&mut w)?;
        writeln!(w, "</body>\n</html>")?;
        w.flush()
    }
}

fn status_class(status: Status) -> &'static str {
    status.as_str()
}

fn write_matrix(
    w: &mut dyn Write,
    rules: &[Arc<RuleInfo>],
    rows: Spool,
    tally: &Tally,
) -> io::Result<()> {
    writeln!(w, "<section class=\"matrix\">\n<h2>汇总矩阵</h2>\n<table>")?;
    write!(w, "<thead><tr><th>报告</th>")?;
    for rule in rules {
        write!(
            w,
            "<th title=\"{}\"><span>{}</span></th>",
            esc(&rule.title),
            esc(&rule.id)
        )?;
    }
    writeln!(w, "<th>通过率</th></tr></thead>\n<tbody>")?;
    rows.copy_to(w)?;
    write!(w, "</tbody>\n<tfoot><tr><th>通过率</th>")?;
    for counts in &tally.per_rule {
        write!(w, "<td class=\"rate\">{}</td>", counts.rate())?;
    }
    writeln!(
        w,
        "<td class=\"rate\">{}</td></tr></tfoot>\n</table>",
        tally.total.rate()
    )?;
    writeln!(
        w,
        "<p class=\"legend\"><span class=\"pass\">✓ 通过</span> <span class=\"fail\">✗ 不通过</span> \
         <span class=\"not_applicable\">– 不适用</span> <span class=\"skipped\">○ 已跳过</span> \
         <span class=\"error\">! 出错</span></p>\n</section>"
    )
}

fn write_matrix_row(
    w: &mut dyn Write,
    rules: &[Arc<RuleInfo>],
    index: usize,
    report: &ReportResult,
) -> io::Result<()> {
    write!(
        w,
        "<tr><th><a href=\"#report-{}\">{}</a></th>",
        index + 1,
        esc(&report.path)
    )?;
    for rule in rules {
        match verdict_for(report, rule) {
            Some(v) => write!(
                w,
                "<td class=\"{}\" title=\"{}\">{}</td>",
                status_class(v.status),
                esc(v.status.label_zh()),
                symbol(v.status)
            )?,
            None => write!(w, "<td></td>")?,
        }
    }
    let rate = match report.error {
        Some(_) => "无法读取".to_string(),
        None => Counts::of(&report.verdicts).rate().to_string(),
    };
    writeln!(w, "<td class=\"rate\">{}</td></tr>", esc(&rate))
}

fn write_report(w: &mut dyn Write, index: usize, report: &ReportResult) -> io::Result<()> {
    writeln!(
        w,
        "<section class=\"report\" id=\"report-{}\">\n<h2>{}</h2>",
        index + 1,
        esc(&report.path)
    )?;
    let class = if report.error.is_some() {
        "meta unreadable"
    } else {
        "meta"
    };
    writeln!(w, "<p class=\"{class}\">{}</p>", esc(&report_line(report)))?;
    if report.error.is_none() {
        writeln!(
            w,
            "<table class=\"verdicts\">\n<thead><tr><th>规则</th><th>级别</th><th>结果</th>\
             <th>说明与证据</th></tr></thead>\n<tbody>"
        )?;
        for v in &report.verdicts {
            write_verdict(w, v)?;
        }
        writeln!(w, "</tbody>\n</table>")?;
        writeln!(
            w,
            "<p class=\"counts\">{}</p>",
            esc(&counts_line(&Counts::of(&report.verdicts)))
        )?;
    }
    writeln!(w, "</section>")
}

fn write_verdict(w: &mut dyn Write, v: &Verdict) -> io::Result<()> {
    write!(
        w,
        "<tr class=\"{}\"><td><code>{}</code><br>{}</td><td class=\"sev-{}\">{}</td>\
         <td class=\"status\">{} {}</td><td>",
        status_class(v.status),
        esc(&v.rule.id),
        esc(&v.rule.title),
        v.rule.severity.as_str(),
        v.rule.severity.label_zh(),
        symbol(v.status),
        v.status.label_zh()
    )?;
    if !v.message.is_empty() {
        write!(w, "<p>{}</p>", esc(&v.message))?;
    }
    if let Some(reason) = &v.reason {
        write!(w, "<p class=\"reason\">{}</p>", esc(reason))?;
    }
    if !v.evidence.is_empty() {
        write!(w, "<ul class=\"evidence\">")?;
        for e in &v.evidence {
            write!(
                w,
                "<li><span class=\"pos\">{}</span> {}</li>",
                esc(&position(e)),
                excerpt(e)
            )?;
        }
        write!(w, "</ul>")?;
    }
    if v.status == Status::Fail {
        if let Some(fix) = v.fix() {
            write!(w, "<p class=\"hint\">修改建议：{}</p>", esc(fix))?;
        }
        if !v.rule.basis.is_empty() {
            write!(
                w,
                "<p class=\"basis\">依据：{}</p>",
                esc(&v.rule.basis.join("；"))
            )?;
        }
    }
    writeln!(w, "</td></tr>")
}

/// The excerpt, with the value found in it marked (or the whole excerpt when there is no value).
fn excerpt(e: &Evidence) -> String {
    let marked = e
        .value
        .as_deref()
        .filter(|v| !v.is_empty())
        .and_then(|value| e.text.find(value).map(|at| (at, value.len())));
    match marked {
        Some((at, len)) => format!(
            "<q>{}<mark>{}</mark>{}</q>",
            esc(&e.text[..at]),
            esc(&e.text[at..at + len]),
            esc(&e.text[at + len..])
        ),
        None => format!("<q><mark>{}</mark></q>", esc(&e.text)),
    }
}

/// Escapes text for both element content and quoted attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
