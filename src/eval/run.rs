//! Score every labelled report of some corpora: read and parse each once, compare what the parser
//! (and, where verdicts are labelled, the rules) found with the labels.

use super::compare::{find_all, issuer_matches, kind_matches, title_matches};
use super::corpus::Corpus;
use super::error::EvalError;
use super::items::{self, Expected, Found};
use super::labels::{Label, LabelKind};
use super::score::{Evaluation, Mismatch, Tally, FIELDS};
use crate::engine;
use crate::ingest::{self, IngestOptions};
use crate::pack::RuleSet;
use crate::report::{self, DocKind, FactKind, Located, Report, Span};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;

/// Score `corpora` against the parser and, for labelled verdicts, `rules` (only the labelled rules
/// run; verdicts of a pack that is not in `rules` are listed as unscored). Reports are read and
/// parsed once each, in parallel; results keep corpus order.
pub fn evaluate(
    corpora: &[Corpus],
    rules: Option<&RuleSet>,
    opts: &IngestOptions,
) -> Result<Evaluation, EvalError> {
    let mut unscored = BTreeSet::new();
    for corpus in corpora {
        check_rule_ids(corpus, rules, &mut unscored)?;
    }
    let jobs: Vec<(&Corpus, usize)> = corpora
        .iter()
        .flat_map(|c| (0..c.labels.len()).map(move |i| (c, i)))
        .collect();
    let outcomes: Vec<Result<Outcome, EvalError>> = jobs
        .par_iter()
        .map(|&(corpus, i)| score_report(corpus, i, rules, opts))
        .collect();
    let mut fields: Vec<(String, Tally)> = FIELDS
        .iter()
        .map(|f| (f.to_string(), Tally::default()))
        .collect();
    let mut by_rule: BTreeMap<String, Tally> = BTreeMap::new();
    let mut mismatches = Vec::new();
    for outcome in outcomes {
        let outcome = outcome?;
        for (field, tally) in outcome.tallies {
            match fields.iter_mut().find(|(f, _)| *f == field) {
                Some((_, t)) => t.add(tally),
                None => by_rule.entry(field).or_default().add(tally),
            }
        }
        mismatches.extend(outcome.mismatches);
    }
    fields.extend(by_rule);
    Ok(Evaluation {
        reports: jobs.len(),
        fields,
        mismatches,
        unscored_rules: unscored.into_iter().collect(),
    })
}

/// A rule id of a loaded pack that the pack lacks is a typo: an error at its place. Rules of packs
/// not loaded are set aside as unscored.
fn check_rule_ids(
    corpus: &Corpus,
    rules: Option<&RuleSet>,
    unscored: &mut BTreeSet<String>,
) -> Result<(), EvalError> {
    let packs: BTreeSet<&str> = rules
        .map(|r| r.rules().iter().map(|r| r.info.pack.as_str()).collect())
        .unwrap_or_default();
    for (i, label) in corpus.labels.iter().enumerate() {
        for id in label.verdicts.iter().flat_map(|v| v.keys()) {
            if rules.is_some_and(|r| r.get(id).is_some()) {
                continue;
            }
            let pack = id.split_once('/').map_or(id.as_str(), |(p, _)| p);
            if !packs.contains(pack) {
                unscored.insert(id.clone());
                continue;
            }
            let ids = rules.into_iter().flat_map(|r| r.ids());
            let hint = crate::dsl::suggest(id, ids)
                .map(|s| format!("；是不是 {s}？"))
                .unwrap_or_default();
            let msg =
                format!("规则包 {pack} 中没有规则 `{id}`{hint}（fzcheck rules 列出全部规则）");
            return Err(corpus.error(i, (&format!("verdicts.{id}"), true), msg, "没有这条规则"));
        }
    }
    Ok(())
}

/// What one report contributes: counts per field and its mismatches.
struct Outcome {
    tallies: Vec<(String, Tally)>,
    mismatches: Vec<Mismatch>,
}

/// One report with its label, collecting counts and mismatches.
struct Scorer<'a> {
    corpus: &'a Corpus,
    item: usize,
    label: &'a Label,
    report: &'a Report,
    file: String,
    out: Outcome,
}

