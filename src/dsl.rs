//! Stage 3a — dsl: the expression language of rule checks (grammar in grammar/rule.pest).
//!
//! [`parse`] builds a typed AST once, [`check`] resolves names and types at load, and an
//! [`Evaluator`] walks the checked AST against a report. docs/rules.md is the language reference.

mod ast;
mod baked;
mod checker;
mod error;
mod eval;
pub mod functions;
mod parser;
mod pattern;
mod template;
mod types;
mod value;

pub use ast::{BinOp, Expr, ExprKind, ExprSpan, Ident, Lit, Slot, UnOp};
pub use checker::{check, Scope};
pub use error::{suggest, DslError, DslErrorKind};
pub use eval::{EvalError, EvalErrorKind, Evaluator, Found, MAX_FOUND};
pub use parser::{parse, parse_text, MAX_DEPTH};
pub use pattern::Pattern;
pub use template::Template;
pub use types::{Field, FieldDef, Type, FIELDS};
pub use value::{render, Num, Value};

/// Parse and check `src` in `scope`: a ready-to-evaluate expression and its type.
pub fn compile(src: &str, scope: &mut Scope) -> Result<(Expr, Type), DslError> {
    let mut e = parse(src)?;
    let t = check(&mut e, scope)?;
    Ok((e, t))
}

/// The generated part of docs/rules.md: fields and functions, from the tables the checker uses.
pub fn reference_markdown() -> String {
    format!(
        "### Fields\n\n{}\n{}",
        types::markdown(),
        functions::markdown()
    )
}
