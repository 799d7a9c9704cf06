//! `beppyo migrate`: the format-1 example (the shipped example before format 2, kept in
//! `tests/fixtures/v1/`) becomes a format-2 file whose only problems are the places a
//! person must fill; every old value with a place in format 2 is kept; the command
//! refuses to overwrite and leaves current files alone.

use crate::common;

use std::collections::BTreeSet;

use beppyo::diagnostic::Problem;
use beppyo::facts::Facts;
use beppyo::facts::model::{Commitment, DeletionEvidence, DeletionKind, Line, PathUsers};
use beppyo::migrate::{self, Migrated, Outcome};
use beppyo::yaml::{self, Mapping, Value, display_path};
use common::{load, repo, run};

fn v1_text() -> String {
    std::fs::read_to_string(repo().join("tests/fixtures/v1/vendor.yaml")).unwrap()
}

fn migrated(text: &str) -> Migrated {
    match migrate::migrate(text).unwrap() {
        Outcome::Migrated(migrated) => migrated,
        Outcome::AlreadyCurrent => panic!("a format-1 file was taken for current"),
    }
}

/// Every place of the migrated example that a person must fill, with a plausible answer
/// (as a person would give it) for the tests that fill them.
const TO_FILL: &[(&str, &str)] = &[
    ("service.lgwan_asp.registered_name", "青嶺 申請受付クラウド"),
    (
        "parties[0].data_handled",
        "本サービスの全データ（暗号化された状態）",
    ),
    ("parties[0].city_approval", "requested"),
    ("access_paths[0].city_segment", "lgwan"),
    ("access_paths[1].city_segment", "lgwan"),
    ("access_paths[2].line", "closed_ip_vpn"),
    (
        "access_paths[2].authentication.factors[0]",
        "client_certificate",
    ),
    (
        "access_paths[2].allowed_sources",
        "当社運用室からの閉域IP-VPNのみを受け付ける。",
    ),
    ("encryption.in_transit", "TLS 1.2以上"),
    ("encryption.at_rest.algorithm", "AES-256"),
    ("encryption.at_rest.key_management", "provider_kms"),
    ("encryption.at_rest.per_tenant_keys", "true"),
    (
        "inherited.AST-02[0].controls",
        "記録媒体は基盤事業者のデータセンター内で物理的に破壊する。",
    ),
    ("inherited.AST-02[0].evidence[0].period_from", "2025-04-01"),
    ("inherited.AST-02[0].evidence[0].period_to", "2026-03-31"),
    (
        "inherited.AST-02[0].evidence[0].city_access",
        "inspection_under_nda",
    ),
    ("sla.availability.commitment", "guarantee"),
    ("sla.availability.period", "暦月"),
    ("sla.planned_outage.window", "日曜日の2時から6時まで"),
    ("sla.recovery[0].scenario", "単一のゾーンの障害"),
    ("sla.recovery[0].commitment", "target"),
    ("sla.mttr.commitment", "target"),
    ("sla.backup.method", "データベースの自動スナップショット"),
    ("sla.backup.location", "大阪府（大阪リージョン）"),
    (
        "sla.response_time.measuring_point",
        "当社の監視サーバから申請一覧画面の表示が完了するまで",
    ),
    ("sla.response_time.commitment", "target"),
    ("sla.service_credits.cap", "当該月の月額利用料の30%"),
    (
        "sla.service_credits.claim",
        "対象月の翌月末日までに書面で請求する。",
    ),
    ("certifications[0].holder", "service"),
    ("certifications[1].holder", "vendor"),
    ("certifications[2].holder", "vendor"),
    ("exit.deletion.methods[3].performed_by", "iaas"),
    (
        "disposal.classes[0].equipment",
        "基盤事業者のストレージ媒体",
    ),
    ("physical_security.premises", "基盤事業者のデータセンター"),
    ("logging.tamper_protection.methods[0]", "hash_chain"),
];

