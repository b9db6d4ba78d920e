//! Scoring list fields (rates, changes, breakdowns): labelled items are matched one to one with
//! found items of the same value lying in (or overlapping) the labelled text.

use super::compare::{bare_label, find_all, overlaps, rate_label_matches};
use super::labels::{BreakdownLabel, ChangeLabel, Direction, RateLabel};
use super::score::Tally;
use crate::report::{Breakdown, BreakdownRelation, Fact, FactKind, Report, Span};
use rust_decimal::prelude::ToPrimitive;

/// What is compared, on both sides.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    /// A rate, in percent.
    Rate(f64),
    /// A change in `unit` (`%` or `个百分点`), negative when it goes down.
    Change { value: f64, unit: String },
    /// A total with its parts (sorted) and how they relate.
    Breakdown {
        total: f64,
        parts: Vec<f64>,
        relation: &'static str,
    },
}

impl Key {
    /// Parts are sorted: their order in the text does not matter.
    fn breakdown(total: f64, mut parts: Vec<f64>, relation: &'static str) -> Key {
        parts.sort_by(f64::total_cmp);
        Key::Breakdown {
            total,
            parts,
            relation,
        }
    }

    /// `210 ⊇ 12 + 30（subset）`, `30 = 4 + 6 + 20（partition）`.
    fn breakdown_shown(&self) -> String {
        let Key::Breakdown {
            total,
            parts,
            relation,
        } = self
        else {
            return String::new();
        };
        let parts: Vec<String> = parts.iter().map(f64::to_string).collect();
        let op = if *relation == "partition" { "=" } else { "⊇" };
        format!("{total} {op} {}（{relation}）", parts.join(" + "))
    }

    fn same(&self, other: &Key) -> bool {
        let eq = |a: f64, b: f64| (a - b).abs() < 1e-6;
        match (self, other) {
            (Key::Rate(a), Key::Rate(b)) => eq(*a, *b),
            (Key::Change { value: a, unit: u }, Key::Change { value: b, unit: v }) => {
                eq(*a, *b) && u == v
            }
            (
                Key::Breakdown {
                    total: t,
                    parts: p,
                    relation: r,
                },
                Key::Breakdown {
                    total: u,
                    parts: q,
                    relation: s,
                },
            ) => {
                eq(*t, *u)
                    && r == s
                    && p.len() == q.len()
                    && p.iter().zip(q).all(|(a, b)| eq(*a, *b))
            }
            _ => false,
        }
    }
}

/// A labelled item: the verbatim text it lies in, its key, and how to show it.
pub struct Expected<'a> {
    pub text: &'a str,
    pub key: Key,
    pub shown: String,
    /// What a rate's label names it (`网上可办率`).
    pub label: Option<&'a str>,
}

/// A found item: where it is, its key, and how to show it.
pub struct Found {
    pub span: Span,
    pub key: Key,
    pub shown: String,
    /// The fact's label, for a fact.
    pub label: Option<String>,
}

impl<'a> Expected<'a> {
    pub fn rate(r: &'a RateLabel) -> Self {
        Expected {
            text: &r.text,
            key: Key::Rate(r.value),
            shown: format!("{} {}%", r.label, r.value),
            label: Some(&r.label),
        }
    }

    pub fn change(c: &'a ChangeLabel) -> Self {
        let value = match c.direction {
            Direction::Up => c.value,
            Direction::Down => -c.value,
        };
        Expected {
            text: &c.text,
            key: Key::Change {
                value,
                unit: c.unit.as_str().into(),
            },
            shown: change_shown(value, c.unit.as_str()),
            label: None,
        }
    }

    pub fn breakdown(b: &'a BreakdownLabel) -> Self {
        let key = Key::breakdown(b.total, b.parts.clone(), b.relation.as_str());
        Expected {
            text: &b.text,
            shown: key.breakdown_shown(),
            key,
            label: None,
        }
    }
}

impl Found {
    /// A fact of any kind; only rates and changes are matched on their key, a quantity's is there
    /// to be shown.
    pub fn fact(f: &Fact) -> Self {
        let kind = match f.kind {
            FactKind::Quantity => "quantity",
            FactKind::Rate => "rate",
            FactKind::Change => "change",
        };
        let value = number(f);
        let (key, shown) = match f.kind {
            FactKind::Change => (
                Key::Change {
                    value,
                    unit: f.unit.to_string(),
                },
                change_shown(value, f.unit),
            ),
            _ => (
                Key::Rate(value),
                format!("{}{}", f.value.normalize(), f.unit),
            ),
        };
        Found {
            span: f.span,
            key,
            shown: format!("{} {shown}（{kind}）", f.label)
                .trim_start()
                .to_string(),
            label: Some(f.label.clone()),
        }
    }

