//! `facts::validate::certifications`.

use std::fmt::Display;

use crate::messages::pick;

crate::messages! {
    fn bridge_letter_short(until: &dyn Display, date: &dyn Display) {
        ja: "ブリッジレターは {until} までを対象とし、提出日 {date} を補っていません",
        en: "the bridge letter covers up to {until} and does not reach the submission date {date}",
    }
    fn submission_date() {
        ja: "提出日",
        en: "the submission date",
    }
    fn bridge_letter_short_hint() {
        ja: "提出日までを対象とするブリッジレターを入手して bridge_letter_until を直してください。入手できないときは、その間の統制を確認する方法を根拠資料として書いてください",
        en: "obtain a bridge letter that reaches the submission date and correct bridge_letter_until. If none can be had, give as evidence how the controls of that gap are confirmed",
    }
    fn expired(id: &str, date: &dyn Display, until: &dyn Display) {
        ja: "認証・登録 {id} は提出日 {date} に失効しています（有効期限 {until}）",
        en: "certification {id} has expired by the submission date {date} (valid until {until})",
    }
    fn expired_hint() {
        ja: "更新後の認証・登録を記入するか、失効したものを外してください",
        en: "enter the renewed certification, or remove the expired one",
    }
    fn expiring(id: &str, until: &dyn Display, days: i64) {
        ja: "認証・登録 {id} の有効期限 {until} は提出日から{days}日後です",
        en: "certification {id} expires on {until}, {days} days after the submission date",
    }
    fn expiring_hint() {
        ja: "審査の間に期限を迎えるおそれがあります。更新の予定（更新審査の時期）を本市に伝えてください",
        en: "it may expire while the city reviews the submission. Tell the city when it will be renewed (the renewal audit)",
    }
    fn other_scheme_unnamed() {
        ja: "scheme が other のときは制度名（name）が必要です",
        en: "with scheme: other, the scheme's name (name) is needed",
    }
    fn other_scheme_unnamed_hint() {
        ja: "name: に制度名を書いてください",
        en: "write the scheme's name under name:",
    }
    fn dates_out_of_order(earlier_name: &str, earlier: &dyn Display, later_name: &str, later: &dyn Display) {
        ja: "{earlier_name} {earlier} が{later_name} {later} より後です",
        en: "the {earlier_name}, {earlier}, is after the {later_name}, {later}",
    }
    fn dates_out_of_order_hint() {
        ja: "報告書の日付は、対象期間の開始日、終了日、報告書の日付、提出日の順になります",
        en: "the dates run: start of the period, end of the period, date of the report, submission date",
    }
    fn bridge_letter_too_early(until: &dyn Display, period_to: &dyn Display) {
        ja: "ブリッジレターの最終日 {until} が対象期間の終了日 {period_to} より後になっていません",
        en: "the bridge letter's last day, {until}, is not after the end of the report's period, {period_to}",
    }
    fn bridge_letter_hint() {
        ja: "ブリッジレターは、報告書の対象期間の終了日の後を補う書面です",
        en: "a bridge letter covers the time after the end of the report's period",
    }
    fn stale_report(period_to: &dyn Display, months: u32) {
        ja: "報告書の対象期間は {period_to} に終わり、提出日まで{months}か月を超えています",
        en: "the report's period ended on {period_to}, more than {months} months before the submission date",
    }
    fn stale_report_hint() {
        ja: "新しい期間の報告書を記入するか、その間を補うブリッジレター（bridge_letter_until）を示してください",
        en: "enter a report for a newer period, or a bridge letter covering the gap (bridge_letter_until)",
    }
    fn aud03_other_scheme_only() {
        ja: "AUD-03 に答える認証が、ISMAP等への登録でも情報セキュリティの認証（ISO/IEC 27001・27017・27018、CSゴールドマーク）でもありません。本市が認めるセキュリティ評価制度に当たるかは本市が判断します",
        en: "AUD-03 rests on neither a listing (ISMAP etc.) nor an information-security certification (ISO/IEC 27001, 27017, 27018, CS Gold Mark): whether the city accepts the scheme is for the city to decide",
    }
    fn aud03_other_scheme_only_hint() {
        ja: "提出前に、この制度を認めるかを本市に確認してください。認められない場合は、ISMAP 登録又は ISO/IEC 27001 認証の取得予定を planned.AUD-03 に書いてください",
        en: "ask the city before submitting whether it accepts this scheme. If it does not, declare under planned.AUD-03 when you expect an ISMAP listing or an ISO/IEC 27001 certification",
    }
    fn other_report_unnamed() {
        ja: "kind が other のときは報告書の名称（name）が必要です",
        en: "with kind: other, the report's name (name) is needed",
    }
    fn other_report_unnamed_hint() {
        ja: "name: に報告書の名称を書いてください",
        en: "write the report's name under name:",
    }
}

/// The dates of an attestation, in the order they must come.
pub fn date_name(key: &str) -> &'static str {
    match key {
        "period_from" => pick("対象期間の開始日", "start of the period"),
        "period_to" => pick("対象期間の終了日", "end of the period"),
        "report_date" => pick("報告書の日付", "date of the report"),
        _ => pick("提出日", "submission date"),
    }
}
