//! The document model: what the parser found in a report, with spans.

use super::{LineIndex, NormText, Position, Span};
use crate::ingest::SourceText;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use std::any::Any;
use std::sync::{Arc, Mutex, OnceLock};

/// A parsed 年度报告 (or another document that was submitted as one).
#[derive(Debug, Clone)]
pub struct Report {
    pub source: SourceText,
    pub lines: LineIndex,
    /// `source.text` normalised for matching; rules and extractors search this, evidence maps back.
    pub norm: NormText,
    /// The running text without web-page chrome (breadcrumbs, share widgets, footer).
    pub body: Span,
    pub meta: Meta,
    /// Every numbered heading, in document order. `Section::parent`/`children` index into this vec.
    pub sections: Vec<Section>,
    pub numbering_issues: Vec<NumberingIssue>,
    /// In-paragraph enumerations (一是…二是…).
    pub enumerations: Vec<Enumeration>,
    pub sentences: Vec<Sentence>,
    pub facts: Vec<Fact>,
    /// Totals with their 其中 parts.
    pub breakdowns: Vec<Breakdown>,
    /// Rates with their stated numerator and denominator.
    pub ratios: Vec<Ratio>,
    /// Lookups every rule may repeat, computed on first use.
    pub derived: Derived,
}

/// Parts of a report found on first use, so that a rule asking once per sentence stays linear.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// `plan()` and `results()`: indices into `sections`.
    pub plan: OnceLock<Option<usize>>,
    pub results: OnceLock<Option<usize>>,
    /// Scans of the body that several rules ask for (the dictionaries', by `typos()`).
    pub memo: Memo,
}

/// Values computed once per report by whichever rule asks first, each under a key its owner
/// chooses; opaque to the report. A clone starts empty.
#[derive(Default)]
pub struct Memo(Mutex<Vec<(u64, Arc<dyn Any + Send + Sync>)>>);

type Memoed = Vec<(u64, Arc<dyn Any + Send + Sync>)>;

impl Memo {
    /// The value under `key`, computed by `f` the first time. Rules running in parallel may both
    /// compute it; they get equal values.
    pub fn get<T: Any + Send + Sync>(&self, key: u64, f: impl FnOnce() -> T) -> Arc<T> {
        let found = |m: &Memoed| {
            m.iter()
                .find(|(k, _)| *k == key)
                .and_then(|(_, v)| v.clone().downcast::<T>().ok())
        };
        if let Some(v) = found(&self.lock()) {
            return v;
        }
        let v = Arc::new(f());
        let mut memo = self.lock();
        if let Some(first) = found(&memo) {
            return first;
        }
        memo.push((key, v.clone()));
        v
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Memoed> {
        // A panic elsewhere while the list was held cannot leave it inconsistent.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Clone for Memo {
    fn clone(&self) -> Self {
        Memo::default()
    }
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Memo({})", self.lock().len())
    }
}

impl Report {
    pub fn text(&self) -> &str {
        &self.source.text
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.source.text[span.start..span.end]
    }

    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.source.text, offset)
    }

    /// Top-level sections (level 1 headings, or the shallowest level present).
    pub fn top_sections(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(|s| s.parent.is_none())
    }
}

/// A value found at a place in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

/// What kind of document this is. Annual-report rules apply only to [`DocKind::AnnualReport`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    AnnualReport,
    CaseStudy,
    /// News or an interpretation about a report or an event, not the report itself.
    News,
    /// A work plan, 工作要点 or 实施方案: it plans work rather than reporting on it.
    Plan,
    #[default]
    Other,
}

