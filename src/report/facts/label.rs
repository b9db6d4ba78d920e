//! The label of a number: the thing counted or measured.
//!
//! Before the number: the clause back to the last comma, 、 or the previous number, without trailing
//! copulas (为 达到 均达到 …), then after the last generic verb or scope word (办理 受理 共 全年 其中 …),
//! then the head noun after the last 的 or 等. When nothing is left, the verb itself is the label
//! (`其中受理48件` → 受理, `调解成功942件` → 调解成功). After the number: a classifier followed by a noun
//! phrase (`52家单位`, `选聘8名法律顾问`) names the thing counted and wins over the text before.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::ops::Range;
use std::sync::LazyLock;

/// A label never runs back further than this many characters.
const MAX_LABEL_CHARS: usize = 40;

/// At most this many labels share one value.
const MAX_SHARED: usize = 12;
/// Stripped repeatedly from the end of the clause before a number; longest first.
pub(super) const TRAILING: &[&str] = &[
    "均达到",
    "均达",
    "均为",
    "均是",
    "分别为",
    "分别达到",
    "分别达",
    "分别是",
    "全部达到",
    "达到了",
    "达到",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
    "增至",
    "降至",
    "压缩至",
    "压缩到",
    "缩短至",
    "减少到",
    "控制在",
    "保持在",
    "约为",
    "共计",
    "累计",
    "总计",
    "合计",
    "高达",
    "已达",
    "现有",
    "共有",
    "已有",
    "拥有",
    "达",
    "为",
    "是",
    "共",
    // `办理时限平均压缩58%`: an adverb, not the tail of the thing measured.
    "平均",
    "均",
    "都",
    "已经",
    "已",
    "仅",
    "约",
];
/// The last characters of [`TRAILING`]'s words.
static TRAILING_LAST: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut last: Vec<char> = TRAILING
        .iter()
        .filter_map(|t| t.chars().next_back())
        .collect();
    last.sort_unstable();
    last.dedup();
    last
});
/// Trailing words that mean one value is shared by the items listed before it with 、 (分别 pairs
/// several values with several items, so it is not one of them).
const SHARED: &[&str] = &["均", "都", "全部"];

/// Scope and time words: the label starts after them, and a bare verb after them is still a label.
const SCOPE: &[&str] = &[
    "其中",
    "全年",
    "今年以来",
    "年内",
    "一年来",
    "截至目前",
    "目前",
    "累计",
    "共计",
    "总计",
    "合计",
    "先后",
    "分别",
    "同时",
    "此外",
    "另外",
    "期间",
    "以来",
    "现有",
    "共有",
    "已有",
    "已经",
    "全市",
    "全区",
    "全县",
    "全省",
    "全镇",
    "全国",
];
/// Generic verbs: the label is the object after them.
const VERBS: &[&str] = &[
    "办理", "受理", "审结", "收到", "接到", "接收", "开展", "组织", "召开", "举办", "举行", "完成",
    "实现", "出具", "提供", "发放", "制发", "印发", "制定", "出台", "报送", "上报", "参与", "参加",
    "涉及", "作出", "梳理", "建立", "建成", "配备", "选聘", "聘请", "培养", "列为", "发布", "推动",
    "推进", "打造", "获得", "受到", "听取", "引入", "新增", "收集", "收缴", "清理", "查处", "处理",
    "化解", "评选", "设立", "设置", "购买", "悬挂", "制作", "录入", "匹配", "解决", "提出", "下发",
    "进行", "做到", "等",
];
/// Where a noun phrase after a classifier ends.
const FOLLOW_STOPS: &[&str] = &[
    "进行", "开展", "参加", "参与", "完成", "实现", "进驻", "作为", "引入", "达到", "获得", "持有",
    "被", "已经", "已", "全年", "和", "及", "与", "并", "开设", "布置", "推荐", "提供", "担任",
    "接受", "参观", "围绕", "给予", "报送", "送去", "走完", "现场", "聘任", "认真", "积极", "全面",
    "切实", "深入", "共同", "主动", "集中", "统一", "提高", "提升", "增加", "增长", "上升", "下降",
    "降低", "减少", "增至", "降至", "压缩", "缩短",
];
/// Leading words that are not part of the thing counted.
const LEADING: &[&str] = &[
    "全市", "全区", "全县", "全省", "全镇", "全国", "全年", "各类", "各级", "各项", "各种", "所有",
    "全部", "相关", "其中", "累计", "共计", "了",
];
/// A label that is only one of these says nothing.
const EMPTY: &[&str] = &[
    "对", "向", "从", "经", "将", "把", "由", "给", "在", "为", "与", "和", "及", "共", "已", "并",
    "达",
];
/// Generic heads after 的 that need their modifier (人民陪审员的数量).
const GENERIC_HEADS: &[&str] = &["数量", "人数", "总数", "规模", "比例", "金额", "总量", "数"];
const LOCATIVES: &[char] = &['中', '内', '里', '上'];

