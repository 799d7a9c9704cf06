//! The city's table of requirements (別表) as data.
//!
//! The shipped table is `data/criteria/default.yaml`, embedded in the binary; another city
//! passes its own file of the same shape. This module loads and validates a table and
//! answers questions about it; it knows nothing of vendors or documents.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::yaml;

/// The table shipped with beppyo: 外部サービスの利用基準別表（別紙２）.
pub const DEFAULT_TABLE: &str = include_str!("../data/criteria/default.yaml");
/// The name under which the embedded table is reported.
pub const DEFAULT_TABLE_NAME: &str = "data/criteria/default.yaml (embedded)";

/// A row's fixed identifier: category code, a hyphen and two digits (`TEC-18`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct RowId(String);

impl RowId {
    /// Parses an identifier of the form `ABC-01`.
    pub fn parse(text: &str) -> Result<RowId, String> {
        let Some((code, number)) = text.split_once('-') else {
            return Err(crate::messages::errors::row_id_no_hyphen(text));
        };
        let code_ok = (2..=5).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase());
        let number_ok = number.len() == 2 && number.bytes().all(|b| b.is_ascii_digit());
        if code_ok && number_ok {
            Ok(RowId(text.to_string()))
        } else {
            Err(crate::messages::errors::row_id_malformed(text))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The category code part (`TEC` of `TEC-18`).
    pub fn category_code(&self) -> &str {
        self.0.split_once('-').map_or(&self.0, |(code, _)| code)
    }
}

impl fmt::Display for RowId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for RowId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        RowId::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for RowId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RowId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[A-Z]{2,5}-[0-9]{2}$",
            "description": "別表の行ID（例: TEC-18）"
        })
    }
}

/// A category (区分) of the table.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub code: String,
    pub name: String,
}

/// A numbered item inside a row (AST-01 ① and ②).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub mark: String,
    pub text: String,
}

/// One requirement of the table, as written in the source.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub id: RowId,
    /// The category code (`TEC`).
    pub category: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
}

impl Row {
    /// The requirement with its items, as one line of text.
    pub fn full_text(&self) -> String {
        let mut text = self.text.clone();
        for item in &self.items {
            text.push_str(&item.mark);
            text.push_str(&item.text);
        }
        text
    }
}

/// A whole table: what it is, where it comes from, and its rows in source order.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    pub title: String,
    /// Where the table comes from (別紙２).
    pub source: String,
    pub version: String,
    pub categories: Vec<Category>,
    pub rows: Vec<Row>,
}

/// A table that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CriteriaError {
    #[error("{}", crate::messages::errors::criteria_unreadable(&path.display().to_string(), &crate::messages::errors::io_reason(source)))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Every type error, unknown key and missing key of the file (at least one).
    #[error("{name}: {}", errors.first().map_or("", |e| e.message.as_str()))]
    Parse {
        name: String,
        source_text: String,
        errors: Vec<yaml::YamlError>,
    },
    #[error("{}", crate::messages::errors::criteria_invalid(name, &problems.join("\n  - ")))]
    Invalid { name: String, problems: Vec<String> },
}

impl Criteria {
    /// The table shipped inside the binary.
    pub fn embedded() -> Criteria {
        // The embedded table is checked by the test suite; failing here is a build defect.
        Criteria::parse(DEFAULT_TABLE, DEFAULT_TABLE_NAME).expect("the embedded table is valid")
    }

