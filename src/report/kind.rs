//! What kind of document this is: an annual report on building rule-of-law government, a case study,
//! news about a report, a plan (计划/要点/方案), or something else.
//!
//! The evidence is read in order of how much it can be trusted: the title's own genre word (…的报告,
//! …的通知, …要点, a quoted 《…》), then case-study markers, then the opening (`2023年，我区…`,
//! `现将…报告如下`, a dated news lead), then the body's headings (the required contents of a report:
//! 存在的问题, 下一步, 第一责任人…). A missing or unrecognised title never decides alone.

use super::{DocKind, Section};

/// The subject matter of the genre; traditional pages share these characters.
const TOPIC: [&str; 3] = ["法治", "依法行政", "依法治"];
/// Genre words a report's title ends with (simplified and traditional).
const REPORT_WORDS: [&str; 4] = ["报告", "報告", "总结", "總結"];
/// A report's title may also end in 情况 or 工作 (`…2023年度法治政府建设情况`).
const REPORT_ENDINGS: [&str; 3] = ["情况", "情況", "工作"];
/// Titles of documents that plan work rather than report on it.
const PLAN_WORDS: [&str; 8] = [
    "要点", "要點", "计划", "計劃", "方案", "规划", "規劃", "安排",
];
/// Document types that are not reports: notices, circulars, replies, opinions.
const NOTICE_ENDINGS: [&str; 9] = [
    "通知", "通报", "通報", "函", "意见", "意見", "决定", "公告", "批复",
];
/// A title that speaks about a report or an event (interpretation, press release, review).
const ABOUT_WORDS: [&str; 9] = [
    "解读",
    "解讀",
    "图解",
    "发布",
    "公布",
    "召开",
    "举行",
    "答记者问",
    "精读",
];
/// Headings of the contents an annual report must have (法治政府建设与责任落实督察工作规定 第二十五条).
const REQUIRED_HEADINGS: [&[&str]; 4] = [
    &[
        "主要举措",
        "主要工作",
        "工作情况",
        "开展情况",
        "成效",
        "主要做法",
        "基本情况",
    ],
    &["问题", "不足", "短板"],
    &[
        "下一步",
        "工作打算",
        "工作计划",
        "工作安排",
        "工作思路",
        "工作重点",
    ],
    &["第一责任人", "主要负责人"],
];

/// The inputs the classifier looks at, all normalised text.
pub struct Evidence<'a> {
    pub title: Option<&'a str>,
    /// Header lines (title, 文号, addressee…) and chrome above the body.
    pub header: Vec<&'a str>,
    /// The first two paragraphs of the body.
    pub opening: Vec<&'a str>,
    /// The body text.
    pub body: &'a str,
    pub sections: &'a [Section],
    /// Lines that are 【…】 subheadings without numbers.
    pub bracket_headings: Vec<&'a str>,
}

pub fn classify(e: &Evidence<'_>) -> (DocKind, String) {
    let on_topic = |t: &str| TOPIC.iter().any(|w| t.contains(w));
    // `关于报送2024年度法治政府建设情况报告的函` with the report after it: the file is the report.
    if let Some(t) = e.title.filter(|t| is_transmittal(t) && on_topic(t)) {
        let contents = required_contents(e.sections);
        if contents >= 2 {
            return (
                DocKind::AnnualReport,
                format!("标题“{t}”是报送年度报告的函，正文附有报告全文（含{contents}类应有内容）"),
            );
        }
    }
    if let Some(found) = e.title.and_then(|t| by_title(t, on_topic(t))) {
        return found;
    }
    let header_says_case = e.header.iter().any(|t| t.contains("案例"));
    if e.bracket_headings.len() >= 2 && required_contents(e.sections) < 2 {
        return (
            DocKind::CaseStudy,
            format!(
                "正文以{}等方括号小标题组织，属案例材料体例，不是年度报告",
                e.bracket_headings.join("")
            ),
        );
    }
    if header_says_case {
        return (
            DocKind::CaseStudy,
            "标题或页首注明“案例”，属案例材料".to_string(),
        );
    }
    let topic = on_topic(e.body);
    let first = e.opening.first().copied().unwrap_or_default();
    if topic && e.opening.iter().any(|p| report_formula(p)) {
        return (
            DocKind::AnnualReport,
            "开头写明“现将…报告如下”，正文报告法治政府建设情况".to_string(),
        );
    }
    if let Some(reason) = news_lead(first) {
        return (DocKind::News, reason);
    }
    if plan_body(first) {
        return (
            DocKind::Plan,
            "开头说明制定本方案、要点或计划的目的，是工作安排，不是年度报告".to_string(),
        );
    }
    if topic && e.opening.iter().any(|p| year_opening(p)) {
        return (
            DocKind::AnnualReport,
            "开头以“某年，…”总结一年的工作，正文报告法治建设情况".to_string(),
        );
    }
    let contents = required_contents(e.sections);
    if topic && contents >= 2 {
        return (
            DocKind::AnnualReport,
            format!(
                "正文小标题含年度报告应有的{contents}类内容（举措成效、问题、下一步、第一责任人）"
            ),
        );
    }
    (
        DocKind::Other,
        "标题、开头和正文结构都未表明是法治政府建设年度报告，也未见案例材料的体例".to_string(),
    )
}

