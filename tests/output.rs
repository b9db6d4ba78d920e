//! Every output format over one hand-built run: snapshots, plus parse-back and schema validation.
#[macro_use]
mod seeds;

use fzcheck::engine::{CheckRun, Evidence, ReportResult, RuleInfo, Status, Verdict};
use fzcheck::output::{render, CsvLayout, Format, Outputs, Plan, RenderOptions, Target};
use fzcheck::pack::Severity;
use fzcheck::report::{DocKind, Located, Meta, Position, Span};
use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

/// Three reports (one unreadable), nine rules of the three severities, every status.
mod sample {
    use super::*;
    use chrono::NaiveDate;

    fn rule(
        id: &str,
        title: &str,
        severity: Severity,
        hint: &str,
        basis: &[&str],
    ) -> Arc<RuleInfo> {
        Arc::new(RuleInfo {
            id: id.to_string(),
            pack: id.split('/').next().unwrap().to_string(),
            pack_title: "政府年报".to_string(),
            title: title.to_string(),
            severity,
            basis: basis.iter().map(|b| b.to_string()).collect(),
            hint: hint.to_string(),
            description: None,
            tags: vec!["gov-ar".to_string()],
        })
    }

    pub fn rules() -> Vec<Arc<RuleInfo>> {
        const REGS: &str = "《法治政府建设与责任落实督察工作规定》第二十五条";
        vec![
            rule(
                "gov-ar/title-format",
                "标题写明年度和“法治政府建设”",
                Severity::Warning,
                "标题应包含报告年度和“法治政府建设”字样，如《××区2024年法治政府建设年度报告》。",
                &[REGS],
            ),
            rule(
                "gov-ar/publish-deadline",
                "每年3月31日前向社会公开",
                Severity::Error,
                "在每年3月31日前通过报刊、网站等向社会公开，并在文中或页面注明发布日期。",
                &[REGS],
            ),
            rule(
                "gov-ar/principal-duty",
                "报告党政主要负责人履行第一责任人职责情况",
                Severity::Error,
                "单列一部分，写明党政主要负责人履行推进法治建设第一责任人职责的具体举措。",
                &[
                    "《党政主要负责人履行推进法治建设第一责任人职责规定》第九条",
                    REGS,
                ],
            ),
            rule(
                "gov-ar/shortcomings",
                "写明存在的不足和原因",
                Severity::Error,
                "增加“存在的不足和原因”部分，具体说明问题，避免空泛表述。",
                &[REGS],
            ),
            rule(
                "gov-ar/next-year-plan",
                "写明下一年度工作打算",
                Severity::Warning,
                "增加“下一年度工作安排”部分，列出可检查的具体措施。",
                &[REGS],
            ),
            rule(
                "gov-ar/court-appearance-rate",
                "行政机关负责人出庭应诉率",
                Severity::Warning,
                "核对出庭应诉率；低于100%时说明未出庭案件的原因。",
                &["《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》"],
            ),
            rule(
                "gov-ar/legal-aid-sum",
                "法律援助案件分项之和等于总数",
                Severity::Info,
                "核对“其中”各项之和与总数是否一致。",
                &[],
            ),
            rule(
                "style/no-draft-marker",
                "正式文本不得保留草稿标记",
                Severity::Info,
                "删除“征求意见稿”“讨论稿”等字样后再公开。",
                &[],
            ),
            rule(
                "gov-ar/case-study-source",
                "典型案例注明来源",
                Severity::Info,
                "典型案例应注明案件来源和办理单位。",
                &[],
            ),
        ]
    }

    fn at<T>(value: T, start: usize, end: usize) -> Located<T> {
        Located {
            value,
            span: Span::new(start, end),
        }
    }

