//! Access paths (TEC-12, TEC-13, TEC-17, TEC-18), judged path by path: who uses the
//! path, from which segment of the city's network, over which line, signing in how.
//!
//! A closed line exempts a path from MFA (TEC-18) and meets TEC-17; the internet and an
//! internet VPN do neither. Under the α′ model (令和6年10月), LGWAN接続系 terminals reach a
//! SaaS over the internet: such a path is not closed, whatever segment it starts from.

use super::is_declared_unmet;
use crate::diagnostic::Problem;
use crate::facts::model::{AccessPath, CitySegment, Facts, Line, PathUsers};
use crate::path;
use crate::yaml::Path;

pub fn check(facts: &Facts) -> Vec<Problem> {
    if facts.access_paths.is_empty() {
        return Vec::new(); // the rows are unanswered
    }
    let mut problems = coverage(facts);
    for (i, path) in facts.access_paths.iter().enumerate() {
        problems.extend(who(i, path));
        problems.extend(authentication(facts, i, path));
        problems.extend(line(facts, i, path));
    }
    problems.extend(lgwan_asp(facts));
    problems.extend(unused_passwords(facts));
    problems
}

fn at(i: usize, key: &str) -> Path {
    path!["access_paths", i, key]
}

/// The table is about the city's use: a city path must exist. The vendor's own
/// operators reach the service too, and the city wants to see how.
fn coverage(facts: &Facts) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !facts.access_paths.iter().any(|p| p.users.is_city()) {
        problems.push(
            Problem::error(path!["access_paths"], "本市の職員又は管理者が利用する接続経路がありません")
                .row("TEC-17")
                .hint("users: city_staff（又は city_administrators）の経路を書き、本市のネットワークの区分（city_segment）と回線（line）を示してください"),
        );
    }
    if !facts
        .access_paths
        .iter()
        .any(|p| p.users == PathUsers::VendorOperators)
    {
        problems.push(
            Problem::warning(path!["access_paths"], "当社の運用者が保守に使う接続経路がありません")
                .row("TEC-18")
                .hint("運用者がサーバ等を保守する経路（users: vendor_operators）を、回線と認証とともに書いてください。本市はその経路の多要素認証（TEC-18）も審査します"),
        );
    }
    problems
}

/// Who uses the path: the city's segment for city paths only, the party for
/// sub-processor staff only.
fn who(i: usize, path: &AccessPath) -> Vec<Problem> {
    let mut problems = Vec::new();
    match (path.users.is_city(), path.city_segment) {
        (true, None) => problems.push(
            Problem::error(at(i, "users"), format!("経路「{}」に本市ネットワークの区分（city_segment）がありません", path.name))
                .row("TEC-17")
                .hint("my_number（マイナンバー利用事務系）、lgwan（LGWAN接続系）、internet（インターネット接続系）のどれかを書いてください"),
        ),
        (false, Some(_)) => problems.push(
            Problem::error(at(i, "city_segment"), format!("経路「{}」は本市の職員・管理者の経路ではないため、city_segment は書きません", path.name))
                .row("TEC-17")
                .hint("city_segment を削除してください"),
        ),
        _ => {}
    }
    match (path.users == PathUsers::SubprocessorStaff, &path.party) {
        (true, None) => problems.push(
            Problem::error(
                at(i, "users"),
                format!("経路「{}」の再委託先（party）がありません", path.name),
            )
            .row("TEC-13")
            .hint("その従事者が属する事業者の parties のキーを party: に書いてください"),
        ),
        (false, Some(_)) => problems.push(
            Problem::error(
                at(i, "party"),
                format!(
                    "経路「{}」は再委託先の従事者の経路ではないため、party は書きません",
                    path.name
                ),
            )
            .row("TEC-13")
            .hint("party を削除するか、users を subprocessor_staff にしてください"),
        ),
        _ => {}
    }
    problems
}

/// Sign-in exists, and is multi-factor wherever TEC-18 judges the path and no closed
/// line exempts it.
fn authentication(facts: &Facts, i: usize, path: &AccessPath) -> Option<Problem> {
    let auth = &path.authentication;
    if auth.factors.is_empty() && auth.identity_provider.is_none() {
        return Some(
            Problem::error(at(i, "authentication"), format!("経路「{}」の認証の方法がありません", path.name))
                .row("TEC-18")
                .hint("factors（例: [password, totp]）か identity_provider（本市の認証基盤への委任）を書いてください"),
        );
    }
    let judged = path.users.judged_for_mfa() && !path.line.is_closed();
    if !judged || auth.is_multi_factor() || is_declared_unmet(facts, "TEC-18") {
        return None;
    }
    let hint = if auth.identity_provider.is_some() {
        "認証基盤の側で多要素認証を必須にし、mfa_enforced: true と書くか、本サービスで種類の異なる二つの要素を求めてください"
    } else {
        "知識（password、pin）・所持（totp、fido2、client_certificate 等）・生体（biometric）のうち、種類の異なる二つ以上の要素を求めてください（例: [password, totp]）"
    };
    Some(
        Problem::error(
            at(i, "authentication"),
            format!(
                "経路「{}」は閉域網ではない回線（{}）のため多要素認証が必要ですが、種類の異なる二つの要素がありません",
                path.name,
                line_name(path)
            ),
        )
        .also(at(i, "line"), "回線")
        .row("TEC-18")
        .hint(hint),
    )
}

