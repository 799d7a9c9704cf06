//! Row statuses: the status maps (`not_applicable`, `planned`, `partial`, `alternative`,
//! `inherited`) name real rows, give each row one status, carry what that status needs
//! (a reason that says something, a future date, current measures, evidence), and every
//! row ends up answered.

use std::collections::BTreeMap;

use super::values::after_submission;
use crate::criteria::{Criteria, RowId};
use crate::diagnostic::Problem;
use crate::facts::model::{Facts, Plan};
use crate::facts::rows::{self, RowStatus};
use crate::messages::rules::statuses as say;
use crate::path;

/// A not-applicable reason shorter than this cannot tell the city why.
pub const MIN_REASON_CHARS: usize = 20;

/// Reasons that say nothing, compared after [`fold`].
const STOCK_REASONS: &[&str] = &[
    "なし",
    "無し",
    "特になし",
    "特に無し",
    "該当なし",
    "該当無し",
    "該当しない",
    "非該当",
    "対象外",
    "適用外",
    "適用対象外",
    "不要",
    "不明",
    "未定",
    "省略",
    "x",
    "na",
    "none",
    "nil",
    "null",
    "tbd",
    "notapplicable",
];

pub fn check(facts: &Facts, criteria: &Criteria) -> Vec<Problem> {
    let mut problems = unknown_rows(facts, criteria);
    problems.extend(one_status_per_row(facts));
    problems.extend(not_applicable(facts));
    problems.extend(repeated_reasons(facts));
    problems.extend(plan_dates(facts));
    problems.extend(partial_without_measures(facts));
    problems.extend(unmet_with_measures(facts));
    problems.extend(inherited_evidence(facts));
    problems.extend(conformance_exceptions(facts));
    problems.extend(vendor_terminals(facts));
    problems.extend(vendor_equipment_unprotected(facts));
    problems.extend(unanswered(facts, criteria));
    problems
}

/// The vendor's operators reach the service from terminals of their own: malware
/// measures (TEC-10) apply to them, whatever the platform does, and the row also asks for
/// cooperation with the measures of other services. It cannot be declared not applicable.
fn vendor_terminals(facts: &Facts) -> Option<Problem> {
    let (id, _) = facts
        .not_applicable
        .iter()
        .find(|(id, _)| id.as_str() == "TEC-10")?;
    let path = facts
        .access_paths
        .iter()
        .find(|p| p.users == crate::facts::model::PathUsers::VendorOperators)?;
    Some(
        Problem::error(
            path!["not_applicable", id.as_str()],
            say::malware_operators(&path.name),
        )
        .row(id.as_str())
        .hint(say::malware_operators_hint()),
    )
}

/// PHY-01 resting only on parties' controls while the vendor owns equipment that may hold
/// the city's data (AST-02's classes): the row asks for theft prevention of that
/// equipment too, which only the vendor's own measures (`physical_security`) can give.
fn vendor_equipment_unprotected(facts: &Facts) -> Option<Problem> {
    let id = RowId::parse("PHY-01").ok()?;
    if !matches!(rows::status(facts, &id), RowStatus::Inherited { .. }) {
        return None;
    }
    let disposal = facts.disposal.as_ref()?;
    let (i, class) = disposal
        .classes
        .iter()
        .enumerate()
        .find(|(_, c)| c.owner == crate::facts::model::VENDOR)?;
    Some(
        Problem::error(
            path!["inherited", "PHY-01"],
            say::vendor_equipment_unprotected(&class.equipment),
        )
        .also(
            path!["disposal", "classes", i, "equipment"],
            say::vendor_equipment(),
        )
        .row("PHY-01")
        .hint(say::vendor_equipment_unprotected_hint()),
    )
}

/// A policy the service cannot fully follow is not 対応済 for BAS-05: the row is then met
/// partly (with a dated plan) or by an alternative, and says so.
fn conformance_exceptions(facts: &Facts) -> Vec<Problem> {
    let Some(conformance) = &facts.policy_conformance else {
        return Vec::new();
    };
    let Ok(id) = RowId::parse("BAS-05") else {
        return Vec::new();
    };
    let qualified = facts.partial.contains_key(&id)
        || facts.alternative.contains_key(&id)
        || facts.planned.contains_key(&id);
    if conformance.exceptions.is_empty() || qualified {
        return Vec::new();
    }
    vec![
        Problem::error(
            path!["policy_conformance", "exceptions"],
            say::policy_exceptions(conformance.exceptions.len()),
        )
        .row("BAS-05")
        .hint(say::policy_exceptions_hint()),
    ]
}

