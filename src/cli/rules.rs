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
        let near: Vec<String> = rules
            .infos()
            .iter()
            .filter(|r| r.id.contains(args.rule.as_str()) || args.rule.contains(r.id.as_str()))
            .map(|r| r.id.clone())
            .collect();
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
