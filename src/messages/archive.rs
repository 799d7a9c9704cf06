//! The submission folder: its names, the files `verify` refuses or finds changed, and
//! why a re-render was skipped or differs (`archive::*`, `verification`).

use crate::messages::pick;

crate::messages! {
    fn source_changed(path: &str) {
        ja: "{path} が、書類を作成した後に変わりました（manifest に記録した大きさ又は SHA-256 と違います）。何も書き込んでいません。もう一度 beppyo render を実行してください",
        en: "{path} changed after the documents were made (its size or SHA-256 differs from the manifest's record). Nothing was written. Run beppyo render again",
    }
    fn attachment_changed(title: &str, detail: &str) {
        ja: "添付資料「{title}」の内容が manifest.json の記録と違います（{detail}）。提出後に差し替えられたか、壊れています",
        en: "the attachment 「{title}」 differs from manifest.json's record ({detail}); it was replaced after submission, or is damaged",
    }
    fn sha256_differs() {
        ja: "SHA-256 が違います",
        en: "its SHA-256 differs",
    }
    fn attachment_missing(title: &str) {
        ja: "添付資料「{title}」がありません。提出された添付資料がそろっていません",
        en: "the attachment 「{title}」 is missing; the submitted attachments are incomplete",
    }
    fn attachment_unlisted() {
        ja: "manifest.json に記載のない添付資料です。提出後に加えられたファイルです",
        en: "an attachment manifest.json does not list: it was added after submission",
    }
    fn path_without_file_name() {
        ja: "ファイル名のないパスには書き込めません",
        en: "a path without a file name cannot be written",
    }
    fn temp_names_taken(dir: &dyn std::fmt::Display) {
        ja: "{dir} に一時ファイルを作れません（名前がすべて使われています）",
        en: "cannot create a temporary file in {dir} (every name is taken)",
    }
    fn facts_mismatch(facts: &str) {
        ja: "{facts} が manifest と一致しないため、作り直しませんでした",
        en: "{facts} does not match the manifest, so nothing was re-rendered",
    }
    fn other_manifest_format(found: u32, version: &str, writes: u32) {
        ja: "manifest の形式が {found} で、この beppyo {version} が書く形式 {writes} と違います",
        en: "the manifest is of format {found}; this beppyo {version} writes format {writes}",
    }
    fn other_tool_version(made_with: &str, version: &str) {
        ja: "beppyo {made_with} で作られた提出で、この beppyo は {version} です",
        en: "the submission was made with beppyo {made_with}; this beppyo is {version}",
    }
    fn made_with_files() {
        ja: "ファイルから読んだ別表またはテンプレートで作られた提出です。同じファイルで作り直して比べてください",
        en: "the submission was made with a criteria table or templates read from files. Re-render it with the same files to compare",
    }
    fn made_with_font_files() {
        ja: "ファイルから読んだフォントで作られた提出です。同じフォントで作り直して比べてください",
        en: "the submission was made with fonts read from files. Re-render it with the same fonts to compare",
    }
    fn facts_not_utf8() {
        ja: "facts.yaml が UTF-8 のテキストではありません",
        en: "facts.yaml is not UTF-8 text",
    }
    fn stored_facts_fail(count: usize) {
        ja: "保管された facts.yaml が、今の検査に通りません（問題 {count} 件）",
        en: "the stored facts.yaml does not pass today's checks (problems: {count})",
    }
    fn not_a_regular_file(kind: &str) {
        ja: "{kind}です。通常のファイルだけを開きます",
        en: "it is a {kind}; only regular files are opened",
    }
    fn over_limit(limit: u64) {
        ja: "上限の {limit} バイトを超えています",
        en: "larger than the limit of {limit} bytes",
    }
    fn unreadable(error: &str) {
        ja: "読めません: {error}",
        en: "cannot be read: {error}",
    }
    fn size_differs(len: u64, bytes: u64) {
        ja: "大きさが {len} バイトで、manifest の {bytes} バイトと違います",
        en: "{len} bytes, not the {bytes} bytes of the manifest",
    }
    fn size_over_limit(len: u64, limit: u64) {
        ja: "大きさが {len} バイトで、上限の {limit} バイトを超えています",
        en: "{len} bytes, more than the limit of {limit} bytes",
    }
    fn changed_while_read() {
        ja: "読んでいる間に大きさが変わりました",
        en: "its size changed while it was read",
    }
    fn folder_name_length() {
        ja: "1〜64文字にしてください",
        en: "use 1 to 64 characters",
    }
    fn folder_name_character(c: &str) {
        ja: "使えない文字「{c}」があります",
        en: "the character 「{c}」 cannot be used",
    }
    fn folder_name_hyphen() {
        ja: "先頭にハイフンは使えません",
        en: "it cannot start with a hyphen",
    }
    fn folder_name_reserved(name: &str) {
        ja: "「{name}」は Windows が装置名として予約している名前で、フォルダ名にできません",
        en: "「{name}」 is a device name Windows reserves and cannot name a folder",
    }
}