    fn evidence(
        start: (usize, u32, u32),
        end: (usize, u32, u32),
        text: &str,
        value: Option<&str>,
        page: Option<u32>,
    ) -> Evidence {
        Evidence {
            span: Span::new(start.0, end.0),
            start: Position {
                line: start.1,
                column: start.2,
            },
            end: Position {
                line: end.1,
                column: end.2,
            },
            text: text.to_string(),
            value: value.map(str::to_string),
            page,
            paragraph: None,
            // Headings start at line 9 in these reports.
            section: (start.1 > 8).then(|| "一、主要举措和成效".to_string()),
            context: None,
        }
    }

    fn verdict(
        rule: &Arc<RuleInfo>,
        status: Status,
        message: &str,
        evidence: Vec<Evidence>,
        reason: Option<&str>,
    ) -> Verdict {
        let hint = (status == Status::Fail).then(|| rule.hint.clone());
        Verdict {
            rule: Arc::clone(rule),
            status,
            message: message.to_string(),
            evidence,
            reason: reason.map(str::to_string),
            hint,
        }
    }

    pub fn run() -> CheckRun {
        let r = rules();
        let yunxi = ReportResult {
            path: "reports/2024/云溪区2024年法治政府建设年度报告.txt".to_string(),
            meta: Some(Meta {
                title: Some(at("云溪区2024年法治政府建设年度报告".to_string(), 0, 48)),
                issuer: Some(at("云溪区人民政府".to_string(), 3600, 3621)),
                doc_number: Some(at("云政发〔2025〕3号".to_string(), 52, 75)),
                addressee: Some(at("市委、市政府".to_string(), 80, 98)),
                report_year: Some(at(2024, 9, 13)),
                issued: Some(at(
                    NaiveDate::from_ymd_opt(2025, 3, 20).unwrap(),
                    3625,
                    3650,
                )),
                published: Some(at(NaiveDate::from_ymd_opt(2025, 4, 8).unwrap(), 100, 118)),
                draft: Some(at("征求意见稿".to_string(), 130, 145)),
                broken_off: None,
                kind: DocKind::AnnualReport,
                kind_reason: "标题含“法治政府建设年度报告”".to_string(),
            }),
            verdicts: vec![
                verdict(
                    &r[0],
                    Status::Pass,
                    "",
                    vec![evidence(
                        (0, 1, 1),
                        (48, 1, 17),
                        "云溪区2024年法治政府建设年度报告",
                        None,
                        None,
                    )],
                    None,
                ),
                verdict(
                    &r[1],
                    Status::Fail,
                    "发布日期为2025年4月8日，晚于3月31日",
                    vec![evidence(
                        (100, 3, 1),
                        (118, 3, 11),
                        "发布时间：2025-04-08",
                        Some("2025-04-08"),
                        None,
                    )],
                    None,
                ),
                verdict(
                    &r[2],
                    Status::Pass,
                    "",
                    vec![evidence(
                        (420, 9, 1),
                        (470, 9, 21),
                        "（一）区委书记、区长切实履行推进法治建设第一责任人职责",
                        None,
                        None,
                    )],
                    None,
                ),
                verdict(
                    &r[3],
                    Status::Fail,
                    "未找到“存在的不足和原因”部分",
                    vec![],
                    None,
                ),
                verdict(
                    &r[4],
                    Status::Pass,
                    "",
                    vec![evidence(
                        (3300, 41, 1),
                        (3330, 41, 11),
                        "四、2025年工作安排",
                        None,
                        None,
                    )],
                    None,
                ),
                verdict(
                    &r[5],
                    Status::Fail,
                    "出庭应诉率为85.7%，低于100%（应 >= 100%）",
                    vec![evidence(
                        (1510, 22, 15),
                        (1560, 22, 45),
                        "行政机关负责人出庭应诉42件，出庭应诉率为85.7%，较上年提高4.2个百分点",
                        Some("85.7%"),
                        None,
                    )],
                    None,
                ),
                verdict(
                    &r[6],
                    Status::Error,
                    "",
                    vec![],
                    Some("无法计算：未找到“法律援助案件”总数"),
                ),
                verdict(
                    &r[7],
                    Status::Fail,
                    "正文保留了“征求意见稿”字样",
                    vec![evidence(
                        (130, 2, 20),
                        (145, 2, 25),
                        "（征求意见稿）",
                        Some("征求意见稿"),
                        None,
                    )],
                    None,
                ),
                verdict(
                    &r[8],
                    Status::NotApplicable,
                    "",
                    vec![],
                    Some("仅适用于典型案例"),
                ),
            ],
            error: None,
        };
        let qinglan = ReportResult {
            path: "reports/2024/青岚县2024年度法治政府建设情况的报告.pdf".to_string(),
            meta: Some(Meta {
                title: Some(at(
                    "青岚县人民政府关于2024年度法治政府建设情况的报告".to_string(),
                    0,
                    72,
                )),
                issuer: Some(at("青岚县人民政府".to_string(), 0, 21)),
                doc_number: None,
                addressee: None,
                report_year: Some(at(2024, 30, 34)),
                issued: None,
                published: Some(at(NaiveDate::from_ymd_opt(2025, 3, 28).unwrap(), 80, 98)),
                draft: None,
                broken_off: None,
                kind: DocKind::AnnualReport,
                kind_reason: "标题含“法治政府建设情况的报告”".to_string(),
            }),
            verdicts: vec![
                verdict(&r[0], Status::Pass, "", vec![], None),
                verdict(
                    &r[1],
                    Status::Pass,
                    "",
                    vec![evidence(
                        (80, 2, 1),
                        (98, 2, 11),
                        "发布时间：2025-03-28",
                        Some("2025-03-28"),
                        Some(1),
                    )],
                    None,
                ),
                verdict(
                    &r[2],
                    Status::Fail,
                    "未写明主要负责人履行第一责任人职责的情况",
                    vec![evidence(
                        (600, 14, 1),
                        (640, 14, 18),
                        "一、2024年法治政府建设主要举措和成效",
                        None,
                        Some(1),
                    )],
                    None,
                ),
                verdict(
                    &r[3],
                    Status::Pass,
                    "",
                    vec![evidence(
                        (5200, 88, 1),
                        (5230, 88, 11),
                        "三、存在的不足和原因",
                        None,
                        Some(4),
                    )],
                    None,
                ),
                verdict(&r[4], Status::Pass, "", vec![], None),
                verdict(
                    &r[5],
                    Status::Pass,
                    "出庭应诉率为100%",
                    vec![evidence(
                        (2710, 47, 3),
                        (2760, 47, 30),
                        "全县行政机关负责人出庭应诉率为100%",
                        Some("100%"),
                        Some(3),
                    )],
                    None,
                ),
                verdict(
                    &r[6],
                    Status::Fail,
                    "分项之和为326件，与总数353件不符",
                    vec![evidence(
                        (3011, 52, 5),
                        (3100, 52, 60),
                        "共办理法律援助案件353件，其中民事援助案件214件，刑事援助案件112件",
                        Some("353件"),
                        Some(3),
                    )],
                    None,
                ),
                verdict(
                    &r[7],
                    Status::Skipped,
                    "",
                    vec![],
                    Some("配置文件 fzcheck.yaml 关闭了此规则：草稿标记由人工复核"),
                ),
                verdict(
                    &r[8],
                    Status::NotApplicable,
                    "",
                    vec![],
                    Some("仅适用于典型案例"),
                ),
            ],
            error: None,
        };
        let broken = ReportResult {
            path: "reports/2024/损坏的报告.docx".to_string(),
            meta: None,
            verdicts: vec![],
            error: Some("reports/2024/损坏的报告.docx: 无法读取文件: 不是有效的 .docx（zip 目录缺失）。请用 Word 打开后另存为 .docx".to_string()),
        };
        CheckRun {
            rules: r,
            reports: vec![yunxi, qinglan, broken],
        }
    }
}

