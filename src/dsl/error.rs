//! Authoring errors in an expression: found at load, located by a byte span in the expression.

use super::ast::ExprSpan;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{kind}")]
pub struct DslError {
    pub kind: DslErrorKind,
    pub span: ExprSpan,
}

impl DslError {
    pub fn new(kind: DslErrorKind, span: ExprSpan) -> Self {
        DslError { kind, span }
    }
}

fn did_you_mean(s: &Option<String>) -> String {
    s.as_ref()
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum DslErrorKind {
    #[error("syntax error: expected {expected}")]
    Syntax { expected: String },
    #[error("expression nested deeper than {max} levels; split it into `let` values")]
    TooDeep { max: usize },
    #[error("bad regex: {0}")]
    BadRegex(String),
    #[error("bad date `{0}`: no such day")]
    BadDate(String),
    #[error("bad number `{0}`")]
    BadNumber(String),
    #[error("unknown function `{name}`{}", did_you_mean(suggestion))]
    UnknownFunction {
        name: String,
        suggestion: Option<String>,
    },
    #[error("unknown name `{name}`{}", did_you_mean(suggestion))]
    UnknownVariable {
        name: String,
        suggestion: Option<String>,
    },
    #[error("{ty} has no field `{name}`{}", did_you_mean(suggestion))]
    UnknownField {
        ty: String,
        name: String,
        suggestion: Option<String>,
    },
    #[error("`{name}` takes {expected} argument(s), found {found}")]
    Arity {
        name: String,
        expected: String,
        found: usize,
    },
    #[error("type error: expected {expected}, found {found}")]
    Type { expected: String, found: String },
    #[error("no signature of `{name}` accepts ({found}); signatures: {signatures}")]
    NoSignature {
        name: String,
        found: String,
        signatures: String,
    },
    #[error(
        "a lambda `x => …` is only allowed as an argument of any, all, none, count, filter or map"
    )]
    MisplacedLambda,
    #[error("a pattern must be a regex `/…/` or a string literal")]
    DynamicPattern,
    #[error("message placeholder is not closed: add `}}` (write `{{{{` for a literal brace)")]
    UnclosedPlaceholder,
}

/// The closest of `candidates` to `name`, if close enough to be a likely typo.
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (levenshtein(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_string())
}

/// Edit distance counting a swap of neighbours as one edit (optimal string alignment).
fn levenshtein(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}
