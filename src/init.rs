//! `beppyo init`: an annotated facts template to start from, with its JSON Schema beside it.
//!
//! The template (`data/init/facts.yaml`, embedded) holds no value at all: what the vendor
//! must write is 【要記入】, what is optional is empty. Its comments carry what a value
//! cannot: the rows a key answers, the allowed values of every enumeration with their
//! meaning, and a short example. The tests below hold those comments to the model
//! ([`crate::facts::rows::TOPICS`], the generated schema) so they cannot drift from it.

use std::path::{Path, PathBuf};

/// The annotated template: every key with a Japanese comment naming its 別表 row(s); no
/// value of any example, only 【要記入】 and empty slots.
pub const TEMPLATE: &str = include_str!("../data/init/facts.yaml");
/// The schema file written beside the template, named in its first line.
pub const SCHEMA_FILE: &str = "facts.schema.json";

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{}", crate::messages::errors::init_exists(&path.display()))]
    Exists { path: PathBuf },
    #[error("{}", crate::messages::errors::cannot_write(&path.display().to_string(), &crate::messages::errors::io_reason(source)))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The top-level keys of the template, in its order: the order of a facts file.
pub fn top_level_keys() -> Vec<&'static str> {
    TEMPLATE
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once(':').map(|(key, _)| key))
        .collect()
}

