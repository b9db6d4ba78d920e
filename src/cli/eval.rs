//! `fzcheck eval DIR…`: accuracy of the parser (and of rules with labelled verdicts) on labelled
//! corpora, as a Chinese table or JSON, with `--min FIELD=RATIO` floors.

use super::args::{ListFormat, PackArgs};
use super::exit::{CliError, Exit};
use super::packs;
use crate::eval::{self, Corpus, Evaluation, Floor, FloorOutcome, Mismatch, Tally};
use crate::ingest::{EncodingChoice, IngestOptions};
use clap::Args;
use comfy_table::{presets::UTF8_FULL_CONDENSED, CellAlignment, ContentArrangement, Table};
use std::io::Write;
use std::path::PathBuf;

/// The table fits an 80-column terminal; long rule ids wrap in their cell.
const TABLE_WIDTH: u16 = 80;

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// 标注语料文件夹（含 labels.yaml 和报告文件），或 labels.yaml 本身；可多个
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// 规则包与配置（同 check）；只在标注了 verdicts 时运行所标注的规则
    #[command(flatten)]
    pub packs: PackArgs,
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub format: ListFormat,
    /// 准确率下限，如 report_year=0.98 或 rates=97%；低于下限时退出码为 1。可重复
    #[arg(long = "min", value_name = "FIELD=RATIO", value_parser = parse_floor)]
    pub min: Vec<Floor>,
    /// 文本编码（同 check）
    #[arg(long, default_value = "auto")]
    pub encoding: EncodingChoice,
}

fn parse_floor(s: &str) -> Result<Floor, String> {
    s.parse()
}

pub fn run(args: EvalArgs) -> Result<Exit, CliError> {
    let corpora = args
        .dirs
        .iter()
        .map(|d| Corpus::load(d))
        .collect::<Result<Vec<_>, _>>()
        .map_err(packs::diagnostic)?;
    let verdicts = corpora
        .iter()
        .any(|c| c.labels.iter().any(|l| l.verdicts.is_some()));
    // Packs load only when they are used, or when the user named some (so a broken one is said).
    let rules = if verdicts || !args.packs.packs.is_empty() || args.packs.config.is_some() {
        Some(packs::load(&args.packs)?)
    } else {
        None
    };
    let opts = IngestOptions {
        encoding: args.encoding,
    };
    let result = eval::evaluate(&corpora, rules.as_ref(), &opts).map_err(packs::diagnostic)?;
    let floors = args
        .min
        .iter()
        .map(|f| result.against(f).map(|o| (f, o)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(CliError)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        ListFormat::Table => render(&result, &floors, &mut out)?,
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &result)?;
            writeln!(out)?;
        }
    }
    let below = floors
        .iter()
        .any(|(_, o)| matches!(o, FloorOutcome::Below(_)));
    Ok(if below { Exit::Failed } else { Exit::Ok })
}

/// The field as the table shows it: the name `--min` takes, with its Chinese name.
fn field_shown(field: &str) -> String {
    let zh = match field {
        "kind" => "文件类型",
        "title" => "标题",
        "issuer" => "发文机关",
        "report_year" => "报告年度",
        "published" => "发布日期",
        "issued" => "成文日期",
        "draft" => "草稿标记",
        "rates" => "比率",
        "changes" => "变化幅度",
        "breakdowns" => "总分关系",
        rule => return rule.to_string(),
    };
    format!("{field} {zh}")
}

fn pct(r: Option<f64>) -> String {
    r.map_or_else(|| "—".into(), |r| format!("{:.1}%", r * 100.0))
}

fn render(
    result: &Evaluation,
    floors: &[(&Floor, FloorOutcome)],
    w: &mut dyn Write,
) -> std::io::Result<()> {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(TABLE_WIDTH)
        .set_header(["字段（规则）", "正确/总数", "准确率", "精确率", "召回率"]);
    for (field, t) in &result.fields {
        table.add_row(row(field, t));
    }
    for col in 1..5 {
        if let Some(c) = table.column_mut(col) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(w, "{} 份报告", result.reports)?;
    writeln!(w, "{table}")?;
    if !result.unscored_rules.is_empty() {
        writeln!(
            w,
            "未加载的规则包，其规则结论未评分：{}",
            result.unscored_rules.join(", ")
        )?;
    }
    for (floor, outcome) in floors {
        let min = pct(Some(floor.min));
        match outcome {
            FloorOutcome::Below(a) => writeln!(
                w,
                "低于下限：{} 准确率 {} < {min}",
                floor.field,
                pct(Some(*a))
            )?,
            FloorOutcome::Met(_) => {}
            FloorOutcome::Unlabelled => writeln!(w, "{} 没有标注，下限 {min} 未检查", floor.field)?,
        }
    }
    if result.mismatches.is_empty() {
        return writeln!(w, "\n没有不一致。");
    }
    writeln!(w, "\n不一致（{} 处）：", result.mismatches.len())?;
    for m in &result.mismatches {
        mismatch(m, w)?;
    }
    Ok(())
}

fn row(field: &str, t: &Tally) -> [String; 5] {
    [
        field_shown(field),
        if t.total == 0 {
            "未标注".into()
        } else {
            format!("{}/{}", t.correct, t.total)
        },
        pct(t.accuracy()),
        pct(t.precision()),
        pct(t.recall()),
    ]
}

/// Two or three short lines per mismatch, so long titles wrap on their own line.
fn mismatch(m: &Mismatch, w: &mut dyn Write) -> std::io::Result<()> {
    let none = |v: &Option<String>| {
        v.as_deref()
            .map_or_else(|| "（无）".to_string(), |s| s.replace('\n', "⏎"))
    };
    writeln!(w, "{}  {}  [{}]", m.place(), m.field, m.id)?;
    writeln!(w, "    期望：{}", none(&m.expected))?;
    writeln!(w, "    实际：{}", none(&m.found))?;
    if let Some(note) = &m.note {
        writeln!(w, "    说明：{note}")?;
    }
    Ok(())
}
