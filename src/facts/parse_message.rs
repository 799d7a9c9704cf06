//! The parser's complaints in the user's language.
//!
//! serde and chrono speak English in fixed shapes ("unknown field `x`, expected …"); the
//! `yaml` module already turned Rust type names into plain words. This module reads those
//! shapes and says the same thing in the chosen language ([`crate::messages::parse`]),
//! naming the offending value. A shape it does not know is kept as it is, so nothing is
//! ever lost in translation.

use crate::facts::validate::PLACEHOLDER;
use crate::messages::parse as say;
use crate::yaml::between;

/// A parser message in the chosen language.
pub fn localized(message: &str) -> String {
    if let Some(key) = between(message, "unknown field `", "`") {
        // The list of known keys changes with every new key and is long; the hint names
        // the nearest one instead.
        return say::unknown_key(key);
    }
    if let Some(word) = between(message, "unknown variant `", "`") {
        let allowed = allowed_words(message);
        if word == PLACEHOLDER {
            return say::placeholder_left_choose(PLACEHOLDER, &allowed);
        }
        return say::not_a_choice(word, &allowed);
    }
    if let Some(key) = between(message, "missing field `", "`") {
        return say::missing_key(key);
    }
    if let Some(key) = between(message, "duplicate field `", "`") {
        return say::key_twice(key);
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
        return say::not_a_date();
    }
    if let Some(said) = say::syntax(message) {
        return said.to_string();
    }
    message.to_string()
}

/// "string \"x\", expected a number" → 文字列「x」は数ではありません.
fn invalid_type(rest: &str) -> Option<String> {
    let (found, expected) = rest.rsplit_once(", expected ")?;
    let expected = expected_words(expected);
    let found = match found {
        f if f.starts_with("string \"") => {
            let value = f.trim_start_matches("string \"").trim_end_matches('"');
            if value == PLACEHOLDER {
                return Some(say::placeholder_left_write(PLACEHOLDER, &expected));
            }
            say::found_string(value)
        }
        f if f.starts_with("integer `") || f.starts_with("number `") => {
            say::found_number(f.split('`').nth(1).unwrap_or(""))
        }
        f if f.starts_with("boolean `") => say::found_boolean(f.split('`').nth(1).unwrap_or("")),
        other => say::found_shape(other).map_or_else(|| other.to_string(), str::to_string),
    };
    Some(say::is_not(&found, &expected))
}

fn expected_words(expected: &str) -> String {
    say::expected_shape(expected)
        .map_or_else(|| expected.trim_matches('`').to_string(), str::to_string)
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
        .join(say::list_separator())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_shapes_become_localized() {
        assert_eq!(
            localized("unknown variant `cloud`, expected one of `saas`, `paas`, `iaas`"),
            "「cloud」は選べる値ではありません。次のいずれかを書いてください: saas、paas、iaas"
        );
        assert_eq!(
            localized("unknown variant `【要記入】`, expected `sama` or `atesaki`"),
            "「【要記入】」が残っています。次のいずれかを書いてください: sama、atesaki"
        );
        assert_eq!(
            localized("unknown field `rto_hour`, expected one of `a`, `b`"),
            "キー `rto_hour` はこの位置に書けません"
        );
        assert_eq!(
            localized("missing field `min_length`"),
            "キー `min_length` がありません"
        );
        assert_eq!(
            localized("invalid type: string \"二時間\", expected a number"),
            "文字列「二時間」は数ではありません"
        );
        assert_eq!(
            localized("invalid type: string \"【要記入】\", expected a whole number (0 or more)"),
            "「【要記入】」が残っています。0以上の整数を書いてください"
        );
        assert_eq!(
            localized("invalid type: integer `3`, expected a list (lines starting with `- `)"),
            "数3は一覧（「- 」で始まる行）ではありません"
        );
        assert_eq!(
            localized("input contains invalid characters"),
            "日付として読めません"
        );
    }

    #[test]
    fn yaml_syntax_is_said_in_words() {
        assert_eq!(
            localized(
                "found unexpected end of stream at line 3 column 1, while scanning a quoted scalar"
            ),
            say::syntax("found unexpected end of stream").unwrap()
        );
        assert!(localized("found character that cannot start any token").contains("タブ文字"));
    }

    #[test]
    fn unknown_shapes_are_kept() {
        assert_eq!(localized("something new"), "something new");
    }
}
