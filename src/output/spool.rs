//! Parts of an output that must come after something not yet known (a total in the first line, a
//! matrix above the per-report sections) wait in an anonymous temporary file, not in memory.

use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};

pub struct Spool(BufWriter<File>);

impl Spool {
    pub fn new() -> io::Result<Self> {
        Ok(Spool(BufWriter::new(tempfile::tempfile()?)))
    }

    /// Everything written so far, copied into `w`; the file is deleted when this returns.
    pub fn copy_to(self, w: &mut dyn Write) -> io::Result<()> {
        let mut file = self.0.into_inner().map_err(|e| e.into_error())?;
        file.seek(SeekFrom::Start(0))?;
        io::copy(&mut file, w)?;
        Ok(())
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}
