//! The YAML pack format as serde reads it (docs/rules.md). `deny_unknown_fields` everywhere, so a
//! misspelt key is an error at load, not a silently ignored rule. The JSON Schema in
//! rules/schema.json is generated from these types.

use super::Severity;
use crate::report::DocKind;
use schemars::gen::SchemaGenerator;
use schemars::schema::{InstanceType, Schema, SchemaObject, SingleOrVec};
use schemars::JsonSchema;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::fmt;

/// A rule pack file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// Pack id, the prefix of every rule id (`content` → `content/…`).
    pub pack: String,
    pub title: String,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// Legal or normative basis of the whole pack.
    #[serde(default)]
    pub basis: Option<OneOrMany>,
    /// Values rules read as `params.NAME`; a configuration may override them.
    #[serde(default)]
    pub params: BTreeMap<String, ParamSpec>,
    pub rules: Vec<RuleSpec>,
}

/// One rule.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Stable id `PACK/kebab-case-name`; never renamed.
    pub id: String,
    pub title: String,
    pub severity: Severity,
    #[serde(default)]
    pub basis: Option<OneOrMany>,
    /// Document kinds the rule applies to; all kinds when absent.
    #[serde(default)]
    pub applies_to: Option<Vec<KindSpec>>,
    /// A bool expression; false or missing makes the rule not applicable.
    #[serde(default)]
    pub when: Option<String>,
    /// Why the rule does not apply when `when` does not hold, in words for the reader, with
    /// `{expr}` placeholders; defaults to the `when` expression itself. A list gives one reason
    /// per `and`-part of `when`, in order: the first part that does not hold gives the reason.
    #[serde(default)]
    pub not_applicable: Option<OneOrMany>,
    /// The check asks that something be stated. A text that breaks off (`meta.broken_off`) may
    /// have lost it, so there a failing check is not applicable, saying where the text stops.
    #[serde(default)]
    pub presence: bool,
    /// Named values, in order; each may use the ones before it.
    #[serde(default, rename = "let")]
    pub lets: LetSpec,
    /// The bool expression that must hold.
    pub check: String,
    /// Shown on failure, with `{expr}` placeholders; defaults to the title.
    #[serde(default)]
    pub message: Option<String>,
    /// Shown instead of `message` when the check is unknown because a value is missing.
    #[serde(default)]
    pub missing: Option<String>,
    /// How to fix it, with `{expr}` placeholders.
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// Document kinds, as `meta.kind` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum KindSpec {
    AnnualReport,
    CaseStudy,
    News,
    Plan,
    Other,
}

impl From<KindSpec> for DocKind {
    fn from(k: KindSpec) -> Self {
        match k {
            KindSpec::AnnualReport => DocKind::AnnualReport,
            KindSpec::CaseStudy => DocKind::CaseStudy,
            KindSpec::News => DocKind::News,
            KindSpec::Plan => DocKind::Plan,
            KindSpec::Other => DocKind::Other,
        }
    }
}

/// A string or a list of strings.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn into_vec(this: Option<Self>) -> Vec<String> {
        match this {
            Some(OneOrMany::One(s)) => vec![s],
            Some(OneOrMany::Many(v)) => v,
            None => Vec::new(),
        }
    }
}

/// A parameter value: a number, a bool, a list, or a string. A string that is a literal of the
/// rule language (`100%`, `2024-04-01`, `/regex/`, `"text"`) takes that literal's value and type.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct ParamSpec(pub serde_yaml::Value);

impl JsonSchema for ParamSpec {
    fn schema_name() -> String {
        "ParamSpec".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let types = [
            InstanceType::Number,
            InstanceType::String,
            InstanceType::Boolean,
            InstanceType::Array,
        ];
        Schema::Object(SchemaObject {
            instance_type: Some(SingleOrVec::Vec(types.to_vec())),
            ..SchemaObject::default()
        })
    }
}

/// `let:` — a mapping from names to expressions whose order matters, so not a map type.
#[derive(Debug, Clone, Default)]
pub struct LetSpec(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for LetSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Ordered;
        impl<'de> Visitor<'de> for Ordered {
            type Value = LetSpec;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping of names to expressions")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LetSpec, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    out.push((k, v));
                }
                Ok(LetSpec(out))
            }
        }
        d.deserialize_map(Ordered)
    }
}

impl JsonSchema for LetSpec {
    fn schema_name() -> String {
        "LetSpec".into()
    }

    fn json_schema(gen: &mut SchemaGenerator) -> Schema {
        <BTreeMap<String, String>>::json_schema(gen)
    }
}
