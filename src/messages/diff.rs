//! `beppyo diff`'s report. The groups, item labels and values it compares stay Japanese:
//! they are the words of the documents and of the 変更届.

use crate::messages::{Lang, lang, pick};

crate::messages! {
    fn compared(old: &str, new: &str) {
        ja: "比較: {old} → {new}\n",
        en: "comparing: {old} → {new}\n",
    }
    fn migrated(name: &str) {
        ja: "（{name} は形式1の事実ファイルのため、beppyo migrate と同じ変換をして比べました。【要記入】の箇所は「なし」として扱い、TEC-12・TEC-18 の状況は比べていません）\n",
        en: "({name} is a format-1 facts file: it was converted as beppyo migrate does before comparing. Places marked 【要記入】 count as absent, and the status of TEC-12 and TEC-18 is not compared)\n",
    }
    fn no_differences() {
        ja: "違いはありません。\n",
        en: "No differences.\n",
    }
    fn status_changed(row: &str, old: &str, new: &str) {
        ja: "  {row} 状況: {old} → {new}\n",
        en: "  {row} status: {old} → {new}\n",
    }
    fn written(path: &str) {
        ja: "書き込みました: {path}\n",
        en: "wrote {path}\n",
    }
}

/// The closing count of a report.
pub fn differences(count: usize, statuses: usize) -> String {
    match lang() {
        Lang::Ja => {
            format!("\n違いが {count} 件あります（うち状況の変わった行 {statuses} 行）。\n")
        }
        Lang::En => format!(
            "\n{count} difference{} ({statuses} row{} with a changed status).\n",
            if count == 1 { "" } else { "s" },
            if statuses == 1 { "" } else { "s" }
        ),
    }
}

/// A value that is not there, in the report.
pub fn absent() -> &'static str {
    pick("（なし）", "(none)")
}
