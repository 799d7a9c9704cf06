//! The library's errors: reading inputs, writing and verifying a submission folder, the
//! criteria table, `init` and the templates. Used by the `#[error]` attributes.

use std::fmt::Display;

use crate::messages::pick;

crate::messages! {
    fn cannot_read(path: &str, source: &dyn Display) {
        ja: "{path} を読めません: {source}",
        en: "cannot read {path}: {source}",
    }
    fn cannot_write(path: &str, source: &dyn Display) {
        ja: "{path} に書き込めません: {source}",
        en: "cannot write {path}: {source}",
    }
    fn too_large(path: &str, limit: u64) {
        ja: "{path} は {limit} バイトを超えています（読み込める上限は {limit} バイトです）",
        en: "{path} is larger than {limit} bytes (the most that is read)",
    }
    fn folder_not_file(path: &str) {
        ja: "{path} はフォルダです。ファイルを指定してください",
        en: "{path} is a folder; give a file",
    }
    fn facts_folder(path: &str) {
        ja: "{path} はフォルダです。事実ファイル（例: vendor.yaml）を指定してください",
        en: "{path} is a folder; give the facts file (e.g. vendor.yaml)",
    }
    fn facts_too_large(path: &str, limit: u64) {
        ja: "{path} は {limit} バイトを超えています。事実ファイルは {limit} バイトまでです",
        en: "{path} is larger than {limit} bytes; a facts file may have up to {limit} bytes",
    }
    fn not_utf8(path: &str, offset: usize, hint: &str) {
        ja: "{path} は UTF-8 のテキストではありません（{offset} バイト目に UTF-8 でないバイトがあります）。{hint}",
        en: "{path} is not UTF-8 text (byte {offset} is not UTF-8). {hint}",
    }
    fn file_has_problems(name: &str, count: usize) {
        ja: "{name} に問題が {count} 件あります",
        en: "{name} has problems: {count}",
    }
    fn submission_exists(path: &str) {
        ja: "{path} には別の内容の提出がすでにあります。置き換えるなら --force を付け、別の提出にするなら submission.id を変えてください",
        en: "{path} already holds a submission with other content. Add --force to replace it, or change submission.id to make another submission",
    }
    fn submission_locked(path: &str) {
        ja: "{path} には、別の beppyo render が書き込んでいる最中です。その処理が終わってから、もう一度実行してください",
        en: "another beppyo render is writing {path}. Run again when it has finished",
    }
    fn not_a_submission(path: &str) {
        ja: "{path} は提出フォルダではありません（manifest.json がありません）。beppyo render が書いたフォルダ（<出力先>/<vendor.slug>/<submission.id>）を指定してください",
        en: "{path} is not a submission folder (it has no manifest.json). Give the folder beppyo render wrote (<output>/<vendor.slug>/<submission.id>)",
    }
    fn refused(path: &str, reason: &str) {
        ja: "{path} を開きません: {reason}",
        en: "{path} is not opened: {reason}",
    }
    fn bad_manifest(path: &str, message: &str) {
        ja: "{path} は正しい manifest ではありません: {message}",
        en: "{path} is not a valid manifest: {message}",
    }
    fn manifest_version(path: &str, found: u64, oldest: u32, newest: u32) {
        ja: "{path} の format_version は {found} です。この beppyo が読めるのは {oldest}〜{newest} です。manifest の tool.version にある版の beppyo で確認してください",
        en: "the format_version of {path} is {found}; this beppyo reads {oldest} to {newest}. Check it with the beppyo version named in the manifest's tool.version",
    }
    fn criteria_unreadable(path: &str, source: &dyn Display) {
        ja: "別表 {path} を読めません: {source}",
        en: "cannot read the criteria table {path}: {source}",
    }
    fn criteria_invalid(name: &str, problems: &str) {
        ja: "{name}: 別表として正しくありません:\n  - {problems}",
        en: "{name}: the criteria table is not valid:\n  - {problems}",
    }
    fn criteria_empty_field(what: &str) {
        ja: "`{what}` が空です",
        en: "`{what}` is empty",
    }
    fn criteria_no_rows() {
        ja: "別表に行がありません",
        en: "the table has no rows",
    }
    fn criteria_category_twice(code: &str) {
        ja: "区分 `{code}` が2回宣言されています",
        en: "category `{code}` is declared twice",
    }
    fn criteria_category_unnamed(code: &str) {
        ja: "区分 `{code}` の名前が空です",
        en: "category `{code}` has an empty name",
    }
    fn criteria_row_twice(row: &str) {
        ja: "行 `{row}` が2回あります。行IDは重複できません",
        en: "row `{row}` appears twice; row IDs must be unique",
    }
    fn criteria_row_empty(row: &str) {
        ja: "行 `{row}` の本文が空です",
        en: "row `{row}` has an empty text",
    }
    fn criteria_row_undeclared_category(row: &str, category: &str) {
        ja: "行 `{row}` の区分 `{category}` は categories に宣言されていません",
        en: "row `{row}` names category `{category}`, which is not declared under `categories`",
    }
    fn criteria_row_id_category(row: &str, category: &str) {
        ja: "行 `{row}` の区分は `{category}` ですが、行IDは別の区分の記号で始まっています",
        en: "row `{row}` is in category `{category}`, but its ID starts with another code",
    }
    fn criteria_row_empty_item(row: &str) {
        ja: "行 `{row}` に、記号か本文が空の項目があります",
        en: "row `{row}` has an item with an empty mark or text",
    }
    fn row_id_no_hyphen(text: &str) {
        ja: "「{text}」は行IDの形（例: TEC-18）ではありません",
        en: "「{text}」 is not a row ID (e.g. TEC-18)",
    }
    fn row_id_malformed(text: &str) {
        ja: "「{text}」は行IDの形（英大文字の区分コード、ハイフン、2桁の番号。例: TEC-18）ではありません",
        en: "「{text}」 is not a row ID (a category code in capitals, a hyphen and two digits, e.g. TEC-18)",
    }
    fn output_over_limit(limit: usize) {
        ja: "出力が上限の {limit} バイトを超えました",
        en: "the output exceeds the limit of {limit} bytes",
    }
    fn template_missing_for(stem: &str) {
        ja: "{stem} のテンプレートがありません",
        en: "there is no template for {stem}",
    }
    fn template_output_too_large(name: &str, megabytes: usize) {
        ja: "{name}: テンプレートの出力が上限の {megabytes} MB を超えました。ループが想定より多く回っていないか確認してください",
        en: "{name}: the template's output exceeds the limit of {megabytes} MB. Check that no loop runs more often than intended",
    }
    fn template_output_not_utf8(name: &str, error: &dyn Display) {
        ja: "{name}: テンプレートの出力が UTF-8 ではありません: {error}",
        en: "{name}: the template's output is not UTF-8: {error}",
    }
    fn init_exists(path: &dyn Display) {
        ja: "{path} は既にあります。beppyo init は既にあるファイルを上書きしません。別のパスを指定してください",
        en: "{path} already exists. beppyo init never overwrites a file; give another path",
    }
    fn template_unreadable(path: &dyn Display, source: &dyn Display) {
        ja: "テンプレート {path} を読めません: {source}",
        en: "cannot read template {path}: {source}",
    }
    fn template_folder_missing(path: &dyn Display) {
        ja: "テンプレートのフォルダ {path} がないか、フォルダではありません",
        en: "the template folder {path} does not exist or is not a folder",
    }
    fn init_no_folder() {
        ja: "このフォルダがありません。先にフォルダを作るか、既にあるフォルダの中のパスを指定してください",
        en: "this folder does not exist. Make it first, or give a path inside an existing folder",
    }
    fn template_exists(path: &dyn Display) {
        ja: "{path} は既にあります。templates export は既にあるファイルを上書きしません",
        en: "{path} already exists; templates export never overwrites a file",
    }
}

