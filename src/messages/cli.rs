//! The binary's own words: reports, summaries, its errors, and clap's texts.

use crate::messages::{Lang, lang, pick};

/// The word that starts an error line.
pub fn error_prefix() -> &'static str {
    pick("エラー: ", "error: ")
}

/// `n` with an English noun in singular or plural.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The end of a usage error: the usage line (when clap gave one) and where to read more.
pub fn usage_and_help(usage: &str) -> String {
    let mut text = String::new();
    if !usage.is_empty() {
        text.push_str(&usage_line(usage));
    }
    text + &try_help()
}

/// The severity codespan prints in English at the start of a problem's header, in the
/// chosen language.
pub fn severity(english: &str) -> &'static str {
    match english {
        "error" => pick("エラー", "error"),
        _ => pick("警告", "warning"),
    }
}

crate::messages! {
    fn problem_key(path: &str) {
        ja: "キー: {path}",
        en: "key: {path}",
    }
    fn problem_row(row: &dyn std::fmt::Display) {
        ja: "別表 {row}",
        en: "row {row}",
    }
    fn problem_hint(hint: &str) {
        ja: "ヒント: {hint}",
        en: "help: {hint}",
    }
    fn internal_error(info: &dyn std::fmt::Display) {
        ja: "beppyo: 内部エラー（beppyo の不具合であり、入力ファイルの誤りではありません）: {info}\n実行したコマンドと、可能であれば入力ファイルを添えて報告してください。",
        en: "beppyo: internal error (a bug in beppyo, not a mistake in your input): {info}\nPlease report it with the command you ran and, if you can, the input files.",
    }
    fn format_twice(format: &str) {
        ja: "--format に {format} が2回あります。md、pdf をそれぞれ1回までで指定してください（例: --format md,pdf）",
        en: "--format names {format} twice. Give md and pdf at most once each (e.g. --format md,pdf)",
    }
    fn init_written(template: &str, schema: &str) {
        ja: "{template} と {schema} を書き出しました。\n「【要記入】」を全て自社の事実に書き換えてから、beppyo check {template} を実行してください。",
        en: "Wrote {template} and {schema}.\nReplace every 「【要記入】」 with your company's facts, then run beppyo check {template}.",
    }
    fn check_unreadable() {
        ja: "（ファイルを事実として読み込めないため、行ごとの状況は表示できません。上の誤りを直してください）\n",
        en: "(The file cannot be read as facts, so the status of each row cannot be shown. Fix the errors above.)\n",
    }
    fn rows_concerned(rows: &str) {
        ja: "（関係する行: {rows}）",
        en: " (rows concerned: {rows})",
    }
    fn strict_fails_on_warnings() {
        ja: "（--strict では警告も不合格です）",
        en: " (with --strict, warnings fail too)",
    }
    fn check_ok(file: &str) {
        ja: "{file}: 問題はありません。全ての行に回答があります",
        en: "{file}: no problems; every row is answered",
    }
    fn status_heading() {
        ja: "行ごとの状況（※ は問題のある行）:\n",
        en: "Status of each row (※ marks a row with problems):\n",
    }
    fn status_heading_plain() {
        ja: "行ごとの状況:\n",
        en: "Status of each row:\n",
    }
    fn status_derived() {
        ja: "  接続経路から判定",
        en: "  derived from the access paths",
    }
    fn status_until(date: &dyn std::fmt::Display) {
        ja: "  {date} まで",
        en: "  by {date}",
    }
    fn status_inherited(parties: &str) {
        ja: "  継承: {parties}",
        en: "  inherited: {parties}",
    }
    fn nothing_written() {
        ja: "何も書き込んでいません",
        en: "Nothing was written",
    }
    fn recovered_completed() {
        ja: "前回中断された置き換えを完了しました（用意できていた新しい提出フォルダを配置しました）",
        en: "completed the replacement an earlier run left unfinished (the new submission folder it had prepared is now in place)",
    }
    fn recovered_restored() {
        ja: "前回中断された置き換えを取り消し、元の提出フォルダを復元しました",
        en: "undid the replacement an earlier run left unfinished and restored the previous submission folder",
    }
    fn recovered_cleaned() {
        ja: "前回中断された書き込みの残り（一時フォルダ）を削除しました",
        en: "removed what an interrupted earlier write left behind (a temporary folder)",
    }
    fn notice(target: &str, what: &str) {
        ja: "注意: {target}: {what}",
        en: "note: {target}: {what}",
    }
    fn written_to(verb: &str, target: &str) {
        ja: "{verb}: {target}",
        en: "{verb}: {target}",
    }
    fn render_fingerprint(target: &str, fingerprint: &str) {
        ja: "指紋（manifest.json の SHA-256）: {fingerprint}\n提出先には、この指紋を受領時に記録するよう伝えてください。次のコマンドで、後から1バイトでも変わっていないことを確かめられます:\n  beppyo verify {target} --fingerprint {fingerprint}\n",
        en: "Fingerprint (SHA-256 of manifest.json): {fingerprint}\nAsk the recipient to record this fingerprint on receipt. This command later confirms that not one byte has changed:\n  beppyo verify {target} --fingerprint {fingerprint}\n",
    }
    fn stdout_failed(error: &dyn std::fmt::Display) {
        ja: "標準出力に書けません: {error}",
        en: "cannot write to standard output: {error}",
    }
    fn not_utf8(name: &str, offset: usize) {
        ja: "{name} は UTF-8 のテキストではありません（{offset} バイト目）。UTF-8 で保存し直してください",
        en: "{name} is not UTF-8 text (at byte {offset}). Save it again as UTF-8",
    }
    fn in_file(name: &str, message: &str) {
        ja: "{name}: {message}",
        en: "{name}: {message}",
    }
    fn fingerprint_malformed() {
        ja: "--fingerprint には、render が表示した指紋（manifest.json の SHA-256、16進64桁）を指定してください",
        en: "--fingerprint takes the fingerprint render printed (the SHA-256 of manifest.json, 64 hexadecimal digits)",
    }
    fn verify_given_a_file(dir: &str) {
        ja: "{dir} はファイルです。beppyo render が書いた提出フォルダ（<出力先>/<vendor.slug>/<submission.id>）を指定してください",
        en: "{dir} is a file. Give the submission folder beppyo render wrote (<output>/<vendor.slug>/<submission.id>)",
    }
    fn verify_self_consistent_only(name: &str) {
        ja: "{name}: 各ファイルは manifest.json と一致しますが、それはフォルダの中で辻褄が合っていることを示すだけです（ファイルと manifest の SHA-256 を一緒に書き換えても同じ結果になります）。\n改変がないことを確かめるには、受領時に記録した指紋を --fingerprint で指定してください。",
        en: "{name}: every file matches manifest.json, but that only shows the folder agrees with itself (editing a file together with its SHA-256 in the manifest gives the same result).\nTo confirm nothing was altered, give the fingerprint recorded on receipt with --fingerprint.",
    }
    fn verify_fingerprint_differs(name: &str, found: &str, expected: &str) {
        ja: "{name} の指紋 {found} は、指定された指紋 {expected} と一致しません。受領後に、いずれかのファイルが変わっています",
        en: "the fingerprint of {name}, {found}, differs from the one given, {expected}. A file has changed since receipt",
    }
    fn verify_failed(name: &str) {
        ja: "{name} は manifest と一致しません",
        en: "{name} does not match its manifest",
    }
    fn rerender_identical() {
        ja: "作り直し: facts.yaml から作り直した文書と manifest.json は、保管されたものとバイト単位で同じです\n",
        en: "re-render: the documents and manifest.json rebuilt from facts.yaml are byte for byte the stored ones\n",
    }
    fn rerender_differs(files: &str) {
        ja: "作り直し: 違いがあります: {files}\n",
        en: "re-render: differs: {files}\n",
    }
    fn rerender_skipped(reason: &str) {
        ja: "作り直し: 行いませんでした（{reason}）\n",
        en: "re-render: skipped ({reason})\n",
    }
    fn fingerprint_line(fingerprint: &str) {
        ja: "指紋（manifest.json の SHA-256）: {fingerprint}\n",
        en: "fingerprint (SHA-256 of manifest.json): {fingerprint}\n",
    }
    fn supersedes_line(id: &str, fingerprint: &str) {
        ja: "置き換える以前の提出: {id}（指紋 {fingerprint}）\n",
        en: "supersedes the earlier submission: {id} (fingerprint {fingerprint})\n",
    }
    fn fingerprint_matches() {
        ja: "指定された指紋と一致します\n",
        en: "matches the fingerprint given\n",
    }
    fn fingerprint_does_not_match() {
        ja: "指定された指紋と一致しません\n",
        en: "does not match the fingerprint given\n",
    }
    fn confirmed_by_fingerprint() {
        ja: "受領時の指紋と一致します",
        en: "the fingerprint recorded on receipt confirms it",
    }
    fn confirmed_by_rerender() {
        ja: "作り直した結果とも一致します",
        en: "the re-render confirms it",
    }
    fn confirmed_by_both() {
        ja: "受領時の指紋とも、作り直した結果とも一致します",
        en: "both the fingerprint recorded on receipt and the re-render confirm it",
    }
    fn verify_ok(name: &str, by: &str) {
        ja: "{name}: すべてのファイルが manifest.json と一致し、{by}。改変はありません\n",
        en: "{name}: every file matches manifest.json and {by}. Nothing was altered\n",
    }
    fn exported(path: &str) {
        ja: "書き出しました: {path}",
        en: "wrote {path}",
    }
    fn embedded() {
        ja: "組み込み",
        en: "embedded",
    }
    fn migrate_current(old: &str, new: &str) {
        ja: "{old} は既に現在の形式です。移行するものはありません（{new} は書き出していません）。",
        en: "{old} is already in the current format; there is nothing to migrate ({new} was not written).",
    }
    fn migrated(old: &str, new: &str) {
        ja: "{old} を現在の形式に変換し、{new} に書き出しました。",
        en: "Converted {old} to the current format and wrote {new}.",
    }
    fn migrated_comments(new: &str) {
        ja: "各箇所に書く内容、機械的に写した値、外した値は {new} の先頭のコメントにあります。",
        en: "What to write in each place, what was copied mechanically and what was left out is in the comments at the top of {new}.",
    }
    fn diff_unreadable(file: &str) {
        ja: "{file} を事実ファイルとして読めないため、比べられません",
        en: "{file} cannot be read as a facts file, so nothing was compared",
    }
    fn notice_unwritable(name: &str) {
        ja: "{name} から変更届を作れません。何も書き込んでいません",
        en: "cannot make the change notice from {name}. Nothing was written",
    }
    fn unknown_argument(arg: &str) {
        ja: "知らないオプション {arg} があります",
        en: "unexpected argument {arg}",
    }
    fn unknown_command(command: &str) {
        ja: "知らないコマンド {command} です",
        en: "unknown command {command}",
    }
    fn did_you_mean(what: &str) {
        ja: "\n  もしかして: {what}",
        en: "\n  did you mean: {what}",
    }
    fn missing_arguments(args: &str) {
        ja: "必要な引数がありません: {args}",
        en: "missing required arguments: {args}",
    }
    fn missing_command() {
        ja: "コマンドを指定してください",
        en: "give a command",
    }
    fn invalid_value(arg: &str, value: &str) {
        ja: "{arg} に「{value}」は指定できません",
        en: "invalid value '{value}' for {arg}",
    }
    fn possible_values(values: &str) {
        ja: "\n  指定できる値: {values}",
        en: "\n  possible values: {values}",
    }
    fn conflicting_arguments(arg: &str, other: &str) {
        ja: "{arg} と {other} は一緒に指定できません",
        en: "{arg} cannot be used with {other}",
    }
    fn value_missing(arg: &str) {
        ja: "{arg} に値を指定してください",
        en: "{arg} needs a value",
    }
    fn argument_given_twice(arg: &str) {
        ja: "{arg} が2回指定されています",
        en: "{arg} was given more than once",
    }
    fn usage_line(usage: &str) {
        ja: "\n\n使い方: {usage}",
        en: "\n\nUsage: {usage}",
    }
    fn try_help() {
        ja: "\n\n詳しくは --help を付けて実行してください。",
        en: "\n\nFor more information, try --help.",
    }
    fn migrate_unreadable(file: &str) {
        ja: "{file} を YAML として読めないため、変換できません",
        en: "{file} cannot be read as YAML, so it was not converted",
    }
}

