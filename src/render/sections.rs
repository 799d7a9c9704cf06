//! The clean-up pass over a rendered template: heading numbers, paragraph numbers, row
//! citations and references.
//!
//! Headings are numbered in official style (第1 → 1 → (1) → ア → (ア)) here rather than
//! in templates, so that a section left out for one vendor never leaves a gap. An
//! agreement (a template that calls `agreement()`) numbers its level-2 headings as
//! articles, 第1条（目的）, and the paragraphs marked by `paragraph()` as 項: the first of
//! an article unnumbered, then 2, 3 …. `item()` numbers items (1), (2) … and `item(style=
//! "kana")` their sub-items ア, イ …, counting afresh after each heading or paragraph
//! mark. A heading ending in `{#name}` can be cited by
//! `ref(id="name")`, which becomes its number (「第4条」, 「第1 4」). Each
//! row-declaration mark left by `answers()` becomes the citation 〔別表 ID 区分〕 and a
//! [`Declaration`] for the section it stands in.

use std::collections::BTreeMap;

use crate::criteria::Criteria;
use crate::crossref::Declaration;
use crate::templates::DocumentKind;

use super::Pending;
use super::escape::{
    MARK_AGREEMENT, MARK_CLOSE, MARK_ITEM, MARK_OPEN, MARK_PARA, MARK_REF, MARK_SUBITEM,
};
use super::text::ItemStyle;

const KATAKANA: [&str; 20] = [
    "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ", "ス", "セ", "ソ", "タ",
    "チ", "ツ", "テ", "ト",
];

/// A heading suffix that keeps the heading unnumbered (as in pandoc).
const UNNUMBERED: &str = "{-}";

/// Numbers headings and paragraphs, resolves marks and references; returns the Markdown
/// and the declarations.
pub(super) fn resolve(
    raw: &str,
    kind: DocumentKind,
    pending: &[Pending],
    criteria: &Criteria,
) -> (String, Vec<Declaration>) {
    let agreement = raw.contains(MARK_AGREEMENT);
    let raw = raw.replace(MARK_AGREEMENT, "");
    let mut numbering = Numbering {
        agreement,
        ..Numbering::default()
    };
    let mut section = kind.title.to_string();
    let mut fence: Option<String> = None;
    let mut declarations = Vec::new();
    let mut anchors: BTreeMap<String, String> = BTreeMap::new();
    let mut paragraphs = 0usize;
    let mut items = 0usize;
    let mut subitems = 0usize;
    let mut headings = 0usize;
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let mut line = line.to_string();
        if let Some(marker) = fence_marker(&line) {
            match &fence {
                Some(open) if marker.starts_with(open.as_str()) => fence = None,
                None => fence = Some(marker),
                _ => {}
            }
        } else if fence.is_none()
            && let Some((level, title)) = heading(&line)
        {
            headings += 1;
            let (title, anchor) = split_anchor(title);
            let (numbered, chain) = numbering.apply(level, &title);
            line = format!("{} {}", "#".repeat(level), numbered);
            if level > 1 {
                section = strip_marks(&numbering.section(level, &chain, &title))
                    .trim()
                    .to_string();
            }
            if level == 2 {
                paragraphs = 0;
            }
            items = 0;
            subitems = 0;
            if let Some(anchor) = anchor {
                anchors.insert(anchor, numbering.reference(&chain));
            }
        }
        if line.contains(MARK_PARA) {
            line = line.replace(MARK_PARA, &paragraph_number(&mut paragraphs));
            items = 0;
            subitems = 0;
        }
        if line.contains(MARK_ITEM) {
            items += 1;
            subitems = 0;
            line = line.replace(MARK_ITEM, &format!("{}　", ItemStyle::Paren.mark(items)));
        }
        if line.contains(MARK_SUBITEM) {
            subitems += 1;
            line = line.replace(
                MARK_SUBITEM,
                &format!("{}　", ItemStyle::Kana.mark(subitems)),
            );
        }
        out.push_str(&replace_marks(&line, |index| {
            let Some(p) = pending.get(index) else {
                return String::new();
            };
            declarations.push(Declaration {
                document: kind.stem.to_string(),
                document_title: kind.title.to_string(),
                section: section.clone(),
                heading: headings.checked_sub(1),
                rows: p.rows.clone(),
                item: p.item.clone(),
                summary: p.summary.clone(),
            });
            citation(criteria, p)
        }));
        out.push('\n');
    }
    let out = resolve_references(&out, &anchors);
    (tidy(&out), declarations)
}

