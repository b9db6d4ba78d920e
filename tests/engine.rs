//! The engine: verdict statuses, messages and hints with values, evidence, tailoring, and the
//! checks the rule language must be able to express, each on hand-built reports.

mod support;

use fzcheck::engine::{check, Status, Verdict};
use fzcheck::pack::{self, compile_pack, Config, RuleSet, Severity};
use fzcheck::report::{BreakdownRelation, DocKind, FactKind, Report};
use std::path::Path;
use support::{pack_with, report, sample};

/// The rules of one pack written inline.
fn rules(yaml: &str) -> RuleSet {
    let p = compile_pack("test.yaml", yaml).unwrap_or_else(|e| panic!("{e}"));
    RuleSet::new(p.rules)
}

fn one(yaml_rule: &str, r: &Report) -> Verdict {
    check(r, &rules(&pack_with(yaml_rule))).remove(0)
}

/// A rule `t/r` with `check` and optional extra keys.
fn rule(check_expr: &str, extra: &str) -> String {
    format!(
        "id: t/r\ntitle: 测试\nseverity: error\ncheck: '{}'\n{extra}",
        check_expr.replace('\'', "''")
    )
}

fn status(check_expr: &str, r: &Report) -> Status {
    one(&rule(check_expr, ""), r).status
}

#[test]
fn statuses() {
    let r = sample();
    assert_eq!(status("true", &r), Status::Pass);
    assert_eq!(status("false", &r), Status::Fail);
    assert_eq!(status("fact(/没有/).value > 1", &r), Status::Fail);
    let v = one(
        &rule("1 / (count(sections()) - 4) > 0", "hint: 检查分母"),
        &r,
    );
    assert_eq!(v.status, Status::Error);
    assert_eq!(v.reason.as_deref(), Some("check: division by zero"));
    assert_eq!(v.hint.as_deref(), Some("检查分母"));
    let v = one(&rule("true", "applies_to: [case_study]"), &r);
    assert_eq!(v.status, Status::NotApplicable);
    assert_eq!(v.reason.as_deref(), Some("本规则不适用于年度报告"));
    let v = one(&rule("true", "when: exists(meta.issuer)"), &r);
    assert_eq!(v.status, Status::NotApplicable);
    assert_eq!(
        v.reason.as_deref(),
        Some("适用条件不成立：exists(meta.issuer)")
    );
    let v = one(
        &rule(
            "true",
            "when: meta.report_year > 2024\nnot_applicable: 报告年度为{meta.report_year}，不需检查",
        ),
        &r,
    );
    assert_eq!(v.status, Status::NotApplicable);
    assert_eq!(v.reason.as_deref(), Some("报告年度为2023，不需检查"));
    assert_eq!(
        one(&rule("true", "when: meta.report_year == 2023"), &r).status,
        Status::Pass
    );
    let other = report("随便一段文字").kind(DocKind::Other).build();
    assert_eq!(
        one(&rule("true", "applies_to: [annual_report, other]"), &other).status,
        Status::Pass
    );
}

