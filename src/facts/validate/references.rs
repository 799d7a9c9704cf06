//! References to parties: keys that are well formed and unique, every reference that
//! resolves, and the inherited evidence that a party's role demands (a party that owns
//! equipment proves its disposal, AST-02; a party that runs a site proves its physical
//! security, PHY-01).

use std::collections::BTreeMap;

use super::nearest;
use crate::diagnostic::Problem;
use crate::facts::model::{Facts, SERVICE, VENDOR};
use crate::messages::rules::references as say;
use crate::path;
use crate::yaml::Path;

pub fn check(facts: &Facts) -> Vec<Problem> {
    let mut problems = party_keys(facts);
    problems.extend(
        references(facts)
            .into_iter()
            .filter_map(|reference| unresolved(facts, reference)),
    );
    problems.extend(disposal_by_parties(facts));
    problems.extend(sites_run_by_parties(facts));
    problems
}

fn party_keys(facts: &Facts) -> Vec<Problem> {
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    for (i, party) in facts.parties.iter().enumerate() {
        let key = party.key.as_str();
        let at = path!["parties", i, "key"];
        if key == VENDOR || key == SERVICE {
            problems.push(
                Problem::error(at, say::reserved_party_key(key))
                    .hint(say::reserved_party_key_hint()),
            );
        } else if !key.is_empty() && !is_key(key) {
            problems.push(
                Problem::error(at, say::bad_party_key(&key.escape_default().to_string()))
                    .hint(say::bad_party_key_hint()),
            );
        } else if let Some(&earlier) = first.get(key) {
            problems.push(
                Problem::error(at, say::party_key_twice(key))
                    .also(path!["parties", earlier, "key"], say::used_first_here())
                    .hint(say::party_key_twice_hint()),
            );
        } else {
            first.insert(key, i);
        }
    }
    problems
}

fn is_key(key: &str) -> bool {
    key.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// What a reference may name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Allowed {
    /// vendor, service, or a party (holders of certifications and reports).
    Holder,
    /// vendor or a party (who performs or operates something).
    Actor,
    /// a party only (who provides an inherited control, whose staff use a path).
    Party,
}

struct Reference<'a> {
    path: Path,
    value: &'a str,
    allowed: Allowed,
    row: Option<&'a str>,
}

fn reference<'a>(
    path: Path,
    value: &'a str,
    allowed: Allowed,
    row: Option<&'a str>,
) -> Reference<'a> {
    Reference {
        path,
        value,
        allowed,
        row,
    }
}

/// Every key of the facts that names the vendor, the service or a party.
fn references(facts: &Facts) -> Vec<Reference<'_>> {
    let mut refs = Vec::new();
    for (i, c) in facts.certifications.iter().enumerate() {
        let at = path!["certifications", i, "holder"];
        refs.push(reference(at, &c.holder, Allowed::Holder, Some("AUD-03")));
    }
    for (i, a) in facts.attestations.iter().enumerate() {
        let at = path!["attestations", i, "holder"];
        refs.push(reference(at, &a.holder, Allowed::Holder, None));
    }
    for (id, entries) in &facts.inherited {
        for (i, entry) in entries.iter().enumerate() {
            let at = path!["inherited", id.as_str(), i, "party"];
            refs.push(reference(
                at,
                &entry.party,
                Allowed::Party,
                Some(id.as_str()),
            ));
        }
    }
    for (i, p) in facts.access_paths.iter().enumerate() {
        if let Some(party) = &p.party {
            let at = path!["access_paths", i, "party"];
            refs.push(reference(at, party, Allowed::Party, Some("TEC-13")));
        }
    }
    for (i, m) in facts
        .exit
        .iter()
        .flat_map(|e| e.deletion.methods.iter().enumerate())
    {
        let at = path!["exit", "deletion", "methods", i, "performed_by"];
        refs.push(reference(
            at,
            &m.performed_by,
            Allowed::Actor,
            Some("AST-01"),
        ));
    }
    for (i, c) in facts
        .disposal
        .iter()
        .flat_map(|d| d.classes.iter().enumerate())
    {
        let at = path!["disposal", "classes", i, "owner"];
        refs.push(reference(at, &c.owner, Allowed::Actor, Some("AST-02")));
    }
    for (i, s) in facts
        .data_location
        .iter()
        .flat_map(|d| d.sites.iter().enumerate())
    {
        let at = path!["data_location", "sites", i, "operator"];
        refs.push(reference(at, &s.operator, Allowed::Actor, Some("PHY-02")));
    }
    if let Some(malware) = &facts.malware {
        let at = path!["malware", "performed_by"];
        refs.push(reference(
            at,
            &malware.performed_by,
            Allowed::Actor,
            Some("TEC-10"),
        ));
    }
    refs
}

