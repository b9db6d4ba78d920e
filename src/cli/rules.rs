//! `fzcheck rules` and `fzcheck explain`.

use super::args::{ExplainArgs, ListFormat, RulesArgs};
use super::exit::{CliError, Exit};
use super::packs;
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use std::io::Write;

pub fn list(args: RulesArgs) -> Result<Exit, CliError> {
    let rules = packs::load(&args.packs)?;
    let infos = rules.infos();
    let mut out = std::io::stdout().lock();
    match args.format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &infos)?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            let mut table = Table::new();
            table
                .load_preset(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_header(["规则", "标题", "严重程度", "依据"]);
            for r in &infos {
                table.add_row([
                    r.id.as_str(),
                    r.title.as_str(),
                    r.severity.label_zh(),
                    &r.basis.join("；"),
                ]);
            }
            writeln!(out, "{table}")?;
            writeln!(out, "共 {} 条规则", infos.len())?;
        }
    }
    Ok(Exit::Ok)
}

pub fn explain(args: ExplainArgs) -> Result<Exit, CliError> {
    let rules = packs::load(&args.packs)?;
    let Some(rule) = rules.get(&args.rule) else {
        let ids: Vec<String> = rules.infos().iter().map(|r| r.id.clone()).collect();
        let near = similar(&args.rule, &ids);
        let tip = if near.is_empty() {
            "用 `fzcheck rules` 列出全部规则".to_string()
        } else {
            format!("您是否要找：{}", near.join("、"))
        };
        return Err(CliError(format!("没有规则 {}；{tip}", args.rule)));
    };
    let info = &rule.info;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}  {}", info.id, info.title)?;
    writeln!(
        out,
        "规则包：{}    严重程度：{}",
        info.pack,
        info.severity.label_zh()
    )?;
    if let Some(d) = &info.description {
        writeln!(out, "说明：{d}")?;
    }
    writeln!(out, "依据：")?;
    for b in &info.basis {
        writeln!(out, "  - {b}")?;
    }
    writeln!(out, "检查式：\n  {}", rule.check_text())?;
    writeln!(out, "修改建议：{}", info.hint)?;
    Ok(Exit::Ok)
}

/// Closest similarity (Jaro–Winkler, 0–1) for a rule id to be suggested.
const SIMILAR: f64 = 0.85;

/// Rule ids like `wanted`, best first: by the whole id or by the name after the pack (`appearance-rate`
/// or a misspelt `metrics/apearance-rate` both find `metrics/appearance-rate`).
fn similar(wanted: &str, ids: &[String]) -> Vec<String> {
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(f64, &String)> = ids
        .iter()
        .filter_map(|id| {
            let name = id.rsplit('/').next().unwrap_or(id);
            let score = strsim::jaro_winkler(&wanted, id).max(strsim::jaro_winkler(&wanted, name));
            let contains = id.contains(wanted.as_str()) || wanted.contains(id.as_str());
            (contains || score >= SIMILAR).then_some((if contains { 1.0 } else { score }, id))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(3)
        .map(|(_, id)| id.clone())
        .collect()
}
