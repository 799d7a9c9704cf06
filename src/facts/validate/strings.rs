//! Every string value on its own: not blank, no `init` placeholder left, no invisible
//! control characters, and every character printable in the fonts of the render.
//!
//! These checks walk the serialised facts, so that they cover every string the templates
//! can print, including keys added to the model later.

use super::{each_string, row_of_path};
use crate::diagnostic::Problem;
use crate::facts::model::Facts;
use crate::messages::rules::strings as say;
use crate::typeset::Fonts;
use crate::yaml::PathSegment;

/// The mark that `beppyo init` puts where the vendor must write something.
pub const PLACEHOLDER: &str = "【要記入】";

pub fn check(facts: &Facts, fonts: Option<&Fonts>) -> Vec<Problem> {
    let mut problems = Vec::new();
    each_string(facts, &mut |path, text| {
        let problem = blank(path, text)
            .or_else(|| placeholder(path, text))
            .or_else(|| controls(path, text))
            .or_else(|| fonts.and_then(|fonts| glyphs(path, text, fonts)));
        if let Some(problem) = problem {
            let problem = match row_of_path(path) {
                Some(row) => problem.row(row),
                None => problem,
            };
            problems.push(problem);
        }
    });
    problems
}

fn blank(path: &[PathSegment], text: &str) -> Option<Problem> {
    text.trim()
        .is_empty()
        .then(|| Problem::error(path.to_vec(), say::blank()).hint(say::blank_hint()))
}

fn placeholder(path: &[PathSegment], text: &str) -> Option<Problem> {
    text.contains(PLACEHOLDER).then(|| {
        Problem::error(
            path.to_vec(),
            crate::messages::parse::placeholder_left(PLACEHOLDER),
        )
        .hint(say::placeholder_hint())
    })
}

/// What kind of invisible character `c` is, if it is one that must not reach a document:
/// C0 controls other than tab and newline, DEL, C1 controls, and the bidi controls that
/// can make text read differently from how it is stored.
fn control_kind(c: char) -> Option<&'static str> {
    match u32::from(c) {
        0x09 | 0x0a => None,
        0x00..=0x1f | 0x7f => Some(say::control("c0")),
        0x80..=0x9f => Some(say::control("c1")),
        0x200e | 0x200f | 0x202a..=0x202e | 0x2066..=0x2069 => Some(say::control("bidi")),
        _ => None,
    }
}

fn controls(path: &[PathSegment], text: &str) -> Option<Problem> {
    let found = distinct(
        &text
            .chars()
            .filter(|&c| control_kind(c).is_some())
            .collect::<Vec<_>>(),
    );
    let first = *found.first()?;
    let kind = control_kind(first).unwrap_or(say::control("c0"));
    let codes: Vec<String> = found.iter().map(|&c| code_point(c)).collect();
    Some(
        Problem::error(
            path.to_vec(),
            say::not_allowed(kind, &codes.join(crate::messages::pick("、", ", "))),
        )
        .hint(say::controls_hint()),
    )
}

/// Characters that a font of the render lacks: typesetting would refuse them later, as a
/// line of a generated document the vendor never wrote.
fn glyphs(path: &[PathSegment], text: &str, fonts: &Fonts) -> Option<Problem> {
    let missing: Vec<char> = distinct(
        &text
            .chars()
            .filter(|&c| !matches!(c, '\n' | '\t' | '\r'))
            .filter(|&c| fonts.body.glyph(c).is_none() || fonts.heading.glyph(c).is_none())
            .collect::<Vec<_>>(),
    );
    let first = *missing.first()?;
    let lacking: Vec<&str> = [&fonts.body, &fonts.heading]
        .into_iter()
        .filter(|font| font.glyph(first).is_none())
        .map(|font| font.name.as_str())
        .collect();
    let shown: Vec<String> = missing.iter().map(|&c| shown(c)).collect();
    Some(
        Problem::error(
            path.to_vec(),
            say::not_in_fonts(
                &shown.join(crate::messages::pick("、", ", ")),
                &lacking.join(crate::messages::pick("・", ", ")),
            ),
        )
        .hint(say::not_in_fonts_hint()),
    )
}

fn distinct(chars: &[char]) -> Vec<char> {
    let mut seen = Vec::new();
    for &c in chars {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// A character as a message shows it: visible ones in brackets with their code point,
/// invisible ones (format characters, variation selectors, spaces) by code point only, so
/// that the terminal never receives them.
fn shown(c: char) -> String {
    let invisible = c.is_whitespace()
        || c.is_control()
        || matches!(u32::from(c),
            0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x206f | 0xfe00..=0xfe0f | 0xfeff
            | 0xe0000..=0xe0fff);
    if invisible {
        say::invisible_char(&code_point(c))
    } else {
        say::visible_char(c, &code_point(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_named_by_code_point_only() {
        let problem = controls(&[], "a\u{202e}b\u{7}c\u{1b}").unwrap();
        assert_eq!(
            problem.message,
            "双方向テキストの制御文字 U+202E、U+0007、U+001B は使えません"
        );
        assert!(!problem.message.contains('\u{202e}'));
        assert!(controls(&[], "行1\n\t行2").is_none());
        for c in ['\u{7f}', '\u{85}', '\u{200e}', '\u{2069}', '\r'] {
            assert!(controls(&[], &c.to_string()).is_some(), "{c:?}");
        }
    }

    #[test]
    fn glyphs_missing_from_the_embedded_fonts() {
        let fonts = Fonts::embedded();
        assert!(glyphs(&[], "情報セキュリティ基本方針（第2版）①", &fonts).is_none());
        let problem = glyphs(&[], "𠮷野家\u{200b}", &fonts).unwrap();
        assert!(
            problem.message.contains("「𠮷」（U+20BB7）"),
            "{}",
            problem.message
        );
        assert!(
            problem.message.contains("文字 U+200B"),
            "{}",
            problem.message
        );
        assert!(problem.message.contains("BIZ UD"), "{}", problem.message);
    }
}
