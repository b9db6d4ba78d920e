//! SARIF 2.1.0 (shared/schemas/sarif-schema-2.1.0.json) for code-scanning viewers.
//!
//! Only failures are results. Rules that could not be evaluated and unreadable reports are tool
//! execution notifications: they are problems of the run, not findings in the report. Columns count
//! Unicode code points (`columnKind`), as our positions do.

use super::json_stream::JsonStream;
use super::labels::position;
use super::{Plan, RenderOptions, ReportWriter, Reporter, Tally};
use crate::engine::{Evidence, ReportResult, RuleInfo, Status, Verdict};
use crate::pack::Severity;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub struct SarifReporter;

/// Results go out as reports arrive; the invocation, which says whether the run went well,
/// comes after them.
impl Reporter for SarifReporter {
    fn start<'w>(
        &self,
        plan: &Plan,
        _: &RenderOptions,
        w: Box<dyn Write + 'w>,
    ) -> io::Result<Box<dyn ReportWriter + 'w>> {
        let mut out = JsonStream::new(w);
        out.begin_object()?;
        out.key("$schema")?;
        out.value(&SCHEMA_URI)?;
        out.key("version")?;
        out.value(&"2.1.0")?;
        out.key("runs")?;
        out.begin_array()?;
        out.begin_object()?;
        out.key("tool")?;
        out.value(&json!({ "driver": {
            "name": env!("CARGO_PKG_NAME"),
            "version": env!("CARGO_PKG_VERSION"),
            "rules": plan.rules.iter().map(|r| rule(r)).collect::<Vec<_>>(),
        }}))?;
        out.key("columnKind")?;
        out.value(&"unicodeCodePoints")?;
        out.key("results")?;
        out.begin_array()?;
        Ok(Box::new(SarifWriter {
            out,
            rule_index: plan
                .rules
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id.clone(), i))
                .collect(),
            notifications: Vec::new(),
        }))
    }
}

struct SarifWriter<'w> {
    out: JsonStream<Box<dyn Write + 'w>>,
    rule_index: HashMap<String, usize>,
    /// Problems of the run (unreadable reports, rules that could not be evaluated): few, kept
    /// for the invocation at the end.
    notifications: Vec<Value>,
}

