//! A streaming XML reader over one part of the package that caps nesting depth and turns every
//! problem into an [`IngestError`] naming the part.

use crate::ingest::limits::XML_MAX_DEPTH;
use crate::ingest::{Format, IngestError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

pub(crate) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    depth: usize,
    path: &'a str,
    format: Format,
    part: &'a str,
}

impl<'a> Xml<'a> {
    pub fn new(path: &'a str, format: Format, part: &'a str, bytes: &'a [u8]) -> Self {
        Xml {
            reader: Reader::from_reader(bytes),
            depth: 0,
            path,
            format,
            part,
        }
    }

    /// The next event; `Event::Eof` at the end.
    pub fn next(&mut self) -> Result<Event<'a>, IngestError> {
        let event = self.reader.read_event().map_err(|e| {
            self.corrupt(format!(
                "{} 第 {} 字节处 XML 有误：{e}",
                self.part,
                self.reader.error_position()
            ))
        })?;
        match &event {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > XML_MAX_DEPTH {
                    return Err(IngestError::LimitExceeded {
                        path: self.path.to_string(),
                        what: format!("{} 的元素嵌套层数", self.part),
                        limit: XML_MAX_DEPTH.to_string(),
                    });
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::Eof if self.depth > 0 => {
                return Err(self.corrupt(format!("{} 在元素结束之前就中断了", self.part)))
            }
            _ => {}
        }
        Ok(event)
    }

    /// Text content with entities decoded.
    pub fn text(&self, raw: &quick_xml::events::BytesText<'_>) -> Result<String, IngestError> {
        raw.unescape()
            .map(|t| t.into_owned())
            .map_err(|e| self.corrupt(format!("{} 中的文字无法解码：{e}", self.part)))
    }

    /// Skip the rest of the element whose start was just read.
    pub fn skip(&mut self) -> Result<(), IngestError> {
        let target = self.depth - 1;
        while self.depth > target {
            if let Event::Eof = self.next()? {
                break;
            }
        }
        Ok(())
    }

    fn corrupt(&self, detail: String) -> IngestError {
        IngestError::Corrupt {
            path: self.path.to_string(),
            format: self.format.label(),
            detail,
        }
    }
}

/// The value of attribute `key` (qualified name, e.g. `w:val`).
pub(crate) fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// `w:val` as a number.
pub(crate) fn val_num(e: &BytesStart<'_>) -> Option<u32> {
    attr(e, b"w:val").and_then(|v| v.trim().parse().ok())
}
