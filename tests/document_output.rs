//! `fzcheck parse` output for a report of our own.

use fzcheck::ingest::SourceText;
use fzcheck::output::document::{render_table, to_json};
use fzcheck::report::parse;

fn fixture() -> fzcheck::report::Report {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/reports/county_2024.md"
    );
    let text = std::fs::read_to_string(path).expect("fixture");
    parse(SourceText::from_text("county_2024.md", text))
}

#[test]
fn json_snapshot() {
    insta::assert_json_snapshot!(to_json(&fixture()));
}

#[test]
fn table_shows_meta_outline_issues_and_facts() {
    let mut out = Vec::new();
    render_table(&fixture(), &mut out).expect("render");
    let out = String::from_utf8(out).expect("utf-8");
    for needle in [
        "标题      某县人民政府关于2024年法治政府建设情况的报告",
        "文号      某政发〔2025〕3号",
        "稿本      征求意见稿",
        "发布日期  2025-03-10",
        "成文日期  2025-03-05",
        "    （一） 健全依法决策机制",
        "缺少“（三）”",
        "出庭应诉率",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in\n{out}");
    }
}
