//! A corpus: a folder with labels.yaml and the reports it names, read and checked before scoring.

use super::error::{EvalError, LabelsError};
use super::labels::{Label, LabelsFile};
use crate::pack::locate::YamlIndex;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

pub const LABELS_FILE: &str = "labels.yaml";

/// A labels file with its reports, every item's report known to exist.
#[derive(Debug)]
pub struct Corpus {
    /// The folder holding labels.yaml; report paths are relative to it.
    pub dir: PathBuf,
    /// labels.yaml as the user named it, for messages.
    pub labels_name: String,
    pub labels: Vec<Label>,
    text: Arc<String>,
    /// Positions in labels.yaml, built only when a message names a line: one YAML parse otherwise.
    index: OnceLock<YamlIndex>,
}

impl Corpus {
    /// Read `path`: a corpus folder, or its labels.yaml.
    pub fn load(path: &Path) -> Result<Corpus, EvalError> {
        let (dir, labels_path) = if path.is_dir() {
            (path.to_path_buf(), path.join(LABELS_FILE))
        } else {
            let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
            (dir, path.to_path_buf())
        };
        if path.is_dir() && !labels_path.is_file() {
            return Err(EvalError::NoLabels {
                dir: path.display().to_string(),
            });
        }
        let labels_name = labels_path.display().to_string();
        let text = std::fs::read_to_string(&labels_path).map_err(|source| EvalError::Io {
            path: labels_name.clone(),
            source,
        })?;
        Self::from_text(dir, labels_name, text)
    }

    /// A corpus from the text of its labels file; reports are looked up under `dir`.
    pub fn from_text(dir: PathBuf, labels_name: String, text: String) -> Result<Corpus, EvalError> {
        let text = Arc::new(text);
        let labels: LabelsFile = serde_yaml::from_str(&text)
            .map_err(|e| LabelsError::from_serde(&labels_name, &text, &e))?;
        let corpus = Corpus {
            dir,
            labels_name,
            labels,
            index: OnceLock::new(),
            text,
        };
        corpus.validate()?;
        Ok(corpus)
    }

    /// Unique ids, reports that exist, spans that are not empty.
    fn validate(&self) -> Result<(), EvalError> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, label) in self.labels.iter().enumerate() {
            if let Some(first) = seen.insert(&label.id, i) {
                let msg = format!(
                    "id `{}` 重复（第{}行已用过）；每份报告的 id 须唯一",
                    label.id,
                    self.line_of(first, "id")
                );
                return Err(self.error(i, ("id", false), msg, "重复的 id"));
            }
            if !self.report_path(label).is_file() {
                let field = if label.file.is_some() { "file" } else { "id" };
                let msg = format!(
                    "报告文件 {} 不存在；请放入该文件，或用 file: 写明路径（相对于 labels.yaml 所在文件夹）",
                    self.report_path(label).display()
                );
                return Err(self.error(i, (field, false), msg, "找不到这份报告"));
            }
            let spans = label.rates.iter().flatten().map(|r| ("rates", &r.text));
            let spans = spans.chain(label.changes.iter().flatten().map(|c| ("changes", &c.text)));
            let spans = spans.chain(
                label
                    .breakdowns
                    .iter()
                    .flatten()
                    .map(|b| ("breakdowns", &b.text)),
            );
            for (field, text) in spans {
                if text.trim().is_empty() {
                    let msg = format!("{field} 的 text 是空的；请写出报告中含这个数的原文片段");
                    return Err(self.error(i, (field, false), msg, "text 为空"));
                }
            }
        }
        Ok(())
    }

    fn index(&self) -> &YamlIndex {
        self.index.get_or_init(|| YamlIndex::new(&self.text))
    }

    pub fn report_path(&self, label: &Label) -> PathBuf {
        self.dir.join(label.file())
    }

    /// 1-based line in labels.yaml of `field` of item `item` (the item itself for "").
    pub fn line_of(&self, item: usize, field: &str) -> usize {
        let path = if field.is_empty() {
            item.to_string()
        } else {
            format!("{item}.{field}")
        };
        let at = self
            .index()
            .value(&path)
            .or_else(|| self.index().value(&item.to_string()))
            .unwrap_or(0);
        crate::pack::locate::line_col(&self.text, at).0
    }

    /// An error at `field` of item `item` (its value, or its key with `key`; else the item).
    pub(crate) fn error(
        &self,
        item: usize,
        (field, key): (&str, bool),
        message: String,
        label: &str,
    ) -> EvalError {
        let path = format!("{item}.{field}");
        let at = if key {
            self.index().key(&path)
        } else {
            self.index().value(&path)
        };
        let at = at
            .or_else(|| self.index().value(&item.to_string()))
            .unwrap_or(0);
        LabelsError::at(&self.labels_name, &self.text, at, message, label).into()
    }
}
