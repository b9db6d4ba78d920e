//! The issuing body, from the most explicit statement to the least: a body on a header line of its
//! own, the title (`X2023年…报告`, `X关于…`, `X法治政府建设…`), the sign-off above the date, the page's
//! 来源 field, then the opening: the 现将X…报告如下 formula or the subject of the first sentence.
//!
//! A place standing for its government (`某县2023年…报告`, `某镇坚持…`) is named as the genre names
//! it: the place's 人民政府, a 街道's 办事处; `区政府` is short for `区人民政府`.

use super::chrome::{looks_like_org, Layout, NLine};
use super::meta::OPENING_LINES;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A body on a header line of its own is this long.
const HEADER_ORG_CHARS: Range<usize> = 4..31;
/// How far after 现将 the body may be named (`现将某市某区人民政府2023年…`).
const FORMULA_CHARS: usize = 30;

static YEAR_THEN_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.*?)(?:19|20)\d{2}年度?(.*?)(?:法治政府建设|法治建设|依法行政|法治政府)")
        .expect("valid regex")
});
static TOPIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"法治政府建设|法治建设|依法行政").expect("valid regex"));

/// What the issuer may be read from, already located by the metadata pass.
pub struct Sources<'a> {
    pub text: &'a str,
    pub lines: &'a [NLine],
    pub layout: &'a Layout,
    /// Norm ranges of the header lines that are not page chrome.
    pub header: &'a [Range<usize>],
    pub title: Option<Range<usize>>,
    /// The line above the closing date, when it names a body.
    pub sign_off: Option<Range<usize>>,
}

/// Norm range where the issuer is named, and its name.
pub fn find(s: &Sources<'_>) -> Option<(Range<usize>, String)> {
    let text = s.text;
    let header_org = s
        .header
        .iter()
        .find(|r| is_header_org(&text[(*r).clone()]))
        .cloned();
    let from_title = s
        .title
        .as_ref()
        .and_then(|t| in_title(&text[t.clone()]).map(|r| t.start + r.start..t.start + r.end));
    // A place is its government when the title or the opening names it, not on a header line.
    let (range, place_stands_for_body) = match (header_org, from_title.clone()) {
        (Some(h), _) => (h, false),
        (None, Some(t)) => (t, true),
        (None, None) => match s.sign_off.clone().or_else(|| s.layout.source.clone()) {
            Some(r) => (r, false),
            None => (opening(s)?, true),
        },
    };
    let named = &text[range.clone()];
    let name = place_stands_for_body
        .then(|| body_of_place(named))
        .flatten()
        .unwrap_or_else(|| official_name(named));
    let title_place = from_title.map(|t| &text[t]);
    let name = qualified(&name, title_place, text).unwrap_or(name);
    Some((range, name))
}

/// Division levels a relative name opens with (`区人民政府`, `市公安局`, `省营商局`).
const LEVELS: [char; 9] = ['省', '市', '区', '县', '州', '旗', '盟', '镇', '乡'];
/// Words that point at a place rather than name it (全区, 本市, 我县).
const POINTERS: [char; 6] = ['全', '本', '我', '该', '各', '此'];

/// A relative name written out with its place: the place the title names (`黄陂区2020年…` and
/// 区人民政府 → 黄陂区人民政府), else the body's full name where the text itself gives it
/// (`《宜春市公安局…》` for 市公安局). `None` when the name is not relative or no place is found.
fn qualified(name: &str, title_place: Option<&str>, text: &str) -> Option<String> {
    let level = name.chars().next().filter(|c| LEVELS.contains(c))?;
    let rest = &name[level.len_utf8()..];
    if rest.chars().count() < 2 {
        return None;
    }
    if let Some(place) = title_place.filter(|p| p.ends_with(level) && body_of_place(p).is_some()) {
        return Some(format!("{place}{rest}"));
    }
    text.match_indices(name).find_map(|(k, _)| {
        let before = &text[..k];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| super::script::is_han(*c))
            .last()
            .map_or(k, |(j, _)| j);
        let place = &text[start..k];
        let n = place.chars().count();
        // Only where a name begins (a line, a quoted title): after a comma the first words are the
        // clause's own (`,现将市人社局…`).
        let opens = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| c == '\n' || c.is_whitespace() || "《“【([「".contains(c));
        (opens && (1..=6).contains(&n) && !place.starts_with(POINTERS))
            .then(|| format!("{place}{name}"))
    })
}

