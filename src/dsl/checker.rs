//! Static checks at load: names, fields, arity and types. Fills in what each name resolves to, and
//! turns string patterns into escaped regexes, so that evaluation does no lookup and no compiling.

use super::ast::{BinOp, Expr, ExprKind, ExprSpan, Lit, Slot, UnOp};
use super::error::{suggest, DslError, DslErrorKind};
use super::functions::{self, FuncDef, Param, Returns, Signature};
use super::types::{self, Field, Type};
use super::Pattern;

/// The names an expression may use: the roots, the pack's params, the visible `let` values.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Pack parameters and their types; `params.NAME` resolves to an index here.
    pub params: Vec<(String, Type)>,
    /// `let` values visible to the expression, in stack order.
    pub lets: Vec<(String, Type)>,
    /// Lambda parameters while checking a lambda body.
    locals: Vec<(String, Type)>,
}

impl Scope {
    pub fn new(params: Vec<(String, Type)>) -> Self {
        Scope {
            params,
            ..Scope::default()
        }
    }

    fn resolve(&self, name: &str) -> Option<(Slot, Type)> {
        if let Some(i) = self.locals.iter().rposition(|(n, _)| n == name) {
            return Some((Slot::Stack(self.lets.len() + i), self.locals[i].1));
        }
        if let Some(i) = self.lets.iter().rposition(|(n, _)| n == name) {
            return Some((Slot::Stack(i), self.lets[i].1));
        }
        match name {
            "meta" => Some((Slot::Meta, Type::Meta)),
            "params" => Some((Slot::Params, Type::Params)),
            _ => None,
        }
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.locals
            .iter()
            .chain(&self.lets)
            .map(|(n, _)| n.as_str())
            .chain(["meta", "params"])
    }
}

fn err(kind: DslErrorKind, span: ExprSpan) -> DslError {
    DslError::new(kind, span)
}

fn type_err(expected: impl ToString, found: Type, span: ExprSpan) -> DslError {
    err(
        DslErrorKind::Type {
            expected: expected.to_string(),
            found: found.to_string(),
        },
        span,
    )
}

/// Check `e` in `scope` and return its type.
pub fn check(e: &mut Expr, scope: &mut Scope) -> Result<Type, DslError> {
    let span = e.span;
    match &mut e.kind {
        ExprKind::Lit(Lit::Number { .. }) => Ok(Type::Number),
        ExprKind::Lit(Lit::Str(_)) => Ok(Type::String),
        ExprKind::Lit(Lit::Regex(_)) => Ok(Type::Regex),
        ExprKind::Lit(Lit::Date(_)) => Ok(Type::Date),
        ExprKind::Lit(Lit::Bool(_)) => Ok(Type::Bool),
        ExprKind::Lit(Lit::Null) => Ok(Type::Null),
        ExprKind::List(items) => {
            let mut elem = Type::Null;
            for item in items {
                let t = check(item, scope)?;
                if !elem.accepts(t) {
                    return Err(type_err(
                        format!("{elem} like the other items"),
                        t,
                        item.span,
                    ));
                }
                if elem == Type::Null {
                    elem = t;
                }
            }
            Ok(Type::list_of(if elem == Type::Null {
                Type::Any
            } else {
                elem
            }))
        }
        ExprKind::Var(id, slot) => {
            let (s, t) = scope.resolve(&id.name).ok_or_else(|| {
                err(
                    DslErrorKind::UnknownVariable {
                        name: id.name.clone(),
                        suggestion: suggest(&id.name, scope.names()),
                    },
                    id.span,
                )
            })?;
            *slot = s;
            Ok(t)
        }
        ExprKind::Member(target, name, field) => {
            let owner = check(target, scope)?;
            let (f, t) = resolve_field(owner, &name.name, scope).ok_or_else(|| {
                let suggestion = if owner == Type::Params {
                    suggest(&name.name, scope.params.iter().map(|(n, _)| n.as_str()))
                } else {
                    suggest(&name.name, types::field_names(owner))
                };
                err(
                    DslErrorKind::UnknownField {
                        ty: owner.to_string(),
                        name: name.name.clone(),
                        suggestion,
                    },
                    name.span,
                )
            })?;
            *field = Some(f);
            Ok(t)
        }
        ExprKind::Index(target, i) => {
            let t = check(target, scope)?;
            if !matches!(t, Type::List(_) | Type::Any | Type::Null) {
                return Err(type_err("a list", t, target.span));
            }
            let it = check(i, scope)?;
            if !Type::Number.accepts(it) {
                return Err(type_err(Type::Number, it, i.span));
            }
            Ok(t.elem())
        }
        ExprKind::Call(name, args, func) => {
            let def = functions::lookup(&name.name).ok_or_else(|| {
                err(
                    DslErrorKind::UnknownFunction {
                        name: name.name.clone(),
                        suggestion: suggest(&name.name, functions::all().map(|f| f.name)),
                    },
                    name.span,
                )
            })?;
            *func = Some(functions::Func(def));
            check_call(def, args, scope, span)
        }
        ExprKind::Lambda(..) => Err(err(DslErrorKind::MisplacedLambda, span)),
        ExprKind::Unary(op, operand) => {
            let t = check(operand, scope)?;
            let want = match op {
                UnOp::Not => Type::Bool,
                UnOp::Neg => Type::Number,
            };
            if !want.accepts(t) {
                return Err(type_err(want, t, operand.span));
            }
            Ok(want)
        }
        ExprKind::Binary(op, a, b) => {
            let ta = check(a, scope)?;
            let tb = check(b, scope)?;
            check_binary(*op, (ta, a.span), (tb, b.span))
        }
    }
}