    pub fn breakdown(report: &Report, b: &Breakdown) -> Self {
        let relation = match b.relation {
            BreakdownRelation::Partition => "partition",
            BreakdownRelation::Subset => "subset",
        };
        let parts = b.parts.iter().map(|&p| number(&report.facts[p])).collect();
        let key = Key::breakdown(number(&report.facts[b.total]), parts, relation);
        Found {
            span: b.span,
            shown: key.breakdown_shown(),
            key,
            label: None,
        }
    }
}

fn number(f: &Fact) -> f64 {
    f.value.to_f64().unwrap_or(f64::NAN)
}

fn change_shown(value: f64, unit: &str) -> String {
    let dir = if value < 0.0 { "下降" } else { "上升" };
    format!("{dir}{}{unit}", value.abs())
}

/// A labelled item not found, or a found item not labelled (or one paired with the other when
/// they lie in the same text but differ).
#[derive(Debug, PartialEq)]
pub struct Miss {
    pub expected: Option<String>,
    pub found: Option<String>,
    /// Where in the report: the found item, else the labelled text.
    pub at: Option<Span>,
    pub note: Option<String>,
}

/// Labelled and found items paired one to one (indices into `expected` and `found`).
pub type Pairs = Vec<(usize, usize)>;

/// Match `expected` against `found` in `text` (the report's source). `context` is every fact of
/// the report (where, and shown), to say what the parser made of a labelled text where nothing of
/// the kind was found. The pairs matched are returned for scores of the pairs themselves.
pub fn score(
    text: &str,
    expected: &[Expected],
    found: &[Found],
    context: &[(Span, String)],
) -> (Tally, Vec<Miss>, Pairs) {
    let places: Vec<Vec<Span>> = expected.iter().map(|e| find_all(text, e.text)).collect();
    let within = |i: usize, span: Span| places[i].iter().any(|p| overlaps(*p, span));
    let mut used = vec![false; found.len()];
    let mut matched = vec![false; expected.len()];
    let mut pairs = Pairs::new();
    for (i, e) in expected.iter().enumerate() {
        let hit = (0..found.len())
            .find(|&j| !used[j] && within(i, found[j].span) && e.key.same(&found[j].key));
        if let Some(j) = hit {
            used[j] = true;
            matched[i] = true;
            pairs.push((i, j));
        }
    }
    let hits = matched.iter().filter(|m| **m).count();
    let spurious = found.len() - hits;
    let mut misses = Vec::new();
    // A miss and a wrong find in the same text are one mistake to read, though both are counted.
    let mut shown = used.clone();
    for (i, e) in expected.iter().enumerate().filter(|(i, _)| !matched[*i]) {
        let pair = (0..found.len()).find(|&j| !shown[j] && within(i, found[j].span));
        let miss = match pair {
            Some(j) => {
                shown[j] = true;
                Miss {
                    expected: Some(e.shown.clone()),
                    found: Some(found[j].shown.clone()),
                    at: Some(found[j].span),
                    note: None,
                }
            }
            None => Miss {
                expected: Some(e.shown.clone()),
                found: None,
                at: places[i].first().copied(),
                note: note_for(&places[i], context, e.text),
            },
        };
        misses.push(miss);
    }
    for (_, f) in found.iter().enumerate().filter(|(j, _)| !shown[*j]) {
        misses.push(Miss {
            expected: None,
            found: Some(f.shown.clone()),
            at: Some(f.span),
            note: None,
        });
    }
    let tally = Tally {
        correct: hits,
        total: expected.len() + spurious,
        hits,
        found: found.len(),
        labelled: expected.len(),
    };
    (tally, misses, pairs)
}

/// Of the labelled rates `score` paired with facts, those whose fact is named as the label names
/// it ([`rate_label_matches`]).
pub fn score_labels(expected: &[Expected], found: &[Found], pairs: &Pairs) -> (Tally, Vec<Miss>) {
    let mut tally = Tally::default();
    let mut misses = Vec::new();
    for &(i, j) in pairs {
        let (Some(want), Some(got)) = (expected[i].label, found[j].label.as_deref()) else {
            continue;
        };
        let right = rate_label_matches(want, got);
        tally.add(Tally::single(true, !bare_label(got).is_empty(), right));
        if !right {
            misses.push(Miss {
                expected: Some(bare_label(want)),
                found: Some(bare_label(got)),
                at: Some(found[j].span),
                note: None,
            });
        }
    }
    (tally, misses)
}

