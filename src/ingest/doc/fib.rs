//! The File Information Block at the start of the WordDocument stream: where everything else is.

use super::bytes::{u16_at, u32_at};

/// The `wIdent` of a Word 97 and later (and WPS) document.
const WORD_IDENT: u16 = 0xA5EC;
/// Word 97 and later write nFib 193 (0xC1, 0xC0 in betas); Word 6.0 wrote 101 and Word 95 104,
/// with another FIB layout and 8-bit text.
const MIN_NFIB: u16 = 0xC0;

/// Indexes of the fc/lcb pairs used, in FibRgFcLcb97.
pub(super) const STSHF: usize = 1;
pub(super) const PLCF_BTE_PAPX: usize = 13;
pub(super) const CLX: usize = 33;
pub(super) const PLF_LST: usize = 73;
pub(super) const PLF_LFO: usize = 74;

#[derive(Debug)]
pub(super) struct Fib {
    pub encrypted: bool,
    /// Which table stream holds the tables: `1Table` or `0Table`.
    pub table_stream: &'static str,
    /// Characters of the main document (the body, before footnotes, headers and text boxes).
    pub ccp_text: u32,
    fc_lcb: Vec<(u32, u32)>,
}

/// Why the FIB could not be read.
pub(super) enum FibError {
    NotWord,
    TooOld,
    Truncated,
}

impl Fib {
    pub fn parse(b: &[u8]) -> Result<Fib, FibError> {
        if u16_at(b, 0) != Some(WORD_IDENT) {
            return Err(FibError::NotWord);
        }
        let nfib = u16_at(b, 2).ok_or(FibError::Truncated)?;
        if nfib < MIN_NFIB {
            return Err(FibError::TooOld);
        }
        let flags = u16_at(b, 0x0A).ok_or(FibError::Truncated)?;
        let csw = usize::from(u16_at(b, 32).ok_or(FibError::Truncated)?);
        let lw = 34 + csw * 2;
        let cslw = usize::from(u16_at(b, lw).ok_or(FibError::Truncated)?);
        let ccp_text = u32_at(b, lw + 2 + 3 * 4).ok_or(FibError::Truncated)?;
        let fc = lw + 2 + cslw * 4;
        let count = usize::from(u16_at(b, fc).ok_or(FibError::Truncated)?);
        let fc_lcb = (0..count)
            .map_while(|i| Some((u32_at(b, fc + 2 + i * 8)?, u32_at(b, fc + 6 + i * 8)?)))
            .collect();
        Ok(Fib {
            // fEncrypted, or fObfuscated (XOR "encryption").
            encrypted: flags & 0x0100 != 0 || flags & 0x8000 != 0,
            table_stream: if flags & 0x0200 != 0 {
                "1Table"
            } else {
                "0Table"
            },
            ccp_text,
            fc_lcb,
        })
    }

    /// The (offset, length) pair `index`; `None` when the file has no such structure.
    pub fn get(&self, index: usize) -> Option<(usize, usize)> {
        let &(fc, lcb) = self.fc_lcb.get(index)?;
        (lcb > 0).then_some((fc as usize, lcb as usize))
    }
}
