//! Chinese numerals (五、十二、两、三十余) and their rendering back for messages.

/// Digits and unit characters a Chinese numeral is written with.
pub fn is_cn_numeral_char(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

/// Value of one Chinese digit character (〇 to 九).
pub fn digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Value of a Chinese numeral such as `三十五`, `十二`, `两千`, `一万二千`; `None` if malformed.
/// Written-out digit strings (`二〇二四`) are read digit by digit.
pub fn parse_cn(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    if s.chars().count() > 1 && s.chars().all(|c| digit(c).is_some()) {
        return s
            .chars()
            .try_fold(0u64, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    let (mut total, mut section, mut pending): (u64, u64, Option<u64>) = (0, 0, None);
    for c in s.chars() {
        if let Some(d) = digit(c) {
            if pending.is_some() && d != 0 {
                return None; // two digits in a row: 三五
            }
            pending = if d == 0 { pending } else { Some(d) };
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            section = section.checked_add(pending.take().unwrap_or(0))?;
            let part = if section == 0 { 1 } else { section };
            total = total.checked_add(part)?.checked_mul(unit)?;
            section = 0;
        } else {
            section = section.checked_add(pending.take().unwrap_or(1).checked_mul(unit)?)?;
        }
    }
    total
        .checked_add(section)?
        .checked_add(pending.unwrap_or(0))
}

/// `n` as a Chinese numeral (1–999), for messages such as “缺少“二、””.
pub fn to_cn(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n == 0 || n >= 1000 {
        return n.to_string();
    }
    let (h, t, u) = (
        (n / 100) as usize,
        ((n / 10) % 10) as usize,
        (n % 10) as usize,
    );
    let mut s = String::new();
    if h > 0 {
        s.push_str(D[h]);
        s.push('百');
        if t == 0 && u > 0 {
            s.push('零');
        }
    }
    if t > 0 {
        if !(h == 0 && t == 1) {
            s.push_str(D[t]);
        }
        s.push('十');
    }
    if u > 0 {
        s.push_str(D[u]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_common_forms() {
        assert_eq!(parse_cn("五"), Some(5));
        assert_eq!(parse_cn("十"), Some(10));
        assert_eq!(parse_cn("十二"), Some(12));
        assert_eq!(parse_cn("三十"), Some(30));
        assert_eq!(parse_cn("两"), Some(2));
        assert_eq!(parse_cn("一百零五"), Some(105));
        assert_eq!(parse_cn("两千"), Some(2000));
        assert_eq!(parse_cn("一万二千"), Some(12000));
        assert_eq!(parse_cn("万"), Some(10000));
        assert_eq!(parse_cn("二〇二四"), Some(2024));
        assert_eq!(parse_cn("三五"), Some(35));
        assert_eq!(parse_cn("十三五"), None);
        assert_eq!(parse_cn(""), None);
    }

    #[test]
    fn writes_small_numbers() {
        assert_eq!(to_cn(1), "一");
        assert_eq!(to_cn(10), "十");
        assert_eq!(to_cn(12), "十二");
        assert_eq!(to_cn(20), "二十");
        assert_eq!(to_cn(105), "一百零五");
    }
}
