//! Regex literals of the rule language: checked when a pack loads, compiled when first needed.
//!
//! Building a regex costs 0.5–4 M instructions, and the built-in packs hold about sixty, so building
//! them all at load was most of a cold `fzcheck check`. A [`Pattern`] therefore parses its syntax at
//! load (a bad pattern is still a located load error) and builds the automaton on first use. Rules
//! that write the same pattern share one build, and a report that contains none of the literals
//! every match must begin with (a typo list, a wrong formula) is answered without building at all.
//! The built-in packs' patterns are checked at build time and serialize with their gate
//! (dsl/baked.rs), so a run neither parses them nor builds one before it is needed.

use regex::Regex;
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{Class, Hir, HirKind};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock, Weak};

/// Above this estimate of its automaton's size a pattern is built at load, so that one too big to
/// build fails there, with its location, rather than during a check.
const BUILD_AT_LOAD: usize = 10_000;
/// More leading literals than this are cut to their first character for the gate; if there are
/// still too many, the pattern has no gate.
const GATE_LITERALS: usize = 32;
/// The gate searches for each literal in turn. Once it has scanned this many bytes (haystack bytes
/// times literals, about what building a regex costs) the regex is built instead: a batch pays for
/// the gate over its first few reports only.
const GATE_BUDGET: usize = 2 << 20;

/// A compiled-on-demand regex. Cloning shares the build.
#[derive(Clone)]
pub struct Pattern(Arc<Inner>);

struct Inner {
    source: String,
    traits: Traits,
    /// Bytes the gate has scanned so far, against [`GATE_BUDGET`].
    scanned: AtomicUsize,
    regex: OnceLock<Result<Regex, String>>,
}

/// What a pattern's syntax tells before it is built (baked with the built-in packs).
#[derive(Debug, Default, Serialize, Deserialize)]
struct Traits {
    /// Literals every match begins with; empty when they are unknown or too many.
    gate: Vec<Box<[u8]>>,
    /// For a pattern without `gate`: literals of which every match holds at least one, when they
    /// are few (`[*×]…|XX|××`). A text holding none is answered by memchr, before and after the
    /// build, where the regex itself would scan the whole text without a literal to skip to.
    needs: Vec<Box<[u8]>>,
    /// Whether a match depends on the matched text alone: no assertion (`^`, `$`, `\b`) looks
    /// past it and it is never empty.
    local: bool,
}

impl Traits {
    fn of(hir: &Hir) -> Traits {
        let gate = gate(hir);
        let needs = if gate.is_empty() {
            needs(hir)
        } else {
            Vec::new()
        };
        let p = hir.properties();
        let local = p.look_set().is_empty() && p.minimum_len().is_some_and(|n| n > 0);
        Traits { gate, needs, local }
    }
}

/// Patterns alive in this process, by source: identical patterns in different rules share a build.
static LIVE: LazyLock<Mutex<HashMap<String, Weak<Inner>>>> = LazyLock::new(Default::default);

impl Pattern {
    /// Check `source` and prepare it. The error is the regex parser's message.
    pub fn new(source: &str) -> Result<Pattern, String> {
        if let Some(live) = live().get(source).and_then(Weak::upgrade) {
            return Ok(Pattern(live));
        }
        let hir = regex_syntax::parse(source).map_err(|e| e.to_string())?;
        let pattern = Pattern::share(source.to_string(), Traits::of(&hir));
        if weight(&hir) > BUILD_AT_LOAD {
            pattern.regex()?;
        }
        Ok(pattern)
    }

    /// A pattern checked when it was baked, with its gate: shared with a live one of the same
    /// source, or registered as one.
    fn prepared(source: String, traits: Traits) -> Pattern {
        let live = live().get(&source).and_then(Weak::upgrade);
        live.map_or_else(|| Pattern::share(source, traits), Pattern)
    }

    fn share(source: String, traits: Traits) -> Pattern {
        let pattern = Pattern(Arc::new(Inner {
            source,
            traits,
            scanned: AtomicUsize::new(0),
            regex: OnceLock::new(),
        }));
        let mut live = live();
        live.retain(|_, p| p.strong_count() > 0);
        live.insert(pattern.0.source.clone(), Arc::downgrade(&pattern.0));
        pattern
    }

