//! The body an opening sentence speaks for: `2023年,司法部坚持…`, `2022年以来,某县认真贯彻…`.
//! Reports whose page lost its title still name their issuer as the subject of the first
//! sentence, after the year and before the verb that opens the account.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Year, an optional `在…下,` clause, the subject, then one of the genre's opening verbs.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:(?:19|20)\d{2}年(?:度|以来)?,)(?:在[^,。]{2,80}?下,)?",
        r"(?P<org>[^,。、:;\s\d]{2,24}?)",
        r"(?:坚持|在|深入|认真|全面|始终|紧紧|紧扣|围绕|积极|持续|聚焦|按照|牢固|着力|大力|切实|",
        r"进一步|高度|严格|立足|全力|扎实|不断|锚定|贯彻|落实|把|将|以)"
    ))
    .expect("valid regex")
});

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
    let org = OPENING.captures(sentence)?.name("org")?;
    let name = org.as_str();
    let named = BODIES.iter().any(|b| name.ends_with(b))
        && !name.starts_with(['全', '我', '本', '该', '各', '在', '从', '对']);
    named.then(|| org.range())
}

#[cfg(test)]
mod tests {
    use super::opening_subject;

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
    }

    #[test]
    fn sectors_pronouns_and_other_openings_name_no_issuer() {
        assert_eq!(subject("2022年,全市司法行政系统在市委的领导下"), None);
        assert_eq!(subject("2023年,我区坚持以习近平法治思想为指导"), None);
        assert_eq!(subject("2023年,全县上下认真贯彻落实"), None);
        assert_eq!(subject("司法部坚持以习近平法治思想为指导"), None);
        assert_eq!(subject("2023年,法治政府建设取得新成效"), None);
    }
}
