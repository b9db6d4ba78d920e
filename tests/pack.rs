//! Rule packs: every kind of authoring mistake is reported at its YAML line and column with a caret
//! (rendered diagnostics snapshotted), the schema is current, and built-in packs load.

mod support;

use fzcheck::pack::{self, compile_pack, PackError};
use miette::{GraphicalReportHandler, GraphicalTheme};
use support::pack_with;

fn render(e: &PackError) -> String {
    let mut out = String::new();
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .render_report(&mut out, e)
        .unwrap();
    out
}

const GOOD: &str = "id: t/ok\ntitle: 好规则\nseverity: error\ncheck: exists(section(/不足/))";

fn error_of(name: &str, yaml: &str) -> PackError {
    match compile_pack(name, yaml) {
        Ok(_) => panic!("{name} should not load:\n{yaml}"),
        Err(e) => e,
    }
}

/// (name, rule body or whole file, expected line, expected column)
const MISTAKES: &[(&str, &str, usize, usize)] = &[
    ("yaml_syntax", "id: t/a\ntitle: \"unterminated\nseverity: error\ncheck: true", 10, 1),
    ("unknown_field", "id: t/a\ntitle: x\nseverity: error\nchek: true", 9, 5),
    ("missing_field", "id: t/a\ntitle: x\nseverity: error", 6, 5),
    ("bad_severity", "id: t/a\ntitle: x\nseverity: critical\ncheck: true", 8, 15),
    ("unknown_kind", "id: t/a\ntitle: x\nseverity: error\napplies_to: [annual]\ncheck: true", 9, 18),
    ("id_prefix", "id: other/a\ntitle: x\nseverity: error\ncheck: true", 6, 9),
    ("unknown_function", "id: t/a\ntitle: x\nseverity: error\ncheck: exists(sectoin(/不足/))", 9, 19),
    ("wrong_arity", "id: t/a\ntitle: x\nseverity: error\ncheck: contains(text(), /a/, 3)", 9, 12),
    ("type_error", "id: t/a\ntitle: x\nseverity: error\ncheck: count(sections(1)) >= \"四\"", 9, 34),
    ("bad_regex", "id: t/a\ntitle: x\nseverity: error\ncheck: contains(/出庭(应诉率/)", 9, 21),
    ("unknown_variable", "id: t/a\ntitle: x\nseverity: error\nlet:\n  part: section(/不足/)\ncheck: exists(prat)", 11, 19),
    ("unknown_field_in_expr", "id: t/a\ntitle: x\nseverity: error\ncheck: fact(/率/).valeu == 100%", 9, 22),
    ("unknown_param", "id: t/a\ntitle: x\nseverity: error\ncheck: fact(/率/).value >= params.targte", 9, 38),
    ("unclosed_paren", "id: t/a\ntitle: x\nseverity: error\ncheck: exists(section(/不足/)", 9, 18),
    ("bad_placeholder", "id: t/a\ntitle: x\nseverity: error\ncheck: true\nmessage: 出庭应诉率为{rate.value}", 10, 21),
    ("unclosed_placeholder", "id: t/a\ntitle: x\nseverity: error\ncheck: true\nhint: 达到{params.target", 10, 13),
    ("not_bool", "id: t/a\ntitle: x\nseverity: error\ncheck: count(sections())", 9, 12),
    ("block_scalar", "id: t/a\ntitle: x\nseverity: error\ncheck: |\n  exists(section(/不足/))\n    and contains(section(/不足/), /原因/, 1)", 11, 13),
    ("folded_scalar", "id: t/a\ntitle: x\nseverity: error\ncheck: >-\n  exists(section(/不足/)) and\n  contains(sectoin(/不足/), /原因/)", 11, 16),
    ("quoted_scalar", "id: t/a\ntitle: x\nseverity: error\ncheck: \"exists(section(/不足/)) and nott\"", 9, 39),
    ("let_error", "id: t/a\ntitle: x\nseverity: error\nlet:\n  rate: fact(/率/).value\n  ok: rate >= /100/\ncheck: ok", 11, 19),
    ("misplaced_lambda", "id: t/a\ntitle: x\nseverity: error\ncheck: exists(x => true)", 9, 19),
];

#[test]
fn mistakes_are_located_in_the_yaml() {
    let mut wrong = Vec::new();
    for (name, body, line, col) in MISTAKES {
        let e = error_of(&format!("{name}.yaml"), &pack_with(body));
        if (e.line(), e.column()) != (*line, *col) {
            wrong.push(format!(
                "{name}: at {}:{}, expected {line}:{col}",
                e.line(),
                e.column()
            ));
        }
        insta::assert_snapshot!(*name, render(&e));
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn duplicate_id_points_at_the_second() {
    let yaml = format!(
        "{}{}",
        pack_with(GOOD),
        pack_with(GOOD).split("rules:\n").nth(1).unwrap()
    );
    let e = error_of("dup.yaml", &yaml);
    assert_eq!((e.line(), e.column()), (10, 9), "{e}");
    insta::assert_snapshot!(render(&e));
}

#[test]
fn bad_param_value() {
    let yaml = "pack: t\ntitle: x\nparams:\n  mixed: [1, \"a\"]\nrules: []\n";
    let e = error_of("param.yaml", yaml);
    assert_eq!(e.line(), 4, "{e}");
    insta::assert_snapshot!(render(&e));
}

#[test]
fn a_good_pack_compiles() {
    let p = compile_pack("good.yaml", &pack_with(GOOD)).unwrap();
    assert_eq!(p.id, "t");
    assert_eq!(p.rules.len(), 1);
    assert_eq!(p.rules[0].check_text(), "exists(section(/不足/))");
    assert_eq!(p.param_names, ["target"]);
}

#[test]
fn builtin_packs_load() {
    let set = pack::load_builtin().unwrap();
    assert!(set.len() >= 40, "{} rules", set.len());
    for (name, _) in pack::builtin::BUILTIN {
        assert!(
            set.ids().any(|id| id.starts_with(&format!("{name}/"))),
            "no rule from {name}"
        );
    }
    assert!(set.get("metrics/appearance-rate").is_some());
    assert_eq!(set.infos().len(), set.len());
}

#[test]
fn unknown_builtin_suggests() {
    let e = pack::load(&["metric"], &pack::Config::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "no built-in pack `metric`; did you mean `metrics`?; built-in packs: content, metrics, consistency, format"
    );
}

/// The committed schemas equal the generated ones; `FZCHECK_BLESS=1` rewrites them.
#[test]
fn schemas_are_current() {
    for (file, want) in [
        ("schema.json", pack::schema()),
        ("config.schema.json", pack::config_schema()),
    ] {
        let path = format!("{}/rules/{file}", env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("FZCHECK_BLESS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            have, want,
            "rules/{file} is stale: run FZCHECK_BLESS=1 cargo test --test pack"
        );
    }
}

#[test]
fn builtin_packs_validate_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&pack::schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (name, text) in pack::builtin::BUILTIN {
        let doc: serde_json::Value = serde_yaml::from_str(text).unwrap();
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    let bad: serde_json::Value = serde_yaml::from_str("pack: t\ntitle: x\nrules:\n  - id: t/a\n    title: x\n    severity: fatal\n    check: true").unwrap();
    assert!(!validator.is_valid(&bad));
}