/// Writes the template to `path` and the schema beside it; returns both paths.
pub fn write(path: &Path) -> Result<(PathBuf, PathBuf), InitError> {
    if path.exists() {
        return Err(InitError::Exists {
            path: path.to_path_buf(),
        });
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Said about the folder, not about the schema file that happens to be written first.
    if !dir.is_dir() {
        return Err(InitError::Write {
            path: dir.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                crate::messages::errors::init_no_folder(),
            ),
        });
    }
    let schema_path = dir.join(SCHEMA_FILE);
    let write = |target: &Path, text: &str| {
        crate::archive::write_atomic(target, text.as_bytes()).map_err(|source| InitError::Write {
            path: target.to_path_buf(),
            source,
        })
    };
    write(&schema_path, &crate::schema::facts_schema_json())?;
    write(path, TEMPLATE)?;
    Ok((path.to_path_buf(), schema_path))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::*;
    use crate::facts::rows::TOPICS;
    use crate::facts::validate::PLACEHOLDER;

    /// Keys the template places before the status maps, out of table order: who submits
    /// and how the service is reached come first.
    const HEADER_KEYS: &[&str] = &[
        "format_version",
        "submission",
        "vendor",
        "service",
        "parties",
        "access_paths",
        "encryption",
    ];
    const STATUS_MAPS: &[&str] = &[
        "planned",
        "partial",
        "alternative",
        "not_applicable",
        "inherited",
    ];

    fn template_lines() -> Vec<&'static str> {
        TEMPLATE.lines().collect()
    }

    /// The comment part of a line (after ` #` or a leading `#`), if any. The template's
    /// values never contain `#`.
    fn comment(line: &str) -> Option<&str> {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix('#') {
            return Some(rest);
        }
        line.find(" #").map(|at| &line[at + 2..])
    }

    /// `(line number, key, comment)` of every top-level key of the template.
    fn top_level_keys() -> Vec<(usize, &'static str, &'static str)> {
        template_lines()
            .into_iter()
            .enumerate()
            .filter(|(_, line)| line.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .map(|(n, line)| {
                let key = &line[..line.find(':').expect("a top-level key")];
                (n, key, comment(line).unwrap_or(""))
            })
            .collect()
    }

    /// Row IDs (e.g. TEC-08) named in a text, in order.
    fn row_ids(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut ids = Vec::new();
        for start in 0..chars.len().saturating_sub(5) {
            let window = &chars[start..start + 6];
            let starts_word = start == 0 || !chars[start - 1].is_ascii_alphanumeric();
            if starts_word
                && window[..3].iter().all(char::is_ascii_uppercase)
                && window[3] == '-'
                && window[4..].iter().all(char::is_ascii_digit)
                && chars.get(start + 6).is_none_or(|c| !c.is_ascii_digit())
            {
                ids.push(window.iter().collect());
            }
        }
        ids
    }

    #[test]
    fn row_ids_are_found_in_japanese_text() {
        assert_eq!(
            row_ids("TEC-13・TEC-17・TEC-18 経路"),
            ["TEC-13", "TEC-17", "TEC-18"]
        );
        assert_eq!(row_ids("BAS-06 と「AST-01 ①」"), ["BAS-06", "AST-01"]);
        assert!(row_ids("ISO-27001 XTEC-01 AB-01 TEC-1 TEC-123").is_empty());
    }

    /// Every topic's key line names exactly the rows that `TOPICS` gives it, in order, and
    /// no other top-level key names a row: the comments cannot drift from the row table.
    #[test]
    fn each_topic_comment_names_exactly_its_rows() {
        let keys = top_level_keys();
        for topic in TOPICS {
            let Some((_, _, text)) = keys.iter().find(|(_, key, _)| *key == topic.key) else {
                panic!("the template has no top-level `{}`", topic.key);
            };
            assert_eq!(
                row_ids(text),
                topic.rows,
                "`{}:` comment: {text}",
                topic.key
            );
        }
        for (_, key, text) in &keys {
            if TOPICS.iter().all(|t| t.key != *key) {
                assert!(row_ids(text).is_empty(), "`{key}:` is no topic: {text}");
            }
        }
    }

    /// The header keys, then the status maps, then the topics in the order of the table.
    #[test]
    fn top_level_keys_follow_the_documented_order() {
        let keys: Vec<&str> = top_level_keys().into_iter().map(|(_, k, _)| k).collect();
        let topics_in_table_order = TOPICS
            .iter()
            .map(|t| t.key)
            .filter(|k| !HEADER_KEYS.contains(k));
        let mut expected: Vec<&str> = HEADER_KEYS.to_vec();
        expected.extend(STATUS_MAPS);
        for key in topics_in_table_order {
            expected.push(key);
            if key == "certifications" {
                // the reports a party's certifications stand beside
                expected.push("attestations");
            }
        }
        // the evidence documents, after every row that cites them
        expected.push("attachments");
        // A revision's declaration of its change comes after the table's topics.
        expected.push("change");
        assert_eq!(keys, expected);
    }

    /// The template holds no value: every leaf is 【要記入】 or empty, except the format
    /// version, which is not the vendor's to choose.
    #[test]
    fn the_template_holds_no_value() {
        fn walk(value: &Value, path: &str, found: &mut Vec<String>) {
            match value {
                Value::Null => {}
                Value::String(text) if text == PLACEHOLDER => {}
                Value::Array(items) => {
                    for item in items {
                        walk(item, &format!("{path}[]"), found);
                    }
                }
                Value::Object(map) => {
                    for (key, item) in map {
                        walk(item, &format!("{path}.{key}"), found);
                    }
                }
                other => found.push(format!("{path} = {other}")),
            }
        }
        let mut tree: Value = crate::yaml::from_str(TEMPLATE).expect("the template is YAML");
        assert_eq!(tree["format_version"], crate::facts::model::FORMAT_VERSION);
        tree.as_object_mut().unwrap().remove("format_version");
        let mut found = Vec::new();
        walk(&tree, "", &mut found);
        assert!(found.is_empty(), "values in the template: {found:#?}");
    }

    fn schema() -> Value {
        serde_json::from_str(&crate::schema::facts_schema_json()).unwrap()
    }

    /// Each enumeration's values, from the schema: `(type name, [(value, meaning)])`.
    fn enumerations(schema: &Value) -> Vec<(String, Vec<(String, String)>)> {
        schema["$defs"]
            .as_object()
            .unwrap()
            .iter()
            .filter_map(|(name, definition)| {
                let variants = definition["oneOf"].as_array()?;
                let values = variants
                    .iter()
                    .map(|v| {
                        let value = v["const"].as_str().unwrap_or_default().to_string();
                        let meaning = v["description"].as_str().unwrap_or_default().to_string();
                        (value, meaning)
                    })
                    .collect();
                Some((name.clone(), values))
            })
            .collect()
    }

    /// Runs of consecutive commented lines, their comments joined: an enumeration is
    /// listed in one such place.
    fn comment_groups() -> Vec<String> {
        let mut groups = Vec::new();
        let mut current = String::new();
        for line in template_lines() {
            match comment(line) {
                Some(text) => {
                    current.push_str(text);
                    current.push('\n');
                }
                None if !current.is_empty() => groups.push(std::mem::take(&mut current)),
                None => {}
            }
        }
        groups.push(current);
        groups
    }

    /// Every enumeration is listed whole in one place, each value followed by its meaning
    /// in parentheses (「provider_kms（基盤事業者の…）」).
    #[test]
    fn every_enumeration_is_listed_with_its_meanings() {
        let groups = comment_groups();
        for (name, values) in enumerations(&schema()) {
            let listed = groups
                .iter()
                .any(|group| values.iter().all(|(value, _)| group_lists(group, value)));
            assert!(
                listed,
                "{name}: {values:?} are not listed together with their meanings"
            );
        }
    }

    fn group_lists(group: &str, value: &str) -> bool {
        group.match_indices(value).any(|(at, _)| {
            let before = group[..at].chars().next_back();
            let after = group[at + value.len()..].chars().next();
            before.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '_') && after == Some('（')
        })
    }

    /// The descendant property names of a schema node, through references, optionals,
    /// lists and maps.
    fn property_names(schema: &Value, node: &Value, depth: usize, out: &mut BTreeSet<String>) {
        if depth > 12 {
            return;
        }
        if let Some(reference) = node["$ref"].as_str() {
            let name = reference.trim_start_matches("#/$defs/");
            property_names(schema, &schema["$defs"][name], depth + 1, out);
        }
        for key in ["anyOf", "oneOf", "allOf"] {
            for branch in node[key].as_array().into_iter().flatten() {
                property_names(schema, branch, depth + 1, out);
            }
        }
        for key in ["items", "additionalProperties"] {
            if node[key].is_object() {
                property_names(schema, &node[key], depth + 1, out);
            }
        }
        for (name, property) in node["properties"].as_object().into_iter().flatten() {
            out.insert(name.clone());
            property_names(schema, property, depth + 1, out);
        }
    }

    /// A top-level key's part of the template: the comments directly above it, its line,
    /// and everything up to the next top-level key's part.
    fn sections() -> Vec<(&'static str, String)> {
        let lines = template_lines();
        let starts: Vec<(usize, &str)> = top_level_keys()
            .into_iter()
            .map(|(n, key, _)| {
                let mut start = n;
                while start > 0 && lines[start - 1].starts_with('#') {
                    start -= 1;
                }
                (start, key)
            })
            .collect();
        starts
            .iter()
            .enumerate()
            .map(|(i, (start, key))| {
                let end = starts.get(i + 1).map_or(lines.len(), |(s, _)| *s);
                (*key, lines[*start..end].join("\n"))
            })
            .collect()
    }

    /// Every key of the model appears in its topic's part of the template, as a key or in
    /// the commented form of an optional structure: a new field cannot be forgotten here.
    #[test]
    fn every_key_of_the_model_is_in_its_section() {
        let schema = schema();
        let sections = sections();
        for (top, property) in schema["properties"].as_object().unwrap() {
            let Some((_, text)) = sections.iter().find(|(key, _)| key == top) else {
                panic!("the template has no `{top}`");
            };
            let mut names = BTreeSet::new();
            property_names(&schema, property, 0, &mut names);
            for name in names {
                let written = text.match_indices(&format!("{name}:")).any(|(at, _)| {
                    text[..at]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '_')
                });
                assert!(written, "`{top}` section of the template lacks `{name}:`");
            }
        }
    }

    /// No comment says the same thing twice in a row (as 「# ① ① 他の…」 once did).
    #[test]
    fn no_comment_repeats_a_word() {
        for (n, line) in template_lines().into_iter().enumerate() {
            let Some(text) = comment(line) else { continue };
            let words: Vec<&str> = text.split_whitespace().collect();
            for pair in words.windows(2) {
                assert_ne!(pair[0], pair[1], "line {}: {line}", n + 1);
            }
        }
    }

    /// The shipped examples' identifying values: names, IDs, titles, addresses, people,
    /// URLs and e-mail addresses. Generic values (24時間365日, UTF-8) are not among them.
    fn identifying_values(example: &Value) -> BTreeSet<String> {
        const VALUES: &[&str] = &[
            "/submission/city",
            "/submission/id",
            "/vendor/slug",
            "/vendor/address",
            "/vendor/contact/email",
            "/vendor/contact/phone",
            "/service/name",
            "/service/lgwan_asp/registered_name",
            "/service/lgwan_asp/registration_id",
            "/policy/title",
            "/policy/available_at",
        ];
        const COMPANIES: &[&str] = &[
            "/vendor/name",
            "/external_audit/auditor",
            "/exit/certificate/issuer",
        ];
        const PEOPLE: &[&str] = &[
            "/vendor/representative",
            "/vendor/contact/name",
            "/exit/certificate/signatory",
        ];
        // (list, field, whether the field names a company)
        const LIST_FIELDS: &[(&str, &str, bool)] = &[
            ("/parties", "name", true),
            ("/parties", "service", false),
            ("/certifications", "issuer", true),
            ("/certifications", "id", false),
            ("/certifications", "scope", false),
            ("/attestations", "auditor", true),
            ("/attestations", "system", false),
        ];
        // The registry's real name is no example's invention.
        const GENERIC: &[&str] = &["ISMAP運営委員会"];
        let text_at = |path: &str| example.pointer(path).and_then(Value::as_str);
        let mut values = BTreeSet::new();
        for path in VALUES {
            values.extend(text_at(path).map(String::from));
        }
        for path in COMPANIES {
            if let Some(text) = text_at(path) {
                values.insert(text.to_string());
                values.extend(company_stems(text));
            }
        }
        for path in PEOPLE {
            if let Some(text) = text_at(path) {
                values.insert(text.to_string());
                values.extend(person_name(text));
            }
        }
        for (list, field, company) in LIST_FIELDS {
            let items = example.pointer(list).and_then(Value::as_array);
            for text in items
                .into_iter()
                .flatten()
                .filter_map(|i| i[*field].as_str())
            {
                values.insert(text.to_string());
                if *company {
                    values.extend(company_stems(text));
                }
            }
        }
        for entries in example["inherited"].as_object().into_iter().flatten() {
            for entry in entries.1.as_array().into_iter().flatten() {
                for evidence in entry["evidence"].as_array().into_iter().flatten() {
                    values.extend(evidence["title"].as_str().map(String::from));
                }
            }
        }
        let mut strings = Vec::new();
        all_strings(example, &mut strings);
        for text in strings {
            values.extend(
                text.split(|c: char| c.is_whitespace() || "（）()「」、。".contains(c))
                    .filter(|word| word.contains("://") || word.contains('@'))
                    .map(String::from),
            );
        }
        values.retain(|v| !GENERIC.contains(&v.as_str()) && v.chars().count() >= 2);
        values
    }

    /// A company's name without the words that every company name has
    /// (株式会社汐見クラウド → 汐見クラウド).
    fn company_stems(text: &str) -> Vec<String> {
        const GENERIC_WORDS: &[&str] = &[
            "株式会社",
            "一般社団法人",
            "一般財団法人",
            "監査法人",
            "（架空）",
        ];
        let mut stem = text.to_string();
        for word in GENERIC_WORDS {
            stem = stem.replace(word, " ");
        }
        if stem.chars().any(|c| c > '\u{3000}') {
            stem.split_whitespace().map(String::from).collect()
        } else {
            Vec::new()
        }
    }

    /// A person's name: the last two words of 「役職 姓 名」.
    fn person_name(text: &str) -> Option<String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        (words.len() >= 2).then(|| words[words.len() - 2..].join(" "))
    }

    fn all_strings(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::String(text) => out.push(text.clone()),
            Value::Array(items) => items.iter().for_each(|i| all_strings(i, out)),
            Value::Object(map) => map.values().for_each(|v| all_strings(v, out)),
            _ => {}
        }
    }

    fn examples() -> Vec<(String, Value)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples");
        let mut examples: Vec<(String, Value)> = std::fs::read_dir(&root)
            .unwrap()
            .map(|entry| entry.unwrap().path().join("vendor.yaml"))
            .filter(|path| path.exists())
            .map(|path| {
                let text = std::fs::read_to_string(&path).unwrap();
                let value = crate::yaml::from_str(&text).unwrap();
                (path.display().to_string(), value)
            })
            .collect();
        examples.sort_by(|a, b| a.0.cmp(&b.0));
        examples
    }

    /// `init` must not hand a vendor another company's facts (issue 9, observation 11).
    #[test]
    fn the_template_carries_no_identifying_value_of_any_example() {
        let examples = examples();
        assert!(examples.len() >= 2, "{examples:?}");
        for (name, example) in examples {
            let values = identifying_values(&example);
            assert!(values.len() >= 20, "{name}: {values:?}");
            for value in values {
                assert!(
                    !TEMPLATE.contains(&value),
                    "the template carries 「{value}」 from {name}"
                );
            }
        }
    }

    #[test]
    fn identifying_values_include_stems_urls_and_people() {
        let example: Value = serde_json::json!({
            "vendor": {"name": "株式会社試験ラボ", "representative": "代表取締役 試験 太郎"},
            "policy": {"available_at": "当社ウェブサイト（https://x.example.jp/a）"},
            "certifications": [{"issuer": "一般社団法人 試験認証（架空）", "id": "IS 1234"}],
        });
        let values = identifying_values(&example);
        for expected in [
            "試験ラボ",
            "試験 太郎",
            "https://x.example.jp/a",
            "試験認証",
            "IS 1234",
        ] {
            assert!(values.contains(expected), "{expected}: {values:?}");
        }
    }

    #[test]
    fn write_names_a_missing_folder() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        let error = write(&missing.join("vendor.yaml")).unwrap_err();
        assert!(matches!(&error, InitError::Write { path, .. } if *path == missing));
        assert!(
            error.to_string().contains("フォルダがありません"),
            "{error}"
        );
        assert!(!dir.path().join("nope").exists());
    }

    #[test]
    fn write_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vendor.yaml");
        std::fs::write(&path, "mine").unwrap();
        assert!(matches!(write(&path), Err(InitError::Exists { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    }

    #[test]
    fn write_puts_the_template_and_its_schema_side_by_side() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vendor.yaml");
        let (template, schema) = write(&path).unwrap();
        assert_eq!(std::fs::read_to_string(template).unwrap(), TEMPLATE);
        assert_eq!(
            std::fs::read_to_string(schema).unwrap(),
            crate::schema::facts_schema_json()
        );
        assert!(TEMPLATE.starts_with(&format!("# yaml-language-server: $schema={SCHEMA_FILE}\n")));
    }
}
