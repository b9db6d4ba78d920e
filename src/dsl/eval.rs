//! Evaluation: walks the checked AST against one report, with three-valued logic, collecting the
//! located values that decide the outcome as evidence.

use super::ast::{BinOp, Expr, ExprKind, ExprSpan, Lit, Slot, UnOp};
use super::functions::{Call, Eval, Func};
use super::types::Field;
use super::value::{Num, Value};
use crate::report::{FactKind, NumberingIssueKind, Report, Span};
use chrono::NaiveDate;
use regex::Regex;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use thiserror::Error;

/// Evidence items kept per evaluation; more say nothing new and cost time.
pub const MAX_FOUND: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{kind}")]
pub struct EvalError {
    pub kind: EvalErrorKind,
    pub span: ExprSpan,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum EvalErrorKind {
    #[error("division by zero")]
    DivisionByZero,
    #[error("no such date: {0}-{1}-{2}")]
    BadDate(String, String, String),
    #[error("expected {expected}, found another kind of value")]
    Mismatch { expected: &'static str },
    #[error("expression was not checked before evaluation")]
    Unchecked,
    #[error("the pattern could not be built: {0}")]
    Pattern(String),
    #[error("dictionaries could not be loaded: {0}")]
    Dictionary(String),
}

pub(super) use super::functions::Evaluated;

/// The quantifiers and list builders that run a lambda over a list's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Quant {
    Any,
    All,
    None,
    Count,
    Filter,
    Map,
}

/// A located value that decided the outcome.
#[derive(Debug, Clone)]
pub struct Found<'a> {
    pub span: Span,
    pub value: Option<Value<'a>>,
}

/// Evaluates checked expressions against one report.
pub struct Evaluator<'a> {
    report: &'a Report,
    params: &'a [Expr],
    stack: Vec<Value<'a>>,
    found: Vec<Found<'a>>,
    /// Dictionaries of the configuration; the built-in ones when `None`.
    dicts: Option<&'a crate::dict::Dicts>,
}

impl<'a> Evaluator<'a> {
    /// `params` are the pack's parameter values (literal expressions), by index.
    pub fn new(report: &'a Report, params: &'a [Expr]) -> Self {
        Evaluator {
            report,
            params,
            stack: Vec::new(),
            found: Vec::new(),
            dicts: None,
        }
    }

    /// Use these dictionaries (built-in and the user's) instead of the built-in ones.
    pub fn with_dicts(mut self, dicts: &'a crate::dict::Dicts) -> Self {
        self.dicts = Some(dicts);
        self
    }

