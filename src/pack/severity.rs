use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How much a failure matters: a missing required content is an error; a typo is a warning.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}
