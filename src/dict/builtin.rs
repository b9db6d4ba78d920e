//! The dictionaries compiled into the binary, from rules/dict/*.yaml.

/// Name and YAML text of each built-in dictionary.
pub const BUILTIN: &[(&str, &str)] = &[
    ("typos", include_str!("../../rules/dict/typos.yaml")),
    (
        "formulations",
        include_str!("../../rules/dict/formulations.yaml"),
    ),
];