fn rendered(format: Format, opts: &RenderOptions) -> String {
    let mut out = Vec::new();
    render(&sample::run(), format, opts, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// What the snapshots hold: the tool's own version masked, so a release doesn't rewrite them.
fn snapshot(format: Format) -> String {
    let version = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
    rendered(format, &plain()).replace(&version, "\"version\": \"[fzcheck version]\"")
}

fn plain() -> RenderOptions {
    RenderOptions {
        color: false,
        width: Some(120),
        summary: false,
        all: false,
        csv_layout: CsvLayout::Tidy,
    }
}

fn shared_schema(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/schemas")
        .join(name)
}

fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn table_snapshot() {
    insta::assert_snapshot!(snapshot(Format::Table));
}

#[test]
fn table_narrow_snapshot() {
    let opts = RenderOptions {
        width: Some(80),
        ..plain()
    };
    insta::assert_snapshot!(rendered(Format::Table, &opts));
}

#[test]
fn table_all_lists_passes_and_not_applicables() {
    let folded = rendered(Format::Table, &plain());
    assert!(folded.contains("另有通过 3 项、不适用 1 项未列出（加 --all 显示）"));
    assert!(!folded.contains("典型案例注明来源"), "{folded}");
    let all = rendered(
        Format::Table,
        &RenderOptions {
            all: true,
            ..plain()
        },
    );
    assert!(all.contains("典型案例注明来源"), "{all}");
    assert!(all.contains("原因：仅适用于典型案例"), "{all}");
    assert!(!all.contains("未列出"), "{all}");
}

#[test]
fn table_colours_only_when_asked() {
    assert!(!rendered(Format::Table, &plain()).contains('\u{1b}'));
    let coloured = rendered(
        Format::Table,
        &RenderOptions {
            color: true,
            ..plain()
        },
    );
    assert!(coloured.contains("\u{1b}["), "no ANSI colour in {coloured}");
}

#[test]
fn table_lines_fit_the_width() {
    use unicode_width::UnicodeWidthStr;
    for width in [80u16, 120] {
        let out = rendered(
            Format::Table,
            &RenderOptions {
                width: Some(width),
                ..plain()
            },
        );
        for line in out.lines() {
            assert!(
                line.width() <= width as usize,
                "{} > {width}: {line}",
                line.width()
            );
        }
    }
}

/// `--summary` alone, at 60 columns: the matrix splits its rule columns into blocks that fit.
#[test]
fn summary_snapshot() {
    let opts = RenderOptions {
        width: Some(60),
        summary: true,
        ..plain()
    };
    let out = rendered(Format::Table, &opts);
    assert!(!out.contains("报告 1/3"), "only the summary");
    for line in out.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 60, "{line}");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!(snapshot(Format::Json));
}

/// Asserts `doc` is valid against `schema` (listing every error) and returns the validator.
fn assert_valid(schema: &serde_json::Value, doc: &serde_json::Value) -> jsonschema::Validator {
    let validator = jsonschema::validator_for(schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    validator
}

#[test]
fn json_validates_against_its_schema() {
    let schema =
        read_json(&Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/check-output.schema.json"));
    let doc: serde_json::Value = serde_json::from_str(&rendered(Format::Json, &plain())).unwrap();
    let validator = assert_valid(&schema, &doc);
    // The schema is strict: an unknown key or a wrong status is caught.
    let mut bad = doc.clone();
    bad["reports"][0]["results"][0]["status"] = "ok".into();
    assert!(!validator.is_valid(&bad));
    let mut bad = doc.clone();
    bad["reports"][0]["surprise"] = true.into();
    assert!(!validator.is_valid(&bad));

    assert_eq!(doc["schema_version"], "1");
    assert_eq!(doc["summary"]["reports"], 3);
    assert_eq!(doc["summary"]["unreadable"], 1);
    assert_eq!(doc["summary"]["counts"]["by_status"]["fail"], 6);
    assert_eq!(doc["summary"]["counts"]["failures_by_severity"]["error"], 3);
    assert_eq!(doc["reports"][2]["meta"], serde_json::Value::Null);
}

#[test]
fn junit_snapshot() {
    insta::assert_snapshot!(snapshot(Format::Junit));
}

#[test]
fn junit_parses_back_with_the_counts() {
    let xml = rendered(Format::Junit, &plain());
    let suites = junit_parser::from_reader(std::io::Cursor::new(xml.as_bytes())).unwrap();
    assert_eq!(suites.suites.len(), 3);
    let [yunxi, qinglan, broken] = &suites.suites[..] else {
        unreachable!()
    };
    assert_eq!(
        yunxi.name,
        "reports/2024/云溪区2024年法治政府建设年度报告.txt"
    );
    assert_eq!(
        (yunxi.tests, yunxi.failures, yunxi.errors, yunxi.skipped),
        (9, 4, 1, 1)
    );
    assert_eq!(
        (
            qinglan.tests,
            qinglan.failures,
            qinglan.errors,
            qinglan.skipped
        ),
        (9, 2, 0, 2)
    );
    assert_eq!(
        (broken.tests, broken.failures, broken.errors, broken.skipped),
        (1, 0, 1, 0)
    );
    let case = &yunxi.cases[1];
    assert_eq!(case.classname.as_deref(), Some("gov-ar"));
    assert_eq!(
        case.original_name,
        "gov-ar/publish-deadline 每年3月31日前向社会公开"
    );
    match &case.status {
        junit_parser::TestStatus::Failure(f) => {
            assert_eq!(f.message, "发布日期为2025年4月8日，晚于3月31日");
            assert_eq!(f.failure_type, "error");
            assert!(
                f.text.contains("第3行（3:1）「发布时间：2025-04-08」"),
                "{}",
                f.text
            );
            assert!(f.text.contains("修改建议："), "{}", f.text);
        }
        other => panic!("expected a failure, got {other:?}"),
    }
    assert!(yunxi.cases[8].status.is_skipped());
    assert!(yunxi.cases[6].status.is_error());
    assert!(broken.cases[0].status.is_error());
    // The counts the parser adds up from the cases agree with the attributes.
    assert_eq!(suites.tests, 19);
    assert_eq!(suites.failures, 6);
    assert_eq!(suites.errors, 2);
}

/// Validates against Jenkins' XSD with xmllint (Debian: libxml2-utils) when it is installed; without
/// it the test says so on stderr and passes, since the parse-back test above still runs.
#[test]
fn junit_validates_against_the_jenkins_xsd() {
    need_shared!("schemas");
    let Ok(probe) = std::process::Command::new("xmllint")
        .arg("--version")
        .output()
    else {
        eprintln!("xmllint not installed: skipping XSD validation of the JUnit output");
        return;
    };
    assert!(probe.status.success());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("junit.xml");
    std::fs::write(&file, rendered(Format::Junit, &plain())).unwrap();
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(shared_schema("junit-jenkins.xsd"))
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn junit_survives_characters_xml_cannot_carry() {
    let mut run = sample::run();
    run.reports[0].verdicts[1].message = "分页符\u{c}之后\u{1}的文字".to_string();
    let mut out = Vec::new();
    render(&run, Format::Junit, &plain(), &mut out).unwrap();
    let suites = junit_parser::from_reader(std::io::Cursor::new(&out)).unwrap();
    match &suites.suites[0].cases[1].status {
        junit_parser::TestStatus::Failure(f) => assert_eq!(f.message, "分页符之后的文字"),
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn format_names_for_the_command_line() {
    use clap::ValueEnum;
    let names: Vec<String> = Format::value_variants()
        .iter()
        .map(|f| f.to_possible_value().unwrap().get_name().to_string())
        .collect();
    assert_eq!(
        names,
        ["table", "json", "junit", "sarif", "markdown", "html", "csv"]
    );
}

#[test]
fn sarif_snapshot() {
    insta::assert_snapshot!(snapshot(Format::Sarif));
}

/// The shared schema keeps the root in `definitions/Root` and has no top-level constraint, so it
/// would accept anything: validate against the root definition, and prove it rejects a bad log.
#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    need_shared!("schemas");
    let mut schema = read_json(&shared_schema("sarif-schema-2.1.0.json"));
    assert!(schema["definitions"]["Root"].is_object());
    schema["allOf"] = serde_json::json!([{ "$ref": "#/definitions/Root" }]);
    let log: serde_json::Value = serde_json::from_str(&rendered(Format::Sarif, &plain())).unwrap();
    let validator = assert_valid(&schema, &log);
    let mut bad = log.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&bad));

    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), 9);
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 6, "only failures are results");
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(
        levels,
        ["error", "error", "warning", "note", "error", "note"]
    );
    let region = &results[2]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(22), Some(15))
    );
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 2, "one rule error and one unreadable report");
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(snapshot(Format::Markdown));
}

