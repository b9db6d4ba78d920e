//! Sections and text: where things are written and what is written there.

use super::{sig, Call, Eval, FuncDef, Group, Param as P, Returns as R};
use crate::dsl::types::Type as T;
use crate::dsl::value::Value;
use crate::report::{Section, Span};
use regex::Regex;
use rust_decimal::Decimal;

const LIST_SECTION: T = T::List(&T::Section);

pub static FUNCTIONS: &[FuncDef] = &[
    FuncDef {
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
                "headings of one level: 1 = the first (一、, or 第一部分 in a report organised in parts), 2 = the next",
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
        eval: Eval::Strict(|c| {
            let by_title = match c.vals.first() {
                Some(Value::Regex(_)) => Some(c.rx(0)?),
                _ => None,
            };
            let keep = |s: &Section| match c.vals.first() {
                None => true,
                Some(Value::Num(n)) => Decimal::from(s.rank) == n.value,
                Some(Value::Regex(_)) => by_title.is_some_and(|re| re.is_match(&s.title)),
                Some(_) => false,
            };
            Call::list(
                c.report()
                    .sections
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| keep(s))
                    .map(|(i, _)| Value::Section(i))
                    .collect(),
            )
        }),
    },
    FuncDef {
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
        eval: Eval::Strict(|c| {
            let re = c.rx(0)?;
            let best = c
                .report()
                .sections
                .iter()
                .enumerate()
                .filter(|(_, s)| re.is_match(&s.title))
                .min_by_key(|(i, s)| (s.level, *i))
                .map_or(Value::Missing, |(i, _)| Value::Section(i));
            c.ev.note(&best);
            Ok(best)
        }),
    },
    FuncDef {
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
        eval: Eval::Strict(|c| Ok(Value::Str(c.ev.body().0, None))),
    },
    FuncDef {
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
        eval: Eval::Strict(|c| {
            let (hay, i) = haystack(c)?;
            let Some(m) = c.rx_in(i, hay.0)?.and_then(|re| re.find(hay.0)) else {
                return Ok(Value::Bool(false));
            };
            if let Some(base) = hay.1 {
                let norm = &c.report().norm;
                c.ev
                    .note_span(norm.to_source(base + m.start()..base + m.end()));
            }
            Ok(Value::Bool(true))
        }),
    },
    FuncDef {
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
        eval: Eval::Strict(|c| {
            let (hay, i) = haystack(c)?;
            let re = c.rx_in(i, hay.0)?;
            Call::list(re.map_or_else(Vec::new, |re| c.ev.matches_in(hay, re)))
        }),
    },
    FuncDef {
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
        eval: Eval::Strict(|c| {
            let r = c.report();
            let (within, i) = match c.vals.first() {
                Some(Value::Section(s)) if c.vals.len() == 2 => {
                    (r.sections.get(*s).map(|s| s.span), 1)
                }
                _ => (None, 0),
            };
            // Every sentence is a stretch of the body: what cannot match in the body cannot
            // match in a sentence, and for a pattern without anchors one scan of the body
            // settles the common case of no match at all.
            let body = c.ev.body().0;
            let Some(re) = c.rx_in(i, body)? else {
                return Call::list(Vec::new());
            };
            if !re.as_str().contains(['^', '$']) && !re.is_match(body) {
                return Call::list(Vec::new());
            }
            // For a local pattern only the sentences a match in the body overlaps can match:
            // one search of the body instead of one per sentence.
            let local = matches!(c.vals.get(i), Some(Value::Regex(p)) if p.is_local());
            let mut found = local.then(|| body_matches(c, re).peekable());
            let mut may_match = |s: Span| {
                let Some(found) = found.as_mut() else {
                    return true;
                };
                while found.next_if(|m| m.end <= s.start).is_some() {}
                found.peek().is_some_and(|m| m.start < s.end)
            };
            Call::list(
                r.sentences
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| within.is_none_or(|w| w.contains(s.span)))
                    .filter(|(_, s)| may_match(s.span))
                    .filter(|(_, s)| re.is_match(r.norm.slice_source(s.span)))
                    .map(|(i, _)| Value::Sentence(i))
                    .collect(),
            )
        }),
    },
    FuncDef {
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
        eval: Eval::Strict(|c| {
            use rust_decimal::prelude::ToPrimitive;
            let chars = c.number(2)?.to_usize().unwrap_or(0);
            let (t, base) = c.text(0)?;
            let Some(base) = base else {
                let hit = c.rx_in(1, t)?.is_some_and(|re| re.is_match(t));
                return Ok(Value::Bool(hit));
            };
            let norm = &c.report().norm;
            let window = near_window(&norm.text, base, base + t.len(), chars);
            let near = &norm.text[window.clone()];
            let hit = c.rx_in(1, near)?.and_then(|re| re.find(near));
            if let Some(m) = hit {
                c.ev.note_span(
                    norm.to_source(window.start + m.start()..window.start + m.end()),
                );
            }
            Ok(Value::Bool(hit.is_some()))
        }),
    },
    FuncDef {
        name: "inside",
        group: Group::Text,
        sigs: &[sig(
            "inside(x, section)",
            &[P::Text, P::Is(T::Section)],
            R::Is(T::Bool),
            "bool",
            "`x` lies within `section` (false when the section is missing)",
        )],
        example: "any(sentences(/第一责任人/), s => not inside(s, section(/安排|计划/)))",
        eval: Eval::Lazy(|ev, args, _| {
            // Nothing lies inside a section the report does not have.
            let (x, section) = (ev.eval(&args[0])?, ev.eval(&args[1])?);
            let r = ev.report();
            let inside = match (x.span(r), section) {
                (Some(at), Value::Section(i)) => {
                    r.sections.get(i).is_some_and(|s| s.span.contains(at))
                }
                _ => false,
            };
            Ok(Value::Bool(inside))
        }),
    },
    FuncDef {
        name: "common",
        group: Group::Text,
        sigs: &[sig(
            "common(a, b)",
            &[P::Text, P::Text],
            R::Is(T::String),
            "string",
            "the longest run of characters `a` and `b` share (to tell whether two sentences speak of the same thing)",
        )],
        example: "len(common(\"实现考核全覆盖\", \"考核未做到全覆盖\")) == 3",
        eval: Eval::Strict(|c| {
            let (a, b) = (c.text(0)?.0, c.text(1)?.0);
            Ok(Value::Str(longest_common(a, b), None))
        }),
    },
    FuncDef {
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
        eval: Eval::Strict(|c| {
            Call::list(
                (0..c.report().numbering_issues.len())
                    .map(Value::Issue)
                    .collect(),
            )
        }),
    },
];

