//! Dictionary files as written (rules/dict/*.yaml); the JSON Schema rules/dict.schema.json is
//! generated from these types.

use crate::pack::OneOrMany;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A dictionary file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DictFile {
    /// Stable id, e.g. `typos`; unique among the dictionaries loaded.
    pub dictionary: String,
    pub title: String,
    pub kind: DictKind,
    #[serde(default)]
    pub description: Option<String>,
    /// Source id → full citation; every entry names one of these ids.
    pub sources: BTreeMap<String, String>,
    pub entries: Vec<EntrySpec>,
}

/// What a dictionary's entries are: `typo` entries feed `typos()`, `formulation` entries
/// `formulations()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DictKind {
    Typo,
    Formulation,
}

/// One entry: a right form and the wrong forms that stand for it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntrySpec {
    /// The right (canonical) form.
    pub right: String,
    /// Wrong forms, each reported wherever it occurs outside an exception.
    #[serde(default)]
    pub wrong: Option<OneOrMany>,
    /// Source id (a key of `sources`).
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
    /// Longer strings containing a wrong form in which it is correct (截止日期, 自己完成).
    #[serde(default)]
    pub except: Vec<String>,
    /// Formulations: year the canonical form took effect.
    #[serde(default)]
    pub since: Option<i32>,
    /// Formulations: forms the canonical one replaced in `since`; reported in reports on later
    /// years.
    #[serde(default)]
    pub outdated: Vec<String>,
    /// Formulations: date a meeting was held; a report cannot cite it if it was held after the
    /// report had to be published (the first quarter of the next year).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub held: Option<NaiveDate>,
    /// Formulations: a prefix of `right` after which the text must go on as `right` (or one of
    /// `also`); anything else is a truncated or altered formulation.
    #[serde(default)]
    pub anchor: Option<String>,
    /// Other correct forms starting with `anchor`.
    #[serde(default)]
    pub also: Vec<String>,
    /// Formulations: `right` is a fixed series joined by `、`; every other order is wrong.
    #[serde(default)]
    pub reorder: bool,
    /// Year of the report the `fire` and `pass` sentences are checked as (outdated forms and
    /// late meetings depend on it).
    #[serde(default)]
    pub year: Option<i32>,
    /// Sentences in which the entry must fire (its own tests).
    #[serde(default)]
    pub fire: Vec<String>,
    /// Sentences in which it must not fire (idioms, near-misses, legitimate uses).
    #[serde(default)]
    pub pass: Vec<String>,
}
