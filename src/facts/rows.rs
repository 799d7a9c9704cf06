//! Which part of the facts answers which row of the table, and each row's status.
//!
//! [`TOPICS`] is the one table of topics: the facts key, the rows it answers and whether a
//! facts file carries it. The row lookup, the status table, `diff` and `migrate`'s new
//! topics derive from it; tests hold the README's topic list and `init`'s comments to it. A row of another city's table that is not listed here is answered by
//! whatever template section declares it; the render step checks that.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::Facts;
use crate::criteria::{Criteria, RowId};

/// A facts topic: its top-level key, the rows it answers, and whether it is present.
pub struct Topic {
    pub key: &'static str,
    pub rows: &'static [&'static str],
    pub present: fn(&Facts) -> bool,
}

/// Every topic of the facts file, in the order of the table.
pub const TOPICS: &[Topic] = &[
    Topic {
        key: "policy",
        rows: &["BAS-01"],
        present: |f| f.policy.is_some(),
    },
    Topic {
        key: "submission",
        rows: &["BAS-02"],
        present: |_| true,
    },
    Topic {
        key: "change_notice",
        rows: &["BAS-03"],
        present: |f| f.change_notice.is_some(),
    },
    Topic {
        key: "capacity",
        rows: &["BAS-04"],
        present: |f| f.capacity.is_some(),
    },
    Topic {
        key: "policy_conformance",
        rows: &["BAS-05"],
        present: |f| f.policy_conformance.is_some(),
    },
    Topic {
        key: "sla",
        rows: &["BAS-06"],
        present: |f| f.sla.is_some(),
    },
    Topic {
        key: "internal_audit",
        rows: &["AUD-01"],
        present: |f| f.internal_audit.is_some(),
    },
    Topic {
        key: "external_audit",
        rows: &["AUD-02"],
        present: |f| f.external_audit.is_some(),
    },
    Topic {
        key: "certifications",
        rows: &["AUD-03"],
        present: |f| f.own_certifications().next().is_some(),
    },
    Topic {
        key: "exit",
        rows: &["AST-01"],
        present: |f| f.exit.is_some(),
    },
    Topic {
        key: "disposal",
        rows: &["AST-02"],
        present: |f| f.disposal.is_some(),
    },
    Topic {
        key: "physical_security",
        rows: &["PHY-01"],
        present: |f| f.physical_security.is_some(),
    },
    Topic {
        key: "data_location",
        rows: &["PHY-02"],
        present: |f| f.data_location.is_some(),
    },
    Topic {
        key: "training",
        rows: &["HUM-01"],
        present: |f| f.training.is_some(),
    },
    Topic {
        key: "violation_procedure",
        rows: &["HUM-02"],
        present: |f| f.violation_procedure.is_some(),
    },
    Topic {
        key: "confidentiality",
        rows: &["HUM-03"],
        present: |f| f.confidentiality.is_some(),
    },
    Topic {
        key: "employment_terms",
        rows: &["HUM-04"],
        present: |f| f.employment_terms.is_some(),
    },
    Topic {
        key: "redundancy",
        rows: &["TEC-01"],
        present: |f| f.redundancy.is_some(),
    },
    Topic {
        key: "network_defense",
        rows: &["TEC-02", "TEC-11"],
        present: |f| f.network_defense.is_some(),
    },
    Topic {
        key: "time_sync",
        rows: &["TEC-03"],
        present: |f| f.time_sync.is_some(),
    },
    Topic {
        key: "access_control",
        rows: &["TEC-04", "TEC-06"],
        present: |f| f.access_control.is_some(),
    },
    Topic {
        key: "vulnerability_management",
        rows: &["TEC-05"],
        present: |f| f.vulnerability_management.is_some(),
    },
    Topic {
        key: "logging",
        rows: &["TEC-07", "TEC-08"],
        present: |f| f.logging.is_some(),
    },
    Topic {
        key: "forensics",
        rows: &["TEC-09"],
        present: |f| f.forensics.is_some(),
    },
    Topic {
        key: "malware",
        rows: &["TEC-10"],
        present: |f| f.malware.is_some(),
    },
    Topic {
        key: "passwords",
        rows: &["TEC-12"],
        present: |f| f.passwords.is_some(),
    },
    Topic {
        key: "access_paths",
        rows: &["TEC-13", "TEC-17", "TEC-18"],
        present: |f| !f.access_paths.is_empty(),
    },
    Topic {
        key: "backup_protection",
        rows: &["TEC-14"],
        present: |f| f.backup_protection.is_some(),
    },
    Topic {
        key: "account_suspension",
        rows: &["TEC-15"],
        present: |f| f.account_suspension.is_some(),
    },
    Topic {
        key: "records_management",
        rows: &["TEC-16"],
        present: |f| f.records_management.is_some(),
    },
    Topic {
        key: "monitoring",
        rows: &["OPS-01", "OPS-02", "OPS-03"],
        present: |f| f.monitoring.is_some(),
    },
    Topic {
        key: "incident_response",
        rows: &["OPS-04", "OPS-05"],
        present: |f| f.incident_response.is_some(),
    },
];

/// Rows that may never be declared not applicable: the table's core obligations.
pub const NEVER_NOT_APPLICABLE: &[&str] = &["BAS-02", "BAS-03", "BAS-06", "AST-01"];