/// Problems that the old example itself carries (issue 9, observation 5: an export window
/// of 90 days against a deletion deadline of 30, backups kept 35 days, logs on WORM storage
/// in the deletion scope). Migration must carry them over, not hide them; the consistency
/// checks report them, at these paths, once they exist.
const OLD_CONTRADICTIONS: &[&str] = &[
    "exit.migration.window_days",
    "exit.deletion",
    "logging",
    "sla.backup.retention_days",
    // format 1 described the IaaS's data centre as the vendor's own physical security;
    // format 2 wants it inherited from the party that operates the sites, with evidence
    "data_location.sites",
    // format 1 let a planned row (HUM-04) keep the topic that answers it; format 2 refuses
    // that (the row is then partial)
    "employment_terms",
];

fn paths(problems: &[Problem]) -> BTreeSet<String> {
    problems.iter().map(|p| display_path(&p.path)).collect()
}

/// The tree at a dotted display path such as `sla.recovery[0].rto`.
fn node_mut<'a>(tree: &'a mut Value, shown: &str) -> &'a mut Value {
    let mut node = tree;
    for part in shown.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        node = node
            .get_mut(key)
            .unwrap_or_else(|| panic!("{shown}: no key {key}"));
        if let Some(i) = index {
            node = node
                .get_mut(i)
                .unwrap_or_else(|| panic!("{shown}: no item {i}"));
        }
    }
    node
}

/// The text with the placeholders at `which` replaced by the answers of [`TO_FILL`].
fn fill(text: &str, which: &BTreeSet<String>) -> String {
    let mut tree: Value = yaml::from_str(text).unwrap();
    for (path, answer) in TO_FILL.iter().filter(|(p, _)| which.contains(*p)) {
        let node = node_mut(&mut tree, path);
        assert_eq!(node.as_str(), Some("【要記入】"), "{path}");
        *node = yaml::from_str(answer).unwrap();
    }
    yaml::to_string(&tree).unwrap()
}

fn all_placeholders() -> BTreeSet<String> {
    TO_FILL.iter().map(|(p, _)| p.to_string()).collect()
}

#[test]
fn the_old_example_gets_exactly_these_places_to_fill() {
    let result = migrated(&v1_text());
    let found: Vec<String> = result
        .to_fill
        .iter()
        .map(|t| display_path(&t.path))
        .collect();
    let expected: Vec<&str> = TO_FILL.iter().map(|(p, _)| *p).collect();
    assert_eq!(found, expected);
    // The header names each place, with what to write there.
    for item in &result.to_fill {
        let shown = display_path(&item.path);
        assert!(
            result.text.contains(&format!("#   {shown}\n#       ")),
            "{shown} is not listed in the header"
        );
        assert!(!item.hint.is_empty(), "{shown} has no hint");
    }
    let role = &result.to_fill[2].hint;
    assert!(
        role.contains("requested（本提出をもって承認を求める）"),
        "{role}"
    );
}

#[test]
fn check_reports_every_placeholder_and_nothing_else() {
    let text = migrated(&v1_text()).text;
    // First the placeholders that stand where a word, a boolean or a date belongs: the
    // parser cannot read them, and says so at each of them (in its own words, which name
    // the placeholder for words and booleans but not for dates).
    // The rules judge the parts that parsed in the same run: what they say away from a
    // placeholder must be one of the expected consequences below.
    let (unreadable, rules): (Vec<Problem>, Vec<Problem>) = load(&text)
        .expect_err("placeholders remain")
        .into_iter()
        .partition(|p| {
            let line = p.location.expect("located").line;
            text.lines().nth(line - 1).unwrap().contains("【要記入】")
        });
    let unexpected: Vec<&Problem> = rules.iter().filter(|p| !expected_consequence(p)).collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
    // Once those are filled, the placeholders in text fields, each said as such.
    let filled = fill(&text, &paths(&unreadable));
    let remaining = load(&filled).expect_err("text placeholders remain");
    let (said, other): (Vec<Problem>, Vec<Problem>) = remaining
        .into_iter()
        .partition(|p| p.message.contains("【要記入】"));
    for problem in &said {
        assert!(problem.location.is_some(), "{problem:?}");
    }
    let reported: BTreeSet<String> = paths(&unreadable).union(&paths(&said)).cloned().collect();
    assert_eq!(reported, all_placeholders());
    // Anything else is about a placeholder too (a holder that names no party yet), a
    // consequence of one (no certification is the vendor's own while every holder is
    // unknown, so AUD-03 counts as unanswered), or a contradiction of the old data.
    let unexpected: Vec<&Problem> = other.iter().filter(|p| !expected_consequence(p)).collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
}