/// A title's own genre word decides when it is clear; `None` leaves it to the body.
fn by_title(t: &str, topic: bool) -> Option<(DocKind, String)> {
    let bare = t.trim_end_matches(|c: char| ")）]】".contains(c) || c.is_ascii_digit());
    let bare = bare.trim_end_matches(['(', '（', '—', '-', '年']);
    if t.contains("案例") {
        return Some((DocKind::CaseStudy, format!("标题“{t}”注明案例，属案例材料")));
    }
    if let Some(w) = ABOUT_WORDS.iter().find(|w| t.contains(*w)) {
        return Some((
            DocKind::News,
            format!("标题“{t}”含“{w}”，是关于报告或活动的消息、解读，不是报告本身"),
        ));
    }
    if t.contains('《') && !t.starts_with('《') {
        return Some((
            DocKind::News,
            format!("标题“{t}”引用另一份文件的书名，是关于该文件的文章"),
        ));
    }
    let plan = PLAN_WORDS.iter().find(|w| t.contains(*w));
    let reports = REPORT_WORDS.iter().any(|w| t.contains(w))
        || REPORT_ENDINGS.iter().any(|w| bare.ends_with(w));
    if let Some(w) = plan.filter(|_| !reports || t.contains("印发")) {
        return Some((
            DocKind::Plan,
            format!("标题“{t}”是“{w}”，安排今后的工作，不是年度报告"),
        ));
    }
    if let Some(w) = NOTICE_ENDINGS.iter().find(|w| bare.ends_with(*w)) {
        return Some((DocKind::Other, format!("标题“{t}”是{w}，不是年度报告")));
    }
    if t.contains("信息公开") {
        return Some((
            DocKind::Other,
            format!("标题“{t}”是政府信息公开工作年度报告，不是法治政府建设年度报告"),
        ));
    }
    if reports && !topic {
        return Some((
            DocKind::Other,
            format!("标题“{t}”是关于其他事项的报告，不涉及法治政府建设"),
        ));
    }
    (topic && reports).then(|| {
        (
            DocKind::AnnualReport,
            format!("标题“{t}”表明是法治政府建设年度报告"),
        )
    })
}

/// A letter that sends a report on (`关于报送…报告的函`, `关于呈报…报告的请示`).
fn is_transmittal(t: &str) -> bool {
    ["报送", "呈报", "上报", "呈送"]
        .iter()
        .any(|w| t.contains(w))
        && REPORT_WORDS.iter().any(|w| t.contains(w))
}

/// `现将…情况报告如下` / `现将…报告予以公开` / `现将…汇报如下`: the writer presents a report.
fn report_formula(p: &str) -> bool {
    p.match_indices("现将").any(|(i, m)| {
        let rest = &p[i + m.len()..];
        let window: String = rest.chars().take(40).collect();
        window.contains("报告") || window.contains("汇报") || window.contains("報告")
    })
}

/// `2023年，…` / `2023年以来…` / `2023年是…`: the opening sums up a year.
fn year_opening(opening: &str) -> bool {
    super::scan::opening_year(opening).is_some()
}

/// `3月28日，…召开…` / `本报讯`: a dated news lead.
fn news_lead(opening: &str) -> Option<String> {
    let lead = opening.trim_start_matches("本报讯").trim_start();
    if opening.starts_with("本报讯") || opening.starts_with("近日") {
        return Some("开头是新闻导语（本报讯、近日…），是新闻报道".to_string());
    }
    let month_day = lead
        .char_indices()
        .take(14)
        .find(|&(i, _)| lead[i..].starts_with('日'))
        .is_some_and(|(i, _)| {
            let head = &lead[..i];
            head.contains('月')
                && head
                    .chars()
                    .all(|c| c.is_ascii_digit() || "年月".contains(c) || c.is_whitespace())
        });
    month_day.then(|| "开头以具体日期起笔叙述事件，是新闻报道".to_string())
}

/// `为…，制定本方案` / `…特制定本要点`: the opening states the purpose of a plan.
fn plan_body(opening: &str) -> bool {
    ["本方案", "本要点", "本计划", "本要點", "本計劃"]
        .iter()
        .any(|w| opening.contains(w))
}

