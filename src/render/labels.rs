//! Japanese labels for the enumeration values of the facts file.
//!
//! The facts file uses short ASCII codes (`crypto_erase`); documents print these labels.
//! A test walks the JSON Schema so that no enumeration value is left without one.

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
        // 認証・登録
        "ismap" => "ISMAPクラウドサービスリスト",
        "ismap_liu" => "ISMAP-LIUクラウドサービスリスト",
        "iso27001" => "ISO/IEC 27001（ISMS適合性評価制度）",
        "iso27017" => "ISO/IEC 27017（ISMSクラウドセキュリティ認証）",
        "iso27018" => "ISO/IEC 27018",
        "soc2_type2" => "SOC 2 Type 2報告書",
        "cs_gold_mark" => "CSゴールドマーク",
        "privacy_mark" => "プライバシーマーク",
        "aspic" => "ASPIC情報開示認定",
        "other" => "その他",
        // 出力形式・内容
        "csv" => "CSV",
        "json" => "JSON",
        "xml" => "XML",
        "pdf" => "PDF",
        "data" => "業務データ",
        "attachments" => "添付ファイル",
        "audit_logs" => "監査ログ",
        "settings" => "設定情報",
        "accounts" => "利用者情報",
        // 削除の範囲
        "production" => "本番環境",
        "replicas" => "複製（レプリカ）",
        "backups" => "バックアップ",
        "logs" => "ログ",
        "dr_site" => "災害対策（DR）サイト",
        "staging" => "検証環境",
        "subprocessors" => "再委託先",
        // NIST SP 800-88
        "clear" => "Clear（消去）",
        "purge" => "Purge（除去）",
        "destroy" => "Destroy（破壊）",
        "crypto_erase" => "暗号化消去（暗号鍵の破棄）",
        "overwrite" => "上書き消去",
        "sanitize_command" => "サニタイズコマンド",
        "physical_destruction" => "物理的破壊",
        "provider_attestation" => "基盤事業者による証明",
        // 削除証明書の記載事項
        "target" => "対象",
        "scope" => "範囲",
        "method" => "方法",
        "date_time" => "日時",
        "operator" => "作業者",
        "tool" => "使用ツールとバージョン",
        "verification" => "検証結果",
        "subprocessor_certificates" => "再委託先の証明書",
        // 機器の所有者・証跡
        "vendor" => "当社",
        "iaas_provider" => "IaaS事業者",
        "datacenter_operator" => "データセンター事業者",
        "certificate" => "廃棄証明書",
        "photos" => "写真",
        "witness" => "立会い",
        "attestation_report" => "第三者保証報告書",
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
        // 不正プログラム対策
        "own" => "当社が実施",
        "delegated" => "他の外部サービスが実施（当社は協力）",
        // 回線
        "lgwan" => "LGWAN",
        "dedicated_line" => "専用線",
        "wide_area_ethernet" => "広域イーサネット",
        "closed_ip_vpn" => "閉域IP-VPN",
        "internet" => "インターネット",
        // 認証要素
        "password" => "パスワード",
        "totp" => "ワンタイムパスワード（TOTP）",
        "fido2" => "FIDO2セキュリティキー・パスキー",
        "client_certificate" => "クライアント証明書",
        "sms" => "SMS",
        "biometric" => "生体認証",
        // SLA 未達時の措置
        "service_credit" => "サービスクレジット",
        "fee_reduction" => "利用料の減額",
        "improvement_plan" => "改善計画の提出",
        "termination" => "契約解除",
        _ => return None,
    })
}
