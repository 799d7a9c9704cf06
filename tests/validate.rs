//! Each semantic check of the facts, on the example with one fact changed. Every test
//! fails without its check: the unchanged example is valid.

mod common;

use beppyo::diagnostic::Problem;
use common::{example_with, load, problems};

fn find<'a>(problems: &'a [Problem], row: &str, needle: &str) -> &'a Problem {
    problems
        .iter()
        .find(|p| p.row.as_ref().map(|r| r.as_str()) == Some(row) && p.message.contains(needle))
        .unwrap_or_else(|| panic!("no {row} problem containing `{needle}` in {problems:#?}"))
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

#[test]
fn the_example_is_valid() {
    let (facts, warnings) = load(&common::example_text()).expect("the example validates");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(facts.vendor.slug, "aomine-cloud");
}

#[test]
fn percentage_out_of_range() {
    let text = example_with("target_percent: 99.9", "target_percent: 100.5");
    let p = problems(&text);
    assert_eq!(
        line_of(&text, find(&p, "BAS-06", "100.5")),
        "target_percent: 100.5"
    );
    let text = example_with("attainment_percent: 99", "attainment_percent: 0");
    find(&problems(&text), "BAS-06", "百分率");
}

#[test]
fn expired_certification() {
    let text = example_with("valid_until: 2027-12-31", "valid_until: 2026-11-25");
    let p = problems(&text);
    let problem = find(&p, "AUD-03", "失効");
    assert_eq!(line_of(&text, problem), "valid_until: 2026-11-25");
    // valid on the submission day itself is fine
    load(&example_with(
        "valid_until: 2027-12-31",
        "valid_until: 2026-11-26",
    ))
    .unwrap();
}

#[test]
fn copy_outside_japan() {
    let text = example_with(
        "      country: JP\n      region: 大阪府",
        "      country: SG\n      region: シンガポール",
    );
    let p = problems(&text);
    assert_eq!(
        line_of(&text, find(&p, "PHY-02", "日本国外")),
        "country: SG"
    );
}

#[test]
fn mfa_waived_without_a_closed_network() {
    let text = example_with("  line: lgwan", "  line: internet").replace(
        "not_applicable: {}",
        "not_applicable:\n  TEC-18: 閉域網で利用するため。",
    );
    let p = problems(&text);
    let problem = find(&p, "TEC-18", "閉域網");
    assert!(line_of(&text, problem).starts_with("TEC-18:"));
    find(&p, "TEC-17", "インターネット");
}

#[test]
fn mfa_waived_over_lgwan_is_accepted() {
    let text = common::example_text().replace(
        "not_applicable: {}",
        "not_applicable:\n  TEC-18: LGWAN（閉域網）でのみ利用するため。",
    );
    let (facts, _) = load(&text).expect("TEC-18 may be waived over LGWAN");
    assert!(facts.not_applicable.keys().any(|k| k.as_str() == "TEC-18"));
}

#[test]
fn password_rules_waived_while_passwords_are_used() {
    let text = example_with(
        "not_applicable: {}",
        "not_applicable:\n  TEC-12: パスワードを使わないため。",
    );
    find(&problems(&text), "TEC-12", "password");
}

#[test]
fn exit_deletion_scope_without_backups_or_subprocessors() {
    let text = example_with(
        "scope: [production, replicas, backups, logs, dr_site, staging, subprocessors]",
        "scope: [production, replicas, logs]",
    );
    let p = problems(&text);
    let backups = find(&p, "AST-01", "backups");
    find(&p, "AST-01", "subprocessors");
    assert!(line_of(&text, backups).starts_with("scope:"));
}

#[test]
fn unknown_row_in_not_applicable_suggests_the_nearest() {
    let text = example_with("not_applicable: {}", "not_applicable:\n  TEC-81: 理由");
    let p = problems(&text);
    let problem = p
        .iter()
        .find(|p| p.message.contains("TEC-81"))
        .expect("unknown row reported");
    assert!(
        problem.hint.as_deref().unwrap_or("").contains("TEC-"),
        "{problem:?}"
    );
    assert_eq!(line_of(&text, problem), "TEC-81: 理由");
}

#[test]
fn missing_section_is_an_unanswered_row_unless_declared() {
    let start = common::example_text();
    let cut = start.find("time_sync: # TEC-03").unwrap();
    let end = cut + start[cut..].find("\n\n").unwrap();
    let without = format!("{}{}", &start[..cut], &start[end..]);
    find(&problems(&without), "TEC-03", "回答がありません");
    let planned = without.replace(
        "planned:\n",
        "planned:\n  TEC-03:\n    date: 2027-01-31\n    plan: NTPの冗長化を完了する。\n",
    );
    load(&planned).expect("a planned row is answered");
}

#[test]
fn planned_date_in_the_past() {
    let text = example_with("date: 2027-03-31", "date: 2026-01-01");
    find(&problems(&text), "HUM-04", "提出日");
}

#[test]
fn row_both_not_applicable_and_planned() {
    let text = example_with("not_applicable: {}", "not_applicable:\n  HUM-04: 理由");
    find(&problems(&text), "HUM-04", "両方");
}

#[test]
fn unsafe_folder_names() {
    let text = example_with("slug: aomine-cloud", "slug: ../../etc");
    let p = problems(&text);
    assert!(
        p.iter().any(|p| p.message.contains("vendor.slug")),
        "{p:#?}"
    );
}

#[test]
fn unknown_key_is_located() {
    let text = example_with("  rto_hours: 4", "  rto_hour: 4");
    let p = problems(&text);
    assert_eq!(p.len(), 1);
    assert!(
        p[0].message.contains("unknown field `rto_hour`"),
        "{}",
        p[0].message
    );
    assert_eq!(line_of(&text, &p[0]), "rto_hour: 4");
}

#[test]
fn wrong_type_is_located() {
    let text = example_with("target_percent: 99.9", "target_percent: 99.9%");
    let p = problems(&text);
    assert!(p[0].message.contains("invalid type"), "{}", p[0].message);
    assert_eq!(line_of(&text, &p[0]), "target_percent: 99.9%");
}

#[test]
fn bom_and_crlf_give_the_same_facts() {
    let text = common::example_text();
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let (a, _) = load(&text).unwrap();
    let (b, _) = load(&crlf).unwrap();
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}

fn hint_of(text: &str) -> String {
    let p = problems(text);
    p[0].hint.clone().unwrap_or_default()
}

#[test]
fn parse_errors_come_with_plain_advice() {
    assert!(
        hint_of(&example_with(
            "target_percent: 99.9",
            "target_percent: ９９．９"
        ))
        .contains("全角")
    );
    assert!(
        hint_of(&example_with(
            "target_percent: 99.9",
            "target_percent: 99.9%"
        ))
        .contains("%")
    );
    assert!(hint_of(&example_with("  rto_hours: 4", "  rto_hour: 4")).contains("`rto_hours`"));
    assert!(
        hint_of(&example_with("  date: 2026-11-26", "  date: 2026/11/26")).contains("YYYY-MM-DD")
    );
    assert!(hint_of("submission:\n\tcity: x\n").contains("タブ"));
    assert!(hint_of("").contains("beppyo init"));
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
