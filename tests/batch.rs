//! Batch checking: finding inputs under folders, and parallel runs that stream the same output
//! whatever the number of threads.

use fzcheck::batch::{collect_inputs, run, BatchError, SkipReason};
use fzcheck::engine::{Evidence, ReportResult, RuleInfo, Status, Verdict};
use fzcheck::output::{Format, Outputs, Plan, RenderOptions, Target};
use fzcheck::pack::Severity;
use fzcheck::report::{Meta, Position, Span};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in [
        "2024/云溪区.txt",
        "2024/青岚县.DOCX",
        "2024/草稿/云溪区-征求意见稿.txt",
        "2024/附件/统计表.xlsx",
        "2024/~$青岚县.docx",
        "2023/b.pdf",
        "2023/a.html",
        "2023/notes.md",
        "2023/旧版.doc",
        "2023/终稿.wps",
        "2023/版式.ofd",
        ".git/config.txt",
        ".DS_Store",
        "README.md",
        "LICENSE",
        "2024/readme-zh.txt",
        "index.htm",
    ] {
        let path = dir.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "x").unwrap();
    }
    dir
}

fn names(root: &Path, paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| {
            p.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

#[test]
fn default_include_takes_every_readable_format_sorted() {
    let dir = tree();
    let found = collect_inputs(&[dir.path().to_path_buf()], &[], &[]).unwrap();
    assert_eq!(
        names(dir.path(), &found.files),
        [
            "2023/a.html",
            "2023/b.pdf",
            "2023/notes.md",
            "2023/旧版.doc",
            "2023/版式.ofd",
            "2023/终稿.wps",
            "2024/云溪区.txt",
            "2024/草稿/云溪区-征求意见稿.txt",
            "2024/青岚县.DOCX",
            "index.htm",
        ]
    );
}

/// README, LICENSE, hidden files and other formats under a folder are listed as skipped, with why.
#[test]
fn folders_skip_what_is_not_a_report_and_say_so() {
    let dir = tree();
    let found = collect_inputs(&[dir.path().to_path_buf()], &[], &[]).unwrap();
    let skipped: Vec<(String, SkipReason)> = found
        .skipped
        .iter()
        .map(|s| {
            (
                names(dir.path(), std::slice::from_ref(&s.path)).remove(0),
                s.reason,
            )
        })
        .collect();
    assert_eq!(
        skipped,
        [
            (".DS_Store".to_string(), SkipReason::Hidden),
            (".git".to_string(), SkipReason::Hidden),
            ("2024/readme-zh.txt".to_string(), SkipReason::NotAReport),
            ("2024/~$青岚县.docx".to_string(), SkipReason::Hidden),
            ("2024/附件/统计表.xlsx".to_string(), SkipReason::OtherFormat),
            ("LICENSE".to_string(), SkipReason::OtherFormat),
            ("README.md".to_string(), SkipReason::NotAReport),
        ]
    );
    // Named on the command line, a README is checked like any file.
    let named = collect_inputs(&[dir.path().join("README.md")], &[], &[]).unwrap();
    assert_eq!(named.files.len(), 1);
    assert!(named.skipped.is_empty());
}

#[test]
fn include_and_exclude_globs() {
    let dir = tree();
    let root = [dir.path().to_path_buf()];
    let txt = collect_inputs(&root, &["*.txt".to_string()], &["*草稿*".to_string()]).unwrap();
    assert_eq!(names(dir.path(), &txt.files), ["2024/云溪区.txt"]);

    let only_2023 =
        collect_inputs(&root, &[], &["2024/**".to_string(), "*.htm".to_string()]).unwrap();
    assert_eq!(
        names(dir.path(), &only_2023.files),
        [
            "2023/a.html",
            "2023/b.pdf",
            "2023/notes.md",
            "2023/旧版.doc",
            "2023/版式.ofd",
            "2023/终稿.wps"
        ]
    );

    let folder_excluded = collect_inputs(&root, &[], &["2024/草稿".to_string()]).unwrap();
    assert!(!names(dir.path(), &folder_excluded.files)
        .iter()
        .any(|n| n.contains("草稿")));
}

#[test]
fn named_files_are_kept_in_order_and_listed_once() {
    let dir = tree();
    let b = dir.path().join("2023/b.pdf");
    let stats = dir.path().join("2024/附件/统计表.xlsx");
    let found = collect_inputs(
        &[b.clone(), stats.clone(), dir.path().join("2023")],
        &[],
        &[],
    )
    .unwrap();
    assert_eq!(
        names(dir.path(), &found.files),
        [
            "2023/b.pdf",
            "2024/附件/统计表.xlsx",
            "2023/a.html",
            "2023/notes.md",
            "2023/旧版.doc",
            "2023/版式.ofd",
            "2023/终稿.wps"
        ]
    );
}

#[test]
fn missing_path_and_bad_glob_are_errors() {
    let dir = tree();
    let missing = collect_inputs(&[dir.path().join("nope")], &[], &[]).unwrap_err();
    assert!(matches!(missing, BatchError::NotFound { .. }), "{missing}");
    let bad = collect_inputs(&[dir.path().to_path_buf()], &["[".to_string()], &[]).unwrap_err();
    assert!(matches!(bad, BatchError::Glob { .. }), "{bad}");
}

fn rules() -> Vec<Arc<RuleInfo>> {
    (0..4)
        .map(|i| {
            Arc::new(RuleInfo {
                id: format!("gov-ar/rule-{i}"),
                pack: "gov-ar".to_string(),
                pack_title: "政府年报".to_string(),
                title: format!("第{i}条规则"),
                severity: [Severity::Error, Severity::Warning, Severity::Info][i % 3],
                basis: vec![],
                hint: "修改建议".to_string(),
                description: None,
                tags: vec![],
            })
        })
        .collect()
}

/// A stand-in for the engine: a verdict pattern that depends on the path only, after a delay
/// that also depends on it, so threads finish out of order.
fn fake_check(rules: &[Arc<RuleInfo>], path: &Path) -> ReportResult {
    let name = path.display().to_string();
    let seed = name
        .bytes()
        .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64));
    std::thread::sleep(std::time::Duration::from_micros(seed % 700));
    if name.ends_with("13.txt") {
        return ReportResult {
            path: name.clone(),
            meta: None,
            verdicts: vec![],
            error: Some(format!("{name}: 无法读取文件")),
        };
    }
    if name.ends_with("29.txt") {
        panic!("a bug in a rule, on one file only");
    }
    let statuses = [
        Status::Pass,
        Status::Fail,
        Status::NotApplicable,
        Status::Skipped,
        Status::Error,
    ];
    let verdicts = rules
        .iter()
        .enumerate()
        .map(|(i, rule)| Verdict {
            rule: Arc::clone(rule),
            status: statuses[((seed >> i) % 5) as usize],
            message: format!("{name} 第{i}条"),
            hint: None,
            evidence: vec![Evidence {
                span: Span::new(0, 3),
                start: Position { line: 1, column: 1 },
                end: Position { line: 1, column: 2 },
                text: "一".to_string(),
                value: None,
                page: None,
                paragraph: None,
                section: None,
                context: None,
            }],
            reason: None,
        })
        .collect();
    ReportResult {
        path: name,
        meta: Some(Meta::default()),
        verdicts,
        error: None,
    }
}

