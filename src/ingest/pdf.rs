//! PDF: the text layer in reading order, one [`Origin`](crate::ingest::Origin) per page, wrapped lines joined into
//! paragraphs, running page numbers dropped (see [`super::layout`]).

mod cmap;
mod codes;
mod content;
mod font;
mod repair;

use super::layout::{PageFlow, Placed};
use super::limits::{megabytes, PDF_MAX_OPERATIONS, PDF_MAX_PAGES, PDF_MAX_STREAM_BYTES};
use super::{Format, IngestError, SourceMeta, SourceText};
use content::Interpreter;
use font::deref;
use lopdf::{Document, Object, Stream};
use std::collections::HashMap;
use std::io::Read;

/// Problems below the document level, turned into [`IngestError`]s by [`read`].
#[derive(Debug)]
pub(super) enum PdfError {
    Corrupt(String),
    StreamTooLarge,
    TooManyOperations,
}

pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<SourceText, IngestError> {
    let error = |e: PdfError| match e {
        PdfError::Corrupt(detail) => IngestError::Corrupt {
            path: name.to_string(),
            format: Format::Pdf.label(),
            detail,
        },
        PdfError::StreamTooLarge => IngestError::LimitExceeded {
            path: name.to_string(),
            what: "PDF 页面内容解压后的大小".to_string(),
            limit: megabytes(PDF_MAX_STREAM_BYTES),
        },
        PdfError::TooManyOperations => IngestError::LimitExceeded {
            path: name.to_string(),
            what: "PDF 一页的绘制指令数".to_string(),
            limit: PDF_MAX_OPERATIONS.to_string(),
        },
    };
    let mut doc = load(bytes).map_err(error)?;
    // Many PDFs are encrypted only to restrict printing, with an empty password.
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(IngestError::Encrypted {
            path: name.to_string(),
            format: Format::Pdf.label(),
        });
    }
    let pages = doc.get_pages();
    if pages.len() > PDF_MAX_PAGES {
        return Err(IngestError::LimitExceeded {
            path: name.to_string(),
            what: "PDF 页数".to_string(),
            limit: PDF_MAX_PAGES.to_string(),
        });
    }
    let mut flow = PageFlow::default();
    let (mut drawn, mut unknown) = (0, Unknown::default());
    for (&number, &page_id) in &pages {
        let (glyphs, missing) = page_glyphs(&doc, page_id).map_err(error)?;
        drawn += glyphs.len();
        unknown.add(number, missing);
        flow.add_page(number, glyphs);
    }
    let flow = flow.finish();
    // Glyphs without text lose words; past a twentieth of the text they lose the report.
    if let Some((font, page)) = unknown.worst.filter(|_| unknown.count * 20 > drawn) {
        return Err(IngestError::NoUnicode {
            path: name.to_string(),
            page,
            font,
        });
    }
    if !flow.any_text {
        return Err(IngestError::NoTextLayer {
            path: name.to_string(),
        });
    }
    Ok(SourceText {
        name: name.to_string(),
        format: Format::Pdf,
        encoding: "UTF-16BE",
        text: flow.out.text,
        origins: flow.out.origins,
        meta: SourceMeta {
            title: info_title(&doc),
            published: None,
        },
    })
}

/// Glyphs whose text no map gives: how many, and the font that drew the most (with its first page).
#[derive(Debug, Default)]
struct Unknown {
    count: usize,
    by_font: HashMap<String, (usize, u32)>,
    worst: Option<(String, u32)>,
}

impl Unknown {
    fn add(&mut self, page: u32, missing: HashMap<String, usize>) {
        for (font, n) in missing {
            self.count += n;
            let entry = self.by_font.entry(font).or_insert((0, page));
            entry.0 += n;
        }
        self.worst = self
            .by_font
            .iter()
            .max_by_key(|(name, (n, _))| (*n, std::cmp::Reverse((*name).clone())))
            .map(|(name, &(_, page))| (name.clone(), page));
    }
}

/// Load the document; when its cross-reference table is broken, or leads to no page, rebuild the
/// table and try again.
fn load(bytes: &[u8]) -> Result<Document, PdfError> {
    let first = match Document::load_mem(bytes) {
        Ok(doc) if !doc.get_pages().is_empty() => return Ok(doc),
        Ok(_) => "找不到任何页面".to_string(),
        Err(e) => format!("文件结构无法解析：{e}"),
    };
    repair::rebuild_xref(bytes)
        .and_then(|fixed| Document::load_mem(&fixed).ok())
        .filter(|doc| !doc.get_pages().is_empty())
        .ok_or(PdfError::Corrupt(first))
}

/// The glyphs of a page, and how many of them each font drew without known text.
fn page_glyphs(
    doc: &Document,
    page_id: lopdf::ObjectId,
) -> Result<(Vec<Placed>, HashMap<String, usize>), PdfError> {
    let page = doc
        .get_dictionary(page_id)
        .map_err(|e| PdfError::Corrupt(format!("页面对象无法读取：{e}")))?;
    let mut data = Vec::new();
    let streams: Vec<&Object> = match page.get(b"Contents").map(|o| deref(doc, o)) {
        Ok(Object::Array(parts)) => parts.iter().map(|o| deref(doc, o)).collect(),
        Ok(o) => vec![o],
        Err(_) => Vec::new(),
    };
    for s in streams {
        if let Ok(stream) = s.as_stream() {
            data.extend(stream_data(stream)?);
            data.push(b'\n');
            if data.len() as u64 > PDF_MAX_STREAM_BYTES {
                return Err(PdfError::StreamTooLarge);
            }
        }
    }
    let (resources, inherited) = doc
        .get_page_resources(page_id)
        .map_err(|e| PdfError::Corrupt(format!("页面资源无法读取：{e}")))?;
    let resources = resources.or_else(|| {
        inherited
            .first()
            .and_then(|id| doc.get_dictionary(*id).ok())
    });
    let mut interpreter = Interpreter::new(doc);
    interpreter.run(&data, resources, [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], 0)?;
    Ok((interpreter.glyphs, interpreter.unknown))
}

/// The decoded bytes of a stream. Flate, the filter of nearly every text stream, is inflated here
/// within [`PDF_MAX_STREAM_BYTES`]; other filters go through lopdf.
pub(super) fn stream_data(stream: &Stream) -> Result<Vec<u8>, PdfError> {
    let filters = stream.filters().unwrap_or_default();
    match filters.as_slice() {
        [] => Ok(stream.content.clone()),
        [f] if f == "FlateDecode" && !stream.dict.has(b"DecodeParms") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(stream.content.as_slice())
                .take(PDF_MAX_STREAM_BYTES + 1)
                .read_to_end(&mut out)
                .map_err(|e| PdfError::Corrupt(format!("压缩数据流已损坏：{e}")))?;
            if out.len() as u64 > PDF_MAX_STREAM_BYTES {
                return Err(PdfError::StreamTooLarge);
            }
            Ok(out)
        }
        _ => stream
            .decompressed_content()
            .map_err(|e| PdfError::Corrupt(format!("数据流无法解码：{e}"))),
    }
}

/// `/Title` of the document information dictionary.
fn info_title(doc: &Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok().map(|o| deref(doc, o))?;
    let title = info.as_dict().ok()?.get(b"Title").ok()?;
    let title = lopdf::decode_text_string(deref(doc, title)).ok()?;
    let title = title.trim();
    (!title.is_empty()).then(|| title.to_string())
}
