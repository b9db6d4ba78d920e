//! How a composite (Type0) font's string splits into character codes, and what a code means when
//! the font has no ToUnicode map: the predefined CMaps of Chinese fonts encode characters in GBK,
//! GB 2312, Big5, UCS-2 or UTF-16, so the codes decode as text in that encoding.

/// The text encoding behind a CMap, for fonts without a ToUnicode map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Charset {
    /// Identity-H/V and unknown CMaps: codes are glyph numbers; their text is unknown.
    Identity,
    Ucs2,
    Utf16,
    /// GB-EUC, GBpc-EUC, GBK-EUC, GBKp-EUC, GBK2K (GB 2312 ⊂ GBK ⊂ GB18030).
    Gb,
    /// B5pc, ETen-B5, HKscs-B5.
    Big5,
}

/// One codespace range: codes of `lo.len()` bytes, each byte within its bounds.
#[derive(Debug, Clone)]
pub(super) struct Range {
    lo: Vec<u8>,
    hi: Vec<u8>,
}

#[derive(Debug, Clone)]
pub(super) struct Codespace(Vec<Range>);

fn range(lo: &[u8], hi: &[u8]) -> Range {
    Range {
        lo: lo.to_vec(),
        hi: hi.to_vec(),
    }
}

impl Codespace {
    /// Codes of exactly `n` bytes.
    pub fn fixed(n: usize) -> Codespace {
        Codespace(vec![range(&vec![0; n], &vec![0xFF; n])])
    }

    /// The codespace and encoding of a predefined CMap, by name (`GBK-EUC-H`, `UniGB-UCS2-V`…).
    pub fn predefined(name: &str) -> (Codespace, Charset) {
        let ascii = range(&[0x00], &[0x80]);
        let n = name.to_ascii_uppercase();
        if n.contains("UTF16") {
            let surrogates = range(&[0xD8, 0x00, 0xDC, 0x00], &[0xDB, 0xFF, 0xDF, 0xFF]);
            (
                Codespace(vec![
                    range(&[0, 0], &[0xD7, 0xFF]),
                    surrogates,
                    range(&[0xE0, 0], &[0xFF, 0xFF]),
                ]),
                Charset::Utf16,
            )
        } else if n.contains("UCS2") {
            (Codespace::fixed(2), Charset::Ucs2)
        } else if n.starts_with("GBK2K") {
            let four = range(&[0x81, 0x30, 0x81, 0x30], &[0xFE, 0x39, 0xFE, 0x39]);
            let two = range(&[0x81, 0x40], &[0xFE, 0xFE]);
            (Codespace(vec![ascii, two, four]), Charset::Gb)
        } else if n.starts_with("GBK") || n.starts_with("GBPC") {
            (
                Codespace(vec![ascii, range(&[0x81, 0x40], &[0xFE, 0xFE])]),
                Charset::Gb,
            )
        } else if n.starts_with("GB-EUC") || n.starts_with("GB-H") || n.starts_with("GB-V") {
            (
                Codespace(vec![ascii, range(&[0xA1, 0xA1], &[0xFE, 0xFE])]),
                Charset::Gb,
            )
        } else if n.contains("B5") {
            (
                Codespace(vec![ascii, range(&[0xA1, 0x40], &[0xFE, 0xFE])]),
                Charset::Big5,
            )
        } else {
            (Codespace::fixed(2), Charset::Identity)
        }
    }

    /// The `begincodespacerange` entries of an embedded CMap, if it has any.
    pub fn parse(cmap: &[u8]) -> Option<Codespace> {
        let text = String::from_utf8_lossy(cmap);
        let mut ranges = Vec::new();
        let mut rest = text.as_ref();
        while let Some(start) = rest.find("begincodespacerange") {
            let body = &rest[start + "begincodespacerange".len()..];
            let end = body.find("endcodespacerange").unwrap_or(body.len());
            let hexes: Vec<Vec<u8>> = body[..end]
                .split('<')
                .skip(1)
                .filter_map(|h| h.split('>').next())
                .map(|h| super::cmap::hex(h.as_bytes()))
                .collect();
            for pair in hexes.chunks_exact(2) {
                if pair[0].len() == pair[1].len() && (1..=4).contains(&pair[0].len()) {
                    ranges.push(range(&pair[0], &pair[1]));
                }
            }
            rest = &body[end..];
        }
        (!ranges.is_empty()).then_some(Codespace(ranges))
    }

