//! Metadata: title, issuer, 文号, addressee, reported year, dates, draft marker and document kind.
//!
//! The header is the run of lines before the first paragraph or numbered heading; the tail is the last
//! few lines of the body (sign-off and 印发 date). Chrome lines contribute 来源 and 发布时间.

use super::chrome::{looks_like_org, Layout, NLine};
use super::dates::date_line;
use super::kind::{classify, Evidence};
use super::scan;
use super::{DocKind, Located, Meta, NormText, Section, Span};
use crate::ingest::SourceMeta;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How many non-blank lines at the end of the body may hold the sign-off and the 印发 date.
const TAIL_LINES: usize = 8;
/// How many lines of the body's start may hold its opening sentence.
pub(super) const OPENING_LINES: usize = 6;

static DRAFT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"讨论稿|征求意见稿|送审稿|初稿|草稿").expect("valid regex"));

/// One header line: index, norm range of its text without markdown `#`.
#[derive(Clone)]
struct HLine<'a> {
    range: Range<usize>,
    text: &'a str,
}

pub fn extract(
    norm: &NormText,
    src: &str,
    lines: &[NLine],
    layout: &Layout,
    source_meta: &SourceMeta,
    sections: &[Section],
) -> Meta {
    let text = norm.text.as_str();
    let loc = |r: Range<usize>| super::src_span(norm, src, r);
    let header: Vec<HLine<'_>> = (0..layout.header_end.min(lines.len()))
        .filter(|&i| !layout.chrome[i])
        .filter_map(|i| {
            let l = lines[i];
            let t = l.text(text);
            let stripped = t.trim_start_matches(['#', ' ']);
            let start = l.start + (t.len() - stripped.len());
            (!stripped.is_empty()).then_some(HLine {
                range: start..l.end,
                text: stripped,
            })
        })
        .collect();
    let mut meta = Meta::default();

    let title_range = super::title::find(text, lines, layout).map(|r| {
        let kept = strip_draft_suffix(&text[r.clone()]).len();
        r.start..r.start + kept
    });
    if let Some(r) = &title_range {
        meta.title = Some(Located {
            value: super::title::display(&super::src_text(norm, src, r.clone())),
            span: loc(r.clone()),
        });
    } else if let Some(t) = &source_meta.title {
        meta.title = Some(Located {
            value: t.clone(),
            span: Span::default(),
        });
    }

    meta.doc_number = header.iter().find_map(|h| {
        let m = scan::doc_number(h.text)?;
        Some(Located {
            value: h.text[m.clone()].to_string(),
            span: loc(h.range.start + m.start..h.range.start + m.end),
        })
    });
    meta.addressee = header.iter().find_map(|h| {
        let name = h.text.strip_suffix(':')?;
        let ok = !name.is_empty()
            && name.chars().count() <= 40
            && !name.contains('。')
            && !name.contains(',');
        ok.then(|| Located {
            value: name.to_string(),
            span: loc(h.range.start..h.range.start + name.len()),
        })
    });
    meta.draft = header.iter().find_map(|h| {
        let m = DRAFT.find(h.text)?;
        let bare = h
            .text
            .trim_matches(|c: char| "()[]【】〔〕<>《》 ".contains(c));
        let before = h.text[..m.start()].chars().next_back();
        let bracketed = matches!(before, Some('(' | '[' | '【' | '〔' | '<' | '《'));
        let ok = bare == m.as_str() || bracketed || h.text.chars().count() <= 12;
        ok.then(|| Located {
            value: m.as_str().to_string(),
            span: loc(h.range.start + m.start()..h.range.start + m.end()),
        })
    });

    meta.report_year = title_range
        .as_ref()
        .and_then(|r| {
            let g = scan::year_before_nian(&text[r.clone()])?;
            Some(Located {
                value: text[r.start + g.start..r.start + g.end].parse().ok()?,
                span: loc(r.start + g.start..r.start + g.end),
            })
        })
        .or_else(|| opening_year(norm, src, lines, layout));

    let tail: Vec<usize> = layout
        .body
        .clone()
        .rev()
        .filter(|&i| !layout.chrome[i] && !lines[i].text(text).is_empty())
        .take(TAIL_LINES)
        .collect();
    let issued_line = tail
        .iter()
        .copied()
        .find(|&i| date_line(lines[i].text(text)).is_some());
    if let Some(i) = issued_line {
        if let Some((d, r)) = date_line(lines[i].text(text)) {
            meta.issued = Some(Located {
                value: d,
                span: loc(lines[i].start + r.start..lines[i].start + r.end),
            });
        }
    }
    meta.issued = meta.issued.or_else(|| {
        let (d, r) = layout.issued.clone()?;
        Some(Located {
            value: d,
            span: loc(r),
        })
    });
    meta.published = layout
        .published
        .clone()
        .map(|(d, r)| Located {
            value: d,
            span: loc(r),
        })
        .or_else(|| {
            let (d, _) = super::dates::find_date(source_meta.published.as_deref()?)?;
            Some(Located {
                value: d,
                span: Span::default(),
            })
        });

    let sign_off = issued_line.and_then(|i| {
        let prev = tail.iter().copied().find(|&j| j < i)?;
        let t = lines[prev].text(text);
        (looks_like_org(t) && t.chars().count() <= 30).then(|| lines[prev].start..lines[prev].end)
    });
    let header_ranges: Vec<Range<usize>> = header.iter().map(|h| h.range.clone()).collect();
    meta.issuer = super::issuer::find(&super::issuer::Sources {
        text,
        lines,
        layout,
        header: &header_ranges,
        title: title_range.clone(),
        sign_off,
    })
    .map(|(r, value)| Located {
        value,
        span: loc(r),
    });

    meta.broken_off = super::ending::broken_off(text, lines, layout).map(|r| Located {
        value: super::src_text(norm, src, r.clone()),
        span: loc(r),
    });

    let title_norm = title_range.clone().map(|r| &text[r]);
    let (kind, reason) = classify(&evidence(text, lines, layout, title_norm, sections));
    meta.kind = kind;
    meta.kind_reason = reason;
    // A plan or news is not a report on a year; its years are the plan's or the event's. Nor is a
    // notice (…的通知), which asks for work to be done; a 通报 reports results and keeps its year.
    let notice =
        kind == DocKind::Other && title_norm.is_some_and(|t| t.trim_end().ends_with("通知"));
    if matches!(kind, DocKind::Plan | DocKind::News) || notice {
        meta.report_year = None;
    }
    meta
}

