//! `beppyo review-sheet`: reading a reviewer's workbook back (each complaint names the
//! sheet and cell), the summary it prints, and the command's own reports. The sheet names,
//! column headings, verdicts and item names stay Japanese: they are the workbook's words.

use std::fmt::Display;

use crate::messages::{Lang, lang};

crate::messages! {
    fn not_xlsx(file: &str, reason: &str) {
        ja: "{file} を XLSX ファイルとして読めません（{reason}）。beppyo が書き出した 05_compliance-matrix.xlsx に記入したものを指定してください",
        en: "{file} cannot be read as an XLSX file ({reason}). Give the 05_compliance-matrix.xlsx beppyo wrote, filled in",
    }
    fn unpacked(file: &str, what: &str) {
        ja: "{file} は展開すると大きすぎます（{what}）。展開爆弾の疑いがあるため読みません",
        en: "{file} is too large unpacked ({what}); it may be a zip bomb, so it is not read",
    }
    fn too_many_entries(entries: usize, limit: usize) {
        ja: "{entries} 個のファイルを含み、上限の {limit} 個を超えています",
        en: "it holds {entries} files, more than the limit of {limit}",
    }
    fn entry_number(index: usize) {
        ja: "{index} 番目のファイル",
        en: "file number {index}",
    }
    fn unpacked_total(name: &str, mib: u64) {
        ja: "{name} までで、展開後の合計が上限の {mib} MiB を超えます",
        en: "up to {name}, the unpacked total exceeds the limit of {mib} MiB",
    }
    fn missing_sheet(file: &str, sheet: &str) {
        ja: "{file} にシート『{sheet}』がありません。beppyo が書き出した別表対応表のシート名を変えずに記入してください",
        en: "{file} has no sheet 『{sheet}』. Fill in the workbook beppyo wrote without renaming its sheets",
    }
    fn in_cell(sheet: &str, cell: &str, message: &str) {
        ja: "シート『{sheet}』のセル {cell}: {message}",
        en: "sheet 『{sheet}』, cell {cell}: {message}",
    }
    fn cell_error_value(error: &dyn Display) {
        ja: "値がエラー（{error}）になっています。数式ではなく文字で記入してください",
        en: "the value is an error ({error}). Type text, not a formula",
    }
    fn empty_cell() {
        ja: "空欄",
        en: "empty",
    }
    fn wrong_header(expected: &str, found: &str) {
        ja: "見出しは「{expected}」のはずですが、{found}です。列を移動・追加・削除せず、書き出されたときの列の並びのまま記入してください",
        en: "the heading should be 「{expected}」 but is {found}. Do not move, add or delete columns: keep them as they were written",
    }
    fn unknown_column(found: &str) {
        ja: "知らない列「{found}」があります。列を追加せず、書き出されたときの列の並びのまま記入してください",
        en: "there is an unknown column 「{found}」. Do not add columns: keep them as they were written",
    }
    fn no_row_id() {
        ja: "行IDがありません。行を追加・削除せずに記入してください",
        en: "there is no row ID. Do not add or delete rows",
    }
    fn bad_row_id(why: &str, found: &str) {
        ja: "{why}。行IDの列を書き換えないでください",
        en: "「{found}」 is not a row ID (such as TEC-18). Do not change the row ID column",
    }
    fn unknown_verdict(found: &str, verdicts: &str) {
        ja: "判定「{found}」は選択肢にありません。{verdicts} のいずれかを選ぶか、空欄にしてください",
        en: "the verdict 「{found}」 is not one of the choices. Choose one of {verdicts}, or leave it empty",
    }
    fn wrong_item(label: &str, found: &str) {
        ja: "項目名は「{label}」のはずですが「{found}」です。このシートは書き換えないでください",
        en: "the item name should be 「{label}」 but is 「{found}」. Do not change this sheet",
    }
    fn cannot_create_workbook(error: &str) {
        ja: "別表対応表の XLSX を作成できません: {error}",
        en: "cannot make the compliance matrix XLSX: {error}",
    }
    fn summary_heading(service: &str, vendor: &str, version: &str, id: &str) {
        ja: "{service}（{vendor}、{version}、提出番号 {id}）\n判定の内訳:\n",
        en: "{service} ({vendor}, {version}, submission {id})\nVerdicts:\n",
    }
    fn no_findings() {
        ja: "指摘事項: なし\n",
        en: "Findings: none\n",
    }
    fn finding(id: &str, category: &str, verdict: &str, sheet_row: u32, finding: &str) {
        ja: "  {id} {category}［{verdict}］（{sheet_row} 行目）\n    {finding}\n",
        en: "  {id} {category} [{verdict}] (row {sheet_row})\n    {finding}\n",
    }
    fn vendor_answer(answer: &str) {
        ja: "    事業者回答: {answer}\n",
        en: "    vendor's answer: {answer}\n",
    }
    fn nothing_to_do() {
        ja: "提出フォルダ又は事実ファイルか、--read と記入済みの XLSX ファイルを指定してください",
        en: "give a submission folder or a facts file, or --read and a filled-in XLSX file",
    }
    fn workbook_not_made() {
        ja: "別表対応表の XLSX が作成されませんでした",
        en: "the compliance matrix XLSX was not made",
    }
    fn refuse_existing(path: &str) {
        ja: "{path} は既にあります。記入済みの対応表を上書きしないよう、書き込みませんでした。別の名前を -o で指定するか、上書きしてよければ --force を付けてください",
        en: "{path} already exists. Nothing was written, so as not to overwrite a filled-in workbook. Give another name with -o, or add --force to overwrite it",
    }
    fn cannot_make_letter(error: &dyn Display) {
        ja: "指摘事項一覧を作成できません: {error}",
        en: "cannot make the list of findings: {error}",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One line of the verdict counts.
pub fn verdict_count(verdict: &str, rows: usize) -> String {
    match lang() {
        Lang::Ja => format!("  {verdict}　{rows} 行\n"),
        Lang::En => format!("  {verdict}  {}\n", plural(rows, "row", "rows")),
    }
}

/// The heading of the findings.
pub fn findings_heading(count: usize) -> String {
    match lang() {
        Lang::Ja => format!("指摘事項（{count} 件）:\n"),
        Lang::En => format!("Findings ({count}):\n"),
    }
}

/// What writing the workbook did.
pub fn workbook_written(path: &str, rows: usize) -> String {
    match lang() {
        Lang::Ja => format!("書き込みました: {path}（{rows} 行）\n"),
        Lang::En => format!("wrote {path} ({})\n", plural(rows, "row", "rows")),
    }
}

/// What writing the list of findings did.
pub fn letter_written(md: &str, pdf: &str, pages: usize) -> String {
    match lang() {
        Lang::Ja => format!("書き込みました: {md}、{pdf}（{pages}ページ）"),
        Lang::En => format!("wrote {md}, {pdf} ({})", plural(pages, "page", "pages")),
    }
}