#[test]
fn markdown_puts_failures_before_the_collapsed_passes() {
    let md = rendered(Format::Markdown, &plain());
    let first_report = &md[..md.find("#### `reports/2024/青岚县").unwrap()];
    let fail = first_report.find("gov-ar/shortcomings").unwrap();
    let details = first_report.find("<details>").unwrap();
    let pass = first_report.find("gov-ar/title-format").unwrap();
    assert!(fail < details && details < pass);
    assert!(md.contains("应 &gt;= 100%"), "cell text is escaped");
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!(snapshot(Format::Html));
}

#[test]
fn html_is_self_contained_and_escaped() {
    let mut run = sample::run();
    run.reports[0].path = "<script>alert('x')</script>&.txt".to_string();
    let mut out = Vec::new();
    render(&run, Format::Html, &plain(), &mut out).unwrap();
    let html = String::from_utf8(out).unwrap();
    assert!(!html.contains("<script"), "unescaped path");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;.txt"));
    for network in ["http://", "https://", "src=", "<link", "@import"] {
        assert!(
            !html.contains(network),
            "{network} in a self-contained page"
        );
    }
    assert!(html.contains("@media print"));
    assert!(
        html.contains("<mark>85.7%</mark>"),
        "the value is highlighted in the excerpt"
    );
    // Matrix: 3 reports × 9 rules, rules grouped under their pack's title, a legend.
    assert_eq!(
        html.matches("<td class=\"fail\" title=\"不通过\">").count(),
        6
    );
    assert!(html.contains("政府年报（gov-ar）"));
    assert!(html.contains("图例"));
}

