//! Files the command line cannot read: each gets a Chinese message that names the file (and the
//! page or part where there is one), and the run exits with 2. Damaged .doc, .ofd and .pdf files
//! are made here; truncated copies of the seeds and the shared scan come from ../shared.

#[macro_use]
mod seeds;

use std::io::{Cursor, Write};
use std::path::Path;

/// Exit code and everything printed, of `fzcheck check <path> <args>`.
fn check_with(path: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = assert_cmd::Command::cargo_bin("fzcheck")
        .unwrap()
        .arg("check")
        .arg(path)
        .args(args)
        .output()
        .unwrap();
    let printed = [out.stdout, out.stderr].concat();
    (
        out.status.code(),
        String::from_utf8_lossy(&printed).into_owned(),
    )
}

fn check(path: &Path) -> (Option<i32>, String) {
    check_with(path, &[])
}

/// `fzcheck check` on `bytes` saved as `name` exits 2 with a message naming the file and saying
/// each of `needles`.
fn refused(name: &str, bytes: &[u8], needles: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let (code, printed) = check(&path);
    assert_eq!(code, Some(2), "{name}: {printed}");
    assert!(printed.contains(name), "{name}: {printed}");
    for needle in needles {
        assert!(printed.contains(needle), "{name} lacks {needle}: {printed}");
    }
}

fn zip(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, body) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(body.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

#[test]
fn a_damaged_doc_is_refused() {
    // An OLE header whose sector tables are garbage, as in a download cut short.
    let mut doc = OLE_MAGIC.to_vec();
    doc.extend((0..2000u32).map(|i| (i * 37 % 251) as u8));
    refused("损坏.doc", &doc, &["已损坏"]);
}

#[test]
fn a_damaged_ofd_is_refused_naming_the_part() {
    let ns = r#"xmlns:ofd="http://www.ofdspec.org/2016""#;
    let root = format!(
        "<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    );
    let document = format!(
        r#"<ofd:Document {ns}><ofd:Pages><ofd:Page BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>"#
    );
    // The page the document lists is not in the package.
    let missing_page = zip(&[("OFD.xml", &root), ("Doc_0/Document.xml", &document)]);
    refused("缺页.ofd", &missing_page, &["OFD", "第 1 页"]);
    // OFD.xml cut off in the middle.
    let cut = zip(&[("OFD.xml", &root[..root.len() / 2])]);
    refused("截断.ofd", &cut, &["OFD.xml"]);
}

#[test]
fn damaged_pdfs_are_refused() {
    refused(
        "截断.pdf",
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R",
        &["PDF", "已损坏"],
    );
}

/// The fixtures of ingest_producers.rs that have no readable text.
#[test]
fn pdfs_without_text_are_refused() {
    let fixtures = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ingest"
    ));
    let scan = std::fs::read(fixtures.join("image_only.pdf")).unwrap();
    refused(
        "scan.pdf",
        &scan,
        &["扫描件，没有文字层，请提供可复制文字的版本"],
    );
    let glyphs = std::fs::read(fixtures.join("identity_no_tounicode.pdf")).unwrap();
    refused(
        "glyphs.pdf",
        &glyphs,
        &["第 1 页", "ABCDEF+SimSun", "Identity-H"],
    );
}

#[test]
fn the_shared_scan_is_refused() {
    need_shared!("seeds/formats/scanned.pdf");
    let scan = seeds::shared("seeds/formats/scanned.pdf");
    let (code, printed) = check(&scan);
    assert_eq!(code, Some(2), "{printed}");
    assert!(
        printed.contains("scanned.pdf: 扫描件，没有文字层，请提供可复制文字的版本"),
        "{printed}"
    );
}

/// Each seed's .doc, .ofd and .pdf cut to half its length, as an interrupted download.
#[test]
fn truncated_seed_files_are_refused() {
    need_shared!("seeds/formats");
    for stem in seeds::SEEDS {
        for ext in ["doc", "ofd", "pdf"] {
            let name = format!("{stem}.{ext}");
            let bytes = std::fs::read(seeds::shared(&format!("seeds/formats/{name}"))).unwrap();
            refused(&name, &bytes[..bytes.len() / 2], &[]);
        }
    }
}

/// Bytes that are not text in the encoding found (or forced) are refused at their line; forcing
/// the right encoding reads them.
#[test]
fn text_in_another_encoding_is_refused_at_its_line_until_forced() {
    let text = "一、总体情况\n全年办理行政复议案件36件。\n";
    let damaged = [text.as_bytes(), b"\xFF\xFE\n"].concat();
    refused("报告.txt", &damaged, &["第 3 行", "UTF-8", "--encoding"]);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gb.txt");
    let gb = [b"ok\n".as_slice(), &encoding_rs::GB18030.encode(text).0].concat();
    std::fs::write(&path, gb).unwrap();
    let (code, printed) = check_with(&path, &["--encoding", "utf-8"]);
    assert_eq!(code, Some(2), "{printed}");
    assert!(printed.contains("gb.txt: 第 2 行"), "{printed}");
    let (code, printed) = check_with(&path, &["--encoding", "gb18030", "--format", "json"]);
    assert_ne!(code, Some(2), "{printed}");
    let json: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert!(json["reports"][0]["error"].is_null(), "{printed}");
}
