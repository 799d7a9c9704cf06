//! The reviewer's workbook: written by `render` and `review-sheet`, read back with
//! calamine and from the XML inside the zip, and a filled-in one summarised by `--read`.

use crate::common;

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use beppyo::criteria::Criteria;
use beppyo::review::read::{self, ReadError};
use beppyo::review::{COLUMNS, IDENTITY_LABELS, IDENTITY_SHEET, MATRIX_SHEET, VERDICTS};
use calamine::{Data, Reader, Xlsx};

const XLSX: &str = "05_compliance-matrix.xlsx";
const CSV: &str = "05_compliance-matrix.csv";

/// The files of a submission rendered (Markdown only) from facts text.
fn render(text: &str) -> BTreeMap<String, Vec<u8>> {
    let file = common::source(text);
    let criteria = Criteria::embedded();
    let (facts, _) = beppyo::facts::load(&file, &criteria).expect("the facts load");
    let templates = beppyo::templates::load(None).expect("embedded templates");
    let inputs = beppyo::Inputs::with_embedded_table(&file, &facts, &criteria, &templates, None);
    beppyo::build_submission(&inputs)
        .expect("the submission renders")
        .files
}

/// A sheet as text cells, row by row.
fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).expect("an xlsx");
    let range = workbook.worksheet_range(name).expect("the sheet");
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => panic!("a text cell was expected, not {other:?}"),
                })
                .collect()
        })
        .collect()
}

/// An entry of the xlsx zip, as text.
fn entry(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name)
        .expect("the entry")
        .read_to_string(&mut text)
        .expect("UTF-8 XML");
    text
}

/// A CSV's records (RFC 4180: quoted fields may hold commas, quotes and line breaks).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

