//! Which reader a file needs, judged by its first bytes; the extension only separates Markdown from
//! plain text and names what a damaged file was meant to be.

use super::{Format, IngestError};

/// What the first bytes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sniffed {
    /// A document format with its own reader.
    Document(Format),
    /// Text to decode; Markdown or plain text is decided from the decoded text.
    Text,
}

/// How far into the file the HTML and binary sniffing looks.
const SNIFF_LEN: usize = 8 * 1024;

/// Recognise `bytes`. `text_forced` (a UTF-16 `--encoding`) lets NUL bytes pass as text.
pub(crate) fn sniff(name: &str, bytes: &[u8], text_forced: bool) -> Result<Sniffed, IngestError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(Sniffed::Document(zip_format(name, bytes)));
    }
    if bytes.starts_with(OLE_MAGIC) {
        let wps = extension(name).as_deref() == Some("wps");
        return Ok(Sniffed::Document(if wps {
            Format::Wps
        } else {
            Format::Doc
        }));
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Ok(Sniffed::Document(Format::Pdf));
    }
    if extension(name).as_deref() == Some("wps") {
        return Err(IngestError::Unsupported {
            path: name.to_string(),
            format: Format::Wps.label(),
            detail: "不是 OLE 格式的 WPS 文字文档，可能是 WPS 2000 或更早的格式".to_string(),
        });
    }
    if let Some(kind) = known_binary(bytes) {
        return Err(unknown(name, kind));
    }
    let utf16_bom = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if looks_like_html(head) {
        return Ok(Sniffed::Document(Format::Html));
    }
    if !utf16_bom
        && !text_forced
        && is_binary(head)
        && super::encoding::utf16_without_bom(bytes).is_none()
    {
        return Err(unknown(
            name,
            "内容含有二进制数据；如是没有 BOM 的 UTF-16 文本，请用 --encoding utf-16le 或 utf-16be 指定"
                .to_string(),
        ));
    }
    let declared = extension(name);
    match declared.as_deref() {
        Some("docx") => Err(IngestError::Corrupt {
            path: name.to_string(),
            format: Format::Docx.label(),
            detail: "扩展名是 .docx，但内容不是 zip 压缩包".to_string(),
        }),
        Some("ofd") => Err(IngestError::Corrupt {
            path: name.to_string(),
            format: Format::Ofd.label(),
            detail: "扩展名是 .ofd，但内容不是 zip 压缩包".to_string(),
        }),
        Some("pdf") => Err(IngestError::Corrupt {
            path: name.to_string(),
            format: Format::Pdf.label(),
            detail: "扩展名是 .pdf，但没有 %PDF- 文件头".to_string(),
        }),
        Some("htm" | "html" | "xhtml") if head.trim_ascii_start().starts_with(b"<") => {
            Ok(Sniffed::Document(Format::Html))
        }
        _ => Ok(Sniffed::Text),
    }
}

/// The signature of an OLE compound file (Word 97–2003, WPS, and encrypted OOXML).
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// A zip with an `OFD.xml` at its root is an OFD; any other zip is read as .docx (whose reader says
/// what is missing). An unreadable zip goes by its extension.
fn zip_format(name: &str, bytes: &[u8]) -> Format {
    let ofd = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(archive) => archive
            .file_names()
            .any(|n| n.eq_ignore_ascii_case("OFD.xml")),
        Err(_) => extension(name).as_deref() == Some("ofd"),
    };
    if ofd {
        Format::Ofd
    } else {
        Format::Docx
    }
}

/// Markdown when the name says so or a line starts like an ATX heading (`# `, `## `…).
pub(crate) fn text_format(name: &str, text: &str) -> Format {
    let by_name = matches!(extension(name).as_deref(), Some("md" | "markdown"));
    let atx = text.lines().any(|l| {
        let hashes = l.bytes().take_while(|&b| b == b'#').count();
        (1..=6).contains(&hashes) && l[hashes..].starts_with(' ')
    });
    if by_name || atx {
        Format::Markdown
    } else {
        Format::Text
    }
}

fn extension(name: &str) -> Option<String> {
    std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn unknown(name: &str, detail: String) -> IngestError {
    IngestError::UnknownFormat {
        path: name.to_string(),
        detail,
    }
}

/// Common binary formats people submit by mistake, named so the message can say what to do.
fn known_binary(bytes: &[u8]) -> Option<String> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG 图片，请提供文字版本"),
        (b"\xFF\xD8\xFF", "JPEG 图片，请提供文字版本"),
        (b"GIF8", "GIF 图片，请提供文字版本"),
        (b"Rar!", "RAR 压缩包，请先解压"),
        (b"7z\xBC\xAF", "7z 压缩包，请先解压"),
        (b"\x1F\x8B", "gzip 压缩文件，请先解压"),
        (b"{\\rtf", "RTF 文档，请另存为 .docx"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| (*what).to_string())
}

/// `<!doctype html`, `<html` or `<head` after a BOM, whitespace and comments.
fn looks_like_html(head: &[u8]) -> bool {
    let mut rest = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    loop {
        rest = rest.trim_ascii_start();
        if rest.starts_with(b"<!--") {
            match rest.windows(3).position(|w| w == b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
        } else if rest.starts_with(b"<?xml") {
            match rest.windows(2).position(|w| w == b"?>") {
                Some(end) => rest = &rest[end + 2..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let lower: Vec<u8> = rest.iter().take(16).map(u8::to_ascii_lowercase).collect();
    lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<head")
}

/// NUL bytes, or many control characters, do not occur in text in the encodings auto-detected.
fn is_binary(head: &[u8]) -> bool {
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A))
        .count();
    controls * 20 > head.len().max(1)
}