/// A header line that is only a body's name: not navigation (`首页|手机版`), not a dated or
/// bracketed line (`(2022年6月28日在某市人民代表大会`).
fn is_header_org(t: &str) -> bool {
    HEADER_ORG_CHARS.contains(&t.chars().count())
        && looks_like_org(t)
        && !t.contains("报告")
        && !t.contains([':', '|', '丨'])
        && !t.starts_with(['(', '['])
        && !t.contains(|c: char| c.is_ascii_digit())
}

/// The opening's own naming: `现将X2023年…报告如下`, else the subject of the first sentence.
fn opening(s: &Sources<'_>) -> Option<Range<usize>> {
    let text = s.text;
    let opening: Vec<&NLine> = (s.layout.body.start..s.layout.body.end.min(s.lines.len()))
        .filter(|&i| !s.layout.chrome[i])
        .take(OPENING_LINES)
        .map(|i| &s.lines[i])
        .collect();
    let at = |l: &NLine, r: Range<usize>| l.start + r.start..l.start + r.end;
    opening
        .iter()
        .find_map(|l| in_formula(l.text(text)).map(|r| at(l, r)))
        .or_else(|| {
            opening
                .iter()
                .find_map(|l| super::subject::opening_subject(l.text(text)).map(|r| at(l, r)))
        })
}

/// `现将北京市某区人民政府2023年法治政府建设…报告如下`: the body between 现将 and the year or topic.
fn in_formula(line: &str) -> Option<Range<usize>> {
    let k = line.find("现将")? + "现将".len();
    let after = &line[k..];
    let window = after
        .char_indices()
        .nth(FORMULA_CHARS)
        .map_or(after.len(), |(j, _)| j);
    let end = super::scan::year_before_nian(&after[..window])
        .map(|g| g.start)
        .or_else(|| TOPIC.find(&after[..window]).map(|m| m.start()))?;
    let name = &after[..end];
    super::subject::names_body(name).then(|| k..k + end)
}

/// `区政府` → `区人民政府`: a government's short name written out in full.
fn official_name(name: &str) -> String {
    match name.strip_suffix("政府") {
        Some(place) if !place.ends_with("人民") && body_of_place(place).is_some() => {
            format!("{place}人民政府")
        }
        _ => name.to_string(),
    }
}

/// A report titled by its place alone (`某县2023年法治政府建设年度报告`) is its government's, by the
/// genre's convention: the place's 人民政府, or a 街道's 办事处.
fn body_of_place(name: &str) -> Option<String> {
    const PLACES: [&str; 8] = ["省", "市", "区", "县", "州", "旗", "镇", "乡"];
    if name.chars().count() < 3 || name.starts_with(['全', '本', '我', '该']) {
        return None;
    }
    if name.ends_with("街道") {
        return Some(format!("{name}办事处"));
    }
    PLACES
        .iter()
        .any(|p| name.ends_with(p))
        .then(|| format!("{name}人民政府"))
}

/// The issuing body named in a title: `X关于…`, `X2023年…`, `2023年X法治政府建设…` or
/// `X法治政府建设2023年度报告`. A column tag before it (`【政策解读】`, `【2022年】`) is the site's;
/// a reading of a report (`关于《X关于…的报告》的解读`) speaks for the report's body.
fn in_title(t: &str) -> Option<Range<usize>> {
    let lead = column_tag_len(t);
    let shift = |r: Range<usize>, by: usize| r.start + by..r.end + by;
    let t = &t[lead..];
    if let Some(quoted) = t.strip_prefix("关于《") {
        let inner = &quoted[..quoted.find('》')?];
        return in_title(inner).map(|r| shift(r, lead + "关于《".len()));
    }
    if let Some(k) = t.find("关于") {
        // `图解《某县人民政府关于…》`: the body inside the quotation mark.
        let from = t[..k].rfind('《').map_or(0, |q| q + '《'.len_utf8());
        let name = t[from..k].trim();
        if names_body_or_place(name) {
            return Some(shift(from..from + name.len(), lead));
        }
    }
    if let Some(c) = YEAR_THEN_TOPIC.captures(t) {
        return [c.get(1), c.get(2)]
            .into_iter()
            .flatten()
            .find(|g| names_body_or_place(g.as_str()))
            .map(|g| shift(g.range(), lead));
    }
    let k = TOPIC.find(t)?.start();
    names_body_or_place(&t[..k]).then(|| shift(0..k, lead))
}

