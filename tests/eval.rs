//! `fzcheck eval`: scoring on a tiny hand-written corpus (tests/fixtures/eval/corpus, some labels
//! wrong on purpose so the mismatches are known), the comparison rules, located label errors, the
//! JSON shape, the command line, and the accuracy floors on the real and the project's corpora.

#[macro_use]
mod seeds;

use assert_cmd::Command;
use fzcheck::eval::{
    self, issuer_matches, kind_matches, title_matches, Corpus, EvalError, Evaluation, Floor,
    FloorOutcome, LabelKind, Tally,
};
use fzcheck::ingest::IngestOptions;
use fzcheck::pack::{self, RuleSet};
use predicates::prelude::*;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture() -> PathBuf {
    root().join("tests/fixtures/eval/corpus")
}

fn evaluate(dirs: &[PathBuf], rules: Option<&RuleSet>) -> Evaluation {
    let corpora: Vec<Corpus> = dirs.iter().map(|d| Corpus::load(d).unwrap()).collect();
    eval::evaluate(&corpora, rules, &IngestOptions::default()).unwrap()
}

fn fixture_eval() -> Evaluation {
    evaluate(&[fixture()], Some(&pack::load_builtin().unwrap()))
}

/// (correct, total, hits, found, labelled)
fn counts(e: &Evaluation, field: &str) -> (usize, usize, usize, usize, usize) {
    let t: &Tally = e.field(field).unwrap_or_else(|| panic!("no field {field}"));
    (t.correct, t.total, t.hits, t.found, t.labelled)
}

#[test]
fn fixture_corpus_scores_every_field() {
    let e = fixture_eval();
    assert_eq!(e.reports, 3);
    // b is `other`: annual_report is the positive class of kind.
    assert_eq!(counts(&e, "kind"), (3, 3, 2, 2, 2));
    // a's label breaks the title over two lines; the text has it on one.
    assert_eq!(counts(&e, "title"), (3, 3, 3, 3, 3));
    // b's issuer is not labelled, so not scored; a's label adds the province the text omits.
    assert_eq!(counts(&e, "issuer"), (2, 2, 2, 2, 2));
    assert_eq!(counts(&e, "report_year"), (1, 2, 1, 2, 2));
    // a: null and nothing found is correct, but neither a find nor a hit.
    assert_eq!(counts(&e, "published"), (2, 2, 1, 1, 1));
    assert_eq!(counts(&e, "issued"), (2, 2, 1, 1, 1));
    assert_eq!(counts(&e, "draft"), (3, 3, 1, 1, 1));
    // a: four matched, two of them sharing one span; c: a wrong value and a text not in the
    // report, the wrong find counted once more in the total.
    assert_eq!(counts(&e, "rates"), (4, 7, 4, 5, 6));
    // The four rates found in a are named as labelled.
    assert_eq!(counts(&e, "rate_labels").0, 4);
    assert_eq!(counts(&e, "changes"), (1, 3, 1, 2, 2));
    assert_eq!(counts(&e, "breakdowns"), (1, 1, 1, 1, 1));
    // Verdicts: `fail` is the positive class.
    assert_eq!(counts(&e, "metrics/appearance-rate"), (1, 1, 0, 0, 0));
    assert_eq!(counts(&e, "format/draft-marker"), (0, 1, 0, 0, 1));
    let rates = e.field("rates").unwrap();
    assert_eq!(rates.accuracy(), Some(4.0 / 7.0));
    assert_eq!(rates.precision(), Some(0.8));
    assert_eq!(rates.recall(), Some(4.0 / 6.0));
    assert_eq!(e.field("format/draft-marker").unwrap().precision(), None);
    // Fixed fields first in their order, then rules in id order.
    let names: Vec<&str> = e.fields.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(&names[..11], &eval::FIELDS);
    assert_eq!(
        &names[11..],
        ["format/draft-marker", "metrics/appearance-rate"]
    );
}