/// The summary of a failed `check`.
pub fn check_failed(file: &str, errors: usize, warnings: usize, tail: &str) -> String {
    match lang() {
        Lang::Ja => format!("{file}: エラー {errors} 件、警告 {warnings} 件{tail}"),
        Lang::En => format!(
            "{file}: {}, {}{tail}",
            count(errors, "error", "errors"),
            count(warnings, "warning", "warnings")
        ),
    }
}

/// The summary of a `check` with warnings only.
pub fn check_warnings_only(file: &str, warnings: usize, concerned: &str) -> String {
    match lang() {
        Lang::Ja => format!("{file}: エラーはありません。警告 {warnings} 件{concerned}"),
        Lang::En => format!(
            "{file}: no errors, {}{concerned}",
            count(warnings, "warning", "warnings")
        ),
    }
}

/// Why `render`, `check` … stopped: the problems of the facts file.
pub fn facts_problems(file: &str, errors: usize) -> String {
    match lang() {
        Lang::Ja => format!("{file} に直すべき問題が {errors} 件あります。何も書き込んでいません"),
        Lang::En => format!(
            "{file} has {} to fix. Nothing was written",
            count(errors, "problem", "problems")
        ),
    }
}

/// `render` goes on despite warnings.
pub fn render_despite_warnings(file: &str, warnings: usize) -> String {
    match lang() {
        Lang::Ja => {
            format!("警告: {file} に警告が {warnings} 件あります。警告を残したまま書類を作成します")
        }
        Lang::En => format!(
            "warning: {file} has {}; the documents are made with them",
            count(warnings, "warning", "warnings")
        ),
    }
}

