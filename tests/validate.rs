//! Each check of the facts, on the example with one fact changed. Every test fails
//! without its check: the unchanged example is valid and has no warning.

use crate::common;

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

/// `text` with the top-level block starting with `start` removed.
fn drop_block(text: &str, start: &str) -> String {
    let cut = text.find(start).expect("the block exists");
    let end = cut + text[cut..].find("\n\n").expect("the block ends") + 2;
    format!("{}{}", &text[..cut], &text[end..])
}

/// The example with status entries added under a new top-level key before `planned:`.
fn with_section(section: &str) -> String {
    example_with("partial:\n", &format!("{section}\npartial:\n"))
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
// Row statuses

#[test]
fn core_rows_cannot_be_not_applicable() {
    let text = with_section(
        "not_applicable:\n  BAS-06: 本サービスは無償の試行であり、サービスレベルを定めないため。",
    );
    let problem = find(&problems(&text), "BAS-06", "対象外にできません");
    assert!(line_of(&text, &problem).starts_with("BAS-06:"));
}

#[test]
fn derived_rows_cannot_be_declared_not_applicable() {
    let text = with_section(
        "not_applicable:\n  TEC-18: 全ての経路が閉域網であり、多要素認証は要しないため。",
    );
    let problem = find(&problems(&text), "TEC-18", "access_paths");
    assert!(problem.hint.as_deref().unwrap().contains("自動的に対象外"));
}

#[test]
fn not_applicable_needs_a_real_reason() {
    for reason in ["なし", "該当なし", "N/A", "ｘ", "-"] {
        let text = with_section(&format!("not_applicable:\n  TEC-09: \"{reason}\""));
        find(&problems(&text), "TEC-09", "定型句");
    }
    let text = with_section("not_applicable:\n  TEC-09: ログを提供しないため。");
    find(&problems(&text), "TEC-09", "短すぎます");
    // a real reason passes (TEC-09 is then not applicable, and forensics goes)
    let reason = "本サービスは本市の端末にのみ記録を残し、当社は証拠となるログを保有しないため。";
    let (facts, _) = load(&drop_block(
        &with_section(&format!("not_applicable:\n  TEC-09: {reason}")),
        "forensics: # TEC-09",
    ))
    .unwrap();
    assert_eq!(facts.not_applicable.len(), 1);
}

#[test]
fn the_same_reason_for_several_rows_is_a_warning() {
    let reason = "本サービスは本市の端末にのみ記録を残し、当社は証拠となるログを保有しないため。";
    let text = with_section(&format!(
        "not_applicable:\n  TEC-09: {reason}\n  TEC-16: {reason}"
    ));
    let text = drop_block(&text, "forensics: # TEC-09");
    let text = drop_block(&text, "records_management: # TEC-16");
    let w = warnings(&text);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].row.as_ref().unwrap().as_str(), "TEC-16");
    assert!(related_line(&text, &w[0]).starts_with("TEC-09:"));
}

#[test]
fn a_row_has_one_status() {
    let text = with_section(
        "planned:\n  HUM-04:\n    date: 2027-03-31\n    plan: 改訂版の誓約書への同意取得を完了する。",
    );
    let problem = find(&problems(&text), "HUM-04", "両方");
    assert!(problem.related[0].location.is_some());
}

#[test]
fn partial_needs_current_measures() {
    let text = without_block("violation_procedure: # HUM-02").replace(
        "partial:\n",
        "partial:\n  HUM-02:\n    date: 2027-03-31\n    plan: 違反時の対応手続を定めた規程を制定する。\n",
    );
    let p = problems(&text);
    find(&p, "HUM-02", "現在の対策");
    // said once, not also as an unanswered row
    assert_eq!(
        p.iter()
            .filter(|p| p.row.as_ref().is_some_and(|r| r.as_str() == "HUM-02"))
            .count(),
        1,
        "{p:#?}"
    );
}

#[test]
fn plans_complete_after_the_submission() {
    for date in ["2026-01-01", "2026-11-26"] {
        let text = example_with(
            "  HUM-04:\n    date: 2027-03-31",
            &format!("  HUM-04:\n    date: {date}"),
        );
        let problem = find(&problems(&text), "HUM-04", "提出日");
        assert_eq!(related_line(&text, &problem), "date: 2026-11-26");
    }
}

#[test]
fn an_alternative_needs_its_measure_and_rationale() {
    let text = with_section(
        "alternative:\n  TEC-03:\n    measure: \"\"\n    rationale: 全サーバを同じ時刻源に同期させるため、記録の前後関係を確かめられる。",
    );
    let problem = find(&problems(&text), "TEC-03", "空欄です");
    assert_eq!(line_of(&text, &problem), "measure: \"\"");
}

#[test]
fn inherited_controls_need_evidence_of_a_past_period() {
    let text = example_with(
        "          title: 東雲データセンター株式会社のISO/IEC 27001認証（データセンターサービスの提供）\n",
        "          title: 東雲データセンター株式会社のISO/IEC 27001認証（データセンターサービスの提供）\n          period_from: 2026-04-01\n          period_to: 2027-03-31\n",
    );
    let problem = find(&problems(&text), "PHY-01", "提出日");
    assert_eq!(line_of(&text, &problem), "period_to: 2027-03-31");
    let text = example_with(
        "    - party: dc-osaka\n      controls: 建物への入館を事前申請とICカードで管理し、24時間の有人監視と監視カメラの録画を行う。\n      evidence:\n        - kind: iso_certificate\n          title: 浪速ファシリティーズ株式会社のISO/IEC 27001認証（データセンターの運営）\n          city_access: inspection\n",
        "    - party: dc-osaka\n      controls: 建物への入館を事前申請とICカードで管理し、24時間の有人監視と監視カメラの録画を行う。\n      evidence: []\n",
    );
    find(&problems(&text), "PHY-01", "根拠資料");
}

