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

#[test]
fn every_converted_seed_gives_the_verdicts_of_its_text() {
    need_shared!("seeds/formats");
    let mut mismatches = Vec::new();
    for stem in SEEDS {
        let expected = table(&seed(stem));
        for ext in [
            "docx",
            "styled.docx",
            "html",
            "pdf",
            "gb18030.txt",
            "ofd",
            "doc",
        ] {
            let path = shared(&format!("seeds/formats/{stem}.{ext}"));
            if !path.exists() {
                continue;
            }
            let actual = table(&path);
            for (e, a) in expected.iter().zip(&actual) {
                if e != a {
                    mismatches.push(format!("{stem}.{ext}: {} text={} here={}", e.0, e.1, a.1));
                }
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
