//! The parser's complaints, reshaped (`facts::parse_message`) and with their advice
//! (`facts::parse_hint`). serde's own English is never shown as it is: its "expected one
//! of …" lists change with every new key.

use crate::messages::pick;

crate::messages! {
    fn unknown_key(key: &str) {
        ja: "キー `{key}` はこの位置に書けません",
        en: "key `{key}` does not belong here",
    }
    fn placeholder_left_choose(placeholder: &str, allowed: &str) {
        ja: "「{placeholder}」が残っています。次のいずれかを書いてください: {allowed}",
        en: "「{placeholder}」 is still here. Write one of: {allowed}",
    }
    fn not_a_choice(word: &str, allowed: &str) {
        ja: "「{word}」は選べる値ではありません。次のいずれかを書いてください: {allowed}",
        en: "「{word}」 is not one of the allowed values. Write one of: {allowed}",
    }
    fn missing_key(key: &str) {
        ja: "キー `{key}` がありません",
        en: "key `{key}` is missing",
    }
    fn key_twice(key: &str) {
        ja: "キー `{key}` が2回書かれています",
        en: "key `{key}` is written twice",
    }
    fn not_a_date() {
        ja: "日付として読めません",
        en: "cannot be read as a date",
    }
    fn placeholder_left_write(placeholder: &str, expected: &str) {
        ja: "「{placeholder}」が残っています。{expected}を書いてください",
        en: "「{placeholder}」 is still here. Write {expected}",
    }
    fn placeholder_left(placeholder: &str) {
        ja: "「{placeholder}」が残っています",
        en: "「{placeholder}」 is still here",
    }
    fn found_string(value: &str) {
        ja: "文字列「{value}」",
        en: "the text 「{value}」",
    }
    fn found_number(value: &str) {
        ja: "数{value}",
        en: "the number {value}",
    }
    fn found_boolean(value: &str) {
        ja: "真偽値{value}",
        en: "the boolean {value}",
    }
    fn is_not(found: &str, expected: &str) {
        ja: "{found}は{expected}ではありません",
        en: "{found} is not {expected}",
    }
    fn did_you_mean_key(key: &str) {
        ja: "`{key}` のことですか？ 知らないキーは書き間違いとして扱います",
        en: "did you mean `{key}`? An unknown key is taken for a misspelling",
    }
}

/// A shape of value the parser found, in words.
pub fn found_shape(english: &str) -> Option<&'static str> {
    Some(match english {
        "a list" => pick("一覧", "a list"),
        "keys with values" => pick("キーと値の組", "keys with values"),
        "an empty value" => pick("空の値", "an empty value"),
        _ => return None,
    })
}

/// What the parser expected, in words; `None` for a shape not known here.
pub fn expected_shape(english: &str) -> Option<&'static str> {
    Some(match english {
        "a whole number (0 or more)" => pick("0以上の整数", "a whole number (0 or more)"),
        "a whole number" => pick("整数", "a whole number"),
        "a number" => pick("数", "a number"),
        "true or false" => pick("true 又は false の値", "true or false"),
        "a list (lines starting with `- `)" => pick(
            "一覧（「- 」で始まる行）",
            "a list (lines starting with `- `)",
        ),
        "keys with values" => pick("キーと値の組", "keys with values"),
        "a string" => pick("文字列", "text"),
        "one of the allowed words" => pick("選べる値", "one of the allowed words"),
        e if e.contains("date") => pick("日付（YYYY-MM-DD）", "a date (YYYY-MM-DD)"),
        _ => return None,
    })
}

/// The separator of a list of words in a sentence.
pub fn list_separator() -> &'static str {
    pick("、", ", ")
}

pub fn hint_tab() -> &'static str {
    pick(
        "インデントにタブ文字は使えません。半角スペースで字下げしてください",
        "tabs cannot indent YAML; indent with spaces",
    )
}

pub fn hint_unknown_key() -> &'static str {
    pick(
        "このキーは事実ファイルにありません。`beppyo schema` で使えるキーを確認してください",
        "a facts file has no such key; `beppyo schema` lists the keys",
    )
}

