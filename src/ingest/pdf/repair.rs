//! A PDF whose cross-reference table is lost or points into nowhere can often still be read: every
//! object starts with `N G obj`. Like other PDF readers, scan for those headers and append a fresh
//! table and trailer.

use regex::bytes::Regex;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::LazyLock;

/// Object numbers above this are not plausible in a real report and would bloat the new table.
const MAX_OBJECT_NUMBER: u32 = 1_000_000;

/// `bytes` with a rebuilt cross-reference table appended, or `None` when no catalog can be found.
pub(super) fn rebuild_xref(bytes: &[u8]) -> Option<Vec<u8>> {
    static HEADER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u)(?:^|[\r\n\s])(\d{1,10})[ \t\r\n]+(\d{1,5})[ \t\r\n]+obj\b")
            .expect("valid regex")
    });
    static ROOT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u)/Root[ \t\r\n]*(\d{1,10})[ \t\r\n]+(\d{1,5})[ \t\r\n]+R")
            .expect("valid regex")
    });
    static CATALOG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u)(\d{1,10})[ \t\r\n]+(\d{1,5})[ \t\r\n]+obj[ \t\r\n]*<<[^\x00]{0,200}?/Type[ \t\r\n]*/Catalog")
            .expect("valid regex")
    });
    let number = |m: Option<regex::bytes::Match<'_>>| -> Option<u32> {
        std::str::from_utf8(m?.as_bytes()).ok()?.parse().ok()
    };
    // A later definition of the same object (an incremental update) wins.
    let mut objects: BTreeMap<u32, (u32, usize)> = BTreeMap::new();
    for c in HEADER.captures_iter(bytes) {
        let (Some(n), Some(generation), Some(at)) = (number(c.get(1)), number(c.get(2)), c.get(1))
        else {
            continue;
        };
        if n > 0 && n <= MAX_OBJECT_NUMBER {
            objects.insert(n, (generation, at.start()));
        }
    }
    let root = ROOT
        .captures_iter(bytes)
        .last()
        .or_else(|| CATALOG.captures_iter(bytes).last())
        .and_then(|c| Some((number(c.get(1))?, number(c.get(2))?)))
        .filter(|(n, _)| objects.contains_key(n))?;
    let size = objects.keys().next_back().copied()? + 1;
    let mut out = bytes.to_vec();
    out.extend_from_slice(b"\n");
    let xref_at = out.len();
    let mut table = format!("xref\n0 {size}\n0000000000 65535 f\r\n");
    for n in 1..size {
        // Entries are exactly 20 bytes: offset, generation, kind, two-byte line end.
        let _ = match objects.get(&n) {
            Some((generation, at)) => write!(table, "{at:010} {generation:05} n\r\n"),
            None => write!(table, "0000000000 65535 f\r\n"),
        };
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {size} /Root {} {} R >>\nstartxref\n{xref_at}\n%%EOF\n",
        root.0, root.1
    );
    out.extend_from_slice(table.as_bytes());
    Some(out)
}
