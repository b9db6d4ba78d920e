//! Helpers shared by the integration tests: seed paths and a one-call check.
#![allow(dead_code)] // each test binary uses a different subset

use fzcheck::engine::{self, Status, Verdict};
use fzcheck::ingest::{self, IngestOptions};
use fzcheck::pack;
use fzcheck::report::{self, Report};
use std::io::Write;
use std::path::PathBuf;

pub const SEEDS: [&str; 5] = [
    "000_6a7d678843610ca3",
    "001_b0a4e5838c299365",
    "002_f03c9c4a6a5d80c2",
    "003_2da538da58d27d43",
    "004_cc4e422fbf60c48a",
];

pub fn shared(rel: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")).join(rel)
}

/// Whether `../shared/<rel>` is there. A fresh clone has no ../shared: the test that needs it says
/// so and is skipped; in CI (`CI=true`), where ../shared is always laid beside the clone, its
/// absence is a failure instead.
pub fn shared_available(rel: &str) -> bool {
    let path = shared(rel);
    if path.exists() {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !ci,
        "{} is missing (CI=true, so this fails instead of skipping)",
        path.display()
    );
    // libtest names the thread after the test and captures only the print macros: writing to
    // stderr directly shows the note even for a test that passes.
    let test = std::thread::current().name().unwrap_or("test").to_string();
    let _ = writeln!(
        std::io::stderr(),
        "skipped {test}: {} not found (a fresh clone has no ../shared; CI=true makes this fail)",
        path.display()
    );
    false
}

/// First line of a test that reads ../shared: `need_shared!("seeds");` returns early (skipped) when
/// it is missing outside CI.
macro_rules! need_shared {
    ($rel:expr) => {
        if !$crate::seeds::shared_available($rel) {
            return;
        }
    };
}

pub fn seed(stem: &str) -> PathBuf {
    shared(&format!("seeds/{stem}.txt"))
}

pub fn parse_file(path: &std::path::Path) -> Report {
    let source = ingest::read_path(path, &IngestOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    report::parse(source)
}

/// Verdicts of the built-in packs on a file.
pub fn check_file(path: &std::path::Path) -> Vec<Verdict> {
    let rules = pack::load_builtin().expect("built-in packs load");
    engine::check(&parse_file(path), &rules)
}

pub fn verdict<'a>(verdicts: &'a [Verdict], rule: &str) -> &'a Verdict {
    verdicts
        .iter()
        .find(|v| v.rule.id == rule)
        .unwrap_or_else(|| panic!("no verdict for {rule}"))
}

pub fn status(verdicts: &[Verdict], rule: &str) -> Status {
    verdict(verdicts, rule).status
}