/// What is missing from the folder.
pub fn missing() -> &'static str {
    pick("ありません", "missing")
}

/// A kind of folder entry.
pub fn kind(kind: &str) -> &'static str {
    match kind {
        "file" => pick("通常のファイル", "regular file"),
        "folder" => pick("フォルダ", "folder"),
        "link" => pick("シンボリックリンク", "symbolic link"),
        "fifo" => pick("FIFO（名前付きパイプ）", "FIFO (named pipe)"),
        "socket" => pick("ソケット", "socket"),
        "device" => pick("デバイス", "device"),
        _ => pick("特殊なファイル", "special file"),
    }
}

/// Why a name of the manifest is not opened.
pub fn bad_name(what: &str) -> &'static str {
    match what {
        "empty" => pick("名前が空です", "the name is empty"),
        "absolute" => pick(
            "絶対パスです。提出フォルダの外は開きません",
            "an absolute path; nothing outside the submission folder is opened",
        ),
        "parent" => pick(
            "「..」を含みます。提出フォルダの外は開きません",
            "it contains \"..\"; nothing outside the submission folder is opened",
        ),
        "nested" => pick(
            "attachments/ 以外のサブフォルダを指しています",
            "it points into a subfolder other than attachments/",
        ),
        "hidden" => pick("「.」で始まる名前です", "the name starts with \".\""),
        "separator" => pick("「\\」や「:」を含みます", "it contains \"\\\" or \":\""),
        "control" => pick("制御文字を含みます", "it contains control characters"),
        _ => pick(
            "名前が長すぎます（255バイトまで）",
            "the name is too long (255 bytes at most)",
        ),
    }
}

// A manifest that cannot be trusted to verify anything (`archive::manifest`).
crate::messages! {
    fn manifest_no_facts_bytes() {
        ja: "facts.bytes がありません（形式 2 では必須です）",
        en: "facts.bytes is missing (format 2 requires it)",
    }
    fn manifest_listed_twice(what: &str, file: &str) {
        ja: "{what} の「{file}」が二度以上記載されています",
        en: "{what} lists 「{file}」 more than once",
    }
    fn manifest_output_nested(file: &str) {
        ja: "outputs の「{file}」はフォルダ直下の名前ではありません",
        en: "「{file}」 of outputs is not a name directly inside the folder",
    }
    fn manifest_attachment_outside(file: &str) {
        ja: "attachments の「{file}」が attachments/ の中にありません",
        en: "「{file}」 of attachments is not inside attachments/",
    }
    fn manifest_bad_name(what: &str, file: &str, reason: &str) {
        ja: "{what} の「{file}」: {reason}",
        en: "「{file}」 of {what}: {reason}",
    }
    fn manifest_bad_hash(what: &str, hex: &str) {
        ja: "{what} の sha256「{hex}」は SHA-256 の値（16進64桁）ではありません",
        en: "the sha256 「{hex}」 of {what} is not a SHA-256 (64 hexadecimal digits)",
    }
    fn manifest_too_large(what: &str, bytes: u64, limit: u64) {
        ja: "{what} の bytes {bytes} は上限の {limit} を超えています",
        en: "bytes {bytes} of {what} is over the limit of {limit}",
    }
    fn manifest_text_too_long(what: &str, max: usize) {
        ja: "{what} が長すぎます（{max}文字まで）",
        en: "{what} is too long ({max} characters at most)",
    }
    fn manifest_not_a_row(row: &str) {
        ja: "rows の「{row}」は行IDではありません",
        en: "「{row}」 of rows is not a row ID",
    }
}