fn expected_consequence(p: &Problem) -> bool {
    let shown = display_path(&p.path);
    let aud03 = p.unanswered && p.row.as_ref().is_some_and(|r| r.as_str() == "AUD-03");
    all_placeholders().contains(&shown) || aud03 || is_old_contradiction(&shown)
}

fn is_old_contradiction(shown: &str) -> bool {
    OLD_CONTRADICTIONS.iter().any(|c| shown.starts_with(c))
}

/// The migrated example with every placeholder filled, as typed facts.
fn filled_facts() -> Facts {
    let text = fill(&migrated(&v1_text()).text, &all_placeholders());
    match load(&text) {
        Ok((facts, _warnings)) => facts,
        Err(problems) => {
            let unexpected: Vec<&Problem> = problems
                .iter()
                .filter(|p| !is_old_contradiction(&display_path(&p.path)))
                .collect();
            assert!(unexpected.is_empty(), "{unexpected:#?}");
            // Only the old example's own contradictions: read the facts past them.
            yaml::from_str(&text).expect("the filled file has the format-2 types")
        }
    }
}

#[test]
fn once_filled_the_file_is_format_2_and_keeps_the_old_values() {
    let facts = filled_facts();
    assert_eq!(facts.format_version, 2);
    assert_eq!(facts.vendor.name, "株式会社青嶺クラウド");
    assert_eq!(facts.submission.id, "2026-shinonome-001");
    // service.platforms → parties, named after the company of the disposal owner
    let iaas = facts.party("iaas").expect("a party for the platform");
    assert_eq!(iaas.name, "青嶺IaaS株式会社");
    assert_eq!(iaas.service.as_deref(), Some("青嶺IaaS"));
    let prefectures: Vec<_> = iaas
        .locations
        .iter()
        .map(|l| l.prefecture.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(prefectures, ["東京都", "大阪府"]);
    // connection + mfa + network_restriction → access paths
    let users: Vec<PathUsers> = facts.access_paths.iter().map(|p| p.users).collect();
    assert_eq!(
        users,
        [
            PathUsers::CityStaff,
            PathUsers::CityAdministrators,
            PathUsers::VendorOperators
        ]
    );
    let staff = &facts.access_paths[0];
    assert_eq!(staff.line, Line::Lgwan);
    assert!(staff.authentication.is_multi_factor());
    assert!(
        staff
            .allowed_sources
            .starts_with("本サービスは本市が予め認めたLGWAN接続系")
    );
    // SLA
    let sla = facts.sla.as_ref().unwrap();
    let availability = sla.availability.as_ref().unwrap();
    assert_eq!(availability.percent, 99.9);
    assert!(availability.formula.starts_with("月間稼働率 ="));
    assert_eq!(availability.exclusions.len(), 3);
    assert_eq!(sla.planned_outage.as_ref().unwrap().notice_days, 30);
    assert_eq!(sla.service_end_notice_months, Some(12));
    assert_eq!(sla.recovery[0].rto.to_string(), "4時間");
    assert_eq!(sla.recovery[0].rpo.to_string(), "1時間");
    assert_eq!(sla.recovery[0].commitment, Commitment::Target);
    assert_eq!(sla.mttr.as_ref().unwrap().value.to_string(), "2時間");
    let backup = sla.backup.as_ref().unwrap();
    assert_eq!((backup.generations, backup.retention_days), (14, 35));
    let response = sla.response_time.as_ref().unwrap();
    assert_eq!((response.seconds, response.percentile), (3.0, 99.0));
    let credits = sla.service_credits.as_ref().unwrap();
    assert!(credits.tiers[0].starts_with("月間稼働率が99.9%を下回った場合"));
    assert_eq!(sla.remedies.len(), 2);
    assert_eq!(sla.reporting.as_ref().unwrap().contents.len(), 5);
    // certifications keep everything but gain a holder
    let ids: Vec<&str> = facts.certifications.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["C25-0123-1", "IS 612345", "CLOUD 700123"]);
    assert_eq!(
        facts.certifications[1].issuer,
        "一般財団法人 日本認証機構（架空）"
    );
    // exit
    let exit = facts.exit.as_ref().unwrap();
    assert_eq!(exit.migration.window_days, 90);
    assert_eq!(exit.deletion.deadline_days, 30);
    assert_eq!(exit.deletion.backups_gone_days, 35);
    let kinds: Vec<DeletionKind> = exit.deletion.methods.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        [
            DeletionKind::CryptoErase,
            DeletionKind::CryptoErase,
            DeletionKind::MediaSanitization,
            DeletionKind::MediaSanitization
        ]
    );
    assert_eq!(
        exit.deletion.methods[3].evidence,
        DeletionEvidence::PartyAttestation
    );
    assert_eq!(exit.certificate.delivery_days, 14);
    // disposal → one class owned by the platform's company; its attestation inherited
    let disposal = facts.disposal.as_ref().unwrap();
    assert_eq!(disposal.classes[0].owner, "iaas");
    assert_eq!(disposal.classes[0].media.len(), 2);
    let inherited = &facts.inherited[&beppyo::criteria::RowId::parse("AST-02").unwrap()][0];
    assert_eq!(inherited.party, "iaas");
    assert!(inherited.evidence[0].title.contains("SOC 2 Type 2報告書"));
    // PHY
    let physical = facts.physical_security.as_ref().unwrap();
    assert!(physical.entry_control.starts_with("ICカードと生体認証"));
    let sites = &facts.data_location.as_ref().unwrap().sites;
    assert_eq!(sites.len(), 3);
    assert!(
        sites
            .iter()
            .all(|s| s.operator == "iaas" && s.location.country == "JP")
    );
    assert_eq!(sites[2].location.prefecture.as_deref(), Some("大阪府"));
    // TEC
    let logging = facts.logging.as_ref().unwrap();
    assert_eq!(logging.kinds[2].retention_months, 13);
    assert!(
        logging
            .tamper_protection
            .as_ref()
            .unwrap()
            .description
            .starts_with("ログはWORM")
    );
    assert_eq!(facts.malware.as_ref().unwrap().performed_by, "vendor");
    assert_eq!(facts.passwords.as_ref().unwrap().min_length, 12);
    assert_eq!(
        facts.monitoring.as_ref().unwrap().liveness_interval_minutes,
        5
    );
    assert_eq!(facts.planned.len(), 1);
}

