//! Relations between facts: totals with their 其中 parts, and rates with the counts they are made of.

use super::sentences::Piece;
use super::{Breakdown, BreakdownRelation, Fact, FactKind, NormText, Ratio, Span};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Built once: `str::match_indices` and `contains` set up their searcher again for every sentence.
static QIZHONG: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("其中"));

/// After ；, the parts of a 其中 list stop where a new total starts.
const NEW_TOTAL: &[&str] = &[
    "共", "累计", "全年", "共计", "总计", "合计", "另", "此外", "同时",
];
/// How far (sentences joined by ；, facts) relations look; keeps pathological input linear.
const MAX_SENTENCES: usize = 8;
const MAX_FACTS: usize = 16;
/// Dropping one detail part is tried for runs up to this long.
const MAX_DETAIL_SEARCH: usize = 8;
/// Category pairs that split a whole between them.
const COMPLEMENTS: &[(&str, &str)] = &[
    ("民事", "刑事"),
    ("民事", "行政"),
    ("刑事", "行政"),
    ("维持", "撤销"),
    ("维持", "驳回"),
    ("撤销", "驳回"),
    ("主办", "协办"),
    ("胜诉", "败诉"),
    ("线上", "线下"),
    ("城镇", "农村"),
    ("男", "女"),
];
/// Words after which a label names a rate: the stem before them names the numerator.
const RATE_SUFFIXES: &[&str] = &["占比", "比例", "比重", "率"];

pub struct Relations {
    pub breakdowns: Vec<Breakdown>,
    pub ratios: Vec<Ratio>,
}

pub fn find(norm: &NormText, sentences: &[Piece], facts: &[Fact]) -> Relations {
    let mut breakdowns = Vec::new();
    let mut used_as_part: HashSet<usize> = HashSet::new();
    // Facts of each sentence, as index ranges into `facts` (facts are in sentence order).
    let mut by_sentence = vec![0..0; sentences.len()];
    let mut i = 0;
    while i < facts.len() {
        let s = facts[i].sentence;
        let start = i;
        while i < facts.len() && facts[i].sentence == s {
            i += 1;
        }
        if let Some(r) = by_sentence.get_mut(s) {
            *r = start..i;
        }
    }
    for (si, p) in sentences.iter().enumerate() {
        let text = &norm.text[p.norm.clone()];
        for k in QIZHONG.find_iter(text.as_bytes()) {
            if in_table_row(text, k) {
                continue;
            }
            let q = norm.to_source(p.norm.start + k..p.norm.start + k).start;
            if let Some(mut b) = qizhong(norm, sentences, &by_sentence, facts, si, q) {
                b.iter_mut()
                    .for_each(|b| used_as_part.extend(b.parts.iter().copied()));
                breakdowns.append(&mut b);
            }
        }
    }
    breakdowns.extend(parenthesised(norm, facts, &used_as_part));
    let used: HashSet<usize> = breakdowns
        .iter()
        .flat_map(|b| b.parts.iter().copied().chain([b.total]))
        .collect();
    breakdowns.extend(super::listed::find(norm, &by_sentence, facts, &used));
    breakdowns.sort_by_key(|b| b.span.start);
    let ratios = ratios(sentences, &by_sentence, facts, &breakdowns);
    Relations { breakdowns, ratios }
}

/// A 其中 in a table row (`其中:简易程序(件)|31|40`) names a row that is part of the one above,
/// column by column; the cells are not a list of parts after a total in the text.
fn in_table_row(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let end = text[at..].find('\n').map_or(text.len(), |k| at + k);
    text[start..end].contains('|')
}

fn quantity(f: &Fact) -> bool {
    f.kind == FactKind::Quantity && !f.unit.is_empty()
}

