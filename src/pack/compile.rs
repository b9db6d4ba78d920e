//! [`PackFile`] → [`Pack`]: parse and check every expression once, locating errors in the YAML.

use super::error::{PackError, PackErrorKind, YamlSource};
use super::rule::{Pack, Rule};
use super::spec::{OneOrMany, PackFile, ParamSpec, RuleSpec};
use crate::dsl::{self, Expr, ExprKind, ExprSpan, Lit, Scope, Template, Type};
use crate::engine::RuleInfo;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;
use std::sync::Arc;

/// A parsed pack file with its source, and parameter values that override the file's.
pub struct PackInput<'a> {
    pub file: PackFile,
    pub source: &'a YamlSource,
    /// Parameter values from the configuration, each with where it was written.
    pub overrides: Vec<ParamOverride<'a>>,
}

pub struct ParamOverride<'a> {
    pub name: String,
    pub value: ParamSpec,
    /// Where the override was written, to locate errors in the configuration file.
    pub source: &'a YamlSource,
    pub path: String,
}

impl<'a> PackInput<'a> {
    /// Read a pack file (a built-in one from its baked JSON); errors are located by serde_yaml.
    pub fn parse(source: &'a YamlSource) -> Result<Self, PackError> {
        Ok(PackInput {
            file: source.read()?,
            source,
            overrides: Vec::new(),
        })
    }
}

impl TryFrom<PackInput<'_>> for Pack {
    type Error = PackError;

    fn try_from(input: PackInput<'_>) -> Result<Self, PackError> {
        let src = input.source;
        let file = input.file;
        let (names, mut values) = params(src, &file.params)?;
        let mut types = Vec::with_capacity(values.len());
        for (i, v) in values.iter_mut().enumerate() {
            let path = format!("params.{}", names[i]);
            types.push(param_type(src, &path, &names[i], v)?);
        }
        for o in input.overrides {
            let Some(i) = names.iter().position(|n| *n == o.name) else {
                let suggestion = dsl::suggest(&o.name, names.iter().map(String::as_str));
                let kind = PackErrorKind::UnknownParam {
                    pack: file.pack.clone(),
                    name: o.name.clone(),
                    suggestion,
                };
                return Err(o.source.error_on(&o.path, true, kind, "no such parameter"));
            };
            let mut v = param_expr(&o.value).map_err(|detail| {
                o.source.error_on(
                    &o.path,
                    false,
                    PackErrorKind::Param {
                        name: o.name.clone(),
                        detail,
                    },
                    "bad value",
                )
            })?;
            let t = param_type(o.source, &o.path, &o.name, &mut v)?;
            if !types[i].accepts(t) {
                let detail = format!(
                    "the pack declares a {}, the configuration gives a {t}",
                    types[i]
                );
                return Err(o.source.error_on(
                    &o.path,
                    false,
                    PackErrorKind::Param {
                        name: o.name,
                        detail,
                    },
                    "wrong type",
                ));
            }
            values[i] = v;
        }
        let scope_params: Vec<(String, Type)> = names.iter().cloned().zip(types).collect();
        let values: Arc<[Expr]> = values.into();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut rules = Vec::with_capacity(file.rules.len());
        for (i, spec) in file.rules.into_iter().enumerate() {
            let at = |field: &str| format!("rules.{i}.{field}");
            if !spec.id.starts_with(&format!("{}/", file.pack)) {
                let kind = PackErrorKind::IdPrefix {
                    id: spec.id.clone(),
                    pack: file.pack.clone(),
                };
                return Err(src.error_on(&at("id"), false, kind, "rename the rule"));
            }
            if let Some(first) = seen.get(&spec.id) {
                let first_line = src.line_of(&format!("rules.{first}.id"));
                let kind = PackErrorKind::DuplicateId {
                    id: spec.id.clone(),
                    first_line,
                };
                return Err(src.error_on(&at("id"), false, kind, "duplicate id"));
            }
            seen.insert(spec.id.clone(), i);
            let mut scope = Scope::new(scope_params.clone());
            rules.push(rule(
                src,
                i,
                spec,
                (&file.pack, &file.title),
                &mut scope,
                values.clone(),
            )?);
        }
        Ok(Pack {
            id: file.pack,
            title: file.title,
            version: file.version,
            description: file.description,
            basis: OneOrMany::into_vec(file.basis),
            param_names: names,
            rules,
        })
    }
}

fn params(
    src: &YamlSource,
    specs: &BTreeMap<String, ParamSpec>,
) -> Result<(Vec<String>, Vec<Expr>), PackError> {
    let mut names = Vec::with_capacity(specs.len());
    let mut values = Vec::with_capacity(specs.len());
    for (name, spec) in specs {
        let v = param_expr(spec).map_err(|detail| {
            let kind = PackErrorKind::Param {
                name: name.clone(),
                detail,
            };
            src.error_on(&format!("params.{name}"), false, kind, "bad value")
        })?;
        names.push(name.clone());
        values.push(v);
    }
    Ok((names, values))
}

fn param_type(src: &YamlSource, path: &str, name: &str, v: &mut Expr) -> Result<Type, PackError> {
    let text = v.to_string();
    dsl::check(v, &mut Scope::default()).map_err(|e| src.dsl_error(path, name, &text, e))
}

fn lit(l: Lit) -> Expr {
    Expr {
        kind: ExprKind::Lit(l),
        span: ExprSpan::default(),
    }
}

