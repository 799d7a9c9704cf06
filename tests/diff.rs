//! `beppyo diff OLD NEW` and `--notice`: each kind of change reported under its row with
//! its Japanese label, lists matched by what identifies an item, the revision round trip
//! (render, revise three facts, render again with `supersedes`, diff the folders, write
//! the 変更届, verify), a notice period too short, and an old-format side.
//!
//! Each case is the SaaS example (kasumi) plus a patch: only what differs is written here.

use crate::common;

use std::path::{Path, PathBuf};

use common::{repo, run};
use serde_json::Value;

fn kasumi() -> String {
    std::fs::read_to_string(repo().join("data/examples/kasumi/vendor.yaml")).unwrap()
}

/// `text` with each `(from, to)` applied once; `from` must occur exactly once.
fn patched(text: &str, patches: &[(&str, &str)]) -> String {
    let mut text = text.to_string();
    for (from, to) in patches {
        assert_eq!(text.matches(from).count(), 1, "`{from}` must occur once");
        text = text.replacen(from, to, 1);
    }
    text
}

/// Writes a facts file beside a copy of kasumi's evidence, which its attachments name.
fn write(dir: &Path, name: &str, text: &str) -> String {
    let evidence = repo().join("data/examples/kasumi/evidence");
    std::fs::create_dir_all(dir.join("evidence")).unwrap();
    for entry in std::fs::read_dir(evidence).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join("evidence").join(entry.file_name())).unwrap();
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `diff --json OLD NEW` for two texts; asserts exit code 4 (different).
fn json_diff(old: &str, new: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.yaml", old);
    let new = write(dir.path(), "new.yaml", new);
    let out = run(&["diff", "--json", &old, &new], dir.path());
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// The group that lists changes of `key`.
fn group<'a>(diff: &'a Value, key: &str) -> &'a Value {
    diff["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == key)
        .unwrap_or_else(|| panic!("no group {key}: {diff:#}"))
}

fn changes(group: &Value) -> &Vec<Value> {
    group["changes"].as_array().unwrap()
}

// The three revisions of the round trip, one per category.

/// TEC-08 goes from 一部対応 to 対応済: its plan goes, the tamper protection comes.
const TEC08_DONE: &[(&str, &str)] = &[
    (
        "  TEC-08:\n    date: 2027-06-30\n    plan: ログの改ざんを検知できるよう、ログを日次で別アカウントの保管領域に転送し、ハッシュチェーンを作成する仕組みを導入する。\n    interim: 導入までの間は、ログ保管領域の削除・変更の権限を運用責任者1名に限り、その操作を記録して毎月点検する。\n",
        "",
    ),
    (
        "    - name: 情報セキュリティ事象の記録（WAFの検知を含む）\n      retention_months: 24\n",
        "    - name: 情報セキュリティ事象の記録（WAFの検知を含む）\n      retention_months: 24\n  tamper_protection:\n    methods: [hash_chain, separate_storage]\n    description: ログは日次で別アカウントの保管領域に転送し、ハッシュチェーンを作成して改ざんを検知する。\n",
    ),
];

/// The guaranteed availability rises.
const AVAILABILITY: &[(&str, &str)] = &[("    percent: 99.5\n", "    percent: 99.9\n")];

/// A support contractor joins the parties.
const SUPPORT_PARTY: &[(&str, &str)] = &[(
    "    city_approval: not_required\n",
    "    city_approval: not_required\n  - key: support\n    name: 株式会社凪サポート\n    role: support_contractor\n    service: 問合せ受付業務\n    data_handled: 本市職員からの問合せの内容と、問合せた職員の氏名・連絡先。\n    locations:\n      - country: JP\n        prefecture: 神奈川県\n    city_approval: requested\n",
)];

