//! Word 97–2003 `.doc` and WPS `.wps` built here as OLE compound files (with the `cfb` crate): text
//! through the piece table (16-bit and compressed pieces), fields, paragraph origins, and the files
//! that cannot be read. The seeds' .doc files are checked in ingest_seeds.rs and formats_verdicts.rs.

use fzcheck::ingest::{read_bytes, Format, IngestError, IngestOptions, SourceText};
use std::io::{Cursor, Write};

/// An OLE file holding `streams`.
fn ole(streams: &[(&str, &[u8])]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for (path, data) in streams {
        file.create_stream(path).unwrap().write_all(data).unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

fn put16(b: &mut [u8], o: usize, v: u16) {
    b[o..o + 2].copy_from_slice(&v.to_le_bytes());
}

fn put32(b: &mut [u8], o: usize, v: u32) {
    b[o..o + 4].copy_from_slice(&v.to_le_bytes());
}

/// Where the FIB's fc/lcb pairs start: after FibBase (32), csw and 14 words, cslw and 22 longs.
const FC_LCB: usize = 154;

/// A Word 97 document: `wide` as a 16-bit piece, then `narrow` as a compressed (8-bit) piece.
fn word97(wide: &str, narrow: &str, flags: u16) -> Vec<u8> {
    word97_with_papx(wide, narrow, flags, &[])
}

/// Where the one FKP page of paragraph properties goes in the WordDocument stream (page 6).
const FKP_PAGE: u32 = 6;

/// As [`word97`], with paragraph properties for `wide`: each `(n, grpprl)` covers the next `n`
/// characters (ending with their paragraph marks) in one PAPX FKP page.
fn word97_with_papx(wide: &str, narrow: &str, flags: u16, papx: &[(usize, &[u8])]) -> Vec<u8> {
    let units: Vec<u16> = wide.encode_utf16().collect();
    let mut word = vec![0u8; 4096];
    put16(&mut word, 0, 0xA5EC);
    put16(&mut word, 2, 0x00C1);
    put16(&mut word, 0x0A, 0x0200 | flags);
    put16(&mut word, 32, 14);
    put16(&mut word, 62, 22);
    put32(&mut word, 64 + 3 * 4, (units.len() + narrow.len()) as u32);
    put16(&mut word, 152, 93);
    for (i, u) in units.iter().enumerate() {
        put16(&mut word, 1024 + 2 * i, *u);
    }
    word[2048..2048 + narrow.len()].copy_from_slice(narrow.as_bytes());
    // CLX: one PlcPcd of two pieces.
    let mut clx = vec![0x02];
    let cps = [0, units.len() as u32, (units.len() + narrow.len()) as u32];
    let plc: Vec<u8> = cps
        .iter()
        .flat_map(|c| c.to_le_bytes())
        .chain([0, 0])
        .chain(1024u32.to_le_bytes())
        .chain([0, 0, 0, 0])
        .chain((4096u32 | 0x4000_0000).to_le_bytes())
        .chain([0, 0])
        .collect();
    clx.extend((plc.len() as u32).to_le_bytes());
    clx.extend(plc);
    put32(&mut word, FC_LCB + 33 * 8, 0);
    put32(&mut word, FC_LCB + 33 * 8 + 4, clx.len() as u32);
    let mut table = clx;
    if !papx.is_empty() {
        // FKP: run boundaries (fc), then per run a BX (PAPX offset / 2, 12 bytes of PHE); the
        // PAPXs (size, istd 0, grpprl) from the back of the page; crun in the last byte.
        let page = &mut word[FKP_PAGE as usize * 512..][..512];
        let crun = papx.len();
        let mut fc = 1024u32;
        put32(page, 0, fc);
        let mut at = 511;
        for (r, (n, grpprl)) in papx.iter().enumerate() {
            fc += 2 * *n as u32;
            put32(page, 4 * (r + 1), fc);
            // cb counts words of istd + grpprl; an even length takes the cb = 0, cb' form.
            let data = [&[0u8, 0][..], grpprl].concat();
            let n = data.len();
            let head = if n % 2 == 1 {
                vec![n.div_ceil(2) as u8]
            } else {
                vec![0, (n / 2) as u8]
            };
            let papx = [head, data].concat();
            at = (at - papx.len()) & !1;
            page[at..at + papx.len()].copy_from_slice(&papx);
            page[4 * (crun + 1) + 13 * r] = (at / 2) as u8;
        }
        page[511] = crun as u8;
        let plc: Vec<u8> = [1024u32, fc, FKP_PAGE]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        put32(&mut word, FC_LCB + 13 * 8, table.len() as u32);
        put32(&mut word, FC_LCB + 13 * 8 + 4, plc.len() as u32);
        table.extend(plc);
    }
    ole(&[("/WordDocument", &word), ("/1Table", &table)])
}

fn read(name: &str, bytes: &[u8]) -> Result<SourceText, IngestError> {
    read_bytes(name, bytes, &IngestOptions::default())
}

#[test]
fn pieces_fields_and_paragraphs() {
    // A PAGE field shows its result (3), not its instruction.
    let wide = "一、总体情况\r全年办理案件\u{13} PAGE \u{14}3\u{15}件。\r";
    let doc = read("report.doc", &word97(wide, "Annual report 2024\r", 0)).unwrap();
    assert_eq!(doc.format, Format::Doc);
    assert_eq!(
        doc.text,
        "一、总体情况\n\n全年办理案件3件。\n\nAnnual report 2024"
    );
    let paragraphs: Vec<Option<u32>> = doc.origins.iter().map(|o| o.paragraph).collect();
    assert_eq!(paragraphs, [Some(1), Some(2), Some(3)]);
    // The same file named .wps is a WPS Writer document.
    let wps = read("report.wps", &word97(wide, "", 0)).unwrap();
    assert_eq!(wps.format, Format::Wps);
}

/// Table rows become lines of cells joined by ` | `; an outline level makes a heading.
#[test]
fn table_rows_and_outline_levels() {
    const IN_TABLE: &[u8] = &[0x16, 0x24, 1];
    const ROW_END: &[u8] = &[0x16, 0x24, 1, 0x17, 0x24, 1];
    const OUTLINE_2: &[u8] = &[0x40, 0x26, 1];
    let paragraphs: [(&str, &[u8]); 7] = [
        ("办理情况\r", OUTLINE_2),
        ("项目\u{7}件数\u{7}", IN_TABLE),
        ("\u{7}", ROW_END),
        ("行政复议\u{7}36\u{7}", IN_TABLE),
        ("\u{7}", ROW_END),
        ("二、存在的问题\r", OUTLINE_2),
        ("人员不足。\r", &[]),
    ];
    let wide: String = paragraphs.iter().map(|(t, _)| *t).collect();
    let runs: Vec<(usize, &[u8])> = paragraphs
        .iter()
        .map(|(t, g)| (t.encode_utf16().count(), *g))
        .collect();
    let doc = read("table.doc", &word97_with_papx(&wide, "", 0, &runs)).unwrap();
    assert_eq!(
        doc.text,
        "## 办理情况\n\n项目 | 件数\n\n行政复议 | 36\n\n二、存在的问题\n\n人员不足。"
    );
    let paragraphs: Vec<Option<u32>> = doc.origins.iter().map(|o| o.paragraph).collect();
    assert_eq!(paragraphs, [Some(1), Some(2), Some(3), Some(4), Some(5)]);
}

#[test]
fn encrypted_documents_are_named_as_such() {
    let err = read("locked.doc", &word97("密文\r", "", 0x0100)).unwrap_err();
    assert!(matches!(err, IngestError::Encrypted { .. }), "{err:?}");
    assert!(err.to_string().contains("加密"), "{err}");
    // An encrypted .docx is an OLE file with an EncryptedPackage stream.
    let ooxml = ole(&[
        ("/EncryptionInfo", b"\x04\x00"),
        ("/EncryptedPackage", b"x"),
    ]);
    let err = read("locked.docx", &ooxml).unwrap_err();
    assert!(matches!(err, IngestError::Encrypted { .. }), "{err:?}");
    assert!(err.to_string().contains(".docx"), "{err}");
}

#[test]
fn ole_files_without_word_text_say_to_save_as_docx() {
    let sheet = ole(&[("/Workbook", b"not a document")]);
    for name in ["table.doc", "old.wps"] {
        let err = read(name, &sheet).unwrap_err();
        assert!(matches!(err, IngestError::Unsupported { .. }), "{err:?}");
        let message = err.to_string();
        assert!(
            message.starts_with(name) && message.contains(".docx"),
            "{message}"
        );
    }
    // Word 95 (nFib 104) has the Word 97 signature but another layout.
    let mut word95 = word97("文字\r", "", 0);
    let at = word95
        .windows(4)
        .position(|w| w == [0xEC, 0xA5, 0xC1, 0x00])
        .unwrap();
    word95[at + 2] = 104;
    let err = read("old.doc", &word95).unwrap_err();
    assert!(matches!(err, IngestError::Unsupported { .. }), "{err:?}");
    assert!(err.to_string().contains("Word 6/95"), "{err}");
    // A .wps that is not even an OLE file: an older WPS format.
    let err = read("old.wps", b"WPS\x00\x01\x02 binary").unwrap_err();
    assert!(err.to_string().contains("另存为 .docx"), "{err}");
}

#[test]
fn damaged_documents_are_errors_not_panics() {
    let mut bad_ident = word97("文字\r", "", 0);
    // Find the FIB inside the OLE file and spoil its signature.
    let at = bad_ident
        .windows(4)
        .position(|w| w == [0xEC, 0xA5, 0xC1, 0x00])
        .unwrap();
    bad_ident[at] = 0;
    assert!(matches!(
        read("bad.doc", &bad_ident),
        Err(IngestError::Corrupt { .. })
    ));
    // A piece table pointing far past the end of the stream.
    let mut huge = word97("文字\r", "", 0);
    let at = huge
        .windows(4)
        .position(|w| w == 1024u32.to_le_bytes())
        .unwrap();
    huge[at..at + 4].copy_from_slice(&0x0FFF_FFF0u32.to_le_bytes());
    assert!(read("far.doc", &huge).is_err());
    // Truncated OLE files.
    let whole = word97("文字\r", "", 0);
    for cut in [8, 512, 1500, whole.len() / 2] {
        let err = read("cut.doc", &whole[..cut]).unwrap_err();
        assert!(err.to_string().starts_with("cut.doc"), "{err}");
    }
}
