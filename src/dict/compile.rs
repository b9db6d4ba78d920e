//! [`DictFile`] → [`Dictionary`]: validated entries and one Aho-Corasick automaton over every
//! form an entry looks for.

use super::automaton::Automaton;
use super::spec::{DictFile, DictKind, EntrySpec};
use crate::pack::{OneOrMany, PackError, PackErrorKind, YamlSource};
use crate::report::fold_width;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// Longest series `reorder` expands (5! orders).
const MAX_SERIES: usize = 5;

/// A checked entry; every form is width-folded like the text it is matched against.
#[derive(Debug, Clone)]
pub struct Entry {
    pub right: String,
    pub wrong: Vec<String>,
    /// Source id and its citation.
    pub source: String,
    pub citation: String,
    pub note: Option<String>,
    pub except: Vec<String>,
    pub since: Option<i32>,
    pub outdated: Vec<String>,
    pub held: Option<NaiveDate>,
    pub anchor: Option<String>,
    pub also: Vec<String>,
    /// Every other order of a `reorder` series.
    pub reordered: Vec<String>,
    /// Report year of the test sentences.
    pub year: Option<i32>,
    pub fire: Vec<String>,
    pub pass: Vec<String>,
    /// Index of the entry in its file, to name it in messages.
    pub index: usize,
}

/// What a pattern of the automaton stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PatKind {
    Wrong,
    Reordered,
    Outdated,
    /// The right form of a meeting with a date: late if held after the report was due.
    Held,
    /// A prefix of the right form: the text must go on as the right form.
    Anchor,
}

/// A compiled dictionary.
#[derive(Debug)]
pub struct Dictionary {
    pub id: String,
    pub title: String,
    pub kind: DictKind,
    /// Where the dictionary was read from (`rules/dict/typos.yaml` or a user path).
    pub file: String,
    pub sources: BTreeMap<String, String>,
    pub entries: Vec<Entry>,
    pub(crate) automaton: Automaton,
    /// Pattern id → (entry, kind).
    pub(crate) patterns: Vec<(usize, PatKind)>,
}

fn fold(s: &str) -> String {
    s.chars().map(fold_width).collect()
}

fn folded(v: Vec<String>) -> Vec<String> {
    v.iter().map(|s| fold(s)).collect()
}

impl Dictionary {
    /// Read, validate and compile a user's dictionary file, and check that its correct forms
    /// never fire; errors are located in the YAML.
    pub fn parse(src: &YamlSource) -> Result<Dictionary, PackError> {
        let dict = Dictionary::compile(src.read()?, src)?;
        dict.self_test(src)?;
        Ok(dict)
    }

    /// A built-in dictionary (rules/dict): read from its baked JSON; its self-test is a test.
    pub(crate) fn builtin(name: &str, text: &str) -> Result<Dictionary, PackError> {
        let src = YamlSource::new(format!("rules/dict/{name}.yaml"), text);
        Dictionary::compile(src.read()?, &src)
    }

    fn compile(file: DictFile, src: &YamlSource) -> Result<Dictionary, PackError> {
        let err = |path: String, msg: String| {
            src.error_on(&path, false, PackErrorKind::Dictionary(msg), "here")
        };
        if file.entries.is_empty() {
            return Err(err("entries".into(), "词典没有词条".into()));
        }
        let mut entries = Vec::with_capacity(file.entries.len());
        for (index, spec) in file.entries.into_iter().enumerate() {
            let entry = entry(spec, index, file.kind, &file.sources)
                .map_err(|(field, msg)| err(format!("entries.{index}.{field}"), msg))?;
            entries.push(entry);
        }
        let mut patterns = Vec::new();
        let mut texts: Vec<&str> = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let forms = e
                .wrong
                .iter()
                .map(|w| (w, PatKind::Wrong))
                .chain(e.reordered.iter().map(|w| (w, PatKind::Reordered)))
                .chain(e.outdated.iter().map(|w| (w, PatKind::Outdated)))
                .chain(e.held.map(|_| (&e.right, PatKind::Held)))
                .chain(e.anchor.as_ref().map(|a| (a, PatKind::Anchor)));
            for (form, kind) in forms {
                if kind != PatKind::Anchor {
                    if let Some(&first) = seen.get(form.as_str()) {
                        let msg = format!("“{form}”已在第{}条中出现", first + 1);
                        return Err(err(format!("entries.{}", e.index), msg));
                    }
                    seen.insert(form, i);
                }
                texts.push(form);
                patterns.push((i, kind));
            }
        }
        let texts = texts.into_iter().map(str::to_string).collect();
        let automaton = Automaton::new(texts)
            .map_err(|e| err("entries".into(), format!("无法编译词典：{e}")))?;
        Ok(Dictionary {
            id: file.dictionary,
            title: file.title,
            kind: file.kind,
            file: src.name.clone(),
            sources: file.sources,
            entries,
            automaton,
            patterns,
        })
    }

    /// Correct forms never fire: the right form, the other correct forms and every exception,
    /// each alone, must give no hit anywhere in the dictionary. The built-in dictionaries are
    /// held to this by the test suite rather than at every start.
    pub fn self_test(&self, src: &YamlSource) -> Result<(), PackError> {
        for e in &self.entries {
            let correct = std::iter::once(&e.right).chain(&e.also).chain(&e.except);
            for text in correct {
                if let Some(h) = self.scan(text, None).first() {
                    let msg = format!(
                        "正确写法“{text}”会被第{}条（{}）误报",
                        h.entry.index + 1,
                        h.entry.right
                    );
                    let path = format!("entries.{}", e.index);
                    return Err(src.error_on(&path, false, PackErrorKind::Dictionary(msg), "here"));
                }
            }
        }
        Ok(())
    }
}

