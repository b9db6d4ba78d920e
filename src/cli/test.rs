//! `fzcheck test`: run pack tests and show a diff of expected and actual verdicts.

use super::args::TestArgs;
use super::exit::{CliError, Exit};
use crate::verify::{self, CaseResult};
use std::io::Write;

pub fn run(args: TestArgs) -> Result<Exit, CliError> {
    let mut out = std::io::stdout().lock();
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut tally = verify::Tally::default();
    let files: Vec<_> = args
        .paths
        .iter()
        .flat_map(|p| verify::discover(p))
        .collect();
    if files.is_empty() {
        return Err(CliError(format!(
            "在 {} 下没有找到测试文件（tests/*.yaml）；用 `fzcheck new-pack NAME` 生成一个带测试的规则包",
            args.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join("、")
        )));
    }
    for file in files {
        let result = verify::run_file(&file)?;
        writeln!(out, "{}", result.path.display())?;
        for case in &result.cases {
            tally.add(case);
            if case.ok() {
                passed += 1;
            } else {
                failed += 1;
                write_failure(&mut out, case)?;
            }
        }
        for rule in &result.untested {
            writeln!(out, "  注意：规则 {rule} 没有测试用例")?;
        }
    }
    writeln!(out, "{}", tally.line())?;
    writeln!(out, "test result: {passed} passed, {failed} failed")?;
    Ok(if failed == 0 { Exit::Ok } else { Exit::Failed })
}

fn write_failure(out: &mut impl Write, case: &CaseResult) -> std::io::Result<()> {
    writeln!(out, "  FAIL {}  [{}]", case.rule, case.fixture)?;
    match &case.actual {
        Ok(status) => {
            writeln!(out, "    - 期望: {}", case.expected.as_str())?;
            writeln!(out, "    + 实际: {}", status.as_str())?;
        }
        Err(why) => writeln!(out, "    无法检查: {why}")?,
    }
    if let Some(m) = &case.missing_message {
        writeln!(out, "    消息中应包含“{m}”")?;
    }
    if !case.message.is_empty() {
        writeln!(out, "    消息: {}", case.message)?;
    }
    for e in &case.evidence {
        writeln!(out, "    证据: {e}")?;
    }
    Ok(())
}