#[test]
fn missing_topic_is_an_unanswered_row_unless_planned() {
    let without = without_block("time_sync: # TEC-03");
    let problem = find(&problems(&without), "TEC-03", "回答がありません");
    assert!(problem.unanswered);
    let planned = without.replace(
        "partial:\n",
        "planned:\n  TEC-03:\n    date: 2027-01-31\n    plan: NTPの冗長化を完了する。\npartial:\n",
    );
    load(&planned).expect("a planned row is answered");
}

#[test]
fn unknown_row_in_a_status_map_suggests_the_nearest() {
    let text = with_section(
        "not_applicable:\n  TEC-81: 本サービスでは該当する機能を提供しないため、本項目は適用されない。",
    );
    let problem = find_message(&problems(&text), "TEC-81");
    assert!(
        problem.hint.as_deref().unwrap().contains("TEC-"),
        "{problem:?}"
    );
    assert!(line_of(&text, &problem).starts_with("TEC-81:"));
}

// ---------------------------------------------------------------------------------------
// References

#[test]
fn party_keys_are_unique_well_formed_and_not_reserved() {
    let p = problems(&example_with("  - key: dc-osaka", "  - key: dc-tokyo"));
    let problem = find_message(&p, "二つの事業者");
    assert_eq!(
        related_line(
            &example_with("  - key: dc-osaka", "  - key: dc-tokyo"),
            &problem
        ),
        "- key: dc-tokyo"
    );
    find_message(
        &problems(&example_with("  - key: dc-osaka", "  - key: DC_Osaka")),
        "使えない文字",
    );
    find_message(
        &problems(&example_with("  - key: dc-osaka", "  - key: vendor")),
        "事業者のキーに使えません",
    );
}

#[test]
fn references_resolve_with_a_did_you_mean() {
    let text = example_with("    - party: dc-osaka", "    - party: dc-osaca");
    let problem = find(&problems(&text), "PHY-01", "parties にありません");
    assert!(
        problem
            .hint
            .as_deref()
            .unwrap()
            .contains("dc-osaka のことですか"),
        "{problem:?}"
    );
    assert_eq!(line_of(&text, &problem), "- party: dc-osaca");
    let text = example_with(
        "  performed_by: vendor\n  product:",
        "  performed_by: edr-vendor\n  product:",
    );
    let problem = find(&problems(&text), "TEC-10", "parties にありません");
    assert!(
        problem.hint.as_deref().unwrap().contains("vendor（当社）"),
        "{problem:?}"
    );
    // inherited controls come from a party, never from the vendor itself
    let text = example_with("    - party: dc-osaka", "    - party: vendor");
    find(&problems(&text), "PHY-01", "vendor は使えません");
}

#[test]
fn a_party_owned_disposal_class_needs_inherited_ast02() {
    let text = example_with(
        "    - equipment: 当社の運用端末（本社運用室）\n      owner: vendor",
        "    - equipment: 当社の運用端末（本社運用室）\n      owner: dc-tokyo",
    );
    let problem = find(&problems(&text), "AST-02", "inherited");
    assert_eq!(line_of(&text, &problem), "owner: dc-tokyo");
}

#[test]
fn a_site_run_by_a_party_needs_inherited_phy01() {
    let text = example_with("    - party: dc-osaka", "    - party: dc-tokyo");
    let problem = find(&problems(&text), "PHY-01", "dc-osaka");
    assert_eq!(line_of(&text, &problem), "operator: dc-osaka");
}

// ---------------------------------------------------------------------------------------
// Certifications and attestations

#[test]
fn only_own_certifications_answer_aud03() {
    let text = example_text()
        .replace("  - holder: service\n", "  - holder: dc-tokyo\n")
        .replace("  - holder: vendor\n", "  - holder: dc-tokyo\n");
    let problem = find(&problems(&text), "AUD-03", "回答がありません");
    let hint = problem.hint.as_deref().unwrap();
    assert!(
        hint.contains("ISMAP") && hint.contains("その事業者が担う統制の根拠"),
        "{hint}"
    );
}

#[test]
fn expired_certification_is_an_error_and_expiring_one_a_warning() {
    let text = example_with("valid_until: 2027-12-31", "valid_until: 2026-11-25");
    let problem = find(&problems(&text), "AUD-03", "失効");
    assert_eq!(line_of(&text, &problem), "valid_until: 2026-11-25");
    // valid on the submission day itself, but within 90 days: a warning
    let w = warnings(&example_with(
        "valid_until: 2027-12-31",
        "valid_until: 2026-11-26",
    ));
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(w[0].message.contains("0日後"), "{}", w[0].message);
    assert!(
        warnings(&example_with(
            "valid_until: 2027-12-31",
            "valid_until: 2027-02-25"
        ))
        .is_empty()
    );
}

