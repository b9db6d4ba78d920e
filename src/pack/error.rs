//! Errors in packs and configuration files, located in the YAML: file, line, column, and for an
//! expression the place inside it, rendered by miette with a caret under the YAML source.

use super::locate::{in_scalar, line_col, offset_of, YamlIndex};
use crate::dsl::DslError;
use miette::{Diagnostic, NamedSource, SourceSpan};
use std::sync::Arc;
use thiserror::Error;

/// What is wrong, without where.
#[derive(Debug, Clone, Error)]
#[non_exhaustive]
pub enum PackErrorKind {
    #[error("invalid YAML: {0}")]
    Yaml(String),
    /// Unknown or missing field, bad severity, unknown document kind, wrong value type.
    #[error("{0}")]
    Schema(String),
    #[error("duplicate rule id `{id}` (first defined on line {first_line})")]
    DuplicateId { id: String, first_line: usize },
    #[error("rule id `{id}` must start with the pack id: `{pack}/…`")]
    IdPrefix { id: String, pack: String },
    #[error("in `{field}`{}: {error}", expr_place(*line, *column))]
    Dsl {
        field: String,
        /// 1-based line and column of the error inside the expression text.
        line: usize,
        column: usize,
        error: DslError,
    },
    #[error("`{field}` must be a bool expression, found {found}")]
    NotBool { field: String, found: String },
    #[error("parameter `{name}`: {detail}")]
    Param { name: String, detail: String },
    #[error("unknown rule `{id}`{}", crate::pack::error::did_you_mean(suggestion))]
    UnknownRule {
        id: String,
        suggestion: Option<String>,
    },
    #[error(
        "pack `{pack}` has no parameter `{name}`{}",
        crate::pack::error::did_you_mean(suggestion)
    )]
    UnknownParam {
        pack: String,
        name: String,
        suggestion: Option<String>,
    },
    #[error("parameters for pack `{0}`, which is not loaded")]
    PackNotLoaded(String),
    /// An invalid dictionary entry or file (rules/dict, or a user dictionary).
    #[error("词典有误：{0}")]
    Dictionary(String),
}

fn expr_place(line: usize, column: usize) -> String {
    if line > 1 {
        format!(" (expression line {line}, column {column})")
    } else {
        format!(" (expression column {column})")
    }
}

