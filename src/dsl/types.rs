//! The static types of the checker and the fields each type has (one table, shared with the docs).

use std::fmt;

/// A static type. Any value may also be missing at run time; three-valued logic handles that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Unknown statically (the element of `[]`, a list of lists); checked at run time.
    Any,
    /// The `null` literal: always missing, fits anywhere.
    Null,
    Bool,
    Number,
    String,
    Regex,
    Date,
    Section,
    Fact,
    Sentence,
    Match,
    Breakdown,
    Ratio,
    Issue,
    /// A dictionary entry found in the text (`typos()`, `formulations()`).
    Hit,
    Meta,
    Params,
    List(&'static Type),
}

impl Type {
    /// `list<t>`; lists of lists are `list<any>`.
    pub fn list_of(t: Type) -> Type {
        static ELEMS: [Type; 16] = [
            Type::Any,
            Type::Null,
            Type::Bool,
            Type::Number,
            Type::String,
            Type::Regex,
            Type::Date,
            Type::Section,
            Type::Fact,
            Type::Sentence,
            Type::Match,
            Type::Breakdown,
            Type::Ratio,
            Type::Issue,
            Type::Hit,
            Type::Meta,
        ];
        let elem = ELEMS.iter().find(|e| **e == t).unwrap_or(&ELEMS[0]);
        Type::List(elem)
    }

    /// Whether a value of type `found` may stand where `self` is expected.
    pub fn accepts(self, found: Type) -> bool {
        match (self, found) {
            (Type::Any | Type::Null, _) | (_, Type::Any | Type::Null) => true,
            (Type::List(a), Type::List(b)) => a.accepts(*b),
            (a, b) => a == b,
        }
    }

    /// The element type of a list (`any` for anything else that type-checked as a list).
    pub fn elem(self) -> Type {
        match self {
            Type::List(t) => *t,
            _ => Type::Any,
        }
    }

    /// Types whose text can be searched: `contains(x, …)`, `find(x, …)`, `near(x, …)`.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Type::String
                | Type::Section
                | Type::Sentence
                | Type::Match
                | Type::Hit
                | Type::Fact
                | Type::Any
                | Type::Null
        )
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Type::Any => "any",
            Type::Null => "null",
            Type::Bool => "bool",
            Type::Number => "number",
            Type::String => "string",
            Type::Regex => "regex",
            Type::Date => "date",
            Type::Section => "section",
            Type::Fact => "fact",
            Type::Sentence => "sentence",
            Type::Match => "match",
            Type::Breakdown => "breakdown",
            Type::Ratio => "ratio",
            Type::Issue => "issue",
            Type::Hit => "hit",
            Type::Meta => "meta",
            Type::Params => "params",
            Type::List(t) => return write!(f, "list<{t}>"),
        };
        f.write_str(name)
    }
}

/// A field, resolved by the checker from the owner's type and the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Level,
    Number,
    Marker,
    Title,
    Text,
    Line,
    Section,
    Kind,
    Detail,
    Label,
    Value,
    Unit,
    Approx,
    Sentence,
    Total,
    Parts,
    Relation,
    Sum,
    Rate,
    Numerator,
    Denominator,
    Computed,
    Issuer,
    DocNumber,
    Addressee,
    ReportYear,
    Year,
    Issued,
    Published,
    Draft,
    BrokenOff,
    KindReason,
    Right,
    Source,
    Note,
    /// A pack parameter, by index into the pack's parameter list.
    Param(usize),
}

pub struct FieldDef {
    pub owner: Type,
    pub name: &'static str,
    pub field: Field,
    pub ty: Type,
    pub doc: &'static str,
}

const fn fd(
    owner: Type,
    name: &'static str,
    field: Field,
    ty: Type,
    doc: &'static str,
) -> FieldDef {
    FieldDef {
        owner,
        name,
        field,
        ty,
        doc,
    }
}

use Type as T;

