//! Evaluation of every function, of three-valued logic, and of evidence, on hand-built reports.

mod support;

use fzcheck::dsl::{compile, render, Evaluator, Scope, Value};
use fzcheck::report::Report;
use support::sample;

/// The value of `src` on `r`: `true`, `false`, `missing`, or the rendered value.
fn ev(r: &Report, src: &str) -> String {
    run(r, src).0
}

/// The value and the evidence texts.
fn run(r: &Report, src: &str) -> (String, Vec<String>) {
    let mut scope = Scope::new(vec![("target".into(), fzcheck::dsl::Type::Number)]);
    let (e, _) = compile(src, &mut scope).unwrap_or_else(|e| panic!("{src}: {e}"));
    let params = [compile("95%", &mut Scope::default()).unwrap().0];
    let mut evaluator = Evaluator::new(r, &params);
    let v = evaluator.eval(&e).unwrap_or_else(|e| panic!("{src}: {e}"));
    let shown = match v {
        Value::Bool(b) => b.to_string(),
        Value::Missing => "missing".into(),
        ref other => render(other, r),
    };
    // Distinct places, as the engine shows them.
    let mut spans = Vec::new();
    for f in evaluator.take_found() {
        if !spans.contains(&f.span) {
            spans.push(f.span);
        }
    }
    let found = spans.iter().map(|s| r.slice(*s).to_string()).collect();
    (shown, found)
}

#[test]
fn sections_and_text() {
    let r = sample();
    assert_eq!(ev(&r, "count(sections())"), "4");
    assert_eq!(ev(&r, "count(sections(1))"), "3");
    assert_eq!(ev(&r, "count(sections(/工作/))"), "1");
    assert_eq!(ev(&r, "section(/不足/)"), "二、存在的不足和原因");
    assert_eq!(
        ev(&r, "section(/执法|举措/).level"),
        "1",
        "shallowest first"
    );
    assert_eq!(ev(&r, "section(\"严格规范\").marker"), "（一）");
    assert_eq!(ev(&r, "section(/不足/).number"), "2");
    assert_eq!(ev(&r, "section(/不足/).line"), "7");
    assert_eq!(
        ev(&r, "section(/不足/).text"),
        "一是依法行政意识有待加强,主要原因在于培训不够。\n",
        "normalised to half-width"
    );
    assert_eq!(ev(&r, "section(/没有这一节/)"), "missing");
    assert_eq!(ev(&r, "len(text()) > 100"), "true");
    assert_eq!(ev(&r, "contains(/法制审核/)"), "true");
    assert_eq!(
        ev(&r, "contains(section(/举措/), /法律援助/)"),
        "true",
        "a section includes its sub-sections"
    );
    assert_eq!(ev(&r, "contains(section(/不足/), /法律援助/)"), "false");
    assert_eq!(ev(&r, "contains(\"abc\", /b/)"), "true");
    assert_eq!(ev(&r, "count(find(/案件/))"), "5");
    assert_eq!(ev(&r, "find(section(/不足/), /原因/)[0].text"), "原因");
    assert_eq!(ev(&r, "find(/原因/)[0].section"), "二、存在的不足和原因");
    assert_eq!(
        ev(&r, "find(/原因/)[0].line"),
        "7",
        "the heading comes first"
    );
    assert_eq!(ev(&r, "count(sentences(/案件/))"), "3");
    assert_eq!(
        ev(&r, "count(sentences(section(/不足/), /原因/))"),
        "2",
        "the heading line and the body"
    );
    assert_eq!(
        ev(&r, "first(sentences(/原因/)).section"),
        "二、存在的不足和原因"
    );
    assert_eq!(ev(&r, "first(sentences(/在于/)).line"), "8");
    assert_eq!(
        ev(&r, "any(find(/意识/), m => near(m, /原因/, 10))"),
        "true"
    );
    assert_eq!(
        ev(&r, "any(find(/意识/), m => near(m, /原因/, 3))"),
        "false"
    );
    assert_eq!(
        ev(&r, "any(find(/不够/), m => near(m, /2024/, 100))"),
        "false",
        "same line only"
    );
    assert_eq!(ev(&r, "count(numbering_issues())"), "1");
    assert_eq!(ev(&r, "first(numbering_issues()).kind"), "gap");
    assert_eq!(ev(&r, "first(numbering_issues()).line"), "9");
    assert_eq!(
        ev(&r, "first(numbering_issues()).detail"),
        "一级标题从“二、”跳到“四、”"
    );
}