/// A parameter's value as a literal expression.
fn param_expr(spec: &ParamSpec) -> Result<Expr, String> {
    use serde_yaml::Value as Y;
    Ok(match &spec.0 {
        Y::Bool(b) => lit(Lit::Bool(*b)),
        Y::Number(n) => lit(Lit::Number {
            value: Decimal::from_str(&n.to_string())
                .or_else(|_| Decimal::from_scientific(&n.to_string()))
                .map_err(|e| e.to_string())?,
            percent: false,
        }),
        Y::String(s) => match dsl::parse(s) {
            Ok(e) if is_literal(&e) => e,
            _ => lit(Lit::Str(s.clone())),
        },
        Y::Sequence(items) => Expr {
            kind: ExprKind::List(
                items
                    .iter()
                    .map(|i| param_expr(&ParamSpec(i.clone())))
                    .collect::<Result<_, _>>()?,
            ),
            span: ExprSpan::default(),
        },
        Y::Null => return Err("a parameter needs a value".into()),
        Y::Mapping(_) | Y::Tagged(_) => {
            return Err("expected a number, a string, a bool or a list".into())
        }
    })
}

fn is_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(_) => true,
        ExprKind::List(items) => items.iter().all(is_literal),
        ExprKind::Unary(dsl::UnOp::Neg, inner) => {
            matches!(inner.kind, ExprKind::Lit(Lit::Number { .. }))
        }
        _ => false,
    }
}

/// Compile one expression field of rule `i`, requiring a bool when `want_bool`.
fn expr(
    src: &YamlSource,
    i: usize,
    field: &str,
    text: &str,
    scope: &mut Scope,
    want_bool: bool,
) -> Result<(Expr, Type), PackError> {
    let path = format!("rules.{i}.{field}");
    let shown = format!("rules[{i}].{field}");
    let (e, t) = dsl::compile(text, scope).map_err(|e| src.dsl_error(&path, &shown, text, e))?;
    if want_bool && !Type::Bool.accepts(t) {
        let kind = PackErrorKind::NotBool {
            field: shown,
            found: t.to_string(),
        };
        return Err(src.error_on(&path, false, kind, "not a bool"));
    }
    Ok((e, t))
}

fn template(
    src: &YamlSource,
    i: usize,
    field: &str,
    text: &str,
    scope: &mut Scope,
) -> Result<Template, PackError> {
    let path = format!("rules.{i}.{field}");
    let shown = format!("rules[{i}].{field}");
    let mut t = Template::parse(text).map_err(|e| src.dsl_error(&path, &shown, text, e))?;
    t.check(scope)
        .map_err(|e| src.dsl_error(&path, &shown, text, e))?;
    Ok(t)
}

/// The reasons for `not_applicable`: one, or one per `and`-part of `when`.
fn not_applicable(
    src: &YamlSource,
    i: usize,
    spec: Option<OneOrMany>,
    when: Option<&Expr>,
    scope: &mut Scope,
) -> Result<Vec<Template>, PackError> {
    let reasons = match spec {
        None => return Ok(Vec::new()),
        Some(OneOrMany::One(text)) => {
            return Ok(vec![template(src, i, "not_applicable", &text, scope)?])
        }
        Some(OneOrMany::Many(reasons)) => reasons,
    };
    let parts = when.map_or(0, |w| w.conjuncts().len());
    if reasons.len() != parts {
        let kind = PackErrorKind::Schema(format!(
            "`not_applicable` 列出了 {} 条原因，`when` 却有 {parts} 个 and 分句（每个分句一条原因）",
            reasons.len()
        ));
        return Err(src.error_on(
            &format!("rules.{i}.not_applicable"),
            false,
            kind,
            "原因条数不符",
        ));
    }
    reasons
        .iter()
        .enumerate()
        .map(|(k, text)| template(src, i, &format!("not_applicable.{k}"), text, scope))
        .collect()
}

fn rule(
    src: &YamlSource,
    i: usize,
    spec: RuleSpec,
    (pack, pack_title): (&str, &str),
    scope: &mut Scope,
    params: Arc<[Expr]>,
) -> Result<Rule, PackError> {
    let mut lets = Vec::with_capacity(spec.lets.0.len());
    for (name, text) in &spec.lets.0 {
        let (e, t) = expr(src, i, &format!("let.{name}"), text, scope, false)?;
        scope.lets.push((name.clone(), t));
        lets.push(e);
    }
    let when = spec
        .when
        .as_deref()
        .map(|w| expr(src, i, "when", w, scope, true).map(|(e, _)| e))
        .transpose()?;
    let (check, _) = expr(src, i, "check", &spec.check, scope, true)?;
    let message = template(
        src,
        i,
        "message",
        spec.message.as_deref().unwrap_or(&spec.title),
        scope,
    )?;
    let not_applicable = not_applicable(src, i, spec.not_applicable, when.as_ref(), scope)?;
    let missing = spec
        .missing
        .as_deref()
        .map(|m| template(src, i, "missing", m, scope))
        .transpose()?;
    let hint = template(
        src,
        i,
        "hint",
        spec.hint.as_deref().unwrap_or_default(),
        scope,
    )?;
    let info = RuleInfo {
        id: spec.id,
        pack: pack.to_string(),
        pack_title: pack_title.to_string(),
        title: spec.title,
        severity: spec.severity,
        basis: OneOrMany::into_vec(spec.basis),
        hint: spec.hint.unwrap_or_default(),
        description: spec.description,
        tags: spec.tags,
    };
    Ok(Rule {
        info: Arc::new(info),
        applies_to: spec
            .applies_to
            .map(|k| k.into_iter().map(Into::into).collect()),
        when,
        not_applicable,
        presence: spec.presence,
        lets,
        check,
        message,
        missing,
        hint,
        params,
        skip: None,
        dicts: None,
    })
}
