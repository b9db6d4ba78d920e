//! Compiled packs and rules: everything checked and compiled at load, ready to evaluate.

use crate::dsl::{Expr, Template};
use crate::engine::RuleInfo;
use crate::report::DocKind;
use std::collections::HashMap;
use std::sync::Arc;

/// A checked rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub info: Arc<RuleInfo>,
    /// Document kinds the rule applies to; `None` = all.
    pub(crate) applies_to: Option<Vec<DocKind>>,
    pub(crate) when: Option<Expr>,
    /// Why the rule does not apply when `when` does not hold: one reason, or one per `and`-part.
    pub(crate) not_applicable: Vec<Template>,
    /// The check asks that something be stated (see `RuleSpec::presence`).
    pub(crate) presence: bool,
    /// `let` values in order; value `i` takes evaluation slot `i`.
    pub(crate) lets: Vec<Expr>,
    pub(crate) check: Expr,
    pub(crate) message: Template,
    pub(crate) missing: Option<Template>,
    pub(crate) hint: Template,
    /// The pack's parameter values (after configuration), shared by its rules.
    pub(crate) params: Arc<[Expr]>,
    /// Switched off by configuration, with the reason.
    pub(crate) skip: Option<String>,
    /// The built-in and the configuration's dictionaries; `None`: the built-in ones alone.
    pub(crate) dicts: Option<Arc<crate::dict::Dicts>>,
}

impl Rule {
    pub fn id(&self) -> &str {
        &self.info.id
    }

    /// The reason the configuration gave for switching the rule off.
    pub fn skipped(&self) -> Option<&str> {
        self.skip.as_deref()
    }

    pub fn applies_to(&self, kind: DocKind) -> bool {
        self.applies_to.as_ref().is_none_or(|k| k.contains(&kind))
    }

    /// The check in canonical form.
    pub fn check_text(&self) -> String {
        self.check.to_string()
    }
}

/// A compiled pack.
#[derive(Debug, Clone)]
pub struct Pack {
    pub id: String,
    pub title: String,
    pub version: Option<String>,
    pub description: Option<String>,
    pub basis: Vec<String>,
    /// Parameter names, in the order of the values rules read.
    pub param_names: Vec<String>,
    pub rules: Vec<Rule>,
}

/// The rules in use: every loaded pack's rules, tailored by the configuration.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    by_id: HashMap<String, usize>,
}

impl RuleSet {
    pub fn new(rules: Vec<Rule>) -> Self {
        let by_id = rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.info.id.clone(), i))
            .collect();
        RuleSet { rules, by_id }
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rule infos, in rule order, for outputs.
    pub fn infos(&self) -> Vec<Arc<RuleInfo>> {
        self.rules.iter().map(|r| r.info.clone()).collect()
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.by_id.get(id).map(|&i| &self.rules[i])
    }

    pub(crate) fn rules_mut(&mut self) -> &mut [Rule] {
        &mut self.rules
    }

    pub(crate) fn get_mut(&mut self, id: &str) -> Option<&mut Rule> {
        self.by_id.get(id).map(|&i| &mut self.rules[i])
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.info.id.as_str())
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}
