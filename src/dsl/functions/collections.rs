//! Collections: quantifiers over lists, and list helpers.

use super::{sig, Call, Eval, FuncDef, Group, Param as P, Returns as R};
use crate::dsl::eval::{mismatch, Quant};
use crate::dsl::types::Type as T;
use crate::dsl::value::{Num, Value};
use rust_decimal::Decimal;

pub static FUNCTIONS: &[FuncDef] = &[
    FuncDef {
        name: "any",
        group: Group::Collections,
        sigs: &[sig(
            "any(list, x => cond)",
            &[P::List, P::Lambda(T::Bool)],
            R::Is(T::Bool),
            "bool",
            "some item satisfies cond; evidence: the items that do",
        )],
        example: "any(rates(), r => r.value > 100%)",
        eval: Eval::Lazy(|ev, args, span| ev.quantify(Quant::Any, args, span)),
    },
    FuncDef {
        name: "all",
        group: Group::Collections,
        sigs: &[sig(
            "all(list, x => cond)",
            &[P::List, P::Lambda(T::Bool)],
            R::Is(T::Bool),
            "bool",
            "every item satisfies cond; evidence: the items that do not",
        )],
        example: "all(breakdowns(), b => b.sum <= b.total.value)",
        eval: Eval::Lazy(|ev, args, span| ev.quantify(Quant::All, args, span)),
    },
    FuncDef {
        name: "none",
        group: Group::Collections,
        sigs: &[sig(
            "none(list, x => cond)",
            &[P::List, P::Lambda(T::Bool)],
            R::Is(T::Bool),
            "bool",
            "no item satisfies cond; evidence: the items that do",
        )],
        example: "none(sentences(/征求意见稿|讨论稿/), s => true)",
        eval: Eval::Lazy(|ev, args, span| ev.quantify(Quant::None, args, span)),
    },
    FuncDef {
        name: "count",
        group: Group::Collections,
        sigs: &[
            sig(
                "count(list)",
                &[P::List],
                R::Is(T::Number),
                "number",
                "number of items",
            ),
            sig(
                "count(list, x => cond)",
                &[P::List, P::Lambda(T::Bool)],
                R::Is(T::Number),
                "number",
                "number of items satisfying cond",
            ),
        ],
        example: "count(sections(1), s => contains(s, /原因/)) >= 1",
        eval: Eval::Lazy(|ev, args, span| ev.quantify(Quant::Count, args, span)),
    },
    FuncDef {
        name: "filter",
        group: Group::Collections,
        sigs: &[sig(
            "filter(list, x => cond)",
            &[P::List, P::Lambda(T::Bool)],
            R::First,
            "list",
            "the items satisfying cond",
        )],
        example: "count(filter(facts(), f => f.unit == \"件\")) > 0",
        eval: Eval::Lazy(|ev, args, span| ev.quantify(Quant::Filter, args, span)),
    },
    FuncDef {
        name: "map",
        group: Group::Collections,
        sigs: &[sig(
            "map(list, x => expr)",
            &[P::List, P::Lambda(T::Any)],
            R::ListOfBody,
            "list",
            "expr for each item",
        )],
        example: "sum(map(facts(/案件/), f => f.value)) > 0",
        eval: Eval::Lazy(|ev, args, span| ev.quantify(Quant::Map, args, span)),
    },
    FuncDef {
        name: "first",
        group: Group::Collections,
        sigs: &[sig(
            "first(list)",
            &[P::List],
            R::Elem,
            "item or missing",
            "the first item",
        )],
        example: "first(sections(1)).number == 1",
        eval: Eval::Strict(|c| match &c.vals[0] {
            Value::List(items) => Ok(items.first().cloned().unwrap_or(Value::Missing)),
            _ => Err(mismatch("a list", c.arg_span(0))),
        }),
    },
    FuncDef {
        name: "sum",
        group: Group::Collections,
        sigs: &[sig(
            "sum(list)",
            &[P::Is(T::List(&T::Number))],
            R::Is(T::Number),
            "number",
            "sum of numbers; missing if any is missing",
        )],
        example: "sum([1, 2, 3]) == 6",
        eval: Eval::Strict(|c| {
            let Value::List(items) = &c.vals[0] else {
                return Err(mismatch("a list", c.arg_span(0)));
            };
            let mut total = Decimal::ZERO;
            let mut percent = !items.is_empty();
            for item in items.iter() {
                match item {
                    Value::Num(n) => {
                        total += n.value;
                        percent &= n.percent;
                    }
                    Value::Missing => return Ok(Value::Missing),
                    _ => return Err(mismatch("a list of numbers", c.arg_span(0))),
                }
            }
            Ok(Value::Num(Num {
                value: total,
                percent,
                at: None,
            }))
        }),
    },
    FuncDef {
        name: "exists",
        group: Group::Collections,
        sigs: &[sig(
            "exists(x)",
            &[P::Anything],
            R::Is(T::Bool),
            "bool",
            "not missing and, for a list or string, not empty; never missing",
        )],
        example: "exists(meta.report_year)",
        eval: Eval::Lazy(|ev, args, _| {
            let v = ev.eval(&args[0])?;
            let present = match &v {
                Value::Missing => false,
                Value::List(items) => !items.is_empty(),
                Value::Str(s, _) => !s.is_empty(),
                _ => true,
            };
            if present {
                ev.note(&v);
            }
            Ok(Value::Bool(present))
        }),
    },
    FuncDef {
        name: "nearest",
        group: Group::Collections,
        sigs: &[sig(
            "nearest(list, x, n)",
            &[P::List, P::Text, P::Is(T::Number)],
            R::First,
            "list",
            "the `n` items of a list in text order (as `sentences`, `find` and `filter` give) that start closest to `x`, kept in order: compares each item with a bounded few, not the whole document",
        )],
        example: "none(sentences(/未实现/), d => any(nearest(sentences(/已实现/), d, 8), c => len(common(c, d)) >= 6))",
        eval: Eval::Strict(|c| {
            use rust_decimal::prelude::ToPrimitive;
            let Value::List(items) = &c.vals[0] else {
                return Err(mismatch("a list", c.arg_span(0)));
            };
            let n = c.number(2)?.to_usize().unwrap_or(0);
            let r = c.report();
            let Some(at) = c.vals[1].span(r).map(|s| s.start) else {
                return Err(mismatch("text with a place in the report", c.arg_span(1)));
            };
            let start = |k: usize| items[k].span(r).map_or(0, |s| s.start);
            // Binary search for the first item at or after `x`, then widen to the nearer side.
            let (mut lo, mut hi) = {
                let k = items.partition_point(|v| v.span(r).map_or(0, |s| s.start) < at);
                (k, k)
            };
            while hi - lo < n.min(items.len()) {
                let left = (lo > 0).then(|| at.abs_diff(start(lo - 1)));
                let right = (hi < items.len()).then(|| at.abs_diff(start(hi)));
                match (left, right) {
                    (Some(l), Some(h)) if l <= h => lo -= 1,
                    (Some(_), None) => lo -= 1,
                    _ => hi += 1,
                }
            }
            Call::list(items[lo..hi].to_vec())
        }),
    },
    FuncDef {
        name: "len",
        group: Group::Collections,
        sigs: &[sig(
            "len(x)",
            &[P::Anything],
            R::Is(T::Number),
            "number",
            "characters of a string or text, items of a list",
        )],
        example: "len(meta.title) <= 40",
        eval: Eval::Strict(|c| {
            let n = match &c.vals[0] {
                Value::List(items) => items.len(),
                _ => c.text(0)?.0.chars().count(),
            };
            Ok(Value::num(Decimal::from(n)))
        }),
    },
];