fn line_name(path: &AccessPath) -> &'static str {
    match path.line {
        Line::Lgwan => "LGWAN",
        Line::ClosedIpVpn => "閉域IP-VPN",
        Line::DedicatedLine => "専用線",
        Line::WideAreaEthernet => "広域イーサネット",
        Line::InternetVpn => "インターネットVPN",
        Line::Internet => "インターネット",
    }
}

/// TEC-17: the city's paths run over a closed network, and the segment they start from
/// agrees with the line.
fn line(facts: &Facts, i: usize, path: &AccessPath) -> Option<Problem> {
    if !path.users.is_city() {
        return None;
    }
    let closed = path.line.is_closed();
    let problem = match path.city_segment? {
        CitySegment::Internet if closed => Problem::error(
            at(i, "line"),
            format!("経路「{}」はインターネット接続系からの利用なのに、回線が閉域網（{}）になっています", path.name, line_name(path)),
        )
        .also(at(i, "city_segment"), "インターネット接続系")
        .hint("インターネット接続系の端末は、インターネットを経由して外部のサービスを利用します。閉域網で接続しているなら、その端末はLGWAN接続系（lgwan）かマイナンバー利用事務系（my_number）です。区分か回線を確かめてください"),
        CitySegment::MyNumber if !closed => Problem::error(
            at(i, "line"),
            format!("経路「{}」はマイナンバー利用事務系からインターネット（{}）を経由しています", path.name, line_name(path)),
        )
        .also(at(i, "city_segment"), "マイナンバー利用事務系")
        .hint("マイナンバー利用事務系はインターネットから分離された区分です。閉域網の回線で接続する必要があります"),
        CitySegment::Lgwan if path.line == Line::Internet && !is_declared_unmet(facts, "TEC-17") => Problem::error(
            at(i, "line"),
            format!("経路「{}」はLGWAN接続系の端末からインターネットを経由して利用する経路（α′モデル）で、閉域網ではありません", path.name),
        )
        .also(at(i, "city_segment"), "LGWAN接続系")
        .hint("LGWAN接続系からの利用でも、インターネットを経由する経路は閉域網ではありません。TEC-17 を満たさず、TEC-18 の閉域網による適用除外も受けられません（多要素認証が必要です）。LGWAN-ASP 等の閉域網で提供するか、TEC-17 を partial・planned・alternative に書いてください"),
        _ if !closed && !is_declared_unmet(facts, "TEC-17") => Problem::error(
            at(i, "line"),
            format!("経路「{}」は本市のネットワークからの接続に閉域網ではない回線（{}）を使っています", path.name, line_name(path)),
        )
        .hint("TEC-17 は本市のネットワークとの接続に閉域網（LGWAN、閉域IP-VPN、専用線、広域イーサネット）を求めます。インターネットVPNは閉域網ではありません。閉域網にするか、TEC-17 を partial・planned・alternative に書いてください"),
        _ => return None,
    };
    Some(problem.row("TEC-17"))
}

/// Offering a service over LGWAN is registering it as an LGWAN-ASP with J-LIS.
fn lgwan_asp(facts: &Facts) -> Option<Problem> {
    if facts.service.lgwan_asp.is_some() {
        return None;
    }
    let (i, path) = facts
        .access_paths
        .iter()
        .enumerate()
        .find(|(_, p)| p.line == Line::Lgwan)?;
    Some(
        Problem::warning(
            at(i, "line"),
            format!("経路「{}」は LGWAN ですが、service.lgwan_asp（LGWAN-ASP の登録）がありません", path.name),
        )
        .row("TEC-17")
        .hint("LGWAN 経由でサービスを提供するには LGWAN-ASP としての登録（J-LIS）が要ります。service.lgwan_asp に登録名を書いてください"),
    )
}

/// Password rules for a service that checks no password describe nothing.
fn unused_passwords(facts: &Facts) -> Option<Problem> {
    (facts.passwords.is_some() && !facts.uses_passwords()).then(|| {
        Problem::warning(
            path!["passwords"],
            "どの接続経路もパスワードを認証要素に使っていませんが、passwords が書かれています",
        )
        .row("TEC-12")
        .hint("パスワードを使う経路があれば、その経路の factors に password を書いてください。使わないなら passwords を削除します（TEC-12 は自動的に対象外になります）")
    })
}
