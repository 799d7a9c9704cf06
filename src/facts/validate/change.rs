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
use crate::messages::rules::change as say;
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
            say::fingerprint_shape(),
        )
        .hint(say::fingerprint_shape_hint())
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
            problem(say::notice_period_unknown(&effective))
                .hint(say::notice_period_unknown_hint())
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
        problem(say::notice_period_short(
            &effective, &submitted, days, promised,
        ))
        .also(
            path!["change_notice", "days_in_advance"],
            say::days_in_advance(promised),
        )
        .hint(say::notice_period_short_hint(&earliest))
        .row("BAS-03"),
    ]
}
