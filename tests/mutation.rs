//! Mutation harness: inject one defect at a time into the project's clean full reports
//! (corpus/full) and require the built-in packs to report it — a rule of the defect's kind that
//! passed on the clean report fails on the mutant, at the injected line when it shows where.
//! Each kind must be detected in ≥ 95 % of the reports it applies to; the table is printed
//! (`cargo test --test mutation -- --nocapture`). Also: no clean report fails at error level.
//!
//! Extension point: a defect kind is one [`Mutation`] in [`mutations`].

mod clean;

use clean::{clean_reports, parse_text, Clean};
use fzcheck::dict;
use fzcheck::engine::{self, Status, Verdict};
use fzcheck::pack;
use fzcheck::pack::Severity;
use fzcheck::report::Span;
use regex::Regex;

/// A defect planted in a clean report, and the line (1-based) it sits on when it has one.
struct Mutant {
    text: String,
    line: Option<usize>,
}

struct Mutation {
    kind: &'static str,
    /// Rules any of which reports this defect.
    rules: &'static [&'static str],
    /// `None` when the report has nothing to mutate (e.g. no appearance rate to lower).
    apply: fn(&Clean) -> Option<Mutant>,
}

fn mutations() -> Vec<Mutation> {
    vec![
        Mutation {
            kind: "rate below target",
            rules: &["metrics/appearance-rate"],
            apply: rate_below_target,
        },
        Mutation {
            kind: "rate removed",
            rules: &["metrics/appearance-rate-stated"],
            apply: rate_removed,
        },
        Mutation {
            kind: "required part removed",
            rules: &["content/shortcomings"],
            apply: shortcomings_removed,
        },
        Mutation {
            kind: "sum broken",
            rules: &["consistency/partition-sum"],
            apply: sum_broken,
        },
        Mutation {
            kind: "rate over 100%",
            rules: &["consistency/rate-range"],
            apply: rate_over_100,
        },
        Mutation {
            kind: "contradiction planted",
            rules: &["consistency/coverage-contradiction"],
            apply: contradiction,
        },
        Mutation {
            kind: "wrong next-year",
            rules: &["content/next-year-is-following"],
            apply: wrong_next_year,
        },
        Mutation {
            kind: "draft marker",
            rules: &["format/draft-marker"],
            apply: draft_marker,
        },
        Mutation {
            kind: "late publication",
            rules: &["content/publish-deadline"],
            apply: late_publication,
        },
        Mutation {
            kind: "numbering gap",
            rules: &["format/heading-sequence"],
            apply: numbering_gap,
        },
        Mutation {
            kind: "typo from the dictionary",
            rules: &["format/common-typos"],
            apply: typo,
        },
        Mutation {
            kind: "formulation broken",
            rules: &["format/formulations"],
            apply: formulation_broken,
        },
    ]
}

fn re(p: &str) -> Regex {
    Regex::new(p).expect("valid regex")
}

/// The text with line `i` (0-based) replaced.
fn with_line(c: &Clean, i: usize, line: &str) -> String {
    let mut lines = c.lines.clone();
    lines[i] = line.to_string();
    lines.join("\n")
}

/// The text with `new` inserted as a line after line `i` (0-based); the new line is `i + 2`.
fn insert_after(c: &Clean, i: usize, new: &str) -> Mutant {
    let mut lines = c.lines.clone();
    lines.insert(i + 1, new.to_string());
    Mutant {
        text: lines.join("\n"),
        line: Some(i + 2),
    }
}

/// The stated appearance rate: its line and the number's byte range in it.
fn appearance_rate(c: &Clean) -> Option<(usize, std::ops::Range<usize>)> {
    let rx = re(r"出庭应诉(率|比例)[^0-9０-９。；]{0,8}([0-9.]+)[%％]");
    c.lines.iter().enumerate().find_map(|(i, l)| {
        rx.captures(l)
            .and_then(|cap| cap.get(2))
            .map(|m| (i, m.range()))
    })
}

fn rate_below_target(c: &Clean) -> Option<Mutant> {
    let (i, at) = appearance_rate(c)?;
    let mut line = c.lines[i].clone();
    line.replace_range(at, "92.3");
    Some(Mutant {
        text: with_line(c, i, &line),
        line: Some(i + 1),
    })
}