/// The breakdown(s) opened by a 其中 at source offset `q` in sentence `si`.
fn qizhong(
    norm: &NormText,
    sentences: &[Piece],
    by_sentence: &[std::ops::Range<usize>],
    facts: &[Fact],
    si: usize,
    q: usize,
) -> Option<Vec<Breakdown>> {
    let group = sentences[si].group;
    // Parts: from 其中 on, through sentences joined by ；, until a new total or another 其中.
    let mut parts: Vec<usize> = Vec::new();
    // How many parts the 其中 sentence itself holds (the rest come after ；).
    let mut own = 0;
    let mut last_span = None;
    for sj in si..sentences.len().min(si + MAX_SENTENCES) {
        if sentences[sj].group != group || parts.len() >= MAX_FACTS {
            break;
        }
        if sj > si {
            let t = &norm.text[sentences[sj].norm.clone()];
            if NEW_TOTAL.iter().any(|w| t.starts_with(w)) || QIZHONG.find(t.as_bytes()).is_some() {
                break;
            }
        }
        let r = by_sentence[sj].clone();
        let from = r.start + facts[r.clone()].partition_point(|f| f.span.start <= q);
        for (fi, f) in facts.iter().enumerate().take(r.end).skip(from) {
            if parts.len() >= MAX_FACTS {
                break;
            }
            if !quantity(f) || last_span == Some(f.span) {
                continue;
            }
            last_span = Some(f.span);
            parts.push(fi);
        }
        if sj == si {
            own = parts.len();
        }
    }
    let unit = facts.get(*parts.first()?)?.unit;
    own = parts[..own]
        .iter()
        .filter(|&&fi| facts[fi].unit == unit)
        .count();
    parts.retain(|&fi| facts[fi].unit == unit);
    // Totals: same unit, before 其中 in the sentence, or in the sentence before (`…23件。其中,…`).
    let r = by_sentence[si].clone();
    let before_q = r.start + facts[r.clone()].partition_point(|f| f.span.end <= q);
    let mut totals: Vec<usize> = (r.start..before_q)
        .rev()
        .filter(|&fi| quantity(&facts[fi]) && facts[fi].unit == unit)
        .take(MAX_FACTS)
        .collect();
    totals.reverse();
    if totals.is_empty() && si > 0 {
        totals = by_sentence[si - 1]
            .clone()
            .rev()
            .filter(|&fi| quantity(&facts[fi]) && facts[fi].unit == unit)
            .take(MAX_FACTS)
            .collect();
        totals.reverse();
    }
    totals.dedup_by_key(|fi| facts[*fi].span);
    if totals.is_empty() || parts.is_empty() {
        return None;
    }
    let value = |fi: usize| facts[fi].value;
    // Parts that add up to the nearest total split it (收到247件,受理229件,其中审结210件、在审19件):
    // the totals before it are the stages of a funnel, not totals to pair the parts with.
    let nearest = *totals.last()?;
    if parts.len() >= 2
        && total_of(facts, &parts) == Some(value(nearest))
        && parts
            .iter()
            .all(|&p| facts[p].approx == super::Approx::Exact)
    {
        return Some(vec![make(
            facts,
            nearest,
            parts,
            BreakdownRelation::Partition,
        )]);
    }
    // Several totals listed together, each split in turn (建议3件、提案5件,其中建议主办2件,协办1件;提案主办3件,协办2件).
    for n in (2..=totals.len()).rev() {
        let ts = &totals[totals.len() - n..];
        if let Some(groups) = consecutive_groups(ts, &parts, value) {
            return Some(
                ts.iter()
                    .zip(groups)
                    .map(|(&t, ps)| make(facts, t, ps, BreakdownRelation::Partition))
                    .collect(),
            );
        }
        if parts.len() == n
            && ts.iter().zip(&parts).all(|(&t, &p)| value(p) <= value(t))
            && adjacent(facts, ts)
        {
            return Some(
                ts.iter()
                    .zip(&parts)
                    .map(|(&t, &p)| make(facts, t, vec![p], BreakdownRelation::Subset))
                    .collect(),
            );
        }
    }
    let total = *totals.last()?;
    // 建议12件、提案8件，其中主办10件、协办10件: parts that outgrow a total listed with others by 、
    // split the list as a whole, which no single count states; no breakdown is claimed.
    if let [.., before, last] = totals[..] {
        let between =
            norm.from_source(facts[before].span).end..norm.from_source(facts[last].span).start;
        let listed = norm
            .text
            .get(between)
            .is_some_and(|g| g.contains('、') && !g.contains([',', ';', '。']));
        if listed && total_of(facts, &parts).is_some_and(|sum| sum > value(total)) {
            return None;
        }
    }
    Some(vec![classify(facts, total, parts, own)])
}

/// Totals listed one after another with nothing but their labels between them.
fn adjacent(facts: &[Fact], ts: &[usize]) -> bool {
    ts.windows(2)
        .all(|w| w[1] == w[0] + 1 && facts[w[1]].sentence.abs_diff(facts[w[0]].sentence) <= 1)
}

/// Split `parts` into consecutive runs, one per total, each summing to its total.
fn consecutive_groups(
    ts: &[usize],
    parts: &[usize],
    value: impl Fn(usize) -> Decimal,
) -> Option<Vec<Vec<usize>>> {
    let mut groups = Vec::new();
    let mut k = 0;
    for &t in ts {
        let mut sum = Decimal::ZERO;
        let mut g = Vec::new();
        while k < parts.len() && sum < value(t) {
            sum = sum.checked_add(value(parts[k]))?;
            g.push(parts[k]);
            k += 1;
        }
        if sum != value(t) || g.len() < 2 {
            return None;
        }
        groups.push(g);
    }
    (k == parts.len()).then_some(groups)
}