fn resolve_field(owner: Type, name: &str, scope: &Scope) -> Option<(Field, Type)> {
    if owner == Type::Params {
        let i = scope.params.iter().position(|(n, _)| n == name)?;
        return Some((Field::Param(i), scope.params[i].1));
    }
    types::field(owner, name).map(|f| (f.field, f.ty))
}

fn check_binary(
    op: BinOp,
    (ta, sa): (Type, ExprSpan),
    (tb, sb): (Type, ExprSpan),
) -> Result<Type, DslError> {
    let same = |want: &[Type]| -> Result<(), DslError> {
        let fits = |t: Type| matches!(t, Type::Any | Type::Null) || want.contains(&t);
        let names = want
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join(" or ");
        if !fits(ta) {
            return Err(type_err(&names, ta, sa));
        }
        if !fits(tb) {
            return Err(type_err(&names, tb, sb));
        }
        if !ta.accepts(tb) {
            return Err(type_err(ta, tb, sb));
        }
        Ok(())
    };
    match op {
        BinOp::Or | BinOp::And => same(&[Type::Bool]).map(|_| Type::Bool),
        BinOp::Eq | BinOp::Ne => {
            if ta.accepts(tb) {
                Ok(Type::Bool)
            } else {
                Err(type_err(ta, tb, sb))
            }
        }
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            same(&[Type::Number, Type::Date]).map(|_| Type::Bool)
        }
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
            same(&[Type::Number]).map(|_| Type::Number)
        }
    }
}

