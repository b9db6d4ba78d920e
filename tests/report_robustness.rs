//! The parser never panics and stays linear on odd or huge input.

use fzcheck::ingest::SourceText;
use fzcheck::report::{parse, Report};

/// A report of our own, about 2 KB, with headings, rates, breakdowns and a page break in a number.
const UNIT: &str = "某县司法局关于2024年法治政府建设情况的报告\n\n县委、县政府：\n\n2024年，我局认真贯彻落实上级部署，现将有关情况报告如下。\n\n一、主要工作\n\n（一）依法行政\n\n1. 加强复议工作。全年共收到行政复议申请40件，其中受理36件，驳回4件；机关负责人出庭应诉率为100%，败诉率下降2.5个百分点。\n\n2. 推进法律援助。共办理法律援助案件120件，其中民事援助案件70件，刑事援助案件50件。受理纠纷300余件，调解成功291件，调解成功率97\n\n%。\n\n二、存在的不足\n\n一是学习不够深入；二是宣传覆盖不广；三是队伍建设滞后。\n\n三、下一步打算\n\n进一步加强法治政府建设，确保各项任务落到实处。\n\n";

fn run(text: String) -> Report {
    parse(SourceText::from_text("t", text))
}

/// Every span lies on character boundaries of the source.
fn check_spans(r: &Report) {
    let t = r.text();
    let ok = |s: fzcheck::report::Span| {
        s.start <= s.end
            && s.end <= t.len()
            && t.is_char_boundary(s.start)
            && t.is_char_boundary(s.end)
    };
    assert!(ok(r.body));
    assert!(r.sentences.iter().all(|s| ok(s.span)));
    assert!(r
        .facts
        .iter()
        .all(|f| ok(f.span) && f.label_span.is_none_or(ok)));
    assert!(r
        .sections
        .iter()
        .all(|s| ok(s.span) && ok(s.heading) && ok(s.body)));
}

#[test]
fn empty_and_blank_text() {
    for t in [
        "",
        "\n",
        "\r\n\r\n",
        "   \u{3000}\n\t",
        "。",
        "一、",
        "（一）",
        "1.",
        "【】",
        "其中",
        "%",
    ] {
        let r = run(t.to_string());
        check_spans(&r);
        assert!(r.facts.is_empty(), "{t:?}");
    }
}

#[test]
fn random_and_binary_looking_characters() {
    // A deterministic pseudo-random mix of ASCII, control characters, CJK, punctuation and numerals.
    let alphabet: Vec<char> = "\0\u{1}\u{7f}\r\n\t 0123456789.%,:;()（）一二三四五六七八九十百千万亿两是其中共计件次人个项率为达下降增长个百分点余多约近以上“”《》〔〕【】#•>第年月日号\u{feff}\u{fffd}𠀀é"
        .chars()
        .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..40 {
        let mut s = String::new();
        for _ in 0..(200 + round * 300) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        let r = run(s);
        check_spans(&r);
    }
}

#[test]
fn crlf_text_parses_like_lf_text() {
    let lf = run(UNIT.to_string());
    let crlf = run(UNIT.replace('\n', "\r\n"));
    check_spans(&crlf);
    assert_eq!(lf.facts.len(), crlf.facts.len());
    assert_eq!(lf.sections.len(), crlf.sections.len());
    let rate = crlf
        .facts
        .iter()
        .find(|f| f.label == "调解成功率")
        .expect("rate across the page break");
    assert_eq!(rate.value.to_string(), "97");
    let lf_rate = lf
        .facts
        .iter()
        .find(|f| f.label == "调解成功率")
        .expect("rate");
    assert_eq!(
        crlf.position(rate.span.start),
        lf.position(lf_rate.span.start)
    );
}

/// A pasted-together yearbook reads as its parts: the same facts and breakdowns for each copy.
/// That it does so in linear time is measured, not asserted (scripts/bench-scaling.sh, README
/// "Speed and memory"); a quadratic step would keep this test from finishing at all.
#[test]
fn twenty_megabytes_read_as_the_sum_of_their_parts() {
    let copies = 20 * 1024 * 1024 / UNIT.len();
    let r = run(UNIT.repeat(copies));
    check_spans(&r);
    let one = run(UNIT.to_string());
    assert_eq!(r.facts.len(), one.facts.len() * copies);
    assert_eq!(r.breakdowns.len(), one.breakdowns.len() * copies);
}

#[test]
fn one_megabyte_lines_without_newlines() {
    let cases = [
        "全年共办理案件12件，其中受理10件，调解成功率100%，".repeat(20_000),
        "一是".repeat(300_000),
        "其中;".repeat(200_000),
        "甲、".repeat(300_000) + "均达到100%",
        "1".repeat(1_000_000),
        "（".repeat(300_000),
        "“".repeat(300_000) + "5件",
        " ".repeat(1_000_000) + "x",
    ];
    for text in cases {
        check_spans(&run(text));
    }
}

#[test]
fn huge_numbers_do_not_overflow() {
    let text = "共办理案件7922816251426433759354395033件，其中民事7922816251426433759354395033件，刑事7922816251426433759354395033件。资金79228162514264337593亿元，人数99999999999999999999999999999999万人。";
    let r = run(text.to_string());
    check_spans(&r);
    assert!(r.facts.iter().any(|f| f.label == "案件"));
}