/// A mismatch as read: id, field, place, expected, found.
type Shown<'a> = (&'a str, &'a str, String, Option<&'a str>, Option<&'a str>);

#[test]
fn mismatches_say_where_what_was_expected_and_found() {
    let e = fixture_eval();
    let labels = fixture().join("labels.yaml").display().to_string();
    let a = fixture().join("reports/a.txt").display().to_string();
    let c = fixture().join("reports/c.txt").display().to_string();
    let got: Vec<Shown> = e
        .mismatches
        .iter()
        .map(|m| {
            (
                m.id.as_str(),
                m.field.as_str(),
                m.place(),
                m.expected.as_deref(),
                m.found.as_deref(),
            )
        })
        .collect();
    let want = vec![
        (
            "a",
            "changes",
            format!("{a}:9"),
            Some("上升3.5个百分点"),
            Some("行政败诉率 下降3.5个百分点（change）"),
        ),
        // The rule passed, so there is no evidence line: the label's place is given.
        (
            "a",
            "format/draft-marker",
            format!("{labels}:24"),
            Some("fail"),
            Some("pass"),
        ),
        (
            "c",
            "report_year",
            format!("{c}:2"),
            Some("2021"),
            Some("2022"),
        ),
        (
            "c",
            "rates",
            format!("{c}:7"),
            Some("法律知识考试参考率 90%"),
            Some("新任领导干部法律知识考试参考率 100%（rate）"),
        ),
        (
            "c",
            "rates",
            format!("{labels}:43"),
            Some("法律知识考试合格率 98%"),
            None,
        ),
    ];
    assert_eq!(got, want);
    let last = e.mismatches.last().unwrap();
    assert_eq!(
        last.note.as_deref(),
        Some("标注的 text「合格率98%」不在报告文本中")
    );
    assert_eq!(last.labels, format!("{labels}:43"));
}

#[test]
fn kind_other_stands_for_every_non_report() {
    for found in ["other", "news", "plan"] {
        assert!(kind_matches(LabelKind::Other, found), "{found}");
    }
    for found in ["annual_report", "case_study"] {
        assert!(!kind_matches(LabelKind::Other, found), "{found}");
    }
    assert!(kind_matches(LabelKind::News, "news"));
    assert!(!kind_matches(LabelKind::News, "other"));
    assert!(!kind_matches(LabelKind::Plan, "news"));
    assert!(kind_matches(LabelKind::AnnualReport, "annual_report"));
    assert!(!kind_matches(LabelKind::AnnualReport, "case_study"));
}

#[test]
fn title_matches_across_whitespace_only() {
    assert!(title_matches(
        "某县2023年法治政府\n建设年度报告",
        "某县2023年法治政府建设年度报告"
    ));
    assert!(title_matches(
        "某县2023年法治政府建设年度报告",
        "某县2023年 法治政府\r\n建设年度报告"
    ));
    assert!(!title_matches(
        "某县2023年法治政府建设年度报告",
        "某县2023年法治政府建设"
    ));
    assert!(!title_matches(
        "关于某县2023年法治政府建设情况的报告",
        "某县2023年法治政府建设情况的报告"
    ));
}

#[test]
fn issuer_matches_when_the_shorter_names_place_and_body() {
    assert!(issuer_matches(
        "青禾市云溪区人民政府",
        "青禾市 云溪区人民政府"
    ));
    assert!(issuer_matches(
        "江北省青禾市云溪区人民政府",
        "云溪区人民政府"
    ));
    assert!(issuer_matches("云溪区司法局", "青禾市云溪区司法局"));
    // A one-character county name is still a name.
    assert!(issuer_matches("澧县司法局", "某省澧县司法局"));
    // Without a place name, or without a body, containment is not enough.
    assert!(!issuer_matches("青禾市云溪区人民政府", "区政府"));
    assert!(!issuer_matches("青禾市云溪区人民政府", "区人民政府"));
    assert!(!issuer_matches("青禾市云溪区司法局", "本区司法局"));
    assert!(!issuer_matches("青禾市云溪区司法局", "司法局"));
    assert!(!issuer_matches("青禾市云溪区白塔镇人民政府", "白塔镇"));
    assert!(!issuer_matches("青禾市云溪区人民政府", "青禾市人民政府"));
    // A place named alone in a label is its government.
    assert!(issuer_matches("青禾市云溪区", "云溪区人民政府"));
    assert!(issuer_matches("云溪区白塔街道", "白塔街道办事处"));
    assert!(!issuer_matches("青禾市云溪区", "云溪区司法局"));
}

