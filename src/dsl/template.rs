//! Messages and hints with `{expr}` placeholders, parsed and checked at load like checks.

use super::ast::{Expr, ExprSpan};
use super::checker::{check, Scope};
use super::error::{DslError, DslErrorKind};
use super::eval::Evaluator;
use super::parser::parse;
use super::value::render;
use std::fmt;

#[derive(Debug, Clone, Default)]
pub struct Template {
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    /// The expression and the byte offset of its text in the template.
    Expr(Expr, usize),
}

impl Template {
    /// Split `text` into literal text and placeholders; `{{` and `}}` are literal braces. A
    /// placeholder ends at the `}` that balances its `{`, so regexes like `\d{4}` fit inside.
    pub fn parse(text: &str) -> Result<Self, DslError> {
        let mut pieces = Vec::new();
        let mut lit = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' | '}' if chars.peek().map(|(_, n)| *n) == Some(c) => {
                    chars.next();
                    lit.push(c);
                }
                '{' => {
                    let start = i + 1;
                    let mut depth = 1;
                    let mut end = None;
                    for (j, d) in chars.by_ref() {
                        depth += match d {
                            '{' => 1,
                            '}' => -1,
                            _ => 0,
                        };
                        if depth == 0 {
                            end = Some(j);
                            break;
                        }
                    }
                    let end = end.ok_or_else(|| {
                        DslError::new(DslErrorKind::UnclosedPlaceholder, ExprSpan::new(i, i + 1))
                    })?;
                    let expr = parse(&text[start..end]).map_err(|e| shift(e, start))?;
                    if !lit.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut lit)));
                    }
                    pieces.push(Piece::Expr(expr, start));
                }
                _ => lit.push(c),
            }
        }
        if !lit.is_empty() {
            pieces.push(Piece::Text(lit));
        }
        Ok(Template { pieces })
    }

    /// Check every placeholder in `scope`; error spans are offsets into the template text.
    pub fn check(&mut self, scope: &mut Scope) -> Result<(), DslError> {
        for p in &mut self.pieces {
            if let Piece::Expr(e, at) = p {
                check(e, scope).map_err(|err| shift(err, *at))?;
            }
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// Fill in the placeholders; a value that is missing or fails to evaluate renders 未找到.
    pub fn render<'a>(&'a self, ev: &mut Evaluator<'a>) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Expr(e, _) => {
                    let v = ev.eval_quiet(e).unwrap_or(super::value::Value::Missing);
                    out.push_str(&render(&v, ev.report()));
                }
            }
        }
        out
    }
}

fn shift(mut e: DslError, by: usize) -> DslError {
    e.span = ExprSpan::new(e.span.start + by, e.span.end + by);
    e
}

/// Prints the template back, placeholders in canonical form.
impl fmt::Display for Template {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.pieces {
            match p {
                Piece::Text(t) => f.write_str(&t.replace('{', "{{").replace('}', "}}"))?,
                Piece::Expr(e, _) => write!(f, "{{{e}}}")?,
            }
        }
        Ok(())
    }
}
