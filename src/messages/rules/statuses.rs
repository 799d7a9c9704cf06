//! `facts::validate::statuses`.

use std::fmt::Display;

use crate::messages::pick;

crate::messages! {
    fn malware_operators(path: &str) {
        ja: "当社の運用者の端末が経路「{path}」で本サービスに接続するため、不正プログラム対策（TEC-10）は対象外にできません",
        en: "the vendor's operators reach the service from their terminals (path 「{path}」), so malware protection (TEC-10) cannot be declared not applicable",
    }
    fn malware_operators_hint() {
        ja: "not_applicable.TEC-10 を消し、malware に運用者の端末での対策と、他の事業者が実施する対策への協力を書いてください",
        en: "remove not_applicable.TEC-10 and write in malware the measures on the operators' terminals and how the vendor cooperates with other services' measures",
    }
    fn vendor_equipment_unprotected(equipment: &str) {
        ja: "当社が所有する「{equipment}」は本市の情報を記録し得ますが、PHY-01 は他の事業者の対策だけで、当社の盗難防止等の対策（physical_security）がありません",
        en: "the vendor's own 「{equipment}」 may hold the city's data, but PHY-01 rests only on other companies' controls, with no theft prevention of the vendor's own (physical_security)",
    }
    fn vendor_equipment() {
        ja: "当社が所有する機器",
        en: "the vendor's own equipment",
    }
    fn vendor_equipment_unprotected_hint() {
        ja: "physical_security に当社の機器・区画の対策（入退室、保管、監視）を書いてください。まだ整っていなければ partial.PHY-01 に期日と計画を書いてください",
        en: "write the vendor's own measures for its equipment and premises (entry, storage, monitoring) in physical_security; if they are not yet in place, give partial.PHY-01 a date and plan",
    }
    fn policy_exceptions(count: usize) {
        ja: "本市のポリシーに準拠できない事項が {count} 件あるため、BAS-05 は対応済にできません",
        en: "BAS-05 cannot be answered as met: the city's policy cannot be followed in {count} respect(s)",
    }
    fn policy_exceptions_hint() {
        ja: "準拠できない事項に期限付きの対応予定があれば partial に、代替措置で補うなら alternative に BAS-05 を書いてください",
        en: "declare BAS-05 under partial if the exceptions have dated plans, or under alternative if other measures make up for them",
    }
    fn see_criteria() {
        ja: "`beppyo criteria` で行IDの一覧を確認してください",
        en: "`beppyo criteria` lists the row IDs",
    }
    fn unknown_row(id: &dyn Display) {
        ja: "行 {id} は別表にありません",
        en: "the table has no row {id}",
    }
    fn row_twice(id: &dyn Display, earlier: &str, section: &str) {
        ja: "行 {id} が {earlier} と {section} の両方にあります",
        en: "row {id} is under both {earlier} and {section}",
    }
    fn the_other() {
        ja: "もう一方",
        en: "the other",
    }
    fn row_twice_hint() {
        ja: "行の状況は一つです。対象外・対応予定・一部対応・代替措置のどれか一つにしてください",
        en: "a row has one status: choose one of not applicable, planned, partial and alternative",
    }
    fn never_not_applicable(id: &dyn Display) {
        ja: "行 {id} は対象外にできません",
        en: "row {id} cannot be not applicable",
    }
    fn never_not_applicable_hint() {
        ja: "この行は別表の中心となる義務です。事実を記入するか、planned（対応予定日）に書いてください",
        en: "this row is a core duty of the table. Write the facts, or declare it under planned (with a date)",
    }
    fn derived_not_applicable(id: &dyn Display) {
        ja: "行 {id} の対象外は access_paths から判定します",
        en: "whether row {id} applies is decided from access_paths",
    }
    fn stock_reason(reason: &str) {
        ja: "対象外とする理由「{reason}」は定型句で、理由になっていません",
        en: "「{reason}」 is a stock phrase, not a reason why the row does not apply",
    }
    fn short_reason(chars: usize, min: usize) {
        ja: "対象外とする理由が短すぎます（{chars}文字。{min}文字以上）",
        en: "the reason why the row does not apply is too short ({chars} characters; at least {min})",
    }
    fn derived_hint(row: &str, when: &str) {
        ja: "not_applicable から {row} を削除してください。{when}、{row} は自動的に対象外になります",
        en: "remove {row} from not_applicable: {row} becomes not applicable by itself {when}",
    }
    fn same_reason_as(id: &dyn Display, earlier: &dyn Display) {
        ja: "行 {id} の対象外の理由が、行 {earlier} と同じ文です",
        en: "row {id} gives the same reason for not applying as row {earlier}",
    }
    fn same_reason() {
        ja: "同じ理由",
        en: "the same reason",
    }
    fn same_reason_hint() {
        ja: "行ごとに、その行が当てはまらない理由を書いてください",
        en: "give each row the reason why that row does not apply",
    }
    fn plan_not_after_submission(planned: &dyn Display, date: &dyn Display) {
        ja: "完了予定日 {planned} が提出日 {date} より後になっていません",
        en: "the planned completion date {planned} is not after the submission date {date}",
    }
    fn plan_not_after_submission_hint() {
        ja: "対応が済んでいれば事実を記入して予定から外し、まだなら新しい予定日を書いてください",
        en: "if it is done, write the facts and remove the plan; if not, write a new planned date",
    }
    fn partial_without_measures(id: &dyn Display, topic: &str) {
        ja: "行 {id} は一部対応ですが、現在の対策（`{topic}`）が書かれていません",
        en: "row {id} is partial, but the measures in place now (`{topic}`) are not written",
    }
    fn partial_without_measures_hint(topic: &str) {
        ja: "一部対応では、今ある対策を `{topic}` に書き、残りの予定を partial に書きます。まだ何もなければ planned（対応予定）にしてください",
        en: "for a partial row, write the measures in place under `{topic}` and the plan for the rest under partial. If nothing is in place yet, use planned",
    }
    fn unmet_with_measures(id: &dyn Display, section: &str, topic: &str) {
        ja: "行 {id} は {section} にありますが、この行だけに答える `{topic}` が書かれています。文書は `{topic}` を実施中の対策（SLA案では乙の義務）として記載し、{id} の状況と矛盾します",
        en: "row {id} is under {section}, yet `{topic}`, which answers only that row, is filled: the documents would state `{topic}` as measures in place (the SLA draft as the vendor's duty), contradicting {id}'s status",
    }
    fn declared_here(section: &str) {
        ja: "{section} の宣言",
        en: "declared under {section}",
    }
    fn unmet_with_measures_hint(id: &dyn Display, section: &str, topic: &str) {
        ja: "まだ実施していなければ `{topic}` を削除してください。一部を実施しているなら、{section} の {id} を partial.{id}（一部対応: 今ある対策と残りの予定）に移してください",
        en: "if nothing is in place yet, remove `{topic}`. If part of it is in place, move {id} from {section} to partial.{id} (partly met: the measures in place and a dated plan for the rest)",
    }
    fn inherited_without_evidence() {
        ja: "継承する統制の根拠資料（evidence）がありません",
        en: "the inherited control has no evidence (evidence)",
    }
    fn inherited_without_evidence_hint() {
        ja: "その事業者の ISMAP 登録、SOC 2 Type 2 報告書、ISO 認証、契約条項等を少なくとも一つ書いてください",
        en: "write at least one: that company's ISMAP registration, SOC 2 Type 2 report, ISO certification, a contract clause…",
    }
    fn period_reversed(to: &dyn Display, from: &dyn Display) {
        ja: "対象期間の終了日 {to} が開始日 {from} より前です",
        en: "the period ends on {to}, before it starts on {from}",
    }
    fn period_start() {
        ja: "開始日",
        en: "start",
    }
    fn no_own_certification(id: &dyn Display) {
        ja: "行 {id} に回答がありません（当社又は本サービスが保有する認証・登録がありません）",
        en: "row {id} is unanswered (no certification held by the vendor or the service)",
    }
    fn no_own_certification_hint() {
        ja: "AUD-03 に答えるのは、holder が vendor 又は service の認証・登録だけです。他の事業者の登録（例: IaaS の ISMAP 登録）は、その事業者が担う統制の根拠であり、AUD-03 の回答にはなりません。自社の認証を記入するか、planned（取得予定日）に AUD-03 を書いてください",
        en: "only a certification with holder vendor or service answers AUD-03. Another company's registration (e.g. the IaaS's ISMAP registration) is evidence for the controls that company performs, not an answer to AUD-03. Write your own certification, or declare AUD-03 under planned (with the date you expect it)",
    }
    fn unanswered(id: &dyn Display, topic: &str) {
        ja: "行 {id} に回答がありません（`{topic}` がありません）",
        en: "row {id} is unanswered (`{topic}` is missing)",
    }
    fn unanswered_hint(topic: &str, id: &dyn Display) {
        ja: "`{topic}` を記入するか、not_applicable（理由）、planned（対応予定日）、partial（一部対応）又は alternative（代替措置）に {id} を書いてください",
        en: "write `{topic}`, or declare {id} under not_applicable (with a reason), planned (with a date), partial or alternative",
    }
}

/// When a derived row becomes not applicable by itself.
pub fn derived_when(row: &str) -> &'static str {
    if row == "TEC-12" {
        pick(
            "どの接続経路でもパスワードを認証要素に使わないとき",
            "when no access path uses a password as a factor",
        )
    } else {
        pick(
            "本市の職員・管理者と運用者の全ての接続経路が閉域網のとき",
            "when every access path of the city's staff, administrators and operators is a closed network",
        )
    }
}

pub fn reason_hint() -> &'static str {
    pick(
        "本市が判断できるよう、なぜこの行が本サービスに当てはまらないのかを具体的に書いてください（例: 本サービスは本市の情報を保存せず、表示のたびに本市のシステムから取得するため、バックアップを取得しない。）",
        "say concretely why this row does not apply to the service, so the city can judge (e.g. the service stores none of the city's information and fetches it from the city's systems for each display, so it takes no backups)",
    )
}
