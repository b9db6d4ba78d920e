//! The built-in packs' tests and the example pack's, through the runner users get (`fzcheck test`).

use fzcheck::verify;
use std::collections::BTreeMap;
use std::path::Path;

fn run_all(dir: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let files = verify::discover(&root);
    assert!(!files.is_empty(), "no test files under {dir}");
    let mut failures = Vec::new();
    let mut count = 0;
    for file in files {
        let result = verify::run_file(&file).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            result.untested.is_empty(),
            "{}: untested rules {:?}",
            file.display(),
            result.untested
        );
        for case in result.cases {
            count += 1;
            if !case.ok() {
                failures.push(format!(
                    "{} [{}]: expected {}, got {:?} — {} {:?}",
                    case.rule,
                    case.fixture,
                    case.expected.as_str(),
                    case.actual,
                    case.message,
                    case.missing_message
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
    count
}

#[test]
fn every_built_in_rule_passes_its_fixtures() {
    let cases = run_all("rules");
    assert!(cases >= 120, "only {cases} cases");
}

/// Cases of one rule may be split over several entries (positive ones first, negatives later).
#[test]
fn every_built_in_rule_has_passing_failing_and_negative_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut kinds: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for file in verify::discover(&root) {
        let text = std::fs::read_to_string(&file).unwrap();
        let spec: verify::TestFile = serde_yaml::from_str(&text).unwrap();
        for case in spec.cases {
            let k = kinds.entry(case.rule).or_default();
            k[0] += case.pass.len();
            k[1] += case.fail.len();
            k[2] += case.negative.len();
        }
    }
    let lacking: Vec<_> = kinds
        .iter()
        .filter(|(_, k)| k.contains(&0))
        .map(|(rule, k)| format!("{rule} pass/fail/negative {k:?}"))
        .collect();
    assert!(lacking.is_empty(), "{lacking:#?}");
}

#[test]
fn the_example_user_pack_is_green() {
    run_all("examples/city-pack");
}
