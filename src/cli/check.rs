//! `fzcheck check`: reports × rules → verdicts, rendered in every format asked for.

use super::args::{CheckArgs, FailOn};
use super::exit::{CliError, Exit};
use super::packs;
use crate::engine::{self, CheckRun, ReportResult, Status};
use crate::output::{self, Format, RenderOptions};
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
    let stderr_tty = std::io::stderr().is_terminal();
    let reports = batch::run(
        &inputs,
        args.jobs,
        stderr_tty && inputs.len() > 20,
        |path| check_one(path, &opts, &rules),
    );
    let run = CheckRun {
        rules: rules.infos(),
        reports,
    };
    write_outputs(&run, &args)?;
    Ok(exit_code(&run, args.fail_on))
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

/// `--format`/`--output` pair up in order; formats without an output go to stdout.
fn write_outputs(run: &CheckRun, args: &CheckArgs) -> Result<(), CliError> {
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
    };
    let files: Vec<(Format, &Path)> = formats
        .iter()
        .zip(&args.output)
        .map(|(f, p)| (*f, p.as_path()))
        .collect();
    output::render_to_files(run, &files, &opts)?;
    let mut stdout = std::io::stdout().lock();
    for format in &formats[files.len()..] {
        output::render(run, *format, &opts, &mut stdout)?;
    }
    if args.summary && !formats[files.len()..].contains(&Format::Table) {
        output::render_summary(run, &mut stdout)?;
    }
    stdout.flush()?;
    Ok(())
}

/// The terminal's width when stdout is one (comfy-table asks the terminal).
fn terminal_width(tty: bool) -> Option<u16> {
    tty.then(|| comfy_table::Table::new().width()).flatten()
}

/// 1 when a rule at or above `fail_on` failed or errored; 2 when a report could not be read.
fn exit_code(run: &CheckRun, fail_on: FailOn) -> Exit {
    if run.reports.iter().any(|r| r.error.is_some()) {
        return Exit::Usage;
    }
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
        FailOn::Never => return Exit::Ok,
    };
    let failed =
        run.reports.iter().flat_map(|r| &r.verdicts).any(|v| {
            matches!(v.status, Status::Fail | Status::Error) && v.rule.severity >= threshold
        });
    if failed {
        Exit::Failed
    } else {
        Exit::Ok
    }
}
