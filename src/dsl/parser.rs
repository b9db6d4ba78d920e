//! Pest pairs → [`Expr`], once. One builder function per grammar rule, named after it; a pair of
//! an unexpected rule is an error, never a panic.

use super::ast::{BinOp, Expr, ExprKind, ExprSpan, Ident, Lit, Slot, UnOp};
use super::error::{DslError, DslErrorKind};
use super::Pattern;
use chrono::NaiveDate;
use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use pest::Parser as _;
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::LazyLock;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/rule.pest"]
struct RuleParser;

/// Deepest nesting of brackets, calls and prefix operators an expression may have. Deeper input is
/// rejected before pest sees it, so that no input can exhaust the stack.
pub const MAX_DEPTH: usize = 64;

type Parsed<T> = Result<T, DslError>;

/// Lowest precedence first.
static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::op_or, Assoc::Left))
        .op(Op::infix(Rule::op_and, Assoc::Left))
        .op(Op::prefix(Rule::op_not))
        .op(Op::infix(Rule::op_eq, Assoc::Left)
            | Op::infix(Rule::op_ne, Assoc::Left)
            | Op::infix(Rule::op_lt, Assoc::Left)
            | Op::infix(Rule::op_le, Assoc::Left)
            | Op::infix(Rule::op_gt, Assoc::Left)
            | Op::infix(Rule::op_ge, Assoc::Left))
        .op(Op::infix(Rule::op_add, Assoc::Left) | Op::infix(Rule::op_sub, Assoc::Left))
        .op(Op::infix(Rule::op_mul, Assoc::Left) | Op::infix(Rule::op_div, Assoc::Left))
        .op(Op::prefix(Rule::op_neg))
        .op(Op::postfix(Rule::member) | Op::postfix(Rule::index))
});

/// Parse one expression. Regexes are compiled here; names are resolved later by the checker. An
/// expression of a built-in pack comes parsed from build.rs (dsl/baked.rs).
pub fn parse(src: &str) -> Parsed<Expr> {
    match super::baked::expr(src) {
        Some(e) => Ok(e),
        None => parse_text(src),
    }
}

/// Parse one expression with pest.
pub fn parse_text(src: &str) -> Parsed<Expr> {
    check_depth(src)?;
    let mut pairs = RuleParser::parse(Rule::root, src).map_err(|e| syntax_error(src, &e))?;
    let root = pairs.next().ok_or_else(|| unexpected_end(src))?;
    let inner = root
        .into_inner()
        .next()
        .ok_or_else(|| unexpected_end(src))?;
    expr(inner)
}

/// Brackets outside string literals, on the raw text: deeper than [`MAX_DEPTH`] is refused
/// before pest recurses; an unclosed one explains a parse error at the end of the input.
struct Brackets {
    too_deep: Option<usize>,
    unclosed: Option<usize>,
}

fn brackets(src: &str) -> Brackets {
    let mut open = Vec::new();
    let mut too_deep = None;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in src.char_indices() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                '"' | '\'' => quote = Some(c),
                '(' | '[' => {
                    open.push(i);
                    if open.len() > MAX_DEPTH && too_deep.is_none() {
                        too_deep = Some(i);
                    }
                }
                ')' | ']' => {
                    open.pop();
                }
                _ => {}
            },
        }
    }
    Brackets {
        too_deep,
        unclosed: open.first().copied(),
    }
}

fn check_depth(src: &str) -> Parsed<()> {
    match brackets(src).too_deep {
        Some(i) => Err(too_deep(ExprSpan::new(i, i + 1))),
        None => Ok(()),
    }
}

fn too_deep(span: ExprSpan) -> DslError {
    DslError::new(DslErrorKind::TooDeep { max: MAX_DEPTH }, span)
}

fn unexpected_end(src: &str) -> DslError {
    syntax(ExprSpan::new(src.len(), src.len()), "an expression")
}

fn syntax(span: ExprSpan, expected: &str) -> DslError {
    DslError::new(
        DslErrorKind::Syntax {
            expected: expected.to_string(),
        },
        span,
    )
}

