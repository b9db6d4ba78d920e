//! OFD files built here: reading order from TextCode positions, paragraphs from first-line indents,
//! running page numbers, DocInfo, absolute and relative part locations, and damaged packages.
//! The seeds' .ofd files are checked in ingest_seeds.rs and formats_verdicts.rs.

use fzcheck::ingest::{read_bytes, Format, IngestError, IngestOptions, SourceText};
use std::io::{Cursor, Write};

fn zip(parts: &[(&str, String)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, body) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(body.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const NS: &str = r#"xmlns:ofd="http://www.ofdspec.org/2016""#;

/// One TextObject: `text` at (x, y) mm, 5 mm characters, all CJK.
fn line(x: f32, y: f32, text: &str) -> String {
    let n = text.chars().count();
    format!(
        r#"<ofd:TextObject ID="1" Boundary="{x} {y} 150 6" Font="1" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g {} 5">{text}</ofd:TextCode></ofd:TextObject>"#,
        n.saturating_sub(1)
    )
}

fn page(objects: &[String]) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Content><ofd:Layer ID="2">{}</ofd:Layer></ofd:Content></ofd:Page>"#,
        objects.concat()
    )
}

/// Two pages of 20-character lines (x 20 to 120 mm); a paragraph goes on overleaf.
fn report(info: &str) -> Vec<u8> {
    let ofd = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>{info}</ofd:DocInfo><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#
    );
    let document = format!(
        r#"<ofd:Document {NS}><ofd:Pages><ofd:Page ID="3" BaseLoc="Pages/Page_0/Content.xml"/><ofd:Page ID="4" BaseLoc="/Doc_0/Pages/Page_1/Content.xml"/></ofd:Pages></ofd:Document>"#
    );
    // Drawn out of order: the reader sorts by position.
    let first = page(&[
        line(30.0, 50.0, "全年办理行政复议案件三十六件其中"),
        line(30.0, 40.0, "一、总体情况"),
        line(20.0, 60.0, "纠错五件纠错率百分之十三点九。"),
        line(30.0, 70.0, "行政机关负责人出庭应诉率达到百分"),
        line(20.0, 80.0, "之百同比提高五个百分点各单位均按"),
        line(60.0, 270.0, "— 1 —"),
    ]);
    let second = page(&[
        line(20.0, 40.0, "时报送年度报告。"),
        line(30.0, 50.0, "二、存在的问题"),
        line(60.0, 270.0, "— 2 —"),
    ]);
    zip(&[
        ("OFD.xml", ofd),
        ("Doc_0/Document.xml", document),
        ("Doc_0/Pages/Page_0/Content.xml", first),
        ("Doc_0/Pages/Page_1/Content.xml", second),
    ])
}

fn read(name: &str, bytes: &[u8]) -> Result<SourceText, IngestError> {
    read_bytes(name, bytes, &IngestOptions::default())
}

#[test]
fn paragraphs_pages_and_metadata() {
    let info = "<ofd:Title>示例县2024年法治政府建设情况报告</ofd:Title>\
                <ofd:Author>示例县司法局</ofd:Author><ofd:CreationDate>2025-03-01</ofd:CreationDate>";
    // Named .zip: the content decides.
    let doc = read("report.zip", &report(info)).unwrap();
    assert_eq!(doc.format, Format::Ofd);
    let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "一、总体情况",
            "全年办理行政复议案件三十六件其中纠错五件纠错率百分之十三点九。",
            "行政机关负责人出庭应诉率达到百分之百同比提高五个百分点各单位均按时报送年度报告。",
            "二、存在的问题",
        ],
        "{}",
        doc.text
    );
    let pages: Vec<Option<u32>> = doc.origins.iter().map(|o| o.page).collect();
    assert_eq!(pages, [Some(1), Some(2)]);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("示例县2024年法治政府建设情况报告")
    );
    assert_eq!(doc.meta.published.as_deref(), Some("2025-03-01"));
    let bare = read("report.ofd", &report("")).unwrap();
    assert_eq!((bare.meta.title, bare.meta.published), (None, None));
}

#[test]
fn damaged_packages_are_located_errors() {
    let corrupt = |bytes: &[u8], needle: &str| match read("bad.ofd", bytes) {
        Err(e @ IngestError::Corrupt { .. }) => {
            let message = e.to_string();
            assert!(
                message.starts_with("bad.ofd") && message.contains(needle),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    };
    let no_root = zip(&[(
        "OFD.xml",
        format!("<ofd:OFD {NS}><ofd:DocBody></ofd:DocBody></ofd:OFD>"),
    )]);
    corrupt(&no_root, "DocRoot");
    let missing_page = zip(&[
        (
            "OFD.xml",
            format!("<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>D/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"),
        ),
        (
            "D/Document.xml",
            format!(r#"<ofd:Document {NS}><ofd:Pages><ofd:Page BaseLoc="P/Content.xml"/></ofd:Pages></ofd:Document>"#),
        ),
    ]);
    corrupt(&missing_page, "第 1 页");
    let broken_xml = zip(&[("OFD.xml", format!("<ofd:OFD {NS}><ofd:DocBody>"))]);
    corrupt(&broken_xml, "OFD.xml");
    corrupt(&b"PK\x03\x04 not really a zip"[..], "zip");
    // Named .ofd but not a zip at all.
    assert!(matches!(
        read("x.ofd", "纯文字".as_bytes()),
        Err(IngestError::Corrupt { .. })
    ));
}

#[test]
fn nesting_and_pages_without_text_stay_within_limits() {
    let deep = format!(
        "<ofd:OFD {NS}>{}</ofd:OFD>",
        "<a>".repeat(10_000) + &"</a>".repeat(10_000)
    );
    assert!(matches!(
        read("deep.ofd", &zip(&[("OFD.xml", deep)])),
        Err(IngestError::LimitExceeded { .. })
    ));
    let ofd = format!(
        "<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    );
    // Step runs far longer than their text cost nothing.
    let runs = format!(
        r#"<ofd:TextObject Boundary="0 0 10 10" Size="5">{}</ofd:TextObject>"#,
        r#"<ofd:TextCode X="0" Y="5" DeltaX="g 4000000000 5">一二</ofd:TextCode>"#.repeat(10_000)
    );
    let document = format!(
        r#"<ofd:Document {NS}><ofd:Pages><ofd:Page BaseLoc="P.xml"/></ofd:Pages></ofd:Document>"#
    );
    let empty = zip(&[
        ("OFD.xml", ofd),
        ("Document.xml", document),
        ("P.xml", page(&[])),
    ]);
    assert!(matches!(
        read("scan.ofd", &empty),
        Err(IngestError::NoTextLayer { .. })
    ));
    let document = format!(
        r#"<ofd:Document {NS}><ofd:Pages><ofd:Page BaseLoc="P.xml"/></ofd:Pages></ofd:Document>"#
    );
    let ofd = format!(
        "<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    );
    let doc = read(
        "runs.ofd",
        &zip(&[
            ("OFD.xml", ofd),
            ("Document.xml", document),
            ("P.xml", page(&[runs])),
        ]),
    )
    .unwrap();
    assert!(doc.text.starts_with("一二"));
}