fn rate_removed(c: &Clean) -> Option<Mutant> {
    let (i, _) = appearance_rate(c)?;
    // The clause stating the rate, any stated counts it could be computed from, and the rate in
    // words (负责人均出庭应诉, 均由局负责人出庭应诉).
    let clause = re(
        r"[，,；;]?[^，,。；;]*(出庭应诉(率|比例)|应出庭|出庭应诉[0-9]+件|负责人[^，,。；;]{0,12}(全部|均|全员|悉数)出庭|均由[^，,。；;]{0,12}负责人[^，,。；;]{0,4}出庭)[^，,。；;]*",
    );
    let line = clause.replace_all(&c.lines[i], "").into_owned();
    Some(Mutant {
        text: with_line(c, i, &line),
        line: None,
    })
}

/// A top-level heading line: 一、 … 十、 at the start, after indentation or Markdown marks.
fn top_heading(l: &str) -> bool {
    re(r"^[\s　#*]*[一二三四五六七八九十]+、").is_match(l)
}

/// The report's part headings: 第一部分… when it is organised in parts, else its 一、 headings.
fn part_heading(c: &Clean) -> fn(&str) -> bool {
    fn in_parts(l: &str) -> bool {
        re(r"^[\s　#*]*第[一二三四五六七八九十]+部分").is_match(l)
    }
    if c.lines.iter().any(|l| in_parts(l)) {
        in_parts
    } else {
        top_heading
    }
}

fn shortcomings_removed(c: &Clean) -> Option<Mutant> {
    let top = part_heading(c);
    let start = c
        .lines
        .iter()
        .position(|l| top(l) && re("不足|问题|短板|差距").is_match(l))?;
    let end = (start + 1..c.lines.len())
        .find(|&j| top(&c.lines[j]))
        .unwrap_or(c.lines.len());
    let mut lines = c.lines.clone();
    lines.drain(start..end);
    Some(Mutant {
        text: lines.join("\n"),
        line: None,
    })
}

/// The first line of the results part's body: after the first top-level heading naming results.
fn results_line(c: &Clean) -> Option<usize> {
    c.lines
        .iter()
        .position(|l| top_heading(l) && re("举措|成效|主要工作|工作情况").is_match(l))
}

fn sum_broken(c: &Clean) -> Option<Mutant> {
    let i = results_line(c)?;
    Some(insert_after(
        c,
        i,
        "全年办理行政复议案件40件，其中维持25件、撤销8件、驳回12件。",
    ))
}

fn rate_over_100(c: &Clean) -> Option<Mutant> {
    let i = results_line(c)?;
    Some(insert_after(c, i, "全年行政执法案卷评查合格率达到104%。"))
}

fn contradiction(c: &Clean) -> Option<Mutant> {
    let i = results_line(c)?;
    let claim = insert_after(c, i, "全域行政执法人员法治培训实现全覆盖。");
    let lines: Vec<String> = claim.text.lines().map(str::to_string).collect();
    let j = lines
        .iter()
        .position(|l| top_heading(l) && re("不足|问题|短板|差距").is_match(l))?;
    let mut out = lines;
    out.insert(
        j + 1,
        "行政执法人员法治培训尚未实现全覆盖，原因是经费不足。".into(),
    );
    Some(Mutant {
        text: out.join("\n"),
        line: Some(j + 2),
    })
}

fn wrong_next_year(c: &Clean) -> Option<Mutant> {
    let year = c.report_year?;
    let top = part_heading(c);
    let i = c.lines.iter().position(|l| {
        top(l)
            && re("打算|安排|计划|思路|展望|下一步|重点工作").is_match(l)
            && !re("举措|成效").is_match(l)
    })?;
    let marker =
        re(r"^[\s　#*]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分[\s　]*)")
            .find(&c.lines[i])?;
    let line = format!("{}{}年工作安排", marker.as_str(), year + 2);
    Some(Mutant {
        text: with_line(c, i, &line),
        line: Some(i + 1),
    })
}

fn title_line(c: &Clean) -> Option<usize> {
    c.lines
        .iter()
        .position(|l| l.contains("法治政府建设") && l.contains("报告") && l.chars().count() < 60)
}

fn draft_marker(c: &Clean) -> Option<Mutant> {
    Some(insert_after(c, title_line(c)?, "（征求意见稿）"))
}