#[test]
fn other_scheme_needs_a_name() {
    let text = example_with("    scheme: iso27017", "    scheme: other");
    find(&problems(&text), "AUD-03", "制度名");
}

const ATTESTATION: &str = "attestations:
  - holder: vendor
    kind: soc2_type2
    auditor: 青空監査法人
    system: 青嶺 文書管理クラウド
    period_from: FROM
    period_to: TO
    report_date: REPORT
    city_access: inspection_under_nda
";

fn with_attestation(from: &str, to: &str, report: &str, extra: &str) -> String {
    let block = ATTESTATION
        .replace("FROM", from)
        .replace("TO", to)
        .replace("REPORT", report);
    example_with("exit: # AST-01", &format!("{block}{extra}\nexit: # AST-01"))
}

#[test]
fn attestation_dates_are_in_order() {
    assert!(
        warnings(&with_attestation(
            "2025-10-01",
            "2026-09-30",
            "2026-11-10",
            ""
        ))
        .is_empty()
    );
    let p = problems(&with_attestation(
        "2026-10-01",
        "2026-09-30",
        "2026-11-10",
        "",
    ));
    find_message(&p, "対象期間の開始日 2026-10-01 が対象期間の終了日");
    let p = problems(&with_attestation(
        "2025-10-01",
        "2026-09-30",
        "2026-12-01",
        "",
    ));
    find_message(&p, "報告書の日付 2026-12-01 が提出日");
    let p = problems(&with_attestation(
        "2025-10-01",
        "2026-09-30",
        "2026-11-10",
        "    bridge_letter_until: 2026-09-01",
    ));
    find_message(&p, "ブリッジレター");
}

#[test]
fn an_old_report_without_a_bridge_letter_is_a_warning() {
    let old = with_attestation("2024-10-01", "2025-09-30", "2025-11-10", "");
    let w = warnings(&old);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(w[0].message.contains("12か月"), "{}", w[0].message);
    let bridged = with_attestation(
        "2024-10-01",
        "2025-09-30",
        "2025-11-10",
        "    bridge_letter_until: 2026-11-30",
    );
    // A bridge letter that reaches the submission date (2026-11-26) covers the gap.
    assert!(warnings(&bridged).is_empty());
}

// ---------------------------------------------------------------------------------------
// Access paths

#[test]
fn the_city_must_have_a_path() {
    let text = edited(&[
        (
            "    users: city_staff\n    city_segment: lgwan\n",
            "    users: residents\n",
        ),
        (
            "    users: city_administrators\n    city_segment: lgwan\n",
            "    users: residents\n",
        ),
    ]);
    find(&problems(&text), "TEC-17", "本市の職員又は管理者");
}

#[test]
fn no_operators_path_is_a_warning() {
    let text = example_with(
        "    users: vendor_operators\n",
        "    users: subprocessor_staff\n    party: dc-tokyo\n",
    );
    let w = warnings(&text);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(w[0].message.contains("運用者"), "{}", w[0].message);
}

#[test]
fn city_segment_belongs_to_city_paths_and_party_to_subprocessor_paths() {
    let text = example_with(
        "    users: city_staff\n    city_segment: lgwan\n",
        "    users: city_staff\n",
    );
    find(&problems(&text), "TEC-17", "city_segment");
    let text = example_with(
        "    users: vendor_operators\n",
        "    users: vendor_operators\n    city_segment: lgwan\n",
    );
    find(&problems(&text), "TEC-17", "city_segment は書きません");
    let text = example_with(
        "    users: vendor_operators\n",
        "    users: subprocessor_staff\n",
    );
    find(&problems(&text), "TEC-13", "party");
}

#[test]
fn a_path_needs_a_way_to_sign_in() {
    let text = example_with("      factors: [password]\n", "      factors: []\n");
    find(&problems(&text), "TEC-18", "認証の方法がありません");
}

#[test]
fn mfa_is_two_kinds_of_factors_on_open_lines() {
    let open = |factors: &str| {
        edited(&[
            ("    line: closed_ip_vpn", "    line: internet_vpn"),
            (
                "      factors: [password, client_certificate, totp]",
                factors,
            ),
        ])
    };
    let text = open("      factors: [password, pin]");
    let problem = find(&problems(&text), "TEC-18", "当社運用者による保守");
    assert_eq!(line_of(&text, &problem), "authentication:");
    assert_eq!(related_line(&text, &problem), "line: internet_vpn");
    warnings(&open("      factors: [password, fido2]"));
    // an identity provider that enforces MFA is multi-factor
    let idp = "      identity_provider:\n        protocol: saml\n        provider: 当社の統合認証基盤\n        mfa_enforced: true";
    warnings(&open(idp));
    find(
        &problems(&open(&idp.replace("true", "false"))),
        "TEC-18",
        "当社運用者",
    );
}

