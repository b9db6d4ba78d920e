//! The parts of an annual report a rule may look in: the year's account (`results()`,
//! `reported(…)`) versus next year's plan (`plan()`). What the plan promises and what a quoted
//! document title names are not things done in the year.

use super::{sig, Call, Eval, FuncDef, Group, Param as P, Returns as R};
use crate::dsl::types::Type as T;
use crate::dsl::value::Value;
use crate::report::{Report, Section};
use regex::Regex;
use std::sync::LazyLock;

/// Words that put a title in the future: such a title is the plan's whatever else it names
/// (四、下步工作举措).
static FUTURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"下一步|下步|下一年|明年|来年|今后").expect("valid regex"));
/// Titles of the next-year part, as the genre names it (四、2025年工作打算 / 下一步工作安排 …).
/// Words a results topic may also use (重点任务, 工作要点) count only with the year or a future word.
static PLAN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"打算|安排|计划|思路|展望|重点工作|努力方向").expect("valid regex")
});
/// Titles that are about the year's work even when they share a word with a plan title.
static RESULTS_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"举措|成效|主要工作|工作开展|主要做法|工作情况").expect("valid regex")
});

/// The top level of the outline: the shallowest heading level present.
fn top(r: &Report) -> impl Iterator<Item = (usize, &Section)> {
    let level = r.sections.iter().map(|s| s.rank).min();
    r.sections
        .iter()
        .enumerate()
        .filter(move |(_, s)| Some(s.rank) == level)
}

/// A title of the next-year part: one in the future, naming the year after the report's
/// (四、2025年重点任务 in a 2024 report) and not the report's, or naming a plan and not results.
fn is_plan_title(r: &Report, title: &str) -> bool {
    let names = |y: i32| title.contains(&format!("{y}年"));
    let next_year = r
        .meta
        .report_year
        .as_ref()
        .is_some_and(|y| names(y.value + 1) && !names(y.value));
    FUTURE.is_match(title)
        || next_year
        || (PLAN_TITLE.is_match(title) && !RESULTS_TITLE.is_match(title))
}

/// Found once per report: rules ask for it once per sentence.
pub fn plan_section(r: &Report) -> Option<usize> {
    // The last such part: the plan closes a report, and a topic of the year's work may share its
    // words (一、聚焦重点工作……).
    *r.derived.plan.get_or_init(|| {
        top(r)
            .filter(|(_, s)| is_plan_title(r, &s.title))
            .last()
            .map(|(i, _)| i)
    })
}

fn results_section(r: &Report) -> Option<usize> {
    *r.derived.results.get_or_init(|| {
        top(r)
            .find(|(_, s)| RESULTS_TITLE.is_match(&s.title) && !is_plan_title(r, &s.title))
            .map(|(i, _)| i)
    })
}

pub static FUNCTIONS: &[FuncDef] = &[
    FuncDef {
        name: "plan",
        group: Group::Text,
        sigs: &[sig(
            "plan()",
            &[],
            R::Is(T::Section),
            "section or missing",
            "the next-year part: the last top-level heading naming 下一步/下步/明年/今后 or the year after the report's, or 打算/安排/计划/思路/展望/重点工作/努力方向 and not 举措/成效/工作情况",
        )],
        example: "contains(plan(), /2025/)",
        eval: Eval::Strict(|c| Ok(plan_section(c.report()).map_or(Value::Missing, Value::Section))),
    },
    FuncDef {
        name: "results",
        group: Group::Text,
        sigs: &[sig(
            "results()",
            &[],
            R::Is(T::Section),
            "section or missing",
            "the year's results part: the first top-level heading naming 举措/成效/主要工作/工作情况 that is not the plan's",
        )],
        example: "count(find(results(), /行政复议/)) >= 1",
        eval: Eval::Strict(|c| {
            Ok(results_section(c.report()).map_or(Value::Missing, Value::Section))
        }),
    },
    FuncDef {
        name: "reported",
        group: Group::Text,
        sigs: &[sig(
            "reported(pattern)",
            &[P::Pattern],
            R::Is(T::List(&T::Match)),
            "list<match>",
            "matches in the year's account: the body without the `plan()` part and without quoted 《…》 titles",
        )],
        example: "exists(reported(/重大行政决策/))",
        eval: Eval::Strict(|c| {
            let r = c.report();
            let body = c.ev.body();
            let Some(re) = c.rx_in(0, body.0)? else {
                return Call::list(Vec::new());
            };
            let plan = plan_section(r).map(|i| r.norm.from_source(r.sections[i].span));
            // A quoted document title names a document, it does not report work.
            let titles: Vec<_> = crate::report::scan::book_titles(body.0).collect();
            let base = body.1.unwrap_or(0);
            let kept = c
                .ev
                .matches_in(body, re)
                .into_iter()
                .filter(|m| {
                    let Value::Match(_, s, e) = *m else {
                        return false;
                    };
                    let in_plan = plan.as_ref().is_some_and(|p| p.start <= s && e <= p.end);
                    // Titles do not overlap and come in order: only the last one starting at
                    // or before the match can hold it.
                    let k = titles.partition_point(|t| t.start + base <= s);
                    let in_title = k > 0 && e <= titles[k - 1].end + base;
                    !in_plan && !in_title
                })
                .collect();
            Call::list(kept)
        }),
    },
];
