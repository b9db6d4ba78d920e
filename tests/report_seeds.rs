//! The parser against the five real reports in ../shared/seeds.
#[macro_use]
mod seeds;

use chrono::NaiveDate;
use fzcheck::ingest::SourceText;
use fzcheck::report::{parse, Approx, BreakdownRelation, DocKind, FactKind, Report};
use rust_decimal::Decimal;
use std::str::FromStr;

fn seed(name: &str) -> Report {
    let path = format!("{}/../shared/seeds/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse(SourceText::from_text(name, text))
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// Titles of the top-level sections.
fn top(r: &Report) -> Vec<String> {
    r.top_sections()
        .map(|s| format!("{}{}", s.marker.trim(), s.title))
        .collect()
}

/// (label, value) of every rate.
fn rates(r: &Report) -> Vec<(String, Decimal)> {
    r.facts
        .iter()
        .filter(|f| f.kind == FactKind::Rate)
        .map(|f| (f.label.clone(), f.value))
        .collect()
}

fn has_rate(r: &Report, label: &str, value: &str) -> bool {
    rates(r).iter().any(|(l, v)| l == label && *v == dec(value))
}

/// (total, [parts], relation) of every breakdown, by value.
fn breakdowns(r: &Report) -> Vec<(Decimal, Vec<Decimal>, BreakdownRelation)> {
    r.breakdowns
        .iter()
        .map(|b| {
            (
                r.facts[b.total].value,
                b.parts.iter().map(|&p| r.facts[p].value).collect(),
                b.relation,
            )
        })
        .collect()
}

fn has_breakdown(r: &Report, total: &str, parts: &[&str], relation: BreakdownRelation) -> bool {
    let parts: Vec<Decimal> = parts.iter().map(|p| dec(p)).collect();
    breakdowns(r)
        .iter()
        .any(|(t, ps, rel)| *t == dec(total) && *ps == parts && *rel == relation)
}

fn ratio(r: &Report, rate_label: &str) -> Option<(Decimal, Decimal)> {
    r.ratios
        .iter()
        .find(|x| r.facts[x.rate].label == rate_label)
        .map(|x| (r.facts[x.numerator].value, r.facts[x.denominator].value))
}

#[test]
fn seed_000_district_justice_bureau_2023_with_doc_number() {
    need_shared!("seeds");
    let r = seed("000_6a7d678843610ca3");
    let m = &r.meta;
    assert_eq!(m.kind, DocKind::AnnualReport);
    assert_eq!(m.report_year.as_ref().map(|y| y.value), Some(2023));
    assert!(m.draft.is_none());
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "辽中区司法局2023年法治政府建设情况报告"
    );
    assert_eq!(
        r.slice(m.title.as_ref().unwrap().span),
        "辽中区司法局 2023 年法治政府建设 情况报告"
    );
    assert_eq!(m.issuer.as_ref().unwrap().value, "沈阳市辽中区司法局");
    assert_eq!(
        m.doc_number.as_ref().unwrap().value,
        "沈辽中司发〔2024〕7号"
    );
    assert_eq!(m.addressee.as_ref().unwrap().value, "区委、区政府");
    assert_eq!(m.issued.as_ref().unwrap().value, date(2024, 2, 27));
    assert!(m.published.is_none());
    assert_eq!(top(&r), ["一、主要工作开展情况", "二、下步重点工作"]);
    // `## （二）` sits at the title's # level but is numbered as a level-2 heading.
    let s = r
        .sections
        .iter()
        .find(|s| s.title.starts_with("坚持严格文明执法"))
        .unwrap();
    assert_eq!((s.level, s.number), (2, Some(2)));
    assert_eq!(r.sections[s.parent.unwrap()].title, "主要工作开展情况");
    assert_eq!(r.sections.iter().filter(|s| s.level == 3).count(), 20);
    assert!(r.numbering_issues.is_empty(), "{:?}", r.numbering_issues);
    assert!(has_rate(&r, "出庭应诉率", "100"));
    assert!(has_rate(&r, "调解成功率", "98.9"));
    assert!(has_rate(&r, "案件胜诉率", "96.15"));
    assert!(has_rate(&r, "社区矫正对象建档率", "100"));
    assert!(has_breakdown(
        &r,
        "1241",
        &["771", "470"],
        BreakdownRelation::Partition
    ));
    assert!(has_breakdown(
        &r,
        "134",
        &["131"],
        BreakdownRelation::Subset
    ));
    assert!(has_breakdown(
        &r,
        "58",
        &["48", "46"],
        BreakdownRelation::Subset
    ));
    assert_eq!(ratio(&r, "调解成功率"), Some((dec("942"), dec("952"))));
    // Sentences and numbers cut by page breaks are repaired: 结合今⏎⏎年, 截至2023⏎⏎年底.
    assert!(r.norm.text.contains("结合今年重点工作"));
    assert!(r
        .facts
        .iter()
        .any(|f| f.label == "文件" && f.value == dec("15")));
    assert!(!r
        .facts
        .iter()
        .any(|f| f.value == dec("2023") || f.value == dec("2021")));
    assert!(r
        .facts
        .iter()
        .any(|f| f.label == "单位" && f.value == dec("2") && r.slice(f.span) == "两家"));
}

#[test]
fn seed_001_district_government_2024_discussion_draft() {
    need_shared!("seeds");
    let r = seed("001_b0a4e5838c299365");
    let m = &r.meta;
    assert_eq!(m.kind, DocKind::AnnualReport);
    assert_eq!(m.report_year.as_ref().map(|y| y.value), Some(2024));
    assert_eq!(m.draft.as_ref().map(|d| d.value.as_str()), Some("讨论稿"));
    assert_eq!(r.slice(m.draft.as_ref().unwrap().span), "讨论稿");
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "2024年东洲区法治政府建设情况报告"
    );
    // The title names only the place; the report is its government's (the span stays on the place).
    assert_eq!(m.issuer.as_ref().unwrap().value, "东洲区人民政府");
    assert_eq!(r.slice(m.issuer.as_ref().unwrap().span), "东洲区");
    assert!(m.issued.is_none() && m.published.is_none() && m.doc_number.is_none());
    assert_eq!(
        top(&r),
        [
            "一、党政主要负责人履行推进法治建设第一责任人职责情况",
            "二、法治政府建设工作举措及成效",
            "三、存在的问题",
            "四、2025年工作安排"
        ]
    );
    assert!(r.numbering_issues.is_empty(), "{:?}", r.numbering_issues);
    // The rate cut by a page break: 办结率99.69⏎⏎%.
    assert!(has_rate(&r, "办结率", "99.69"));
    assert!(has_rate(&r, "调解成功率", "100"));
    assert!(has_rate(&r, "成功率", "35.9"));
    assert!(has_rate(&r, "完成率", "100"));
    assert!(has_rate(&r, "回复整改率", "100"));
    assert!(has_breakdown(
        &r,
        "353",
        &["214", "139"],
        BreakdownRelation::Partition
    ));
    assert!(has_breakdown(
        &r,
        "103",
        &["98", "3", "1", "1"],
        BreakdownRelation::Partition
    ));
    assert!(has_breakdown(
        &r,
        "23",
        &["12", "4", "7"],
        BreakdownRelation::Partition
    ));
    assert!(has_breakdown(
        &r,
        "60",
        &["9", "51"],
        BreakdownRelation::Partition
    ));
    assert!(has_breakdown(
        &r,
        "108",
        &["7", "101"],
        BreakdownRelation::Partition
    ));
    assert!(has_breakdown(
        &r,
        "1295",
        &["1187"],
        BreakdownRelation::Subset
    ));
    assert_eq!(ratio(&r, "成功率"), Some((dec("280"), dec("779"))));
    assert_eq!(ratio(&r, "办结率"), Some((dec("19"), dec("19"))));
    let five = r.facts.iter().find(|f| f.unit == "方面").unwrap();
    assert_eq!(five.value, dec("5"));
    let reach = r
        .facts
        .iter()
        .find(|f| f.label == "受众" && f.unit == "人")
        .unwrap();
    assert_eq!((reach.value, reach.approx), (dec("15000"), Approx::AtLeast));
    assert_eq!(r.enumerations.len(), 2);
}