/// A pair the grammar should not produce here: a grammar/builder mismatch, reported, not panicked on.
fn surprise(pair: &Pair<'_, Rule>) -> DslError {
    syntax(pair.as_span().into(), human(pair.as_rule()))
}

fn syntax_error(src: &str, e: &pest::error::Error<Rule>) -> DslError {
    use pest::error::{ErrorVariant, InputLocation};
    let at = match e.location {
        InputLocation::Pos(p) | InputLocation::Span((p, _)) => p,
    };
    let end = src[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    if at == src.len() {
        if let Some(open) = brackets(src).unclosed {
            let c = &src[open..open + 1];
            let kind = DslErrorKind::Syntax {
                expected: format!("`{}` to close this `{c}`", if c == "(" { ")" } else { "]" }),
            };
            return DslError::new(kind, ExprSpan::new(open, open + 1));
        }
    }
    let expected = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } if !positives.is_empty() => {
            let mut names: Vec<&str> = positives.iter().map(|r| category(*r)).collect();
            names.sort_unstable();
            names.dedup();
            match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                _ => names.concat(),
            }
        }
        ErrorVariant::ParsingError { .. } => "an operator or the end of the expression".into(),
        ErrorVariant::CustomError { message } => message.clone(),
    };
    syntax(ExprSpan::new(at, end), &expected)
}

/// What an error says is expected instead of a rule: operands and operators are grouped.
fn category(rule: Rule) -> &'static str {
    match rule {
        Rule::op_or
        | Rule::op_and
        | Rule::op_eq
        | Rule::op_ne
        | Rule::op_le
        | Rule::op_ge
        | Rule::op_lt
        | Rule::op_gt
        | Rule::op_add
        | Rule::op_sub
        | Rule::op_mul
        | Rule::op_div
        | Rule::member
        | Rule::index
        | Rule::infix
        | Rule::postfix => "an operator",
        Rule::op_not
        | Rule::op_neg
        | Rule::prefix
        | Rule::paren
        | Rule::list
        | Rule::call
        | Rule::date
        | Rule::percent
        | Rule::number
        | Rule::string
        | Rule::regex
        | Rule::boolean
        | Rule::null
        | Rule::ident => "an expression",
        other => human(other),
    }
}

/// What each grammar rule is called in messages.
fn human(rule: Rule) -> &'static str {
    match rule {
        Rule::EOI => "end of expression",
        Rule::WHITESPACE => "whitespace",
        Rule::root | Rule::expr | Rule::operand | Rule::primary | Rule::arg => "an expression",
        Rule::infix => "an operator",
        Rule::prefix => "`not` or `-`",
        Rule::postfix => "`.field` or `[index]`",
        Rule::op_or => "`or`",
        Rule::op_and => "`and`",
        Rule::op_not => "`not`",
        Rule::op_eq => "`==`",
        Rule::op_ne => "`!=`",
        Rule::op_le => "`<=`",
        Rule::op_ge => "`>=`",
        Rule::op_lt => "`<`",
        Rule::op_gt => "`>`",
        Rule::op_add => "`+`",
        Rule::op_sub => "`-`",
        Rule::op_mul => "`*`",
        Rule::op_div => "`/`",
        Rule::op_neg => "`-`",
        Rule::member => "`.field`",
        Rule::index => "`[index]`",
        Rule::paren => "`(`",
        Rule::list => "a list `[…]`",
        Rule::call => "a function call",
        Rule::lambda => "a lambda `x => …`",
        Rule::date => "a date",
        Rule::percent => "a percentage",
        Rule::number | Rule::decimal => "a number",
        Rule::string | Rule::dq_inner | Rule::sq_inner => "a string",
        Rule::regex | Rule::regex_inner => "a regex `/…/`",
        Rule::boolean => "`true` or `false`",
        Rule::null => "`null`",
        Rule::ident | Rule::ident_start | Rule::ident_char | Rule::keyword | Rule::alias => {
            "a name"
        }
    }
}

