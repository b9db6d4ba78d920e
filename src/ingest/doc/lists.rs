//! Automatic numbering of a binary Word file: list definitions (PlfLst with its LVLs), the list
//! instances paragraphs point to (PlfLfo, by `ilfo`), and the counters Word keeps while laying out.

use super::bytes::{slice, u16_at, u32_at, u8_at};
use crate::ingest::numfmt::{advance, finish_label, format_number, Counters, LEVELS};
use std::collections::HashMap;

#[derive(Debug, Clone, Default, PartialEq)]
struct Level {
    start: u32,
    /// Number format as ST_NumberFormat names it.
    format: &'static str,
    /// The label with placeholders: a char below 9 stands for that level's number.
    text: Vec<u16>,
    /// Nothing (not a tab or space) follows the label.
    no_suffix: bool,
}

/// One list instance (LFO): which definition, and start numbers it overrides.
#[derive(Debug, Default)]
struct Instance {
    lsid: i32,
    start_override: [Option<u32>; LEVELS],
}

#[derive(Debug, Default)]
pub(super) struct Lists {
    definitions: HashMap<i32, Vec<Level>>,
    instances: Vec<Instance>,
    counters: HashMap<String, Counters>,
    /// The last numbered paragraph: its instance, level, and how many items its list had then.
    last: Option<(u16, usize, u32)>,
    items: HashMap<String, u32>,
}

impl Lists {
    /// `plf_lst` runs from fcPlfLst to the end of the table stream (its LVLs follow it); `plf_lfo`
    /// is the PlfLfo.
    pub fn parse(plf_lst: &[u8], plf_lfo: &[u8]) -> Lists {
        let mut lists = Lists::default();
        let count = u16_at(plf_lst, 0).map_or(0, usize::from);
        let mut o = 2 + count * 28;
        for i in 0..count {
            let lstf = 2 + i * 28;
            let (Some(lsid), Some(flags)) = (u32_at(plf_lst, lstf), u8_at(plf_lst, lstf + 26))
            else {
                break;
            };
            let n = if flags & 1 != 0 { 1 } else { LEVELS };
            let mut levels = Vec::with_capacity(LEVELS);
            for _ in 0..n {
                let Some((level, len)) = level(plf_lst, o) else {
                    return lists.with_instances(plf_lfo);
                };
                levels.push(level);
                o += len;
            }
            levels.resize(LEVELS, Level::default());
            lists.definitions.insert(lsid as i32, levels);
        }
        lists.with_instances(plf_lfo)
    }

    fn with_instances(mut self, plf_lfo: &[u8]) -> Lists {
        let count = u32_at(plf_lfo, 0)
            .map_or(0, |n| n as usize)
            .min(plf_lfo.len() / 16);
        let mut data = 4 + count * 16;
        for i in 0..count {
            let lfo = 4 + i * 16;
            let (Some(lsid), Some(clfolvl)) = (u32_at(plf_lfo, lfo), u8_at(plf_lfo, lfo + 12))
            else {
                break;
            };
            let mut instance = Instance {
                lsid: lsid as i32,
                ..Instance::default()
            };
            // LFOData: a CP, then one LFOLVL per overridden level (an LVL after it if it
            // overrides the formatting too).
            data += 4;
            for _ in 0..clfolvl {
                let (Some(start), Some(flags)) = (u32_at(plf_lfo, data), u32_at(plf_lfo, data + 4))
                else {
                    break;
                };
                data += 8;
                let ilvl = (flags & 0x0F) as usize;
                if flags & 0x10 != 0 && ilvl < LEVELS {
                    instance.start_override[ilvl] = Some(start);
                }
                if flags & 0x20 != 0 {
                    match level(plf_lfo, data) {
                        Some((_, len)) => data += len,
                        None => break,
                    }
                }
            }
            self.instances.push(instance);
        }
        self
    }

