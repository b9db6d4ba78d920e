//! Numbers, strings and dates.

use super::{sig, Call, Eval, Evaluated, FuncDef, Group, Param as P, Returns as R};
use crate::dsl::eval::{mismatch, EvalError, EvalErrorKind};
use crate::dsl::types::Type as T;
use crate::dsl::value::{Num, Value};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use std::sync::LazyLock;

/// `min` / `max`: argument `pick_second` chooses, keeping the chosen number's place.
fn pick<'a>(c: &Call<'_, 'a>, pick_second: fn(Decimal, Decimal) -> bool) -> Evaluated<'a> {
    let (a, b) = (c.number(0)?, c.number(1)?);
    let i = usize::from(pick_second(a, b));
    match &c.vals[i] {
        Value::Num(n) => Ok(Value::Num(*n)),
        _ => Err(mismatch("a number", c.arg_span(i))),
    }
}

/// `year` / `month` / `day`: one part of a date, pointing where the date was read.
fn date_part<'a>(c: &Call<'_, 'a>, part: fn(NaiveDate) -> i32) -> Evaluated<'a> {
    let d = c.date(0)?;
    Ok(Value::Num(Num {
        value: Decimal::from(part(d)),
        percent: false,
        at: c.vals[0].span(c.report()),
    }))
}

fn number_arg<'a>(c: &Call<'_, 'a>) -> Result<Num, EvalError> {
    match c.vals[0] {
        Value::Num(n) => Ok(n),
        _ => Err(mismatch("a number", c.arg_span(0))),
    }
}

pub static FUNCTIONS: &[FuncDef] = &[
    FuncDef {
        name: "abs",
        group: Group::Scalars,
        sigs: &[sig(
            "abs(n)",
            &[P::Is(T::Number)],
            R::Is(T::Number),
            "number",
            "absolute value",
        )],
        example: "abs(-1) == 1",
        eval: Eval::Strict(|c| {
            let n = number_arg(c)?;
            Ok(Value::Num(Num {
                value: n.value.abs(),
                ..n
            }))
        }),
    },
    FuncDef {
        name: "round",
        group: Group::Scalars,
        sigs: &[sig(
            "round(n, digits)",
            &[P::Is(T::Number), P::Is(T::Number)],
            R::Is(T::Number),
            "number",
            "rounded half away from zero to `digits` decimals",
        )],
        example: "round(99.95, 1) == 100",
        eval: Eval::Strict(|c| {
            let n = number_arg(c)?;
            let digits = c.number(1)?.to_u32().unwrap_or(0);
            let value = n
                .value
                .round_dp_with_strategy(digits, RoundingStrategy::MidpointAwayFromZero);
            Ok(Value::Num(Num { value, ..n }))
        }),
    },
    FuncDef {
        name: "min",
        group: Group::Scalars,
        sigs: &[sig(
            "min(a, b)",
            &[P::Is(T::Number), P::Is(T::Number)],
            R::Is(T::Number),
            "number",
            "the smaller",
        )],
        example: "min(1, 2) == 1",
        eval: Eval::Strict(|c| pick(c, |a, b| a > b)),
    },
    FuncDef {
        name: "max",
        group: Group::Scalars,
        sigs: &[sig(
            "max(a, b)",
            &[P::Is(T::Number), P::Is(T::Number)],
            R::Is(T::Number),
            "number",
            "the larger",
        )],
        example: "max(1, 2) == 2",
        eval: Eval::Strict(|c| pick(c, |a, b| a <= b)),
    },
    FuncDef {
        name: "matches",
        group: Group::Scalars,
        sigs: &[sig(
            "matches(s, pattern)",
            &[P::Is(T::String), P::Pattern],
            R::Is(T::Bool),
            "bool",
            "string `s` matches somewhere",
        )],
        example: "matches(meta.title, /法治政府建设/)",
        eval: Eval::Strict(|c| {
            let s = c.text(0)?.0;
            Ok(Value::Bool(c.rx_in(1, s)?.is_some_and(|re| re.is_match(s))))
        }),
    },
    FuncDef {
        name: "year",
        group: Group::Scalars,
        sigs: &[sig(
            "year(d)",
            &[P::Is(T::Date)],
            R::Is(T::Number),
            "number",
            "year of a date",
        )],
        example: "year(meta.published) == meta.report_year + 1",
        eval: Eval::Strict(|c| date_part(c, |d| d.year())),
    },
    FuncDef {
        name: "month",
        group: Group::Scalars,
        sigs: &[sig(
            "month(d)",
            &[P::Is(T::Date)],
            R::Is(T::Number),
            "number",
            "month of a date, 1–12",
        )],
        example: "month(meta.published) <= 3",
        eval: Eval::Strict(|c| date_part(c, |d| d.month() as i32)),
    },
    FuncDef {
        name: "day",
        group: Group::Scalars,
        sigs: &[sig(
            "day(d)",
            &[P::Is(T::Date)],
            R::Is(T::Number),
            "number",
            "day of the month",
        )],
        example: "day(2024-04-01) == 1",
        eval: Eval::Strict(|c| date_part(c, |d| d.day() as i32)),
    },
    FuncDef {
        name: "date",
        group: Group::Scalars,
        sigs: &[sig(
            "date(y, m, d)",
            &[P::Is(T::Number), P::Is(T::Number), P::Is(T::Number)],
            R::Is(T::Date),
            "date",
            "a date; an impossible one is an evaluation error",
        )],
        example: "meta.published <= date(meta.report_year + 1, 4, 1)",
        eval: Eval::Strict(|c| {
            let (y, m, d) = (c.number(0)?, c.number(1)?, c.number(2)?);
            let made = match (y.to_i32(), m.to_u32(), d.to_u32()) {
                (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
                _ => None,
            };
            made.map(|d| Value::Date(d, None)).ok_or(EvalError {
                kind: EvalErrorKind::BadDate(y.to_string(), m.to_string(), d.to_string()),
                span: c.span,
            })
        }),
    },
    FuncDef {
        name: "numbers",
        group: Group::Scalars,
        sigs: &[sig(
            "numbers(x)",
            &[P::Text],
            R::Is(T::List(&T::Number)),
            "list<number>",
            "every number written in Arabic digits in `x`",
        )],
        example: "any(numbers(section(/计划|打算|安排/).title), n => n == meta.report_year + 1)",
        eval: Eval::Strict(|c| {
            static NUMBER: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"\d+(?:\.\d+)?").expect("valid regex"));
            let (t, _) = c.text(0)?;
            Call::list(
                NUMBER
                    .find_iter(t)
                    .filter_map(|m| m.as_str().parse::<Decimal>().ok())
                    .map(Value::num)
                    .collect(),
            )
        }),
    },
];