static STOPS: LazyLock<AhoCorasick> = LazyLock::new(|| searcher(SCOPE.iter().chain(VERBS)));
static SCOPES: LazyLock<AhoCorasick> = LazyLock::new(|| searcher(SCOPE));
static FOLLOW: LazyLock<AhoCorasick> = LazyLock::new(|| searcher(FOLLOW_STOPS));

/// Clauses are short, so a contiguous NFA searches them about as fast as a DFA, and builds in a
/// fraction of the time a cold run would otherwise spend here.
fn searcher<'a>(words: impl IntoIterator<Item = &'a &'a str>) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(words)
        .expect("valid patterns")
}

/// A label: cleaned text and the normalised range it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub range: Range<usize>,
}

/// Words that name a share; a rate's label ends with the last of them.
const RATE_WORDS: [&str; 5] = ["比例", "比重", "占比", "满意度", "率"];
/// What may trail a rate's name before its number: `连续三年保持`, `不低于`, `未`.
const MAX_RATE_TAIL_CHARS: usize = 8;

/// Nouns that name a share themselves: `考核权重占20%` is the 考核权重, not its 占比.
const SHARE_NOUNS: [&str; 5] = ["权重", "比重", "比例", "占比", "份额"];

impl Label {
    /// A share named by 占 right before its number (`即办件占62.4%`) is X's 占比; the bare verb 占
    /// is no name. With a base named (`收入占上年的105%`) it may be no share of a whole, so it
    /// keeps its words.
    fn share_named_by_zhan(self) -> Label {
        let Some(x) = self.text.strip_suffix('占') else {
            return self;
        };
        let after = x.len() + '占'.len_utf8();
        if x.chars().count() < 2 {
            return self;
        }
        let text = if SHARE_NOUNS.iter().any(|w| x.ends_with(w)) {
            x.to_string()
        } else {
            format!("{x}占比")
        };
        Label {
            text,
            range: self.range.start..(self.range.start + after).min(self.range.end),
        }
    }

    /// A rate's label cut after its rate word: `出庭应诉率连续三年保持` → 出庭应诉率,
    /// `随机抽查比例不低于` → 随机抽查比例 (not at 率先).
    pub fn ending_at_rate_word(self) -> Label {
        let label = self.share_named_by_zhan();
        label.cut_after_rate_word()
    }

    fn cut_after_rate_word(self) -> Label {
        // Position by position: a label is short, and a substring search per word would cost
        // more in setting up than in searching.
        let t = self.text.as_str();
        let end = t.char_indices().rev().find_map(|(k, _)| {
            let w = RATE_WORDS.iter().find(|w| t[k..].starts_with(**w))?;
            Some(k + w.len()).filter(|&e| !t[e..].starts_with('先'))
        });
        match end {
            Some(end)
                if end < self.text.len()
                    && self.text[end..].chars().count() <= MAX_RATE_TAIL_CHARS
                    // `群众满意度调查占40%`: the share is named by 占, after the word.
                    && !self.text[end..].contains('占') =>
            {
                Label {
                    text: self.text[..end].to_string(),
                    range: self.range.start..self.range.start + end,
                }
            }
            _ => self,
        }
    }
}

