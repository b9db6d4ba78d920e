//! The body an opening sentence speaks for: `2023年,司法部坚持…`, `2022年以来,某县认真贯彻…`.
//! Reports whose page lost its title still name their issuer as the subject of the first
//! sentence, after the year and before the verb that opens the account.

use std::ops::Range;

/// The genre's opening verbs and adverbs, which end the subject.
const OPENERS: [&str; 37] = [
    "坚持",
    "在",
    "深入",
    "认真",
    "全面",
    "始终",
    "紧紧",
    "紧扣",
    "围绕",
    "积极",
    "持续",
    "聚焦",
    "按照",
    "牢固",
    "着力",
    "大力",
    "切实",
    "进一步",
    "高度",
    "严格",
    "立足",
    "全力",
    "扎实",
    "不断",
    "锚定",
    "贯彻",
    "落实",
    "坚决",
    "坚定",
    "主动",
    "自觉",
    "努力",
    "继续",
    "紧密",
    "把",
    "将",
    "以",
];
/// Endings of an issuing body's name.
const BODIES: [&str; 22] = [
    "人民政府",
    "政府",
    "办事处",
    "委员会",
    "分局",
    "局",
    "委",
    "厅",
    "院",
    "办",
    "部",
    "署",
    "会",
    "室",
    "所",
    "中心",
    "区",
    "县",
    "市",
    "镇",
    "乡",
    "街道",
];

/// The subject of an opening sentence when it names a body (`全市司法行政系统` does not: it is a
/// sector, not an issuer; `我区`/`全县` name none).
pub fn opening_subject(sentence: &str) -> Option<Range<usize>> {
    let org = opening_org(sentence)?;
    names_body(&sentence[org.clone()]).then_some(org)
}

/// The subject of a sentence that opens with a year clause (`2023年,`, `2023年以来,`,
/// `2025年是…收官之年,`, at most 30 characters), then optionally `在…下,` (2–80 characters
/// between), then 2–24 characters up to the first opening verb, tried in that order: what
/// `^(?:19|20)\d\d年[^,。]{0,30},(?:在[^,。]{2,80}?下,)?([^,。、:;\s\d]{2,24}?)(?:坚持|在|…)` would
/// capture. Written out because that regex's hundred repeated classes took a millisecond to
/// compile, on every start.
fn opening_org(s: &str) -> Option<Range<usize>> {
    let year = super::scan::year_len(s)?;
    let after_year = year + s[year..].strip_prefix('年').map(|_| '年'.len_utf8())?;
    let clause = |c: char| c != ',' && c != '。';
    let comma = run(s, after_year, 30, clause).last()?;
    let start = comma + s[comma..].strip_prefix(',').map(|_| 1)?;
    // `在…下,` taken at its shortest first, then longer, then not taken at all.
    let under = s[start..]
        .strip_prefix('在')
        .map(|_| start + '在'.len_utf8())
        .into_iter()
        .flat_map(|from| run(s, from, 80, clause).skip(2))
        .filter(|&k| s[k..].starts_with("下,"))
        .map(|k| k + "下,".len());
    under.chain([start]).find_map(|from| {
        let name = |c: char| {
            !matches!(c, ',' | '。' | '、' | ':' | ';') && !c.is_whitespace() && !c.is_ascii_digit()
        };
        run(s, from, 24, name)
            .skip(2)
            .find(|&k| OPENERS.iter().any(|w| s[k..].starts_with(w)))
            .map(|k| from..k)
    })
}

/// The offsets after 0, 1, … up to `max` characters from `from`, while they satisfy `ok`.
fn run<'a>(
    s: &'a str,
    from: usize,
    max: usize,
    ok: impl Fn(char) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let chars = s[from..]
        .char_indices()
        .take_while(move |&(_, c)| ok(c))
        .take(max);
    std::iter::once(from).chain(chars.map(move |(i, c)| from + i + c.len_utf8()))
}

/// The words end like a body's name and name it: not a pointer (我区, 全县, 本局) nor a bare level
/// (街道, 县人民政府, 省政府), which leaves the body to the reader's knowledge of the site.
pub fn names_body(name: &str) -> bool {
    const LEVEL_CHARS: &str = "省市区县州旗镇乡街道人民政府";
    let Some(body) = BODIES.iter().find(|b| name.ends_with(**b)) else {
        return false;
    };
    let rest = &name[..name.len() - body.len()];
    rest.chars().any(|c| !LEVEL_CHARS.contains(c))
        && !name.starts_with(['全', '我', '本', '该', '各', '在', '从', '对'])
}

