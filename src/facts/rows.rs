//! Which part of the facts answers which row of the table, and each row's status.
//!
//! The mapping is for the shipped table. A row of another city's table that is not listed
//! here is answered by whatever template section declares it; the render step checks that.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::Facts;
use crate::criteria::{Criteria, RowId};

/// How a row stands for one submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowStatus {
    /// The facts that answer the row are given.
    Answered,
    /// Declared not applicable, with the vendor's reason.
    NotApplicable { reason: String },
    /// To be met by a date.
    Planned { date: NaiveDate, plan: String },
    /// Nothing answers the row yet.
    Missing { topic: &'static str },
    /// The row is not one beppyo knows facts for; the templates answer it.
    TemplateOnly,
}

impl RowStatus {
    /// The label the compliance matrix shows.
    pub fn label(&self) -> &'static str {
        match self {
            RowStatus::Answered | RowStatus::TemplateOnly => "対応済",
            RowStatus::NotApplicable { .. } => "対象外",
            RowStatus::Planned { .. } => "対応予定",
            RowStatus::Missing { .. } => "未回答",
        }
    }
}

/// The facts key that answers a row of the shipped table, if any.
pub fn topic_of(row: &str) -> Option<&'static str> {
    Some(match row {
        "BAS-01" => "policy",
        "BAS-02" => "submission",
        "BAS-03" => "change_notice",
        "BAS-04" => "capacity",
        "BAS-05" => "policy_conformance",
        "BAS-06" => "sla",
        "AUD-01" => "internal_audit",
        "AUD-02" => "external_audit",
        "AUD-03" => "certifications",
        "AST-01" => "exit",
        "AST-02" => "disposal",
        "PHY-01" => "physical_security",
        "PHY-02" => "data_location",
        "HUM-01" => "training",
        "HUM-02" => "violation_procedure",
        "HUM-03" => "confidentiality",
        "HUM-04" => "employment_terms",
        "TEC-01" => "redundancy",
        "TEC-02" | "TEC-11" => "network_defense",
        "TEC-03" => "time_sync",
        "TEC-04" | "TEC-06" => "access_control",
        "TEC-05" => "vulnerability_management",
        "TEC-07" | "TEC-08" => "logging",
        "TEC-09" => "forensics",
        "TEC-10" => "malware",
        "TEC-12" => "passwords",
        "TEC-13" => "network_restriction",
        "TEC-14" => "backup_protection",
        "TEC-15" => "account_suspension",
        "TEC-16" => "records_management",
        "TEC-17" => "connection",
        "TEC-18" => "mfa",
        "OPS-01" | "OPS-02" | "OPS-03" => "monitoring",
        "OPS-04" | "OPS-05" => "incident_response",
        _ => return None,
    })
}

/// Whether the facts carry the topic.
pub fn has_topic(facts: &Facts, topic: &str) -> bool {
    match topic {
        "submission" => true,
        "policy" => facts.policy.is_some(),
        "change_notice" => facts.change_notice.is_some(),
        "capacity" => facts.capacity.is_some(),
        "policy_conformance" => facts.policy_conformance.is_some(),
        "sla" => facts.sla.is_some(),
        "internal_audit" => facts.internal_audit.is_some(),
        "external_audit" => facts.external_audit.is_some(),
        "certifications" => !facts.certifications.is_empty(),
        "exit" => facts.exit.is_some(),
        "disposal" => facts.disposal.is_some(),
        "physical_security" => facts.physical_security.is_some(),
        "data_location" => facts.data_location.is_some(),
        "training" => facts.training.is_some(),
        "violation_procedure" => facts.violation_procedure.is_some(),
        "confidentiality" => facts.confidentiality.is_some(),
        "employment_terms" => facts.employment_terms.is_some(),
        "redundancy" => facts.redundancy.is_some(),
        "network_defense" => facts.network_defense.is_some(),
        "time_sync" => facts.time_sync.is_some(),
        "access_control" => facts.access_control.is_some(),
        "vulnerability_management" => facts.vulnerability_management.is_some(),
        "logging" => facts.logging.is_some(),
        "forensics" => facts.forensics.is_some(),
        "malware" => facts.malware.is_some(),
        "passwords" => facts.passwords.is_some(),
        "network_restriction" => facts.network_restriction.is_some(),
        "backup_protection" => facts.backup_protection.is_some(),
        "account_suspension" => facts.account_suspension.is_some(),
        "records_management" => facts.records_management.is_some(),
        "connection" => facts.connection.is_some(),
        "mfa" => facts.mfa.is_some(),
        "monitoring" => facts.monitoring.is_some(),
        "incident_response" => facts.incident_response.is_some(),
        _ => false,
    }
}

/// The status of one row.
pub fn status(facts: &Facts, row: &RowId) -> RowStatus {
    if let Some(reason) = facts.not_applicable.get(row) {
        return RowStatus::NotApplicable {
            reason: reason.clone(),
        };
    }
    if let Some(planned) = facts.planned.get(row) {
        return RowStatus::Planned {
            date: planned.date,
            plan: planned.plan.clone(),
        };
    }
    match topic_of(row.as_str()) {
        Some(topic) if has_topic(facts, topic) => RowStatus::Answered,
        Some(topic) => RowStatus::Missing { topic },
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
}