/// Why the system refused a read or write, in the chosen language for the common cases
/// (the system's own text is English); any other keeps the system's words.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    if error.get_ref().is_some() {
        // beppyo's own reason, already in the chosen language.
        return error.to_string();
    }
    let said = match error.kind() {
        NotFound => pick(
            "そのファイル又はフォルダはありません",
            "no such file or folder",
        ),
        PermissionDenied => pick("権限がありません", "permission denied"),
        IsADirectory => pick("フォルダです", "it is a folder"),
        NotADirectory => pick(
            "途中にフォルダでないものがあります",
            "a part of the path is not a folder",
        ),
        AlreadyExists => pick("既にあります", "it already exists"),
        StorageFull => pick("ディスクに空きがありません", "the disk is full"),
        ReadOnlyFilesystem => pick(
            "読み取り専用のファイルシステムです",
            "the file system is read-only",
        ),
        _ => return error.to_string(),
    };
    said.to_string()
}

/// Advice for a file that is not UTF-8. Japanese Windows editors often save Shift_JIS
/// (CP932): say so, and how to fix it.
pub fn resave_as_utf8(looks_sjis: bool) -> &'static str {
    if looks_sjis {
        pick(
            "Shift_JIS（CP932）で保存されているようです。UTF-8 で保存し直してください。VS Code では右下の文字コード表示 →「エンコード付きで保存」→「UTF-8」、メモ帳では「名前を付けて保存」→ 文字コード「UTF-8」",
            "It looks saved as Shift_JIS (CP932). Save it again as UTF-8: in VS Code, the encoding at the bottom right → \"Save with Encoding\" → \"UTF-8\"; in Notepad, \"Save As\" → encoding \"UTF-8\"",
        )
    } else {
        pick("UTF-8 で保存し直してください", "Save it again as UTF-8")
    }
}

