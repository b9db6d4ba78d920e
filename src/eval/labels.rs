//! The label format of `labels.yaml` (docs/eval.md, docs/labels.schema.json): one item per report.
//!
//! A field left out of an item is not scored for that report; a field given as `null` says the
//! report does not show it, so finding nothing there is correct. `Option<Option<T>>` keeps the two
//! apart: outer `None` = absent, `Some(None)` = null.

use chrono::NaiveDate;
use schemars::gen::SchemaGenerator;
use schemars::schema::{InstanceType, Schema, SchemaObject};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

/// One labelled report.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// Unique in the corpus.
    pub id: String,
    /// The report, relative to the folder of labels.yaml; default `reports/<id>.txt`. Any format
    /// fzcheck reads.
    #[serde(default)]
    pub file: Option<String>,
    #[serde(default)]
    pub kind: Option<LabelKind>,
    /// The title exactly as it appears in the text (may include a line break), or null.
    #[serde(default, deserialize_with = "present")]
    #[schemars(with = "Option<String>")]
    pub title: Option<Option<String>>,
    /// The body the document speaks for, or null.
    #[serde(default, deserialize_with = "present")]
    #[schemars(with = "Option<String>")]
    pub issuer: Option<Option<String>>,
    /// The year reported on, or null.
    #[serde(default, deserialize_with = "present")]
    #[schemars(with = "Option<i32>")]
    pub report_year: Option<Option<i32>>,
    /// The page's publication date shown in the text (`YYYY-MM-DD`), or null.
    #[serde(default, deserialize_with = "present")]
    #[schemars(schema_with = "nullable_date")]
    pub published: Option<Option<NaiveDate>>,
    /// The document's own date (成文日期, 落款), or null.
    #[serde(default, deserialize_with = "present")]
    #[schemars(schema_with = "nullable_date")]
    pub issued: Option<Option<NaiveDate>>,
    /// True when the text is marked 讨论稿, 征求意见稿, 送审稿….
    #[serde(default)]
    pub draft: Option<bool>,
    /// Every percentage that is a rate or share.
    #[serde(default)]
    pub rates: Option<Vec<RateLabel>>,
    /// Every percentage that is a change.
    #[serde(default)]
    pub changes: Option<Vec<ChangeLabel>>,
    /// Totals with their parts.
    #[serde(default)]
    pub breakdowns: Option<Vec<BreakdownLabel>>,
    /// Expected verdicts by rule id.
    #[serde(default)]
    pub verdicts: Option<BTreeMap<String, ExpectedStatus>>,
    #[serde(default)]
    pub notes: Option<String>,
}

impl Label {
    /// The report's path relative to the corpus folder.
    pub fn file(&self) -> String {
        self.file
            .clone()
            .unwrap_or_else(|| format!("reports/{}.txt", self.id))
    }
}

/// A present key, even when its value is null.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

fn nullable_date(_: &mut SchemaGenerator) -> Schema {
    SchemaObject {
        instance_type: Some(vec![InstanceType::String, InstanceType::Null].into()),
        format: Some("date".into()),
        ..Default::default()
    }
    .into()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LabelKind {
    AnnualReport,
    CaseStudy,
    News,
    Plan,
    /// Any other document; matches a found `other`, `news` or `plan`.
    Other,
}

impl LabelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LabelKind::AnnualReport => "annual_report",
            LabelKind::CaseStudy => "case_study",
            LabelKind::News => "news",
            LabelKind::Plan => "plan",
            LabelKind::Other => "other",
        }
    }
}

/// A rate or share: `{label: 出庭应诉率, value: 100, text: 出庭应诉率达100%}`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RateLabel {
    /// What the rate measures, as a reader names it (not compared).
    pub label: String,
    /// The number of percent.
    pub value: f64,
    /// A verbatim span of the report containing the number.
    pub text: String,
}

/// A change: `{text: 同比下降21.9%, value: 21.9, unit: "%", direction: down}`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeLabel {
    pub text: String,
    /// The size of the change, without sign.
    pub value: f64,
    pub unit: ChangeUnit,
    pub direction: Direction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum ChangeUnit {
    #[serde(rename = "%")]
    Percent,
    #[serde(rename = "个百分点")]
    Points,
}

impl ChangeUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeUnit::Percent => "%",
            ChangeUnit::Points => "个百分点",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// A total with its parts: `{text: …, total: 210, parts: [12, 30], relation: subset}`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BreakdownLabel {
    pub text: String,
    pub total: f64,
    pub parts: Vec<f64>,
    pub relation: Relation,
}

/// `partition`: the parts add up to the total by the text's own claim; `subset`: some categories
/// may be left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Partition,
    Subset,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Partition => "partition",
            Relation::Subset => "subset",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExpectedStatus {
    Pass,
    Fail,
    NotApplicable,
}

impl ExpectedStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ExpectedStatus::Pass => "pass",
            ExpectedStatus::Fail => "fail",
            ExpectedStatus::NotApplicable => "not_applicable",
        }
    }
}

/// The whole of labels.yaml: a list, one item per report.
pub type LabelsFile = Vec<Label>;
