//! The typed syntax tree. Every node carries the byte span of its source in the expression; the
//! checker fills in what names resolve to, so evaluation never looks a name up. A tree as parsed
//! (before the checker) serializes: build.rs bakes the built-in packs' expressions (dsl/baked.rs).

use super::functions::Func;
use super::types::Field;
use super::Pattern;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A byte range into the expression text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct ExprSpan {
    pub start: usize,
    pub end: usize,
}

impl ExprSpan {
    pub fn new(start: usize, end: usize) -> Self {
        ExprSpan { start, end }
    }

    pub fn cover(self, other: ExprSpan) -> ExprSpan {
        ExprSpan::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<pest::Span<'_>> for ExprSpan {
    fn from(s: pest::Span<'_>) -> Self {
        ExprSpan::new(s.start(), s.end())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: ExprSpan,
}

/// A name as written, with its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ident {
    pub name: String,
    pub span: ExprSpan,
}

impl Expr {
    /// The parts of an `a and b and c` chain, left to right; the expression itself otherwise.
    pub fn conjuncts(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Binary(BinOp::And, l, r) => {
                let mut parts = l.conjuncts();
                parts.extend(r.conjuncts());
                parts
            }
            _ => vec![self],
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ExprKind {
    Lit(Lit),
    List(Vec<Expr>),
    /// A name; `slot` is set by the checker.
    Var(Ident, Slot),
    /// `x.field`; `field` is set by the checker.
    Member(Box<Expr>, Ident, #[serde(skip)] Option<Field>),
    Index(Box<Expr>, Box<Expr>),
    /// `f(args)`; `func` is set by the checker.
    Call(Ident, Vec<Expr>, #[serde(skip)] Option<Func>),
    /// `x => body`, only as a call argument; the parameter's slot is set by the checker.
    Lambda(Ident, Box<Expr>, Slot),
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Lit {
    /// `percent` remembers a `%` literal so that messages print it back as written.
    Number {
        #[serde(with = "rust_decimal::serde::str")]
        value: Decimal,
        percent: bool,
    },
    Str(String),
    /// Checked when the expression is parsed, built on first use.
    Regex(Pattern),
    Date(NaiveDate),
    Bool(bool),
    Null,
}

/// Where a name's value lives at evaluation time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Slot {
    #[default]
    Unresolved,
    Meta,
    Params,
    /// Index into the evaluation stack: `let` values first, then lambda parameters.
    Stack(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnOp {
    Not,
    Neg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

impl BinOp {
    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Or => "or",
            BinOp::And => "and",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }

    /// Binding strength, as in the PrattParser; used to print only the parentheses needed.
    fn precedence(self) -> u8 {
        match self {
            BinOp::Or => 1,
            BinOp::And => 2,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 4,
            BinOp::Add | BinOp::Sub => 5,
            BinOp::Mul | BinOp::Div => 6,
        }
    }
}

const NOT_PRECEDENCE: u8 = 3;
const NEG_PRECEDENCE: u8 = 7;
const ATOM_PRECEDENCE: u8 = 8;

impl Expr {
    fn precedence(&self) -> u8 {
        match &self.kind {
            ExprKind::Binary(op, ..) => op.precedence(),
            ExprKind::Unary(UnOp::Not, _) => NOT_PRECEDENCE,
            ExprKind::Unary(UnOp::Neg, _) => NEG_PRECEDENCE,
            ExprKind::Lambda(..) => 0,
            _ => ATOM_PRECEDENCE,
        }
    }
}

/// Writes `e`, parenthesised when it binds more loosely than its context requires.
fn operand(f: &mut fmt::Formatter<'_>, e: &Expr, min: u8) -> fmt::Result {
    if e.precedence() < min {
        write!(f, "({e})")
    } else {
        write!(f, "{e}")
    }
}

fn comma_list(f: &mut fmt::Formatter<'_>, items: &[Expr]) -> fmt::Result {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{e}")?;
    }
    Ok(())
}

/// Prints the expression back in canonical form; parsing the output gives the same tree.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ExprKind::Lit(lit) => write!(f, "{lit}"),
            ExprKind::List(items) => {
                f.write_str("[")?;
                comma_list(f, items)?;
                f.write_str("]")
            }
            ExprKind::Var(id, _) => f.write_str(&id.name),
            ExprKind::Member(e, field, _) => {
                operand(f, e, ATOM_PRECEDENCE)?;
                write!(f, ".{}", field.name)
            }
            ExprKind::Index(e, i) => {
                operand(f, e, ATOM_PRECEDENCE)?;
                write!(f, "[{i}]")
            }
            ExprKind::Call(name, args, _) => {
                write!(f, "{}(", name.name)?;
                comma_list(f, args)?;
                f.write_str(")")
            }
            ExprKind::Lambda(param, body, _) => write!(f, "{} => {body}", param.name),
            ExprKind::Unary(UnOp::Not, e) => {
                f.write_str("not ")?;
                operand(f, e, NOT_PRECEDENCE)
            }
            ExprKind::Unary(UnOp::Neg, e) => {
                f.write_str("-")?;
                operand(f, e, NEG_PRECEDENCE)
            }
            ExprKind::Binary(op, a, b) => {
                let p = op.precedence();
                operand(f, a, p)?;
                write!(f, " {} ", op.as_str())?;
                // Left-associative: a right operand of the same strength needs parentheses.
                operand(f, b, p + 1)
            }
        }
    }
}

impl fmt::Display for Lit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lit::Number { value, percent } => {
                write!(f, "{}", value.normalize())?;
                if *percent {
                    f.write_str("%")?;
                }
                Ok(())
            }
            Lit::Str(s) => write!(f, "{s:?}"),
            Lit::Regex(r) => write!(f, "/{}/", r.as_str()),
            Lit::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Lit::Bool(b) => write!(f, "{b}"),
            Lit::Null => f.write_str("null"),
        }
    }
}
