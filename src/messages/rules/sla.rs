//! `facts::validate::sla`.

crate::messages! {
    fn changes_without_consent() {
        ja: "重大な変更を本市の同意なしに行うことになっています",
        en: "significant changes are to be made without the city's consent",
    }
    fn changes_without_consent_hint() {
        ja: "BAS-03 は、重大な変更を事前に報告し、本市の同意を得ることを求めます。consent_required: true にしてください",
        en: "BAS-03 asks that significant changes be reported beforehand and agreed by the city. Set consent_required: true",
    }
    fn sla_lacks(missing: &str) {
        ja: "SLA に {missing} がありません",
        en: "the SLA has no {missing}",
    }
    fn sla_lacks_hint() {
        ja: "SLA には少なくとも稼働率、一つ以上の復旧目標、サポート窓口を書いてください。数値を約束できない項目は commitment: target（目標値）にできます",
        en: "an SLA states at least availability, one recovery objective and a support desk. A figure you cannot promise can be commitment: target",
    }
    fn availability_out_of_range(percent: f64) {
        ja: "稼働率 {percent} は 0 より大きく 100 以下の百分率ではありません",
        en: "availability {percent} is not a percentage above 0 and at most 100",
    }
    fn availability_hint() {
        ja: "「%」を付けずに百分率の数を書いてください（例: 99.9）",
        en: "write the percentage as a number without \"%\" (e.g. 99.9)",
    }
    fn availability_low(percent: f64, low: f64) {
        ja: "稼働率 {percent}% は {low}% を下回ります",
        en: "availability {percent}% is below {low}%",
    }
    fn availability_low_hint() {
        ja: "月に7時間以上の停止を認める水準です（自治体の SLA では 99.5〜99.9% が一般的）。数値を確かめてください",
        en: "that allows more than 7 hours of outage a month (municipal SLAs commonly state 99.5–99.9%). Check the figure",
    }
    fn percentile_out_of_range(percentile: f64) {
        ja: "割合 {percentile} は 0 より大きく 100 以下の百分率ではありません",
        en: "the share {percentile} is not a percentage above 0 and at most 100",
    }
    fn percentile_hint() {
        ja: "その秒数以内に応答する要求の割合を百分率で書いてください（例: 99）",
        en: "write the percentage of requests answered within that many seconds (e.g. 99)",
    }
    fn seconds_not_positive(seconds: f64) {
        ja: "応答時間 {seconds} 秒は正の秒数ではありません",
        en: "a response time of {seconds} seconds is not a positive number of seconds",
    }
    fn seconds_hint() {
        ja: "目標とする秒数を書いてください（例: 3）",
        en: "write the target in seconds (e.g. 3)",
    }
    fn outage_hours(hours: f64) {
        ja: "計画停止の上限 {hours} 時間は1か月の時間として読めません",
        en: "a planned-outage limit of {hours} hours cannot be hours in a month",
    }
    fn outage_hours_hint() {
        ja: "1か月当たりの上限時間を 0 以上の数で書いてください（例: 4）",
        en: "write the monthly limit in hours, 0 or more (e.g. 4)",
    }
    fn guarantee_without_remedy() {
        ja: "保証値（guarantee）がありますが、未達時の措置（service_credits・remedies）がありません",
        en: "there is a guaranteed figure (guarantee) but nothing happens when it is missed (no service_credits or remedies)",
    }
    fn guarantee_without_remedy_hint() {
        ja: "保証値を下回った場合のサービスクレジット（service_credits）か措置（remedies: 改善計画の提出、契約解除等）を書いてください。措置を約束しない数値は commitment: target（目標値）にします",
        en: "write the service credits (service_credits) or remedies (remedies: an improvement plan, termination…) for a missed guarantee. A figure with no remedy is commitment: target",
    }
}

/// The parts of an SLA the minimum asks for, by key.
pub fn sla_part(key: &str) -> &'static str {
    use crate::messages::pick;
    match key {
        "availability" => pick("availability（稼働率）", "availability"),
        "recovery" => pick(
            "recovery（目標復旧時間・目標復旧時点）",
            "recovery (recovery time or point objective)",
        ),
        _ => pick("support（サポート窓口）", "support (a support desk)"),
    }
}
