//! The customary items of an SLA (経済産業省「SaaS向けSLAガイドライン」 and municipal
//! practice; `../shared/DOCUMENTS.md` §4) and whether the facts state each.
//!
//! The SLA draft states every item the facts fill and lists the others in its closing
//! article 「別途協議事項」, so that no customary item is silently absent. The template
//! asks this list (`sla.stated.KEY`) before printing an item, so the list and the
//! document cannot disagree.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::facts::Facts;
use crate::facts::model::{CityApproval, Commitment, PartyRole, RemedyKind, Sla};

/// One customary item: its key for the template, its name, and whether the facts state it.
pub struct SlaItem {
    pub key: &'static str,
    pub group: &'static str,
    pub name: &'static str,
    pub stated: fn(&Facts) -> bool,
}

fn sla(facts: &Facts) -> Option<&Sla> {
    facts.sla.as_ref()
}

fn has_remedy(facts: &Facts, kind: RemedyKind) -> bool {
    let same = |r: &&crate::facts::model::Remedy| {
        std::mem::discriminant(&r.kind) == std::mem::discriminant(&kind)
    };
    sla(facts).is_some_and(|s| s.remedies.iter().any(|r| same(&r)))
}

/// Every customary item, in the order of DOCUMENTS.md §4.
#[rustfmt::skip]
pub const ITEMS: &[SlaItem] = &[
    // 可用性
    SlaItem { key: "service_hours", group: "可用性", name: "サービス提供時間", stated: |f| sla(f).is_some() },
    SlaItem { key: "planned_outage", group: "可用性", name: "計画停止の予定通知（通知の時期、時間帯及び上限時間）", stated: |f| sla(f).is_some_and(|s| s.planned_outage.is_some()) },
    SlaItem { key: "emergency_maintenance", group: "可用性", name: "緊急メンテナンスの扱い", stated: |f| sla(f).is_some_and(|s| s.emergency_maintenance.is_some()) },
    SlaItem { key: "service_end_notice", group: "可用性", name: "サービス提供終了時の事前通知", stated: |f| sla(f).is_some_and(|s| s.service_end_notice_months.is_some()) },
    SlaItem { key: "sudden_stop", group: "可用性", name: "突然のサービス提供停止に対する対処", stated: |_| false },
    SlaItem { key: "availability", group: "可用性", name: "サービス稼働率（水準、算定式、除外する時間及び測定期間）", stated: |f| sla(f).is_some_and(|s| s.availability.is_some()) },
    SlaItem { key: "disaster_recovery", group: "可用性", name: "ディザスタリカバリ", stated: |f| sla(f).is_some_and(|s| !s.recovery.is_empty()) },
    SlaItem { key: "fallback", group: "可用性", name: "重大障害時の代替手段", stated: |_| false },
    SlaItem { key: "fallback_format", group: "可用性", name: "代替手段で提供するデータの形式", stated: |_| false },
    SlaItem { key: "upgrade_policy", group: "可用性", name: "アップグレードの方針", stated: |_| false },
    // 信頼性
    SlaItem { key: "mttr", group: "信頼性", name: "平均復旧時間（MTTR）", stated: |f| sla(f).is_some_and(|s| s.mttr.is_some()) },
    SlaItem { key: "rto", group: "信頼性", name: "障害の想定ごとの目標復旧時間（RTO）", stated: |f| sla(f).is_some_and(|s| !s.recovery.is_empty()) },
    SlaItem { key: "incident_count", group: "信頼性", name: "障害発生件数", stated: |_| false },
    SlaItem { key: "severity_levels", group: "信頼性", name: "障害レベルの定義", stated: |_| false },
    SlaItem { key: "monitoring", group: "信頼性", name: "監視の基準と間隔", stated: |f| f.monitoring.is_some() },
    SlaItem { key: "outage_notice", group: "信頼性", name: "障害通知の手順と時間", stated: |f| f.monitoring.is_some() },
    SlaItem { key: "recovery_notice", group: "信頼性", name: "復旧の通知", stated: |f| sla(f).is_some_and(|s| s.recovery_notice.is_some()) },
    SlaItem { key: "progress_report", group: "信頼性", name: "障害対応中の経過報告の間隔", stated: |f| sla(f).is_some_and(|s| s.progress_report_interval.is_some()) },
    SlaItem { key: "status_report", group: "信頼性", name: "サービス提供状況の報告（方法及び間隔）", stated: |f| sla(f).is_some_and(|s| s.reporting.is_some()) },
    SlaItem { key: "logs", group: "信頼性", name: "ログの取得", stated: |f| f.logging.is_some() },
    // 性能・拡張性
    SlaItem { key: "response_time", group: "性能・拡張性", name: "応答時間（水準、割合及び測定の地点）", stated: |f| sla(f).is_some_and(|s| s.response_time.is_some()) },
    SlaItem { key: "concurrent_users", group: "性能・拡張性", name: "同時接続利用者数", stated: |f| sla(f).and_then(|s| s.limits.as_ref()).is_some_and(|l| l.concurrent_users.is_some()) },
    SlaItem { key: "resource_limits", group: "性能・拡張性", name: "提供リソースの上限（保存容量、アカウント数）", stated: |f| sla(f).and_then(|s| s.limits.as_ref()).is_some_and(|l| l.storage.is_some() || l.accounts.is_some()) },
    SlaItem { key: "external_connectivity", group: "性能・拡張性", name: "外部接続性（他のシステムとの連携）", stated: |_| false },
    // サポート
    SlaItem { key: "support_hours", group: "サポート", name: "障害対応及び一般問合せの受付時間帯", stated: |f| sla(f).is_some_and(|s| s.support.is_some()) },
    SlaItem { key: "first_response", group: "サポート", name: "一次回答の時間", stated: |f| sla(f).and_then(|s| s.support.as_ref()).is_some_and(|s| s.first_response.is_some()) },
    // データ管理
    SlaItem { key: "backup", group: "データ管理", name: "バックアップの方法、取得の時期、世代数、保存期間及び保管場所", stated: |f| sla(f).is_some_and(|s| s.backup.is_some()) },
    SlaItem { key: "restore", group: "データ管理", name: "甲の依頼による復元", stated: |f| sla(f).is_some_and(|s| s.restore_on_request.is_some()) },
    SlaItem { key: "encryption", group: "データ管理", name: "データ保護のための暗号化（通信時・保管時）と鍵の管理", stated: |f| f.encryption.is_some() },
    SlaItem { key: "data_return", group: "データ管理", name: "解約時のデータ返却（形式、文字コード及び期間）", stated: |f| f.exit.is_some() },
    SlaItem { key: "data_return_fee", group: "データ管理", name: "解約時のデータ返却の費用", stated: |f| sla(f).is_some_and(|s| s.data_return_fee.is_some()) },
    SlaItem { key: "data_deletion", group: "データ管理", name: "データ消去（期限、方法及び証明）", stated: |f| f.exit.is_some() },
    // セキュリティ
    SlaItem { key: "certifications", group: "セキュリティ", name: "公的認証・第三者評価", stated: |f| f.own_certifications().next().is_some() },
    SlaItem { key: "handlers", group: "セキュリティ", name: "情報取扱者の制限", stated: |_| false },
    SlaItem { key: "traceability", group: "セキュリティ", name: "インシデント時の追跡可能性（デジタル証拠の提供）", stated: |f| f.forensics.is_some() },
    SlaItem { key: "malware", group: "セキュリティ", name: "ウイルス対策", stated: |f| f.malware.is_some() },
    SlaItem { key: "media", group: "セキュリティ", name: "記録媒体の安全対策", stated: |f| f.disposal.is_some() },
    SlaItem { key: "data_location", group: "セキュリティ", name: "データの保管場所", stated: |f| f.data_location.is_some() },
    // 未達時の措置
    SlaItem { key: "service_credits", group: "未達時の措置", name: "減額（サービスクレジット）の条件、率、上限及び請求の手続", stated: |f| sla(f).is_some_and(|s| s.service_credits.is_some()) },
    SlaItem { key: "improvement_plan", group: "未達時の措置", name: "改善計画の提出", stated: |f| has_remedy(f, RemedyKind::ImprovementPlan) },
    SlaItem { key: "termination", group: "未達時の措置", name: "サービスレベルの未達による契約の解除", stated: |f| has_remedy(f, RemedyKind::Termination) },
    SlaItem { key: "liability", group: "未達時の措置", name: "損害賠償とその上限", stated: |f| sla(f).is_some_and(|s| s.liability_limit.is_some()) },
    // 運営
    SlaItem { key: "reporting", group: "運営", name: "定期報告", stated: |f| sla(f).is_some_and(|s| s.reporting.is_some()) },
    SlaItem { key: "review_meeting", group: "運営", name: "見直しの会議", stated: |f| sla(f).and_then(|s| s.reporting.as_ref()).is_some_and(|r| r.review_meeting.is_some()) },
    SlaItem { key: "change_consent", group: "運営", name: "重大な変更の報告と甲の同意", stated: |f| f.change_notice.is_some() },
    SlaItem { key: "validity", group: "運営", name: "本合意の有効期間", stated: |f| sla(f).is_some_and(|s| s.validity.is_some()) },
];