/// What the kind classifier reads, gathered from the lines.
fn evidence<'a>(
    text: &'a str,
    lines: &[NLine],
    layout: &Layout,
    title: Option<&'a str>,
    sections: &'a [Section],
) -> Evidence<'a> {
    let body_lines = layout.body.start..layout.body.end.min(lines.len());
    let header: Vec<&str> = (0..layout.header_end.min(lines.len()))
        .map(|i| lines[i].text(text))
        .collect();
    // The first paragraphs: short ones may sit in the header (`现将…报告如下。` under the addressee).
    let opening = body_lines
        .clone()
        .filter(|&i| !layout.chrome[i])
        .map(|i| lines[i].text(text))
        .filter(|t| {
            let n = t.chars().count();
            Some(*t) != title
                && (t.contains(',') || !t.ends_with(':'))
                && super::outline::heading_marker(t).is_none()
                && (n >= 40 || (n >= 12 && super::normalize::ends_sentence(t)))
        })
        .take(2)
        .collect();
    let bracket_headings: Vec<&str> = body_lines
        .clone()
        .filter(|&i| !layout.chrome[i])
        .map(|i| lines[i].text(text))
        .filter(|t| super::outline::heading_marker(t).is_some_and(|m| m.number.is_none()))
        .take(4)
        .collect();
    let body = match (
        lines.get(body_lines.start),
        body_lines.end.checked_sub(1).and_then(|i| lines.get(i)),
    ) {
        (Some(a), Some(b)) if body_lines.start < body_lines.end => &text[a.start..b.end],
        _ => "",
    };
    Evidence {
        title,
        header,
        opening,
        body,
        sections,
        bracket_headings,
    }
}