/// What the clause before a number says.
#[derive(Debug, Default)]
pub struct Before {
    pub label: Option<Label>,
    /// Further labels sharing the value (`见面率、办复率、满意率均达到100%`), in text order.
    pub shared: Vec<Label>,
}

fn is_boundary(c: char) -> bool {
    matches!(
        c,
        ',' | '。' | ';' | ':' | '!' | '?' | '、' | '\n' | '(' | ')'
    )
}

/// Start of the clause ending at `at`, not before `floor`; parenthesised asides are skipped over,
/// and so are quoted or titled names, whose 、 lists parts of one name (“双随机、一公开”监管).
fn clause_start(text: &str, floor: usize, at: usize) -> usize {
    let mut start = at;
    let mut depth = 0usize;
    for (n, (i, c)) in text[floor..at].char_indices().rev().enumerate() {
        if n >= MAX_LABEL_CHARS {
            break;
        }
        let i = floor + i;
        match c {
            ')' | '”' | '》' => depth += 1,
            '(' | '“' | '《' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            c if is_boundary(c) || c.is_ascii_digit() || c == '%' => break,
            _ => {}
        }
        start = i;
    }
    start
}

fn strip_trailing(s: &str) -> (&str, bool) {
    let mut s = s.trim_end();
    let mut shared = false;
    // Most clauses end in a noun: one character test spares the list's forty comparisons.
    while let Some(t) = TRAILING_LAST
        .contains(&s.chars().next_back().unwrap_or(' '))
        .then(|| TRAILING.iter().find(|t| s.ends_with(*t)))
        .flatten()
    {
        shared |= SHARED.iter().any(|w| t.starts_with(w));
        s = &s[..s.len() - t.len()];
    }
    (s, shared)
}

/// Remove quote marks and parenthesised asides.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '“' | '”' | '"' | '‘' | '’' | '《' | '》' | '\'' => {}
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The head noun of a phrase: after the last 的 (unless what follows is generic) and leading scope words.
fn head(phrase: &str, offset: usize) -> Option<Label> {
    let mut start = 0;
    if let Some(k) = phrase.rfind('的') {
        let after = &phrase[k + '的'.len_utf8()..];
        if after.chars().count() >= 2 && !GENERIC_HEADS.contains(&after) {
            start = k + '的'.len_utf8();
        }
    }
    loop {
        let rest = &phrase[start..];
        match LEADING
            .iter()
            .find(|w| rest.starts_with(*w) && rest.len() > w.len())
        {
            Some(w) => start += w.len(),
            None => break,
        }
    }
    // `3.重大执法决定法制审核率100%`: what is left of a list number (`3.`, `1)`) is no part of it.
    let raw = phrase[start..].trim_start_matches(|c: char| c.is_ascii_punctuation() && c != '(');
    let start = phrase.len() - raw.len();
    let text = clean(raw);
    if text.is_empty()
        || EMPTY.contains(&text.as_str())
        || text.chars().all(|c| c.is_ascii_punctuation())
    {
        return None;
    }
    Some(Label {
        text,
        range: offset + start..offset + phrase.len(),
    })
}

/// What is left of a year when its digits ended the previous number (`2023年出庭应诉率`).
const YEAR_TAILS: [&str; 5] = ["年度", "年底", "年末", "年初", "年"];

/// The end of the subject when the clause before a number is only the base of a change (`时限由20个
/// 工作日压缩至5个`, `出庭应诉率从2023年的90%提高到`): the subject before 从/由 names the figure.
/// `cs0` is where the clause starts, before a year's 年 was skipped to reach `cs`.
fn base_subject(text: &str, floor: usize, cs0: usize, cs: usize, clause: &str) -> Option<usize> {
    if let Some(s) = clause.strip_suffix(['从', '由']) {
        // 理由, 事由: one character before it is a word, not a subject.
        return (s.chars().count() >= 2).then_some(cs + s.len());
    }
    if cs == cs0 || !clause.trim_end_matches('的').is_empty() {
        return None;
    }
    let digits = text[floor..cs0]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .count();
    (digits == 4)
        .then(|| text[floor..cs0 - digits].strip_suffix(['从', '由']))
        .flatten()
        .map(|subject| floor + subject.len())
}

