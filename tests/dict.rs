//! Dictionaries: every entry's own tests (the wrong form fires, the right form and every
//! exception pass, and the entry's `fire`/`pass` sentences), user dictionaries through
//! `--config`, and the mutation helpers.

use fzcheck::dict::{plant_formulation_error, plant_typo, DictKind, Dictionary, Dicts, HitKind};
use fzcheck::pack::YamlSource;

fn builtin() -> std::sync::Arc<Dicts> {
    Dicts::builtin().expect("built-in dictionaries compile")
}

/// One failure line per broken test, naming the dictionary and entry.
fn entry_failures(d: &Dictionary) -> Vec<String> {
    let mut bad = Vec::new();
    for e in &d.entries {
        let name = format!("{} #{} {}", d.id, e.index + 1, e.right);
        let of_entry = |text: &str, year| {
            d.scan(text, year)
                .into_iter()
                .filter(|h| std::ptr::eq(h.entry, e))
                .count()
        };
        // Implicit tests: each wrong form in a sentence fires; the right form never does.
        for w in &e.wrong {
            let s = format!("本年度，{w}。");
            if of_entry(&s, e.year) == 0 {
                bad.push(format!("{name}: “{s}” should fire"));
            }
        }
        // Without a year: a meeting's right name is late only for some years.
        let s = format!("本年度，{}。", e.right);
        if let Some(h) = d.scan(&s, None).first() {
            bad.push(format!("{name}: right form fires entry {}", h.entry.right));
        }
        for s in &e.fire {
            if of_entry(s, e.year) == 0 {
                bad.push(format!("{name}: “{s}” should fire"));
            }
        }
        for s in &e.pass {
            if let Some(h) = d.scan(s, e.year).first() {
                let found = &s[h.range.clone()];
                bad.push(format!("{name}: “{s}” should pass, “{found}” fired"));
            }
        }
    }
    bad
}

/// The load-time check of a user's dictionary, held for the built-in ones here rather than at
/// every start: no right form, other correct form or exception fires anywhere in its dictionary.
#[test]
fn builtin_correct_forms_never_fire() {
    for (name, text) in fzcheck::dict::builtin::BUILTIN {
        let src = YamlSource::new(format!("rules/dict/{name}.yaml"), *text);
        let dict = Dictionary::parse(&src);
        assert!(dict.is_ok(), "{}", dict.unwrap_err());
    }
}

