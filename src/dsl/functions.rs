//! The function table: every DSL function is ONE [`FuncDef`] entry holding its name, group,
//! signatures with their docs, an example and its implementation. The checker resolves calls
//! against it, the evaluator runs `eval`, `docs/rules.md` is generated from it (a test keeps them
//! equal) and every example is parsed and checked by a test. Adding a function touches one place:
//! one entry in the group's file (text.rs, scope.rs, facts.rs, collections.rs, scalars.rs), or a new group
//! file listed in [`TABLES`].
//!
//! The entry shape:
//!
//! ```ignore
//! FuncDef {
//!     name: "near",
//!     group: Group::Text,
//!     sigs: &[sig("near(x, pattern, chars)",            // as shown in the docs
//!                 &[P::Text, P::Pattern, P::Is(T::Number)], // what each argument accepts
//!                 R::Is(T::Bool), "bool",                // result type, and as documented
//!                 "pattern occurs within …")],           // the docs' meaning column
//!     example: "any(find(/不足/), m => near(m, /原因/, 50))", // a complete check
//!     eval: Eval::Strict(|c| { … }),                     // the implementation
//! }
//! ```
//!
//! `Eval::Strict` gets a [`Call`]: the arguments already evaluated (`c.vals`; a missing argument
//! makes the result missing before `eval` runs) with helpers to read them (`c.rx(i)`,
//! `c.number(i)`, `c.text(i)`, …) and the evaluator (`c.ev`) for the report and evidence
//! (`c.ev.note(&v)`). `Eval::Lazy` gets the evaluator and the unevaluated arguments, for functions
//! that decide themselves what to evaluate (quantifiers, `exists`, `inside`).

mod call;
mod collections;
mod dictionaries;
mod facts;
mod scalars;
mod scope;
mod text;

pub use call::Call;

use super::ast::{Expr, ExprSpan};
use super::eval::{EvalError, Evaluator};
use super::types::Type;
use super::value::Value;

/// Every group's entries; a new group file adds its table here.
pub static TABLES: &[&[FuncDef]] = &[
    text::FUNCTIONS,
    scope::FUNCTIONS,
    facts::FUNCTIONS,
    collections::FUNCTIONS,
    scalars::FUNCTIONS,
    dictionaries::FUNCTIONS,
];

/// A resolved function: the entry a call refers to (set on the AST by the checker).
#[derive(Clone, Copy)]
pub struct Func(pub &'static FuncDef);

impl std::fmt::Debug for Func {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.name)
    }
}

impl PartialEq for Func {
    fn eq(&self, other: &Self) -> bool {
        self.0.name == other.0.name
    }
}

/// What an argument position accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    Is(Type),
    /// A regex, or a string literal (compiled to an escaped regex at load).
    Pattern,
    /// String, section, sentence, match or fact: something with text.
    Text,
    /// Any list.
    List,
    /// A lambda over the list's elements whose body has this type (`any` = unconstrained).
    Lambda(Type),
    Anything,
}

/// How the result type follows from the argument types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Returns {
    Is(Type),
    /// The element type of the first argument.
    Elem,
    /// The type of the first argument.
    First,
    /// A list of the lambda body's type.
    ListOfBody,
}

pub struct Signature {
    /// As shown in the docs, e.g. `contains(x, pattern)`.
    pub text: &'static str,
    pub params: &'static [Param],
    pub returns: Returns,
    /// Shown in the docs' "returns" column.
    pub returns_doc: &'static str,
    pub doc: &'static str,
}

pub type Evaluated<'a> = Result<Value<'a>, EvalError>;

/// How a function runs.
#[derive(Clone, Copy)]
pub enum Eval {
    /// Arguments evaluated first; any missing one makes the result missing.
    Strict(for<'e, 'a> fn(&mut Call<'e, 'a>) -> Evaluated<'a>),
    /// The evaluator, the unevaluated arguments and the call's span.
    Lazy(for<'e, 'a> fn(&'e mut Evaluator<'a>, &'a [Expr], ExprSpan) -> Evaluated<'a>),
}

pub struct FuncDef {
    pub name: &'static str,
    pub group: Group,
    pub sigs: &'static [Signature],
    /// A complete check using the function; a test parses and type-checks every one.
    pub example: &'static str,
    pub eval: Eval,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Text,
    Facts,
    Collections,
    Scalars,
    Dictionaries,
}

impl Group {
    pub fn heading(self) -> &'static str {
        match self {
            Group::Text => "Sections and text",
            Group::Facts => "Facts",
            Group::Collections => "Collections",
            Group::Scalars => "Numbers, strings and dates",
            Group::Dictionaries => "Dictionaries",
        }
    }
}

pub const fn sig(
    text: &'static str,
    params: &'static [Param],
    returns: Returns,
    returns_doc: &'static str,
    doc: &'static str,
) -> Signature {
    Signature {
        text,
        params,
        returns,
        returns_doc,
        doc,
    }
}

/// Every function, in table order.
pub fn all() -> impl Iterator<Item = &'static FuncDef> {
    TABLES.iter().flat_map(|t| t.iter())
}

pub fn lookup(name: &str) -> Option<&'static FuncDef> {
    all().find(|f| f.name == name)
}

/// The docs' function reference, one table per group; docs/rules.md holds this text verbatim.
pub fn markdown() -> String {
    let mut out = String::new();
    for group in [
        Group::Text,
        Group::Facts,
        Group::Collections,
        Group::Scalars,
        Group::Dictionaries,
    ] {
        out.push_str(&format!("### {}\n\n", group.heading()));
        out.push_str("| function | returns | meaning | example |\n|---|---|---|---|\n");
        for f in all().filter(|f| f.group == group) {
            for (i, s) in f.sigs.iter().enumerate() {
                let example = if i == 0 {
                    format!("`{}`", f.example.replace('|', "\\|"))
                } else {
                    String::new()
                };
                out.push_str(&format!(
                    "| `{}` | {} | {} | {} |\n",
                    s.text,
                    s.returns_doc,
                    s.doc.replace('|', "\\|"),
                    example
                ));
            }
        }
        out.push('\n');
    }
    out
}