    /// Advance list instance `ilfo` (1-based) at level `ilvl` and return the label Word shows,
    /// followed by a space when it ends in ASCII (`1. `). Bullets and unknown lists give `None`.
    pub fn next_label(&mut self, ilfo: u16, ilvl: u8) -> Option<String> {
        let index = usize::from(ilfo).checked_sub(1)?;
        let instance = self.instances.get(index)?;
        let levels = self.definitions.get(&instance.lsid)?;
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        let start = |l: usize| instance.start_override[l].unwrap_or(levels[l].start);
        // Instances that restart numbering count on their own; others continue their list's.
        let key = self.key(ilfo)?;
        if !self.counters.contains_key(&key) {
            if let Some(counters) = self.restarted_before(ilfo, ilvl) {
                self.counters.insert(key.clone(), counters);
            }
        }
        let items = self.items.entry(key.clone()).or_default();
        *items += 1;
        self.last = Some((ilfo, ilvl, *items));
        let counters = self.counters.entry(key).or_default();
        advance(counters, ilvl, start(ilvl));
        let level = &levels[ilvl];
        if level.format == "bullet" {
            return None;
        }
        let mut label = String::new();
        for unit in char::decode_utf16(level.text.iter().copied()) {
            match unit {
                Ok(c) if (c as u32) < LEVELS as u32 => {
                    let l = c as usize;
                    let n = counters[l].unwrap_or_else(|| start(l));
                    label.push_str(&format_number(n, levels[l].format));
                }
                Ok(c) => label.push(c),
                Err(_) => {}
            }
        }
        finish_label(label, level.no_suffix)
    }
}

impl Lists {
    /// LibreOffice writes a list restarted at N as a list of its own that starts at N and holds
    /// the restarting item only, made after the list it interrupts; the items after it stay in the
    /// original list, which Word would number from its own start again (1, 1, 2, 3). When a list's
    /// first item follows such a one-item later-made list with the same level definition, it
    /// continues that list's count, as the author saw it.
    fn restarted_before(&self, ilfo: u16, ilvl: usize) -> Option<Counters> {
        let (prev, prev_level, prev_items) = self.last?;
        if prev <= ilfo || prev_level != ilvl || prev_items != 1 {
            return None;
        }
        let definition = |i: u16| {
            let instance = self.instances.get(usize::from(i).checked_sub(1)?)?;
            self.definitions.get(&instance.lsid)?.get(ilvl)
        };
        if definition(prev)? != definition(ilfo)? {
            return None;
        }
        let prev_key = self.key(prev)?;
        self.counters.get(&prev_key).copied()
    }

    fn key(&self, ilfo: u16) -> Option<String> {
        let instance = self.instances.get(usize::from(ilfo).checked_sub(1)?)?;
        Some(if instance.start_override.iter().any(Option::is_some) {
            format!("i{ilfo}")
        } else {
            format!("l{}", instance.lsid)
        })
    }
}

/// An LVL at `o`: the level and how many bytes it takes.
fn level(b: &[u8], o: usize) -> Option<(Level, usize)> {
    let start = u32_at(b, o)?;
    let nfc = u8_at(b, o + 4)?;
    let follow = u8_at(b, o + 15)?;
    let chpx = usize::from(u8_at(b, o + 24)?);
    let papx = usize::from(u8_at(b, o + 25)?);
    let xst = o + 28 + papx + chpx;
    let cch = usize::from(u16_at(b, xst)?);
    let text = slice(b, xst + 2, 2 * cch)?
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let level = Level {
        start,
        format: number_format(nfc),
        text,
        no_suffix: follow == 2,
    };
    Some((level, 28 + papx + chpx + 2 + 2 * cch))
}

/// The MSONFC number formats, by the names [`format_number`] knows.
fn number_format(nfc: u8) -> &'static str {
    match nfc {
        1 => "upperRoman",
        2 => "lowerRoman",
        3 => "upperLetter",
        4 => "lowerLetter",
        10 => "ideographDigital",
        11 => "japaneseCounting",
        14 | 19 => "decimalFullWidth",
        16 => "japaneseLegal",
        17 => "japaneseDigitalTenThousand",
        18 => "decimalEnclosedCircle",
        22 => "decimalZero",
        23 => "bullet",
        26 => "decimalEnclosedFullstop",
        27 => "decimalEnclosedParen",
        28 => "decimalEnclosedCircleChinese",
        30 => "ideographTraditional",
        31 => "ideographZodiac",
        33 => "taiwaneseCounting",
        35 => "taiwaneseCountingThousand",
        36 => "taiwaneseDigital",
        37 => "chineseCounting",
        38 => "chineseLegalSimplified",
        39 => "chineseCountingThousand",
        255 => "none",
        _ => "decimal",
    }
}
