//! Reading a workbook the reviewer filled in, through `calamine`, within bounds.
//!
//! The workbook comes back from outside (mail, a shared drive), so it is treated as
//! hostile. calamine itself sets no bound on what it unpacks, and its `Range` allocates
//! the rectangle between the first and the last used cell (one cell at XFD1048576 asks
//! for 17 billion). So:
//! 1. the file is read only up to [`MAX_WORKBOOK_BYTES`];
//! 2. every zip entry is unpacked once, into nothing, before calamine sees the file:
//!    more than [`MAX_ENTRIES`] entries, or more than [`MAX_UNPACKED_BYTES`] unpacked in
//!    all (whatever the entries' headers claim), refuses the file — a zip bomb stops
//!    there, having cost at most that much inflating;
//! 3. cells are streamed one by one and only those within the sheet's expected columns
//!    and the first [`MAX_ROWS`] rows are kept.
//!
//! Then the layout is checked against [`super::COLUMNS`]: a moved, renamed or added
//! column, a 判定 outside the list, a missing sheet — each is an error naming the cell.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx};
use serde::Serialize;

use super::{
    ANSWER_COLUMN, CHECKED_ON_COLUMN, COLUMNS, FINDING_COLUMN, IDENTITY_LABELS, IDENTITY_SHEET,
    Identity, MATRIX_SHEET, REVIEWER_COLUMN, VERDICT_COLUMN, VERDICTS,
};
use crate::input::{self, InputError};
use crate::messages::review as say;

/// A reviewer's workbook is some tens of KiB; this leaves room for pasted screenshots.
pub const MAX_WORKBOOK_BYTES: u64 = 20 * 1024 * 1024;
/// What all the zip's entries may unpack to, together.
pub const MAX_UNPACKED_BYTES: u64 = 100 * 1024 * 1024;
/// A workbook has a dozen entries; a few hundred with images and comments.
pub const MAX_ENTRIES: usize = 1000;
/// The table has 40 rows; a city's own table perhaps a few hundred.
pub const MAX_ROWS: u32 = 2000;

/// A workbook that cannot be read as the reviewer's workbook.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{}", say::not_xlsx(file, reason))]
    NotXlsx { file: String, reason: String },
    #[error("{}", say::unpacked(file, what))]
    Unpacked { file: String, what: String },
    #[error("{}", say::missing_sheet(file, sheet))]
    MissingSheet { file: String, sheet: &'static str },
    #[error("{}", say::in_cell(sheet, cell, message))]
    Cell {
        sheet: &'static str,
        cell: String,
        message: String,
    },
}

/// One row of the table as the reviewer left it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JudgedRow {
    /// The spreadsheet's row number (1 is the header).
    pub sheet_row: u32,
    pub id: String,
    pub category: String,
    pub status: String,
    /// One of [`VERDICTS`], or `None` where the reviewer has not judged yet.
    pub verdict: Option<String>,
    pub finding: String,
    pub answer: String,
    pub reviewer: String,
    pub checked_on: String,
}

/// A reviewer's workbook read back.
#[derive(Debug, Clone, Serialize)]
pub struct Judged {
    pub identity: Identity,
    pub rows: Vec<JudgedRow>,
}

/// Reads the workbook at `path`.
pub fn read(path: &Path) -> Result<Judged, ReadError> {
    let bytes = input::read_limited(path, MAX_WORKBOOK_BYTES)?;
    read_bytes(&input::shown_path(path), bytes)
}

/// Reads a workbook's bytes; `file` names it in messages.
pub fn read_bytes(file: &str, bytes: Vec<u8>) -> Result<Judged, ReadError> {
    check_unpacked(file, &bytes)?;
    let not_xlsx = |reason: String| ReadError::NotXlsx {
        file: file.to_string(),
        reason,
    };
    let mut workbook: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| not_xlsx(e.to_string()))?;
    let matrix = cells(&mut workbook, file, MATRIX_SHEET, COLUMNS.len() as u32 + 1)?;
    let identity = cells(&mut workbook, file, IDENTITY_SHEET, 2)?;
    Ok(Judged {
        identity: identity_of(&identity)?,
        rows: rows_of(&matrix)?,
    })
}

