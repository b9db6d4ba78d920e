//! Fixed limits that keep a hostile or broken file from taking unbounded time or memory.
//! Real reports are a few hundred kilobytes; every limit leaves a wide margin above that.

/// Largest input file read at all.
pub const MAX_INPUT_BYTES: u64 = 200 * 1024 * 1024;

/// Most entries a .docx zip may list (Word writes about 15).
pub const ZIP_MAX_ENTRIES: usize = 10_000;
/// Largest uncompressed size of one zip entry that is read.
pub const ZIP_MAX_ENTRY_BYTES: u64 = 64 * 1024 * 1024;
/// Largest uncompressed size of all entries read from one zip.
pub const ZIP_MAX_TOTAL_BYTES: u64 = 160 * 1024 * 1024;
/// Highest compression ratio accepted for an entry larger than [`ZIP_RATIO_FLOOR`]; XML compresses
/// about 10:1, zip bombs 1000:1 and more.
pub const ZIP_MAX_RATIO: u64 = 200;
/// Entries smaller than this are never judged by their ratio.
pub const ZIP_RATIO_FLOOR: u64 = 1024 * 1024;

/// Deepest XML element nesting accepted (Word documents stay below 30).
pub const XML_MAX_DEPTH: usize = 256;

/// Deepest HTML element nesting accepted: the HTML parser slows down with the square of the depth,
/// and real pages stay below 100.
pub const HTML_MAX_DEPTH: usize = 4_096;

/// Largest decompressed content stream of one PDF page (or form XObject).
pub const PDF_MAX_STREAM_BYTES: u64 = 16 * 1024 * 1024;
/// Most pages read from one PDF.
pub const PDF_MAX_PAGES: usize = 10_000;
/// Most content operations run for one page, forms included (a dense page has about 20 000).
pub const PDF_MAX_OPERATIONS: usize = 2_000_000;
/// Most form XObjects nested inside each other.
pub const PDF_MAX_FORM_DEPTH: usize = 8;

/// A byte count for messages: `64 MB`.
pub fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes / (1024 * 1024))
}

/// Most characters read from the main document of a .doc (a long report has about 100 000).
pub const DOC_MAX_CHARS: usize = 16 * 1024 * 1024;

/// Most characters placed on one OFD page (a dense page has about 2 000).
pub const OFD_MAX_PAGE_GLYPHS: usize = 1_000_000;