/// The status maps, each with the rows it names.
fn declared(facts: &Facts) -> Vec<(&'static str, Vec<&RowId>)> {
    vec![
        ("not_applicable", facts.not_applicable.keys().collect()),
        ("planned", facts.planned.keys().collect()),
        ("partial", facts.partial.keys().collect()),
        ("alternative", facts.alternative.keys().collect()),
        ("inherited", facts.inherited.keys().collect()),
    ]
}

fn unknown_rows(facts: &Facts, criteria: &Criteria) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (section, ids) in declared(facts) {
        for id in ids.into_iter().filter(|id| criteria.row(id).is_none()) {
            let hint = match criteria.suggest(id.as_str()) {
                Some(near) => crate::messages::rules::did_you_mean(&near),
                None => say::see_criteria(),
            };
            problems
                .push(Problem::error(path![section, id.as_str()], say::unknown_row(id)).hint(hint));
        }
    }
    problems
}

/// A row is not applicable, planned, partly met or met by an alternative — one of them.
fn one_status_per_row(facts: &Facts) -> Vec<Problem> {
    let mut first: BTreeMap<&RowId, &str> = BTreeMap::new();
    let mut problems = Vec::new();
    for (section, ids) in declared(facts) {
        if section == "inherited" {
            continue;
        }
        for id in ids {
            match first.get(id) {
                Some(earlier) => problems.push(
                    Problem::error(
                        path![section, id.as_str()],
                        say::row_twice(id, earlier, section),
                    )
                    .also(path![*earlier, id.as_str()], say::the_other())
                    .row(id.as_str())
                    .hint(say::row_twice_hint()),
                ),
                None => {
                    first.insert(id, section);
                }
            }
        }
    }
    problems
}

fn not_applicable(facts: &Facts) -> Vec<Problem> {
    facts
        .not_applicable
        .iter()
        .filter_map(|(id, reason)| {
            let at = path!["not_applicable", id.as_str()];
            let problem = if rows::NEVER_NOT_APPLICABLE.contains(&id.as_str()) {
                Problem::error(at, say::never_not_applicable(id))
                    .hint(say::never_not_applicable_hint())
            } else if rows::DERIVED_NOT_APPLICABLE.contains(&id.as_str()) {
                Problem::error(at, say::derived_not_applicable(id)).hint(derived_hint(id.as_str()))
            } else if reason.trim().is_empty() {
                return None; // reported as blank
            } else if is_stock(reason) {
                Problem::error(at, say::stock_reason(reason.trim())).hint(reason_hint())
            } else if reason.trim().chars().count() < MIN_REASON_CHARS {
                Problem::error(
                    at,
                    say::short_reason(reason.trim().chars().count(), MIN_REASON_CHARS),
                )
                .hint(reason_hint())
            } else {
                return None;
            };
            Some(problem.row(id.as_str()))
        })
        .collect()
}

fn derived_hint(row: &str) -> String {
    say::derived_hint(row, say::derived_when(row))
}

fn reason_hint() -> &'static str {
    say::reason_hint()
}

/// Folds a reason for comparison: half-width ASCII, lower case, without spaces and
/// punctuation.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '！'..='～' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            c => c,
        })
        .filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation())
        .filter(|c| !"。、．，・ー―—‐－「」（）".contains(*c))
        .collect::<String>()
        .to_lowercase()
}

fn is_stock(reason: &str) -> bool {
    let folded = fold(reason);
    folded.is_empty() || STOCK_REASONS.contains(&folded.as_str())
}

/// The same reason pasted under several rows explains none of them.
fn repeated_reasons(facts: &Facts) -> Vec<Problem> {
    let mut first: BTreeMap<String, &RowId> = BTreeMap::new();
    let mut problems = Vec::new();
    for (id, reason) in &facts.not_applicable {
        let folded = fold(reason);
        if folded.is_empty() || is_stock(reason) {
            continue;
        }
        match first.get(&folded) {
            Some(earlier) => problems.push(
                Problem::warning(
                    path!["not_applicable", id.as_str()],
                    say::same_reason_as(id, earlier),
                )
                .also(
                    path!["not_applicable", earlier.as_str()],
                    say::same_reason(),
                )
                .row(id.as_str())
                .hint(say::same_reason_hint()),
            ),
            None => {
                first.insert(folded, id);
            }
        }
    }
    problems
}

/// A plan completes after the submission: a date on or before it is a plan not updated.
fn plan_dates(facts: &Facts) -> Vec<Problem> {
    let maps: [(&str, &BTreeMap<RowId, Plan>); 2] =
        [("planned", &facts.planned), ("partial", &facts.partial)];
    let date = facts.submission.date;
    maps.into_iter()
        .flat_map(|(section, map)| map.iter().map(move |(id, plan)| (section, id, plan)))
        .filter(|(_, _, plan)| plan.date <= date)
        .map(|(section, id, plan)| {
            Problem::error(
                path![section, id.as_str(), "date"],
                say::plan_not_after_submission(&plan.date, &date),
            )
            .also(
                path!["submission", "date"],
                crate::messages::rules::values::submission_date(),
            )
            .row(id.as_str())
            .hint(say::plan_not_after_submission_hint())
        })
        .collect()
}

