//! Command-line arguments (clap derive).

use crate::ingest::EncodingChoice;
use crate::output::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "fzcheck",
    version,
    about = "法治政府建设年度报告合规检查 — checks annual reports on building rule-of-law government against rule packs",
    after_help = "示例 / Examples:\n  fzcheck check 报告.docx\n  fzcheck check reports/ --summary --format csv --output 汇总.csv\n  fzcheck parse 报告.txt --format json\n  fzcheck explain metrics/appearance-rate"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查报告：逐条规则给出通过/不通过及证据 (check reports against rule packs)
    Check(CheckArgs),
    /// 解析报告：显示元数据、标题层次和数据 (show what the parser sees)
    Parse(ParseArgs),
    /// 列出在用的规则 (list the rules in use)
    Rules(RulesArgs),
    /// 解释一条规则：依据、检查式和修改建议 (show one rule)
    Explain(ExplainArgs),
    /// 运行规则包的测试 (run pack tests: fixtures with expected verdicts)
    Test(TestArgs),
    /// 新建规则包骨架 (scaffold a new pack with a test)
    NewPack(NewPackArgs),
    /// 在标注语料上测量解析和规则的准确率 (accuracy on labelled corpora)
    Eval(super::eval::EvalArgs),
}

/// Where rules come from: built-in packs, pack files, and a tailoring configuration.
#[derive(Debug, Args, Clone, Default)]
pub struct PackArgs {
    /// 规则包：内置包名（content, metrics, consistency, format）或 YAML 文件路径；可重复。默认使用全部内置包
    #[arg(long = "pack", short = 'p', value_name = "PATH|NAME")]
    pub packs: Vec<String>,
    /// 本地配置文件：引入或扩展规则包、调整严重程度、停用规则、覆盖参数
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 报告文件或文件夹（.txt .md .docx .html .pdf）
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub packs: PackArgs,
    /// 输出格式；可重复，与 --output 按顺序配对
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Vec<Format>,
    /// 输出文件（原子写入）；可重复，与 --format 按顺序配对。未配对的格式写到标准输出
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Vec<PathBuf>,
    /// 哪一级的不通过使退出码为 1
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// 并行线程数（0 = 全部核心）
    #[arg(long, short = 'j', default_value_t = 0)]
    pub jobs: usize,
    /// 打印报告 × 规则矩阵和每条规则的通过率
    #[arg(long)]
    pub summary: bool,
    /// 遍历文件夹时只包含匹配的文件（glob，可重复）
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// 遍历文件夹时排除匹配的文件（glob，可重复）
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// 文本编码：auto, utf-8, utf-16le, utf-16be, gb18030（gbk）；默认自动识别
    #[arg(long, default_value = "auto")]
    pub encoding: EncodingChoice,
    /// 表格宽度（默认终端宽度）
    #[arg(long)]
    pub width: Option<u16>,
    /// 不使用颜色
    #[arg(long)]
    pub no_color: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ListFormat {
    #[default]
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// 报告文件
    pub file: PathBuf,
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub format: ListFormat,
    /// 文本编码（同 check）
    #[arg(long, default_value = "auto")]
    pub encoding: EncodingChoice,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(flatten)]
    pub packs: PackArgs,
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// 规则 id，如 metrics/appearance-rate
    pub rule: String,
    #[command(flatten)]
    pub packs: PackArgs,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// 规则包文件夹或测试文件（在文件夹下查找 tests/*.yaml）
    #[arg(default_value = "rules")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct NewPackArgs {
    /// 规则包名（小写字母、数字和连字符）
    pub name: String,
    /// 在哪个文件夹下创建
    #[arg(long, default_value = ".")]
    pub dir: PathBuf,
}