    /// The dictionaries in use.
    pub fn dicts(&self) -> Result<&'a crate::dict::Dicts, String> {
        match self.dicts {
            Some(d) => Ok(d),
            None => crate::dict::Dicts::builtin_ref().map_err(|e| e.to_string()),
        }
    }

    pub fn report(&self) -> &'a Report {
        self.report
    }

    /// Make a `let` value visible to later expressions (it takes the next stack slot).
    pub fn push_let(&mut self, v: Value<'a>) {
        self.stack.push(v);
    }

    /// The evidence collected so far, emptied.
    pub fn take_found(&mut self) -> Vec<Found<'a>> {
        std::mem::take(&mut self.found)
    }

    /// Evaluate without keeping evidence (messages, placeholders).
    pub fn eval_quiet(&mut self, e: &'a Expr) -> Evaluated<'a> {
        let mark = self.found.len();
        let v = self.eval(e);
        self.found.truncate(mark);
        v
    }

    pub(super) fn note(&mut self, v: &Value<'a>) {
        // A list found (by exists, or a let bound to find/sentences) is evidence item by item.
        if let Value::List(items) = v {
            for item in items
                .iter()
                .take(MAX_FOUND.saturating_sub(self.found.len()))
            {
                self.note(item);
            }
            return;
        }
        if self.found.len() < MAX_FOUND {
            if let Some(span) = v.span(self.report) {
                self.found.push(Found {
                    span,
                    value: Some(v.clone()),
                });
            }
        }
    }

    pub(super) fn note_span(&mut self, span: Span) {
        if self.found.len() < MAX_FOUND {
            self.found.push(Found { span, value: None });
        }
    }

    pub fn eval(&mut self, e: &'a Expr) -> Evaluated<'a> {
        match &e.kind {
            ExprKind::Lit(lit) => Ok(literal(lit)),
            ExprKind::List(items) => {
                let vals = items
                    .iter()
                    .map(|i| self.eval(i))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Value::List(vals.into()))
            }
            ExprKind::Var(_, slot) => match slot {
                Slot::Meta => Ok(Value::Meta),
                Slot::Params => Ok(Value::Params),
                Slot::Stack(i) => self.stack.get(*i).cloned().ok_or_else(|| unchecked(e)),
                Slot::Unresolved => Err(unchecked(e)),
            },
            ExprKind::Member(target, _, field) => {
                let t = self.eval(target)?;
                let field = field.ok_or_else(|| unchecked(e))?;
                self.field(t, field, e.span)
            }
            ExprKind::Index(target, i) => {
                let t = self.eval(target)?;
                let i = self.eval(i)?;
                Ok(match (t, i) {
                    (Value::List(items), Value::Num(n)) => n
                        .value
                        .to_usize()
                        .filter(|_| n.value.fract().is_zero())
                        .and_then(|i| items.get(i).cloned())
                        .unwrap_or(Value::Missing),
                    _ => Value::Missing,
                })
            }
            ExprKind::Call(_, args, func) => {
                let func = func.ok_or_else(|| unchecked(e))?;
                self.call(func, args, e.span)
            }
            ExprKind::Lambda(..) => Err(unchecked(e)),
            ExprKind::Unary(op, operand) => {
                let v = self.eval(operand)?;
                match (op, v) {
                    (_, Value::Missing) => Ok(Value::Missing),
                    (UnOp::Not, Value::Bool(b)) => Ok(Value::Bool(!b)),
                    (UnOp::Neg, Value::Num(n)) => Ok(Value::Num(Num {
                        value: -n.value,
                        ..n
                    })),
                    (UnOp::Not, _) => Err(mismatch("bool", operand.span)),
                    (UnOp::Neg, _) => Err(mismatch("number", operand.span)),
                }
            }
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b),
        }
    }

    fn binary(&mut self, op: BinOp, a: &'a Expr, b: &'a Expr) -> Evaluated<'a> {
        if matches!(op, BinOp::And | BinOp::Or) {
            return self.logic(op, a, b);
        }
        let va = self.eval(a)?;
        let vb = self.eval(b)?;
        if va.is_missing() || vb.is_missing() {
            return Ok(Value::Missing);
        }
        match op {
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                self.note(&va);
                self.note(&vb);
                let ord = compare(&va, &vb).ok_or_else(|| mismatch("comparable values", b.span))?;
                Ok(Value::Bool(match op {
                    BinOp::Eq => ord == Ordering::Equal,
                    BinOp::Ne => ord != Ordering::Equal,
                    BinOp::Lt => ord == Ordering::Less,
                    BinOp::Le => ord != Ordering::Greater,
                    BinOp::Gt => ord == Ordering::Greater,
                    _ => ord != Ordering::Less,
                }))
            }
            _ => {
                let (Value::Num(x), Value::Num(y)) = (&va, &vb) else {
                    return Err(mismatch("numbers", a.span.cover(b.span)));
                };
                let value = match op {
                    BinOp::Add => x.value.checked_add(y.value),
                    BinOp::Sub => x.value.checked_sub(y.value),
                    BinOp::Mul => x.value.checked_mul(y.value),
                    _ if y.value.is_zero() => {
                        return Err(EvalError {
                            kind: EvalErrorKind::DivisionByZero,
                            span: b.span,
                        })
                    }
                    _ => x.value.checked_div(y.value),
                };
                let value =
                    value.ok_or_else(|| mismatch("a number in range", a.span.cover(b.span)))?;
                let percent = matches!(op, BinOp::Add | BinOp::Sub) && (x.percent || y.percent);
                // A number computed from a located one still points there, for evidence.
                Ok(Value::Num(Num {
                    value,
                    percent,
                    at: x.at.or(y.at),
                }))
            }
        }
    }

    /// Kleene logic: false decides `and`, true decides `or`, otherwise missing wins.
    fn logic(&mut self, op: BinOp, a: &'a Expr, b: &'a Expr) -> Evaluated<'a> {
        let decisive = op == BinOp::Or;
        let va = truth(self.eval(a)?, a.span)?;
        if va == Some(decisive) {
            return Ok(Value::Bool(decisive));
        }
        let vb = truth(self.eval(b)?, b.span)?;
        Ok(match (va, vb) {
            (_, Some(x)) if x == decisive => Value::Bool(decisive),
            (Some(_), Some(_)) => Value::Bool(!decisive),
            _ => Value::Missing,
        })
    }

    fn field(&mut self, t: Value<'a>, field: Field, span: ExprSpan) -> Evaluated<'a> {
        let r = self.report;
        let norm = |s: Span| Value::Str(r.norm.slice_source(s), Some(s));
        let line = |s: Span| Value::num(Decimal::from(r.position(s.start).line));
        let located = |l: &'a Option<crate::report::Located<String>>| {
            l.as_ref().map_or(Value::Missing, |l| {
                Value::Str(l.value.as_str(), Some(l.span))
            })
        };
        let date = |l: &Option<crate::report::Located<NaiveDate>>| {
            l.as_ref()
                .map_or(Value::Missing, |l| Value::Date(l.value, Some(l.span)))
        };
        let section = |s: Option<usize>| s.map_or(Value::Missing, Value::Section);
        Ok(match (t, field) {
            (Value::Missing, _) => Value::Missing,
            (Value::Params, Field::Param(i)) => {
                let p = self.params.get(i).ok_or(EvalError {
                    kind: EvalErrorKind::Unchecked,
                    span,
                })?;
                return self.eval(p);
            }
            (Value::Meta, f) => {
                let m = &r.meta;
                match f {
                    Field::Title => located(&m.title),
                    Field::Issuer => located(&m.issuer),
                    Field::DocNumber => located(&m.doc_number),
                    Field::Addressee => located(&m.addressee),
                    Field::Draft => located(&m.draft),
                    Field::BrokenOff => located(&m.broken_off),
                    Field::ReportYear => m.report_year.as_ref().map_or(Value::Missing, |y| {
                        Value::Num(Num {
                            value: Decimal::from(y.value),
                            percent: false,
                            at: Some(y.span),
                        })
                    }),
                    Field::Issued => date(&m.issued),
                    Field::Published => date(&m.published),
                    Field::Kind => Value::Str(m.kind.as_str(), None),
                    Field::KindReason => Value::Str(&m.kind_reason, None),
                    _ => return Err(mismatch("a field of meta", span)),
                }
            }
            (Value::Section(i), f) => {
                let s = &r.sections[i];
                match f {
                    Field::Level => Value::num(Decimal::from(s.rank)),
                    Field::Number => s
                        .number
                        .map_or(Value::Missing, |n| Value::num(Decimal::from(n))),
                    Field::Marker => Value::Str(&s.marker, Some(s.heading)),
                    Field::Title => Value::Str(&s.title, Some(s.heading)),
                    Field::Text => norm(s.body),
                    Field::Line => line(s.heading),
                    _ => return Err(mismatch("a field of section", span)),
                }
            }
            (Value::Sentence(i), f) => {
                let s = &r.sentences[i];
                match f {
                    Field::Text => norm(s.span),
                    Field::Line => line(s.span),
                    Field::Section => section(s.section),
                    _ => return Err(mismatch("a field of sentence", span)),
                }
            }
            (Value::Hit(src, start, end, entry, kind), f) => match f {
                Field::Text => Value::Str(&r.norm.text[start..end], Some(src)),
                Field::Right => Value::Str(&entry.right, Some(src)),
                Field::Kind => Value::Str(kind.as_str(), Some(src)),
                Field::Source => Value::Str(&entry.citation, Some(src)),
                Field::Note => entry
                    .note
                    .as_deref()
                    .map_or(Value::Missing, |n| Value::Str(n, Some(src))),
                Field::Line => line(src),
                Field::Section => section(innermost_section(r, src)),
                _ => return Err(mismatch("a field of hit", span)),
            },
            (Value::Match(src, start, end), f) => match f {
                Field::Text => Value::Str(&r.norm.text[start..end], Some(src)),
                Field::Line => line(src),
                Field::Section => section(innermost_section(r, src)),
                _ => return Err(mismatch("a field of match", span)),
            },
            (Value::Fact(i), f) => {
                let fact = &r.facts[i];
                match f {
                    Field::Label => Value::Str(&fact.label, fact.label_span.or(Some(fact.span))),
                    Field::Value => Value::Num(Num {
                        value: fact.value,
                        percent: fact.unit == "%",
                        at: Some(fact.span),
                    }),
                    Field::Unit => Value::Str(fact.unit, Some(fact.span)),
                    Field::Approx => Value::Str(approx_name(fact.approx), Some(fact.span)),
                    Field::Kind => Value::Str(fact_kind_name(fact.kind), Some(fact.span)),
                    Field::Text => norm(fact.span),
                    Field::Line => line(fact.span),
                    Field::Sentence => r
                        .sentences
                        .get(fact.sentence)
                        .map_or(Value::Missing, |s| norm(s.span)),
                    Field::Section => section(fact.section),
                    Field::Year => fact.year.map_or(Value::Missing, |y| {
                        Value::Num(Num {
                            value: Decimal::from(y),
                            percent: false,
                            at: Some(fact.span),
                        })
                    }),
                    _ => return Err(mismatch("a field of fact", span)),
                }
            }
            (Value::Breakdown(i), f) => {
                let b = &r.breakdowns[i];
                match f {
                    Field::Total => Value::Fact(b.total),
                    Field::Parts => Value::List(b.parts.iter().map(|p| Value::Fact(*p)).collect()),
                    Field::Relation => Value::Str(
                        match b.relation {
                            crate::report::BreakdownRelation::Partition => "partition",
                            crate::report::BreakdownRelation::Subset => "subset",
                        },
                        Some(b.span),
                    ),
                    Field::Sum => Value::Num(Num {
                        value: b
                            .parts
                            .iter()
                            .filter_map(|p| r.facts.get(*p))
                            .map(|f| f.value)
                            .sum(),
                        percent: r.facts.get(b.total).is_some_and(|t| t.unit == "%"),
                        at: Some(b.span),
                    }),
                    _ => return Err(mismatch("a field of breakdown", span)),
                }
            }
            (Value::Ratio(i), f) => {
                let ratio = &r.ratios[i];
                match f {
                    Field::Rate => Value::Fact(ratio.rate),
                    Field::Numerator => Value::Fact(ratio.numerator),
                    Field::Denominator => Value::Fact(ratio.denominator),
                    Field::Computed => {
                        let (n, d) = (&r.facts[ratio.numerator], &r.facts[ratio.denominator]);
                        if d.value.is_zero() {
                            Value::Missing
                        } else {
                            Value::Num(Num {
                                value: n.value * Decimal::ONE_HUNDRED / d.value,
                                percent: true,
                                at: None,
                            })
                        }
                    }
                    _ => return Err(mismatch("a field of ratio", span)),
                }
            }
            (Value::Issue(i), f) => {
                let n = &r.numbering_issues[i];
                match f {
                    Field::Kind => Value::Str(issue_kind_name(n.kind), Some(n.span)),
                    Field::Detail => Value::Str(&n.detail, Some(n.span)),
                    Field::Line => line(n.span),
                    _ => return Err(mismatch("a field of issue", span)),
                }
            }
            _ => return Err(mismatch("a value with fields", span)),
        })
    }

    /// The normalised text of a value and its offset in the normalised report text, when known.
    pub(super) fn text_of(&self, v: &Value<'a>) -> Option<(&'a str, Option<usize>)> {
        let r = self.report;
        let in_norm = |s: Span| {
            let range = r.norm.from_source(s);
            (&r.norm.text[range.clone()], Some(range.start))
        };
        match *v {
            Value::Str(s, _) => Some((s, None)),
            Value::Section(i) => r.sections.get(i).map(|s| in_norm(s.span)),
            Value::Sentence(i) => r.sentences.get(i).map(|s| in_norm(s.span)),
            Value::Fact(i) => r
                .facts
                .get(i)
                .and_then(|f| r.sentences.get(f.sentence).map(|s| s.span).or(Some(f.span)))
                .map(in_norm),
            Value::Match(_, start, end) | Value::Hit(_, start, end, ..) => {
                Some((&r.norm.text[start..end], Some(start)))
            }
            _ => None,
        }
    }

    pub(super) fn body(&self) -> (&'a str, Option<usize>) {
        let range = self.report.norm.from_source(self.report.body);
        (&self.report.norm.text[range.clone()], Some(range.start))
    }

    pub(super) fn matches_in(
        &self,
        (text, base): (&'a str, Option<usize>),
        re: &Regex,
    ) -> Vec<Value<'a>> {
        re.find_iter(text)
            .filter_map(|m| {
                let base = base?;
                let (s, e) = (base + m.start(), base + m.end());
                Some(Value::Match(self.report.norm.to_source(s..e), s, e))
            })
            .collect()
    }

    fn call(&mut self, func: Func, args: &'a [Expr], span: ExprSpan) -> Evaluated<'a> {
        match func.0.eval {
            Eval::Lazy(f) => f(self, args, span),
            Eval::Strict(f) => {
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    let v = self.eval(a)?;
                    if v.is_missing() {
                        return Ok(Value::Missing);
                    }
                    vals.push(v);
                }
                f(&mut Call {
                    ev: self,
                    vals,
                    args,
                    span,
                })
            }
        }
    }

    /// any, all, none, count, filter, map. Evidence of an item is kept only when that item
    /// explains the result: all()'s counterexamples, any()'s and none()'s witnesses, count()'s hits.
    pub(super) fn quantify(
        &mut self,
        func: Quant,
        args: &'a [Expr],
        span: ExprSpan,
    ) -> Evaluated<'a> {
        let items = match self.eval(&args[0])? {
            Value::Missing => return Ok(Value::Missing),
            Value::List(items) => items,
            _ => return Err(mismatch("a list", args[0].span)),
        };
        let Some(lambda) = args.get(1) else {
            // count(list): what was counted is the evidence.
            items.iter().for_each(|i| self.note(i));
            return Ok(Value::num(Decimal::from(items.len())));
        };
        let ExprKind::Lambda(_, body, Slot::Stack(slot)) = &lambda.kind else {
            return Err(EvalError {
                kind: EvalErrorKind::Unchecked,
                span,
            });
        };
        // The lambda's parameter takes the slot the checker gave it: the next one.
        if self.stack.len() != *slot {
            return Err(EvalError {
                kind: EvalErrorKind::Unchecked,
                span,
            });
        }
        let mut saw_missing = false;
        let mut hits = 0usize;
        let mut kept = Vec::new();
        for item in items.iter() {
            let mark = self.found.len();
            self.stack.push(item.clone());
            let out = self.eval(body);
            self.stack.truncate(*slot);
            let out = out?;
            if func == Quant::Map {
                self.found.truncate(mark);
                kept.push(out);
                continue;
            }
            let t = truth(out, body.span)?;
            let explains = match func {
                Quant::All => t == Some(false),
                _ => t == Some(true),
            };
            if explains {
                hits += 1;
                self.note(item);
                if func == Quant::Filter {
                    self.found.truncate(mark);
                    kept.push(item.clone());
                }
            } else {
                self.found.truncate(mark);
            }
            saw_missing |= t.is_none();
        }
        let kleene = |decided: bool, value: bool| {
            if decided {
                Value::Bool(value)
            } else if saw_missing {
                Value::Missing
            } else {
                Value::Bool(!value)
            }
        };
        Ok(match func {
            Quant::Any => kleene(hits > 0, true),
            Quant::All => kleene(hits > 0, false),
            Quant::None => kleene(hits > 0, false),
            Quant::Count => Value::num(Decimal::from(hits)),
            _ => Value::List(kept.into()),
        })
    }
}