    /// Loads a table from a file, or the embedded one when `path` is `None`.
    pub fn load(path: Option<&Path>) -> Result<(Criteria, String), CriteriaError> {
        let Some(path) = path else {
            return Ok((Criteria::embedded(), DEFAULT_TABLE.to_string()));
        };
        let text = std::fs::read_to_string(path).map_err(|source| CriteriaError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let criteria = Criteria::parse(&text, &path.display().to_string())?;
        Ok((criteria, text))
    }

    /// Parses and validates a table.
    pub fn parse(text: &str, name: &str) -> Result<Criteria, CriteriaError> {
        let criteria: Criteria =
            yaml::from_str_all(text).map_err(|errors| CriteriaError::Parse {
                name: name.to_string(),
                source_text: text.to_string(),
                errors,
            })?;
        let problems = criteria.problems();
        if problems.is_empty() {
            Ok(criteria)
        } else {
            Err(CriteriaError::Invalid {
                name: name.to_string(),
                problems,
            })
        }
    }

    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (what, value) in [
            ("title", &self.title),
            ("source", &self.source),
            ("version", &self.version),
        ] {
            if value.trim().is_empty() {
                problems.push(crate::messages::errors::criteria_empty_field(what));
            }
        }
        if self.rows.is_empty() {
            problems.push(crate::messages::errors::criteria_no_rows());
        }
        let mut codes = BTreeSet::new();
        for category in &self.categories {
            if !codes.insert(category.code.as_str()) {
                problems.push(crate::messages::errors::criteria_category_twice(
                    &category.code,
                ));
            }
            if category.name.trim().is_empty() {
                problems.push(crate::messages::errors::criteria_category_unnamed(
                    &category.code,
                ));
            }
        }
        let mut ids = BTreeSet::new();
        for row in &self.rows {
            if !ids.insert(&row.id) {
                problems.push(crate::messages::errors::criteria_row_twice(
                    &row.id.to_string(),
                ));
            }
            if row.text.trim().is_empty() {
                problems.push(crate::messages::errors::criteria_row_empty(
                    &row.id.to_string(),
                ));
            }
            if !codes.contains(row.category.as_str()) {
                problems.push(crate::messages::errors::criteria_row_undeclared_category(
                    &row.id.to_string(),
                    &row.category,
                ));
            } else if row.id.category_code() != row.category {
                problems.push(crate::messages::errors::criteria_row_id_category(
                    &row.id.to_string(),
                    &row.category,
                ));
            }
            for item in &row.items {
                if item.text.trim().is_empty() || item.mark.trim().is_empty() {
                    problems.push(crate::messages::errors::criteria_row_empty_item(
                        &row.id.to_string(),
                    ));
                }
            }
        }
        problems
    }

    pub fn row(&self, id: &RowId) -> Option<&Row> {
        self.rows.iter().find(|row| &row.id == id)
    }

    /// Looks a row up by its textual ID.
    pub fn row_by_str(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|row| row.id.as_str() == id)
    }

    /// The name of a category (基本情報 for BAS), or the code itself when unknown.
    pub fn category_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.categories
            .iter()
            .find(|c| c.code == code)
            .map_or(code, |c| c.name.as_str())
    }

    /// How documents cite a row: 〔別表 TEC-18 技術的セキュリティ〕.
    pub fn citation(&self, row: &Row) -> String {
        format!("〔別表 {} {}〕", row.id, self.category_name(&row.category))
    }

    /// Known row IDs closest to `text`, for "did you mean" hints.
    pub fn suggest(&self, text: &str) -> Option<&RowId> {
        self.rows
            .iter()
            .map(|row| (strsim::levenshtein(row.id.as_str(), text), &row.id))
            .filter(|(distance, _)| *distance <= 2)
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, id)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_ids_are_validated() {
        assert!(RowId::parse("TEC-18").is_ok());
        for bad in ["tec-18", "TEC18", "TEC-1", "TEC-180", "T-01", "TEC-1a", ""] {
            assert!(RowId::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rejects_duplicates_and_unknown_categories() {
        let text = "title: t\nsource: s\nversion: '1'\ncategories: [{code: AB, name: x}]\nrows:\n  - {id: AB-01, category: AB, text: a}\n  - {id: AB-01, category: AB, text: b}\n  - {id: CD-01, category: CD, text: c}\n  - {id: AB-02, category: AB, text: ' '}\n";
        let Err(CriteriaError::Invalid { problems, .. }) = Criteria::parse(text, "t.yaml") else {
            panic!("expected invalid");
        };
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("AB-01"));
        assert!(problems[1].contains("CD"));
        assert!(problems[2].contains("本文が空"), "{problems:?}");
    }

    #[test]
    fn citation_names_id_and_category() {
        let criteria = Criteria::embedded();
        let row = criteria.row_by_str("TEC-18").unwrap();
        assert_eq!(criteria.citation(row), "〔別表 TEC-18 技術的セキュリティ〕");
    }
}
