//! One self-contained, printable page: inline CSS, no scripts, no network. A batch gets a
//! reports × rules matrix on top.

use super::labels::{
    counts_line, position, report_line, run_line, short_name, symbol, verdict_word,
};
use super::spool::Spool;
use super::stats::{verdict_for, Counts, Tally};
use super::{Plan, RenderOptions, ReportWriter, Reporter};
use crate::engine::{Evidence, ReportResult, RuleInfo, Status, Verdict};
use std::io::{self, Write};
use std::sync::Arc;

const STYLE: &str = include_str!("html.css");

pub struct HtmlReporter;

/// Reports per matrix table: the columns stay wide enough for an issuer's name at 1400 px and on
/// a landscape page; more reports continue in the next table.
const COLUMNS: usize = 10;

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
            // The number of reports is known: no slack from growing the list a column at a time.
            columns: (plan.reports > 1).then(|| Vec::with_capacity(plan.reports)),
            sections: Spool::new()?,
        }))
    }
}

/// The run's totals and the matrix come before the per-report sections, so the sections wait in
/// a spool and the matrix keeps one small column per report until the last report is in.
struct HtmlWriter<'w> {
    w: Box<dyn Write + 'w>,
    rules: Vec<Arc<RuleInfo>>,
    /// Only a batch gets a matrix.
    columns: Option<Vec<Column>>,
    sections: Spool,
}

/// What the matrix needs of one report.
struct Column {
    index: usize,
    path: String,
    /// Issuer, then year, when known; else the file name.
    name: (String, Option<String>),
    /// In rule order; `None` for a rule the report was not checked against.
    statuses: Box<[Option<Status>]>,
    counts: Counts,
    unreadable: bool,
}

impl Column {
    fn of(rules: &[Arc<RuleInfo>], index: usize, report: &ReportResult) -> Self {
        let meta = report.meta.as_ref();
        let issuer = meta
            .and_then(|m| m.issuer.as_ref())
            .map(|i| i.value.clone());
        let year = meta
            .and_then(|m| m.report_year.as_ref())
            .map(|y| format!("{}年度", y.value));
        let name = match (issuer, year) {
            (Some(issuer), year) => (issuer, year),
            (None, year) => (file_name(&report.path), year),
        };
        Column {
            index,
            path: report.path.clone(),
            name,
            statuses: rules
                .iter()
                .map(|r| verdict_for(report, r).map(|v| v.status))
                .collect(),
            counts: Counts::of(&report.verdicts),
            unreadable: report.error.is_some(),
        }
    }

    /// Sorts reports with failures first: errors, then warnings, then infos, then unreadable last.
    fn rank(&self) -> (bool, std::cmp::Reverse<(usize, usize, usize)>) {
        let c = &self.counts;
        let failed = (c.fail_error + c.error, c.fail_warning, c.fail_info);
        (self.unreadable, std::cmp::Reverse(failed))
    }
}

/// The last part of a path, for a report whose issuer was not found.
fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or(path.to_string(), |n| n.to_string_lossy().into_owned())
}

impl ReportWriter for HtmlWriter<'_> {
    fn report(&mut self, index: usize, report: &ReportResult) -> io::Result<()> {
        if let Some(columns) = &mut self.columns {
            columns.push(Column::of(&self.rules, index, report));
        }
        write_report(&mut self.sections, index, report)
    }

    fn finish(self: Box<Self>, tally: &Tally) -> io::Result<()> {
        let HtmlWriter {
            mut w,
            rules,
            columns,
            sections,
        } = *self;
        let line = run_line(tally.reports, tally.unreadable, &tally.total);
        writeln!(w, "<p class=\"overall\">{}</p>", esc(&line))?;
        if let Some(mut columns) = columns {
            columns.sort_by_key(Column::rank);
            write_matrix(&mut w, &rules, &columns, tally)?;
        }
        sections.copy_to(&mut w)?;
        writeln!(w, "</body>\n</html>")?;
        w.flush()
    }
}

fn status_class(status: Status) -> &'static str {
    status.as_str()
}

const LEGEND: &str = "<p class=\"legend\">图例：<span class=\"fail\">✗ 不通过</span> \
    <span class=\"pass\">✓ 通过</span> <span class=\"not_applicable\">– 不适用</span> \
    <span class=\"skipped\">○ 已跳过</span> <span class=\"error\">! 出错</span>；\
    报告按问题多少排列，规则按规则包分组、组内不通过多的在前；鼠标停在报告名上显示文件路径。</p>";

/// Rules down the side, grouped by pack with their Chinese titles, reports across (issuer and
/// year, the path on hover), [`COLUMNS`] reports per table.
fn write_matrix(
    w: &mut dyn Write,
    rules: &[Arc<RuleInfo>],
    columns: &[Column],
    tally: &Tally,
) -> io::Result<()> {
    writeln!(w, "<section class=\"matrix\">\n<h2>汇总矩阵</h2>\n{LEGEND}")?;
    let order = rule_order(rules, tally);
    for chunk in columns.chunks(COLUMNS) {
        write_matrix_table(w, rules, &order, chunk, tally)?;
    }
    writeln!(w, "</section>")
}

/// Rule indices by pack (packs in rule order), within a pack the most failed first.
fn rule_order(rules: &[Arc<RuleInfo>], tally: &Tally) -> Vec<usize> {
    let mut packs: Vec<&str> = Vec::new();
    for r in rules {
        if !packs.contains(&r.pack.as_str()) {
            packs.push(&r.pack);
        }
    }
    let mut order: Vec<usize> = (0..rules.len()).collect();
    order.sort_by_key(|&i| {
        let pack = packs.iter().position(|p| *p == rules[i].pack);
        let failed = tally.per_rule.get(i).map_or(0, |c| c.fail + c.error);
        (pack, std::cmp::Reverse(failed), i)
    });
    order
}

