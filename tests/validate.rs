//! Each check of the facts, on the example with one fact changed. Every test fails
//! without its check: the unchanged example is valid and has no warning.

mod common;

use beppyo::diagnostic::{Problem, Severity};
use beppyo::facts::model::Facts;
use common::{example_text, example_with, load, problems};

/// The example with each `from` replaced by its `to` (each must occur exactly once).
fn edited(edits: &[(&str, &str)]) -> String {
    let mut text = example_text();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "`{from}` must occur once");
        text = text.replacen(from, to, 1);
    }
    text
}

/// The example with the top-level block starting with `start` removed.
fn without_block(start: &str) -> String {
    let text = example_text();
    let cut = text.find(start).expect("the block exists");
    let end = cut + text[cut..].find("\n\n").expect("the block ends") + 1;
    format!("{}{}", &text[..cut], &text[end..])
}

/// The example with status entries added under a new top-level key before `planned:`.
fn with_section(section: &str) -> String {
    example_with("planned:\n", &format!("{section}\nplanned:\n"))
}

fn find(problems: &[Problem], row: &str, needle: &str) -> Problem {
    problems
        .iter()
        .find(|p| p.row.as_ref().map(|r| r.as_str()) == Some(row) && p.message.contains(needle))
        .cloned()
        .unwrap_or_else(|| panic!("no {row} problem containing `{needle}` in {problems:#?}"))
}

fn find_message(problems: &[Problem], needle: &str) -> Problem {
    problems
        .iter()
        .find(|p| p.message.contains(needle))
        .cloned()
        .unwrap_or_else(|| panic!("no problem containing `{needle}` in {problems:#?}"))
}

fn has_message(problems: &[Problem], needle: &str) -> bool {
    problems.iter().any(|p| p.message.contains(needle))
}

/// The warnings of facts that must load.
fn warnings(text: &str) -> Vec<Problem> {
    let (_, warnings) = load(text).unwrap_or_else(|p| panic!("should load: {p:#?}"));
    assert!(warnings.iter().all(|w| w.severity == Severity::Warning));
    warnings
}

/// The source line a problem points at, trimmed.
fn line_of(text: &str, problem: &Problem) -> String {
    let location = problem.location.expect("the problem is located");
    text.lines()
        .nth(location.line - 1)
        .unwrap()
        .trim()
        .to_string()
}

/// The source line of a problem's first related place, trimmed.
fn related_line(text: &str, problem: &Problem) -> String {
    let location = problem.related[0]
        .location
        .expect("the related place is located");
    text.lines()
        .nth(location.line - 1)
        .unwrap()
        .trim()
        .to_string()
}

#[test]
fn the_example_is_valid_without_warnings() {
    let (facts, warnings): (Facts, _) = load(&example_text()).expect("the example validates");
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert_eq!(facts.vendor.slug, "aomine-cloud");
}

// ---------------------------------------------------------------------------------------
// Format version

#[test]
fn a_format_1_file_gets_one_problem_naming_what_changed_and_migrate() {
    let p = problems(&example_with("format_version: 2\n", ""));
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(p[0].message.contains("形式1"), "{}", p[0].message);
    let hint = p[0].hint.as_deref().unwrap();
    for needle in [
        "beppyo migrate vendor.yaml -o",
        "access_paths",
        "parties",
        "holder",
        "recovery",
    ] {
        assert!(hint.contains(needle), "{needle}: {hint}");
    }
    let p = problems(&example_with("format_version: 2\n", "format_version: 1\n"));
    assert_eq!(p.len(), 1, "{p:#?}");
}

#[test]
fn a_newer_format_asks_for_a_newer_beppyo() {
    let text = example_with("format_version: 2\n", "format_version: 3\n");
    let p = problems(&text);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(p[0].hint.as_deref().unwrap().contains("新しい版の beppyo"));
    assert_eq!(line_of(&text, &p[0]), "format_version: 3");
}

// ---------------------------------------------------------------------------------------
// Order, parse errors, reading

#[test]
fn unsafe_folder_names() {
    let p = problems(&example_with("slug: aomine-cloud", "slug: ../../etc"));
    assert!(
        p.iter().any(|p| p.message.contains("vendor.slug")),
        "{p:#?}"
    );
    assert_eq!(p.len(), 1, "{p:#?}");
}

#[test]
fn unknown_key_is_located() {
    let text = example_with("    percent: 99.9", "    percnt: 99.9");
    let p = problems(&text);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(
        p[0].message.contains("unknown field `percnt`"),
        "{}",
        p[0].message
    );
    assert_eq!(line_of(&text, &p[0]), "percnt: 99.9");
    assert!(p[0].hint.as_deref().unwrap().contains("`percent`"));
}

#[test]
fn parse_errors_come_with_plain_advice() {
    let hint_of = |text: &str| problems(text)[0].hint.clone().unwrap_or_default();
    assert!(hint_of(&example_with("percent: 99.9", "percent: ９９．９")).contains("全角"));
    assert!(hint_of(&example_with("percent: 99.9", "percent: 99.9%")).contains('%'));
    assert!(
        hint_of(&example_with("  date: 2026-11-26", "  date: 2026/11/26")).contains("YYYY-MM-DD")
    );
    assert!(hint_of("format_version: 2\nsubmission:\n\tcity: x\n").contains("タブ"));
    assert!(hint_of("").contains("beppyo init"));
}

#[test]
fn bom_and_crlf_give_the_same_facts() {
    let text = example_text();
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let (a, _) = load(&text).unwrap();
    let (b, _) = load(&crlf).unwrap();
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}

#[test]
fn shift_jis_is_refused_with_instructions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sjis.yaml");
    // 「東雲市」 in Shift_JIS
    std::fs::write(&path, b"submission:\n  city: \x93\x8c\x89\x5f\x8e\x73\n").unwrap();
    let error = beppyo::facts::SourceFile::read(&path)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("Shift_JIS") && error.contains("UTF-8"),
        "{error}"
    );
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.yaml");
    std::fs::write(&path, vec![b'#'; 5 * 1024 * 1024]).unwrap();
    let error = beppyo::facts::SourceFile::read(&path)
        .unwrap_err()
        .to_string();
    assert!(error.contains("limited to 4194304 bytes"), "{error}");
}

#[test]
fn alias_bombs_end_in_an_error() {
    let mut text = String::from("submission: &a [x, x, x, x, x, x, x, x, x]\n");
    let mut previous = "a".to_string();
    for n in 0..9 {
        let name = format!("n{n}");
        text.push_str(&format!("k{n}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"));
        previous = name;
    }
    assert!(!problems(&text).is_empty());
}

