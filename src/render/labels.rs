//! Japanese labels for the enumeration values of the facts file.
//!
//! The facts file uses short ASCII codes (`crypto_erase`); documents print these labels.
//! A few codes occur in more than one enumeration with different meanings (`lgwan` is a
//! line and a segment of the city's network; `vendor` is a holder and a key manager):
//! [`label_in`] takes the enumeration's name for those, [`label`] gives the commonest
//! reading. A test walks the JSON Schema so that no enumeration value is left without one.

/// The label of an enumeration code, if it is one.
pub fn label(code: &str) -> Option<&'static str> {
    Some(match code {
        // 提供形態
        "saas" => "SaaS",
        "paas" => "PaaS",
        "iaas" => "IaaS",
        // 宛名
        "sama" => "様",
        "atesaki" => "（宛先）",
        // 自治体の種類
        "shi" => "市",
        "cho" => "町",
        "son" => "村",
        "ku" => "区",
        "to" => "都",
        "do" => "道",
        "fu" => "府",
        "ken" => "県",
        // 認証・登録
        "ismap" => "ISMAPクラウドサービスリスト",
        "ismap_liu" => "ISMAP-LIUクラウドサービスリスト",
        "iso27001" => "ISO/IEC 27001（ISMS適合性評価制度）",
        "iso27017" => "ISO/IEC 27017（ISMSクラウドセキュリティ認証）",
        "iso27018" => "ISO/IEC 27018",
        "cs_gold_mark" => "CSゴールドマーク",
        "privacy_mark" => "プライバシーマーク",
        "aspic" => "ASPIC情報開示認定",
        "other" => "その他",
        // 保証報告書・根拠資料
        "soc2_type2" => "SOC 2 Type 2報告書",
        "soc1_type2" => "SOC 1 Type 2報告書",
        "ismap_registration" => "ISMAPクラウドサービスリストへの登録",
        "iso_certificate" => "ISO/IEC 27001等の認証",
        "contract_clause" => "契約条項",
        // 本市の確認方法
        "public" => "公開",
        "submitted" => "写しの提出",
        "inspection" => "閲覧",
        "inspection_under_nda" => "秘密保持契約の締結後の閲覧",
        // 事業者の役割
        "datacenter" => "データセンター事業者",
        "mail_delivery" => "メール配信事業者",
        "operations_contractor" => "運用・保守の委託先",
        "support_contractor" => "問合せ窓口の委託先",
        // 本市の承認
        "not_required" => "不要",
        "requested" => "本提出により承認を求める",
        "obtained" => "承認済み",
        // 接続経路を使う者
        "city_staff" => "本市の職員",
        "city_administrators" => "本市の管理者",
        "residents" => "住民等",
        "vendor_operators" => "当社の運用者",
        "subprocessor_staff" => "再委託先の従事者",
        // 本市ネットワークの区分
        "my_number" => "マイナンバー利用事務系",
        // 回線
        "lgwan" => "LGWAN",
        "closed_ip_vpn" => "閉域IP-VPN",
        "dedicated_line" => "専用線",
        "wide_area_ethernet" => "広域イーサネット",
        "internet_vpn" => "インターネットVPN",
        "internet" => "インターネット",
        // 認証
        "saml" => "SAML 2.0",
        "oidc" => "OpenID Connect",
        "password" => "パスワード",
        "pin" => "暗証番号",
        "totp" => "ワンタイムパスワード（TOTP）",
        "sms" => "SMSによるワンタイムパスワード",
        "fido2" => "FIDO2セキュリティキー・パスキー",
        "client_certificate" => "クライアント証明書",
        "hardware_token" => "ハードウェアトークン",
        "biometric" => "生体認証",
        "knowledge" => "知識",
        "possession" => "所持",
        "inherence" => "生体",
        // 鍵管理
        "vendor" => "当社",
        "service" => "本サービス",
        "provider_kms" => "基盤事業者の鍵管理サービスを用いて当社が管理する",
        "city" => "本市",
        // SLA
        "guarantee" => "保証値",
        "target" => "目標値（努力目標）",
        "paper" => "書面に記名押印",
        "electronic" => "電子署名",
        "improvement_plan" => "改善計画の提出",
        "termination" => "契約解除",
        // 出力形式・内容
        "csv" => "CSV",
        "json" => "JSON",
        "xml" => "XML",
        "pdf" => "PDF",
        "data" => "業務データ",
        "attachments" => "添付ファイル",
        "audit_logs" => "監査ログ",
        "settings" => "設定情報",
        "accounts" => "アカウント情報",
        // 削除の範囲
        "production" => "本番環境",
        "replicas" => "複製（レプリカ）",
        "backups" => "バックアップ",
        "logs" => "ログ",
        "dr_site" => "災害対策（DR）サイト",
        "staging" => "検証環境",
        "subprocessors" => "再委託先",
        // 削除の方法と証跡
        "logical_deletion" => "論理削除",
        "crypto_erase" => "暗号化消去（本市専用の暗号鍵の破棄）",
        "backup_expiry" => "保存期間の満了による消滅",
        "media_sanitization" => "記録媒体の消去又は物理的破壊",
        "clear" => "Clear（消去）",
        "purge" => "Purge（除去）",
        "destroy" => "Destroy（破壊）",
        "vendor_certificate" => "当社が発行する削除証明書",
        "party_certificate" => "実施した事業者の証明書又は作業報告書",
        "party_attestation" => "実施した事業者の第三者保証報告書",
        "third_party_report" => "第三者による報告書",
        // 削除証明書の記載事項
        "scope" => "範囲",
        "method" => "方法",
        "date_time" => "日時",
        "operator" => "作業者",
        "tool" => "使用ツールとその版",
        "verification" => "検証結果",
        "subprocessor_certificates" => "再委託先が発行する証明書又は作業報告書",
        // 廃棄の証跡
        "certificate" => "廃棄証明書",
        "photos" => "処理の写真",
        "witness" => "立会いによる確認",
        "work_log" => "作業記録",
        // 設置場所
        "primary" => "本番",
        "backup" => "バックアップ",
        "disaster_recovery" => "災害対策",
        // 不正アクセス防止
        "firewall" => "ファイアウォール",
        "waf" => "WAF",
        "ids_ips" => "IDS/IPS",
        "reverse_proxy" => "リバースプロキシ",
        "ddos_protection" => "DDoS対策",
        // ログの改ざん防止
        "worm" => "書換え不能な保存（WORM）",
        "hash_chain" => "ハッシュチェーン",
        "digital_signature" => "電子署名・タイムスタンプ",
        "separate_storage" => "別環境への転送と権限の分離",
        // 重大な変更の区分（変更届）
        "status" => "別表の行の対応状況",
        "sla" => "サービスレベル（SLA）",
        "data_location" => "情報資産の設置場所",
        "parties" => "再委託先・基盤事業者",
        "deletion" => "利用終了時の削除",
        "certifications" => "認証・登録と保証報告書",
        "access_paths" => "接続経路と認証",
        "encryption" => "暗号化と鍵管理",
        _ => return None,
    })
}

