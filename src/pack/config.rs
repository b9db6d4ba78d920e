//! Local tailoring, like XCCDF profiles or Vale configs: which packs to load, parameter values,
//! severities, and rules switched off with a reason.
//!
//! ```yaml
//! extends: [../shared/fzcheck.yaml]   # other configurations, applied first
//! packs: [content, metrics, ./local-pack.yaml]
//! params:
//!   metrics:
//!     appearance_target: 95%
//! dictionaries: [./本地词表.yaml]      # added to the built-in dictionaries (rules/dict)
//! rules:
//!   format/no-draft-marker:
//!     severity: warning
//!   content/next-year-plan:
//!     disabled: 本区年度报告模板不含下一年度工作安排
//! ```

use super::error::{LoadError, YamlSource};
use super::spec::ParamSpec;
use super::Severity;
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A configuration file as written.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Configuration files applied before this one (paths relative to this file).
    #[serde(default)]
    pub extends: Vec<String>,
    /// Built-in pack names or pack files (relative to this file); default: every built-in pack.
    #[serde(default)]
    pub packs: Vec<String>,
    /// Parameter overrides: pack id → parameter → value.
    #[serde(default)]
    pub params: BTreeMap<String, BTreeMap<String, ParamSpec>>,
    /// Per-rule tailoring, by rule id.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleOverride>,
    /// Dictionary files (relative to this file) used with the built-in ones by `typos()` and
    /// `formulations()`; see rules/dict.schema.json.
    #[serde(default)]
    pub dictionaries: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleOverride {
    #[serde(default)]
    pub severity: Option<Severity>,
    /// Switch the rule off; the reason is shown in its `skipped` verdict.
    #[serde(default)]
    pub disabled: Option<String>,
}

/// A tailoring, merged over `extends`; each entry remembers the file that set it.
#[derive(Default)]
pub struct Config {
    pub(crate) sources: Vec<Arc<YamlSource>>,
    /// Pack sources with the directory relative paths are resolved from.
    pub(crate) packs: Vec<(String, PathBuf)>,
    pub(crate) params: Vec<Entry<(String, String, ParamSpec)>>,
    pub(crate) rules: Vec<Entry<(String, RuleOverride)>>,
    /// User dictionary files with the directory they are resolved from, from every file merged.
    pub(crate) dictionaries: Vec<(String, PathBuf)>,
}

/// A setting and where it was written (source index, YAML path).
pub(crate) struct Entry<T> {
    pub value: T,
    pub source: usize,
    pub path: String,
}

/// Deepest chain of `extends`.
const MAX_EXTENDS: usize = 16;

impl Config {
    pub fn from_path(path: impl AsRef<Path>) -> Result<Config, LoadError> {
        let mut config = Config::default();
        config.extend_from(path.as_ref(), 0)?;
        Ok(config)
    }

    /// A configuration from text; relative paths are resolved from `dir`.
    pub fn from_yaml(name: &str, text: &str, dir: &Path) -> Result<Config, LoadError> {
        let mut config = Config::default();
        config.merge(YamlSource::new(name, text), dir, 0)?;
        Ok(config)
    }

    fn extend_from(&mut self, path: &Path, depth: usize) -> Result<(), LoadError> {
        if depth > MAX_EXTENDS {
            return Err(LoadError::ExtendsCycle(path.display().to_string()));
        }
        let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
            path: path.display().to_string(),
            source,
        })?;
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        self.merge(
            YamlSource::new(path.display().to_string(), text),
            &dir,
            depth,
        )
    }

    fn merge(&mut self, src: YamlSource, dir: &Path, depth: usize) -> Result<(), LoadError> {
        let file: ConfigFile = serde_yaml::from_str(&src.text).map_err(|e| src.serde_error(&e))?;
        for base in &file.extends {
            self.extend_from(&dir.join(base), depth + 1)?;
        }
        let source = self.sources.len();
        self.sources.push(Arc::new(src));
        if !file.packs.is_empty() {
            self.packs = file
                .packs
                .into_iter()
                .map(|p| (p, dir.to_path_buf()))
                .collect();
        }
        for (pack, values) in file.params {
            for (name, value) in values {
                let path = format!("params.{pack}.{name}");
                self.params.push(Entry {
                    value: (pack.clone(), name, value),
                    source,
                    path,
                });
            }
        }
        self.dictionaries.extend(
            file.dictionaries
                .into_iter()
                .map(|d| (d, dir.to_path_buf())),
        );
        for (id, ov) in file.rules {
            let path = format!("rules.{id}");
            self.rules.push(Entry {
                value: (id, ov),
                source,
                path,
            });
        }
        Ok(())
    }
}