#[test]
fn json_has_fields_and_mismatches() {
    let v = serde_json::to_value(fixture_eval()).unwrap();
    let year = &v["fields"]["report_year"];
    assert_eq!(year["correct"], 1);
    assert_eq!(year["total"], 2);
    assert_eq!(year["accuracy"], 0.5);
    assert_eq!(year["precision"], 0.5);
    assert_eq!(year["recall"], 0.5);
    // Nothing to divide by: null, not 0 or 1.
    assert!(v["fields"]["format/draft-marker"]["precision"].is_null());
    assert_eq!(v["fields"]["breakdowns"]["total"], 1);
    let m = &v["mismatches"][2];
    assert_eq!(m["id"], "c");
    assert_eq!(m["field"], "report_year");
    assert_eq!(m["line"], 2);
    assert_eq!(m["expected"], "2021");
    assert_eq!(m["found"], "2022");
    assert!(m["file"].as_str().unwrap().ends_with("reports/c.txt"));
    assert!(m["labels"].as_str().unwrap().ends_with("labels.yaml:38"));
    assert!(m.get("note").is_none());
    assert_eq!(v["mismatches"][4]["found"], serde_json::Value::Null);
    assert_eq!(v["reports"], 3);
    assert_eq!(v["unscored_rules"], serde_json::json!([]));
}

#[test]
fn verdicts_of_packs_not_loaded_are_listed_unscored() {
    let format = pack::load(&["format"], &pack::Config::default()).unwrap();
    let e = evaluate(&[fixture()], Some(&format));
    assert_eq!(e.unscored_rules, ["metrics/appearance-rate"]);
    assert!(e.field("metrics/appearance-rate").is_none());
    assert_eq!(counts(&e, "format/draft-marker"), (0, 1, 0, 0, 1));
    let none = evaluate(&[fixture()], None);
    assert_eq!(none.unscored_rules.len(), 2);
}

#[test]
fn floors_hold_an_accuracy_to_a_ratio() {
    let e = fixture_eval();
    let floor = |s: &str| e.against(&s.parse::<Floor>().unwrap());
    assert_eq!(floor("kind=100%"), Ok(FloorOutcome::Met(1.0)));
    assert_eq!(floor("report_year=0.5"), Ok(FloorOutcome::Met(0.5)));
    assert_eq!(floor("report_year=0.51"), Ok(FloorOutcome::Below(0.5)));
    assert_eq!(
        floor("content/other-matters=0.9"),
        Ok(FloorOutcome::Unlabelled)
    );
    let typo = floor("report_yaer=0.9").unwrap_err();
    assert!(typo.contains("是不是 report_year"), "{typo}");
}

/// Labels of one report `a` with `body` appended, in a folder holding reports/a.txt.
fn labels_error(body: &str) -> fzcheck::eval::LabelsError {
    let text = format!("- id: \"a\"\n{body}");
    match Corpus::from_text(fixture(), "labels.yaml".into(), text) {
        Err(EvalError::Labels(e)) => *e,
        other => panic!("expected a labels error, got {other:?}"),
    }
}