fn late_publication(c: &Clean) -> Option<Mutant> {
    let year = c.report_year?;
    let date = format!("{}-05-12", year + 1);
    let stated = re(r"(发布(时间|日期)[:：]\s*)(\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日)");
    if let Some(i) = c.lines.iter().position(|l| stated.is_match(l)) {
        let line = stated
            .replace(&c.lines[i], format!("${{1}}{date}"))
            .into_owned();
        return Some(Mutant {
            text: with_line(c, i, &line),
            line: Some(i + 1),
        });
    }
    Some(insert_after(
        c,
        title_line(c)?,
        &format!("发布时间：{date}"),
    ))
}

fn numbering_gap(c: &Clean) -> Option<Mutant> {
    // The last top-level heading skips a number: 四、 → 五、 after 三、.
    let i = c.lines.iter().rposition(|l| top_heading(l))?;
    let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let line = &c.lines[i];
    let (k, n) = numerals
        .iter()
        .enumerate()
        .find_map(|(k, n)| line.find(&format!("{n}、")).map(|_| (k, *n)))?;
    let next = numerals.get(k + 1)?;
    let line = line.replacen(&format!("{n}、"), &format!("{next}、"), 1);
    Some(Mutant {
        text: with_line(c, i, &line),
        line: Some(i + 1),
    })
}

/// A dictionary mutation: the planted text and the line of the planted span.
fn planted(c: &Clean, plant: fn(&str) -> Option<(String, Span)>) -> Option<Mutant> {
    let (text, span) = plant(&c.text)?;
    let line = text[..span.start].matches('\n').count() + 1;
    Some(Mutant {
        text,
        line: Some(line),
    })
}

/// A right form of the typo dictionary replaced by its wrong form (部署 → 布署, 已经 → 己经 …).
fn typo(c: &Clean) -> Option<Mutant> {
    planted(c, dict::plant_typo)
}

/// An anchored formulation cut short (…中国特色社会主义思想 → …中国特色社会主义).
fn formulation_broken(c: &Clean) -> Option<Mutant> {
    planted(c, dict::plant_formulation_error)
}

fn failed(v: &[Verdict], rule: &str) -> Option<bool> {
    v.iter()
        .find(|x| x.rule.id == rule)
        .map(|x| x.status == Status::Fail)
}

/// Whether a rule of the mutation fails on the mutant, not on the clean report, and at the
/// injected line when the verdict shows where.
fn detected(m: &Mutation, clean: &[Verdict], mutant: &Mutant, after: &[Verdict]) -> bool {
    m.rules.iter().any(|rule| {
        if failed(clean, rule) != Some(false) || failed(after, rule) != Some(true) {
            return false;
        }
        let v = after.iter().find(|x| x.rule.id == *rule).expect("verdict");
        match mutant.line {
            Some(line) if !v.evidence.is_empty() => {
                v.evidence.iter().any(|e| e.start.line as usize == line)
            }
            _ => true,
        }
    })
}

#[test]
fn every_defect_kind_is_detected_at_its_line() {
    let rules = pack::load_builtin().expect("built-in packs load");
    let reports = clean_reports();
    assert!(reports.len() >= 3, "corpus/full has too few clean reports");
    let mut table = Vec::new();
    let mut misses = Vec::new();
    for m in mutations() {
        let (mut injected, mut found) = (0usize, 0usize);
        for c in &reports {
            let Some(mutant) = (m.apply)(c) else {
                continue;
            };
            injected += 1;
            let after = engine::check(&parse_text(&c.name, &mutant.text), &rules);
            if detected(&m, &c.verdicts, &mutant, &after) {
                found += 1;
            } else {
                misses.push(format!("{}: {}", m.kind, c.name));
            }
        }
        table.push((m.kind, injected, found));
    }
    println!("| defect kind | injected | detected |\n|---|---|---|");
    for (kind, injected, found) in &table {
        println!("| {kind} | {injected} | {found} |");
    }
    for (kind, injected, found) in &table {
        assert!(
            *injected >= 3,
            "{kind}: injected into only {injected} reports"
        );
        assert!(
            *found * 100 >= *injected * 95,
            "{kind}: detected {found} of {injected}; missed: {misses:?}"
        );
    }
}

#[test]
fn clean_reports_have_no_error_level_failure() {
    for c in clean_reports() {
        let errors: Vec<_> = c
            .verdicts
            .iter()
            .filter(|v| v.status == Status::Fail && v.rule.severity == Severity::Error)
            .map(|v| format!("{} {}", v.rule.id, v.message))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", c.name);
    }
}
