//! The command line end to end: exit codes, formats, errors that name the place, scaffolding.

#[macro_use]
mod seeds;

use assert_cmd::Command;
use predicates::prelude::*;

fn fzcheck() -> Command {
    Command::cargo_bin("fzcheck").unwrap()
}

fn example() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/examples/sample-report.md").to_string()
}

#[test]
fn check_the_bundled_example_fails_with_exit_1_and_shows_evidence() {
    fzcheck()
        .args(["check", &example(), "--width", "160"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("metrics/appearance-rate"))
        .stdout(predicate::str::contains("96"))
        .stdout(predicate::str::contains("format/draft-marker"));
}

#[test]
fn fail_on_never_exits_0() {
    fzcheck()
        .args(["check", &example(), "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn a_clean_report_exits_0() {
    let good = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/fixtures/good-report.md");
    fzcheck().args(["check", good]).assert().code(0);
}

#[test]
fn missing_input_exits_2_and_names_the_file() {
    fzcheck()
        .args(["check", "no-such-report.docx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-report.docx"));
}

#[test]
fn unknown_option_exits_2() {
    fzcheck().args(["check", "--frobnicate"]).assert().code(2);
}

#[test]
fn a_broken_pack_exits_2_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("bad.yaml");
    std::fs::write(
        &pack,
        "pack: bad\ntitle: 坏的规则包\nversion: 0.1.0\nrules:\n  - id: bad/one\n    title: 未知函数\n    severity: error\n    basis: 无\n    check: factz(/出庭/)\n    message: 无\n    hint: 无\n",
    )
    .unwrap();
    fzcheck()
        .args(["check", &example(), "--pack", pack.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.yaml"))
        .stderr(predicate::str::contains("factz"))
        .stderr(predicate::str::contains(":9:"));
}

#[test]
fn rules_json_lists_every_rule_with_pack_id_title_severity_basis() {
    let out = fzcheck()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = rules.as_array().unwrap();
    assert!(rules.len() >= 40, "{} rules", rules.len());
    for r in rules {
        for key in ["pack", "id", "title", "severity", "basis"] {
            assert!(!r[key].is_null(), "{key} missing in {r}");
        }
    }
}

#[test]
fn explain_shows_basis_check_and_hint() {
    fzcheck()
        .args(["explain", "metrics/appearance-rate"])
        .assert()
        .success()
        .stdout(predicate::str::contains("行政诉讼法"))
        .stdout(predicate::str::contains("出庭"))
        .stdout(predicate::str::contains("修改建议"));
    fzcheck()
        .args(["explain", "appearance-rate"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("metrics/appearance-rate"));
}

#[test]
fn parse_json_has_the_document_model() {
    need_shared!("seeds");
    let out = fzcheck()
        .args([
            "parse",
            seeds::seed(seeds::SEEDS[2]).to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["meta"]["report_year"], 2023);
    assert!(doc["outline"].as_array().unwrap().len() >= 2);
    assert!(doc["facts"].as_array().unwrap().len() > 10);
}

#[test]
fn several_formats_and_outputs_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("out.json");
    let sarif = dir.path().join("out.sarif");
    fzcheck()
        .args([
            "check",
            &example(),
            "--fail-on",
            "never",
            "--format",
            "json",
            "--output",
        ])
        .arg(&json)
        .args(["--format", "sarif", "--output"])
        .arg(&sarif)
        .assert()
        .success();
    let j: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(j["reports"][0]["meta"]["report_year"], 2024);
    let s: serde_json::Value = serde_json::from_slice(&std::fs::read(&sarif).unwrap()).unwrap();
    assert_eq!(s["version"], "2.1.0");
}

#[test]
fn the_tool_never_modifies_its_input() {
    let before = std::fs::read(example()).unwrap();
    fzcheck()
        .args(["check", &example(), "--fail-on", "never"])
        .assert()
        .success();
    assert_eq!(before, std::fs::read(example()).unwrap());
}

#[test]
fn new_pack_scaffolds_a_green_pack() {
    let dir = tempfile::tempdir().unwrap();
    fzcheck()
        .args(["new-pack", "my-city", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    let root = dir.path().join("my-city");
    let pack = std::fs::read_to_string(root.join("my-city.yaml")).unwrap();
    // `$schema` points at a file that exists beside the pack, and the pack is valid under it.
    let link = pack.lines().next().unwrap();
    let target = link.split("$schema=").nth(1).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join(target)).unwrap()).unwrap();
    let instance: serde_json::Value = serde_yaml::from_str(&pack).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(
        validator.is_valid(&instance),
        "the scaffold is valid under its schema"
    );
    fzcheck()
        .arg("test")
        .arg(&root)
        .assert()
        .success()
        .stdout(predicate::str::contains("测试结果：3 个通过，0 个失败"));
    // A second time refuses to overwrite.
    fzcheck()
        .args(["new-pack", "my-city", "--dir"])
        .arg(dir.path())
        .assert()
        .code(2);
}

#[test]
fn test_shows_a_diff_when_a_case_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    fzcheck()
        .args(["new-pack", "demo", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    let tests = dir.path().join("demo/tests/demo.yaml");
    let text = std::fs::read_to_string(&tests)
        .unwrap()
        .replace("pass: [", "fail: [")
        .replacen("    fail:\n", "    pass:\n", 1);
    std::fs::write(&tests, text).unwrap();
    fzcheck()
        .arg("test")
        .arg(dir.path().join("demo"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("- 期望"))
        .stdout(predicate::str::contains("+ 实际"));
}

#[test]
fn batch_over_a_folder_lists_unreadable_files_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(example(), dir.path().join("a.md")).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        [0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x01],
    )
    .unwrap();
    let out = fzcheck()
        .arg("check")
        .arg(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = j["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert!(reports.iter().any(|r| !r["error"].is_null()));
    assert!(reports
        .iter()
        .any(|r| !r["results"].as_array().unwrap().is_empty()));
}

/// The real seeds as a batch: stdout carries each format whole, one after the other, and is the
/// same byte for byte whatever `--jobs` says.
#[test]
fn a_batch_of_the_seeds_streams_the_same_output_whatever_jobs_says() {
    need_shared!("seeds");
    let check = |jobs: &str| {
        fzcheck()
            .arg("check")
            .arg(seeds::shared("seeds"))
            .args(["--include", "*.txt", "--exclude", "formats"])
            .args(["--jobs", jobs, "--summary"])
            .args(["--format", "json", "--format", "csv"])
            .output()
            .unwrap()
    };
    let one = check("1");
    assert_eq!(one.status.code(), Some(1), "the seeds have failures");
    for jobs in ["2", "0"] {
        assert!(check(jobs).stdout == one.stdout, "--jobs {jobs} differs");
    }
    let text = String::from_utf8(one.stdout).unwrap();
    let json_end = text.find("\n}\n").unwrap() + 3;
    let doc: serde_json::Value = serde_json::from_str(&text[..json_end]).unwrap();
    let paths: Vec<&str> = doc["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 5);
    for (path, stem) in paths.iter().zip(seeds::SEEDS) {
        assert!(
            path.ends_with(&format!("{stem}.txt")),
            "{path} in input order"
        );
    }
    assert_eq!(doc["summary"]["reports"], 5);
    let rest = &text[json_end..];
    assert!(rest.starts_with('\u{feff}'), "the CSV follows the JSON");
    let summary = rest.find("合计 5 份报告").expect("then the summary");
    let rules = doc["rules"].as_array().unwrap().len();
    assert_eq!(
        rest[..summary].lines().count(),
        1 + 5 * rules,
        "tidy CSV: a header row, a row per report × rule"
    );
}

#[test]
fn a_missing_output_folder_is_reported_before_anything_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    fzcheck()
        .args(["check", &example(), "--format", "json", "--output"])
        .arg(dir.path().join("no-such-dir/out.json"))
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("no-such-dir"));
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/reports/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn stdout_of(args: &[&str]) -> (Option<i32>, String) {
    let out = fzcheck().args(args).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

/// Every line fits `width` terminal columns.
fn assert_fits(text: &str, width: usize) {
    use unicode_width::UnicodeWidthStr;
    for line in text.lines() {
        assert!(line.width() <= width, "{} > {width}: {line}", line.width());
    }
}

/// The clerk's view: the verdict in one line, then failures by severity with the Chinese title,
/// the evidence and the fix; passes are a count until `--all`.
#[test]
fn the_table_puts_the_verdict_first_and_folds_the_passes() {
    let report = fixture("county_2024.md");
    let (code, out) = stdout_of(&["check", &report, "--width", "80"]);
    assert_eq!(code, Some(1));
    assert_fits(&out, 80);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[1].starts_with("结论：不通过｜某县人民政府｜2024年度｜错误 1，警告 3"),
        "{}",
        lines[1]
    );
    let errors = out.find("错误：必须修改（1 项）").unwrap();
    let warnings = out.find("警告：应当核实修改（3 项）").unwrap();
    assert!(errors < warnings, "most severe first");
    // The draft marker: title, message, where it is, the fix and the rule id on the fix line.
    assert!(
        out.contains("✗ 不应残留草稿标记\n  文中仍有草稿标记“征求意见稿”\n  证据：第7行（7:29）")
    );
    assert!(out.contains("〔format/draft-marker〕"));
    assert!(out.contains("另有通过 42 项、不适用 5 项未列出（加 --all 显示）"));
    assert!(!out.contains("✓"), "passes are folded");
    let (_, all) = stdout_of(&["check", &report, "--width", "80", "--all"]);
    assert_fits(&all, 80);
    assert!(all.contains("通过（42 项）") && all.contains("不适用（5 项）"));
    assert_eq!(all.matches("\n✓ ").count(), 42);
}

#[test]
fn the_table_on_the_seeds_is_short_and_fits_80_columns() {
    need_shared!("seeds");
    for stem in seeds::SEEDS {
        let seed = seeds::seed(stem);
        let (_, out) = stdout_of(&["check", seed.to_str().unwrap(), "--width", "80"]);
        assert_fits(&out, 80);
        assert!(out.lines().nth(1).unwrap().starts_with("结论："), "{out}");
        assert!(out.contains("未列出（加 --all 显示）"), "{stem}: {out}");
        // One screenful or two, not one line per rule.
        assert!(
            out.lines().count() < 90,
            "{stem}: {} lines",
            out.lines().count()
        );
    }
    let (_, out) = stdout_of(&[
        "check",
        seeds::seed(seeds::SEEDS[2]).to_str().unwrap(),
        "--width",
        "80",
    ]);
    assert!(
        out.contains("结论：不通过｜沈阳市司法局｜2023年度"),
        "{out}"
    );
    assert!(out.contains("行政机关负责人出庭应诉率应达到目标值"));
    assert!(out.contains("〔metrics/appearance-rate〕"));
}

/// A folder as an archive holds it: a report, a README, a LICENSE, a hidden file, a spreadsheet.
fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("county_2024.md"), dir.path().join("某县2024.md")).unwrap();
    std::fs::write(
        dir.path().join("README.md"),
        "# 报告汇编\n\n本文件夹收录各县报告。\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("LICENSE"), "CC BY 4.0\n").unwrap();
    std::fs::write(dir.path().join(".备份.md"), "旧稿\n").unwrap();
    std::fs::write(dir.path().join("统计.xlsx"), "x").unwrap();
    dir
}

#[test]
fn a_folder_skips_what_is_not_a_report_and_lists_it() {
    let dir = archive();
    let out = fzcheck()
        .arg("check")
        .arg(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the report's failures, not README's"
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = doc["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 1);
    assert!(reports[0]["path"]
        .as_str()
        .unwrap()
        .ends_with("某县2024.md"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("已跳过 4 个非报告文件"), "{err}");
    assert!(err.contains("README.md（说明文件，不是报告）"), "{err}");
    assert!(err.contains("统计.xlsx（不是报告的文件格式）"), "{err}");
    // Named explicitly, the README is checked (and is no annual report: a warning, since the kind
    // is read from a title a copy may lose).
    fzcheck()
        .arg("check")
        .arg(dir.path().join("README.md"))
        .args(["--fail-on", "warning"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("报告 1/1"))
        .stderr(predicate::str::is_empty());
}

#[test]
fn output_files_take_their_format_from_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let (json, sarif, junit, csv) = (
        dir.path().join("结果.json"),
        dir.path().join("结果.sarif"),
        dir.path().join("结果.junit.xml"),
        dir.path().join("结果.csv"),
    );
    fzcheck()
        .args(["check", &fixture("county_2024.md"), "--output"])
        .arg(&json)
        .arg("--output")
        .arg(&sarif)
        .arg("--output")
        .arg(&junit)
        .arg("--output")
        .arg(&csv)
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(doc["reports"][0]["meta"]["report_year"], 2024);
    let sarif: serde_json::Value = serde_json::from_slice(&std::fs::read(&sarif).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(std::fs::read_to_string(&junit)
        .unwrap()
        .contains("<testsuites"));
    assert!(std::fs::read(&csv)
        .unwrap()
        .starts_with("\u{feff}".as_bytes()));
    // A format that contradicts the extension is an error, before anything is written.
    let clash = dir.path().join("冲突.json");
    fzcheck()
        .args([
            "check",
            &fixture("county_2024.md"),
            "--format",
            "csv",
            "--output",
        ])
        .arg(&clash)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("扩展名表示 json 格式"));
    assert!(!clash.exists());
    fzcheck()
        .args(["check", &fixture("county_2024.md"), "--output"])
        .arg(dir.path().join("结果.dat"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("请用 --format 指定"));
}

/// `fzcheck check … | head -1`: the reader goes away; no message, the usual exit code.
#[test]
fn a_closed_pipe_ends_quietly_with_the_usual_exit_code() {
    use std::process::{Command as Process, Stdio};
    for format in ["table", "json"] {
        let mut child = Process::new(env!("CARGO_BIN_EXE_fzcheck"))
            .args(["check", &fixture("county_2024.md"), "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn an_empty_or_blank_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("空.txt", ""), ("空白.md", " \n\u{3000}\t\n\n")] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        fzcheck()
            .arg("check")
            .arg(&path)
            .assert()
            .code(2)
            .stdout(predicate::str::contains("文件为空"))
            .stdout(predicate::str::contains("通过 0").and(predicate::str::contains("结论").not()));
    }
}

#[test]
fn summary_prints_only_the_summary_fitted_to_the_width() {
    let dir = archive();
    std::fs::copy(example(), dir.path().join("松江县2024.md")).unwrap();
    let (code, out) = stdout_of(&[
        "check",
        dir.path().to_str().unwrap(),
        "--summary",
        "--width",
        "80",
    ]);
    assert_eq!(code, Some(1));
    assert_fits(&out, 80);
    assert!(out.starts_with("合计 2 份报告"), "{out}");
    assert!(!out.contains("报告 1/2"), "no per-report tables");
    assert!(out.contains("某县人民政府 2024年度") && out.contains("松江县司法局 2024年度"));
    assert!(out.contains("各规则通过率"));
}

#[test]
fn summary_of_the_seeds_fits_80_columns() {
    need_shared!("seeds");
    let (_, out) = stdout_of(&[
        "check",
        seeds::shared("seeds").to_str().unwrap(),
        "--include",
        "*.txt",
        "--exclude",
        "formats",
        "--summary",
        "--width",
        "80",
    ]);
    assert_fits(&out, 80);
    assert!(out.starts_with("合计 5 份报告"), "{out}");
    assert!(out.contains("沈阳市司法局 2023年度"), "{out}");
}

#[test]
fn the_seeds_folder_skips_its_readme() {
    need_shared!("seeds");
    let out = fzcheck()
        .arg("check")
        .arg(seeds::shared("seeds"))
        .args(["--exclude", "formats", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["reports"].as_array().unwrap().len(), 5);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("README.md（说明文件，不是报告）"), "{err}");
}

#[test]
fn help_lists_the_exit_codes() {
    for args in [&["--help"][..], &["check", "--help"]] {
        fzcheck()
            .args(args)
            .assert()
            .success()
            .stdout(predicate::str::contains("退出码"))
            .stdout(predicate::str::contains("2  用法错误"));
    }
}

#[test]
fn explain_suggests_the_rule_meant() {
    fzcheck()
        .args(["explain", "metrics/apearance-rate"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "您是否要找：metrics/appearance-rate",
        ));
}

/// The fixture report as a Word file: one paragraph per line of text, Markdown marks dropped.
fn county_docx(dir: &std::path::Path) -> (std::path::PathBuf, Vec<String>) {
    use std::io::Write;
    let text = std::fs::read_to_string(fixture("county_2024.md")).unwrap();
    let paragraphs: Vec<String> = text
        .lines()
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
        .collect();
    let document = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let path = dir.join("某县2024.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    zip.finish().unwrap();
    (path, paragraphs)
}

fn result<'a>(doc: &'a serde_json::Value, rule: &str) -> &'a serde_json::Value {
    doc["reports"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule}"))
}

/// Word evidence says 第N段 as Word counts paragraphs and the heading over it, besides line:column.
#[test]
fn word_evidence_names_the_paragraph_and_the_heading() {
    let dir = tempfile::tempdir().unwrap();
    let (docx, paragraphs) = county_docx(dir.path());
    let draft = 1 + paragraphs
        .iter()
        .position(|p| p.contains("征求意见稿"))
        .unwrap();
    let gap = 1 + paragraphs
        .iter()
        .position(|p| p.starts_with("（四）"))
        .unwrap();
    let out = fzcheck()
        .arg("check")
        .arg(&docx)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &result(&doc, "format/draft-marker")["evidence"][0];
    assert_eq!(e["place"], format!("第{draft}段"));
    assert_eq!(e["paragraph"], draft);
    assert!(e["line"].as_u64().unwrap() > 0 && e["column"].as_u64().unwrap() > 0);
    let e = &result(&doc, "format/heading-sequence")["evidence"][0];
    assert_eq!(e["place"], format!("第{gap}段"));
    assert_eq!(e["section"], "一、主要工作和成效");
    let (_, table) = stdout_of(&["check", docx.to_str().unwrap(), "--width", "100"]);
    assert!(
        table.contains(&format!("证据：第{gap}段，“一、主要工作和成效”下（")),
        "{table}"
    );
    // The same report as text says 第N行.
    let (_, text) = stdout_of(&["check", &fixture("county_2024.md"), "--width", "100"]);
    assert!(
        text.contains("证据：第32行，“一、主要工作和成效”下（32:1）"),
        "{text}"
    );
}

#[test]
fn seed_evidence_names_pages_and_paragraphs() {
    need_shared!("seeds");
    let formats = seeds::shared("seeds/formats");
    let stem = seeds::SEEDS[2];
    for (ext, place) in [("pdf", "页"), ("docx", "段"), ("html", "行")] {
        let path = formats.join(format!("{stem}.{ext}"));
        let out = fzcheck()
            .arg("check")
            .arg(&path)
            .args(["--format", "json"])
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let e = &result(&doc, "metrics/appearance-rate")["evidence"][0];
        let found = e["place"].as_str().unwrap();
        assert!(
            found.starts_with('第') && found.ends_with(place),
            "{ext}: {found}"
        );
        assert!(e["line"].as_u64().unwrap() > 0, "{ext}");
        assert!(e["section"].is_string(), "{ext}: {e}");
    }
}

/// The fixture with `from` replaced by `to`, written to a temporary file.
fn variant(dir: &std::path::Path, from: &str, to: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(fixture("county_2024.md")).unwrap();
    assert!(text.contains(from), "{from}");
    let path = dir.join("变体.md");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

/// What was found is shown where it was found: a typo, titles joined by 、, in their context.
#[test]
fn fixes_show_what_was_found_in_its_context() {
    let dir = tempfile::tempdir().unwrap();
    let report = variant(
        dir.path(),
        "三是宣传覆盖面不广。",
        "三是对《行政处罚法》、《行政复议法》宣传覆盖面不广，要再接再励。",
    );
    let (_, out) = stdout_of(&["check", report.to_str().unwrap(), "--width", "200"]);
    assert!(
        out.contains("疑似错别字1处：再接再励")
            && out.contains("应为：再接再厉 〔format/common-typos〕"),
        "{out}"
    );
    assert!(
        out.contains("证据：第38行，“二、存在的不足”下（38:52）「…《行政复议法》宣传覆盖面不广，要再接再励。」"),
        "{out}"
    );
    // The titles found, not an invented example.
    assert!(
        out.contains("证据：第38行，“二、存在的不足”下（38:28）「《行政处罚法》、《行政复议法》」"),
        "{out}"
    );
    let out = fzcheck()
        .arg("check")
        .arg(&report)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &result(&doc, "format/common-typos")["evidence"][0];
    assert_eq!(e["text"], "再接再励");
    assert_eq!(e["context"], "…《行政复议法》宣传覆盖面不广，要再接再励。");
    // A pass shows its evidence with --all, a not-applicable rule its reason.
    let (_, all) = stdout_of(&["check", report.to_str().unwrap(), "--all", "--width", "200"]);
    assert!(
        all.contains("✓ 行政机关负责人出庭应诉率应达到目标值"),
        "{all}"
    );
    assert!(
        all.contains("出庭应诉率为100%，败诉率同比下降3个百分点。」"),
        "{all}"
    );
    assert!(all.contains("原因："), "{all}");
}

/// `fzcheck check FILE --format json`, parsed.
fn json_of(path: &std::path::Path) -> serde_json::Value {
    let out = fzcheck()
        .arg("check")
        .arg(path)
        .args(["--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn reason_of(doc: &serde_json::Value, rule: &str) -> String {
    let r = result(doc, rule);
    assert_eq!(r["status"], "not_applicable", "{rule}: {r}");
    r["reason"].as_str().unwrap().to_string()
}

/// A rule that does not apply says which of its conditions failed: one rate or none; a plan
/// heading without a year (while the plan rule passes on it) or no plan heading at all.
#[test]
fn not_applicable_reasons_name_the_condition_that_failed() {
    let dir = tempfile::tempdir().unwrap();
    let doc = json_of(std::path::Path::new(&fixture("county_2024.md")));
    assert!(reason_of(&doc, "consistency/same-appearance-rate")
        .contains("只写了一处本年度的出庭应诉率（100%）"));
    assert_eq!(result(&doc, "content/next-year-plan")["status"], "pass");
    let plan = reason_of(&doc, "content/next-year-is-following");
    assert!(plan.contains("标题“下一步工作安排”没有写年份"), "{plan}");
    assert!(!plan.contains("未找到"), "{plan}");
    // Already 100%: nothing to explain, and the reason says the rate.
    let met = reason_of(&doc, "metrics/appearance-shortfall-explained");
    assert!(met.contains("出庭应诉率为100%，已达到100%"), "{met}");

    let none = variant(dir.path(), "行政机关负责人出庭应诉率为100%，", "");
    let doc = json_of(&none);
    let same = reason_of(&doc, "consistency/same-appearance-rate");
    assert!(same.contains("报告没有写本年度的出庭应诉率"), "{same}");
    assert!(!same.contains("只写了一处"), "{same}");
    let explained = reason_of(&doc, "metrics/appearance-shortfall-explained");
    assert!(explained.contains("没有写明出庭应诉率"), "{explained}");
}

/// The same on the seeds: a report whose rate rule says it has no rate is never told it wrote one,
/// and where the plan rule passes the following-year rule never says the plan is missing.
#[test]
fn seed_not_applicable_reasons_agree_with_the_other_rules() {
    need_shared!("seeds");
    for stem in seeds::SEEDS {
        let doc = json_of(&seeds::seed(stem));
        let rate = result(&doc, "metrics/appearance-rate");
        let same = result(&doc, "consistency/same-appearance-rate");
        if rate["message"].as_str().unwrap().contains("没有写明") {
            assert!(
                same["reason"].as_str().unwrap().contains("没有写"),
                "{stem}: {same}"
            );
        }
        let plan = result(&doc, "content/next-year-plan");
        let following = result(&doc, "content/next-year-is-following");
        if plan["status"] == "pass" && following["status"] == "not_applicable" {
            let reason = following["reason"].as_str().unwrap();
            assert!(!reason.contains("未找到下一年度"), "{stem}: {reason}");
        }
    }
}

/// Failures name what was found: the rate and the target, the titles joined by 、.
#[test]
fn fixes_name_the_rate_the_target_and_the_titles_found() {
    let dir = tempfile::tempdir().unwrap();
    let report = variant(
        dir.path(),
        "出庭应诉率为100%，",
        "出庭应诉率为96%，严格执行《行政处罚法》、《行政许可法》，",
    );
    let (code, out) = stdout_of(&["check", report.to_str().unwrap(), "--width", "100"]);
    assert_eq!(code, Some(1));
    assert!(out.contains("出庭应诉率为96%，未达到100%"), "{out}");
    assert!(
        out.contains("并列书名号之间用了顿号：《行政处罚法》、《行政许可法》"),
        "{out}"
    );
    assert!(
        out.contains("删去书名号之间的顿号：《行政处罚法》、《行政许可法》"),
        "{out}"
    );
    assert!(
        !out.contains("写作“《行政处罚法》《行政复议法》”"),
        "no invented example"
    );
}

/// The CSV is tidy by default (one header row, a row per report × rule, nothing else), the
/// matrix on request; both on a folder of my reports.
#[test]
fn csv_is_tidy_and_the_matrix_is_a_layout() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let text = std::fs::read_to_string(fixture("county_2024.md")).unwrap();
    std::fs::write(reports.join("a.md"), &text).unwrap();
    std::fs::write(reports.join("b.md"), text.replace("某县", "东山县")).unwrap();
    let rules = fzcheck()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let rules: serde_json::Value = serde_json::from_slice(&rules.stdout).unwrap();
    let n = rules
        .as_array()
        .map_or_else(|| rules["rules"].as_array().unwrap().len(), Vec::len);

    let tidy = dir.path().join("tidy.csv");
    fzcheck()
        .arg("check")
        .arg(&reports)
        .arg("--output")
        .arg(&tidy)
        .assert()
        .code(1);
    let rows = read_csv(&tidy);
    assert_eq!(
        rows[0],
        [
            "文件",
            "发文机关",
            "年度",
            "类型",
            "规则",
            "规则标题",
            "规则包",
            "级别",
            "结果",
            "说明",
            "修改建议",
            "证据位置",
            "证据",
            "证据数"
        ]
    );
    assert_eq!(
        rows.len(),
        1 + 2 * n,
        "a row per report × rule, nothing else"
    );
    let row = rows
        .iter()
        .find(|r| r[0].ends_with("b.md") && r[4] == "format/draft-marker")
        .unwrap();
    assert_eq!(&row[1..4], ["东山县人民政府", "2024", "年度报告"]);
    assert_eq!(&row[6..9], ["format", "错误", "不通过"]);
    assert!(row[9].contains("征求意见稿"), "{row:?}");
    assert!(row[11].starts_with("第"), "{row:?}");

    let matrix = dir.path().join("matrix.csv");
    fzcheck()
        .arg("check")
        .arg(&reports)
        .args(["--csv-layout", "matrix", "--output"])
        .arg(&matrix)
        .assert()
        .code(1);
    let rows = read_csv(&matrix);
    assert_eq!(rows.len(), 3, "a header row and a row per report");
    assert_eq!(rows[0].len(), 4 + n + 4);
    assert!(
        rows[0][4].contains('（') && rows[0][4].contains('/'),
        "title and id"
    );
    assert_eq!(rows[2][1], "东山县人民政府");
}

fn read_csv(path: &std::path::Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "BOM for Excel");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The tidy CSV of the seeds has a row per seed × rule and every seed's issuer column filled.
#[test]
fn seed_csv_is_tidy() {
    need_shared!("seeds");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seeds.csv");
    let mut cmd = fzcheck();
    cmd.arg("check");
    for stem in seeds::SEEDS {
        cmd.arg(seeds::seed(stem));
    }
    let status = cmd.arg("--output").arg(&out).output().unwrap();
    assert!(matches!(status.status.code(), Some(0 | 1)));
    let rows = read_csv(&out);
    let per_seed = (rows.len() - 1) / seeds::SEEDS.len();
    assert_eq!(rows.len(), 1 + per_seed * seeds::SEEDS.len());
    for row in &rows[1..] {
        assert_eq!(row.len(), 14, "{row:?}");
        assert!(
            ["通过", "不通过", "不适用", "已跳过", "出错"].contains(&row[8].as_str()),
            "{row:?}"
        );
    }
}

/// The batch HTML page names reports by issuer and year with the path on hover, groups rules by
/// pack under Chinese titles, has a legend, and puts the most failing report first.
#[test]
fn batch_html_names_reports_groups_rules_and_puts_failures_first() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let text = std::fs::read_to_string(fixture("county_2024.md")).unwrap();
    // The second file fails more (a draft marker kept, a typo): it comes first.
    std::fs::write(
        reports.join("1.md"),
        text.replace("某县", "西河县").replace("（征求意见稿）", ""),
    )
    .unwrap();
    std::fs::write(reports.join("2.md"), text.replace("某县", "东山县")).unwrap();
    let page = dir.path().join("page.html");
    fzcheck()
        .arg("check")
        .arg(&reports)
        .arg("--output")
        .arg(&page)
        .assert()
        .code(1);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("图例"), "legend");
    assert!(html.contains("重点指标（metrics）"), "pack title");
    assert!(
        html.contains("行政机关负责人出庭应诉率应达到目标值</th>"),
        "rule title in the matrix"
    );
    let east = html
        .find(">东山县人民政府<span class=\"year\">2024年度</span>")
        .unwrap();
    let west = html
        .find(">西河县人民政府<span class=\"year\">2024年度</span>")
        .unwrap();
    assert!(east < west, "the report with more failures first");
    assert!(html.contains(&format!("title=\"{}\"", reports.join("2.md").display())));
}