fn write_matrix_table(
    w: &mut dyn Write,
    rules: &[Arc<RuleInfo>],
    order: &[usize],
    columns: &[Column],
    tally: &Tally,
) -> io::Result<()> {
    writeln!(
        w,
        "<table>\n<colgroup><col class=\"rule\"><col class=\"sev\">"
    )?;
    for _ in columns {
        write!(w, "<col class=\"report\">")?;
    }
    writeln!(w, "<col class=\"rate\"></colgroup>")?;
    write!(w, "<thead><tr><th>规则</th><th>级别</th>")?;
    for c in columns {
        let year = c
            .name
            .1
            .as_deref()
            .map(|y| format!("<span class=\"year\">{}</span>", esc(y)))
            .unwrap_or_default();
        write!(
            w,
            "<th class=\"report\" title=\"{}\"><a href=\"#report-{}\">{}{year}</a></th>",
            esc(&c.path),
            c.index + 1,
            esc(&c.name.0)
        )?;
    }
    writeln!(w, "<th>通过率</th></tr></thead>\n<tbody>")?;
    write!(w, "<tr class=\"verdict\"><th>结论</th><td></td>")?;
    for c in columns {
        let word = if c.unreadable {
            "无法读取"
        } else {
            verdict_word(&c.counts)
        };
        write!(
            w,
            "<td class=\"{}\" title=\"{}\">{word}</td>",
            verdict_class(word),
            esc(&counts_line(&c.counts))
        )?;
    }
    writeln!(w, "<td class=\"rate\">{}</td></tr>", tally.total.rate())?;
    let mut pack = None;
    for &i in order {
        let rule = &rules[i];
        if pack != Some(&rule.pack) {
            pack = Some(&rule.pack);
            writeln!(
                w,
                "<tr class=\"pack\"><th colspan=\"{}\">{}（{}）</th></tr>",
                columns.len() + 3,
                esc(&rule.pack_title),
                esc(&rule.pack)
            )?;
        }
        write!(
            w,
            "<tr><th title=\"{}\">{}</th><td class=\"sev-{}\">{}</td>",
            esc(&rule.id),
            esc(&rule.title),
            rule.severity.as_str(),
            rule.severity.label_zh()
        )?;
        for c in columns {
            match c.statuses[i] {
                Some(status) => write!(
                    w,
                    "<td class=\"{}\" title=\"{}\">{}</td>",
                    status_class(status),
                    esc(status.label_zh()),
                    symbol(status)
                )?,
                None => write!(w, "<td></td>")?,
            }
        }
        let rate = tally.per_rule.get(i).map(|c| c.rate().to_string());
        writeln!(
            w,
            "<td class=\"rate\">{}</td></tr>",
            rate.unwrap_or_default()
        )?;
    }
    writeln!(w, "</tbody>\n</table>")
}

/// The colour of a report's one-word verdict.
fn verdict_class(word: &str) -> &'static str {
    match word {
        "通过" => "pass",
        "有警告" => "warn",
        _ => "fail",
    }
}

/// A report's section: its short name (the path under it), verdict line, then its verdicts with
/// failures first, by severity.
fn write_report(w: &mut dyn Write, index: usize, report: &ReportResult) -> io::Result<()> {
    let name = report
        .meta
        .as_ref()
        .and_then(short_name)
        .unwrap_or_else(|| file_name(&report.path));
    writeln!(
        w,
        "<section class=\"report\" id=\"report-{}\">\n<h2>{}</h2>\n<p class=\"path\">{}</p>",
        index + 1,
        esc(&name),
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
            "<table class=\"verdicts\">\n<colgroup><col class=\"rule\"><col class=\"sev\">\
             <col class=\"status\"><col></colgroup>\n<thead><tr><th>规则</th><th>级别</th>\
             <th>结果</th><th>说明与证据</th></tr></thead>\n<tbody>"
        )?;
        let mut verdicts: Vec<&Verdict> = report.verdicts.iter().collect();
        verdicts.sort_by_key(|v| urgency(v));
        for v in verdicts {
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

/// Failures first, the most severe first, then rules that could not be evaluated, passes, and
/// the rest; rule order within each.
fn urgency(v: &Verdict) -> (u8, std::cmp::Reverse<crate::pack::Severity>) {
    let rank = match v.status {
        Status::Fail => 0,
        Status::Error => 1,
        Status::Pass => 2,
        Status::NotApplicable => 3,
        Status::Skipped => 4,
    };
    (rank, std::cmp::Reverse(v.rule.severity))
}

fn write_verdict(w: &mut dyn Write, v: &Verdict) -> io::Result<()> {
    write!(
        w,
        "<tr class=\"{}\"><td>{}<br><code>{}</code></td><td class=\"sev-{}\">{}</td>\
         <td class=\"status\">{} {}</td><td>",
        status_class(v.status),
        esc(&v.rule.title),
        esc(&v.rule.id),
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

/// The excerpt with the value found in it marked, or a short excerpt marked in its context (the
/// whole excerpt marked when there is neither).
fn excerpt(e: &Evidence) -> String {
    let (shown, mark) = match &e.context {
        Some(context) => (context.as_str(), Some(e.text.as_str())),
        None => (e.text.as_str(), e.value.as_deref()),
    };
    let marked = mark
        .filter(|m| !m.is_empty())
        .and_then(|m| shown.find(m).map(|at| (at, m.len())));
    match marked {
        Some((at, len)) => format!(
            "<q>{}<mark>{}</mark>{}</q>",
            esc(&shown[..at]),
            esc(&shown[at..at + len]),
            esc(&shown[at + len..])
        ),
        None => format!("<q><mark>{}</mark></q>", esc(shown)),
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