#[test]
fn facts_breakdowns_ratios() {
    let r = sample();
    assert_eq!(ev(&r, "count(facts())"), "8");
    assert_eq!(ev(&r, "count(facts(/援助/))"), "3");
    assert_eq!(ev(&r, "fact(/出庭/)"), "出庭应诉率100%");
    assert_eq!(ev(&r, "fact(/出庭/).value"), "100%");
    assert_eq!(ev(&r, "fact(/出庭/).value == 100"), "true");
    assert_eq!(ev(&r, "fact(/法律援助/).unit"), "件");
    assert_eq!(ev(&r, "fact(/法律援助/).label"), "法律援助案件");
    assert_eq!(ev(&r, "fact(/法律援助/).kind"), "quantity");
    assert_eq!(ev(&r, "fact(/法律援助/).approx"), "exact");
    assert_eq!(ev(&r, "fact(/法律援助/).text"), "353件");
    assert_eq!(ev(&r, "fact(/法律援助/).line"), "5");
    assert_eq!(ev(&r, "fact(/法律援助/).section"), "（一）严格规范执法");
    assert_eq!(
        ev(&r, "fact(/出庭/).sentence"),
        "行政机关负责人出庭应诉率为100%。"
    );
    assert_eq!(
        ev(&r, "contains(fact(/出庭/), /负责人/)"),
        "true",
        "a fact's text is its sentence"
    );
    assert_eq!(ev(&r, "count(rates())"), "2");
    assert_eq!(ev(&r, "first(changes()).value"), "4.7");
    assert_eq!(ev(&r, "first(breakdowns()).sum"), "353");
    assert_eq!(ev(&r, "first(breakdowns()).total.value"), "353");
    assert_eq!(ev(&r, "count(first(breakdowns()).parts)"), "2");
    assert_eq!(ev(&r, "first(breakdowns()).relation"), "partition");
    assert_eq!(ev(&r, "first(ratios()).computed"), "100%");
    assert_eq!(ev(&r, "first(ratios()).rate.label"), "调解成功率");
    assert_eq!(ev(&r, "first(ratios()).numerator.value"), "1187");
    assert_eq!(ev(&r, "first(ratios()).denominator.label"), "受理调解案件");
}

#[test]
fn collections() {
    let r = sample();
    assert_eq!(ev(&r, "any([1, 2, 3], x => x > 2)"), "true");
    assert_eq!(ev(&r, "all([1, 2, 3], x => x > 0)"), "true");
    assert_eq!(ev(&r, "none([1, 2, 3], x => x > 3)"), "true");
    assert_eq!(ev(&r, "count([1, 2, 3])"), "3");
    assert_eq!(ev(&r, "count([1, 2, 3], x => x >= 2)"), "2");
    assert_eq!(ev(&r, "filter([1, 2, 3], x => x != 2)"), "1、3");
    assert_eq!(ev(&r, "map([1, 2, 3], x => x * 2)"), "2、4、6");
    assert_eq!(ev(&r, "first([])"), "missing");
    assert_eq!(ev(&r, "first([7, 8])"), "7");
    assert_eq!(ev(&r, "[7, 8][1]"), "8");
    assert_eq!(ev(&r, "[7, 8][2]"), "missing");
    assert_eq!(ev(&r, "sum([1.5, 2.5])"), "4");
    assert_eq!(ev(&r, "sum(map(facts(/援助/), f => f.value))"), "706");
    assert_eq!(ev(&r, "exists([])"), "false");
    assert_eq!(ev(&r, "exists(\"\")"), "false");
    assert_eq!(ev(&r, "exists(meta.title)"), "true");
    assert_eq!(ev(&r, "len(\"出庭应诉\")"), "4");
    assert_eq!(ev(&r, "len([1, 2])"), "2");
    assert_eq!(ev(&r, "len(section(/不足/))"), "36", "heading and body");
    // Nested lambdas see their own and the outer parameter.
    assert_eq!(ev(&r, "any([1, 2], x => any([2, 3], y => x == y))"), "true");
    assert_eq!(
        ev(
            &r,
            "all(sections(1), s => count(sections(), t => t.level > s.level) == 1)"
        ),
        "true"
    );
}

