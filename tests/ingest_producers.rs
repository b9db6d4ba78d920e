//! PDFs from other producers than LibreOffice (made by scripts/make_ingest_fixtures.py): Adobe's
//! non-embedded CID fonts with predefined Chinese CMaps and no ToUnicode map, variable-length codes,
//! and the files that cannot be read (glyph numbers only, a scan) with their errors.

#[macro_use]
mod seeds;

use fzcheck::ingest::{read_path, Format, IngestError, IngestOptions, SourceText};
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
fn assert_report(doc: &SourceText) {
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
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("某县司法局2024年法治政府建设情况报告")
    );
}

#[test]
fn reportlab_stsong_with_unigb_ucs2() {
    assert_report(&read("cid_unigb_ucs2.pdf").unwrap());
}

/// GBK-EUC-H codes are one byte for ASCII and two for Chinese, in one string.
#[test]
fn reportlab_stsong_with_gbk_euc() {
    assert_report(&read("cid_gbk_euc.pdf").unwrap());
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

#[test]
fn the_shared_scan_is_refused_with_exit_2() {
    need_shared!("seeds/formats");
    let scan = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seeds/formats/scanned.pdf"
    ));
    assert!(matches!(
        read_path(&scan, &IngestOptions::default()),
        Err(IngestError::NoTextLayer { .. })
    ));
    let out = assert_cmd::Command::cargo_bin("fzcheck")
        .unwrap()
        .arg("check")
        .arg(&scan)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("扫描件"));
}
