//! The double-click mode (src/cli/desktop.rs): `fzcheck 报告.md` with no subcommand, what Windows
//! runs for a file dropped on fzcheck.exe. From a pipe it checks and writes, never opens or waits.

use assert_cmd::Command;
use predicates::prelude::*;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/sample-report.md");

fn fzcheck(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("fzcheck").unwrap();
    cmd.current_dir(dir);
    cmd
}

#[test]
fn dropped_files_each_get_an_html_result_beside_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("材料")).unwrap();
    std::fs::copy(EXAMPLE, dir.path().join("材料/报告.md")).unwrap();
    let good = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/fixtures/good-report.md");
    std::fs::copy(good, dir.path().join("合格.md")).unwrap();
    // The example fails an error-level rule: exit 1, as `fzcheck check` gives.
    fzcheck(dir.path())
        .args(["材料/报告.md", "合格.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("检查结果已写入"))
        .stdout(predicate::str::contains("metrics/appearance-rate"));
    let page = std::fs::read_to_string(dir.path().join("材料/报告.md.检查结果.html")).unwrap();
    assert!(page.contains("metrics/appearance-rate"));
    assert!(dir.path().join("合格.md.检查结果.html").is_file());
    // Only the results were written; nothing else appeared beside the reports.
    assert_eq!(
        std::fs::read_dir(dir.path().join("材料")).unwrap().count(),
        2
    );
}

#[test]
fn a_subcommand_name_stays_a_subcommand_even_when_a_file_has_that_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rules"),
        "某区人民政府关于2024年法治政府建设情况的报告\n",
    )
    .unwrap();
    fzcheck(dir.path())
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("content/issuer"))
        .stdout(predicate::str::contains("检查结果已写入").not());
    assert!(!dir.path().join("rules.检查结果.html").exists());
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error_not_a_check() {
    let dir = tempfile::tempdir().unwrap();
    fzcheck(dir.path()).arg("不存在.docx").assert().code(2);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