impl ReportWriter for SarifWriter<'_> {
    fn report(&mut self, _: usize, report: &ReportResult) -> io::Result<()> {
        let uri = artifact_uri(&report.path);
        if let Some(error) = &report.error {
            self.notifications.push(json!({
                "level": "error",
                "message": { "text": error },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri } } }],
            }));
        }
        for v in &report.verdicts {
            match v.status {
                Status::Fail => {
                    let index = self.rule_index.get(v.rule.id.as_str());
                    self.out.value(&result(v, &uri, index))?;
                }
                Status::Error => self.notifications.push(json!({
                    "level": "error",
                    "message": { "text": v.reason.as_deref().unwrap_or(&v.message) },
                    "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri } } }],
                    "associatedRule": { "id": v.rule.id },
                })),
                Status::Pass | Status::NotApplicable | Status::Skipped => {}
            }
        }
        Ok(())
    }

    fn finish(self: Box<Self>, _: &Tally) -> io::Result<()> {
        let SarifWriter {
            mut out,
            notifications,
            ..
        } = *self;
        out.end()?;
        out.key("invocations")?;
        out.value(&json!([{
            "executionSuccessful": notifications.is_empty(),
            "toolExecutionNotifications": notifications,
        }]))?;
        out.end()?;
        out.end()?;
        out.end()?;
        out.into_inner()?.flush()
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(r: &RuleInfo) -> Value {
    let basis = r.basis.join("；");
    let mut help_text = r.hint.clone();
    let mut help_md = format!("**修改建议**：{}", r.hint);
    if !basis.is_empty() {
        help_text.push_str(&format!("\n依据：{basis}"));
        let items: Vec<String> = r.basis.iter().map(|b| format!("- {b}")).collect();
        help_md.push_str(&format!("\n\n**依据**：\n\n{}", items.join("\n")));
    }
    json!({
        "id": r.id,
        // SARIF wants an identifier-like name; the id's last segment is one.
        "name": r.id.rsplit('/').next().unwrap_or(&r.id),
        "shortDescription": { "text": r.title },
        "fullDescription": { "text": r.description.as_deref().unwrap_or(&r.title) },
        "help": { "text": help_text, "markdown": help_md },
        "defaultConfiguration": { "level": level(r.severity) },
        "properties": { "pack": r.pack, "tags": r.tags },
    })
}

fn result(v: &Verdict, uri: &str, rule_index: Option<&usize>) -> Value {
    let text = if v.message.is_empty() {
        &v.rule.title
    } else {
        &v.message
    };
    let locations: Vec<Value> = if v.evidence.is_empty() {
        vec![json!({ "physicalLocation": { "artifactLocation": { "uri": uri } } })]
    } else {
        v.evidence.iter().map(|e| location(e, uri)).collect()
    };
    let mut result = Map::new();
    result.insert("ruleId".into(), json!(v.rule.id));
    if let Some(i) = rule_index {
        result.insert("ruleIndex".into(), json!(i));
    }
    result.insert("level".into(), json!(level(v.rule.severity)));
    result.insert("message".into(), json!({ "text": text }));
    result.insert("locations".into(), json!(locations));
    Value::Object(result)
}

fn location(e: &Evidence, uri: &str) -> Value {
    let mut physical = json!({
        "artifactLocation": { "uri": uri },
        "region": {
            "startLine": e.start.line,
            "startColumn": e.start.column,
            "endLine": e.end.line,
            "endColumn": e.end.column,
            "snippet": { "text": e.text },
        },
    });
    // SARIF's own place for the text around a short excerpt (a typo in its sentence).
    if let Some(context) = &e.context {
        physical["contextRegion"] = json!({
            "startLine": e.start.line,
            "endLine": e.end.line,
            "snippet": { "text": context },
        });
    }
    let mut props = Map::new();
    if let Some(page) = e.page {
        props.insert("page".into(), json!(page));
    }
    if let Some(paragraph) = e.paragraph {
        props.insert("paragraph".into(), json!(paragraph));
    }
    if let Some(section) = &e.section {
        props.insert("section".into(), json!(section));
    }
    if let Some(value) = &e.value {
        props.insert("value".into(), json!(value));
    }
    if !props.is_empty() {
        physical["properties"] = Value::Object(props);
    }
    json!({ "physicalLocation": physical, "message": { "text": position(e) } })
}

/// A relative path stays relative (viewers resolve it against the checkout), with `/` separators and
/// percent-encoding; an absolute one becomes a `file://` URI.
fn artifact_uri(path: &str) -> String {
    let normalised = path.replace('\\', "/");
    let encoded = percent_encode(&normalised);
    if Path::new(path).is_absolute() {
        format!(
            "file://{}",
            if encoded.starts_with('/') {
                encoded
            } else {
                format!("/{encoded}")
            }
        )
    } else {
        encoded.trim_start_matches("./").to_string()
    }
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::artifact_uri;

    #[test]
    fn uris_are_relative_and_percent_encoded() {
        assert_eq!(artifact_uri("./reports/a b.txt"), "reports/a%20b.txt");
        assert_eq!(artifact_uri("报告.txt"), "%E6%8A%A5%E5%91%8A.txt");
        assert_eq!(artifact_uri(r"reports\2024\a.txt"), "reports/2024/a.txt");
        assert_eq!(artifact_uri("a#1?.txt"), "a%231%3F.txt");
    }

    #[cfg(unix)]
    #[test]
    fn absolute_paths_become_file_uris() {
        assert_eq!(
            artifact_uri("/srv/报告/a.txt"),
            "file:///srv/%E6%8A%A5%E5%91%8A/a.txt"
        );
    }
}
