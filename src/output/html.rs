//! One self-contained, printable page: inline CSS, no scripts, no network. A batch gets a
//! reports × rules matrix on top.

use super::labels::{counts_line, position, report_line, run_line, symbol};
use super::stats::{unreadable, verdict_for, Counts};
use super::{RenderOptions, Reporter};
use crate::engine::{CheckRun, Evidence, ReportResult, Status, Verdict};
use std::io::{self, Write};

const STYLE: &str = include_str!("html.css");

pub struct HtmlReporter;

impl Reporter for HtmlReporter {
    fn render(&self, run: &CheckRun, _: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
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
        let line = run_line(run.reports.len(), unreadable(run), &Counts::of_run(run));
        writeln!(w, "<p class=\"overall\">{}</p>", esc(&line))?;
        if run.reports.len() > 1 {
            write_matrix(w, run)?;
        }
        for (i, report) in run.reports.iter().enumerate() {
            write_report(w, i, report)?;
        }
        writeln!(w, "</body>\n</html>")
    }
}

fn status_class(status: Status) -> &'static str {
    status.as_str()
}

fn write_matrix(w: &mut dyn Write, run: &CheckRun) -> io::Result<()> {
    writeln!(w, "<section class=\"matrix\">\n<h2>汇总矩阵</h2>\n<table>")?;
    write!(w, "<thead><tr><th>报告</th>")?;
    for rule in &run.rules {
        write!(
            w,
            "<th title=\"{}\"><span>{}</span></th>",
            esc(&rule.title),
            esc(&rule.id)
        )?;
    }
    writeln!(w, "<th>通过率</th></tr></thead>\n<tbody>")?;
    for (i, report) in run.reports.iter().enumerate() {
        write!(
            w,
            "<tr><th><a href=\"#report-{}\">{}</a></th>",
            i + 1,
            esc(&report.path)
        )?;
        for rule in &run.rules {
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
        writeln!(w, "<td class=\"rate\">{}</td></tr>", esc(&rate))?;
    }
    write!(w, "</tbody>\n<tfoot><tr><th>通过率</th>")?;
    for rule in &run.rules {
        write!(
            w,
            "<td class=\"rate\">{}</td>",
            Counts::of_rule(run, rule).rate()
        )?;
    }
    writeln!(
        w,
        "<td class=\"rate\">{}</td></tr></tfoot>\n</table>",
        Counts::of_run(run).rate()
    )?;
    writeln!(
        w,
        "<p class=\"legend\"><span class=\"pass\">✓ 通过</span> <span class=\"fail\">✗ 不通过</span> \
         <span class=\"not_applicable\">– 不适用</span> <span class=\"skipped\">○ 已跳过</span> \
         <span class=\"error\">! 出错</span></p>\n</section>"
    )
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