/// What `render` did to the submission folder.
pub fn write_outcome(outcome: crate::archive::WriteOutcome) -> &'static str {
    use crate::archive::WriteOutcome::*;
    match outcome {
        Written => pick("書き込みました", "wrote"),
        Replaced => pick("置き換えました", "replaced"),
        Unchanged => pick(
            "変更なし（入力が同じため、書き込みませんでした）",
            "unchanged (same input, nothing written)",
        ),
    }
}

/// `pdf`'s report.
pub fn pdf_written(path: &str, pages: usize) -> String {
    match lang() {
        Lang::Ja => format!("書き込みました: {path}（{pages}ページ）\n"),
        Lang::En => format!("wrote {path} ({})\n", count(pages, "page", "pages")),
    }
}

/// `criteria --export`'s report.
pub fn criteria_exported(path: &str, rows: usize) -> String {
    match lang() {
        Lang::Ja => format!("書き出しました: {path}（{rows} 行）"),
        Lang::En => format!("wrote {path} ({})", count(rows, "row", "rows")),
    }
}

/// The first line of `criteria`.
pub fn criteria_heading(
    title: &str,
    source: &str,
    version: &str,
    rows: usize,
    origin: &str,
) -> String {
    match lang() {
        Lang::Ja => format!("{title}（{source}） 版 {version} — {rows} 行（{origin}）"),
        Lang::En => format!(
            "{title} ({source}) version {version} — {} ({origin})",
            count(rows, "row", "rows")
        ),
    }
}

