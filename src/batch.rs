//! Checking many reports: find the input files under folders, then check them in parallel and
//! stream the results out in input order, so the output is the same whatever the number of
//! threads and memory stays flat however many reports there are.

use crate::engine::ReportResult;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use thiserror::Error;
use walkdir::WalkDir;

/// What `--include` defaults to: every format fzcheck reads.
pub const DEFAULT_INCLUDE: &[&str] = &[
    "*.txt", "*.md", "*.docx", "*.doc", "*.wps", "*.html", "*.htm", "*.pdf", "*.ofd",
];

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum BatchError {
    #[error("{path}: 文件或文件夹不存在，请检查路径")]
    NotFound { path: String },
    #[error("无效的文件匹配模式 “{pattern}”：{source}")]
    Glob {
        pattern: String,
        #[source]
        source: globset::Error,
    },
    #[error("{path}: 无法读取文件夹：{source}。请检查权限，或用 --exclude 排除它")]
    Walk {
        path: String,
        #[source]
        source: walkdir::Error,
    },
}

/// The files to check. A file named on the command line is taken as it is; a folder is walked and
/// its files kept when they match `include` (default [`DEFAULT_INCLUDE`]) and no `exclude`.
/// Globs are case-insensitive and match the path relative to the folder given (`*` crosses `/`, so
/// `*.txt` matches at any depth and `*草稿*` matches a folder name too). Hidden entries (`.git`)
/// and Office lock files (`~$…`) are skipped. Each folder's files are sorted by path, arguments
/// keep their order, and a file reached twice is listed once.
pub fn collect_inputs(
    paths: &[PathBuf],
    include: &[String],
    exclude: &[String],
) -> Result<Vec<PathBuf>, BatchError> {
    let include = if include.is_empty() {
        glob_set(DEFAULT_INCLUDE.iter().copied())?
    } else {
        glob_set(include.iter().map(String::as_str))?
    };
    let exclude = glob_set(exclude.iter().map(String::as_str))?;
    let mut seen = HashSet::new();
    let mut inputs = Vec::new();
    for path in paths {
        if path.is_file() {
            if seen.insert(path.clone()) {
                inputs.push(path.clone());
            }
            continue;
        }
        if !path.is_dir() {
            return Err(BatchError::NotFound {
                path: path.display().to_string(),
            });
        }
        let walk = WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !(skipped(e) || exclude.is_match(relative(path, e.path())))
            });
        for entry in walk {
            let entry = entry.map_err(|source| BatchError::Walk {
                path: source.path().unwrap_or(path).display().to_string(),
                source,
            })?;
            if entry.file_type().is_file()
                && include.is_match(relative(path, entry.path()))
                && seen.insert(entry.path().to_path_buf())
            {
                inputs.push(entry.into_path());
            }
        }
    }
    Ok(inputs)
}

fn glob_set<'a>(patterns: impl Iterator<Item = &'a str>) -> Result<GlobSet, BatchError> {
    let mut set = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = GlobBuilder::new(pattern)
            .case_insensitive(true)
            .build()
            .map_err(|source| BatchError::Glob {
                pattern: pattern.to_string(),
                source,
            })?;
        set.add(glob);
    }
    set.build().map_err(|source| BatchError::Glob {
        pattern: String::new(),
        source,
    })
}

fn relative<'a>(root: &Path, path: &'a Path) -> &'a Path {
    path.strip_prefix(root).unwrap_or(path)
}

fn skipped(entry: &walkdir::DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    name.starts_with('.') || name.starts_with("~$")
}

/// Results are checked in windows of this many per thread: enough that threads rarely wait for
/// each other at a window's end, few enough that memory holds only a few windows of results.
const WINDOW_PER_THREAD: usize = 32;

/// Check every input with `check` on a pool of `jobs` threads (0 = one per core) and hand each
/// result to `emit` in input order, while the next window of inputs is being checked. At most
/// three windows of results are alive at once, so memory does not grow with the number of
/// inputs. A panic while checking one file becomes that file's error, and the batch goes on; an
/// error from `emit` stops the batch and is returned. With `progress`, a bar on stderr counts the
/// files done (indicatif hides it when stderr is not a terminal).
pub fn run<F, E>(
    inputs: &[PathBuf],
    jobs: usize,
    progress: bool,
    check: F,
    mut emit: impl FnMut(ReportResult) -> Result<(), E>,
) -> Result<(), E>
where
    F: Fn(&Path) -> ReportResult + Sync,
{
    let bar = if progress {
        let bar = ProgressBar::new(inputs.len() as u64);
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} 份报告 {elapsed_precise} 剩余 {eta}")
        {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let check_one = |path: &PathBuf| {
        let result =
            catch_unwind(AssertUnwindSafe(|| check(path))).unwrap_or_else(|_| ReportResult {
                path: path.display().to_string(),
                meta: None,
                verdicts: Vec::new(),
                error: Some("检查此文件时程序内部出错，请将该文件反馈给维护者".to_string()),
            });
        bar.inc(1);
        result
    };
    // Without a pool of our own, the global pool still checks everything; only the thread count
    // is not honoured.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .ok();
    let threads = pool
        .as_ref()
        .map_or_else(rayon::current_num_threads, |p| p.current_num_threads());
    let window = threads.max(1) * WINDOW_PER_THREAD;
    let outcome = std::thread::scope(|scope| {
        let (done, results) = mpsc::sync_channel::<Vec<ReportResult>>(1);
        scope.spawn(move || {
            for inputs in inputs.chunks(window) {
                let checked = || inputs.par_iter().map(check_one).collect();
                let checked = match &pool {
                    Some(pool) => pool.install(checked),
                    None => checked(),
                };
                // The receiver is gone when `emit` failed: stop checking.
                if done.send(checked).is_err() {
                    break;
                }
            }
        });
        for checked in results {
            for result in checked {
                emit(result)?;
            }
        }
        Ok(())
    });
    bar.finish_and_clear();
    outcome
}