impl DocKind {
    /// The name used in packs (`applies_to`) and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::AnnualReport => "annual_report",
            DocKind::CaseStudy => "case_study",
            DocKind::News => "news",
            DocKind::Plan => "plan",
            DocKind::Other => "other",
        }
    }

    /// 中文名，用于表格、HTML 和不适用的原因。
    pub fn label_zh(self) -> &'static str {
        match self {
            DocKind::AnnualReport => "年度报告",
            DocKind::CaseStudy => "典型案例",
            DocKind::News => "新闻或解读",
            DocKind::Plan => "工作计划或要点",
            DocKind::Other => "其他文件",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Meta {
    pub title: Option<Located<String>>,
    /// Issuing body, from the title, a header line, 来源, or the sign-off.
    pub issuer: Option<Located<String>>,
    /// 文号, e.g. 沈辽中司发〔2024〕7号.
    pub doc_number: Option<Located<String>>,
    /// 主送机关, e.g. 区委、区政府.
    pub addressee: Option<Located<String>>,
    /// The year reported on.
    pub report_year: Option<Located<i32>>,
    /// 成文/印发 date.
    pub issued: Option<Located<NaiveDate>>,
    /// Publication date (发布时间, a date under the title, HTML metadata).
    pub published: Option<Located<NaiveDate>>,
    /// A draft marker left in the text (讨论稿, 征求意见稿, 送审稿, 初稿).
    pub draft: Option<Located<String>>,
    /// The last words before the text breaks off (mid-sentence, or on a heading with nothing under
    /// it): the copy lost its end, so a part missing from it may only be missing from the copy.
    pub broken_off: Option<Located<String>>,
    pub kind: DocKind,
    /// Why the parser chose `kind`, in Chinese, for the output and `parse`.
    pub kind_reason: String,
}

/// A numbered heading and the text it governs.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Numbering level of official documents: 0 = 第一部分  1 = 一、  2 = （一）  3 = 1.  4 = （1）.
    pub level: u8,
    /// The outline level rules count by: 1 is the first level (第一部分 where a report is organised
    /// in parts, else 一、), 2 the next, and so on.
    pub rank: u8,
    /// The ordinal the numbering states (一 → 1, （三）→ 3).
    pub number: Option<u32>,
    /// The numbering as written, e.g. `（二）`.
    pub marker: String,
    pub title: String,
    /// The heading line.
    pub heading: Span,
    /// Heading and body, up to the next heading at the same or a higher level.
    pub span: Span,
    /// After the heading line, up to the end of `span`.
    pub body: Span,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberingIssueKind {
    /// 一、 then 三、
    Gap,
    /// 二、 twice
    Repeat,
    /// 1. directly under 一、 while （一） is used elsewhere, or a deeper level with no parent.
    LevelJump,
    /// The same level written two ways, e.g. （一） and (一) or 1. and 1、
    MixedStyle,
}

#[derive(Debug, Clone, Serialize)]
pub struct NumberingIssue {
    pub kind: NumberingIssueKind,
    pub span: Span,
    /// Chinese explanation, e.g. "一级标题从“一、”跳到“三、”，缺少“二、”".
    pub detail: String,
}

/// 一是…二是…三是… inside a paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct Enumeration {
    pub span: Span,
    pub items: Vec<Span>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    pub span: Span,
    /// Innermost section containing the sentence.
    pub section: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// A count or amount: 353件, 6位, 五方面, 1.2万元.
    Quantity,
    /// A rate or share in percent: 出庭应诉率为100%, 占比30%.
    Rate,
    /// A change: 下降4.7个百分点, 增长9.5%. Never a rate.
    Change,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    Exact,
    /// 余, 多, 以上, 超过: the true value is at least `value`.
    AtLeast,
    /// 约, 左右, 近: about `value`.
    About,
    /// 不足, 以下, 不到: at most `value`.
    AtMost,
}

/// A located quantity.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// The thing counted or measured, e.g. 法律援助案件, 出庭应诉率.
    pub label: String,
    /// The value with 万/亿 applied; a percentage as the number before `%` (99.7 for 99.7%).
    /// For a change, negative when it goes down.
    pub value: Decimal,
    /// Normalised unit: 件 次 人 个 项 家 元 % 个百分点 …
    pub unit: &'static str,
    pub approx: Approx,
    pub kind: FactKind,
    /// The number with its unit (and approximation words) as written.
    pub span: Span,
    /// Where the label was read from, when it is a stretch of the text.
    pub label_span: Option<Span>,
    /// The year the fact's clause names (`2023年出庭应诉率为90%`), when it names one.
    pub year: Option<i32>,
    pub sentence: usize,
    pub section: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakdownRelation {
    /// The parts look like a full split of the total (民事…刑事…; 维持…撤销…驳回…).
    Partition,
    /// The parts are a selection (其中…).
    Subset,
}

/// 共办理法律援助案件353件，其中民事援助案件214件，刑事援助案件139件
#[derive(Debug, Clone, Serialize)]
pub struct Breakdown {
    /// Index into `Report::facts`.
    pub total: usize,
    /// Indices into `Report::facts`.
    pub parts: Vec<usize>,
    pub relation: BreakdownRelation,
    pub span: Span,
}

/// 受理1187件，调解成功1187件，调解成功率100%
#[derive(Debug, Clone, Serialize)]
pub struct Ratio {
    /// Indices into `Report::facts`.
    pub rate: usize,
    pub numerator: usize,
    pub denominator: usize,
}
