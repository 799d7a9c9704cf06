//! AST-01 ②: the deletion at exit makes every copy unrecoverable, each method proven by
//! someone who can prove it.
//!
//! Logical deletion alone leaves the data on the media; it counts only beside a
//! crypto-erase (which needs a key per tenant) or the provider's attested sanitisation of
//! its media.

use crate::diagnostic::Problem;
use crate::facts::model::{
    CityApproval, DeletionEvidence, DeletionKind, DeletionMethod, DeletionScope, Facts, VENDOR,
};
use crate::messages::rules::deletion as say;
use crate::path;
use crate::yaml::Path;

pub fn check(facts: &Facts) -> Vec<Problem> {
    let Some(exit) = &facts.exit else {
        return Vec::new();
    };
    let methods = &exit.deletion.methods;
    let mut problems = Vec::new();
    for (i, method) in methods.iter().enumerate() {
        problems.extend(crypto_erase_keys(facts, i, method));
        problems.extend(unpaired_logical_deletion(facts, methods, i, method));
        problems.extend(copy_without_deadline(facts, methods, i, method));
        problems.extend(level(i, method));
        problems.extend(evidence(i, method));
    }
    problems.extend(scope(facts, &exit.deletion.scope));
    problems.into_iter().map(|p| p.row("AST-01")).collect()
}

fn at(i: usize, key: &str) -> Path {
    path!["exit", "deletion", "methods", i, key]
}

/// Destroying a key erases one tenant only when the tenant has a key of its own.
fn crypto_erase_keys(facts: &Facts, i: usize, method: &DeletionMethod) -> Option<Problem> {
    if method.kind != DeletionKind::CryptoErase {
        return None;
    }
    let per_tenant = facts.encryption.as_ref().map(|e| e.at_rest.per_tenant_keys);
    if per_tenant == Some(true) {
        return None;
    }
    let (other, said) = match per_tenant {
        Some(_) => (
            path!["encryption", "at_rest", "per_tenant_keys"],
            say::not_per_tenant_keys(),
        ),
        None => (path!["encryption"], say::no_encryption_at_rest()),
    };
    Some(
        Problem::error(at(i, "kind"), say::crypto_erase_needs_own_key())
            .also(other, said)
            .hint(say::crypto_erase_needs_own_key_hint()),
    )
}

fn unpaired_logical_deletion(
    facts: &Facts,
    methods: &[DeletionMethod],
    i: usize,
    method: &DeletionMethod,
) -> Option<Problem> {
    if method.kind != DeletionKind::LogicalDeletion {
        return None;
    }
    // What the vendor deletes logically lives on its own keys or on a party's media; what a
    // party deletes logically is made unrecoverable only by that party's own processing.
    let by_vendor = method.performed_by == VENDOR;
    let paired = methods.iter().any(|m| {
        let attested = matches!(
            m.evidence,
            DeletionEvidence::PartyAttestation | DeletionEvidence::ThirdPartyReport
        );
        match m.kind {
            DeletionKind::CryptoErase => by_vendor || m.performed_by == method.performed_by,
            DeletionKind::MediaSanitization if by_vendor => {
                facts.hosts_vendor_storage(&m.performed_by) && attested
            }
            DeletionKind::MediaSanitization => m.performed_by == method.performed_by && attested,
            _ => false,
        }
    });
    (!paired).then(|| {
        Problem::error(at(i, "kind"), say::logical_deletion_alone(&method.target))
            .hint(say::logical_deletion_alone_hint())
    })
}

/// AST-01 ② asks that every copy be made unusable, and the exit plan states the day the
/// last copy is gone. A logical deletion that only a media sanitisation (the provider's, on
/// its own schedule) makes unrecoverable leaves copies with no such day: the row is then
/// not fully met, and must say so with a dated plan or an alternative the city can weigh.
fn copy_without_deadline(
    facts: &Facts,
    methods: &[DeletionMethod],
    i: usize,
    method: &DeletionMethod,
) -> Option<Problem> {
    if method.kind != DeletionKind::LogicalDeletion
        || facts.partial.keys().any(|id| id.as_str() == "AST-01")
        || facts.alternative.keys().any(|id| id.as_str() == "AST-01")
        || facts.planned.keys().any(|id| id.as_str() == "AST-01")
    {
        return None;
    }
    // A logical deletion nothing makes unrecoverable is reported by that check alone.
    if unpaired_logical_deletion(facts, methods, i, method).is_some() {
        return None;
    }
    let by_vendor = method.performed_by == VENDOR;
    let erased_by_key = methods.iter().any(|m| {
        m.kind == DeletionKind::CryptoErase && (by_vendor || m.performed_by == method.performed_by)
    });
    if erased_by_key {
        return None;
    }
    Some(
        Problem::error(at(i, "kind"), say::no_deletion_day(&method.target))
            .hint(say::no_deletion_day_hint()),
    )
}

