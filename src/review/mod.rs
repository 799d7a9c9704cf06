//! The reviewer's workbook: the compliance matrix (05) as XLSX and CSV, and reading a
//! filled-in workbook back.
//!
//! The city's reviewer does not tick rows off in a PDF: they keep a checklist in Excel.
//! [`Sheet`] is that checklist's content — one line per row of the table, taken from the
//! matrix rows the 05 document prints ([`crate::render::MatrixRow`]), never rebuilt here —
//! followed by the reviewer's own empty columns. [`xlsx`] and [`csv`] write it;
//! [`read`] reads a workbook the reviewer filled in, within bounds, and [`findings`] turns
//! that into a summary and the 指摘事項一覧 the city sends back to the vendor.
//!
//! This module owns the workbook's layout ([`COLUMNS`], the sheet names): the writer and
//! the reader share it, so a workbook written by one version reads back with the same.

pub mod csv;
pub mod findings;
pub mod read;
pub mod xlsx;

use serde::Serialize;

use crate::criteria::Criteria;
use crate::facts::Facts;
use crate::render::{MatrixRow, text, wareki};

/// The file stem the workbook shares with the compliance matrix document.
pub const STEM: &str = "05_compliance-matrix";
/// The document's title, as in the manifest.
pub const TITLE: &str = "別表対応表";
/// The sheet with one line per row of the table.
pub const MATRIX_SHEET: &str = "別表対応表";
/// The sheet that says which submission the workbook belongs to.
pub const IDENTITY_SHEET: &str = "提出の概要";

/// Who fills a column in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Vendor,
    Reviewer,
}

/// A column of the matrix sheet: its header and width (in Excel's character units; a
/// Japanese character takes about two).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    pub width: f64,
    pub side: Side,
}

const fn column(header: &'static str, width: f64, side: Side) -> Column {
    Column {
        header,
        width,
        side,
    }
}

/// The matrix sheet's columns, left to right. The reader insists on exactly these.
pub const COLUMNS: [Column; 12] = [
    column("行ID", 8.0, Side::Vendor),
    column("区分", 19.0, Side::Vendor),
    column("要件", 36.0, Side::Vendor),
    column("状況", 9.0, Side::Vendor),
    column("対応の概要", 42.0, Side::Vendor),
    column("記載箇所", 28.0, Side::Vendor),
    column("根拠資料", 20.0, Side::Vendor),
    column("判定", 12.0, Side::Reviewer),
    column("指摘事項", 32.0, Side::Reviewer),
    column("事業者回答", 28.0, Side::Reviewer),
    column("確認者", 9.0, Side::Reviewer),
    column("確認日", 11.0, Side::Reviewer),
];

/// Index of the first reviewer's column (判定).
pub const VERDICT_COLUMN: usize = 7;
pub const FINDING_COLUMN: usize = 8;
pub const ANSWER_COLUMN: usize = 9;
pub const REVIEWER_COLUMN: usize = 10;
pub const CHECKED_ON_COLUMN: usize = 11;

/// The reviewer's verdicts, the drop-down list of 判定, in this order.
pub const VERDICTS: [&str; 4] = ["適合", "条件付適合", "不適合", "要確認"];

/// One line of the matrix sheet: what the vendor's documents say about a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    pub id: String,
    pub category: String,
    /// The requirement, verbatim from the table.
    pub requirement: String,
    pub status: String,
    pub summary: String,
    /// Document and section (and page, once the matrix has pages), one per line.
    pub places: Vec<String>,
    pub evidence: Vec<String>,
}

impl Line {
    /// The vendor's cells, in column order.
    pub fn cells(&self) -> [String; VERDICT_COLUMN] {
        [
            self.id.clone(),
            self.category.clone(),
            self.requirement.clone(),
            self.status.clone(),
            self.summary.clone(),
            self.places.join("\n"),
            if self.evidence.is_empty() {
                "—".to_string()
            } else {
                self.evidence.join("\n")
            },
        ]
    }
}

/// The identity sheet: label and value, in order.
pub const IDENTITY_LABELS: [&str; 8] = [
    "自治体",
    "事業者",
    "代表者",
    "サービス",
    "提出番号",
    "提出日",
    "版",
    "別表",
];

/// Which submission the workbook belongs to (not its fingerprint: the manifest hashes the
/// workbook, so the workbook cannot state it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    pub city: String,
    pub vendor: String,
    pub representative: String,
    pub service: String,
    pub submission_id: String,
    /// 「令和8年11月26日（2026年11月26日）」.
    pub date: String,
    /// 「第1版」.
    pub version: String,
    pub criteria: String,
}

impl Identity {
    pub fn new(facts: &Facts, criteria: &Criteria) -> Identity {
        Identity {
            city: facts.submission.city.trim().to_string(),
            vendor: facts.vendor.name.trim().to_string(),
            representative: facts.vendor.representative.trim().to_string(),
            service: facts.service.name.trim().to_string(),
            submission_id: facts.submission.id.clone(),
            date: wareki::both(facts.submission.date),
            version: text::edition(&facts.submission.version),
            criteria: criteria.title.clone(),
        }
    }

    /// The values in the order of [`IDENTITY_LABELS`].
    pub fn values(&self) -> [&str; 8] {
        [
            &self.city,
            &self.vendor,
            &self.representative,
            &self.service,
            &self.submission_id,
            &self.date,
            &self.version,
            &self.criteria,
        ]
    }
}

/// The workbook's content.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub identity: Identity,
    pub lines: Vec<Line>,
    /// The submission date: the workbook's document properties are dated from it, never
    /// from the clock, so that the same facts give the same bytes.
    pub date: chrono::NaiveDate,
}

impl Sheet {
    /// The sheet of the matrix rows the 05 document prints.
    pub fn new(facts: &Facts, criteria: &Criteria, matrix: &[MatrixRow]) -> Sheet {
        let lines = matrix
            .iter()
            .map(|row| Line {
                id: row.id.clone(),
                category: row.category.clone(),
                requirement: row.text.clone(),
                status: row.status.to_string(),
                summary: text::sentence(&row.summary),
                places: row.places.clone(),
                evidence: row.evidence.clone(),
            })
            .collect();
        Sheet {
            identity: Identity::new(facts, criteria),
            lines,
            date: facts.submission.date,
        }
    }
}

/// The workbook could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::messages::review::cannot_create_workbook(.0))]
pub struct WriteError(String);

/// The workbook's files for the submission folder: `05_compliance-matrix.xlsx` and `.csv`.
pub fn files(
    facts: &Facts,
    criteria: &Criteria,
    matrix: &[MatrixRow],
) -> Result<Vec<(String, Vec<u8>)>, WriteError> {
    let sheet = Sheet::new(facts, criteria, matrix);
    Ok(vec![
        (format!("{STEM}.xlsx"), xlsx::write(&sheet)?),
        (format!("{STEM}.csv"), csv::write(&sheet)),
    ])
}

/// A workbook file as the cover letter lists it: with the matrix document's files.
pub fn listed(name: &str, bytes: &[u8]) -> crate::render::ListedFile {
    crate::render::ListedFile {
        stem: STEM.to_string(),
        title: TITLE.to_string(),
        file: name.to_string(),
        pages: None,
        bytes: bytes.len() as u64,
        sha256: crate::archive::sha256(bytes),
    }
}

/// Whether a spreadsheet would read `text` as a formula (or a DDE command) when typed or
/// imported: it begins with `=`, `+`, `-`, `@`, a tab or a carriage return.
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}
