//! Checks beyond types: what the 別表 and the domain demand of well-typed facts.
//!
//! One submodule per job, each a function from the facts to [`Problem`]s that carry the
//! key path of the value at fault (and of the other end of a contradiction) and the row
//! they concern; [`super::load`] attaches source locations and sorts them into file order.
//! Checks never stop at the first problem, and a value that is wrong is reported by one
//! check only.

mod access;
pub mod attachments;
mod certifications;
pub mod change;
mod deletion;
mod places;
mod references;
mod sla;
mod statuses;
mod strings;
mod timeline;
mod values;

use super::model::Facts;
use super::rows;
use crate::criteria::Criteria;
use crate::diagnostic::Problem;
use crate::typeset::Fonts;
use crate::yaml::{Path, PathSegment};

pub use strings::PLACEHOLDER;

/// Every problem of the facts against the table. `fonts` are those the render would use;
/// `None` skips the glyph check.
pub fn validate(facts: &Facts, criteria: &Criteria, fonts: Option<&Fonts>) -> Vec<Problem> {
    let mut problems = Vec::new();
    problems.extend(strings::check(facts, fonts));
    problems.extend(values::check(facts));
    problems.extend(statuses::check(facts, criteria));
    problems.extend(references::check(facts));
    problems.extend(certifications::check(facts));
    problems.extend(access::check(facts));
    problems.extend(deletion::check(facts));
    problems.extend(timeline::check(facts));
    problems.extend(sla::check(facts));
    problems.extend(places::check(facts));
    problems.extend(attachments::check(facts));
    problems.extend(change::check(facts));
    problems
}

/// Calls `visit` with the path and text of every string value of the facts, as they
/// are serialised (which is how the templates see them).
pub(crate) fn each_string(facts: &Facts, visit: &mut dyn FnMut(&[PathSegment], &str)) {
    // Facts serialise to JSON without fail: every map key is a string.
    let value = serde_json::to_value(facts).expect("facts are plain data and always serialise");
    walk_strings(&value, &mut Vec::new(), visit);
}

fn walk_strings(
    value: &serde_json::Value,
    path: &mut Path,
    visit: &mut dyn FnMut(&[PathSegment], &str),
) {
    match value {
        serde_json::Value::String(text) => visit(path, text),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(PathSegment::Index(i));
                walk_strings(item, path, visit);
                path.pop();
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                path.push(PathSegment::Key(key.clone()));
                walk_strings(item, path, visit);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The row a value at `path` concerns: the row key of a status map, or the first row
/// of the topic the path starts with.
pub(crate) fn row_of_path(path: &[PathSegment]) -> Option<&str> {
    let Some(PathSegment::Key(top)) = path.first() else {
        return None;
    };
    let statuses = [
        "not_applicable",
        "planned",
        "partial",
        "alternative",
        "inherited",
    ];
    if statuses.contains(&top.as_str()) {
        return match path.get(1) {
            Some(PathSegment::Key(row)) => Some(row.as_str()),
            _ => None,
        };
    }
    rows::TOPICS
        .iter()
        .find(|topic| topic.key == top)
        .and_then(|topic| topic.rows.first().copied())
}

/// The candidate nearest to a mistyped word, when one is close enough to be meant.
pub(crate) fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let threshold = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(c, word), *c))
        .filter(|(d, _)| *d <= threshold)
        .min()
        .map(|(_, c)| c)
}

/// Whether the row has a dated plan or an alternative: a check that the row's full
/// measure is missing then does not apply.
pub(crate) fn is_declared_unmet(facts: &Facts, row: &str) -> bool {
    facts.planned.keys().any(|id| id.as_str() == row)
        || facts.partial.keys().any(|id| id.as_str() == row)
        || facts.alternative.keys().any(|id| id.as_str() == row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_paths() {
        let key = |k: &str| PathSegment::Key(k.into());
        assert_eq!(
            row_of_path(&[key("planned"), key("TEC-08"), key("plan")]),
            Some("TEC-08")
        );
        assert_eq!(row_of_path(&[key("logging")]), Some("TEC-07"));
        assert_eq!(row_of_path(&[key("vendor"), key("name")]), None);
    }

    #[test]
    fn nearest_needs_to_be_close() {
        assert_eq!(nearest("dc-tokio", &["dc-tokyo", "iaas"]), Some("dc-tokyo"));
        assert_eq!(nearest("mail", &["dc-tokyo", "iaas"]), None);
    }
}
