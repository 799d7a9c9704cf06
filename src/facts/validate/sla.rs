//! BAS-03 and BAS-06: changes wait for the city's consent, and the SLA promises something
//! measurable, with remedies wherever it guarantees.

use crate::diagnostic::Problem;
use crate::facts::model::{Commitment, Facts, Sla};
use crate::messages::rules::sla as say;
use crate::path;
use crate::yaml::Path;

/// Below this availability a city's reviewer asks why (typical figures are 99.5–99.9 %).
pub const LOW_AVAILABILITY_PERCENT: f64 = 99.0;

pub fn check(facts: &Facts) -> Vec<Problem> {
    let mut problems: Vec<Problem> = consent(facts).into_iter().collect();
    if let Some(sla) = &facts.sla {
        let partial = facts.partial.keys().any(|id| id.as_str() == "BAS-06");
        if !partial {
            problems.extend(minimum(sla));
        }
        problems.extend(figures(sla));
        problems.extend(remedies(sla));
    }
    problems
}

fn consent(facts: &Facts) -> Option<Problem> {
    let notice = facts.change_notice.as_ref()?;
    (!notice.consent_required).then(|| {
        Problem::error(
            path!["change_notice", "consent_required"],
            say::changes_without_consent(),
        )
        .row("BAS-03")
        .hint(say::changes_without_consent_hint())
    })
}

/// An SLA that states no availability, no recovery objective or no support promises
/// nothing a city can hold the vendor to.
fn minimum(sla: &Sla) -> Vec<Problem> {
    let missing: Vec<&str> = [
        (sla.availability.is_none(), "availability"),
        (sla.recovery.is_empty(), "recovery"),
        (sla.support.is_none(), "support"),
    ]
    .into_iter()
    .filter(|(absent, _)| *absent)
    .map(|(_, key)| say::sla_part(key))
    .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    vec![
        Problem::error(
            path!["sla"],
            say::sla_lacks(&missing.join(crate::messages::pick("、", ", "))),
        )
        .row("BAS-06")
        .hint(say::sla_lacks_hint()),
    ]
}

fn figures(sla: &Sla) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some(availability) = &sla.availability {
        let percent = availability.percent;
        let at = path!["sla", "availability", "percent"];
        if !(percent > 0.0 && percent <= 100.0) {
            problems.push(
                Problem::error(at, say::availability_out_of_range(percent))
                    .hint(say::availability_hint()),
            );
        } else if percent < LOW_AVAILABILITY_PERCENT {
            problems.push(
                Problem::warning(at, say::availability_low(percent, LOW_AVAILABILITY_PERCENT))
                    .hint(say::availability_low_hint()),
            );
        }
    }
    if let Some(response) = &sla.response_time {
        if !(response.percentile > 0.0 && response.percentile <= 100.0) {
            problems.push(
                Problem::error(
                    path!["sla", "response_time", "percentile"],
                    say::percentile_out_of_range(response.percentile),
                )
                .hint(say::percentile_hint()),
            );
        }
        if !(response.seconds > 0.0 && response.seconds.is_finite()) {
            problems.push(
                Problem::error(
                    path!["sla", "response_time", "seconds"],
                    say::seconds_not_positive(response.seconds),
                )
                .hint(say::seconds_hint()),
            );
        }
    }
    let max_hours = sla
        .planned_outage
        .as_ref()
        .and_then(|o| o.max_hours_per_month);
    if let Some(hours) = max_hours.filter(|h| !(0.0..=744.0).contains(h)) {
        problems.push(
            Problem::error(
                path!["sla", "planned_outage", "max_hours_per_month"],
                say::outage_hours(hours),
            )
            .hint(say::outage_hours_hint()),
        );
    }
    problems.into_iter().map(|p| p.row("BAS-06")).collect()
}

/// Every figure with its path and commitment.
fn commitments(sla: &Sla) -> Vec<(Path, Commitment)> {
    let mut all = Vec::new();
    if let Some(a) = &sla.availability {
        all.push((path!["sla", "availability", "commitment"], a.commitment));
    }
    for (i, r) in sla.recovery.iter().enumerate() {
        all.push((path!["sla", "recovery", i, "commitment"], r.commitment));
    }
    let durations = [
        ("mttr", &sla.mttr),
        ("recovery_notice", &sla.recovery_notice),
        ("progress_report_interval", &sla.progress_report_interval),
    ];
    for (key, figure) in durations {
        if let Some(f) = figure {
            all.push((path!["sla", key, "commitment"], f.commitment));
        }
    }
    if let Some(r) = &sla.response_time {
        all.push((path!["sla", "response_time", "commitment"], r.commitment));
    }
    if let Some(f) = sla.support.as_ref().and_then(|s| s.first_response.as_ref()) {
        all.push((
            path!["sla", "support", "first_response", "commitment"],
            f.commitment,
        ));
    }
    all
}

/// A guarantee without a consequence is a target in disguise.
fn remedies(sla: &Sla) -> Option<Problem> {
    if sla.service_credits.is_some() || !sla.remedies.is_empty() {
        return None;
    }
    let (at, _) = commitments(sla)
        .into_iter()
        .find(|(_, c)| *c == Commitment::Guarantee)?;
    Some(
        Problem::error(at, say::guarantee_without_remedy())
            .row("BAS-06")
            .hint(say::guarantee_without_remedy_hint()),
    )
}
