//! Word 97–2003 `.doc` and WPS Writer `.wps`: OLE compound files (read with `cfb`) whose
//! WordDocument stream holds the text and whose table stream says where it is (piece table), how
//! paragraphs are formatted (PAPX, styles) and numbered (lists). Output is as for .docx: one
//! paragraph or table row per line, numbering written into the text, a Markdown prefix for a
//! heading without an outline marker, cells joined by ` | `, evidence 第N段. Only the main document
//! is read (not headers, footnotes or text boxes).

mod bytes;
mod fib;
mod lists;
mod props;
mod text;

use super::blocks::{Blocks, Place};
use super::limits::{megabytes, DOC_MAX_CHARS, ZIP_MAX_ENTRY_BYTES};
use super::outline::{heading_line, join_into};
use super::{Format, IngestError, SourceMeta, SourceText};
use fib::{Fib, FibError};
use lists::Lists;
use props::{Papx, Styles};
use std::io::{Cursor, Read};
use text::Unit;

/// Separates the cells of a table row.
const CELL_SEPARATOR: &str = " | ";

pub(crate) fn read(name: &str, bytes: &[u8], format: Format) -> Result<SourceText, IngestError> {
    let corrupt = |detail: String| IngestError::Corrupt {
        path: name.to_string(),
        format: format.label(),
        detail,
    };
    let mut ole = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| corrupt(format!("OLE 复合文档无法打开：{e}；可另存为 .docx")))?;
    if ole.is_stream("/EncryptedPackage") {
        return Err(IngestError::Encrypted {
            path: name.to_string(),
            format: Format::Docx.label(),
        });
    }
    let Some(word) = stream(name, &mut ole, "/WordDocument", &corrupt)? else {
        return Err(IngestError::Unsupported {
            path: name.to_string(),
            format: format.label(),
            detail: "OLE 复合文档中没有 WordDocument 数据流，不是 Word 97 及以后格式的文字文档\
                     （较早的 WPS 或 Word 6/95 文件，或是表格、演示文稿）"
                .to_string(),
        });
    };
    let fib = Fib::parse(&word).map_err(|e| match e {
        FibError::NotWord => corrupt("WordDocument 数据流的文件头不是 Word 文档".to_string()),
        FibError::TooOld => IngestError::Unsupported {
            path: name.to_string(),
            format: format.label(),
            detail: "这是 Word 6/95 或更早的格式".to_string(),
        },
        FibError::Truncated => corrupt("文件信息块（FIB）不完整".to_string()),
    })?;
    if fib.encrypted {
        return Err(IngestError::Encrypted {
            path: name.to_string(),
            format: format.label(),
        });
    }
    let table = stream(name, &mut ole, fib.table_stream, &corrupt)?
        .ok_or_else(|| corrupt(format!("缺少 {} 数据流", fib.table_stream)))?;
    let part = |index: usize| {
        fib.get(index)
            .and_then(|(fc, lcb)| bytes::slice(&table, fc, lcb))
    };
    let clx = part(fib::CLX).ok_or_else(|| corrupt("缺少段落片段表（CLX）".to_string()))?;
    let units = text::main_text(&word, clx, fib.ccp_text, DOC_MAX_CHARS).map_err(|detail| {
        if detail.contains("超过") {
            IngestError::LimitExceeded {
                path: name.to_string(),
                what: "Word 正文的字符数".to_string(),
                limit: DOC_MAX_CHARS.to_string(),
            }
        } else {
            corrupt(detail)
        }
    })?;
    let papx = part(fib::PLCF_BTE_PAPX)
        .map(|plc| Papx::parse(&word, plc))
        .unwrap_or_default();
    let styles = part(fib::STSHF).map(Styles::parse).unwrap_or_default();
    // The LVLs follow the PlfLst outside its stated length: give it the rest of the stream.
    let lists = Lists::parse(
        fib.get(fib::PLF_LST)
            .and_then(|(fc, _)| table.get(fc..))
            .unwrap_or_default(),
        part(fib::PLF_LFO).unwrap_or_default(),
    );
    let mut body = Body {
        papx,
        styles,
        lists,
        ..Body::default()
    };
    body.walk(&units);
    Ok(SourceText {
        name: name.to_string(),
        format,
        encoding: "UTF-16LE",
        text: body.out.text,
        origins: body.out.origins,
        meta: SourceMeta::default(),
    })
}

