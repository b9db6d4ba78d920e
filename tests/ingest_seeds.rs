//! Every seed in every format of ../shared/seeds/formats reads to the paragraphs of the seed's .txt.
//!
//! Lines are compared normalised: width folded (fzcheck's `fold_width`), all whitespace removed, a
//! leading Markdown heading marker (`### `) dropped. Recall is the share of the seed's non-empty lines
//! found in the extracted text, precision the share of extracted lines found in the seed. "Exact"
//! compares lines only trimmed (and without `#`), so spaces and full-width forms must match too.
#[macro_use]
mod seeds;

use fzcheck::ingest::{read_path, Format, IngestOptions, SourceText};
use fzcheck::report::fold_width;
use std::collections::HashMap;
use std::path::PathBuf;

const SEEDS: [&str; 5] = [
    "000_6a7d678843610ca3",
    "001_b0a4e5838c299365",
    "002_f03c9c4a6a5d80c2",
    "003_2da538da58d27d43",
    "004_cc4e422fbf60c48a",
];

fn seeds_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"))
}

fn normalise(line: &str) -> String {
    let folded: String = line
        .chars()
        .map(fold_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    folded.trim_start_matches('#').to_string()
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(normalise)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Share of `wanted` found in `have`, counting repeated lines as often as they occur.
fn overlap(wanted: &[String], have: &[String]) -> (f64, Vec<String>) {
    let mut pool: HashMap<&str, usize> = HashMap::new();
    for l in have {
        *pool.entry(l.as_str()).or_default() += 1;
    }
    let mut missing = Vec::new();
    for l in wanted {
        match pool.get_mut(l.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => missing.push(l.clone()),
        }
    }
    let found = wanted.len() - missing.len();
    (found as f64 / wanted.len().max(1) as f64, missing)
}

fn read(seed: &str, suffix: &str) -> SourceText {
    let path = seeds_dir().join("formats").join(format!("{seed}{suffix}"));
    read_path(&path, &IngestOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// Recall and precision of `suffix` over all seeds, printed per seed with the misses.
fn check(suffix: &str, formats: &[Format], min_recall: f64, min_precision: f64) {
    for seed in SEEDS {
        let expected = std::fs::read_to_string(seeds_dir().join(format!("{seed}.txt"))).unwrap();
        let want = lines(&expected);
        let got = read(seed, suffix);
        assert!(
            formats.contains(&got.format),
            "{seed}{suffix}: {:?}",
            got.format
        );
        let have = lines(&got.text);
        let (recall, missing) = overlap(&want, &have);
        let (precision, extra) = overlap(&have, &want);
        // Also without any normalisation beyond trimming, for the record.
        let raw = |t: &str| -> Vec<String> {
            t.lines()
                .map(|l| l.trim().trim_start_matches('#').trim_start().to_string())
                .filter(|l| !l.is_empty())
                .collect()
        };
        let (exact, _) = overlap(&raw(&expected), &raw(&got.text));
        println!(
            "{seed}{suffix}: recall {:.1}% ({} of {} lines), precision {:.1}%, exact {:.1}%",
            recall * 100.0,
            want.len() - missing.len(),
            want.len(),
            precision * 100.0,
            exact * 100.0
        );
        for m in &missing {
            println!("  missing: {}", m.chars().take(60).collect::<String>());
        }
        for x in &extra {
            println!("  extra:   {}", x.chars().take(60).collect::<String>());
        }
        assert!(recall >= min_recall, "{seed}{suffix}: recall {recall}");
        assert!(exact >= min_recall, "{seed}{suffix}: exact {exact}");
        assert!(
            precision >= min_precision,
            "{seed}{suffix}: precision {precision}"
        );
    }
}

#[test]
fn gb18030_text_matches_seed() {
    need_shared!("seeds/formats");
    check(".gb18030.txt", &[Format::Text, Format::Markdown], 1.0, 1.0);
}

#[test]
fn docx_matches_seed() {
    need_shared!("seeds/formats");
    check(".docx", &[Format::Docx], 1.0, 1.0);
}

/// Seed 000 has a Markdown rule (`---`) that pandoc turned into a border, which has no text: 41 of 42.
#[test]
fn styled_docx_matches_seed() {
    need_shared!("seeds/formats");
    check(".styled.docx", &[Format::Docx], 0.97, 1.0);
}

/// The same `---` became `<hr>`: 41 of 42 lines of seed 000, all lines of the others.
#[test]
fn html_matches_seed() {
    need_shared!("seeds/formats");
    check(".html", &[Format::Html], 0.97, 1.0);
}

#[test]
fn pdf_matches_seed() {
    need_shared!("seeds/formats");
    check(".pdf", &[Format::Pdf], 1.0, 1.0);
}

/// The seed's lines are paragraphs of the .doc; the `1.` list numbers are automatic numbering, which
/// is rendered into the text. Seed 000's `---` became a border without text, as in the .styled.docx.
#[test]
fn doc_matches_seed() {
    need_shared!("seeds/formats");
    check(".doc", &[Format::Doc], 0.97, 1.0);
}

#[test]
fn doc_numbering_and_paragraphs() {
    need_shared!("seeds/formats");
    let doc = read(SEEDS[0], ".doc");
    let items: Vec<&str> = doc
        .text
        .lines()
        .filter_map(|l| l.split_once(' ').map(|(n, _)| n))
        .filter(|n| n.ends_with('.') && n[..n.len() - 1].parse::<u32>().is_ok())
        .collect();
    let expected = [
        "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9.", "10.", "11.", "12.",
    ];
    assert_eq!(items[..12], expected);
    assert_eq!(items[12..], expected[..8]);
    let origins: Vec<u32> = doc.origins.iter().filter_map(|o| o.paragraph).collect();
    assert!(origins.windows(2).all(|w| w[0] < w[1]));
}

/// Every line of the seed is a paragraph of the OFD, its first line indented.
#[test]
fn ofd_matches_seed() {
    need_shared!("seeds/formats");
    check(".ofd", &[Format::Ofd], 1.0, 1.0);
}

#[test]
fn ofd_pages_and_title() {
    need_shared!("seeds/formats");
    let ofd = read(SEEDS[0], ".ofd");
    let pages: Vec<u32> = ofd.origins.iter().filter_map(|o| o.page).collect();
    assert_eq!(pages, (1..=7).collect::<Vec<_>>());
    assert!(ofd.origins.windows(2).all(|w| w[0].start < w[1].start));
    assert!(!ofd.text.contains("— 1 —"), "running page number kept");
    assert!(ofd.meta.title.as_deref().is_some_and(|t| !t.is_empty()));
}

#[test]
fn metadata_from_html_and_pdf() {
    need_shared!("seeds/formats");
    let page = read(SEEDS[3], ".html");
    assert_eq!(
        page.meta.title.as_deref(),
        Some("关于2025年法治政府建设情况的报告")
    );
    assert_eq!(page.meta.published.as_deref(), Some("2026-02-26"));
    assert!(!page.text.contains("网站首页"), "navigation kept");
    assert!(!page.text.contains("ICP备"), "footer kept");
    // The date stands only in the page's source line (来源：… 发布时间：…), outside the article.
    let dated = read(SEEDS[2], ".html");
    assert_eq!(dated.meta.published.as_deref(), Some("2024-03-01"));
    assert_eq!(read(SEEDS[0], ".html").meta.published, None);
    let pdf = read(SEEDS[0], ".pdf");
    let pages: Vec<u32> = pdf.origins.iter().filter_map(|o| o.page).collect();
    assert_eq!(pages, [1, 2, 3]);
    assert!(pdf.origins.windows(2).all(|w| w[0].start < w[1].start));
}

#[test]
fn styled_docx_numbering_reproduces_the_typed_numbers() {
    need_shared!("seeds/formats");
    let doc = read(SEEDS[0], ".styled.docx");
    let items: Vec<&str> = doc
        .text
        .lines()
        .filter_map(|l| l.split_once(' ').map(|(n, _)| n))
        .filter(|n| n.ends_with('.') && n[..n.len() - 1].parse::<u32>().is_ok())
        .collect();
    let expected = [
        "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9.", "10.", "11.", "12.",
    ];
    assert_eq!(items[..12], expected);
    assert_eq!(items[12..], expected[..8]);
    let origins: Vec<u32> = doc.origins.iter().filter_map(|o| o.paragraph).collect();
    assert!(origins.windows(2).all(|w| w[0] < w[1]));
}
