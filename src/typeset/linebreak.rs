//! Breaking inline text into lines: UAX #14 opportunities, 禁則処理, real glyph advances.
//!
//! Break opportunities come from `unicode-linebreak`; on top of them beppyo forbids a
//! line to start with closing punctuation, 、。, ー, 々, small kana and the like, or to end
//! with an opening bracket, and keeps a number with what follows it ("30日", "99.9%").
//! A run with no opportunity that is wider than the line (a URL, a hash) is broken
//! between characters, still honouring 禁則 where it can.

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::fonts::{Face, Fonts};
use super::tree::Inline;

/// Characters that must not start a line.
pub const NO_START: &str = "、。，．,.）)]］｝}〕〉》」』】〙〗〟’”»・:;：；!?！？‐-–—ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ%％";
/// A superscript (a footnote's number) is set at this fraction of the text's size …
pub const SUP_SCALE: f32 = 0.6;
/// … with its baseline raised by this fraction of the text's size.
pub const SUP_RISE: f32 = 0.35;

/// Characters that must not end a line.
pub const NO_END: &str = "（(［[｛{〔〈《「『【〘〖〝‘“«";

/// A run of text on a line, in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub face: Face,
    pub link: Option<String>,
    pub strike: bool,
    pub sup: bool,
    /// Offset from the line's start, in points.
    pub x: f32,
    pub width: f32,
}

/// One line of text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
}

struct Glyph {
    c: char,
    span: usize,
    advance: f32,
}

/// Breaks `inline` into lines no wider than `width` at `size` points.
pub fn break_lines(inline: &Inline, fonts: &Fonts, size: f32, width: f32) -> Vec<Line> {
    let text: String = inline.iter().map(|s| s.text.as_str()).collect();
    let glyphs: Vec<Glyph> = inline
        .iter()
        .enumerate()
        .flat_map(|(i, span)| {
            let font = fonts.get(span.face);
            let size = if span.sup { size * SUP_SCALE } else { size };
            span.text.chars().map(move |c| Glyph {
                c,
                span: i,
                advance: if c == '\n' {
                    0.0
                } else {
                    font.advance(c, size)
                },
            })
        })
        .collect();
    let breaks = opportunities(&text, &glyphs);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut line_end = 0;
    let mut used = 0.0;
    let mut segment_start = 0;
    let width_of = |range: std::ops::Range<usize>| -> (f32, f32) {
        let part = &glyphs[range];
        let full: f32 = part.iter().map(|g| g.advance).sum();
        (full, full - trailing_space(part))
    };
    for (end, mandatory) in breaks {
        let (mut segment_width, mut trimmed) = width_of(segment_start.max(start)..end);
        if used + trimmed > width && line_end > start {
            lines.push(build(inline, &glyphs[start..line_end]));
            start = skip_spaces(&glyphs, line_end).min(end);
            used = 0.0;
            (segment_width, trimmed) = width_of(start..end);
        }
        if used + trimmed > width {
            // One segment wider than the line: break it between characters.
            let (done, rest_start) = split_long(&glyphs, start, end, width);
            for range in done {
                lines.push(build(inline, &glyphs[range]));
            }
            start = rest_start;
            used = width_of(start..end).0;
        } else {
            used += segment_width;
        }
        line_end = end;
        segment_start = end;
        if mandatory {
            lines.push(build(inline, &glyphs[start..end]));
            start = end;
            used = 0.0;
        }
    }
    if start < glyphs.len() || lines.is_empty() {
        lines.push(build(inline, &glyphs[start..]));
    }
    lines
}

/// Break positions (glyph indices where a new line may start) and whether each is forced.
fn opportunities(text: &str, glyphs: &[Glyph]) -> Vec<(usize, bool)> {
    let mut char_index = 0;
    let mut byte_to_char = text.char_indices().map(|(b, _)| b).peekable();
    let mut result = Vec::new();
    for (byte, kind) in linebreaks(text) {
        while byte_to_char.peek().is_some_and(|&b| b < byte) {
            byte_to_char.next();
            char_index += 1;
        }
        let at = char_index;
        let mandatory = kind == BreakOpportunity::Mandatory && at < glyphs.len();
        if at >= glyphs.len() || mandatory || allowed(glyphs, at) {
            result.push((at.min(glyphs.len()), mandatory));
        }
    }
    if result.last().is_none_or(|(at, _)| *at < glyphs.len()) {
        result.push((glyphs.len(), false));
    }
    result
}

