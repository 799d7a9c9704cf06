//! What a template's author is told when a template calls beppyo's functions and filters
//! wrongly (`render::…`): shown with the template's name, line and column.

crate::messages! {
    fn item_style(style: &str) {
        ja: "item(style=\"{style}\"): style は \"paren\"（(1)）又は \"kana\"（ア）です",
        en: "item(style=\"{style}\"): the styles are \"paren\" ((1)) and \"kana\" (ア)",
    }
    fn numbered_style(style: &str) {
        ja: "numbered(style=\"{style}\"): style は \"paren\"（(1)）又は \"kana\"（ア）です",
        en: "numbered(style=\"{style}\"): the styles are \"paren\" ((1)) and \"kana\" (ア)",
    }
    fn anchor_id(id: &str) {
        ja: "id=\"{id}\": 見出しのアンカーに使えるのは英字、数字、- 及び _ です",
        en: "id=\"{id}\": a heading anchor is ASCII letters, digits, - and _",
    }
    fn commit_needs_commitment() {
        ja: "commit には commitment（guarantee 又は target）を持つ値を渡してください",
        en: "commit expects a figure with a commitment",
    }
    fn commit_unknown(commitment: &str) {
        ja: "commit: commitment「{commitment}」は guarantee 又は target ではありません",
        en: "commit: unknown commitment `{commitment}`",
    }
    fn text_or_list() {
        ja: "文字列又は文字列の一覧を渡してください",
        en: "expected text or a list of texts",
    }
    fn not_a_date(value: &str) {
        ja: "「{value}」は日付（YYYY-MM-DD）ではありません",
        en: "`{value}` is not a date (YYYY-MM-DD)",
    }
    fn lacking_needs_list() {
        ja: "lacking には一覧を渡してください",
        en: "lacking expects a list",
    }
    fn label_kind(kind: &str, kinds: &str) {
        ja: "label(kind=\"{kind}\"): kind は次のいずれかです: {kinds}",
        en: "label(kind=\"{kind}\"): the kinds are {kinds}",
    }
    fn label_no_attribute(key: &str) {
        ja: "label: 属性 `{key}` がありません",
        en: "label: no attribute `{key}`",
    }
    fn label_needs_code() {
        ja: "label にはコード又はコードの一覧を渡してください",
        en: "label expects a code or a list of codes",
    }
    fn no_label(code: &str) {
        ja: "コード `{code}` の表示名がありません",
        en: "no label for the code `{code}`",
    }
    fn answers_needs_row() {
        ja: "answers() には行IDを一つ以上渡してください",
        en: "answers() needs at least one row ID",
    }
    fn row_index_unavailable() {
        ja: "行の索引を使えません",
        en: "the row index is unavailable",
    }
    fn unknown_row(id: &str, near: &str) {
        ja: "answers() の行ID `{id}` は別表にありません{near}。beppyo criteria で行の一覧を確認してください",
        en: "unknown row ID `{id}` in answers(){near}; `beppyo criteria` lists the rows",
    }
    fn did_you_mean(near: &str) {
        ja: "（`{near}` の誤りではありませんか）",
        en: " (did you mean `{near}`?)",
    }
    fn no_such_item(mark: &str) {
        ja: "answers(item=\"{mark}\"): この行に {mark} の項目はありません",
        en: "answers(item=\"{mark}\"): the row has no item {mark}",
    }
}
