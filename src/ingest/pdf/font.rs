//! What the text extractor needs of a font: how long its codes are, what text each code stands for,
//! and how far each glyph advances.

use super::cmap::ToUnicode;
use super::codes::{Charset, Codespace};
use super::stream_data;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

#[derive(Debug)]
pub(super) struct Font {
    /// `BaseFont`, for messages.
    pub name: String,
    /// How a composite font's strings split into codes; `None` for simple fonts (one byte each).
    codes: Option<Codespace>,
    to_unicode: Option<ToUnicode>,
    /// What a composite font's codes mean without a ToUnicode map.
    charset: Charset,
    widths: HashMap<u32, f32>,
    default_width: f32,
}

/// One shown glyph: its text (possibly empty) and advance in thousandths of the font size.
pub(super) struct Glyph {
    pub text: String,
    pub width: f32,
    /// The single-byte code 32, to which word spacing (`Tw`) applies.
    pub is_space_code: bool,
    /// The font gives no way to know this glyph's text (Identity-H without ToUnicode).
    pub unknown: bool,
}

impl Font {
    pub fn load<'a>(doc: &'a Document, dict: &'a Dictionary) -> Font {
        let get = |d: &'a Dictionary, key: &[u8]| d.get(key).ok().map(|o| deref(doc, o));
        let composite = get(dict, b"Subtype").and_then(|o| o.as_name().ok()) == Some(b"Type0");
        let to_unicode = get(dict, b"ToUnicode")
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| stream_data(s).ok())
            .map(|data| ToUnicode::parse(&data));
        let name = get(dict, b"BaseFont")
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_else(|| "（无名字体）".to_string());
        // A predefined CMap by name, or an embedded one (a stream, perhaps naming its base CMap).
        let (codes, charset) = match get(dict, b"Encoding") {
            Some(Object::Name(n)) => Codespace::predefined(&String::from_utf8_lossy(n)),
            Some(Object::Stream(s)) => {
                let named = [b"CMapName".as_slice(), b"UseCMap"]
                    .iter()
                    .find_map(|k| get(&s.dict, k).and_then(|o| o.as_name().ok()))
                    .map(|n| Codespace::predefined(&String::from_utf8_lossy(n)));
                let (space, charset) = named.unwrap_or((Codespace::fixed(2), Charset::Identity));
                let embedded = stream_data(s).ok().and_then(|d| Codespace::parse(&d));
                (embedded.unwrap_or(space), charset)
            }
            _ => (Codespace::fixed(2), Charset::Identity),
        };
        let mut widths = HashMap::new();
        let mut default_width = 500.0;
        if composite {
            let descendant = get(dict, b"DescendantFonts")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| deref(doc, o).as_dict().ok());
            default_width = 1000.0;
            if let Some(cid) = descendant {
                if let Some(dw) = get(cid, b"DW").and_then(|o| o.as_float().ok()) {
                    default_width = dw;
                }
                if let Some(w) = get(cid, b"W").and_then(|o| o.as_array().ok()) {
                    cid_widths(doc, w, &mut widths);
                }
            }
        } else {
            let first = get(dict, b"FirstChar")
                .and_then(|o| o.as_i64().ok())
                .unwrap_or(0);
            if let Some(w) = get(dict, b"Widths").and_then(|o| o.as_array().ok()) {
                for (i, o) in w.iter().enumerate() {
                    if let (Ok(code), Ok(width)) =
                        (u32::try_from(first + i as i64), deref(doc, o).as_float())
                    {
                        widths.insert(code, width);
                    }
                }
            }
        }
        Font {
            name,
            codes: composite.then_some(codes),
            to_unicode,
            charset,
            widths,
            default_width,
        }
    }

    /// The glyphs a string operand shows.
    pub fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let codes = match &self.codes {
            Some(space) => space.split(bytes),
            None => bytes.chunks(1).collect(),
        };
        codes
            .into_iter()
            .map(|chunk| {
                let code = chunk.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b));
                let text = self.text(code, chunk);
                Glyph {
                    unknown: text.is_none(),
                    text: text.unwrap_or_default(),
                    width: self.width(code),
                    is_space_code: self.codes.is_none() && code == 32,
                }
            })
            .collect()
    }

    /// Widths are by CID. Identity codes are CIDs; the predefined Chinese CMaps put ASCII at
    /// CIDs 1–95 of their character collections (code − 31); other codes get the default width.
    fn width(&self, code: u32) -> f32 {
        let cid = match self.charset {
            Charset::Identity => Some(code),
            _ if (0x20..0x7F).contains(&code) => Some(code - 31),
            _ => None,
        };
        cid.and_then(|c| self.widths.get(&c).copied())
            .unwrap_or(self.default_width)
    }

    /// The text of a code; `None` when nothing says what it is.
    fn text(&self, code: u32, bytes: &[u8]) -> Option<String> {
        // Where the encoding gives code lengths and meanings (a predefined Chinese CMap), a map
        // entry of another length is not for this code: Ghostscript writes two-byte entries for
        // the one-byte ASCII codes of GBK-EUC-H that map 2 to Q; the CMap's own meaning holds.
        let exact = self.codes.is_some() && self.charset != Charset::Identity;
        let mapped = self.to_unicode.as_ref();
        if let Some(s) = mapped.and_then(|t| t.get(code, bytes.len(), exact)) {
            return Some(s);
        }
        if self.codes.is_none() {
            // Simple fonts without a map are in practice WinAnsi/Standard: ASCII is the same.
            let b = code as u8;
            return Some(if b.is_ascii_graphic() || b == b' ' {
                char::from(b).to_string()
            } else {
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&[b])
                    .0
                    .into_owned()
            });
        }
        self.charset.decode(bytes)
    }
}

/// `/W [c [w1 w2 …] c_first c_last w …]`.
fn cid_widths(doc: &Document, w: &[Object], widths: &mut HashMap<u32, f32>) {
    let num = |o: &Object| deref(doc, o).as_float().ok();
    let mut i = 0;
    while i < w.len() {
        let Some(first) = num(&w[i]).map(|f| f as u32) else {
            break;
        };
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate().take(65_536) {
                    if let Some(width) = num(o) {
                        widths.insert(first + k as u32, width);
                    }
                }
                i += 2;
            }
            Some(_) => {
                let (Some(last), Some(width)) =
                    (w.get(i + 1).and_then(num), w.get(i + 2).and_then(num))
                else {
                    break;
                };
                for c in first..=(last as u32).min(first + 65_536) {
                    widths.insert(c, width);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// Follow a reference (one level; lopdf resolves chains lazily and a loop must not hang us).
pub(super) fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}