/// Unpacks every entry into nothing, counting, and refuses the file past the bounds.
fn check_unpacked(file: &str, bytes: &[u8]) -> Result<(), ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadError::NotXlsx {
        file: file.to_string(),
        reason: e.to_string(),
    })?;
    let too_much = |what: String| ReadError::Unpacked {
        file: file.to_string(),
        what,
    };
    if zip.len() > MAX_ENTRIES {
        return Err(too_much(say::too_many_entries(zip.len(), MAX_ENTRIES)));
    }
    let mut total: u64 = 0;
    for index in 0..zip.len() {
        let mut entry = zip.by_index(index).map_err(|e| ReadError::NotXlsx {
            file: file.to_string(),
            reason: e.to_string(),
        })?;
        let name = entry
            .name()
            .map(|n| input::shown(&n).into_owned())
            .unwrap_or_else(|_| say::entry_number(index));
        let left = MAX_UNPACKED_BYTES - total;
        let unpacked = std::io::copy(&mut (&mut entry).take(left + 1), &mut std::io::sink())
            .map_err(|e| ReadError::NotXlsx {
                file: file.to_string(),
                reason: format!("{name}: {e}"),
            })?;
        total += unpacked;
        if total > MAX_UNPACKED_BYTES {
            return Err(too_much(say::unpacked_total(
                &name,
                MAX_UNPACKED_BYTES >> 20,
            )));
        }
    }
    Ok(())
}

/// A sheet's cells as text, keyed by (row, column), for the first [`MAX_ROWS`] rows and
/// `columns` columns; beyond that, only whether something was there matters.
type Cells = BTreeMap<(u32, u32), String>;

fn cells(
    workbook: &mut Xlsx<Cursor<Vec<u8>>>,
    file: &str,
    sheet: &'static str,
    columns: u32,
) -> Result<Cells, ReadError> {
    if !workbook.sheet_names().iter().any(|n| n == sheet) {
        return Err(ReadError::MissingSheet {
            file: file.to_string(),
            sheet,
        });
    }
    let mut reader = workbook
        .worksheet_cells_reader(sheet)
        .map_err(|e| ReadError::NotXlsx {
            file: file.to_string(),
            reason: e.to_string(),
        })?;
    let mut out = Cells::new();
    loop {
        let cell = reader.next_cell().map_err(|e| ReadError::NotXlsx {
            file: file.to_string(),
            reason: e.to_string(),
        })?;
        let Some(cell) = cell else { break };
        let (row, col) = cell.get_position();
        if row >= MAX_ROWS || col >= columns {
            continue;
        }
        let text = text(cell.get_value(), col == CHECKED_ON_COLUMN as u32)
            .map_err(|message| cell_error(sheet, row, col, message))?;
        if !text.is_empty() {
            out.insert((row, col), text);
        }
    }
    Ok(out)
}

fn text(value: &DataRef, is_date: bool) -> Result<String, String> {
    Ok(match value {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            s.trim().to_string()
        }
        DataRef::SharedString(s) => s.trim().to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if is_date => serial_date(*f),
        DataRef::Float(f) => crate::render::format_number(*f),
        DataRef::DateTime(d) => serial_date(d.as_f64()),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::Error(e) => {
            return Err(say::cell_error_value(e));
        }
        DataRef::Empty => String::new(),
    })
}

/// A date typed into 確認日, stored as a serial day number (1900 date system).
fn serial_date(serial: f64) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    if !(1.0..2_958_466.0).contains(&serial) {
        return crate::render::format_number(serial);
    }
    (epoch + chrono::Days::new(serial.floor() as u64))
        .format("%Y-%m-%d")
        .to_string()
}

