//! The project's clean full reports (corpus/full, our own text) with their verdicts, for the
//! mutation harness and the transform tests.

use fzcheck::engine::{self, Verdict};
use fzcheck::ingest::{self, IngestOptions};
use fzcheck::pack;
use fzcheck::report::{self, Report};
use std::path::Path;

pub struct Clean {
    pub name: String,
    pub text: String,
    pub lines: Vec<String>,
    #[allow(dead_code)] // read by mutation.rs, not by transforms.rs
    pub report_year: Option<i32>,
    pub verdicts: Vec<Verdict>,
}

pub fn parse_bytes(name: &str, bytes: &[u8]) -> Report {
    let source = ingest::read_bytes(name, bytes, &IngestOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    report::parse(source)
}

pub fn parse_text(name: &str, text: &str) -> Report {
    parse_bytes(name, text.as_bytes())
}

pub fn check(report: &Report) -> Vec<Verdict> {
    let rules = pack::load_builtin().expect("built-in packs load");
    engine::check(report, &rules)
}

/// Every report of corpus/full/reports, sorted by name.
pub fn clean_reports() -> Vec<Clean> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/full/reports");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
            let report = parse_text(&name, &text);
            Clean {
                report_year: report.meta.report_year.as_ref().map(|y| y.value),
                verdicts: check(&report),
                lines: text.lines().map(str::to_string).collect(),
                name,
                text,
            }
        })
        .collect()
}