/// `contains`/`find`: the text searched (the body, or the first argument) and the pattern's index.
type Hay<'a> = ((&'a str, Option<usize>), usize);

fn haystack<'a>(c: &Call<'_, 'a>) -> Result<Hay<'a>, crate::dsl::eval::EvalError> {
    Ok(if c.vals.len() == 1 {
        (c.ev.body(), 0)
    } else {
        (c.text(0)?, 1)
    })
}

/// The source spans of `re`'s matches in the report's body, in order.
fn body_matches<'a>(c: &Call<'_, 'a>, re: &'a Regex) -> impl Iterator<Item = Span> + 'a {
    let (body, base) = c.ev.body();
    let (norm, base) = (&c.report().norm, base.unwrap_or(0));
    re.find_iter(body)
        .map(move |m| norm.to_source(base + m.start()..base + m.end()))
}

/// `chars` characters either side of `start..end`, not crossing a line break.
fn near_window(text: &str, start: usize, end: usize, chars: usize) -> std::ops::Range<usize> {
    let before = text[..start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| *c != '\n')
        .take(chars)
        .last()
        .map_or(start, |(i, _)| i);
    let after = text[end..]
        .char_indices()
        .take_while(|(_, c)| *c != '\n')
        .take(chars)
        .last()
        .map_or(end, |(i, c)| end + i + c.len_utf8());
    before..after
}

/// Longest common substring of `a` and `b` (a slice of `a`), by characters; inputs longer than
/// [`COMMON_MAX_CHARS`] are cut there to bound the quadratic work.
fn longest_common<'s>(a: &'s str, b: &str) -> &'s str {
    let a_idx: Vec<(usize, char)> = a.char_indices().take(COMMON_MAX_CHARS).collect();
    let b_chars: Vec<char> = b.chars().take(COMMON_MAX_CHARS).collect();
    let mut prev = vec![0usize; b_chars.len() + 1];
    let mut cur = vec![0usize; b_chars.len() + 1];
    let (mut best_len, mut best_end) = (0, 0);
    for (i, &(_, ca)) in a_idx.iter().enumerate() {
        for (j, &cb) in b_chars.iter().enumerate() {
            cur[j + 1] = if ca == cb { prev[j] + 1 } else { 0 };
            if cur[j + 1] > best_len {
                best_len = cur[j + 1];
                best_end = i + 1;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    if best_len == 0 {
        return "";
    }
    let start = a_idx[best_end - best_len].0;
    let end = a_idx.get(best_end).map_or(a.len(), |&(o, _)| o);
    &a[start..end]
}

const COMMON_MAX_CHARS: usize = 2_000;
