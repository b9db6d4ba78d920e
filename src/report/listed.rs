//! Totals split without 其中: parts listed after the total's clause (`共清理文件210件,废止12件、修改30件`,
//! `列入事项15项,已完成11项,其余4项`) or before a 合计 (`分别为A3件、B5件,合计8件`).
//!
//! Why conservative: a partition is checked for its sum, so one is claimed only when the parts add up
//! to the total exactly; a 、 list that falls short may leave categories out and is a subset. A run
//! joined by commas that does not add up is a funnel (收到…,受理…,办结…), not a breakdown.

use super::{Approx, Breakdown, BreakdownRelation, Fact, FactKind, NormText};
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::ops::Range;

/// Words that state a total after its parts.
const SUM_WORDS: [&str; 4] = ["合计", "共计", "总计", "总共"];
/// Words that open the rest of a total in its own clause (`其余4项`, `未成功的4起`).
pub(super) const REMAINDER: [&str; 5] = ["其余", "剩余", "其他", "未", "另"];
/// How many parts a list may have; keeps the search linear.
const MAX_PARTS: usize = 12;

/// How two neighbouring facts of a sentence are joined.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Join {
    /// Only 、 (or nothing) between them: one list.
    List,
    /// A comma: the next clause.
    Clause,
    /// 其中, a semicolon or a bracket: another structure begins.
    Break,
}

struct Ctx<'a> {
    norm: &'a NormText,
    facts: &'a [Fact],
}

impl Ctx<'_> {
    /// The normalised text between facts `a` and `b` (a < b).
    fn gap(&self, a: usize, b: usize) -> &str {
        let from = self.norm.from_source(self.facts[a].span).end;
        let to = self.norm.from_source(self.facts[b].span).start;
        self.norm.text.get(from..to.max(from)).unwrap_or("")
    }

    fn join(&self, a: usize, b: usize) -> Join {
        let g = self.gap(a, b);
        if g.contains("其中") || g.contains([';', '(', ')', '。']) {
            Join::Break
        } else if g.contains(',') {
            Join::Clause
        } else {
            Join::List
        }
    }

    fn countable(&self, i: usize, unit: &str) -> bool {
        let f = &self.facts[i];
        f.kind == FactKind::Quantity && f.unit == unit && f.approx == Approx::Exact
    }

    fn sum(&self, parts: &[usize]) -> Option<Decimal> {
        parts.iter().try_fold(Decimal::ZERO, |acc, &p| {
            acc.checked_add(self.facts[p].value)
        })
    }
}

/// Breakdowns without 其中 in each sentence; facts in `used` (totals and parts already found) are
/// left alone.
pub fn find(
    norm: &NormText,
    by_sentence: &[Range<usize>],
    facts: &[Fact],
    used: &HashSet<usize>,
) -> Vec<Breakdown> {
    let cx = Ctx { norm, facts };
    let mut out = Vec::new();
    let mut taken = used.clone();
    for r in by_sentence.iter().filter(|r| r.len() >= 3) {
        for t in r.clone() {
            if taken.contains(&t) || facts[t].unit.is_empty() {
                continue;
            }
            let found = after_total(&cx, t, r.end, &taken)
                .or_else(|| before_total(&cx, t, r.start, &taken));
            if let Some((parts, relation)) = found {
                taken.insert(t);
                taken.extend(parts.iter().copied());
                out.push(super::relations::make(facts, t, parts, relation));
            }
        }
    }
    out
}

/// `T件,A件、B件` / `T项,已完成A项,其余B项`: the parts follow in the next clause.
fn after_total(
    cx: &Ctx<'_>,
    t: usize,
    end: usize,
    taken: &HashSet<usize>,
) -> Option<(Vec<usize>, BreakdownRelation)> {
    let unit = cx.facts[t].unit;
    // The total closes its clause and is not itself an item of a list.
    if !cx.countable(t, unit) || t + 1 >= end || cx.join(t, t + 1) != Join::Clause {
        return None;
    }
    if t > 0 && cx.facts[t - 1].sentence == cx.facts[t].sentence && cx.join(t - 1, t) == Join::List
    {
        return None;
    }
    let mut run = vec![t + 1];
    let mut listed = 1;
    while let Some(&last) = run.last() {
        let next = last + 1;
        if next >= end || run.len() >= MAX_PARTS || taken.contains(&next) {
            break;
        }
        let j = cx.join(last, next);
        if j == Join::Break || !cx.countable(next, unit) {
            break;
        }
        if j == Join::List && listed == run.len() {
            listed += 1;
        }
        run.push(next);
    }
    if run
        .iter()
        .any(|p| taken.contains(p) || !cx.countable(*p, unit))
    {
        return None;
    }
    let total = cx.facts[t].value;
    // Positive parts: at most one prefix adds up to the total. Parts each in their own clause are
    // a split only when the last names the rest (其余); else they may be a funnel that happens to add up.
    let split = |ps: &[usize]| {
        ps.windows(2).any(|w| cx.join(w[0], w[1]) == Join::List)
            || ps.last().is_some_and(|&p| {
                let g = cx.gap(p - 1, p);
                let clause = g.rsplit(',').next().unwrap_or(g);
                REMAINDER.iter().any(|w| clause.starts_with(w))
            })
    };
    for k in 2..=run.len() {
        if cx.sum(&run[..k]) == Some(total) && split(&run[..k]) {
            return Some((run[..k].to_vec(), BreakdownRelation::Partition));
        }
    }
    let list = &run[..listed];
    let below = |ps: &[usize]| ps.iter().all(|&p| cx.facts[p].value < total);
    (list.len() >= 2 && below(list) && cx.sum(list).is_some_and(|s| s < total))
        .then(|| (list.to_vec(), BreakdownRelation::Subset))
}