/// The label of a code within one enumeration, where the code means something else in
/// another; falls back to [`label`].
pub fn label_in(enumeration: &str, code: &str) -> Option<&'static str> {
    let specific = match (enumeration, code) {
        ("segment", "lgwan") => Some("LGWAN接続系"),
        ("segment", "internet") => Some("インターネット接続系"),
        ("role", "iaas") => Some("IaaS事業者"),
        ("role", "paas") => Some("PaaS事業者"),
        ("role", "other") => Some("その他"),
        ("key_management", "vendor") => Some("当社が管理する"),
        ("key_management", "city") => Some("本市が管理する"),
        ("evidence", "other") => Some("その他の資料"),
        ("attestation", "other") => Some("その他の保証報告書"),
        ("remedy", "other") => Some("その他の措置"),
        ("format", "other") => Some("その他の形式"),
        ("certificate_item", "target") => Some("対象"),
        _ => None,
    };
    specific.or_else(|| label(code))
}

/// The enumerations whose codes [`label_in`] reads differently from [`label`].
pub const ENUMERATIONS: &[&str] = &[
    "segment",
    "role",
    "key_management",
    "evidence",
    "attestation",
    "remedy",
    "format",
    "certificate_item",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_codes_read_by_enumeration() {
        assert_eq!(label("lgwan"), Some("LGWAN"));
        assert_eq!(label_in("segment", "lgwan"), Some("LGWAN接続系"));
        assert_eq!(label_in("line", "lgwan"), Some("LGWAN"));
        assert_eq!(label_in("key_management", "vendor"), Some("当社が管理する"));
        assert_eq!(label_in("role", "iaas"), Some("IaaS事業者"));
        assert_eq!(label_in("segment", "nonsense"), None);
    }
}
