//! Accuracy on labelled corpora (`fzcheck eval`): a corpus is a folder with labels.yaml and the
//! reports it names; each report is parsed once and what the parser (and, for labelled verdicts,
//! the rules) found is compared with the labels, per field, keeping every mismatch. The library
//! never prints: `cli::eval` renders an [`Evaluation`].

mod compare;
mod corpus;
mod error;
mod items;
mod labels;
mod run;
mod score;

pub use compare::{find_all, issuer_matches, kind_matches, title_matches};
pub use corpus::{Corpus, LABELS_FILE};
pub use error::{EvalError, LabelsError};
pub use labels::{
    BreakdownLabel, ChangeLabel, ChangeUnit, Direction, ExpectedStatus, Label, LabelKind,
    LabelsFile, RateLabel, Relation,
};
pub use run::evaluate;
pub use score::{Evaluation, Floor, FloorOutcome, Mismatch, Tally, FIELDS};

/// The JSON Schema of labels.yaml, as committed in docs/labels.schema.json.
pub fn schema() -> String {
    let schema = schemars::schema_for!(LabelsFile);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
