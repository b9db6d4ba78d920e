//! The built-in packs' expressions, parsed by build.rs with this crate's parser and stored with
//! bincode: a run reads them back instead of parsing them with pest (most of a cold start). Any
//! other text, a user pack's, is parsed as it comes.

use super::ast::Expr;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Expression text → its tree as parsed (names not yet resolved: the checker runs at load).
static EXPRS: LazyLock<HashMap<String, Expr>> = LazyLock::new(|| {
    let bytes = include_bytes!(concat!(env!("OUT_DIR"), "/exprs.bin"));
    // Written by this build's build.rs from these very types; unreadable only if that broke, and
    // then every expression is simply parsed.
    bincode::deserialize::<Vec<(String, Expr)>>(bytes)
        .map(|v| v.into_iter().collect())
        .unwrap_or_default()
});

/// The baked tree of `src`, if a built-in pack holds that expression.
pub fn expr(src: &str) -> Option<Expr> {
    EXPRS.get(src).cloned()
}

#[cfg(test)]
mod tests {
    use super::EXPRS;
    use crate::dsl::parse_text;

    /// The baked trees are what the parser gives now: spans, literals and patterns alike.
    #[test]
    fn baked_expressions_equal_fresh_parses() {
        assert!(EXPRS.len() > 100, "only {} baked", EXPRS.len());
        for (text, baked) in EXPRS.iter() {
            let fresh = parse_text(text).expect("baked expressions parse");
            assert_eq!(format!("{fresh:?}"), format!("{baked:?}"), "{text}");
        }
    }
}
