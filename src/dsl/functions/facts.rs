//! Facts: the quantities the report states, and how they relate.

use super::{sig, Call, Eval, Evaluated, FuncDef, Group, Param as P, Returns as R};
use crate::dsl::types::Type as T;
use crate::dsl::value::Value;
use crate::report::FactKind;

const LIST_FACT: T = T::List(&T::Fact);

/// The facts of `kind` (all when `None`) whose label matches pattern argument 0, when given.
fn facts_of<'a>(c: &mut Call<'_, 'a>, kind: Option<FactKind>) -> Evaluated<'a> {
    let pattern = c.vals.first().map(|_| c.rx(0)).transpose()?;
    Call::list(
        c.report()
            .facts
            .iter()
            .enumerate()
            .filter(|(_, f)| kind.is_none_or(|k| f.kind == k))
            .filter(|(_, f)| pattern.is_none_or(|p| p.is_match(&f.label)))
            .map(|(i, _)| Value::Fact(i))
            .collect(),
    )
}

pub static FUNCTIONS: &[FuncDef] = &[
    FuncDef {
        name: "facts",
        group: Group::Facts,
        sigs: &[
            sig(
                "facts()",
                &[],
                R::Is(LIST_FACT),
                "list<fact>",
                "every quantity",
            ),
            sig(
                "facts(pattern)",
                &[P::Pattern],
                R::Is(LIST_FACT),
                "list<fact>",
                "facts whose label matches",
            ),
        ],
        example: "all(facts(/案件/), f => f.value >= 0)",
        eval: Eval::Strict(|c| facts_of(c, None)),
    },
    FuncDef {
        name: "fact",
        group: Group::Facts,
        sigs: &[sig(
            "fact(pattern)",
            &[P::Pattern],
            R::Is(T::Fact),
            "fact or missing",
            "first fact of the report's year whose label matches (a fact whose clause names another year, as in 2023年出庭应诉率为90%, is not this year's)",
        )],
        example: "fact(/出庭应诉率/).value == 100%",
        eval: Eval::Strict(|c| {
            let re = c.rx(0)?;
            let r = c.report();
            let year = r.meta.report_year.as_ref().map(|y| y.value);
            let v = r
                .facts
                .iter()
                .position(|f| re.is_match(&f.label) && (f.year.is_none() || f.year == year))
                .map_or(Value::Missing, Value::Fact);
            c.ev.note(&v);
            Ok(v)
        }),
    },
    FuncDef {
        name: "rates",
        group: Group::Facts,
        sigs: &[sig(
            "rates()",
            &[],
            R::Is(LIST_FACT),
            "list<fact>",
            "facts of kind `rate`",
        )],
        example: "all(rates(), r => r.value >= 0% and r.value <= 100%)",
        eval: Eval::Strict(|c| facts_of(c, Some(FactKind::Rate))),
    },
    FuncDef {
        name: "changes",
        group: Group::Facts,
        sigs: &[sig(
            "changes()",
            &[],
            R::Is(LIST_FACT),
            "list<fact>",
            "facts of kind `change`",
        )],
        example: "none(changes(), c => c.unit == \"%\" and c.value < -100)",
        eval: Eval::Strict(|c| facts_of(c, Some(FactKind::Change))),
    },
    FuncDef {
        name: "breakdowns",
        group: Group::Facts,
        sigs: &[sig(
            "breakdowns()",
            &[],
            R::Is(T::List(&T::Breakdown)),
            "list<breakdown>",
            "totals with their 其中 parts",
        )],
        example: "all(breakdowns(), b => b.relation != \"partition\" or b.sum == b.total.value)",
        eval: Eval::Strict(|c| {
            Call::list(
                (0..c.report().breakdowns.len())
                    .map(Value::Breakdown)
                    .collect(),
            )
        }),
    },
    FuncDef {
        name: "ratios",
        group: Group::Facts,
        sigs: &[sig(
            "ratios()",
            &[],
            R::Is(T::List(&T::Ratio)),
            "list<ratio>",
            "rates with their stated numerator and denominator",
        )],
        example: "all(ratios(), r => abs(r.computed - r.rate.value) <= 0.1%)",
        eval: Eval::Strict(|c| {
            Call::list((0..c.report().ratios.len()).map(Value::Ratio).collect())
        }),
    },
];
