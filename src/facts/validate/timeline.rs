//! The exit timeline, all days counted from the day after the contract ends: the export
//! window closes before the deletion deadline; backups are gone no earlier than the
//! deletion, and no earlier than the last backup's retention allows; logs kept on WORM
//! storage cannot be promised deleted.
//!
//! Each problem points at both figures that disagree.

use crate::diagnostic::Problem;
use crate::facts::model::{DeletionKind, DeletionScope, Exit, Facts, TamperMethod};
use crate::path;
use crate::yaml::Path;

pub fn check(facts: &Facts) -> Vec<Problem> {
    let Some(exit) = &facts.exit else {
        return Vec::new();
    };
    let mut problems: Vec<Problem> = [window_before_deadline(exit), backups_after_deletion(exit)]
        .into_iter()
        .flatten()
        .collect();
    problems.extend(backup_expiry(facts, exit));
    problems.extend(logs(facts, exit));
    problems.into_iter().map(|p| p.row("AST-01")).collect()
}

fn deletion(key: &str) -> Path {
    path!["exit", "deletion", key]
}

fn window_before_deadline(exit: &Exit) -> Option<Problem> {
    let window = exit.migration.window_days;
    let deadline = exit.deletion.deadline_days;
    (window > deadline).then(|| {
        Problem::error(
            deletion("deadline_days"),
            format!("削除の期限（{deadline}日）が、出力の受付期間（{window}日）が終わる前に来ます"),
        )
        .also(
            path!["exit", "migration", "window_days"],
            format!("出力の受付期間 {window}日"),
        )
        .hint("どちらも契約終了日の翌日から数えた暦日数です。出力を受け付けている間はデータを削除できないため、deadline_days を window_days 以上にしてください")
    })
}

fn backups_after_deletion(exit: &Exit) -> Option<Problem> {
    let gone = exit.deletion.backups_gone_days;
    let deadline = exit.deletion.deadline_days;
    (gone < deadline).then(|| {
        Problem::error(
            deletion("backups_gone_days"),
            format!("バックアップが無くなる日（{gone}日）が、削除の期限（{deadline}日）より前です"),
        )
        .also(deletion("deadline_days"), format!("削除の期限 {deadline}日"))
        .hint("本番のデータを削除するまではバックアップも取得され続けます。backups_gone_days を deadline_days 以上にしてください")
    })
}

/// Backups that disappear by expiry outlive the deletion by their retention: the last
/// one is taken at the deletion deadline at the latest.
fn backup_expiry(facts: &Facts, exit: &Exit) -> Option<Problem> {
    let retention = facts.sla.as_ref()?.backup.as_ref()?.retention_days;
    let i = exit
        .deletion
        .methods
        .iter()
        .position(|m| m.kind == DeletionKind::BackupExpiry)?;
    let deadline = exit.deletion.deadline_days;
    let gone = exit.deletion.backups_gone_days;
    let earliest = deadline.saturating_add(retention);
    (gone < earliest).then(|| {
        Problem::error(
            deletion("backups_gone_days"),
            format!(
                "バックアップは保存期間の満了で消えるため、無くなるのは早くても{earliest}日（削除の期限{deadline}日＋保存期間{retention}日）ですが、{gone}日と書かれています"
            ),
        )
        .also(path!["sla", "backup", "retention_days"], format!("保存期間 {retention}日"))
        .also(
            path!["exit", "deletion", "methods", i, "kind"],
            "保存期間の満了による消滅",
        )
        .hint(format!("backups_gone_days を {earliest} 以上にするか、バックアップを暗号化消去等で期限前に消す方法を書いてください"))
    })
}

/// WORM storage refuses deletion until its retention ends: logs kept there are retained,
/// and the exit plan says so instead of promising their deletion.
fn logs(facts: &Facts, exit: &Exit) -> Option<Problem> {
    let in_scope = exit.deletion.scope.contains(&DeletionScope::Logs);
    let worm = facts
        .logging
        .as_ref()
        .and_then(|l| l.tamper_protection.as_ref())
        .and_then(|t| t.methods.iter().position(|m| *m == TamperMethod::Worm));
    match (in_scope, worm) {
        (true, Some(j)) => Some(
            Problem::error(
                deletion("scope"),
                "ログを書換え不能（WORM）な保存にしているのに、利用終了時の削除の対象に logs があります",
            )
            .also(path!["logging", "tamper_protection", "methods", j], "WORM による保存")
            .hint("WORM で保存したログは保存期間が終わるまで削除できません。scope から logs を外し、retained_logs に保存期間とその後の扱い（期間満了後に消去する等）を書いてください"),
        ),
        (false, _) if exit.deletion.retained_logs.is_none() => Some(
            Problem::error(
                deletion("scope"),
                "ログが削除の対象に含まれず、削除しないログの扱い（retained_logs）も書かれていません",
            )
            .hint("ログも削除するなら scope に logs を加え、保存期間中は削除できないなら retained_logs にその扱いを書いてください"),
        ),
        _ => None,
    }
}
