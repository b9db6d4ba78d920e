//! `fzcheck new-pack NAME`: a pack with one rule, a test file and two fixtures, green from the start.

use super::args::NewPackArgs;
use super::exit::{CliError, Exit};
use std::path::Path;

/// Editors (VS Code's YAML extension, JetBrains) read the `$schema` comment; it points at the
/// schema written beside the pack, so completion and checking work offline.
const PACK: &str = r#"# yaml-language-server: $schema=schema.json
pack: NAME
title: 我的规则包
version: 0.1.0
description: 本地补充要求
basis:
  - 本地文件名称和文号
params:
  min_lectures: 2
rules:
  - id: NAME/law-lectures
    title: 领导班子法治专题讲座不少于两期
    severity: warning
    basis: 本地考核办法（示例）
    applies_to: [annual_report]
    let:
      lectures: fact(/法治专题讲座/)
    check: lectures.value >= params.min_lectures
    message: 法治专题讲座为{lectures.value}期，少于{params.min_lectures}期
    missing: 报告没有写明法治专题讲座的期数
    hint: 写明领导班子全年举办法治专题讲座的期数
"#;

const TESTS: &str = r#"pack: ../NAME.yaml
cases:
  - rule: NAME/law-lectures
    pass: [../fixtures/enough.md]
    fail:
      - from: ../fixtures/enough.md
        replace: {"举办法治专题讲座3期": "举办法治专题讲座1期"}
        message: 少于2期
      - name: 没有写期数
        from: ../fixtures/enough.md
        replace: {"举办法治专题讲座3期": "重视法治学习"}
        message: 没有写明
"#;

const FIXTURE: &str = "示范区人民政府关于2024年法治政府建设情况的报告\n\n2024年，示范区全面推进法治政府建设，现将有关情况报告如下。\n\n一、主要举措和成效\n\n区政府领导班子全年举办法治专题讲座3期。\n\n二、2025年工作安排\n\n持续推进法治政府建设。\n";

pub fn run(args: NewPackArgs) -> Result<Exit, CliError> {
    let name = &args.name;
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        return Err(CliError(format!(
            "规则包名“{name}”无效：只能用小写字母、数字和连字符，如 my-city"
        )));
    }
    let root = args.dir.join(name);
    if root.exists() {
        return Err(CliError(format!("{} 已存在，未做任何修改", root.display())));
    }
    write(
        &root.join(format!("{name}.yaml")),
        &PACK.replace("NAME", name),
    )?;
    write(
        &root.join("tests").join(format!("{name}.yaml")),
        &TESTS.replace("NAME", name),
    )?;
    write(&root.join("fixtures").join("enough.md"), FIXTURE)?;
    write(&root.join("schema.json"), &crate::pack::schema())?;
    println!("已创建 {}：", root.display());
    println!("  {name}.yaml            规则包");
    println!("  tests/{name}.yaml      测试用例");
    println!("  fixtures/enough.md     测试用报告");
    println!("  schema.json            规则包的 JSON Schema（编辑器据此补全和校验）");
    println!("运行测试：fzcheck test {}", root.display());
    println!(
        "检查报告：fzcheck check 报告.docx --pack {}",
        root.join(format!("{name}.yaml")).display()
    );
    Ok(Exit::Ok)
}

fn write(path: &Path, text: &str) -> Result<(), CliError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| CliError(format!("{}: 无法创建文件夹: {e}", dir.display())))?;
    }
    std::fs::write(path, text).map_err(|e| CliError(format!("{}: 无法写入: {e}", path.display())))
}
