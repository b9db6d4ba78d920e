//! The batch HTML page in a real browser: headless Chromium (Debian's `chromium`) renders it at
//! 1400 px, measures the table cells, takes a screenshot and prints it to PDF. Without Chromium
//! the tests say they were skipped; with CI=true they fail instead.

#[macro_use]
mod seeds;

use assert_cmd::Command;
use std::io::Write;
use std::path::{Path, PathBuf};

const CHROMIUM: &str = "/usr/bin/chromium";
/// The window width a clerk's screen gives the page.
const WIDTH: u32 = 1400;
/// The tallest a matrix or rule cell may be, in lines of text: a report name on two or three
/// lines plus the year, never a path wrapped letter by letter.
const MAX_LINES: f64 = 5.0;

/// Chromium, or `None` after saying the test is skipped (a failure when CI=true).
fn chromium() -> Option<&'static Path> {
    let path = Path::new(CHROMIUM);
    if path.exists() {
        return Some(path);
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !ci,
        "{CHROMIUM} is missing (CI=true: install the chromium package)"
    );
    let test = std::thread::current().name().unwrap_or("test").to_string();
    let _ = writeln!(
        std::io::stderr(),
        "skipped {test}: {CHROMIUM} not found (apt-get install chromium; CI=true makes this fail)"
    );
    None
}

/// Reports of my own: the county fixture under fourteen issuers and years.
fn own_reports(dir: &Path) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/reports/county_2024.md"
    ))
    .unwrap();
    let names = [
        "东山",
        "西河",
        "南湖",
        "北岭",
        "青石",
        "白水",
        "红旗",
        "金沙",
        "银川口",
        "长乐",
        "永安",
        "太平",
        "和平",
        "新丰",
    ];
    for (i, name) in names.iter().enumerate() {
        let year = 2021 + (i % 4) as u32;
        let mut report = text
            .replace("2025", &(year + 1).to_string())
            .replace("2024", &year.to_string())
            .replace("某县", &format!("{name}县"));
        if i % 3 == 0 {
            // Some reports pass more rules than others, so the order by failures shows.
            report = report.replace("（征求意见稿）", "");
        }
        let file = dir.join(format!(
            "{:02}_{name}县{year}年度法治政府建设情况报告.md",
            i + 1
        ));
        std::fs::write(file, report).unwrap();
    }
}

/// `fzcheck check INPUT --output page.html`; the exit code only says whether rules failed.
fn render_page(input: &Path, out: &Path) {
    let page = out.join("page.html");
    let status = Command::cargo_bin("fzcheck")
        .unwrap()
        .arg("check")
        .arg(input)
        .arg("--output")
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        matches!(status.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

fn run_chromium(chromium: &Path, profile: &Path, args: &[String]) -> Vec<u8> {
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--no-first-run",
            &format!("--window-size={WIDTH},1000"),
            &format!("--user-data-dir={}", profile.display()),
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "chromium {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Measures the page in the browser: the tallest text in a matrix cell or a rule cell, in lines,
/// and whether the page is wider than the window.
const MEASURE: &str = r#"<script>
addEventListener('load', () => {
  const line = parseFloat(getComputedStyle(document.querySelector('td')).lineHeight);
  let tallest = 0, text = '';
  for (const cell of document.querySelectorAll('.matrix th, .matrix td, table.verdicts td:first-child')) {
    // The height of the cell's text, not of its row (an evidence list makes a row tall).
    const range = document.createRange();
    range.selectNodeContents(cell);
    const h = range.getBoundingClientRect().height;
    if (h > tallest) { tallest = h; text = cell.textContent; }
  }
  const out = document.createElement('pre');
  out.id = 'measure';
  out.textContent = JSON.stringify({
    lines: tallest / line, text,
    scroll: document.documentElement.scrollWidth, width: innerWidth,
    reports: document.querySelectorAll('.matrix thead th.report').length,
  });
  document.body.append(out);
});
</script>
</body>"#;

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Renders the page, then checks it on screen (cells a few lines tall, nothing wider than the
/// window, a 1400 px screenshot) and on paper (a PDF whose every page has text).
fn check_in_chromium(chromium: &Path, dir: &Path, reports: usize) {
    let page = dir.join("page.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("图例"), "a legend");
    let measured = dir.join("measured.html");
    std::fs::write(&measured, html.replace("</body>", MEASURE)).unwrap();
    let profile = dir.join("profile");

    let dom = run_chromium(
        chromium,
        &profile,
        &["--dump-dom".to_string(), file_url(&measured)],
    );
    let dom = String::from_utf8(dom).unwrap();
    let json = dom
        .split("<pre id=\"measure\">")
        .nth(1)
        .and_then(|rest| rest.split("</pre>").next())
        .unwrap_or_else(|| panic!("no measurement in the DOM: {dom:.400}"));
    let m: serde_json::Value = serde_json::from_str(&json.replace("&quot;", "\"")).unwrap();
    eprintln!("measured at {WIDTH} px: {m}");
    assert_eq!(m["reports"], reports, "one column per report");
    let lines = m["lines"].as_f64().unwrap();
    assert!(lines <= MAX_LINES, "a cell {lines:.1} lines tall: {m}");
    assert!(
        m["scroll"].as_u64() <= m["width"].as_u64(),
        "the page is wider than the window: {m}"
    );

    let shot = dir.join("page.png");
    run_chromium(
        chromium,
        &profile,
        &[format!("--screenshot={}", shot.display()), file_url(&page)],
    );
    let png = std::fs::read(&shot).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(width, WIDTH, "screenshot width");

    let pdf = dir.join("page.pdf");
    run_chromium(
        chromium,
        &profile,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_string(),
            file_url(&page),
        ],
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let pages = count(&bytes, b"/Type /Page") - count(&bytes, b"/Type /Pages");
    eprintln!("printed {reports} reports on {pages} pages");
    // The matrix, and at least a page per report (each report starts a page).
    assert!(pages > reports, "{pages} pages");
    pages_have_text(&pdf, pages);
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// With poppler's pdftotext, every page has words on it (no page printed blank or cut to a
/// sliver); without it, the page count above is the check.
fn pages_have_text(pdf: &Path, pages: usize) {
    let Ok(out) = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
    else {
        eprintln!("pdftotext not found: page texts not checked");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let texts: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(texts.len(), pages, "a page without text");
    assert!(
        text.contains("汇总矩阵") || text.contains("fzcheck"),
        "{text:.300}"
    );
}

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    (dir, path)
}

#[test]
fn batch_page_reads_at_a_glance_and_prints_on_my_reports() {
    let Some(chromium) = chromium() else { return };
    let (_keep, dir) = temp();
    let reports = dir.join("reports");
    std::fs::create_dir(&reports).unwrap();
    own_reports(&reports);
    render_page(&reports, &dir);
    check_in_chromium(chromium, &dir, 14);
}

#[test]
fn batch_page_reads_at_a_glance_and_prints_on_the_seeds() {
    need_shared!("seeds");
    let Some(chromium) = chromium() else { return };
    let (_keep, dir) = temp();
    // The plain-text seeds (their other formats are the same reports again).
    let reports = dir.join("seeds");
    std::fs::create_dir(&reports).unwrap();
    for stem in seeds::SEEDS {
        std::fs::copy(seeds::seed(stem), reports.join(format!("{stem}.txt"))).unwrap();
    }
    let count = seeds::SEEDS.len();
    render_page(&reports, &dir);
    check_in_chromium(chromium, &dir, count);
}