pub(super) fn make(
    facts: &[Fact],
    total: usize,
    parts: Vec<usize>,
    relation: BreakdownRelation,
) -> Breakdown {
    let end = parts
        .iter()
        .map(|&p| facts[p].span.end)
        .max()
        .unwrap_or(facts[total].span.end);
    Breakdown {
        total,
        span: Span::new(facts[total].span.start, end.max(facts[total].span.end)),
        parts,
        relation,
    }
}

/// Partition when the parts add up to the total. The parts after ；
/// may run past the split (`…;通过磋商办结6件`), and a part may be a detail of another
/// (`民事9件,对涉食品案件3件…;行政51件`): the longest run of parts, less at most one detail, that adds up
/// exactly is taken. Otherwise only the parts of the 其中 sentence itself are kept.
fn classify(facts: &[Fact], total: usize, parts: Vec<usize>, own: usize) -> Breakdown {
    let t = facts[total].value;
    let sum = |ps: &[usize]| total_of(facts, ps);
    let exact = |ps: &[usize]| ps.iter().all(|&p| facts[p].approx == super::Approx::Exact);
    for k in (2..=parts.len()).rev() {
        let run = &parts[..k];
        if sum(run) == Some(t) && exact(run) {
            return make(facts, total, run.to_vec(), BreakdownRelation::Partition);
        }
        if (3..=MAX_DETAIL_SEARCH).contains(&k) {
            for drop in 0..k {
                let rest: Vec<usize> = run
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != drop)
                    .map(|(_, &p)| p)
                    .collect();
                if sum(&rest) == Some(t) && exact(&rest) && complementary(facts, &rest) {
                    return make(facts, total, rest, BreakdownRelation::Partition);
                }
            }
        }
    }
    // Parts that do not add up may leave a category out (民事、刑事 without 行政): a subset, so no
    // sum check can misfire on them. Two cases still split the total for certain, and their sum
    // check must run: disjoint categories (维持、撤销) that outgrow the total — a funnel (受理48件，
    // 审结46件 of 58) may, so only known complements count — or a last part naming the rest (其余…).
    let mut parts = parts;
    parts.truncate(own.max(1));
    let outgrown = sum(&parts).is_some_and(|s| s > t) && complementary(facts, &parts);
    let certain = parts.len() >= 2 && exact(&parts) && (outgrown || names_rest(facts, &parts));
    let relation = if certain {
        BreakdownRelation::Partition
    } else {
        BreakdownRelation::Subset
    };
    make(facts, total, parts, relation)
}

/// Sum of the parts' values; `None` on overflow.
fn total_of(facts: &[Fact], parts: &[usize]) -> Option<Decimal> {
    parts
        .iter()
        .try_fold(Decimal::ZERO, |acc, &p| acc.checked_add(facts[p].value))
}

/// The last part is labelled as the rest of the total (其余/剩余/其他…).
fn names_rest(facts: &[Fact], parts: &[usize]) -> bool {
    parts.last().is_some_and(|&p| {
        super::listed::REMAINDER
            .iter()
            .any(|w| facts[p].label.starts_with(w))
    })
}

fn complementary(facts: &[Fact], parts: &[usize]) -> bool {
    COMPLEMENTS.iter().any(|(a, b)| {
        let has = |w: &str| parts.iter().any(|&p| facts[p].label.contains(w));
        has(a) && has(b)
    })
}

/// `调解成功108件(交调7件、公调101件)`: parts in brackets right after a total that they add up to.
fn parenthesised(norm: &NormText, facts: &[Fact], used: &HashSet<usize>) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for (ti, t) in facts.iter().enumerate() {
        if !quantity(t) || used.contains(&ti) {
            continue;
        }
        let after = norm.from_source(Span::new(t.span.end, t.span.end)).start;
        let rest = &norm.text[after..];
        if !rest.starts_with('(') {
            continue;
        }
        let Some(close) = rest
            .char_indices()
            .take(80)
            .find(|(_, c)| *c == ')')
            .map(|(k, _)| k)
        else {
            continue;
        };
        let end = norm.to_source(after + close..after + close).start;
        let parts: Vec<usize> = (ti + 1..facts.len())
            .take_while(|&k| facts[k].span.end <= end)
            .filter(|&k| facts[k].unit == t.unit && quantity(&facts[k]))
            .collect();
        if parts.len() >= 2 && total_of(facts, &parts) == Some(t.value) {
            out.push(make(facts, ti, parts, BreakdownRelation::Partition));
        }
    }
    out
}

