//! Counting verdicts: per report, and per rule and over the whole run as results stream past.

use crate::engine::{ReportResult, RuleInfo, Status, Verdict};
use crate::pack::Severity;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

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

/// Running totals over the reports seen so far: all that summaries and exit codes need, so no
/// report has to be kept.
#[derive(Debug, Clone)]
pub struct Tally {
    pub reports: usize,
    pub unreadable: usize,
    /// Every verdict.
    pub total: Counts,
    /// Per rule, in the plan's rule order.
    pub per_rule: Vec<Counts>,
    /// The most severe rule that failed or could not be evaluated.
    pub worst: Option<Severity>,
    rule_index: HashMap<Arc<str>, usize>,
}

impl Tally {
    pub fn new(rules: &[Arc<RuleInfo>]) -> Self {
        Tally {
            reports: 0,
            unreadable: 0,
            total: Counts::default(),
            per_rule: vec![Counts::default(); rules.len()],
            worst: None,
            rule_index: rules
                .iter()
                .enumerate()
                .map(|(i, r)| (Arc::from(r.id.as_str()), i))
                .collect(),
        }
    }

    pub fn add(&mut self, report: &ReportResult) {
        self.reports += 1;
        if report.error.is_some() {
            self.unreadable += 1;
        }
        for v in &report.verdicts {
            let severity = v.rule.severity;
            self.total.add(v.status, severity);
            if let Some(&i) = self.rule_index.get(v.rule.id.as_str()) {
                self.per_rule[i].add(v.status, severity);
            }
            if matches!(v.status, Status::Fail | Status::Error) {
                self.worst = self.worst.max(Some(severity));
            }
        }
    }
}