pub fn hint_full_width() -> &'static str {
    pick(
        "全角の数字・記号は使えません。半角で、単位を付けずに書いてください（例: 99.9）",
        "full-width digits and signs cannot be read; write half-width digits without a unit (e.g. 99.9)",
    )
}

pub fn hint_percent() -> &'static str {
    pick(
        "「%」を付けずに数だけを書いてください（例: 99.9）",
        "write the number without \"%\" (e.g. 99.9)",
    )
}

pub fn hint_number() -> &'static str {
    pick(
        "数を書いてください（例: 99.9 や 30）",
        "write a number (e.g. 99.9 or 30)",
    )
}

pub fn hint_date() -> &'static str {
    pick(
        "日付は YYYY-MM-DD で書いてください（例: 2026-11-26）",
        "write dates as YYYY-MM-DD (e.g. 2026-11-26)",
    )
}

pub fn hint_missing_key() -> &'static str {
    pick(
        "`beppyo init` のひな形から始めると、必要なキーがそろいます",
        "starting from `beppyo init`'s template gives every key needed",
    )
}

/// The YAML scanner's and parser's complaints (libyaml's wording), by the phrase they
/// start with; the line and column it appends are shown by the caret anyway.
pub fn syntax(message: &str) -> Option<&'static str> {
    const KNOWN: &[(&str, &str, &str)] = &[
        (
            "found character that cannot start any token",
            "この位置の文字から値を始めることはできません（字下げのタブ文字か、引用符で囲んでいない「@」「`」で始まる値です）",
            "a value cannot start with this character (a tab in the indentation, or an unquoted value starting with @ or `)",
        ),
        (
            "found unexpected end of stream",
            "ファイルが途中で終わっています。引用符（\"、'）や括弧（[、{）の閉じ忘れがないか確かめてください",
            "the file ends too early: check for an unclosed quote (\", ') or bracket ([, {)",
        ),
        (
            "mapping values are not allowed in this context",
            "この位置に「キー: 値」は書けません。字下げと、値の中の「: 」（値なら引用符で囲みます）を確かめてください",
            "\"key: value\" cannot be written here: check the indentation, and quote a value that contains \": \"",
        ),
        (
            "did not find expected key",
            "キーがあるはずの位置に見つかりません。字下げを確かめてください",
            "a key was expected here: check the indentation",
        ),
        (
            "did not find expected node content",
            "値があるはずの位置に見つかりません",
            "a value was expected here",
        ),
        (
            "did not find expected '-' indicator",
            "一覧の項目（「- 」で始まる行）があるはずの位置に見つかりません。字下げを確かめてください",
            "a list item (a line starting with \"- \") was expected here: check the indentation",
        ),
        (
            "block sequence entries are not allowed in this context",
            "この位置に一覧の項目（「- 」）は書けません。字下げを確かめてください",
            "a list item (\"- \") cannot be written here: check the indentation",
        ),
        (
            "did not find expected ',' or ']'",
            "「[」で始めた一覧が「]」で閉じられていません",
            "a list started with [ is not closed with ]",
        ),
        (
            "did not find expected ',' or '}'",
            "「{」で始めた組が「}」で閉じられていません",
            "a mapping started with { is not closed with }",
        ),
        (
            "could not find expected ':'",
            "キーの後に「: 」がありません",
            "a key is not followed by \": \"",
        ),
        (
            "found unknown escape character",
            "引用符の中に使えないエスケープ（「\\」の後の文字）があります。「\\」を書くなら ' で囲みます",
            "an unknown escape (a character after \\) inside double quotes: use single quotes to write a \\",
        ),
        (
            "found a tab character that violates indentation",
            "字下げにタブ文字があります",
            "a tab character in the indentation",
        ),
        (
            "found undefined tag handle",
            "「!」で始まるタグは使えません。値なら引用符で囲みます",
            "tags starting with ! cannot be used: quote a value that starts with !",
        ),
        (
            "unknown anchor",
            "「*」で参照しているアンカー（「&」）がありません",
            "the anchor (&) that * refers to does not exist",
        ),
    ];
    KNOWN
        .iter()
        .find(|(english, _, _)| {
            message.starts_with(english) || message.contains(&format!(", {english}"))
        })
        .map(|(_, ja, en)| pick(*ja, *en))
}