/// The problem of a reference that names nothing it may name, with the nearest key.
fn unresolved(facts: &Facts, reference: Reference) -> Option<Problem> {
    let value = reference.value.trim();
    if value.is_empty() {
        return None; // reported as blank
    }
    let mut allowed: Vec<&str> = match reference.allowed {
        Allowed::Holder => vec![VENDOR, SERVICE],
        Allowed::Actor => vec![VENDOR],
        Allowed::Party => Vec::new(),
    };
    allowed.extend(facts.parties.iter().map(|p| p.key.as_str()));
    if allowed.contains(&value) {
        return None;
    }
    let problem = if reference.allowed == Allowed::Party && (value == VENDOR || value == SERVICE) {
        Problem::error(reference.path, say::party_expected(value)).hint(say::party_expected_hint())
    } else {
        let hint = match nearest(value, &allowed) {
            Some(near) => crate::messages::rules::did_you_mean(&near),
            None => say::allowed_are(&allowed_words(reference.allowed, facts)),
        };
        Problem::error(reference.path, say::unknown_party(value)).hint(hint)
    };
    Some(match reference.row {
        Some(row) => problem.row(row),
        None => problem,
    })
}

fn allowed_words(allowed: Allowed, facts: &Facts) -> String {
    let own = match allowed {
        Allowed::Holder => say::holder_words(),
        Allowed::Actor => say::actor_words(),
        Allowed::Party => String::new(),
    };
    let parties = if facts.parties.is_empty() {
        say::no_parties()
    } else {
        let keys: Vec<&str> = facts.parties.iter().map(|p| p.key.as_str()).collect();
        say::party_keys(&keys.join(crate::messages::pick("、", ", ")))
    };
    if own.is_empty() {
        parties
    } else {
        say::own_or_parties(&own, &parties)
    }
}

/// A party's equipment is disposed of by the party: the vendor proves it with the
/// party's evidence under `inherited.AST-02`.
fn disposal_by_parties(facts: &Facts) -> Vec<Problem> {
    let classes = facts
        .disposal
        .iter()
        .flat_map(|d| d.classes.iter().enumerate());
    classes
        .filter(|(_, class)| facts.party(&class.owner).is_some())
        .filter(|(_, class)| !inherits_from(facts, "AST-02", &class.owner))
        .map(|(i, class)| {
            Problem::error(
                path!["disposal", "classes", i, "owner"],
                say::disposal_not_inherited(&class.owner),
            )
            .row("AST-02")
            .hint(say::disposal_not_inherited_hint(&class.owner))
        })
        .collect()
}

/// A site run by a party is physically secured by the party: `inherited.PHY-01` from it.
fn sites_run_by_parties(facts: &Facts) -> Vec<Problem> {
    let sites = facts
        .data_location
        .iter()
        .flat_map(|d| d.sites.iter().enumerate());
    let mut reported: Vec<&str> = Vec::new();
    let mut problems = Vec::new();
    for (i, site) in sites {
        let operator = site.operator.as_str();
        if facts.party(operator).is_none()
            || inherits_from(facts, "PHY-01", operator)
            || reported.contains(&operator)
        {
            continue;
        }
        reported.push(operator);
        problems.push(
            Problem::error(
                path!["data_location", "sites", i, "operator"],
                say::site_not_inherited(operator),
            )
            .row("PHY-01")
            .hint(say::site_not_inherited_hint(operator)),
        );
    }
    problems
}

fn inherits_from(facts: &Facts, row: &str, party: &str) -> bool {
    facts
        .inherited
        .iter()
        .filter(|(id, _)| id.as_str() == row)
        .flat_map(|(_, entries)| entries)
        .any(|entry| entry.party == party)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_keys_are_lowercase_ascii() {
        assert!(is_key("dc-tokyo") && is_key("iaas2"));
        assert!(!is_key("DC") && !is_key("dc_tokyo") && !is_key("東京"));
    }
}
