//! Paragraph properties: the style (`istd`) and property modifiers (sprms) Word stores for each
//! paragraph mark (PlcBtePapx → PAPX FKP pages), and the paragraph styles of the stylesheet (STSH).
//! Only what text extraction needs is kept: outline level, list membership, table flags.

use super::bytes::{slice, u16_at, u32_at, u8_at};

/// What a paragraph's (or a style's) modifiers say.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Pap {
    pub outline: Option<u8>,
    pub ilfo: Option<u16>,
    pub ilvl: Option<u8>,
    pub in_table: bool,
    /// The mark ends a table row, not a cell.
    pub row_end: bool,
    /// Table nesting depth (sprmPItap).
    pub depth: u32,
}

impl Pap {
    /// Apply the sprms of `grpprl` on top of `self`.
    pub fn apply(mut self, grpprl: &[u8]) -> Pap {
        for (sprm, operand) in Sprms(grpprl) {
            let byte = operand.first().copied().unwrap_or(0);
            match sprm {
                0x2640 => self.outline = Some(byte),
                0x260A => self.ilvl = Some(byte),
                0x460B => self.ilfo = u16_at(operand, 0),
                0x2416 => self.in_table = byte != 0,
                0x2417 => self.row_end = byte != 0,
                0x6649 => {
                    self.depth = u32_at(operand, 0).unwrap_or(0);
                    self.in_table |= self.depth > 0;
                }
                _ => {}
            }
        }
        self
    }
}

/// The sprms of a grpprl: (opcode, operand).
struct Sprms<'a>(&'a [u8]);

impl<'a> Iterator for Sprms<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let sprm = u16_at(self.0, 0)?;
        let len = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            // sprmTDefTable: a two-byte size, counting one byte more than follows it.
            _ if sprm == 0xD608 => usize::from(u16_at(self.0, 2)?) + 1,
            // sprmPChgTabs with its long form: give up on the rest of this grpprl.
            _ if sprm == 0xC615 && u8_at(self.0, 2)? == 255 => return None,
            _ => usize::from(u8_at(self.0, 2)?) + 1,
        };
        let operand = slice(self.0, 2, len)?;
        self.0 = &self.0[2 + len..];
        Some((sprm, operand))
    }
}

/// A run of stored text whose paragraph marks share one PAPX.
#[derive(Debug)]
struct Run {
    fc_start: u32,
    fc_end: u32,
    istd: u16,
    grpprl: Vec<u8>,
}

/// The PAPX runs of the document, sorted by position.
#[derive(Debug, Default)]
pub(super) struct Papx {
    runs: Vec<Run>,
}

const FKP: usize = 512;

impl Papx {
    /// Read the PlcBtePapx of the table stream and the FKP pages it points to in `word`.
    pub fn parse(word: &[u8], plc: &[u8]) -> Papx {
        let n = plc.len().saturating_sub(4) / 8;
        let mut runs = Vec::new();
        for i in 0..n {
            let Some(pn) = u32_at(plc, 4 * (n + 1) + 4 * i) else {
                break;
            };
            let Some(page) = slice(word, (pn & 0x3F_FFFF) as usize * FKP, FKP) else {
                continue;
            };
            let crun = usize::from(page[FKP - 1]);
            for r in 0..crun {
                let (Some(fc_start), Some(fc_end)) = (u32_at(page, 4 * r), u32_at(page, 4 * r + 4))
                else {
                    break;
                };
                let Some(offset) = u8_at(page, 4 * (crun + 1) + 13 * r) else {
                    break;
                };
                let offset = usize::from(offset) * 2;
                let (istd, grpprl) = papx_in_fkp(page, offset).unwrap_or((0, &[]));
                runs.push(Run {
                    fc_start,
                    fc_end,
                    istd,
                    grpprl: grpprl.to_vec(),
                });
            }
        }
        runs.sort_by_key(|r| r.fc_start);
        Papx { runs }
    }

    /// The style and direct modifiers of the paragraph whose mark is stored at `fc`.
    pub fn at(&self, fc: u32) -> (u16, &[u8]) {
        let i = self.runs.partition_point(|r| r.fc_start <= fc);
        match i.checked_sub(1).map(|i| &self.runs[i]) {
            Some(r) if fc < r.fc_end => (r.istd, &r.grpprl),
            _ => (0, &[]),
        }
    }
}