    /// A pattern matching `text` literally.
    pub fn literal(text: &str) -> Result<Pattern, String> {
        Pattern::new(&regex::escape(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0.source
    }

    /// Whether a piece of a text matches only where a search of the whole text finds a match
    /// overlapping it: true when matches depend on the matched text alone (see [`Traits::local`]).
    /// A search from before the piece either overlaps it or resumes at or before its first match.
    pub fn is_local(&self) -> bool {
        self.0.traits.local
    }

    /// True when `haystack` certainly holds no match, found without building the regex.
    fn excludes(&self, haystack: &str) -> bool {
        let Inner {
            traits, scanned, ..
        } = &*self.0;
        let h = haystack.as_bytes();
        let holds_none =
            |ls: &[Box<[u8]>]| !ls.iter().any(|l| memchr::memmem::find(h, l).is_some());
        if !traits.needs.is_empty() {
            return holds_none(&traits.needs);
        }
        if traits.gate.is_empty() || self.0.regex.get().is_some() {
            return false;
        }
        // The cost this search would bring the total to: a haystack too long for the budget
        // builds the regex at once instead of scanning it once per literal first.
        let cost = haystack.len().saturating_mul(traits.gate.len());
        if scanned
            .fetch_add(cost, Ordering::Relaxed)
            .saturating_add(cost)
            > GATE_BUDGET
        {
            return false;
        }
        holds_none(&traits.gate)
    }

    /// The regex to search `haystack` with, or `None` when it certainly holds no match.
    pub fn for_haystack(&self, haystack: &str) -> Result<Option<&Regex>, String> {
        if self.excludes(haystack) {
            return Ok(None);
        }
        self.regex().map(Some)
    }

    /// The regex, built on first call.
    pub fn regex(&self) -> Result<&Regex, String> {
        self.0
            .regex
            .get_or_init(|| Regex::new(&self.0.source).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(Clone::clone)
    }
}

fn live() -> std::sync::MutexGuard<'static, HashMap<String, Weak<Inner>>> {
    // A panic elsewhere while the map was held cannot leave it inconsistent.
    LIVE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "/{}/", self.as_str())
    }
}

/// The source and its traits; the regex is built on first use, as for any pattern.
impl Serialize for Pattern {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.0.source, &self.0.traits).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (source, traits) = <(String, Traits)>::deserialize(d)?;
        Ok(Pattern::prepared(source, traits))
    }
}

/// The literals every match of `hir` begins with, or none.
fn gate(hir: &Hir) -> Vec<Box<[u8]>> {
    let mut seq = Extractor::new().extract(hir);
    if seq.len().is_some_and(|n| n > GATE_LITERALS) {
        // A prefix of a required prefix is required too.
        seq.keep_first_bytes(3);
        seq.dedup();
    }
    match seq.literals() {
        Some(l) if l.len() <= GATE_LITERALS && l.iter().all(|l| !l.is_empty()) => {
            l.iter().map(|l| l.as_bytes().into()).collect()
        }
        _ => Vec::new(),
    }
}

/// Literals of which every match of `hir` holds at least one, or none when that is not known or
/// they are more than [`GATE_LITERALS`]: a concatenation needs what its most selective part needs,
/// an alternation what any branch needs, a small class one of its characters.
fn needs(hir: &Hir) -> Vec<Box<[u8]>> {
    required(hir)
        .filter(|ls| ls.len() <= GATE_LITERALS)
        .map(|ls| ls.into_iter().map(Vec::into_boxed_slice).collect())
        .unwrap_or_default()
}

/// Characters of a class read as alternatives: more than this and the class needs nothing.
const CLASS_CHARS: u32 = 8;

fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(l) => Some(vec![l.0.to_vec()]),
        HirKind::Class(Class::Unicode(c)) => members(
            c.iter().map(|r| (u32::from(r.start()), u32::from(r.end()))),
            |x| char::from_u32(x).map(|ch| ch.to_string().into_bytes()),
        ),
        HirKind::Class(Class::Bytes(c)) => members(
            c.iter().map(|r| (u32::from(r.start()), u32::from(r.end()))),
            |x| u8::try_from(x).ok().map(|b| vec![b]),
        ),
        HirKind::Repetition(r) if r.min > 0 => required(&r.sub),
        HirKind::Capture(c) => required(&c.sub),
        // Fewest literals first, then the longest shortest one: the rarest to find.
        HirKind::Concat(parts) => parts.iter().filter_map(required).min_by_key(|ls| {
            let shortest = ls.iter().map(Vec::len).min().unwrap_or(0);
            (ls.len(), std::cmp::Reverse(shortest))
        }),
        HirKind::Alternation(branches) => {
            let mut all: Vec<Vec<u8>> = Vec::new();
            for b in branches {
                all.extend(required(b)?);
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        HirKind::Empty | HirKind::Look(_) | HirKind::Repetition(_) => None,
    }
}

/// A class's members, each encoded, when it has at most [`CLASS_CHARS`] of them.
fn members(
    ranges: impl Iterator<Item = (u32, u32)>,
    encode: impl Fn(u32) -> Option<Vec<u8>>,
) -> Option<Vec<Vec<u8>>> {
    let ranges: Vec<(u32, u32)> = ranges.collect();
    let count: u32 = ranges.iter().map(|&(a, b)| b - a + 1).sum();
    if count > CLASS_CHARS {
        return None;
    }
    ranges
        .iter()
        .flat_map(|&(a, b)| a..=b)
        .map(encode)
        .collect()
}

