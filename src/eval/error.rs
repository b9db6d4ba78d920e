//! What can stop an evaluation: a corpus folder without labels, a labels.yaml that does not read
//! (located: file, line, column, rendered by miette with a caret), a report that cannot be read.

use crate::ingest::IngestError;
use crate::pack::locate::{line_col, offset_of};
use miette::{Diagnostic, NamedSource, SourceSpan};
use std::sync::Arc;
use thiserror::Error;

#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
pub enum EvalError {
    #[error("无法读取 {path}：{source}；请检查路径")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{dir} 里没有 labels.yaml：标注语料是一个含 labels.yaml 和报告文件的文件夹（见 docs/eval.md）")]
    NoLabels { dir: String },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Labels(Box<LabelsError>),
    #[error("无法读取报告 {file}（{labels} 中的 `{id}`）：{source}")]
    Report {
        file: String,
        id: String,
        /// labels.yaml:line of the item.
        labels: String,
        #[source]
        source: Box<IngestError>,
    },
}

impl From<LabelsError> for EvalError {
    fn from(e: LabelsError) -> Self {
        EvalError::Labels(Box::new(e))
    }
}

/// A mistake at a place in labels.yaml.
#[derive(Debug, Error, Diagnostic)]
#[error("{file}:{line}:{column}: {message}")]
#[diagnostic(
    code(fzcheck::labels),
    help("标注格式见 docs/eval.md；编辑器可用 docs/labels.schema.json 校验 labels.yaml")
)]
pub struct LabelsError {
    pub file: String,
    /// 1-based line and column (in characters).
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[source_code]
    src: NamedSource<Arc<String>>,
    #[label("{label}")]
    at: SourceSpan,
    label: String,
}

impl LabelsError {
    /// An error at byte `offset` of `text`, the labels file `file`.
    pub(crate) fn at(
        file: &str,
        text: &Arc<String>,
        offset: usize,
        message: String,
        label: &str,
    ) -> Self {
        let offset = offset.min(text.len());
        let (line, column) = line_col(text, offset);
        let len = text[offset..].chars().next().map_or(0, char::len_utf8);
        LabelsError {
            file: file.to_string(),
            line,
            column,
            message,
            src: NamedSource::new(file, text.clone()),
            at: SourceSpan::new(offset.into(), len),
            label: label.to_string(),
        }
    }

    /// serde_yaml's error, in Chinese, at the line and column it reports.
    pub(crate) fn from_serde(file: &str, text: &Arc<String>, e: &serde_yaml::Error) -> Self {
        let offset = e
            .location()
            .map_or(0, |l| offset_of(text, l.line(), l.column()));
        let raw = e.to_string();
        let detail = raw
            .rsplit_once(" at line ")
            .map_or(raw.as_str(), |(m, _)| m);
        let (message, label) = translate(detail);
        LabelsError::at(file, text, offset, message, label)
    }
}

/// serde_yaml's English message → a Chinese one and the caret's label; the names it quotes stay.
fn translate(detail: &str) -> (String, &'static str) {
    // `.[0].published: input is out of range`: the place is shown by the caret already.
    let (place, detail) = match detail.split_once(": ") {
        Some((p, d)) if p.starts_with(['.', '[']) => (p, d),
        _ => ("", detail),
    };
    if place.ends_with("published") || place.ends_with("issued") {
        return (
            format!("日期不对（{detail}）；应写成 \"YYYY-MM-DD\" 或 null"),
            "日期不对",
        );
    }
    let after = |prefix: &str| detail.split_once(prefix).map(|(_, rest)| rest.trim());
    if let Some(rest) = after("unknown field ") {
        let (name, allowed) = split_expected(rest);
        let msg = format!("未知字段 {name}；可用的字段：{allowed}");
        return (msg, "未知字段");
    }
    if let Some(rest) = after("missing field ") {
        return (format!("缺少必填字段 {rest}"), "这一项缺少字段");
    }
    if let Some(rest) = after("unknown variant ") {
        let (name, allowed) = split_expected(rest);
        return (
            format!("{name} 不是允许的值；可用：{allowed}"),
            "不允许的值",
        );
    }
    if let Some(rest) = after("invalid type: ") {
        return (format!("值的类型不对（{rest}）"), "类型不对");
    }
    let syntax = [
        "while parsing",
        "while scanning",
        "did not find",
        "not allowed",
        "cannot start",
        "unexpected end",
    ];
    if syntax.iter().any(|s| detail.contains(s)) {
        return (format!("YAML 语法错误（{detail}）"), "语法错误");
    }
    (format!("标注的值不对（{detail}）"), "这里")
}

/// "`foo`, expected one of `a`, `b`" → ("`foo`", "`a`, `b`").
fn split_expected(rest: &str) -> (&str, &str) {
    match rest.split_once(", expected ") {
        Some((name, allowed)) => (name, allowed.trim_start_matches("one of ")),
        None => (rest, "见 docs/eval.md"),
    }
}