#[test]
fn csv_snapshot() {
    insta::assert_snapshot!(snapshot(Format::Csv));
}

fn csv_rows(opts: &RenderOptions) -> Vec<csv::StringRecord> {
    let bytes = rendered(Format::Csv, opts).into_bytes();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 BOM for Excel");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    reader.records().map(Result::unwrap).collect()
}

const FIRST_STATUSES: [&str; 9] = [
    "通过",
    "不通过",
    "通过",
    "不通过",
    "通过",
    "不通过",
    "出错",
    "不通过",
    "不适用",
];

#[test]
fn csv_reads_back_tidy() {
    let rows = csv_rows(&plain());
    assert_eq!(rows[0].len(), 14);
    assert_eq!(&rows[0][0], "文件");
    assert_eq!(&rows[0][8], "结果");
    assert_eq!(
        rows.len(),
        1 + 9 * 2 + 1,
        "a header row, a row per rule for two reports, one row for the unreadable one"
    );
    let first = &rows[1];
    assert_eq!(
        &first[0],
        "reports/2024/云溪区2024年法治政府建设年度报告.txt"
    );
    assert_eq!(&first[2], "2024");
    assert_eq!(&first[4], "gov-ar/title-format");
    assert_eq!(&first[5], "标题写明年度和“法治政府建设”");
    assert_eq!(&first[6], "gov-ar");
    let statuses: Vec<&str> = rows[1..10].iter().map(|r| &r[8]).collect();
    assert_eq!(statuses, FIRST_STATUSES);
    let last = rows.last().unwrap();
    assert_eq!(&last[8], "无法读取");
    assert!(last[9].contains("不是有效的 .docx"), "{last:?}");
    // A failure carries its fix and where its first evidence is.
    let fail = rows[1..10]
        .iter()
        .find(|r| &r[8] == "不通过" && !r[11].is_empty())
        .unwrap();
    assert!(fail[11].starts_with('第'), "{fail:?}");
    assert!(!fail[10].is_empty(), "{fail:?}");
}