#[test]
fn messages_fill_placeholders_and_missing_renders_未找到() {
    let stated = report("行政机关负责人出庭应诉率为95%。")
        .fact("出庭应诉率", "95%", FactKind::Rate)
        .build();
    let unstated = report("本年度未写出庭情况。").build();
    let yaml = rule(
        "rate.value >= params.target",
        "let:\n  rate: fact(/出庭应诉率/)\nmessage: 出庭应诉率为{rate.value}，未达到{params.target}（{rate}）\nmissing: 未写明出庭应诉率（{rate.value}）\nhint: 提高到{params.target}，{{原样}}",
    );
    let v = one(&yaml, &stated);
    assert_eq!(v.status, Status::Fail);
    assert_eq!(v.message, "出庭应诉率为95%，未达到100%（出庭应诉率95%）");
    assert_eq!(v.hint.as_deref(), Some("提高到100%，{原样}"));
    assert_eq!(v.reason, None);
    assert_eq!(v.evidence.len(), 1);
    assert_eq!(
        (v.evidence[0].text.as_str(), v.evidence[0].value.as_deref()),
        ("95%", Some("95%"))
    );
    assert_eq!(
        (v.evidence[0].start.line, v.evidence[0].start.column),
        (1, 14)
    );
    // Not stated is told apart from stated but below.
    let v = one(&yaml, &unstated);
    assert_eq!(v.status, Status::Fail);
    assert_eq!(v.message, "未写明出庭应诉率（未找到）");
    assert_eq!(v.reason.as_deref(), Some("检查所需的内容或数值未找到"));
    // Without `missing`, the message is used.
    let v = one(
        &rule("fact(/出庭应诉率/).value == 100%", "message: 未达到"),
        &unstated,
    );
    assert_eq!(v.message, "未达到");
    // Passing rules say nothing and keep the evidence.
    let v = one(&rule("exists(section(/不足/))", "message: 没有"), &sample());
    assert_eq!(
        (v.status, v.message.as_str(), v.hint.as_deref()),
        (Status::Pass, "", None)
    );
    assert_eq!(v.evidence[0].text, "二、存在的不足和原因");
}

// ── The checks the language must express ──────────────────────────────────────────────

const SHORTCOMINGS: &str = "(exists(section(/存在的问题|不足|短板/)) and contains(section(/存在的问题|不足|短板/), /原因|由于|在于/)) or any(sentences(/不足|短板/), s => contains(s, /原因|由于/))";

#[test]
fn shortcomings_section_or_paragraph_with_causes() {
    assert_eq!(status(SHORTCOMINGS, &sample()), Status::Pass);
    let paragraph =
        report("一、主要工作\n做了很多工作。\n同时也存在一些短板，主要是由于人员不足。\n")
            .section(1, "一、", "主要工作")
            .build();
    assert_eq!(status(SHORTCOMINGS, &paragraph), Status::Pass);
    let no_causes = report("一、主要工作\n做了很多工作。\n二、存在的问题\n队伍建设有短板。\n")
        .section(1, "一、", "主要工作")
        .section(1, "二、", "存在的问题")
        .build();
    assert_eq!(status(SHORTCOMINGS, &no_causes), Status::Fail);
    assert_eq!(
        status(
            SHORTCOMINGS,
            &report("一、主要工作\n很好。")
                .section(1, "一、", "主要工作")
                .build()
        ),
        Status::Fail
    );
}

#[test]
fn appearance_rate_stated_and_100() {
    let check_expr = "fact(/出庭应诉率/).value == 100%";
    let full = report("负责人出庭应诉率达100%。")
        .fact("出庭应诉率", "100%", FactKind::Rate)
        .build();
    let below = report("负责人出庭应诉率达98.5%。")
        .fact("出庭应诉率", "98.5%", FactKind::Rate)
        .build();
    let absent = report("未提及。").build();
    let yaml = |r: &Report| one(&rule(check_expr, "message: 低于100%\nmissing: 未写明"), r);
    assert_eq!(yaml(&full).status, Status::Pass);
    let (b, a) = (yaml(&below), yaml(&absent));
    assert_eq!(
        (b.status, b.message.as_str(), b.reason.is_none()),
        (Status::Fail, "低于100%", true)
    );
    assert_eq!(
        (a.status, a.message.as_str(), a.reason.is_some()),
        (Status::Fail, "未写明", true)
    );
}

