//! The function table: names, signatures, docs and examples in one place. The checker resolves
//! calls against it, `docs/rules.md` is generated from it (a test keeps them equal) and every
//! example is parsed and checked by a test.

use super::types::Type;

/// A function, resolved by the checker; evaluation dispatches on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Sections,
    Section,
    Text,
    Contains,
    Find,
    Sentences,
    Near,
    Inside,
    Common,
    NumberingIssues,
    Facts,
    Fact,
    Rates,
    Changes,
    Breakdowns,
    Ratios,
    Any,
    All,
    None,
    Count,
    Filter,
    Map,
    First,
    Sum,
    Exists,
    Len,
    Abs,
    Round,
    Min,
    Max,
    Matches,
    Year,
    Month,
    Day,
    Date,
    Numbers,
}

/// What an argument position accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    Is(Type),
    /// A regex, or a string literal (compiled to an escaped regex at load).
    Pattern,
    /// String, section, sentence, match or fact: something with text.
    Text,
    /// Any list.
    List,
    /// A lambda over the list's elements whose body has this type (`any` = unconstrained).
    Lambda(Type),
    Anything,
}

/// How the result type follows from the argument types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Returns {
    Is(Type),
    /// The element type of the first argument.
    Elem,
    /// The type of the first argument.
    First,
    /// A list of the lambda body's type.
    ListOfBody,
}

pub struct Signature {
    /// As shown in the docs, e.g. `contains(x, pattern)`.
    pub text: &'static str,
    pub params: &'static [Param],
    pub returns: Returns,
    /// Shown in the docs' "returns" column.
    pub returns_doc: &'static str,
    pub doc: &'static str,
}

pub struct FuncDef {
    pub func: Func,
    pub name: &'static str,
    pub group: Group,
    pub sigs: &'static [Signature],
    /// A complete check using the function; a test parses and type-checks every one.
    pub example: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Text,
    Facts,
    Collections,
    Scalars,
}

impl Group {
    pub fn heading(self) -> &'static str {
        match self {
            Group::Text => "Sections and text",
            Group::Facts => "Facts",
            Group::Collections => "Collections",
            Group::Scalars => "Numbers, strings and dates",
        }
    }
}

const fn sig(
    text: &'static str,
    params: &'static [Param],
    returns: Returns,
    returns_doc: &'static str,
    doc: &'static str,
) -> Signature {
    Signature {
        text,
        params,
        returns,
        returns_doc,
        doc,
    }
}

use Param as P;
use Returns as R;
use Type as T;

const LIST_SECTION: Type = T::List(&T::Section);
const LIST_FACT: Type = T::List(&T::Fact);
const LIST_NUMBER: Type = T::List(&T::Number);

