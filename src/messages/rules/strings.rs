//! `facts::validate::strings`.

use crate::messages::pick;

crate::messages! {
    fn blank() {
        ja: "空欄です",
        en: "this is blank",
    }
    fn blank_hint() {
        ja: "値を記入してください。任意の項目なら、空欄にせずキーごと削除してください",
        en: "fill in a value. If the item is optional, remove the key instead of leaving it blank",
    }
    fn placeholder_hint() {
        ja: "この値を自社の事実に書き換えてください",
        en: "replace it with your company's facts",
    }
    fn not_allowed(kind: &str, codes: &str) {
        ja: "{kind} {codes} は使えません",
        en: "{kind} {codes} cannot be used",
    }
    fn controls_hint() {
        ja: "目に見えない文字です。コピー元から紛れ込んだものと考えられます。値を入力し直してください",
        en: "these characters are invisible, most likely copied in from elsewhere. Type the value again",
    }
    fn not_in_fonts(chars: &str, fonts: &str) {
        ja: "{chars} はフォント {fonts} にないため、PDF に印字できません",
        en: "{chars} cannot be printed in the PDF: the font {fonts} lacks it",
    }
    fn not_in_fonts_hint() {
        ja: "常用の字形に置き換えるか（例: 「𠮷」→「吉」）、その文字を持つフォントを --font / --heading-font で指定してください（check にも同じ指定をします）",
        en: "replace it with a common form (e.g. 「𠮷」 → 「吉」), or give a font that has it with --font / --heading-font (to check too)",
    }
    fn invisible_char(code: &str) {
        ja: "文字 {code}",
        en: "the character {code}",
    }
    fn visible_char(c: char, code: &str) {
        ja: "文字「{c}」（{code}）",
        en: "the character 「{c}」 ({code})",
    }
}

/// A kind of invisible character by its range.
pub fn control(kind: &str) -> &'static str {
    match kind {
        "c1" => pick("制御文字（C1）", "the control character (C1)"),
        "bidi" => pick(
            "双方向テキストの制御文字",
            "the bidirectional-text control character",
        ),
        _ => pick("制御文字", "the control character"),
    }
}
