//! Pack tests: fixture reports with the verdict each rule must give, run by `fzcheck test` and by
//! `cargo test` for the built-in packs (as `opa test` and ast-grep's rule tests do).
//!
//! A test file sits in a `tests/` folder beside its pack:
//!
//! ```yaml
//! pack: ../content.yaml
//! cases:
//!   - rule: content/shortcomings
//!     pass: [../fixtures/good-report.md]
//!     fail:
//!       - from: ../fixtures/good-report.md      # a fixture with exact replacements
//!         replace: {"三、存在的不足和原因": "三、体会与认识"}
//!       - text: |                               # or an inline report
//!           …
//!     not_applicable: [../fixtures/case-study.md]
//!     negative:                                 # correct prose: must pass or be not applicable
//!       - text: |
//!           …
//! ```
//!
//! `fail` cases are positive (a defect the rule must report); `pass` and `negative` cases are
//! negative (correct text it must not fail); [`Tally`] counts them apart.

mod fixture;
mod run;
mod spec;

pub use run::{discover, run_file, CaseResult, FileResult, Tally, VerifyError};
pub use spec::{CaseSpec, Expect, FixtureSpec, TestFile};
