//! Word's automatic numbering (numbering.xml): list definitions, the counters Word keeps while it lays
//! out the document, and the labels it shows (`一、`, `（一）`, `1.`).

use crate::ingest::numfmt::{advance, finish_label, format_number, Counters, LEVELS};
use crate::ingest::xml::{attr, val_num, Xml};
use crate::ingest::IngestError;
use quick_xml::events::Event;
use std::collections::HashMap;

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// `w:suff w:val="nothing"`: no tab or space after the label.
    no_suffix: bool,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: "decimal".to_string(),
            text: String::new(),
            no_suffix: false,
        }
    }
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: String,
    start_override: [Option<u32>; LEVELS],
}

/// The list definitions of one document and the counters of the lists seen so far.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
    counters: HashMap<String, Counters>,
}

impl Numbering {
    pub fn parse(mut xml: Xml<'_>) -> Result<Self, IngestError> {
        let mut numbering = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut levels: Vec<Level> = Vec::new();
        let mut level: Option<usize> = None;
        let mut num: Option<(String, Num)> = None;
        let mut override_level: Option<usize> = None;
        loop {
            match xml.next()? {
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    b"w:abstractNum" => {
                        abstract_id = attr(&e, b"w:abstractNumId");
                        levels = vec![Level::default(); LEVELS];
                    }
                    b"w:lvl" if abstract_id.is_some() => {
                        level = attr(&e, b"w:ilvl")
                            .and_then(|v| v.parse().ok())
                            .filter(|&l| l < LEVELS);
                    }
                    b"w:start" | b"w:numFmt" | b"w:lvlText" | b"w:suff" => {
                        if let Some(lvl) = level.and_then(|l| levels.get_mut(l)) {
                            let v = attr(&e, b"w:val").unwrap_or_default();
                            match e.name().as_ref() {
                                b"w:start" => lvl.start = v.trim().parse().unwrap_or(1),
                                b"w:numFmt" => lvl.format = v,
                                b"w:lvlText" => lvl.text = v,
                                _ => lvl.no_suffix = v == "nothing",
                            }
                        }
                    }
                    b"w:num" => {
                        num = attr(&e, b"w:numId").map(|id| (id, Num::default()));
                    }
                    b"w:abstractNumId" => {
                        if let (Some((_, n)), Some(v)) = (num.as_mut(), attr(&e, b"w:val")) {
                            n.abstract_id = v;
                        }
                    }
                    b"w:lvlOverride" => {
                        override_level = attr(&e, b"w:ilvl")
                            .and_then(|v| v.parse().ok())
                            .filter(|&l| l < LEVELS);
                    }
                    b"w:startOverride" => {
                        if let (Some((_, n)), Some(l)) = (num.as_mut(), override_level) {
                            n.start_override[l] = val_num(&e);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    b"w:abstractNum" => {
                        if let Some(id) = abstract_id.take() {
                            numbering.abstracts.insert(id, std::mem::take(&mut levels));
                        }
                    }
                    b"w:lvl" => level = None,
                    b"w:lvlOverride" => override_level = None,
                    b"w:num" => {
                        if let Some((id, n)) = num.take() {
                            numbering.nums.insert(id, n);
                        }
                    }
                    _ => {}
                },
                Event::Eof => return Ok(numbering),
                _ => {}
            }
        }
    }

    /// Advance list `num_id` at level `ilvl` and return the label Word shows, followed by a space when
    /// it ends in ASCII (`1. `) and by nothing after CJK punctuation (`一、`). Bullets give `None`:
    /// they carry no outline number.
    pub fn next_label(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let num = self.nums.get(num_id)?;
        let levels = self.abstracts.get(&num.abstract_id)?;
        let ilvl = ilvl.min(LEVELS - 1);
        let start = |l: usize| num.start_override[l].unwrap_or(levels[l].start);
        // Lists that restart numbering get counters of their own; others continue their definition's.
        let key = if num.start_override.iter().any(Option::is_some) {
            format!("n{num_id}")
        } else {
            format!("a{}", num.abstract_id)
        };
        let counters = self.counters.entry(key).or_default();
        advance(counters, ilvl, start(ilvl));
        let level = &levels[ilvl];
        if level.format == "bullet" {
            return None;
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .filter(|d| (1..=9).contains(d));
            match (c, placeholder) {
                ('%', Some(d)) => {
                    chars.next();
                    let l = d as usize - 1;
                    let n = counters[l].unwrap_or_else(|| start(l));
                    label.push_str(&format_number(n, &levels[l].format));
                }
                _ => label.push(c),
            }
        }
        finish_label(label, level.no_suffix)
    }
}