/// That party's deletion at exit: a party handling the city's data deletes it by a method
/// of its own.
const SUPPORT_DELETION: &[(&str, &str)] = &[(
    "  certificate:\n    issuer: 株式会社霞ラボ\n",
    "      - target: 問合せ受付業務の記録\n        kind: logical_deletion\n        performed_by: support\n        evidence: party_certificate\n        description: 株式会社凪サポートが本市の問合せの記録を削除し、削除の日付を記載した報告書を当社に提出する。\n      - target: 株式会社凪サポートの記録媒体\n        kind: media_sanitization\n        level: purge\n        performed_by: support\n        evidence: third_party_report\n        description: 記録媒体は、株式会社凪サポートの手順により廃棄の前に消去される。\n  certificate:\n    issuer: 株式会社霞ラボ\n",
)];

#[test]
fn identical_inputs_exit_0_without_rows() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.yaml", &kasumi());
    let out = run(&["diff", &file, &file], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("違いはありません"), "{text}");
    assert!(!text.contains('■'), "{text}");
    assert_eq!(text.lines().count(), 2, "{text}");

    let out = run(&["diff", "--json", &file, &file], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["different"], false);
    assert_eq!(json["groups"], serde_json::json!([]));
}

#[test]
fn a_status_change_is_listed_first_with_its_row() {
    let old = kasumi();
    let new = patched(&patched(&old, AVAILABILITY), TEC08_DONE);
    let diff = json_diff(&old, &new);
    let first = &diff["groups"][0];
    assert_eq!(first["key"], "logging", "{diff:#}");
    assert_eq!(first["rows"], serde_json::json!(["TEC-07", "TEC-08"]));
    let status = &first["statuses"][0];
    assert_eq!(status["row"], "TEC-08");
    assert_eq!(status["old"], "一部対応（2027-06-30まで）");
    assert_eq!(status["new"], "対応済");
    let methods = changes(first)
        .iter()
        .find(|c| c["path"] == "logging.tamper_protection.methods")
        .unwrap();
    assert_eq!(methods["label"], "改ざん防止 ＞ 方法");
    assert_eq!(methods["new"], "ハッシュチェーン、別環境への転送と権限分離");
    let plan = changes(first)
        .iter()
        .find(|c| c["path"] == "partial.TEC-08.date")
        .unwrap();
    assert_eq!(plan["label"], "一部対応の行 ＞ 対応完了予定日");
}

#[test]
fn an_sla_figure_is_reported_under_bas_06() {
    let old = kasumi();
    let diff = json_diff(&old, &patched(&old, AVAILABILITY));
    let sla = group(&diff, "sla");
    assert_eq!(sla["rows"], serde_json::json!(["BAS-06"]));
    assert_eq!(sla["title"], "サービスレベル");
    let change = &changes(sla)[0];
    assert_eq!(change["path"], "sla.availability.percent");
    assert_eq!(change["label"], "稼働率");
    assert_eq!(
        (change["old"].as_str(), change["new"].as_str()),
        (Some("99.5%"), Some("99.9%"))
    );
    assert_eq!(change["kind"], "sla");
    assert_eq!(diff["count"], 1);
}

#[test]
fn an_added_sub_processor_is_one_change() {
    let old = kasumi();
    let diff = json_diff(&old, &patched(&old, SUPPORT_PARTY));
    assert_eq!(diff["count"], 1, "{diff:#}");
    let parties = group(&diff, "parties");
    assert_eq!(parties["title"], "本サービスが依存する他の事業者");
    let change = &changes(parties)[0];
    assert_eq!(change["path"], "parties[support]");
    assert_eq!(change["label"], "「support」");
    assert_eq!(change["old"], Value::Null);
    assert_eq!(change["new"], "株式会社凪サポート（問合せ窓口の委託先）");
    assert_eq!(change["kind"], "parties");
}

