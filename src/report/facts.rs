//! Facts: every quantity stated in a sentence, with its label, value, unit and approximation.
//!
//! A number is a fact when a unit follows it (件 次 人 % 个百分点 万元 …, with 万/亿 applied to the
//! value), or when it ends a list whose earlier items had a unit (`管制1人,假释1。`), or when its label
//! is itself a count (`平均跑动次数0.23`). Years, dates, 文号, ordinals (第三, 1.), article numbers, ranges
//! (3-5年) and numbers inside quotes or book titles (“12+1”, 《…十项任务》) are not facts. A percentage is a
//! rate unless a change verb precedes it (下降9.5%); 个百分点 is always a change.

mod label;
mod table;
mod year;

use super::numerals::{digit, is_cn_numeral_char, parse_cn};
use super::sentences::Piece;
use super::{Approx, Fact, FactKind, NormText, Section};
use rust_decimal::Decimal;
use std::ops::Range;
use std::str::FromStr;
use std::sync::LazyLock;

/// Units after Arabic numerals.
const UNITS: &[&str] = &[
    "个百分点",
    "百分点",
    "个工作日",
    "平方公里",
    "平方米",
    "个月",
    "人次",
    "场次",
    "户次",
    "件次",
    "批次",
    "车次",
    "学时",
    "课时",
    "小时",
    "工作日",
    "方面",
    "公里",
    "千米",
    "元",
    "%",
    "件",
    "卷",
    "次",
    "人",
    "个",
    "项",
    "家",
    "场",
    "份",
    "条",
    "名",
    "位",
    "宗",
    "篇",
    "批",
    "种",
    "本",
    "块",
    "台",
    "张",
    "期",
    "辆",
    "册",
    "户",
    "所",
    "处",
    "座",
    "起",
    "例",
    "部",
    "套",
    "间",
    "支",
    "队",
    "类",
    "点",
    "幅",
    "亩",
    "米",
    "吨",
    "天",
    "轮",
    "倍",
    "栋",
    "棵",
    "节",
    "门",
    "单",
];
/// Units that may follow a Chinese numeral (五方面, 两家, 十项); fewer, because 一个/三中 are idioms.
const CN_UNITS: &[&str] = &[
    "方面", "人次", "场次", "个", "项", "家", "名", "位", "件", "次", "条", "场", "批", "类", "种",
    "期", "人", "所", "份", "起", "篇", "块", "轮", "支", "处",
];
/// Fixed political terms built from a numeral and a classifier (八项规定, 两个维护, 四个意识).
const TERM_AFTER_UNIT: &[&str] = &[
    "规定", "制度", "意识", "自信", "维护", "确立", "原则", "重点", "环节",
];
const APPROX_BEFORE: &[(&str, Approx)] = &[
    ("大约", Approx::About),
    ("将近", Approx::About),
    ("接近", Approx::About),
    ("约", Approx::About),
    ("近", Approx::About),
    ("超过", Approx::AtLeast),
    ("逾", Approx::AtLeast),
    ("超", Approx::AtLeast),
    ("不足", Approx::AtMost),
    ("不到", Approx::AtMost),
];
const APPROX_AFTER: &[(&str, Approx)] = &[
    ("以上", Approx::AtLeast),
    ("左右", Approx::About),
    ("上下", Approx::About),
    ("以下", Approx::AtMost),
    ("以内", Approx::AtMost),
];
/// Verbs of a change (simplified and traditional); 缩短/压缩 shorten a time limit by a share of it.
const CHANGE_DOWN: &[&str] = &[
    "下降", "降低", "减少", "減少", "下滑", "回落", "降幅", "缩短", "縮短", "压缩", "壓縮",
];
const CHANGE_UP: &[&str] = &["增长", "增長", "增加", "提高", "提升", "上升", "增幅"];
const COMPARE: &[&str] = &[
    "同比",
    "环比",
    "较上年",
    "较去年",
    "比上年",
    "比去年",
    "较上年度",
];
/// Characters that tie a number to a formula, range or code rather than a count.
const JOINERS: &[char] = &['+', '-', '—', '–', '~', '/', '·', ':', '.', '_', '*', '×'];