#[test]
fn numbers_strings_dates() {
    let r = sample();
    assert_eq!(ev(&r, "abs(-2.5)"), "2.5");
    assert_eq!(ev(&r, "round(99.95, 1)"), "100");
    assert_eq!(ev(&r, "round(2.5, 0)"), "3");
    assert_eq!(ev(&r, "min(3, 2)"), "2");
    assert_eq!(ev(&r, "max(3, 2)"), "3");
    assert_eq!(ev(&r, "max(1%, 2%)"), "2%");
    assert_eq!(
        ev(&r, "1 / 3 * 3 == 1"),
        "false",
        "decimal, not exact rational"
    );
    assert_eq!(ev(&r, "0.1 + 0.2 == 0.3"), "true", "decimal, not f64");
    assert_eq!(ev(&r, "matches(meta.title, /法治政府建设/)"), "true");
    assert_eq!(ev(&r, "year(meta.published)"), "2024");
    assert_eq!(ev(&r, "month(meta.published)"), "3");
    assert_eq!(ev(&r, "day(meta.published)"), "20");
    assert_eq!(ev(&r, "date(2024, 4, 1)"), "2024-04-01");
    assert_eq!(ev(&r, "date(2024, 4, 1) == 2024-04-01"), "true");
    assert_eq!(ev(&r, "numbers(section(/工作安排/).title)"), "2024");
    assert_eq!(ev(&r, "numbers(\"共3.5万元和12件\")"), "3.5、12");
    assert_eq!(ev(&r, "meta.report_year"), "2023");
    assert_eq!(ev(&r, "meta.kind"), "annual_report");
    assert_eq!(ev(&r, "meta.issuer"), "missing");
    assert_eq!(ev(&r, "params.target"), "95%");
    assert_eq!(ev(&r, "\"甲\" != \"乙\""), "true");
}

#[test]
fn evaluation_errors() {
    let r = sample();
    let mut scope = Scope::default();
    for (src, want) in [
        ("1 / (2 - 2) > 0", "division by zero"),
        ("date(2024, 2, 30) < 2025-01-01", "no such date: 2024-2-30"),
    ] {
        let (e, _) = compile(src, &mut scope).unwrap();
        let err = Evaluator::new(&r, &[]).eval(&e).unwrap_err();
        assert_eq!(err.to_string(), want);
    }
}

#[test]
fn three_valued_logic() {
    let r = sample();
    let table = [
        ("null and false", "false"),
        ("false and null", "false"),
        ("null and true", "missing"),
        ("null or true", "true"),
        ("true or null", "true"),
        ("null or false", "missing"),
        ("not null", "missing"),
        ("null == 1", "missing"),
        ("null + 1", "missing"),
        ("exists(null)", "false"),
        ("exists(fact(/没有/))", "false"),
        ("fact(/没有/).value >= 100%", "missing"),
        ("contains(section(/没有/), /x/)", "missing"),
        ("any([1, 2], x => x == 1 or null)", "true"),
        ("any([1, 2], x => x == 3 and null)", "false"),
        ("any([1, 2], x => x == 2 and null)", "missing"),
        ("all([1, 2], x => x == 1 or null)", "missing"),
        ("all([1, 2], x => x == 3 and null)", "false"),
        ("none([1, 2], x => x == 2 and null)", "missing"),
        ("count(null)", "missing"),
        ("count([1, 2], x => x == 2 and null)", "0"),
        ("非 null 或 true", "true"),
    ];
    for (src, want) in table {
        assert_eq!(ev(&r, src), want, "{src}");
    }
}

#[test]
fn evidence() {
    let r = sample();
    // all(): only the counterexample
    let (v, found) = run(&r, "all(facts(/案件/), f => f.value > 200)");
    assert_eq!((v.as_str(), found), ("false", vec!["139件".to_string()]));
    // any(): the witnesses
    let (v, found) = run(&r, "any(facts(), f => f.value > 1000)");
    assert_eq!(
        (v.as_str(), found),
        ("true", vec!["1187件".to_string(), "1187件".to_string()])
    );
    // a comparison: the fact compared
    let (_, found) = run(&r, "fact(/出庭/).value == 100%");
    assert!(found.iter().all(|f| f == "100%"), "{found:?}");
    // section() and contains(): the heading and the match
    let (_, found) = run(&r, "contains(section(/不足/), /原因/)");
    assert_eq!(found, ["二、存在的不足和原因", "原因"]);
    // a failed all() inside not-taken branches leaves nothing
    let (_, found) = run(&r, "all([1, 2], x => x > 0)");
    assert!(found.is_empty());
    // exists(): what it saw
    let (_, found) = run(&r, "exists(meta.published)");
    assert_eq!(found, ["2024-03-20"]);
}