/// A rough size of the automaton `hir` compiles to: its literal bytes and class ranges (four UTF-8
/// pieces each), multiplied out through counted repetitions.
fn weight(hir: &Hir) -> usize {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 1,
        HirKind::Literal(l) => l.0.len(),
        HirKind::Class(Class::Unicode(c)) => c.ranges().len() * 4,
        HirKind::Class(Class::Bytes(c)) => c.ranges().len(),
        HirKind::Repetition(r) => {
            let times = r.max.unwrap_or(r.min).max(r.min).max(1);
            weight(&r.sub).saturating_mul(usize::try_from(times).unwrap_or(usize::MAX))
        }
        HirKind::Capture(c) => weight(&c.sub),
        HirKind::Concat(v) | HirKind::Alternation(v) => {
            v.iter().map(weight).fold(0, usize::saturating_add)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gate_answers_without_building() {
        let p = Pattern::new("营商环镜|再接再励").unwrap();
        assert!(p.excludes("优化营商环境"));
        assert!(p.0.regex.get().is_none());
        assert!(!p.excludes("优化营商环镜"));
        assert!(p.regex().unwrap().is_match("优化营商环镜"));
        // Once built, the regex answers.
        assert!(!p.excludes("优化营商环境"));
    }

    #[test]
    fn patterns_that_may_match_anything_have_no_gate() {
        for source in ["^", "a*", r"\w*", ".?"] {
            assert!(!Pattern::new(source).unwrap().excludes("zzz"), "{source}");
        }
        // An optional lead still leaves literals to look for.
        assert!(Pattern::new("^ *关于").unwrap().excludes("zzz"));
        // Many leading literals are cut to their first character.
        let years = Pattern::new("(19|20)[0-9]{2}年").unwrap();
        assert!(years.excludes("无年份"));
        assert!(!years.excludes("2023年"));
    }

    #[test]
    fn a_pattern_without_a_literal_lead_needs_its_inner_literals() {
        let holes =
            Pattern::new(r"(^|[^0-9A-Za-z])[*×] *(次|件|个)|[^A-Za-z]XX[^A-Za-z]|××").unwrap();
        let needs: Vec<&[u8]> = holes.0.traits.needs.iter().map(|l| &**l).collect();
        assert_eq!(
            needs,
            [
                "*".as_bytes(),
                "XX".as_bytes(),
                "×".as_bytes(),
                "××".as_bytes()
            ]
        );
        assert!(holes.excludes("全年办理案件12件。"));
        // Before and after the build.
        assert!(holes.regex().unwrap().is_match("办理案件*件"));
        assert!(holes.excludes("全年办理案件12件。"));
        assert!(!holes.excludes("办理案件*件"));
        // What cannot be told: an optional part, a large class, a branch needing nothing.
        for source in [r"(a|b)?\d+", r"[^。]{2}", r"x|\p{Han}", r"(?i:ab)?c*"] {
            assert!(
                Pattern::new(source).unwrap().0.traits.needs.is_empty(),
                "{source}"
            );
        }
    }

    #[test]
    fn what_a_pattern_needs_is_in_every_match() {
        let sources = [
            r"(^|[^0-9A-Za-z])[*×] *(次|件|个|人|项|家|名|场)|[^A-Za-z]XX[^A-Za-z]|××",
            r"[,。、;:][,。、;]|[。,;:、》)”] *\?|\? *[。,;:、]|\p{Han}\?\p{Han}",
            r"\d+(?:\.\d+)?%?[、,]\d+件",
            r"(?i)[a-c]{2,}x",
            r"(报备|备案)(及时)?率|[0-9]{1,3}(\.[0-9])?%的",
        ];
        let hays = [
            "办理案件*件",
            "×× 项",
            "aXXb",
            "全年,。的",
            "?,",
            "甲?乙",
            "12.5%、3件",
            "ABX",
            "acx",
            "备案率达100%",
            "占8.5%的",
            "无",
            "",
            "*",
            "XX",
            "中XX文",
            "×次",
            "。?",
            "ab",
        ];
        for src in sources {
            let p = Pattern::new(src).unwrap();
            let re = Regex::new(src).unwrap();
            for h in hays {
                assert!(!(p.excludes(h) && re.is_match(h)), "{src} excluded {h}");
            }
        }
    }

    #[test]
    fn identical_patterns_share_one_build() {
        let a = Pattern::new("出庭(应诉)?率").unwrap();
        let b = Pattern::new("出庭(应诉)?率").unwrap();
        assert!(Arc::ptr_eq(&a.0, &b.0));
    }

    #[test]
    fn errors_are_found_at_load() {
        let syntax = Pattern::new("(未|没有").unwrap_err();
        assert!(syntax.contains("unclosed group"), "{syntax}");
        let big = Pattern::new(r"\w{1000}{1000}").unwrap_err();
        assert!(big.contains("exceeds size limit"), "{big}");
    }
}
