//! The clean-up pass over a rendered template: heading numbers and row citations.
//!
//! Headings are numbered in official style (第1 → 1 → (1) → ア → (ア)) here rather than
//! in templates, so that a section left out for one vendor never leaves a gap. Each
//! row-declaration mark left by `answers()` becomes the citation 〔別表 ID 区分〕 and a
//! [`Declaration`] for the section it stands in.

use crate::criteria::Criteria;
use crate::crossref::Declaration;
use crate::templates::DocumentKind;

use super::Pending;
use super::escape::{MARK_CLOSE, MARK_OPEN};

const KATAKANA: [&str; 20] = [
    "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ", "ス", "セ", "ソ", "タ",
    "チ", "ツ", "テ", "ト",
];

/// A heading suffix that keeps the heading unnumbered (as in pandoc).
const UNNUMBERED: &str = "{-}";

/// Numbers headings and resolves marks; returns the Markdown and the declarations.
pub(super) fn resolve(
    raw: &str,
    kind: DocumentKind,
    pending: &[Pending],
    criteria: &Criteria,
) -> (String, Vec<Declaration>) {
    let mut numbering = Numbering::default();
    let mut section = kind.title.to_string();
    let mut fence: Option<String> = None;
    let mut declarations = Vec::new();
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
            let title = title.to_string();
            let (numbered, chain) = numbering.apply(level, &title);
            line = format!("{} {}", "#".repeat(level), numbered);
            if level > 1 {
                section = strip_marks(&format!("{chain} {}", without_suffix(&title)))
                    .trim()
                    .to_string();
            }
        }
        out.push_str(&replace_marks(&line, |index| {
            let Some(p) = pending.get(index) else {
                return String::new();
            };
            declarations.push(Declaration {
                document: kind.stem.to_string(),
                document_title: kind.title.to_string(),
                section: section.clone(),
                rows: p.rows.clone(),
                item: p.item.clone(),
                summary: p.summary.clone(),
            });
            citation(criteria, p)
        }));
        out.push('\n');
    }
    (tidy(&out), declarations)
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
}

impl Numbering {
    /// Returns the numbered heading text and the number chain (`第3 2`).
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
        let number = label(level, self.counters[level]);
        (format!("{number} {title}"), self.chain(level))
    }

    fn chain(&self, level: usize) -> String {
        (2..=level)
            .filter(|&l| self.counters[l] > 0)
            .map(|l| label(l, self.counters[l]))
            .collect::<Vec<_>>()
            .join(" ")
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
            "# 題\n## 第1 総則\n### 1 目的\n#### (1) 細目\n##### ア 項\n###### (ア) 小項\n### 2 範囲\n## 別記\n## 第2 対策\n"
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
        assert_eq!(decls[0].section, "第1 認証");
        assert_eq!(decls[0].summary.as_deref(), Some("多要素認証"));
    }
}