/// A PapxInFkp at `offset` of an FKP page: its style and grpprl. Offset 0 means "no properties".
fn papx_in_fkp(page: &[u8], offset: usize) -> Option<(u16, &[u8])> {
    if offset == 0 {
        return None;
    }
    let cb = usize::from(u8_at(page, offset)?);
    let data = if cb != 0 {
        slice(page, offset + 1, 2 * cb - 1)?
    } else {
        slice(page, offset + 2, 2 * usize::from(u8_at(page, offset + 1)?))?
    };
    Some((u16_at(data, 0)?, data.get(2..)?))
}

/// One paragraph style of the stylesheet.
#[derive(Debug, Clone, Default)]
struct Style {
    /// Built-in style id: 1–9 are Heading 1–9.
    sti: u16,
    base: Option<usize>,
    grpprl: Vec<u8>,
}

/// The stylesheet's paragraph styles, by istd.
#[derive(Debug, Default)]
pub(super) struct Styles {
    styles: Vec<Option<Style>>,
}

/// `istdBase` meaning "no base style".
const ISTD_NIL: usize = 0x0FFF;
/// Deepest chain of based-on styles followed (Word allows 10 or so).
const MAX_BASE_DEPTH: usize = 16;

impl Styles {
    pub fn parse(stsh: &[u8]) -> Styles {
        let mut styles = Vec::new();
        let Some(cb_stshi) = u16_at(stsh, 0).map(usize::from) else {
            return Styles::default();
        };
        let cstd = u16_at(stsh, 2).map_or(0, usize::from);
        let cb_base = u16_at(stsh, 4).map_or(10, usize::from);
        let mut o = 2 + cb_stshi;
        for _ in 0..cstd {
            let Some(cb) = u16_at(stsh, o).map(usize::from) else {
                break;
            };
            let std = slice(stsh, o + 2, cb);
            o += 2 + cb;
            styles.push(std.and_then(|s| style(s, cb_base)));
        }
        Styles { styles }
    }

    /// The properties style `istd` gives its paragraphs, through its based-on chain, and its
    /// heading level by built-in identity (Heading 1–9).
    pub fn pap(&self, istd: u16) -> (Pap, Option<u8>) {
        let mut chain = Vec::new();
        let mut next = Some(usize::from(istd));
        while let Some(i) = next {
            let Some(Some(s)) = self.styles.get(i) else {
                break;
            };
            if chain.len() == MAX_BASE_DEPTH {
                break;
            }
            chain.push(s);
            next = s.base;
        }
        let heading = chain
            .first()
            .map(|s| s.sti)
            .filter(|sti| (1..=9).contains(sti))
            .map(|sti| sti as u8);
        let pap = chain
            .iter()
            .rev()
            .fold(Pap::default(), |p, s| p.apply(&s.grpprl));
        (pap, heading)
    }
}

/// An STD: a paragraph style's identity, base and paragraph modifiers (character styles give none).
fn style(std: &[u8], cb_base: usize) -> Option<Style> {
    let sti = u16_at(std, 0)? & 0x0FFF;
    let kind = u16_at(std, 2)? & 0x000F;
    let base = usize::from(u16_at(std, 2)? >> 4);
    if kind != 1 {
        return None;
    }
    // The name: a length, UTF-16 characters and a terminating NUL.
    let cch = usize::from(u16_at(std, cb_base)?);
    let mut o = cb_base + 2 + 2 * cch + 2;
    o += o % 2;
    let cb_upx = usize::from(u16_at(std, o)?);
    let upx = slice(std, o + 2, cb_upx)?;
    Some(Style {
        sti,
        base: (base != ISTD_NIL).then_some(base),
        grpprl: upx.get(2..).unwrap_or_default().to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sprms_of_every_size_are_walked() {
        // sprmPOutLvl 1, sprmTDefTable with 3 bytes after its size, sprmPIlfo 2, sprmPIlvl 0.
        let grpprl = [
            0x40, 0x26, 1, 0x08, 0xD6, 4, 0, 9, 9, 9, 0x0B, 0x46, 2, 0, 0x0A, 0x26, 0,
        ];
        let pap = Pap::default().apply(&grpprl);
        assert_eq!(pap.outline, Some(1));
        assert_eq!(pap.ilfo, Some(2));
        assert_eq!(pap.ilvl, Some(0));
        // A truncated operand ends the walk without a panic.
        assert_eq!(Pap::default().apply(&[0x0B, 0x46, 2]).ilfo, None);
    }
}
