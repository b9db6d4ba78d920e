//! Turn a [`FixtureSpec`] into report text.

use super::spec::FixtureSpec;
use super::VerifyError;
use crate::ingest::{self, IngestOptions, SourceText};
use std::path::Path;

/// A readable name for the fixture in test output.
pub fn display_name(spec: &FixtureSpec, index: usize) -> String {
    match spec {
        FixtureSpec::Path(p) => p.clone(),
        FixtureSpec::Inline { name, .. } => {
            name.clone().unwrap_or_else(|| format!("inline #{index}"))
        }
        FixtureSpec::Derived {
            name,
            from,
            replace,
            ..
        } => name.clone().unwrap_or_else(|| {
            let first = replace
                .iter()
                .next()
                .and_then(|(k, _)| k.as_str())
                .unwrap_or_default();
            let short: String = first.chars().take(16).collect();
            format!("{from} 改“{short}”")
        }),
    }
}

/// Load the fixture's text; paths are relative to `dir`, the test file's folder.
pub fn load(spec: &FixtureSpec, dir: &Path, name: &str) -> Result<SourceText, VerifyError> {
    match spec {
        FixtureSpec::Path(p) => read(&dir.join(p)),
        FixtureSpec::Inline { text, .. } => Ok(SourceText::from_text(name, text.clone())),
        FixtureSpec::Derived { from, replace, .. } => {
            let mut source = read(&dir.join(from))?;
            for (old, new) in replace {
                let (Some(old), Some(new)) = (old.as_str(), new.as_str()) else {
                    return Err(VerifyError::Fixture(format!(
                        "{name}: replace 的键和值都必须是字符串"
                    )));
                };
                if !source.text.contains(old) {
                    return Err(VerifyError::Fixture(format!(
                        "{name}: 在 {from} 中找不到要替换的文字“{old}”"
                    )));
                }
                source.text = source.text.replace(old, new);
            }
            source.name = name.to_string();
            Ok(source)
        }
    }
}

fn read(path: &Path) -> Result<SourceText, VerifyError> {
    ingest::read_path(path, &IngestOptions::default())
        .map_err(|e| VerifyError::Fixture(e.to_string()))
}