/// The line is only a draft marker (`（征求意见稿）`).
pub fn is_draft_marker(t: &str) -> bool {
    let bare = t.trim_matches(|c: char| "()[]【】〔〕 ".contains(c));
    DRAFT.find(bare).is_some_and(|m| m.as_str() == bare)
}

/// `…报告(讨论稿)` → `…报告`.
fn strip_draft_suffix(t: &str) -> &str {
    let trimmed = t.trim_end();
    for (open, close) in [("(", ")"), ("[", "]"), ("【", "】"), ("〔", "〕")] {
        if let Some(inner) = trimmed.strip_suffix(close) {
            if let Some(k) = inner.rfind(open) {
                if DRAFT.is_match(&inner[k..]) {
                    return inner[..k].trim_end();
                }
            }
        }
    }
    trimmed
}

/// The year the opening sums up: `2023年，…` / `2023年以来` in one of the first paragraphs (a heading
/// such as `一、总体情况` may come first), `现将…2023年度…报告如下`, or a heading `一、2022年主要工作`.
fn opening_year(
    norm: &NormText,
    src: &str,
    lines: &[NLine],
    layout: &Layout,
) -> Option<Located<i32>> {
    /// How far after 现将 the year may stand (`现将省政府2022年度…`).
    const FORMULA_WINDOW: usize = 30;
    let text = norm.text.as_str();
    let found = (layout.body.start..layout.body.end.min(lines.len()))
        .filter(|&i| !layout.chrome[i] && !lines[i].text(text).is_empty())
        .take(OPENING_LINES)
        .find_map(|i| {
            let l = lines[i];
            let t = l.text(text);
            let (body, off) = match super::outline::heading_marker(t) {
                Some(m) => {
                    let rest = t[m.range.end..].trim_start();
                    let at = t.len() - rest.len();
                    // A heading names the year only at its start: `2022年主要工作`.
                    let g = scan::year_before_nian(rest).filter(|g| g.start == 0)?;
                    return Some(l.start + at + g.start..l.start + at + g.end);
                }
                None => (t, 0),
            };
            if let Some(g) = scan::opening_year(body) {
                return Some(l.start + off + g.start..l.start + off + g.end);
            }
            body.match_indices("现将").find_map(|(k, m)| {
                let after = &body[k + m.len()..];
                let window: usize = after
                    .char_indices()
                    .nth(FORMULA_WINDOW)
                    .map_or(after.len(), |(j, _)| j);
                let g = scan::year_before_nian(&after[..window])?;
                let at = l.start + k + m.len();
                Some(at + g.start..at + g.end)
            })
        })?;
    Some(Located {
        value: text[found.clone()].parse().ok()?,
        span: super::src_span(norm, src, found),
    })
}

#[cfg(test)]
mod tests {
    use crate::report::{meta_of as meta, DocKind};
    use chrono::NaiveDate;

    #[test]
    fn title_with_markdown_and_odd_spaces() {
        let m = meta("## 某区司法局 2024 年法治政府建设 工作报告\n\n2024年，我局依法履职，各项工作取得新的进展，现将有关情况报告如下。\n");
        assert_eq!(
            m.title.unwrap().value,
            "某区司法局2024年法治政府建设工作报告"
        );
        assert_eq!(m.issuer.unwrap().value, "某区司法局");
        assert_eq!(m.report_year.unwrap().value, 2024);
        assert_eq!(m.kind, DocKind::AnnualReport);
    }