/// What the parser found in the labelled text instead, or that the text is not in the report.
fn note_for(places: &[Span], context: &[(Span, String)], text: &str) -> Option<String> {
    if places.is_empty() {
        return Some(format!("标注的 text「{text}」不在报告文本中"));
    }
    let there: Vec<&str> = context
        .iter()
        .filter(|(span, _)| places.iter().any(|p| overlaps(*p, *span)))
        .map(|(_, shown)| shown.as_str())
        .collect();
    (!there.is_empty()).then(|| format!("此处解析为：{}", there.join("；")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, at: &str, key: Key) -> Found {
        let start = text.find(at).unwrap();
        Found {
            span: Span::new(start, start + at.len()),
            key,
            shown: at.to_string(),
            label: None,
        }
    }

    #[test]
    fn a_rate_label_agrees_when_one_name_ends_the_other() {
        let text = "政务服务事项网上可办率达98%，做到了满意率100%。";
        let rate = |label: &'static str, at: &'static str, v: f64| Expected {
            text: at,
            key: Key::Rate(v),
            shown: label.into(),
            label: Some(label),
        };
        let expected = [
            rate("网上可办率(2024年)", "网上可办率达98%", 98.0),
            rate("满意率", "满意率100%", 100.0),
        ];
        let fact = |at: &str, label: &str, v: f64| Found {
            label: Some(label.into()),
            ..found(text, at, Key::Rate(v))
        };
        let found = [
            fact("98%", "政务服务事项网上可办率", 98.0),
            fact("100%", "做到了满意率", 100.0),
        ];
        let (_, _, pairs) = score(text, &expected, &found, &[]);
        let (t, misses) = score_labels(&expected, &found, &pairs);
        assert_eq!((t.correct, t.total), (2, 2), "{misses:?}");
        let found = [fact("98%", "事项", 98.0), fact("100%", "", 100.0)];
        let (_, _, pairs) = score(text, &expected, &found, &[]);
        let (t, misses) = score_labels(&expected, &found, &pairs);
        assert_eq!((t.correct, t.total, t.found), (0, 2, 1));
        assert_eq!(misses.len(), 2);
    }

    #[test]
    fn one_to_one_and_paired_misses() {
        let text = "见面率、办复率均达到100%，合格率为90%。";
        let expected = [
            Expected {
                text: "见面率、办复率均达到100%",
                key: Key::Rate(100.0),
                shown: "见面率 100%".into(),
                label: None,
            },
            Expected {
                text: "见面率、办复率均达到100%",
                key: Key::Rate(100.0),
                shown: "办复率 100%".into(),
                label: None,
            },
            Expected {
                text: "合格率为90%",
                key: Key::Rate(90.0),
                shown: "合格率 90%".into(),
                label: None,
            },
        ];
        // One fact for two labels sharing a span; the 90% read as 9.
        let f = [
            found(text, "100%", Key::Rate(100.0)),
            found(text, "90%", Key::Rate(9.0)),
        ];
        let (tally, misses, _) = score(text, &expected, &f, &[]);
        assert_eq!(
            (tally.correct, tally.total, tally.found, tally.labelled),
            (1, 4, 2, 3)
        );
        assert_eq!(misses.len(), 2, "{misses:?}");
        assert_eq!(misses[0].found, None);
        assert_eq!(misses[1].found.as_deref(), Some("90%"));
    }

    #[test]
    fn breakdowns_need_total_parts_in_any_order_and_relation() {
        let text = "共清理文件50件，废止5件、修改10件。";
        let at = "共清理文件50件，废止5件、修改10件";
        let subset = Key::breakdown(50.0, vec![5.0, 10.0], "subset");
        let label = |key: Key| Expected {
            text: at,
            shown: key.breakdown_shown(),
            key,
            label: None,
        };
        let found_as = |relation| {
            let mut f = found(text, at, Key::breakdown(50.0, vec![10.0, 5.0], relation));
            f.shown = f.key.breakdown_shown();
            [f]
        };
        let (tally, _, _) = score(text, &[label(subset.clone())], &found_as("subset"), &[]);
        assert_eq!((tally.correct, tally.total), (1, 1));
        // A subset taken for a partition could raise a false sum error: wrong, shown as one entry.
        let (tally, misses, _) = score(text, &[label(subset)], &found_as("partition"), &[]);
        assert_eq!((tally.correct, tally.total, tally.found), (0, 2, 1));
        assert_eq!(misses.len(), 1);
        assert_eq!(misses[0].expected.as_deref(), Some("50 ⊇ 5 + 10（subset）"));
        assert_eq!(misses[0].found.as_deref(), Some("50 = 5 + 10（partition）"));
    }
}