/// A name a title may carry: a body (`某县司法局`, `中共某市委 某市人民政府`) or a place standing
/// for its government (`某县`); not `全市`, `我市公开发布` or a bare `县人民政府`.
fn names_body_or_place(name: &str) -> bool {
    let last = name.rsplit([' ', '、']).next().unwrap_or(name);
    super::subject::names_body(last) || body_of_place(last).is_some()
}

/// Byte length of a leading `【…】` tag.
fn column_tag_len(t: &str) -> usize {
    t.strip_prefix('【')
        .and_then(|r| r.find('】').map(|k| '【'.len_utf8() + k + '】'.len_utf8()))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::{in_formula, in_title, official_name, qualified};

    #[test]
    fn a_relative_name_takes_its_place_from_the_title_or_the_text() {
        assert_eq!(
            qualified("区人民政府", Some("黄陂区"), "").as_deref(),
            Some("黄陂区人民政府")
        );
        let text = "2023年,市公安局认真贯彻…制定了《宜春市公安局营商环境十条措施》。";
        assert_eq!(
            qualified("市公安局", None, text).as_deref(),
            Some("宜春市公安局")
        );
        // Not found in full, a pointer (全市公安局), or a name that is not relative: left alone.
        assert_eq!(
            qualified("市公安局", None, "2023年,市公安局认真贯彻。"),
            None
        );
        assert_eq!(qualified("市公安局", None, "《全市公安局认真贯彻》"), None);
        assert_eq!(
            qualified("市人社局", None, "文件要求,现将市人社局2021年…"),
            None
        );
        assert_eq!(qualified("某县司法局", Some("某县"), ""), None);
        // A title place of another level is not this body's.
        assert_eq!(qualified("区人民政府", Some("某市"), ""), None);
    }

    fn title_issuer(t: &str) -> Option<&str> {
        in_title(t).map(|r| &t[r])
    }

    #[test]
    fn the_body_in_each_title_form() {
        for (t, body) in [
            ("某县司法局2023年法治政府建设年度报告", "某县司法局"),
            ("某市人民政府关于2023年度法治政府建设情况的报告", "某市人民政府"),
            ("2023年某区法治政府建设情况报告", "某区"),
            ("某新区管理委员会审计局法治政府建设2022年度报告", "某新区管理委员会审计局"),
            ("【2022年】某州生态环境局2022年度法治政府建设报告", "某州生态环境局"),
            (
                "【政策解读】关于《某县人民政府关于某县2023年度法治政府建设工作总结的报告》的政策解读",
                "某县人民政府",
            ),
        ] {
            assert_eq!(title_issuer(t), Some(body), "{t}");
        }
        // A column tag alone names nobody; nor does a genre name.
        assert_eq!(title_issuer("【政策解读】法治政府建设年度报告"), None);
        assert_eq!(title_issuer("关于法治政府建设情况的报告"), None);
    }

    #[test]
    fn the_body_in_the_reporting_formula() {
        let f = |l: &'static str| in_formula(l).map(|r| &l[r]);
        assert_eq!(
            f("依据有关规定，现将某市某区人民政府2023年法治政府建设年度情况报告如下。"),
            Some("某市某区人民政府")
        );
        assert_eq!(
            f("现将某县司法局法治政府建设工作情况报告如下："),
            Some("某县司法局")
        );
        assert_eq!(f("现将2023年我局法治政府建设情况报告如下："), None);
        assert_eq!(f("现将有关情况报告如下。"), None);
    }

    #[test]
    fn a_short_government_name_is_written_out() {
        assert_eq!(official_name("某某区政府"), "某某区人民政府");
        assert_eq!(official_name("某某区人民政府"), "某某区人民政府");
        assert_eq!(official_name("某某区政府办"), "某某区政府办");
        assert_eq!(official_name("区政府"), "区政府");
    }
}