/// 「F3」 for row 2, column 5 (both from 0).
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

fn cell_error(sheet: &'static str, row: u32, col: u32, message: String) -> ReadError {
    ReadError::Cell {
        sheet,
        cell: cell_name(row, col),
        message,
    }
}

/// Checks the header row against [`COLUMNS`].
fn check_header(cells: &Cells) -> Result<(), ReadError> {
    for (col, column) in COLUMNS.iter().enumerate() {
        let col = col as u32;
        let found = cells.get(&(0, col)).map(String::as_str).unwrap_or("");
        if found != column.header {
            let found = if found.is_empty() {
                say::empty_cell()
            } else {
                format!("「{}」", input::shown(found))
            };
            return Err(cell_error(
                MATRIX_SHEET,
                0,
                col,
                say::wrong_header(column.header, &found),
            ));
        }
    }
    let extra = COLUMNS.len() as u32;
    if let Some(found) = cells.get(&(0, extra)) {
        return Err(cell_error(
            MATRIX_SHEET,
            0,
            extra,
            say::unknown_column(&input::shown(found)),
        ));
    }
    Ok(())
}

fn rows_of(cells: &Cells) -> Result<Vec<JudgedRow>, ReadError> {
    check_header(cells)?;
    let mut numbers: Vec<u32> = cells
        .keys()
        .map(|(row, _)| *row)
        .filter(|r| *r > 0)
        .collect();
    numbers.dedup();
    numbers
        .into_iter()
        .map(|row| judged_row(cells, row))
        .collect()
}

fn judged_row(cells: &Cells, row: u32) -> Result<JudgedRow, ReadError> {
    let get = |col: usize| cells.get(&(row, col as u32)).cloned().unwrap_or_default();
    let id = get(0);
    if let Err(why) = crate::criteria::RowId::parse(&id) {
        let message = if id.is_empty() {
            say::no_row_id()
        } else {
            say::bad_row_id(&why, &input::shown(&id))
        };
        return Err(cell_error(MATRIX_SHEET, row, 0, message));
    }
    let verdict = get(VERDICT_COLUMN);
    let verdict = if verdict.is_empty() {
        None
    } else if VERDICTS.contains(&verdict.as_str()) {
        Some(verdict)
    } else {
        return Err(cell_error(
            MATRIX_SHEET,
            row,
            VERDICT_COLUMN as u32,
            say::unknown_verdict(&input::shown(&verdict), &VERDICTS.join("・")),
        ));
    };
    Ok(JudgedRow {
        sheet_row: row + 1,
        id,
        category: get(1),
        status: get(3),
        verdict,
        finding: get(FINDING_COLUMN),
        answer: get(ANSWER_COLUMN),
        reviewer: get(REVIEWER_COLUMN),
        checked_on: get(CHECKED_ON_COLUMN),
    })
}

fn identity_of(cells: &Cells) -> Result<Identity, ReadError> {
    let mut values = Vec::new();
    for (i, label) in IDENTITY_LABELS.iter().enumerate() {
        let row = i as u32 + 1;
        let found = cells.get(&(row, 0)).map(String::as_str).unwrap_or("");
        if found != *label {
            return Err(cell_error(
                IDENTITY_SHEET,
                row,
                0,
                say::wrong_item(label, &input::shown(found)),
            ));
        }
        values.push(cells.get(&(row, 1)).cloned().unwrap_or_default());
    }
    let mut values = values.into_iter();
    let mut next = || values.next().unwrap_or_default();
    Ok(Identity {
        city: next(),
        vendor: next(),
        representative: next(),
        service: next(),
        submission_id: next(),
        date: next(),
        version: next(),
        criteria: next(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(2, 5), "F3");
        assert_eq!(cell_name(9, 25), "Z10");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(0, 16383), "XFD1");
    }

    #[test]
    fn typed_dates_read_as_dates() {
        assert_eq!(serial_date(46352.0), "2026-11-26");
    }
}