/// Listed for discussion when a planned outage is stated without its maximum.
pub const PLANNED_OUTAGE_MAXIMUM: &str = "計画停止の上限時間（1か月当たり）";

/// Which items the facts state (by key) and the names of those they do not.
#[derive(Debug, Clone, Serialize)]
pub struct SlaCoverage {
    pub stated: BTreeMap<&'static str, bool>,
    pub missing: Vec<&'static str>,
    /// Whether any figure is a guarantee (保証値) or a target (目標値): the definitions
    /// the agreement needs.
    pub has_guarantee: bool,
    pub has_target: bool,
    /// The shortest log retention, in months: what the agreement can promise for every kind.
    pub log_months_min: Option<u32>,
    /// Whether the agreement's vendor text speaks of 平日, which it then defines.
    pub mentions_weekdays: bool,
    /// Whether the credit cap only repeats the top tier's rate: then it is stated once, in
    /// the tier.
    pub credit_cap_repeated: bool,
    /// Whether the vendor's own exclusions from availability speak of emergency
    /// maintenance: then their wording governs, and the template does not say that it
    /// counts as a stop.
    pub emergency_excluded: bool,
    /// The parties whose subcontracting the city is asked to approve with this submission:
    /// the agreement records the approval.
    pub approval_requested: Vec<String>,
    /// The one IaaS or PaaS party, which the agreement's texts call 基盤事業者 (the key
    /// management wording does): defined where the parties are listed.
    pub platform_party: Option<String>,
}