/// How many of the four kinds of required contents the top headings name.
fn required_contents(sections: &[Section]) -> usize {
    REQUIRED_HEADINGS
        .iter()
        .filter(|words| {
            sections
                .iter()
                .filter(|s| s.level <= 2)
                .any(|s| words.iter().any(|w| s.title.contains(w)))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use crate::report::DocKind;

    fn kind(text: &str) -> DocKind {
        crate::report::meta_of(text).kind
    }

    #[test]
    fn a_report_without_a_title_is_known_by_its_opening() {
        assert_eq!(
            kind("2023年，我区坚持依法行政，扎实推进法治政府建设，各项工作取得了新的成效。\n一、主要工作\n全年办理复议案件十件。\n"),
            DocKind::AnnualReport
        );
        assert_eq!(
            kind("区委、区政府：\n现将我区2024年度推进法治建设的情况报告如下。\n一、主要做法\n"),
            DocKind::AnnualReport
        );
    }

    #[test]
    fn breadcrumb_and_numbered_title_do_not_hide_a_report() {
        assert_eq!(
            kind("当前位置：首页>政务公开>法治政府建设\n1、某县2023年法治政府建设年度报告\n2023年，我县持续推进依法行政，法治政府建设取得新进展，现报告如下。\n"),
            DocKind::AnnualReport
        );
    }

    #[test]
    fn bracket_subheadings_inside_a_titled_report_keep_it_a_report() {
        let text = "某镇关于2022年度法治政府建设情况的报告\n2022年，我镇认真履行法治建设职责，工作取得实效，现将情况报告如下。\n【强化组织领导】\n镇党委专题研究法治工作四次。\n【规范执法行为】\n全年开展执法检查十二次。\n";
        assert_eq!(kind(text), DocKind::AnnualReport);
        let case = "【基本情况】\n某街道推行执法清单制度，群众满意度明显提高，受到上级的肯定。\n【主要做法】\n建立清单，明确权责。\n";
        assert_eq!(kind(case), DocKind::CaseStudy);
    }

    #[test]
    fn a_letter_sending_the_report_with_it_is_the_report() {
        let body = "\n一、2024年主要举措和成效\n全年审查文件12件。\n二、存在的不足和原因\n重视不够。\n三、2025年工作安排\n持续推进。\n";
        let letter = "某区卫健委关于报送2024年度法治政府建设情况报告的函";
        assert_eq!(kind(&format!("{letter}{body}")), DocKind::AnnualReport);
        // Without the report's parts it is only a letter.
        assert_eq!(
            kind(&format!(
                "{letter}\n区司法局：现将我委年度报告报送你局，请查收。\n"
            )),
            DocKind::Other
        );
    }

    #[test]
    fn news_plans_and_notices_are_not_reports() {
        assert_eq!(
            kind("某市公开发布2023年度法治政府建设年度报告\n本报讯 3月20日，某市政府在门户网站全文公开了本年度的法治政府建设报告。\n"),
            DocKind::News
        );
        assert_eq!(
            kind("市司法局公布2023年度法治政府建设年度报告\n近日，市司法局在门户网站公布了本局的年度报告，报告分为三个部分。\n"),
            DocKind::News
        );
        assert_eq!(
            kind("干部现场述法接受群众评议\n5月6日上午，某县召开述法评议会，县委主要负责同志出席会议并讲话。\n"),
            DocKind::News
        );
        assert_eq!(
            kind("某县2025年法治政府建设工作要点\n2025年是十四五规划的收官之年，全县法治政府建设的总体要求是坚持依法行政。\n"),
            DocKind::Plan
        );
        assert_eq!(
            kind("某区人民政府办公室关于印发某区2024年法治政府建设工作计划的通知\n各街道：现将计划印发给你们，请认真贯彻执行，确保各项任务落到实处。\n"),
            DocKind::Plan
        );
        assert_eq!(
            kind("关于2023年度全市法治政府建设考核结果的通报\n各区：根据考核办法，现将考核结果通报如下，请各单位认真对照整改。\n"),
            DocKind::Other
        );
        assert_eq!(
            kind("某区人民政府2023年政府信息公开工作年度报告\n本报告依据政府信息公开条例编制，内容包括主动公开政府信息的情况。\n"),
            DocKind::Other
        );
        assert_eq!(
            kind("【政策解读】图解《某县人民政府关于2022年度法治政府建设情况的报告》\n近日，该报告在县政府门户网站全文公开，现图解如下。\n"),
            DocKind::News
        );
    }

    #[test]
    fn a_report_that_lists_next_years_plan_in_its_title_stays_a_report() {
        assert_eq!(
            kind("某县司法局2023年法治政府建设工作总结及2024年工作计划\n2023年，我局坚持依法行政，全面完成了年度各项法治建设任务。\n"),
            DocKind::AnnualReport
        );
        assert_eq!(
            kind("某县司法局关于2023年法治建设工作情况和2024年工作安排的报告\n2023年，我局坚持依法行政，全面完成了年度各项法治建设任务。\n"),
            DocKind::AnnualReport
        );
    }
}