#[test]
fn a_data_location_is_reported_under_phy_02() {
    let old = kasumi();
    let new = patched(
        &old,
        &[(
            "    - role: disaster_recovery\n      location:\n        country: JP\n        prefecture: 大阪府\n",
            "    - role: disaster_recovery\n      location:\n        country: JP\n        prefecture: 兵庫県\n",
        )],
    );
    let diff = json_diff(&old, &new);
    let sites = group(&diff, "data_location");
    assert_eq!(sites["rows"], serde_json::json!(["PHY-02"]));
    let change = &changes(sites)[0];
    assert_eq!(
        change["path"],
        "data_location.sites[災害対策・iaas].location.prefecture"
    );
    assert_eq!(
        change["label"],
        "情報資産を置く全ての場所 ＞ 「災害対策・iaas」 ＞ 場所 ＞ 都道府県"
    );
    assert_eq!(
        (change["old"].as_str(), change["new"].as_str()),
        (Some("大阪府"), Some("兵庫県"))
    );
    assert_eq!(change["kind"], "data_location");
}

#[test]
fn a_deletion_method_is_reported_under_ast_01_in_words() {
    let old = kasumi();
    let new = patched(
        &old,
        &[(
            "      - target: オブジェクトストレージ上の本市の添付ファイル及びログ\n        kind: logical_deletion\n",
            "      - target: オブジェクトストレージ上の本市の添付ファイル及びログ\n        kind: crypto_erase\n",
        )],
    );
    let diff = json_diff(&old, &new);
    let exit = group(&diff, "exit");
    assert_eq!(exit["rows"], serde_json::json!(["AST-01"]));
    let change = &changes(exit)[0];
    assert_eq!(
        change["path"],
        "exit.deletion.methods[オブジェクトストレージ上の本市の添付ファイル及びログ].kind"
    );
    assert!(
        change["label"].as_str().unwrap().ends_with("＞ 削除の方法"),
        "{change:#}"
    );
    assert_eq!(
        change["old"],
        "論理削除（共有サービス上のデータの削除、スキーマ・テーブルの削除）。単独では復元不能にならない"
    );
    assert_eq!(change["new"], "暗号化消去（本市専用の暗号鍵の破棄）");
    assert_eq!(change["kind"], "deletion");
}

#[test]
fn an_item_inserted_first_does_not_cascade() {
    let old = kasumi();
    let new = patched(
        &old,
        &[
            (
                "  kinds:\n    - name: アクセス履歴（職員・住民の操作）\n",
                "  kinds:\n    - name: 認証の記録\n      retention_months: 12\n    - name: アクセス履歴（職員・住民の操作）\n",
            ),
            (
                "parties:\n  - key: iaas\n",
                "parties:\n  - key: cdn\n    name: 株式会社凪配信\n    role: other\n    data_handled: 本市の情報は保存しない。\n    locations:\n      - country: JP\n        prefecture: 東京都\n    city_approval: not_required\n  - key: iaas\n",
            ),
        ],
    );
    let diff = json_diff(&old, &new);
    assert_eq!(diff["count"], 2, "{diff:#}");
    assert_eq!(
        changes(group(&diff, "logging"))[0]["path"],
        "logging.kinds[認証の記録]"
    );
    assert_eq!(changes(group(&diff, "parties"))[0]["path"], "parties[cdn]");
}

#[test]
fn the_text_report_names_row_label_and_both_values() {
    let dir = tempfile::tempdir().unwrap();
    let old = kasumi();
    let a = write(dir.path(), "a.yaml", &old);
    let b = write(dir.path(), "b.yaml", &patched(&old, AVAILABILITY));
    let out = run(&["diff", &a, &b], dir.path());
    assert_eq!(out.status.code(), Some(4));
    let text = stdout(&out);
    assert!(
        text.contains(
            "■ BAS-06 サービスレベル\n  稼働率: 99.5% → 99.9%  〔sla.availability.percent〕"
        ),
        "{text}"
    );
    assert!(text.contains("違いが 1 件あります"), "{text}");
}

/// Renders `facts` into `dir/out` and returns the submission folder and its fingerprint.
fn render(dir: &Path, facts: &str) -> (PathBuf, String) {
    let out = run(&["render", facts, "-o", "out"], dir);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let folder = text
        .lines()
        .find_map(|l| l.strip_prefix("書き込みました: "))
        .unwrap()
        .to_string();
    let fingerprint = text
        .lines()
        .find_map(|l| l.strip_prefix("指紋（manifest.json の SHA-256）: "))
        .unwrap()
        .to_string();
    (PathBuf::from(folder), fingerprint)
}

