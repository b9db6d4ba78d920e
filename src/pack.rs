//! Stage 3b — pack: YAML rule packs → typed, checked [`Rule`]s, and local tailoring ([`Config`]).
//!
//! A pack is read with serde ([`PackFile`]), compiled with `try_from` into a [`Pack`] (every
//! expression parsed and type-checked once), and its rules tailored by a [`Config`] into the
//! [`RuleSet`] the engine runs. Errors name the YAML file, line and column.

mod baked;
pub mod builtin;
mod compile;
mod config;
mod error;
pub(crate) mod locate;
mod rule;
mod severity;
mod spec;

pub use compile::PackInput;
pub use config::{Config, ConfigFile, RuleOverride};
pub use error::{LoadError, PackError, PackErrorKind, YamlSource};
pub use rule::{Pack, Rule, RuleSet};
pub use severity::Severity;
pub use spec::{KindSpec, LetSpec, OneOrMany, PackFile, ParamSpec, RuleSpec};

use compile::ParamOverride;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Every built-in pack, untailored.
pub fn load_builtin() -> Result<RuleSet, LoadError> {
    load::<&str>(&[], &Config::default())
}

/// Load packs and tailor them. `sources` are built-in pack names (`content`) or pack file paths;
/// when empty, the configuration's `packs`, or else every built-in pack.
pub fn load<S: AsRef<str>>(sources: &[S], config: &Config) -> Result<RuleSet, LoadError> {
    let list: Vec<(String, PathBuf)> = if !sources.is_empty() {
        sources
            .iter()
            .map(|s| (s.as_ref().to_string(), PathBuf::from(".")))
            .collect()
    } else if !config.packs.is_empty() {
        config.packs.clone()
    } else {
        builtin::BUILTIN
            .iter()
            .map(|(n, _)| (n.to_string(), PathBuf::from(".")))
            .collect()
    };
    // Packs compile independently (YAML, expressions, regexes): in parallel, which is most of the
    // start-up time of a single check.
    let packs: Vec<Result<Pack, LoadError>> = list
        .par_iter()
        .map(|(name, dir)| compile_one(name, dir, config))
        .collect();
    let mut rules = Vec::new();
    let mut loaded: Vec<String> = Vec::new();
    for pack in packs {
        let pack = pack?;
        if loaded.contains(&pack.id) {
            return Err(LoadError::DuplicatePack(pack.id));
        }
        loaded.push(pack.id.clone());
        rules.extend(pack.rules);
    }
    let mut set = RuleSet::new(rules);
    tailor(&mut set, config, &loaded)?;
    if !config.dictionaries.is_empty() {
        let dicts = crate::dict::Dicts::with_user(&config.dictionaries)?;
        for rule in set.rules_mut() {
            rule.dicts = Some(dicts.clone());
        }
    }
    Ok(set)
}

/// Read and compile one pack with the configuration's parameter overrides for it.
fn compile_one(name: &str, dir: &Path, config: &Config) -> Result<Pack, LoadError> {
    let src = read_source(name, dir)?;
    let mut input = PackInput::parse(&src)?;
    input.overrides = config
        .params
        .iter()
        .filter(|e| e.value.0 == input.file.pack)
        .map(|e| ParamOverride {
            name: e.value.1.clone(),
            value: e.value.2.clone(),
            source: &config.sources[e.source],
            path: e.path.clone(),
        })
        .collect();
    Ok(Pack::try_from(input)?)
}

/// One pack from YAML text, untailored: for tests and `fzcheck rules --check FILE`.
pub fn compile_pack(name: &str, text: &str) -> Result<Pack, PackError> {
    let src = YamlSource::new(name, text);
    Pack::try_from(PackInput::parse(&src)?)
}

fn read_source(name: &str, dir: &Path) -> Result<YamlSource, LoadError> {
    if let Some(text) = builtin::get(name) {
        return Ok(YamlSource::new(format!("rules/{name}.yaml"), text));
    }
    let path = dir.join(name);
    let looks_like_path =
        name.contains(['/', '\\']) || name.ends_with(".yaml") || name.ends_with(".yml");
    if !looks_like_path && !path.exists() {
        let names = builtin::BUILTIN.iter().map(|(n, _)| *n);
        return Err(LoadError::UnknownBuiltin {
            name: name.to_string(),
            suggestion: crate::dsl::suggest(name, names.clone()),
            available: names.collect::<Vec<_>>().join(", "),
        });
    }
    let text = std::fs::read_to_string(&path).map_err(|source| LoadError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(YamlSource::new(path.display().to_string(), text))
}

fn tailor(set: &mut RuleSet, config: &Config, loaded: &[String]) -> Result<(), LoadError> {
    if let Some(e) = config.params.iter().find(|e| !loaded.contains(&e.value.0)) {
        let src = &config.sources[e.source];
        let path = format!("params.{}", e.value.0);
        let kind = PackErrorKind::PackNotLoaded(e.value.0.clone());
        return Err(src.error_on(&path, true, kind, "not loaded").into());
    }
    for e in &config.rules {
        let (id, ov) = &e.value;
        let src = &config.sources[e.source];
        let suggestion = crate::dsl::suggest(id, set.ids());
        let Some(rule) = set.get_mut(id) else {
            let kind = PackErrorKind::UnknownRule {
                id: id.clone(),
                suggestion,
            };
            return Err(src.error_on(&e.path, true, kind, "no such rule").into());
        };
        if let Some(s) = ov.severity {
            Arc::make_mut(&mut rule.info).severity = s;
        }
        if let Some(reason) = &ov.disabled {
            rule.skip = Some(reason.clone());
        }
    }
    Ok(())
}

/// The JSON Schema of pack files, as committed in rules/schema.json.
pub fn schema() -> String {
    pretty(schemars::schema_for!(PackFile))
}

/// The JSON Schema of configuration files, as committed in rules/config.schema.json.
pub fn config_schema() -> String {
    pretty(schemars::schema_for!(ConfigFile))
}

pub(crate) fn pretty(schema: schemars::schema::RootSchema) -> String {
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
