//! Word .docx: the body's paragraphs and table rows in order, with automatic numbering written into
//! the text as Word shows it.
//!
//! Heading styles: a heading whose text (with its numbering) starts with an official outline marker
//! (`一、` `（一）` `1.` `（1）`) is emitted as it reads, like any typed report. A heading without such a
//! marker gets a Markdown prefix by level (`## 工作成效`), so the parser still sees a heading.
//! Table rows become one line each, cells joined by ` | `.

mod numbering;
mod styles;

use super::blocks::{Blocks, Place};
use super::outline::{heading_line, join_into};
use super::package::Package;
use super::xml::{attr, val_num, Xml};
use super::{Format, IngestError, SourceMeta, SourceText};
use numbering::Numbering;
use quick_xml::events::Event;
use styles::{NumRef, Styles};

const DOCUMENT: &str = "word/document.xml";
/// Separates the cells of a table row.
const CELL_SEPARATOR: &str = " | ";

pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<SourceText, IngestError> {
    let mut package = Package::open(name, bytes, Format::Docx)?;
    let Some(document) = package.read(DOCUMENT)? else {
        return Err(IngestError::UnknownFormat {
            path: name.to_string(),
            detail: format!("zip 压缩包中没有 {DOCUMENT}，不是 Word 文档"),
        });
    };
    let styles = match package.read("word/styles.xml")? {
        Some(b) => Styles::parse(Xml::new(name, Format::Docx, "word/styles.xml", &b))?,
        None => Styles::default(),
    };
    let numbering = match package.read("word/numbering.xml")? {
        Some(b) => Numbering::parse(Xml::new(name, Format::Docx, "word/numbering.xml", &b))?,
        None => Numbering::default(),
    };
    let title = match package.read("docProps/core.xml")? {
        Some(b) => core_title(Xml::new(name, Format::Docx, "docProps/core.xml", &b))?,
        None => None,
    };
    let mut body = Body {
        styles,
        numbering,
        ..Body::default()
    };
    body.walk(Xml::new(name, Format::Docx, DOCUMENT, &document))?;
    Ok(SourceText {
        name: name.to_string(),
        format: Format::Docx,
        encoding: "UTF-8",
        text: body.out.text,
        origins: body.out.origins,
        meta: SourceMeta {
            title,
            published: None,
        },
    })
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Para {
    style: Option<String>,
    num: NumRef,
    outline: Option<u32>,
    text: String,
}

/// A table being read: the cells of the current row.
#[derive(Debug, Default)]
struct Table {
    cells: Vec<String>,
    cell: String,
}

#[derive(Debug, Default)]
struct Body {
    styles: Styles,
    numbering: Numbering,
    out: Blocks,
    /// Paragraphs open now; a text box inside a paragraph opens another.
    paras: Vec<Para>,
    tables: Vec<Table>,
    /// Body paragraphs and top-level table rows seen, for [`Origin::paragraph`](crate::ingest::Origin::paragraph).
    count: u32,
    in_run: usize,
    in_text: bool,
}

impl Body {
    fn walk(&mut self, mut xml: Xml<'_>) -> Result<(), IngestError> {
        loop {
            match xml.next()? {
                Event::Start(e) => match e.name().as_ref() {
                    // Alternate renderings repeat the text of the chosen one; tracked-change
                    // records hold old properties.
                    b"mc:Fallback" | b"w:pPrChange" | b"w:rPrChange" => xml.skip()?,
                    b"w:p" => self.paras.push(Para::default()),
                    b"w:r" => self.in_run += 1,
                    b"w:t" => self.in_text = self.in_run > 0,
                    b"w:tbl" => self.tables.push(Table::default()),
                    b"w:tc" => {
                        if let Some(t) = self.tables.last_mut() {
                            t.cell.clear();
                        }
                    }
                    _ => self.property(&e),
                },
                Event::Empty(e) => match e.name().as_ref() {
                    b"w:p" => self.count += u32::from(self.tables.is_empty()),
                    b"w:tab" if self.in_run > 0 => self.push_text("\t"),
                    b"w:br" | b"w:cr" if self.in_run > 0 => {
                        if attr(&e, b"w:type").is_none_or(|t| t == "textWrapping") {
                            self.push_text("\n");
                        }
                    }
                    b"w:noBreakHyphen" if self.in_run > 0 => self.push_text("-"),
                    _ => self.property(&e),
                },
                Event::Text(t) if self.in_text => {
                    let text = xml.text(&t)?;
                    self.push_text(&text);
                }
                Event::End(e) => match e.name().as_ref() {
                    b"w:t" => self.in_text = false,
                    b"w:r" => self.in_run = self.in_run.saturating_sub(1),
                    b"w:p" => self.end_paragraph(),
                    b"w:tc" => {
                        if let Some(t) = self.tables.last_mut() {
                            let cell = std::mem::take(&mut t.cell);
                            t.cells.push(cell);
                        }
                    }
                    b"w:tr" => self.end_row(),
                    b"w:tbl" => {
                        self.tables.pop();
                    }
                    _ => {}
                },
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// Paragraph properties: style, numbering, outline level.
    fn property(&mut self, e: &quick_xml::events::BytesStart<'_>) {
        let Some(para) = self.paras.last_mut() else {
            return;
        };
        if self.in_run > 0 {
            return;
        }
        match e.name().as_ref() {
            b"w:pStyle" => para.style = attr(e, b"w:val"),
            b"w:numId" => para.num.num_id = attr(e, b"w:val"),
            b"w:ilvl" => para.num.ilvl = val_num(e).map(|l| l as usize),
            b"w:outlineLvl" => para.outline = val_num(e),
            _ => {}
        }
    }

    fn push_text(&mut self, s: &str) {
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(s);
        }
    }

    fn end_paragraph(&mut self) {
        let Some(para) = self.paras.pop() else {
            return;
        };
        let text = self.render(para);
        if let Some(table) = self.tables.last_mut() {
            join_into(&mut table.cell, &text, " ");
        } else {
            self.count += 1;
            self.emit(&text);
        }
    }

    fn end_row(&mut self) {
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        let cells = std::mem::take(&mut table.cells);
        let row = cells
            .iter()
            .map(|c| c.trim())
            .collect::<Vec<_>>()
            .join(CELL_SEPARATOR);
        let depth = self.tables.len();
        if depth > 1 {
            // A nested table is flattened into the cell that holds it.
            join_into(&mut self.tables[depth - 2].cell, &row, " ");
        } else {
            self.count += 1;
            self.emit(&row);
        }
    }

    fn emit(&mut self, text: &str) {
        self.out.push(text, Place::Paragraph(self.count));
    }

    /// The paragraph as Word shows it: numbering label, then the runs' text; a Markdown prefix for
    /// a heading that carries no outline marker.
    fn render(&mut self, para: Para) -> String {
        let style = para.style.as_deref().unwrap_or("Normal");
        let inherited = self.styles.numbering(style);
        let num_id = para.num.num_id.or(inherited.num_id);
        let ilvl = para.num.ilvl.or(inherited.ilvl).unwrap_or(0);
        let label = num_id
            .filter(|id| id != "0")
            .and_then(|id| self.numbering.next_label(&id, ilvl))
            .unwrap_or_default();
        let text = format!("{label}{}", para.text);
        let heading = para
            .outline
            .filter(|&l| l < 9)
            .map(|l| l as u8 + 1)
            .or_else(|| self.styles.heading_level(style));
        heading_line(heading, text)
    }
}

/// `dc:title` of docProps/core.xml, if it says anything.
fn core_title(mut xml: Xml<'_>) -> Result<Option<String>, IngestError> {
    let mut in_title = false;
    let mut title = String::new();
    loop {
        match xml.next()? {
            Event::Start(e) if e.name().as_ref() == b"dc:title" => in_title = true,
            Event::End(e) if e.name().as_ref() == b"dc:title" => in_title = false,
            Event::Text(t) if in_title => title.push_str(&xml.text(&t)?),
            Event::Eof => break,
            _ => {}
        }
    }
    let title = title.trim();
    Ok((!title.is_empty()).then(|| title.to_string()))
}