#[test]
fn rates_in_range_and_ratios_consistent() {
    let check_expr = "all(rates(), r => r.value >= 0% and r.value <= 100%) and all(ratios(), r => abs(r.computed - r.rate.value) <= 0.1%)";
    assert_eq!(status(check_expr, &sample()), Status::Pass);
    let text = "受理案件300件，办结299件，办结率99.7%。另有满意率105%。";
    let base = || {
        report(text)
            .fact("受理案件", "300件", FactKind::Quantity)
            .fact("办结", "299件", FactKind::Quantity)
            .fact("办结率", "99.7%", FactKind::Rate)
    };
    let rounding = base().ratio(2, 1, 0).build();
    assert_eq!(
        status(
            "all(ratios(), r => abs(r.computed - r.rate.value) <= 0.1%)",
            &rounding
        ),
        Status::Pass
    );
    let over = base().fact("满意率", "105%", FactKind::Rate).build();
    let v = one(&rule(check_expr, ""), &over);
    assert_eq!(v.status, Status::Fail);
    assert_eq!(
        v.evidence
            .iter()
            .map(|e| e.text.as_str())
            .collect::<Vec<_>>(),
        ["105%"],
        "the counterexample"
    );
    let wrong = report("受理案件300件，办结270件，办结率99.7%。")
        .fact("受理案件", "300件", FactKind::Quantity)
        .fact("办结", "270件", FactKind::Quantity)
        .fact("办结率", "99.7%", FactKind::Rate)
        .ratio(2, 1, 0)
        .build();
    assert_eq!(status(check_expr, &wrong), Status::Fail);
}

#[test]
fn partitions_add_up() {
    let check_expr =
        "all(breakdowns(), b => b.relation != \"partition\" or b.sum == b.total.value)";
    assert_eq!(status(check_expr, &sample()), Status::Pass);
    let text = "共办理案件353件，其中民事案件214件，刑事案件138件；其中重大案件5件。";
    let build = |relation| {
        report(text)
            .fact("办理案件", "353件", FactKind::Quantity)
            .fact("民事案件", "214件", FactKind::Quantity)
            .fact("刑事案件", "138件", FactKind::Quantity)
            .breakdown(0, &[1, 2], relation)
            .build()
    };
    assert_eq!(
        status(check_expr, &build(BreakdownRelation::Partition)),
        Status::Fail
    );
    assert_eq!(
        status(check_expr, &build(BreakdownRelation::Subset)),
        Status::Pass,
        "a subset need not add up"
    );
}

#[test]
fn report_year_and_publication_deadline() {
    let check_expr = "meta.report_year == year(meta.published) - 1 and meta.published <= date(meta.report_year + 1, 4, 1)";
    assert_eq!(status(check_expr, &sample()), Status::Pass);
    let make = |published: &str| {
        let text = format!("2023年法治政府建设年度报告\n发布日期：{published}");
        report(&text)
            .year(2023, "2023年")
            .published(published, published)
            .build()
    };
    assert_eq!(
        status(check_expr, &make("2024-04-01")),
        Status::Pass,
        "the deadline day itself"
    );
    assert_eq!(status(check_expr, &make("2024-04-02")), Status::Fail);
    assert_eq!(status(check_expr, &make("2025-01-10")), Status::Fail);
    let undated = report("2023年法治政府建设年度报告")
        .year(2023, "2023年")
        .build();
    let v = one(&rule(check_expr, "missing: 未找到发布日期"), &undated);
    assert_eq!(
        (v.status, v.message.as_str()),
        (Status::Fail, "未找到发布日期")
    );
}

#[test]
fn next_year_section_names_the_next_year() {
    let check_expr =
        "any(numbers(section(/计划|打算|安排|思路/).title), n => n == meta.report_year + 1)";
    assert_eq!(status(check_expr, &sample()), Status::Pass);
    let stale = report("2023年度报告\n三、2023年工作安排\n继续努力。")
        .year(2023, "2023年")
        .section(1, "三、", "2023年工作安排")
        .build();
    assert_eq!(status(check_expr, &stale), Status::Fail);
}

