//! `facts::validate::change`.

use std::fmt::Display;

crate::messages! {
    fn fingerprint_shape() {
        ja: "指紋は16進数64桁（0-9、a-f）で書いてください",
        en: "a fingerprint is 64 hexadecimal digits (0-9, a-f)",
    }
    fn fingerprint_shape_hint() {
        ja: "以前の提出を render したときに表示された指紋（manifest.json の SHA-256）をそのまま写してください。beppyo verify 以前の提出フォルダ でも表示されます",
        en: "copy the fingerprint printed when the earlier submission was rendered (the SHA-256 of manifest.json). beppyo verify EARLIER-FOLDER prints it too",
    }
    fn notice_period_unknown(effective: &dyn Display) {
        ja: "変更の実施予定日 {effective} が事前報告の期間を満たすか確かめられません。change_notice（BAS-03）に何日前までに報告するかがありません",
        en: "whether the change's effective date {effective} leaves the promised notice period cannot be checked: change_notice (BAS-03) does not say how many days in advance changes are reported",
    }
    fn notice_period_unknown_hint() {
        ja: "change_notice.days_in_advance を書いてください",
        en: "write change_notice.days_in_advance",
    }
    fn notice_period_short(effective: &dyn Display, submitted: &dyn Display, days: i64, promised: i64) {
        ja: "変更の実施予定日 {effective} は提出日 {submitted} の{days}日後です。重大な変更は{promised}日前までに報告すると約束しているため、足りません",
        en: "the change takes effect on {effective}, {days} days after the submission date {submitted}; significant changes are promised to be reported {promised} days in advance, so that is too short",
    }
    fn days_in_advance(promised: i64) {
        ja: "事前報告の日数 {promised}日",
        en: "reported {promised} days in advance",
    }
    fn notice_period_short_hint(earliest: &dyn Display) {
        ja: "実施予定日を {earliest} 以降にするか、提出日を早めてください",
        en: "move the effective date to {earliest} or later, or submit earlier",
    }
}
