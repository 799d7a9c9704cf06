//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use beppyo::criteria::Criteria;
use beppyo::diagnostic::Problem;
use beppyo::facts::{self, Facts, SourceFile};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn example_text() -> String {
    std::fs::read_to_string(repo().join("data/examples/aomine/vendor.yaml")).unwrap()
}

pub fn source(text: &str) -> SourceFile {
    SourceFile::from_bytes("vendor.yaml", text.as_bytes().to_vec()).unwrap()
}

/// Loads facts text against the shipped table.
pub fn load(text: &str) -> Result<(Facts, Vec<Problem>), Vec<Problem>> {
    facts::load(&source(text), &Criteria::embedded())
}

/// The example with `from` replaced by `to` (which must occur exactly once).
pub fn example_with(from: &str, to: &str) -> String {
    let text = example_text();
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` must occur once in the example"
    );
    text.replacen(from, to, 1)
}

/// The problems of a text that must fail.
pub fn problems(text: &str) -> Vec<Problem> {
    load(text).expect_err("the facts should have problems")
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_beppyo"))
}

/// Runs the binary in `dir`, in Japanese whatever the caller's environment says.
pub fn run(args: &[&str], dir: &Path) -> std::process::Output {
    run_with_lang(args, dir, None)
}

/// Runs the binary in `dir` with `BEPPYO_LANG` set to `lang`, or unset.
pub fn run_with_lang(args: &[&str], dir: &Path, lang: Option<&str>) -> std::process::Output {
    let mut command = std::process::Command::new(bin());
    command
        .args(args)
        .current_dir(dir)
        .env_remove("BEPPYO_LANG");
    if let Some(lang) = lang {
        command.env("BEPPYO_LANG", lang);
    }
    command.output().unwrap()
}

/// A document's Markdown without its front matter.
pub fn body(markdown: &str) -> &str {
    markdown
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(markdown, |(_, body)| body)
}

/// The text a reviewer reads, without the table's requirement texts (quoted verbatim, so
/// exempt from the notation rules), the table's title, the citation lines and the
/// document's own title (「別表対応表」 is not a use of the terms it defines).
pub fn prose(markdown: &str) -> String {
    let criteria = Criteria::embedded();
    let body: String = body(markdown)
        .lines()
        .filter(|l| !l.starts_with("# "))
        .collect::<Vec<_>>()
        .join("\n");
    let mut text = body.replace(&criteria.title, "");
    for row in &criteria.rows {
        text = text.replace(&row.full_text(), "");
    }
    let mut out = String::with_capacity(text.len());
    let mut in_citation = false;
    for c in text.chars() {
        match c {
            '〔' => in_citation = true,
            '〕' => in_citation = false,
            _ if !in_citation => out.push(c),
            _ => {}
        }
    }
    out
}

/// Where a number is separated from its unit by a space (「90 日前」).
pub fn number_unit_spaces(text: &str) -> Vec<String> {
    const UNITS: &[&str] = &[
        "日",
        "時間",
        "分",
        "か月",
        "%",
        "桁",
        "営業日",
        "秒",
        "世代",
        "件",
        "人",
        "名",
        "版",
        "年",
        "月",
        "条",
        "項",
        "号",
        "頁",
        "回",
    ];
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for i in 1..chars.len().saturating_sub(1) {
        if chars[i] == ' ' && chars[i - 1].is_ascii_digit() {
            let rest: String = chars[i + 1..].iter().take(3).collect();
            if UNITS.iter().any(|u| rest.starts_with(u)) {
                let from = i.saturating_sub(8);
                found.push(chars[from..(i + 4).min(chars.len())].iter().collect());
            }
        }
    }
    found
}

/// A term used before its definition 「（以下「当社」という。）」, or used undefined.
pub fn undefined_terms(text: &str, terms: &[&str]) -> Vec<String> {
    terms
        .iter()
        .filter(|term| {
            let Some(first) = text.find(*term) else {
                return false;
            };
            let definition = format!("以下「{term}」という。");
            match text.find(&definition) {
                Some(at) => first != at + "以下「".len(),
                None => true,
            }
        })
        .map(|t| t.to_string())
        .collect()
}