#[test]
fn bad_labels_are_located_in_chinese() {
    let cases = [
        ("  titel: \"x\"\n", 2, 3, "未知字段 `titel`"),
        ("  kind: report\n", 2, 9, "`report` 不是允许的值"),
        ("  published: \"2024-13-01\"\n", 2, 14, "日期不对"),
        ("  report_year: \"二〇二三\"\n", 2, 16, "值的类型不对"),
        (
            "  rates: [{label: x, value: 1}]\n",
            2,
            11,
            "缺少必填字段 `text`",
        ),
        (
            "  changes: [{text: 下降1%, value: 1, unit: \"%\", direction: fall}]\n",
            2,
            58,
            "`fall` 不是允许的值",
        ),
        (
            "  rates: [{label: x, value: 1, text: \" \"}]\n",
            2,
            10,
            "rates 的 text 是空的",
        ),
        ("- id: \"a\"\n", 2, 7, "id `a` 重复（第1行已用过）"),
        ("- id: \"zz\"\n", 2, 7, "报告文件"),
        ("  title: \"unclosed\n", 3, 1, "YAML 语法错误"),
        ("  title: x\n   kind: other\n", 3, 8, "YAML 语法错误"),
    ];
    for (body, line, column, message) in cases {
        let e = labels_error(body);
        assert_eq!((e.line, e.column), (line, column), "{body}: {e}");
        assert!(e.message.contains(message), "{body}: {}", e.message);
        assert!(e
            .to_string()
            .starts_with(&format!("labels.yaml:{line}:{column}: ")));
    }
}