#[test]
fn workbook_has_one_line_per_row_with_the_requirement_verbatim() {
    let files = render(&common::example_text());
    let cells = sheet(&files[XLSX], MATRIX_SHEET);
    let criteria = Criteria::embedded();
    assert_eq!(
        cells.len(),
        criteria.rows.len() + 1,
        "a header and every row"
    );
    let headers: Vec<&str> = COLUMNS.iter().map(|c| c.header).collect();
    assert_eq!(
        headers,
        [
            "行ID",
            "区分",
            "要件",
            "状況",
            "対応の概要",
            "記載箇所",
            "根拠資料",
            "判定",
            "指摘事項",
            "事業者回答",
            "確認者",
            "確認日"
        ]
    );
    assert_eq!(cells[0], headers);
    for (line, row) in cells[1..].iter().zip(&criteria.rows) {
        assert_eq!(line[0], row.id.as_str());
        assert_eq!(line[1], criteria.category_name(&row.category));
        assert_eq!(line[2], row.full_text(), "{} is quoted verbatim", row.id);
        assert!(
            ["対応済", "一部対応", "代替措置", "対応予定", "対象外"].contains(&line[3].as_str()),
            "{}: status {}",
            row.id,
            line[3]
        );
        assert!(!line[4].is_empty() && !line[5].is_empty(), "{}", row.id);
        assert!(
            line[7..].iter().all(String::is_empty),
            "{}: the reviewer's columns start empty",
            row.id
        );
    }
    // The citations name the document and its numbered section.
    assert!(
        cells[1][5].starts_with("情報セキュリティ対策書 第"),
        "{}",
        cells[1][5]
    );
    let identity = sheet(&files[XLSX], IDENTITY_SHEET);
    let labels: Vec<&str> = identity[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(labels, IDENTITY_LABELS);
    assert_eq!(identity[1][1], "東雲市");
    assert_eq!(identity[5][1], "2026-shinonome-001");
    assert!(
        !identity.iter().flatten().any(|c| c.contains("manifest")),
        "the identity sheet cannot state the fingerprint"
    );
}

#[test]
fn workbook_offers_the_verdicts_freezes_the_header_and_prints_a4_landscape_with_titles() {
    let files = render(&common::example_text());
    let bytes = &files[XLSX];
    let sheet1 = entry(bytes, "xl/worksheets/sheet1.xml");
    let last = Criteria::embedded().rows.len() + 1;
    let list = format!(
        r#"<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="判定" error="判定は 適合・条件付適合・不適合・要確認 から選んでください" promptTitle="判定" prompt="一覧から選んでください" sqref="H2:H{last}"><formula1>"{}"</formula1>"#,
        VERDICTS.join(",")
    );
    assert!(sheet1.contains(&list), "{sheet1}");
    assert_eq!(VERDICTS, ["適合", "条件付適合", "不適合", "要確認"]);
    assert!(
        sheet1.contains(r#"<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>"#),
        "header row and ID column frozen"
    );
    assert!(
        sheet1.contains(r#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape""#),
        "A4 landscape, as many pages tall as needed"
    );
    assert!(
        sheet1.contains(r#"<pageSetUpPr fitToPage="1"/>"#),
        "fitted to width"
    );
    let workbook = entry(bytes, "xl/workbook.xml");
    assert!(
        workbook.contains(r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">別表対応表!$1:$1</definedName>"#),
        "the header row repeats on every printed page: {workbook}"
    );
    let core = entry(bytes, "docProps/core.xml");
    assert!(
        core.contains(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-26T00:00:00Z</dcterms:created>"
        ),
        "dated from the facts, not the clock: {core}"
    );
}

#[test]
fn two_renders_give_the_same_bytes() {
    let first = render(&common::example_text());
    let second = render(&common::example_text());
    assert_eq!(first[XLSX], second[XLSX]);
    assert_eq!(first[CSV], second[CSV]);
    let manifest = String::from_utf8(first["manifest.json"].clone()).unwrap();
    assert!(manifest.contains(&format!("\"file\": \"{XLSX}\"")));
    assert!(manifest.contains(&format!("\"file\": \"{CSV}\"")));
}

#[test]
fn csv_is_utf8_with_bom_and_has_the_same_rows() {
    let files = render(&common::example_text());
    let bytes = &files[CSV];
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 byte-order mark"
    );
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    assert!(text.ends_with("\r\n"));
    let records = csv_records(text);
    let cells = sheet(&files[XLSX], MATRIX_SHEET);
    assert_eq!(records.len(), Criteria::embedded().rows.len() + 1);
    assert_eq!(records, cells);
}

#[test]
fn vendor_text_never_becomes_a_formula() {
    let hostile = r#"=HYPERLINK("http://example.invalid/","x")"#;
    // TEC-03's summary starts with the first time source the vendor names.
    let text = common::example_with(
        "sources: [ntp.nict.jp, 当社運用のGPS時刻サーバ]",
        &format!("sources: ['{hostile}', 当社運用のGPS時刻サーバ]"),
    );
    let files = render(&text);
    let cells = sheet(&files[XLSX], MATRIX_SHEET);
    let phy = cells.iter().find(|r| r[0] == "TEC-03").expect("TEC-03");
    assert!(phy[4].starts_with(hostile), "kept as text: {}", phy[4]);
    let sheet1 = entry(&files[XLSX], "xl/worksheets/sheet1.xml");
    assert!(!sheet1.contains("<f>"), "no formula cell in the workbook");
    let csv = String::from_utf8(files[CSV].clone()).unwrap();
    let records = csv_records(&csv[3..]);
    let phy = records.iter().find(|r| r[0] == "TEC-03").expect("TEC-03");
    assert!(phy[4].starts_with(&format!("'{hostile}")), "{}", phy[4]);
    assert!(
        records
            .iter()
            .flatten()
            .all(|f| !f.starts_with(['=', '+', '-', '@', '\t', '\r'])),
        "every CSV field is neutralised"
    );
}

/// What a reviewer puts in the workbook: row index (0 = BAS-01) → (判定, 指摘事項, 確認日).
type Filled<'a> = &'a [(usize, &'a str, &'a str, &'a str)];

/// A filled-in workbook, written as a reviewer's Excel would save it: the layout of the
/// one beppyo wrote, with `headers` (normally [`COLUMNS`]) and the reviewer's entries.
fn filled(headers: &[&str], entries: Filled, with_identity: bool) -> Vec<u8> {
    let files = render(&common::example_text());
    let original = sheet(&files[XLSX], MATRIX_SHEET);
    let identity = sheet(&files[XLSX], IDENTITY_SHEET);
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let ws = workbook.add_worksheet();
    ws.set_name(MATRIX_SHEET).unwrap();
    for (col, header) in headers.iter().enumerate() {
        ws.write_string(0, col as u16, *header).unwrap();
    }
    for (row, line) in original[1..].iter().enumerate() {
        for (col, text) in line.iter().enumerate().take(7) {
            ws.write_string(row as u32 + 1, col as u16, text).unwrap();
        }
    }
    for (index, verdict, finding, date) in entries {
        let row = *index as u32 + 1;
        if !verdict.is_empty() {
            ws.write_string(row, 7, *verdict).unwrap();
        }
        if !finding.is_empty() {
            ws.write_string(row, 8, *finding).unwrap();
        }
        if !date.is_empty() {
            let (y, rest) = date.split_at(4);
            let d = rust_xlsxwriter::ExcelDateTime::from_ymd(
                y.parse().unwrap(),
                rest[1..3].parse().unwrap(),
                rest[4..6].parse().unwrap(),
            )
            .unwrap();
            let format = rust_xlsxwriter::Format::new().set_num_format("yyyy/mm/dd");
            ws.write_datetime_with_format(row, 11, &d, &format).unwrap();
        }
    }
    if with_identity {
        let ws = workbook.add_worksheet();
        ws.set_name(IDENTITY_SHEET).unwrap();
        for (r, line) in identity.iter().enumerate() {
            for (c, text) in line.iter().enumerate() {
                ws.write_string(r as u32, c as u16, text).unwrap();
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

fn headers() -> Vec<&'static str> {
    COLUMNS.iter().map(|c| c.header).collect()
}

const ENTRIES: Filled = &[
    (0, "適合", "", "2026-12-01"),
    (1, "適合", "", ""),
    (
        4,
        "条件付適合",
        "TEC-08 の導入後に、ログの改ざん防止の実施状況を報告してください。",
        "2026-12-03",
    ),
    (
        12,
        "不適合",
        "複製の保管場所（大阪府）の住所区分を明記してください。",
        "2026-12-02",
    ),
    (
        20,
        "要確認",
        "多要素認証の対象に委託先の運用者が含まれるか、説明してください。",
        "",
    ),
];

#[test]
fn read_summarises_verdicts_and_findings_as_text_json_and_a_letter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("judged.xlsx");
    std::fs::write(&path, filled(&headers(), ENTRIES, true)).unwrap();

    let out = common::run(&["review-sheet", "--read", "judged.xlsx"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let unjudged = Criteria::embedded().rows.len() - ENTRIES.len();
    for line in [
        "適合　2 行",
        "条件付適合　1 行",
        "不適合　1 行",
        "要確認　1 行",
        &format!("未判定　{unjudged} 行"),
        "指摘事項（3 件）",
    ] {
        assert!(stdout.contains(line), "{line} in:\n{stdout}");
    }
    assert!(
        stdout.contains("PHY-02 物理的セキュリティ［不適合］（14 行目）"),
        "{stdout}"
    );

    let out = common::run(
        &["review-sheet", "--read", "judged.xlsx", "--json"],
        dir.path(),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        json["counts"][0],
        serde_json::json!({"verdict": "適合", "rows": 2})
    );
    assert_eq!(
        json["counts"][4],
        serde_json::json!({"verdict": "未判定", "rows": unjudged})
    );
    let findings = json["findings"].as_array().unwrap();
    let ids: Vec<&str> = findings.iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["BAS-05", "PHY-02", "TEC-04"]);
    assert_eq!(findings[0]["checked_on"], "2026-12-03");
    assert_eq!(json["identity"]["vendor"], "株式会社青嶺クラウド");

    let out = common::run(
        &[
            "review-sheet",
            "--read",
            "judged.xlsx",
            "--md",
            "out/指摘事項一覧.md",
        ],
        dir.path(),
    );
    assert!(!out.status.success(), "a missing folder is an error");
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = common::run(
        &[
            "review-sheet",
            "--read",
            "judged.xlsx",
            "--md",
            "out/指摘事項一覧.md",
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = std::fs::read_to_string(dir.path().join("out/指摘事項一覧.md")).unwrap();
    assert!(
        md.contains("addressee: 株式会社青嶺クラウド　代表取締役 青嶺 太郎 様"),
        "{md}"
    );
    assert!(md.contains("vendor: 東雲市長"), "the city sends it: {md}");
    assert!(
        md.contains("date: 令和8年12月3日（2026年12月3日）"),
        "the latest 確認日: {md}"
    );
    assert!(md.contains("| 2 | PHY-02 | 物理的セキュリティ | 不適合 | 複製の保管場所（大阪府）の住所区分を明記してください。 |"), "{md}");
    assert!(md.contains("「事業者回答」欄に回答を記入し"), "{md}");
    assert!(md.trim_end().ends_with("以上"), "{md}");
    insta::assert_snapshot!("findings_letter", md);
    let pdf = std::fs::read(dir.path().join("out/指摘事項一覧.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let again = common::run(
        &[
            "review-sheet",
            "--read",
            "judged.xlsx",
            "--md",
            "out/指摘事項一覧.md",
        ],
        dir.path(),
    );
    assert_eq!(again.status.code(), Some(1), "no overwrite without --force");
}

fn read_error(bytes: Vec<u8>) -> String {
    match read::read_bytes("judged.xlsx", bytes) {
        Ok(_) => panic!("the workbook should be refused"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn a_moved_column_an_unknown_verdict_or_a_missing_sheet_is_named_by_its_cell() {
    let mut moved = headers();
    moved.swap(5, 6);
    assert_eq!(
        read_error(filled(&moved, ENTRIES, true)),
        "シート『別表対応表』のセル F1: 見出しは「記載箇所」のはずですが、「根拠資料」です。列を移動・追加・削除せず、書き出されたときの列の並びのまま記入してください"
    );
    let mut added = headers();
    added.push("備考");
    assert!(
        read_error(filled(&added, ENTRIES, true))
            .starts_with("シート『別表対応表』のセル M1: 知らない列「備考」")
    );
    let wrong = &[(1, "OK", "", "")];
    assert_eq!(
        read_error(filled(&headers(), wrong, true)),
        "シート『別表対応表』のセル H3: 判定「OK」は選択肢にありません。適合・条件付適合・不適合・要確認 のいずれかを選ぶか、空欄にしてください"
    );
    assert_eq!(
        read_error(filled(&headers(), ENTRIES, false)),
        "judged.xlsx にシート『提出の概要』がありません。beppyo が書き出した別表対応表のシート名を変えずに記入してください"
    );
    let out = common::run(&["review-sheet", "--read", "Cargo.toml"], &common::repo());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("XLSX ファイルとして読めません"));
}

#[test]
fn a_zip_bomb_is_refused_before_calamine_unpacks_it() {
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(Cursor::new(&mut bytes));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("xl/sharedStrings.xml", options).unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..=(read::MAX_UNPACKED_BYTES >> 20) {
            zip.write_all(&zeros).unwrap();
        }
        zip.finish().unwrap();
    }
    assert!(bytes.len() < 1 << 20, "small packed: {} bytes", bytes.len());
    match read::read_bytes("bomb.xlsx", bytes) {
        Err(ReadError::Unpacked { what, .. }) => {
            assert!(what.contains("xl/sharedStrings.xml"), "{what}")
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn review_sheet_writes_the_workbook_render_puts_in_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let facts = common::repo().join("data/examples/aomine/vendor.yaml");
    let facts = facts.to_str().unwrap();
    let out = common::run(&["review-sheet", facts, "-o", "a.xlsx"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = common::run(&["render", facts, "-o", "out"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let folder = dir.path().join("out/aomine-cloud/2026-shinonome-001");
    let written = std::fs::read(dir.path().join("a.xlsx")).unwrap();
    assert_eq!(written, std::fs::read(folder.join(XLSX)).unwrap());
    let out = common::run(
        &["review-sheet", folder.to_str().unwrap(), "-o", "a.xlsx"],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a filled workbook is never overwritten"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    let out = common::run(
        &["review-sheet", folder.to_str().unwrap(), "-o", "b.xlsx"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(written, std::fs::read(dir.path().join("b.xlsx")).unwrap());
}