#[cfg(test)]
mod tests {
    use super::{opening_org, opening_subject};

    #[test]
    fn the_written_out_matcher_captures_what_the_regex_did() {
        let re = regex::Regex::new(concat!(
            r"^(?:(?:19|20)\d{2}年[^,。]{0,30},)(?:在[^,。]{2,80}?下,)?",
            r"(?P<org>[^,。、:;\s\d]{2,24}?)",
            r"(?:坚持|在|深入|认真|全面|始终|紧紧|紧扣|围绕|积极|持续|聚焦|按照|牢固|着力|大力|切实|",
            r"进一步|高度|严格|立足|全力|扎实|不断|锚定|贯彻|落实|坚决|坚定|主动|自觉|努力|继续|紧密|",
            r"把|将|以)"
        ))
        .unwrap();
        let years = [
            "2023年",
            "2023年以来",
            "1998年度",
            "2025年是法治政府建设五年纲要的收官之年",
            "2023",
            "3023年",
            "2023年。",
            "2024年是实施“八五”普法规划承上启下的关键之年也是全面深化改革的重要一年",
        ];
        let unders = [
            "",
            "在市委、市政府的正确领导下,",
            "在区委的领导下,",
            "在下,",
            "在上级下级的指导下下,",
            "在市委领导下。",
            "在市委坚强领导下,在省厅指导下,",
        ];
        let orgs = [
            "司法部",
            "某县",
            "全市司法行政系统",
            "我区",
            "某市人力资源和社会保障局",
            "县人民政府",
            "下蜀镇",
            "某区审计局在区委的领导下",
            "审计署",
            "12局",
            "某 县",
            "甲",
            "某市在",
            "",
            "超过二十四个字的名称超过二十四个字的名称超过二十四个字的名称局",
        ];
        let verbs = [
            "坚持以习近平法治思想为指导",
            "认真贯彻",
            "进一步",
            "取得新成效",
            "以",
            "",
            ",坚持",
        ];
        let mut n = 0;
        for y in years {
            for sep in [",", "，", ""] {
                for u in unders {
                    for o in orgs {
                        for v in verbs {
                            let s = format!("{y}{sep}{u}{o}{v}");
                            let want = re
                                .captures(&s)
                                .and_then(|c| c.name("org"))
                                .map(|m| m.range());
                            assert_eq!(opening_org(&s), want, "{s}");
                            n += 1;
                        }
                    }
                }
            }
        }
        assert!(n > 5000);
    }

    fn subject(s: &str) -> Option<&str> {
        opening_subject(s).map(|r| &s[r])
    }

    #[test]
    fn the_subject_after_the_year_is_the_issuer() {
        assert_eq!(
            subject("2022年,司法部坚持以习近平新时代中国特色社会主义思想为指导"),
            Some("司法部")
        );
        assert_eq!(subject("2020年,审计署坚持依法审计"), Some("审计署"));
        assert_eq!(
            subject("2025年,下蜀镇坚持以习近平法治思想为指导"),
            Some("下蜀镇")
        );
        assert_eq!(
            subject("2023年以来,某市人力资源和社会保障局认真贯彻落实中央决策部署"),
            Some("某市人力资源和社会保障局")
        );
        assert_eq!(
            subject("2021年,在市委、市政府的正确领导下,某县深入推进依法行政"),
            Some("某县")
        );
        assert_eq!(
            subject("2020年以来,在市委、市政府的坚强领导下,某某区政府坚决贯彻落实"),
            Some("某某区政府")
        );
        assert_eq!(
            subject("2025年是法治政府建设五年纲要的收官之年,某区审计局在区委的领导下"),
            Some("某区审计局")
        );
    }

    #[test]
    fn sectors_pronouns_and_other_openings_name_no_issuer() {
        assert_eq!(subject("2022年,全市司法行政系统在市委的领导下"), None);
        assert_eq!(subject("2023年,我区坚持以习近平法治思想为指导"), None);
        assert_eq!(subject("2023年,全县上下认真贯彻落实"), None);
        assert_eq!(subject("司法部坚持以习近平法治思想为指导"), None);
        assert_eq!(subject("2023年,法治政府建设取得新成效"), None);
        assert_eq!(subject("2022年,县人民政府坚持以习近平法治思想为指导"), None);
        assert_eq!(subject("2025年,街道在区委的领导下"), None);
        assert_eq!(
            subject("2023年是全面贯彻党的二十大精神的开局之年,全区上下坚持"),
            None
        );
    }
}