fn literal<'a>(lit: &'a Lit) -> Value<'a> {
    match lit {
        Lit::Number { value, percent } => Value::Num(Num {
            value: *value,
            percent: *percent,
            at: None,
        }),
        Lit::Str(s) => Value::Str(s, None),
        Lit::Regex(r) => Value::Regex(r),
        Lit::Date(d) => Value::Date(*d, None),
        Lit::Bool(b) => Value::Bool(*b),
        Lit::Null => Value::Missing,
    }
}

/// `Some(bool)`, or `None` for missing.
fn truth(v: Value<'_>, span: ExprSpan) -> Result<Option<bool>, EvalError> {
    match v {
        Value::Bool(b) => Ok(Some(b)),
        Value::Missing => Ok(None),
        _ => Err(mismatch("bool", span)),
    }
}

fn compare(a: &Value<'_>, b: &Value<'_>) -> Option<Ordering> {
    match (a, b) {
        (Value::Num(x), Value::Num(y)) => Some(x.value.cmp(&y.value)),
        (Value::Date(x, _), Value::Date(y, _)) => Some(x.cmp(y)),
        (Value::Str(x, _), Value::Str(y, _)) => Some(x.cmp(y)),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        (Value::Section(x), Value::Section(y))
        | (Value::Fact(x), Value::Fact(y))
        | (Value::Sentence(x), Value::Sentence(y))
        | (Value::Breakdown(x), Value::Breakdown(y))
        | (Value::Ratio(x), Value::Ratio(y))
        | (Value::Issue(x), Value::Issue(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

pub(super) fn mismatch(expected: &'static str, span: ExprSpan) -> EvalError {
    EvalError {
        kind: EvalErrorKind::Mismatch { expected },
        span,
    }
}

fn unchecked(e: &Expr) -> EvalError {
    EvalError {
        kind: EvalErrorKind::Unchecked,
        span: e.span,
    }
}

/// The innermost section whose span holds `span`: the last one in document order that does.
fn innermost_section(r: &Report, span: Span) -> Option<usize> {
    r.sections.iter().rposition(|s| s.span.contains(span))
}

fn approx_name(a: crate::report::Approx) -> &'static str {
    use crate::report::Approx;
    match a {
        Approx::Exact => "exact",
        Approx::AtLeast => "at_least",
        Approx::About => "about",
        Approx::AtMost => "at_most",
    }
}

fn fact_kind_name(k: FactKind) -> &'static str {
    match k {
        FactKind::Quantity => "quantity",
        FactKind::Rate => "rate",
        FactKind::Change => "change",
    }
}

fn issue_kind_name(k: NumberingIssueKind) -> &'static str {
    match k {
        NumberingIssueKind::Gap => "gap",
        NumberingIssueKind::Repeat => "repeat",
        NumberingIssueKind::LevelJump => "level_jump",
        NumberingIssueKind::MixedStyle => "mixed_style",
    }
}
