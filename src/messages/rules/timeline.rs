//! `facts::validate::timeline`.

crate::messages! {
    fn deadline_before_window_ends(deadline: u32, window: u32) {
        ja: "削除の期限（{deadline}日）が、出力の受付期間（{window}日）が終わる前に来ます",
        en: "the deletion deadline (day {deadline}) comes before the export window (day {window}) ends",
    }
    fn export_window(window: u32) {
        ja: "出力の受付期間 {window}日",
        en: "export window {window} days",
    }
    fn deadline_before_window_ends_hint() {
        ja: "どちらも契約終了日の翌日から数えた暦日数です。出力を受け付けている間はデータを削除できないため、deadline_days を window_days 以上にしてください",
        en: "both are calendar days from the day after the contract ends. Data cannot be deleted while exports are still accepted: make deadline_days at least window_days",
    }
    fn backups_gone_before_deadline(gone: u32, deadline: u32) {
        ja: "バックアップが無くなる日（{gone}日）が、削除の期限（{deadline}日）より前です",
        en: "backups are gone (day {gone}) before the deletion deadline (day {deadline})",
    }
    fn deletion_deadline(deadline: u32) {
        ja: "削除の期限 {deadline}日",
        en: "deletion deadline {deadline} days",
    }
    fn backups_gone_before_deadline_hint() {
        ja: "本番のデータを削除するまではバックアップも取得され続けます。backups_gone_days を deadline_days 以上にしてください",
        en: "backups go on being taken until the production data is deleted. Make backups_gone_days at least deadline_days",
    }
    fn backups_outlive_retention(earliest: u32, deadline: u32, retention: u32, gone: u32) {
        ja: "バックアップは保存期間の満了で消えるため、無くなるのは早くても{earliest}日（削除の期限{deadline}日＋保存期間{retention}日）ですが、{gone}日と書かれています",
        en: "backups disappear when their retention ends, so they are gone on day {earliest} at the earliest (deletion deadline {deadline} + retention {retention} days), but day {gone} is written",
    }
    fn retention(retention: u32) {
        ja: "保存期間 {retention}日",
        en: "retention {retention} days",
    }
    fn expiry_method() {
        ja: "保存期間の満了による消滅",
        en: "gone when the retention ends",
    }
    fn backups_outlive_retention_hint(earliest: u32) {
        ja: "backups_gone_days を {earliest} 以上にするか、バックアップを暗号化消去等で期限前に消す方法を書いてください",
        en: "make backups_gone_days at least {earliest}, or write how backups are destroyed before that (crypto-erase…)",
    }
    fn worm_logs_deleted() {
        ja: "ログを書換え不能（WORM）な保存にしているのに、利用終了時の削除の対象に logs があります",
        en: "logs are kept on write-once (WORM) storage, yet logs are in the scope of the deletion at exit",
    }
    fn worm_storage() {
        ja: "WORM による保存",
        en: "kept on WORM storage",
    }
    fn worm_logs_deleted_hint() {
        ja: "WORM で保存したログは保存期間が終わるまで削除できません。scope から logs を外し、retained_logs に保存期間とその後の扱い（期間満了後に消去する等）を書いてください",
        en: "logs on WORM storage cannot be deleted before their retention ends. Remove logs from scope and write under retained_logs how long they are kept and what happens then (erased when it ends…)",
    }
    fn logs_unaccounted() {
        ja: "ログが削除の対象に含まれず、削除しないログの扱い（retained_logs）も書かれていません",
        en: "logs are neither in the deletion scope nor accounted for as retained logs (retained_logs)",
    }
    fn logs_unaccounted_hint() {
        ja: "ログも削除するなら scope に logs を加え、保存期間中は削除できないなら retained_logs にその扱いを書いてください",
        en: "add logs to scope if they are deleted too; if they cannot be deleted during their retention, say how they are handled under retained_logs",
    }
}