/// `expr`: fold operands and operators by precedence.
fn expr(pair: Pair<'_, Rule>) -> Parsed<Expr> {
    check_prefix_runs(pair.clone().into_inner())?;
    PRATT
        .map_primary(primary)
        .map_prefix(|op, rhs| {
            let rhs = rhs?;
            let un = match op.as_rule() {
                Rule::op_not => UnOp::Not,
                Rule::op_neg => UnOp::Neg,
                _ => return Err(surprise(&op)),
            };
            let span = ExprSpan::from(op.as_span()).cover(rhs.span);
            Ok(node(ExprKind::Unary(un, Box::new(rhs)), span))
        })
        .map_postfix(|lhs, op| {
            let lhs = lhs?;
            let span = lhs.span.cover(op.as_span().into());
            match op.as_rule() {
                Rule::member => {
                    let field = member(op)?;
                    Ok(node(ExprKind::Member(Box::new(lhs), field, None), span))
                }
                Rule::index => {
                    let i = index(op)?;
                    Ok(node(ExprKind::Index(Box::new(lhs), Box::new(i)), span))
                }
                _ => Err(surprise(&op)),
            }
        })
        .map_infix(|lhs, op, rhs| {
            let (lhs, rhs) = (lhs?, rhs?);
            let bin = binop(&op)?;
            let span = lhs.span.cover(rhs.span);
            Ok(node(
                ExprKind::Binary(bin, Box::new(lhs), Box::new(rhs)),
                span,
            ))
        })
        .parse(pair.into_inner())
}

/// The PrattParser recurses once per prefix operator: cap runs like `not not not …`.
fn check_prefix_runs(pairs: Pairs<'_, Rule>) -> Parsed<()> {
    let mut run = 0;
    for p in pairs {
        if matches!(p.as_rule(), Rule::op_not | Rule::op_neg) {
            run += 1;
            if run > MAX_DEPTH {
                return Err(too_deep(p.as_span().into()));
            }
        } else {
            run = 0;
        }
    }
    Ok(())
}

fn binop(op: &Pair<'_, Rule>) -> Parsed<BinOp> {
    Ok(match op.as_rule() {
        Rule::op_or => BinOp::Or,
        Rule::op_and => BinOp::And,
        Rule::op_eq => BinOp::Eq,
        Rule::op_ne => BinOp::Ne,
        Rule::op_lt => BinOp::Lt,
        Rule::op_le => BinOp::Le,
        Rule::op_gt => BinOp::Gt,
        Rule::op_ge => BinOp::Ge,
        Rule::op_add => BinOp::Add,
        Rule::op_sub => BinOp::Sub,
        Rule::op_mul => BinOp::Mul,
        Rule::op_div => BinOp::Div,
        _ => return Err(surprise(op)),
    })
}

fn node(kind: ExprKind, span: ExprSpan) -> Expr {
    Expr { kind, span }
}

fn lit(l: Lit, pair: &Pair<'_, Rule>) -> Expr {
    node(ExprKind::Lit(l), pair.as_span().into())
}

fn primary(pair: Pair<'_, Rule>) -> Parsed<Expr> {
    match pair.as_rule() {
        Rule::paren => paren(pair),
        Rule::list => list(pair),
        Rule::call => call(pair),
        Rule::ident => {
            let id = ident(&pair);
            let span = id.span;
            Ok(node(ExprKind::Var(id, Slot::Unresolved), span))
        }
        Rule::date => date(pair),
        Rule::percent => percent(pair),
        Rule::number => number(pair),
        Rule::string => string(pair),
        Rule::regex => regex(pair),
        Rule::boolean => Ok(lit(Lit::Bool(pair.as_str() == "true"), &pair)),
        Rule::null => Ok(lit(Lit::Null, &pair)),
        _ => Err(surprise(&pair)),
    }
}