/// Pick the first signature the arguments fit, then check lambdas and patterns against it.
fn check_call(
    def: &FuncDef,
    args: &mut [Expr],
    scope: &mut Scope,
    span: ExprSpan,
) -> Result<Type, DslError> {
    let arities: Vec<&Signature> = def
        .sigs
        .iter()
        .filter(|s| s.params.len() == args.len())
        .collect();
    if arities.is_empty() {
        let mut counts: Vec<String> = def
            .sigs
            .iter()
            .map(|s| s.params.len().to_string())
            .collect();
        counts.dedup();
        return Err(err(
            DslErrorKind::Arity {
                name: def.name.to_string(),
                expected: counts.join(" or "),
                found: args.len(),
            },
            span,
        ));
    }
    // Types of the plain arguments; a lambda's type depends on the signature.
    let mut found: Vec<Option<Type>> = Vec::with_capacity(args.len());
    for a in args.iter_mut() {
        found.push(match a.kind {
            ExprKind::Lambda(..) => None,
            _ => Some(check(a, scope)?),
        });
    }
    let sig = arities
        .iter()
        .find(|s| s.params.iter().zip(&found).all(|(p, t)| fits(*p, *t)))
        .ok_or_else(|| no_signature(def, args, &found, span))?;
    let mut body = Type::Any;
    for (i, (p, a)) in sig.params.iter().zip(args.iter_mut()).enumerate() {
        match p {
            Param::Pattern if found[i] == Some(Type::String) => literal_pattern(a)?,
            Param::Lambda(want) => {
                let elem = found
                    .first()
                    .copied()
                    .flatten()
                    .map_or(Type::Any, Type::elem);
                body = check_lambda(a, elem, *want, scope)?;
            }
            _ => {}
        }
    }
    Ok(match sig.returns {
        Returns::Is(t) => t,
        Returns::Elem => found[0].map_or(Type::Any, Type::elem),
        Returns::First => found[0].unwrap_or(Type::Any),
        Returns::ListOfBody => Type::list_of(body),
    })
}

fn fits(p: Param, t: Option<Type>) -> bool {
    match (p, t) {
        (Param::Lambda(_), None) => true,
        (_, None) | (Param::Lambda(_), Some(_)) => false,
        (Param::Is(want), Some(t)) => want.accepts(t),
        (Param::Pattern, Some(t)) => {
            matches!(t, Type::Regex | Type::String | Type::Any | Type::Null)
        }
        (Param::Text, Some(t)) => t.is_text(),
        (Param::List, Some(t)) => matches!(t, Type::List(_) | Type::Any | Type::Null),
        (Param::Anything, Some(_)) => true,
    }
}

fn no_signature(def: &FuncDef, args: &[Expr], found: &[Option<Type>], span: ExprSpan) -> DslError {
    // With one signature, point at the first argument that does not fit.
    if let [only] = def.sigs {
        for ((p, t), a) in only.params.iter().zip(found).zip(args) {
            if !fits(*p, *t) {
                let expected = match p {
                    Param::Is(t) => t.to_string(),
                    Param::Pattern => "a regex or a string".into(),
                    Param::Text => "text (string, section, sentence, match or fact)".into(),
                    Param::List => "a list".into(),
                    Param::Lambda(_) => "a lambda `x => …`".into(),
                    Param::Anything => "a value".into(),
                };
                return match t {
                    Some(t) => type_err(expected, *t, a.span),
                    None => err(DslErrorKind::MisplacedLambda, a.span),
                };
            }
        }
    }
    let shown: Vec<String> = found
        .iter()
        .map(|t| t.map_or("lambda".to_string(), |t| t.to_string()))
        .collect();
    err(
        DslErrorKind::NoSignature {
            name: def.name.to_string(),
            found: shown.join(", "),
            signatures: def
                .sigs
                .iter()
                .map(|s| s.text)
                .collect::<Vec<_>>()
                .join(", "),
        },
        span,
    )
}

/// A string literal where a pattern is expected becomes a regex matching it literally.
fn literal_pattern(a: &mut Expr) -> Result<(), DslError> {
    match &a.kind {
        ExprKind::Lit(Lit::Str(s)) => {
            let re = Pattern::literal(s).map_err(|e| err(DslErrorKind::BadRegex(e), a.span))?;
            a.kind = ExprKind::Lit(Lit::Regex(re));
            Ok(())
        }
        _ => Err(err(DslErrorKind::DynamicPattern, a.span)),
    }
}

fn check_lambda(a: &mut Expr, elem: Type, want: Type, scope: &mut Scope) -> Result<Type, DslError> {
    let ExprKind::Lambda(param, body, slot) = &mut a.kind else {
        return Err(type_err("a lambda `x => …`", Type::Any, a.span));
    };
    *slot = Slot::Stack(scope.lets.len() + scope.locals.len());
    scope.locals.push((param.name.clone(), elem));
    let t = check(body, scope);
    scope.locals.pop();
    let t = t?;
    if !want.accepts(t) {
        return Err(type_err(want, t, body.span));
    }
    Ok(t)
}