/// The revision of the example: three facts changed, a new version that supersedes the
/// first submission, and the change declared.
fn revision(fingerprint: &str, effective: &str) -> String {
    let text = patched(&kasumi(), TEC08_DONE);
    let text = patched(&text, AVAILABILITY);
    let text = patched(&text, SUPPORT_PARTY);
    let text = patched(&text, SUPPORT_DELETION);
    let text = patched(
        &text,
        &[(
            "  date: 2026-12-10\n  version: \"1.0\"\n  id: 2026-asanagi-001\n",
            &format!(
                "  date: 2027-01-15\n  version: \"2.0\"\n  id: 2027-asanagi-002\n  supersedes:\n    id: 2026-asanagi-001\n    fingerprint: {fingerprint}\n"
            ),
        )],
    );
    // A revision a month later brings its providers' bridge letters up to its own date.
    let text = text.replace(
        "bridge_letter_until: 2026-12-31",
        "bridge_letter_until: 2027-03-31",
    );
    format!(
        "{}\nchange:\n  effective_date: {effective}\n  reason: ログの改ざん検知の仕組みを導入し、稼働率の保証値を引き上げ、問合せ受付業務を委託するため。\n",
        text.trim_end()
    )
}

/// 64 hex digits, whatever the build: the snapshot must not change with every template.
fn redacted(text: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once('\n')) {
        if c.is_ascii_hexdigit() {
            run.push(c);
            continue;
        }
        if run.len() == 64 {
            out.push_str("［指紋］");
        } else {
            out.push_str(&run);
        }
        run.clear();
        out.push(c);
    }
    out.pop();
    out
}

#[test]
fn the_revision_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "v1.yaml", &kasumi());
    let (old_folder, old_fingerprint) = render(dir.path(), &first);
    let second = write(
        dir.path(),
        "v2.yaml",
        &revision(&old_fingerprint, "2027-04-01"),
    );
    let check = run(&["check", "--strict", &second], dir.path());
    assert!(
        check.status.success(),
        "{}{}",
        stdout(&check),
        stderr(&check)
    );
    let (new_folder, new_fingerprint) = render(dir.path(), &second);
    let (old_folder, new_folder) = (
        old_folder.display().to_string(),
        new_folder.display().to_string(),
    );

    let out = run(&["diff", "--json", &old_folder, &new_folder], dir.path());
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let diff: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(diff["groups"][0]["statuses"][0]["row"], "TEC-08");
    assert_eq!(changes(group(&diff, "sla"))[0]["label"], "稼働率");
    assert_eq!(
        changes(group(&diff, "parties"))[0]["path"],
        "parties[support]"
    );

    let out = run(
        &["diff", &old_folder, &new_folder, "--notice", "-o", "notice"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let markdown = std::fs::read_to_string(dir.path().join("notice/changes_notice.md")).unwrap();
    assert!(markdown.contains(&old_fingerprint) && markdown.contains(&new_fingerprint));
    let pdf = std::fs::read(dir.path().join("notice/changes_notice.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    insta::assert_snapshot!("changes_notice", redacted(&markdown));
    let out = run(
        &[
            "diff",
            "--json",
            &old_folder,
            &new_folder,
            "--notice",
            "-o",
            "again",
        ],
        dir.path(),
    );
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["notice"].as_array().map(Vec::len), Some(2), "{json:#}");
    let again = std::fs::read_to_string(dir.path().join("again/changes_notice.md")).unwrap();
    assert_eq!(again, markdown, "the same inputs give the same letter");

    let out = run(&["verify", &new_folder], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "置き換える以前の提出: 2026-asanagi-001（指紋 {old_fingerprint}）"
        )),
        "{text}"
    );
    let out = run(&["verify", "--json", &new_folder], dir.path());
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["supersedes"]["id"], "2026-asanagi-001");
    assert_eq!(json["supersedes"]["fingerprint"], old_fingerprint.as_str());
}

