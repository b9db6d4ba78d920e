//! Run pack test files and compare verdicts with what each case expects.

use super::fixture;
use super::spec::{Expect, TestFile};
use crate::engine::{self, Status, Verdict};
use crate::pack::{self, Config};
use crate::report;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum VerifyError {
    #[error("{path}: 无法读取测试文件: {detail}")]
    Read { path: String, detail: String },
    #[error("{path}: 测试文件格式错误: {detail}")]
    Syntax { path: String, detail: String },
    #[error("{0}")]
    Pack(String),
    #[error("夹具错误: {0}")]
    Fixture(String),
    #[error("{path}: 规则 {rule} 不在所测规则包中")]
    UnknownRule { path: String, rule: String },
}

/// The outcome of one fixture against one rule.
#[derive(Debug)]
pub struct CaseResult {
    pub rule: String,
    pub fixture: String,
    pub expected: Expect,
    /// The verdict's status, or why the fixture could not be checked.
    pub actual: Result<Status, String>,
    pub message: String,
    /// The message text the case required and did not find.
    pub missing_message: Option<String>,
    pub evidence: Vec<String>,
}

impl CaseResult {
    pub fn ok(&self) -> bool {
        let status_ok = matches!(
            (&self.actual, self.expected),
            (Ok(Status::Pass), Expect::Pass)
                | (Ok(Status::Fail), Expect::Fail)
                | (Ok(Status::NotApplicable), Expect::NotApplicable)
                | (Ok(Status::Pass | Status::NotApplicable), Expect::Silent)
        );
        status_ok && self.missing_message.is_none()
    }
}

/// Cases counted by kind: positive (a defect the rule must report), negative (correct text the
/// rule must not fail), not applicable.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub positive: (usize, usize),
    pub negative: (usize, usize),
    pub not_applicable: (usize, usize),
}

impl Tally {
    pub fn add(&mut self, case: &CaseResult) {
        let slot = match case.expected {
            Expect::Fail => &mut self.positive,
            Expect::NotApplicable => &mut self.not_applicable,
            Expect::Pass | Expect::Silent => &mut self.negative,
        };
        slot.0 += usize::from(case.ok());
        slot.1 += 1;
    }

    /// One line for `fzcheck test`: ok/total per kind.
    pub fn line(&self) -> String {
        format!(
            "正例（应报出问题）{}/{}，反例（正确文字不应报错）{}/{}，不适用 {}/{}",
            self.positive.0,
            self.positive.1,
            self.negative.0,
            self.negative.1,
            self.not_applicable.0,
            self.not_applicable.1
        )
    }
}

/// All results of one test file.
#[derive(Debug)]
pub struct FileResult {
    pub path: PathBuf,
    pub cases: Vec<CaseResult>,
    /// Rules of the pack that no case tests.
    pub untested: Vec<String>,
}

/// Test files under `path`: the file itself, or every `tests/*.yaml` below a folder.
pub fn discover(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "yaml" || x == "yml")
                && p.parent()
                    .and_then(Path::file_name)
                    .is_some_and(|d| d == "tests")
        })
        .collect();
    files.sort();
    files
}

/// Run one test file.
pub fn run_file(path: &Path) -> Result<FileResult, VerifyError> {
    let display = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| VerifyError::Read {
        path: display.clone(),
        detail: e.to_string(),
    })?;
    let spec: TestFile = serde_yaml::from_str(&text).map_err(|e| VerifyError::Syntax {
        path: display.clone(),
        detail: e.to_string(),
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let pack_path = dir.join(&spec.pack).display().to_string();
    let rules = pack::load(&[pack_path], &Config::default())
        .map_err(|e| VerifyError::Pack(format!("{:?}", miette::Report::new(e))))?;

    let mut cases = Vec::new();
    for case in &spec.cases {
        let rule = rules
            .get(&case.rule)
            .ok_or_else(|| VerifyError::UnknownRule {
                path: display.clone(),
                rule: case.rule.clone(),
            })?;
        for (i, (expected, fixture)) in case.expectations().enumerate() {
            let name = fixture::display_name(fixture, i + 1);
            let actual = fixture::load(fixture, dir, &name)
                .map(|src| engine::check_rule(&report::parse(src), rule));
            cases.push(match actual {
                Ok(v) => judged(&case.rule, name, expected, fixture.message(), v),
                Err(e) => unjudged(&case.rule, name, expected, e.to_string()),
            });
        }
    }
    let tested: std::collections::HashSet<&str> =
        spec.cases.iter().map(|c| c.rule.as_str()).collect();
    let untested = rules
        .infos()
        .iter()
        .filter(|r| !tested.contains(r.id.as_str()))
        .map(|r| r.id.clone())
        .collect();
    Ok(FileResult {
        path: path.to_path_buf(),
        cases,
        untested,
    })
}

fn judged(
    rule: &str,
    fixture: String,
    expected: Expect,
    want_message: Option<&str>,
    v: Verdict,
) -> CaseResult {
    let text = if v.message.is_empty() {
        v.reason.clone().unwrap_or_default()
    } else {
        v.message.clone()
    };
    let missing_message = want_message
        .filter(|m| !text.contains(m))
        .map(str::to_string);
    CaseResult {
        rule: rule.to_string(),
        fixture,
        expected,
        actual: Ok(v.status),
        message: text,
        missing_message,
        evidence: v
            .evidence
            .iter()
            .map(|e| format!("{}:{} {}", e.start.line, e.start.column, e.text))
            .collect(),
    }
}

fn unjudged(rule: &str, fixture: String, expected: Expect, why: String) -> CaseResult {
    CaseResult {
        rule: rule.to_string(),
        fixture,
        expected,
        actual: Err(why),
        message: String::new(),
        missing_message: None,
        evidence: Vec::new(),
    }
}
