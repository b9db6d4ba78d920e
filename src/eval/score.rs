//! Counts per field, the scores computed from them, mismatches, and floors (`--min`).

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};
use std::str::FromStr;

/// The fields scored on every labelled report, in the order they are shown.
pub const FIELDS: [&str; 11] = [
    "kind",
    "title",
    "issuer",
    "report_year",
    "published",
    "issued",
    "draft",
    "rates",
    "rate_labels",
    "changes",
    "breakdowns",
];

/// Counts for one field. `correct/total` is the accuracy; `hits` are correct non-null finds, so
/// precision is `hits/found` and recall `hits/labelled` (non-null labels).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub correct: usize,
    pub total: usize,
    pub hits: usize,
    pub found: usize,
    pub labelled: usize,
}

impl Tally {
    /// One single-valued comparison: whether the label and the find are non-null, and whether
    /// they agree (null and nothing found agree).
    pub fn single(labelled: bool, found: bool, correct: bool) -> Tally {
        Tally {
            correct: usize::from(correct),
            total: 1,
            hits: usize::from(correct && labelled && found),
            found: usize::from(found),
            labelled: usize::from(labelled),
        }
    }

    pub fn add(&mut self, o: Tally) {
        self.correct += o.correct;
        self.total += o.total;
        self.hits += o.hits;
        self.found += o.found;
        self.labelled += o.labelled;
    }

    pub fn accuracy(&self) -> Option<f64> {
        ratio(self.correct, self.total)
    }

    pub fn precision(&self) -> Option<f64> {
        ratio(self.hits, self.found)
    }

    pub fn recall(&self) -> Option<f64> {
        ratio(self.hits, self.labelled)
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// `{"correct", "total", "accuracy", "precision", "recall"}`; a ratio with nothing to divide by
/// is null.
impl Serialize for Tally {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Score", 5)?;
        st.serialize_field("correct", &self.correct)?;
        st.serialize_field("total", &self.total)?;
        st.serialize_field("accuracy", &self.accuracy())?;
        st.serialize_field("precision", &self.precision())?;
        st.serialize_field("recall", &self.recall())?;
        st.end()
    }
}

/// A label the parser (or a rule) did not reproduce.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mismatch {
    /// A field of [`FIELDS`] or a rule id.
    pub field: String,
    /// The report's id in labels.yaml.
    pub id: String,
    /// The report file.
    pub file: String,
    /// Line in the report of what was found, else of the labelled text; null when neither has one.
    pub line: Option<u32>,
    /// `labels.yaml:line` of the label.
    pub labels: String,
    /// The label, null when nothing was labelled there (a find the labels do not have).
    pub expected: Option<String>,
    /// What was found, null when nothing was.
    pub found: Option<String>,
    /// Why, when there is more to say (the parser's kind_reason, a rule's message…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Mismatch {
    /// `file:line` in the report when there is a line, else the label's place.
    pub fn place(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.labels.clone(),
        }
    }
}

/// The result of `fzcheck eval`: scores per field and every mismatch, in corpus order.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    pub reports: usize,
    /// [`FIELDS`] in order, then rule ids in order.
    pub fields: Vec<(String, Tally)>,
    pub mismatches: Vec<Mismatch>,
    /// Rule ids with labelled verdicts whose pack was not loaded: not scored.
    pub unscored_rules: Vec<String>,
}

impl Evaluation {
    pub fn field(&self, name: &str) -> Option<&Tally> {
        self.fields.iter().find(|(f, _)| f == name).map(|(_, t)| t)
    }

    /// How this evaluation stands against a floor; `Err` (in Chinese) for a field that does not
    /// exist, so a typo in `--min` is not a silent pass.
    pub fn against(&self, floor: &Floor) -> Result<FloorOutcome, String> {
        let Some(tally) = self.field(&floor.field) else {
            if FIELDS.contains(&floor.field.as_str()) || floor.field.contains('/') {
                return Ok(FloorOutcome::Unlabelled);
            }
            let known = FIELDS
                .iter()
                .copied()
                .chain(self.fields.iter().map(|(f, _)| f.as_str()));
            let hint = crate::dsl::suggest(&floor.field, known)
                .map(|s| format!("；是不是 {s}？"))
                .unwrap_or_default();
            return Err(format!(
                "--min：没有字段 `{}`{hint}（字段：{}，或规则 id）",
                floor.field,
                FIELDS.join(", ")
            ));
        };
        Ok(match tally.accuracy() {
            None => FloorOutcome::Unlabelled,
            Some(a) if a + 1e-12 < floor.min => FloorOutcome::Below(a),
            Some(a) => FloorOutcome::Met(a),
        })
    }
}

impl Serialize for Evaluation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Fields<'a>(&'a [(String, Tally)]);
        impl Serialize for Fields<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (name, tally) in self.0 {
                    m.serialize_entry(name, tally)?;
                }
                m.end()
            }
        }
        let mut st = s.serialize_struct("Evaluation", 4)?;
        st.serialize_field("reports", &self.reports)?;
        st.serialize_field("fields", &Fields(&self.fields))?;
        st.serialize_field("mismatches", &self.mismatches)?;
        st.serialize_field("unscored_rules", &self.unscored_rules)?;
        st.end()
    }
}

/// `FIELD=RATIO` of `--min`: the accuracy below which eval fails.
#[derive(Debug, Clone, PartialEq)]
pub struct Floor {
    pub field: String,
    /// Between 0 and 1.
    pub min: f64,
}

impl FromStr for Floor {
    type Err = String;

    /// `report_year=0.98` or `report_year=98%`.
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("--min {s}：应写成 字段=比例，如 report_year=0.98 或 report_year=98%");
        let (field, ratio) = s.split_once('=').ok_or_else(bad)?;
        let (field, ratio) = (field.trim(), ratio.trim());
        let min = match ratio.strip_suffix(['%', '％']) {
            Some(pct) => pct.trim().parse::<f64>().map(|p| p / 100.0),
            None => ratio.parse::<f64>(),
        }
        .map_err(|_| bad())?;
        if field.is_empty() || !(0.0..=1.0).contains(&min) {
            return Err(bad());
        }
        Ok(Floor {
            field: field.to_string(),
            min,
        })
    }
}

/// How a field stands against its floor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FloorOutcome {
    Met(f64),
    Below(f64),
    /// Nothing labelled for the field: no accuracy to hold to a floor.
    Unlabelled,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floors_parse_ratio_or_percent() {
        let f: Floor = "rates=97%".parse().unwrap();
        assert_eq!(f.field, "rates");
        assert!((f.min - 0.97).abs() < 1e-12);
        assert_eq!("kind = 0.5".parse::<Floor>().unwrap().min, 0.5);
        for bad in ["kind", "kind=", "=0.5", "kind=1.5", "kind=abc", "kind=120%"] {
            assert!(bad.parse::<Floor>().is_err(), "{bad}");
        }
    }

    #[test]
    fn single_counts() {
        // null label, nothing found: correct, but neither a hit nor a find.
        assert_eq!(
            Tally::single(false, false, true),
            Tally {
                correct: 1,
                total: 1,
                ..Tally::default()
            }
        );
        let wrong = Tally::single(true, true, false);
        assert_eq!((wrong.hits, wrong.found, wrong.labelled), (0, 1, 1));
    }
}
