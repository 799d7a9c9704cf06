//! Escaping vendor text for Markdown.
//!
//! Tera calls [`markdown`] on every value a template prints (unless marked `safe`), so a
//! `*`, `#`, `|`, `<`, backtick or newline typed by a vendor cannot change the document's
//! structure. The backslash escapes chosen here are the ones CommonMark defines, so the
//! typeset text is the vendor's text, character for character.

use std::io::Write;

/// Characters that open or close Markdown structure anywhere in a line.
const ALWAYS: &[char] = &[
    '\\', '`', '*', '[', ']', '<', '>', '#', '|', '!', '~', '&', '{', '}', '$', '^',
];

/// Private-use characters that beppyo uses internally to mark row declarations, numbered
/// paragraphs, references and the agreement style; a vendor string must never carry one
/// through.
pub const MARK_OPEN: char = '\u{E000}';
pub const MARK_CLOSE: char = '\u{E001}';
pub const MARK_PARA: char = '\u{E002}';
pub const MARK_REF: char = '\u{E003}';
pub const MARK_AGREEMENT: char = '\u{E004}';
pub const MARK_ITEM: char = '\u{E005}';
pub const MARK_SUBITEM: char = '\u{E006}';

/// Whether a character is one of beppyo's internal marks.
pub fn is_mark(c: char) -> bool {
    ('\u{E000}'..='\u{E00F}').contains(&c)
}

/// Escapes `input` into `out` (the signature Tera expects of an escape function).
pub fn markdown(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(escape(input).as_bytes())
}

/// Escapes one value for inline use in Markdown.
pub fn escape(input: &str) -> String {
    let joined = join_lines(input);
    let mut out = String::with_capacity(joined.len() + 8);
    let mut at_start = true;
    let mut previous: Option<char> = None;
    let mut chars = joined.chars().peekable();
    while let Some(c) = chars.next() {
        // An underscore inside a word (file_name) cannot open emphasis in CommonMark.
        let loose_underscore = c == '_'
            && !(previous.is_some_and(|p| p.is_ascii_alphanumeric())
                && chars.peek().is_some_and(|n| n.is_ascii_alphanumeric()));
        previous = Some(c);
        if is_mark(c) {
            continue;
        }
        let next_is_blank = |it: &std::iter::Peekable<std::str::Chars>, skip: usize| {
            matches!(it.clone().nth(skip), None | Some(' ') | Some('\t'))
        };
        let block_marker =
            at_start && (c == '=' || (matches!(c, '-' | '+') && next_is_blank(&chars, 0)));
        let ordered_marker = c.is_ascii_digit() && at_start && {
            // "1. " or "1) " at the start would begin an ordered list.
            let digits = chars.clone().take_while(|d| d.is_ascii_digit()).count();
            matches!(chars.clone().nth(digits), Some('.') | Some(')'))
                && next_is_blank(&chars, digits + 1)
        };
        if ALWAYS.contains(&c) || block_marker || loose_underscore {
            out.push('\\');
        }
        out.push(c);
        if ordered_marker {
            // Escape the list delimiter that follows the digits.
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() {
                    out.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            if let Some(d) = chars.next() {
                out.push('\\');
                out.push(d);
            }
        }
        at_start = false;
    }
    out
}

/// Joins a multi-line value into one line: Japanese lines join directly, Latin words get a
/// space, so that a newline can never start a heading, list or table row.
fn join_lines(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for line in input.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let needs_space = matches!(
            (out.chars().last(), line.chars().next()),
            (Some(a), Some(b)) if a.is_ascii_alphanumeric() || b.is_ascii_alphanumeric()
        ) && !out.ends_with(' ');
        if needs_space {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metacharacters_are_escaped() {
        assert_eq!(escape("a*b_c"), "a\\*b_c");
        assert_eq!(escape("_x_ a_ _b"), "\\_x\\_ a\\_ \\_b");
        assert_eq!(escape("# x"), "\\# x");
        assert_eq!(escape("- x"), "\\- x");
        assert_eq!(escape("1. x"), "1\\. x");
        assert_eq!(escape("12) x"), "12\\) x");
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("`code`"), "\\`code\\`");
        assert_eq!(escape("a-b 1.5"), "a-b 1.5");
        assert_eq!(escape("1.0"), "1.0");
        assert_eq!(escape("-1"), "-1");
        assert_eq!(escape("1."), "1\\.");
    }

    #[test]
    fn newlines_cannot_start_blocks() {
        assert_eq!(escape("行一\n# 見出し"), "行一\\# 見出し");
        assert_eq!(escape("word\nnext"), "word next");
        assert_eq!(escape("日本\n語"), "日本語");
    }

    #[test]
    fn internal_marks_are_dropped() {
        assert_eq!(escape("a\u{E000}1\u{E001}b"), "a1b");
        assert_eq!(escape("\u{E002}x\u{E003}y\u{E004}"), "xy");
    }
}