/// The bytes of stream `path`, `None` when the file has none; within the size limit of one part.
fn stream(
    name: &str,
    ole: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    path: &str,
    corrupt: &dyn Fn(String) -> IngestError,
) -> Result<Option<Vec<u8>>, IngestError> {
    let path = format!("/{}", path.trim_start_matches('/'));
    if !ole.is_stream(&path) {
        return Ok(None);
    }
    let s = ole
        .open_stream(&path)
        .map_err(|e| corrupt(format!("{path} 数据流无法打开：{e}")))?;
    if s.len() > ZIP_MAX_ENTRY_BYTES {
        return Err(IngestError::LimitExceeded {
            path: name.to_string(),
            what: format!("{path} 数据流的大小"),
            limit: megabytes(ZIP_MAX_ENTRY_BYTES),
        });
    }
    let mut out = Vec::new();
    s.take(ZIP_MAX_ENTRY_BYTES)
        .read_to_end(&mut out)
        .map_err(|e| corrupt(format!("{path} 数据流无法读取：{e}")))?;
    Ok(Some(out))
}

/// Characters of the main document → paragraphs and table rows.
#[derive(Debug, Default)]
struct Body {
    papx: Papx,
    styles: Styles,
    lists: Lists,
    out: Blocks,
    /// The paragraph being read.
    para: String,
    /// Cells of the table row being read, and the cell being read.
    cells: Vec<String>,
    cell: String,
    /// Fields open now: whether each has reached its result (shown) part.
    fields: Vec<bool>,
    /// Body paragraphs and table rows seen, for [`Origin::paragraph`](crate::ingest::Origin::paragraph).
    count: u32,
}

impl Body {
    fn walk(&mut self, units: &[Unit]) {
        let mut i = 0;
        while i < units.len() {
            let Unit { ch, fc } = units[i];
            i += 1;
            match ch {
                // Field begin, separator (instructions end, result follows), end.
                0x13 => self.fields.push(false),
                0x14 => {
                    if let Some(f) = self.fields.last_mut() {
                        *f = true;
                    }
                }
                0x15 => {
                    self.fields.pop();
                }
                _ if self.fields.iter().any(|shown| !shown) => {}
                0x0D | 0x07 | 0x0C | 0x0E => self.end_paragraph(fc, ch),
                0x0B => self.para.push('\n'),
                0x09 => self.para.push('\t'),
                0x1E => self.para.push('-'),
                0xD800..=0xDBFF => {
                    let low = units.get(i).map(|u| u.ch).unwrap_or(0);
                    if let Some(Ok(c)) = char::decode_utf16([ch, low]).next() {
                        self.para.push(c);
                        i += 1;
                    }
                }
                // Pictures, objects, footnote and annotation marks, optional hyphens.
                0x00..=0x1F | 0xDC00..=0xDFFF => {}
                _ => self
                    .para
                    .push(char::from_u32(u32::from(ch)).unwrap_or('\u{FFFD}')),
            }
        }
        if !self.para.trim().is_empty() {
            self.count += 1;
            let text = std::mem::take(&mut self.para);
            self.out.push(&text, Place::Paragraph(self.count));
        }
    }

    /// A paragraph mark (`0x0D`), cell or row mark (`0x07`), or page/column break.
    fn end_paragraph(&mut self, fc: u32, mark: u16) {
        let (istd, grpprl) = self.papx.at(fc);
        let (style, heading) = self.styles.pap(istd);
        let pap = style.apply(grpprl);
        let text = std::mem::take(&mut self.para);
        if pap.in_table && pap.depth <= 1 {
            if pap.row_end {
                let cells = std::mem::take(&mut self.cells);
                let row = cells
                    .iter()
                    .map(|c| c.trim())
                    .collect::<Vec<_>>()
                    .join(CELL_SEPARATOR);
                self.count += 1;
                self.out.push(&row, Place::Paragraph(self.count));
                return;
            }
            let text = self.render(pap, heading, text);
            join_into(&mut self.cell, &text, " ");
            if mark == 0x07 {
                let cell = std::mem::take(&mut self.cell);
                self.cells.push(cell);
            }
            return;
        }
        if pap.in_table {
            // A nested table is flattened into the cell that holds it.
            join_into(&mut self.cell, &text, " ");
            return;
        }
        let text = self.render(pap, heading, text);
        self.count += 1;
        self.out.push(&text, Place::Paragraph(self.count));
    }

    /// The paragraph as Word shows it: numbering label, then its text; a Markdown prefix for a
    /// heading that carries no outline marker.
    fn render(&mut self, pap: props::Pap, style_heading: Option<u8>, text: String) -> String {
        let label = match (pap.ilfo, pap.ilvl) {
            (Some(ilfo), ilvl) if ilfo != 0 => self.lists.next_label(ilfo, ilvl.unwrap_or(0)),
            _ => None,
        }
        .unwrap_or_default();
        let text = format!("{label}{text}");
        let heading = pap
            .outline
            .filter(|&l| l < 9)
            .map(|l| l + 1)
            .or(style_heading);
        heading_line(heading, text)
    }
}
