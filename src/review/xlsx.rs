//! The workbook as XLSX, through `rust_xlsxwriter`.
//!
//! Made to be read and printed without adjusting anything: the header row frozen (with
//! the row ID column), widths and wrapping set, A4 landscape fitted to the page width with
//! the header row repeated on every printed page. The vendor's columns have a blue-grey
//! header; the reviewer's are pale yellow throughout and set off by a thick rule before
//! 判定, whose cells offer the four verdicts as a drop-down list.
//!
//! Every text is written as a string cell, so a vendor's text that begins with `=` stays
//! text. The bytes depend on the sheet only: the document properties are dated from the
//! submission date and the writer stores fixed zip timestamps.

use chrono::Datelike;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::{
    COLUMNS, IDENTITY_LABELS, IDENTITY_SHEET, MATRIX_SHEET, STEM, Sheet, Side, TITLE,
    VERDICT_COLUMN, VERDICTS, WriteError,
};

/// The font of the PDFs, which Windows 10 and later ship; elsewhere the spreadsheet
/// substitutes a Japanese Gothic.
const FONT: &str = "BIZ UDPゴシック";
const FONT_SIZE: f64 = 10.0;
const VENDOR_HEADER: u32 = 0xD9E1F2;
const REVIEWER_HEADER: u32 = 0xFCE4D6;
const REVIEWER_CELL: u32 = 0xFFF8E1;
/// Points per line of 10pt Japanese text, and above and below a cell's text.
const LINE_HEIGHT: f64 = 13.5;
const ROW_PADDING: f64 = 4.0;

/// The height that shows all of a row's wrapped text. Neither Excel nor LibreOffice fits
/// rows to wrapped text written by a program (LibreOffice shows one line of each), so it
/// is estimated here: a Japanese character takes about two of the column's units, a
/// Latin one about one, with a unit of margin; the estimate errs towards a line too many.
fn row_height(cells: &[String]) -> f64 {
    let lines = cells
        .iter()
        .zip(COLUMNS.iter())
        .map(|(text, column)| {
            let room = (column.width - 1.0).max(1.0);
            text.split('\n')
                .map(|part| {
                    let units: f64 = part
                        .chars()
                        .map(|c| if c.is_ascii() { 1.0 } else { 1.8 })
                        .sum();
                    (units / room).ceil().max(1.0)
                })
                .sum::<f64>()
        })
        .fold(1.0, f64::max);
    lines * LINE_HEIGHT + ROW_PADDING
}

/// Paper size 9 is A4 in the spreadsheet's numbering.
const A4: u8 = 9;

impl From<XlsxError> for WriteError {
    fn from(error: XlsxError) -> WriteError {
        WriteError(error.to_string())
    }
}

/// The XLSX bytes of the sheet.
pub fn write(sheet: &Sheet) -> Result<Vec<u8>, WriteError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(sheet)?);
    matrix_sheet(workbook.add_worksheet(), sheet)?;
    identity_sheet(workbook.add_worksheet(), sheet)?;
    Ok(workbook.save_to_buffer()?)
}

fn properties(sheet: &Sheet) -> Result<DocProperties, XlsxError> {
    let date = sheet.date;
    let created = ExcelDateTime::from_ymd(
        u16::try_from(date.year()).unwrap_or(1900),
        date.month() as u8,
        date.day() as u8,
    )?;
    let identity = &sheet.identity;
    Ok(DocProperties::new()
        .set_title(format!("{TITLE}（{}）", identity.service))
        .set_subject(identity.service.clone())
        .set_author(identity.vendor.clone())
        .set_company(identity.vendor.clone())
        .set_keywords(STEM)
        .set_creation_datetime(&created))
}

fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(FONT_SIZE)
        .set_align(FormatAlign::Top)
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0x808080))
}

/// A header cell's format and a body cell's format, for a column.
fn formats(index: usize) -> (Format, Format) {
    let column = COLUMNS[index];
    let mut header = base().set_bold().set_align(FormatAlign::Center);
    let mut body = base();
    match column.side {
        Side::Vendor => header = header.set_background_color(Color::RGB(VENDOR_HEADER)),
        Side::Reviewer => {
            header = header.set_background_color(Color::RGB(REVIEWER_HEADER));
            body = body.set_background_color(Color::RGB(REVIEWER_CELL));
        }
    }
    if index == VERDICT_COLUMN {
        // The rule between what the vendor says and what the city decides.
        header = header
            .set_border_left(FormatBorder::Thick)
            .set_border_left_color(Color::Black);
        body = body
            .set_border_left(FormatBorder::Thick)
            .set_border_left_color(Color::Black);
    }
    if index == super::CHECKED_ON_COLUMN {
        body = body.set_num_format("yyyy/mm/dd");
    }
    (header, body)
}

fn matrix_sheet(ws: &mut Worksheet, sheet: &Sheet) -> Result<(), XlsxError> {
    ws.set_name(MATRIX_SHEET)?;
    let last_row = sheet.lines.len() as u32;
    for (index, column) in COLUMNS.iter().enumerate() {
        let col = index as u16;
        let (header, body) = formats(index);
        ws.set_column_width(col, column.width)?;
        ws.write_string_with_format(0, col, column.header, &header)?;
        for (i, line) in sheet.lines.iter().enumerate() {
            let row = i as u32 + 1;
            match line.cells().get(index) {
                Some(text) => ws.write_string_with_format(row, col, text, &body)?,
                None => ws.write_blank(row, col, &body)?,
            };
        }
    }
    for (i, line) in sheet.lines.iter().enumerate() {
        ws.set_row_height(i as u32 + 1, row_height(&line.cells()))?;
    }
    ws.set_row_height(0, LINE_HEIGHT + ROW_PADDING)?;
    if last_row > 0 {
        ws.add_data_validation(
            1,
            VERDICT_COLUMN as u16,
            last_row,
            VERDICT_COLUMN as u16,
            &verdict_list()?,
        )?;
    }
    ws.set_freeze_panes(1, 1)?;
    print_setup(ws)?;
    Ok(())
}

/// 判定: one of the four verdicts, or nothing yet.
fn verdict_list() -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_list_strings(&VERDICTS)?
        .ignore_blank(true)
        .set_input_title("判定")?
        .set_input_message("一覧から選んでください")?
        .set_error_title("判定")?
        .set_error_message(format!("判定は {} から選んでください", VERDICTS.join("・")))
        .map(|v| v.set_error_style(DataValidationErrorStyle::Stop))
}

fn print_setup(ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(A4);
    ws.set_repeat_rows(0, 0)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_header(format!("&C{TITLE}"));
    ws.set_footer("&C&P / &N");
    Ok(())
}

fn identity_sheet(ws: &mut Worksheet, sheet: &Sheet) -> Result<(), XlsxError> {
    ws.set_name(IDENTITY_SHEET)?;
    let header = base()
        .set_bold()
        .set_background_color(Color::RGB(VENDOR_HEADER));
    let body = base();
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 60)?;
    ws.write_string_with_format(0, 0, "項目", &header)?;
    ws.write_string_with_format(0, 1, "内容", &header)?;
    for (i, (label, value)) in IDENTITY_LABELS
        .iter()
        .zip(sheet.identity.values())
        .enumerate()
    {
        let row = i as u32 + 1;
        ws.write_string_with_format(row, 0, *label, &body)?;
        ws.write_string_with_format(row, 1, value, &body)?;
    }
    ws.set_landscape();
    ws.set_paper_size(A4);
    Ok(())
}
