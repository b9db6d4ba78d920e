use crate::ingest::SourceText;
use crate::report::{parse, Approx, Fact, FactKind, Report};
use rust_decimal::Decimal;
use std::str::FromStr;

fn facts(text: &str) -> (Report, Vec<Fact>) {
    let r = parse(SourceText::from_text("t", text));
    let f = r.facts.clone();
    (r, f)
}

/// Facts of a sentence in the first part of a 2024 report (the report year dates 上年).
fn parse_facts(sentence: &str) -> (Report, Vec<Fact>) {
    facts(&format!(
        "青溪区人民政府关于2024年度法治政府建设情况的报告\n\n一、主要举措和成效\n\n{sentence}\n"
    ))
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn one<'a>(fs: &'a [Fact], label: &str) -> &'a Fact {
    fs.iter().find(|f| f.label == label).unwrap_or_else(|| {
        panic!(
            "no fact {label}: {:?}",
            fs.iter().map(|f| &f.label).collect::<Vec<_>>()
        )
    })
}

#[test]
fn count_with_label_after_generic_verb() {
    let (r, fs) = facts("全年共办理公证案件88件，同比持平。");
    let f = one(&fs, "公证案件");
    assert_eq!(
        (f.value, f.unit, f.kind, f.approx),
        (dec("88"), "件", FactKind::Quantity, Approx::Exact)
    );
    assert_eq!(r.slice(f.span), "88件");
    assert_eq!(r.slice(f.label_span.unwrap()), "公证案件");
}

#[test]
fn rate_with_space_and_full_width_percent() {
    let (r, fs) = facts("机关负责人出庭应诉率为 ９８.５％。");
    let f = one(&fs, "机关负责人出庭应诉率");
    assert_eq!(
        (f.value, f.unit, f.kind),
        (dec("98.5"), "%", FactKind::Rate)
    );
    assert_eq!(r.slice(f.span), "９８.５％");
}

#[test]
fn number_cut_by_a_page_break() {
    let (_, fs) =
        facts("热线平台共受理群众诉求约四千件左右，按期办结率97.25\n\n%，群众普遍满意。\n");
    assert_eq!(one(&fs, "按期办结率").value, dec("97.25"));
}

#[test]
fn shared_value_gives_one_fact_per_label() {
    let (_, fs) = facts("所有议案均已办结,知晓率、参与率、好评率均达到100%。");
    let labels: Vec<&str> = fs.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, ["知晓率", "参与率", "好评率"]);
    assert!(fs
        .iter()
        .all(|f| f.kind == FactKind::Rate && f.value == dec("100")));
}

#[test]
fn changes_are_not_rates() {
    let (_, fs) = facts("败诉案件数同比下降12.5%，败诉率下降3.2个百分点，办件量增长了8%。");
    let a = one(&fs, "败诉案件数");
    assert_eq!(
        (a.kind, a.value, a.unit),
        (FactKind::Change, dec("-12.5"), "%")
    );
    let b = one(&fs, "败诉率");
    assert_eq!(
        (b.kind, b.value, b.unit),
        (FactKind::Change, dec("-3.2"), "个百分点")
    );
    assert_eq!(one(&fs, "办件量").value, dec("8"));
    assert!(fs.iter().all(|f| f.kind != FactKind::Rate));
}

#[test]
fn multipliers_and_approximations() {
    let (_, fs) = facts("发放补贴资金3.2万元，受众2万余人次，覆盖群众超万人，培训约300人，用时不足2小时，合格率达95%以上。");
    let f = one(&fs, "补贴资金");
    assert_eq!((f.value, f.unit), (dec("32000"), "元"));
    let f = one(&fs, "受众");
    assert_eq!(
        (f.value, f.unit, f.approx),
        (dec("20000"), "人次", Approx::AtLeast)
    );
    let f = one(&fs, "覆盖群众");
    assert_eq!((f.value, f.approx), (dec("10000"), Approx::AtLeast));
    assert_eq!(one(&fs, "培训").approx, Approx::About);
    assert_eq!(one(&fs, "用时").approx, Approx::AtMost);
    assert_eq!(one(&fs, "合格率").approx, Approx::AtLeast);
}

#[test]
fn chinese_numerals_with_classifiers() {
    let (_, fs) = facts(
        "督察反馈问题四方面11点，安排两家单位，确定十项任务，一方面加强学习，落实八项规定精神。",
    );
    assert_eq!(one(&fs, "督察反馈问题").value, dec("4"));
    assert_eq!(one(&fs, "督察反馈问题").unit, "方面");
    assert_eq!(one(&fs, "单位").value, dec("2"));
    assert_eq!(one(&fs, "任务").value, dec("10"));
    assert_eq!(fs.len(), 4, "{fs:?}");
}

#[test]
fn years_dates_numbers_and_ordinals_are_not_facts() {
    let (_, fs) = facts(
        "2023年12月5日，依据《某省推进法治建设五项任务》第三条和某政发〔2024〕9号文件，落实“1+3”机制，实施方案（2021—2025年）第一批，12345热线运行。",
    );
    assert!(fs.is_empty(), "{fs:?}");
}

#[test]
fn noun_after_the_classifier_is_the_label() {
    let (_, fs) = facts("公示全县36个执法主体，选聘5名法律顾问，52家单位完成公开。");
    assert_eq!(one(&fs, "执法主体").value, dec("36"));
    assert_eq!(one(&fs, "法律顾问").unit, "名");
    assert_eq!(one(&fs, "单位").value, dec("52"));
}

#[test]
fn elided_unit_at_the_end_of_a_list() {
    let (_, fs) = facts("现在册40人，其中缓刑30人，管制9人，假释1。");
    let f = one(&fs, "假释");
    assert_eq!((f.value, f.unit), (dec("1"), "人"));
}

