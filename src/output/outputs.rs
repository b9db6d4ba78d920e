//! One stream of results fanned out to every output asked for.

use super::{summary, Format, Plan, RenderOptions, ReportWriter, Reporter, Tally};
use crate::engine::ReportResult;
use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// Where one output goes.
pub enum Target<'w> {
    /// Written as results arrive (stdout, or any writer).
    Stream(Box<dyn Write + 'w>),
    /// Written whole when the run finishes, in the order added: a second format for stdout, so
    /// that two formats never interleave.
    After(Box<dyn Write + 'w>),
    /// A file, replaced atomically at the end (a temporary file beside it, renamed into place),
    /// so a crash or a full disk never leaves half a file where a CI step or an auditor expects a
    /// whole one. Never coloured.
    File(PathBuf),
}

/// Every output of one run, fed one report at a time in input order.
pub struct Outputs<'w> {
    plan: Plan,
    opts: RenderOptions,
    tally: Tally,
    outputs: Vec<Output<'w>>,
}

struct Output<'w> {
    writer: Box<dyn ReportWriter + 'w>,
    end: End<'w>,
}

/// What is left to do once the writer has finished.
enum End<'w> {
    Nothing,
    Copy {
        spool: File,
        to: Box<dyn Write + 'w>,
    },
    Persist {
        tmp: NamedTempFile,
        path: PathBuf,
    },
}

impl<'w> Outputs<'w> {
    pub fn new(plan: Plan, opts: RenderOptions) -> Self {
        Outputs {
            tally: Tally::new(&plan.rules),
            plan,
            opts,
            outputs: Vec::new(),
        }
    }

    /// Open an output. A file's folder must exist: this fails before any report is checked.
    pub fn add(&mut self, format: Format, target: Target<'w>) -> io::Result<()> {
        self.add_reporter(format.reporter(), target)
    }

    /// The `--summary` matrix and per-rule pass rates, written at the end.
    pub fn add_summary(&mut self, target: Target<'w>) -> io::Result<()> {
        self.add_reporter(&summary::SummaryReporter, target)
    }

    pub(super) fn add_reporter(
        &mut self,
        reporter: &dyn Reporter,
        target: Target<'w>,
    ) -> io::Result<()> {
        let mut opts = self.opts.clone();
        let (w, end): (Box<dyn Write + 'w>, End<'w>) = match target {
            Target::Stream(w) => (w, End::Nothing),
            Target::After(to) => {
                let spool = tempfile::tempfile()?;
                (Box::new(spool.try_clone()?), End::Copy { spool, to })
            }
            Target::File(path) => {
                opts.color = false;
                let tmp = temp_beside(&path).map_err(|e| named(&path, e))?;
                (
                    Box::new(tmp.as_file().try_clone()?),
                    End::Persist { tmp, path },
                )
            }
        };
        let writer = reporter.start(&self.plan, &opts, Box::new(BufWriter::new(w)))?;
        self.outputs.push(Output { writer, end });
        Ok(())
    }

    pub fn push(&mut self, report: &ReportResult) -> io::Result<()> {
        let index = self.tally.reports;
        self.tally.add(report);
        for output in &mut self.outputs {
            output
                .writer
                .report(index, report)
                .map_err(|e| output.end.name(e))?;
        }
        Ok(())
    }

    /// Finish every output in the order added; the totals, for the exit code.
    pub fn finish(self) -> io::Result<Tally> {
        for Output { writer, end } in self.outputs {
            writer.finish(&self.tally).map_err(|e| end.name(e))?;
            match end {
                End::Nothing => {}
                End::Copy { mut spool, mut to } => {
                    spool.seek(SeekFrom::Start(0))?;
                    io::copy(&mut spool, &mut to)?;
                    to.flush()?;
                }
                End::Persist { tmp, path } => {
                    tmp.as_file().sync_all().map_err(|e| named(&path, e))?;
                    tmp.persist(&path).map_err(|e| named(&path, e.error))?;
                }
            }
        }
        Ok(self.tally)
    }
}

impl End<'_> {
    /// An error while writing a file names the file.
    fn name(&self, e: io::Error) -> io::Error {
        match self {
            End::Persist { path, .. } => named(path, e),
            _ => e,
        }
    }
}

/// An error writing a file, named and said in Chinese.
fn named(path: &Path, e: io::Error) -> io::Error {
    let what = match e.kind() {
        io::ErrorKind::NotFound => "文件夹不存在，请先创建它或换一个输出路径".to_string(),
        io::ErrorKind::PermissionDenied => "没有写入权限".to_string(),
        io::ErrorKind::StorageFull => "磁盘已满".to_string(),
        _ => format!("无法写入：{e}"),
    };
    io::Error::new(e.kind(), format!("{}: {what}", path.display()))
}

fn temp_beside(path: &Path) -> io::Result<NamedTempFile> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    #[cfg_attr(not(unix), allow(unused_mut))] // only Unix sets permissions
    let mut builder = tempfile::Builder::new();
    // Temporary files are private (0600); an output file is an ordinary one, so let the umask decide.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder.tempfile_in(dir)
}