/// The label read from the clause before a number starting at `at`.
pub fn before(text: &str, floor: usize, at: usize) -> Before {
    let cs0 = clause_start(text, floor, at);
    let mut cs = cs0;
    if text[..cs].ends_with(|c: char| c.is_ascii_digit()) {
        if let Some(t) = YEAR_TAILS.iter().find(|t| text[cs..at].starts_with(**t)) {
            cs += t.len();
        }
    }
    let (clause, shared_word) = strip_trailing(&text[cs..at]);
    if let Some(end) = base_subject(text, floor, cs0, cs, clause) {
        return before(text, floor, end);
    }
    let mut out = Before {
        label: from_clause(clause, cs),
        shared: Vec::new(),
    };
    // `满意率、办复率、公示率100%`: rate names listed with 、 share the one value even without 均
    // (with 分别 each has its own value, see [`respective`]).
    let rate_list = clause.ends_with('率')
        && text[floor..cs].ends_with("率、")
        && !RESPECTIVELY.iter().any(|w| text[cs..at].ends_with(w));
    if (shared_word || rate_list) && text[floor..cs].ends_with('、') {
        let fits = |seg: &str| !rate_list || seg.ends_with('率');
        out.shared = listed_names(text, floor, cs - '、'.len_utf8(), fits)
            .into_iter()
            .flatten()
            .collect();
    }
    out
}

/// Words that hand the values after them out to the names before them, one each, in order.
const RESPECTIVELY: [&str; 4] = ["分别为", "分别是", "分别达到", "分别达"];

/// `纠错率、败诉率分别为8.2%、3.1%`: the names, in order, that the values listed after `at` are for.
pub fn respective(text: &str, floor: usize, at: usize) -> Option<Vec<Label>> {
    let w = RESPECTIVELY
        .iter()
        .find(|w| text[floor..at].ends_with(**w))?;
    let labels: Vec<Label> = listed_names(text, floor, at - w.len(), |_| true)
        .into_iter()
        .collect::<Option<_>>()?;
    (labels.len() >= 2).then_some(labels)
}

/// The names listed with 、 that end at `end`, a clause of at most 20 characters each, in text
/// order (`None` for one that names nothing); `fits` ends the list at a clause it rejects.
fn listed_names(
    text: &str,
    floor: usize,
    mut end: usize,
    fits: impl Fn(&str) -> bool,
) -> Vec<Option<Label>> {
    let mut names = Vec::new();
    let mut named = 0;
    while end > floor && named < MAX_SHARED {
        let s = clause_start(text, floor, end);
        let seg = &text[s..end];
        if seg.is_empty() || seg.chars().count() > 20 || !fits(seg) {
            break;
        }
        let name = from_clause(seg, s);
        named += usize::from(name.is_some());
        names.push(name);
        if !text[floor..s].ends_with('、') {
            break;
        }
        end = s - '、'.len_utf8();
    }
    names.reverse();
    names
}

/// The rate named at the end of the clause before `at`'s (`一审案件行政机关败诉率明显下降，` before
/// `2021年降至5.6%`), for a rate whose own clause names nothing.
pub fn rate_in_clause_before(text: &str, floor: usize, at: usize) -> Option<Label> {
    let clause = text[floor..at].rfind([',', ';']).map(|k| floor + k)?;
    let prev = &text[floor..clause];
    let end = RATE_WORDS
        .iter()
        .filter_map(|w| prev.rfind(w).map(|k| floor + k + w.len()))
        .max()?;
    before(text, floor, end)
        .label
        .filter(|l| l.text.chars().count() >= 2)
}