crate::messages! {
    fn migrate_syntax(error: &dyn Display) {
        ja: "YAML として読めません: {error}",
        en: "cannot be read as YAML: {error}",
    }
    fn migrate_empty() {
        ja: "事実が何も書かれていません（空のファイル、又はコメントだけのファイルです）",
        en: "no facts are written (the file is empty or holds comments only)",
    }
    fn migrate_not_a_mapping() {
        ja: "最上位がキーと値の組ではないため、事実ファイルとして読めません",
        en: "the top level is not keys with values, so this is no facts file",
    }
    fn migrate_unknown_version(version: &str) {
        ja: "format_version: {version} は beppyo の知らない形式です。beppyo が変換できるのは形式1（format_version のないファイル）だけです",
        en: "format_version: {version} is a format beppyo does not know. beppyo converts format 1 only (files without format_version)",
    }
    fn migrate_mixed_formats(key: &str) {
        ja: "format_version がありませんが、形式2のキー `{key}` があります。形式2のファイルなら先頭に format_version: 2 を書き足してください",
        en: "there is no format_version, but there is the format-2 key `{key}`. If the file is of format 2, add format_version: 2 at the top",
    }
    fn migrate_not_facts() {
        ja: "形式1の事実ファイルではありません（submission・vendor・service のいずれもありません）",
        en: "this is no format-1 facts file (it has none of submission, vendor, service)",
    }
    fn migrate_in_file(name: &str, error: &dyn Display) {
        ja: "{name}: {error}",
        en: "{name}: {error}",
    }
    fn migrate_target_exists(path: &dyn Display) {
        ja: "{path} は既にあります。上書きしてよければ --force を付けてください",
        en: "{path} already exists. Add --force to overwrite it",
    }
    fn diff_not_a_submission(path: &str) {
        ja: "{path} は提出フォルダではありません（facts.yaml がありません）。事実ファイルか、beppyo render が書いた提出フォルダを指定してください",
        en: "{path} is not a submission folder (it has no facts.yaml). Give a facts file or a submission folder beppyo render wrote",
    }
    fn diff_unreadable(name: &str) {
        ja: "{name} を事実ファイルとして読めません",
        en: "{name} cannot be read as a facts file",
    }
    fn diff_migrate(name: &str, error: &dyn Display) {
        ja: "{name}: 形式1の事実ファイルとして変換できません: {error}",
        en: "{name}: cannot be converted as a format-1 facts file: {error}",
    }
    fn diff_typeset(error: &dyn Display) {
        ja: "変更届を PDF にできません: {error}",
        en: "cannot typeset the change notice as PDF: {error}",
    }
    fn notice_facts(name: &str) {
        ja: "{name} から変更届を作れません",
        en: "cannot make the change notice from {name}",
    }
    fn notice_format_1(name: &str) {
        ja: "{name} は形式1の事実ファイルです。変更届は、change: を書いた現在の形式の事実ファイルから作ります",
        en: "{name} is a format-1 facts file. A change notice is made from a facts file of the current format with change: written",
    }
    fn notice_render(error: &str) {
        ja: "改訂版の書類を作れないため、影響を受ける記載箇所が分かりません: {error}",
        en: "the revised documents cannot be made, so the sections affected are unknown: {error}",
    }
    fn render_template(message: &str) {
        ja: "テンプレートに誤りがあります\n{message}",
        en: "template error\n{message}",
    }
    fn render_uncovered(ids: &str, rows: &str) {
        ja: "文書のどの節も {ids} に答えていません:\n{rows}",
        en: "no section of the documents answers {ids}:\n{rows}",
    }
    fn notice_no_change() {
        ja: "重大な変更の届出（change:）がありません。effective_date（実施予定日）と reason（理由）を書いてください",
        en: "there is no notice of a significant change (change:). Write effective_date (the date it takes effect) and reason",
    }
    fn notice_supersedes_other_id(id: &str, old_id: &str) {
        ja: "置き換える提出の識別子が {id} ですが、比べている以前の提出は {old_id} です",
        en: "the submission to be replaced is {id}, but the earlier submission compared is {old_id}",
    }
    fn notice_supersedes_other_fingerprint(fingerprint: &str) {
        ja: "置き換える提出の指紋が、以前の提出フォルダの指紋 {fingerprint} と違います",
        en: "the fingerprint of the submission to be replaced differs from the earlier submission folder's fingerprint {fingerprint}",
    }
    fn notice_supersedes_fingerprint_hint() {
        ja: "以前の提出フォルダを beppyo verify で確かめ、表示された指紋を写してください",
        en: "check the earlier submission folder with beppyo verify and copy the fingerprint it prints",
    }
    fn attachment_file(label: &str, key: &str, message: &str) {
        ja: "{label}（attachments の {key}）: {message}",
        en: "{label} (attachments: {key}): {message}",
    }
    fn attachment_no_folder(label: &str, key: &str) {
        ja: "{label}（attachments の {key}）のファイルの場所が分かりません。事実ファイルをファイルとして指定してください",
        en: "where the file of {label} (attachments: {key}) lies is unknown. Give the facts file as a file",
    }
    fn attachment_typeset(label: &str, file: &str, error: &dyn Display) {
        ja: "{label}（{file}）を PDF にできません: {error}",
        en: "cannot typeset {label} ({file}) as PDF: {error}",
    }
    fn attachment_not_archived(member: &str) {
        ja: "保管された manifest.json に {member} がありません。事実ファイルと添付資料が合っていません",
        en: "the stored manifest.json has no {member}: the facts file and the attachments do not match",
    }
    fn attachment_refused(message: &str, hint: &str) {
        ja: "{message}。{hint}",
        en: "{message}. {hint}",
    }
    fn attachment_changed(path: &str) {
        ja: "{path} が読んでいる間に変わりました",
        en: "{path} changed while it was read",
    }
    fn attachment_unreadable(path: &str) {
        ja: "{path} を読めません",
        en: "cannot read {path}",
    }
    fn attachment_not_utf8() {
        ja: "UTF-8 のテキストではありません",
        en: "it is not UTF-8 text",
    }
    fn notice_nothing_significant(classes: &str) {
        ja: "重大な変更として届け出る区分（{classes}）に当たる違いがありません。change.significant を見直してください",
        en: "no difference falls under the classes declared significant ({classes}). Review change.significant",
    }
}
