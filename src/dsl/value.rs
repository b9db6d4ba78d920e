//! Run-time values. Values found in the report remember where (a source [`Span`]), so that
//! whatever decides a check can be shown as evidence.

use super::Pattern;
use crate::report::{Report, Span};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    pub value: Decimal,
    /// Printed with `%`: a percent literal, a rate's value, a computed ratio.
    pub percent: bool,
    /// Where the number was read, when it comes from the report.
    pub at: Option<Span>,
}

impl Num {
    pub fn plain(value: Decimal) -> Self {
        Num {
            value,
            percent: false,
            at: None,
        }
    }
}

/// A value; items of the report are indices into the report's vectors.
#[derive(Debug, Clone)]
pub enum Value<'a> {
    /// The third truth value: something the check needs is not in the report.
    Missing,
    Bool(bool),
    Num(Num),
    Str(&'a str, Option<Span>),
    Regex(&'a Pattern),
    Date(NaiveDate, Option<Span>),
    List(Rc<[Value<'a>]>),
    Section(usize),
    Fact(usize),
    Sentence(usize),
    /// A regex match: its source span and its byte range in the normalised text.
    Match(Span, usize, usize),
    Breakdown(usize),
    Ratio(usize),
    Issue(usize),
    /// A dictionary hit: source span, normalised byte range, the entry and why it is wrong.
    Hit(
        Span,
        usize,
        usize,
        &'a crate::dict::Entry,
        crate::dict::HitKind,
    ),
    Meta,
    Params,
}

impl<'a> Value<'a> {
    pub fn is_missing(&self) -> bool {
        matches!(self, Value::Missing)
    }

    pub fn num(value: Decimal) -> Self {
        Value::Num(Num::plain(value))
    }

    /// Where this value is in the report, if it is located.
    pub fn span(&self, report: &Report) -> Option<Span> {
        match *self {
            Value::Num(Num { at, .. }) | Value::Str(_, at) | Value::Date(_, at) => at,
            Value::Section(i) => report.sections.get(i).map(|s| s.heading),
            Value::Fact(i) => report.facts.get(i).map(|f| f.span),
            Value::Sentence(i) => report.sentences.get(i).map(|s| s.span),
            Value::Match(span, ..) | Value::Hit(span, ..) => Some(span),
            Value::Breakdown(i) => report.breakdowns.get(i).map(|b| b.span),
            Value::Ratio(i) => report
                .ratios
                .get(i)
                .and_then(|r| report.facts.get(r.rate))
                .map(|f| f.span),
            Value::Issue(i) => report.numbering_issues.get(i).map(|n| n.span),
            _ => None,
        }
    }

    /// The value shown next to evidence: numbers only (a fact's excerpt already shows the rest).
    pub fn evidence_value(&self, report: &Report) -> Option<String> {
        match self {
            Value::Num(_) | Value::Date(..) => Some(render(self, report)),
            Value::Fact(i) => report.facts.get(*i).map(render_fact_value),
            _ => None,
        }
    }
}

fn render_fact_value(f: &crate::report::Fact) -> String {
    format!("{}{}", f.value.normalize(), f.unit)
}

/// A value as it appears in a message; missing renders 未找到.
pub fn render(v: &Value<'_>, report: &Report) -> String {
    match v {
        Value::Missing => "未找到".into(),
        Value::Bool(b) => if *b { "是" } else { "否" }.into(),
        Value::Num(n) => {
            let mut s = n.value.normalize().to_string();
            if n.percent {
                s.push('%');
            }
            s
        }
        Value::Str(s, _) => (*s).to_string(),
        Value::Regex(r) => format!("/{}/", r.as_str()),
        Value::Date(d, _) => d.format("%Y-%m-%d").to_string(),
        Value::List(items) => items
            .iter()
            .map(|i| render(i, report))
            .collect::<Vec<_>>()
            .join("、"),
        Value::Section(i) => report
            .sections
            .get(*i)
            .map(|s| format!("{}{}", s.marker, s.title))
            .unwrap_or_default(),
        Value::Fact(i) => report
            .facts
            .get(*i)
            .map(|f| format!("{}{}", f.label, render_fact_value(f)))
            .unwrap_or_default(),
        Value::Issue(i) => report
            .numbering_issues
            .get(*i)
            .map(|n| n.detail.clone())
            .unwrap_or_default(),
        Value::Meta => "meta".into(),
        Value::Params => "params".into(),
        other => other
            .span(report)
            .map(|s| report.norm.slice_source(s).to_string())
            .unwrap_or_default(),
    }
}
