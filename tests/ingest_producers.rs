//! PDFs from other producers than LibreOffice (made by scripts/make_ingest_fixtures.py): reportlab
//! with Adobe's non-embedded CID fonts, predefined Chinese CMaps and no ToUnicode map; Ghostscript
//! re-distilling one of them; cairo; variable-length codes; and the files that cannot be read
//! (glyph numbers only, a scan) with their errors.

#[macro_use]
mod seeds;

use fzcheck::ingest::{read_path, Format, IngestError, IngestOptions, SourceText};
use seeds::check_file;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ingest"
    ))
    .join(name)
}

fn read(name: &str) -> Result<SourceText, IngestError> {
    read_path(&fixture(name), &IngestOptions::default())
}

/// The report of the fixtures, as paragraphs: title, headings and wrapped paragraphs rejoined.
fn assert_report(doc: &SourceText, title: Option<&str>) {
    assert_eq!(doc.format, Format::Pdf);
    let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "某县司法局2024年法治政府建设情况报告",
            "一、主要工作",
            "（一）健全制度体系。全年审查行政规范性文件36件，合法性审查率达到100%，\
             清理不符合上位法规定的文件12件，并向社会公布清理结果。",
            "（二）规范执法行为。组织执法人员培训8期，参训人员共计420人次，\
             行政执法案卷评查合格率为97.5%。",
            "二、存在的问题",
            "基层法治力量仍然薄弱，部分乡镇缺少专职法制审核人员。",
        ],
        "{}",
        doc.text
    );
    assert!(doc.origins.iter().all(|o| o.page == Some(1)));
    assert_eq!(doc.meta.title.as_deref(), title);
}

const TITLE: Option<&str> = Some("某县司法局2024年法治政府建设情况报告");

#[test]
fn reportlab_stsong_with_unigb_ucs2() {
    assert_report(&read("cid_unigb_ucs2.pdf").unwrap(), TITLE);
}

/// GBK-EUC-H codes are one byte for ASCII and two for Chinese, in one string.
#[test]
fn reportlab_stsong_with_gbk_euc() {
    assert_report(&read("cid_gbk_euc.pdf").unwrap(), TITLE);
}

/// Ghostscript keeps GBK-EUC-H but adds a ToUnicode map whose two-byte entries would turn the
/// one-byte digits into letters (2024 → QOQS, as pdftotext shows): the CMap's codes win.
#[test]
fn ghostscript_pdfwrite_with_a_partial_tounicode() {
    assert_report(&read("gs_pdfwrite.pdf").unwrap(), TITLE);
}

/// cairo: an embedded subset (Identity-H with ToUnicode), paragraphs marked by indented first lines,
/// no title in the document information.
#[test]
fn cairo_through_pango() {
    assert_report(&read("cairo_pango.pdf").unwrap(), None);
}

/// Every producer's file of the report gets the verdicts of its text.
#[test]
fn verdicts_match_the_text_for_every_producer() {
    let table = |name: &str| -> Vec<(String, &'static str)> {
        check_file(&fixture(name))
            .into_iter()
            .map(|v| (v.rule.id.clone(), v.status.as_str()))
            .collect()
    };
    let expected = table("producers.txt");
    assert!(!expected.is_empty());
    for pdf in [
        "cid_unigb_ucs2.pdf",
        "cid_gbk_euc.pdf",
        "gs_pdfwrite.pdf",
        "cairo_pango.pdf",
    ] {
        assert_eq!(table(pdf), expected, "{pdf}");
    }
}

#[test]
fn reportlab_msung_with_eten_big5() {
    let doc = read("cid_eten_b5.pdf").unwrap();
    assert!(
        doc.text
            .contains("全年審查行政規範性文件36件，合法性審查率達到100%。"),
        "{}",
        doc.text
    );
}

#[test]
fn utf16_cmap_with_a_character_outside_the_bmp() {
    let doc = read("cid_unigb_utf16.pdf").unwrap();
    assert_eq!(doc.text, "全年受理案件\u{20000}件");
}

#[test]
fn embedded_cmap_with_one_and_two_byte_codes() {
    let doc = read("embedded_cmap_mixed.pdf").unwrap();
    assert_eq!(doc.text.replace("\n\n", ""), "2020年2021年");
}

#[test]
fn identity_h_without_tounicode_names_the_font() {
    match read("identity_no_tounicode.pdf") {
        Err(e @ IngestError::NoUnicode { .. }) => {
            let message = e.to_string();
            assert!(message.contains("ABCDEF+SimSun"), "{message}");
            assert!(message.contains("第 1 页"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_image_only_pdf_is_a_scan() {
    match read("image_only.pdf") {
        Err(e @ IngestError::NoTextLayer { .. }) => {
            assert!(
                e.to_string()
                    .contains("扫描件，没有文字层，请提供可复制文字的版本"),
                "{e}"
            );
        }
        other => panic!("{other:?}"),
    }
}

/// Its exit code and message on the command line: cli_unreadable.rs.
#[test]
fn the_shared_scan_is_a_scan() {
    need_shared!("seeds/formats/scanned.pdf");
    assert!(matches!(
        read_path(
            &seeds::shared("seeds/formats/scanned.pdf"),
            &IngestOptions::default()
        ),
        Err(IngestError::NoTextLayer { .. })
    ));
}
