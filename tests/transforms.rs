//! Meaning-preserving transforms of the clean reports (corpus/full) must not change any verdict:
//! the same report with its digits' width swapped (half ↔ full), its paragraphs re-wrapped as a
//! PDF copy breaks them, Markdown headings, web chrome around it, or encoded in GB18030.

mod clean;

use clean::{check, clean_reports, parse_bytes, Clean};
use fzcheck::engine::Verdict;
use std::collections::BTreeMap;

fn statuses(v: &[Verdict]) -> BTreeMap<String, &'static str> {
    v.iter()
        .map(|x| (x.rule.id.clone(), x.status.as_str()))
        .collect()
}

/// Half-width digits and % in running text become full-width (a heading's own number marker
/// keeps its style: the style of markers is what format/heading-style checks).
fn full_width(c: &Clean) -> Vec<u8> {
    let marker = regex::Regex::new(r"^[\s　]*(?:[0-9]+[.．、]|[（(][0-9]+[）)])").unwrap();
    let wide = |l: &str| {
        l.chars()
            .map(|ch| match ch {
                '0'..='9' => char::from_u32(ch as u32 - '0' as u32 + '０' as u32).unwrap(),
                '%' => '％',
                _ => ch,
            })
            .collect::<String>()
    };
    c.lines
        .iter()
        .map(|l| {
            if marker.is_match(l) {
                l.clone()
            } else {
                wide(l)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        .into_bytes()
}

/// Full-width digits and ％ become half-width (the reverse of [`full_width`]).
fn half_width(c: &Clean) -> Vec<u8> {
    c.text
        .chars()
        .map(|ch| match ch {
            '０'..='９' => char::from_u32(ch as u32 - '０' as u32 + '0' as u32).unwrap(),
            '％' => '%',
            _ => ch,
        })
        .collect::<String>()
        .into_bytes()
}

/// Paragraphs re-wrapped as a PDF copy of the official layout breaks them: 28 characters a line
/// (GB/T 9704—2012, 每行28个字), never inside a number (a break inside 100% would change what the
/// text says, not how it is laid out). Only prose paragraphs wrap; titles, chrome and headings do
/// not reach the width in a PDF.
fn rewrapped(c: &Clean) -> Vec<u8> {
    const WIDTH: usize = 28;
    let in_number = |a: char, b: char| {
        let num = |x: char| x.is_ascii_digit() || "０１２３４５６７８９.．%％".contains(x);
        num(a) && num(b)
    };
    let mut out = String::new();
    for line in &c.lines {
        let chars: Vec<char> = line.chars().collect();
        let prose = chars.last().is_some_and(|&l| "。；".contains(l));
        let mut width = 0;
        for (i, &ch) in chars.iter().enumerate() {
            let next = chars.get(i + 1).copied();
            out.push(ch);
            width += 1;
            if prose && width >= WIDTH && next.is_some_and(|n| !in_number(ch, n)) {
                out.push('\n');
                width = 0;
            }
        }
        out.push('\n');
    }
    out.into_bytes()
}

/// Top-level headings (一、…) marked up in `mark` (a .md file).
fn marked_headings(c: &Clean, mark: fn(&str) -> String) -> Vec<u8> {
    let top = regex::Regex::new(r"^[\s　]*[一二三四五六七八九十]+、").unwrap();
    c.lines
        .iter()
        .map(|l| {
            if top.is_match(l) && !l.starts_with('#') {
                mark(l.trim_start_matches([' ', '　']))
            } else {
                l.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        .into_bytes()
}

/// `## 一、…`, as Markdown headings.
fn markdown_headings(c: &Clean) -> Vec<u8> {
    marked_headings(c, |l| format!("## {l}"))
}

/// `**一、…**`, as converters write a bold paragraph.
fn bold_headings(c: &Clean) -> Vec<u8> {
    marked_headings(c, |l| format!("**{l}**"))
}

/// Breadcrumbs and a footer as a government site prints them.
fn web_chrome(c: &Clean) -> Vec<u8> {
    format!(
        "当前位置：首页 > 政务公开 > 法治政府建设\n\n{}\n\n【打印】　【关闭】\n版权所有：本站　　网站标识码：0000000000\n",
        c.text
    )
    .into_bytes()
}

fn gb18030(c: &Clean) -> Vec<u8> {
    encoding_rs::GB18030.encode(&c.text).0.into_owned()
}

type Transform = (&'static str, fn(&Clean) -> Vec<u8>, &'static str);

#[test]
fn transforms_keep_every_verdict() {
    assert_same_verdicts(&[
        ("full-width digits", full_width, "txt"),
        ("half-width digits", half_width, "txt"),
        ("Markdown headings", markdown_headings, "md"),
        ("bold headings", bold_headings, "md"),
        ("web chrome", web_chrome, "txt"),
        ("GB18030", gb18030, "txt"),
        ("re-wrapped lines", rewrapped, "txt"),
    ]);
}

fn assert_same_verdicts(transforms: &[Transform]) {
    let mut changed = Vec::new();
    for c in clean_reports() {
        if !c.name.ends_with(".txt") {
            continue;
        }
        let want = statuses(&c.verdicts);
        for &(name, apply, ext) in transforms {
            let file = format!("{}.{ext}", c.name.trim_end_matches(".txt"));
            let got = check(&parse_bytes(&file, &apply(&c)));
            for (rule, status) in statuses(&got) {
                if want.get(&rule) != Some(&status) {
                    changed.push(format!(
                        "{name} on {}: {rule} {} → {status}",
                        c.name,
                        want.get(&rule).unwrap_or(&"-")
                    ));
                }
            }
        }
    }
    assert!(changed.is_empty(), "{changed:#?}");
}