/// The number a 項 gets: none for the first paragraph of an article, then 「2　」, 「3　」.
fn paragraph_number(count: &mut usize) -> String {
    *count += 1;
    if *count == 1 {
        String::new()
    } else {
        format!("{count}　")
    }
}

/// A heading's title and its `{#name}` anchor, if it has one.
fn split_anchor(title: &str) -> (String, Option<String>) {
    if let Some(body) = title.strip_suffix('}')
        && let Some((text, name)) = body.rsplit_once("{#")
        && !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return (text.trim_end().to_string(), Some(name.to_string()));
    }
    (title.to_string(), None)
}

/// Replaces each `MARK_REF name MARK_CLOSE` with the number of the heading named so.
fn resolve_references(text: &str, anchors: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(MARK_REF) {
        out.push_str(&rest[..start]);
        let after = &rest[start + MARK_REF.len_utf8()..];
        let Some(end) = after.find(MARK_CLOSE) else {
            rest = after;
            continue;
        };
        let name = &after[..end];
        out.push_str(anchors.get(name).map_or(name, String::as_str));
        rest = &after[end + MARK_CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// Collapses runs of blank lines that conditional template blocks leave behind.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    let trimmed = out.trim_matches('\n');
    format!("{trimmed}\n")
}

fn citation(criteria: &Criteria, pending: &Pending) -> String {
    pending
        .rows
        .iter()
        .filter_map(|id| criteria.row(id))
        .map(|row| {
            format!(
                "〔別表 {}{} {}〕",
                row.id,
                pending.item.as_deref().unwrap_or(""),
                criteria.category_name(&row.category)
            )
        })
        .collect()
}

fn fence_marker(line: &str) -> Option<String> {
    let trimmed = line.trim_start();
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    ["```", "~~~"].iter().find_map(|f| {
        trimmed.starts_with(f).then(|| {
            let c = trimmed.chars().next().unwrap_or('`');
            trimmed.chars().take_while(|&x| x == c).collect()
        })
    })
}

/// An ATX heading's level and text.
fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &line[level..];
    if rest.is_empty() {
        return Some((level, ""));
    }
    rest.starts_with([' ', '\t'])
        .then(|| (level, rest.trim().trim_end_matches('#').trim_end()))
}

fn without_suffix(title: &str) -> &str {
    title.strip_suffix(UNNUMBERED).map_or(title, str::trim_end)
}

fn strip_marks(text: &str) -> String {
    replace_marks(text, |_| String::new())
}

/// Replaces each `MARK_OPEN n MARK_CLOSE` with `f(n)`.
fn replace_marks(text: &str, mut f: impl FnMut(usize) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(MARK_OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + MARK_OPEN.len_utf8()..];
        match after.find(MARK_CLOSE) {
            Some(end) => {
                if let Ok(index) = after[..end].parse::<usize>() {
                    out.push_str(&f(index));
                }
                rest = &after[end + MARK_CLOSE.len_utf8()..];
            }
            None => {
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Heading counters for levels 2–6 (level 1 is the document title).
#[derive(Default)]
struct Numbering {
    counters: [usize; 7],
    /// Level-2 headings are articles (第1条（目的）).
    agreement: bool,
}

impl Numbering {
    /// Returns the numbered heading text and the number chain (`第3 2`, or `第3条`).
    fn apply(&mut self, level: usize, title: &str) -> (String, String) {
        if level == 1 {
            return (without_suffix(title).to_string(), String::new());
        }
        if title.ends_with(UNNUMBERED) {
            return (without_suffix(title).to_string(), self.chain(level - 1));
        }
        self.counters[level] += 1;
        for deeper in &mut self.counters[level + 1..] {
            *deeper = 0;
        }
        if self.agreement && level == 2 {
            let number = format!("第{}条", self.counters[2]);
            return (format!("{number}（{title}）"), number);
        }
        let number = label(level, self.counters[level]);
        (format!("{number}　{title}"), self.chain(level))
    }

    fn chain(&self, level: usize) -> String {
        (2..=level)
            .filter(|&l| self.counters[l] > 0)
            .map(|l| {
                if self.agreement && l == 2 {
                    format!("第{}条", self.counters[2])
                } else {
                    label(l, self.counters[l])
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// How the index names a section: 「第6 4 ログの取得と保存」, 「第5条（稼働率）」.
    fn section(&self, level: usize, chain: &str, title: &str) -> String {
        if self.agreement && level == 2 && !title.ends_with(UNNUMBERED) {
            format!("{chain}（{title}）")
        } else {
            format!("{chain}　{}", without_suffix(title))
        }
    }

    /// How running text names a section: 「第1の4」, 「第6の4の(2)」, 「第5条」. The index and
    /// the matrix's 記載箇所 show the chain with spaces (「第1 4」), as a heading reads; in
    /// a sentence the parts are joined by 「の」.
    fn reference(&self, chain: &str) -> String {
        chain.split(' ').collect::<Vec<_>>().join("の")
    }
}

fn label(level: usize, n: usize) -> String {
    let kana = || {
        KATAKANA
            .get(n - 1)
            .map_or_else(|| n.to_string(), |k| k.to_string())
    };
    match level {
        2 => format!("第{n}"),
        3 => n.to_string(),
        4 => format!("({n})"),
        5 => kana(),
        _ => format!("({})", kana()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::RowId;

    fn kind() -> DocumentKind {
        crate::templates::ANSWERING[0]
    }

    #[test]
    fn numbers_headings_in_official_style() {
        let raw = "# 題\n## 総則\n### 目的\n#### 細目\n##### 項\n###### 小項\n### 範囲\n## 別記 {-}\n## 対策\n";
        let (md, _) = resolve(raw, kind(), &[], &Criteria::embedded());
        assert_eq!(
            md,
            "# 題\n## 第1　総則\n### 1　目的\n#### (1)　細目\n##### ア　項\n###### (ア)　小項\n### 2　範囲\n## 別記\n## 第2　対策\n"
        );
    }

    #[test]
    fn marks_become_citations_and_declarations() {
        let raw = "## 認証\n\n```\n## not a heading\n```\n\u{E000}0\u{E001}\n";
        let pending = [Pending {
            rows: vec![RowId::parse("TEC-18").unwrap()],
            item: None,
            summary: Some("多要素認証".into()),
        }];
        let (md, decls) = resolve(raw, kind(), &pending, &Criteria::embedded());
        assert!(md.contains("〔別表 TEC-18 技術的セキュリティ〕"), "{md}");
        assert!(md.contains("## not a heading"), "{md}");
        assert_eq!(decls.len(), 1);
        assert_eq!(decls[0].section, "第1　認証");
        assert_eq!(decls[0].summary.as_deref(), Some("多要素認証"));
    }

    #[test]
    fn agreements_number_articles_and_paragraphs() {
        let raw = "\u{E004}# 合意書\n## 目的 {#purpose}\n\u{E002}甲は\n\n\u{E002}乙は\n## 定義\n\u{E002}用語は\u{E003}purpose\u{E001}による。\n\u{E002}二\n";
        let (md, _) = resolve(raw, kind(), &[], &Criteria::embedded());
        assert_eq!(
            md,
            "# 合意書\n## 第1条（目的）\n甲は\n\n2　乙は\n## 第2条（定義）\n用語は第1条による。\n2　二\n"
        );
    }

    #[test]
    fn references_name_numbered_sections() {
        let raw =
            "# 題\n## 総則\n### 経路 {#paths}\n本文\n## 対策\n\u{E003}paths\u{E001}の表による。\n";
        let (md, _) = resolve(raw, kind(), &[], &Criteria::embedded());
        assert!(md.contains("### 1　経路\n"), "{md}");
        assert!(md.contains("第1の1の表による。"), "{md}");
    }

    #[test]
    fn items_count_afresh_under_each_paragraph() {
        let raw = "\u{E004}# 合意書\n## 定義\n\u{E002}次のとおり。\n\n\u{E005}甲\n\n\u{E006}細目\n\n\u{E006}細目\n\n\u{E005}乙\n\n\u{E002}次も。\n\n\u{E005}丙\n";
        let (md, _) = resolve(raw, kind(), &[], &Criteria::embedded());
        assert_eq!(
            md,
            "# 合意書\n## 第1条（定義）\n次のとおり。\n\n(1)　甲\n\nア　細目\n\nイ　細目\n\n(2)　乙\n\n2　次も。\n\n(1)　丙\n"
        );
    }
}