/// 禁則 and number-unit rules on top of UAX #14 for a break before `glyphs[at]`.
fn allowed(glyphs: &[Glyph], at: usize) -> bool {
    if at == 0 {
        return false;
    }
    let before = glyphs[at - 1].c;
    let after = glyphs[at].c;
    !(NO_START.contains(after)
        || NO_END.contains(before)
        || (before.is_ascii_digit() && !after.is_whitespace())
        || after_identifier_hyphen(glyphs, at)
        || inside_file_name(glyphs, at)
        || inside_name(glyphs, at))
}

/// Whether a break before `glyphs[at]` would split a short Latin name: a word and its
/// number (`SOC 2`, `Type 2`, `ISO/IEC 27001`, `JIS X 0213`) or the parts of a name joined
/// by a slash (`ISO/IEC`). A URL (longer than a name) still breaks after its slashes.
fn inside_name(glyphs: &[Glyph], at: usize) -> bool {
    let before = glyphs[at - 1].c;
    let after = glyphs[at].c;
    if before == ' ' && after.is_ascii_digit() {
        // The word before is a name in letters (「SOC」「ISO/IEC」), not a group of a hash
        // or a number, which may break between groups.
        let word: Vec<char> = glyphs[..at - 1]
            .iter()
            .rev()
            .map(|g| g.c)
            .take_while(|c| !c.is_whitespace())
            .collect();
        return !word.is_empty()
            && word.len() <= 10
            && word.iter().all(|c| c.is_ascii_alphabetic() || *c == '/')
            && word.iter().any(char::is_ascii_alphabetic);
    }
    if before == '/' && after.is_ascii_alphabetic() {
        let ascii = |g: &&Glyph| g.c.is_ascii_graphic();
        let left = glyphs[..at].iter().rev().take_while(ascii).count();
        let right = glyphs[at..].iter().take_while(ascii).count();
        return left + right <= 16;
    }
    false
}