/// Every text of the old file: each must survive, in the new body or quoted in its header.
fn old_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(text) => out.push(text.clone()),
        Value::Sequence(items) => items.iter().for_each(|i| old_strings(i, out)),
        Value::Mapping(mapping) => mapping.values().for_each(|v| old_strings(v, out)),
        _ => {}
    }
}

/// Texts whose format-1 value was an enumeration word that format 2 spells otherwise.
const RENAMED_WORDS: &[&str] = &[
    "iaas_provider",
    "own",
    "crypto_erase",
    "overwrite",
    "provider_attestation",
    "attestation_report",
];

#[test]
fn no_old_text_is_lost() {
    let old: Value = yaml::from_str(&v1_text()).unwrap();
    let new = migrated(&v1_text()).text;
    let mut texts = Vec::new();
    old_strings(&old, &mut texts);
    assert!(texts.len() > 150, "{}", texts.len());
    let lost: Vec<&String> = texts
        .iter()
        .filter(|t| !new.contains(t.as_str()) && !RENAMED_WORDS.contains(&t.as_str()))
        .collect();
    assert!(lost.is_empty(), "{lost:#?}");
}

#[test]
fn migration_is_deterministic() {
    let first = migrated(&v1_text());
    for _ in 0..3 {
        assert_eq!(migrated(&v1_text()), first);
    }
    let dir = tempfile::tempdir().unwrap();
    let old = repo().join("tests/fixtures/v1/vendor.yaml");
    let old = old.to_str().unwrap();
    for name in ["a.yaml", "b.yaml"] {
        let out = run(&["migrate", old, "-o", name], dir.path());
        assert_eq!(out.status.code(), Some(0), "{out:?}");
    }
    let a = std::fs::read(dir.path().join("a.yaml")).unwrap();
    assert_eq!(a, std::fs::read(dir.path().join("b.yaml")).unwrap());
    assert_eq!(a, first.text.as_bytes());
}