/// 一部対応 prints the current measures beside the plan: there must be some.
fn partial_without_measures(facts: &Facts) -> Vec<Problem> {
    facts
        .partial
        .keys()
        .filter_map(|id| {
            let topic = rows::topic_for(id.as_str())?;
            let present = (topic.present)(facts) || facts.inherited.contains_key(id);
            (!present).then(|| {
                Problem::error(
                    path!["partial", id.as_str()],
                    say::partial_without_measures(id, topic.key),
                )
                .row(id.as_str())
                .hint(say::partial_without_measures_hint(topic.key))
            })
        })
        .collect()
}

/// A row declared planned or not applicable while the topic that answers only that row is
/// filled: the documents would print the topic as measures in place (the agreement as a
/// duty) beside 対応予定 or 対象外. Topics that answer several rows stay, for the others.
fn unmet_with_measures(facts: &Facts) -> Vec<Problem> {
    let planned = facts.planned.keys().map(|id| ("planned", id));
    let not_applicable = facts.not_applicable.keys().map(|id| ("not_applicable", id));
    planned
        .chain(not_applicable)
        .filter_map(|(section, id)| {
            let topic = rows::topic_for(id.as_str())?;
            let only = topic.rows == [id.as_str()] && topic.key != "submission";
            (only && (topic.present)(facts)).then(|| {
                Problem::error(
                    path![topic.key],
                    say::unmet_with_measures(id, section, topic.key),
                )
                .also(path![section, id.as_str()], say::declared_here(section))
                .row(id.as_str())
                .hint(say::unmet_with_measures_hint(id, section, topic.key))
            })
        })
        .collect()
}

/// Inherited controls rest on evidence that covers a period already past.
fn inherited_evidence(facts: &Facts) -> Vec<Problem> {
    let date = facts.submission.date;
    let mut problems = Vec::new();
    for (id, entries) in &facts.inherited {
        for (i, entry) in entries.iter().enumerate() {
            let at = path!["inherited", id.as_str(), i];
            if entry.evidence.is_empty() {
                let mut path = at.clone();
                path.push(crate::diagnostic::segment("evidence"));
                problems.push(
                    Problem::error(path, say::inherited_without_evidence())
                        .row(id.as_str())
                        .hint(say::inherited_without_evidence_hint()),
                );
            }
            for (j, evidence) in entry.evidence.iter().enumerate() {
                let key = |k: &str| path!["inherited", id.as_str(), i, "evidence", j, k];
                if let (Some(from), Some(to)) = (evidence.period_from, evidence.period_to)
                    && from > to
                {
                    problems.push(
                        Problem::error(key("period_to"), say::period_reversed(&to, &from))
                            .also(key("period_from"), say::period_start())
                            .row(id.as_str()),
                    );
                }
                let last = [
                    ("period_to", evidence.period_to),
                    ("period_from", evidence.period_from),
                ]
                .into_iter()
                .find_map(|(k, d)| d.map(|d| (k, d)));
                if let Some((k, last)) = last.filter(|(_, d)| *d > date) {
                    problems.push(after_submission(key(k), last, date).row(id.as_str()));
                }
            }
        }
    }
    problems
}

/// Rows that nothing answers. A row declared partial without measures is reported by
/// [`partial_without_measures`] instead.
fn unanswered(facts: &Facts, criteria: &Criteria) -> Vec<Problem> {
    rows::statuses(facts, criteria)
        .into_iter()
        .filter(|(id, _)| !facts.partial.contains_key(id))
        .filter_map(|(id, status)| match status {
            RowStatus::Missing { topic } => Some(missing(facts, &id, topic)),
            _ => None,
        })
        .collect()
}

fn missing(facts: &Facts, id: &RowId, topic: &str) -> Problem {
    let problem = if topic == "certifications" && !facts.certifications.is_empty() {
        Problem::error(path!["certifications"], say::no_own_certification(id))
            .hint(say::no_own_certification_hint())
    } else {
        Problem::error(path![topic], say::unanswered(id, topic))
            .hint(say::unanswered_hint(topic, id))
    };
    problem.row(id.as_str()).unanswered()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_reasons_are_recognised_in_any_width_and_case() {
        for reason in [
            "なし",
            "該当なし。",
            "対象外",
            "特になし",
            "-",
            "x",
            "N/A",
            "Ｎ／Ａ",
            "不要",
            " ー ",
        ] {
            assert!(is_stock(reason), "{reason}");
        }
        assert!(!is_stock(
            "本サービスは本市の情報を保存しないため、バックアップを取得しない。"
        ));
    }
}