fn inputs(n: usize) -> Vec<PathBuf> {
    (0..n)
        .map(|i| PathBuf::from(format!("corpus/报告-{i:03}.txt")))
        .collect()
}

/// Every format, streamed from the batch as the CLI does it.
fn outputs(jobs: usize, progress: bool) -> Vec<Vec<u8>> {
    let rules = rules();
    let paths = inputs(120);
    let formats = [
        Format::Json,
        Format::Csv,
        Format::Junit,
        Format::Sarif,
        Format::Table,
        Format::Html,
        Format::Markdown,
    ];
    let mut buffers: Vec<Vec<u8>> = vec![Vec::new(); formats.len()];
    let plan = Plan {
        rules: rules.clone(),
        reports: paths.len(),
    };
    let opts = RenderOptions {
        summary: true,
        ..RenderOptions::default()
    };
    let mut outputs = Outputs::new(plan, opts);
    for (format, buffer) in formats.iter().zip(&mut buffers) {
        outputs
            .add(*format, Target::Stream(Box::new(buffer)))
            .unwrap();
    }
    run(
        &paths,
        jobs,
        progress,
        |p| fake_check(&rules, p),
        |r| outputs.push(&r),
    )
    .unwrap();
    outputs.finish().unwrap();
    buffers
}

/// The results of a run, in the order `emit` saw them.
fn collected(paths: &[PathBuf], jobs: usize) -> Vec<ReportResult> {
    let rules = rules();
    let mut results = Vec::new();
    run(
        paths,
        jobs,
        false,
        |p| fake_check(&rules, p),
        |r| {
            results.push(r);
            Ok::<_, ()>(())
        },
    )
    .unwrap();
    results
}

