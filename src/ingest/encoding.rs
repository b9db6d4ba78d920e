//! Bytes → `String`: BOM sniffing, UTF-16 without a BOM, strict UTF-8 (a character cut off at the
//! very end dropped), GB18030 or Big5 told apart by chardetng, or the encoding the user chose.

use super::{EncodingChoice, IngestError};
use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// Decoded text and the name of the encoding it came from.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decode `bytes`. With [`EncodingChoice::Auto`], a BOM decides, then UTF-16 recognised by content,
/// then strict UTF-8, then GB18030 or Big5 (the likelier first, by chardetng) if the result reads
/// as Chinese; `declared` is an encoding the file names itself (an HTML `charset`).
pub(crate) fn decode(
    name: &str,
    bytes: &[u8],
    choice: EncodingChoice,
    declared: Option<&'static Encoding>,
) -> Result<Decoded, IngestError> {
    let forced = match choice {
        EncodingChoice::Auto => None,
        EncodingChoice::Utf8 => Some(UTF_8),
        EncodingChoice::Utf16Le => Some(UTF_16LE),
        EncodingChoice::Utf16Be => Some(UTF_16BE),
        EncodingChoice::Gb18030 => Some(GB18030),
        EncodingChoice::Big5 => Some(BIG5),
    };
    if let Some(enc) = forced {
        let body = strip_bom(bytes, enc);
        return strict(name, body, enc, bytes.len() - body.len());
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return strict(name, &bytes[bom_len..], enc, bom_len);
    }
    if let Some(enc) = declared.filter(|e| *e != UTF_8) {
        return strict(name, bytes, enc, 0);
    }
    // NUL bytes are valid UTF-8 but no text has them: ASCII in UTF-16 has one in every pair.
    let nul = memchr::memchr(0, bytes).is_some();
    // (Tested first: decoding the whole file twice as UTF-16 is the dearer check.)
    if let Some(enc) = nul.then(|| utf16_without_bom(bytes)).flatten() {
        return strict(name, bytes, enc, 0);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
        }),
        Err(utf8_err) => {
            let offset = utf8_err.valid_up_to();
            // A file cut off inside its last character: the text before it is whole.
            if utf8_err.error_len().is_none() && offset > 0 {
                let text = String::from_utf8_lossy(&bytes[..offset]).into_owned();
                return Ok(Decoded {
                    text,
                    encoding: UTF_8.name(),
                });
            }
            let utf8_error = || invalid(name, &bytes[..offset], UTF_8, offset);
            // UTF-8 Chinese with one damaged byte also decodes as GB18030, into nonsense that
            // still looks Chinese; a run of valid multi-byte characters first marks it as UTF-8.
            if is_utf8_chinese(&bytes[..offset]) {
                return Err(utf8_error());
            }
            // Chinese alone in UTF-16 has no NUL byte, and would pass for GB18030 too.
            if let Some(enc) = utf16_without_bom(bytes) {
                return strict(name, bytes, enc, 0);
            }
            // Big5 text is valid GB18030 too (and much GB18030 valid Big5): the detector's
            // statistics of Chinese text say which to try first.
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let order = if detector.guess(None, chardetng::Utf8Detection::Deny) == BIG5 {
                [BIG5, GB18030]
            } else {
                [GB18030, BIG5]
            };
            order
                .into_iter()
                .find_map(|enc| {
                    strict(name, bytes, enc, 0)
                        .ok()
                        .filter(|d| reads_as_chinese(&d.text))
                })
                .ok_or_else(utf8_error)
        }
    }
}

/// UTF-16 without a BOM: an even number of bytes that decodes strictly, in one byte order only,
/// to text of ASCII, CJK and their punctuation (line feeds, spaces and digits decode to such only
/// in the right order).
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let score = |enc: &'static Encoding| {
        let (text, malformed) = enc.decode_without_bom_handling(bytes);
        if malformed || !reads_as_chinese(&text) && !text.is_ascii() {
            return None;
        }
        let ascii = text.chars().filter(char::is_ascii).count();
        // ASCII read in the wrong byte order becomes CJK-looking characters, not ASCII.
        (text.chars().any(|c| c == '\n' || !c.is_ascii()) && !text.contains('\0')).then_some(ascii)
    };
    match (score(UTF_16LE), score(UTF_16BE)) {
        (Some(le), Some(be)) if le != be => Some(if le > be { UTF_16LE } else { UTF_16BE }),
        (Some(_), None) => Some(UTF_16LE),
        (None, Some(_)) => Some(UTF_16BE),
        _ => None,
    }
}

/// The BOM of `enc` is not part of the text even when the user names the encoding.
fn strip_bom<'b>(bytes: &'b [u8], enc: &'static Encoding) -> &'b [u8] {
    match Encoding::for_bom(bytes) {
        Some((bom_enc, len)) if bom_enc == enc => &bytes[len..],
        _ => bytes,
    }
}

/// Decode without replacement characters; the first malformed sequence is an error with its offset.
fn strict(
    name: &str,
    body: &[u8],
    enc: &'static Encoding,
    base: usize,
) -> Result<Decoded, IngestError> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(body.len())
        .unwrap_or(body.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(body, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(Decoded {
            text,
            encoding: enc.name(),
        }),
        DecoderResult::Malformed(bad, after) => {
            let offset = read - usize::from(after) - usize::from(bad);
            Err(invalid(name, &body[..offset], enc, base + offset))
        }
        // The buffer was sized for the worst case, so this cannot happen; report it as bad input.
        DecoderResult::OutputFull => Err(invalid(name, &body[..read], enc, base + read)),
    }
}

fn invalid(name: &str, before: &[u8], enc: &'static Encoding, offset: usize) -> IngestError {
    // Count line feeds as code units: in UTF-16 a 0x0A byte may be half of another character.
    let line = 1 + if enc == UTF_16LE || enc == UTF_16BE {
        before
            .chunks_exact(2)
            .filter(|u| *u == [0x0A, 0] && enc == UTF_16LE || *u == [0, 0x0A] && enc == UTF_16BE)
            .count()
    } else {
        before.iter().filter(|&&b| b == b'\n').count()
    };
    IngestError::InvalidBytes {
        path: name.to_string(),
        encoding: enc.name(),
        offset,
        line,
    }
}

/// GB18030 text rarely holds even a few characters that are also valid multi-byte UTF-8 in a row.
fn is_utf8_chinese(valid_prefix: &[u8]) -> bool {
    const ENOUGH: usize = 8;
    std::str::from_utf8(valid_prefix)
        .map(|t| t.chars().filter(|c| !c.is_ascii()).take(ENOUGH).count() == ENOUGH)
        .unwrap_or(false)
}

/// Text decoded as GB18030 counts as Chinese when most non-ASCII characters are CJK ideographs or
/// CJK punctuation and there are no control characters: random bytes rarely decode that way.
fn reads_as_chinese(text: &str) -> bool {
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '\t' | '\n' | '\r' | '\u{c}' => {}
            c if c.is_control() => return false,
            c if c.is_ascii() => {}
            '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' => cjk += 1,
            '\u{2010}'..='\u{206F}' => cjk += 1,
            _ => other += 1,
        }
    }
    cjk > 0 && cjk >= 4 * other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_and_line_of_first_bad_utf8_byte() {
        let err = decode(
            "a.txt",
            b"ok\nline\n\xff\xfe\xfd",
            EncodingChoice::Utf8,
            None,
        )
        .unwrap_err();
        match err {
            IngestError::InvalidBytes { offset, line, .. } => assert_eq!((offset, line), (8, 3)),
            other => panic!("{other:?}"),
        }
    }
}
