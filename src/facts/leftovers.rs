//! Values of the shipped examples left in a vendor's own file.
//!
//! A vendor who starts from an example and replaces only what `check` complains about
//! would submit another company's certificates, names and addresses. The identifying
//! values of each example — names of companies, services and people, certificate and
//! registration IDs, document titles, URLs, e-mail addresses — are read from the example
//! files themselves (embedded below), so that rewriting an example needs no change here.
//! Values every vendor may share (「24時間365日」, `ntp.nict.jp`, `UTF-8`, `JP`, 「東京都」,
//! 「日本法」) are not identifying.

use super::model::Facts;
use super::validate::each_string;
use crate::diagnostic::Problem;
use crate::yaml::{self, PathSegment};

/// The shipped examples, by name. Adding an example is adding its line here.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "aomine",
        include_str!("../../data/examples/aomine/vendor.yaml"),
    ),
    (
        "kasumi",
        include_str!("../../data/examples/kasumi/vendor.yaml"),
    ),
];

/// Key paths of identifying values; `*` stands for any list index or map key.
const IDENTIFYING: &[&str] = &[
    "vendor.name",
    "vendor.address",
    "vendor.representative",
    "vendor.contact.name",
    "vendor.contact.email",
    "vendor.contact.phone",
    "service.name",
    "service.lgwan_asp.registered_name",
    "service.lgwan_asp.registration_id",
    "parties.*.name",
    "parties.*.service",
    "certifications.*.id",
    "certifications.*.issuer",
    "attestations.*.auditor",
    "attestations.*.system",
    "inherited.*.*.evidence.*.title",
    "policy.title",
    "external_audit.auditor",
    "exit.certificate.issuer",
    "exit.certificate.signatory",
];

/// Values that identify no one, even at an identifying key path.
const GENERIC: &[&str] = &[
    "24時間365日",
    "ntp.nict.jp",
    "UTF-8",
    "JP",
    "東京都",
    "日本法",
    "ISMAP運営委員会",
    "地方公共団体情報システム機構",
    "J-LIS",
];

/// Shorter values could occur in anyone's text by chance.
const MIN_CHARS: usize = 4;

/// One example's identifying values.
#[derive(Debug)]
pub struct Example {
    pub name: &'static str,
    pub vendor: String,
    pub values: Vec<String>,
}

/// The identifying values of every shipped example.
pub fn examples() -> Vec<Example> {
    EXAMPLES
        .iter()
        .filter_map(|(name, text)| example(name, text))
        .collect()
}

fn example(name: &'static str, text: &str) -> Option<Example> {
    let tree: serde_json::Value = yaml::from_str(text).ok()?;
    let vendor = tree.pointer("/vendor/name")?.as_str()?.to_string();
    let mut values: Vec<String> = IDENTIFYING
        .iter()
        .flat_map(|pattern| at_pattern(&tree, pattern))
        .collect();
    values.extend(addresses(&tree));
    values.retain(|v| {
        let v = fold(v);
        v.chars().count() >= MIN_CHARS && !GENERIC.iter().any(|g| fold(g) == v)
    });
    values.sort();
    values.dedup();
    Some(Example {
        name,
        vendor,
        values,
    })
}

/// The strings at a key path pattern.
fn at_pattern(tree: &serde_json::Value, pattern: &str) -> Vec<String> {
    let mut nodes = vec![tree];
    for key in pattern.split('.') {
        nodes = nodes
            .into_iter()
            .flat_map(|node| -> Vec<&serde_json::Value> {
                match (key, node) {
                    ("*", serde_json::Value::Array(items)) => items.iter().collect(),
                    ("*", serde_json::Value::Object(map)) => map.values().collect(),
                    (key, serde_json::Value::Object(map)) => map.get(key).into_iter().collect(),
                    _ => Vec::new(),
                }
            })
            .collect();
    }
    nodes
        .into_iter()
        .filter_map(|n| n.as_str().map(str::to_string))
        .collect()
}

/// URLs and e-mail addresses anywhere in the example, and their host names.
fn addresses(tree: &serde_json::Value) -> Vec<String> {
    let mut found = Vec::new();
    let mut strings = Vec::new();
    collect_strings(tree, &mut strings);
    for text in strings {
        for token in text.split(|c: char| !(c.is_ascii_graphic()) || "<>\"'()[]{}".contains(c)) {
            let token = token.trim_end_matches(['.', ',']);
            if let Some(rest) = token
                .strip_prefix("https://")
                .or_else(|| token.strip_prefix("http://"))
            {
                found.push(token.to_string());
                found.push(rest.split(['/', '?', '#']).next().unwrap_or("").to_string());
            } else if let Some((_, domain)) = token.split_once('@') {
                found.push(token.to_string());
                found.push(domain.to_string());
            }
        }
    }
    found
}

fn collect_strings<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::String(s) => out.push(s),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

/// Values compare without their spaces: 「青嶺 太郎」 left as 「青嶺太郎」 is still left.
fn fold(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every string of the facts that holds an identifying value of an example whose vendor
/// is not this file's vendor.
pub fn check(facts: &Facts) -> Vec<Problem> {
    let own = fold(&facts.vendor.name);
    let examples: Vec<Example> = examples()
        .into_iter()
        .filter(|e| fold(&e.vendor) != own)
        .collect();
    let mut problems = Vec::new();
    each_string(facts, &mut |path, text| {
        let folded = fold(text);
        for example in &examples {
            let found: Vec<&str> = example
                .values
                .iter()
                .filter(|v| folded.contains(&fold(v)))
                .map(String::as_str)
                .collect();
            // A URL names its host too: show the longest value only.
            let left: Vec<&str> = found
                .iter()
                .copied()
                .filter(|v| !found.iter().any(|w| w != v && w.contains(v)))
                .collect();
            if !left.is_empty() {
                problems.push(problem(path, example, &left));
            }
        }
    });
    problems
}

fn problem(path: &[PathSegment], example: &Example, left: &[&str]) -> Problem {
    use crate::messages::rules::facts as say;
    let shown: Vec<String> = left.iter().map(|v| format!("「{v}」")).collect();
    Problem::error(
        path.to_vec(),
        say::example_values_left(
            &shown.join(crate::messages::pick("、", ", ")),
            example.name,
            &example.vendor,
        ),
    )
    .hint(say::example_values_left_hint())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_yields_its_identifying_values() {
        let examples = examples();
        assert_eq!(examples.len(), EXAMPLES.len(), "an example does not parse");
        let aomine = examples.iter().find(|e| e.name == "aomine").unwrap();
        for expected in [
            "株式会社青嶺クラウド",
            "青嶺 文書管理クラウド",
            "L26-0042-1",
            "IS 612345",
            "代表取締役 青嶺 太郎",
            "山田 花子",
            "koukyou@aomine-cloud.example.jp",
            "aomine-cloud.example.jp",
            "https://aomine-cloud.example.jp/security/policy",
            "株式会社青嶺クラウド 情報セキュリティ基本方針",
            "東雲データセンター株式会社",
        ] {
            assert!(
                aomine.values.iter().any(|v| v == expected),
                "{expected}: {:?}",
                aomine.values
            );
        }
    }

    #[test]
    fn generic_values_never_identify() {
        for example in examples() {
            for generic in GENERIC {
                assert!(
                    !example.values.iter().any(|v| fold(v) == fold(generic)),
                    "{generic}"
                );
            }
            assert!(
                example
                    .values
                    .iter()
                    .all(|v| fold(v).chars().count() >= MIN_CHARS)
            );
        }
    }
}