#[test]
fn csv_matrix_layout_has_one_header_row() {
    let rows = csv_rows(&RenderOptions {
        csv_layout: CsvLayout::Matrix,
        ..plain()
    });
    assert_eq!(
        rows.len(),
        1 + 3,
        "a header row and a row per report, no rate row"
    );
    assert_eq!(&rows[0][0], "文件");
    assert_eq!(
        &rows[0][4],
        "标题写明年度和“法治政府建设”（gov-ar/title-format）"
    );
    let statuses: Vec<&str> = (4..13).map(|i| &rows[1][i]).collect();
    assert_eq!(statuses, FIRST_STATUSES);
    assert_eq!(&rows[1][15], "42.9%");
    assert!(rows[3][16].contains("不是有效的 .docx"));
}

#[test]
fn csv_keeps_text_from_being_a_formula() {
    let mut run = sample::run();
    run.reports[0].path = "=HYPERLINK(\"http://x\")".to_string();
    let mut out = Vec::new();
    render(&run, Format::Csv, &plain(), &mut out).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&out[3..]);
    let row = reader.records().nth(1).unwrap().unwrap();
    assert_eq!(&row[0], "'=HYPERLINK(\"http://x\")");
}

/// Writes `run` to each `(format, file)` as the CLI does.
fn write_files(outputs: &[(Format, &Path)], opts: &RenderOptions) -> std::io::Result<()> {
    let run = sample::run();
    let mut out = Outputs::new(Plan::of(&run), opts.clone());
    for (format, path) in outputs {
        out.add(*format, Target::File(path.to_path_buf()))?;
    }
    for report in &run.reports {
        out.push(report)?;
    }
    out.finish().map(drop)
}

