//! The parser's complaints in Japanese.
//!
//! serde and chrono speak English in fixed shapes ("unknown field `x`, expected …"); the
//! `yaml` module already turned Rust type names into plain words. This module reads those
//! shapes and says the same thing in Japanese, naming the offending value. A shape it does
//! not know is kept as it is, so nothing is ever lost in translation.

use crate::facts::validate::PLACEHOLDER;
use crate::yaml::between;

/// The Japanese form of a parser message.
pub fn japanese(message: &str) -> String {
    if let Some(key) = between(message, "unknown field `", "`") {
        // The list of known keys changes with every new key and is long; the hint names
        // the nearest one instead.
        return format!("キー `{key}` はこの位置に書けません");
    }
    if let Some(word) = between(message, "unknown variant `", "`") {
        let allowed = allowed_words(message);
        if word == PLACEHOLDER {
            return format!(
                "「{PLACEHOLDER}」が残っています。次のいずれかを書いてください: {allowed}"
            );
        }
        return format!(
            "「{word}」は選べる値ではありません。次のいずれかを書いてください: {allowed}"
        );
    }
    if let Some(key) = between(message, "missing field `", "`") {
        return format!("キー `{key}` がありません");
    }
    if let Some(key) = between(message, "duplicate field `", "`") {
        return format!("キー `{key}` が2回書かれています");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return invalid_type(rest).unwrap_or_else(|| message.to_string());
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        return invalid_type(rest).unwrap_or_else(|| message.to_string());
    }
    let chrono = [
        "input contains invalid characters",
        "input is out of range",
        "premature end of input",
        "trailing input",
    ];
    if chrono.iter().any(|c| message.contains(c)) {
        return "日付として読めません".to_string();
    }
    message.to_string()
}

/// "string \"x\", expected a number" → 「x」は数ではありません.
fn invalid_type(rest: &str) -> Option<String> {
    let (found, expected) = rest.rsplit_once(", expected ")?;
    let expected = expected_words(expected);
    let found = match found {
        f if f.starts_with("string \"") => {
            let value = f.trim_start_matches("string \"").trim_end_matches('"');
            if value == PLACEHOLDER {
                return Some(format!(
                    "「{PLACEHOLDER}」が残っています。{expected}を書いてください"
                ));
            }
            format!("文字列「{value}」")
        }
        f if f.starts_with("integer `") || f.starts_with("number `") => {
            let value = f.split('`').nth(1).unwrap_or("");
            format!("数{value}")
        }
        f if f.starts_with("boolean `") => {
            let value = f.split('`').nth(1).unwrap_or("");
            format!("真偽値{value}")
        }
        "a list" => "一覧".to_string(),
        "keys with values" => "キーと値の組".to_string(),
        "an empty value" => "空の値".to_string(),
        other => other.to_string(),
    };
    Some(format!("{found}は{expected}ではありません"))
}

fn expected_words(expected: &str) -> String {
    match expected {
        "a whole number (0 or more)" => "0以上の整数".to_string(),
        "a whole number" => "整数".to_string(),
        "a number" => "数".to_string(),
        "true or false" => "true 又は false の値".to_string(),
        "a list (lines starting with `- `)" => "一覧（「- 」で始まる行）".to_string(),
        "keys with values" => "キーと値の組".to_string(),
        "a string" => "文字列".to_string(),
        "one of the allowed words" => "選べる値".to_string(),
        e if e.contains("date") => "日付（YYYY-MM-DD）".to_string(),
        other => other.trim_matches('`').to_string(),
    }
}

/// The allowed words of an unknown-variant message: "expected `a` or `b`" or
/// "expected one of `a`, `b`, `c`".
fn allowed_words(message: &str) -> String {
    let expected = message.split(", expected ").nth(1).unwrap_or("");
    let expected = expected.strip_prefix("one of ").unwrap_or(expected);
    expected
        .split(", ")
        .flat_map(|k| k.split(" or "))
        .map(|k| k.trim_matches('`'))
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_shapes_become_japanese() {
        assert_eq!(
            japanese("unknown variant `cloud`, expected one of `saas`, `paas`, `iaas`"),
            "「cloud」は選べる値ではありません。次のいずれかを書いてください: saas、paas、iaas"
        );
        assert_eq!(
            japanese("unknown variant `【要記入】`, expected `sama` or `atesaki`"),
            "「【要記入】」が残っています。次のいずれかを書いてください: sama、atesaki"
        );
        assert_eq!(
            japanese("unknown field `rto_hour`, expected one of `a`, `b`"),
            "キー `rto_hour` はこの位置に書けません"
        );
        assert_eq!(
            japanese("missing field `min_length`"),
            "キー `min_length` がありません"
        );
        assert_eq!(
            japanese("invalid type: string \"二時間\", expected a number"),
            "文字列「二時間」は数ではありません"
        );
        assert_eq!(
            japanese("invalid type: string \"【要記入】\", expected a whole number (0 or more)"),
            "「【要記入】」が残っています。0以上の整数を書いてください"
        );
        assert_eq!(
            japanese("invalid type: integer `3`, expected a list (lines starting with `- `)"),
            "数3は一覧（「- 」で始まる行）ではありません"
        );
        assert_eq!(
            japanese("input contains invalid characters"),
            "日付として読めません"
        );
    }

    #[test]
    fn unknown_shapes_are_kept() {
        assert_eq!(japanese("something new"), "something new");
    }
}
