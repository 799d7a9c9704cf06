//! A revision's declarations (BAS-03): the fingerprint of the submission it supersedes
//! has the form of one, and the change's effective date leaves the notice period the
//! vendor promised under `change_notice`.
//!
//! `check` reports a short notice period as a warning (the facts may still be rendered);
//! `beppyo diff --notice` refuses to write a 変更届 that breaks the promise
//! ([`notice_period`] with [`Severity::Error`]).

use chrono::Duration;

use crate::diagnostic::Problem;
use crate::facts::model::Facts;
use crate::path;

/// How a short notice period is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Warning,
    Error,
}

pub fn check(facts: &Facts) -> Vec<Problem> {
    let mut problems: Vec<Problem> = fingerprint(facts).into_iter().collect();
    problems.extend(notice_period(facts, Severity::Warning));
    problems
}

fn fingerprint(facts: &Facts) -> Option<Problem> {
    let supersedes = facts.submission.supersedes.as_ref()?;
    if crate::archive::manifest::is_sha256(&supersedes.fingerprint) {
        return None;
    }
    Some(
        Problem::error(
            path!["submission", "supersedes", "fingerprint"],
            "指紋は16進数64桁（0-9、a-f）で書いてください",
        )
        .hint("以前の提出を render したときに表示された指紋（manifest.json の SHA-256）をそのまま写してください。beppyo verify 以前の提出フォルダ でも表示されます")
        .row("BAS-02"),
    )
}

/// Whether the change's effective date comes after the submission date by at least the
/// days the vendor promised to report a significant change in advance.
pub fn notice_period(facts: &Facts, severity: Severity) -> Vec<Problem> {
    let Some(change) = &facts.change else {
        return Vec::new();
    };
    let problem = |message: String| match severity {
        Severity::Warning => Problem::warning(path!["change", "effective_date"], message),
        Severity::Error => Problem::error(path!["change", "effective_date"], message),
    };
    let submitted = facts.submission.date;
    let effective = change.effective_date;
    let Some(promise) = &facts.change_notice else {
        return vec![
            problem(format!(
                "変更の実施予定日 {effective} が事前報告の期間を満たすか確かめられません。change_notice（BAS-03）に何日前までに報告するかがありません"
            ))
            .hint("change_notice.days_in_advance を書いてください")
            .row("BAS-03"),
        ];
    };
    let days = (effective - submitted).num_days();
    let promised = i64::from(promise.days_in_advance);
    if days >= promised {
        return Vec::new();
    }
    let earliest = submitted + Duration::days(promised);
    vec![
        problem(format!(
            "変更の実施予定日 {effective} は提出日 {submitted} の{days}日後です。重大な変更は{promised}日前までに報告すると約束しているため、足りません"
        ))
        .also(
            path!["change_notice", "days_in_advance"],
            format!("事前報告の日数 {promised}日"),
        )
        .hint(format!(
            "実施予定日を {earliest} 以降にするか、提出日を早めてください"
        ))
        .row("BAS-03"),
    ]
}