/// Whether a break before `glyphs[at]` would split a file name that starts with Japanese
/// (`別添1_policy.pdf`): the name's ASCII part (`1_policy.pdf`, with `_` or an
/// extension) stays with the word it is glued to.
fn inside_file_name(glyphs: &[Glyph], at: usize) -> bool {
    // Glued to a word (別添1_…), not following punctuation (、01_…), where a line may end.
    let before = glyphs[at - 1].c;
    if before.is_ascii() || !before.is_alphabetic() || !glyphs[at].c.is_ascii_alphanumeric() {
        return false;
    }
    let name: String = glyphs[at..]
        .iter()
        .map(|g| g.c)
        .take_while(|c| c.is_ascii_alphanumeric() || "_.-".contains(*c))
        .collect();
    name.contains('_')
        || name.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty()
                && (2..=4).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// Whether a break before `glyphs[at]` would follow the hyphen of an identifier or file
/// name (`TEC-12`, `01_security-measures.pdf`): at a line's end that hyphen reads as
/// a word hyphenated by the typesetter, and the reader copies the wrong name.
fn after_identifier_hyphen(glyphs: &[Glyph], at: usize) -> bool {
    at >= 2 && HYPHENS.contains(glyphs[at - 1].c) && glyphs[at - 2].c.is_ascii_alphanumeric()
}

/// Hyphens that join the parts of an identifier.
const HYPHENS: &str = "-‐";

/// Where an identifier too long for its line is best broken: before these, a break
/// cannot be taken for a hyphen.
const IDENTIFIER_BREAKS: &str = "_./";

fn trailing_space(glyphs: &[Glyph]) -> f32 {
    glyphs
        .iter()
        .rev()
        .take_while(|g| g.c.is_whitespace())
        .map(|g| g.advance)
        .sum()
}

fn skip_spaces(glyphs: &[Glyph], mut at: usize) -> usize {
    while at < glyphs.len() && glyphs[at].c == ' ' {
        at += 1;
    }
    at
}

/// Breaks glyphs `start..end` between characters into full lines; returns them and where
/// the unfinished last line starts.
fn split_long(
    glyphs: &[Glyph],
    start: usize,
    end: usize,
    width: f32,
) -> (Vec<std::ops::Range<usize>>, usize) {
    let mut lines = Vec::new();
    let mut line_start = start;
    let mut used = 0.0;
    let mut i = start;
    while i < end {
        if used + glyphs[i].advance > width && i > line_start {
            let mut cut = i;
            // Pull characters back so that the next line does not start with a
            // forbidden one nor follow a hyphen, as long as the line keeps something.
            while cut > line_start + 1
                && (NO_START.contains(glyphs[cut].c)
                    || NO_END.contains(glyphs[cut - 1].c)
                    || HYPHENS.contains(glyphs[cut - 1].c))
            {
                cut -= 1;
            }
            // Within the line's last third, a break before `_`, `.` or `/` keeps the
            // parts of a name whole.
            let least = line_start + 1 + (cut - line_start) * 2 / 3;
            if let Some(at) = (least..=cut)
                .rev()
                .find(|&at| at > line_start && IDENTIFIER_BREAKS.contains(glyphs[at].c))
            {
                cut = at;
            }
            lines.push(line_start..cut);
            line_start = cut;
            used = glyphs[cut..i].iter().map(|g| g.advance).sum();
        }
        used += glyphs[i].advance;
        i += 1;
    }
    (lines, line_start)
}

/// Groups a line's glyphs into runs, trimming trailing spaces and line feeds.
fn build(inline: &Inline, glyphs: &[Glyph]) -> Line {
    let keep = glyphs.len()
        - glyphs
            .iter()
            .rev()
            .take_while(|g| g.c.is_whitespace())
            .count();
    let mut line = Line::default();
    for glyph in &glyphs[..keep] {
        let span = &inline[glyph.span];
        match line.runs.last_mut() {
            Some(run)
                if run.face == span.face
                    && run.link == span.link
                    && run.strike == span.strike
                    && run.sup == span.sup =>
            {
                run.text.push(glyph.c);
                run.width += glyph.advance;
            }
            _ => line.runs.push(Run {
                text: glyph.c.to_string(),
                face: span.face,
                link: span.link.clone(),
                strike: span.strike,
                sup: span.sup,
                x: line.width,
                width: glyph.advance,
            }),
        }
        line.width += glyph.advance;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::tree::Span;
    use std::sync::OnceLock;

    fn fonts() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(Fonts::embedded)
    }

    fn glyphs_of(text: &str) -> Vec<Glyph> {
        text.chars()
            .map(|c| Glyph {
                c,
                span: 0,
                advance: 10.0,
            })
            .collect()
    }

    fn lines(text: &str, chars_per_line: f32) -> Vec<String> {
        let inline = vec![Span {
            text: text.to_string(),
            face: Face::Body,
            link: None,
            strike: false,
            sup: false,
            offset: 0,
        }];
        // 10pt full-width characters are 10pt wide
        break_lines(&inline, fonts(), 10.0, chars_per_line * 10.0 + 0.01)
            .into_iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        for text in [
            "あいうえおか、きくけこ。",
            "あいうえおかきくけ」こ",
            "あいうえおカーテン",
            "あいうえおっとりした",
        ] {
            for line in lines(text, 6.0).iter().skip(1) {
                let first = line.chars().next().unwrap();
                assert!(
                    !NO_START.contains(first),
                    "{text}: line starts with {first}"
                );
            }
        }
    }

    #[test]
    fn no_line_ends_with_an_opening_bracket() {
        for line in lines("あいうえお「かきくけこ」さしすせそ", 6.0) {
            let last = line.chars().last().unwrap();
            assert!(!NO_END.contains(last), "line ends with {last}");
        }
    }

    #[test]
    fn latin_words_and_numbers_with_units_stay_whole() {
        let result = lines("本書では configuration と 99.9% と 30日 を使う", 8.0);
        let joined = result.join("|");
        for word in ["configuration", "99.9%", "30日"] {
            assert!(
                result.iter().any(|l| l.contains(word)),
                "{word} split: {joined}"
            );
        }
    }

    #[test]
    fn long_runs_break_by_character_within_width() {
        let url = "https://example.jp/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        let inline = vec![Span {
            text: url.to_string(),
            face: Face::Body,
            link: None,
            strike: false,
            sup: false,
            offset: 0,
        }];
        let result = break_lines(&inline, fonts(), 10.0, 100.0);
        assert!(result.len() > 1);
        assert!(result.iter().all(|l| l.width <= 100.0 + 0.01));
        let joined: String = result
            .iter()
            .flat_map(|l| l.runs.iter().map(|r| r.text.clone()))
            .collect();
        assert_eq!(joined, url);
    }

    #[test]
    fn a_latin_name_keeps_its_number_and_its_slash() {
        for width in [6.0, 7.0, 8.0, 9.0, 10.0, 12.0] {
            let result = lines(
                "根拠は「はやてメール SOC 2 Type 2 報告書」及び ISO/IEC 27001 の認証である。",
                width,
            );
            for line in &result {
                let line = line.trim_end();
                assert!(
                    !line.ends_with("SOC") && !line.ends_with("Type") && !line.ends_with("ISO/"),
                    "width {width}: {result:?}"
                );
            }
        }
        // A hash in groups of 8 still breaks between any two groups.
        let hash = "4e3aea0f 290d6a2d 1d257cab fd3ab03a";
        for width in [4.5, 5.0, 6.0, 9.0, 10.0] {
            let result = lines(hash, width);
            assert!(
                result
                    .iter()
                    .all(|l| l.split_whitespace().all(|g| g.len() == 8)),
                "width {width}: {result:?}"
            );
        }
        // A URL still breaks after a slash.
        let url = "https://kasumi-lab.example.jp/security/policy";
        assert!(!inside_name(&glyphs_of(url), url.find("security").unwrap()));
    }

    #[test]
    fn a_file_name_glued_to_japanese_stays_whole() {
        for width in [8.0, 9.0, 10.0, 11.0, 12.0, 14.0] {
            let result = lines("提出書類 attachments/別添1_policy.pdf を参照", width);
            assert!(
                !result.iter().any(|l| l.trim_end().ends_with("別添")),
                "width {width}: {result:?}"
            );
        }
        // A number after Japanese is no file name: 「第3条」 may break as before.
        assert!(!inside_file_name(&glyphs_of("第3条"), 1));
        // After punctuation a line may end: 「…md、」 / 「01_security-measures.pdf」.
        assert!(!inside_file_name(&glyphs_of("a.md、01_b.pdf"), 5));
    }

    #[test]
    fn identifiers_never_break_after_their_hyphen() {
        let name = "01_security-measures.pdf";
        for width in [3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0, 12.0, 16.0] {
            let text = format!("提出書類 {name} 及び TEC-12 と AB-CD-EF-GH-IJ を参照する。");
            let result = lines(&text, width);
            for line in &result {
                assert!(
                    !line.ends_with('-'),
                    "width {width}: a line ends at a hyphen: {result:?}"
                );
            }
            let squash = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(squash(&result.concat()), squash(&text), "nothing lost");
        }
        // A name wider than its line breaks before `_` or `.` near the line's end.
        let result = lines(name, 6.0);
        assert_eq!(
            result.last().map(String::as_str),
            Some(".pdf"),
            "{result:?}"
        );
    }

    #[test]
    fn hard_breaks_end_lines() {
        assert_eq!(lines("一行目\n二行目", 20.0), ["一行目", "二行目"]);
    }
}