/// A number found in a sentence before its label is known.
struct Hit {
    span: Range<usize>,
    number: Range<usize>,
    value: Decimal,
    unit: &'static str,
    approx: Approx,
    kind: FactKind,
    /// Where the label search ends (the start of the number, or of the change verb).
    label_end: usize,
    unit_end: usize,
}

/// `report_year` dates the figures a clause places in the year before it (由上年的92.3%).
pub fn extract(
    norm: &NormText,
    src: &str,
    sentences: &[Piece],
    sections: &[Section],
    report_year: Option<i32>,
) -> Vec<Fact> {
    let mut facts = Vec::new();
    for (si, p) in sentences.iter().enumerate() {
        let text = &norm.text;
        let protected = protected_ranges(&text[p.norm.clone()], p.norm.start);
        let mut floor = p.norm.start;
        let mut prev_unit: Option<(&'static str, usize)> = None;
        // The sentence's section, looked up at its first fact.
        let mut section = None;
        // Only a table row has cells to look up (most sentences have none).
        let in_table = text[p.norm.clone()].contains('|');
        // `出庭应诉率2022年、2023年、2024年分别为95%、98%、100%`: the name and the years the
        // figures listed with 、 after it are for, and how many of them have been read.
        let mut listed: Option<Respective> = None;
        for hit in numbers(text, p.norm.clone(), &protected, &mut prev_unit) {
            let from = floor.min(hit.label_end);
            listed = match listed.take() {
                Some(l) if l.read < l.len() && text[floor..hit.span.start] == *"、" => Some(l),
                _ => Respective::before(text, from, hit.label_end),
            };
            let before = match &listed {
                Some(l) => label::Before {
                    label: l.labels[l.read.min(l.labels.len() - 1)].clone(),
                    shared: Vec::new(),
                },
                None => label::before(text, from, hit.label_end),
            };
            let after = if hit.kind == FactKind::Change {
                None
            } else {
                label::after(text, hit.unit_end)
            };
            let main = after.or(before.label).map(|l| match hit.kind {
                FactKind::Rate => l.ending_at_rate_word(),
                _ => l,
            });
            // `败诉率明显下降，2021年降至5.6%`: a rate named in the clause before its value.
            let main = match main {
                None if hit.kind == FactKind::Rate => {
                    label::rate_in_clause_before(text, floor.min(hit.label_end), hit.label_end)
                }
                l => l,
            };
            // In a table row the row's first cell names the figure, and the column may date it.
            let cell = in_table
                .then(|| table::of(text, hit.span.clone()))
                .flatten();
            let main = match &cell {
                Some(c) => Some(label::Label {
                    text: text[c.row_label.clone()].to_string(),
                    range: c.row_label.clone(),
                }),
                None => main,
            };
            let listed_year = listed.as_mut().map(|l| {
                l.read += 1;
                l.years.get(l.read - 1).copied()
            });
            let year = match listed_year {
                Some(Some(y)) => Some(y),
                _ => cell
                    .and_then(|c| c.year)
                    .or_else(|| year::of_clause(text, hit.label_end, report_year)),
            };
            let span = super::src_span(norm, src, hit.span.clone());
            for l in before.shared.into_iter().map(Some).chain([main]) {
                let (label, label_span) = match l {
                    Some(l) => (l.text, Some(super::src_span(norm, src, l.range))),
                    None => (String::new(), None),
                };
                facts.push(Fact {
                    label,
                    value: hit.value,
                    unit: hit.unit,
                    approx: hit.approx,
                    kind: hit.kind,
                    span,
                    label_span,
                    year,
                    sentence: si,
                    section: *section.get_or_insert_with(|| {
                        p.sentence.section.or_else(|| {
                            super::sentences::innermost(sections, p.sentence.span.start)
                        })
                    }),
                });
            }
            floor = hit.span.end.max(hit.number.end);
        }
    }
    inherit_elided_labels(&mut facts, src);
    facts
}

/// Figures listed with 、 after 分别为, handed out in order to the names or years before it:
/// `纠错率、败诉率分别为8.2%、3.1%`, `出庭应诉率2022年、2023年分别为95%、98%`.
struct Respective {
    /// One name per figure, or one name for all when the list is of years.
    labels: Vec<Option<label::Label>>,
    /// One year per figure; empty when the list is of names.
    years: Vec<i32>,
    /// Figures of the list read so far.
    read: usize,
}

impl Respective {
    fn before(text: &str, from: usize, at: usize) -> Option<Respective> {
        if let Some((name_end, years)) = year::respective(text, from, at) {
            let label = label::before(text, from, name_end).label;
            return Some(Respective {
                labels: vec![label],
                years,
                read: 0,
            });
        }
        let labels = label::respective(text, from, at)?;
        Some(Respective {
            labels: labels.into_iter().map(Some).collect(),
            years: Vec::new(),
            read: 0,
        })
    }

    fn len(&self) -> usize {
        self.years.len().max(self.labels.len())
    }
}

/// The gap between two rates holds nothing but a year or a month and a verb that moves a figure
/// (`，2024年提升至`, `；2023年为`).
fn only_time_and_change(gap: &str) -> bool {
    static TIME: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^[,，;；\s]*(?:(?:19|20)\d{2}年(?:度|底|末)?)?(?:\d{1,2}月(?:底|末)?)?")
            .expect("valid regex")
    });
    let mut rest = &gap[TIME.find(gap).map_or(0, |m| m.end())..];
    // `由上年的92.3%提高到100%`: nothing but the verb between the old figure and the new, or the
    // verb and the new figure's year (`由2023年的95%提升至2024年的100%`).
    if rest.len() == gap.len() {
        return year::CHANGE_TO.iter().any(|v| {
            gap.strip_prefix(v).is_some_and(|r| {
                let r = &r[TIME.find(r).map_or(0, |m| m.end())..];
                r.is_empty() || (r == "的" && r.len() < gap.len() - v.len())
            })
        });
    }
    while let Some(w) = label::TRAILING.iter().find(|w| rest.ends_with(**w)) {
        rest = &rest[..rest.len() - w.len()];
    }
    rest.is_empty()
}

