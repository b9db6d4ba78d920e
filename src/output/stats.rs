//! Counting verdicts: per report, per rule and over the whole run.

use crate::engine::{CheckRun, ReportResult, RuleInfo, Status, Verdict};
use crate::pack::Severity;
use std::fmt;

/// Verdicts counted by status, failures also by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    pub pass: usize,
    pub fail: usize,
    pub not_applicable: usize,
    pub skipped: usize,
    pub error: usize,
    /// Failures of rules whose severity is error / warning / info.
    pub fail_error: usize,
    pub fail_warning: usize,
    pub fail_info: usize,
}

impl Counts {
    pub fn add(&mut self, status: Status, severity: Severity) {
        self.total += 1;
        match status {
            Status::Pass => self.pass += 1,
            Status::NotApplicable => self.not_applicable += 1,
            Status::Skipped => self.skipped += 1,
            Status::Error => self.error += 1,
            Status::Fail => {
                self.fail += 1;
                match severity {
                    Severity::Error => self.fail_error += 1,
                    Severity::Warning => self.fail_warning += 1,
                    Severity::Info => self.fail_info += 1,
                }
            }
        }
    }

    pub fn of(verdicts: &[Verdict]) -> Self {
        let mut counts = Counts::default();
        for v in verdicts {
            counts.add(v.status, v.rule.severity);
        }
        counts
    }

    /// All verdicts of the run.
    pub fn of_run(run: &CheckRun) -> Self {
        let mut counts = Counts::default();
        for r in &run.reports {
            for v in &r.verdicts {
                counts.add(v.status, v.rule.severity);
            }
        }
        counts
    }

    /// All verdicts of one rule across the run.
    pub fn of_rule(run: &CheckRun, rule: &RuleInfo) -> Self {
        let mut counts = Counts::default();
        for r in &run.reports {
            if let Some(v) = verdict_for(r, rule) {
                counts.add(v.status, v.rule.severity);
            }
        }
        counts
    }

    /// Passes over decided verdicts (pass + fail); not applicable, skipped and errors don't count.
    pub fn rate(&self) -> Rate {
        Rate {
            pass: self.pass,
            decided: self.pass + self.fail,
        }
    }
}

/// A pass rate that knows its denominator, so "no decided verdict" is not shown as 0 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub pass: usize,
    pub decided: usize,
}

impl Rate {
    /// Between 0 and 1, rounded to four decimals; `None` when nothing was decided.
    pub fn ratio(self) -> Option<f64> {
        (self.decided > 0)
            .then(|| (self.pass as f64 / self.decided as f64 * 10_000.0).round() / 10_000.0)
    }
}

/// `87.5%` with one decimal (integer arithmetic, so it never prints `87.49999`), `—` when undecided.
impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.decided == 0 {
            return f.write_str("—");
        }
        let tenths = (self.pass * 1000 + self.decided / 2) / self.decided;
        write!(f, "{}.{}%", tenths / 10, tenths % 10)
    }
}

/// The verdict of `rule` on `report`, if the report was checked against it.
pub fn verdict_for<'a>(report: &'a ReportResult, rule: &RuleInfo) -> Option<&'a Verdict> {
    report.verdicts.iter().find(|v| v.rule.id == rule.id)
}

/// How many reports could not be read.
pub fn unreadable(run: &CheckRun) -> usize {
    run.reports.iter().filter(|r| r.error.is_some()).count()
}