    #[test]
    fn a_place_in_the_title_names_its_government() {
        let opening =
            "\n2023年，我县持续推进依法行政，法治政府建设取得新进展，各项工作有序开展。\n";
        let issuer = |t: &str| meta(&format!("{t}{opening}")).issuer.map(|i| i.value);
        assert_eq!(
            issuer("某某县2023年法治政府建设年度报告").as_deref(),
            Some("某某县人民政府")
        );
        assert_eq!(
            issuer("某某街道2023年法治政府建设年度报告").as_deref(),
            Some("某某街道办事处")
        );
        // The 来源 is who posted the page (often the justice bureau that drafted it), not the issuer.
        let m = meta(&format!(
            "某某市2023年法治政府建设年度报告\n来源：某某市司法局{opening}"
        ));
        assert_eq!(m.issuer.unwrap().value, "某某市人民政府");
        // A body named in the title is kept as written.
        assert_eq!(
            issuer("某某县司法局2023年法治政府建设年度报告").as_deref(),
            Some("某某县司法局")
        );
    }

    #[test]
    fn a_notice_asking_for_reports_has_no_report_year() {
        let m = meta("关于做好2024年度法治政府建设年度报告工作的通知\n各县（区）人民政府：\n为做好2024年度报告工作，现将有关事项通知如下，请认真贯彻落实。\n");
        assert_eq!(m.kind, DocKind::Other);
        assert!(m.report_year.is_none());
        // A 通报 of results reports on its year.
        let m = meta("关于2023年度法治政府建设考核结果的通报\n各县（区）人民政府：\n根据考核办法，现将2023年度考核结果通报如下，请对照整改。\n");
        assert_eq!(m.report_year.unwrap().value, 2023);
    }

    #[test]
    fn doc_number_in_square_or_round_brackets() {
        let m = meta("某县司法局\n\n某司发[2024]12号\n\n关于2023年法治政府建设情况的报告\n");
        assert_eq!(m.doc_number.unwrap().value, "某司发[2024]12号");
        let m = meta("某县司法局\n\n某司发（2024）3号\n\n关于2023年法治政府建设情况的报告\n");
        assert_eq!(m.doc_number.unwrap().value, "某司发(2024)3号");
    }

    #[test]
    fn draft_marker_in_the_header_but_not_in_prose() {
        let m = meta("某镇2024年法治政府建设情况报告（征求意见稿）\n\n2024年，我镇审议了三部规章的征求意见稿，并广泛听取了群众的意见建议。\n");
        assert_eq!(m.draft.unwrap().value, "征求意见稿");
        assert_eq!(m.title.unwrap().value, "某镇2024年法治政府建设情况报告");
        let m = meta("某镇2024年法治政府建设情况报告\n\n2024年，我镇审议了三部规章的征求意见稿，并广泛听取了群众的意见建议。\n");
        assert!(m.draft.is_none());
    }

    #[test]
    fn sign_off_and_issued_date_at_the_end() {
        let m = meta("法治政府建设情况报告\n\n2023年，我们认真履行法治政府建设职责，取得了明显的成效，现将有关情况报告如下。\n\n一、主要工作\n\n全年办结案件。\n\n某市某区人民政府\n\n2024年1月5日\n");
        assert_eq!(
            m.issued.unwrap().value,
            NaiveDate::from_ymd_opt(2024, 1, 5).unwrap()
        );
        assert_eq!(m.issuer.unwrap().value, "某市某区人民政府");
        assert_eq!(m.report_year.unwrap().value, 2023);
    }

    #[test]
    fn other_documents_are_neither_reports_nor_cases() {
        let m = meta("关于开展普法宣传月活动的通知\n\n各单位：为深入开展普法宣传工作，现就有关事项通知如下，请认真贯彻执行。\n");
        assert_eq!(m.kind, DocKind::Other);
        assert!(!m.kind_reason.is_empty());
    }
}
