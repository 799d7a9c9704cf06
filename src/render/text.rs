//! Japanese sentence plumbing: how a vendor's value joins the template's sentence.
//!
//! Vendor values arrive as sentences (「…する。」), clauses or nouns; the documents must
//! never print 「。。」, a colon list inside a sentence, or an ISO country code. These
//! functions are the template filters' bodies; they return plain text (the template
//! escapes it) except [`numbered`], which builds Markdown and escapes each item itself.

use super::escape;

/// Characters after which a sentence is complete.
const TERMINALS: &[char] = &['。', '！', '？'];
/// Closing brackets that may follow a sentence's final 「。」 (「…とする。）」).
const CLOSERS: &[char] = &['）', '」', '』', ')'];

/// The value as one or more complete sentences: ends with exactly one 「。」.
pub fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    let mut out = text.to_string();
    while out.ends_with("。。") {
        out.pop();
    }
    let core = out.trim_end_matches(CLOSERS);
    if core.ends_with(TERMINALS) {
        out
    } else {
        out.push('。');
        out
    }
}

/// The value as a phrase inside the template's sentence: no final 「。」.
pub fn phrase(text: &str) -> String {
    text.trim()
        .trim_end_matches(['。', '．'])
        .trim_end()
        .to_string()
}

/// 「A」, 「A及びB」, 「A、B及びC」; 「A及びB並びにC」 when an item is itself joined by 及び
/// (公用文: 並びに joins at the upper level).
pub fn and_list(items: &[String]) -> String {
    if items.iter().any(|i| i.contains("及び")) {
        join_with(items, "並びに")
    } else {
        join_with(items, "及び")
    }
}

/// 「A」, 「A又はB」, 「A、B又はC」.
pub fn or_list(items: &[String]) -> String {
    join_with(items, "又は")
}

fn join_with(items: &[String], last: &str) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|i| phrase(i))
        .filter(|i| !i.is_empty())
        .collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., tail] => format!("{}{last}{tail}", init.join("、")),
    }
}

/// Numbering styles of items: (1) under a numbered section, ア under an (1) item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemStyle {
    Paren,
    Kana,
}

impl ItemStyle {
    pub fn parse(text: &str) -> Option<ItemStyle> {
        match text {
            "paren" => Some(ItemStyle::Paren),
            "kana" => Some(ItemStyle::Kana),
            _ => None,
        }
    }

    /// The mark of the n-th item (1-based).
    pub fn mark(self, n: usize) -> String {
        const KANA: [&str; 20] = [
            "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ", "ス", "セ",
            "ソ", "タ", "チ", "ツ", "テ", "ト",
        ];
        match self {
            ItemStyle::Paren => format!("({n})"),
            ItemStyle::Kana => KANA
                .get(n - 1)
                .map_or_else(|| format!("({n})"), |k| k.to_string()),
        }
    }
}

/// Items as official-style numbered paragraphs, escaped: 「(1)　A」, 「(2)　B」 ….
pub fn numbered(items: &[String], style: ItemStyle) -> String {
    items
        .iter()
        .map(|i| i.trim())
        .filter(|i| !i.is_empty())
        .enumerate()
        .map(|(n, item)| format!("{}　{}", style.mark(n + 1), escape::escape(item)))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// 「第1版」 for "1.0", 「第1.1版」 for "1.1": trailing ".0"s of a numeric version go.
pub fn edition(version: &str) -> String {
    let version = version.trim();
    let numeric = !version.is_empty()
        && version.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !version.starts_with('.')
        && !version.ends_with('.');
    let mut v = version;
    if numeric {
        while let Some(shorter) = v.strip_suffix(".0") {
            v = shorter;
        }
    }
    format!("第{v}版")
}

/// A country's name in Japanese, from its ISO 3166-1 alpha-2 code.
pub fn country(code: &str) -> String {
    let name = match code.trim().to_ascii_uppercase().as_str() {
        "JP" => "日本",
        "US" => "アメリカ合衆国",
        "GB" => "英国",
        "IE" => "アイルランド",
        "DE" => "ドイツ",
        "FR" => "フランス",
        "NL" => "オランダ",
        "BE" => "ベルギー",
        "CH" => "スイス",
        "SE" => "スウェーデン",
        "FI" => "フィンランド",
        "CA" => "カナダ",
        "BR" => "ブラジル",
        "AU" => "オーストラリア",
        "SG" => "シンガポール",
        "KR" => "大韓民国",
        "CN" => "中華人民共和国",
        "TW" => "台湾",
        "HK" => "香港",
        "IN" => "インド",
        "ID" => "インドネシア",
        "TH" => "タイ",
        "MY" => "マレーシア",
        "PH" => "フィリピン",
        "VN" => "ベトナム",
        other => return format!("国コード{other}の国"),
    };
    name.to_string()
}

/// 「日本（東京都）」, or 「日本（ap-northeast-1）」 where no prefecture is given: a region ID
/// reads as a code to the city, so it stands in only for a missing prefecture.
pub fn location(country_code: &str, prefecture: Option<&str>, region_id: Option<&str>) -> String {
    let detail = [prefecture, region_id]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|p| !p.is_empty());
    let name = country(country_code);
    match detail {
        Some(detail) => format!("{name}（{detail}）"),
        None => name,
    }
}

