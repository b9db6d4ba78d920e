//! The document's characters through the piece table (CLX → PlcPcd): each piece is a run of
//! characters stored either as 16-bit units or "compressed" as single Windows-1252 bytes, at some
//! place of the WordDocument stream. The place of each character (its FC) finds its paragraph's
//! properties later.

use super::bytes::{slice, u16_at, u32_at, u8_at};

/// One character unit of the main document and where it is stored.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit {
    pub ch: u16,
    pub fc: u32,
}

/// The characters `0..ccp_text` of the document, or why not.
pub(super) fn main_text(
    word: &[u8],
    clx: &[u8],
    ccp_text: u32,
    max_chars: usize,
) -> Result<Vec<Unit>, String> {
    let plc = piece_table(clx).ok_or("段落片段表（piece table）缺失或已损坏")?;
    let n = (plc.len() - 4) / 12;
    let cp = |i: usize| u32_at(plc, i * 4).unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..n {
        let (start, end) = (cp(i), cp(i + 1).min(ccp_text));
        if start >= end {
            continue;
        }
        let pcd = 4 * (n + 1) + i * 8;
        let fc_raw = u32_at(plc, pcd + 2).ok_or("片段描述不完整")?;
        let compressed = fc_raw & 0x4000_0000 != 0;
        let fc = fc_raw & 0x3FFF_FFFF;
        let len = (end - start) as usize;
        if out.len() + len > max_chars {
            return Err(format!("正文超过 {max_chars} 个字符"));
        }
        if compressed {
            let base = (fc / 2) as usize;
            let bytes = slice(word, base, len).ok_or("片段超出文件末尾")?;
            for (k, &b) in bytes.iter().enumerate() {
                out.push(Unit {
                    ch: cp1252(b),
                    fc: (base + k) as u32,
                });
            }
        } else {
            let base = fc as usize;
            slice(word, base, len * 2).ok_or("片段超出文件末尾")?;
            for k in 0..len {
                out.push(Unit {
                    ch: u16_at(word, base + 2 * k).unwrap_or(0),
                    fc: (base + 2 * k) as u32,
                });
            }
        }
    }
    Ok(out)
}

/// The PlcPcd inside a CLX: property runs (`0x01`) first, then the piece table (`0x02`).
fn piece_table(clx: &[u8]) -> Option<&[u8]> {
    let mut o = 0;
    loop {
        match u8_at(clx, o)? {
            0x01 => o += 3 + usize::from(u16_at(clx, o + 1)?),
            0x02 => {
                let lcb = u32_at(clx, o + 1)? as usize;
                let plc = slice(clx, o + 5, lcb)?;
                return (lcb >= 16 && (lcb - 4).is_multiple_of(12)).then_some(plc);
            }
            _ => return None,
        }
    }
}

/// A compressed character: Windows-1252, as the format says.
fn cp1252(b: u8) -> u16 {
    let byte = [b];
    let (s, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
    s.encode_utf16().next().unwrap_or(u16::from(b))
}
