//! The cross-reference index: which section of which document answers which row.
//!
//! Built by the render step from the `answers(...)` declarations in the templates; the
//! compliance matrix is generated from it, never written by hand.

use serde::Serialize;

use crate::criteria::{Criteria, RowId};

/// One template section's declaration that it answers some rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Declaration {
    /// The document's file stem.
    pub document: String,
    /// The document's title.
    pub document_title: String,
    /// The numbered heading of the section (`第3 1 多要素認証`).
    pub section: String,
    /// Which of the document's headings (0 = the first, in source order) heads the
    /// section, so that the typeset document can tell its page; `None` before the first.
    #[serde(skip)]
    pub heading: Option<usize>,
    pub rows: Vec<RowId>,
    /// The item of the row it answers (`①`), when only one.
    pub item: Option<String>,
    /// A one-line summary of how the rows are met, for the matrix.
    pub summary: Option<String>,
}

/// A row (or one of its items) that no section answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncovered {
    pub row: RowId,
    pub item: Option<String>,
    pub text: String,
}

/// The PDF page (from 1) of each heading of each typeset document, in source order:
/// document stem → pages. What the compliance matrix cites next to a section.
pub type HeadingPages = std::collections::BTreeMap<String, Vec<usize>>;

/// All declarations of a submission, in document and section order.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CrossRef {
    pub declarations: Vec<Declaration>,
}

impl CrossRef {
    /// The declarations that answer `row`.
    pub fn for_row<'a>(&'a self, row: &'a RowId) -> impl Iterator<Item = &'a Declaration> + 'a {
        self.declarations
            .iter()
            .filter(move |d| d.rows.contains(row))
    }

    /// Rows, and items of rows, that no declaration answers.
    pub fn uncovered(&self, criteria: &Criteria) -> Vec<Uncovered> {
        let mut missing = Vec::new();
        for row in &criteria.rows {
            let declarations: Vec<_> = self.for_row(&row.id).collect();
            if declarations.is_empty() {
                missing.push(Uncovered {
                    row: row.id.clone(),
                    item: None,
                    text: row.full_text(),
                });
                continue;
            }
            let whole = declarations.iter().any(|d| d.item.is_none());
            for item in &row.items {
                let covered = whole
                    || declarations
                        .iter()
                        .any(|d| d.item.as_deref() == Some(item.mark.as_str()));
                if !covered {
                    missing.push(Uncovered {
                        row: row.id.clone(),
                        item: Some(item.mark.clone()),
                        text: item.text.clone(),
                    });
                }
            }
        }
        missing
    }

    /// The row IDs a document answers, in table order.
    pub fn rows_of(&self, document: &str, criteria: &Criteria) -> Vec<RowId> {
        criteria
            .rows
            .iter()
            .filter(|row| self.for_row(&row.id).any(|d| d.document == document))
            .map(|row| row.id.clone())
            .collect()
    }
}