type Invalid = (&'static str, String);

fn entry(
    spec: EntrySpec,
    index: usize,
    kind: DictKind,
    sources: &BTreeMap<String, String>,
) -> Result<Entry, Invalid> {
    let Some(citation) = sources.get(&spec.source) else {
        let known = sources.keys().cloned().collect::<Vec<_>>().join("、");
        let msg = format!("来源“{}”不在 sources 中（已有：{known}）", spec.source);
        return Err(("source", msg));
    };
    let right = fold(&spec.right);
    if right.is_empty() {
        return Err(("right", "正确写法不能为空".into()));
    }
    let wrong = folded(OneOrMany::into_vec(spec.wrong));
    if let Some(w) = wrong.iter().find(|w| w.is_empty() || **w == right) {
        return Err(("wrong", format!("错误写法“{w}”为空或与正确写法相同")));
    }
    let formulation_only = spec.since.is_some()
        || !spec.outdated.is_empty()
        || spec.held.is_some()
        || spec.anchor.is_some()
        || !spec.also.is_empty()
        || spec.reorder;
    if kind == DictKind::Typo {
        if formulation_only {
            let msg = "since/outdated/held/anchor/also/reorder 只用于 kind: formulation 的词典";
            return Err(("right", msg.into()));
        }
        if wrong.len() != 1 {
            return Err(("wrong", "错别字词条应恰有一个错误写法".into()));
        }
    }
    let anchor = spec.anchor.as_deref().map(fold);
    if let Some(a) = &anchor {
        if a.is_empty() || !right.starts_with(a.as_str()) || *a == right {
            return Err(("anchor", format!("anchor“{a}”应是正确写法的真前缀")));
        }
    }
    let also = folded(spec.also);
    if let Some(x) = also
        .iter()
        .find(|x| anchor.as_ref().is_none_or(|a| !x.starts_with(a.as_str())))
    {
        return Err(("also", format!("“{x}”应以 anchor 开头")));
    }
    let reordered = if spec.reorder {
        let items: Vec<&str> = right.split('、').collect();
        if !(2..=MAX_SERIES).contains(&items.len()) {
            let msg = format!("reorder 需要用“、”连接的2至{MAX_SERIES}项");
            return Err(("reorder", msg));
        }
        orders(&items)
            .into_iter()
            .map(|o| o.join("、"))
            .filter(|s| *s != right)
            .collect()
    } else {
        Vec::new()
    };
    let outdated = folded(spec.outdated);
    if !outdated.is_empty() && spec.since.is_none() {
        return Err(("outdated", "outdated 需要 since（新提法生效的年份）".into()));
    }
    if wrong.is_empty()
        && reordered.is_empty()
        && outdated.is_empty()
        && spec.held.is_none()
        && anchor.is_none()
    {
        return Err((
            "wrong",
            "词条没有可查找的写法（wrong/outdated/held/anchor/reorder）".into(),
        ));
    }
    let except = folded(spec.except);
    let looked_for: Vec<&String> = wrong
        .iter()
        .chain(&outdated)
        .chain(spec.held.map(|_| &right))
        .chain(&anchor)
        .collect();
    if let Some(x) = except
        .iter()
        .find(|x| !looked_for.iter().any(|w| x.contains(w.as_str())))
    {
        return Err(("except", format!("例外“{x}”不包含本条的错误写法")));
    }
    Ok(Entry {
        right,
        wrong,
        source: spec.source,
        citation: citation.clone(),
        note: spec.note,
        except,
        since: spec.since,
        outdated,
        held: spec.held,
        anchor,
        also,
        reordered,
        year: spec.year,
        fire: folded(spec.fire),
        pass: folded(spec.pass),
        index,
    })
}

/// Every order of `items` (Heap's algorithm).
fn orders<'s>(items: &[&'s str]) -> Vec<Vec<&'s str>> {
    fn heap<'s>(k: usize, a: &mut Vec<&'s str>, out: &mut Vec<Vec<&'s str>>) {
        if k <= 1 {
            out.push(a.clone());
            return;
        }
        heap(k - 1, a, out);
        for i in 0..k - 1 {
            let j = if k.is_multiple_of(2) { i } else { 0 };
            a.swap(j, k - 1);
            heap(k - 1, a, out);
        }
    }
    let mut a = items.to_vec();
    let mut out = Vec::new();
    heap(a.len(), &mut a, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::orders;

    #[test]
    fn orders_are_all_distinct_permutations() {
        let mut o = orders(&["a", "b", "c"]);
        o.sort();
        o.dedup();
        assert_eq!(o.len(), 6);
    }
}
