//! The packs compiled into the binary, from rules/*.yaml.

/// Name and YAML text of each built-in pack, in the order they run.
pub const BUILTIN: &[(&str, &str)] = &[
    ("content", include_str!("../../rules/content.yaml")),
    ("metrics", include_str!("../../rules/metrics.yaml")),
    ("consistency", include_str!("../../rules/consistency.yaml")),
    ("format", include_str!("../../rules/format.yaml")),
];

pub fn get(name: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}