/// One character before 率 is a syllable of a word the verb was cut out of (核查处置率 holds 查处,
/// leaving 置率), not a name: real rate names have two or more (办结率, 及时率).
fn split_word(label: &str) -> bool {
    label
        .strip_suffix('率')
        .is_some_and(|stem| stem.chars().count() == 1)
}

fn from_clause(clause: &str, offset: usize) -> Option<Label> {
    let cut = STOPS.find_iter(clause).last().map_or(0, |m| m.end());
    // A single character left after the verb (参与率 → 率) is a suffix, not a noun.
    if let Some(l) = head(&clause[cut..], offset + cut)
        .filter(|l| l.text.chars().count() >= 2 && !split_word(&l.text))
    {
        return Some(l);
    }
    // Nothing after the verb: the verb phrase after the scope words is the label (受理, 调解成功).
    let scope_cut = SCOPES.find_iter(clause).last().map_or(0, |m| m.end());
    let rest = &clause[scope_cut..];
    let lead = rest
        .char_indices()
        .take_while(|(_, c)| {
            matches!(
                c,
                '已' | '共' | '并' | '均' | '都' | '再' | '又' | '还' | '也' | '另' | '即'
            )
        })
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    // `2024年的100%`: a year and 的 name no figure.
    head(&rest[lead..], offset + scope_cut + lead)
        .filter(|l| !l.text.trim_start_matches(['年', '度', '的']).is_empty())
}

/// The noun phrase right after a classifier (`52家单位完成…` → 单位), if there is one.
pub fn after(text: &str, at: usize) -> Option<Label> {
    let rest = &text[at..];
    let mut end = 0;
    let mut depth = 0usize;
    for (n, (i, c)) in rest.char_indices().enumerate() {
        // Asides in brackets (镇(街道)) stay inside the phrase; `clean` drops them from the label.
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ => {}
        }
        // `对象的“线上+线下”监管`: a quote after 的 starts what the noun is for, not the noun.
        if c == '“' && rest[..i].ends_with('的') {
            end = i - '的'.len_utf8();
            break;
        }
        let ok = n < MAX_LABEL_CHARS
            && (depth > 0
                || c == ')'
                || (c > '\u{2e80}' && !"，。、；：！？（）《》【】".contains(c))
                || matches!(c, '“' | '”' | '"'))
            && !c.is_ascii_digit();
        if !ok {
            break;
        }
        end = i + c.len_utf8();
    }
    let phrase = &rest[..end];
    // `954人的年检工作`: the number modifies what follows; the label is the text before it.
    if phrase.starts_with('的') {
        return None;
    }
    let first_stop = FOLLOW.find(phrase);
    let phrase = match first_stop {
        // 持有新式执法证件的执法人员: a clause before 的, the noun after it.
        Some(m) if m.start() == 0 => {
            let k = phrase.find('的')?;
            let tail = &phrase[k + '的'.len_utf8()..];
            let stop = FOLLOW.find(tail).map_or(tail.len(), |m| m.start());
            return trim_locative(&tail[..stop]).and_then(|t| head(t, at + k + '的'.len_utf8()));
        }
        Some(m) => &phrase[..m.start()],
        None => phrase,
    };
    trim_locative(phrase).and_then(|t| head(t, at))
}