#[test]
fn lgwan_segment_over_the_internet_is_alpha_prime_and_not_closed() {
    let text = example_with(
        "    city_segment: lgwan\n    line: lgwan\n    authentication:\n      factors: [password]\n",
        "    city_segment: lgwan\n    line: internet\n    authentication:\n      factors: [password]\n",
    );
    let p = problems(&text);
    let tec17 = find(&p, "TEC-17", "α′");
    assert!(
        tec17
            .hint
            .as_deref()
            .unwrap()
            .contains("閉域網による適用除外も受けられません")
    );
    find(&p, "TEC-18", "本市職員による業務利用");
    // a dated plan for TEC-17 removes the TEC-17 error, not the TEC-18 one
    let planned = text.replace(
        "partial:\n",
        "planned:\n  TEC-17:\n    date: 2027-03-31\n    plan: LGWAN-ASP としての接続に切り替える。\npartial:\n",
    );
    let p = problems(&planned);
    assert!(
        !p.iter()
            .any(|p| p.row.as_ref().is_some_and(|r| r.as_str() == "TEC-17")),
        "{p:#?}"
    );
    find(&p, "TEC-18", "本市職員による業務利用");
}

#[test]
fn city_paths_over_the_internet_fail_tec17() {
    let text = edited(&[(
        "    users: city_administrators\n    city_segment: lgwan\n    line: lgwan",
        "    users: city_administrators\n    city_segment: internet\n    line: internet_vpn",
    )]);
    find(&problems(&text), "TEC-17", "閉域網ではない回線");
    let text = example_with(
        "    users: city_administrators\n    city_segment: lgwan\n",
        "    users: city_administrators\n    city_segment: internet\n",
    );
    let problem = find(&problems(&text), "TEC-17", "インターネット接続系");
    assert_eq!(related_line(&text, &problem), "city_segment: internet");
}

#[test]
fn lgwan_without_lgwan_asp_registration_is_a_warning() {
    let text = without_block("  lgwan_asp:\n");
    let w = warnings(&text);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(w[0].message.contains("lgwan_asp"));
}

#[test]
fn password_rules_without_passwords_are_a_warning() {
    let text = edited(&[
        ("      factors: [password]\n", "      factors: [fido2]\n"),
        (
            "      factors: [password, totp]\n",
            "      factors: [fido2, biometric]\n",
        ),
        (
            "      factors: [password, client_certificate, totp]\n",
            "      factors: [client_certificate, totp]\n",
        ),
    ]);
    let w = warnings(&text);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].row.as_ref().unwrap().as_str(), "TEC-12");
}

#[test]
fn allowed_sources_cannot_be_blank() {
    let text = example_with(
        "    allowed_sources: LGWANのネットワークからの通信のみを受け付け、インターネットからの接続口は設けない。",
        "    allowed_sources: \"　\"",
    );
    find(&problems(&text), "TEC-13", "空欄です");
}

// ---------------------------------------------------------------------------------------
// Encryption and deletion

#[test]
fn crypto_erase_needs_per_tenant_keys() {
    let text = example_with("per_tenant_keys: true", "per_tenant_keys: false");
    let problem = find(&problems(&text), "AST-01", "暗号化消去");
    assert_eq!(line_of(&text, &problem), "kind: crypto_erase");
    assert_eq!(related_line(&text, &problem), "per_tenant_keys: false");
}

#[test]
fn logical_deletion_alone_does_not_make_data_unrecoverable() {
    let text = example_text().replace("kind: crypto_erase", "kind: backup_expiry");
    let problem = find(&problems(&text), "AST-01", "論理削除だけでは");
    assert_eq!(line_of(&text, &problem), "kind: logical_deletion");
}

#[test]
fn a_partys_logical_deletion_is_covered_only_by_that_partys_own_processing() {
    let fixture = std::fs::read_to_string(
        common::repo().join("tests/fixtures/documents/saas-on-iaas/vendor.yaml"),
    )
    .unwrap();
    load(&fixture).unwrap();
    // the mail provider's own media sanitisation removed: the IaaS's does not reach its records
    let start = fixture
        .find("      - target: 株式会社はやてメールの記録媒体")
        .unwrap();
    let end = start + fixture[start..].find("  certificate:").unwrap();
    let text = format!("{}{}", &fixture[..start], &fixture[end..]);
    let problem = find(&problems(&text), "AST-01", "論理削除だけでは");
    assert!(
        problem.message.contains("通知メールの配信記録"),
        "{problem:?}"
    );
}

#[test]
fn policy_exceptions_keep_bas05_from_being_fully_met() {
    let text = example_with(
        "  BAS-05:\n    date: 2027-03-31\n",
        "  TEC-16:\n    date: 2027-03-31\n",
    );
    let problem = find(&problems(&text), "BAS-05", "対応済にできません");
    assert!(line_of(&text, &problem).starts_with("exceptions:"));
}

#[test]
fn nist_levels_belong_to_media_sanitisation() {
    let text = example_with(
        "        kind: media_sanitization\n        level: destroy\n",
        "        kind: media_sanitization\n",
    );
    find(&problems(&text), "AST-01", "level");
    let text = example_with(
        "        kind: logical_deletion\n",
        "        kind: logical_deletion\n        level: clear\n",
    );
    find(
        &problems(&text),
        "AST-01",
        "記録媒体の消去（media_sanitization）にだけ",
    );
}

#[test]
fn the_vendor_cannot_certify_what_a_party_did() {
    let text = example_with(
        "        level: destroy\n        performed_by: vendor\n",
        "        level: destroy\n        performed_by: dc-tokyo\n",
    );
    let problem = find(&problems(&text), "AST-01", "当社の削除証明書");
    assert_eq!(related_line(&text, &problem), "performed_by: dc-tokyo");
}