#[test]
fn output_is_byte_identical_whatever_the_number_of_jobs() {
    let one = outputs(1, false);
    for jobs in [2, 4, 0] {
        assert!(
            outputs(jobs, false) == one,
            "output differs with --jobs {jobs}"
        );
    }
    assert!(
        outputs(3, true) == one,
        "output differs with a progress bar"
    );
}

#[test]
fn unreadable_and_crashing_files_do_not_stop_the_batch() {
    let paths = inputs(40);
    let results = collected(&paths, 2);
    assert_eq!(results.len(), 40);
    for (path, result) in paths.iter().zip(&results) {
        assert_eq!(
            result.path,
            path.display().to_string(),
            "results are in input order"
        );
    }
    assert!(results[13].error.as_deref().unwrap().contains("无法读取"));
    assert!(results[29].error.as_deref().unwrap().contains("内部出错"));
    assert!(results[29].verdicts.is_empty());
    assert_eq!(results.iter().filter(|r| r.error.is_none()).count(), 38);
}

/// Results are handed on while later inputs are still being checked, so only a few windows of
/// results are ever alive, however many inputs there are.
#[test]
fn results_stream_out_while_the_batch_runs() {
    let started = AtomicUsize::new(0);
    let mut emitted = 0;
    let mut most_in_flight = 0;
    let paths: Vec<PathBuf> = (0..3000)
        .map(|i| PathBuf::from(format!("{i}.txt")))
        .collect();
    run(
        &paths,
        2,
        false,
        |p| {
            started.fetch_add(1, Ordering::SeqCst);
            ReportResult {
                path: p.display().to_string(),
                meta: None,
                verdicts: Vec::new(),
                error: None,
            }
        },
        |r| {
            assert_eq!(r.path, format!("{emitted}.txt"));
            emitted += 1;
            most_in_flight = most_in_flight.max(started.load(Ordering::SeqCst) - emitted);
            Ok::<_, ()>(())
        },
    )
    .unwrap();
    assert_eq!(emitted, 3000);
    assert!(
        most_in_flight <= 3 * 2 * 32,
        "{most_in_flight} results alive at once"
    );
}

#[test]
fn a_failing_output_stops_the_batch() {
    let checked = AtomicUsize::new(0);
    let paths: Vec<PathBuf> = (0..5000)
        .map(|i| PathBuf::from(format!("{i}.txt")))
        .collect();
    let mut emitted = 0;
    let outcome = run(
        &paths,
        2,
        false,
        |p| {
            checked.fetch_add(1, Ordering::SeqCst);
            ReportResult {
                path: p.display().to_string(),
                meta: None,
                verdicts: Vec::new(),
                error: None,
            }
        },
        |_| {
            emitted += 1;
            if emitted == 10 {
                Err("disk full")
            } else {
                Ok(())
            }
        },
    );
    assert_eq!(outcome, Err("disk full"));
    assert_eq!(emitted, 10);
    assert!(
        checked.load(Ordering::SeqCst) < 1000,
        "checking stopped too"
    );
}