/// Every field of every type. `params` fields come from the pack instead.
pub static FIELDS: &[FieldDef] = &[
    fd(T::Meta, "title", Field::Title, T::String, "标题"),
    fd(T::Meta, "issuer", Field::Issuer, T::String, "发布机关"),
    fd(T::Meta, "doc_number", Field::DocNumber, T::String, "文号"),
    fd(
        T::Meta,
        "addressee",
        Field::Addressee,
        T::String,
        "主送机关",
    ),
    fd(
        T::Meta,
        "report_year",
        Field::ReportYear,
        T::Number,
        "报告年度",
    ),
    fd(T::Meta, "issued", Field::Issued, T::Date, "成文日期"),
    fd(T::Meta, "published", Field::Published, T::Date, "发布日期"),
    fd(
        T::Meta,
        "draft",
        Field::Draft,
        T::String,
        "草稿标记（讨论稿、征求意见稿…）",
    ),
    fd(
        T::Meta,
        "broken_off",
        Field::BrokenOff,
        T::String,
        "全文中途结束处的最后几个字（句子没写完，或标题下没有内容）；文本完整时不存在",
    ),
    fd(
        T::Meta,
        "kind",
        Field::Kind,
        T::String,
        "文档类型：annual_report, case_study, news, plan, other",
    ),
    fd(
        T::Meta,
        "kind_reason",
        Field::KindReason,
        T::String,
        "判断文档类型的理由",
    ),
    fd(
        T::Section,
        "level",
        Field::Level,
        T::Number,
        "1 = 一、 2 = （一） 3 = 1. 4 = （1）；分“第一部分”等的报告中 1 = 第一部分，2 = 一、",
    ),
    fd(
        T::Section,
        "number",
        Field::Number,
        T::Number,
        "序号（一 → 1）",
    ),
    fd(
        T::Section,
        "marker",
        Field::Marker,
        T::String,
        "序号原文，如 （二）",
    ),
    fd(T::Section, "title", Field::Title, T::String, "标题"),
    fd(
        T::Section,
        "text",
        Field::Text,
        T::String,
        "正文（含下级标题）",
    ),
    fd(T::Section, "line", Field::Line, T::Number, "标题所在行"),
    fd(T::Sentence, "text", Field::Text, T::String, "句子"),
    fd(T::Sentence, "line", Field::Line, T::Number, "行号"),
    fd(
        T::Sentence,
        "section",
        Field::Section,
        T::Section,
        "所在的最内层标题",
    ),
    fd(T::Match, "text", Field::Text, T::String, "匹配的文字"),
    fd(T::Match, "line", Field::Line, T::Number, "行号"),
    fd(
        T::Match,
        "section",
        Field::Section,
        T::Section,
        "所在的最内层标题",
    ),
    fd(
        T::Issue,
        "kind",
        Field::Kind,
        T::String,
        "gap, repeat, level_jump, mixed_style",
    ),
    fd(T::Issue, "detail", Field::Detail, T::String, "说明"),
    fd(T::Hit, "text", Field::Text, T::String, "文中的写法"),
    fd(T::Hit, "right", Field::Right, T::String, "规范写法"),
    fd(
        T::Hit,
        "kind",
        Field::Kind,
        T::String,
        "wrong, truncated, reordered, outdated, late",
    ),
    fd(T::Hit, "source", Field::Source, T::String, "词条的来源"),
    fd(T::Hit, "note", Field::Note, T::String, "词条的说明"),
    fd(T::Hit, "line", Field::Line, T::Number, "行号"),
    fd(
        T::Hit,
        "section",
        Field::Section,
        T::Section,
        "所在的最内层标题",
    ),
    fd(T::Issue, "line", Field::Line, T::Number, "行号"),
    fd(
        T::Fact,
        "label",
        Field::Label,
        T::String,
        "计量对象，如 出庭应诉率",
    ),
    fd(
        T::Fact,
        "value",
        Field::Value,
        T::Number,
        "数值（百分数为 % 前的数）",
    ),
    fd(
        T::Fact,
        "unit",
        Field::Unit,
        T::String,
        "单位：件 次 人 % 个百分点 …",
    ),
    fd(
        T::Fact,
        "approx",
        Field::Approx,
        T::String,
        "exact, at_least, about, at_most",
    ),
    fd(
        T::Fact,
        "kind",
        Field::Kind,
        T::String,
        "quantity, rate, change",
    ),
    fd(T::Fact, "text", Field::Text, T::String, "数字及单位原文"),
    fd(T::Fact, "line", Field::Line, T::Number, "行号"),
    fd(T::Fact, "sentence", Field::Sentence, T::String, "所在句子"),
    fd(
        T::Fact,
        "year",
        Field::Year,
        T::Number,
        "所在分句写明的年份（“2023年出庭应诉率为90%” → 2023；“较2023年”不算）；未写时不存在",
    ),
    fd(
        T::Fact,
        "section",
        Field::Section,
        T::Section,
        "所在的最内层标题",
    ),
    fd(T::Breakdown, "total", Field::Total, T::Fact, "总数"),
    fd(
        T::Breakdown,
        "parts",
        Field::Parts,
        T::List(&T::Fact),
        "其中各项",
    ),
    fd(
        T::Breakdown,
        "relation",
        Field::Relation,
        T::String,
        "partition（全部分项）, subset（其中）",
    ),
    fd(T::Breakdown, "sum", Field::Sum, T::Number, "各项之和"),
    fd(T::Ratio, "rate", Field::Rate, T::Fact, "比率"),
    fd(T::Ratio, "numerator", Field::Numerator, T::Fact, "分子"),
    fd(T::Ratio, "denominator", Field::Denominator, T::Fact, "分母"),
    fd(
        T::Ratio,
        "computed",
        Field::Computed,
        T::Number,
        "分子 ÷ 分母，百分数",
    ),
];

/// The field `name` of type `owner`.
pub fn field(owner: Type, name: &str) -> Option<&'static FieldDef> {
    FIELDS.iter().find(|f| f.owner == owner && f.name == name)
}

/// Names of the fields of `owner`, for suggestions.
pub fn field_names(owner: Type) -> impl Iterator<Item = &'static str> {
    FIELDS
        .iter()
        .filter(move |f| f.owner == owner)
        .map(|f| f.name)
}

/// The docs' field reference: one table, every type's fields.
pub fn markdown() -> String {
    let mut out = String::from("| type | field | field type | meaning |\n|---|---|---|---|\n");
    for f in FIELDS {
        out.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            f.owner, f.name, f.ty, f.doc
        ));
    }
    out
}