impl SlaCoverage {
    pub fn new(facts: &Facts) -> SlaCoverage {
        let stated = ITEMS.iter().map(|i| (i.key, (i.stated)(facts))).collect();
        let mut missing: Vec<&'static str> = ITEMS
            .iter()
            .filter(|i| !(i.stated)(facts))
            .map(|i| i.name)
            .collect();
        // A planned outage counts as stated, but its maximum may be left open: then the
        // maximum is for discussion.
        if sla(facts)
            .and_then(|s| s.planned_outage.as_ref())
            .is_some_and(|o| o.max_hours_per_month.is_none())
        {
            let at = ITEMS
                .iter()
                .filter(|i| !(i.stated)(facts))
                .take_while(|i| i.key != "planned_outage")
                .count();
            missing.insert(at.min(missing.len()), PLANNED_OUTAGE_MAXIMUM);
        }
        let commitments = commitments(facts);
        SlaCoverage {
            stated,
            missing,
            has_guarantee: commitments.contains(&Commitment::Guarantee),
            has_target: commitments.contains(&Commitment::Target),
            log_months_min: facts
                .logging
                .as_ref()
                .and_then(|l| l.kinds.iter().map(|k| k.retention_months).min()),
            mentions_weekdays: sla(facts)
                .is_some_and(|s| serde_json::to_string(s).is_ok_and(|text| text.contains("平日"))),
            credit_cap_repeated: sla(facts)
                .and_then(|s| s.service_credits.as_ref())
                .is_some_and(|c| cap_repeats_a_tier(&c.cap, &c.tiers)),
            emergency_excluded: sla(facts)
                .and_then(|s| s.availability.as_ref())
                .is_some_and(|a| a.exclusions.iter().any(|e| e.contains("緊急"))),
            approval_requested: facts
                .parties
                .iter()
                .filter(|p| p.city_approval == CityApproval::Requested)
                .map(|p| p.name.trim().to_string())
                .collect(),
            platform_party: platform_party(facts),
        }
    }
}