/// NIST SP 800-88 levels describe media sanitisation, and only that.
fn level(i: usize, method: &DeletionMethod) -> Option<Problem> {
    let media = method.kind == DeletionKind::MediaSanitization;
    match (media, method.level) {
        (true, None) => Some(
            Problem::error(at(i, "kind"), say::media_needs_level())
                .hint(say::media_needs_level_hint()),
        ),
        (false, Some(_)) => Some(
            Problem::error(at(i, "level"), say::level_only_for_media())
                .also(at(i, "kind"), say::deletion_method())
                .hint(say::level_only_for_media_hint()),
        ),
        _ => None,
    }
}

/// The vendor certifies what it did; what a party did is proven by the party or a third
/// party.
fn evidence(i: usize, method: &DeletionMethod) -> Option<Problem> {
    let by_vendor = method.performed_by == VENDOR;
    let wrong = match method.evidence {
        DeletionEvidence::VendorCertificate => !by_vendor,
        DeletionEvidence::PartyCertificate | DeletionEvidence::PartyAttestation => by_vendor,
        DeletionEvidence::ThirdPartyReport => false,
    };
    wrong.then(|| {
        let (message, hint) = if by_vendor {
            (
                say::vendor_proves_with_party(),
                say::vendor_proves_with_party_hint(),
            )
        } else {
            (
                say::party_proven_by_vendor(),
                say::party_proven_by_vendor_hint(),
            )
        };
        Problem::error(at(i, "evidence"), message)
            .also(at(i, "performed_by"), say::performer())
            .hint(hint)
    })
}

fn scope(facts: &Facts, scope: &[DeletionScope]) -> Vec<Problem> {
    let at = path!["exit", "deletion", "scope"];
    let mut problems = Vec::new();
    for (needed, name) in [
        (DeletionScope::Production, say::scope_part("production")),
        (DeletionScope::Backups, say::scope_part("backups")),
    ] {
        if !scope.contains(&needed) {
            problems.push(
                Problem::error(at.clone(), say::scope_lacks(name)).hint(say::scope_lacks_hint()),
            );
        }
    }
    let handling = facts
        .parties
        .iter()
        .position(|p| p.city_approval != CityApproval::NotRequired);
    if scope.contains(&DeletionScope::Subprocessors) {
        problems.extend(subprocessors_without_method(facts));
    }
    if let Some(j) = handling.filter(|_| !scope.contains(&DeletionScope::Subprocessors)) {
        problems.push(
            Problem::error(at, say::scope_lacks_subprocessors())
                .also(
                    path!["parties", j, "city_approval"],
                    say::subprocessor_handles_data(),
                )
                .hint(say::scope_lacks_subprocessors_hint()),
        );
    }
    problems
}

/// The exit plan names every party that handles the city's information as in the deletion
/// scope: each must then delete something, by a method the plan can state and prove.
fn subprocessors_without_method(facts: &Facts) -> Vec<Problem> {
    let Some(exit) = &facts.exit else {
        return Vec::new();
    };
    facts
        .parties
        .iter()
        .enumerate()
        .filter(|(_, p)| p.city_approval != CityApproval::NotRequired)
        .filter(|(_, p)| {
            !exit
                .deletion
                .methods
                .iter()
                .any(|m| m.performed_by == p.key)
        })
        .map(|(j, p)| {
            Problem::error(
                path!["parties", j, "data_handled"],
                say::subprocessor_without_method(&p.name),
            )
            .also(
                path!["exit", "deletion", "scope"],
                say::scope_names_subprocessors(),
            )
            .hint(say::subprocessor_without_method_hint(&p.key))
        })
        .collect()
}
