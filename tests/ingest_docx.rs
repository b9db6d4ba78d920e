//! Word documents built by scripts/make_docx_examples.py: numbering and heading styles come back as
//! the text Word shows.

use fzcheck::ingest::{read_path, Format, IngestOptions};
use std::path::Path;

fn read(name: &str) -> fzcheck::ingest::SourceText {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/docx")).join(name);
    read_path(&path, &IngestOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn automatic_numbering_is_written_into_the_text() {
    let doc = read("numbered.docx");
    assert_eq!(doc.format, Format::Docx);
    let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "示例县司法局2024年法治政府建设年度报告",
            "2024年，县司法局在县委、县政府领导下，统筹推进法治政府建设各项工作，现将有关情况报告如下。",
            "一、2024年推进法治政府建设的主要举措和成效",
            "（一）健全依法行政制度体系",
            "1. 完成县政府规范性文件合法性审核42件，提出修改意见118条。",
            "2. 开展规范性文件清理，废止文件6件、修改文件3件。",
            "（二）严格规范公正文明执法",
            "1. 组织行政执法案卷评查，评查案卷210卷，优秀率82%。",
            "2. 办理行政复议案件36件，其中纠错5件，纠错率13.9%。",
            "3. 行政诉讼案件主要负责人出庭应诉率达到100%。",
            "项目 | 2023年 | 2024年",
            "行政复议案件 | 31 | 36",
            "法律援助案件 | 412 | 455",
            "二、党政主要负责人履行推进法治建设第一责任人职责情况",
            "县司法局党组书记、局长带头学法、述法，全年主持召开专题会议4次。",
            "三、存在的不足和原因",
            "基层执法人员法律素养有待提高。",
            "四、2025年推进法治政府建设的主要安排",
            "（一）深化法治宣传教育",
            "1. 全面完成“八五”普法总结验收。",
        ]
    );
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("示例县司法局2024年法治政府建设年度报告")
    );
}

#[test]
fn every_paragraph_and_table_row_has_its_origin() {
    let doc = read("numbered.docx");
    let numbers: Vec<u32> = doc.origins.iter().filter_map(|o| o.paragraph).collect();
    assert_eq!(numbers, (1..=20).collect::<Vec<_>>());
    let row = doc.text.find("行政复议案件 | 31").unwrap();
    assert_eq!(doc.origin_at(row).and_then(|o| o.paragraph), Some(12));
    assert!(doc
        .origins
        .iter()
        .all(|o| doc.text.is_char_boundary(o.start)));
}

#[test]
fn heading_styles_without_numbering() {
    let doc = read("headings.docx");
    assert_eq!(
        doc.text,
        "一、主要工作\n\n（一）推进严格执法\n\n全年开展执法检查15次。\n\n## 工作成效\n\n群众满意度保持在95%以上。"
    );
    assert_eq!(doc.meta.title, None);
}
