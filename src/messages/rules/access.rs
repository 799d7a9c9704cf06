//! `facts::validate::access`.

use crate::messages::pick;

crate::messages! {
    fn no_city_path() {
        ja: "本市の職員又は管理者が利用する接続経路がありません",
        en: "no access path is used by the city's staff or administrators",
    }
    fn no_city_path_hint() {
        ja: "users: city_staff（又は city_administrators）の経路を書き、本市のネットワークの区分（city_segment）と回線（line）を示してください",
        en: "write a path with users: city_staff (or city_administrators), giving the segment of the city's network (city_segment) and the line (line)",
    }
    fn no_operator_path() {
        ja: "当社の運用者が保守に使う接続経路がありません",
        en: "no access path is used by the vendor's operators for maintenance",
    }
    fn no_operator_path_hint() {
        ja: "運用者がサーバ等を保守する経路（users: vendor_operators）を、回線と認証とともに書いてください。本市はその経路の多要素認証（TEC-18）も審査します",
        en: "write the path operators use to maintain the servers (users: vendor_operators) with its line and sign-in. The city reviews its multi-factor authentication (TEC-18) too",
    }
    fn no_segment(name: &str) {
        ja: "経路「{name}」に本市ネットワークの区分（city_segment）がありません",
        en: "the path 「{name}」 has no segment of the city's network (city_segment)",
    }
    fn no_segment_hint() {
        ja: "my_number（マイナンバー利用事務系）、lgwan（LGWAN接続系）、internet（インターネット接続系）のどれかを書いてください",
        en: "write my_number (the My Number segment), lgwan (the LGWAN segment) or internet (the internet segment)",
    }
    fn segment_not_for_this_path(name: &str) {
        ja: "経路「{name}」は本市の職員・管理者の経路ではないため、city_segment は書きません",
        en: "the path 「{name}」 is not used by the city's staff or administrators, so it has no city_segment",
    }
    fn remove_segment_hint() {
        ja: "city_segment を削除してください",
        en: "remove city_segment",
    }
    fn no_party(name: &str) {
        ja: "経路「{name}」の再委託先（party）がありません",
        en: "the path 「{name}」 names no subcontractor (party)",
    }
    fn no_party_hint() {
        ja: "その従事者が属する事業者の parties のキーを party: に書いてください",
        en: "write under party: the parties key of the company those staff belong to",
    }
    fn party_not_for_this_path(name: &str) {
        ja: "経路「{name}」は再委託先の従事者の経路ではないため、party は書きません",
        en: "the path 「{name}」 is not used by a subcontractor's staff, so it has no party",
    }
    fn party_not_for_this_path_hint() {
        ja: "party を削除するか、users を subprocessor_staff にしてください",
        en: "remove party, or set users to subprocessor_staff",
    }
    fn no_sign_in(name: &str) {
        ja: "経路「{name}」の認証の方法がありません",
        en: "the path 「{name}」 states no way of signing in",
    }
    fn no_sign_in_hint() {
        ja: "factors（例: [password, totp]）か identity_provider（本市の認証基盤への委任）を書いてください",
        en: "write factors (e.g. [password, totp]) or identity_provider (sign-in delegated to the city's identity provider)",
    }
    fn mfa_idp_hint() {
        ja: "認証基盤の側で多要素認証を必須にし、mfa_enforced: true と書くか、本サービスで種類の異なる二つの要素を求めてください",
        en: "make multi-factor authentication mandatory at the identity provider and write mfa_enforced: true, or have the service ask for two factors of different kinds",
    }
    fn mfa_factors_hint() {
        ja: "知識（password、pin）・所持（totp、fido2、client_certificate 等）・生体（biometric）のうち、種類の異なる二つ以上の要素を求めてください（例: [password, totp]）",
        en: "ask for two or more factors of different kinds among knowledge (password, pin), possession (totp, fido2, client_certificate…) and inherence (biometric), e.g. [password, totp]",
    }
    fn mfa_needed(name: &str, line: &str) {
        ja: "経路「{name}」は閉域網ではない回線（{line}）のため多要素認証が必要ですが、種類の異なる二つの要素がありません",
        en: "the path 「{name}」 runs over a line that is not closed ({line}), so it needs multi-factor authentication, but it has no two factors of different kinds",
    }
    fn line() {
        ja: "回線",
        en: "line",
    }
    fn internet_segment_on_closed_line(name: &str, line: &str) {
        ja: "経路「{name}」はインターネット接続系からの利用なのに、回線が閉域網（{line}）になっています",
        en: "the path 「{name}」 starts in the internet segment, yet its line is closed ({line})",
    }
    fn internet_segment_on_closed_line_hint() {
        ja: "インターネット接続系の端末は、インターネットを経由して外部のサービスを利用します。閉域網で接続しているなら、その端末はLGWAN接続系（lgwan）かマイナンバー利用事務系（my_number）です。区分か回線を確かめてください",
        en: "terminals of the internet segment reach outside services over the internet. Terminals connected over a closed network belong to the LGWAN segment (lgwan) or the My Number segment (my_number). Check the segment or the line",
    }
    fn my_number_over_internet(name: &str, line: &str) {
        ja: "経路「{name}」はマイナンバー利用事務系からインターネット（{line}）を経由しています",
        en: "the path 「{name}」 goes from the My Number segment over the internet ({line})",
    }
    fn my_number_over_internet_hint() {
        ja: "マイナンバー利用事務系はインターネットから分離された区分です。閉域網の回線で接続する必要があります",
        en: "the My Number segment is separated from the internet; it must connect over a closed line",
    }
    fn alpha_prime(name: &str) {
        ja: "経路「{name}」はLGWAN接続系の端末からインターネットを経由して利用する経路（α′モデル）で、閉域網ではありません",
        en: "the path 「{name}」 reaches the service from LGWAN-segment terminals over the internet (the α′ model): it is not a closed network",
    }
    fn alpha_prime_hint() {
        ja: "LGWAN接続系からの利用でも、インターネットを経由する経路は閉域網ではありません。TEC-17 を満たさず、TEC-18 の閉域網による適用除外も受けられません（多要素認証が必要です）。LGWAN-ASP 等の閉域網で提供するか、TEC-17 を partial・planned・alternative に書いてください",
        en: "even from the LGWAN segment, a path over the internet is not a closed network: it does not meet TEC-17 and gets no closed-network exemption from TEC-18 (multi-factor authentication is needed). Offer the service over a closed network such as LGWAN-ASP, or declare TEC-17 under partial, planned or alternative",
    }
    fn city_path_not_closed(name: &str, line: &str) {
        ja: "経路「{name}」は本市のネットワークからの接続に閉域網ではない回線（{line}）を使っています",
        en: "the path 「{name}」 connects from the city's network over a line that is not closed ({line})",
    }
    fn city_path_not_closed_hint() {
        ja: "TEC-17 は本市のネットワークとの接続に閉域網（LGWAN、閉域IP-VPN、専用線、広域イーサネット）を求めます。インターネットVPNは閉域網ではありません。閉域網にするか、TEC-17 を partial・planned・alternative に書いてください",
        en: "TEC-17 asks for a closed network (LGWAN, closed IP-VPN, a dedicated line, wide-area Ethernet) to the city's network; an internet VPN is not one. Use a closed network, or declare TEC-17 under partial, planned or alternative",
    }
    fn lgwan_without_asp(name: &str) {
        ja: "経路「{name}」は LGWAN ですが、service.lgwan_asp（LGWAN-ASP の登録）がありません",
        en: "the path 「{name}」 runs over LGWAN, but service.lgwan_asp (the LGWAN-ASP registration) is missing",
    }
    fn lgwan_without_asp_hint() {
        ja: "LGWAN 経由でサービスを提供するには LGWAN-ASP としての登録（J-LIS）が要ります。service.lgwan_asp に登録名を書いてください",
        en: "offering a service over LGWAN needs registration as an LGWAN-ASP (with J-LIS). Write the registered name under service.lgwan_asp",
    }
    fn unused_passwords() {
        ja: "どの接続経路もパスワードを認証要素に使っていませんが、passwords が書かれています",
        en: "no access path uses a password as a factor, yet passwords is written",
    }
    fn unused_passwords_hint() {
        ja: "パスワードを使う経路があれば、その経路の factors に password を書いてください。使わないなら passwords を削除します（TEC-12 は自動的に対象外になります）",
        en: "if a path uses passwords, add password to its factors. If none does, remove passwords (TEC-12 then becomes not applicable by itself)",
    }
}

/// A city segment's name, beside the line that contradicts it.
pub fn segment(key: &str) -> &'static str {
    match key {
        "internet" => pick("インターネット接続系", "internet segment"),
        "my_number" => pick("マイナンバー利用事務系", "My Number segment"),
        _ => pick("LGWAN接続系", "LGWAN segment"),
    }
}

/// A line's name.
pub fn line_name(line: crate::facts::model::Line) -> &'static str {
    use crate::facts::model::Line::*;
    match line {
        Lgwan => "LGWAN",
        ClosedIpVpn => pick("閉域IP-VPN", "closed IP-VPN"),
        DedicatedLine => pick("専用線", "dedicated line"),
        WideAreaEthernet => pick("広域イーサネット", "wide-area Ethernet"),
        InternetVpn => pick("インターネットVPN", "internet VPN"),
        Internet => pick("インターネット", "internet"),
    }
}
