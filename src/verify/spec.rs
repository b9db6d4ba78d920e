use serde::Deserialize;

/// A pack test file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestFile {
    /// The pack under test, relative to the test file.
    pub pack: String,
    pub cases: Vec<CaseSpec>,
}

/// The fixtures of one rule, by the verdict each must give.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseSpec {
    pub rule: String,
    #[serde(default)]
    pub pass: Vec<FixtureSpec>,
    #[serde(default)]
    pub fail: Vec<FixtureSpec>,
    #[serde(default)]
    pub not_applicable: Vec<FixtureSpec>,
    /// Correct prose the rule must stay silent on (pass or not applicable): idioms, near-misses,
    /// the same word in a legitimate use.
    #[serde(default)]
    pub negative: Vec<FixtureSpec>,
}

impl CaseSpec {
    /// Every fixture with the verdict expected of it.
    pub fn expectations(&self) -> impl Iterator<Item = (Expect, &FixtureSpec)> {
        let tag = |e: Expect| move |f| (e, f);
        self.pass
            .iter()
            .map(tag(Expect::Pass))
            .chain(self.fail.iter().map(tag(Expect::Fail)))
            .chain(self.not_applicable.iter().map(tag(Expect::NotApplicable)))
            .chain(self.negative.iter().map(tag(Expect::Silent)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Pass,
    Fail,
    NotApplicable,
    /// Anything but a failure.
    Silent,
}

impl Expect {
    pub fn as_str(self) -> &'static str {
        match self {
            Expect::Pass => "pass",
            Expect::Fail => "fail",
            Expect::NotApplicable => "not_applicable",
            Expect::Silent => "pass or not_applicable",
        }
    }
}

/// A fixture report: a file, an inline text, or a file with exact replacements.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum FixtureSpec {
    Path(String),
    Inline {
        name: Option<String>,
        text: String,
        /// Text the verdict's message must contain.
        message: Option<String>,
    },
    Derived {
        name: Option<String>,
        from: String,
        /// Each key must occur in the base fixture; it is replaced everywhere by its value.
        replace: serde_yaml::Mapping,
        message: Option<String>,
    },
}

impl FixtureSpec {
    /// The message text the verdict must contain, if the case says.
    pub fn message(&self) -> Option<&str> {
        match self {
            FixtureSpec::Path(_) => None,
            FixtureSpec::Inline { message, .. } | FixtureSpec::Derived { message, .. } => {
                message.as_deref()
            }
        }
    }
}