/// A single-valued comparison, shown as text.
struct Single {
    expected: Option<String>,
    found: Option<String>,
    /// Whether the label, and the find, are non-null (for draft: true).
    positive: (bool, bool),
    correct: bool,
    at: Option<Span>,
    note: Option<String>,
}

fn score_report(
    corpus: &Corpus,
    item: usize,
    rules: Option<&RuleSet>,
    opts: &IngestOptions,
) -> Result<Outcome, EvalError> {
    let label = &corpus.labels[item];
    let path = corpus.report_path(label);
    let file = path.display().to_string();
    let source = ingest::read_path(&path, opts).map_err(|source| EvalError::Report {
        file: file.clone(),
        id: label.id.clone(),
        labels: format!("{}:{}", corpus.labels_name, corpus.line_of(item, "")),
        source: Box::new(source),
    })?;
    let report = report::parse(source);
    let mut s = Scorer {
        corpus,
        item,
        label,
        report: &report,
        file,
        out: Outcome {
            tallies: Vec::new(),
            mismatches: Vec::new(),
        },
    };
    s.metadata();
    s.lists();
    if let Some(rules) = rules {
        s.verdicts(rules);
    }
    Ok(s.out)
}

fn shown<T: Display>(v: &Option<T>) -> Option<String> {
    v.as_ref().map(ToString::to_string)
}