#[test]
fn deletion_scope_covers_production_backups_and_subprocessors() {
    let text = example_with(
        "scope: [production, replicas, backups, logs, dr_site]",
        "scope: [production, replicas, logs]",
    );
    let problem = find(&problems(&text), "AST-01", "backups");
    assert!(line_of(&text, &problem).starts_with("scope:"));
    let text = example_with(
        "    city_approval: not_required\n  - key: dc-osaka",
        "    city_approval: requested\n  - key: dc-osaka",
    );
    let problem = find(&problems(&text), "AST-01", "subprocessors");
    assert_eq!(related_line(&text, &problem), "city_approval: requested");
}

// ---------------------------------------------------------------------------------------
// Timeline

#[test]
fn export_window_must_close_before_the_deletion_deadline() {
    let text = example_with("    window_days: 60", "    window_days: 90");
    let problem = find(&problems(&text), "AST-01", "出力の受付期間（90日）");
    assert_eq!(line_of(&text, &problem), "deadline_days: 75");
    assert_eq!(related_line(&text, &problem), "window_days: 90");
}

#[test]
fn backups_are_gone_after_the_deletion() {
    let text = example_with("    backups_gone_days: 110", "    backups_gone_days: 30");
    let problem = find(
        &problems(&text),
        "AST-01",
        "バックアップが無くなる日（30日）",
    );
    assert_eq!(related_line(&text, &problem), "deadline_days: 75");
}

#[test]
fn expiring_backups_outlive_the_deletion_by_their_retention() {
    // the example lets its encrypted backup files expire after the keys are destroyed
    let text = example_with("    backups_gone_days: 110", "    backups_gone_days: 75");
    let problem = find(&problems(&text), "AST-01", "110日");
    assert_eq!(line_of(&text, &problem), "backups_gone_days: 75");
    assert_eq!(related_line(&text, &problem), "retention_days: 35");
    load(&common::example_text()).unwrap();
}

#[test]
fn worm_logs_cannot_be_deleted_at_exit() {
    let text = example_with(
        "methods: [hash_chain, separate_storage]",
        "methods: [worm, hash_chain]",
    );
    let problem = find(&problems(&text), "AST-01", "WORM");
    assert!(line_of(&text, &problem).starts_with("scope:"));
    assert_eq!(related_line(&text, &problem), "methods: [worm, hash_chain]");
    let out_of_scope = text.replace(
        "scope: [production, replicas, backups, logs, dr_site]",
        "scope: [production, replicas, backups, dr_site]",
    );
    find(&problems(&out_of_scope), "AST-01", "retained_logs");
    let retained = out_of_scope.replace(
        "    deadline_days: 75\n",
        "    deadline_days: 75\n    retained_logs: WORM の保存期間（60か月）の満了まで保存し、満了時に自動で消去する。\n",
    );
    load(&retained).expect("retained logs are said");
}

// ---------------------------------------------------------------------------------------
// BAS-03 and the SLA

#[test]
fn changes_need_the_citys_consent() {
    let text = example_with("consent_required: true", "consent_required: false");
    let problem = find(&problems(&text), "BAS-03", "同意なし");
    assert_eq!(line_of(&text, &problem), "consent_required: false");
}

#[test]
fn an_sla_states_availability_recovery_and_support() {
    let start = "  availability:\n";
    let text = example_text();
    let cut = text.find(start).unwrap();
    let end = cut + text[cut..].find("  recovery:\n").unwrap();
    let text = format!("{}{}", &text[..cut], &text[end..]);
    find(&problems(&text), "BAS-06", "availability（稼働率）");
}

#[test]
fn availability_is_a_percentage_and_low_figures_are_warned() {
    for bad in ["100.5", "0", "-1", ".nan"] {
        let text = example_with("percent: 99.9", &format!("percent: {bad}"));
        let problem = find(&problems(&text), "BAS-06", "百分率");
        assert_eq!(line_of(&text, &problem), format!("percent: {bad}"));
    }
    let w = warnings(&example_with("percent: 99.9", "percent: 98.5"));
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(w[0].message.contains("98.5"));
}

#[test]
fn response_time_figures_are_positive() {
    find(
        &problems(&example_with("percentile: 99", "percentile: 0")),
        "BAS-06",
        "百分率",
    );
    find(
        &problems(&example_with("seconds: 3", "seconds: 0")),
        "BAS-06",
        "正の秒数",
    );
}

#[test]
fn guarantees_need_remedies() {
    let text = example_text();
    let cut = text.find("  service_credits:\n").unwrap();
    let end = text.find("  liability_limit:").unwrap();
    let text = format!("{}{}", &text[..cut], &text[end..]);
    let problem = find(&problems(&text), "BAS-06", "未達時の措置");
    assert_eq!(line_of(&text, &problem), "commitment: guarantee");
}

// ---------------------------------------------------------------------------------------
// Dates and values

#[test]
fn past_events_are_dated_before_the_submission() {
    let text = example_with("established: 2016-04-01", "established: 2030-04-01");
    let p = problems(&text);
    let problem = find(&p, "BAS-01", "提出日");
    assert_eq!(line_of(&text, &problem), "established: 2030-04-01");
    find(&p, "BAS-01", "制定日");
    let text = example_with("last_report: 2026-09-15", "last_report: 2026-12-15");
    find(&problems(&text), "AUD-02", "提出日");
}