/// The name of the party the service runs on, when there is exactly one: with two, 「基盤
/// 事業者」 would not say which.
fn platform_party(facts: &Facts) -> Option<String> {
    let mut platforms = facts
        .parties
        .iter()
        .filter(|p| matches!(p.role, PartyRole::Iaas | PartyRole::Paas));
    let first = platforms.next()?;
    platforms
        .next()
        .is_none()
        .then(|| first.name.trim().to_string())
}

/// Whether the cap is the rate some tier already ends with (「…当該月の月額利用料の50%」 and
/// a cap of 「当該月の月額利用料の50%」): a cap no tier exceeds says nothing new.
fn cap_repeats_a_tier(cap: &str, tiers: &[String]) -> bool {
    let trim = |s: &str| s.trim().trim_end_matches('。').trim().to_string();
    let cap = trim(cap);
    !cap.is_empty() && tiers.iter().any(|t| trim(t).ends_with(&cap))
}

/// The commitment of every figure the SLA states.
fn commitments(facts: &Facts) -> Vec<Commitment> {
    let Some(s) = sla(facts) else {
        return Vec::new();
    };
    let mut out: Vec<Commitment> = Vec::new();
    out.extend(s.availability.as_ref().map(|a| a.commitment));
    out.extend(s.recovery.iter().map(|r| r.commitment));
    for figure in [&s.mttr, &s.recovery_notice, &s.progress_report_interval] {
        out.extend(figure.as_ref().map(|f| f.commitment));
    }
    out.extend(s.response_time.as_ref().map(|r| r.commitment));
    out.extend(
        s.support
            .as_ref()
            .and_then(|u| u.first_response.as_ref())
            .map(|f| f.commitment),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cap_equal_to_a_tier_is_a_repetition() {
        let tiers = [
            "稼働率が99.0%未満の場合は、当該月の月額利用料の10%".to_string(),
            "稼働率が95.0%未満の場合は、当該月の月額利用料の50%".to_string(),
        ];
        assert!(cap_repeats_a_tier("当該月の月額利用料の50%", &tiers));
        assert!(cap_repeats_a_tier("当該月の月額利用料の50%。", &tiers));
        assert!(!cap_repeats_a_tier("当該月の月額利用料の30%", &tiers));
        assert!(!cap_repeats_a_tier("", &tiers));
    }

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<_> = ITEMS.iter().map(|i| i.key).collect();
        keys.sort_unstable();
        let before = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), before);
    }

    /// The customary items of `../shared/DOCUMENTS.md` §4, transcribed item by item, each
    /// with the keys of [`ITEMS`] that state it. (有効期間と改定: the amendment clause is
    /// in every draft, so only 有効期間 can be left for discussion.)
    #[rustfmt::skip]
    const DOCUMENTS_ITEMS: &[(&str, &str, &[&str])] = &[
        ("可用性", "サービス時間", &["service_hours"]),
        ("可用性", "計画停止予定通知", &["planned_outage"]),
        ("可用性", "緊急メンテナンス", &["emergency_maintenance"]),
        ("可用性", "サービス提供終了時の事前通知", &["service_end_notice"]),
        ("可用性", "突然のサービス提供停止に対する対処", &["sudden_stop"]),
        ("可用性", "サービス稼働率", &["availability"]),
        ("可用性", "ディザスタリカバリ", &["disaster_recovery"]),
        ("可用性", "重大障害時の代替手段", &["fallback"]),
        ("可用性", "代替措置で提供するデータ形式", &["fallback_format"]),
        ("可用性", "アップグレード方針", &["upgrade_policy"]),
        ("信頼性", "平均復旧時間 (MTTR)", &["mttr"]),
        ("信頼性", "目標復旧時間 (RTO) per failure scenario", &["rto"]),
        ("信頼性", "障害発生件数", &["incident_count"]),
        ("信頼性", "障害レベル (第2条の定義)", &["severity_levels"]),
        ("信頼性", "監視の基準と間隔", &["monitoring"]),
        ("信頼性", "障害通知プロセス and 障害通知時間", &["outage_notice"]),
        ("信頼性", "復旧の通知", &["recovery_notice"]),
        ("信頼性", "経過報告の間隔", &["progress_report"]),
        ("信頼性", "サービス提供状況の報告 (方法・間隔)", &["status_report"]),
        ("信頼性", "ログの取得", &["logs"]),
        ("性能・拡張性", "応答時間 (value, percentile, measuring point)", &["response_time"]),
        ("性能・拡張性", "同時接続利用者数", &["concurrent_users"]),
        ("性能・拡張性", "提供リソースの上限 (storage, accounts)", &["resource_limits"]),
        ("性能・拡張性", "外部接続性", &["external_connectivity"]),
        ("サポート", "障害対応の受付時間帯", &["support_hours"]),
        ("サポート", "一般問合せの受付時間帯", &["support_hours"]),
        ("サポート", "一次回答の時間", &["first_response"]),
        ("データ管理", "バックアップの方法・取得タイミング (RPO)・世代数・保存期間・保管場所", &["backup"]),
        ("データ管理", "復元の依頼", &["restore"]),
        ("データ管理", "データ保護のための暗号化 (通信時・保管時, 鍵管理)", &["encryption"]),
        ("データ管理", "解約時のデータ返却 (形式, 文字コード, 期間, 費用)", &["data_return", "data_return_fee"]),
        ("データ管理", "データ消去 (期限, 方法, 証明)", &["data_deletion"]),
        ("セキュリティ", "公的認証・第三者評価", &["certifications"]),
        ("セキュリティ", "情報取扱者の制限", &["handlers"]),
        ("セキュリティ", "インシデント時の追跡可能性", &["traceability"]),
        ("セキュリティ", "ウイルス対策", &["malware"]),
        ("セキュリティ", "記録媒体の安全対策", &["media"]),
        ("セキュリティ", "データの保管場所", &["data_location"]),
        ("未達時の措置", "減額 (conditions, rate, cap, how to claim, by when)", &["service_credits"]),
        ("未達時の措置", "改善計画", &["improvement_plan"]),
        ("未達時の措置", "解除", &["termination"]),
        ("未達時の措置", "損害賠償 (and its limit)", &["liability"]),
        ("運営", "定期報告と見直し会議", &["reporting", "review_meeting"]),
        ("運営", "変更の報告と甲の同意 (BAS-03)", &["change_consent"]),
        ("運営", "有効期間と改定の手続", &["validity"]),
    ];

    /// Each customary item of DOCUMENTS.md is an item here, in its group, and each item
    /// here answers one of DOCUMENTS.md's: the list can neither lose nor invent one.
    #[test]
    fn the_items_are_those_of_the_documents_guide() {
        for (group, item, keys) in DOCUMENTS_ITEMS {
            for key in *keys {
                let found = ITEMS.iter().find(|i| i.key == *key);
                assert!(found.is_some(), "{item}: no item `{key}`");
                assert_eq!(found.map(|i| i.group), Some(*group), "{item}: `{key}`");
            }
        }
        for i in ITEMS {
            assert!(
                DOCUMENTS_ITEMS
                    .iter()
                    .any(|(_, _, keys)| keys.contains(&i.key)),
                "`{}` ({}) is not an item of DOCUMENTS.md §4",
                i.key,
                i.name
            );
        }
    }

    /// Every group of DOCUMENTS.md §4 has items here.
    #[test]
    fn every_group_of_the_guideline_is_covered() {
        for group in [
            "可用性",
            "信頼性",
            "性能・拡張性",
            "サポート",
            "データ管理",
            "セキュリティ",
            "未達時の措置",
            "運営",
        ] {
            assert!(ITEMS.iter().any(|i| i.group == group), "{group}");
        }
    }
}
