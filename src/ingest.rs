//! Stage 1 — ingest: bytes of any supported file → [`SourceText`], the decoded text a report is parsed from.
//!
//! Each format has its own reader (plain text / Markdown, .docx, .doc/.wps, .html, .pdf, .ofd). Readers never modify the
//! file they read. Evidence later points into `SourceText::text` (line and column as an editor shows
//! them) and, through [`Origin`], back to the paragraph of a .docx or the page of a PDF.
//!
//! - The format is recognised by content (zip with OFD.xml → OFD, other zip → .docx, OLE → .doc or
//!   .wps, `%PDF-` → PDF, `<!doctype html`/`<html` → web page, other binary →
//!   [`IngestError::UnknownFormat`]); the extension only tells Markdown from
//!   plain text and what a damaged file was meant to be.
//! - Text files keep their bytes as text: a BOM is dropped, line endings stay as they are. Without a
//!   BOM, UTF-16 is recognised by content, then strict UTF-8 is tried (a character cut off at the
//!   end is dropped), then GB18030 or Big5 if the result reads as Chinese;
//!   [`IngestOptions::encoding`] overrides. Undecodable bytes are an error naming line and offset.
//! - Structured formats give one paragraph per line with a blank line between paragraphs. Word
//!   numbering is written into the text as Word shows it (`一、`, `（一）`, `1. `); a heading without an
//!   outline marker gets a Markdown `#` prefix by level; table rows are one line, cells joined by
//!   ` | `. Web pages lose their chrome; PDFs lose running page numbers and their line wrapping.
//! - Every reader works within [`limits`]; hostile input ends in an [`IngestError`], never a panic.

mod blocks;
mod detect;
mod doc;
mod docx;
mod encoding;
mod error;
mod html;
mod layout;
pub mod limits;
mod numfmt;
mod ofd;
mod outline;
mod package;
mod pdf;
mod xml;

pub use error::IngestError;

use detect::Sniffed;
use serde::Serialize;
use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
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
    Ofd,
    /// Word 97–2003 binary document.
    Doc,
    /// WPS Writer document (an OLE file like .doc).
    Wps,
}

impl Format {
    /// How messages name the format.
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "纯文本",
            Format::Markdown => "Markdown",
            Format::Docx => "Word（.docx）",
            Format::Html => "网页（HTML）",
            Format::Pdf => "PDF",
            Format::Ofd => "OFD",
            Format::Doc => "Word 97–2003（.doc）",
            Format::Wps => "WPS 文字（.wps）",
        }
    }
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
    /// Big5 (with the HKSCS additions), for Taiwan and Hong Kong copies.
    Big5,
}

impl EncodingChoice {
    /// The names `--encoding` accepts.
    pub const NAMES: &'static str =
        "auto, utf-8, utf-16le, utf-16be, gb18030 (gbk, gb2312), big5 (big5-hkscs)";
}

impl std::str::FromStr for EncodingChoice {
    type Err = String;

    /// Parse a `--encoding` value; GBK and GB2312 are read as GB18030, their superset.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "auto" => Ok(EncodingChoice::Auto),
            "utf-8" | "utf8" => Ok(EncodingChoice::Utf8),
            "utf-16le" | "utf16le" => Ok(EncodingChoice::Utf16Le),
            "utf-16be" | "utf16be" => Ok(EncodingChoice::Utf16Be),
            "gb18030" | "gbk" | "gb2312" | "cp936" => Ok(EncodingChoice::Gb18030),
            "big5" | "big5-hkscs" | "cp950" => Ok(EncodingChoice::Big5),
            _ => Err(format!("未知的编码 {s}，可选：{}", Self::NAMES)),
        }
    }
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

/// Read and decode a file of any supported format. Files over [`limits::MAX_INPUT_BYTES`] are refused
/// before they are read.
pub fn read_path(path: &Path, opts: &IngestOptions) -> Result<SourceText, IngestError> {
    let name = path.display().to_string();
    let io = |source| IngestError::Io {
        path: name.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limits::MAX_INPUT_BYTES {
        return Err(too_large(&name, size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // The file may grow while it is read; never read past the limit.
    file.take(limits::MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    read_bytes(&name, &bytes, opts)
}

/// Decode bytes already in memory; `name` is used in messages and by the extension fallback.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<SourceText, IngestError> {
    if bytes.len() as u64 > limits::MAX_INPUT_BYTES {
        return Err(too_large(name, bytes.len() as u64));
    }
    let utf16 = matches!(
        opts.encoding,
        EncodingChoice::Utf16Le | EncodingChoice::Utf16Be
    );
    let format = match detect::sniff(name, bytes, utf16)? {
        Sniffed::Document(format) => format,
        Sniffed::Text => return read_text(name, bytes, opts),
    };
    // The readers of third-party formats are guarded: a parser bug on a hostile file is reported as a
    // damaged file instead of taking the whole run down.
    catch_unwind(AssertUnwindSafe(|| match format {
        Format::Docx => docx::read(name, bytes),
        Format::Html => html::read(name, bytes, opts),
        Format::Pdf => pdf::read(name, bytes),
        Format::Ofd => ofd::read(name, bytes),
        Format::Doc | Format::Wps => doc::read(name, bytes, format),
        Format::Text | Format::Markdown => read_text(name, bytes, opts),
    }))
    .unwrap_or_else(|_| {
        Err(IngestError::Corrupt {
            path: name.to_string(),
            format: format.label(),
            detail: "解析器无法处理该文件的结构".to_string(),
        })
    })
}

fn read_text(name: &str, bytes: &[u8], opts: &IngestOptions) -> Result<SourceText, IngestError> {
    let decoded = encoding::decode(name, bytes, opts.encoding, None)?;
    Ok(SourceText {
        name: name.to_string(),
        format: detect::text_format(name, &decoded.text),
        encoding: decoded.encoding,
        text: decoded.text,
        origins: Vec::new(),
        meta: SourceMeta::default(),
    })
}

fn too_large(name: &str, size: u64) -> IngestError {
    IngestError::TooLarge {
        path: name.to_string(),
        size,
        limit: limits::MAX_INPUT_BYTES,
    }
}
