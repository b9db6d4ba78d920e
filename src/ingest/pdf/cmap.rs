//! ToUnicode CMaps: character codes → Unicode text.
//! lopdf's own decoder reads every code as two bytes, which garbles the one-byte subsets office
//! software writes for CJK fonts.

use std::collections::HashMap;

/// Codes are kept with their length in bytes: `<32>` and `<0032>` are different codes.
#[derive(Debug, Default)]
pub(super) struct ToUnicode {
    chars: HashMap<(usize, u32), String>,
    /// `(length, first, last, UTF-16 of first)`: later codes add their offset to the last unit.
    ranges: Vec<(usize, u32, u32, Vec<u16>)>,
}

impl ToUnicode {
    pub fn parse(data: &[u8]) -> Self {
        let tokens = tokens(data);
        let mut map = ToUnicode::default();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                Token::Word(w) if w == "beginbfchar" => {
                    i += 1;
                    while let (Some(Token::Hex(src)), Some(Token::Hex(dst))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        map.chars.insert(code(src), utf16(dst));
                        i += 2;
                    }
                }
                Token::Word(w) if w == "beginbfrange" => {
                    i += 1;
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        let ((len, lo), (_, hi)) = (code(lo), code(hi));
                        match tokens.get(i + 2) {
                            Some(Token::Hex(dst)) => {
                                map.ranges.push((len, lo, hi, units(dst)));
                                i += 3;
                            }
                            Some(Token::Array(items)) => {
                                for (c, dst) in (lo..=hi).zip(items) {
                                    map.chars.insert((len, c), utf16(dst));
                                }
                                i += 3;
                            }
                            _ => break,
                        }
                    }
                }
                _ => i += 1,
            }
        }
        map
    }

    /// The text of `code`, `len` bytes long. With `exact`, only an entry of that length applies;
    /// otherwise any length does (simple fonts' maps are sometimes written with two-byte codes).
    pub fn get(&self, code: u32, len: usize, exact: bool) -> Option<String> {
        let fits = |l: usize| l == len || !exact;
        if let Some(s) = (1..=4).find_map(|l| fits(l).then(|| self.chars.get(&(l, code))).flatten())
        {
            return Some(s.clone());
        }
        let (_, lo, _, start) = self
            .ranges
            .iter()
            .find(|(l, lo, hi, _)| fits(*l) && (*lo..=*hi).contains(&code))?;
        let mut units = start.clone();
        let last = units.last_mut()?;
        *last = last.wrapping_add(u16::try_from(code - lo).ok()?);
        Some(String::from_utf16_lossy(&units))
    }
}

#[derive(Debug)]
enum Token {
    Hex(Vec<u8>),
    Array(Vec<Vec<u8>>),
    Word(String),
}

/// A source code as (length in bytes, value).
fn code(bytes: &[u8]) -> (usize, u32) {
    let value = bytes
        .iter()
        .take(4)
        .fold(0, |acc, &b| acc << 8 | u32::from(b));
    (bytes.len().min(4), value)
}

fn units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect()
}

fn utf16(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&units(bytes))
}

/// The tokens a ToUnicode CMap needs: hex strings, arrays of them, and bare words.
fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut array: Option<Vec<Vec<u8>>> = None;
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + p);
                let hex = hex(&data[i + 1..end]);
                match array.as_mut() {
                    Some(a) => a.push(hex),
                    None => out.push(Token::Hex(hex)),
                }
                i = end + 1;
            }
            b'<' | b'>' => i += 2,
            b'[' => {
                array = Some(Vec::new());
                i += 1;
            }
            b']' => {
                out.extend(array.take().map(Token::Array));
                i += 1;
            }
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b if b.is_ascii_alphabetic() => {
                let start = i;
                while i < data.len() && data[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                out.push(Token::Word(
                    String::from_utf8_lossy(&data[start..i]).into_owned(),
                ));
            }
            _ => i += 1,
        }
    }
    out
}

/// The bytes a PDF hex string's digits spell (`<D5C5>`); an odd last digit is padded with 0.
pub(super) fn hex(digits: &[u8]) -> Vec<u8> {
    let nibbles: Vec<u8> = digits
        .iter()
        .filter_map(|&d| (d as char).to_digit(16).map(|n| n as u8))
        .collect();
    nibbles
        .chunks(2)
        .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::ToUnicode;

    #[test]
    fn one_byte_codes_and_ranges() {
        let cmap = ToUnicode::parse(
            b"1 begincodespacerange <00> <FF> endcodespacerange\n\
              2 beginbfchar <01> <4E00> <02> <0020> endbfchar\n\
              1 beginbfrange <10> <12> <5E74> endbfrange\n\
              1 beginbfrange <20> <21> [<0031> <0032>] endbfrange",
        );
        let get = |code| cmap.get(code, 1, true);
        assert_eq!(get(1).as_deref(), Some("一"));
        assert_eq!(get(0x10).as_deref(), Some("年"));
        assert_eq!(get(0x11).as_deref(), Some("幵"));
        assert_eq!(get(0x21).as_deref(), Some("2"));
        assert_eq!(get(0x30), None);
        // A two-byte code is not the one-byte code of the same value, unless lengths are ignored.
        assert_eq!(cmap.get(1, 2, true), None);
        assert_eq!(cmap.get(1, 2, false).as_deref(), Some("一"));
    }
}
