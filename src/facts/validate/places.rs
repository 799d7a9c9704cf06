//! PHY-02: every place where the city's data or a copy of it sits — the vendor's sites
//! and every party's locations — is in Japan, and says where in Japan in a structured way.

use crate::diagnostic::Problem;
use crate::facts::model::{Facts, Location};
use crate::messages::rules::places as say;
use crate::path;
use crate::yaml::Path;

/// The 47 都道府県, as `prefecture` must name them.
pub const PREFECTURES: [&str; 47] = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
];

pub fn check(facts: &Facts) -> Vec<Problem> {
    every_location(facts)
        .into_iter()
        .flat_map(|(path, location)| location_problems(path, location))
        .map(|p| p.row("PHY-02"))
        .collect()
}

/// Each location with the path of its mapping.
fn every_location(facts: &Facts) -> Vec<(Path, &Location)> {
    let sites = facts.data_location.iter().flat_map(|d| {
        d.sites.iter().enumerate().map(|(i, site)| {
            (
                path!["data_location", "sites", i, "location"],
                &site.location,
            )
        })
    });
    let parties = facts.parties.iter().enumerate().flat_map(|(i, party)| {
        party
            .locations
            .iter()
            .enumerate()
            .map(move |(j, location)| (path!["parties", i, "locations", j], location))
    });
    sites.chain(parties).collect()
}

fn location_problems(path: Path, location: &Location) -> Vec<Problem> {
    let at = |key: &str| {
        let mut path = path.clone();
        path.push(crate::diagnostic::segment(key));
        path
    };
    let country = location.country.trim();
    if country != "JP" {
        return vec![country_problem(at("country"), country)];
    }
    let mut problems = Vec::new();
    match location.prefecture.as_deref().map(str::trim) {
        Some(prefecture) if !PREFECTURES.contains(&prefecture) => {
            problems.push(prefecture_problem(at("prefecture"), prefecture));
        }
        None if location.region_id.is_none() => problems
            .push(Problem::error(path, say::nowhere_in_japan()).hint(say::nowhere_in_japan_hint())),
        _ => {}
    }
    problems
}

fn country_problem(path: Path, country: &str) -> Problem {
    let folded: String = country
        .chars()
        .map(|c| match c {
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            c => c,
        })
        .collect::<String>()
        .to_ascii_lowercase();
    if ["jp", "jpn", "japan", "日本", "日本国"].contains(&folded.as_str()) {
        return Problem::error(path, say::write_jp(country)).hint(say::write_jp_hint());
    }
    Problem::error(path, say::outside_japan(country)).hint(say::outside_japan_hint())
}

fn prefecture_problem(path: Path, prefecture: &str) -> Problem {
    let stem = |p: &str| p.trim_end_matches(['都', '道', '府', '県']).to_string();
    let meant = PREFECTURES
        .iter()
        .find(|p| !prefecture.is_empty() && stem(p) == stem(prefecture))
        .copied();
    let hint = match meant {
        Some(p) => say::meant_prefecture(p),
        None => say::prefecture_hint(),
    };
    Problem::error(path, say::not_a_prefecture(prefecture)).hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jp(prefecture: Option<&str>, region: Option<&str>) -> Location {
        Location {
            country: "JP".into(),
            prefecture: prefecture.map(Into::into),
            region_id: region.map(Into::into),
        }
    }

    #[test]
    fn japan_written_otherwise_is_told_to_write_jp() {
        for country in ["日本", "Japan", "jp", "ＪＰ"] {
            let location = Location {
                country: country.into(),
                ..jp(Some("東京都"), None)
            };
            let problems = location_problems(Vec::new(), &location);
            assert!(
                problems[0].message.contains("JP と書きます"),
                "{problems:?}"
            );
        }
        let us = Location {
            country: "US".into(),
            ..jp(None, Some("us-east-1"))
        };
        assert!(
            location_problems(Vec::new(), &us)[0]
                .message
                .contains("日本国外")
        );
    }

    #[test]
    fn where_in_japan() {
        assert!(location_problems(Vec::new(), &jp(Some("東京都"), None)).is_empty());
        assert!(location_problems(Vec::new(), &jp(None, Some("ap-northeast-1"))).is_empty());
        assert!(
            location_problems(Vec::new(), &jp(None, None))[0]
                .message
                .contains("国内のどこか")
        );
        let problem = &location_problems(Vec::new(), &jp(Some("大阪"), None))[0];
        assert!(
            problem.hint.as_deref().unwrap().contains("大阪府"),
            "{problem:?}"
        );
        let problem = &location_problems(Vec::new(), &jp(Some("米国バージニア州"), None))[0];
        assert!(problem.message.contains("都道府県の名前ではありません"));
    }
}