#[test]
fn no_draft_marker() {
    assert_eq!(status("not exists(meta.draft)", &sample()), Status::Pass);
    let draft = report("某区2023年法治政府建设年度报告（征求意见稿）")
        .draft("征求意见稿")
        .build();
    let v = one(
        &rule(
            "not exists(meta.draft)",
            "message: 留有草稿标记“{meta.draft}”",
        ),
        &draft,
    );
    assert_eq!(
        (v.status, v.message.as_str()),
        (Status::Fail, "留有草稿标记“征求意见稿”")
    );
    assert_eq!(v.evidence[0].text, "征求意见稿");
}

#[test]
fn measures_mention_the_three_systems() {
    let check_expr = "contains(section(/举措|措施/), /公示/) and contains(section(/举措|措施/), /全过程记录/) and contains(section(/举措|措施/), /法制审核/)";
    assert_eq!(status(check_expr, &sample()), Status::Pass);
    let two = report("一、主要举措\n推行行政执法公示制度和执法全过程记录制度。\n")
        .section(1, "一、", "主要举措")
        .build();
    assert_eq!(status(check_expr, &two), Status::Fail);
}

// ── Built-in packs and tailoring ──────────────────────────────────────────────────────

fn summary(verdicts: &[Verdict]) -> String {
    verdicts
        .iter()
        .map(|v| {
            let ev: Vec<String> = v
                .evidence
                .iter()
                .map(|e| format!("{}:{} {}", e.start.line, e.start.column, e.text))
                .collect();
            format!(
                "{} {} {}{}{}\n    evidence: {}",
                v.rule.id,
                v.status.as_str(),
                v.message,
                v.reason
                    .as_ref()
                    .map(|r| format!(" [{r}]"))
                    .unwrap_or_default(),
                v.hint
                    .as_ref()
                    .map(|h| format!(" hint: {h}"))
                    .unwrap_or_default(),
                ev.join(" | ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn builtin_packs_on_the_sample() {
    let set = pack::load_builtin().unwrap();
    insta::assert_snapshot!(summary(&check(&sample(), &set)));
}

fn config(yaml: &str) -> Config {
    Config::from_yaml("fzcheck.yaml", yaml, Path::new(".")).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn config_switches_off_with_reason_changes_severity_and_params() {
    let below = report("负责人出庭应诉率为96%。")
        .fact("出庭应诉率", "96%", FactKind::Rate)
        .build();
    let cfg = config(
        "packs: [metrics, format]\nparams:\n  metrics:\n    appearance_target: 95%\nrules:\n  format/draft-marker:\n    disabled: 本地模板已人工审核\n  metrics/filing-rate:\n    severity: info\n",
    );
    let set = pack::load::<&str>(&[], &cfg).unwrap();
    assert!(set
        .ids()
        .all(|id| id.starts_with("metrics/") || id.starts_with("format/")));
    assert_eq!(
        set.get("metrics/filing-rate").unwrap().info.severity,
        Severity::Info
    );
    let verdicts = check(&below, &set);
    let by_id = |id: &str| verdicts.iter().find(|v| v.rule.id == id).unwrap();
    assert_eq!(
        by_id("metrics/appearance-rate").status,
        Status::Pass,
        "96% meets the tailored 95%"
    );
    let skipped = by_id("format/draft-marker");
    assert_eq!(
        (skipped.status, skipped.reason.as_deref()),
        (Status::Skipped, Some("本地模板已人工审核"))
    );
    // Untailored, 96% falls short of 100%.
    let strict = pack::load(&["metrics"], &Config::default()).unwrap();
    let v = check(&below, &strict)
        .into_iter()
        .find(|v| v.rule.id == "metrics/appearance-rate")
        .unwrap();
    assert_eq!(
        (v.status, v.message.as_str()),
        (Status::Fail, "出庭应诉率为96%，未达到100%")
    );
}

fn config_error(yaml: &str) -> String {
    let cfg = config(yaml);
    match pack::load::<&str>(&[], &cfg) {
        Ok(_) => panic!("should not load"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn config_mistakes_are_located() {
    assert_eq!(
        config_error("rules:\n  format/draft-markr:\n    disabled: x\n"),
        "fzcheck.yaml:2:3: unknown rule `format/draft-markr`; did you mean `format/draft-marker`?"
    );
    assert_eq!(
        config_error("params:\n  metrics:\n    apperance_target: 95%\n"),
        "fzcheck.yaml:3:5: pack `metrics` has no parameter `apperance_target`; did you mean `appearance_target`?"
    );
    assert_eq!(
        config_error("params:\n  metrics:\n    appearance_target: 高\n"),
        "fzcheck.yaml:3:24: parameter `appearance_target`: the pack declares a number, the configuration gives a string"
    );
    assert_eq!(
        config_error("packs: [content]\nparams:\n  metrics:\n    appearance_target: 95%\n"),
        "fzcheck.yaml:3:3: parameters for pack `metrics`, which is not loaded"
    );
    let e = Config::from_yaml(
        "fzcheck.yaml",
        "rules:\n  a/b:\n    off: yes\n",
        Path::new("."),
    )
    .err()
    .unwrap();
    assert!(
        e.to_string()
            .starts_with("fzcheck.yaml:3:5: rules.a/b: unknown field `off`"),
        "{e}"
    );
}

#[test]
fn config_extends_and_local_packs() {
    let dir = tempfile::tempdir().unwrap();
    let local = "pack: local\ntitle: 本地\nrules:\n  - id: local/title\n    title: 标题应含“法治政府”\n    severity: warning\n    check: matches(meta.title, /法治政府/)\n";
    std::fs::write(dir.path().join("local.yaml"), local).unwrap();
    std::fs::write(dir.path().join("base.yaml"), "packs: [format, ./local.yaml]\nrules:\n  format/heading-sequence:\n    disabled: 由人工检查\n").unwrap();
    std::fs::write(
        dir.path().join("fzcheck.yaml"),
        "extends: [base.yaml]\nrules:\n  local/title:\n    severity: error\n",
    )
    .unwrap();
    let cfg = Config::from_path(dir.path().join("fzcheck.yaml")).unwrap();
    let set = pack::load::<&str>(&[], &cfg).unwrap();
    assert_eq!(
        set.get("local/title").unwrap().info.severity,
        Severity::Error
    );
    assert_eq!(
        set.get("format/heading-sequence").unwrap().skipped(),
        Some("由人工检查")
    );
    let verdicts = check(&sample(), &set);
    assert!(verdicts
        .iter()
        .any(|v| v.rule.id == "local/title" && v.status == Status::Pass));
}

/// A check that asks for something is not applicable on a text that breaks off, and says where;
/// the same check on a finished text fails, and a rule without `presence` fails either way.
#[test]
fn presence_checks_are_not_applicable_on_a_text_that_breaks_off() {
    let opening = "某县2024年法治政府建设情况报告\n\n2024年，某县坚持依法行政，现将有关情况报告如下：\n\n一、主要举措和成效\n\n全年审查规范性文件14件，全部按规定备案。\n\n";
    let parsed = |t: String| fzcheck::report::parse(fzcheck::ingest::SourceText::from_text("t", t));
    let cut = parsed(format!(
        "{opening}（二）严格执法。全年办理行政处罚案件120件，其中简易程序"
    ));
    let whole = parsed(format!(
        "{opening}（二）严格执法。全年办理行政处罚案件120件。\n"
    ));
    let asks = rule("exists(section(/不足/))", "presence: true\n");
    let v = one(&asks, &cut);
    assert_eq!(v.status, Status::NotApplicable);
    assert!(v.reason.unwrap().contains("其中简易程序”处中途结束"));
    assert_eq!(one(&asks, &whole).status, Status::Fail);
    assert_eq!(status("exists(section(/不足/))", &cut), Status::Fail);
    assert_eq!(
        one(&rule("true", "presence: true\n"), &cut).status,
        Status::Pass
    );
}
