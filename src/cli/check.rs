//! `fzcheck check`: reports × rules → verdicts, rendered in every format asked for.

use super::args::{CheckArgs, FailOn};
use super::exit::{CliError, Exit};
use super::packs;
use crate::engine::{self, ReportResult};
use crate::output::{Format, Outputs, Plan, RenderOptions, Tally, Target};
use crate::pack::{RuleSet, Severity};
use crate::{batch, ingest, report};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// A few lines touching every extractor, parsed once to build the parser's patterns.
const WARM_UP: &str = "# 某区人民政府关于2024年法治政府建设情况的报告\n（2025-02-26）\n某政发〔2025〕1号\n区委：\n\n一、主要举措和成效\n\n（一）执法\n\n1.复议。共受理案件12件，其中维持10件，驳回2件，出庭应诉率为100%，下降4.7个百分点，300余人。一是学法。\n\n某区人民政府\n\n2025年1月20日\n";

pub fn run(args: CheckArgs) -> Result<Exit, CliError> {
    // The parser compiles its patterns on first use: do that on another core while the packs
    // compile, which halves the start-up time of a single check.
    let warm = std::thread::spawn(|| report::parse(ingest::SourceText::from_text("", WARM_UP)));
    let rules = packs::load(&args.packs)?;
    let _ = warm.join();
    let inputs = batch::collect_inputs(&args.paths, &args.include, &args.exclude)?;
    list_skipped(&inputs.skipped);
    if inputs.files.is_empty() {
        return Err(CliError(format!(
            "没有找到要检查的报告文件（支持 {}）；请检查路径或 --include",
            batch::DEFAULT_INCLUDE.join(" ").replace('*', "")
        )));
    }
    let opts = ingest::IngestOptions {
        encoding: args.encoding,
    };
    let plan = Plan {
        rules: rules.infos(),
        reports: inputs.files.len(),
    };
    // Outputs open before the first report is checked, so a missing output folder is found at
    // once rather than after a long batch.
    let mut outputs = open_outputs(plan, &args)?;
    let progress = std::io::stderr().is_terminal() && inputs.files.len() > 20;
    batch::run(
        &inputs.files,
        args.jobs,
        progress,
        |path| check_one(path, &opts, &rules),
        |result| outputs.push(&result),
    )?;
    let tally = outputs.finish()?;
    Ok(exit_code(&tally, args.fail_on))
}

/// Files of the folders that are not checked, on stderr so machine formats on stdout stay clean.
fn list_skipped(skipped: &[batch::Skipped]) {
    const SHOWN: usize = 10;
    if skipped.is_empty() {
        return;
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "已跳过 {} 个非报告文件：", skipped.len());
    for s in skipped.iter().take(SHOWN) {
        let _ = writeln!(err, "  {}（{}）", s.path.display(), s.reason.label_zh());
    }
    if skipped.len() > SHOWN {
        let _ = writeln!(err, "  ……另有 {} 个", skipped.len() - SHOWN);
    }
}

fn check_one(path: &Path, opts: &ingest::IngestOptions, rules: &RuleSet) -> ReportResult {
    let name = path.display().to_string();
    match ingest::read_path(path, opts) {
        Ok(source) if source.text.trim().is_empty() => ReportResult {
            path: name.clone(),
            meta: None,
            verdicts: Vec::new(),
            error: Some(format!(
                "{name}: 文件为空，没有可检查的文字。请确认选对了文件"
            )),
        },
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

/// Each `--output` takes the `--format` at its place, else the format its extension names; a
/// format without an output goes to stdout, the first as results arrive and any others after it.
fn open_outputs(plan: Plan, args: &CheckArgs) -> Result<Outputs<'static>, CliError> {
    let files = output_formats(&args.format, &args.output)?;
    let to_stdout: Vec<Format> = if args.format.is_empty() && args.output.is_empty() {
        vec![Format::Table]
    } else {
        args.format
            .iter()
            .skip(args.output.len())
            .copied()
            .collect()
    };
    let stdout_tty = std::io::stdout().is_terminal();
    let opts = RenderOptions {
        color: stdout_tty && !args.no_color && std::env::var_os("NO_COLOR").is_none(),
        width: args.width.or_else(|| terminal_width(stdout_tty)),
        summary: args.summary,
        all: args.all,
        csv_layout: args.csv_layout,
    };
    let mut outputs = Outputs::new(plan, opts);
    for (format, path) in files {
        outputs.add(format, Target::File(path))?;
    }
    let mut streaming = true;
    let mut stdout = || {
        let target: Box<dyn Write> = Box::new(ClosablePipe::default());
        if std::mem::take(&mut streaming) {
            Target::Stream(target)
        } else {
            Target::After(target)
        }
    };
    for format in &to_stdout {
        outputs.add(*format, stdout())?;
    }
    if args.summary && !to_stdout.contains(&Format::Table) {
        outputs.add_summary(stdout())?;
    }
    Ok(outputs)
}

/// The format of each output file: the `--format` paired with it in order, checked against its
/// extension, or the extension's alone.
fn output_formats(
    formats: &[Format],
    outputs: &[PathBuf],
) -> Result<Vec<(Format, PathBuf)>, CliError> {
    outputs
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let named = Format::from_path(path);
            match (formats.get(i), named) {
                (Some(&given), Some(named)) if given != named => Err(CliError(format!(
                    "{}: 扩展名表示 {} 格式，但与它配对的是 --format {}。请改扩展名或 --format",
                    path.display(),
                    named.name(),
                    given.name()
                ))),
                (Some(&given), _) => Ok((given, path.clone())),
                (None, Some(named)) => Ok((named, path.clone())),
                (None, None) => Err(CliError(format!(
                    "{}: 无法从扩展名判断输出格式（.json .xml .sarif .md .html .csv .txt）；请用 --format 指定",
                    path.display()
                ))),
            }
        })
        .collect()
}

/// Stdout that a reader may close early (`fzcheck check … | head -1`): what follows is dropped
/// quietly and the check goes on, so the exit code is the usual one.
#[derive(Default)]
struct ClosablePipe {
    closed: bool,
}

impl Write for ClosablePipe {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.closed {
            match std::io::stdout().write(buf) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => self.closed = true,
                written => return written,
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.closed {
            match std::io::stdout().flush() {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => self.closed = true,
                flushed => return flushed,
            }
        }
        Ok(())
    }
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
