//! Word 97–2003 `.doc` and WPS `.wps`: OLE compound files.

use super::{Format, IngestError, SourceText};

pub(crate) fn read(name: &str, _bytes: &[u8], format: Format) -> Result<SourceText, IngestError> {
    Err(IngestError::Unsupported {
        path: name.to_string(),
        format: format.label(),
        detail: "尚未支持".to_string(),
    })
}