/// `五批共19件`, `其中10余篇`: a number with no label of its own counts what the number right before it
/// counted, when only scope words stand between them.
fn inherit_elided_labels(facts: &mut [Fact], src: &str) {
    for i in 1..facts.len() {
        if !facts[i].label.is_empty() || facts[i].sentence != facts[i - 1].sentence {
            continue;
        }
        let gap = src
            .get(facts[i - 1].span.end..facts[i].span.start)
            .unwrap_or("x");
        let only_scope = gap.chars().count() <= 4
            && gap.chars().all(|c| {
                matches!(
                    c,
                    '共' | '计' | '其' | '中' | '，' | ',' | '、' | ' ' | '合' | '总' | '达'
                )
            });
        // `出庭应诉率为90%，2024年提升至100%`, `时限由20个工作日压缩至5个工作日`: a figure whose clause is
        // only a time and a verb of change is the same figure at another time.
        let same_figure = facts[i].kind == facts[i - 1].kind
            && facts[i].unit == facts[i - 1].unit
            && matches!(facts[i].kind, FactKind::Rate | FactKind::Quantity)
            && only_time_and_change(gap);
        if only_scope || same_figure {
            facts[i].label = facts[i - 1].label.clone();
            facts[i].label_span = facts[i - 1].label_span;
        }
    }
}

