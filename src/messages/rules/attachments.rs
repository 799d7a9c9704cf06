//! `facts::validate::attachments`.

use std::fmt::Display;

crate::messages! {
    fn bad_key(key: &str) {
        ja: "根拠資料のキー「{key}」は使えません",
        en: "the attachment key 「{key}」 cannot be used",
    }
    fn bad_key_hint(max: usize) {
        ja: "英小文字・数字・ハイフンで{max}文字までにしてください（例: policy、iso-certificates）。出力のファイル名にも使います",
        en: "use lowercase letters, digits and hyphens, up to {max} characters (e.g. policy, iso-certificates). It is part of the output file's name too",
    }
    fn key_twice(key: &str) {
        ja: "根拠資料のキー {key} が二つの資料に使われています",
        en: "the attachment key {key} is used for two documents",
    }
    fn key_used_first() {
        ja: "先に使われている箇所",
        en: "used first here",
    }
    fn key_twice_hint() {
        ja: "資料ごとに別のキーにしてください。同じ資料なら一つにまとめ、rows に行を並べてください",
        en: "give each document its own key. If it is the same document, make it one entry and list the rows under rows",
    }
    fn submitted_without_file(title: &str) {
        ja: "提出する資料「{title}」に file がありません",
        en: "the submitted document 「{title}」 has no file",
    }
    fn submitted_without_file_hint() {
        ja: "file にこの事実ファイルのフォルダからの相対パス（PDF 又は Markdown）を書いてください。写しを提出しない資料なら、sharing を inspection 又は inspection_under_nda にし、how_to_view に閲覧の方法を書いてください",
        en: "write under file the path relative to this facts file's folder (PDF or Markdown). If no copy is submitted, set sharing to inspection or inspection_under_nda and say under how_to_view how it can be seen",
    }
    fn shown_without_how(title: &str) {
        ja: "閲覧に供する資料「{title}」に、閲覧の方法（how_to_view）がありません",
        en: "the document shown for inspection 「{title}」 does not say how it can be seen (how_to_view)",
    }
    fn shown_without_how_hint() {
        ja: "how_to_view に、本市がこの資料を閲覧する方法を文で書いてください（例: 秘密保持契約の締結後、当社事務所又はオンライン会議で閲覧に供する。）",
        en: "write under how_to_view, as a sentence in Japanese, how the city can see this document (e.g. 秘密保持契約の締結後、当社事務所又はオンライン会議で閲覧に供する。)",
    }
    fn submitted_with_how(title: &str) {
        ja: "提出する資料「{title}」の how_to_view は文書に載りません",
        en: "the how_to_view of the submitted document 「{title}」 does not appear in the documents",
    }
    fn submitted_with_how_hint() {
        ja: "写しを添付する資料に閲覧の方法は要りません。how_to_view を消すか、写しを提出しないなら sharing を inspection 又は inspection_under_nda にしてください",
        en: "a document whose copy is attached needs no way of viewing. Remove how_to_view, or, if no copy is submitted, set sharing to inspection or inspection_under_nda",
    }
    fn file_outside(file: &str, why: &str) {
        ja: "file「{file}」は{why}",
        en: "file 「{file}」: {why}",
    }
    fn absolute_path() {
        ja: "絶対パスです。事実ファイルのフォルダからの相対パスで書いてください",
        en: "it is an absolute path; write a path relative to the facts file's folder",
    }
    fn parent_path() {
        ja: "「..」で事実ファイルのフォルダの外を指しています",
        en: "it points outside the facts file's folder with 「..」",
    }
    fn file_outside_hint() {
        ja: "添付する資料は事実ファイルのフォルダ（又はその中のフォルダ）に置き、そこからの相対パスで書いてください（例: evidence/policy.pdf）",
        en: "put the attached documents in the facts file's folder (or a folder inside it) and write the path relative to it (e.g. evidence/policy.pdf)",
    }
    fn not_pdf_or_markdown(file: &str) {
        ja: "file「{file}」は PDF 又は Markdown のファイルではありません",
        en: "file 「{file}」 is not a PDF or Markdown file",
    }
    fn not_pdf_or_markdown_hint() {
        ja: "添付できるのは .pdf と .md のファイルです。Word・Excel 等の資料は PDF に変換して添付してください",
        en: "only .pdf and .md files can be attached. Convert Word, Excel and other documents to PDF first",
    }
    fn no_rows(title: &str) {
        ja: "資料「{title}」が根拠とする行がありません",
        en: "the document 「{title}」 is evidence for no row",
    }
    fn no_rows_hint() {
        ja: "rows に、この資料を根拠とする行IDを書いてください（例: [BAS-01]）",
        en: "write under rows the IDs of the rows this document is evidence for (e.g. [BAS-01])",
    }
    fn row_does_not_rely(id: &str, title: &str) {
        ja: "rows に {id} がありますが、{id} に答える記載（根拠資料の attachment）がこの資料「{title}」を指していません",
        en: "rows names {id}, but nothing that answers {id} (an evidence's attachment) points to this document 「{title}」",
    }
    fn relies_policy() {
        ja: "policy（情報セキュリティ基本方針）を書くか、rows から BAS-01 を外してください",
        en: "write policy (the information security policy), or remove BAS-01 from rows",
    }
    fn relies_internal_audit() {
        ja: "internal_audit を書くか、rows から AUD-01 を外してください",
        en: "write internal_audit, or remove AUD-01 from rows",
    }
    fn relies_external_audit() {
        ja: "external_audit を書くか、rows から AUD-02 を外してください",
        en: "write external_audit, or remove AUD-02 from rows",
    }
    fn relies_certification(key: &str) {
        ja: "当社又は本サービスの certifications（又は attestations）の項目に attachment: {key} を書くか、rows から AUD-03 を外してください",
        en: "write attachment: {key} in the vendor's or the service's entry under certifications (or attestations), or remove AUD-03 from rows",
    }
    fn relies_inherited(id: &str, key: &str) {
        ja: "inherited の {id} の evidence のうちこの資料に当たるものに attachment: {key} を書くか、rows から {id} を外してください",
        en: "write attachment: {key} in the evidence of inherited {id} that is this document, or remove {id} from rows",
    }
    fn relies_not_cited(id: &str) {
        ja: "文書が根拠資料を引用するのは BAS-01、AUD-01〜AUD-03 と inherited に書いた行です。rows から {id} を外してください",
        en: "the documents cite evidence for BAS-01, AUD-01 to AUD-03 and the rows under inherited only. Remove {id} from rows",
    }
    fn no_attachments_yet() {
        ja: "attachments: にこの資料（key、title、rows、sharing）を書いてください",
        en: "write this document under attachments: (key, title, rows, sharing)",
    }
    fn choose_key(keys: &str) {
        ja: "attachments のキー（{keys}）から選んでください",
        en: "choose one of the keys under attachments ({keys})",
    }
    fn unknown_key(key: &str) {
        ja: "「{key}」という根拠資料は attachments にありません",
        en: "there is no attachment 「{key}」 under attachments",
    }
    fn access_differs(key: &str) {
        ja: "city_access が、参照する資料 {key} の sharing と違います",
        en: "city_access differs from the sharing of the document {key} it refers to",
    }
    fn how_shared() {
        ja: "資料の示し方",
        en: "how the document is shared",
    }
    fn access_differs_hint() {
        ja: "本市が資料を確認する方法は一つです。city_access を attachments の sharing に合わせてください（submitted、inspection、inspection_under_nda）",
        en: "the city sees a document in one way only. Make city_access match the sharing under attachments (submitted, inspection, inspection_under_nda)",
    }
    fn row_missing(key: &str, row: &str) {
        ja: "資料 {key} は {row} の根拠として参照されていますが、rows に {row} がありません",
        en: "the document {key} is referred to as evidence for {row}, but {row} is not under its rows",
    }
    fn referred_here() {
        ja: "ここで参照",
        en: "referred to here",
    }
    fn add_row(row: &str) {
        ja: "rows に {row} を加えてください",
        en: "add {row} to rows",
    }
    fn file_missing(file: &str) {
        ja: "file「{file}」がありません",
        en: "file 「{file}」 does not exist",
    }
    fn file_missing_hint(folder: &str) {
        ja: "事実ファイルのフォルダ（{folder}）からの相対パスで、あるファイルを書いてください。大文字・小文字も区別します",
        en: "write the path of an existing file relative to the facts file's folder ({folder}). Upper and lower case differ",
    }
    fn file_linked_outside(file: &str) {
        ja: "file「{file}」はシンボリックリンクで事実ファイルのフォルダの外を指しています",
        en: "file 「{file}」 is a symbolic link pointing outside the facts file's folder",
    }
    fn file_linked_outside_hint(folder: &str) {
        ja: "リンクではなく、資料そのものを事実ファイルのフォルダ（{folder}）の中に置いてください",
        en: "put the document itself, not a link, inside the facts file's folder ({folder})",
    }
    fn not_a_file(file: &str) {
        ja: "file「{file}」は通常のファイルではありません（フォルダ等）",
        en: "file 「{file}」 is not a regular file (a folder or the like)",
    }
    fn not_a_file_hint() {
        ja: "資料の PDF 又は Markdown のファイルそのものを指定してください",
        en: "give the document's PDF or Markdown file itself",
    }
    fn file_too_large(file: &str, bytes: u64, limit: u64, mib: u64) {
        ja: "file「{file}」は {bytes} バイト以上あり、上限の {limit} バイト（{mib} MiB）を超えています",
        en: "file 「{file}」 has {bytes} bytes or more, above the limit of {limit} bytes ({mib} MiB)",
    }
    fn file_too_large_hint() {
        ja: "資料を分けるか、画像の解像度を下げる等して小さくしてください",
        en: "split the document, or make it smaller (e.g. lower the resolution of its images)",
    }
    fn not_really_pdf(file: &str) {
        ja: "file「{file}」は拡張子が .pdf ですが、PDF のファイルではありません",
        en: "file 「{file}」 ends in .pdf but is not a PDF file",
    }
    fn not_really_pdf_hint() {
        ja: "PDF として保存し直したファイルを指定してください",
        en: "save it again as PDF and give that file",
    }
    fn markdown_not_utf8(file: &str, offset: usize) {
        ja: "file「{file}」は UTF-8 のテキストではありません（{offset} バイト目）",
        en: "file 「{file}」 is not UTF-8 text (byte {offset})",
    }
    fn markdown_not_utf8_hint() {
        ja: "Markdown のファイルは UTF-8 で保存してください",
        en: "save Markdown files as UTF-8",
    }
    fn file_unreadable(file: &str, error: &dyn Display) {
        ja: "file「{file}」を読めません: {error}",
        en: "cannot read file 「{file}」: {error}",
    }
    fn file_unreadable_hint() {
        ja: "ファイルの読取りの権限を確かめてください",
        en: "check the permission to read the file",
    }
}
