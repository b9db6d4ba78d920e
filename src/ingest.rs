//! Stage 1 — ingest: bytes of any supported file → [`SourceText`], the decoded text a report is parsed from.
//!
//! Each format has its own reader (plain text / Markdown, .docx, .html, .pdf). Readers never modify the
//! file they read. Evidence later points into `SourceText::text` (line and column as an editor shows
//! them) and, through [`Origin`], back to the paragraph of a .docx or the page of a PDF.

mod error;

pub use error::IngestError;

use serde::Serialize;
use std::path::Path;

/// The kinds of file fzcheck reads, recognised by content first and by extension second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Docx,
    Html,
    Pdf,
}

/// A text encoding the user may force with `--encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingChoice {
    #[default]
    Auto,
    Utf8,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

/// Options for reading one file.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    pub encoding: EncodingChoice,
}

/// Where a stretch of `SourceText::text` came from in the original file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// Byte offset in `SourceText::text` where this origin starts; it runs to the next origin's start.
    pub start: usize,
    /// 1-based page of a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 1-based paragraph (or table row) of a .docx body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
}

/// Metadata a container format states outside the running text (HTML `<title>`, `<meta>` dates, docx core
/// properties). The report parser prefers what the text itself says and falls back on these.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceMeta {
    pub title: Option<String>,
    /// A publication date as written (e.g. `2024-03-01`), parsed later by the report stage.
    pub published: Option<String>,
}

/// Decoded text of one input file.
#[derive(Debug, Clone, Serialize)]
pub struct SourceText {
    /// Display name of the input (the path as given on the command line).
    pub name: String,
    pub format: Format,
    /// Name of the encoding the bytes were decoded from (`UTF-8`, `GB18030`, …).
    pub encoding: &'static str,
    /// The text. Headings recovered from Word numbering are written into it as they render (`一、`).
    pub text: String,
    /// Sorted by `start`; empty for plain text.
    pub origins: Vec<Origin>,
    pub meta: SourceMeta,
}

impl SourceText {
    /// Plain text that is already decoded (tests, stdin, examples).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceText {
            name: name.into(),
            format: Format::Text,
            encoding: "UTF-8",
            text: text.into(),
            origins: Vec::new(),
            meta: SourceMeta::default(),
        }
    }

    /// The origin covering byte `offset` of `text`, if the format records any.
    pub fn origin_at(&self, offset: usize) -> Option<&Origin> {
        let i = self.origins.partition_point(|o| o.start <= offset);
        i.checked_sub(1).map(|i| &self.origins[i])
    }
}

/// Read and decode a file of any supported format.
pub fn read_path(path: &Path, opts: &IngestOptions) -> Result<SourceText, IngestError> {
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        path: path.display().to_string(),
        source,
    })?;
    read_bytes(&path.display().to_string(), &bytes, opts)
}

/// Decode bytes already in memory; `name` is used in messages and by the extension fallback.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<SourceText, IngestError> {
    let _ = opts;
    let text = std::str::from_utf8(bytes)
        .map_err(|e| IngestError::Encoding {
            path: name.to_string(),
            detail: e.to_string(),
        })?
        .trim_start_matches('\u{feff}')
        .to_string();
    Ok(SourceText::from_text(name, text))
}