impl Scorer<'_> {
    fn metadata(&mut self) {
        let (label, meta) = (self.label, &self.report.meta);
        if let Some(kind) = label.kind {
            let found = meta.kind.as_str();
            self.single(
                "kind",
                Single {
                    expected: Some(kind.as_str().into()),
                    found: Some(found.into()),
                    // The class rules apply to is the positive one.
                    positive: (
                        kind == LabelKind::AnnualReport,
                        meta.kind == DocKind::AnnualReport,
                    ),
                    correct: kind_matches(kind, found),
                    at: meta.title.as_ref().map(|t| t.span),
                    note: Some(meta.kind_reason.clone()).filter(|r| !r.is_empty()),
                },
            );
        }
        if let Some(title) = &label.title {
            let s = self.text_field(title, &meta.title, title_matches);
            self.single("title", s);
        }
        if let Some(issuer) = &label.issuer {
            let s = self.text_field(issuer, &meta.issuer, issuer_matches);
            self.single("issuer", s);
        }
        if let Some(year) = label.report_year {
            self.single("report_year", equal(year, &meta.report_year));
        }
        if let Some(date) = label.published {
            self.single("published", equal(date, &meta.published));
        }
        if let Some(date) = label.issued {
            self.single("issued", equal(date, &meta.issued));
        }
        if let Some(draft) = label.draft {
            let found = meta.draft.as_ref();
            self.single(
                "draft",
                Single {
                    expected: Some(draft.to_string()),
                    found: Some(found.is_some().to_string()),
                    positive: (draft, found.is_some()),
                    correct: draft == found.is_some(),
                    at: found.map(|d| d.span),
                    note: found.map(|d| format!("标记：{}", d.value)),
                },
            );
        }
    }

    /// A text field compared with `same`; a label the parser missed is located in the text.
    fn text_field(
        &self,
        expected: &Option<String>,
        found: &Option<Located<String>>,
        same: fn(&str, &str) -> bool,
    ) -> Single {
        let correct = match (expected, found) {
            (None, None) => true,
            (Some(e), Some(f)) => same(e, &f.value),
            _ => false,
        };
        let at = found.as_ref().map(|f| f.span).or_else(|| {
            let e = expected.as_deref()?;
            find_all(self.report.text(), e).first().copied()
        });
        Single {
            expected: expected.clone(),
            found: found.as_ref().map(|f| f.value.clone()),
            positive: (expected.is_some(), found.is_some()),
            correct,
            at,
            note: None,
        }
    }

    fn single(&mut self, field: &str, s: Single) {
        let tally = Tally::single(s.positive.0, s.positive.1, s.correct);
        self.out.tallies.push((field.to_string(), tally));
        if !s.correct {
            self.mismatch(field, s.at, s.expected, s.found, s.note);
        }
    }

    fn mismatch(
        &mut self,
        field: &str,
        at: Option<Span>,
        expected: Option<String>,
        found: Option<String>,
        note: Option<String>,
    ) {
        let label_field = if FIELDS.contains(&field) {
            field.to_string()
        } else {
            format!("verdicts.{field}")
        };
        self.out.mismatches.push(Mismatch {
            field: field.to_string(),
            id: self.label.id.clone(),
            file: self.file.clone(),
            line: at.map(|s| self.report.position(s.start).line),
            labels: format!(
                "{}:{}",
                self.corpus.labels_name,
                self.corpus.line_of(self.item, &label_field)
            ),
            expected,
            found,
            note,
        });
    }

    fn lists(&mut self) {
        let report = self.report;
        let context: Vec<(Span, String)> = report
            .facts
            .iter()
            .map(|f| (f.span, Found::fact(f).shown))
            .collect();
        let of_kind = |k: FactKind| -> Vec<Found> {
            report
                .facts
                .iter()
                // The labels' changes are percentages (同比下降21.9%, 提高2个百分点); a change in a
                // count (比上年减少37项) is a fact the labels leave out, so it is not scored.
                .filter(|f| {
                    f.kind == k && (k != FactKind::Change || matches!(f.unit, "%" | "个百分点"))
                })
                .map(Found::fact)
                .collect()
        };
        if let Some(rates) = &self.label.rates {
            let expected: Vec<Expected> = rates.iter().map(Expected::rate).collect();
            let found = of_kind(FactKind::Rate);
            let pairs = self.list("rates", &expected, &found, &context);
            let (tally, misses) = items::score_labels(&expected, &found, &pairs);
            self.record("rate_labels", tally, misses);
        }
        if let Some(changes) = &self.label.changes {
            let expected: Vec<Expected> = changes.iter().map(Expected::change).collect();
            self.list("changes", &expected, &of_kind(FactKind::Change), &context);
        }
        if let Some(breakdowns) = &self.label.breakdowns {
            let expected: Vec<Expected> = breakdowns.iter().map(Expected::breakdown).collect();
            let found: Vec<Found> = report
                .breakdowns
                .iter()
                .map(|b| Found::breakdown(report, b))
                .collect();
            self.list("breakdowns", &expected, &found, &context);
        }
    }

    fn list(
        &mut self,
        field: &str,
        expected: &[Expected],
        found: &[Found],
        context: &[(Span, String)],
    ) -> items::Pairs {
        let (tally, misses, pairs) = items::score(self.report.text(), expected, found, context);
        self.record(field, tally, misses);
        pairs
    }

    fn record(&mut self, field: &str, tally: Tally, misses: Vec<items::Miss>) {
        self.out.tallies.push((field.to_string(), tally));
        for m in misses {
            self.mismatch(field, m.at, m.expected, m.found, m.note);
        }
    }

    /// Run only the rules whose verdicts are labelled.
    fn verdicts(&mut self, rules: &RuleSet) {
        let Some(verdicts) = &self.label.verdicts else {
            return;
        };
        for (id, want) in verdicts {
            let Some(rule) = rules.get(id) else { continue };
            let got = engine::check_rule(self.report, rule);
            let found = got.status.as_str();
            let correct = found == want.as_str();
            let positive = (want.as_str() == "fail", got.status == engine::Status::Fail);
            self.out
                .tallies
                .push((id.clone(), Tally::single(positive.0, positive.1, correct)));
            if !correct {
                let at = got.evidence.first().map(|e| e.span);
                let note = [got.message.as_str(), got.reason.as_deref().unwrap_or("")]
                    .into_iter()
                    .find(|s| !s.is_empty())
                    .map(str::to_string);
                self.mismatch(id, at, Some(want.as_str().into()), Some(found.into()), note);
            }
        }
    }
}

/// A labelled value compared for equality with a located find.
fn equal<T: PartialEq + Display>(expected: Option<T>, found: &Option<Located<T>>) -> Single {
    let value = found.as_ref().map(|f| &f.value);
    Single {
        correct: expected.as_ref() == value,
        positive: (expected.is_some(), found.is_some()),
        expected: shown(&expected),
        found: value.map(ToString::to_string),
        at: found.as_ref().map(|f| f.span),
        note: None,
    }
}