/// The single inner pair of `pair`.
fn only(pair: Pair<'_, Rule>) -> Parsed<Pair<'_, Rule>> {
    let err = surprise(&pair);
    pair.into_inner().next().ok_or(err)
}

fn paren(pair: Pair<'_, Rule>) -> Parsed<Expr> {
    let span: ExprSpan = pair.as_span().into();
    let mut e = expr(only(pair)?)?;
    // The parentheses belong to the node, so that carets cover them.
    e.span = span;
    Ok(e)
}

fn list(pair: Pair<'_, Rule>) -> Parsed<Expr> {
    let span = pair.as_span().into();
    let items = pair.into_inner().map(expr).collect::<Parsed<_>>()?;
    Ok(node(ExprKind::List(items), span))
}

fn call(pair: Pair<'_, Rule>) -> Parsed<Expr> {
    let span = pair.as_span().into();
    let mut inner = pair.into_inner();
    let name = match inner.next() {
        Some(p) if p.as_rule() == Rule::ident => ident(&p),
        Some(p) => return Err(surprise(&p)),
        None => return Err(syntax(span, "a function name")),
    };
    let args = inner
        .map(|a| match a.as_rule() {
            Rule::lambda => lambda(a),
            Rule::expr => expr(a),
            _ => Err(surprise(&a)),
        })
        .collect::<Parsed<_>>()?;
    Ok(node(ExprKind::Call(name, args, None), span))
}

fn lambda(pair: Pair<'_, Rule>) -> Parsed<Expr> {
    let span = pair.as_span().into();
    let err = surprise(&pair);
    let mut inner = pair.into_inner();
    let (Some(param), Some(body)) = (inner.next(), inner.next()) else {
        return Err(err);
    };
    let body = expr(body)?;
    Ok(node(
        ExprKind::Lambda(ident(&param), Box::new(body), Slot::Unresolved),
        span,
    ))
}

fn member(pair: Pair<'_, Rule>) -> Parsed<Ident> {
    Ok(ident(&only(pair)?))
}

fn index(pair: Pair<'_, Rule>) -> Parsed<Expr> {
    expr(only(pair)?)
}

fn ident(pair: &Pair<'_, Rule>) -> Ident {
    Ident {
        name: pair.as_str().to_string(),
        span: pair.as_span().into(),
    }
}

fn date(pair: Pair<'_, Rule>) -> Parsed<Expr> {
    let s = pair.as_str();
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| DslError::new(DslErrorKind::BadDate(s.to_string()), pair.as_span().into()))?;
    Ok(lit(Lit::Date(d), &pair))
}

fn decimal(pair: &Pair<'_, Rule>, text: &str) -> Parsed<Decimal> {
    Decimal::from_str(text).map_err(|_| {
        DslError::new(
            DslErrorKind::BadNumber(pair.as_str().to_string()),
            pair.as_span().into(),
        )
    })
}

fn percent(pair: Pair<'_, Rule>) -> Parsed<Expr> {
    let s = pair.as_str();
    let value = decimal(&pair, s.trim_end_matches('%'))?;
    Ok(lit(
        Lit::Number {
            value,
            percent: true,
        },
        &pair,
    ))
}

fn number(pair: Pair<'_, Rule>) -> Parsed<Expr> {
    let value = decimal(&pair, pair.as_str())?;
    Ok(lit(
        Lit::Number {
            value,
            percent: false,
        },
        &pair,
    ))
}

fn string(pair: Pair<'_, Rule>) -> Parsed<Expr> {
    let span = pair.as_span().into();
    let inner = only(pair)?;
    Ok(node(
        ExprKind::Lit(Lit::Str(unescape(inner.as_str()))),
        span,
    ))
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn regex(pair: Pair<'_, Rule>) -> Parsed<Expr> {
    let span: ExprSpan = pair.as_span().into();
    let inner = only(pair)?;
    let re = Pattern::new(inner.as_str()).map_err(|e| {
        // A syntax error repeats the pattern with a caret; its last line says what is wrong.
        let last = e.lines().last().unwrap_or_default();
        let detail = last.trim_start_matches("error: ").to_string();
        DslError::new(DslErrorKind::BadRegex(detail), span)
    })?;
    Ok(node(ExprKind::Lit(Lit::Regex(re)), span))
}