/// `migrate`: how many places wait for a person.
pub fn migrated_to_fill(places: usize, new: &str) -> String {
    match lang() {
        Lang::Ja => format!(
            "【要記入】が{places}か所あります。埋めてから beppyo check {new} で確かめてください:"
        ),
        Lang::En => format!(
            "{} marked 【要記入】 to fill in; then run beppyo check {new}:",
            count(places, "place is", "places are")
        ),
    }
}

/// A row's status in `check`'s table. The documents keep the Japanese labels.
pub fn status_label(status: &crate::facts::rows::RowStatus) -> &'static str {
    use crate::facts::rows::RowStatus::*;
    match lang() {
        Lang::Ja => status.label(),
        Lang::En => match status {
            Answered | Inherited { .. } | TemplateOnly => "answered",
            Partial { .. } => "partial",
            Alternative { .. } => "alternative",
            Planned { .. } => "planned",
            NotApplicable { .. } => "not applicable",
            Missing { .. } => "unanswered",
        },
    }
}

/// A file's state in `verify`'s report, padded to one width.
pub fn file_state(state: crate::archive::FileState) -> &'static str {
    use crate::archive::FileState::*;
    match state {
        Ok => pick("一致　　", "ok        "),
        Changed => pick("変更あり", "changed   "),
        Missing => pick("欠落　　", "missing   "),
        Unexpected => pick("余分　　", "unexpected"),
        Refused => pick("拒否　　", "refused   "),
    }
}