#[test]
fn a_notice_too_short_for_the_promised_period_is_refused_where_the_date_is() {
    let dir = tempfile::tempdir().unwrap();
    let fingerprint = "0".repeat(64);
    let old = write(dir.path(), "v1.yaml", &kasumi());
    let new = write(dir.path(), "v2.yaml", &revision(&fingerprint, "2027-02-01"));
    let out = run(
        &["diff", &old, &new, "--notice", "-o", "notice"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let err = stderr(&out);
    let line = revision(&fingerprint, "2027-02-01")
        .lines()
        .position(|l| l.starts_with("  effective_date:"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("v2.yaml:{line}:")), "{err}");
    assert!(
        err.contains("提出日 2027-01-15 の17日後です。重大な変更は60日前までに報告すると約束しているため、足りません"),
        "{err}"
    );
    assert!(err.contains("2027-03-16 以降"), "{err}");
    assert!(!dir.path().join("notice").exists());

    // check says it too, as a warning that --strict refuses.
    let out = run(&["check", "--strict", &new], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("足りません") || stderr(&out).contains("足りません"));
}

#[test]
fn check_validates_the_superseded_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let new = write(dir.path(), "v2.yaml", &revision("abc", "2027-04-01"));
    let out = run(&["check", &new], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(text.contains("指紋は16進数64桁"), "{text}");
    assert!(text.contains("submission.supersedes.fingerprint"), "{text}");
}

#[test]
fn an_old_format_side_is_read_through_migrate() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = repo()
        .join("tests/fixtures/v1/vendor.yaml")
        .display()
        .to_string();
    let out = run(&["diff", &v1, &v1], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let current = repo()
        .join("data/examples/aomine/vendor.yaml")
        .display()
        .to_string();
    let out = run(&["diff", "--json", &v1, &current], dir.path());
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let diff: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(diff["old_migrated"], true);
    let all = stdout(&out);
    assert!(
        !all.contains("【要記入】"),
        "a placeholder is no value: {all}"
    );
    for group in diff["groups"].as_array().unwrap() {
        for status in group["statuses"].as_array().unwrap() {
            assert!(
                !["TEC-12", "TEC-18"].contains(&status["row"].as_str().unwrap()),
                "derived rows are not judged on a migrated side: {status}"
            );
        }
    }
    // What format 1 never said and the current file says is reported as added.
    let encryption = group(&diff, "encryption");
    assert!(
        changes(encryption)
            .iter()
            .any(|c| c["path"] == "encryption.at_rest.algorithm" && c["old"].is_null())
    );

    let out = run(&["diff", &v1, &current], dir.path());
    assert!(
        stdout(&out)
            .contains("形式1の事実ファイルのため、beppyo migrate と同じ変換をして比べました")
    );
}

#[test]
fn inputs_that_cannot_be_compared() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.yaml", &kasumi());
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let out = run(&["diff", &file, "empty"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("提出フォルダではありません"),
        "{}",
        stderr(&out)
    );

    let broken = write(
        dir.path(),
        "b.yaml",
        &kasumi().replace("  percent: 99.5", "  percent: 九十九"),
    );
    let out = run(&["diff", &file, &broken], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("b.yaml:"), "{}", stderr(&out));

    let out = run(&["diff", &file, "missing.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));

    let out = run(&["diff", &file, &file, "--notice"], dir.path());
    assert_eq!(out.status.code(), Some(2), "--notice needs -o");
}

#[test]
fn a_notice_must_supersede_the_submission_it_is_compared_with() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "v1.yaml", &kasumi());
    let (old_folder, _) = render(dir.path(), &first);
    let wrong = "f".repeat(64);
    let second = write(dir.path(), "v2.yaml", &revision(&wrong, "2027-04-01"));
    let old_folder = old_folder.display().to_string();
    let out = run(
        &["diff", &old_folder, &second, "--notice", "-o", "notice"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("置き換える提出の指紋が、以前の提出フォルダの指紋"),
        "{err}"
    );
    assert!(err.contains("v2.yaml:"), "{err}");
    assert!(!dir.path().join("notice").exists());
}
