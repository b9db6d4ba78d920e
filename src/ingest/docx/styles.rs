//! Paragraph styles (styles.xml): which are headings, at what level, and which carry numbering.

use crate::ingest::xml::{attr, val_num, Xml};
use crate::ingest::IngestError;
use quick_xml::events::Event;
use std::collections::HashMap;

/// Numbering a paragraph takes part in: `w:numId` and level.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct NumRef {
    pub num_id: Option<String>,
    pub ilvl: Option<usize>,
}

#[derive(Debug, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    /// 0-based `w:outlineLvl`.
    outline: Option<u32>,
    num: NumRef,
}

#[derive(Debug, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
}

/// Chains of `basedOn` longer than this are treated as broken (they may loop).
const MAX_CHAIN: usize = 16;

impl Styles {
    pub fn parse(mut xml: Xml<'_>) -> Result<Self, IngestError> {
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        loop {
            match xml.next()? {
                Event::Start(e) | Event::Empty(e) => {
                    let name = e.name();
                    if name.as_ref() == b"w:style" {
                        current = attr(&e, b"w:styleId").map(|id| (id, Style::default()));
                        continue;
                    }
                    let Some((_, style)) = current.as_mut() else {
                        continue;
                    };
                    match name.as_ref() {
                        b"w:name" => style.name = attr(&e, b"w:val").unwrap_or_default(),
                        b"w:basedOn" => style.based_on = attr(&e, b"w:val"),
                        b"w:outlineLvl" => style.outline = val_num(&e),
                        b"w:numId" => style.num.num_id = attr(&e, b"w:val"),
                        b"w:ilvl" => style.num.ilvl = val_num(&e).map(|l| l as usize),
                        _ => {}
                    }
                }
                Event::End(e) if e.name().as_ref() == b"w:style" => {
                    if let Some((id, style)) = current.take() {
                        styles.styles.insert(id, style);
                    }
                }
                Event::Eof => return Ok(styles),
                _ => {}
            }
        }
    }

    /// Heading level 1–9 of style `id`: from a name like `heading 2` / `标题 2`, or its outline level,
    /// inherited through `basedOn`.
    pub fn heading_level(&self, id: &str) -> Option<u8> {
        self.chain(id).find_map(|s| {
            name_level(&s.name).or_else(|| s.outline.filter(|&l| l < 9).map(|l| l as u8 + 1))
        })
    }

    /// The numbering a style gives its paragraphs, inherited through `basedOn`.
    pub fn numbering(&self, id: &str) -> NumRef {
        let num_id = self.chain(id).find_map(|s| s.num.num_id.clone());
        let ilvl = self.chain(id).find_map(|s| s.num.ilvl);
        NumRef { num_id, ilvl }
    }

    fn chain<'s>(&'s self, id: &str) -> impl Iterator<Item = &'s Style> + 's {
        let mut next = self.styles.get(id);
        std::iter::from_fn(move || {
            let style = next?;
            next = style.based_on.as_deref().and_then(|b| self.styles.get(b));
            Some(style)
        })
        .take(MAX_CHAIN)
    }
}

fn name_level(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    rest.trim()
        .parse::<u8>()
        .ok()
        .filter(|l| (1..=9).contains(l))
}
