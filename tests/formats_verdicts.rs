//! The same report in every format people have gives the same verdicts as its plain text.

#[macro_use]
mod seeds;

use seeds::*;

fn table(path: &std::path::Path) -> Vec<(String, &'static str)> {
    check_file(path)
        .into_iter()
        .map(|v| (v.rule.id.clone(), v.status.as_str()))
        .collect()
}

/// Every conversion in ../shared/seeds/formats, all of which must be there.
const FORMATS: [&str; 7] = [
    "docx",
    "styled.docx",
    "html",
    "pdf",
    "gb18030.txt",
    "ofd",
    "doc",
];

#[test]
fn every_converted_seed_gives_the_verdicts_of_its_text() {
    need_shared!("seeds/formats");
    let mut mismatches = Vec::new();
    for stem in SEEDS {
        let expected = table(&seed(stem));
        for ext in FORMATS {
            let path = shared(&format!("seeds/formats/{stem}.{ext}"));
            assert!(path.exists(), "{} is missing", path.display());
            let actual = table(&path);
            assert_eq!(actual.len(), expected.len(), "{stem}.{ext}: rules checked");
            for (e, a) in expected.iter().zip(&actual) {
                if e != a {
                    mismatches.push(format!("{stem}.{ext}: {} text={} here={}", e.0, e.1, a.1));
                }
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
