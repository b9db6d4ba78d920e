//! The built-in packs on the five real reports: what a careful reviewer sees.

#[macro_use]
mod seeds;

use fzcheck::engine::Status;
use seeds::*;

#[test]
fn seed_001_fails_on_its_draft_marker_and_the_missing_appearance_rate() {
    need_shared!("seeds");
    let v = check_file(&seed(SEEDS[1]));
    let draft = verdict(&v, "format/draft-marker");
    assert_eq!(draft.status, Status::Fail);
    assert!(draft.message.contains("讨论稿"), "{}", draft.message);
    assert_eq!(
        draft.evidence[0].start.line, 3,
        "the marker stands under the title"
    );
    // No rate and no lawsuit-free statement: the rate is missing, not below target.
    assert_eq!(status(&v, "metrics/appearance-rate"), Status::NotApplicable);
    let rate = verdict(&v, "metrics/appearance-rate-stated");
    assert_eq!(rate.status, Status::Fail);
    assert!(rate.message.contains("没有写明"), "{}", rate.message);
}

#[test]
fn seed_002_fails_the_appearance_target_and_shows_99_7() {
    need_shared!("seeds");
    let v = check_file(&seed(SEEDS[2]));
    let rate = verdict(&v, "metrics/appearance-rate");
    assert_eq!(rate.status, Status::Fail);
    assert!(rate.message.contains("99.7"), "{}", rate.message);
    assert!(rate.evidence.iter().any(|e| e.text.contains("99.7")));
}

#[test]
fn seed_003_fails_on_the_missing_appearance_rate() {
    need_shared!("seeds");
    let v = check_file(&seed(SEEDS[3]));
    // No rate and no lawsuit-free statement: the rate is missing, not below target.
    assert_eq!(status(&v, "metrics/appearance-rate"), Status::NotApplicable);
    let rate = verdict(&v, "metrics/appearance-rate-stated");
    assert_eq!(rate.status, Status::Fail);
    assert!(rate.message.contains("没有写明"), "{}", rate.message);
}

#[test]
fn seed_004_is_not_an_annual_report_and_annual_rules_do_not_apply() {
    need_shared!("seeds");
    let v = check_file(&seed(SEEDS[4]));
    let kind = verdict(&v, "content/is-annual-report");
    assert_eq!(kind.status, Status::Fail);
    for rule in [
        "metrics/appearance-rate",
        "content/shortcomings",
        "content/next-year-plan",
        "content/measures-results",
    ] {
        assert_eq!(status(&v, rule), Status::NotApplicable, "{rule}");
    }
}

#[test]
fn seed_000_passes_the_appearance_rate() {
    need_shared!("seeds");
    let v = check_file(&seed(SEEDS[0]));
    assert_eq!(status(&v, "metrics/appearance-rate"), Status::Pass);
}

#[test]
fn seed_001_contradicts_itself_on_full_coverage() {
    need_shared!("seeds");
    let v = check_file(&seed(SEEDS[1]));
    let c = verdict(&v, "consistency/coverage-contradiction");
    assert_eq!(c.status, Status::Fail);
    assert!(c.evidence.len() >= 2, "both statements are shown");
}

/// The whole table per seed, reviewed by hand: a change here is a change in what users are told.
#[test]
fn verdict_tables_of_all_seeds() {
    need_shared!("seeds");
    for stem in SEEDS {
        let v = check_file(&seed(stem));
        let table: Vec<String> = v
            .iter()
            .map(|v| format!("{:<40} {}", v.rule.id, v.status.as_str()))
            .collect();
        insta::assert_snapshot!(format!("verdicts_{stem}"), table.join("\n"));
    }
}