#[test]
fn bare_verb_labels_and_inherited_labels() {
    let (_, fs) = facts("共收到申请20件，其中受理18件，已审结15件；接到举报五批共12件。");
    assert_eq!(one(&fs, "申请").value, dec("20"));
    assert_eq!(one(&fs, "受理").value, dec("18"));
    assert_eq!(one(&fs, "审结").value, dec("15"));
    assert_eq!(fs.iter().filter(|f| f.label == "举报").count(), 2);
}

#[test]
fn rate_names_listed_with_a_pause_share_one_value() {
    let (_, fs) = facts("议案建议的见面率、办复率、满意率100%。");
    let labels: Vec<&str> = fs.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, ["见面率", "办复率", "满意率"]);
    // Counts listed with 、 do not share a value without 均.
    let (_, fs) = facts("举办讲座、培训班12场。");
    assert_eq!(fs.len(), 1);
}

#[test]
fn shortening_and_traditional_growth_are_changes() {
    for (text, value) in [
        ("审批时限压缩38.5%。", "-38.5"),
        ("办理时间缩短42%。", "-42"),
        ("案件數量同比增長7.5%。", "7.5"),
    ] {
        let (_, fs) = facts(text);
        assert_eq!(fs[0].kind, FactKind::Change, "{text}");
        assert_eq!(fs[0].value, dec(value), "{text}");
    }
}

#[test]
fn an_average_is_not_part_of_what_changed() {
    // 平均 is an adverb before the verb: not 时限平 (with 均 taken for "all").
    let (_, fs) = facts("办理时限平均压缩58%。");
    assert_eq!(
        (fs[0].kind, fs[0].label.as_str()),
        (FactKind::Change, "时限")
    );
}

#[test]
fn from_last_years_figure_to_this_years() {
    for text in [
        "出庭应诉率由上年的92.3%提高到100%。",
        "出庭应诉率从2023年的92.3%提升至100%。",
    ] {
        let (r, fs) = parse_facts(text);
        let got: Vec<_> = fs.iter().map(|f| (f.label.as_str(), f.year)).collect();
        assert_eq!(
            got,
            [("出庭应诉率", Some(2023)), ("出庭应诉率", None)],
            "{text}"
        );
        drop(r);
    }
    let (_, fs) = facts("审批时限由20个工作日压缩至5个工作日。");
    let got: Vec<_> = fs.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(got, ["审批时限", "审批时限"]);
}

#[test]
fn tenths_are_a_share() {
    let (_, fs) = facts("群众满意度达到8成以上。");
    assert_eq!(
        (fs[0].value, fs[0].unit, fs[0].kind, fs[0].approx),
        (dec("80"), "%", FactKind::Rate, Approx::AtLeast)
    );
    let (_, fs) = facts("九成的事项实现网上办理。");
    assert_eq!(fs[0].value, dec("90"));
    // 成 starting a word is not a share.
    assert!(facts("全年3成员单位参加。").1.iter().all(|f| f.unit != "%"));
    assert!(facts("取得八成效显著的经验。").1.is_empty());
}

#[test]
fn a_rate_is_named_up_to_its_rate_word() {
    let (r, fs) = facts("行政机关负责人出庭应诉率连续三年保持100%，随机抽查比例不低于5%。");
    let f = one(&fs, "行政机关负责人出庭应诉率");
    assert_eq!(r.slice(f.label_span.unwrap()), "行政机关负责人出庭应诉率");
    one(&fs, "随机抽查比例");
    // A share named by 占 is the 占比 of what it names (not cut at 满意度); 率先 is not a rate word.
    let (_, fs) = facts("群众满意度调查占40%，率先实现网办率100%。");
    one(&fs, "群众满意度调查占比");
    one(&fs, "网办率");
}

#[test]
fn a_rate_at_another_time_keeps_its_name_and_its_year() {
    let (_, fs) = facts("2023年出庭应诉率为90%，2024年提升至100%。");
    let named: Vec<(&str, Option<i32>)> = fs.iter().map(|f| (f.label.as_str(), f.year)).collect();
    assert_eq!(
        named,
        [("出庭应诉率", Some(2023)), ("出庭应诉率", Some(2024))]
    );
}

#[test]
fn a_percentage_in_words_is_a_rate() {
    let (r, fs) =
        facts("出庭应诉率达到百分之百，调解成功率为百分之九十八点五，满意率提高了百分之五。");
    let f = one(&fs, "出庭应诉率");
    assert_eq!((f.value, f.unit, f.kind), (dec("100"), "%", FactKind::Rate));
    assert_eq!(r.slice(f.span), "百分之百");
    assert_eq!(one(&fs, "调解成功率").value, dec("98.5"));
    let up = fs.iter().find(|f| f.kind == FactKind::Change).unwrap();
    assert_eq!((up.value, up.unit), (dec("5"), "%"));
}

#[test]
fn a_rate_named_in_the_clause_before_its_value() {
    let (_, fs) = facts("一审案件行政机关败诉率明显下降，2021年降至5.6%；做到了满意率100%。");
    one(&fs, "一审案件行政机关败诉率");
    one(&fs, "满意率");
}

#[test]
fn a_classifier_and_ci_are_one_unit() {
    let (_, fs) = facts("开展“双随机、一公开”监管检查1142家次，出动执法车辆86台次，检查学校12所。");
    let f = one(&fs, "双随机、一公开监管检查");
    assert_eq!((f.value, f.unit), (dec("1142"), "家次"));
    assert_eq!(one(&fs, "出动执法车辆").unit, "台次");
    assert_eq!(one(&fs, "检查学校").unit, "所");
}