#[test]
fn seed_002_city_justice_bureau_web_page() {
    need_shared!("seeds");
    let r = seed("002_f03c9c4a6a5d80c2");
    let m = &r.meta;
    assert_eq!(m.kind, DocKind::AnnualReport);
    assert_eq!(m.report_year.as_ref().map(|y| y.value), Some(2023));
    assert!(m.draft.is_none());
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "沈阳市司法局关于2023年法治政府建设情况的报告"
    );
    assert_eq!(m.issuer.as_ref().unwrap().value, "沈阳市司法局");
    assert_eq!(m.published.as_ref().unwrap().value, date(2024, 3, 1));
    assert!(m.issued.is_none());
    // The slogan and the 栏目 label above the title are chrome, not body.
    assert!(r.slice(r.body).starts_with("2023年,市司法局"));
    assert_eq!(top(&r), ["一、主要工作和成效", "二、下步重点工作"]);
    assert_eq!(r.sections.iter().filter(|s| s.level == 3).count(), 16);
    assert!(has_rate(&r, "机关负责人出庭应诉率", "99.7"));
    assert!(has_rate(&r, "调解成功率", "99.7"));
    assert!(has_rate(&r, "审批事项实际网办率", "100"));
    for l in ["见面率", "办复率", "满意率"] {
        assert!(has_rate(&r, l, "100"), "{l}");
    }
    let changes: Vec<(String, Decimal, String)> = r
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Change)
        .map(|f| (f.label.clone(), f.value, f.unit.to_string()))
        .collect();
    assert_eq!(
        changes,
        [
            ("败诉案件量".to_string(), dec("-9.5"), "%".to_string()),
            ("败诉率".to_string(), dec("-4.7"), "个百分点".to_string())
        ]
    );
    assert!(!rates(&r).iter().any(|(l, _)| l.starts_with("败诉")));
    let money = r.facts.iter().find(|f| f.label == "金额").unwrap();
    assert_eq!((money.value, money.unit), (dec("198628700"), "元"));
    assert!(has_breakdown(
        &r,
        "3",
        &["2", "1"],
        BreakdownRelation::Partition
    ));
    assert!(has_breakdown(
        &r,
        "5",
        &["3", "2"],
        BreakdownRelation::Partition
    ));
    assert!(has_breakdown(
        &r,
        "2835",
        &["13", "2571", "251"],
        BreakdownRelation::Partition
    ));
}