#[test]
fn email_and_urls_are_well_formed() {
    let text = example_with(
        "email: koukyou@aomine-cloud.example.jp",
        "email: not-an-email",
    );
    let problem = find_message(&problems(&text), "電子メールアドレス");
    assert_eq!(line_of(&text, &problem), "email: not-an-email");
    let text = example_with(
        "（https://aomine-cloud.example.jp/security/policy）",
        "（https//aomine-cloud.example.jp/security/policy）",
    );
    find_message(&problems(&text), "URL");
}

#[test]
fn every_location_is_in_japan_and_says_where() {
    let text = example_with(
        "      - country: JP\n        prefecture: 大阪府",
        "      - country: US\n        prefecture: 大阪府",
    );
    let problem = find(&problems(&text), "PHY-02", "日本国外");
    assert_eq!(line_of(&text, &problem), "- country: US");
    let text = example_with(
        "      - country: JP\n        prefecture: 大阪府",
        "      - country: 日本\n        prefecture: 大阪府",
    );
    let problem = find(&problems(&text), "PHY-02", "JP と書きます");
    assert_eq!(line_of(&text, &problem), "- country: 日本");
    let site =
        "    - role: primary\n      location:\n        country: JP\n        prefecture: 東京都\n";
    let text = example_with(site, &site.replace("東京都", "東京"));
    let problem = find(&problems(&text), "PHY-02", "都道府県");
    assert!(problem.hint.as_deref().unwrap().contains("東京都"));
    let text = example_with(site, &site.replace("        prefecture: 東京都\n", ""));
    find(&problems(&text), "PHY-02", "国内のどこか");
}

// ---------------------------------------------------------------------------------------
// Strings

#[test]
fn blank_strings_are_errors() {
    let text = example_with(
        "  description: 職員が公文書を起案・決裁し、保存期間に従って管理・廃棄するまでを一元管理するSaaS。",
        "  description: \"  \"",
    );
    let problem = find_message(&problems(&text), "空欄です");
    assert_eq!(line_of(&text, &problem), "description: \"  \"");
}

#[test]
fn control_and_bidi_characters_are_named_by_code_point() {
    for (escape, code) in [
        ("\\u202E", "U+202E"),
        ("\\a", "U+0007"),
        ("\\e", "U+001B"),
        ("\\u0085", "U+0085"),
        ("\\u2066", "U+2066"),
    ] {
        let text = example_with(
            "  name: 青嶺 文書管理クラウド\n",
            &format!("  name: \"青嶺 文書管理クラウド{escape}\"\n"),
        );
        let problem = find_message(&problems(&text), code);
        assert!(!problem.message.chars().any(|c| c.is_control()
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)));
    }
}

#[test]
fn characters_missing_from_the_fonts_are_refused_at_check() {
    let text = example_with("    name: 山田 花子", "    name: 山田 花子😀");
    let problem = find_message(&problems(&text), "U+1F600");
    assert!(problem.message.contains("BIZ UD"), "{}", problem.message);
    assert_eq!(line_of(&text, &problem), "name: 山田 花子😀");
    // without fonts (Markdown only), the character is accepted
    let file = common::source(&text);
    let criteria = beppyo::criteria::Criteria::embedded();
    beppyo::facts::load_with(&file, &criteria, None).expect("no glyph check without fonts");
}

// ---------------------------------------------------------------------------------------
// Leftovers of the examples

#[test]
fn example_values_left_in_another_vendors_file_are_refused() {
    let text = example_with(
        "  name: 株式会社青嶺クラウド\n",
        "  name: 株式会社霧島システムズ\n",
    );
    let p = problems(&text);
    let left: Vec<&Problem> = p
        .iter()
        .filter(|p| p.message.contains("記入例の値が残っています"))
        .collect();
    assert!(left.len() > 10, "{left:#?}");
    let representative = find_message(&p, "「代表取締役 青嶺 太郎」");
    assert!(
        representative.message.contains("aomine"),
        "{}",
        representative.message
    );
    for needle in [
        "「L26-0042-1」",
        "「koukyou@aomine-cloud.example.jp」",
        "「東雲データセンター株式会社」",
        "「青嶺 文書管理クラウド」",
    ] {
        find_message(&p, needle);
    }
    // generic values are nobody's
    for generic in [
        "「24時間365日」",
        "「ntp.nict.jp」",
        "「日本法」",
        "「東京都」",
    ] {
        assert!(!has_message(&p, generic), "{generic}");
    }
}

// ---------------------------------------------------------------------------------------
// Order, parse errors, reading

#[test]
fn problems_come_in_file_order() {
    let text = edited(&[
        ("consent_required: true", "consent_required: false"),
        ("    window_days: 60", "    window_days: 90"),
        ("email: koukyou@aomine-cloud.example.jp", "email: x"),
    ]);
    let lines: Vec<usize> = problems(&text)
        .iter()
        .map(|p| p.location.unwrap().line)
        .collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted);
    assert_eq!(lines.len(), 3);
}

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
        p[0].message
            .contains("キー `percnt` はこの位置に書けません"),
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
    assert!(error.contains("4194304 バイトまで"), "{error}");
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