pub(crate) fn did_you_mean(s: &Option<String>) -> String {
    s.as_ref()
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

/// An error at a place in a pack or configuration file (boxed: errors are rare, results many).
#[derive(Debug, Clone, Error, Diagnostic)]
#[error(transparent)]
#[diagnostic(transparent)]
pub struct PackError(Box<ErrorAt>);

#[derive(Debug, Clone, Error, Diagnostic)]
#[error("{file}:{line}:{column}: {kind}")]
#[diagnostic(code(fzcheck::rules))]
pub struct ErrorAt {
    pub file: String,
    /// 1-based line and column (in characters) in the YAML file.
    pub line: usize,
    pub column: usize,
    pub kind: PackErrorKind,
    #[source_code]
    src: NamedSource<Arc<String>>,
    #[label("{label}")]
    at: SourceSpan,
    label: String,
    #[help]
    help: Option<String>,
}

impl PackError {
    pub fn file(&self) -> &str {
        &self.0.file
    }

    /// 1-based line in the YAML file.
    pub fn line(&self) -> usize {
        self.0.line
    }

    /// 1-based column, in characters, in the YAML file.
    pub fn column(&self) -> usize {
        self.0.column
    }

    pub fn kind(&self) -> &PackErrorKind {
        &self.0.kind
    }

    pub fn help_text(&self) -> Option<&str> {
        self.0.help.as_deref()
    }
}

/// A YAML file being loaded, to locate errors in.
pub struct YamlSource {
    pub name: String,
    pub text: Arc<String>,
    index: std::sync::OnceLock<YamlIndex>,
}

impl YamlSource {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        YamlSource {
            name: name.into(),
            text: Arc::new(text.into()),
            index: std::sync::OnceLock::new(),
        }
    }

    /// Built only when an error needs it: loading good packs never parses the YAML twice.
    fn index(&self) -> &YamlIndex {
        self.index.get_or_init(|| YamlIndex::new(&self.text))
    }

    /// 1-based line of the value at `path` (1 when it cannot be found).
    pub fn line_of(&self, path: &str) -> usize {
        self.index()
            .value(path)
            .map_or(1, |o| line_col(&self.text, o).0)
    }

    /// An error at byte range `start..end`.
    pub fn error_at(
        &self,
        start: usize,
        end: usize,
        kind: PackErrorKind,
        label: impl Into<String>,
    ) -> PackError {
        let (line, column) = line_col(&self.text, start);
        let len = end.saturating_sub(start).max(
            self.text[start.min(self.text.len())..]
                .chars()
                .next()
                .map_or(0, char::len_utf8),
        );
        PackError(Box::new(ErrorAt {
            file: self.name.clone(),
            line,
            column,
            kind,
            src: NamedSource::new(self.name.clone(), self.text.clone()),
            at: SourceSpan::new(start.into(), len),
            label: label.into(),
            help: None,
        }))
    }

    /// An error at the value of `path` (or its key with `key`), falling back to the file start.
    pub fn error_on(&self, path: &str, key: bool, kind: PackErrorKind, label: &str) -> PackError {
        let at = if key {
            self.index().key(path)
        } else {
            self.index().value(path)
        };
        let start = at.unwrap_or(0);
        let end = self.text[start..]
            .find(['\n', ':'])
            .map_or(self.text.len(), |n| start + n);
        self.error_at(start, end.max(start), kind, label)
    }

    /// A serde_yaml error, at the line and column it reports.
    pub fn serde_error(&self, e: &serde_yaml::Error) -> PackError {
        let text = e.to_string();
        let message = text
            .rsplit_once(" at line ")
            .map_or(text.as_str(), |(m, _)| m)
            .to_string();
        let start = e
            .location()
            .map_or(0, |l| offset_of(&self.text, l.line(), l.column()));
        let syntax = message.contains("while parsing")
            || message.contains("while scanning")
            || message.contains("did not find");
        let label = if message.contains("unknown field") {
            "unknown field"
        } else if message.contains("missing field") {
            "in this mapping"
        } else if message.contains("unknown variant") {
            "not one of the allowed values"
        } else {
            "here"
        };
        let kind = if syntax {
            PackErrorKind::Yaml(message)
        } else {
            PackErrorKind::Schema(message)
        };
        self.error_at(start, start, kind, label)
    }

    /// A DSL error in the expression text `value` stored at `path` (`rules.2.check`).
    pub fn dsl_error(&self, path: &str, field: &str, value: &str, error: DslError) -> PackError {
        let start = self.index().value(path).unwrap_or(0);
        let from = in_scalar(&self.text, start, value, error.span.start);
        let to = in_scalar(
            &self.text,
            start,
            value,
            error.span.end.max(error.span.start),
        );
        let (line, column) = line_col(value, error.span.start.min(value.len()));
        let label = error.kind.to_string();
        let help = dsl_help(&error);
        let mut e = self.error_at(
            from,
            to,
            PackErrorKind::Dsl {
                field: field.to_string(),
                line,
                column,
                error,
            },
            label,
        );
        e.0.help = help;
        e
    }
}

fn dsl_help(e: &DslError) -> Option<String> {
    use crate::dsl::DslErrorKind as K;
    match &e.kind {
        K::UnknownFunction { .. } => Some("the functions are listed in docs/rules.md".into()),
        K::Syntax { .. } => {
            Some("the expression grammar is in docs/rules.md; check brackets and quotes".into())
        }
        _ => None,
    }
}

/// Everything that can go wrong while loading packs and configuration.
#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Pack(Box<PackError>),
    #[error(
        "no built-in pack `{name}`{}; built-in packs: {available}",
        did_you_mean(suggestion)
    )]
    UnknownBuiltin {
        name: String,
        suggestion: Option<String>,
        available: String,
    },
    #[error("pack `{0}` is loaded twice")]
    DuplicatePack(String),
    #[error("configuration extends itself: {0}")]
    ExtendsCycle(String),
    #[error("词典“{id}”重复：{first} 和 {second} 用了同一个 id；请改用不同的 dictionary 名")]
    DuplicateDictionary {
        id: String,
        first: String,
        second: String,
    },
}

impl From<PackError> for LoadError {
    fn from(e: PackError) -> Self {
        LoadError::Pack(Box::new(e))
    }
}
