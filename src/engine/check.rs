//! Rules × report → verdicts. Everything here is per report; compiling happened at load.

use super::verdict::{Evidence, Status, Verdict};
use crate::dsl::{Evaluator, Expr, Found, Value};
use crate::pack::{Rule, RuleSet};
use crate::report::Report;
use rayon::prelude::*;

/// Most evidence items shown per verdict.
pub const MAX_EVIDENCE: usize = 20;

/// One verdict per rule, in rule order; switched-off rules give `skipped` verdicts.
///
/// Rules run in parallel: a single check then builds the patterns its rules need on every core,
/// and in a batch the reports' tasks balance across threads.
pub fn check(report: &Report, rules: &RuleSet) -> Vec<Verdict> {
    rules
        .rules()
        .par_iter()
        .map(|r| check_rule(report, r))
        .collect()
}

pub fn check_rule(report: &Report, rule: &Rule) -> Verdict {
    let verdict = |status, reason: Option<String>| Verdict {
        rule: rule.info.clone(),
        status,
        message: String::new(),
        evidence: Vec::new(),
        reason,
        hint: None,
    };
    if let Some(why) = rule.skipped() {
        return verdict(Status::Skipped, Some(why.to_string()));
    }
    let kind = report.meta.kind;
    if !rule.applies_to(kind) {
        let reason = format!("本规则不适用于{}", kind.label_zh());
        return verdict(Status::NotApplicable, Some(reason));
    }
    let mut ev = Evaluator::new(report, &rule.params);
    if let Some(dicts) = &rule.dicts {
        ev = ev.with_dicts(dicts);
    }
    for (i, e) in rule.lets.iter().enumerate() {
        match ev.eval(e) {
            Ok(v) => ev.push_let(v),
            Err(err) => return verdict(Status::Error, Some(format!("let #{}: {err}", i + 1))),
        }
    }
    if let Some(when) = &rule.when {
        match ev.eval(when) {
            Ok(Value::Bool(true)) => {}
            Ok(_) => {
                let reason = not_applicable_reason(rule, when, &mut ev);
                return verdict(Status::NotApplicable, Some(reason));
            }
            Err(err) => return verdict(Status::Error, Some(format!("when: {err}"))),
        }
    }
    let outcome = ev.eval(&rule.check);
    if rule.presence && !matches!(outcome, Ok(Value::Bool(true))) {
        if let Some(cut) = &report.meta.broken_off {
            let reason = format!(
                "全文在“…{}”处中途结束，要找的内容可能在缺失的部分中，无法检查（见 content/complete-text）",
                cut.value
            );
            return verdict(Status::NotApplicable, Some(reason));
        }
    }
    let found = ev.take_found();
    let (status, message, reason) = match outcome {
        Ok(Value::Bool(true)) => (Status::Pass, String::new(), None),
        Ok(Value::Bool(false)) => (Status::Fail, rule.message.render(&mut ev), None),
        Ok(_) => {
            let template = rule.missing.as_ref().unwrap_or(&rule.message);
            let reason = "检查所需的内容或数值未找到".to_string();
            (Status::Fail, template.render(&mut ev), Some(reason))
        }
        Err(err) => (Status::Error, String::new(), Some(format!("check: {err}"))),
    };
    let hint = (status != Status::Pass && !rule.hint.is_empty()).then(|| rule.hint.render(&mut ev));
    Verdict {
        rule: rule.info.clone(),
        status,
        message,
        evidence: evidence(report, found),
        reason,
        hint,
    }
}

/// Why `when` does not hold: the rule's reason, or with one reason per `and`-part, the reason of
/// the first part that does not hold, so a report without the value is not told it has one.
fn not_applicable_reason<'a>(rule: &'a Rule, when: &'a Expr, ev: &mut Evaluator<'a>) -> String {
    match rule.not_applicable.as_slice() {
        [] => format!("适用条件不成立：{when}"),
        [reason] => reason.render(ev),
        reasons => {
            let failed = when
                .conjuncts()
                .into_iter()
                .position(|part| !matches!(ev.eval(part), Ok(Value::Bool(true))))
                .unwrap_or(0);
            reasons[failed].render(ev)
        }
    }
}

/// Distinct places, in the order they were found, the first with a value winning.
fn evidence(report: &Report, found: Vec<Found<'_>>) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::new();
    for f in found {
        if out.len() >= MAX_EVIDENCE {
            break;
        }
        if let Some(e) = out.iter_mut().find(|e| e.span == f.span) {
            if e.value.is_none() {
                e.value = f.value.as_ref().and_then(|v| v.evidence_value(report));
            }
            continue;
        }
        let value = f.value.as_ref().and_then(|v| v.evidence_value(report));
        out.push(Evidence::at(report, f.span, value));
    }
    out
}