#[test]
fn files_are_written_whole_and_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("out.csv");
    let sarif = dir.path().join("out.sarif");
    let opts = RenderOptions {
        color: true,
        ..plain()
    };
    std::fs::write(&csv, "an older export").unwrap();
    write_files(&[(Format::Csv, &csv), (Format::Sarif, &sarif)], &opts).unwrap();
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        rendered(Format::Csv, &plain())
    );
    assert_eq!(
        std::fs::read_to_string(&sarif).unwrap(),
        rendered(Format::Sarif, &plain())
    );
    let entries = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(entries, 2, "no temporary file left behind");

    let table = dir.path().join("table.txt");
    write_files(&[(Format::Table, &table)], &opts).unwrap();
    assert!(
        !std::fs::read_to_string(&table).unwrap().contains('\u{1b}'),
        "no colour in files"
    );

    let missing = dir.path().join("no-such-dir/out.json");
    let err = write_files(&[(Format::Json, &missing)], &opts).unwrap_err();
    assert!(err.to_string().contains("no-such-dir"), "{err}");
}

/// One buffer behind two writers, as stdout is behind two formats.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A second format for the same writer waits until the first is complete.
#[test]
fn formats_sharing_a_writer_do_not_interleave() {
    let run = sample::run();
    let stdout = Shared::default();
    let mut out = Outputs::new(Plan::of(&run), plain());
    out.add(Format::Json, Target::Stream(Box::new(stdout.clone())))
        .unwrap();
    out.add(Format::Markdown, Target::After(Box::new(stdout.clone())))
        .unwrap();
    out.add_summary(Target::After(Box::new(stdout.clone())))
        .unwrap();
    for report in &run.reports {
        out.push(report).unwrap();
    }
    let tally = out.finish().unwrap();
    assert_eq!(tally.reports, run.reports.len());
    let summary = RenderOptions {
        summary: true,
        ..plain()
    };
    let expected = rendered(Format::Json, &plain())
        + &rendered(Format::Markdown, &plain())
        + &rendered(Format::Table, &summary);
    assert_eq!(String::from_utf8(stdout.0.take()).unwrap(), expected);
}
