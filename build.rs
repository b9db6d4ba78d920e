//! Bakes the built-in rules so that a run parses neither their YAML nor their expressions:
//!
//! - every rules/*.yaml and rules/dict/*.yaml becomes JSON (`baked_files.rs`: YAML text and its
//!   JSON), which serde reads several times faster (src/pack/baked.rs);
//! - every string of a pack that parses as an expression, and every `{…}` placeholder in one, is
//!   parsed with the crate's own parser (the files below, shared with src/dsl) and stored with
//!   bincode (`exprs.bin`, read by src/dsl/baked.rs).
//!
//! Both are caches keyed by the exact text: a file or expression build.rs skipped or could not read
//! is parsed at run time as before, with the same located errors. New files are picked up from the
//! folders; nothing needs listing here.

use std::fs;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/dsl/ast.rs"]
mod ast;
#[allow(dead_code)]
#[path = "src/dsl/error.rs"]
mod error;
#[allow(dead_code)]
#[path = "src/dsl/parser.rs"]
mod parser;
#[allow(dead_code)]
#[path = "src/dsl/pattern.rs"]
mod pattern;

use pattern::Pattern;

/// What the checker resolves; a tree as parsed holds none, and they are not serialized.
mod functions {
    #[derive(Debug, Clone, Copy)]
    pub struct Func;
}
mod types {
    #[derive(Debug, Clone, Copy)]
    pub struct Field;
}
/// The parser's own cache is what is being built.
mod baked {
    pub fn expr(_: &str) -> Option<crate::ast::Expr> {
        None
    }
}

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    for input in ["rules", "grammar", "src/dsl/ast.rs", "src/dsl/error.rs"] {
        println!("cargo:rerun-if-changed={input}");
    }
    for input in ["src/dsl/parser.rs", "src/dsl/pattern.rs", "build.rs"] {
        println!("cargo:rerun-if-changed={input}");
    }
    let mut table = String::from("&[\n");
    let mut exprs: Vec<(String, ast::Expr)> = Vec::new();
    for (dir, is_pack) in [("rules", true), ("rules/dict", false)] {
        for path in yaml_files(&root.join(dir)) {
            let Ok(text) = fs::read_to_string(&path) else {
                continue;
            };
            let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(&text) else {
                continue;
            };
            let Ok(json) = serde_json::to_string(&value) else {
                continue;
            };
            let name = path.file_stem().unwrap_or_default().to_string_lossy();
            let dest = out.join(format!("{}-{name}.json", dir.replace('/', "-")));
            fs::write(&dest, json).expect("OUT_DIR is writable");
            table.push_str(&format!(
                "    (include_str!({:?}), include_str!({:?})),\n",
                path.display().to_string(),
                dest.display().to_string()
            ));
            if is_pack {
                strings(&value, &mut |s| bake(s, &mut exprs));
            }
        }
    }
    table.push_str("]\n");
    fs::write(out.join("baked_files.rs"), table).expect("OUT_DIR is writable");
    exprs.sort_by(|a, b| a.0.cmp(&b.0));
    exprs.dedup_by(|a, b| a.0 == b.0);
    let bytes = bincode::serialize(&exprs).expect("expressions serialize");
    fs::write(out.join("exprs.bin"), bytes).expect("OUT_DIR is writable");
}

/// The .yaml files directly in `dir`, in name order.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
    files.sort();
    files
}

/// Every string scalar of `v`.
fn strings(v: &serde_yaml::Value, f: &mut impl FnMut(&str)) {
    use serde_yaml::Value as Y;
    match v {
        Y::String(s) => f(s),
        Y::Sequence(items) => items.iter().for_each(|i| strings(i, f)),
        Y::Mapping(m) => m.values().for_each(|i| strings(i, f)),
        Y::Tagged(t) => strings(&t.value, f),
        Y::Null | Y::Bool(_) | Y::Number(_) => {}
    }
}

/// Keep the tree of `s`, and of every balanced `{…}` in it (a template's placeholders), where it
/// parses.
fn bake(s: &str, exprs: &mut Vec<(String, ast::Expr)>) {
    let mut keep = |text: &str| {
        if let Ok(e) = parser::parse(text) {
            exprs.push((text.to_string(), e));
        }
    };
    keep(s);
    let mut open = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            '{' => open.push(i + 1),
            '}' => {
                if let Some(start) = open.pop() {
                    keep(&s[start..i]);
                }
            }
            _ => {}
        }
    }
}