// ---------------------------------------------------------------------------------------
// The binary: warnings, --strict, render with warnings

fn write(dir: &std::path::Path, text: &str) {
    std::fs::write(dir.join("v.yaml"), text).unwrap();
}

#[test]
fn check_prints_warnings_and_strict_fails_on_them() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &example_with("percent: 99.9", "percent: 98.5"));
    let out = common::run(&["check", "v.yaml"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("警告: 稼働率 98.5%"), "{stdout}");
    assert!(stdout.contains("警告 1 件"), "{stdout}");
    let out = common::run(&["check", "--strict", "v.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--strict"));
    // the example has no warning
    let example = common::repo().join("data/examples/aomine/vendor.yaml");
    let out = common::run(
        &["check", "--strict", &example.display().to_string()],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn check_shows_both_ends_of_a_contradiction() {
    let dir = tempfile::tempdir().unwrap();
    let text = example_with("    window_days: 60", "    window_days: 90");
    write(dir.path(), &text);
    let out = common::run(&["check", "v.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let window = text
        .lines()
        .position(|l| l.contains("window_days: 90"))
        .unwrap()
        + 1;
    let deadline = text
        .lines()
        .position(|l| l.contains("deadline_days: 75"))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!("{window} │     window_days: 90")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{deadline} │     deadline_days: 75")),
        "{stderr}"
    );
    assert!(stderr.contains("出力の受付期間 90日"), "{stderr}");
}

#[test]
fn render_goes_on_with_warnings_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &example_with("percent: 99.9", "percent: 98.5"));
    let out = common::run(
        &["render", "v.yaml", "-o", "out", "--format", "md"],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("警告を残したまま書類を作成します"),
        "{stderr}"
    );
}

/// Type errors, unknown keys and rule problems of one file come in one run, in file order:
/// the rules judge the topics that parsed on the value the parser's repairs gave, and leave
/// alone a topic whose values are stand-ins.
#[test]
fn parse_and_rule_problems_come_in_one_run_in_file_order() {
    let text = edited(&[
        (
            "    email: koukyou@aomine-cloud.example.jp",
            "    email: not-an-email",
        ),
        ("  days_in_advance: 90", "  days_in_advance: 90\n  dayz: 3"),
        ("    percent: 99.9", "    percent: 九十九"),
    ]);
    let found = problems(&text);
    let lines: Vec<usize> = found
        .iter()
        .map(|p| p.location.expect("every problem is located").line)
        .collect();
    assert_eq!(lines, vec![22, 118, 146], "{found:#?}");
    assert!(
        found[0].message.contains("電子メールアドレス"),
        "{found:#?}"
    );
    assert!(found[1].message.contains("dayz"), "{found:#?}");
    assert!(found[2].message.contains("九十九"), "{found:#?}");
}

/// The kasumi example (SaaS on IaaS, a mail-delivery party) with each `from` replaced.
fn kasumi_edited(edits: &[(&str, &str)]) -> String {
    let mut text =
        std::fs::read_to_string(common::repo().join("data/examples/kasumi/vendor.yaml")).unwrap();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "`{from}` must occur once");
        text = text.replacen(from, to, 1);
    }
    text
}

/// Every problem of facts, whether they load or not.
fn all_problems(text: &str) -> Vec<Problem> {
    match load(text) {
        Ok((_, warnings)) => warnings,
        Err(problems) => problems,
    }
}

#[test]
fn a_copy_left_without_a_deletion_day_makes_ast01_partial() {
    // The example declares AST-01 partial because the mail party's deleted records stay on
    // its media with no end date; answered as fully met, the same facts are an error at
    // the party's logical deletion.
    let text = kasumi_edited(&[(
        "  # 株式会社はやて配信が論理削除する配信の記録は、同社の記録媒体の処理まで残り、消える期日がない。\n  AST-01:\n    date: 2027-09-30\n    plan: 株式会社はやて配信に、本市の配信の記録を本市専用の鍵で暗号化させ、契約終了時にその鍵を破棄させる。\n    interim: それまでの間は、配信の記録を配信日から30日で自動的に削除させ、契約終了時に本市分の残存する記録を削除させて、削除の日付を記載した同社の報告書を削除証明書に添付する。\n",
        "",
    )]);
    let problems = all_problems(&text);
    let p = find(&problems, "AST-01", "消える期日がない");
    assert!(p.message.contains("はやてメールの配信の記録"), "{p:#?}");
    assert_eq!(line_of(&text, &p), "kind: logical_deletion");
    // Its own key destroyed by the same party gives the day, and the row may be met.
    assert!(!has_message(
        &all_problems(&kasumi_edited(&[])),
        "消える期日がない"
    ));
}

#[test]
fn a_bridge_letter_ending_before_the_submission_is_a_warning() {
    let text = kasumi_edited(&[(
        "period_to: 2026-06-30\n    report_date: 2026-08-28\n    bridge_letter_until: 2026-12-31",
        "period_to: 2026-06-30\n    report_date: 2026-08-28\n    bridge_letter_until: 2026-12-01",
    )]);
    let problems = all_problems(&text);
    let p = find_message(&problems, "提出日 2026-12-10 を補っていません");
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(line_of(&text, &p), "bridge_letter_until: 2026-12-01");
    assert_eq!(related_line(&text, &p), "date: 2026-12-10");
    assert!(!has_message(
        &all_problems(&kasumi_edited(&[])),
        "を補っていません"
    ));
}

