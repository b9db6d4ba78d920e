//! Stage 3a — dsl: the expression language of rule checks (grammar in grammar/rule.pest).