pub static FUNCTIONS: &[FuncDef] = &[
    FuncDef {
        func: Func::Sections,
        name: "sections",
        group: Group::Text,
        sigs: &[
            sig(
                "sections()",
                &[],
                R::Is(LIST_SECTION),
                "list<section>",
                "every numbered heading, in document order",
            ),
            sig(
                "sections(level)",
                &[P::Is(T::Number)],
                R::Is(LIST_SECTION),
                "list<section>",
                "headings of one level (1 = 一、)",
            ),
            sig(
                "sections(pattern)",
                &[P::Pattern],
                R::Is(LIST_SECTION),
                "list<section>",
                "headings whose title matches",
            ),
        ],
        example: "count(sections(1)) >= 4",
    },
    FuncDef {
        func: Func::Section,
        name: "section",
        group: Group::Text,
        sigs: &[sig(
            "section(pattern)",
            &[P::Pattern],
            R::Is(T::Section),
            "section or missing",
            "first heading whose title matches, shallowest level first",
        )],
        example: "exists(section(/不足|问题|短板/))",
    },
    FuncDef {
        func: Func::Text,
        name: "text",
        group: Group::Text,
        sigs: &[sig(
            "text()",
            &[],
            R::Is(T::String),
            "string",
            "the body text of the report",
        )],
        example: "len(text()) > 1000",
    },
    FuncDef {
        func: Func::Contains,
        name: "contains",
        group: Group::Text,
        sigs: &[
            sig(
                "contains(pattern)",
                &[P::Pattern],
                R::Is(T::Bool),
                "bool",
                "the body matches",
            ),
            sig(
                "contains(x, pattern)",
                &[P::Text, P::Pattern],
                R::Is(T::Bool),
                "bool",
                "`x` matches; a section includes its sub-sections",
            ),
        ],
        example: "contains(section(/不足|问题/), /原因/)",
    },
    FuncDef {
        func: Func::Find,
        name: "find",
        group: Group::Text,
        sigs: &[
            sig(
                "find(pattern)",
                &[P::Pattern],
                R::Is(T::List(&T::Match)),
                "list<match>",
                "every match in the body",
            ),
            sig(
                "find(x, pattern)",
                &[P::Text, P::Pattern],
                R::Is(T::List(&T::Match)),
                "list<match>",
                "every match inside `x`",
            ),
        ],
        example: "count(find(/行政复议/)) >= 2",
    },
    FuncDef {
        func: Func::Sentences,
        name: "sentences",
        group: Group::Text,
        sigs: &[
            sig(
                "sentences(pattern)",
                &[P::Pattern],
                R::Is(T::List(&T::Sentence)),
                "list<sentence>",
                "sentences that match",
            ),
            sig(
                "sentences(x, pattern)",
                &[P::Is(T::Section), P::Pattern],
                R::Is(T::List(&T::Sentence)),
                "list<sentence>",
                "… inside section `x`",
            ),
        ],
        example: "any(sentences(/不足|短板/), s => contains(s, /原因/))",
    },
    FuncDef {
        func: Func::Near,
        name: "near",
        group: Group::Text,
        sigs: &[sig(
            "near(x, pattern, chars)",
            &[P::Text, P::Pattern, P::Is(T::Number)],
            R::Is(T::Bool),
            "bool",
            "pattern occurs within `chars` characters of `x`, in the same paragraph",
        )],
        example: "any(find(/不足/), m => near(m, /原因/, 50))",
    },
    FuncDef {
        func: Func::Inside,
        name: "inside",
        group: Group::Text,
        sigs: &[sig("inside(x, section)", &[P::Text, P::Is(T::Section)], R::Is(T::Bool), "bool", "`x` lies within `section` (false when the section is missing)")],
        example: "any(sentences(/第一责任人/), s => not inside(s, section(/安排|计划/)))",
    },
    FuncDef {
        func: Func::Common,
        name: "common",
        group: Group::Text,
        sigs: &[sig("common(a, b)", &[P::Text, P::Text], R::Is(T::String), "string", "the longest run of characters `a` and `b` share (to tell whether two sentences speak of the same thing)")],
        example: "len(common(\"实现考核全覆盖\", \"考核未做到全覆盖\")) == 3",
    },
    FuncDef {
        func: Func::NumberingIssues,
        name: "numbering_issues",
        group: Group::Text,
        sigs: &[sig(
            "numbering_issues()",
            &[],
            R::Is(T::List(&T::Issue)),
            "list<issue>",
            "heading-numbering gaps, repeats, level jumps, mixed styles",
        )],
        example: "count(numbering_issues()) == 0",
    },
    FuncDef {
        func: Func::Facts,
        name: "facts",
        group: Group::Facts,
        sigs: &[
            sig(
                "facts()",
                &[],
                R::Is(LIST_FACT),
                "list<fact>",
                "every quantity",
            ),
            sig(
                "facts(pattern)",
                &[P::Pattern],
                R::Is(LIST_FACT),
                "list<fact>",
                "facts whose label matches",
            ),
        ],
        example: "all(facts(/案件/), f => f.value >= 0)",
    },
    FuncDef {
        func: Func::Fact,
        name: "fact",
        group: Group::Facts,
        sigs: &[sig(
            "fact(pattern)",
            &[P::Pattern],
            R::Is(T::Fact),
            "fact or missing",
            "first fact whose label matches",
        )],
        example: "fact(/出庭应诉率/).value == 100%",
    },
    FuncDef {
        func: Func::Rates,
        name: "rates",
        group: Group::Facts,
        sigs: &[sig(
            "rates()",
            &[],
            R::Is(LIST_FACT),
            "list<fact>",
            "facts of kind `rate`",
        )],
        example: "all(rates(), r => r.value >= 0% and r.value <= 100%)",
    },
    FuncDef {
        func: Func::Changes,
        name: "changes",
        group: Group::Facts,
        sigs: &[sig(
            "changes()",
            &[],
            R::Is(LIST_FACT),
            "list<fact>",
            "facts of kind `change`",
        )],
        example: "none(changes(), c => c.unit == \"%\" and c.value < -100)",
    },
    FuncDef {
        func: Func::Breakdowns,
        name: "breakdowns",
        group: Group::Facts,
        sigs: &[sig(
            "breakdowns()",
            &[],
            R::Is(T::List(&T::Breakdown)),
            "list<breakdown>",
            "totals with their 其中 parts",
        )],
        example: "all(breakdowns(), b => b.relation != \"partition\" or b.sum == b.total.value)",
    },
    FuncDef {
        func: Func::Ratios,
        name: "ratios",
        group: Group::Facts,
        sigs: &[sig(
            "ratios()",
            &[],
            R::Is(T::List(&T::Ratio)),
            "list<ratio>",
            "rates with their stated numerator and denominator",
        )],
        example: "all(ratios(), r => abs(r.computed - r.rate.value) <= 0.1%)",
    },
    FuncDef {
        func: Func::Any,
        name: "any",
        group: Group::Collections,
        sigs: &[sig(
            "any(list, x => cond)",
            &[P::List, P::Lambda(T::Bool)],
            R::Is(T::Bool),
            "bool",
            "some item satisfies cond; evidence: the items that do",
        )],
        example: "any(rates(), r => r.value > 100%)",
    },
    FuncDef {
        func: Func::All,
        name: "all",
        group: Group::Collections,
        sigs: &[sig(
            "all(list, x => cond)",
            &[P::List, P::Lambda(T::Bool)],
            R::Is(T::Bool),
            "bool",
            "every item satisfies cond; evidence: the items that do not",
        )],
        example: "all(breakdowns(), b => b.sum <= b.total.value)",
    },
    FuncDef {
        func: Func::None,
        name: "none",
        group: Group::Collections,
        sigs: &[sig(
            "none(list, x => cond)",
            &[P::List, P::Lambda(T::Bool)],
            R::Is(T::Bool),
            "bool",
            "no item satisfies cond; evidence: the items that do",
        )],
        example: "none(sentences(/征求意见稿|讨论稿/), s => true)",
    },
    FuncDef {
        func: Func::Count,
        name: "count",
        group: Group::Collections,
        sigs: &[
            sig(
                "count(list)",
                &[P::List],
                R::Is(T::Number),
                "number",
                "number of items",
            ),
            sig(
                "count(list, x => cond)",
                &[P::List, P::Lambda(T::Bool)],
                R::Is(T::Number),
                "number",
                "number of items satisfying cond",
            ),
        ],
        example: "count(sections(1), s => contains(s, /原因/)) >= 1",
    },
    FuncDef {
        func: Func::Filter,
        name: "filter",
        group: Group::Collections,
        sigs: &[sig(
            "filter(list, x => cond)",
            &[P::List, P::Lambda(T::Bool)],
            R::First,
            "list",
            "the items satisfying cond",
        )],
        example: "count(filter(facts(), f => f.unit == \"件\")) > 0",
    },
    FuncDef {
        func: Func::Map,
        name: "map",
        group: Group::Collections,
        sigs: &[sig(
            "map(list, x => expr)",
            &[P::List, P::Lambda(T::Any)],
            R::ListOfBody,
            "list",
            "expr for each item",
        )],
        example: "sum(map(facts(/案件/), f => f.value)) > 0",
    },
    FuncDef {
        func: Func::First,
        name: "first",
        group: Group::Collections,
        sigs: &[sig(
            "first(list)",
            &[P::List],
            R::Elem,
            "item or missing",
            "the first item",
        )],
        example: "first(sections(1)).number == 1",
    },
    FuncDef {
        func: Func::Sum,
        name: "sum",
        group: Group::Collections,
        sigs: &[sig(
            "sum(list)",
            &[P::Is(LIST_NUMBER)],
            R::Is(T::Number),
            "number",
            "sum of numbers; missing if any is missing",
        )],
        example: "sum([1, 2, 3]) == 6",
    },
    FuncDef {
        func: Func::Exists,
        name: "exists",
        group: Group::Collections,
        sigs: &[sig(
            "exists(x)",
            &[P::Anything],
            R::Is(T::Bool),
            "bool",
            "not missing and, for a list or string, not empty; never missing",
        )],
        example: "exists(meta.report_year)",
    },
    FuncDef {
        func: Func::Len,
        name: "len",
        group: Group::Collections,
        sigs: &[sig(
            "len(x)",
            &[P::Anything],
            R::Is(T::Number),
            "number",
            "characters of a string or text, items of a list",
        )],
        example: "len(meta.title) <= 40",
    },
    FuncDef {
        func: Func::Abs,
        name: "abs",
        group: Group::Scalars,
        sigs: &[sig(
            "abs(n)",
            &[P::Is(T::Number)],
            R::Is(T::Number),
            "number",
            "absolute value",
        )],
        example: "abs(-1) == 1",
    },
    FuncDef {
        func: Func::Round,
        name: "round",
        group: Group::Scalars,
        sigs: &[sig(
            "round(n, digits)",
            &[P::Is(T::Number), P::Is(T::Number)],
            R::Is(T::Number),
            "number",
            "rounded half away from zero to `digits` decimals",
        )],
        example: "round(99.95, 1) == 100",
    },
    FuncDef {
        func: Func::Min,
        name: "min",
        group: Group::Scalars,
        sigs: &[sig(
            "min(a, b)",
            &[P::Is(T::Number), P::Is(T::Number)],
            R::Is(T::Number),
            "number",
            "the smaller",
        )],
        example: "min(1, 2) == 1",
    },
    FuncDef {
        func: Func::Max,
        name: "max",
        group: Group::Scalars,
        sigs: &[sig(
            "max(a, b)",
            &[P::Is(T::Number), P::Is(T::Number)],
            R::Is(T::Number),
            "number",
            "the larger",
        )],
        example: "max(1, 2) == 2",
    },
    FuncDef {
        func: Func::Matches,
        name: "matches",
        group: Group::Scalars,
        sigs: &[sig(
            "matches(s, pattern)",
            &[P::Is(T::String), P::Pattern],
            R::Is(T::Bool),
            "bool",
            "string `s` matches somewhere",
        )],
        example: "matches(meta.title, /法治政府建设/)",
    },
    FuncDef {
        func: Func::Year,
        name: "year",
        group: Group::Scalars,
        sigs: &[sig(
            "year(d)",
            &[P::Is(T::Date)],
            R::Is(T::Number),
            "number",
            "year of a date",
        )],
        example: "year(meta.published) == meta.report_year + 1",
    },
    FuncDef {
        func: Func::Month,
        name: "month",
        group: Group::Scalars,
        sigs: &[sig(
            "month(d)",
            &[P::Is(T::Date)],
            R::Is(T::Number),
            "number",
            "month of a date, 1–12",
        )],
        example: "month(meta.published) <= 3",
    },
    FuncDef {
        func: Func::Day,
        name: "day",
        group: Group::Scalars,
        sigs: &[sig(
            "day(d)",
            &[P::Is(T::Date)],
            R::Is(T::Number),
            "number",
            "day of the month",
        )],
        example: "day(2024-04-01) == 1",
    },
    FuncDef {
        func: Func::Date,
        name: "date",
        group: Group::Scalars,
        sigs: &[sig(
            "date(y, m, d)",
            &[P::Is(T::Number), P::Is(T::Number), P::Is(T::Number)],
            R::Is(T::Date),
            "date",
            "a date; an impossible one is an evaluation error",
        )],
        example: "meta.published <= date(meta.report_year + 1, 4, 1)",
    },
    FuncDef {
        func: Func::Numbers,
        name: "numbers",
        group: Group::Scalars,
        sigs: &[sig(
            "numbers(x)",
            &[P::Text],
            R::Is(LIST_NUMBER),
            "list<number>",
            "every number written in Arabic digits in `x`",
        )],
        example: "any(numbers(section(/计划|打算|安排/).title), n => n == meta.report_year + 1)",
    },
];

pub fn lookup(name: &str) -> Option<&'static FuncDef> {
    FUNCTIONS.iter().find(|f| f.name == name)
}

/// The docs' function reference, one table per group; docs/rules.md holds this text verbatim.
pub fn markdown() -> String {
    let mut out = String::new();
    for group in [
        Group::Text,
        Group::Facts,
        Group::Collections,
        Group::Scalars,
    ] {
        out.push_str(&format!("### {}\n\n", group.heading()));
        out.push_str("| function | returns | meaning | example |\n|---|---|---|---|\n");
        for f in FUNCTIONS.iter().filter(|f| f.group == group) {
            for (i, s) in f.sigs.iter().enumerate() {
                let example = if i == 0 {
                    format!("`{}`", f.example.replace('|', "\\|"))
                } else {
                    String::new()
                };
                out.push_str(&format!(
                    "| `{}` | {} | {} | {} |\n",
                    s.text,
                    s.returns_doc,
                    s.doc.replace('|', "\\|"),
                    example
                ));
            }
        }
        out.push('\n');
    }
    out
}