/// The words clap puts around the help: headings, usage, the help and version flags.
pub struct HelpWords {
    pub template: &'static str,
    pub commands: &'static str,
    pub command_value: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub help: &'static str,
    pub version: &'static str,
    /// What stands for "any options" in a usage line (clap writes `[OPTIONS]`).
    pub any_options: &'static str,
    pub exit_codes: &'static str,
}

pub fn help_words() -> HelpWords {
    match lang() {
        Lang::Ja => HelpWords {
            template: "{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}",
            commands: "コマンド",
            command_value: "コマンド",
            arguments: "引数",
            options: "オプション",
            help: "ヘルプを表示する",
            version: "版を表示する",
            any_options: "[オプション]",
            exit_codes: "\
終了コード:
  0  成功
  1  入力に直すべき問題がある（事実ファイル、別表、テンプレート、変更された提出フォルダ。
     check --strict では警告も）
  2  使い方の誤り（知らないコマンド・オプション、引数の不足、ファイルの代わりにフォルダを指定した等）
  3  入出力のエラー又は内部エラー（ファイルを読み書きできない、同じ提出フォルダに別の render が
     書き込み中、beppyo の不具合）
  4  verify: 全てのファイルは manifest と一致するが、manifest 自体を指紋（--fingerprint）又は
     再生成で確かめられなかった。diff: 違いがある（--notice で変更届を書き出したときは 0）",
        },
        Lang::En => HelpWords {
            template: "{about-with-newline}\nUsage: {usage}\n\n{all-args}{after-help}",
            commands: "Commands",
            command_value: "COMMAND",
            arguments: "Arguments",
            options: "Options",
            help: "Print help",
            version: "Print version",
            any_options: "[OPTIONS]",
            exit_codes: "\
Exit codes:
  0  success
  1  the input has problems to fix (facts, criteria table, templates, a changed submission
     folder; with check --strict, warnings too)
  2  usage error (unknown command or option, missing argument, a folder given where a file goes…)
  3  I/O or internal error (cannot read or write a file, another render is writing the same
     submission folder, a bug in beppyo)
  4  verify: every file matches the manifest, but neither a fingerprint (--fingerprint) nor a
     re-render confirmed the manifest itself. diff: there are differences (0 with --notice)",
        },
    }
}