/// Quotes, book titles and 〔〕 brackets in a sentence, as absolute ranges.
fn protected_ranges(s: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in s.char_indices() {
        match (open, c) {
            (None, '“' | '《' | '〔' | '"' | '「') => open = Some((c, i)),
            (Some(('“', st)), '”')
            | (Some(('《', st)), '》')
            | (Some(('〔', st)), '〕')
            | (Some(('"', st)), '"')
            | (Some(('「', st)), '」') => {
                out.push(base + st..base + i + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    out
}

fn starts_with_any<'a, T: Copy>(s: &str, list: &'a [(&'a str, T)]) -> Option<(&'a str, T)> {
    list.iter().find(|(w, _)| s.starts_with(w)).copied()
}

/// Units by their first character (sorted, for a binary search), longest first, so that a
/// lookup tries only the units that can start there.
type UnitIndex = Vec<(char, Vec<&'static str>)>;

fn index(units: &[&'static str]) -> UnitIndex {
    let mut m: UnitIndex = Vec::new();
    for u in units {
        let Some(c) = u.chars().next() else { continue };
        match m.binary_search_by_key(&c, |e| e.0) {
            Ok(k) => m[k].1.push(u),
            Err(k) => m.insert(k, (c, vec![u])),
        }
    }
    m.iter_mut()
        .for_each(|(_, v)| v.sort_by_key(|u| std::cmp::Reverse(u.len())));
    m
}

static UNIT_INDEX: LazyLock<UnitIndex> = LazyLock::new(|| index(UNITS));
static CN_UNIT_INDEX: LazyLock<UnitIndex> = LazyLock::new(|| index(CN_UNITS));

/// `家次`, `所次`, `台次`: a one-character classifier and 次 count visits, one unit together
/// (检查1142家次 is not 1142 firms). Built once from [`UNITS`], so every classifier has its form.
static TIMES_UNITS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    UNITS
        .iter()
        .filter(|u| u.chars().count() == 1 && !matches!(**u, "%" | "次" | "元" | "倍"))
        .map(|u| (*u, &*Box::leak(format!("{u}次").into_boxed_str())))
        .collect()
});

fn times_unit(unit: &str) -> Option<&'static str> {
    TIMES_UNITS
        .iter()
        .find(|(u, _)| *u == unit)
        .map(|(_, t)| *t)
}

fn unit_at(s: &str, units: &UnitIndex) -> Option<&'static str> {
    let c = s.chars().next()?;
    let k = units.binary_search_by_key(&c, |e| e.0).ok()?;
    units[k].1.iter().find(|u| s.starts_with(**u)).copied()
}

/// Every number of a sentence that is a fact, in order.
fn numbers(
    text: &str,
    range: Range<usize>,
    protected: &[Range<usize>],
    prev_unit: &mut Option<(&'static str, usize)>,
) -> Vec<Hit> {
    let mut out = Vec::new();
    // Text before this offset has been consumed by a fact.
    let mut next = range.start;
    // Where a number may start: a run of ASCII digits or of Chinese numeral characters.
    for m in super::scan::number_runs(&text[range.clone()]) {
        let i = range.start + m.start;
        if i < next {
            continue;
        }
        let prev = text[range.start..i].chars().next_back();
        let digits = text.as_bytes()[i].is_ascii_digit();
        let starts = if digits {
            !prev.is_some_and(|p| p.is_ascii_alphanumeric() || JOINERS.contains(&p))
        } else {
            !prev.is_some_and(is_cn_numeral_char)
        };
        if !starts {
            continue;
        }
        let end = if digits {
            digits_end(text, i, range.end)
        } else {
            range.start + m.end
        };
        let Some(hit) = read(text, range.clone(), i, end, digits, prev_unit) else {
            continue;
        };
        if protected.iter().any(|p| p.start <= i && i < p.end) {
            continue;
        }
        *prev_unit = Some((hit.unit, hit.span.end));
        next = hit.span.end.max(end);
        out.push(hit);
    }
    out
}

fn digits_end(text: &str, start: usize, limit: usize) -> usize {
    let b = text.as_bytes();
    let mut j = start;
    while j < limit && b[j].is_ascii_digit() {
        j += 1;
    }
    if j + 1 < limit && b[j] == b'.' && b[j + 1].is_ascii_digit() {
        j += 1;
        while j < limit && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    j
}

/// Read the unit, multiplier and approximation around the number at `start..end`.
fn read(
    text: &str,
    sentence: Range<usize>,
    start: usize,
    end: usize,
    digits: bool,
    prev_unit: &Option<(&'static str, usize)>,
) -> Option<Hit> {
    let in_words = (!digits)
        .then(|| percent_in_words(&text[start..sentence.end]))
        .flatten();
    // Cheap rejection first: a Chinese numeral needs a classifier right after it (most 一 are words).
    if !digits && in_words.is_none() {
        let after = &text[end..sentence.end];
        let after = after.strip_prefix(['余', '多']).unwrap_or(after);
        if !tenths(after) {
            unit_at(after, &CN_UNIT_INDEX)?;
        }
    }
    let before = &text[sentence.start..start];
    if before.ends_with('第')
        || (!digits
            && ["初", "周", "星期", "农历"]
                .iter()
                .any(|w| before.ends_with(w)))
    {
        return None;
    }
    let (approx_before, span_start) = APPROX_BEFORE
        .iter()
        .find(|(w, _)| before.ends_with(w))
        .map_or((None, start), |(w, a)| (Some(*a), start - w.len()));
    let num_text = &text[start..end];
    if let Some((value, len)) = in_words {
        return Some(finish(
            text,
            sentence.start,
            (span_start, start..start + len),
            value,
            "%",
            approx_before.unwrap_or(Approx::Exact),
        ));
    }
    let mut value = if digits {
        Decimal::from_str(num_text).ok()?
    } else {
        let only_units = num_text
            .chars()
            .all(|c| matches!(c, '十' | '百' | '千' | '万' | '亿'));
        if only_units && num_text != "十" && approx_before.is_none() {
            return None; // 千家万户, 万件: idioms, not counts
        }
        Decimal::from(parse_cn(num_text)?)
    };
    if !digits && value <= Decimal::ONE {
        return None; // 一批, 一次性, 一方面
    }
    let mut k = end;
    let rest = |k: usize| &text[k..sentence.end];
    if digits {
        let r = rest(k);
        if r.starts_with(JOINERS) || r.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        if let Some(m) = ['万', '亿'].into_iter().find(|m| r.starts_with(*m)) {
            let factor = if m == '万' { 10_000 } else { 100_000_000 };
            value = value.checked_mul(Decimal::from(factor))?;
            k += m.len_utf8();
        }
    }
    let mut approx = approx_before.unwrap_or(Approx::Exact);
    if let Some(m) = ['余', '多'].into_iter().find(|m| rest(k).starts_with(*m)) {
        approx = Approx::AtLeast;
        k += m.len_utf8();
    }
    let units: &UnitIndex = if digits { &UNIT_INDEX } else { &CN_UNIT_INDEX };
    let unit = match unit_at(rest(k), units) {
        // `8成以上`, `九成`: tenths of a whole, a share read as a percentage.
        _ if value < Decimal::TEN && tenths(rest(k)) => {
            value = value.checked_mul(Decimal::TEN)?;
            k += '成'.len_utf8();
            "%"
        }
        Some(u) => {
            k += u.len();
            match rest(k).starts_with('次').then(|| times_unit(u)).flatten() {
                Some(t) => {
                    k += '次'.len_utf8();
                    t
                }
                None => u,
            }
        }
        // `行政处罚案件(件) | 1562 | 1348`: a table names the unit once, by the row or the column.
        None if digits && rest(k).trim_start().starts_with('|') => {
            let u = table::unit_of(text, start..k)?;
            unit_at(u, &UNIT_INDEX).filter(|m| m.len() == u.len())?
        }
        None if digits => elided_unit(text, sentence.clone(), k, prev_unit)?,
        None => return None,
    };
    if !digits && TERM_AFTER_UNIT.iter().any(|t| rest(k).starts_with(t)) {
        return None;
    }
    if let Some((w, a)) = starts_with_any(rest(k), APPROX_AFTER) {
        approx = a;
        k += w.len();
    }
    Some(
        finish(
            text,
            sentence.start,
            (span_start, start..end),
            value,
            unit,
            approx,
        )
        .ending_at(k),
    )
}

/// The fact's kind (a change when a change verb comes right before it), its sign and the Hit.
fn finish(
    text: &str,
    floor: usize,
    (span_start, number): (usize, Range<usize>),
    mut value: Decimal,
    unit: &'static str,
    approx: Approx,
) -> Hit {
    let (kind, label_end, negative) = change_before(text, floor, span_start)
        .map(|(at, neg)| (FactKind::Change, at, neg))
        .unwrap_or_else(|| {
            let kind = if unit.ends_with("百分点") {
                FactKind::Change
            } else if unit == "%" {
                FactKind::Rate
            } else {
                FactKind::Quantity
            };
            (kind, span_start, false)
        });
    if negative {
        value = -value;
    }
    let unit = if unit == "百分点" {
        "个百分点"
    } else {
        unit
    };
    let k = number.end;
    Hit {
        span: span_start..k,
        number,
        value,
        unit,
        approx,
        kind,
        label_end,
        unit_end: k,
    }
}

impl Hit {
    /// The written unit (and approximation) run on to `k`.
    fn ending_at(mut self, k: usize) -> Hit {
        self.span.end = k;
        self.unit_end = k;
        self
    }
}

/// `百分之百`, `百分之九十八点五`: a percentage in words, as its value and byte length.
fn percent_in_words(s: &str) -> Option<(Decimal, usize)> {
    let rest = s.strip_prefix("百分之")?;
    let whole = rest
        .find(|c: char| !is_cn_numeral_char(c))
        .unwrap_or(rest.len());
    let mut value = Decimal::from(parse_cn(&rest[..whole])?);
    let mut len = "百分之".len() + whole;
    // `点五`, `点零八`: one digit character per decimal place.
    if let Some(frac) = rest[whole..].strip_prefix('点') {
        let mut read = 0;
        let digits = frac.chars().map_while(|c| digit(c).map(|d| (c, d)));
        for (scale, (c, d)) in (1..).zip(digits) {
            value += Decimal::new(i64::try_from(d).ok()?, scale);
            read += c.len_utf8();
        }
        if read > 0 {
            len += '点'.len_utf8() + read;
        }
    }
    Some((value, len))
}

/// `成` counting tenths: followed by an approximation word, 的 or the end of a clause, never by the
/// rest of a word (成立, 成效, 成员).
fn tenths(rest: &str) -> bool {
    rest.strip_prefix('成').is_some_and(|r| {
        r.is_empty()
            || r.starts_with([',', '。', ';', '、', '的', '多', ')'])
            || APPROX_AFTER.iter().any(|(w, _)| r.starts_with(w))
    })
}

/// A bare number ending a list whose previous item had a unit (`管制1人,假释1。`), or measured by a
/// label that is itself a count (`平均跑动次数0.23`): unit of the previous item, or none.
fn elided_unit(
    text: &str,
    sentence: Range<usize>,
    k: usize,
    prev_unit: &Option<(&'static str, usize)>,
) -> Option<&'static str> {
    let next = text[k..sentence.end].chars().next();
    let ends_item = next.is_none_or(|c| matches!(c, ',' | '。' | ';' | '、'));
    if !ends_item {
        return None;
    }
    let before = &text[sentence.start..k];
    let label_is_count = before
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim_end_matches(['为', '达'])
        .ends_with(['数', '量']);
    if label_is_count {
        return Some("");
    }
    match prev_unit {
        Some((u, end))
            if *u != "%"
                && !u.is_empty()
                && k.saturating_sub(*end) <= 30
                && *end >= sentence.start =>
        {
            Some(*u)
        }
        _ => None,
    }
}

/// A change verb (with 同比 and the like) right before the number: where the label ends, and whether
/// the change is downward.
fn change_before(text: &str, floor: usize, at: usize) -> Option<(usize, bool)> {
    let before = &text[floor..at];
    let before = before
        .strip_suffix('了')
        .or_else(|| before.strip_suffix('为'))
        .unwrap_or(before);
    let (word, neg) = CHANGE_DOWN
        .iter()
        .map(|w| (w, true))
        .chain(CHANGE_UP.iter().map(|w| (w, false)))
        .find(|(w, _)| before.ends_with(**w))?;
    let mut label_end = floor + before.len() - word.len();
    if let Some(c) = COMPARE
        .iter()
        .find(|c| text[floor..label_end].ends_with(**c))
    {
        label_end -= c.len();
    }
    Some((label_end, neg))
}

#[cfg(test)]
mod tests;
