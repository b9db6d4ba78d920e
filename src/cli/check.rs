//! `fzcheck check`: reports × rules → verdicts, rendered in every format asked for.

use super::args::{CheckArgs, FailOn};
use super::exit::{CliError, Exit};
use super::packs;
use crate::engine::{self, ReportResult};
use crate::output::{Format, Outputs, Plan, RenderOptions, Tally, Target};
use crate::pack::{RuleSet, Severity};
use crate::{batch, ingest, report};
use std::io::{IsTerminal, Write};
use std::path::Path;

/// A few lines touching every extractor, parsed once to build the parser's patterns.
const WARM_UP: &str = "# 某区人民政府关于2024年法治政府建设情况的报告\n（2025-02-26）\n某政发〔2025〕1号\n区委：\n\n一、主要举措和成效\n\n（一）执法\n\n1.复议。共受理案件12件，其中维持10件，驳回2件，出庭应诉率为100%，下降4.7个百分点，300余人。一是学法。\n\n某区人民政府\n\n2025年1月20日\n";

pub fn run(args: CheckArgs) -> Result<Exit, CliError> {
    // The parser compiles its patterns on first use: do that on another core while the packs
    // compile, which halves the start-up time of a single check.
    let warm = std::thread::spawn(|| report::parse(ingest::SourceText::from_text("", WARM_UP)));
    let rules = packs::load(&args.packs)?;
    let _ = warm.join();
    let inputs = batch::collect_inputs(&args.paths, &args.include, &args.exclude)?;
    if inputs.is_empty() {
        return Err(CliError(
            "没有找到要检查的报告文件（支持 .txt .md .docx .html .pdf）；请检查路径或 --include"
                .into(),
        ));
    }
    let opts = ingest::IngestOptions {
        encoding: args.encoding,
    };
    let plan = Plan {
        rules: rules.infos(),
        reports: inputs.len(),
    };
    // Outputs open before the first report is checked, so a missing output folder is found at
    // once rather than after a long batch.
    let mut outputs = open_outputs(plan, &args)?;
    let progress = std::io::stderr().is_terminal() && inputs.len() > 20;
    batch::run(
        &inputs,
        args.jobs,
        progress,
        |path| check_one(path, &opts, &rules),
        |result| outputs.push(&result),
    )?;
    let tally = outputs.finish()?;
    Ok(exit_code(&tally, args.fail_on))
}

fn check_one(path: &Path, opts: &ingest::IngestOptions, rules: &RuleSet) -> ReportResult {
    let name = path.display().to_string();
    match ingest::read_path(path, opts) {
        Ok(source) => {
            let report = report::parse(source);
            let verdicts = engine::check(&report, rules);
            ReportResult {
                path: name,
                meta: Some(report.meta),
                verdicts,
                error: None,
            }
        }
        Err(e) => ReportResult {
            path: name,
            meta: None,
            verdicts: Vec::new(),
            error: Some(e.to_string()),
        },
    }
}

/// `--format`/`--output` pair up in order; formats without an output go to stdout, the first as
/// results arrive and any others after it.
fn open_outputs(plan: Plan, args: &CheckArgs) -> Result<Outputs<'static>, CliError> {
    let formats = if args.format.is_empty() {
        vec![Format::Table]
    } else {
        args.format.clone()
    };
    if args.output.len() > formats.len() {
        return Err(CliError(
            "--output 比 --format 多：每个 --output 需要一个对应的 --format".into(),
        ));
    }
    let stdout_tty = std::io::stdout().is_terminal();
    let opts = RenderOptions {
        color: stdout_tty && !args.no_color && std::env::var_os("NO_COLOR").is_none(),
        width: args.width.or_else(|| terminal_width(stdout_tty)),
        summary: args.summary,
        all: args.all,
    };
    let mut outputs = Outputs::new(plan, opts);
    for (format, path) in formats.iter().zip(&args.output) {
        outputs.add(*format, Target::File(path.clone()))?;
    }
    let mut streaming = true;
    let mut stdout = || {
        let target: Box<dyn Write> = Box::new(std::io::stdout());
        if std::mem::take(&mut streaming) {
            Target::Stream(target)
        } else {
            Target::After(target)
        }
    };
    let to_stdout = &formats[args.output.len()..];
    for format in to_stdout {
        outputs.add(*format, stdout())?;
    }
    if args.summary && !to_stdout.contains(&Format::Table) {
        outputs.add_summary(stdout())?;
    }
    Ok(outputs)
}

/// The terminal's width when stdout is one (comfy-table asks the terminal).
fn terminal_width(tty: bool) -> Option<u16> {
    tty.then(|| comfy_table::Table::new().width()).flatten()
}

/// 1 when a rule at or above `fail_on` failed or errored; 2 when a report could not be read.
fn exit_code(tally: &Tally, fail_on: FailOn) -> Exit {
    if tally.unreadable > 0 {
        return Exit::Usage;
    }
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
        FailOn::Never => return Exit::Ok,
    };
    if tally.worst >= Some(threshold) {
        Exit::Failed
    } else {
        Exit::Ok
    }
}
