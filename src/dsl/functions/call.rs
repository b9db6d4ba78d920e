//! What a strict function's implementation gets: its evaluated arguments and readers for them.

use super::Evaluated;
use crate::dsl::ast::{Expr, ExprSpan};
use crate::dsl::eval::{mismatch, EvalError, EvalErrorKind, Evaluator};
use crate::dsl::value::Value;
use crate::report::Report;
use chrono::NaiveDate;
use regex::Regex;
use rust_decimal::Decimal;

pub struct Call<'e, 'a> {
    pub ev: &'e mut Evaluator<'a>,
    /// The arguments' values; none is missing.
    pub vals: Vec<Value<'a>>,
    pub args: &'a [Expr],
    pub span: ExprSpan,
}

impl<'a> Call<'_, 'a> {
    pub fn report(&self) -> &'a Report {
        self.ev.report()
    }

    /// Where argument `i` was written (the call's span when it has none).
    pub fn arg_span(&self, i: usize) -> ExprSpan {
        self.args.get(i).map_or(self.span, |a| a.span)
    }

    fn pattern_error(&self, i: usize) -> impl Fn(String) -> EvalError {
        let span = self.arg_span(i);
        move |e| EvalError {
            kind: EvalErrorKind::Pattern(e),
            span,
        }
    }

    /// The regex of pattern argument `i`, built now if it was not yet.
    pub fn rx(&self, i: usize) -> Result<&'a Regex, EvalError> {
        match self.vals.get(i) {
            Some(&Value::Regex(p)) => p.regex().map_err(self.pattern_error(i)),
            _ => Err(mismatch("a regex", self.arg_span(i))),
        }
    }

    /// The same, or `None` when the pattern certainly does not match in `hay`.
    pub fn rx_in(&self, i: usize, hay: &str) -> Result<Option<&'a Regex>, EvalError> {
        match self.vals.get(i) {
            Some(&Value::Regex(p)) => p.for_haystack(hay).map_err(self.pattern_error(i)),
            _ => Err(mismatch("a regex", self.arg_span(i))),
        }
    }

    pub fn number(&self, i: usize) -> Result<Decimal, EvalError> {
        match self.vals.get(i) {
            Some(Value::Num(n)) => Ok(n.value),
            _ => Err(mismatch("a number", self.arg_span(i))),
        }
    }

    pub fn date(&self, i: usize) -> Result<NaiveDate, EvalError> {
        match self.vals.get(i) {
            Some(Value::Date(d, _)) => Ok(*d),
            _ => Err(mismatch("a date", self.arg_span(i))),
        }
    }

    /// The normalised text of argument `i` and its offset in the normalised report, when known.
    pub fn text(&self, i: usize) -> Result<(&'a str, Option<usize>), EvalError> {
        self.vals
            .get(i)
            .and_then(|v| self.ev.text_of(v))
            .ok_or_else(|| mismatch("text", self.arg_span(i)))
    }

    pub fn list(items: Vec<Value<'a>>) -> Evaluated<'a> {
        Ok(Value::List(items.into()))
    }
}
