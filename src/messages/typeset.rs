//! The typesetter's errors: fonts, Markdown it cannot lay out, writing the PDF.

use std::fmt::Display;

crate::messages! {
    fn font_unreadable(path: &str, reason: &str) {
        ja: "フォント {path} を読めません: {reason}",
        en: "cannot read font {path}: {reason}",
    }
    fn font_unparseable(name: &str, reason: &str) {
        ja: "{name} は beppyo が読める TrueType 又は OpenType のフォントではありません（{reason}）。別のフォントファイル（.ttf / .otf）を指定してください",
        en: "{name} is not a TrueType or OpenType font beppyo can read: {reason}",
    }
    fn font_unsubsettable(name: &str, reason: &str) {
        ja: "フォント {name} から使う文字だけを取り出せません（{reason}）。別のフォントを指定してください",
        en: "cannot subset font {name}: {reason}",
    }
    fn font_unembeddable(name: &str) {
        ja: "フォント {name} の部分集合を PDF に埋め込めません。別のフォントを指定してください",
        en: "printpdf cannot read the subset of font {name}",
    }
    fn pdf_unwritable(reason: &dyn Display) {
        ja: "PDF を書き出せません: {reason}",
        en: "cannot write the PDF: {reason}",
    }
    fn front_matter_invalid(reason: &str) {
        ja: "先頭の front matter（--- で囲んだ部分）が正しくありません: {reason}",
        en: "the front matter (--- block at the top) is not valid: {reason}",
    }
    fn missing_glyph(line: usize, character: &str, code: u32, font: &str) {
        ja: "{line}行目: 文字「{character}」（U+{code:04X}）がフォント {font} にありません。別の文字にするか、その文字を持つフォントを指定してください（--font / --heading-font）",
        en: "line {line}: the character 「{character}」 (U+{code:04X}) is not in the font {font}. Use another character, or give a font that has it (--font / --heading-font)",
    }
    fn too_deep(line: usize, depth: usize, max: usize) {
        ja: "{line}行目: 引用と箇条書きの入れ子が深すぎます（{depth}段目）。入れ子は合わせて{max}段までです。段を浅くしてください",
        en: "line {line}: quotes and lists are nested too deep (level {depth}); at most {max} levels together. Nest less deeply",
    }
    fn too_wide(line: usize, columns: usize, max: usize) {
        ja: "{line}行目: 表の列が多すぎます（{columns}列）。この位置の表は{max}列までです（1列に2文字分の幅が要ります）。表を分けるか、列を減らしてください",
        en: "line {line}: the table has too many columns ({columns}); a table here may have up to {max} (a column needs the width of two characters). Split the table or drop columns",
    }
}