fn trim_locative(s: &str) -> Option<&str> {
    let t = s.trim_end_matches(LOCATIVES);
    (t.chars().count() >= 1).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(s: &str) -> Option<String> {
        let at = s.find(|c: char| c.is_ascii_digit()).unwrap_or(s.len());
        before(s, 0, at).label.map(|l| l.text)
    }

    #[test]
    fn reads_the_object_after_generic_verbs() {
        assert_eq!(label("全年共办理公证案件88件").as_deref(), Some("公证案件"));
        assert_eq!(label("依法受理信访事项17件").as_deref(), Some("信访事项"));
        assert_eq!(
            label("机关负责人出庭应诉率为 97%").as_deref(),
            Some("机关负责人出庭应诉率")
        );
        assert_eq!(
            label("参与县政府常务会议议题合法性审查31个").as_deref(),
            Some("县政府常务会议议题合法性审查")
        );
        assert_eq!(label("全市群众满意率达99%").as_deref(), Some("群众满意率"));
    }

    #[test]
    fn a_verb_inside_a_longer_word_does_not_cut_it() {
        // 核查处置 holds the verb 查处; 置率 would be no name.
        assert_eq!(
            label("不合格样品核查处置率100%").as_deref(),
            Some("不合格样品核查处置率")
        );
    }

    #[test]
    fn the_subject_names_the_base_of_a_change() {
        let s = "出庭应诉率从2023年的92.3%提升至100%";
        let b = before(s, 0, s.find("92").unwrap());
        assert_eq!(b.label.unwrap().text, "出庭应诉率");
        let s = "审批时限由20个工作日";
        assert_eq!(
            before(s, 0, s.find("20").unwrap()).label.unwrap().text,
            "审批时限"
        );
    }

    #[test]
    fn a_share_named_by_zhan() {
        let rate = |s: &str| {
            label(s).map(|l| {
                Label {
                    range: 0..l.len(),
                    text: l,
                }
                .ending_at_rate_word()
                .text
            })
        };
        assert_eq!(rate("即办件占62.4%").as_deref(), Some("即办件占比"));
        assert_eq!(
            rate("群众满意度调查占40%").as_deref(),
            Some("群众满意度调查占比")
        );
        assert_eq!(rate("考核权重占20%").as_deref(), Some("考核权重"));
        assert_eq!(rate("收入占上年的105%").as_deref(), Some("收入占上年的"));
    }

    #[test]
    fn a_list_number_is_not_part_of_the_label() {
        let s = "3.重大执法决定法制审核率100%";
        let b = before(s, "3".len(), s.find("100").unwrap());
        assert_eq!(b.label.unwrap().text, "重大执法决定法制审核率");
    }

    #[test]
    fn a_bare_verb_is_its_own_label() {
        assert_eq!(label("其中受理7件").as_deref(), Some("受理"));
        assert_eq!(label("调解成功30件").as_deref(), Some("调解成功"));
        assert_eq!(label("已审结9件").as_deref(), Some("审结"));
    }

    #[test]
    fn takes_the_head_after_de_and_deng() {
        assert_eq!(
            label("清理以县政府名义制发的规范性文件40件").as_deref(),
            Some("规范性文件")
        );
        assert_eq!(
            label("审查《某某条例》等地方性法规2件").as_deref(),
            Some("地方性法规")
        );
        assert_eq!(
            label("开展“送法进村”活动12场").as_deref(),
            Some("送法进村活动")
        );
    }

    #[test]
    fn shared_value_gives_each_listed_label() {
        let s = "所有议案均已办结,知晓率、参与率、好评率均达到100%";
        let b = before(s, 0, s.find('1').unwrap());
        assert_eq!(b.label.unwrap().text, "好评率");
        let shared: Vec<String> = b.shared.into_iter().map(|l| l.text).collect();
        assert_eq!(shared, ["知晓率", "参与率"]);
    }

    #[test]
    fn a_list_inside_quotes_is_one_name() {
        assert_eq!(
            label("开展“双随机、一公开”监管检查1142家次").as_deref(),
            Some("双随机、一公开监管检查")
        );
    }

    #[test]
    fn noun_after_a_classifier() {
        let s = "52家单位完成公开";
        assert_eq!(after(s, "52家".len()).unwrap().text, "单位");
        let s = "9名持有新证件的执法人员、";
        assert_eq!(after(s, "9名".len()).unwrap().text, "执法人员");
        let s = "5位经验丰富的律师担任顾问";
        assert_eq!(after(s, "5位".len()).unwrap().text, "律师");
        let s = "8名在册对象的“线上”监管";
        assert_eq!(after(s, "8名".len()).unwrap().text, "在册对象");
        let s = "20个案卷中,";
        assert_eq!(after(s, "20个".len()).unwrap().text, "案卷");
        assert!(after("5件,", "5件".len()).is_none());
        assert!(after("5件已经办结", "5件".len()).is_none());
    }
}
