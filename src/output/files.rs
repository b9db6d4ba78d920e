//! Writing outputs to files: atomically, so a crash or a full disk never leaves half a file where
//! a CI step or an auditor expects a whole one.

use super::{render, Format, RenderOptions};
use crate::engine::CheckRun;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Write `bytes` to `path` through a temporary file in the same folder, renamed into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Render `run` once per `(format, path)` pair, each file written atomically. Files never get
/// colour, whatever `opts.color` says. Errors name the file.
pub fn render_to_files(
    run: &CheckRun,
    outputs: &[(Format, &Path)],
    opts: &RenderOptions,
) -> io::Result<()> {
    let opts = RenderOptions {
        color: false,
        ..opts.clone()
    };
    for (format, path) in outputs {
        write_atomic_with(path, |w| render(run, *format, &opts, w))
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    }
    Ok(())
}

/// Streams into the temporary file, so a large output is never held in memory whole.
fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    // Temporary files are private (0600); an output file is an ordinary one, so let the umask decide.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let tmp = builder.tempfile_in(dir)?;
    let mut w = BufWriter::new(tmp);
    fill(&mut w)?;
    let tmp = w.into_inner().map_err(|e| e.into_error())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