/// `A件、B件,合计T件`: the parts come first and a sum word states the total.
fn before_total(
    cx: &Ctx<'_>,
    t: usize,
    start: usize,
    taken: &HashSet<usize>,
) -> Option<(Vec<usize>, BreakdownRelation)> {
    let unit = cx.facts[t].unit;
    if t < start + 2 || !cx.countable(t, unit) {
        return None;
    }
    let g = cx.gap(t - 1, t);
    let clause = g.rsplit(',').next().unwrap_or(g);
    if !g.contains(',') || !SUM_WORDS.iter().any(|w| clause.starts_with(w)) {
        return None;
    }
    let mut run = vec![t - 1];
    while let Some(&first) = run.last() {
        if first <= start || run.len() >= MAX_PARTS {
            break;
        }
        let prev = first - 1;
        if taken.contains(&prev) || !cx.countable(prev, unit) || cx.join(prev, first) == Join::Break
        {
            break;
        }
        run.push(prev);
    }
    if taken.contains(&(t - 1)) || !cx.countable(t - 1, unit) {
        return None;
    }
    run.reverse();
    // The parts nearest the 合计 that add up to it.
    let total = cx.facts[t].value;
    (2..=run.len())
        .map(|k| &run[run.len() - k..])
        .find(|ps| cx.sum(ps) == Some(total))
        .map(|ps| (ps.to_vec(), BreakdownRelation::Partition))
}

#[cfg(test)]
mod tests {
    use crate::ingest::SourceText;
    use crate::report::{parse, BreakdownRelation};

    /// (total, parts, partition?) of every breakdown of `text`.
    fn found(text: &str) -> Vec<(String, Vec<String>, bool)> {
        let r = parse(SourceText::from_text("t", text));
        r.breakdowns
            .iter()
            .map(|b| {
                let v = |i: usize| r.facts[i].value.normalize().to_string();
                (
                    v(b.total),
                    b.parts.iter().map(|&p| v(p)).collect(),
                    b.relation == BreakdownRelation::Partition,
                )
            })
            .collect()
    }

    fn b(total: &str, parts: &[&str], partition: bool) -> (String, Vec<String>, bool) {
        (
            total.into(),
            parts.iter().map(|s| s.to_string()).collect(),
            partition,
        )
    }

    #[test]
    fn a_list_after_the_total_that_falls_short_is_a_subset() {
        assert_eq!(
            found("全年共梳理各类文件120件，修订9件、废止4件。"),
            [b("120", &["9", "4"], false)]
        );
    }

    #[test]
    fn parts_that_add_up_are_a_partition() {
        assert_eq!(
            found("评查执法案件75件，评为优秀20件、合格50件、不合格5件。"),
            [b("75", &["20", "50", "5"], true)]
        );
        assert_eq!(
            found("纳入目录的决策事项8项，已办结6项，其余2项正在推进。"),
            [b("8", &["6", "2"], true)]
        );
        assert_eq!(
            found("排查纠纷40起，化解37起，未化解3起转入诉讼。"),
            [b("40", &["37", "3"], true)]
        );
    }

    #[test]
    fn parts_before_a_sum_word() {
        assert_eq!(
            found("分别为交通执法12件、市场执法30件、环保执法8件，合计50件。"),
            [b("50", &["12", "30", "8"], true)]
        );
        // Parts that do not add up to the 合计 are not claimed.
        assert!(found("分别为交通执法12件、市场执法30件，合计50件。").is_empty());
    }

    #[test]
    fn funnels_and_mixed_units_are_not_breakdowns() {
        // 收到 → 受理 → 办结: a funnel joined by commas, even when two stages happen to add up.
        assert!(found("收到申请60件，受理52件，办结47件。").is_empty());
        assert!(found("审议草案9件，制定规章5件，修改3件，废止2件。").is_empty());
        // A part larger than the total, or another unit, is no part.
        assert!(found("接待群众200人次，出动执法人员300人次、车辆50台。").is_empty());
        assert!(found("培训干部30场，覆盖1200人、单位45个。").is_empty());
    }

    #[test]
    fn complementary_parts_that_fall_short_are_a_subset() {
        // 民事 and 刑事 leave out 行政: a partition here would raise a false sum error.
        assert_eq!(
            found("受理法律援助案件90件，其中民事50件、刑事30件。"),
            [b("90", &["50", "30"], false)]
        );
        assert_eq!(
            found("评查行政执法案卷40卷，其中优秀12卷、合格28卷。"),
            [b("40", &["12", "28"], true)]
        );
    }

    #[test]
    fn parts_split_the_last_stage_of_a_funnel() {
        assert_eq!(
            found("收到复议申请6件，审结6件，其中维持4件、终止2件。"),
            [b("6", &["4", "2"], true)]
        );
        assert_eq!(
            found("收到复议申请50件，受理45件，其中审结40件、在审5件。"),
            [b("45", &["40", "5"], true)]
        );
    }

    #[test]
    fn other_structures_are_left_to_their_own_readers() {
        // 其中 is read by its own reader; the list is not found twice.
        assert_eq!(
            found("办理复议案件30件，其中维持20件、撤销4件、终止6件。"),
            [b("30", &["20", "4", "6"], true)]
        );
    }
}
