//! The front matter of a document's Markdown: the data of its cover block, its metadata
//! and how its pages are turned.
//!
//! The renderer writes it (from the facts) and the typesetter reads it (from any
//! Markdown, a vendor's own annexes included). It lives apart from both, so that neither
//! stage depends on the other: this YAML block is their whole contract.

use serde::{Deserialize, Serialize};

/// What the typesetter needs for a document's cover block, metadata and pages,
/// carried as the Markdown file's YAML front matter (`---` block at the top).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub vendor: String,
    #[serde(default)]
    pub addressee: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub version: String,
    /// The sender block under the addressee, one line each: 所在地, 名称, 代表者職氏名.
    /// A document without one shows `vendor` there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sender: Vec<String>,
    /// The row IDs the document answers (the PDF's keywords).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<String>,
    /// One line naming the submission (city, vendor, service, date, version), printed
    /// under the title instead of the date, addressee and sender block: the compliance
    /// matrix is a table of the submission, not a letter.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub identity: String,
    /// How the A4 pages are turned; portrait unless said.
    #[serde(default, skip_serializing_if = "Orientation::is_portrait")]
    pub orientation: Orientation,
}

/// How an A4 page is turned.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    #[default]
    Portrait,
    /// Wide pages, for a table of many columns (the compliance matrix).
    Landscape,
}

impl Orientation {
    pub fn is_portrait(&self) -> bool {
        *self == Orientation::Portrait
    }
}

/// The front matter could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::messages::typeset::front_matter_invalid(.0))]
pub struct FrontMatterError(pub String);

impl FrontMatter {
    /// Reads the text between the `---` lines.
    pub fn parse(text: &str) -> Result<FrontMatter, FrontMatterError> {
        crate::yaml::from_str::<FrontMatter>(text).map_err(|e| FrontMatterError(e.message))
    }

    /// The front matter block followed by `body`.
    pub fn wrap(&self, body: &str) -> String {
        let yaml = crate::yaml::to_string(self)
            .expect("a struct of strings and a unit enum always serialises");
        format!("---\n{yaml}---\n\n{body}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_reads_back_with_orientation() {
        let front = FrontMatter {
            title: "別表対応表".into(),
            orientation: Orientation::Landscape,
            ..FrontMatter::default()
        };
        let markdown = front.wrap("本文\n");
        assert!(markdown.contains("orientation: landscape"), "{markdown}");
        let yaml = markdown
            .strip_prefix("---\n")
            .and_then(|m| m.split_once("---\n"))
            .unwrap()
            .0;
        assert_eq!(FrontMatter::parse(yaml).unwrap(), front);
    }

    #[test]
    fn portrait_is_the_default_and_not_written() {
        let front = FrontMatter {
            title: "題".into(),
            ..FrontMatter::default()
        };
        assert!(!front.wrap("").contains("orientation"));
        assert_eq!(
            FrontMatter::parse("title: 題\n").unwrap().orientation,
            Orientation::Portrait
        );
        assert!(FrontMatter::parse("title: 題\norientation: sideways\n").is_err());
    }
}
