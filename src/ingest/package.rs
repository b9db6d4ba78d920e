//! The zip container of a .docx or an OFD, read within the limits of [`crate::ingest::limits`].

use crate::ingest::limits::{
    megabytes, ZIP_MAX_ENTRIES, ZIP_MAX_ENTRY_BYTES, ZIP_MAX_RATIO, ZIP_MAX_TOTAL_BYTES,
    ZIP_RATIO_FLOOR,
};
use crate::ingest::{Format, IngestError};
use std::io::{Cursor, Read};
use zip::result::ZipError;
use zip::ZipArchive;

pub(crate) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    path: &'a str,
    format: Format,
    /// Uncompressed bytes read so far, against [`ZIP_MAX_TOTAL_BYTES`].
    total: u64,
}

impl<'a> Package<'a> {
    pub fn open(path: &'a str, bytes: &'a [u8], format: Format) -> Result<Self, IngestError> {
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| corrupt(path, format, zip_detail(&e)))?;
        if archive.len() > ZIP_MAX_ENTRIES {
            return Err(limit(
                path,
                "压缩包中的文件数".to_string(),
                ZIP_MAX_ENTRIES.to_string(),
            ));
        }
        Ok(Package {
            archive,
            path,
            format,
            total: 0,
        })
    }

    /// The uncompressed bytes of `entry`, or `None` when the package has no such part.
    pub fn read(&mut self, entry: &str) -> Result<Option<Vec<u8>>, IngestError> {
        let (path, format) = (self.path, self.format);
        let mut file = match self.archive.by_name(entry) {
            Ok(file) => file,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => {
                return Err(corrupt(
                    path,
                    format,
                    format!("{entry}: {}", zip_detail(&e)),
                ))
            }
        };
        let declared = file.size();
        let ratio_exceeded =
            declared > ZIP_RATIO_FLOOR && declared / file.compressed_size().max(1) > ZIP_MAX_RATIO;
        if ratio_exceeded {
            return Err(limit(
                path,
                format!("{entry} 的压缩比"),
                format!("{ZIP_MAX_RATIO}:1"),
            ));
        }
        let budget = ZIP_MAX_ENTRY_BYTES.min(ZIP_MAX_TOTAL_BYTES - self.total);
        if declared > budget {
            return Err(size_limit(path, self.total, entry, declared));
        }
        // The declared size may lie: read at most one byte past the budget to find out.
        let mut out = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
        (&mut file)
            .take(budget + 1)
            .read_to_end(&mut out)
            .map_err(|e| corrupt(path, format, format!("{entry} 解压失败：{e}")))?;
        if out.len() as u64 > budget {
            return Err(size_limit(path, self.total, entry, out.len() as u64));
        }
        self.total += out.len() as u64;
        Ok(Some(out))
    }
}

fn size_limit(path: &str, total: u64, entry: &str, size: u64) -> IngestError {
    if total + size > ZIP_MAX_TOTAL_BYTES {
        limit(
            path,
            "解压后的总大小".to_string(),
            megabytes(ZIP_MAX_TOTAL_BYTES),
        )
    } else {
        limit(
            path,
            format!("{entry} 解压后的大小"),
            megabytes(ZIP_MAX_ENTRY_BYTES),
        )
    }
}

fn zip_detail(e: &ZipError) -> String {
    format!("zip 压缩包无法打开：{e}")
}

fn corrupt(path: &str, format: Format, detail: String) -> IngestError {
    IngestError::Corrupt {
        path: path.to_string(),
        format: format.label(),
        detail,
    }
}

fn limit(path: &str, what: String, limit: String) -> IngestError {
    IngestError::LimitExceeded {
        path: path.to_string(),
        what,
        limit,
    }
}
