//! Certifications and attestation reports: valid on the submission date, named when the
//! scheme is "other", and a report's dates in the order they happen.
//!
//! Which certifications answer AUD-03 (the vendor's or the service's own) is said where
//! the row is found unanswered ([`super::statuses`]).

use chrono::{Months, NaiveDate};

use crate::diagnostic::Problem;
use crate::facts::model::{AttestationKind, Facts, Scheme};
use crate::messages::rules::certifications as say;
use crate::path;

/// A certificate expiring within this many days of the submission is worth a warning:
/// the city's review may outlast it.
pub const EXPIRY_WARNING_DAYS: i64 = 90;

/// A report whose period ended longer ago than this no longer speaks for today.
pub const STALE_REPORT_MONTHS: u32 = 12;

pub fn check(facts: &Facts) -> Vec<Problem> {
    let mut problems = certifications(facts);
    problems.extend(attestations(facts));
    problems.extend(bridge_letters_short(facts));
    problems.extend(aud03_on_other_schemes(facts));
    problems
}

/// AUD-03 is met by a listing (ISMAP, ISMAP-LIU) or a certification under a security
/// evaluation scheme the city accepts. An information-security management certification
/// (ISO/IEC 27001, 27017, 27018, CS ゴールドマーク) is the usual one; a privacy mark, an
/// information-disclosure accreditation or another scheme is the city's call: worth a
/// warning, so the vendor asks before the row is presented as met.
fn aud03_on_other_schemes(facts: &Facts) -> Vec<Problem> {
    if super::is_declared_unmet(facts, "AUD-03") {
        return Vec::new();
    }
    let security = |s: Scheme| {
        matches!(
            s,
            Scheme::Ismap
                | Scheme::IsmapLiu
                | Scheme::Iso27001
                | Scheme::Iso27017
                | Scheme::Iso27018
                | Scheme::CsGoldMark
        )
    };
    let own = |c: &&crate::facts::model::Certification| {
        c.holder == crate::facts::model::VENDOR || c.holder == crate::facts::model::SERVICE
    };
    if facts
        .certifications
        .iter()
        .filter(own)
        .any(|c| security(c.scheme))
    {
        return Vec::new();
    }
    let Some(i) = facts.certifications.iter().position(|c| own(&c)) else {
        return Vec::new();
    };
    vec![
        Problem::warning(
            path!["certifications", i, "scheme"],
            say::aud03_other_scheme_only(),
        )
        .row("AUD-03")
        .hint(say::aud03_other_scheme_only_hint()),
    ]
}

/// A bridge letter exists to cover the gap between the report's period and today: one
/// that ends before the submission leaves the inherited controls uncovered from its end.
/// (A report without a bridge letter is judged by its age, in [`attestations`].)
fn bridge_letters_short(facts: &Facts) -> Vec<Problem> {
    let date = facts.submission.date;
    facts
        .attestations
        .iter()
        .enumerate()
        .filter_map(|(i, report)| {
            let until = report.bridge_letter_until?;
            (until < date && until > report.period_to).then(|| {
                Problem::warning(
                    path!["attestations", i, "bridge_letter_until"],
                    say::bridge_letter_short(&until, &date),
                )
                .also(path!["submission", "date"], say::submission_date())
                .hint(say::bridge_letter_short_hint())
            })
        })
        .collect()
}

fn certifications(facts: &Facts) -> Vec<Problem> {
    let date = facts.submission.date;
    let mut problems = Vec::new();
    for (i, cert) in facts.certifications.iter().enumerate() {
        let row = |p: Problem| {
            if cert.holder == crate::facts::model::VENDOR
                || cert.holder == crate::facts::model::SERVICE
            {
                p.row("AUD-03")
            } else {
                p
            }
        };
        let until = cert.valid_until;
        let at = path!["certifications", i, "valid_until"];
        if until < date {
            problems.push(row(Problem::error(
                at,
                say::expired(&cert.id, &date, &until),
            )
            .also(path!["submission", "date"], say::date_name(""))
            .hint(say::expired_hint())));
        } else if (until - date).num_days() <= EXPIRY_WARNING_DAYS {
            problems.push(row(Problem::warning(
                at,
                say::expiring(&cert.id, &until, (until - date).num_days()),
            )
            .hint(say::expiring_hint())));
        }
        if cert.scheme == Scheme::Other && cert.name.as_deref().is_none_or(|n| n.trim().is_empty())
        {
            problems.push(row(Problem::error(
                path!["certifications", i, "scheme"],
                say::other_scheme_unnamed(),
            )
            .hint(say::other_scheme_unnamed_hint())));
        }
    }
    problems
}

fn attestations(facts: &Facts) -> Vec<Problem> {
    let date = facts.submission.date;
    let mut problems = Vec::new();
    for (i, report) in facts.attestations.iter().enumerate() {
        let key = |k: &str| path!["attestations", i, k];
        let order = [
            (
                "period_from",
                report.period_from,
                say::date_name("period_from"),
            ),
            ("period_to", report.period_to, say::date_name("period_to")),
            (
                "report_date",
                report.report_date,
                say::date_name("report_date"),
            ),
            ("", date, say::date_name("")),
        ];
        for pair in order.windows(2) {
            let ((earlier_key, earlier, earlier_name), (later_key, later, later_name)) =
                (pair[0], pair[1]);
            if earlier <= later {
                continue;
            }
            let (at, other) = if later_key.is_empty() {
                (key(earlier_key), path!["submission", "date"])
            } else {
                (key(later_key), key(earlier_key))
            };
            problems.push(
                Problem::error(
                    at,
                    say::dates_out_of_order(earlier_name, &earlier, later_name, &later),
                )
                .also(
                    other,
                    if later_key.is_empty() {
                        later_name
                    } else {
                        earlier_name
                    },
                )
                .hint(say::dates_out_of_order_hint()),
            );
        }
        match report.bridge_letter_until {
            Some(until) if until <= report.period_to => problems.push(
                Problem::error(
                    key("bridge_letter_until"),
                    say::bridge_letter_too_early(&until, &report.period_to),
                )
                .also(key("period_to"), say::date_name("period_to"))
                .hint(say::bridge_letter_hint()),
            ),
            None if is_stale(report.period_to, date) => problems.push(
                Problem::warning(
                    key("period_to"),
                    say::stale_report(&report.period_to, STALE_REPORT_MONTHS),
                )
                .hint(say::stale_report_hint()),
            ),
            _ => {}
        }
        if report.kind == AttestationKind::Other
            && report.name.as_deref().is_none_or(|n| n.trim().is_empty())
        {
            problems.push(
                Problem::error(key("kind"), say::other_report_unnamed())
                    .hint(say::other_report_unnamed_hint()),
            );
        }
    }
    problems
}

fn is_stale(period_to: NaiveDate, date: NaiveDate) -> bool {
    date.checked_sub_months(Months::new(STALE_REPORT_MONTHS))
        .is_some_and(|limit| period_to < limit)
}