#[test]
fn seed_003_district_2025_web_page_with_approximations() {
    need_shared!("seeds");
    let r = seed("003_2da538da58d27d43");
    let m = &r.meta;
    assert_eq!(m.kind, DocKind::AnnualReport);
    assert_eq!(m.report_year.as_ref().map(|y| y.value), Some(2025));
    assert!(m.draft.is_none());
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "关于2025年法治政府建设情况的报告"
    );
    assert_eq!(m.issuer.as_ref().unwrap().value, "区司法局");
    assert_eq!(m.published.as_ref().unwrap().value, date(2026, 2, 26));
    assert!(m.issued.is_none());
    let body = r.slice(r.body);
    assert!(body.starts_with("2025年是全面完成"));
    assert!(body.ends_with("提供坚强有力的法治保障!"));
    assert!(!body.contains("扫一扫") && !body.contains("发布时间") && !body.contains("分享"));
    assert_eq!(
        top(&r),
        [
            "一、2025年主要工作与成效",
            "二、存在的问题与不足",
            "三、2026年工作思路与重点"
        ]
    );
    let disputes = r.facts.iter().find(|f| f.label == "矛盾纠纷").unwrap();
    assert_eq!(
        (disputes.value, disputes.approx),
        (dec("300"), Approx::AtLeast)
    );
    assert_eq!(r.slice(disputes.span), "300余件");
    assert!(has_rate(&r, "调解成功率", "98"));
    assert!(has_rate(&r, "办结率", "99.57"));
    assert!(has_rate(&r, "群众满意率", "95.04"));
    assert!(has_rate(&r, "联合占比", "61.9"));
    assert!(has_breakdown(&r, "42", &["26"], BreakdownRelation::Subset));
    assert_eq!(ratio(&r, "联合占比"), Some((dec("26"), dec("42"))));
    assert_eq!(ratio(&r, "调解成功率"), Some((dec("294"), dec("300"))));
    assert_eq!(r.enumerations.len(), 7);
    assert!(r.enumerations.iter().all(|e| e.items.len() >= 3));
}

#[test]
fn seed_004_case_study_is_not_an_annual_report() {
    need_shared!("seeds");
    let r = seed("004_cc4e422fbf60c48a");
    let m = &r.meta;
    assert_eq!(m.kind, DocKind::CaseStudy);
    assert!(m.kind_reason.contains("【基本情况】"));
    assert!(m.report_year.is_none());
    assert!(m.draft.is_none() && m.issued.is_none() && m.published.is_none());
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "辽宁省沈阳市辽中区深入推进法治区建设"
    );
    assert_eq!(
        top(&r),
        [
            "【基本情况】基本情况",
            "【任务措施】任务措施",
            "【特点和效果】特点和效果"
        ]
    );
    let tasks = r.top_sections().nth(1).unwrap();
    assert_eq!(tasks.children.len(), 5);
    assert!(has_rate(&r, "案件陪审率", "90"));
    assert!(has_breakdown(
        &r,
        "24",
        &["13", "10", "1"],
        BreakdownRelation::Partition
    ));
    let lectures = r
        .facts
        .iter()
        .find(|f| f.unit == "场" && f.value == dec("30"))
        .unwrap();
    assert_eq!(lectures.approx, Approx::About);
}

#[test]
fn every_seed_has_sentences_and_spans_inside_the_source() {
    need_shared!("seeds");
    for name in [
        "000_6a7d678843610ca3",
        "001_b0a4e5838c299365",
        "002_f03c9c4a6a5d80c2",
        "003_2da538da58d27d43",
        "004_cc4e422fbf60c48a",
    ] {
        let r = seed(name);
        assert!(r.sentences.len() > 50, "{name}");
        let len = r.text().len();
        for f in &r.facts {
            assert!(
                f.span.end <= len
                    && r.text().is_char_boundary(f.span.start)
                    && r.text().is_char_boundary(f.span.end)
            );
            assert!(
                r.sentences[f.sentence].span.contains(f.span),
                "{name}: {f:?}"
            );
        }
        for s in &r.sections {
            assert!(
                s.span.contains(s.heading) && s.span.contains(s.body),
                "{name}: {s:?}"
            );
        }
    }
}

#[test]
fn unlabelled_part_counts_what_its_total_counts() {
    need_shared!("seeds");
    let r = seed("000_6a7d678843610ca3");
    let b = r
        .breakdowns
        .iter()
        .find(|b| r.facts[b.total].value == dec("50"))
        .unwrap();
    assert_eq!(r.facts[b.parts[0]].label, "任务");
    assert_eq!(r.facts[b.parts[0]].value, dec("12"));
}
