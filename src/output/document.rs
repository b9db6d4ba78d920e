//! What the parser saw in one report, for `fzcheck parse FILE`: a readable table or JSON.

use crate::report::{Approx, Fact, Report, Section};
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde_json::{json, Value};
use std::io::{self, Write};

/// Longest fact text shown in the table before it is cut.
const MAX_CELL_CHARS: usize = 40;

fn approx_name(a: Approx) -> &'static str {
    match a {
        Approx::Exact => "exact",
        Approx::AtLeast => "at_least",
        Approx::About => "about",
        Approx::AtMost => "at_most",
    }
}

fn approx_sign(a: Approx) -> &'static str {
    match a {
        Approx::Exact => "",
        Approx::AtLeast => "≥",
        Approx::About => "≈",
        Approx::AtMost => "≤",
    }
}

fn kind_name(f: &Fact) -> &'static str {
    match f.kind {
        crate::report::FactKind::Quantity => "quantity",
        crate::report::FactKind::Rate => "rate",
        crate::report::FactKind::Change => "change",
    }
}

fn cut(s: &str) -> String {
    if s.chars().count() <= MAX_CELL_CHARS {
        return s.to_string();
    }
    let mut out: String = s.chars().take(MAX_CELL_CHARS).collect();
    out.push('…');
    out
}

/// Metadata block, indented outline, numbering problems and a table of facts.
pub fn render_table(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let m = &report.meta;
    let field = |v: Option<String>| v.unwrap_or_else(|| "—".to_string());
    writeln!(w, "文件      {}", report.source.name)?;
    writeln!(
        w,
        "标题      {}",
        field(m.title.as_ref().map(|t| t.value.clone()))
    )?;
    writeln!(
        w,
        "发文机关  {}",
        field(m.issuer.as_ref().map(|t| t.value.clone()))
    )?;
    writeln!(
        w,
        "文号      {}",
        field(m.doc_number.as_ref().map(|t| t.value.clone()))
    )?;
    writeln!(
        w,
        "主送      {}",
        field(m.addressee.as_ref().map(|t| t.value.clone()))
    )?;
    writeln!(
        w,
        "报告年度  {}",
        field(m.report_year.as_ref().map(|t| t.value.to_string()))
    )?;
    writeln!(
        w,
        "成文日期  {}",
        field(m.issued.as_ref().map(|t| t.value.to_string()))
    )?;
    writeln!(
        w,
        "发布日期  {}",
        field(m.published.as_ref().map(|t| t.value.to_string()))
    )?;
    writeln!(
        w,
        "稿本      {}",
        field(m.draft.as_ref().map(|t| t.value.clone()))
    )?;
    writeln!(
        w,
        "中途结束  {}",
        field(m.broken_off.as_ref().map(|t| format!("…{}", t.value)))
    )?;
    writeln!(w, "文种      {}（{}）", m.kind.as_str(), m.kind_reason)?;
    writeln!(w)?;
    writeln!(w, "提纲")?;
    for s in &report.sections {
        let depth = std::iter::successors(s.parent, |&p| report.sections[p].parent).count();
        let line = report.position(s.heading.start).line;
        writeln!(
            w,
            "{}{} {}  (第{}行)",
            "  ".repeat(depth + 1),
            s.marker.trim(),
            s.title,
            line
        )?;
    }
    if !report.numbering_issues.is_empty() {
        writeln!(w)?;
        writeln!(w, "编号问题")?;
        for i in &report.numbering_issues {
            writeln!(
                w,
                "  第{}行：{}",
                report.position(i.span.start).line,
                i.detail
            )?;
        }
    }
    writeln!(w)?;
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(vec!["行:列", "名称", "数值", "单位", "类型", "原文"]);
    for f in &report.facts {
        let p = report.position(f.span.start);
        table.add_row(vec![
            format!("{}:{}", p.line, p.column),
            cut(&f.label),
            format!("{}{}", approx_sign(f.approx), f.value.normalize()),
            f.unit.to_string(),
            kind_name(f).to_string(),
            cut(&report.slice(f.span).split_whitespace().collect::<String>()),
        ]);
    }
    writeln!(w, "{table}")?;
    writeln!(
        w,
        "{} 个事实，{} 组构成关系，{} 组比率，{} 个句子",
        report.facts.len(),
        report.breakdowns.len(),
        report.ratios.len(),
        report.sentences.len()
    )
}

fn located<T: serde::Serialize>(v: &Option<crate::report::Located<T>>) -> Value {
    v.as_ref().map_or(Value::Null, |l| json!(l.value))
}

fn section_json(report: &Report, s: &Section) -> Value {
    json!({
        "level": s.level,
        "number": s.number,
        "marker": s.marker.trim(),
        "title": s.title,
        "line": report.position(s.heading.start).line,
        "children": s.children.iter().map(|&c| section_json(report, &report.sections[c])).collect::<Vec<_>>(),
    })
}

fn fact_json(report: &Report, f: &Fact) -> Value {
    let p = report.position(f.span.start);
    json!({
        "label": f.label,
        "value": f.value.normalize().to_string(),
        "unit": f.unit,
        "approx": approx_name(f.approx),
        "kind": kind_name(f),
        "line": p.line,
        "column": p.column,
        "text": report.slice(f.span),
        "year": f.year,
    })
}

/// The parse as JSON: meta, outline (nested), facts, breakdowns, ratios, numbering issues.
pub fn to_json(report: &Report) -> Value {
    let m = &report.meta;
    let fact = |i: usize| {
        report
            .facts
            .get(i)
            .map_or(Value::Null, |f| fact_json(report, f))
    };
    json!({
        "meta": {
            "title": located(&m.title),
            "issuer": located(&m.issuer),
            "doc_number": located(&m.doc_number),
            "addressee": located(&m.addressee),
            "report_year": located(&m.report_year),
            "issued": m.issued.as_ref().map(|d| d.value.to_string()),
            "published": m.published.as_ref().map(|d| d.value.to_string()),
            "draft": located(&m.draft),
            "broken_off": located(&m.broken_off),
            "kind": m.kind.as_str(),
            "kind_reason": m.kind_reason,
        },
        "outline": report.top_sections().map(|s| section_json(report, s)).collect::<Vec<_>>(),
        "facts": report.facts.iter().map(|f| fact_json(report, f)).collect::<Vec<_>>(),
        "breakdowns": report.breakdowns.iter().map(|b| json!({
            "total": fact(b.total),
            "parts": b.parts.iter().map(|&p| fact(p)).collect::<Vec<_>>(),
            "relation": b.relation,
            "line": report.position(b.span.start).line,
        })).collect::<Vec<_>>(),
        "ratios": report.ratios.iter().map(|r| json!({
            "rate": fact(r.rate),
            "numerator": fact(r.numerator),
            "denominator": fact(r.denominator),
        })).collect::<Vec<_>>(),
        "numbering_issues": report.numbering_issues.iter().map(|i| json!({
            "kind": i.kind,
            "detail": i.detail,
            "line": report.position(i.span.start).line,
        })).collect::<Vec<_>>(),
        "enumerations": report.enumerations.len(),
        "sentences": report.sentences.len(),
    })
}