#[test]
fn every_builtin_entry_passes_its_own_tests() {
    let dicts = builtin();
    let bad: Vec<String> = dicts.dicts.iter().flat_map(entry_failures).collect();
    assert!(
        bad.is_empty(),
        "{} failures:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// The committed schema equals the generated one (`FZCHECK_BLESS=1` rewrites it) and every
/// built-in dictionary validates against it.
#[test]
fn schema_is_current_and_builtin_dictionaries_validate() {
    let want = fzcheck::dict::schema();
    let path = format!("{}/rules/dict.schema.json", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("FZCHECK_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        have, want,
        "rules/dict.schema.json is stale: run FZCHECK_BLESS=1 cargo test --test dict"
    );
    let schema: serde_json::Value = serde_json::from_str(&want).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (name, text) in fzcheck::dict::builtin::BUILTIN {
        assert!(text.starts_with("# yaml-language-server: $schema=../dict.schema.json\n"));
        let doc: serde_json::Value = serde_yaml::from_str(text).unwrap();
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

#[test]
fn sizes_and_sources() {
    let dicts = builtin();
    let typos = dicts.get("typos").unwrap();
    assert_eq!(typos.kind, DictKind::Typo);
    assert!(typos.entries.len() >= 300, "{}", typos.entries.len());
    let forms = dicts.get("formulations").unwrap();
    assert_eq!(forms.kind, DictKind::Formulation);
    for d in &dicts.dicts {
        for e in &d.entries {
            assert!(d.sources.contains_key(&e.source));
        }
    }
}

#[test]
fn typos_report_span_and_correction_and_respect_exceptions() {
    let d = builtin();
    let text = "区政府专门布署了执法工作，整改己完成；自己完成的事项和截止日期另行公布。";
    let hits = d.scan(DictKind::Typo, text, None);
    let found: Vec<(&str, &str)> = hits
        .iter()
        .map(|h| (&text[h.range.clone()], h.entry.right.as_str()))
        .collect();
    assert_eq!(found, vec![("布署", "部署"), ("己完成", "已完成")]);
    // 发布署名: 布署 inside a correct longer word.
    assert!(d
        .scan(DictKind::Typo, "及时发布署名文章。", None)
        .is_empty());
}

#[test]
fn truncated_formulation_found_without_listing_it() {
    let d = builtin();
    let text = "坚持以习近平新时代中国特色社会主义为指导，深入学习习近平法治。";
    let hits = d.scan(DictKind::Formulation, text, Some(2024));
    let kinds: Vec<(HitKind, &str)> = hits
        .iter()
        .map(|h| (h.kind, &text[h.range.clone()]))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (HitKind::Truncated, "习近平新时代中国特色社会主义为"),
            (HitKind::Truncated, "习近平法治。"),
        ]
    );
}

#[test]
fn late_sessions_and_outdated_forms_depend_on_the_year() {
    let d = builtin();
    let text = "学习贯彻党的二十届三中全会精神。";
    let late = |y| {
        d.scan(DictKind::Formulation, text, Some(y))
            .iter()
            .any(|h| h.kind == HitKind::Late)
    };
    // Held in July 2024: a report on 2023 (due by March 2024) cannot cite it; one on 2024 can.
    assert!(late(2023));
    assert!(!late(2024));
    assert!(d.scan(DictKind::Formulation, text, None).is_empty());
    let old = "建设廉洁高效、守法诚信的法治政府。";
    assert!(d.scan(DictKind::Formulation, old, Some(2020)).is_empty());
    assert_eq!(
        d.scan(DictKind::Formulation, old, Some(2022))[0].kind,
        HitKind::Outdated
    );
}

#[test]
fn user_dictionary_is_validated_with_file_and_line() {
    let bad = "dictionary: local\ntitle: 本地词表\nkind: typo\nsources: {A: 本地规范}\nentries:\n  - {wrong: 青溪县, right: 青溪区, source: B}\n";
    let err = Dictionary::parse(&YamlSource::new("本地词表.yaml", bad)).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("本地词表.yaml:6"), "{text}");
    assert!(text.contains("来源“B”"), "{text}");
    // An exception that is not a longer form of the wrong one is refused.
    let bad = "dictionary: local\ntitle: t\nkind: typo\nsources: {A: a}\nentries:\n  - {wrong: 布署, right: 部署, source: A, except: [部署会]}\n";
    let err = Dictionary::parse(&YamlSource::new("x.yaml", bad)).unwrap_err();
    assert!(err.to_string().contains("例外"), "{err}");
    // A right form that an entry would flag is refused: correct words never fire.
    let bad = "dictionary: local\ntitle: t\nkind: typo\nsources: {A: a}\nentries:\n  - {wrong: 年度, right: 年度报告, source: A}\n";
    let err = Dictionary::parse(&YamlSource::new("x.yaml", bad)).unwrap_err();
    assert!(err.to_string().contains("误报"), "{err}");
}

#[test]
fn plant_typo_plants_a_detected_typo_at_the_returned_span() {
    let text = "一、主要工作\n区政府研究部署法治政府建设工作，各项任务已完成。\n";
    let (planted, span) = plant_typo(text).expect("a right form to replace");
    assert_ne!(planted, text);
    let d = builtin();
    let norm = fzcheck::report::NormText::new(&planted);
    let hit = d
        .scan(DictKind::Typo, &norm.text, None)
        .into_iter()
        .map(|h| norm.to_source(h.range))
        .find(|s| s.start <= span.start && span.start < s.end);
    assert!(hit.is_some(), "{planted}");
    assert!(plant_typo("没有可替换的字。").is_none());
}

#[test]
fn plant_formulation_error_truncates_a_formulation() {
    let text = "坚持以习近平新时代中国特色社会主义思想为指导。";
    let (planted, span) = plant_formulation_error(text).unwrap();
    assert_eq!(planted, "坚持以习近平新时代中国特色社会主义为指导。");
    assert_eq!(
        &planted[span.start..span.end],
        "习近平新时代中国特色社会主义"
    );
}

/// A dictionary named in the configuration is loaded with the built-in ones and applied by the
/// format pack's `typos()`; a broken one stops loading with its file named.
#[test]
fn user_dictionary_from_config_is_applied() {
    use fzcheck::engine::{check, Status};
    use fzcheck::pack::{self, Config};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("本地词表.yaml"),
        "dictionary: local\ntitle: 本地地名\nkind: typo\nsources: {QX: 青溪区行政区划名称}\nentries:\n  - {wrong: 清溪区, right: 青溪区, source: QX, except: [清溪区块], fire: [清溪区人民政府], pass: [清溪区块链产业园]}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("fzcheck.yaml"),
        "dictionaries: [./本地词表.yaml]\n",
    )
    .unwrap();
    let config = Config::from_path(dir.path().join("fzcheck.yaml")).unwrap();
    let rules = pack::load(&["format"], &config).unwrap();
    let text = "清溪区人民政府关于2024年法治政府建设情况的报告\n\n一、主要工作\n\n清溪区人民政府全面推进依法行政，区块链产业园建设有序推进。\n";
    let report = fzcheck::report::parse(fzcheck::ingest::SourceText::from_text("r.md", text));
    let verdicts = check(&report, &rules);
    let typos = verdicts
        .iter()
        .find(|v| v.rule.id == "format/common-typos")
        .unwrap();
    assert_eq!(typos.status, Status::Fail, "{typos:?}");
    assert!(typos.message.contains("清溪区"), "{}", typos.message);
    // Without the configuration the same report passes: the entry came from the user's file.
    let plain = pack::load(&["format"], &Config::default()).unwrap();
    let v = check(&report, &plain);
    let typos = v
        .iter()
        .find(|v| v.rule.id == "format/common-typos")
        .unwrap();
    assert_eq!(typos.status, Status::Pass, "{typos:?}");

    std::fs::write(
        dir.path().join("本地词表.yaml"),
        "dictionary: typos\ntitle: 与内置同名\nkind: typo\nsources: {A: a}\nentries:\n  - {wrong: 清溪区, right: 青溪区, source: A}\n",
    )
    .unwrap();
    let err = pack::load(&["format"], &config).unwrap_err().to_string();
    assert!(
        err.contains("本地词表.yaml") && err.contains("typos"),
        "{err}"
    );
}