/// The stem of a rate label: 调解成功率 → 调解成功, 联合占比 → 联合.
fn stem(label: &str) -> Option<&str> {
    RATE_SUFFIXES.iter().find_map(|s| {
        let k = label.rfind(s)?;
        let stem = &label[..k];
        (!stem.is_empty()).then_some(stem)
    })
}

/// Before the stem, these make a count the base a rate is taken of, not its numerator: 责令整改356户
/// is what had to be put right, of which 整改率 counts the share that was.
const DUE: [&str; 7] = ["责令", "应", "需", "要求", "督促", "下达", "交办"];

fn names_numerator(label: &str, stem: &str) -> bool {
    if label.is_empty() {
        return false;
    }
    if let Some(k) = label.rfind(stem) {
        if DUE.iter().any(|d| label[..k].ends_with(d)) {
            return false;
        }
    }
    let same_chars = {
        let mut a: Vec<char> = label.chars().collect();
        let mut b: Vec<char> = stem.chars().collect();
        a.sort_unstable();
        b.sort_unstable();
        a == b
    };
    label.ends_with(stem)
        || label.starts_with(stem)
        || stem.ends_with(label) && label.chars().count() >= 2
        || same_chars
}

/// The other parts of the breakdowns `k` is a part of: counts beside it, never what it is a share
/// of (审结1415件，其中维持917件、纠错172件：纠错率 is 172 of 1415, not of 917). `part_of` maps a
/// fact to its breakdowns, built once per report so that a long one is not searched per rate.
fn siblings<'b>(
    breakdowns: &'b [Breakdown],
    part_of: &'b HashMap<usize, Vec<usize>>,
    k: usize,
) -> impl Iterator<Item = usize> + 'b {
    part_of
        .get(&k)
        .into_iter()
        .flatten()
        .flat_map(move |&b| breakdowns[b].parts.iter().copied().filter(move |&p| p != k))
}

fn ratios(
    sentences: &[Piece],
    by_sentence: &[std::ops::Range<usize>],
    facts: &[Fact],
    breakdowns: &[Breakdown],
) -> Vec<Ratio> {
    let mut out = Vec::new();
    let mut part_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for (b, breakdown) in breakdowns.iter().enumerate() {
        for &p in &breakdown.parts {
            part_of.entry(p).or_default().push(b);
        }
    }
    for (ri, r) in facts.iter().enumerate() {
        if r.kind != FactKind::Rate {
            continue;
        }
        let Some(stem) = stem(&r.label) else { continue };
        let group = sentences.get(r.sentence).map(|p| p.group);
        let mut earlier: Vec<usize> = Vec::new();
        let mut sj = r.sentence;
        loop {
            let range = by_sentence[sj].clone();
            earlier.extend((range.start..range.end.min(ri)).rev().take(MAX_FACTS));
            if sj == 0
                || r.sentence - sj >= MAX_SENTENCES
                || sentences.get(sj - 1).map(|p| p.group) != group
            {
                break;
            }
            sj -= 1;
        }
        // `earlier` runs backwards from the rate.
        let Some(pos) = earlier
            .iter()
            .position(|&k| quantity(&facts[k]) && names_numerator(&facts[k].label, stem))
        else {
            continue;
        };
        let numerator = earlier[pos];
        let n = &facts[numerator];
        let beside: Vec<usize> = siblings(breakdowns, &part_of, numerator).collect();
        let denominator = earlier[pos + 1..].iter().copied().find(|&k| {
            quantity(&facts[k])
                && facts[k].unit == n.unit
                && facts[k].value >= n.value
                && facts[k].span != n.span
                && !beside.contains(&k)
        });
        if let Some(denominator) = denominator {
            out.push(Ratio {
                rate: ri,
                numerator,
                denominator,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::ingest::SourceText;
    use crate::report::parse;

    #[test]
    fn qizhong_rows_of_a_table_are_not_a_list_of_parts() {
        let t = "项目|2023年|2024年\n行政处罚案件(件)|96|118\n其中:简易程序(件)|31|40\n其中:普通程序(件)|65|78\n";
        let r = parse(SourceText::from_text("t", t));
        assert!(r.breakdowns.is_empty(), "{:?}", r.breakdowns.len());
        let r = parse(SourceText::from_text(
            "t",
            "办理案件96件，其中简易程序31件、普通程序65件。",
        ));
        assert_eq!(r.breakdowns.len(), 1);
    }
}
