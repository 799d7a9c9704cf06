//! The exit timeline, all days counted from the day after the contract ends: the export
//! window closes before the deletion deadline; backups are gone no earlier than the
//! deletion, and no earlier than the last backup's retention allows; logs kept on WORM
//! storage cannot be promised deleted.
//!
//! Each problem points at both figures that disagree.

use crate::diagnostic::Problem;
use crate::facts::model::{DeletionKind, DeletionScope, Exit, Facts, TamperMethod};
use crate::messages::rules::timeline as say;
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
            say::deadline_before_window_ends(deadline, window),
        )
        .also(
            path!["exit", "migration", "window_days"],
            say::export_window(window),
        )
        .hint(say::deadline_before_window_ends_hint())
    })
}

fn backups_after_deletion(exit: &Exit) -> Option<Problem> {
    let gone = exit.deletion.backups_gone_days;
    let deadline = exit.deletion.deadline_days;
    (gone < deadline).then(|| {
        Problem::error(
            deletion("backups_gone_days"),
            say::backups_gone_before_deadline(gone, deadline),
        )
        .also(deletion("deadline_days"), say::deletion_deadline(deadline))
        .hint(say::backups_gone_before_deadline_hint())
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
            say::backups_outlive_retention(earliest, deadline, retention, gone),
        )
        .also(
            path!["sla", "backup", "retention_days"],
            say::retention(retention),
        )
        .also(
            path!["exit", "deletion", "methods", i, "kind"],
            say::expiry_method(),
        )
        .hint(say::backups_outlive_retention_hint(earliest))
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
            Problem::error(deletion("scope"), say::worm_logs_deleted())
                .also(
                    path!["logging", "tamper_protection", "methods", j],
                    say::worm_storage(),
                )
                .hint(say::worm_logs_deleted_hint()),
        ),
        (false, _) if exit.deletion.retained_logs.is_none() => Some(
            Problem::error(deletion("scope"), say::logs_unaccounted())
                .hint(say::logs_unaccounted_hint()),
        ),
        _ => None,
    }
}