/// The English help of a command (`about`) or of an argument (`command.arg`, or `*.arg`
/// for one shared by several commands). The Japanese help is the doc comments of
/// `args.rs`; a test checks that every one has its English here.
pub fn help_en(key: &str) -> Option<&'static str> {
    Some(match key {
        "beppyo" => {
            "Makes the documents an external-service vendor submits against a municipality's criteria table (「外部サービスの利用基準別表」) from one facts file."
        }
        "*.lang" => "Language of the messages: ja (default) or en. Also BEPPYO_LANG=en",
        "criteria" => "Lists the rows of the criteria table in use.",
        "criteria.export" => "Writes the table in use to FILE, in the format --criteria reads.",
        "init" => "Writes an annotated facts file template (and its JSON Schema).",
        "init.path" => "Where to write the template.",
        "check" => "Checks a facts file: every problem and warning, and the status of each row.",
        "check.facts" | "render.facts" => "The facts file.",
        "check.strict" => "Fail (exit code 1) on warnings too, not only on errors.",
        "render" => "Makes the set of documents (Markdown and PDF).",
        "render.output" => {
            "Output folder. The submission folder is DIR/<vendor.slug>/<submission.id>/."
        }
        "render.force" => "Replace an existing submission folder with different content.",
        "render.templates" => {
            "A folder of templates, each replacing the embedded template of its name."
        }
        "render.format" => "Formats to write (md, pdf).",
        "pdf" => {
            "Typesets any Markdown file as a PDF in the same style (the vendor's own attachments…)."
        }
        "pdf.file" => "The Markdown file (front matter such as title and vendor fills the cover).",
        "pdf.output" => "Where to write the PDF [default: FILE with the extension .pdf].",
        "verify" => "Checks an archived submission folder against its manifest for alterations.",
        "verify.dir" => "The submission folder (the folder holding manifest.json).",
        "verify.json" | "diff.json" => "Print the result as JSON.",
        "verify.fingerprint" => {
            "The fingerprint recorded on receipt (the SHA-256 of manifest.json that render printed). With it, a change to any file of the folder is caught."
        }
        "templates" => "Works with the document templates.",
        "export" => "Writes the embedded templates to DIR for editing.",
        "export.dir" => "The folder to write to (made if missing).",
        "schema" => "Prints the JSON Schema of the facts file.",
        "completions" => {
            "Prints a shell completion script (e.g. beppyo completions bash > ~/.local/share/bash-completion/completions/beppyo)."
        }
        "completions.shell" => "The shell.",
        "man" => "Prints the man page (roff) (e.g. beppyo man > beppyo.1).",
        "diff" => {
            "Compares two submissions and shows the facts that changed, by row of the table (rows whose status changed first). --notice makes the change notice (BAS-03)."
        }
        "diff.old" => {
            "The earlier submission: a facts file or a submission folder beppyo render wrote. Format-1 facts files are read too."
        }
        "diff.new" => "The revised submission: a facts file or a submission folder.",
        "diff.notice" => {
            "Write the significant changes declared under change: in NEW as a change notice (Markdown and PDF) to the folder of -o."
        }
        "diff.output" => "Folder for the change notice (made if missing).",
        "review-sheet" => {
            "Writes the reviewer's workbook (XLSX) of the compliance matrix; with --read, summarises a filled-in one."
        }
        "review-sheet.input" => {
            "A submission folder (the workbook is made from its facts.yaml) or a facts file."
        }
        "review-sheet.output" => "Where to write [default: 05_compliance-matrix.xlsx].",
        "review-sheet.read" => {
            "A filled-in workbook (XLSX) to read: the rows of each 判定 and every 指摘事項."
        }
        "review-sheet.json" => "With --read, print the result as JSON.",
        "review-sheet.md" => {
            "With --read, write the list of findings (指摘事項一覧) for the vendor to FILE (Markdown) and beside it as PDF (a folder gets 指摘事項一覧.md)."
        }
        "review-sheet.date" => {
            "Date of the list of findings (YYYY-MM-DD) [default: the latest 確認日, else a blank to fill by hand]."
        }
        "review-sheet.force" => "Overwrite the file to write if it exists.",
        "migrate" => {
            "Converts a facts file of the earlier format (format 1) to the current one. What a person must add is marked 【要記入】."
        }
        "migrate.old" => "The facts file in the earlier format.",
        "migrate.output" => "Where to write the converted file.",
        "migrate.force" => "Overwrite NEW if it exists.",
        "*.pdf_standard" => {
            "The PDF standard: a-2b (default) and a-1b are PDF/A (ISO 19005) for long-term archiving; none is plain PDF."
        }
        "*.font" => "A font (TTF/OTF) for the body text instead of the embedded BIZ UDMincho.",
        "*.heading_font" => "A font (TTF/OTF) for headings instead of the embedded BIZ UDGothic.",
        "*.criteria" => {
            "Another municipality's criteria table: YAML with title, source, version, categories and rows (id, category, text, optional items). beppyo criteria --export FILE writes the embedded table in this format to start from."
        }
        _ => return None,
    })
}
