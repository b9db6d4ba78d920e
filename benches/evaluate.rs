//! Evaluating the four built-in packs over a hand-built ~20 KB report (target: under 1 ms).

#[path = "../tests/support/mod.rs"]
mod support;

use criterion::{criterion_group, criterion_main, Criterion};
use fzcheck::engine::check;
use fzcheck::report::{BreakdownRelation, FactKind, Report};
use std::fmt::Write;

const PARTS: [&str; 4] = ["主要举措", "存在的不足和原因", "2024年工作安排", "其他事项"];
const MARKERS: [&str; 4] = ["一、", "二、", "三、", "四、"];

/// 办结率 of item `n`, to one decimal as reports write it.
fn rate(n: usize) -> String {
    let r = rust_decimal::Decimal::from(200 + n) * rust_decimal::Decimal::ONE_HUNDRED
        / rust_decimal::Decimal::from(300 + n);
    r.round_dp(1).to_string()
}

/// Four top-level sections of ten subsections, each a paragraph with a total, its parts and a rate.
fn big_report() -> Report {
    let mut text = String::from("某区2023年法治政府建设年度报告\n发布时间：2024-03-20\n");
    for (p, part) in PARTS.iter().enumerate() {
        writeln!(text, "{}{part}", MARKERS[p]).unwrap();
        for s in 1..=10 {
            let n = p * 10 + s;
            writeln!(
                text,
                "（{s}）第{n}项工作\n全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，\
                 主要原因在于基层力量不足。共办理甲{n}类案件{t}件，其中乙{n}类案件{a}件，丙{n}类案件{b}件。\
                 丁{n}类受理{t}件，办结{a}件，丁{n}类办结率{r}%。推进依法行政，持续深化放管服改革，\
                 优化营商环境，强化行政复议和行政应诉工作，提升法治政府建设水平。",
                t = 300 + n,
                a = 200 + n,
                b = 100,
                r = rate(n),
            )
            .unwrap();
        }
    }
    text.push_str("行政机关负责人出庭应诉率为100%。\n");
    let mut b = support::report(&text)
        .title("某区2023年法治政府建设年度报告")
        .year(2023, "2023年")
        .published("2024-03-20", "2024-03-20");
    for (p, part) in PARTS.iter().enumerate() {
        b = b.section(1, MARKERS[p], part);
        for s in 1..=10 {
            let n = p * 10 + s;
            b = b
                .section(2, &format!("（{s}）"), &format!("第{n}项工作"))
                .fact(
                    &format!("甲{n}类案件"),
                    &format!("{}件", 300 + n),
                    FactKind::Quantity,
                )
                .fact(
                    &format!("乙{n}类案件"),
                    &format!("{}件", 200 + n),
                    FactKind::Quantity,
                )
                .fact(&format!("丙{n}类案件"), "100件", FactKind::Quantity)
                .fact(
                    &format!("丁{n}类受理"),
                    &format!("{}件", 300 + n),
                    FactKind::Quantity,
                )
                .fact(
                    &format!("丁{n}类受理{}件，办结", 300 + n),
                    &format!("{}件", 200 + n),
                    FactKind::Quantity,
                )
                .fact(
                    &format!("丁{n}类办结率"),
                    &format!("{}%", rate(n)),
                    FactKind::Rate,
                );
        }
    }
    b = b.fact("出庭应诉率", "100%", FactKind::Rate);
    for i in 0..40 {
        b = b
            .breakdown(i * 6, &[i * 6 + 1, i * 6 + 2], BreakdownRelation::Partition)
            .ratio(i * 6 + 5, i * 6 + 4, i * 6 + 3);
    }
    b.build()
}

fn evaluate(c: &mut Criterion) {
    let report = big_report();
    assert!(
        report.text().len() > 18_000,
        "{} bytes",
        report.text().len()
    );
    let rules = fzcheck::pack::load_builtin().expect("built-in packs");
    c.bench_function("evaluate built-in packs, 20 KB report", |b| {
        b.iter(|| check(&report, &rules))
    });
}

criterion_group!(benches, evaluate);
criterion_main!(benches);
