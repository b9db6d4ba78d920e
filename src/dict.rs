//! Dictionaries as data: typo/misuse entries and political formulations, each entry with its
//! source and its own tests, compiled into one Aho-Corasick automaton per dictionary.
//!
//! Built-in dictionaries come from rules/dict/*.yaml; a configuration adds its own
//! (`dictionaries: [./本地词表.yaml]`). Rules read them through `typos()` and `formulations()`.

mod automaton;
pub mod builtin;
mod compile;
mod scan;
mod spec;

pub use compile::{Dictionary, Entry};
pub use scan::{Hit, HitKind};
pub use spec::{DictFile, DictKind, EntrySpec};

use crate::pack::{LoadError, PackError, YamlSource};
use crate::report::{NormText, Report, Span};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// The dictionaries in use.
#[derive(Debug, Default)]
pub struct Dicts {
    pub dicts: Vec<Dictionary>,
    /// Unique in the process: names this set's scans in a report's memo.
    id: u64,
}

impl Dicts {
    /// The built-in dictionaries, compiled once per run.
    pub fn builtin() -> Result<Arc<Dicts>, LoadError> {
        builtin_cell().clone().map_err(LoadError::from)
    }

    /// The same, borrowed for the whole run.
    pub fn builtin_ref() -> Result<&'static Dicts, LoadError> {
        match builtin_cell() {
            Ok(d) => Ok(d),
            Err(e) => Err(e.clone().into()),
        }
    }

    /// The built-in dictionaries and the user's, read from `paths` (relative to their `dir`).
    pub fn with_user<P: AsRef<Path>>(paths: &[(String, P)]) -> Result<Arc<Dicts>, LoadError> {
        let builtin = Dicts::builtin()?;
        if paths.is_empty() {
            return Ok(builtin);
        }
        let mut dicts: Vec<Dictionary> = Vec::new();
        for (name, text) in builtin::BUILTIN {
            dicts.push(Dictionary::builtin(name, text)?);
        }
        for (name, dir) in paths {
            let path = dir.as_ref().join(name);
            let text = std::fs::read_to_string(&path).map_err(|source| LoadError::Io {
                path: path.display().to_string(),
                source,
            })?;
            let dict = Dictionary::parse(&YamlSource::new(path.display().to_string(), text))?;
            if let Some(first) = dicts.iter().find(|d| d.id == dict.id) {
                return Err(LoadError::DuplicateDictionary {
                    id: dict.id,
                    first: first.file.clone(),
                    second: path.display().to_string(),
                });
            }
            dicts.push(dict);
        }
        Ok(Arc::new(Dicts::new(dicts)))
    }

    fn new(dicts: Vec<Dictionary>) -> Dicts {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Dicts {
            dicts,
            id: NEXT.fetch_add(1, Ordering::Relaxed),
        }
    }

    pub fn get(&self, id: &str) -> Option<&Dictionary> {
        self.dicts.iter().find(|d| d.id == id)
    }

    /// [`Dicts::scan`] of a report's body, done once per report for every rule that asks.
    pub fn scan_body<'d>(&'d self, kind: DictKind, report: &Report) -> Vec<Hit<'d>> {
        let range = report.norm.from_source(report.body);
        let year = report.meta.report_year.as_ref().map(|y| y.value);
        let key = self.id * 2 + u64::from(kind == DictKind::Formulation);
        let found = report.derived.memo.get(key, || {
            let text = &report.norm.text[range.clone()];
            self.scan(kind, text, year)
                .into_iter()
                .map(|h| {
                    let d = self.dicts.iter().position(|d| std::ptr::eq(d, h.dict));
                    (h.range, h.kind, d.unwrap_or(0), h.entry.index)
                })
                .collect::<Vec<_>>()
        });
        found
            .iter()
            .map(|(r, kind, d, e)| {
                let dict = &self.dicts[*d];
                Hit {
                    range: range.start + r.start..range.start + r.end,
                    kind: *kind,
                    entry: &dict.entries[*e],
                    dict,
                }
            })
            .collect()
    }

    /// Hits of every dictionary of `kind` in `text`, in text order.
    pub fn scan(&self, kind: DictKind, text: &str, year: Option<i32>) -> Vec<Hit<'_>> {
        let mut hits: Vec<Hit<'_>> = self
            .dicts
            .iter()
            .filter(|d| d.kind == kind)
            .flat_map(|d| d.scan(text, year))
            .collect();
        hits.sort_by_key(|h| h.range.start);
        hits
    }
}

/// The JSON Schema of dictionary files, as committed in rules/dict.schema.json.
pub fn schema() -> String {
    crate::pack::pretty(schemars::schema_for!(DictFile))
}

fn builtin_cell() -> &'static Result<Arc<Dicts>, PackError> {
    static BUILTIN: OnceLock<Result<Arc<Dicts>, PackError>> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        let dicts = builtin::BUILTIN
            .iter()
            .map(|(name, text)| Dictionary::builtin(name, text))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Arc::new(Dicts::new(dicts)))
    })
}

/// Plant a typo for a mutation test: the first place in `text` where a built-in typo entry's
/// right form can be replaced by its wrong form so that the dictionary detects it. Returns the
/// new text and the span of the planted wrong form in it.
pub fn plant_typo(text: &str) -> Option<(String, Span)> {
    let dicts = Dicts::builtin().ok()?;
    let dict = dicts.dicts.iter().find(|d| d.kind == DictKind::Typo)?;
    plant(text, dict, None, |e| {
        e.wrong.first().map(|w| (e.right.as_str(), w.as_str()))
    })
}

/// Plant a broken formulation for a mutation test: a formulation with an anchor, cut short by
/// dropping its last two characters (习近平新时代中国特色社会主义思想 → …社会主义). Returns the new
/// text and the span of the truncated formulation in it.
pub fn plant_formulation_error(text: &str) -> Option<(String, Span)> {
    let dicts = Dicts::builtin().ok()?;
    let dict = dicts
        .dicts
        .iter()
        .find(|d| d.kind == DictKind::Formulation)?;
    plant(text, dict, None, |e| {
        e.anchor.as_ref()?;
        let keep = e.right.char_indices().rev().nth(1)?.0;
        Some((e.right.as_str(), &e.right[..keep]))
    })
}

/// Replace the earliest occurrence of some entry's `from` by its `to` where the dictionary then
/// reports a hit of that entry at that place.
fn plant<'d>(
    text: &str,
    dict: &'d Dictionary,
    year: Option<i32>,
    swap: impl Fn(&'d Entry) -> Option<(&'d str, &'d str)>,
) -> Option<(String, Span)> {
    let norm = NormText::new(text);
    let mut candidates: Vec<(usize, &Entry, &str, &str)> = Vec::new();
    for e in &dict.entries {
        if let Some((from, to)) = swap(e) {
            for (at, _) in norm.text.match_indices(from) {
                candidates.push((at, e, from, to));
            }
        }
    }
    candidates.sort_by_key(|c| (c.0, std::cmp::Reverse(c.2.len())));
    candidates.into_iter().find_map(|(at, e, from, to)| {
        let span = norm.to_source(at..at + from.len());
        let planted = format!("{}{to}{}", &text[..span.start], &text[span.end..]);
        let new_span = Span::new(span.start, span.start + to.len());
        let again = NormText::new(&planted);
        let found = dict.scan(&again.text, year).into_iter().any(|h| {
            let at = again.to_source(h.range);
            std::ptr::eq(h.entry, e) && at.start <= new_span.start && new_span.start < at.end
        });
        found.then_some((planted, new_span))
    })
}
