//! Hostile, broken and oversized files end in a typed error within fixed limits, never a panic.
//! The files are made here.
#[macro_use]
mod seeds;

mod ingest_common;

use fzcheck::ingest::{read_bytes, read_path, IngestError, IngestOptions};
use ingest_common::{pdf_pages, stream};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn read(name: &str, bytes: &[u8]) -> Result<fzcheck::ingest::SourceText, IngestError> {
    read_bytes(name, bytes, &IngestOptions::default())
}

fn seed(name: &str) -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/formats/");
    std::fs::read(format!("{dir}{name}")).unwrap()
}

fn zip(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        w.start_file(
            *name,
            SimpleFileOptions::default().compression_method(method),
        )
        .unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn document(body: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}</w:body></w:document>"
    )
    .into_bytes()
}

fn limit_what(result: Result<fzcheck::ingest::SourceText, IngestError>) -> String {
    let err = result.expect_err("expected LimitExceeded");
    assert!(err.to_string().contains("已停止读取"), "{err}");
    match err {
        IngestError::LimitExceeded { what, .. } => what,
        other => panic!("expected LimitExceeded, got {other:?}"),
    }
}

fn corrupt(result: Result<fzcheck::ingest::SourceText, IngestError>, format: &str) -> String {
    match result {
        Err(IngestError::Corrupt {
            format: f, detail, ..
        }) => {
            assert_eq!(f, format, "{detail}");
            detail
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

#[test]
fn zip_bomb_by_compression_ratio() {
    let zeros = vec![b' '; 8 * 1024 * 1024];
    let bytes = zip(
        &[("word/document.xml", &zeros)],
        CompressionMethod::Deflated,
    );
    assert!(limit_what(read("bomb.docx", &bytes)).contains("压缩比"));
}

#[test]
fn zip_entry_larger_than_the_entry_limit() {
    // Stored, so the ratio is 1:1 and only the size gives it away.
    let big = vec![b' '; 65 * 1024 * 1024];
    let bytes = zip(&[("word/document.xml", &big)], CompressionMethod::Stored);
    assert!(limit_what(read("big.docx", &bytes)).contains("解压后的大小"));
}

#[test]
fn zip_with_too_many_entries() {
    let names: Vec<String> = (0..10_001).map(|i| format!("x/{i}")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let bytes = zip(&entries, CompressionMethod::Stored);
    assert!(limit_what(read("many.docx", &bytes)).contains("文件数"));
}

#[test]
fn deeply_nested_xml() {
    let body = format!("{}{}", "<w:sdt>".repeat(5_000), "</w:sdt>".repeat(5_000));
    let bytes = zip(
        &[("word/document.xml", &document(&body))],
        CompressionMethod::Deflated,
    );
    assert!(limit_what(read("deep.docx", &bytes)).contains("嵌套"));
}

#[test]
fn malformed_and_truncated_docx() {
    need_shared!("seeds/formats");
    let bad_xml = document("<w:p><w:r><w:t>未闭合</w:r></w:p>");
    let bytes = zip(
        &[("word/document.xml", &bad_xml)],
        CompressionMethod::Deflated,
    );
    assert!(corrupt(read("bad.docx", &bytes), "Word（.docx）").contains("word/document.xml"));

    let cut = &document("<w:p><w:r><w:t>半截")[..];
    let bytes = zip(&[("word/document.xml", cut)], CompressionMethod::Deflated);
    corrupt(read("cut.docx", &bytes), "Word（.docx）");

    let whole = seed("001_b0a4e5838c299365.docx");
    for len in [whole.len() / 2, whole.len() - 30, 10] {
        corrupt(read("truncated.docx", &whole[..len]), "Word（.docx）");
    }
}

#[test]
fn zip_that_is_not_a_word_document() {
    let bytes = zip(
        &[("xl/workbook.xml", b"<workbook/>")],
        CompressionMethod::Deflated,
    );
    assert!(matches!(
        read("table.docx", &bytes),
        Err(IngestError::UnknownFormat { .. })
    ));
}

#[test]
fn extension_promises_what_the_content_is_not() {
    corrupt(read("report.docx", "只是文字".as_bytes()), "Word（.docx）");
    corrupt(read("report.pdf", "只是文字".as_bytes()), "PDF");
}

#[test]
fn binary_garbage_and_known_binary_formats() {
    let garbage: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let err = read("x.txt", &garbage).unwrap_err();
    assert!(matches!(err, IngestError::UnknownFormat { .. }), "{err:?}");
    assert!(err.to_string().contains("不是可识别的文本或文档格式"));

    let doc = [b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".as_slice(), &[0; 512]].concat();
    let err = read("old.doc", &doc).unwrap_err();
    assert!(err.to_string().contains(".docx"), "{err}");
}

#[test]
fn input_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: nothing is written to disk.
    file.set_len(fzcheck::ingest::limits::MAX_INPUT_BYTES + 1)
        .unwrap();
    match read_path(&path, &IngestOptions::default()) {
        Err(IngestError::TooLarge { size, limit, .. }) => assert!(size > limit),
        other => panic!("{other:?}"),
    }
    match read_path(&dir.path().join("missing.txt"), &IngestOptions::default()) {
        Err(e @ IngestError::Io { .. }) => assert!(e.to_string().contains("missing.txt")),
        other => panic!("{other:?}"),
    }
}

fn pdf(content: &[u8], filter: &str) -> Vec<u8> {
    pdf_with(content, filter, "<< >>", &[])
}

/// A one-page PDF; `extra` objects are numbered from 5 on.
fn pdf_with(content: &[u8], filter: &str, resources: &str, extra: &[Vec<u8>]) -> Vec<u8> {
    pdf_pages(&[(content, filter)], resources, extra)
}

#[test]
fn pdf_forms_drawing_themselves() {
    // Object 5 is a form that draws itself 50 times: 50^8 runs without a budget.
    let form = stream(
        "/X0 Do ".repeat(50).as_bytes(),
        " /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X0 5 0 R >> >>",
    );
    let bytes = pdf_with(b"/X0 Do", "", "<< /XObject << /X0 5 0 R >> >>", &[form]);
    assert!(limit_what(read("forms.pdf", &bytes)).contains("绘制指令"));
}

#[test]
fn pdf_text_with_a_simple_font() {
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec();
    let content = b"BT /F1 12 Tf 72 700 Td (Annual report 2024) Tj 30 -14 Td 10 2 (ok) \" ET\n\
                    BT /F1 10 Tf 290 40 Td (- 1 -) Tj ET";
    let bytes = pdf_with(content, "", "<< /Font << /F1 5 0 R >> >>", &[font]);
    let doc = read("simple.pdf", &bytes).unwrap();
    assert_eq!(
        doc.text, "Annual report 2024\n\nok",
        "the page number is dropped"
    );
}

#[test]
fn scanned_pdf_without_text_layer() {
    let bytes = pdf(b"q 0.5 g 50 50 400 600 re f Q", "");
    match read("scan.pdf", &bytes) {
        Err(e @ IngestError::NoTextLayer { .. }) => {
            assert!(e.to_string().contains("OCR"), "{e}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn pdf_encrypted_with_a_password() {
    let key = "<".to_string() + &"AB".repeat(32) + ">";
    let encrypt = format!("<< /Filter /Standard /V 1 /R 2 /O {key} /U {key} /P -4 >>").into_bytes();
    let plain = pdf_with(b"BT ET", "", "<< >>", &[encrypt]);
    let id = "<".to_string() + &"01".repeat(16) + ">";
    let trailer = format!("/Root 1 0 R /Encrypt 5 0 R /ID [{id} {id}] >>");
    let text = String::from_utf8(plain)
        .unwrap()
        .replace("/Root 1 0 R >>", &trailer);
    match read("locked.pdf", text.as_bytes()) {
        Err(e @ IngestError::Encrypted { .. }) => assert!(e.to_string().contains("加密"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn pdf_flate_bomb_in_a_content_stream() {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..65 {
        z.write_all(&chunk).unwrap();
    }
    let packed = z.finish().unwrap();
    let bytes = pdf(&packed, " /Filter /FlateDecode");
    assert!(limit_what(read("bomb.pdf", &bytes)).contains("PDF"));
}

#[test]
fn truncated_and_broken_pdfs() {
    need_shared!("seeds/formats");
    let whole = seed("002_f03c9c4a6a5d80c2.pdf");
    for len in [whole.len() / 2, 1024, 9] {
        corrupt(read("cut.pdf", &whole[..len]), "PDF");
    }
    // A cross-reference table pointing into nowhere.
    let at = whole.windows(9).rposition(|w| w == b"startxref").unwrap();
    let broken = [&whole[..at], b"startxref\n99999999\n%%EOF\n"].concat();
    // The table is rebuilt from the object headers, as PDF readers do.
    let repaired = read("xref.pdf", &broken).unwrap();
    assert_eq!(repaired.text, read("whole.pdf", &whole).unwrap().text);
    // Without any table or trailer, and with the catalog's `/Type` garbled, nothing leads to a page.
    let table_at = whole.windows(5).rposition(|w| w == b"\nxref").unwrap();
    let mut lost = whole[..table_at].to_vec();
    let catalog = lost.windows(8).rposition(|w| w == b"/Catalog").unwrap();
    lost[catalog..catalog + 8].copy_from_slice(b"/Katalog");
    let detail = corrupt(read("lost.pdf", &lost), "PDF");
    assert!(
        detail.contains("cross-reference") || detail.contains("页面"),
        "{detail}"
    );
    // Garbage after the header.
    let garbage = [b"%PDF-1.7\n".as_slice(), &[0xAB; 4096]].concat();
    corrupt(read("garbage.pdf", &garbage), "PDF");
}

#[test]
fn hostile_html_is_read_in_bounded_time() {
    let deep = |n: usize| {
        format!(
            "<!DOCTYPE html><html><body>{}<p>正文</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        )
    };
    assert!(limit_what(read("deep.html", deep(50_000).as_bytes())).contains("嵌套"));
    let doc = read("deep.html", deep(1_000).as_bytes()).unwrap();
    assert_eq!(doc.text, "正文");
    // Thousands of paragraphs a sloppy editor never closed are not nesting.
    let unclosed = format!("<html><body>{}</body></html>", "<p>段落".repeat(10_000));
    assert!(read("p.html", unclosed.as_bytes()).is_ok());

    let broken = "<!DOCTYPE html><html><body><p>一、总体情况<table><tr><td>36件<p>未闭合";
    let doc = read("broken.html", broken.as_bytes()).unwrap();
    assert!(
        doc.text.contains("一、总体情况") && doc.text.contains("36件"),
        "{}",
        doc.text
    );
}

/// Damaged copies of every seed format (bytes overwritten, cut short): each read ends, with text or a
/// typed error, quickly.
#[test]
fn mutated_seed_files_never_escape_as_panics() {
    need_shared!("seeds/formats");
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*: deterministic, so a failure reproduces.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    for file in [
        "003_2da538da58d27d43.docx",
        "003_2da538da58d27d43.styled.docx",
        "003_2da538da58d27d43.html",
        "003_2da538da58d27d43.pdf",
        "003_2da538da58d27d43.gb18030.txt",
    ] {
        let original = seed(file);
        for round in 0..60 {
            let mut bytes = original.clone();
            for _ in 0..=(next() % 8) {
                let at = (next() as usize) % bytes.len();
                bytes[at] = next() as u8;
            }
            if round % 3 == 0 {
                bytes.truncate(1 + (next() as usize) % bytes.len());
            }
            let _ = read(file, &bytes);
        }
    }
}