/// A hash as people compare it by eye: groups of 8 hexadecimal digits separated by spaces,
/// so that a line breaks between groups and never inside one where it could read as a
/// hyphenated word.
pub fn hex_groups(hex: &str) -> String {
    let chars: Vec<char> = hex.trim().chars().collect();
    chars
        .chunks(8)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A document written with 「本市」 (templates, beppyo's own phrases and vendor text alike)
/// read for the municipality's kind: 「本市」 becomes `city_self` (本町, 本県 …). The
/// table's texts in `verbatim` are quoted as they are, and 「本市場」 (日本市場, 資本市場) is
/// a market, not the city.
pub fn localise(text: &str, city_self: &str, verbatim: &[&str]) -> String {
    crate::messages::replace_self_word(text, city_self, |rest| {
        verbatim
            .iter()
            .find(|quoted| !quoted.is_empty() && rest.starts_with(*quoted))
            .map(|quoted| quoted.len())
    })
}

/// Vendor text rewritten for the agreement, whose parties are 甲 (the city) and 乙 (the
/// vendor): 「本市」 and the city's name become 甲, 「当社」 and the vendor's name 乙, with
/// 「の」 added where a noun follows (「当社CSIRT」 → 「乙のCSIRT」).
/// `city_self` is the municipality's own word (本町 for a town), replaced like 本市.
pub fn kouotsu(text: &str, city: &str, city_self: &str, vendor: &str) -> String {
    let mut names: Vec<(&str, &str)> = vec![("本市", "甲"), ("当社", "乙"), (city_self, "甲")];
    for (name, party) in [(city.trim(), "甲"), (vendor.trim(), "乙")] {
        if !name.is_empty() {
            names.push((name, party));
        }
    }
    // Longer names first, so that a company name containing 「当社」 is replaced whole.
    names.sort_by_key(|(name, _)| std::cmp::Reverse(name.chars().count()));
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let compounds = compounds(&names);
    'scan: while !rest.is_empty() {
        for (compound, rewritten) in &compounds {
            if let Some(after) = rest.strip_prefix(compound.as_str()) {
                out.push_str(rewritten);
                rest = after;
                continue 'scan;
            }
        }
        for (name, party) in &names {
            if let Some(after) = rest.strip_prefix(name) {
                out.push_str(party);
                if after.chars().next().is_some_and(starts_noun) {
                    out.push('の');
                }
                rest = after;
                continue 'scan;
            }
        }
        let c = rest.chars().next().unwrap_or_default();
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Compounds whose plain 「乙の」 would misstate. A verbal noun after a party's name is
/// what the party does: 「当社運用の」 → 「乙が運用する」, 「本市指定の」 → 「甲が指定する」,
/// 「当社所有」 → 「乙が所有する」 (「乙の所有の」 is not Japanese). A data centre 当社 uses
/// may be another's building (housing, a platform's region): 「乙が利用するデータセンター」.
/// A noun that only starts with such a word (「当社運用チーム」) stays 「乙の運用チーム」.
/// A suffix that binds to the name (「本市専用の鍵」, 「本市向け」, 「当社側」) stays bound:
/// 「甲専用の鍵」, not 「甲の専用の鍵」.
fn compounds(names: &[(&str, &str)]) -> Vec<(String, String)> {
    const VERBAL: &[&str] = &[
        "運用", "管理", "所有", "指定", "契約", "保有", "設置", "委託", "選定", "提供", "負担",
    ];
    let mut out = vec![(
        "当社データセンター".to_string(),
        "乙が利用するデータセンター".to_string(),
    )];
    for (name, party) in names.iter().filter(|(n, _)| !n.is_empty()) {
        for verb in VERBAL {
            out.push((format!("{name}{verb}の"), format!("{party}が{verb}する")));
        }
        out.push((format!("{name}所有"), format!("{party}が所有する")));
        for suffix in ["専用", "向け", "側"] {
            out.push((format!("{name}{suffix}"), format!("{party}{suffix}")));
        }
    }
    out
}

/// An obligation of the vendor's inside the agreement, with its subject: 「乙は、」 is put
/// before a sentence that names no one as its subject (「緊急の…場合は、…甲に通知する。」),
/// and a sentence that has one (「甲は、…」「…場合、乙は…」「アプリケーションサーバは…」) is
/// left as it is. Run after [`kouotsu`].
pub fn otsu(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() || has_subject(text) {
        text.to_string()
    } else {
        format!("乙は、{text}")
    }
}

/// Whether the first sentence has a subject or topic: 甲 or 乙 with は・が, or a noun
/// marked by は that is not a condition (「場合は」「際は」).
fn has_subject(text: &str) -> bool {
    let first = text.split('。').next().unwrap_or(text);
    let parties = [
        "甲は",
        "乙は",
        "甲が",
        "乙が",
        "甲乙",
        "甲及び乙",
        "乙及び甲",
        "甲と乙",
        "乙と甲",
    ];
    if parties.iter().any(|p| first.contains(p)) {
        return true;
    }
    // Words before は that do not make a topic: conditions and the conjunction 又は.
    const NOT_TOPICS: &[&str] = &[
        "場合", "際", "時", "間", "後", "上", "前", "中", "以外", "又",
    ];
    let chars: Vec<char> = first.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        if c != 'は' || i == 0 {
            return false;
        }
        let before = chars[i - 1];
        let hiragana = ('\u{3041}'..='\u{309F}').contains(&before);
        let head: String = chars[..i].iter().collect();
        !hiragana && !NOT_TOPICS.iter().any(|w| head.ends_with(w))
    })
}

/// Whether a character begins a noun rather than a particle or punctuation.
fn starts_noun(c: char) -> bool {
    let hiragana = ('\u{3041}'..='\u{309F}').contains(&c);
    let punctuation = "、。，．）」』】〕・（「『【〔 　".contains(c);
    !(hiragana || punctuation)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(items: &[&str]) -> Vec<String> {
        items.iter().map(|i| i.to_string()).collect()
    }

    #[test]
    fn a_sentence_ends_exactly_once() {
        assert_eq!(sentence("手交する"), "手交する。");
        assert_eq!(sentence("手交する。"), "手交する。");
        assert_eq!(sentence("手交する。。"), "手交する。");
        assert_eq!(sentence("  EDR製品。 \n"), "EDR製品。");
        assert_eq!(sentence("（詳細は別紙とする。）"), "（詳細は別紙とする。）");
        assert_eq!(sentence("「とする。」"), "「とする。」");
        assert_eq!(sentence("本当か？"), "本当か？");
        assert_eq!(sentence(""), "");
    }

    #[test]
    fn a_phrase_has_no_final_period() {
        assert_eq!(phrase("日曜日の2時から6時まで。"), "日曜日の2時から6時まで");
        assert_eq!(phrase(" 暦月 "), "暦月");
    }

    #[test]
    fn short_lists_join_in_the_sentence() {
        assert_eq!(and_list(&s(&["A"])), "A");
        assert_eq!(and_list(&s(&["A", "B"])), "A及びB");
        assert_eq!(and_list(&s(&["A", "B", "C"])), "A、B及びC");
        assert_eq!(
            and_list(&s(&["サーバ及びストレージ", "運用端末"])),
            "サーバ及びストレージ並びに運用端末"
        );
        assert_eq!(or_list(&s(&["電話", "電子メール。"])), "電話又は電子メール");
        assert_eq!(and_list(&[]), "");
    }

    #[test]
    fn items_are_numbered_and_escaped() {
        assert_eq!(
            numbered(&s(&["CPU使用率", "*応答時間*"]), ItemStyle::Paren),
            "(1)　CPU使用率\n\n(2)　\\*応答時間\\*"
        );
        assert_eq!(numbered(&s(&["a", "b"]), ItemStyle::Kana), "ア　a\n\nイ　b");
        assert_eq!(numbered(&[], ItemStyle::Paren), "");
    }

    #[test]
    fn editions_read_as_people_write_them() {
        assert_eq!(edition("1.0"), "第1版");
        assert_eq!(edition("1.1"), "第1.1版");
        assert_eq!(edition("2"), "第2版");
        assert_eq!(edition("1.0.0"), "第1版");
        assert_eq!(edition("10.0"), "第10版");
        assert_eq!(edition("2026a"), "第2026a版");
    }

    #[test]
    fn countries_and_places_in_japanese() {
        assert_eq!(country("JP"), "日本");
        assert_eq!(country("us"), "アメリカ合衆国");
        assert_eq!(country("XX"), "国コードXXの国");
        assert_eq!(location("JP", Some("東京都"), None), "日本（東京都）");
        assert_eq!(
            location("JP", None, Some("ap-northeast-1")),
            "日本（ap-northeast-1）"
        );
        assert_eq!(
            location("JP", Some("大阪府"), Some("ap-northeast-3")),
            "日本（大阪府）"
        );
        assert_eq!(location("JP", None, None), "日本");
    }

    #[test]
    fn the_agreement_names_its_parties_kou_and_otsu() {
        let k = |t: &str| kouotsu(t, "東雲市", "本市", "株式会社青嶺クラウド");
        assert_eq!(
            k("停止の3時間前までに本市に通知する。"),
            "停止の3時間前までに甲に通知する。"
        );
        assert_eq!(k("当社CSIRT（24時間体制）"), "乙のCSIRT（24時間体制）");
        assert_eq!(k("本市と当社が見直す"), "甲と乙が見直す");
        assert_eq!(k("本市職員"), "甲の職員");
        assert_eq!(
            k("東雲市は株式会社青嶺クラウドに請求する"),
            "甲は乙に請求する"
        );
        assert_eq!(k("本サービス"), "本サービス");
        assert_eq!(
            k("当社運用の鍵管理サーバ（HSM）"),
            "乙が運用する鍵管理サーバ（HSM）"
        );
        assert_eq!(k("当社所有のサーバ"), "乙が所有するサーバ");
        assert_eq!(k("当社所有サーバ"), "乙が所有するサーバ");
        assert_eq!(k("本市指定の様式"), "甲が指定する様式");
        assert_eq!(k("当社運用チーム"), "乙の運用チーム");
        assert_eq!(k("本市専用の鍵"), "甲専用の鍵");
        assert_eq!(k("当社側の作業"), "乙側の作業");
        assert_eq!(k("当社負担の費用"), "乙が負担する費用");
        assert_eq!(
            k("当社データセンター内の監視サーバ"),
            "乙が利用するデータセンター内の監視サーバ"
        );
    }

    #[test]
    fn a_town_is_called_honcho_except_in_the_tables_own_words() {
        let verbatim = ["本市の情報セキュリティポリシーに従った利用が可能であること。"];
        assert_eq!(
            localise(
                "本市の職員は、本市の情報セキュリティポリシーに従った利用が可能であること。",
                "本町",
                &verbatim
            ),
            "本町の職員は、本市の情報セキュリティポリシーに従った利用が可能であること。"
        );
        assert_eq!(
            localise("日本市場及び資本市場の動向を本市に報告する", "本県", &[]),
            "日本市場及び資本市場の動向を本県に報告する"
        );
        assert_eq!(localise("本市", "本市", &[]), "本市");
        let k = |t: &str| kouotsu(t, "霞町", "本町", "株式会社霞ラボ");
        assert_eq!(k("本町の職員と当社"), "甲の職員と乙");
    }

    #[test]
    fn an_obligation_without_a_subject_is_the_vendors() {
        assert_eq!(
            otsu("緊急の保守のため停止する場合は、停止の1時間前までに甲に通知する。"),
            "乙は、緊急の保守のため停止する場合は、停止の1時間前までに甲に通知する。"
        );
        assert_eq!(
            otsu("甲の依頼を受けた日から2営業日以内に復元する。"),
            "乙は、甲の依頼を受けた日から2営業日以内に復元する。"
        );
        assert_eq!(
            otsu("使用率が70%を超える場合、又は予測で80%に達する場合は、資源を増強する。"),
            "乙は、使用率が70%を超える場合、又は予測で80%に達する場合は、資源を増強する。"
        );
        for has in [
            "甲は、対象月の翌月末日までに請求する。",
            "稼働率の保証値を下回った場合、乙は改善計画を提出する。",
            "年1回、甲と乙が本合意を見直す会議を開く。",
            "アプリケーションサーバは自動で増減する。",
            "データ出力は無償とする。",
        ] {
            assert_eq!(otsu(has), has);
        }
    }
}