/// Rows whose not-applicable status follows from the access paths, never declared.
pub const DERIVED_NOT_APPLICABLE: &[&str] = &["TEC-12", "TEC-18"];

/// How a row stands for one submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowStatus {
    /// The facts that answer the row are given (対応済).
    Answered,
    /// Parties provide the control; the vendor cites their evidence (対応済).
    Inherited { parties: Vec<String> },
    /// Partly in place: the topic's facts plus a dated plan (一部対応).
    Partial { date: NaiveDate, plan: String },
    /// An alternative control and why it meets the row (代替措置).
    Alternative { measure: String, rationale: String },
    /// To be met by a date (対応予定).
    Planned { date: NaiveDate, plan: String },
    /// Not applicable (対象外): declared with a reason, or derived from the facts.
    NotApplicable { reason: String, derived: bool },
    /// Nothing answers the row yet.
    Missing { topic: &'static str },
    /// The row is not one beppyo knows facts for; the templates answer it.
    TemplateOnly,
}

impl RowStatus {
    /// The label the compliance matrix shows.
    pub fn label(&self) -> &'static str {
        match self {
            RowStatus::Answered | RowStatus::Inherited { .. } | RowStatus::TemplateOnly => "対応済",
            RowStatus::Partial { .. } => "一部対応",
            RowStatus::Alternative { .. } => "代替措置",
            RowStatus::Planned { .. } => "対応予定",
            RowStatus::NotApplicable { .. } => "対象外",
            RowStatus::Missing { .. } => "未回答",
        }
    }
}

/// The topic that answers a row of the shipped table, if any.
pub fn topic_for(row: &str) -> Option<&'static Topic> {
    TOPICS.iter().find(|t| t.rows.contains(&row))
}

/// The facts key that answers a row of the shipped table, if any.
pub fn topic_of(row: &str) -> Option<&'static str> {
    topic_for(row).map(|t| t.key)
}

/// Whether the facts carry the topic.
pub fn has_topic(facts: &Facts, topic: &str) -> bool {
    TOPICS
        .iter()
        .find(|t| t.key == topic)
        .is_some_and(|t| (t.present)(facts))
}

/// The not-applicable status that follows from the access paths, for TEC-12 and TEC-18.
pub fn derived_not_applicable(facts: &Facts, row: &str) -> Option<String> {
    if facts.access_paths.is_empty() {
        return None;
    }
    match row {
        "TEC-12" if !facts.uses_passwords() => Some(
            "いずれの接続経路でも、本サービスはパスワードを認証要素として用いないため、本項目は適用対象外とする。"
                .to_string(),
        ),
        "TEC-18" if facts.mfa_paths().all(|p| p.line.is_closed()) => Some(
            "本市の職員・管理者及び当社の運用者が本サービスを利用する経路は全て閉域網であるため、本項目は適用対象外とする。"
                .to_string(),
        ),
        _ => None,
    }
}

/// The status of one row.
pub fn status(facts: &Facts, row: &RowId) -> RowStatus {
    if let Some(reason) = facts.not_applicable.get(row) {
        return RowStatus::NotApplicable {
            reason: reason.clone(),
            derived: false,
        };
    }
    if let Some(plan) = facts.planned.get(row) {
        return RowStatus::Planned {
            date: plan.date,
            plan: plan.plan.clone(),
        };
    }
    if let Some(alt) = facts.alternative.get(row) {
        return RowStatus::Alternative {
            measure: alt.measure.clone(),
            rationale: alt.rationale.clone(),
        };
    }
    if let Some(reason) = derived_not_applicable(facts, row.as_str()) {
        return RowStatus::NotApplicable {
            reason,
            derived: true,
        };
    }
    let topic = topic_for(row.as_str());
    let present = topic.is_some_and(|t| (t.present)(facts));
    if let Some(plan) = facts.partial.get(row)
        && (present || facts.inherited.contains_key(row))
    {
        return RowStatus::Partial {
            date: plan.date,
            plan: plan.plan.clone(),
        };
    }
    if let Some(inherited) = facts.inherited.get(row)
        && !present
    {
        return RowStatus::Inherited {
            parties: inherited.iter().map(|i| i.party.clone()).collect(),
        };
    }
    match topic {
        Some(_) if present => RowStatus::Answered,
        Some(t) => RowStatus::Missing { topic: t.key },
        None => RowStatus::TemplateOnly,
    }
}

/// Every row of the table with its status, in table order.
pub fn statuses(facts: &Facts, criteria: &Criteria) -> Vec<(RowId, RowStatus)> {
    criteria
        .rows
        .iter()
        .map(|row| (row.id.clone(), status(facts, &row.id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_row_has_a_topic() {
        let criteria = Criteria::embedded();
        for row in &criteria.rows {
            assert!(topic_of(row.id.as_str()).is_some(), "{}", row.id);
        }
    }

    #[test]
    fn no_row_has_two_topics() {
        for topic in TOPICS {
            for row in topic.rows {
                let owners = TOPICS.iter().filter(|t| t.rows.contains(row)).count();
                assert_eq!(owners, 1, "{row}");
            }
        }
    }
}