// ---------------------------------------------------------------------------------------
// A row planned or not applicable while its own topic is filled

#[test]
fn a_planned_or_not_applicable_row_cannot_keep_the_topic_that_answers_only_it() {
    let text = with_section(
        "planned:\n  TEC-09:\n    date: 2027-06-30\n    plan: ログを期間と利用者で絞り込んで出力する機能を導入する。",
    );
    let problem = find(&problems(&text), "TEC-09", "この行だけに答える `forensics`");
    assert_eq!(line_of(&text, &problem), "forensics: # TEC-09");
    assert!(related_line(&text, &problem).starts_with("TEC-09:"));
    let hint = problem.hint.as_deref().unwrap();
    assert!(
        hint.contains("`forensics` を削除") && hint.contains("partial.TEC-09"),
        "{hint}"
    );
    // not applicable: the same
    let reason = "本サービスは本市の端末にのみ記録を残し、当社は証拠となるログを保有しないため。";
    let text = with_section(&format!("not_applicable:\n  TEC-09: {reason}"));
    find(&problems(&text), "TEC-09", "not_applicable にありますが");
    // without the topic, the plan loads
    load(&drop_block(
        &with_section(
            "planned:\n  TEC-09:\n    date: 2027-06-30\n    plan: ログを期間と利用者で絞り込んで出力する機能を導入する。",
        ),
        "forensics: # TEC-09",
    ))
    .expect("a planned row without its topic loads");
    // a topic that answers several rows stays for the others (logging: TEC-07 and TEC-08)
    let text = with_section(
        "planned:\n  TEC-08:\n    date: 2027-06-30\n    plan: ログをハッシュチェーンで連結し、別の環境に転送する。",
    );
    load(&text).expect("logging still answers TEC-07");
}

// ---------------------------------------------------------------------------------------
// Sub-processors in the deletion scope

#[test]
fn a_subprocessor_in_the_deletion_scope_needs_a_deletion_method_of_its_own() {
    let helpdesk = "  - key: helpdesk\n    name: 株式会社潮騒サポート\n    role: support_contractor\n    service: 問合せ窓口代行\n    data_handled: 住民からの問合せの内容（問合せ者の氏名及び連絡先を含む）。\n    locations:\n      - country: JP\n        prefecture: 北海道\n    city_approval: requested\n  - key: lgwan-link\n";
    let text = kasumi_edited(&[("  - key: lgwan-link\n", helpdesk)]);
    let problems = all_problems(&text);
    let p = find(&problems, "AST-01", "株式会社潮騒サポート");
    assert_eq!(p.severity, Severity::Error);
    assert!(line_of(&text, &p).starts_with("data_handled: 住民からの問合せ"));
    assert!(related_line(&text, &p).starts_with("scope: "));
    assert!(
        p.hint
            .as_deref()
            .unwrap()
            .contains("performed_by: helpdesk"),
        "{p:#?}"
    );
    // the example's parties each delete what they hold
    assert!(!has_message(
        &all_problems(&kasumi_edited(&[])),
        "同社が実施する削除の方法"
    ));
}

// ---------------------------------------------------------------------------------------
// AUD-03 on a scheme the city has to accept

#[test]
fn aud03_resting_only_on_a_privacy_mark_is_a_warning() {
    let text = edited(&[
        ("    scheme: ismap_liu\n", "    scheme: privacy_mark\n"),
        ("    scheme: iso27001\n", "    scheme: aspic\n"),
        ("    scheme: iso27017\n", "    scheme: aspic\n"),
    ]);
    let w = warnings(&text);
    let p = find(&w, "AUD-03", "本市が判断します");
    assert_eq!(line_of(&text, &p), "scheme: privacy_mark");
    // one information-security certification is enough
    let text = edited(&[("    scheme: ismap_liu\n", "    scheme: privacy_mark\n")]);
    assert!(!has_message(&warnings(&text), "本市が判断します"));
}

/// The vendor's operators reach the service from their own terminals: malware protection
/// applies to those, so TEC-10 cannot be declared not applicable.
#[test]
fn tec10_is_not_declared_not_applicable_while_operators_connect() {
    let text = drop_block(
        &with_section(
            "not_applicable:\n  TEC-10: 本サービスはファイルの登録機能を持たず、実行環境の対策は基盤事業者に委ねているため。\n",
        ),
        "malware:",
    );
    let found = find(&problems(&text), "TEC-10", "対象外にできません");
    assert_eq!(found.severity, Severity::Error);
    assert!(line_of(&text, &found).contains("TEC-10:"), "{found:?}");
}

/// PHY-01 resting only on a provider's controls while the vendor's own terminals hold
/// the city's data leaves those terminals without theft prevention.
#[test]
fn phy01_inherited_alone_needs_the_vendors_own_measures_for_its_equipment() {
    let kasumi =
        std::fs::read_to_string(common::repo().join("data/examples/kasumi/vendor.yaml")).unwrap();
    let text = drop_block(&kasumi, "physical_security:");
    let found = find(&problems(&text), "PHY-01", "physical_security");
    assert_eq!(found.severity, Severity::Error);
    assert!(
        related_line(&text, &found).contains("equipment:"),
        "{found:?}"
    );
}
