//! The workbook as CSV: UTF-8 with a byte-order mark (without it, Excel in Japan reads
//! the file as Shift_JIS and shows mojibake), CRLF line ends, fields quoted as RFC 4180
//! asks.
//!
//! A CSV has no cell types: Excel reads a field that begins with `=`, `+`, `-`, `@`, a
//! tab or a carriage return as a formula. Every such field gets a leading apostrophe, so
//! that no text from a facts file ever runs as a formula in the city's Excel.

use super::{COLUMNS, Sheet, looks_like_formula};

const BOM: &str = "\u{feff}";

/// The CSV's bytes: the header, then one record per row with the reviewer's fields empty.
pub fn write(sheet: &Sheet) -> Vec<u8> {
    let mut out = String::from(BOM);
    let header: Vec<&str> = COLUMNS.iter().map(|c| c.header).collect();
    record(&mut out, &header);
    for line in &sheet.lines {
        let mut fields: Vec<String> = line.cells().into_iter().collect();
        fields.resize(COLUMNS.len(), String::new());
        record(&mut out, &fields);
    }
    out.into_bytes()
}

fn record(out: &mut String, fields: &[impl AsRef<str>]) {
    let fields: Vec<String> = fields.iter().map(|f| field(f.as_ref())).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// One field: neutralised, then quoted when it holds a comma, a quote or a line break.
pub fn field(text: &str) -> String {
    let text = if looks_like_formula(text) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn formulas_are_neutralised_and_quoting_follows_rfc_4180() {
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("-2"), "'-2");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("「a」\"b\""), "\"「a」\"\"b\"\"\"");
        assert_eq!(field("対応済"), "対応済");
        assert_eq!(field("1-2"), "1-2");
    }
}