#[test]
fn fractional_hours_become_minutes() {
    let text = v1_text().replace("  rpo_hours: 1\n", "  rpo_hours: 0.25\n");
    let new = migrated(&text).text;
    assert!(new.contains("    rpo: 15分\n"), "{new}");
}

#[test]
fn a_current_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let example = repo().join("data/examples/aomine/vendor.yaml");
    let out = run(
        &["migrate", example.to_str().unwrap(), "-o", "new.yaml"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("移行するものはありません"));
    assert!(!dir.path().join("new.yaml").exists());
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let old = repo().join("tests/fixtures/v1/vendor.yaml");
    let old = old.to_str().unwrap();
    std::fs::write(dir.path().join("new.yaml"), "keep me\n").unwrap();
    let out = run(&["migrate", old, "-o", "new.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("既にあります") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("new.yaml")).unwrap(),
        "keep me\n"
    );
    let out = run(&["migrate", old, "-o", "new.yaml", "--force"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let count = format!("【要記入】が{}か所あります", TO_FILL.len());
    assert!(stdout.contains(&count), "{stdout}");
    let written = std::fs::read_to_string(dir.path().join("new.yaml")).unwrap();
    assert!(written.contains("\nformat_version: 2\n"));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "a temporary file was left behind");
}

#[test]
fn a_file_that_is_not_yaml_gets_a_located_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("old.yaml"),
        "submission:\n  city: [東雲市\n",
    )
    .unwrap();
    let out = run(&["migrate", "old.yaml", "-o", "new.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("old.yaml:"), "{stderr}");
    assert!(stderr.contains("変換できません"), "{stderr}");
    assert!(!dir.path().join("new.yaml").exists());
    let out = run(&["migrate", "missing.yaml", "-o", "new.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.yaml を読めません"));
}

#[test]
fn a_mapping_of_another_kind_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.yaml"), "format_version: 7\n").unwrap();
    let out = run(&["migrate", "old.yaml", "-o", "new.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("format_version: 7"));
}

#[test]
fn keys_the_old_format_did_not_know_are_kept_for_check_to_report() {
    let text = v1_text().replace("policy: # BAS-01", "polcy: # BAS-01");
    let new = migrated(&text).text;
    assert!(new.contains("\npolcy:\n"), "{new}");
    let tree: Mapping = yaml::from_str(&new).unwrap();
    assert!(tree.contains_key("polcy") && !tree.contains_key("policy"));
}
