//! Dictionaries: typos and political formulations found in the report's body (rules/dict).

use super::{sig, Call, Eval, FuncDef, Group, Returns as R};
use crate::dict::DictKind;
use crate::dsl::eval::{EvalError, EvalErrorKind};
use crate::dsl::types::Type as T;
use crate::dsl::value::Value;

const LIST_HIT: T = T::List(&T::Hit);

/// Hits of every dictionary of `kind` in the body, located in the source.
fn hits<'a>(c: &mut Call<'_, 'a>, kind: DictKind) -> super::Evaluated<'a> {
    let dicts = c.ev.dicts().map_err(|e| EvalError {
        kind: EvalErrorKind::Dictionary(e),
        span: c.span,
    })?;
    let r = c.report();
    Call::list(
        dicts
            .scan_body(kind, r)
            .into_iter()
            .map(|h| {
                let (s, e) = (h.range.start, h.range.end);
                Value::Hit(r.norm.to_source(s..e), s, e, h.entry, h.kind)
            })
            .collect(),
    )
}

pub static FUNCTIONS: &[FuncDef] = &[
    FuncDef {
        name: "typos",
        group: Group::Dictionaries,
        sigs: &[sig(
            "typos()",
            &[],
            R::Is(LIST_HIT),
            "list<hit>",
            "every entry of the typo dictionaries (`kind: typo`) found in the body, outside its exceptions; `hit.right` is the correction",
        )],
        example: "not exists(typos())",
        eval: Eval::Strict(|c| hits(c, DictKind::Typo)),
    },
    FuncDef {
        name: "formulations",
        group: Group::Dictionaries,
        sigs: &[sig(
            "formulations()",
            &[],
            R::Is(LIST_HIT),
            "list<hit>",
            "political formulations written wrong (`kind`: wrong, truncated, reordered; outdated and late need `meta.report_year`)",
        )],
        example: "not exists(filter(formulations(), h => h.kind == \"truncated\"))",
        eval: Eval::Strict(|c| hits(c, DictKind::Formulation)),
    },
];
