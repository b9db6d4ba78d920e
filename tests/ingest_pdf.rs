//! PDF layout on a document made here: a composite (Type0, Identity-H) CJK font with a ToUnicode
//! map, first-line indents, justified lines, running page numbers, a paragraph going on overleaf.

mod ingest_common;

use fzcheck::ingest::{read_bytes, IngestOptions};
use ingest_common::pdf_pages;

/// Two-byte codes equal to the Unicode of each character (as the ToUnicode map below says).
fn hex(text: &str) -> String {
    let codes: String = text.chars().map(|c| format!("{:04X}", c as u32)).collect();
    format!("<{codes}>")
}

fn show(x: f32, y: f32, text: &str) -> String {
    format!("BT /F1 10 Tf 1 0 0 1 {x} {y} Tm {} Tj ET\n", hex(text))
}

#[test]
fn paragraphs_indents_page_numbers_and_a_paragraph_overleaf() {
    // 20 characters of 10 points fill a line from x = 50 to 250; paragraphs indent by two.
    let p1 = [
        "全县法治政府建设工作稳步推进各项任务",
        "按期完成年度重点工作任务二十项完成率达",
        "百分之百。",
    ];
    let p2 = [
        "全年办理行政复议案件三十六件其中纠错五",
        "件纠错率百分之十三点九行政机关负责人出",
        "庭应诉率达到百分之百。",
    ];
    let mut page1 = show(70.0, 700.0, p1[0]);
    page1 += &show(50.0, 685.0, p1[1]);
    page1 += &show(50.0, 670.0, p1[2]);
    page1 += &show(70.0, 655.0, p2[0]);
    page1 += &show(50.0, 640.0, p2[1]);
    page1 += &show(140.0, 40.0, "— 1 —");
    let mut page2 = show(140.0, 800.0, "－ 2 －");
    page2 += &show(50.0, 700.0, p2[2]);
    page2 += &show(70.0, 685.0, "二、存在的问题");

    let font = [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H \
           /DescendantFonts [8 0 R] /ToUnicode 9 0 R >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000 \
           /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>"
            .to_vec(),
        ingest_common::stream(
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
              1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              3 beginbfrange <0020> <007E> <0020> <3000> <303F> <3000> <4E00> <9FFF> <4E00> endbfrange\n\
              2 beginbfrange <2014> <2014> <2014> <FF0D> <FF0D> <FF0D> endbfrange\n\
              endcmap CMapName currentdict /CMap defineresource pop end end",
            "",
        ),
    ];
    let bytes = pdf_pages(
        &[(page1.as_bytes(), ""), (page2.as_bytes(), "")],
        "<< /Font << /F1 7 0 R >> >>",
        &font,
    );
    let doc = read_bytes("made.pdf", &bytes, &IngestOptions::default()).unwrap();
    assert_eq!(
        doc.text,
        format!("{}\n\n{}\n\n二、存在的问题", p1.concat(), p2.concat())
    );
    let pages: Vec<(usize, Option<u32>)> = doc.origins.iter().map(|o| (o.start, o.page)).collect();
    let last = doc.text.find("二、").unwrap();
    assert_eq!(pages, [(0, Some(1)), (last, Some(2))]);
}