    /// Split `bytes` into codes: at each place the range whose bytes all match wins; a byte that
    /// starts no code is taken with the length of a range its first byte fits, or alone.
    pub fn split<'b>(&self, bytes: &'b [u8]) -> Vec<&'b [u8]> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let rest = &bytes[i..];
            let fits = |r: &Range, n: usize| {
                rest.len() >= r.lo.len() && (0..n).all(|k| (r.lo[k]..=r.hi[k]).contains(&rest[k]))
            };
            let len = self
                .0
                .iter()
                .find(|r| fits(r, r.lo.len()))
                .or_else(|| self.0.iter().find(|r| fits(r, 1)))
                .map_or(1, |r| r.lo.len())
                .min(rest.len());
            out.push(&rest[..len]);
            i += len;
        }
        out
    }
}

impl Charset {
    /// The text of one code, `None` when the codes are glyph numbers.
    pub fn decode(self, code: &[u8]) -> Option<String> {
        let text = match self {
            Charset::Identity => return None,
            Charset::Ucs2 | Charset::Utf16 => {
                let units: Vec<u16> = code
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                    .collect();
                String::from_utf16_lossy(&units)
            }
            Charset::Gb => encoding_rs::GB18030
                .decode_without_bom_handling(code)
                .0
                .into_owned(),
            Charset::Big5 => encoding_rs::BIG5
                .decode_without_bom_handling(code)
                .0
                .into_owned(),
        };
        Some(text.replace('\u{FFFD}', ""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_codes_are_one_or_two_bytes() {
        let (space, charset) = Codespace::predefined("GBK-EUC-H");
        // "2024年" in GBK: four ASCII bytes and one two-byte code.
        let bytes = b"2024\xC4\xEA";
        let codes = space.split(bytes);
        assert_eq!(codes.len(), 5);
        let text: String = codes.iter().filter_map(|c| charset.decode(c)).collect();
        assert_eq!(text, "2024年");
    }

    #[test]
    fn gb_euc_and_gbk2k_four_byte_codes() {
        let (space, charset) = Codespace::predefined("GB-EUC-H");
        let codes = space.split(b"A\xD6\xD0");
        assert_eq!(codes, [b"A".as_slice(), b"\xD6\xD0"]);
        assert_eq!(charset.decode(codes[1]).as_deref(), Some("中"));
        // 𠀀 (U+20000) is four bytes in GB18030, between two-byte 中 and one-byte 1.
        let (space, charset) = Codespace::predefined("GBK2K-H");
        let codes = space.split(b"\xD6\xD0\x95\x32\x82\x36\x31");
        assert_eq!(codes.len(), 3);
        let text: String = codes.iter().filter_map(|c| charset.decode(c)).collect();
        assert_eq!(text, "中\u{20000}1");
        let (space, charset) = Codespace::predefined("UniCNS-UCS2-H");
        let codes = space.split(&[0x4E, 0x2D, 0x00, 0x31]);
        let text: String = codes.iter().filter_map(|c| charset.decode(c)).collect();
        assert_eq!(text, "中1");
    }

    #[test]
    fn utf16_surrogate_pairs_are_one_code() {
        let (space, charset) = Codespace::predefined("UniGB-UTF16-H");
        let codes = space.split(&[0x4E, 0x00, 0xD8, 0x40, 0xDC, 0x00]);
        assert_eq!(codes.len(), 2);
        assert_eq!(charset.decode(codes[1]).as_deref(), Some("\u{20000}"));
    }

    #[test]
    fn big5_and_embedded_codespaces() {
        let (space, charset) = Codespace::predefined("ETen-B5-H");
        let codes = space.split(b"\xA4\xA4A");
        assert_eq!(charset.decode(codes[0]).as_deref(), Some("中"));
        assert_eq!(codes[1], b"A");
        let embedded =
            Codespace::parse(b"2 begincodespacerange <00> <7F> <8140> <FEFE> endcodespacerange")
                .unwrap();
        assert_eq!(embedded.split(b"a\x81\x40b").len(), 3);
        assert!(Codespace::parse(b"no ranges").is_none());
        assert_eq!(Codespace::predefined("Identity-H").1, Charset::Identity);
    }
}