#[test]
fn a_rule_id_a_loaded_pack_lacks_is_an_error_at_its_key() {
    let text = "- id: \"a\"\n  verdicts:\n    metrics/apearance-rate: pass\n";
    let corpus = Corpus::from_text(fixture(), "labels.yaml".into(), text.into()).unwrap();
    let rules = pack::load_builtin().unwrap();
    match eval::evaluate(&[corpus], Some(&rules), &IngestOptions::default()) {
        Err(EvalError::Labels(e)) => {
            assert_eq!((e.line, e.column), (3, 5));
            assert!(
                e.message.contains("是不是 metrics/appearance-rate"),
                "{}",
                e.message
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_folder_without_labels_is_an_error() {
    let e = Corpus::load(&fixture().join("reports")).unwrap_err();
    assert!(matches!(e, EvalError::NoLabels { .. }), "{e}");
    assert!(e.to_string().contains("没有 labels.yaml"));
}

/// The committed schema equals the generated one; `FZCHECK_BLESS=1` rewrites it.
#[test]
fn labels_schema_is_current_and_validates_the_fixture() {
    let want = eval::schema();
    let path = root().join("docs/labels.schema.json");
    if std::env::var_os("FZCHECK_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        have, want,
        "docs/labels.schema.json is stale: run FZCHECK_BLESS=1 cargo test --test eval"
    );
    let schema: serde_json::Value = serde_json::from_str(&want).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let labels = std::fs::read_to_string(fixture().join("labels.yaml")).unwrap();
    let doc: serde_json::Value = serde_yaml::from_str(&labels).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let bad: serde_json::Value =
        serde_yaml::from_str("- id: a\n  kind: report\n  rates: [{value: 1}]").unwrap();
    assert!(!validator.is_valid(&bad));
}

/// The labels of ../shared/corpus read as they are, and match the schema.
#[test]
fn shared_corpus_labels_read_as_is() {
    need_shared!("corpus");
    let corpus = Corpus::load(&seeds::shared("corpus")).unwrap();
    assert_eq!(corpus.labels.len(), 77);
    assert!(corpus
        .labels
        .iter()
        .all(|l| l.kind.is_some() && l.rates.is_some()));
    let schema: serde_json::Value = serde_json::from_str(&eval::schema()).unwrap();
    let text = std::fs::read_to_string(seeds::shared("corpus/labels.yaml")).unwrap();
    let doc: serde_json::Value = serde_yaml::from_str(&text).unwrap();
    assert!(jsonschema::validator_for(&schema).unwrap().is_valid(&doc));
}

/// Accuracy floors CI holds the parser to (issue 11), on every corpus there is: ONE table to
/// adjust. A field a corpus does not label is not held to its floor there.
const FLOORS: [(&str, f64); 7] = [
    ("kind", 0.98),
    ("report_year", 0.98),
    ("published", 0.95),
    ("title", 0.95),
    // The target is 0.90; reached: 74% on ../shared/corpus (57/77), 95% on corpus/openings. In 17
    // of the 77 shared excerpts the text never names the body with its place (我局, 市卫生健康委,
    // 县委、县政府: the label comes from the site), so 60/77 = 78% is the most any reading of the
    // text can reach; of those 60, 57 are found. This floor keeps that from slipping.
    ("issuer", 0.72),
    ("rates", 0.97),
    ("breakdowns", 0.90),
];

#[test]
fn corpora_meet_the_accuracy_floors() {
    need_shared!("corpus");
    let mut corpora = vec![seeds::shared("corpus")];
    // The project's own corpus, where this checkout has it.
    corpora.extend(
        ["corpus/openings", "corpus/full"]
            .iter()
            .map(|d| root().join(d))
            .filter(|d| d.join("labels.yaml").is_file()),
    );
    let rules = pack::load_builtin().unwrap();
    let mut below = Vec::new();
    for dir in &corpora {
        let e = evaluate(std::slice::from_ref(dir), Some(&rules));
        for (field, min) in FLOORS {
            let floor = Floor {
                field: field.into(),
                min,
            };
            if let Ok(FloorOutcome::Below(a)) = e.against(&floor) {
                below.push(format!(
                    "{}: {field} {:.1}% < {:.0}%",
                    dir.display(),
                    a * 100.0,
                    min * 100.0
                ));
            }
        }
    }
    assert!(
        below.is_empty(),
        "below the floors (see `fzcheck eval DIR` for the mismatches):\n{}",
        below.join("\n")
    );
}

fn fzcheck() -> Command {
    Command::cargo_bin("fzcheck").unwrap()
}

#[test]
fn cli_prints_the_table_and_the_mismatches() {
    fzcheck()
        .arg("eval")
        .arg(fixture())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("3 份报告"))
        .stdout(predicate::str::contains("report_year 报告年度"))
        .stdout(predicate::str::contains("1/2"))
        .stdout(predicate::str::contains("不一致（5 处）"))
        .stdout(predicate::str::contains("期望：2021"))
        .stdout(predicate::str::contains("实际：2022"))
        // The table fits 80 columns (CJK characters are two wide).
        .stdout(predicate::function(|s: &str| {
            s.lines()
                .filter(|l| l.starts_with(['┌', '│', '╞', '└']))
                .all(|l| l.width() <= 80)
        }));
}

#[test]
fn cli_json_and_floors() {
    let out = fzcheck()
        .args(["eval", "--format", "json", "--min", "report_year=50%"])
        .arg(fixture())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["fields"]["rates"]["correct"], 4);
    assert_eq!(v["mismatches"].as_array().unwrap().len(), 5);
    fzcheck()
        .args(["eval", "--min", "kind=0.9", "--min", "report_year=0.51"])
        .arg(fixture())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "低于下限：report_year 准确率 50.0% < 51.0%",
        ));
}

#[test]
fn cli_usage_errors_exit_2() {
    let bad_floor = ["eval", "--min", "kind=1.5"];
    fzcheck().args(bad_floor).arg(fixture()).assert().code(2);
    fzcheck()
        .args(["eval", "--min", "kinds=0.9"])
        .arg(fixture())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("是不是 kind"));
    fzcheck()
        .args(["eval"])
        .arg(fixture().join("reports"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("没有 labels.yaml"));
    fzcheck().args(["eval"]).assert().code(2);
}
